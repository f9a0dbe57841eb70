//! Timing helpers of the bench: medians of runs, and GETs over loopback.

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub(crate) fn summary(name: &str, mut xs: Vec<Duration>) {
    xs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = xs[xs.len() / 2];
    println!(
        "{name:<44} median {:>9.2} ms   min {:>9.2} ms   max {:>9.2} ms   (n = {})",
        ms(median),
        ms(xs[0]),
        ms(xs[xs.len() - 1]),
        xs.len()
    );
}

/// A GET of a page anyone may open (no session).
pub(crate) async fn get_public(addr: std::net::SocketAddr, path: &str) -> anyhow::Result<usize> {
    get(addr, path, "").await
}

pub(crate) async fn get(
    addr: std::net::SocketAddr,
    path: &str,
    cookie: &str,
) -> anyhow::Result<usize> {
    let mut s = tokio::net::TcpStream::connect(addr).await?;
    s.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
    .await?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await?;
    anyhow::ensure!(
        buf.starts_with(b"HTTP/1.1 200"),
        "GET {path}: {}",
        String::from_utf8_lossy(&buf[..buf.len().min(200)])
    );
    Ok(buf.len())
}
