//! Hostile input against the real server on a loopback port (issue 11): dense ranges,
//! shared-strings and zip bombs, deep nesting, huge fields, invalid UTF-8, years out of
//! range. Every answer must come back (no abort, no panic: a panicking handler closes the
//! connection without an answer) and none may be a 5xx.

use crate::demo_app;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// One raw HTTP/1.1 exchange: the status, or `None` when the server gave no answer.
async fn raw(addr: std::net::SocketAddr, head: &str, body: &[u8]) -> Option<u16> {
    let mut s = tokio::net::TcpStream::connect(addr).await.ok()?;
    let mut req = head.as_bytes().to_vec();
    req.extend_from_slice(
        format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    req.extend_from_slice(body);
    // the server may answer (413) before reading the whole body; a write error is fine
    let _ = s.write_all(&req).await;
    let mut out = Vec::new();
    let read =
        tokio::time::timeout(std::time::Duration::from_secs(120), s.read_to_end(&mut out)).await;
    if read.is_err() && out.is_empty() {
        return None;
    }
    let line = String::from_utf8_lossy(&out[..out.len().min(64)]).to_string();
    line.split(' ').nth(1)?.parse().ok()
}

fn multipart(name: &str, content: &[u8]) -> (String, Vec<u8>) {
    let b = "XhoptacBoundary";
    let mut body = format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={b}"), body)
}

#[tokio::test]
async fn hostile_input_never_stops_the_server_nor_answers_5xx() {
    let (admin, _d) = demo_app().await;
    let viewer = admin.as_user("xem").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(hoptac_web::serve(
        admin.app.clone(),
        std::sync::Arc::new(hoptac_web::WordOnly),
        listener,
    ));
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let file = |n: &str| std::fs::read(fixtures.join(n)).unwrap();

    let mut cases: Vec<(String, String, Vec<u8>)> = Vec::new();
    let get = |who: &crate::TestApp, path: &str| {
        (
            path.to_string(),
            format!(
                "GET {path} HTTP/1.1\r\nHost: x\r\nCookie: {}\r\n",
                who.cookie
            ),
            Vec::new(),
        )
    };
    let post = |who: &crate::TestApp, path: &str, body: &[u8]| {
        let mut b = body.to_vec();
        b.extend_from_slice(format!("&_csrf={}", who.csrf).as_bytes());
        (
            path.to_string(),
            format!(
                "POST {path} HTTP/1.1\r\nHost: x\r\nCookie: {}\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                who.cookie
            ),
            b,
        )
    };
    let upload = |who: &crate::TestApp, name: &str, content: &[u8]| {
        let (ct, body) = multipart(name, content);
        (
            format!("upload {name}"),
            format!(
                "POST /import?_csrf={} HTTP/1.1\r\nHost: x\r\nCookie: {}\r\nContent-Type: {ct}\r\n",
                who.csrf, who.cookie
            ),
            body,
        )
    };
    for who in [&admin, &viewer] {
        for f in [
            "dense-range.xlsx",
            "shared-strings-bomb.xlsx",
            "zip-bomb.xlsx",
        ] {
            cases.push(upload(who, f, &file(f)));
        }
        cases.push(upload(
            who,
            "organizations.csv",
            b"code,kind\n\xff\xfe,HTX\n",
        ));
        cases.push(upload(who, "organizations.csv", &vec![b','; 100_000]));
        cases.push(upload(who, "broken.xlsx", b"PK\x03\x04\x14\x00broken"));
    }
    // many rows with errors: the preview stays small
    let mut many = b"code,kind,name,sector,commune,founded_on\n".to_vec();
    for i in 0..50_000 {
        many.extend_from_slice(format!("X-{i},HTX,X,rice,nowhere,1800-01-01\n").as_bytes());
    }
    cases.push(upload(&admin, "organizations.csv", &many));
    // rules nested deep, long, with an `=` in an id; indicators with huge definitions
    let deep = format!("{}members{}+%3C%3D+1", "(".repeat(5000), ")".repeat(5000));
    cases.push(post(
        &admin,
        "/quality/rules/new",
        format!("id=deep&expression={deep}&severity=warning&message_vi=x&active=yes").as_bytes(),
    ));
    cases.push(post(
        &admin,
        "/quality/rules/new",
        format!(
            "id={}&expression=x&severity=warning&message_vi=x",
            "a".repeat(100_000)
        )
        .as_bytes(),
    ));
    cases.push(post(
        &admin,
        "/indicators/new",
        format!(
            "id=x.y&label_vi=X&definition={}",
            "subject%3Dhtx%3B".repeat(20_000)
        )
        .as_bytes(),
    ));
    // huge and broken fields
    cases.push(post(
        &admin,
        "/login",
        format!("username={}&password=x", "u".repeat(20_000_000)).as_bytes(),
    ));
    cases.push(post(
        &admin,
        "/orgs/HTX-TM-07/reports/2025/edit",
        format!("members={}", "9".repeat(900_000)).as_bytes(),
    ));
    cases.push(post(
        &admin,
        "/orgs/HTX-TM-07/reports/2025/edit",
        b"members=%FF%FE&_version=1",
    ));
    cases.push(post(
        &admin,
        "/orgs/new",
        format!("code={}&kind=HTX&name=x", "C".repeat(50_000)).as_bytes(),
    ));
    cases.push(post(
        &admin,
        "/orgs/HTX-TM-07/reports/new",
        b"year=99999&members=1",
    ));
    cases.push(post(
        &admin,
        "/orgs/HTX-TM-07/reports/new",
        b"year=-5&members=1",
    ));
    // years and codes out of range in paths and queries
    for path in [
        "/evaluations/HTX-TM-07/10000",
        "/evaluations/HTX-TM-07/-1",
        "/evaluations/HTX-TM-07/2147483647",
        "/evaluations/HTX-TM-07/99999/sheet.xlsx",
        "/evaluations?year=10000",
        "/evaluations/summary.xlsx?year=10000",
        "/orgs/HTX-TM-07/reports/10000/edit",
        "/quality?year=10000",
        "/quality?year=-2147483648",
        "/?from=1&to=99999",
        "/plans/TM-KTTT-2021-2026?year=10000",
        "/plans/TM-KTTT-2021-2026/targets/1?year=10000",
        "/plans/TM-KTTT-2021-2026/report?year=10000&format=pdf",
        "/report/situation?from=2016&to=10000",
        "/orgs/%FF%FE",
        "/orgs/HTX-TM-07/profile?format=docx%00",
        "/audit?limit=99999999999",
        "/orgs?page=99999999999&per_page=-1",
        "/login?next=%09//evil.example",
        "/setup?q=%FF%FE%00",
        "/setup?fragment=1&q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "/plans/TM-KTTT-2021-2026/closing?format=pdf%00",
        "/plans/NO-SUCH/closing",
        "/plans/TM-KTTT-2021-2026/next?unit=%FF&from=10000&to=-1",
        "/plans/TM-KTTT-2021-2026/next?unit=30061&from=2200&to=2200",
        "/plans/TM-KTTT-2021-2026/next?unit=30061&from=2020&to=2030",
        "/?map=%00&from=2021&to=2025",
        "/plans/TM-KTTT-2021-2026?map=tht.active&year=2021",
    ] {
        cases.push(get(&admin, path));
        cases.push(get(&viewer, path));
    }
    for (p, s) in [
        ("/evaluations/HTX-TM-07/10000", "step=submit"),
        ("/evaluations/HTX-TM-07/10000/classification", "vsic=A"),
        ("/setup", "code=%00%FF"),
        (
            "/quality/place",
            "org=HTX-TM-07&commune=%FF&from=9999-99-99",
        ),
        ("/quality/place", "org=NOPE&commune=30061&from=2025-07-01"),
        (
            "/plans/TM-KTTT-2021-2026/next",
            "unit=30061&from=2200&to=1900",
        ),
    ] {
        cases.push(post(&admin, p, s.as_bytes()));
    }
    let mut bad = Vec::new();
    for (what, head, body) in &cases {
        match raw(addr, head, body).await {
            None => bad.push(format!("{what}: no answer")),
            Some(s) if s >= 500 => bad.push(format!("{what}: {s}")),
            Some(_) => {}
        }
    }
    // the server still answers
    assert_eq!(
        raw(addr, "GET /healthz HTTP/1.1\r\nHost: x\r\n", b"").await,
        Some(200)
    );
    assert!(
        bad.is_empty(),
        "{} of {} hostile requests failed: {bad:#?}",
        bad.len(),
        cases.len()
    );
    eprintln!(
        "hostile requests: {}, aborts 0, 5xx 0, panics 0",
        cases.len()
    );
}
