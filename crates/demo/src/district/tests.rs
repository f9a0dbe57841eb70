//! The demo's own checks: deterministic, and part A of the plan reproduced.

use super::*;

mod determinism {
    use super::*;

    #[test]
    fn exact_split_is_exact() {
        assert_eq!(exact_split(&[1, 1, 1], 10).iter().sum::<i64>(), 10);
        assert_eq!(exact_split(&[3, 1], 8), vec![6, 2]);
        assert_eq!(exact_split(&[5], 0), vec![0]);
    }

    #[test]
    fn demo_is_deterministic() {
        let a = demo_snapshot();
        let b = demo_snapshot();
        assert_eq!(a.orgs, b.orgs);
        assert_eq!(a.reports, b.reports);
        assert_eq!(a.managers, b.managers);
    }
}

mod part_a {
    use super::*;
    use hoptac_core::date::ymd;
    use hoptac_core::indicator::{evaluate_all, find};
    use hoptac_core::types::*;
    use hoptac_core::validate::{Finding, check_manager, check_organization, check_report};

    /// Every figure of part A of the plan, from the records (see shared/seed/README.md).
    #[test]
    fn statistics_2016_2020_reproduce_part_a() {
        let snap = demo_snapshot();
        let all = evaluate_all(&snap, 2016, 2020);
        let get = |id: &str| find(&all, id).unwrap_or_else(|| panic!("{id}")).clone();
        let s = |v: Option<Fixed>| v.map(|x| x.to_string()).unwrap_or_else(|| "null".into());
        let check = |id: &str, value: &str, base: &str, pct: &str| {
            let v = get(id);
            assert_eq!(s(v.value), value, "{id} value");
            if !base.is_empty() {
                assert_eq!(s(v.base), base, "{id} base");
            }
            if !pct.is_empty() {
                let p = if pct.starts_with('r') {
                    s(v.ratio_pct)
                } else {
                    s(v.change_pct)
                };
                assert_eq!(p, pct.trim_start_matches('r'), "{id} pct");
            }
        };
        check("htx.active", "21", "23", "-8.7");
        check("htx.founded", "11", "", "");
        check("htx.dissolved", "12", "", "");
        check("htx.active.by_sector.agriculture", "19", "", "");
        check("htx.active.by_sector.transport", "2", "", "");
        check("htx.members", "2697", "1398", "r192.92");
        check("htx.members_joined", "1799", "", "");
        check("htx.workers", "240", "", "");
        check("htx.revenue_avg", "1600", "1500", "6.67");
        check("htx.profit_avg", "200", "180", "11.11");
        check("htx.member_income_avg", "45", "", "");
        check("htx.agri.multiservice3", "7", "", "");
        check("tht.active", "129", "125", "3.2");
        check("tht.active.by_sector.agriculture", "115", "", "");
        check("tht.active.by_sector.aquaculture", "3", "", "");
        check("tht.active.by_sector.handicraft", "8", "", "");
        check("tht.active.by_sector.trade_services", "1", "", "");
        check("tht.active.by_sector.other", "2", "", "");
        check("tht.members", "3127", "2768", "12.97");
        check("tht.members_joined", "292", "", "");
        check("tht.workers", "542", "", "");
        check("tht.revenue_avg", "450", "443", "1.58");
        check("tht.profit_avg", "85", "110", "-22.73");
        check("tht.rated_kha_or_better", "93", "", "");
        check("tht.rated_kha_or_better_pct", "72.09", "", "");
        // the 22 active at the start of 2016 + 11 − 12 = 21
        let e = hoptac_core::indicator::Engine::new(&snap);
        let active = hoptac_core::indicator::catalogue()
            .into_iter()
            .find(|d| d.id == "htx.active")
            .unwrap();
        assert_eq!(e.at(&active, 2015), Some(Fixed::from_int(22)));
    }

