//! Training records in SQLite: loaded into the snapshot, written in the unit of work.

use crate::decode::training as rows;
use crate::port::error::Result;
use crate::port::records::ChangeSet;
use hoptac_core::date::to_iso;
use hoptac_core::model::TrainingRecords;
use sqlx::Sqlite;

pub(super) async fn load(conn: &mut sqlx::SqliteConnection) -> Result<TrainingRecords> {
    let courses = sqlx::query(rows::COURSES)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(rows::course)
        .collect::<Result<_>>()?;
    let attendees = sqlx::query(rows::ATTENDEES)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(rows::attendee)
        .collect::<Result<_>>()?;
    Ok(TrainingRecords { courses, attendees })
}

/// The change set's training records, after its units and organisations are written.
pub(super) async fn write(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
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
        .bind(to_iso(k.starts_on))
        .bind(to_iso(k.ends_on))
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
