//! hoptac check: the review (rà soát) as of a date.

use crate::commands::format::StatsFormat;
use crate::database::open;
use crate::location::Db;
use hoptac_app::Actor;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The situation at the end of this year (default: today, or the end of the last year with reports)
    #[arg(long)]
    pub(crate) year: Option<i32>,
    #[arg(long)]
    pub(crate) scope: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub(crate) format: StatsFormat,
}

pub(crate) async fn run(db: &Db, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    let Args {
        year,
        scope,
        format,
    } = args;
    let app = open(db).await?;
    let scope = crate::database::scope_or_office(&app, system, scope).await?;
    let as_of = match year {
        Some(y) => hoptac_core::date::ymd(y, 12, 31)
            .ok_or_else(|| anyhow::anyhow!("năm không hợp lệ / invalid year {y}"))?,
        None => app.review_date().await?,
    };
    let r = app.check(system, as_of, scope.as_deref()).await?;
    // certificates are reminders of today, whatever year the review speaks for
    let certificates = (app)
        .certificate_reminders(system, scope.as_deref(), hoptac_app::today())
        .await?;
    match format {
        StatsFormat::Json => {
            let mut v = serde_json::to_value(&r)?;
            v["certificates"] = serde_json::to_value(&certificates)?;
            println!("{}", serde_json::to_string_pretty(&v)?)
        }
        StatsFormat::Table => {
            print_check(&r);
            print_certificates(&certificates);
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn print_check(r: &hoptac_app::checks::CheckReport) {
    println!(
        "Rà soát đến ngày / review as of {} — địa bàn / scope {}",
        r.as_of, r.scope
    );
    println!(
        "\n== Trường hợp cần xem xét / open cases: {}",
        r.cases.len()
    );
    for c in &r.cases {
        println!(
            "{:<26} {:<12} {:<34} từ/since {}  {}{}",
            c.rule,
            c.org,
            c.org_name,
            c.since,
            crate::say::one(&c.evidence),
            if c.confirmed {
                ""
            } else {
                "  [căn cứ chưa xác nhận / unconfirmed]"
            }
        );
    }
    println!(
        "\n== Số liệu vi phạm quy tắc / figures breaking a rule: {}",
        r.figures.len()
    );
    for f in &r.figures {
        println!(
            "{:<12} {} {:<18} {}",
            f.org,
            f.year,
            f.finding.field,
            crate::say::one(&f.finding.msg)
        );
    }
    if !r.unplaced.is_empty() {
        println!(
            "\n== Chưa xếp vào xã mới / not yet placed after a reorganisation: {}",
            r.unplaced.len()
        );
        for u in &r.unplaced {
            let cands: Vec<String> = u
                .candidates
                .iter()
                .map(|(code, name)| format!("{name} ({code})"))
                .collect();
            println!(
                "{:<12} {:<34} {} → {}",
                u.org,
                u.org_name,
                u.commune,
                if cands.is_empty() {
                    "— (chưa ghi đơn vị kế thừa / no successor recorded)".to_string()
                } else {
                    cands.join(" | ")
                }
            );
        }
    }
    println!(
        "\n== Tên gần trùng / near-duplicate names: {}",
        r.duplicates.len()
    );
    for d in &r.duplicates {
        println!(
            "{:>3}%  {} \"{}\" ~ {} \"{}\"",
            d.score, d.a.code, d.a.name, d.b.code, d.b.name
        );
    }
    println!(
        "\n== Báo cáo năm {} đã nhận / reports received",
        r.report_year
    );
    for c in &r.completeness {
        println!("{:<24} {:>4}/{:<4}", c.commune, c.reported, c.expected);
    }
}

fn print_certificates(cs: &[hoptac_app::ocop::CertificateReminder]) {
    if cs.is_empty() {
        return;
    }
    println!(
        "\n== Giấy chứng nhận OCOP sắp hết hạn hoặc đã hết hạn / OCOP certificates lapsing or lapsed: {}",
        cs.len()
    );
    for c in cs {
        println!(
            "{:<16} {:<30} {}★ {:<34} hết hạn/lapses {}  {} / {}",
            c.product,
            c.product_name,
            c.stars,
            c.org_name,
            hoptac_core::date::to_vi(c.expires_on),
            c.state.label_vi(),
            c.state.label_en()
        );
    }
}
