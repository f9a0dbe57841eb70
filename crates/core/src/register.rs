//! The national register of administrative units (danh mục đơn vị hành chính) carried in the
//! binary: every province, district and commune before 1 July 2025 and after it, and the
//! changes between them (`shared/spec/admin-units.md`, "The national register").
//!
//! Compiled by `tools/register/compile.py`; its sources, licences, date and what is not
//! confirmed are in `crates/core/data/register/SOURCE.md`. A row marked unconfirmed is one
//! the two sources disagree on, or a change not checked against its resolution: hoptac
//! loads it, and says so, rather than pretend or drop it.

use crate::Date;
use crate::territory::ChangeKind;
use crate::types::AdminLevel;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

const UNITS: &str = include_str!("../data/register/units.tsv");
const CHANGES: &str = include_str!("../data/register/changes.tsv");

/// The compilation the register was built from, as `SOURCE.md` states it.
pub const SOURCE: &str = "vietnamadminunits 1.0.4 (MIT), checked against vietnam-provinces \
                          2025.10.1 (GPL-3.0-or-later); Đồng Tháp: shared/data/admin (NQ \
                          1663/NQ-UBTVQH15); compiled 2026-12-03";

/// One unit version of the register.
#[derive(Debug, Clone, PartialEq)]
pub struct RegisterUnit {
    pub code: &'static str,
    pub level: AdminLevel,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    /// The parent's code, read at this version's dates.
    pub parent_code: Option<&'static str>,
    pub name: &'static str,
    /// A point in or near the unit (geocoded by the source, not a computed centroid).
    pub point: Option<(f64, f64)>,
    /// Both sources agree on its code and name.
    pub confirmed: bool,
}

/// One change of the register: `old` (the version valid the day before `on`) went into `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterChange {
    pub old_code: &'static str,
    pub new_code: &'static str,
    pub on: Date,
    pub kind: ChangeKind,
    pub basis: &'static str,
    /// Checked against the resolution (or a vetted table of it).
    pub confirmed: bool,
}

/// The register, parsed once.
pub struct Register {
    pub units: Vec<RegisterUnit>,
    pub changes: Vec<RegisterChange>,
    by_code: HashMap<&'static str, Vec<usize>>,
}

/// What a load stores: unit versions (parents before children) and the changes among them.
#[derive(Debug, Default)]
pub struct Extract<'a> {
    pub units: Vec<&'a RegisterUnit>,
    pub changes: Vec<&'a RegisterChange>,
}

impl Extract<'_> {
    pub fn unconfirmed_units(&self) -> usize {
        self.units.iter().filter(|u| !u.confirmed).count()
    }
    pub fn unconfirmed_changes(&self) -> usize {
        self.changes.iter().filter(|c| !c.confirmed).count()
    }
    pub fn count(&self, level: AdminLevel) -> usize {
        self.units.iter().filter(|u| u.level == level).count()
    }
}

/// The register compiled into the binary.
pub fn national() -> &'static Register {
    static REGISTER: LazyLock<Register> = LazyLock::new(|| {
        Register::parse(UNITS, CHANGES).expect("the compiled register parses (tested)")
    });
    &REGISTER
}

fn valid_on(u: &RegisterUnit, d: Date) -> bool {
    u.valid_from.is_none_or(|f| f <= d) && u.valid_to.is_none_or(|t| t >= d)
}

