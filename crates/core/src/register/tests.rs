use super::*;
use crate::date::ymd;
use crate::model::{AdminUnit, UnitId};
use crate::territory::{UnitChange, check_register};

fn d(y: i32, m: u8, dd: u8) -> Date {
    ymd(y, m, dd).unwrap()
}

fn valid_under<'a>(
    e: &'a Extract<'_>,
    r: &Register,
    root: &str,
    on: Date,
) -> Vec<&'a RegisterUnit> {
    // every unit whose chain of parents reaches `root`'s version valid on `on`
    let root = r.version(root, on).unwrap();
    e.units
        .iter()
        .copied()
        .filter(|u| valid_on(u, on) && u.level == AdminLevel::Commune)
        .filter(|u| {
            let mut p = r.parent(u);
            while let Some(x) = p {
                if x == root {
                    return true;
                }
                p = r.parent(x);
            }
            false
        })
        .collect()
}

#[test]
fn the_compiled_register_parses_with_the_official_totals() {
    let r = national();
    let new_from = d(2025, 7, 1);
    let old_on = d(2025, 6, 30);
    let count = |level, on| {
        r.units
            .iter()
            .filter(|u| u.level == level && valid_on(u, on))
            .count()
    };
    assert_eq!(count(AdminLevel::Province, old_on), 63);
    assert_eq!(count(AdminLevel::Province, new_from), 34);
    assert_eq!(count(AdminLevel::Commune, new_from), 3321);
    assert_eq!(count(AdminLevel::District, new_from), 0);
    assert_eq!(count(AdminLevel::District, old_on), 696);
    for u in &r.units {
        assert!(
            u.parent_code.is_none() || r.parent(u).is_some(),
            "{u:?} has its parent"
        );
    }
}

#[test]
fn dong_thap_82_holds_both_versions_and_the_vetted_changes() {
    let r = national();
    let e = r.province("82", d(2026, 1, 1)).unwrap();
    assert_eq!(valid_under(&e, r, "82", d(2026, 1, 1)).len(), 102);
    assert_eq!(valid_under(&e, r, "87", d(2025, 6, 30)).len(), 141);
    // 82 was Tiền Giang until 30/06/2025: asked then, it is the old province
    let tien_giang = r.version("82", d(2025, 6, 30)).unwrap();
    assert_eq!(tien_giang.name, "Tỉnh Tiền Giang");
    assert_eq!(valid_under(&e, r, "82", d(2025, 6, 30)).len(), 305 - 141);
    let mut into: Vec<_> = e
        .changes
        .iter()
        .filter(|c| c.new_code == "30061")
        .map(|c| (c.old_code, c.kind, c.basis, c.confirmed))
        .collect();
    into.sort_by_key(|c| c.0);
    assert_eq!(
        into,
        [
            ("30049", ChangeKind::Full, "NQ 1663/NQ-UBTVQH15", true),
            ("30061", ChangeKind::Full, "NQ 1663/NQ-UBTVQH15", true)
        ]
    );
    assert_eq!(
        e.changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Partial)
            .count(),
        6
    );
    // the same set whichever province of the merger is named
    let from_87 = r.province("87", d(2026, 1, 1)).unwrap();
    assert_eq!(from_87.units.len(), e.units.len());
    assert_eq!(from_87.changes.len(), e.changes.len());
    // nothing of another province
    assert!(e.units.iter().all(|u| u.code != "01"));
}

#[test]
fn the_whole_register_holds_together() {
    let r = national();
    let e = r.all();
    let ids: HashMap<(&str, Option<Date>), UnitId> = e
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| ((u.code, u.valid_from), UnitId(i as i64 + 1)))
        .collect();
    let units: Vec<AdminUnit> = e
        .units
        .iter()
        .map(|u| AdminUnit {
            id: ids[&(u.code, u.valid_from)],
            code: u.code.into(),
            name: u.name.into(),
            level: u.level,
            parent: r.parent(u).map(|p| ids[&(p.code, p.valid_from)]),
            valid_from: u.valid_from,
            valid_to: u.valid_to,
        })
        .collect();
    let changes: Vec<UnitChange> = e
        .changes
        .iter()
        .map(|c| {
            let old = r.at(c.old_code, c.on.previous_day().unwrap()).unwrap();
            let new = r.at(c.new_code, c.on).unwrap();
            UnitChange {
                old: ids[&(old.code, old.valid_from)],
                new: ids[&(new.code, new.valid_from)],
                on: c.on,
                kind: c.kind,
                basis: c.basis.into(),
            }
        })
        .collect();
    assert_eq!(
        changes.len(),
        r.changes.len(),
        "every change is between stored units"
    );
    assert_eq!(check_register(&units, &changes, &[]), vec![]);
    // every old commune and every district without communes went somewhere
    let went: BTreeSet<UnitId> = changes.iter().map(|c| c.old).collect();
    let ended_communes = units
        .iter()
        .filter(|u| u.level == AdminLevel::Commune && u.valid_to.is_some())
        .filter(|u| !went.contains(&u.id))
        .count();
    assert_eq!(ended_communes, 0);
}

#[test]
fn a_bad_line_is_named() {
    let err = Register::parse(
        "header\n01\tprovince\t\t\t\tHà Nội\t\t\tyes\n02\tstate\t\t\t\tX\t\t\tyes\n",
        "h\n",
    )
    .err()
    .unwrap();
    assert!(err.starts_with("units.tsv:3:"), "{err}");
    assert!(Register::parse("h\n", "h\n01\t02\t2025-13-01\tfull\t\tno\n").is_err());
    assert!(Register::parse("h\n", "h\n01\t02\t2025-07-01\tsome\t\tno\n").is_err());
}
