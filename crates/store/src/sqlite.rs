//! The SQLite adapter: one embedded file, WAL, foreign keys on, migrations embedded.

use crate::*;

mod evaluations;
use hoptac_core::Fixed;
use hoptac_core::auth::{Account, Role as AccountRole, Scope};
use hoptac_core::plan::Comparator;

/// Targets numbered 1, 2, … 7a, 7b, … 10 sort as people read them.
fn target_order(no: &str) -> (u32, String) {
    let digits: String = no.chars().take_while(|c| c.is_ascii_digit()).collect();
    (
        digits.parse().unwrap_or(u32::MAX),
        no[digits.len()..].to_string(),
    )
}
use hoptac_core::date::{parse as parse_date, to_iso};
use hoptac_core::model::ReportFigures;
use hoptac_core::types::{AdminLevel, Qualification, Rating, Role, Service, Year};
use sqlx::{QueryBuilder, Row, Sqlite};

/// Rows per multi-row INSERT: 14 columns × 200 rows stays far below SQLite's variable limit.
const BATCH: usize = 200;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<SqliteStore> {
        let opts = SqliteConnectOptions::from_str("sqlite://")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(opts)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// SQLite's own check of the file: `ok` when sound.
    pub async fn integrity_check(&self) -> Result<String> {
        Ok(sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Closes every connection (and checkpoints the WAL into the file).
    pub async fn close(self) {
        self.pool.close().await;
    }
}

pub(crate) async fn insert_audit(conn: &mut sqlx::SqliteConnection, e: &AuditEntry) -> Result<()> {
    sqlx::query("INSERT INTO audit (at, actor, ip, action, entity, key, unit_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(&e.at)
        .bind(&e.actor)
        .bind(&e.ip)
        .bind(&e.action)
        .bind(&e.entity)
        .bind(&e.key)
        .bind(e.unit.map(|u| u.0))
        .bind(e.before.as_deref())
        .bind(e.after.as_deref())
        .execute(conn)
        .await?;
    Ok(())
}

fn account_row(r: &SqliteRow) -> Result<Account> {
    let kind: String = r.try_get(3)?;
    let value: String = r.try_get(4)?;
    let scope = match kind.as_str() {
        "all" => Scope::All,
        "unit" => {
            Scope::Unit(UnitId(value.parse().map_err(|_| {
                corrupt("accounts", format!("bad unit scope {value:?}"))
            })?))
        }
        _ => Scope::Org(
            OrgCode::parse(&value)
                .ok_or_else(|| corrupt("accounts", format!("bad org scope {value:?}")))?,
        ),
    };
    Ok(Account {
        username: r.try_get(0)?,
        display_name: r.try_get(1)?,
        role: enum_col(r, 2, "accounts", AccountRole::parse)?,
        scope,
        must_change_password: r.try_get::<i64, _>(5)? != 0,
        disabled: r.try_get::<i64, _>(6)? != 0,
    })
}

pub(crate) fn corrupt(table: &'static str, detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        table,
        detail: detail.into(),
    }
}

fn date_col(row: &SqliteRow, i: usize, table: &'static str) -> Result<Option<Date>> {
    let s: Option<String> = row.try_get(i)?;
    match s {
        None => Ok(None),
        Some(s) => parse_date(&s)
            .map(Some)
            .ok_or_else(|| corrupt(table, format!("bad date {s:?}"))),
    }
}

fn enum_col<T>(
    row: &SqliteRow,
    i: usize,
    table: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<T> {
    let s: String = row.try_get(i)?;
    parse(&s).ok_or_else(|| corrupt(table, format!("bad value {s:?}")))
}

fn opt_enum_col<T>(
    row: &SqliteRow,
    i: usize,
    table: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>> {
    let s: Option<String> = row.try_get(i)?;
    s.map(|s| parse(&s).ok_or_else(|| corrupt(table, format!("bad value {s:?}"))))
        .transpose()
}

fn money_col(row: &SqliteRow, i: usize) -> Result<Option<Fixed>> {
    Ok(row.try_get::<Option<i64>, _>(i)?.map(Fixed::from_micros))
}

fn opt_iso(d: Option<Date>) -> Option<String> {
    d.map(to_iso)
}

fn unit_row(r: &SqliteRow) -> Result<AdminUnit> {
    Ok(AdminUnit {
        id: UnitId(r.try_get(0)?),
        code: r.try_get(1)?,
        name: r.try_get(2)?,
        level: enum_col(r, 3, "admin_units", AdminLevel::parse)?,
        parent: r.try_get::<Option<i64>, _>(4)?.map(UnitId),
        valid_from: date_col(r, 5, "admin_units")?,
        valid_to: date_col(r, 6, "admin_units")?,
    })
}

fn org_row(r: &SqliteRow) -> Result<Organization> {
    let code: String = r.try_get(0)?;
    Ok(Organization {
        code: OrgCode::parse(&code)
            .ok_or_else(|| corrupt("organizations", format!("bad code {code:?}")))?,
        kind: enum_col(r, 1, "organizations", OrgKind::parse)?,
        name: r.try_get(2)?,
        sector: enum_col(r, 3, "organizations", Sector::parse)?,
        commune: UnitId(r.try_get(4)?),
        founded_on: date_col(r, 5, "organizations")?
            .ok_or_else(|| corrupt("organizations", "no founding date"))?,
        dissolved_on: date_col(r, 6, "organizations")?,
        registration_no: r.try_get(7)?,
    })
}

fn report_row(r: &SqliteRow) -> Result<AnnualReport> {
    let code: String = r.try_get(0)?;
    let year: i64 = r.try_get(1)?;
    let services: String = r.try_get(10)?;
    let services = services
        .split(';')
        .filter(|s| !s.is_empty())
        .map(|s| {
            Service::parse(s).ok_or_else(|| corrupt("annual_reports", format!("bad service {s:?}")))
        })
        .collect::<Result<_>>()?;
    Ok(AnnualReport {
        org: OrgCode::parse(&code)
            .ok_or_else(|| corrupt("annual_reports", format!("bad code {code:?}")))?,
        year: Year::new(year as i32)
            .ok_or_else(|| corrupt("annual_reports", format!("bad year {year}")))?,
        figures: ReportFigures {
            members: r.try_get(2)?,
            members_joined: r.try_get(3)?,
            members_left: r.try_get(4)?,
            workers: r.try_get(5)?,
            revenue: money_col(r, 6)?,
            profit: money_col(r, 7)?,
            member_income: money_col(r, 8)?,
            worker_income: money_col(r, 9)?,
            services,
            rating: opt_enum_col(r, 11, "annual_reports", Rating::parse)?,
            general_meeting_on: date_col(r, 12, "annual_reports")?,
            statements_filed: r.try_get::<Option<i64>, _>(13)?.map(|v| v != 0),
            received_on: date_col(r, 14, "annual_reports")?,
            statements_filed_on: date_col(r, 15, "annual_reports")?,
            self_assessment_sent_on: date_col(r, 16, "annual_reports")?,
            rating_basis: r.try_get(17)?,
        },
    })
}

fn manager_row(r: &SqliteRow) -> Result<Manager> {
    let code: String = r.try_get(0)?;
    Ok(Manager {
        org: OrgCode::parse(&code)
            .ok_or_else(|| corrupt("managers", format!("bad code {code:?}")))?,
        full_name: r.try_get(1)?,
        role: enum_col(r, 2, "managers", Role::parse)?,
        qualification: opt_enum_col(r, 3, "managers", Qualification::parse)?,
        trained_on: date_col(r, 4, "managers")?,
        from: date_col(r, 5, "managers")?,
        to: date_col(r, 6, "managers")?,
    })
}

#[async_trait]
impl Store for SqliteStore {
    async fn units(&self) -> Result<Vec<AdminUnit>> {
        let rows = sqlx::query("SELECT id, code, name, level, parent_id, valid_from, valid_to FROM admin_units ORDER BY level DESC, code, valid_from")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(unit_row).collect()
    }

    async fn snapshot(&self, years: Option<(i32, i32)>) -> Result<Snapshot> {
        let mut conn = self.pool.acquire().await?;
        let units = sqlx::query(
            "SELECT id, code, name, level, parent_id, valid_from, valid_to FROM admin_units",
        )
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(unit_row)
        .collect::<Result<_>>()?;
        let orgs = sqlx::query("SELECT o.code, o.kind, o.name, o.sector, o.commune_id, o.founded_on, o.dissolved_on, o.registration_no FROM organizations o")
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(org_row)
            .collect::<Result<_>>()?;
        let (lo, hi) = years.unwrap_or((i32::MIN, i32::MAX));
        let reports = sqlx::query("SELECT org_code, year, members, members_joined, members_left, workers, revenue, profit, member_income, worker_income, services, rating, general_meeting_on, statements_filed, received_on, statements_filed_on, self_assessment_sent_on, rating_basis FROM annual_reports WHERE year BETWEEN $1 AND $2")
            .bind(lo as i64)
            .bind(hi as i64)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(report_row)
            .collect::<Result<_>>()?;
        let managers = sqlx::query("SELECT org_code, full_name, role, qualification, trained_on, from_date, to_date FROM managers")
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(manager_row)
            .collect::<Result<_>>()?;
        Ok(Snapshot {
            units,
            orgs,
            reports,
            managers,
        })
    }

    async fn org(&self, code: &OrgCode) -> Result<Option<Organization>> {
        let row = sqlx::query("SELECT o.code, o.kind, o.name, o.sector, o.commune_id, o.founded_on, o.dissolved_on, o.registration_no FROM organizations o WHERE o.code = $1")
            .bind(code.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(org_row).transpose()
    }

    async fn reports_of(&self, code: &OrgCode) -> Result<Vec<AnnualReport>> {
        sqlx::query("SELECT org_code, year, members, members_joined, members_left, workers, revenue, profit, member_income, worker_income, services, rating, general_meeting_on, statements_filed, received_on, statements_filed_on, self_assessment_sent_on, rating_basis FROM annual_reports WHERE org_code = $1 ORDER BY year")
            .bind(code.as_str())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(report_row)
            .collect()
    }

    async fn managers_of(&self, code: &OrgCode) -> Result<Vec<Manager>> {
        sqlx::query("SELECT org_code, full_name, role, qualification, trained_on, from_date, to_date FROM managers WHERE org_code = $1 ORDER BY to_date IS NOT NULL, from_date DESC, full_name")
            .bind(code.as_str())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(manager_row)
            .collect()
    }

    async fn search(&self, q: &OrgQuery) -> Result<OrgPage> {
        let like = q
            .text
            .as_ref()
            .filter(|t| !t.is_empty())
            .map(|t| format!("%{}%", t.replace(['%', '_'], "")));
        let year_end = q.active_in.map(|y| format!("{y:04}-12-31"));
        let per_page = q.per_page.clamp(1, 500) as i64;
        let offset = q.page as i64 * per_page;
        // Static SQL with optional parameters ($N binds argument N wherever it stands), and the
        // reader's scope as a recursive walk down the tree: portable to PostgreSQL as it is.
        macro_rules! filtered {
            ($select:literal, $($tail:literal),*) => {
                concat!(
                    "WITH RECURSIVE sub(id) AS (SELECT id FROM admin_units WHERE id = $6 \
                     UNION SELECT a.id FROM admin_units a JOIN sub ON a.parent_id = sub.id) ",
                    $select,
                    " FROM organizations o JOIN admin_units u ON u.id = o.commune_id \
                    WHERE ($1 IS NULL OR o.name_folded LIKE $1 OR lower(o.code) LIKE $1) \
                    AND ($2 IS NULL OR o.kind = $2) AND ($3 IS NULL OR o.sector = $3) AND ($4 IS NULL OR o.commune_id = $4) \
                    AND ($5 IS NULL OR (o.founded_on <= $5 AND (o.dissolved_on IS NULL OR o.dissolved_on > $5))) \
                    AND ($6 IS NULL OR o.commune_id IN (SELECT id FROM sub)) AND ($7 IS NULL OR o.code = $7)"
                    $(, $tail)*
                )
            };
        }
        let total: i64 = sqlx::query_scalar(filtered!("SELECT COUNT(*)", ""))
            .bind(like.clone())
            .bind(q.kind.map(|k| k.code()))
            .bind(q.sector.map(|s| s.code()))
            .bind(q.commune.map(|c| c.0))
            .bind(year_end.clone())
            .bind(q.within.map(|u| u.0))
            .bind(q.only_org.as_ref().map(|c| c.to_string()))
            .fetch_one(&self.pool)
            .await?;
        macro_rules! page_sql {
            ($order:literal) => {
                filtered!(
                    "SELECT o.code, o.kind, o.name, o.sector, o.commune_id, o.founded_on, o.dissolved_on, o.registration_no, u.name",
                    " ORDER BY ", $order, " LIMIT $8 OFFSET $9"
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
            .bind(per_page)
            .bind(offset)
            .fetch_all(&self.pool)
            .await?;
        let rows = rows
            .iter()
            .map(|r| {
                Ok(OrgRow {
                    org: org_row(r)?,
                    commune_name: r.try_get(8)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(OrgPage {
            rows,
            total: total as u64,
        })
    }

    async fn apply(&self, c: &ChangeSet) -> Result<()> {
        // IMMEDIATE: the write lock is taken before the generation is compared, so no other
        // writer can commit between the check and the writes
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        apply_in(&mut tx, c).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn registered_services(
        &self,
    ) -> Result<std::collections::HashMap<OrgCode, std::collections::BTreeSet<hoptac_core::Service>>>
    {
        let rows = sqlx::query("SELECT org_code, service FROM registered_services")
            .fetch_all(&self.pool)
            .await?;
        let mut out: std::collections::HashMap<
            OrgCode,
            std::collections::BTreeSet<hoptac_core::Service>,
        > = std::collections::HashMap::new();
        for r in &rows {
            let code: String = r.try_get(0)?;
            let code = OrgCode::parse(&code)
                .ok_or_else(|| corrupt("registered_services", format!("bad code {code:?}")))?;
            out.entry(code).or_default().insert(enum_col(
                r,
                1,
                "registered_services",
                Service::parse,
            )?);
        }
        Ok(out)
    }

    async fn validation_rules(&self) -> Result<Vec<hoptac_core::rules::RuleRecord>> {
        let rows = sqlx::query("SELECT id, expression, severity, message_vi, message_en, active FROM validation_rules ORDER BY id").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let sev: String = r.try_get(2)?;
                Ok(hoptac_core::rules::RuleRecord {
                    id: r.try_get(0)?,
                    expression: r.try_get(1)?,
                    severity: if sev == "error" {
                        hoptac_core::validate::Severity::Error
                    } else {
                        hoptac_core::validate::Severity::Warning
                    },
                    message_vi: r.try_get(3)?,
                    message_en: r.try_get(4)?,
                    active: r.try_get::<i64, _>(5)? != 0,
                })
            })
            .collect()
    }

    async fn owner_scopes(
        &self,
        entity: &str,
    ) -> Result<std::collections::HashMap<String, UnitId>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT key, unit_id FROM owner_scopes WHERE entity = $1 AND unit_id IS NOT NULL",
        )
        .bind(entity)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(k, u)| (k, UnitId(u))).collect())
    }

    async fn save_validation_rule(
        &self,
        v: &hoptac_core::rules::RuleRecord,
        owner: Option<UnitId>,
        expect: Option<i64>,
        audit: &AuditEntry,
    ) -> Result<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        if let Some(v0) = expect {
            check_version(&mut tx, "validation_rules", &v.id, v0).await?;
        }
        insert_owner(&mut tx, "validation_rules", &v.id, owner).await?;
        sqlx::query(
            "INSERT INTO validation_rules (id, expression, severity, message_vi, message_en, active) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (id) DO UPDATE SET expression = excluded.expression, severity = excluded.severity, message_vi = excluded.message_vi, \
             message_en = excluded.message_en, active = excluded.active",
        )
        .bind(&v.id)
        .bind(&v.expression)
        .bind(if v.severity == hoptac_core::validate::Severity::Error { "error" } else { "warning" })
        .bind(&v.message_vi)
        .bind(&v.message_en)
        .bind(v.active as i64)
        .execute(&mut *tx)
        .await?;
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn merge_orgs(&self, m: &MergeRecord, audit: &[AuditEntry]) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        for y in &m.moved_years {
            sqlx::query(
                "UPDATE annual_reports SET org_code = $1 WHERE org_code = $2 AND year = $3",
            )
            .bind(&m.keep)
            .bind(&m.drop)
            .bind(*y as i64)
            .execute(&mut *tx)
            .await?;
        }
        for (name, role, from) in &m.moved_managers {
            sqlx::query("UPDATE managers SET org_code = $1 WHERE org_code = $2 AND full_name = $3 AND role = $4 AND COALESCE(from_date, '') = $5")
                .bind(&m.keep)
                .bind(&m.drop)
                .bind(name)
                .bind(role)
                .bind(from)
                .execute(&mut *tx)
                .await?;
        }
        for id in &m.case_ids {
            sqlx::query("UPDATE cases SET org_code = $1 WHERE id = $2")
                .bind(&m.keep)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        move_org_accounts(&mut tx, &m.moved_accounts, &m.drop, &m.keep).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO merges (at, actor, keep_code, drop_code, moved_years, moved_managers, case_ids, archive, moved_accounts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(&m.at)
        .bind(&m.actor)
        .bind(&m.keep)
        .bind(&m.drop)
        .bind(m.moved_years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(";"))
        .bind(m.moved_managers.iter().map(|(a, b, c)| format!("{a}\t{b}\t{c}")).collect::<Vec<_>>().join("\n"))
        .bind(m.case_ids.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(";"))
        .bind(&m.archive)
        .bind(m.moved_accounts.join(";"))
        .fetch_one(&mut *tx)
        .await?;
        // evaluations, classifications and registered services are kept row for row
        for sql in [
            "INSERT INTO merged_evaluations SELECT $1, org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on FROM evaluations WHERE org_code = $2",
            "INSERT INTO merged_classifications SELECT $1, org_code, year, supply, vsic, capital, agri_field FROM classifications WHERE org_code = $2",
            "INSERT INTO merged_registered_services SELECT $1, org_code, service FROM registered_services WHERE org_code = $2",
        ] {
            sqlx::query(sql)
                .bind(id)
                .bind(&m.drop)
                .execute(&mut *tx)
                .await?;
        }
        // what did not move (a year both had, a manager both list) lives on in the archive
        sqlx::query("DELETE FROM annual_reports WHERE org_code = $1")
            .bind(&m.drop)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM managers WHERE org_code = $1")
            .bind(&m.drop)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "DELETE FROM case_actions WHERE case_id IN (SELECT id FROM cases WHERE org_code = $1)",
        )
        .bind(&m.drop)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM cases WHERE org_code = $1")
            .bind(&m.drop)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM organizations WHERE code = $1")
            .bind(&m.drop)
            .execute(&mut *tx)
            .await?;
        commit_audited(tx, audit).await?;
        Ok(id)
    }

    async fn merges(&self) -> Result<Vec<MergeRecord>> {
        let rows = sqlx::query("SELECT id, at, actor, keep_code, drop_code, moved_years, moved_managers, case_ids, archive, undone_at, moved_accounts FROM merges ORDER BY id DESC")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let years: String = r.try_get(5)?;
                let managers: String = r.try_get(6)?;
                let cases: String = r.try_get(7)?;
                Ok(MergeRecord {
                    id: r.try_get(0)?,
                    at: r.try_get(1)?,
                    actor: r.try_get(2)?,
                    keep: r.try_get(3)?,
                    drop: r.try_get(4)?,
                    moved_years: years.split(';').filter_map(|y| y.parse().ok()).collect(),
                    moved_managers: managers
                        .lines()
                        .filter_map(|l| {
                            let mut p = l.split('\t');
                            Some((
                                p.next()?.to_string(),
                                p.next()?.to_string(),
                                p.next().unwrap_or("").to_string(),
                            ))
                        })
                        .collect(),
                    case_ids: cases.split(';').filter_map(|y| y.parse().ok()).collect(),
                    archive: r.try_get(8)?,
                    undone_at: r.try_get(9)?,
                    moved_accounts: r
                        .try_get::<String, _>(10)?
                        .split(';')
                        .filter(|u| !u.is_empty())
                        .map(str::to_string)
                        .collect(),
                })
            })
            .collect()
    }

    async fn undo_merge(
        &self,
        m: &MergeRecord,
        restore: &ChangeSet,
        at: &str,
        audit: &[AuditEntry],
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for e in audit {
            insert_audit(&mut tx, e).await?;
        }
        // the organisation first: what moves back refers to it
        apply_in(
            &mut tx,
            &ChangeSet {
                orgs: restore.orgs.clone(),
                ..Default::default()
            },
        )
        .await?;
        for y in &m.moved_years {
            sqlx::query("DELETE FROM annual_reports WHERE org_code = $1 AND year = $2")
                .bind(&m.keep)
                .bind(*y as i64)
                .execute(&mut *tx)
                .await?;
        }
        for (name, role, from) in &m.moved_managers {
            sqlx::query("DELETE FROM managers WHERE org_code = $1 AND full_name = $2 AND role = $3 AND COALESCE(from_date, '') = $4").bind(&m.keep).bind(name).bind(role).bind(from).execute(&mut *tx).await?;
        }
        move_org_accounts(&mut tx, &m.moved_accounts, &m.keep, &m.drop).await?;
        for id in &m.case_ids {
            sqlx::query("UPDATE cases SET org_code = $1 WHERE id = $2")
                .bind(&m.drop)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        apply_in(
            &mut tx,
            &ChangeSet {
                orgs: vec![],
                ..restore.clone()
            },
        )
        .await?;
        for sql in [
            "INSERT INTO evaluations (org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on) SELECT org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on FROM merged_evaluations WHERE merge_id = $1",
            "INSERT INTO classifications (org_code, year, supply, vsic, capital, agri_field) SELECT org_code, year, supply, vsic, capital, agri_field FROM merged_classifications WHERE merge_id = $1",
            "INSERT OR IGNORE INTO registered_services (org_code, service) SELECT org_code, service FROM merged_registered_services WHERE merge_id = $1",
        ] {
            sqlx::query(sql).bind(m.id).execute(&mut *tx).await?;
        }
        sqlx::query("UPDATE merges SET undone_at = $1 WHERE id = $2")
            .bind(at)
            .bind(m.id)
            .execute(&mut *tx)
            .await?;
        bump_generation(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn cases(&self) -> Result<Vec<StoredCase>> {
        let rows = sqlx::query("SELECT id, rule, org_code, since, evidence, opened_at, closed_at, closed_reason FROM cases ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let actions = sqlx::query(
            "SELECT case_id, at, actor, action, note, on_date FROM case_actions ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let id: i64 = r.try_get(0)?;
            let code: String = r.try_get(2)?;
            let mut acts = Vec::new();
            for a in actions
                .iter()
                .filter(|a| a.try_get::<i64, _>(0).is_ok_and(|c| c == id))
            {
                acts.push(CaseAction {
                    at: a.try_get(1)?,
                    actor: a.try_get(2)?,
                    action: a.try_get(3)?,
                    note: a.try_get(4)?,
                    on_date: date_col(a, 5, "case_actions")?,
                });
            }
            out.push(StoredCase {
                id,
                rule: r.try_get(1)?,
                org: OrgCode::parse(&code)
                    .ok_or_else(|| corrupt("cases", format!("bad code {code:?}")))?,
                since: date_col(r, 3, "cases")?.ok_or_else(|| corrupt("cases", "no date"))?,
                evidence: r.try_get(4)?,
                opened_at: r.try_get(5)?,
                closed_at: r.try_get(6)?,
                closed_reason: r.try_get(7)?,
                actions: acts,
            });
        }
        Ok(out)
    }

    async fn sync_cases(
        &self,
        open: &[(String, OrgCode, Date, String)],
        close: &[(i64, String)],
        at: &str,
        audit: &[AuditEntry],
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for e in audit {
            insert_audit(&mut tx, e).await?;
        }
        for (rule, org, since, evidence) in open {
            sqlx::query("INSERT INTO cases (rule, org_code, since, evidence, opened_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(rule)
                .bind(org.as_str())
                .bind(to_iso(*since))
                .bind(evidence)
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        for (id, reason) in close {
            sqlx::query("UPDATE cases SET closed_at = $1, closed_reason = $2 WHERE id = $3 AND closed_at IS NULL").bind(at).bind(reason).bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn add_case_action(
        &self,
        case_id: i64,
        a: &CaseAction,
        close: Option<&str>,
        changes: &ChangeSet,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO case_actions (case_id, at, actor, action, note, on_date) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(case_id)
            .bind(&a.at)
            .bind(&a.actor)
            .bind(&a.action)
            .bind(&a.note)
            .bind(opt_iso(a.on_date))
            .execute(&mut *tx)
            .await?;
        if let Some(reason) = close {
            sqlx::query("UPDATE cases SET closed_at = $1, closed_reason = $2 WHERE id = $3")
                .bind(&a.at)
                .bind(reason)
                .bind(case_id)
                .execute(&mut *tx)
                .await?;
        }
        apply_in(&mut tx, changes).await?;
        tx.commit().await?;
        Ok(())
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

    async fn indicators(&self) -> Result<Vec<IndicatorRecord>> {
        let rows = sqlx::query(
            "SELECT id, label_vi, label_en, definition, description FROM indicators ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(IndicatorRecord {
                    id: r.try_get(0)?,
                    label_vi: r.try_get(1)?,
                    label_en: r.try_get(2)?,
                    definition: r.try_get(3)?,
                    description: r.try_get(4)?,
                })
            })
            .collect()
    }

    async fn plans(&self) -> Result<Vec<Plan>> {
        let plans = sqlx::query(
            "SELECT code, title, issuer, doc_no, doc_date, from_year, to_year, baseline_year, scope_code FROM plans ORDER BY from_year DESC, code",
        )
        .fetch_all(&self.pool)
        .await?;
        let targets = sqlx::query(
            "SELECT plan_code, no, wording, indicator, comparator, value, value_hi, baseline_indicator, milestones, note FROM targets",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in &plans {
            let code: String = r.try_get(0)?;
            let mut ts = Vec::new();
            for t in targets
                .iter()
                .filter(|t| t.try_get::<String, _>(0).is_ok_and(|c| c == code))
            {
                let comparator: String = t.try_get(4)?;
                let milestones: String = t.try_get(8)?;
                let milestones = milestones
                    .split(';')
                    .filter(|m| !m.is_empty())
                    .map(|m| {
                        let (y, v) = m
                            .split_once(':')
                            .ok_or_else(|| corrupt("targets", format!("bad milestone {m:?}")))?;
                        Ok((
                            y.parse()
                                .map_err(|_| corrupt("targets", format!("bad milestone {m:?}")))?,
                            Fixed::parse_plain(v).ok_or_else(|| {
                                corrupt("targets", format!("bad milestone {m:?}"))
                            })?,
                        ))
                    })
                    .collect::<Result<Vec<_>>>()?;
                ts.push(Target {
                    no: t.try_get(1)?,
                    wording: t.try_get(2)?,
                    indicator: t.try_get(3)?,
                    comparator: Comparator::parse(&comparator).ok_or_else(|| {
                        corrupt("targets", format!("bad comparator {comparator:?}"))
                    })?,
                    value: Fixed::from_micros(t.try_get(5)?),
                    value_hi: t.try_get::<Option<i64>, _>(6)?.map(Fixed::from_micros),
                    baseline_indicator: t.try_get(7)?,
                    milestones,
                    note: t.try_get(9)?,
                });
            }
            ts.sort_by_key(|t| target_order(&t.no));
            out.push(Plan {
                code,
                title: r.try_get(1)?,
                issuer: r.try_get(2)?,
                doc_no: r.try_get(3)?,
                doc_date: date_col(r, 4, "plans")?,
                from: r.try_get::<i64, _>(5)? as i32,
                to: r.try_get::<i64, _>(6)? as i32,
                baseline_year: r.try_get::<i64, _>(7)? as i32,
                scope: r.try_get(8)?,
                targets: ts,
            });
        }
        Ok(out)
    }

    async fn account(&self, username: &str) -> Result<Option<StoredAccount>> {
        let row = sqlx::query("SELECT username, display_name, role, scope_kind, scope_value, must_change, disabled, password_hash FROM accounts WHERE username = $1")
            .bind(username)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(StoredAccount {
                account: account_row(&r)?,
                password_hash: r.try_get(7)?,
            })
        })
        .transpose()
    }

    async fn accounts(&self) -> Result<Vec<Account>> {
        sqlx::query("SELECT username, display_name, role, scope_kind, scope_value, must_change, disabled FROM accounts ORDER BY username")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(account_row)
            .collect()
    }

    async fn save_account(
        &self,
        a: &Account,
        password_hash: Option<&str>,
        audit: &AuditEntry,
    ) -> Result<()> {
        let (kind, value) = match &a.scope {
            Scope::All => ("all", String::new()),
            Scope::Unit(u) => ("unit", u.0.to_string()),
            Scope::Org(c) => ("org", c.to_string()),
        };
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO accounts (username, display_name, password_hash, role, scope_kind, scope_value, must_change, disabled) \
             VALUES ($1, $2, COALESCE($3, ''), $4, $5, $6, $7, $8) ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, \
             password_hash = COALESCE($3, accounts.password_hash), role = excluded.role, scope_kind = excluded.scope_kind, \
             scope_value = excluded.scope_value, must_change = excluded.must_change, disabled = excluded.disabled",
        )
        .bind(&a.username)
        .bind(&a.display_name)
        .bind(password_hash)
        .bind(a.role.code())
        .bind(kind)
        .bind(value)
        .bind(a.must_change_password as i64)
        .bind(a.disabled as i64)
        .execute(&mut *tx)
        .await?;
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_session(&self, token_hash: &str, s: &SessionRow) -> Result<()> {
        // expired sessions are swept whenever a new one starts
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(s.expires_at - 60 * 60 * 24 * 30)
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, username, csrf, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(&s.username)
        .bind(&s.csrf)
        .bind(s.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>> {
        let row =
            sqlx::query("SELECT username, csrf, expires_at FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|r| {
            Ok(SessionRow {
                username: r.try_get(0)?,
                csrf: r.try_get(1)?,
                expires_at: r.try_get(2)?,
            })
        })
        .transpose()
    }

    async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_sessions_of(&self, username: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE username = $1")
            .bind(username)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn last_change(&self, entity: &str, key: &str) -> Result<Option<AuditEntry>> {
        let r = sqlx::query(
            "SELECT id, at, actor, ip, action, entity, key, unit_id, before, after FROM audit \
             WHERE entity = $1 AND key = $2 AND action <> 'refused' ORDER BY id DESC LIMIT 1",
        )
        .bind(entity)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        r.map(|r| -> Result<AuditEntry> {
            Ok(AuditEntry {
                id: r.try_get(0)?,
                at: r.try_get(1)?,
                actor: r.try_get(2)?,
                ip: r.try_get(3)?,
                action: r.try_get(4)?,
                entity: r.try_get(5)?,
                key: r.try_get(6)?,
                unit: r.try_get::<Option<i64>, _>(7)?.map(UnitId),
                before: r.try_get(8)?,
                after: r.try_get(9)?,
            })
        })
        .transpose()
    }

    async fn append_audit(&self, e: &AuditEntry) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        insert_audit(&mut conn, e).await
    }

    async fn audit(&self, q: &AuditQuery) -> Result<Vec<AuditEntry>> {
        let key_exact = q.key.clone().filter(|k| !k.ends_with('/'));
        let key_prefix = q
            .key
            .clone()
            .filter(|k| k.ends_with('/'))
            .map(|k| format!("{}%", k.replace(['%', '_'], "")));
        let rows = if let (Some(entity), Some(key), None, None, None) =
            (&q.entity, &key_exact, &q.actor, &q.action, &q.units)
        {
            // the organisation page's question, answered from the (entity, key) index
            sqlx::query(
                "SELECT id, at, actor, ip, action, entity, key, unit_id, before, after FROM audit \
                 WHERE entity = $1 AND key = $2 ORDER BY id DESC LIMIT $3",
            )
            .bind(entity)
            .bind(key)
            .bind(q.limit.clamp(1, 100_000) as i64)
            .fetch_all(&self.pool)
            .await?
        } else {
            sqlx::query(
            "SELECT id, at, actor, ip, action, entity, key, unit_id, before, after FROM audit \
             WHERE ($1 IS NULL OR actor = $1) AND ($2 IS NULL OR entity = $2) AND ($3 IS NULL OR key = $3) \
             AND ($4 IS NULL OR key LIKE $4) AND ($5 IS NULL OR action = $5) ORDER BY id DESC LIMIT $6",
        )
        .bind(q.actor.as_deref())
        .bind(q.entity.as_deref())
        .bind(key_exact)
        .bind(key_prefix)
        .bind(q.action.as_deref())
        .bind(if q.units.is_some() { 100_000 } else { q.limit.clamp(1, 100_000) as i64 })
        .fetch_all(&self.pool)
        .await?
        };
        let mut out = Vec::new();
        for r in &rows {
            let unit: Option<i64> = r.try_get(7)?;
            let unit = unit.map(UnitId);
            // scoped readers see only rows of their units
            if let Some(allowed) = &q.units
                && !unit.is_some_and(|u| allowed.contains(&u))
            {
                continue;
            }
            out.push(AuditEntry {
                id: r.try_get(0)?,
                at: r.try_get(1)?,
                actor: r.try_get(2)?,
                ip: r.try_get(3)?,
                action: r.try_get(4)?,
                entity: r.try_get(5)?,
                key: r.try_get(6)?,
                unit,
                before: r.try_get(8)?,
                after: r.try_get(9)?,
            });
            if out.len() >= q.limit.max(1) as usize {
                break;
            }
        }
        Ok(out)
    }

    async fn evaluations(&self, year: Option<i32>) -> Result<Vec<StoredEvaluation>> {
        evaluations::load(&self.pool, year).await
    }

    async fn reporting_locks(&self) -> Result<Vec<crate::ReportingLock>> {
        let rows: Vec<(i64, i64, Option<i64>, String, String, String, String)> = sqlx::query_as(
            "SELECT id, year, unit_id, action, reason, actor, at FROM reporting_locks ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, year, unit, action, reason, actor, at)| crate::ReportingLock {
                    id,
                    year: year as i32,
                    unit: unit.map(UnitId),
                    closed: action == "close",
                    reason,
                    actor,
                    at,
                },
            )
            .collect())
    }

    async fn add_reporting_lock(&self, l: &crate::ReportingLock, audit: &AuditEntry) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO reporting_locks (year, unit_id, action, reason, actor, at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(l.year as i64)
        .bind(l.unit.map(|u| u.0))
        .bind(if l.closed { "close" } else { "reopen" })
        .bind(&l.reason)
        .bind(&l.actor)
        .bind(&l.at)
        .execute(&mut *tx)
        .await?;
        commit_audited(tx, std::slice::from_ref(audit)).await
    }

    async fn unreadable_evaluations(&self) -> Result<Vec<String>> {
        evaluations::unreadable(&self.pool).await
    }

    async fn save_evaluations(&self, e: &[StoredEvaluation], audit: &[AuditEntry]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        evaluations::save(&mut tx, e).await?;
        commit_audited(tx, audit).await
    }

    async fn classifications(&self, year: Option<i32>) -> Result<Vec<StoredClassification>> {
        evaluations::load_classifications(&self.pool, year).await
    }

    async fn save_classifications(
        &self,
        c: &[StoredClassification],
        audit: &[AuditEntry],
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for one in c {
            evaluations::save_classification(&mut tx, one).await?;
        }
        commit_audited(tx, audit).await
    }

    async fn rubric_versions(&self) -> Result<Vec<StoredRubric>> {
        let rows = sqlx::query(
            "SELECT rubric_id, version, document, note, loaded_by, loaded_at FROM rubric_versions \
             ORDER BY rubric_id, version",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredRubric {
                    rubric_id: r.try_get(0)?,
                    version: r.try_get::<i64, _>(1)? as u32,
                    document: r.try_get(2)?,
                    note: r.try_get(3)?,
                    loaded_by: r.try_get(4)?,
                    loaded_at: r.try_get(5)?,
                })
            })
            .collect()
    }

    async fn add_rubric_version(&self, r: &StoredRubric, audit: &AuditEntry) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO rubric_versions (rubric_id, version, document, note, loaded_by, loaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&r.rubric_id)
        .bind(r.version as i64)
        .bind(&r.document)
        .bind(&r.note)
        .bind(&r.loaded_by)
        .bind(&r.loaded_at)
        .execute(&mut *tx)
        .await?;
        commit_audited(tx, std::slice::from_ref(audit)).await
    }

    async fn backup(&self, path: &std::path::Path) -> Result<()> {
        let target = path.to_string_lossy().to_string();
        // VACUUM INTO reads one consistent snapshot while writers carry on (WAL)
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn generation(&self) -> Result<i64> {
        let v: Option<String> = self.meta("generation").await?;
        Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    async fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT value FROM meta WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?)
    }
}

/// Accounts scoped to organisation `from` (by username) now act for `to`: a merge and its undo.
async fn move_org_accounts(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    users: &[String],
    from: &str,
    to: &str,
) -> Result<()> {
    for user in users {
        sqlx::query("UPDATE accounts SET scope_value = $1 WHERE username = $2 AND scope_kind = 'org' AND scope_value = $3")
            .bind(to)
            .bind(user)
            .bind(from)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Records a definition's owner scope unless it has one already.
async fn insert_owner(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    entity: &str,
    key: &str,
    owner: Option<UnitId>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO owner_scopes (entity, key, unit_id) VALUES ($1, $2, $3) ON CONFLICT (entity, key) DO NOTHING",
    )
    .bind(entity)
    .bind(key)
    .bind(owner.map(|u| u.0))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Ends a write: its audit entries in the same transaction, the generation moved on, then
/// the commit.
async fn commit_audited(
    mut tx: sqlx::Transaction<'static, Sqlite>,
    audit: &[AuditEntry],
) -> Result<()> {
    for e in audit {
        insert_audit(&mut tx, e).await?;
    }
    bump_generation(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn bump_generation(tx: &mut sqlx::Transaction<'static, Sqlite>) -> Result<()> {
    sqlx::query(
        "INSERT INTO meta (key, value) VALUES ('generation', '1') \
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)",
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Writes a change set inside an open transaction (the generation moves with it).
/// The version of a row: the id of its last recorded change (0 when none).
async fn row_version(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    entity: &str,
    key: &str,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COALESCE(MAX(id), 0) FROM audit WHERE entity = $1 AND key = $2 AND action <> 'refused'",
    )
    .bind(entity)
    .bind(key)
    .fetch_one(&mut **tx)
    .await?)
}

async fn check_version(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    entity: &str,
    key: &str,
    expected: i64,
) -> Result<()> {
    if row_version(tx, entity, key).await? != expected {
        return Err(crate::StoreError::Stale {
            entity: entity.to_string(),
            key: key.to_string(),
        });
    }
    Ok(())
}

async fn apply_in(tx: &mut sqlx::Transaction<'static, Sqlite>, c: &ChangeSet) -> Result<()> {
    for (entity, key, expected) in &c.expect_versions {
        check_version(tx, entity, key, *expected).await?;
    }
    if let Some(expected) = c.expect_generation {
        let v: Option<String> =
            sqlx::query_scalar("SELECT value FROM meta WHERE key = 'generation'")
                .fetch_optional(&mut **tx)
                .await?;
        let found = v.and_then(|v| v.parse().ok()).unwrap_or(0);
        if found != expected {
            return Err(crate::StoreError::Conflict { expected, found });
        }
    }
    {
        for u in &c.units {
            sqlx::query(
                "INSERT INTO admin_units (id, code, name, name_folded, level, parent_id, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                 ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, name_folded = excluded.name_folded, \
                 level = excluded.level, parent_id = excluded.parent_id, valid_from = excluded.valid_from, valid_to = excluded.valid_to",
            )
            .bind(u.id.0)
            .bind(&u.code)
            .bind(&u.name)
            .bind(hoptac_core::text::fold(&u.name))
            .bind(u.level.code())
            .bind(u.parent.map(|p| p.0))
            .bind(opt_iso(u.valid_from))
            .bind(opt_iso(u.valid_to))
            .execute(&mut **tx)
            .await?;
        }
        // Rows go in batches of multi-row INSERTs: one statement per row costs a round trip
        // to the SQLite worker each, which dominated large imports (50 µs a row).
        for chunk in c.orgs.chunks(BATCH) {
            let mut qb = QueryBuilder::<Sqlite>::new(
                "INSERT INTO organizations (code, kind, name, name_folded, sector, commune_id, founded_on, dissolved_on, registration_no) ",
            );
            qb.push_values(chunk, |mut b, o| {
                b.push_bind(o.code.as_str().to_string())
                    .push_bind(o.kind.code())
                    .push_bind(o.name.clone())
                    .push_bind(hoptac_core::text::fold(&o.name))
                    .push_bind(o.sector.code())
                    .push_bind(o.commune.0)
                    .push_bind(to_iso(o.founded_on))
                    .push_bind(opt_iso(o.dissolved_on))
                    .push_bind(o.registration_no.clone());
            });
            qb.push(
                " ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name, \
                 name_folded = excluded.name_folded, sector = excluded.sector, commune_id = excluded.commune_id, \
                 founded_on = excluded.founded_on, dissolved_on = excluded.dissolved_on, registration_no = excluded.registration_no",
            );
            qb.build().execute(&mut **tx).await?;
        }
        for chunk in c.reports.chunks(BATCH) {
            let mut qb = QueryBuilder::<Sqlite>::new(
                "INSERT INTO annual_reports (org_code, year, members, members_joined, members_left, workers, revenue, profit, \
                 member_income, worker_income, services, rating, general_meeting_on, statements_filed, received_on, statements_filed_on, self_assessment_sent_on, rating_basis) ",
            );
            qb.push_values(chunk, |mut b, r| {
                let f = &r.figures;
                let services: Vec<&str> = f.services.iter().map(|s| s.code()).collect();
                b.push_bind(r.org.as_str().to_string())
                    .push_bind(r.year.get() as i64)
                    .push_bind(f.members)
                    .push_bind(f.members_joined)
                    .push_bind(f.members_left)
                    .push_bind(f.workers)
                    .push_bind(f.revenue.map(|v| v.micros()))
                    .push_bind(f.profit.map(|v| v.micros()))
                    .push_bind(f.member_income.map(|v| v.micros()))
                    .push_bind(f.worker_income.map(|v| v.micros()))
                    .push_bind(services.join(";"))
                    .push_bind(f.rating.map(|r| r.code()))
                    .push_bind(opt_iso(f.general_meeting_on))
                    .push_bind(f.statements_filed.map(|b| b as i64))
                    .push_bind(opt_iso(f.received_on))
                    .push_bind(opt_iso(f.statements_filed_on))
                    .push_bind(opt_iso(f.self_assessment_sent_on))
                    .push_bind(f.rating_basis.clone());
            });
            qb.push(
                " ON CONFLICT (org_code, year) DO UPDATE SET members = excluded.members, members_joined = excluded.members_joined, \
                 members_left = excluded.members_left, workers = excluded.workers, revenue = excluded.revenue, profit = excluded.profit, \
                 member_income = excluded.member_income, worker_income = excluded.worker_income, services = excluded.services, \
                 rating = excluded.rating, general_meeting_on = excluded.general_meeting_on, statements_filed = excluded.statements_filed, \
                 received_on = excluded.received_on, statements_filed_on = excluded.statements_filed_on, \
                 self_assessment_sent_on = excluded.self_assessment_sent_on, rating_basis = excluded.rating_basis",
            );
            qb.build().execute(&mut **tx).await?;
        }
        for chunk in c.managers.chunks(BATCH) {
            let mut qb = QueryBuilder::<Sqlite>::new(
                "INSERT INTO managers (org_code, full_name, role, qualification, trained_on, from_date, to_date) ",
            );
            qb.push_values(chunk, |mut b, m| {
                b.push_bind(m.org.as_str().to_string())
                    .push_bind(m.full_name.clone())
                    .push_bind(m.role.code())
                    .push_bind(m.qualification.map(|q| q.code()))
                    .push_bind(opt_iso(m.trained_on))
                    .push_bind(opt_iso(m.from))
                    .push_bind(opt_iso(m.to));
            });
            qb.push(
                " ON CONFLICT (org_code, full_name, role, COALESCE(from_date, '')) DO UPDATE SET \
                 qualification = excluded.qualification, trained_on = excluded.trained_on, to_date = excluded.to_date",
            );
            qb.build().execute(&mut **tx).await?;
        }
        for i in &c.indicators {
            sqlx::query(
                "INSERT INTO indicators (id, label_vi, label_en, definition, description) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (id) DO UPDATE SET label_vi = excluded.label_vi, label_en = excluded.label_en, \
                 definition = excluded.definition, description = excluded.description",
            )
            .bind(&i.id)
            .bind(&i.label_vi)
            .bind(&i.label_en)
            .bind(&i.definition)
            .bind(&i.description)
            .execute(&mut **tx)
            .await?;
        }
        for (entity, key, owner) in &c.owners {
            insert_owner(tx, entity, key, *owner).await?;
        }
        for p in &c.plans {
            sqlx::query(
                "INSERT INTO plans (code, title, issuer, doc_no, doc_date, from_year, to_year, baseline_year, scope_code) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code) DO UPDATE SET title = excluded.title, \
                 issuer = excluded.issuer, doc_no = excluded.doc_no, doc_date = excluded.doc_date, from_year = excluded.from_year, \
                 to_year = excluded.to_year, baseline_year = excluded.baseline_year, scope_code = excluded.scope_code",
            )
            .bind(&p.code)
            .bind(&p.title)
            .bind(&p.issuer)
            .bind(&p.doc_no)
            .bind(opt_iso(p.doc_date))
            .bind(p.from as i64)
            .bind(p.to as i64)
            .bind(p.baseline_year as i64)
            .bind(&p.scope)
            .execute(&mut **tx)
            .await?;
        }
        for (plan, t) in &c.targets {
            let milestones: Vec<String> = t
                .milestones
                .iter()
                .map(|(y, v)| format!("{y}:{v}"))
                .collect();
            sqlx::query(
                "INSERT INTO targets (plan_code, no, wording, indicator, comparator, value, value_hi, baseline_indicator, milestones, note) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (plan_code, no) DO UPDATE SET wording = excluded.wording, \
                 indicator = excluded.indicator, comparator = excluded.comparator, value = excluded.value, value_hi = excluded.value_hi, \
                 baseline_indicator = excluded.baseline_indicator, milestones = excluded.milestones, note = excluded.note",
            )
            .bind(plan)
            .bind(&t.no)
            .bind(&t.wording)
            .bind(&t.indicator)
            .bind(t.comparator.code())
            .bind(t.value.micros())
            .bind(t.value_hi.map(|v| v.micros()))
            .bind(t.baseline_indicator.as_deref())
            .bind(milestones.join(";"))
            .bind(&t.note)
            .execute(&mut **tx)
            .await?;
        }
        for (k, v) in &c.meta {
            sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .bind(k)
                .bind(v)
                .execute(&mut **tx)
                .await?;
        }
        for (org, set) in &c.registered {
            sqlx::query("DELETE FROM registered_services WHERE org_code = $1")
                .bind(org.as_str())
                .execute(&mut **tx)
                .await?;
            for sv in set {
                sqlx::query("INSERT INTO registered_services (org_code, service) VALUES ($1, $2)")
                    .bind(org.as_str())
                    .bind(sv.code())
                    .execute(&mut **tx)
                    .await?;
            }
        }
        for chunk in c.audit.chunks(BATCH) {
            let mut qb = QueryBuilder::<Sqlite>::new(
                "INSERT INTO audit (at, actor, ip, action, entity, key, unit_id, before, after) ",
            );
            qb.push_values(chunk, |mut b, e| {
                b.push_bind(e.at.clone())
                    .push_bind(e.actor.clone())
                    .push_bind(e.ip.clone())
                    .push_bind(e.action.clone())
                    .push_bind(e.entity.clone())
                    .push_bind(e.key.clone())
                    .push_bind(e.unit.map(|u| u.0))
                    .push_bind(e.before.clone())
                    .push_bind(e.after.clone());
            });
            qb.build().execute(&mut **tx).await?;
        }
        sqlx::query(
            "INSERT INTO meta (key, value) VALUES ('generation', '1') \
             ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)",
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
