//! Linkage projects in PostgreSQL: loaded with the contracts, written in their unit of
//! work (taken out before the contracts, upserted after them with their cooperatives and
//! contracts replaced).

use crate::cols::PgColumns;
use hoptac_core::chain::LinkageProject;
use hoptac_store::decode::projects as rows;
use hoptac_store::{ChangeSet, Result};
use sqlx::{PgConnection, Postgres as DB};

pub(crate) async fn load(conn: &mut PgConnection) -> Result<Vec<LinkageProject>> {
    let mut projects: Vec<_> = sqlx::query(rows::PROJECTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::project(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let orgs = sqlx::query(rows::ORGS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::org(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let contracts = sqlx::query(rows::CONTRACTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::contract(&PgColumns(r)))
        .collect::<Result<_>>()?;
    rows::attach(&mut projects, orgs, contracts)?;
    Ok(projects)
}

/// The projects taken out, before the contracts are.
pub(crate) async fn remove(tx: &mut sqlx::Transaction<'static, DB>, c: &ChangeSet) -> Result<()> {
    for code in &c.removed_projects {
        sqlx::query("DELETE FROM linkage_projects WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The projects upserted, after the contracts.
pub(crate) async fn write(tx: &mut sqlx::Transaction<'static, DB>, c: &ChangeSet) -> Result<()> {
    for p in &c.projects {
        sqlx::query(
            "INSERT INTO linkage_projects (code, name, lead, area_ha, households, investment_vnd, support_approved_vnd, approved_by, decision, approved_on, starts_on, ends_on) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, lead = excluded.lead, area_ha = excluded.area_ha, \
             households = excluded.households, investment_vnd = excluded.investment_vnd, \
             support_approved_vnd = excluded.support_approved_vnd, approved_by = excluded.approved_by, \
             decision = excluded.decision, approved_on = excluded.approved_on, starts_on = excluded.starts_on, \
             ends_on = excluded.ends_on",
        )
        .bind(&p.code)
        .bind(&p.name)
        .bind(&p.lead)
        .bind(p.area_ha.map(|a| a.micros()))
        .bind(p.households)
        .bind(p.investment_vnd)
        .bind(p.support_approved_vnd)
        .bind(&p.approved_by)
        .bind(&p.decision)
        .bind(p.approved_on)
        .bind(p.starts_on)
        .bind(p.ends_on)
        .execute(&mut **tx)
        .await?;
        for delete in [
            "DELETE FROM project_orgs WHERE project_code = $1",
            "DELETE FROM project_contracts WHERE project_code = $1",
        ] {
            sqlx::query(delete).bind(&p.code).execute(&mut **tx).await?;
        }
        for (i, o) in p.orgs.iter().enumerate() {
            sqlx::query(
                "INSERT INTO project_orgs (project_code, position, org_code) VALUES ($1, $2, $3)",
            )
            .bind(&p.code)
            .bind(i as i64)
            .bind(o.as_str())
            .execute(&mut **tx)
            .await?;
        }
        for (i, k) in p.contracts.iter().enumerate() {
            sqlx::query(
                "INSERT INTO project_contracts (project_code, position, contract_code) VALUES ($1, $2, $3)",
            )
            .bind(&p.code)
            .bind(i as i64)
            .bind(k)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}
