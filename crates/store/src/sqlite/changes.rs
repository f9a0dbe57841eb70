//! The unit of work: a change set in one `BEGIN IMMEDIATE` transaction, checked against the
//! generation and row versions it expects, with its audit entries, committed together.

use super::db::*;
use crate::port::error::Result;
use crate::port::records::*;
use crate::port::traits::*;
use async_trait::async_trait;
use hoptac_core::date::to_iso;
use hoptac_core::model::UnitId;
use sqlx::{QueryBuilder, Row, Sqlite};

/// Records a definition's owner scope unless it has one already.
pub(super) async fn insert_owner(
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
pub(super) async fn commit_audited(
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

pub(super) async fn bump_generation(tx: &mut sqlx::Transaction<'static, Sqlite>) -> Result<()> {
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
pub(super) async fn row_version(
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

pub(super) async fn check_version(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    entity: &str,
    key: &str,
    expected: i64,
) -> Result<()> {
    if row_version(tx, entity, key).await? != expected {
        return Err(crate::port::error::StoreError::Stale {
            entity: entity.to_string(),
            key: key.to_string(),
        });
    }
    Ok(())
}

pub(super) async fn apply_in(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    c: &ChangeSet,
) -> Result<()> {
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
            return Err(crate::port::error::StoreError::Conflict { expected, found });
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
        for ch in &c.unit_changes {
            sqlx::query(
                "INSERT INTO unit_changes (old_id, new_id, on_date, kind, basis) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (old_id, new_id) DO UPDATE SET on_date = excluded.on_date, kind = excluded.kind, basis = excluded.basis",
            )
            .bind(ch.old.0)
            .bind(ch.new.0)
            .bind(to_iso(ch.on))
            .bind(ch.kind.code())
            .bind(&ch.basis)
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
        for m in &c.moves {
            sqlx::query(
                "INSERT INTO organization_moves (org_code, commune_id, moved_on, reason) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (org_code, moved_on) DO UPDATE SET commune_id = excluded.commune_id, reason = excluded.reason",
            )
            .bind(m.org.as_str())
            .bind(m.commune.0)
            .bind(to_iso(m.moved_on))
            .bind(&m.reason)
            .execute(&mut **tx)
            .await?;
        }
        super::clubs::write(tx, c).await?;
        super::training::write(tx, c).await?;
        super::products::write(tx, c).await?;
        super::trace::write(tx, c).await?;
        super::contracts::write(tx, c).await?;
        // disbursements may name a linkage project written just above
        super::support::write(tx, c).await?;
        for a in &c.archived_reports {
            let moved = sqlx::query(
        "INSERT INTO archived_reports (org_code, year, members, members_joined, members_left, workers, revenue, profit, member_income, worker_income, services, rating, general_meeting_on, statements_filed, received_on, statements_filed_on, self_assessment_sent_on, rating_basis, archived_at, archived_by, reason) \
         SELECT org_code, year, members, members_joined, members_left, workers, revenue, profit, member_income, worker_income, services, rating, general_meeting_on, statements_filed, received_on, statements_filed_on, self_assessment_sent_on, rating_basis, $3, $4, $5 FROM annual_reports WHERE org_code = $1 AND year = $2",
    )
    .bind(a.org.as_str())
    .bind(a.year as i64)
    .bind(&a.at)
    .bind(&a.actor)
    .bind(&a.reason)
    .execute(&mut **tx)
    .await?;
            if moved.rows_affected() == 0 {
                return Err(crate::port::error::StoreError::Stale {
                    entity: "annual_reports".into(),
                    key: format!("{}/{}", a.org, a.year),
                });
            }
            sqlx::query("DELETE FROM annual_reports WHERE org_code = $1 AND year = $2")
                .bind(a.org.as_str())
                .bind(a.year as i64)
                .execute(&mut **tx)
                .await?;
        }
        for (id, at) in &c.restored_reports {
            let marked = sqlx::query(
        "UPDATE archived_reports SET restored_at = $2 WHERE id = $1 AND restored_at IS NULL",
    )
    .bind(*id)
    .bind(at)
    .execute(&mut **tx)
    .await?;
            if marked.rows_affected() == 0 {
                return Err(crate::port::error::StoreError::Stale {
                    entity: "archived_reports".into(),
                    key: id.to_string(),
                });
            }
        }
        for a in &c.archived_orgs {
            archive_org(tx, a).await?;
        }
        for (id, at) in &c.restored_orgs {
            let marked = sqlx::query(
                "UPDATE archived_orgs SET restored_at = $2 WHERE id = $1 AND restored_at IS NULL",
            )
            .bind(*id)
            .bind(at)
            .execute(&mut **tx)
            .await?;
            if marked.rows_affected() == 0 {
                return Err(crate::port::error::StoreError::Stale {
                    entity: "archived_orgs".into(),
                    key: id.to_string(),
                });
            }
        }
        for m in &c.removed_managers {
            sqlx::query(
            "DELETE FROM managers WHERE org_code = $1 AND full_name = $2 AND role = $3 AND COALESCE(from_date, '') = $4",
        )
        .bind(m.org.as_str())
        .bind(&m.full_name)
        .bind(m.role.code())
        .bind(m.from.map(to_iso).unwrap_or_default())
        .execute(&mut **tx)
        .await?;
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
        super::tasks::write(tx, c).await?;
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

#[async_trait]
impl Changes for SqliteStore {
    async fn apply(&self, c: &ChangeSet) -> Result<()> {
        // IMMEDIATE: the write lock is taken before the generation is compared, so no other
        // writer can commit between the check and the writes
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        apply_in(&mut tx, c).await?;
        tx.commit().await?;
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
}

/// Moves an organisation entered by mistake, its managers and registered services into the
/// archive, then out of the register; refused while another record still names it.
async fn archive_org(tx: &mut sqlx::Transaction<'static, Sqlite>, a: &OrgArchive) -> Result<()> {
    let named: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM annual_reports WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM evaluations WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM classifications WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM cases WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM organization_moves WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM club_profiles WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM club_meetings WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM org_origins WHERE org_code = $1 OR from_code = $1) \
         + (SELECT COUNT(*) FROM training_attendees WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM support_disbursements WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM products WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM facilities WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM contract_orgs WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM project_orgs WHERE org_code = $1) \
         + (SELECT COUNT(*) FROM ledger_years WHERE org_code = $1)",
    )
    .bind(a.org.as_str())
    .fetch_one(&mut **tx)
    .await?;
    let id: Option<i64> = if named > 0 {
        None
    } else {
        sqlx::query_scalar(
            "INSERT INTO archived_orgs (org_code, kind, name, sector, commune_id, founded_on, dissolved_on, registration_no, services, archived_at, archived_by, reason) \
             SELECT code, kind, name, sector, commune_id, founded_on, dissolved_on, registration_no, \
             COALESCE((SELECT group_concat(service, ';') FROM registered_services WHERE org_code = $1), ''), $2, $3, $4 \
             FROM organizations WHERE code = $1 RETURNING id",
        )
        .bind(a.org.as_str())
        .bind(&a.at)
        .bind(&a.actor)
        .bind(&a.reason)
        .fetch_optional(&mut **tx)
        .await?
    };
    let Some(id) = id else {
        return Err(crate::port::error::StoreError::Stale {
            entity: "organizations".into(),
            key: a.org.to_string(),
        });
    };
    sqlx::query(
        "INSERT INTO archived_org_managers (archive_id, full_name, role, qualification, trained_on, from_date, to_date) \
         SELECT $1, full_name, role, qualification, trained_on, from_date, to_date FROM managers WHERE org_code = $2 ORDER BY id",
    )
    .bind(id)
    .bind(a.org.as_str())
    .execute(&mut **tx)
    .await?;
    for table in ["managers", "registered_services"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE org_code = $1"
        )))
        .bind(a.org.as_str())
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query("DELETE FROM organizations WHERE code = $1")
        .bind(a.org.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(())
}
