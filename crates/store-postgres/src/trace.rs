//! Planting areas, lots and trace events in PostgreSQL: loaded into the snapshot, written in
//! the unit of work (events out, then lots, then facilities; facilities in, then lots, then
//! events with their lots replaced).

use crate::cols::PgColumns;
use hoptac_core::lots::TraceRecords;
use hoptac_store::decode::trace as rows;
use hoptac_store::{ChangeSet, Result};
use sqlx::{PgConnection, Postgres as DB};

pub(crate) async fn load(conn: &mut PgConnection) -> Result<TraceRecords> {
    let facilities = sqlx::query(rows::FACILITIES)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::facility(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let lots = sqlx::query(rows::LOTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::lot(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let mut events: Vec<_> = sqlx::query(rows::EVENTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::event(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let event_lots = sqlx::query(rows::EVENT_LOTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::event_lot(&PgColumns(r)))
        .collect::<Result<_>>()?;
    rows::attach(&mut events, event_lots)?;
    Ok(TraceRecords {
        facilities,
        lots,
        events,
    })
}

/// The change set's facilities, lots and events, after its products are written.
pub(crate) async fn write(tx: &mut sqlx::Transaction<'static, DB>, c: &ChangeSet) -> Result<()> {
    for code in &c.removed_trace_events {
        sqlx::query("DELETE FROM trace_events WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    for (product, lot) in &c.removed_lots {
        sqlx::query("DELETE FROM lots WHERE product_code = $1 AND lot = $2")
            .bind(product)
            .bind(lot)
            .execute(&mut **tx)
            .await?;
    }
    for code in &c.removed_facilities {
        sqlx::query("DELETE FROM facilities WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    for f in &c.facilities {
        sqlx::query(
            "INSERT INTO facilities (code, kind, org_code, crop, area_ha, households, unit_id, issued_by, issued_on, market, status, status_since) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, org_code = excluded.org_code, crop = excluded.crop, \
             area_ha = excluded.area_ha, households = excluded.households, unit_id = excluded.unit_id, \
             issued_by = excluded.issued_by, issued_on = excluded.issued_on, market = excluded.market, \
             status = excluded.status, status_since = excluded.status_since",
        )
        .bind(&f.code)
        .bind(f.kind.code())
        .bind(f.org.as_str())
        .bind(&f.crop)
        .bind(f.area_ha.map(|a| a.micros()))
        .bind(f.households)
        .bind(f.unit.0)
        .bind(&f.issued_by)
        .bind(f.issued_on)
        .bind(&f.market)
        .bind(f.status.code())
        .bind(f.status_since)
        .execute(&mut **tx)
        .await?;
    }
    for l in &c.lots {
        sqlx::query(
            "INSERT INTO lots (product_code, lot, quantity, unit, produced_on, facility_code) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (product_code, lot) DO UPDATE SET quantity = excluded.quantity, unit = excluded.unit, \
             produced_on = excluded.produced_on, facility_code = excluded.facility_code",
        )
        .bind(&l.product)
        .bind(&l.lot)
        .bind(l.quantity.micros())
        .bind(l.unit.code())
        .bind(l.produced_on)
        .bind(&l.facility)
        .execute(&mut **tx)
        .await?;
    }
    for e in &c.trace_events {
        sqlx::query(
            "INSERT INTO trace_events (code, step, occurred_on, time_of_day, facility_code, parent, note) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (code) DO UPDATE SET step = excluded.step, occurred_on = excluded.occurred_on, \
             time_of_day = excluded.time_of_day, facility_code = excluded.facility_code, parent = excluded.parent, \
             note = excluded.note",
        )
        .bind(&e.code)
        .bind(e.step.code())
        .bind(e.occurred_on)
        .bind(&e.time)
        .bind(&e.facility)
        .bind(&e.parent)
        .bind(&e.note)
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM trace_event_lots WHERE event_code = $1")
            .bind(&e.code)
            .execute(&mut **tx)
            .await?;
        let all = (e.inputs.iter().map(|q| ("input", q))).chain(e.lots.iter().map(|q| ("lot", q)));
        for (position, (role, q)) in all.enumerate() {
            sqlx::query(
                "INSERT INTO trace_event_lots (event_code, position, role, product_code, lot, quantity) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&e.code)
            .bind(position as i64)
            .bind(role)
            .bind(&q.product)
            .bind(&q.lot)
            .bind(q.quantity.micros())
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}
