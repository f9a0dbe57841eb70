//! The register: units, organisations, reports and managers, searched and paged in SQL.

use crate::cols::PgColumns;
use crate::db::PgStore;
use async_trait::async_trait;
use futures_util::TryStreamExt;
use hoptac_core::OrgCode;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, Snapshot};
use hoptac_core::types::Service;
use hoptac_store::decode;
use hoptac_store::{Counts, OrgPage, OrgQuery, OrgRow, Registry, Result, SortKey};
use std::collections::{BTreeSet, HashMap};

const UNITS: &str =
    "SELECT id, code, name, level, parent_id, valid_from, valid_to FROM admin_units";
const ORGS: &str = "SELECT o.code, o.kind, o.name, o.sector, o.commune_id, o.founded_on, o.dissolved_on, o.registration_no FROM organizations o";
const REPORTS: &str = "SELECT org_code, year, members, members_joined, members_left, workers, revenue, profit, member_income, worker_income, services, rating, general_meeting_on, statements_filed, received_on, statements_filed_on, self_assessment_sent_on, rating_basis FROM annual_reports";
const MANAGERS: &str =
    "SELECT org_code, full_name, role, qualification, trained_on, from_date, to_date FROM managers";

#[async_trait]
impl Registry for PgStore {
    async fn units(&self) -> Result<Vec<AdminUnit>> {
        // NULLS FIRST: the order SQLite gives, so both backends list units alike
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{UNITS} ORDER BY level DESC, code, valid_from NULLS FIRST"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| decode::unit(&PgColumns(r))).collect()
    }

