//! Evaluations in SQLite: scores as `item=value` lines, so exact decimals survive and the
//! column stays readable in a database browser.

use crate::port::error::Result;
use crate::port::records::StoredEvaluation;
use hoptac_core::OrgCode;
use sqlx::{Sqlite, SqlitePool};

use crate::decode::{adjusted_text, scores_text, state_code};

/// The readable evaluations; a stored row that cannot be read (written by an older version,
/// or by hand) is left out and named by [`unreadable`], so one bad row never takes every
/// evaluation page down with it.
pub(super) async fn load(pool: &SqlitePool, year: Option<i32>) -> Result<Vec<StoredEvaluation>> {
    Ok(load_all(pool, year)
        .await?
        .into_iter()
        .filter_map(|r| r.ok())
        .collect())
}

/// What cannot be read among the stored evaluations, each with its key and the reason.
pub(super) async fn unreadable(pool: &SqlitePool) -> Result<Vec<String>> {
    Ok(load_all(pool, None)
        .await?
        .into_iter()
        .filter_map(|r| r.err())
        .map(|e| e.to_string())
        .collect())
}

async fn load_all(pool: &SqlitePool, year: Option<i32>) -> Result<Vec<Result<StoredEvaluation>>> {
    let (lo, hi) = year.map_or((i64::MIN, i64::MAX), |y| (y as i64, y as i64));
    let rows = sqlx::query(
        "SELECT org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on \
         FROM evaluations WHERE year BETWEEN $1 AND $2 ORDER BY year, org_code",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(pool)
    .await?;
    Ok(rows.iter().map(crate::decode::evaluation).collect())
}

/// (organisation, year, submission date) of a rubric's submitted sheets; a row that does
/// not read is left out, as [`load`] leaves it out.
pub(super) async fn submitted(
    pool: &SqlitePool,
    rubric_id: &str,
) -> Result<Vec<(OrgCode, i32, hoptac_core::Date)>> {
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT org_code, year, submitted_on FROM evaluations \
         WHERE rubric_id = $1 AND submitted_on IS NOT NULL ORDER BY year, org_code",
    )
    .bind(rubric_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(code, year, on)| {
            Some((
                OrgCode::parse(&code)?,
                year as i32,
                hoptac_core::date::parse(&on)?,
            ))
        })
        .collect())
}

pub(super) async fn save(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    evs: &[StoredEvaluation],
) -> Result<()> {
    for s in evs {
        let e = &s.evaluation;
        sqlx::query(
            "INSERT INTO evaluations (org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (org_code, year, rubric_id) DO UPDATE SET rubric_version = excluded.rubric_version, \
             state = excluded.state, self_scores = excluded.self_scores, adjusted = excluded.adjusted, \
             submitted_on = excluded.submitted_on",
        )
        .bind(s.org.as_str())
        .bind(s.year as i64)
        .bind(&e.rubric_id)
        .bind(e.rubric_version as i64)
        .bind(state_code(e.state))
        .bind(scores_text(&e.self_scores))
        .bind(adjusted_text(&e.adjusted))
        .bind(e.submitted_on.map(hoptac_core::date::to_iso))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub(super) async fn load_classifications(
    pool: &SqlitePool,
    year: Option<i32>,
) -> Result<Vec<crate::port::records::StoredClassification>> {
    let (lo, hi) = year.map_or((i64::MIN, i64::MAX), |y| (y as i64, y as i64));
    let rows = sqlx::query(
        "SELECT org_code, year, supply, vsic, capital, agri_field FROM classifications \
         WHERE year BETWEEN $1 AND $2 ORDER BY year, org_code",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(pool)
    .await?;
    rows.iter().map(crate::decode::classification).collect()
}

pub(super) async fn save_classification(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    c: &crate::port::records::StoredClassification,
) -> Result<()> {
    let a = &c.axes;
    sqlx::query(
        "INSERT INTO classifications (org_code, year, supply, vsic, capital, agri_field) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (org_code, year) DO UPDATE SET supply = excluded.supply, vsic = excluded.vsic, \
         capital = excluded.capital, agri_field = excluded.agri_field",
    )
    .bind(c.org.as_str())
    .bind(c.year as i64)
    .bind(a.supply.map(|s| s.code()))
    .bind(a.vsic.map(|v| v.to_string()))
    .bind(a.capital.map(|v| v.to_string()))
    .bind(a.agri_field.map(|f| f.code()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