    #[test]
    fn multi_service_cooperatives_are_those_of_footnote_3() {
        let snap = demo_snapshot();
        let mut names: Vec<&str> = snap
            .reports
            .iter()
            .filter(|r| r.year.get() == 2020 && r.figures.services.len() >= 3)
            .filter_map(|r| {
                snap.orgs
                    .iter()
                    .find(|o| o.code == r.org && o.kind == OrgKind::Htx)
            })
            .map(|o| o.name.as_str())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "HTX DVNN Hưng Thạnh",
                "HTX DVNN Mỹ An",
                "HTX DVNN Mỹ Đông 2",
                "HTX DVNN Thạnh Lợi",
                "HTX DVNN Thắng Lợi",
                "HTX DVNN Tân Kiều",
                "HTX DVNN Đốc Binh Kiều"
            ]
        );
    }

    /// The demo obeys every invariant, member flows included (not even a warning).
    #[test]
    fn demo_breaks_no_rule() {
        let snap = demo_snapshot();
        let today = ymd(2026, 1, 1).unwrap();
        let mut findings: Vec<Finding> = snap
            .orgs
            .iter()
            .flat_map(|o| check_organization(o, today))
            .collect();
        for r in &snap.reports {
            let o = snap.orgs.iter().find(|o| o.code == r.org).unwrap();
            let prev = snap
                .reports
                .iter()
                .find(|p| p.org == r.org && p.year.get() == r.year.get() - 1);
            findings.extend(check_report(o, r, prev));
        }
        findings.extend(snap.managers.iter().flat_map(check_manager));
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn years_after_2020_meet_some_targets_and_miss_others() {
        let snap = demo_snapshot();
        let all = evaluate_all(&snap, 2020, 2025);
        let v = |id: &str| find(&all, id).unwrap().value.unwrap();
        assert!(v("htx.members") >= Fixed::from_int(2600)); // target 2: met
        assert!(v("tht.members") < Fixed::from_int(3200)); // target 3: missed
        assert!(v("htx.revenue_avg") >= Fixed::from_int(1800)); // target 4: met
        assert!(v("htx.profit_avg") < Fixed::from_int(200)); // target 5: missed
        assert!(v("htx.worker_income_avg") > Fixed::from_int(45)); // target 6: met
        assert!(v("htx.agri.profitable_pct") < Fixed::from_int(100)); // target 8: missed
    }
}

mod ocop {
    use super::*;
    use hoptac_core::date::ymd;
    use hoptac_core::indicator::{evaluate_all, find};
    use hoptac_core::ocop::{CertificateState, current, product_problems, rating_problems};

    /// Every product and rating passes the checks a form makes, and December 2026 shows each
    /// state the pages and the review speak of.
    #[test]
    fn the_demo_products_pass_the_checks_and_show_every_state() {
        let snap = demo_snapshot();
        let p = &snap.products;
        // five of OCOP, and the paddy the rice is milled from
        assert_eq!((p.products.len(), p.ratings.len()), (6, 7));
        for x in &p.products {
            let o = snap.orgs.iter().find(|o| o.code == x.org);
            assert!(o.is_some_and(|o| o.dissolved_on.is_none()), "{}", x.code);
            assert!(product_problems(x, o, &p.products).is_empty(), "{}", x.code);
        }
        for r in &p.ratings {
            let prod = p.product(&r.product).unwrap();
            let o = snap.orgs.iter().find(|o| o.code == prod.org);
            let others = p.ratings_of(&r.product);
            let problems = rating_problems(r, Some(prod), o, &others);
            assert!(problems.is_empty(), "{}: {problems:?}", r.code);
        }
        let on = ymd(2026, 12, 7).unwrap();
        let state = |code: &str| current(&p.ratings_of(code), on).map(|(r, s)| (r.stars, s));
        assert_eq!(state("SP-TM-GAO"), Some((4, CertificateState::Valid)));
        assert_eq!(state("SP-TM-KHOCA"), Some((3, CertificateState::Expired)));
        assert_eq!(state("SP-TM-HATSEN"), Some((3, CertificateState::Valid)));
        let all = evaluate_all(&snap, 2021, 2026);
        let v = |id: &str| {
            find(&all, id)
                .and_then(|v| v.value)
                .map(|f| f.format_vi(0, false))
        };
        assert_eq!(v("ocop.products").as_deref(), Some("4"));
        assert_eq!(v("ocop.products.by_star.4").as_deref(), Some("2"));
        assert_eq!(v("ocop.products.by_star.3").as_deref(), Some("2"));
        assert_eq!(
            v("ocop.expiring").as_deref(),
            Some("1"),
            "20 days left on 31/12/2026"
        );
        assert_eq!(v("ocop.expired").as_deref(), Some("1"));
        assert_eq!(v("ocop.producers.htx").as_deref(), Some("3"));
    }

    /// The reports' OCOP paragraph: nothing before any product was recognised; the counts,
    /// stars, makers and the certificates to act on after.
    #[test]
    fn the_reports_say_what_the_records_hold_of_ocop() {
        let snap = demo_snapshot();
        let engine = hoptac_core::indicator::Engine::new(&snap);
        assert!(hoptac_core::ocop_report::section(&engine, 2016, 2020, "4").is_none());
        let s = hoptac_core::ocop_report::section(&engine, 2021, 2026, "4. OCOP").unwrap();
        let text = hoptac_core::report::render_md(&hoptac_core::report::Document {
            title: String::new(),
            subtitle: String::new(),
            sections: vec![s],
            footnotes: vec![],
        });
        for words in [
            "04 sản phẩm OCOP",
            "02 sản phẩm 3 sao, 02 sản phẩm 4 sao",
            "HTX DVNN Tân Kiều",
            "01 sản phẩm có giấy chứng nhận hết hạn trong vòng 30 ngày",
            "01 sản phẩm đã hết hạn",
        ] {
            assert!(text.contains(words), "{words} in {text}");
        }
    }

