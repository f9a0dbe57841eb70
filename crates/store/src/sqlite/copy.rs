//! A whole SQLite database copied out (one read transaction: one snapshot) and into an
//! empty file (one write transaction), for `hoptac copy`.

use super::db::SqliteStore;
use crate::copy::*;
use crate::port::error::Result;
use async_trait::async_trait;
use futures_util::TryStreamExt;
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite};
use tokio::sync::{mpsc, oneshot};

fn value(r: &SqliteRow, i: usize, kind: Kind) -> Result<Value> {
    Ok(match kind {
        Kind::Int | Kind::Bool => r.try_get::<Option<i64>, _>(i)?.map(Value::Int),
        Kind::Text | Kind::Date | Kind::Moment => {
            r.try_get::<Option<String>, _>(i)?.map(Value::Text)
        }
        Kind::Bytes => r.try_get::<Option<Vec<u8>>, _>(i)?.map(Value::Bytes),
    }
    .unwrap_or(Value::Null))
}

fn row_values(t: &Table, r: &SqliteRow) -> Result<Vec<Value>> {
    t.columns
        .iter()
        .enumerate()
        .map(|(i, (_, k))| value(r, i, *k))
        .collect()
}

async fn sum_table(conn: &mut sqlx::SqliteConnection, t: &Table) -> Result<TableSum> {
    let sql = format!("SELECT {} FROM {}", t.column_list(), t.name);
    let mut rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch(conn);
    let mut sum = Summer::default();
    while let Some(r) = rows.try_next().await? {
        sum.add(&row_values(t, &r)?);
    }
    Ok(sum.finish(t.name))
}

async fn write(tx: &mut sqlx::Transaction<'static, Sqlite>, b: &Batch) -> Result<()> {
    let t = &TABLES[b.table];
    let mut qb =
        QueryBuilder::<Sqlite>::new(format!("INSERT INTO {} ({}) ", t.name, t.column_list()));
    qb.push_values(&b.rows, |mut q, row| {
        for v in row {
            match v {
                Value::Null => q.push_bind(None::<String>),
                Value::Int(i) => q.push_bind(*i),
                Value::Text(s) => q.push_bind(s.clone()),
                Value::Bytes(x) => q.push_bind(x.clone()),
            };
        }
    });
    qb.build().execute(&mut **tx).await?;
    Ok(())
}

#[async_trait]
impl Copyable for SqliteStore {
    async fn dump(&self, out: mpsc::Sender<Batch>) -> Result<Vec<TableSum>> {
        // one read transaction: in WAL mode every table is read from the same snapshot
        let mut tx = self.pool.begin().await?;
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
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
        tx.commit().await?;
        Ok(found)
    }
}
