//! hoptac trace: traceability from the command line — the EPCIS 2.0 document of the lots
//! (or of one lot's trace), and the GS1 Digital Link of each public lot, for the label.

use crate::database::open;
use crate::location::Db;
use hoptac_app::Actor;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub(crate) enum TraceCmd {
    /// The EPCIS 2.0 JSON-LD document of every event, or of one lot's trace (tài liệu EPCIS)
    Epcis {
        /// One lot: PRODUCT/LOT (mã sản phẩm/số lô)
        #[arg(long)]
        lot: Option<String>,
        /// The installation's public address, for the places' and cases' identifiers
        #[arg(long, default_value = "http://localhost:8080")]
        base: String,
    },
    /// Read an EPCIS 2.0 JSON-LD document's events, all or none (nhập tài liệu EPCIS)
    Import {
        file: std::path::PathBuf,
        /// The installation's public address its places and cases are named under
        #[arg(long, default_value = "http://localhost:8080")]
        base: String,
    },
    /// The GS1 Digital Link of each lot of a public product, one per line (đường dẫn in trên nhãn)
    Links {
        #[arg(long, default_value = "http://localhost:8080")]
        base: String,
    },
}

pub(crate) async fn run(db: &Db, system: &Actor, cmd: TraceCmd) -> anyhow::Result<ExitCode> {
    let app = open(db).await?;
    match cmd {
        TraceCmd::Epcis { lot, base } => {
            let lot = match &lot {
                Some(s) => Some(s.split_once('/').ok_or_else(|| {
                    anyhow::anyhow!("lô phải viết MÃ-SẢN-PHẨM/SỐ-LÔ / a lot is PRODUCT/LOT: {s}")
                })?),
                None => None,
            };
            let doc = app.epcis_document(system, lot, &base).await?;
            println!("{}", serde_json::to_string_pretty(&doc)?);
        }
        TraceCmd::Import { file, base } => {
            let bytes = std::fs::read(&file)?;
            match app.import_epcis(system, bytes, &base).await? {
                Ok(n) => println!("{n} sự kiện đã ghi / events written"),
                Err(problems) => {
                    for (i, field, value, msg) in problems {
                        eprintln!(
                            "LỖI/ERROR: sự kiện/event {i}, {field} \"{value}\": {} / {}",
                            msg.render(hoptac_core::Lang::Vi),
                            msg.render(hoptac_core::Lang::En)
                        );
                    }
                    return Ok(ExitCode::from(1));
                }
            }
        }
        TraceCmd::Links { base } => {
            for url in app.public_links(&base).await? {
                println!("{url}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
