//! A whole database copied between backends (`hoptac copy`): every table row for row, the
//! audit and its ids included, read from one consistent snapshot and written in one
//! transaction, committed only when every table read back has the rows and the checksum
//! of the source. An office that outgrows its SQLite file moves to PostgreSQL (or back)
//! without losing a row.

use crate::port::error::{Result, StoreError};
use async_trait::async_trait;
use sha2::{Digest, Sha256};
use tokio::sync::{mpsc, oneshot};

mod ledger_tables;
mod shape;
mod tables;
pub use shape::{Kind, Table};
pub use tables::TABLES;

/// One value in SQLite's shape: dates `YYYY-MM-DD`, moments `YYYY-MM-DD HH:MM:SS` (Vietnam
/// time), flags 0/1.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
}

/// Rows of one table (its index in [`TABLES`]), on their way from one database to the other.
pub struct Batch {
    pub table: usize,
    pub rows: Vec<Vec<Value>>,
}

/// Rows per batch: what one multi-row INSERT writes.
pub const BATCH_ROWS: usize = 500;

/// A table's row count and checksum: SHA-256 over the sorted digests of its rows, so the
/// order a database returns rows in does not matter and every value does.
#[derive(Clone, Debug, PartialEq)]
pub struct TableSum {
    pub table: &'static str,
    pub rows: u64,
    pub checksum: String,
}

#[derive(Default)]
pub struct Summer {
    digests: Vec<[u8; 32]>,
}

impl Summer {
    pub fn add(&mut self, row: &[Value]) {
        let mut h = Sha256::new();
        for v in row {
            match v {
                Value::Null => h.update([0u8]),
                Value::Int(i) => {
                    h.update([1u8]);
                    h.update(i.to_le_bytes());
                }
                Value::Text(s) => {
                    h.update([2u8]);
                    h.update((s.len() as u64).to_le_bytes());
                    h.update(s.as_bytes());
                }
                Value::Bytes(b) => {
                    h.update([3u8]);
                    h.update((b.len() as u64).to_le_bytes());
                    h.update(b);
                }
            }
        }
        self.digests.push(h.finalize().into());
    }

    pub fn finish(mut self, table: &'static str) -> TableSum {
        self.digests.sort_unstable();
        let mut h = Sha256::new();
        for d in &self.digests {
            h.update(d);
        }
        let checksum = h
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        TableSum {
            table,
            rows: self.digests.len() as u64,
            checksum,
        }
    }
}

/// A backend a whole database can be copied out of and into.
#[async_trait]
pub trait Copyable: Send + Sync {
    /// Sends every table, in [`TABLES`] order, from one consistent snapshot; returns each
    /// table's sum of what was sent.
    async fn dump(&self, out: mpsc::Sender<Batch>) -> Result<Vec<TableSum>>;
    /// Writes what arrives into this database, which must hold no rows (but its `meta`),
    /// in one transaction; reads every table back inside it and commits only if the sums
    /// equal `expect` (the source's). Returns the sums read back.
    async fn load(
        &self,
        input: mpsc::Receiver<Batch>,
        expect: oneshot::Receiver<Vec<TableSum>>,
    ) -> Result<Vec<TableSum>>;
}

/// Copies `from` into `to` (empty): the sums of every table, equal on both sides.
pub async fn copy(from: &dyn Copyable, to: &dyn Copyable) -> Result<Vec<TableSum>> {
    let (tx, rx) = mpsc::channel(4);
    let (sums_tx, sums_rx) = oneshot::channel();
    let dump = async move {
        let sums = from.dump(tx).await?;
        // the loader may have stopped already; its error is the one reported
        let _ = sums_tx.send(sums);
        Ok::<(), StoreError>(())
    };
    let (dumped, loaded) = tokio::join!(dump, to.load(rx, sums_rx));
    // a failed dump drops the source's sums: the load then fails too, and nothing commits;
    // a failed load hangs up on the dump: the load's error is the one that says why
    match (dumped, loaded) {
        (Ok(()), loaded) => loaded,
        (Err(d), Err(l)) if is_hangup(&d) => Err(l),
        (Err(d), _) => Err(d),
    }
}

const HANGUP: &str = "the destination stopped taking rows";

fn is_hangup(e: &StoreError) -> bool {
    matches!(e, StoreError::Backend { detail, .. } if detail == HANGUP)
}

/// A dump's batch on its way; fails when the loader has stopped.
pub async fn send(out: &mpsc::Sender<Batch>, table: usize, rows: Vec<Vec<Value>>) -> Result<()> {
    out.send(Batch { table, rows })
        .await
        .map_err(|_| StoreError::Backend {
            backend: "copy",
            detail: HANGUP.into(),
        })
}

/// What a loader waits for after the last batch: the source's sums, or the news that the
/// source stopped.
pub async fn source_sums(expect: oneshot::Receiver<Vec<TableSum>>) -> Result<Vec<TableSum>> {
    expect.await.map_err(|_| StoreError::Backend {
        backend: "copy",
        detail: "the source stopped before the end: nothing was committed".into(),
    })
}

/// The check a loader makes before it commits: every table's rows and checksum.
pub fn compare(expect: &[TableSum], found: &[TableSum]) -> Result<()> {
    for (e, f) in expect.iter().zip(found) {
        if e != f {
            return Err(StoreError::Backend {
                backend: "copy",
                detail: format!(
                    "table {}: {} rows, checksum {} in the source; {} rows, checksum {} written: nothing was committed",
                    e.table,
                    e.rows,
                    &e.checksum[..12],
                    f.rows,
                    &f.checksum[..12]
                ),
            });
        }
    }
    if expect.len() != found.len() {
        return Err(StoreError::Backend {
            backend: "copy",
            detail: format!("{} tables sent, {} written", expect.len(), found.len()),
        });
    }
    Ok(())
}

/// The loader's first step: the destination holds nothing but its `meta`.
pub fn not_empty(table: &str, rows: i64) -> StoreError {
    StoreError::NotEmpty(format!("{table}: {rows}"))
}
