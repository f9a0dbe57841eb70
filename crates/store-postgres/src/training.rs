//! Training records in PostgreSQL: loaded into the snapshot, written in the unit of work.

use crate::cols::PgColumns;
use hoptac_core::model::TrainingRecords;
use hoptac_store::decode::training as rows;
use hoptac_store::{ChangeSet, Result};
use sqlx::{PgConnection, Postgres};

pub(crate) async fn load(conn: &mut PgConnection) -> Result<TrainingRecords> {
    let courses = sqlx::query(rows::COURSES)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::course(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let attendees = sqlx::query(rows::ATTENDEES)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::attendee(&PgColumns(r)))
        .collect::<Result<_>>()?;
    Ok(TrainingRecords { courses, attendees })
}

/// The change set's training records, after its units and organisations are written.
pub(crate) async fn write(
    tx: &mut sqlx::Transaction<'static, Postgres>,
    c: &ChangeSet,
) -> Result<()> {
    for code in &c.removed_courses {
        sqlx::query("DELETE FROM training_courses WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    for k in &c.courses {
        sqlx::query(
            "INSERT INTO training_courses (code, title, level, organiser, unit_id, starts_on, ends_on, funding) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (code) DO UPDATE SET title = excluded.title, level = excluded.level, \
             organiser = excluded.organiser, unit_id = excluded.unit_id, starts_on = excluded.starts_on, \
             ends_on = excluded.ends_on, funding = excluded.funding",
        )
        .bind(&k.code)
        .bind(&k.title)
        .bind(k.level.code())
        .bind(&k.organiser)
        .bind(k.unit.0)
        .bind(k.starts_on)
        .bind(k.ends_on)
        .bind(&k.funding)
        .execute(&mut **tx)
        .await?;
    }
    for (course, list) in &c.course_attendees {
        sqlx::query("DELETE FROM training_attendees WHERE course_code = $1")
            .bind(course)
            .execute(&mut **tx)
            .await?;
        for (seq, a) in list.iter().enumerate() {
            sqlx::query(
                "INSERT INTO training_attendees (course_code, seq, full_name, org_code) VALUES ($1, $2, $3, $4)",
            )
            .bind(course)
            .bind(seq as i64)
            .bind(&a.full_name)
            .bind(rows::org_of(a))
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}