    /// The demo's traceability passes the checks of the forms, and the rice lot's trace goes
    /// up to its paddy's harvest without its sibling lot's milling.
    #[test]
    fn the_demo_lots_pass_the_checks_and_trace_to_their_harvest() {
        use hoptac_core::trace::{TraceIndex, event_problems, facility_problems, lot_problems};
        let snap = demo_snapshot();
        let t = &snap.trace;
        assert_eq!(
            (t.facilities.len(), t.lots.len(), t.events.len()),
            (3, 4, 8)
        );
        for f in &t.facilities {
            let o = snap.orgs.iter().find(|o| o.code == f.org);
            let p = facility_problems(f, o, snap.unit(f.unit));
            assert!(p.is_empty(), "{}: {p:?}", f.code);
        }
        for l in &t.lots {
            let p = lot_problems(l, snap.products.product(&l.product), t);
            assert!(p.is_empty(), "{}: {p:?}", l.lot);
        }
        for e in &t.events {
            let mut others = t.clone();
            others.events.retain(|x| x.code != e.code);
            let p = event_problems(e, &others);
            assert!(p.is_empty(), "{}: {p:?}", e.code);
        }
        let ix = TraceIndex::new(t);
        let codes: Vec<&str> = (ix.trace("SP-TM-GAO", "G2026-03-A").events.iter())
            .map(|e| e.code.as_str())
            .collect();
        assert_eq!(
            codes,
            [
                "TK-2026-01",
                "TK-2026-02",
                "TK-2026-04",
                "TK-2026-05",
                "TK-2026-06"
            ]
        );
        let all = evaluate_all(&snap, 2021, 2026);
        let v = |id: &str| {
            find(&all, id)
                .and_then(|v| v.value)
                .map(|f| f.format_vi(1, false))
        };
        assert_eq!(v("trace.planting_areas").as_deref(), Some("2"));
        assert_eq!(v("trace.planting_area_ha").as_deref(), Some("165,5"));
        assert_eq!(v("trace.htx_with_area_code").as_deref(), Some("2"));
    }

    /// The demo's contracts pass the checks; at the end of 2026 the paddy contract is on
    /// schedule and the lotus one at risk.
    #[test]
    fn the_demo_contracts_pass_the_checks_and_stand_as_told() {
        use hoptac_core::linkage::{Standing, contract_problems, delivery_problems, fulfilment};
        let snap = demo_snapshot();
        let k = &snap.contracts;
        assert_eq!((k.contracts.len(), k.deliveries.len()), (2, 5));
        for c in &k.contracts {
            let p = contract_problems(
                c,
                |o| snap.orgs.iter().find(|x| x.code == *o),
                |p| snap.products.product(p),
            );
            assert!(p.is_empty(), "{}: {p:?}", c.code);
        }
        for d in &k.deliveries {
            let (e, w) = delivery_problems(d, k.contract(&d.contract), k);
            assert!(e.is_empty() && w.is_empty(), "{}: {e:?} {w:?}", d.code);
        }
        let end = ymd(2026, 12, 31).unwrap();
        let at = |code: &str| {
            let c = k.contract(code).unwrap();
            fulfilment(c, &k.deliveries_of(code), end).standing
        };
        assert_eq!(at("HDLK-2026-01"), Standing::OnSchedule);
        // on its last day with 21 of 40 t: at risk, and short the day after
        assert_eq!(at("HDLK-2026-02"), Standing::AtRisk);
        let c = k.contract("HDLK-2026-02").unwrap();
        let after = fulfilment(c, &k.deliveries_of(&c.code), ymd(2027, 1, 1).unwrap());
        assert_eq!(after.standing, Standing::Short);
        let all = evaluate_all(&snap, 2021, 2025);
        let v = |id: &str| {
            find(&all, id)
                .and_then(|v| v.value)
                .map(|f| f.format_vi(2, false))
        };
        assert_eq!(
            v("chain.contracts.active").as_deref(),
            Some("0"),
            "none before 2026"
        );
        let all = evaluate_all(&snap, 2021, 2026);
        let v = |id: &str| {
            find(&all, id)
                .and_then(|v| v.value)
                .map(|f| f.format_vi(2, false))
        };
        assert_eq!(v("chain.contracts.active").as_deref(), Some("2"));
        assert_eq!(v("chain.households").as_deref(), Some("150"));
        // 920 of 900 t due, 21 of 40 t due: (102,22 + 52,5) / 2
        assert_eq!(v("chain.fulfilment_pct").as_deref(), Some("77,36"));
        assert!(v("chain.htx_in_contracts_pct").is_some());
    }
}
