//! The means every part of the demo builds with: a seeded generator, exact splits of totals,
//! the plan of one organisation's life, and dates.

use hoptac_app::seed::commune_id;
use hoptac_core::Date;
use hoptac_core::date::ymd;
use hoptac_core::model::Organization;
use hoptac_core::types::*;

pub const FIRST_YEAR: i32 = 2015;

pub const LAST_YEAR: i32 = 2025;

/// splitmix64: small, deterministic, good enough for invented figures.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(super) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    pub(super) fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    pub(super) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// Splits `total` in proportion to `weights`, exactly (largest remainder).
pub fn exact_split(weights: &[i64], total: i64) -> Vec<i64> {
    let w: i64 = weights.iter().sum();
    assert!(
        w > 0 && total >= 0,
        "exact_split needs positive weights and a non-negative total"
    );
    let mut out: Vec<i64> = weights.iter().map(|x| total * x / w).collect();
    let mut rest = total - out.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((total * weights[i]) % w));
    for &i in order.iter().cycle() {
        if rest == 0 {
            break;
        }
        out[i] += 1;
        rest -= 1;
    }
    out
}

/// How an organisation's membership moves: values at given years, straight lines between.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    pub(super) org: Organization,
    pub(super) points: Vec<(i32, i64)>,
    /// Provides 3 or more services (footnote 3 of the plan).
    pub(super) multi: bool,
}

impl Plan {
    pub(super) fn first_year(&self) -> i32 {
        self.org.founded_on.year().max(FIRST_YEAR)
    }
    pub(super) fn last_year(&self) -> i32 {
        self.org
            .dissolved_on
            .map(|d| d.year() - 1)
            .unwrap_or(LAST_YEAR)
    }
    pub(super) fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year()..=self.last_year()
    }
    pub(super) fn active_end(&self, y: i32) -> bool {
        self.org.active_on(ymd(y, 12, 31).expect("date"))
    }
    pub(super) fn members(&self, y: i32) -> i64 {
        let pts = &self.points;
        if y <= pts[0].0 {
            return pts[0].1;
        }
        for w in pts.windows(2) {
            let ((y0, v0), (y1, v1)) = (w[0], w[1]);
            if y <= y1 {
                return v0 + ((v1 - v0) * (y - y0) as i64) / (y1 - y0) as i64;
            }
        }
        pts[pts.len() - 1].1
    }
}

pub(super) fn date(y: i32, m: u8, d: u8) -> Date {
    ymd(y, m, d).expect("valid demo date")
}

pub(super) fn org(
    code: String,
    kind: OrgKind,
    name: &str,
    sector: Sector,
    commune: &str,
    founded: Date,
    dissolved: Option<Date>,
) -> Organization {
    let registration_no =
        (kind == OrgKind::Htx).then(|| format!("1407{}", &code[code.len() - 2..]));
    Organization {
        code: OrgCode::parse(&code).expect("demo code"),
        kind,
        name: name.to_string(),
        sector,
        commune: commune_id(commune),
        founded_on: founded,
        dissolved_on: dissolved,
        registration_no,
    }
}
