//! hoptac copy: the whole database into another, empty one, on the same backend or the
//! other (an office that outgrows its SQLite file moves to PostgreSQL), checked table by
//! table before it is committed.

use crate::location::Db;
use hoptac_store::copy::{Copyable, TableSum};
use hoptac_store::{SqliteStore, StoreError};
use hoptac_store_postgres::PgStore;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The database copied: a SQLite file or postgres://… (nguồn)
    #[arg(long)]
    pub(crate) from: Db,
    /// The empty database it is copied into (đích); a SQLite file is created, a PostgreSQL
    /// database must be created and migrated first (`hoptac migrate`)
    #[arg(long)]
    pub(crate) to: Db,
}

enum Opened {
    File(SqliteStore, Option<std::fs::File>),
    Server(PgStore),
}

impl Opened {
    fn copyable(&self) -> &dyn Copyable {
        match self {
            Opened::File(s, _) => s,
            Opened::Server(s) => s,
        }
    }

    async fn close(self) {
        match self {
            Opened::File(s, _lock) => s.close().await,
            Opened::Server(s) => s.close().await,
        }
    }
}

async fn open(db: &Db, destination: bool) -> anyhow::Result<Opened> {
    Ok(match db {
        Db::File(path) => {
            if !destination && !path.is_file() {
                return Err(invalid(
                    db,
                    hoptac_core::msg!("cli.no_database_file", db = db),
                ));
            }
            // no server may write into the destination while it is filled
            let lock = if destination {
                Some(crate::database::lock_database(path)?)
            } else {
                None
            };
            Opened::File(SqliteStore::open(path).await?, lock)
        }
        Db::Server(url) => {
            let s = PgStore::connect(url).await?;
            crate::database::schema_in_step(db, &s, false).await?;
            Opened::Server(s)
        }
    })
}

pub(crate) async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Args { from, to } = args;
    if from == to {
        return Err(invalid(
            &from,
            hoptac_core::msg!("cli.copy_same", db = from),
        ));
    }
    let source = open(&from, false).await?;
    let dest = open(&to, true).await?;
    let result = hoptac_store::copy::copy(source.copyable(), dest.copyable()).await;
    source.close().await;
    dest.close().await;
    let sums = match result {
        Ok(s) => s,
        Err(StoreError::NotEmpty(what)) => {
            return Err(invalid(
                &to,
                hoptac_core::msg!("cli.copy_not_empty", db = to, what = what),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    print_sums(&sums);
    let rows: u64 = sums.iter().map(|s| s.rows).sum();
    println!(
        "Đã sao chép / copied {from} → {to}: {} bảng/tables, {} dòng/rows; đọc lại từng bảng: \
         số dòng và mã kiểm tra khớp / read back table by table: rows and checksums equal",
        sums.len(),
        hoptac_core::text::group_thousands(rows as i128)
    );
    Ok(ExitCode::SUCCESS)
}

fn invalid(db: &Db, msg: hoptac_core::Msg) -> anyhow::Error {
    hoptac_app::AppError::invalid("database", db.to_string(), msg).into()
}

fn print_sums(sums: &[TableSum]) {
    for s in sums {
        println!(
            "  {:<28} {:>12}  sha256 {}",
            s.table,
            hoptac_core::text::group_thousands(s.rows as i128),
            &s.checksum[..16]
        );
    }
}