    async fn snapshot(&self, years: Option<(i32, i32)>) -> Result<Snapshot> {
        // one transaction: the parts of the snapshot are of one moment
        let mut tx = self
            .pool
            .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .await?;
        let units = sqlx::query(UNITS)
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| decode::unit(&PgColumns(r)))
            .collect::<Result<_>>()?;
        let orgs = sqlx::query(ORGS)
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| decode::org(&PgColumns(r)))
            .collect::<Result<_>>()?;
        let (lo, hi) = years.unwrap_or((i32::MIN, i32::MAX));
        let mut reports = Vec::new();
        {
            let sql = format!("{REPORTS} WHERE year BETWEEN $1 AND $2");
            let mut rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(lo)
                .bind(hi)
                .fetch(&mut *tx);
            // row by row: a country's 10⁶ reports are never all held twice
            while let Some(row) = rows.try_next().await? {
                reports.push(decode::report(&PgColumns(&row))?);
            }
        }
        let mut managers = Vec::new();
        {
            let mut rows = sqlx::query(MANAGERS).fetch(&mut *tx);
            while let Some(row) = rows.try_next().await? {
                managers.push(decode::manager(&PgColumns(&row))?);
            }
        }
        let changes = sqlx::query("SELECT old_id, new_id, on_date, kind, basis FROM unit_changes ORDER BY on_date, old_id, new_id")
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| decode::unit_change(&PgColumns(r)))
            .collect::<Result<_>>()?;
        let moves = sqlx::query("SELECT org_code, commune_id, moved_on, reason FROM organization_moves ORDER BY org_code, moved_on")
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| decode::org_move(&PgColumns(r)))
            .collect::<Result<_>>()?;
        let clubs = crate::clubs::load(&mut tx).await?;
        let training = crate::training::load(&mut tx).await?;
        let support = crate::support::load(&mut tx).await?;
        let products = crate::products::load(&mut tx).await?;
        let trace = crate::trace::load(&mut tx).await?;
        let contracts = crate::contracts::load(&mut tx).await?;
        tx.commit().await?;
        Ok(Snapshot {
            units,
            orgs,
            reports,
            managers,
            changes,
            moves,
            clubs,
            training,
            support,
            products,
            trace,
            contracts,
            rows: Default::default(),
        })
    }

    async fn org(&self, code: &OrgCode) -> Result<Option<Organization>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("{ORGS} WHERE o.code = $1")))
            .bind(code.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(|r| decode::org(&PgColumns(r))).transpose()
    }

    async fn reports_of(&self, code: &OrgCode) -> Result<Vec<AnnualReport>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "{REPORTS} WHERE org_code = $1 ORDER BY year"
        )))
        .bind(code.as_str())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| decode::report(&PgColumns(r)))
        .collect()
    }

    async fn archived_reports(&self, code: &OrgCode) -> Result<Vec<hoptac_store::ArchivedReport>> {
        sqlx::query("SELECT org_code, year, members, members_joined, members_left, workers, revenue, profit, member_income, worker_income, services, rating, general_meeting_on, statements_filed, received_on, statements_filed_on, self_assessment_sent_on, rating_basis, id, archived_at, archived_by, reason, restored_at FROM archived_reports WHERE org_code = $1 ORDER BY id DESC")
            .bind(code.as_str())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| decode::archived_report(&PgColumns(r)))
            .collect()
    }

    async fn archived_orgs(&self) -> Result<Vec<hoptac_store::ArchivedOrg>> {
        let mut out: Vec<hoptac_store::ArchivedOrg> = sqlx::query(
            "SELECT org_code, kind, name, sector, commune_id, founded_on, dissolved_on, registration_no, services, id, archived_at, archived_by, reason, restored_at FROM archived_orgs ORDER BY id DESC",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| decode::archived_org(&PgColumns(r)))
        .collect::<Result<_>>()?;
        let rows = sqlx::query(
            "SELECT a.org_code, m.full_name, m.role, m.qualification, m.trained_on, m.from_date, m.to_date, m.archive_id FROM archived_org_managers m JOIN archived_orgs a ON a.id = m.archive_id ORDER BY m.id",
        )
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            let id: i64 = sqlx::Row::try_get::<i64, _>(r, 7)?;
            let m = decode::manager(&PgColumns(r))?;
            if let Some(a) = out.iter_mut().find(|a| a.id == id) {
                a.managers.push(m);
            }
        }
        Ok(out)
    }

    async fn managers_of(&self, code: &OrgCode) -> Result<Vec<Manager>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MANAGERS} WHERE org_code = $1 ORDER BY to_date IS NOT NULL, from_date DESC NULLS LAST, full_name"
        )))
        .bind(code.as_str())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| decode::manager(&PgColumns(r)))
        .collect()
    }

    async fn search(&self, q: &OrgQuery) -> Result<OrgPage> {
        let like = q
            .text
            .as_ref()
            .filter(|t| !t.is_empty())
            .map(|t| format!("%{}%", t.replace(['%', '_'], "")));
        let year_end = q.active_in.map(hoptac_core::date::year_end);
        let founded = q.founded_in.and_then(|y| {
            Some((
                hoptac_core::date::ymd(y, 1, 1)?,
                hoptac_core::date::year_end(y),
            ))
        });
        let per_page = q.per_page.clamp(1, 500) as i64;
        let offset = q.page as i64 * per_page;
        // The SQLite adapter's query, with ILIKE where SQLite's LIKE ignores ASCII case.
        macro_rules! filtered {
            ($select:literal, $($tail:literal),*) => {
                concat!(
                    "WITH RECURSIVE sub(id) AS (SELECT id FROM admin_units WHERE id = $6 \
                     UNION SELECT a.id FROM admin_units a JOIN sub ON a.parent_id = sub.id) ",
                    $select,
                    " FROM organizations o JOIN admin_units u ON u.id = o.commune_id \
                    WHERE ($1::text IS NULL OR o.name_folded ILIKE $1 OR lower(o.code) ILIKE $1) \
                    AND ($2::text IS NULL OR o.kind = $2) AND ($3::text IS NULL OR o.sector = $3) AND ($4::bigint IS NULL OR o.commune_id = $4) \
                    AND ($5::date IS NULL OR (o.founded_on <= $5 AND (o.dissolved_on IS NULL OR o.dissolved_on > $5))) \
                    AND ($6::bigint IS NULL OR o.commune_id IN (SELECT id FROM sub)) AND ($7::text IS NULL OR o.code = $7) \
                    AND ($8::boolean IS NULL OR (o.dissolved_on IS NOT NULL) = $8) AND ($9::date IS NULL OR (o.founded_on >= $9 AND o.founded_on <= $10::date))"
                    $(, $tail)*
                )
            };
        }
        let total: i64 = sqlx::query_scalar(filtered!("SELECT COUNT(*)", ""))
            .bind(like.clone())
            .bind(q.kind.map(|k| k.code()))
            .bind(q.sector.map(|s| s.code()))
            .bind(q.commune.map(|c| c.0))
            .bind(year_end)
            .bind(q.within.map(|u| u.0))
            .bind(q.only_org.as_ref().map(|c| c.to_string()))
            .bind(q.dissolved)
            .bind(founded.map(|f| f.0))
            .bind(founded.map(|f| f.1))
            .fetch_one(&self.pool)
            .await?;
        macro_rules! page_sql {
            ($order:literal) => {
                filtered!(
                    "SELECT o.code, o.kind, o.name, o.sector, o.commune_id, o.founded_on, o.dissolved_on, o.registration_no, u.name",
                    " ORDER BY ", $order, " LIMIT $11 OFFSET $12"
                )
            };
        }
        let sql: &'static str = match (q.sort, q.descending) {
            (SortKey::Name, false) => page_sql!("o.name_folded, o.code"),
            (SortKey::Name, true) => page_sql!("o.name_folded DESC, o.code DESC"),
            (SortKey::Code, false) => page_sql!("o.code"),
            (SortKey::Code, true) => page_sql!("o.code DESC"),
            (SortKey::Founded, false) => page_sql!("o.founded_on, o.code"),
            (SortKey::Founded, true) => page_sql!("o.founded_on DESC, o.code DESC"),
            (SortKey::Commune, false) => page_sql!("u.name_folded, o.name_folded"),
            (SortKey::Commune, true) => page_sql!("u.name_folded DESC, o.name_folded DESC"),
        };
        let rows = sqlx::query(sql)
            .bind(like)
            .bind(q.kind.map(|k| k.code()))
            .bind(q.sector.map(|s| s.code()))
            .bind(q.commune.map(|c| c.0))
            .bind(year_end)
            .bind(q.within.map(|u| u.0))
            .bind(q.only_org.as_ref().map(|c| c.to_string()))
            .bind(q.dissolved)
            .bind(founded.map(|f| f.0))
            .bind(founded.map(|f| f.1))
            .bind(per_page)
            .bind(offset)
            .fetch_all(&self.pool)
            .await?;
        let rows = rows
            .iter()
            .map(|r| {
                let c = PgColumns(r);
                Ok(OrgRow {
                    org: decode::org(&c)?,
                    commune_name: decode::text(&c, 8, "admin_units")?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(OrgPage {
            rows,
            total: total as u64,
        })
    }

    async fn counts(&self) -> Result<Counts> {
        let (units, orgs, reports, managers): (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM admin_units), (SELECT COUNT(*) FROM organizations), (SELECT COUNT(*) FROM annual_reports), (SELECT COUNT(*) FROM managers)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(Counts {
            units: units as u64,
            orgs: orgs as u64,
            reports: reports as u64,
            managers: managers as u64,
        })
    }

    async fn registered_services(&self) -> Result<HashMap<OrgCode, BTreeSet<Service>>> {
        let rows = sqlx::query("SELECT org_code, service FROM registered_services")
            .fetch_all(&self.pool)
            .await?;
        let mut out: HashMap<OrgCode, BTreeSet<Service>> = HashMap::new();
        for r in &rows {
            let c = PgColumns(r);
            let code = decode::code(&c, 0, "registered_services")?;
            out.entry(code).or_default().insert(decode::enum_of(
                &c,
                1,
                "registered_services",
                Service::parse,
            )?);
        }
        Ok(out)
    }
}
