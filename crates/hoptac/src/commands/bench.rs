//! `hoptac bench`: the numbers of BENCHMARKS.md, measured on a synthetic province.

use super::measure::{get, summary};
use hoptac_app::{App, ExportHeaders};
use hoptac_demo::synthetic::{Size, province};
use hoptac_store::{ChangeSet, SqliteStore, Store};
use std::sync::Arc;
use std::time::Instant;

/// Where the bench's databases live: files in a temporary folder, or databases it creates
/// (and drops at the end) on a PostgreSQL server. The same steps run on either.
pub(crate) enum Backend {
    Sqlite(std::path::PathBuf),
    Postgres {
        admin: String,
        made: std::sync::Mutex<Vec<String>>,
    },
}

impl Backend {
    pub(crate) fn postgres(admin: String) -> Backend {
        Backend::Postgres {
            admin,
            made: Default::default(),
        }
    }

    fn label(&self) -> &'static str {
        match self {
            Backend::Sqlite(_) => "SQLite",
            Backend::Postgres { .. } => "PostgreSQL",
        }
    }

    /// The database `name`: created (and migrated) the first time, opened again after.
    async fn open(&self, name: &str) -> anyhow::Result<Arc<dyn Store>> {
        match self {
            Backend::Sqlite(dir) => Ok(Arc::new(
                SqliteStore::open(&dir.join(format!("{name}.db"))).await?,
            )),
            Backend::Postgres { admin, made } => {
                let db = format!(
                    "hoptac_bench_{}_{}",
                    std::process::id(),
                    name.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
                );
                let (base, _) = admin
                    .rsplit_once('/')
                    .ok_or_else(|| anyhow::anyhow!("--pg: a URL ending in /database"))?;
                let url = format!("{base}/{db}");
                let fresh = !made.lock().expect("bench lock").contains(&db);
                if fresh {
                    let a = hoptac_store_postgres::PgStore::connect(admin).await?;
                    a.execute_admin(&format!("CREATE DATABASE {db}")).await?;
                    a.close().await;
                    made.lock().expect("bench lock").push(db);
                }
                let s = hoptac_store_postgres::PgStore::connect(&url).await?;
                if fresh {
                    s.migrate().await?;
                }
                Ok(Arc::new(s))
            }
        }
    }

    async fn cleanup(&self) {
        match self {
            Backend::Sqlite(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Backend::Postgres { admin, made } => {
                let names = std::mem::take(&mut *made.lock().expect("bench lock"));
                if let Ok(a) = hoptac_store_postgres::PgStore::connect(admin).await {
                    for db in names {
                        let _ = a
                            .execute_admin(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                            .await;
                    }
                    a.close().await;
                }
            }
        }
    }
}

/// The bench on each backend in turn, in one run: the numbers side by side.
pub async fn run(size: Size, runs: usize, pg: Option<String>, both: bool) -> anyhow::Result<()> {
    let mut backends = Vec::new();
    if pg.is_none() || both {
        backends.push(Backend::Sqlite(tempfile_dir()?));
    }
    if let Some(url) = pg {
        backends.push(Backend::postgres(url));
    }
    for be in &backends {
        println!("== {}", be.label());
        let r = run_on(&size, runs, be).await;
        be.cleanup().await;
        r?;
    }
    Ok(())
}

async fn run_on(size: &Size, runs: usize, be: &Backend) -> anyhow::Result<()> {
    let snap = province(size);
    println!(
        "synthetic province: {} units, {} organisations, {} reports, {} managers",
        snap.units.len(),
        snap.orgs.len(),
        snap.reports.len(),
        snap.managers.len()
    );

    // 0. The demo district's official documents (goal: under 1 s each).
    {
        let demo = App::new(be.open("demo").await?);
        demo.ensure_seed().await?;
        hoptac_demo::load_demo(&demo).await?;
        let sys = hoptac_app::Actor::system();
        let mut docx = Vec::new();
        let mut xlsx = Vec::new();
        for _ in 0..runs.min(5) {
            let t = Instant::now();
            std::hint::black_box(demo.situation_docx(&sys, 2016, 2020, None).await?);
            docx.push(t.elapsed());
            let t = Instant::now();
            std::hint::black_box(demo.situation_xlsx(&sys, 2016, 2020, None).await?);
            xlsx.push(t.elapsed());
        }
        summary("demo district: situation report, Word", docx);
        summary("demo district: situation annex, Excel", xlsx);
        let mut pdf = Vec::new();
        for _ in 0..runs.min(5) {
            let t = Instant::now();
            let doc = demo.situation_official(&sys, 2016, 2020, None).await?;
            std::hint::black_box(hoptac_pdf::write_pdf(&doc).map_err(|e| anyhow::anyhow!("{e}"))?);
            pdf.push(t.elapsed());
        }
        summary("demo district: situation report, PDF", pdf);

        // 0b. After the reform: the demo plan closed on its six new communes, the next plan
        // drafted for one of them, the former district's ground on a map.
        let plan = hoptac_demo::plan::PLAN_CODE;
        let (mut closing, mut next, mut map) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs.min(5) {
            let t = Instant::now();
            std::hint::black_box(demo.plan_closing(&sys, plan).await?);
            closing.push(t.elapsed());
            let t = Instant::now();
            std::hint::black_box(
                demo.next_plan_draft(&sys, plan, "30061", (2026, 2030))
                    .await?,
            );
            next.push(t.elapsed());
            let t = Instant::now();
            std::hint::black_box(
                demo.commune_map(&sys, "htx.members", 2025, Some("872"), 400)
                    .await?,
            );
            map.push(t.elapsed());
        }
        summary("demo plan: final assessment (6 communes)", closing);
        summary("demo plan: next plan's draft (30061)", next);
        summary("demo: map of the former district, 2025", map);
        // 0c'. Traceability at 10,000 events (issue 17)
        super::bench_trace::run(&demo, runs).await?;
    }

    // 0c. The national register into fresh databases: one province (both versions), the
    // whole country.
    {
        let sys = hoptac_app::Actor::system();
        for (k, (name, choice, n)) in [
            (
                "register: load province 82 (433 units)",
                hoptac_app::RegisterChoice::Province("82".into()),
                runs.min(5),
            ),
            (
                "register: load the country (14.138 units)",
                hoptac_app::RegisterChoice::All,
                runs.min(3),
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let mut xs = Vec::new();
            for i in 0..n {
                let app = App::new(be.open(&format!("register-{k}-{i}")).await?);
                app.ensure_seed().await?;
                let t = Instant::now();
                let l = app.load_register(&sys, &choice, true).await?;
                xs.push(t.elapsed());
                anyhow::ensure!(!l.outcome.has_errors(), "the register loads");
            }
            summary(name, xs);
        }
    }

    // 1. Workbook of the province.
    let t = Instant::now();
    let xlsx =
        hoptac_exchange::write::write_xlsx(&snap, Default::default(), ExportHeaders::Vietnamese)?;
    println!(
        "{:<44} {:>9.2} ms ({} KiB)",
        "write workbook",
        t.elapsed().as_secs_f64() * 1000.0,
        xlsx.len() / 1024
    );

    // 2. Import it into a fresh database: parse, check, write in one transaction.
    let mut import_times = Vec::new();
    let mut app = None;
    let mut app_db = None;
    for i in 0..3.min(runs.max(1)) {
        let db = format!("import-{i}");
        let a = App::new(be.open(&db).await?);
        let units = ChangeSet {
            units: snap.units.clone(),
            ..Default::default()
        };
        a.store().apply(&units).await?;
        let t = Instant::now();
        let o = a
            .import_bytes(&hoptac_app::Actor::system(), "province.xlsx", &xlsx, true)
            .await?;
        import_times.push(t.elapsed());
        anyhow::ensure!(
            o.applied,
            "import failed: {} errors, first: {:?}",
            o.errors(),
            o.problems.first()
        );
        app = Some(a);
        app_db = Some(db);
    }
    summary("import province workbook (fresh db)", import_times);
    let app = app.expect("at least one import");
    let mut times = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let o = app
            .import_bytes(&hoptac_app::Actor::system(), "province.xlsx", &xlsx, true)
            .await?;
        times.push(t.elapsed());
        anyhow::ensure!(
            o.applied && o.changes() == 0,
            "a second import must change nothing"
        );
    }
    summary("re-import the same workbook (no change)", times);

    // 3a. The first stats after start-up reads the database into the cache.
    let mut times = Vec::new();
    for _ in 0..3 {
        let cold = App::new(be.open("import-0").await?);
        let t = Instant::now();
        std::hint::black_box(
            cold.stats(&hoptac_app::Actor::system(), 2016, 2020, None)
                .await?,
        );
        times.push(t.elapsed());
    }
    summary("stats, first call after start-up (cold)", times);

    // 3. stats for the whole province, warm.
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let s = app
            .stats(&hoptac_app::Actor::system(), 2016, 2020, None)
            .await?;
        times.push(t.elapsed());
        std::hint::black_box(s);
    }
    summary("stats 2016–2020, whole province (warm)", times);
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(
            app.stats(&hoptac_app::Actor::system(), 2016, 2020, Some("901"))
                .await?,
        );
        times.push(t.elapsed());
    }
    summary("stats 2016–2020, one district", times);
    if size.provinces > 1 {
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            std::hint::black_box(
                app.stats(&hoptac_app::Actor::system(), 2016, 2020, Some("99"))
                    .await?,
            );
            times.push(t.elapsed());
        }
        summary("stats 2016–2020, one province", times);
    }
    memory("after stats");

    // 3c. The review of the whole province as of its review date: cases, figures breaking
    // a rule, reports received by commune, near-duplicate names (`hoptac check`).
    let as_of = app.review_date().await?;
    let mut times = Vec::new();
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        std::hint::black_box(app.check(&hoptac_app::Actor::system(), as_of, None).await?);
        times.push(t.elapsed());
    }
    summary("review (check), whole province", times);
    let mut times = Vec::new();
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        std::hint::black_box(
            app.review_cases(&hoptac_app::Actor::system(), as_of, None)
                .await?,
        );
        times.push(t.elapsed());
    }
    summary("review list (read only), whole province", times);

    // 3b. The year's evaluations of the province: sheets for every reporting cooperative.
    let evs = hoptac_demo::district::demo_evaluations(&snap);
    let t = Instant::now();
    app.store().save_evaluations(&evs, &[]).await?;
    println!(
        "{:<44} {:>9.2} ms ({} sheets)",
        "store the evaluations (one transaction)",
        t.elapsed().as_secs_f64() * 1000.0,
        evs.len()
    );
    let last = evs.iter().map(|e| e.year).max().unwrap_or(2024);
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(
            app.evaluations(&hoptac_app::Actor::system(), last, None, None)
                .await?,
        );
        times.push(t.elapsed());
    }
    summary(&format!("evaluations {last}, whole province"), times);
    let mut times = Vec::new();
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        std::hint::black_box(
            app.evaluation_summary(&hoptac_app::Actor::system(), last, None)
                .await?,
        );
        times.push(t.elapsed());
    }
    summary(&format!("evaluation summary {last} (5 years)"), times);
    let mut times = Vec::new();
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        std::hint::black_box(
            app.evaluation_summary_xlsx(&hoptac_app::Actor::system(), last, None)
                .await?,
        );
        times.push(t.elapsed());
    }
    summary(&format!("province summary workbook {last}"), times);

    // 3c. The situation report of the whole province as an official Word text and its annex.
    let mut times = Vec::new();
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        std::hint::black_box(
            app.situation_docx(&hoptac_app::Actor::system(), 2016, 2020, None)
                .await?,
        );
        times.push(t.elapsed());
    }
    summary("situation report 2016–2020, Word (.docx)", times);
    let mut times = Vec::new();
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        std::hint::black_box(
            app.situation_xlsx(&hoptac_app::Actor::system(), 2016, 2020, None)
                .await?,
        );
        times.push(t.elapsed());
    }
    summary("situation annex 2016–2020, Excel (.xlsx)", times);
    let mut times = Vec::new();
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        let doc = app
            .situation_official(&hoptac_app::Actor::system(), 2016, 2020, None)
            .await?;
        std::hint::black_box(hoptac_pdf::write_pdf(&doc).map_err(|e| anyhow::anyhow!("{e}"))?);
        times.push(t.elapsed());
    }
    summary("situation report 2016–2020, PDF", times);

    // 4. Pages through the real router on loopback, signed in as office staff of the province.
    let staff = hoptac_core::auth::Account {
        username: "bench".into(),
        display_name: String::new(),
        role: hoptac_core::auth::Role::Staff,
        scope: hoptac_core::auth::Scope::Unit(hoptac_core::UnitId(1)),
        must_change_password: false,
        disabled: false,
    };
    app.save_account(
        &hoptac_app::Actor::system(),
        staff,
        Some("mat-khau-do-hieu-nang"),
    )
    .await?;
    let session = app
        .login("bench", "mat-khau-do-hieu-nang", "127.0.0.1")
        .await?;
    let cookie = format!("hoptac_session={}", session.token);
    // an organisation of the staff's own province (the national data spreads them out)
    let province = snap.subtree(hoptac_core::UnitId(1));
    let org_page = snap
        .orgs
        .iter()
        .filter(|o| province.contains(&o.commune))
        .nth(7)
        .map(|o| format!("/orgs/{}", o.code))
        .ok_or_else(|| anyhow::anyhow!("no organisation in the first province"))?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(hoptac_web::serve(
        app.clone(),
        std::sync::Arc::new(hoptac_pdf::Typst),
        listener,
    ));
    for (name, path) in [
        ("GET /orgs (registry, first page)", "/orgs"),
        (
            "GET /orgs?q=thu nghiem so 4&kind=HTX",
            "/orgs?q=thu%20nghiem%20so%204&kind=HTX",
        ),
        (
            "GET /orgs?page=40&sort=founded",
            "/orgs?page=40&sort=founded",
        ),
        ("GET /orgs/{code} (organisation page)", org_page.as_str()),
        ("GET / (dashboard 2016–2020)", "/?from=2016&to=2020"),
        ("GET /evaluations?year=2024", "/evaluations?year=2024"),
        (
            "GET /quality (review, first page of each table)",
            "/quality",
        ),
    ] {
        get(addr, path, &cookie).await?;
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            get(addr, path, &cookie).await?;
            times.push(t.elapsed());
        }
        summary(name, times);
    }
    // 5. The first page after a write: a form save in this server brings its snapshot
    // forward; a write by another process on the same file makes it reload (as every write
    // did before the read model).
    let db = app_db.expect("at least one import");
    let other = App::new(be.open(&db).await?);
    let report = snap
        .reports
        .iter()
        .find(|r| r.year.get() == 2020)
        .ok_or_else(|| anyhow::anyhow!("no 2020 report"))?;
    let (code, key) = (
        report.org.to_string(),
        format!("{}/{}", report.org, report.year),
    );
    for (name, writer) in [
        ("this server", &app),
        ("another process on the same database", &other),
    ] {
        let (mut saves, mut pages) = (Vec::new(), Vec::new());
        for i in 0..runs {
            let version = writer.row_version("annual_reports", &key).await?;
            let t = Instant::now();
            let o = writer
                .save_form(
                    &hoptac_app::Actor::system(),
                    "annual_reports",
                    &[
                        ("org_code", code.clone()),
                        ("year", "2020".into()),
                        ("members", (100 + i).to_string()),
                    ],
                    hoptac_app::FormIntent::Update { version },
                )
                .await?;
            anyhow::ensure!(o.applied, "form save failed: {:?}", o.problems.first());
            saves.push(t.elapsed());
            let t = Instant::now();
            get(addr, "/?from=2016&to=2020", &cookie).await?;
            pages.push(t.elapsed());
        }
        summary(&format!("save one report's form ({name})"), saves);
        summary(&format!("GET / right after that write ({name})"), pages);
    }
    println!("full reloads of the server's snapshot: {}", app.reloads());
    memory("at the end");
    server.abort();
    Ok(())
}

/// The process's resident memory now and at its peak (Linux), for the memory rows.
fn memory(when: &str) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap_or_else(|| "?".into())
    };
    println!(
        "memory {when}: resident {}, peak {}",
        field("VmRSS:"),
        field("VmHWM:")
    );
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let d = std::env::temp_dir().join(format!("hoptac-bench-{}", std::process::id()));
    std::fs::create_dir_all(&d)?;
    Ok(d)
}
