//! The traceability numbers of BENCHMARKS.md: the demo with 10,000 more trace events (2,000
//! paddy lots each harvested, milled into a rice lot, inspected, packed and shipped), a lot's
//! full trace through the service, and the public page of a lot over HTTP, signed out.

use super::measure::{get_public, summary};
use hoptac_app::{Actor, App};
use hoptac_core::lots::{Lot, LotQuantity, TraceEvent};
use hoptac_core::types::{LotUnit, TraceStep};
use hoptac_core::{Fixed, date::ymd};
use hoptac_store::ChangeSet;
use std::time::Instant;

/// Chains of the demo's paddy (SP-TM-LUA) and rice (SP-TM-GAO): 5 events each.
pub(crate) const CHAINS: usize = 2_000;

fn q(product: &str, lot: &str, kg: i64) -> LotQuantity {
    LotQuantity {
        product: product.into(),
        lot: lot.into(),
        quantity: Fixed::from_int(kg),
    }
}

fn records() -> ChangeSet {
    let mut c = ChangeSet::default();
    for i in 0..CHAINS {
        let day = ymd(2025, 1 + (i % 12) as u8, 1 + (i % 27) as u8).expect("a day");
        let (paddy, rice) = (format!("BL{i:05}"), format!("BG{i:05}"));
        for (product, lot) in [("SP-TM-LUA", &paddy), ("SP-TM-GAO", &rice)] {
            c.lots.push(Lot {
                product: product.into(),
                lot: lot.clone(),
                quantity: Fixed::from_int(5_000),
                unit: LotUnit::Kgm,
                produced_on: day,
                facility: Some("VN-87-872-30049-01-21".into()),
            });
        }
        let event = |n: usize, step, inputs: Vec<LotQuantity>, lots: Vec<LotQuantity>| TraceEvent {
            code: format!("BE{i:05}-{n}"),
            step,
            occurred_on: day,
            time: Some(format!("{:02}:00", 6 + n)),
            facility: Some("DT-CSDG-0001".into()),
            inputs,
            lots,
            parent: (step == TraceStep::Packing).then(|| format!("BT{i:05}")),
            note: String::new(),
        };
        c.trace_events.extend([
            event(
                1,
                TraceStep::Harvesting,
                vec![],
                vec![q("SP-TM-LUA", &paddy, 5_000)],
            ),
            event(
                2,
                TraceStep::Processing,
                vec![q("SP-TM-LUA", &paddy, 5_000)],
                vec![q("SP-TM-GAO", &rice, 3_000)],
            ),
            event(
                3,
                TraceStep::Inspecting,
                vec![],
                vec![q("SP-TM-GAO", &rice, 3_000)],
            ),
            event(
                4,
                TraceStep::Packing,
                vec![],
                vec![q("SP-TM-GAO", &rice, 3_000)],
            ),
            event(
                5,
                TraceStep::Shipping,
                vec![],
                vec![q("SP-TM-GAO", &rice, 3_000)],
            ),
        ]);
    }
    c
}

pub(crate) async fn run(demo: &App, runs: usize) -> anyhow::Result<()> {
    demo.store().apply(&records()).await?;
    let snap = demo.snapshot().await?;
    println!(
        "trace: {} events, {} lots in the store",
        snap.trace.events.len(),
        snap.trace.lots.len()
    );
    let sys = Actor::system();
    let mut service = Vec::new();
    let mut core = Vec::new();
    for i in 0..runs.max(20) {
        let lot = format!("BG{:05}", (i * 97) % CHAINS);
        let t = Instant::now();
        let v = demo.lot(&sys, "SP-TM-GAO", &lot).await?;
        service.push(t.elapsed());
        anyhow::ensure!(v.events.len() == 5, "a chain's trace has its 5 events");
        let t = Instant::now();
        let ix = hoptac_core::trace::TraceIndex::new(&snap.trace);
        std::hint::black_box(ix.trace("SP-TM-GAO", &lot));
        core.push(t.elapsed());
    }
    summary("trace: a lot's full trace (service, 10k events)", service);
    summary("trace: index and trace (core only)", core);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(hoptac_web::serve(
        demo.clone(),
        std::sync::Arc::new(hoptac_web::WordOnly),
        listener,
    ));
    let mut page = Vec::new();
    for i in 0..runs.max(20) {
        let path = format!("/01/08938888000015/10/BG{:05}", (i * 31) % CHAINS);
        let t = Instant::now();
        get_public(addr, &path).await?;
        page.push(t.elapsed());
    }
    summary("GET /01/{gtin}/10/{lot} (public page, signed out)", page);
    server.abort();
    Ok(())
}
