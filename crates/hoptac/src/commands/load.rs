//! `hoptac load`: many signed-in people at once against a running server, for the load rows
//! of BENCHMARKS.md. Each virtual user signs in (its own session), then for the given time
//! opens pages (dashboard, registry, a search, an organisation, evaluations, review) and,
//! every `--write-every` requests, enters a new yearly report for one organisation of its
//! registry page, as a commune officer would. Reports latencies, server errors and broken
//! connections (the exit code is 2 if there was one), and refusals (4xx) apart.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The server, `http://127.0.0.1:8080`
    #[arg(long)]
    url: String,
    /// An account the virtual users sign in as, `name:password`; several are shared round
    /// robin (each sign-in is its own session)
    #[arg(long = "login", required = true)]
    logins: Vec<String>,
    #[arg(long, default_value_t = 200)]
    users: usize,
    #[arg(long, default_value_t = 60)]
    secs: u64,
    /// One request in this many is a write (a new yearly report)
    #[arg(long, default_value_t = 10)]
    write_every: usize,
    /// The year the written reports are for
    #[arg(long, default_value_t = 2026)]
    year: i32,
    /// Each user's pause after an answer before the next request, in milliseconds, as a
    /// person reads a page; 0 (the default) sends the next at once, which measures the
    /// server's capacity rather than what its users wait
    #[arg(long, default_value_t = 0)]
    think_ms: u64,
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

async fn send(host: &str, raw: String) -> anyhow::Result<Reply> {
    let mut s = tokio::net::TcpStream::connect(host).await?;
    s.write_all(raw.as_bytes()).await?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no status line"))?;
    Ok(Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    })
}

fn get_req(path: &str, cookie: &str) -> String {
    format!(
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
    )
}

fn post_req(path: &str, cookie: &str, form: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
        form.len()
    )
}

fn between<'a>(text: &'a str, start: &str, end: char) -> Option<&'a str> {
    let i = text.find(start)? + start.len();
    let rest = &text[i..];
    Some(&rest[..rest.find(end)?])
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A signed-in virtual user: its cookie, its form token, the organisations on its page.
struct User {
    cookie: String,
    csrf: String,
    orgs: Vec<String>,
}

async fn sign_in(host: &str, login: &str, page: usize) -> anyhow::Result<User> {
    let (name, password) = login
        .split_once(':')
        .ok_or_else(|| anyhow::anyhow!("--login name:password"))?;
    let form = format!("username={}&password={}&next=%2F", enc(name), enc(password));
    let r = send(host, post_req("/login", "", &form)).await?;
    let cookie = r
        .head
        .lines()
        .find_map(|l| {
            let l = l
                .strip_prefix("set-cookie: ")
                .or(l.strip_prefix("Set-Cookie: "))?;
            l.split(';')
                .next()
                .filter(|c| c.starts_with("hoptac_session="))
        })
        .ok_or_else(|| anyhow::anyhow!("sign-in of {name} refused ({})", r.status))?
        .to_string();
    let mut r = send(host, get_req(&format!("/orgs?page={page}"), &cookie)).await?;
    if !r.body.contains("href=\"/orgs/") || page > 1 && r.body.matches("href=\"/orgs/").count() < 5
    {
        // past the registry's last page: the first page's organisations
        r = send(host, get_req("/orgs", &cookie)).await?;
    }
    let csrf = between(&r.body, "name=\"_csrf\" value=\"", '"')
        .ok_or_else(|| anyhow::anyhow!("no form token on /orgs"))?
        .to_string();
    let mut orgs = Vec::new();
    let mut rest = r.body.as_str();
    while let Some(code) = between(rest, "href=\"/orgs/", '"') {
        if !code.contains(['?', '/'])
            && !code.is_empty()
            && code != "new"
            && !orgs.iter().any(|o| o == code)
        {
            orgs.push(code.to_string());
        }
        rest = &rest[rest.find("href=\"/orgs/").unwrap_or(0) + 12..];
    }
    anyhow::ensure!(
        !orgs.is_empty(),
        "no organisation on the registry page of {name}"
    );
    Ok(User { cookie, csrf, orgs })
}

#[derive(Default)]
struct Tally {
    latencies: BTreeMap<&'static str, Vec<Duration>>,
    statuses: BTreeMap<u16, u64>,
    failures: u64,
    refused: u64,
    first_failure: Option<String>,
    first_refusal: Option<String>,
}