impl Register {
    /// Reads the two tables; a line that does not parse is named by table and line.
    pub fn parse(units: &'static str, changes: &'static str) -> Result<Register, String> {
        let mut us = Vec::new();
        for (i, line) in units.lines().enumerate().skip(1) {
            us.push(unit_line(line).ok_or_else(|| format!("units.tsv:{}: {line}", i + 1))?);
        }
        let mut cs = Vec::new();
        for (i, line) in changes.lines().enumerate().skip(1) {
            cs.push(change_line(line).ok_or_else(|| format!("changes.tsv:{}: {line}", i + 1))?);
        }
        let mut by_code: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, u) in us.iter().enumerate() {
            by_code.entry(u.code).or_default().push(i);
        }
        Ok(Register {
            units: us,
            changes: cs,
            by_code,
        })
    }

    /// The version of `code` valid on `d`; else the last that ended before it; else the first
    /// after it (as `--scope` resolves).
    pub fn version(&self, code: &str, d: Date) -> Option<&RegisterUnit> {
        let vs: Vec<&RegisterUnit> = self
            .by_code
            .get(code.trim())?
            .iter()
            .map(|&i| &self.units[i])
            .collect();
        vs.iter()
            .find(|u| valid_on(u, d))
            .or_else(|| {
                vs.iter()
                    .filter(|u| u.valid_to.is_some_and(|t| t < d))
                    .max_by_key(|u| u.valid_to)
            })
            .or_else(|| vs.iter().min_by_key(|u| u.valid_from))
            .copied()
    }

    /// The version of `code` that began on `valid_from`, if the register has it.
    pub fn unit(&self, code: &str, valid_from: Option<Date>) -> Option<&RegisterUnit> {
        self.by_code
            .get(code)?
            .iter()
            .map(|&i| &self.units[i])
            .find(|u| u.valid_from == valid_from)
    }

    /// The point of the version of `code` that began on `valid_from`, if the register has it.
    pub fn point(&self, code: &str, valid_from: Option<Date>) -> Option<(f64, f64)> {
        self.unit(code, valid_from)?.point
    }

    /// The parent version of `u`, read at its dates.
    pub fn parent(&self, u: &RegisterUnit) -> Option<&RegisterUnit> {
        let pc = u.parent_code?;
        let on = u.valid_to.or(u.valid_from);
        self.by_code
            .get(pc)?
            .iter()
            .map(|&i| &self.units[i])
            .find(|p| match on {
                Some(d) => valid_on(p, d),
                None => p.valid_from.is_none() && p.valid_to.is_none(),
            })
    }

    fn index_of(&self, u: &RegisterUnit) -> usize {
        self.by_code[u.code]
            .iter()
            .copied()
            .find(|&i| self.units[i].valid_from == u.valid_from)
            .expect("a unit of this register")
    }

    /// A province of either version, resolved at `on`, with every province its ground
    /// passed through (the ones merged into it and the one it became), all their districts
    /// and communes, and the changes among them. `None`: no province has that code.
    pub fn province(&self, code: &str, on: Date) -> Option<Extract<'_>> {
        let first = self
            .version(code, on)
            .filter(|u| u.level == AdminLevel::Province)?;
        let key = |u: &RegisterUnit| (u.code, u.valid_from);
        let mut provinces = BTreeSet::from([self.index_of(first)]);
        loop {
            let before = provinces.len();
            for c in &self.changes {
                let old = self.at(c.old_code, c.on.previous_day().unwrap_or(c.on));
                let new = self.at(c.new_code, c.on);
                let (Some(old), Some(new)) = (old, new) else {
                    continue;
                };
                if old.level != AdminLevel::Province || new.level != AdminLevel::Province {
                    continue;
                }
                let (o, n) = (self.index_of(old), self.index_of(new));
                if provinces.contains(&o) || provinces.contains(&n) {
                    provinces.insert(o);
                    provinces.insert(n);
                }
            }
            if provinces.len() == before {
                break;
            }
        }
        let mut chosen: BTreeSet<usize> = provinces.clone();
        let mut frontier: Vec<usize> = provinces.into_iter().collect();
        let children = self.children();
        while let Some(p) = frontier.pop() {
            for &c in children.get(&p).map(Vec::as_slice).unwrap_or(&[]) {
                if chosen.insert(c) {
                    frontier.push(c);
                }
            }
        }
        let keys: BTreeSet<_> = chosen.iter().map(|&i| key(&self.units[i])).collect();
        Some(self.extract(|u| keys.contains(&key(u))))
    }

    /// The whole country.
    pub fn all(&self) -> Extract<'_> {
        self.extract(|_| true)
    }

    fn at(&self, code: &str, d: Date) -> Option<&RegisterUnit> {
        self.by_code
            .get(code)?
            .iter()
            .map(|&i| &self.units[i])
            .find(|u| valid_on(u, d))
    }

    fn children(&self) -> HashMap<usize, Vec<usize>> {
        let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            if let Some(p) = self.parent(u) {
                out.entry(self.index_of(p)).or_default().push(i);
            }
        }
        out
    }

    fn extract(&self, keep: impl Fn(&RegisterUnit) -> bool) -> Extract<'_> {
        let mut units: Vec<&RegisterUnit> = self.units.iter().filter(|u| keep(u)).collect();
        units.sort_by_key(|u| (rank(u.level), u.valid_from, u.code));
        let changes = self
            .changes
            .iter()
            .filter(|c| {
                let old = self.at(c.old_code, c.on.previous_day().unwrap_or(c.on));
                let new = self.at(c.new_code, c.on);
                old.is_some_and(&keep) && new.is_some_and(&keep)
            })
            .collect();
        Extract { units, changes }
    }
}

fn rank(l: AdminLevel) -> u8 {
    match l {
        AdminLevel::Province => 0,
        AdminLevel::District => 1,
        AdminLevel::Commune => 2,
    }
}

fn opt_date(s: &str) -> Option<Option<Date>> {
    if s.is_empty() {
        Some(None)
    } else {
        crate::date::parse(s).map(Some)
    }
}

fn yes_no(s: &str) -> Option<bool> {
    match s {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

fn unit_line(line: &'static str) -> Option<RegisterUnit> {
    let f: Vec<&'static str> = line.split('\t').collect();
    let [code, level, from, to, parent, name, lat, lon, confirmed] = f[..] else {
        return None;
    };
    let point = match (lat.parse::<f64>(), lon.parse::<f64>()) {
        (Ok(a), Ok(b)) => Some((a, b)),
        _ if lat.is_empty() && lon.is_empty() => None,
        _ => return None,
    };
    Some(RegisterUnit {
        code,
        level: AdminLevel::parse(level)?,
        valid_from: opt_date(from)?,
        valid_to: opt_date(to)?,
        parent_code: (!parent.is_empty()).then_some(parent),
        name,
        point,
        confirmed: yes_no(confirmed)?,
    })
}

fn change_line(line: &'static str) -> Option<RegisterChange> {
    let f: Vec<&'static str> = line.split('\t').collect();
    let [old, new, on, kind, basis, confirmed] = f[..] else {
        return None;
    };
    Some(RegisterChange {
        old_code: old,
        new_code: new,
        on: crate::date::parse(on)?,
        kind: match kind {
            "full" => ChangeKind::Full,
            "partial" => ChangeKind::Partial,
            _ => return None,
        },
        basis,
        confirmed: yes_no(confirmed)?,
    })
}

#[cfg(test)]
mod tests;
