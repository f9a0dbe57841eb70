//! A whole PostgreSQL database copied out (one repeatable-read snapshot) and into an empty
//! one (one transaction, the identity counters moved past the copied ids), for `hoptac copy`.

use crate::cols::{PgColumns, moment};
use crate::db::PgStore;
use async_trait::async_trait;
use futures_util::TryStreamExt;
use hoptac_store::Result;
use hoptac_store::copy::*;
use hoptac_store::decode::{Columns, corrupt};
use sqlx::postgres::PgRow;
use sqlx::{Postgres, QueryBuilder, Row};
use tokio::sync::{mpsc, oneshot};

fn row_values(t: &Table, r: &PgRow) -> Result<Vec<Value>> {
    let c = PgColumns(r);
    t.columns
        .iter()
        .enumerate()
        .map(|(i, (_, k))| {
            Ok(match k {
                Kind::Int | Kind::Bool => c.int(i)?.map(Value::Int),
                Kind::Text | Kind::Date | Kind::Moment => c.text(i)?.map(Value::Text),
                Kind::Bytes => r.try_get::<Option<Vec<u8>>, _>(i)?.map(Value::Bytes),
            }
            .unwrap_or(Value::Null))
        })
        .collect()
}

/// A value bound as its column's PostgreSQL type: a date or moment that does not read is
/// refused, naming the table, the column and the value.
enum Bound {
    Int(Option<i64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Date(Option<time::Date>),
    Moment(Option<time::OffsetDateTime>),
    Bytes(Option<Vec<u8>>),
}

fn bound(t: &Table, col: usize, v: &Value) -> Result<Bound> {
    let (name, kind) = t.columns[col];
    let bad = |v: &Value| corrupt(t.name, format!("{name}: {v:?} is not a {kind:?}"));
    Ok(match (kind, v) {
        (Kind::Int, Value::Null) => Bound::Int(None),
        (Kind::Int, Value::Int(i)) => Bound::Int(Some(*i)),
        (Kind::Bool, Value::Null) => Bound::Bool(None),
        (Kind::Bool, Value::Int(i @ (0 | 1))) => Bound::Bool(Some(*i == 1)),
        (Kind::Text, Value::Null) => Bound::Text(None),
        (Kind::Text, Value::Text(s)) => Bound::Text(Some(s.clone())),
        (Kind::Date, Value::Null) => Bound::Date(None),
        // only the stored shape: a date that would read differently is not copied
        (Kind::Date, Value::Text(s)) => Bound::Date(Some(
            hoptac_core::date::parse(s)
                .filter(|d| hoptac_core::date::to_iso(*d) == *s)
                .ok_or_else(|| bad(v))?,
        )),
        (Kind::Moment, Value::Null) => Bound::Moment(None),
        (Kind::Moment, Value::Text(s)) => Bound::Moment(Some(moment(s).map_err(|_| bad(v))?)),
        (Kind::Bytes, Value::Null) => Bound::Bytes(None),
        (Kind::Bytes, Value::Bytes(b)) => Bound::Bytes(Some(b.clone())),
        _ => return Err(bad(v)),
    })
}

async fn write(tx: &mut sqlx::Transaction<'static, Postgres>, b: &Batch) -> Result<()> {
    let t = &TABLES[b.table];
    let rows = b
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, v)| bound(t, i, v))
                .collect::<Result<Vec<_>>>()
        })
        .collect::<Result<Vec<_>>>()?;
    let mut qb =
        QueryBuilder::<Postgres>::new(format!("INSERT INTO {} ({}) ", t.name, t.column_list()));
    qb.push_values(rows, |mut q, row| {
        for v in row {
            match v {
                Bound::Int(x) => q.push_bind(x),
                Bound::Bool(x) => q.push_bind(x),
                Bound::Text(x) => q.push_bind(x),
                Bound::Date(x) => q.push_bind(x),
                Bound::Moment(x) => q.push_bind(x),
                Bound::Bytes(x) => q.push_bind(x),
            };
        }
    });
    qb.build().execute(&mut **tx).await?;
    Ok(())
}

async fn sum_table(conn: &mut sqlx::PgConnection, t: &Table) -> Result<TableSum> {
    let sql = format!("SELECT {} FROM {}", t.column_list(), t.name);
    let mut rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch(conn);
    let mut sum = Summer::default();
    while let Some(r) = rows.try_next().await? {
        sum.add(&row_values(t, &r)?);
    }
    Ok(sum.finish(t.name))
}

#[async_trait]
impl Copyable for PgStore {
    async fn dump(&self, out: mpsc::Sender<Batch>) -> Result<Vec<TableSum>> {
        let mut tx = self
            .pool
            .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .await?;
        let mut sums = Vec::new();
        for (i, t) in TABLES.iter().enumerate() {
            let sql = format!(
                "SELECT {} FROM {} ORDER BY {}",
                t.column_list(),
                t.name,
                t.order
            );
            let mut rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch(&mut *tx);
            let mut sum = Summer::default();
            let mut batch = Vec::with_capacity(BATCH_ROWS);
            while let Some(r) = rows.try_next().await? {
                let values = row_values(t, &r)?;
                sum.add(&values);
                batch.push(values);
                if batch.len() == BATCH_ROWS {
                    send(&out, i, std::mem::take(&mut batch)).await?;
                }
            }
            if !batch.is_empty() {
                send(&out, i, batch).await?;
            }
            sums.push(sum.finish(t.name));
        }
        tx.commit().await?;
        Ok(sums)
    }

    async fn load(
        &self,
        mut input: mpsc::Receiver<Batch>,
        expect: oneshot::Receiver<Vec<TableSum>>,
    ) -> Result<Vec<TableSum>> {
        let mut tx = crate::db::begin_write(&self.pool).await?;
        for t in TABLES.iter().filter(|t| t.name != "meta") {
            let sql = format!("SELECT COUNT(*) FROM {}", t.name);
            let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .fetch_one(&mut *tx)
                .await?;
            if n > 0 {
                return Err(not_empty(t.name, n));
            }
        }
        sqlx::query("DELETE FROM meta").execute(&mut *tx).await?;
        while let Some(b) = input.recv().await {
            write(&mut tx, &b).await?;
        }
        let expect = source_sums(expect).await?;
        let mut found = Vec::new();
        for t in TABLES {
            found.push(sum_table(&mut tx, t).await?);
        }
        compare(&expect, &found)?;
        for t in TABLES.iter().filter(|t| t.identity) {
            // new rows continue after the copied ids
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{0}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {0}",
                t.name
            );
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(found)
    }
}