pub(crate) async fn run(args: Args) -> anyhow::Result<std::process::ExitCode> {
    let host = args
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let t = Instant::now();
    let mut users = Vec::new();
    for i in 0..args.users {
        users.push(sign_in(&host, &args.logins[i % args.logins.len()], i + 1).await?);
    }
    println!(
        "{} virtual users signed in ({} accounts) in {:.1} s",
        users.len(),
        args.logins.len(),
        t.elapsed().as_secs_f64()
    );
    let tally = Arc::new(std::sync::Mutex::new(Tally::default()));
    let until = Instant::now() + Duration::from_secs(args.secs);
    let mut tasks = Vec::new();
    for (u, user) in users.into_iter().enumerate() {
        let (host, tally) = (host.clone(), tally.clone());
        let (every, year) = (args.write_every.max(1), args.year);
        let think = Duration::from_millis(args.think_ms);
        // spread the first requests over one pause, not all at the same instant
        let stagger = think.mul_f64(u as f64 / args.users.max(1) as f64);
        tasks.push(tokio::spawn(async move {
            let mut written = 0usize;
            tokio::time::sleep(stagger).await;
            for n in 0usize.. {
                if Instant::now() >= until {
                    break;
                }
                let org = user.orgs.get((u + n) % user.orgs.len().max(1)).cloned();
                let (kind, req) = if n % every == every - 1 && written < user.orgs.len() {
                    let code = &user.orgs[written];
                    written += 1;
                    let form = format!(
                        "_csrf={}&year={year}&members={}&workers=3",
                        enc(&user.csrf),
                        20 + n
                    );
                    (
                        "POST new yearly report",
                        post_req(
                            &format!("/orgs/{}/reports/new", enc(code)),
                            &user.cookie,
                            &form,
                        ),
                    )
                } else {
                    let (kind, path) = // users start on different pages, as people do, not all on the dashboard at once
                    match (n + u) % 6 {
                        0 => ("GET / (dashboard)", "/".to_string()),
                        1 => ("GET /orgs", "/orgs".to_string()),
                        2 => ("GET /orgs?q=tan", "/orgs?q=tan".to_string()),
                        3 => (
                            "GET /orgs/{code}",
                            format!("/orgs/{}", org.as_deref().map(enc).unwrap_or_default()),
                        ),
                        4 => ("GET /evaluations", "/evaluations?year=2025".to_string()),
                        _ => ("GET /quality", "/quality".to_string()),
                    };
                    (kind, get_req(&path, &user.cookie))
                };
                let t = Instant::now();
                let r = send(&host, req).await;
                let took = t.elapsed();
                {
                    let mut tl = tally.lock().expect("tally");
                    match r {
                        Ok(r) => {
                            *tl.statuses.entry(r.status).or_default() += 1;
                            // a page is 200, a saved form a redirect (303), a form the
                            // server refuses (a report that exists already) 422
                            if (400..500).contains(&r.status) {
                                tl.refused += 1;
                                if tl.first_refusal.is_none() {
                                    tl.first_refusal = Some(format!("{kind}: {}", r.status));
                                }
                            } else if r.status >= 500 {
                                tl.failures += 1;
                                if tl.first_failure.is_none() {
                                    tl.first_failure = Some(format!(
                                        "{kind}: {} {}",
                                        r.status,
                                        r.body.chars().take(300).collect::<String>()
                                    ));
                                }
                            }
                            tl.latencies.entry(kind).or_default().push(took);
                        }
                        Err(e) => {
                            tl.failures += 1;
                            tl.first_failure
                                .get_or_insert_with(|| format!("{kind}: {e}"));
                        }
                    }
                }
                if !think.is_zero() {
                    tokio::time::sleep(think).await;
                }
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let tl = tally.lock().expect("tally");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut all = Vec::new();
    for (kind, xs) in &tl.latencies {
        let mut xs = xs.clone();
        xs.sort();
        let q = |p: f64| ms(xs[((xs.len() as f64 * p) as usize).min(xs.len() - 1)]);
        println!(
            "{kind:<26} n {:>6}   p50 {:>8.1} ms   p95 {:>8.1} ms   p99 {:>8.1} ms",
            xs.len(),
            q(0.50),
            q(0.95),
            q(0.99)
        );
        all.extend(xs);
    }
    all.sort();
    let total = all.len();
    if total > 0 {
        let q = |p: f64| ms(all[((total as f64 * p) as usize).min(total - 1)]);
        println!(
            "{:<26} n {total:>6}   p50 {:>8.1} ms   p95 {:>8.1} ms   p99 {:>8.1} ms   ({:.1} requests/s)",
            "all",
            q(0.50),
            q(0.95),
            q(0.99),
            total as f64 / args.secs as f64
        );
    }
    println!(
        "statuses: {:?}; errors (5xx, broken connections): {}; refused (4xx): {}",
        tl.statuses, tl.failures, tl.refused
    );
    for f in [&tl.first_failure, &tl.first_refusal].into_iter().flatten() {
        println!("first: {f}");
    }
    Ok(if tl.failures == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(2)
    })
}
