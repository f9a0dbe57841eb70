//! Propaganda events and support disbursements in SQLite: loaded into the snapshot, written
//! in the unit of work.

use crate::decode::support as rows;
use crate::port::error::Result;
use crate::port::records::ChangeSet;
use hoptac_core::date::to_iso as day;
use hoptac_core::model::SupportRecords;
use sqlx::Sqlite as DB;

pub(super) async fn load(conn: &mut sqlx::SqliteConnection) -> Result<SupportRecords> {
    let events = sqlx::query(rows::EVENTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(rows::event)
        .collect::<Result<_>>()?;
    let disbursements = sqlx::query(rows::DISBURSEMENTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(rows::disbursement)
        .collect::<Result<_>>()?;
    Ok(SupportRecords {
        events,
        disbursements,
    })
}

/// The change set's events and disbursements, after its units and organisations are
/// written.
pub(super) async fn write(tx: &mut sqlx::Transaction<'static, DB>, c: &ChangeSet) -> Result<()> {
    for code in &c.removed_events {
        sqlx::query("DELETE FROM support_events WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    for code in &c.removed_disbursements {
        sqlx::query("DELETE FROM support_disbursements WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    for e in &c.events {
        sqlx::query(
            "INSERT INTO support_events (code, kind, title, held_on, organiser, unit_id, audience, reach) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, title = excluded.title, \
             held_on = excluded.held_on, organiser = excluded.organiser, unit_id = excluded.unit_id, \
             audience = excluded.audience, reach = excluded.reach",
        )
        .bind(&e.code)
        .bind(e.kind.code())
        .bind(&e.title)
        .bind(day(e.held_on))
        .bind(&e.organiser)
        .bind(e.unit.0)
        .bind(&e.audience)
        .bind(e.reach)
        .execute(&mut **tx)
        .await?;
    }
    for d in &c.disbursements {
        sqlx::query(
            "INSERT INTO support_disbursements (code, policy, legal_basis, decision, org_code, amount_vnd, source, paid_on, project_code) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (code) DO UPDATE SET policy = excluded.policy, legal_basis = excluded.legal_basis, \
             decision = excluded.decision, org_code = excluded.org_code, amount_vnd = excluded.amount_vnd, \
             source = excluded.source, paid_on = excluded.paid_on, project_code = excluded.project_code",
        )
        .bind(&d.code)
        .bind(d.policy.code())
        .bind(&d.legal_basis)
        .bind(&d.decision)
        .bind(d.org.as_str())
        .bind(d.amount_vnd)
        .bind(&d.source)
        .bind(day(d.paid_on))
        .bind(&d.project)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
