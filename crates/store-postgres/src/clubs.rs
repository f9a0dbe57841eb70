//! Hội quán records in PostgreSQL: loaded into the snapshot, written in the unit of work.

use crate::cols::PgColumns;
use futures_util::TryStreamExt;
use hoptac_core::model::ClubRecords;
use hoptac_store::decode::clubs as rows;
use hoptac_store::{ChangeSet, Result};
use sqlx::{PgConnection, Postgres};

pub(crate) async fn load(conn: &mut PgConnection) -> Result<ClubRecords> {
    let profiles = sqlx::query(rows::PROFILES)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::profile(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let mut meetings = Vec::new();
    {
        let mut stream = sqlx::query(rows::MEETINGS).fetch(&mut *conn);
        while let Some(row) = stream.try_next().await? {
            meetings.push(rows::meeting(&PgColumns(&row))?);
        }
    }
    let mut officials = Vec::new();
    {
        let mut stream = sqlx::query(rows::OFFICIALS).fetch(&mut *conn);
        while let Some(row) = stream.try_next().await? {
            officials.push(rows::official(&PgColumns(&row))?);
        }
    }
    let origins = sqlx::query(rows::ORIGINS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::origin(&PgColumns(r)))
        .collect::<Result<_>>()?;
    rows::records(profiles, meetings, officials, origins)
}

/// The change set's club records, after its organisations are written.
pub(crate) async fn write(
    tx: &mut sqlx::Transaction<'static, Postgres>,
    c: &ChangeSet,
) -> Result<()> {
    for p in &c.club_profiles {
        sqlx::query(
            "INSERT INTO club_profiles (org_code, sequence_no, trade, meetings_per_year) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (org_code) DO UPDATE SET sequence_no = excluded.sequence_no, trade = excluded.trade, \
             meetings_per_year = excluded.meetings_per_year",
        )
        .bind(p.org.as_str())
        .bind(p.sequence_no)
        .bind(&p.trade)
        .bind(p.meetings_per_year)
        .execute(&mut **tx)
        .await?;
    }
    for (org, on) in &c.removed_meetings {
        sqlx::query("DELETE FROM club_meetings WHERE org_code = $1 AND held_on = $2")
            .bind(org.as_str())
            .bind(*on)
            .execute(&mut **tx)
            .await?;
    }
    for m in &c.meetings {
        sqlx::query(
            "INSERT INTO club_meetings (org_code, held_on, topic, attendance, outcome) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (org_code, held_on) DO UPDATE SET topic = excluded.topic, attendance = excluded.attendance, \
             outcome = excluded.outcome",
        )
        .bind(m.org.as_str())
        .bind(m.held_on)
        .bind(m.topic.code())
        .bind(m.attendance)
        .bind(&m.outcome)
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM club_meeting_officials WHERE org_code = $1 AND held_on = $2")
            .bind(m.org.as_str())
            .bind(m.held_on)
            .execute(&mut **tx)
            .await?;
        for (seq, o) in m.officials.iter().enumerate() {
            sqlx::query(
                "INSERT INTO club_meeting_officials (org_code, held_on, seq, name, office, level) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(m.org.as_str())
            .bind(m.held_on)
            .bind(seq as i64)
            .bind(&o.name)
            .bind(&o.office)
            .bind(o.level.code())
            .execute(&mut **tx)
            .await?;
        }
    }
    for (org, from) in &c.removed_origins {
        sqlx::query("DELETE FROM org_origins WHERE org_code = $1 AND from_code = $2")
            .bind(org.as_str())
            .bind(from.as_str())
            .execute(&mut **tx)
            .await?;
    }
    for o in &c.origins {
        sqlx::query(
            "INSERT INTO org_origins (org_code, from_code, founding_members) VALUES ($1, $2, $3) \
             ON CONFLICT (org_code, from_code) DO UPDATE SET founding_members = excluded.founding_members",
        )
        .bind(o.org.as_str())
        .bind(o.from.as_str())
        .bind(o.founding_members)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
