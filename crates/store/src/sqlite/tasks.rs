//! The offices and tasks of plans in SQLite: read with the plans, written in the unit of
//! work.

use crate::decode::tasks as rows;
use crate::port::error::Result;
use crate::port::records::ChangeSet;
use hoptac_core::plan::Plan;
use hoptac_core::plan::tasks::join_codes;
use sqlx::Sqlite as DB;

pub(super) async fn load_into(pool: &sqlx::SqlitePool, plans: &mut [Plan]) -> Result<()> {
    let offices = sqlx::query(rows::OFFICES)
        .fetch_all(pool)
        .await?
        .iter()
        .map(rows::office)
        .collect::<Result<Vec<_>>>()?;
    let tasks = sqlx::query(rows::TASKS)
        .fetch_all(pool)
        .await?
        .iter()
        .map(rows::task)
        .collect::<Result<Vec<_>>>()?;
    rows::attach(plans, offices, tasks);
    Ok(())
}

/// The change set's offices and tasks of plans, after its plans are written.
pub(super) async fn write(tx: &mut sqlx::Transaction<'static, DB>, c: &ChangeSet) -> Result<()> {
    for (plan, number) in &c.removed_plan_tasks {
        sqlx::query("DELETE FROM plan_tasks WHERE plan_code = $1 AND number = $2")
            .bind(plan)
            .bind(number)
            .execute(&mut **tx)
            .await?;
    }
    for (plan, code) in &c.removed_plan_offices {
        sqlx::query("DELETE FROM plan_offices WHERE plan_code = $1 AND code = $2")
            .bind(plan)
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    for (plan, o) in &c.plan_offices {
        sqlx::query(
            "INSERT INTO plan_offices (plan_code, code, name, until, successor) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (plan_code, code) DO UPDATE SET name = excluded.name, until = excluded.until, \
             successor = excluded.successor",
        )
        .bind(plan)
        .bind(&o.code)
        .bind(&o.name)
        .bind(o.until.map(hoptac_core::date::to_iso))
        .bind(&o.successor)
        .execute(&mut **tx)
        .await?;
    }
    for (plan, t) in &c.plan_tasks {
        sqlx::query(
            "INSERT INTO plan_tasks (plan_code, number, grp, text, lead, partners, output, evidence, status, reason) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (plan_code, number) DO UPDATE SET \
             grp = excluded.grp, text = excluded.text, lead = excluded.lead, partners = excluded.partners, \
             output = excluded.output, evidence = excluded.evidence, status = excluded.status, reason = excluded.reason",
        )
        .bind(plan)
        .bind(&t.number)
        .bind(&t.group)
        .bind(&t.text)
        .bind(join_codes(&t.lead))
        .bind(join_codes(&t.partners))
        .bind(&t.output)
        .bind(join_codes(&t.evidence))
        .bind(t.status.code())
        .bind(&t.reason)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
