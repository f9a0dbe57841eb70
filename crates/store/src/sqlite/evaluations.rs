//! Evaluations in SQLite: scores as `item=value` lines, so exact decimals survive and the
//! column stays readable in a database browser.

use super::db::corrupt;
use crate::port::error::Result;
use crate::port::records::StoredEvaluation;
use hoptac_core::evaluation::{Evaluation, State};
use hoptac_core::{Fixed, OrgCode};
use sqlx::{Row, Sqlite, SqlitePool};
use std::collections::BTreeMap;

fn state_code(s: State) -> &'static str {
    match s {
        State::Draft => "draft",
        State::Submitted => "submitted",
        State::Reviewed => "reviewed",
        State::Approved => "approved",
    }
}

fn state_of(s: &str) -> Option<State> {
    Some(match s {
        "draft" => State::Draft,
        "submitted" => State::Submitted,
        "reviewed" => State::Reviewed,
        "approved" => State::Approved,
        _ => return None,
    })
}

fn scores_text(s: &BTreeMap<String, Fixed>) -> String {
    s.iter().map(|(k, v)| format!("{k}={v}\n")).collect()
}

fn adjusted_text(s: &BTreeMap<String, (Fixed, String)>) -> String {
    // a reason is one line: line breaks typed in a form become spaces
    s.iter()
        .map(|(k, (v, why))| format!("{k}={v}={}\n", why.replace(['\n', '\r'], " ")))
        .collect()
}

fn parse_scores(t: &str) -> Option<BTreeMap<String, Fixed>> {
    t.lines()
        .map(|l| {
            let (k, v) = l.split_once('=')?;
            Some((k.to_string(), Fixed::parse_plain(v)?))
        })
        .collect()
}

fn parse_adjusted(t: &str) -> Option<BTreeMap<String, (Fixed, String)>> {
    t.lines()
        .map(|l| {
            let mut p = l.splitn(3, '=');
            let (k, v, why) = (p.next()?, p.next()?, p.next()?);
            Some((k.to_string(), (Fixed::parse_plain(v)?, why.to_string())))
        })
        .collect()
}

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
    Ok(rows
        .iter()
        .map(|r| {
            let code: String = r.try_get(0)?;
            let year: i64 = r.try_get(1)?;
            let bad = |what: &str| corrupt("evaluations", format!("{code}/{year}: {what}"));
            let submitted: Option<String> = r.try_get(7)?;
            Ok(StoredEvaluation {
                org: OrgCode::parse(&code).ok_or_else(|| bad("code"))?,
                year: r.try_get::<i64, _>(1)? as i32,
                evaluation: Evaluation {
                    rubric_id: r.try_get(2)?,
                    rubric_version: r.try_get::<i64, _>(3)? as u32,
                    state: state_of(&r.try_get::<String, _>(4)?).ok_or_else(|| bad("state"))?,
                    self_scores: parse_scores(&r.try_get::<String, _>(5)?)
                        .ok_or_else(|| bad("self_scores"))?,
                    adjusted: parse_adjusted(&r.try_get::<String, _>(6)?)
                        .ok_or_else(|| bad("adjusted"))?,
                    submitted_on: match submitted {
                        None => None,
                        Some(d) => {
                            Some(hoptac_core::date::parse(&d).ok_or_else(|| bad("submitted_on"))?)
                        }
                    },
                },
            })
        })
        .collect())
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
    use hoptac_core::evaluation::classification::{AgriField, Classification, SupplyType};
    let (lo, hi) = year.map_or((i64::MIN, i64::MAX), |y| (y as i64, y as i64));
    let rows = sqlx::query(
        "SELECT org_code, year, supply, vsic, capital, agri_field FROM classifications \
         WHERE year BETWEEN $1 AND $2 ORDER BY year, org_code",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let code: String = r.try_get(0)?;
            let bad = |what: &str| corrupt("classifications", format!("{code}: {what}"));
            let supply: Option<String> = r.try_get(2)?;
            let vsic: Option<String> = r.try_get(3)?;
            let capital: Option<String> = r.try_get(4)?;
            let field: Option<String> = r.try_get(5)?;
            Ok(crate::port::records::StoredClassification {
                org: OrgCode::parse(&code).ok_or_else(|| bad("code"))?,
                year: r.try_get::<i64, _>(1)? as i32,
                axes: Classification {
                    supply: match supply {
                        Some(s) => Some(SupplyType::parse(&s).ok_or_else(|| bad("supply"))?),
                        None => None,
                    },
                    vsic: vsic.and_then(|v| v.chars().next()),
                    capital: match capital {
                        Some(c) => Some(Fixed::parse_plain(&c).ok_or_else(|| bad("capital"))?),
                        None => None,
                    },
                    agri_field: match field {
                        Some(f) => Some(AgriField::parse(&f).ok_or_else(|| bad("agri_field"))?),
                        None => None,
                    },
                },
            })
        })
        .collect()
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
