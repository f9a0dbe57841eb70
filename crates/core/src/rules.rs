//! Validation rules as data (quy tắc kiểm tra), in the spirit of DHIS2: a left side, a
//! comparison and a right side over a yearly report's figures, the previous year's
//! (`prev.members`) and the median of its sector (`sector_median(revenue)`), with numbers and
//! `+ - * /`. A rule whose figures are missing does not apply.
//!
//! ```text
//! members = prev.members + members_joined - members_left
//! revenue <= 10 * sector_median(revenue)
//! ```

use crate::fixed::Fixed;
use crate::i18n::Msg;
use crate::model::{AnnualReport, Organization, Snapshot};
use crate::types::{OrgKind, Sector};
use crate::validate::Severity;
use std::collections::HashMap;

/// Figures a rule may name (the contract's column keys; `services` counts them).
pub const FIELDS: [&str; 10] = [
    "services_not_registered",
    "members",
    "members_joined",
    "members_left",
    "workers",
    "revenue",
    "profit",
    "member_income",
    "worker_income",
    "services",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Num(Fixed),
    Field { name: &'static str, prev: bool },
    SectorMedian(&'static str),
    Bin(Box<Expr>, char, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

/// A rule that does not parse: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based character position in the expression.
    pub position: usize,
    pub msg: Msg,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub left: Expr,
    pub cmp: Cmp,
    pub right: Expr,
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    src: &'a str,
    /// Open parentheses: bounded, so a hostile rule cannot overflow the stack.
    depth: usize,
}

/// Longest rule expression accepted, in characters.
pub const MAX_RULE_CHARS: usize = 1000;
/// Deepest nesting of parentheses accepted.
pub const MAX_RULE_DEPTH: usize = 16;

impl Parser<'_> {
    fn err<T>(&self, what: Msg) -> Result<T, ParseError> {
        Err(ParseError {
            position: self.pos + 1,
            msg: crate::msg!(
                "rules.at_position",
                position = self.pos + 1,
                what = crate::i18n::Arg::msg(what)
            ),
        })
    }
    fn skip(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }
    fn peek(&mut self) -> Option<char> {
        self.skip();
        self.chars.get(self.pos).copied()
    }
    fn word(&mut self) -> String {
        let start = self.pos;
        while self
            .chars
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }
    fn field(&self, name: &str, at: usize) -> Result<&'static str, ParseError> {
        FIELDS
            .iter()
            .copied()
            .find(|f| *f == name)
            .ok_or_else(|| ParseError {
                position: at + 1,
                msg: crate::msg!(
                    "rules.unknown_figure",
                    at = at + 1,
                    name = name,
                    fields = FIELDS.join(", ")
                ),
            })
    }
    fn atom(&mut self) -> Result<Expr, ParseError> {
        match self.peek() {
            Some('(') => {
                if self.depth >= MAX_RULE_DEPTH {
                    return self.err(crate::msg!(
                        "rules.too_deep",
                        max_rule_depth = MAX_RULE_DEPTH
                    ));
                }
                self.depth += 1;
                self.pos += 1;
                let e = self.sum()?;
                if self.peek() != Some(')') {
                    return self.err(crate::msg!("rules.missing_parenthesis"));
                }
                self.pos += 1;
                self.depth -= 1;
                Ok(e)
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.pos;
                while self
                    .chars
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '.')
                {
                    self.pos += 1;
                }
                let text: String = self.chars[start..self.pos].iter().collect();
                match Fixed::parse_plain(&text) {
                    Some(v) => Ok(Expr::Num(v)),
                    None => {
                        self.pos = start;
                        self.err(crate::msg!("rules.invalid_number", text = text))
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.pos;
                let w = self.word();
                if w == "sector_median" {
                    if self.peek() != Some('(') {
                        return self.err(crate::msg!("rules.sector_median_without_parenthesis"));
                    }
                    self.pos += 1;
                    self.skip();
                    let at = self.pos;
                    let name = self.word();
                    let f = self.field(&name, at)?;
                    if self.peek() != Some(')') {
                        return self.err(crate::msg!("rules.missing_parenthesis"));
                    }
                    self.pos += 1;
                    return Ok(Expr::SectorMedian(f));
                }
                let (prev, name) = match w.strip_prefix("prev.") {
                    Some(n) => (true, n.to_string()),
                    None => (false, w.clone()),
                };
                let f = self.field(&name, start)?;
                Ok(Expr::Field { name: f, prev })
            }
            Some(c) => self.err(crate::msg!("rules.unexpected_character", c = c)),
            None => self.err(crate::msg!("rules.unexpected_end")),
        }
    }
    fn product(&mut self) -> Result<Expr, ParseError> {
        let mut e = self.atom()?;
        while let Some(op @ ('*' | '/')) = self.peek() {
            self.pos += 1;
            e = Expr::Bin(Box::new(e), op, Box::new(self.atom()?));
        }
        Ok(e)
    }
    fn sum(&mut self) -> Result<Expr, ParseError> {
        let mut e = self.product()?;
        while let Some(op @ ('+' | '-')) = self.peek() {
            self.pos += 1;
            e = Expr::Bin(Box::new(e), op, Box::new(self.product()?));
        }
        Ok(e)
    }
    fn cmp(&mut self) -> Result<Cmp, ParseError> {
        self.skip();
        let two: String = self.chars.iter().skip(self.pos).take(2).collect();
        let (c, n) = match two.as_str() {
            "<=" => (Cmp::Le, 2),
            ">=" => (Cmp::Ge, 2),
            "!=" => (Cmp::Ne, 2),
            "==" => (Cmp::Eq, 2),
            _ => match two.chars().next() {
                Some('<') => (Cmp::Lt, 1),
                Some('>') => (Cmp::Gt, 1),
                Some('=') => (Cmp::Eq, 1),
                _ => {
                    return self.err(crate::msg!("rules.comparison_expected"));
                }
            },
        };
        self.pos += n;
        Ok(c)
    }
}

pub fn parse(src: &str) -> Result<Rule, ParseError> {
    let n = src.chars().count();
    if n > MAX_RULE_CHARS {
        return Err(ParseError {
            position: MAX_RULE_CHARS + 1,
            msg: crate::msg!(
                "rules.expression_too_long",
                n = n,
                max_rule_chars = MAX_RULE_CHARS
            ),
        });
    }
    let mut p = Parser {
        chars: src.chars().collect(),
        pos: 0,
        src,
        depth: 0,
    };
    let left = p.sum()?;
    let cmp = p.cmp()?;
    let right = p.sum()?;
    if p.peek().is_some() {
        let rest: String = p.chars[p.pos..].iter().collect();
        return p.err(crate::msg!("rules.text_after_the_end", rest = rest));
    }
    let _ = p.src;
    Ok(Rule { left, cmp, right })
}

/// The first figure a side names: where a finding points.
pub fn first_field(e: &Expr) -> Option<&'static str> {
    match e {
        Expr::Field { name, .. } | Expr::SectorMedian(name) => Some(name),
        Expr::Bin(a, _, b) => first_field(a).or_else(|| first_field(b)),
        Expr::Num(_) => None,
    }
}

fn value(r: &AnnualReport, name: &str) -> Option<Fixed> {
    let f = &r.figures;
    let n = |v: Option<i64>| v.map(Fixed::from_int);
    match name {
        "members" => n(f.members),
        "members_joined" => n(f.members_joined),
        "members_left" => n(f.members_left),
        "workers" => n(f.workers),
        "revenue" => f.revenue,
        "profit" => f.profit,
        "member_income" => f.member_income,
        "worker_income" => f.worker_income,
        "services" => Some(Fixed::from_int(f.services.len() as i64)),
        _ => None,
    }
}

/// Medians of each figure by kind, sector and year, over the reports given.
pub type Medians = HashMap<(OrgKind, Sector, i32, &'static str), Fixed>;

pub fn medians(snap: &Snapshot) -> Medians {
    // organisation by organisation through the snapshot's index: no lookup per report
    let rows = snap.org_rows();
    let mut groups = Grouped::new();
    for (place, o) in snap.orgs.iter().enumerate() {
        for &k in rows.reports(place) {
            groups.add(o, &snap.reports[k as usize]);
        }
    }
    groups.medians()
}

/// The groups (kind, sector, year) a set of reports is judged in.
pub type Groups = std::collections::HashSet<(OrgKind, Sector, i32)>;

/// Medians over `reports`, each placed by its organisation (`org_of` its code); with
/// `only`, just those groups, so checking one report reads its group and copies nothing.
pub fn medians_of<'a>(
    org_of: impl Fn(&str) -> Option<&'a Organization>,
    reports: impl Iterator<Item = &'a AnnualReport>,
    only: Option<&Groups>,
) -> Medians {
    medians_of_pairs(
        reports.filter_map(|r| org_of(r.org.as_str()).map(|o| (o, r))),
        only,
    )
}

/// Medians over reports already paired with their organisations; with `only`, just
/// those groups.
pub fn medians_of_pairs<'a>(
    pairs: impl Iterator<Item = (&'a Organization, &'a AnnualReport)>,
    only: Option<&Groups>,
) -> Medians {
    let mut groups = Grouped::new();
    for (o, r) in pairs {
        if only.is_none_or(|g| g.contains(&(o.kind, o.sector, r.year.get()))) {
            groups.add(o, r);
        }
    }
    groups.medians()
}

/// Each figure's values by group: one lookup per report, not one per figure.
struct Grouped(HashMap<(OrgKind, Sector, i32), [Vec<i64>; FIELDS.len()]>);

impl Grouped {
    fn new() -> Grouped {
        Grouped(HashMap::new())
    }

    fn add(&mut self, o: &Organization, r: &AnnualReport) {
        let g = self.0.entry((o.kind, o.sector, r.year.get())).or_default();
        for (i, f) in FIELDS.iter().enumerate() {
            if let Some(v) = value(r, f) {
                g[i].push(v.micros());
            }
        }
    }

    fn medians(self) -> Medians {
        let mut out = Medians::new();
        for ((kind, sector, year), mut fields) in self.0 {
            for (i, v) in fields.iter_mut().enumerate() {
                if v.is_empty() {
                    continue;
                }
                let (mid, odd) = (v.len() / 2, v.len() % 2 == 1);
                // the middle found in linear time, not by sorting the group
                let (below, &mut m, _) = v.select_nth_unstable(mid);
                let m = if odd {
                    m
                } else {
                    let lower = below.iter().copied().max().unwrap_or(m);
                    (lower + m) / 2
                };
                out.insert((kind, sector, year, FIELDS[i]), Fixed::from_micros(m));
            }
        }
        out
    }
}

/// What a rule is evaluated against: one report, the year before, the sector medians, and
/// the services the organisation is registered for (if known).
pub struct Context<'a> {
    pub org: &'a Organization,
    pub report: &'a AnnualReport,
    pub prev: Option<&'a AnnualReport>,
    pub medians: &'a Medians,
    pub registered: Option<&'a std::collections::BTreeSet<crate::types::Service>>,
}

fn field_value(c: &Context<'_>, r: &AnnualReport, name: &str) -> Option<Fixed> {
    if name == "services_not_registered" {
        // services provided that the organisation is not registered for
        let reg = c.registered?;
        return Some(Fixed::from_int(
            r.figures.services.difference(reg).count() as i64
        ));
    }
    value(r, name)
}

fn eval(e: &Expr, c: &Context<'_>) -> Option<i128> {
    Some(match e {
        Expr::Num(v) => v.micros() as i128,
        Expr::Field { name, prev: false } => field_value(c, c.report, name)?.micros() as i128,
        Expr::Field { name, prev: true } => field_value(c, c.prev?, name)?.micros() as i128,
        Expr::SectorMedian(name) => c
            .medians
            .get(&(c.org.kind, c.org.sector, c.report.year.get(), name))?
            .micros() as i128,
        Expr::Bin(a, op, b) => {
            let (x, y) = (eval(a, c)?, eval(b, c)?);
            match op {
                '+' => x + y,
                '-' => x - y,
                '*' => x * y / 1_000_000,
                _ if y == 0 => return None,
                _ => x * 1_000_000 / y,
            }
        }
    })
}

impl Rule {
    /// `Some(true)` holds, `Some(false)` broken, `None` does not apply (a figure is missing).
    pub fn check(
        &self,
        o: &Organization,
        r: &AnnualReport,
        prev: Option<&AnnualReport>,
        m: &Medians,
    ) -> Option<bool> {
        self.check_in(&Context {
            org: o,
            report: r,
            prev,
            medians: m,
            registered: None,
        })
    }

    pub fn check_in(&self, c: &Context<'_>) -> Option<bool> {
        let (a, b) = (eval(&self.left, c)?, eval(&self.right, c)?);
        Some(match self.cmp {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
        })
    }
}

/// The rules hoptac ships (offices may change or switch them off): (id, expression,
/// Vietnamese message, English message). All warnings: a figure can be right and unusual.
pub const DEFAULT_RULES: [(&str, &str, &str, &str); 8] = [
    (
        "members_flow",
        "members = prev.members + members_joined - members_left",
        "Số thành viên cuối năm khác với cuối năm trước + thành viên mới − thành viên ra",
        "Members at year end differ from the previous year end + joined − left",
    ),
    (
        "profit_le_revenue",
        "profit <= revenue",
        "Lợi nhuận lớn hơn doanh thu",
        "Profit exceeds revenue",
    ),
    (
        "revenue_jump_up",
        "revenue <= 5 * prev.revenue",
        "Doanh thu tăng hơn 5 lần so với năm trước",
        "Revenue more than five times the previous year's",
    ),
    (
        "revenue_jump_down",
        "5 * revenue >= prev.revenue",
        "Doanh thu giảm còn dưới 1/5 năm trước",
        "Revenue below a fifth of the previous year's",
    ),
    (
        "revenue_sector_outlier",
        "revenue <= 10 * sector_median(revenue)",
        "Doanh thu gấp hơn 10 lần trung vị của cùng loại hình, lĩnh vực, năm",
        "Revenue more than ten times the median of its kind, sector and year",
    ),
    (
        "members_jump",
        "members <= 3 * prev.members",
        "Số thành viên tăng hơn 3 lần so với năm trước",
        "Members more than three times the previous year's",
    ),
    (
        "services_registered",
        "services_not_registered = 0",
        "Có dịch vụ đã thực hiện nhưng không có trong các dịch vụ đã đăng ký",
        "A service was provided that the organisation is not registered for",
    ),
    (
        "member_income_plausible",
        "member_income <= 5 * sector_median(member_income)",
        "Thu nhập bình quân của thành viên gấp hơn 5 lần trung vị cùng lĩnh vực, cùng năm",
        "Average member income more than five times the median of its sector and year",
    ),
];

/// A rule as an office defines it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleRecord {
    pub id: String,
    pub expression: String,
    pub severity: Severity,
    pub message_vi: String,
    pub message_en: String,
    pub active: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_rules_are_refused_without_overflowing_the_stack() {
        let deep = format!("{}members{} <= 1", "(".repeat(5000), ")".repeat(5000));
        assert!(parse(&deep).is_err(), "5,000 levels: refused");
        let deep = format!("{}members{} <= 1", "(".repeat(40), ")".repeat(40));
        let e = parse(&deep).unwrap_err();
        assert!(e.msg.vi().contains("ngoặc"), "{}", e.msg.vi());
        let ok = format!("{}members{} <= 1", "(".repeat(16), ")".repeat(16));
        assert!(parse(&ok).is_ok());
        let long = format!("members <= {}", "1+".repeat(600) + "1");
        assert!(parse(&long).unwrap_err().msg.en().contains("at most"));
    }
    use crate::date::ymd;
    use crate::model::{ReportFigures, UnitId};
    use crate::types::{OrgCode, Year};

    fn org() -> Organization {
        Organization {
            code: OrgCode::parse("A").unwrap(),
            kind: OrgKind::Htx,
            name: "A".into(),
            sector: Sector::Agriculture,
            commune: UnitId(1),
            founded_on: ymd(2000, 1, 1).unwrap(),
            dissolved_on: None,
            registration_no: None,
        }
    }

    fn rep(year: i32, members: i64, joined: i64, left: i64, revenue: i64) -> AnnualReport {
        AnnualReport {
            org: OrgCode::parse("A").unwrap(),
            year: Year::new(year).unwrap(),
            figures: ReportFigures {
                members: Some(members),
                members_joined: Some(joined),
                members_left: Some(left),
                revenue: Some(Fixed::from_int(revenue)),
                ..Default::default()
            },
        }
    }

    #[test]
    fn rules_parse_and_check() {
        let m = Medians::new();
        let flow = parse("members = prev.members + members_joined - members_left").unwrap();
        assert_eq!(
            flow.check(
                &org(),
                &rep(2021, 110, 15, 5, 1),
                Some(&rep(2020, 100, 0, 0, 1)),
                &m
            ),
            Some(true)
        );
        assert_eq!(
            flow.check(
                &org(),
                &rep(2021, 111, 15, 5, 1),
                Some(&rep(2020, 100, 0, 0, 1)),
                &m
            ),
            Some(false)
        );
        assert_eq!(
            flow.check(&org(), &rep(2021, 111, 15, 5, 1), None, &m),
            None,
            "no previous year: does not apply"
        );
        let jump = parse("revenue <= 5 * prev.revenue").unwrap();
        assert_eq!(
            jump.check(
                &org(),
                &rep(2021, 1, 0, 0, 500),
                Some(&rep(2020, 1, 0, 0, 100)),
                &m
            ),
            Some(true)
        );
        assert_eq!(
            jump.check(
                &org(),
                &rep(2021, 1, 0, 0, 501),
                Some(&rep(2020, 1, 0, 0, 100)),
                &m
            ),
            Some(false)
        );
        let ratio = parse("(revenue - prev.revenue) / prev.revenue < 0.5").unwrap();
        assert_eq!(
            ratio.check(
                &org(),
                &rep(2021, 1, 0, 0, 140),
                Some(&rep(2020, 1, 0, 0, 100)),
                &m
            ),
            Some(true)
        );
        assert_eq!(
            ratio.check(
                &org(),
                &rep(2021, 1, 0, 0, 140),
                Some(&rep(2020, 1, 0, 0, 0)),
                &m
            ),
            None,
            "division by zero: does not apply"
        );
        let mut med = Medians::new();
        med.insert(
            (OrgKind::Htx, Sector::Agriculture, 2021, "revenue"),
            Fixed::from_int(100),
        );
        let outlier = parse("revenue <= 10 * sector_median(revenue)").unwrap();
        assert_eq!(
            outlier.check(&org(), &rep(2021, 1, 0, 0, 1001), None, &med),
            Some(false)
        );
        assert_eq!(first_field(&outlier.left), Some("revenue"));
    }

    #[test]
    fn services_provided_must_be_registered() {
        use crate::types::Service;
        let rule = parse("services_not_registered = 0").unwrap();
        let mut r = rep(2021, 1, 0, 0, 1);
        r.figures.services = [Service::Irrigation, Service::Harvesting].into();
        let m = Medians::new();
        let o = org();
        let reg: std::collections::BTreeSet<Service> = [Service::Irrigation].into();
        let both: std::collections::BTreeSet<Service> = [
            Service::Irrigation,
            Service::Harvesting,
            Service::Processing,
        ]
        .into();
        let c = |reg| Context {
            org: &o,
            report: &r,
            prev: None,
            medians: &m,
            registered: reg,
        };
        assert_eq!(rule.check_in(&c(Some(&reg))), Some(false));
        assert_eq!(rule.check_in(&c(Some(&both))), Some(true));
        assert_eq!(
            rule.check_in(&c(None)),
            None,
            "nothing registered on file: does not apply"
        );
    }

    #[test]
    fn errors_name_the_position() {
        let e = parse("revenue <= 5 * prev.revenu").unwrap_err();
        assert_eq!(e.position, 16);
        assert!(e.msg.vi().contains("revenu") && e.msg.vi().starts_with("Vị trí 16"));
        assert_eq!(parse("revenue 5").unwrap_err().position, 9);
        assert!(
            parse("revenue <= (5 * profit")
                .unwrap_err()
                .msg
                .en()
                .contains(")")
        );
        assert!(
            parse("revenue <= 5 5")
                .unwrap_err()
                .msg
                .en()
                .contains("end")
        );
        assert!(parse("height > 2").unwrap_err().msg.en().contains("height"));
        assert!(parse("").is_err());
    }

    /// One organisation per value, each with a 2021 report of that revenue.
    fn add_revenues(s: &mut Snapshot, values: &[i64]) {
        for (i, v) in values.iter().enumerate() {
            let code = OrgCode::parse(&format!("O{i}")).unwrap();
            s.orgs.push(Organization {
                code: code.clone(),
                ..org()
            });
            s.reports.push(AnnualReport {
                org: code,
                ..rep(2021, 1, 0, 0, *v)
            });
        }
    }

    #[test]
    fn medians_by_sector_and_year() {
        let mut s = Snapshot {
            orgs: vec![org()],
            ..Default::default()
        };
        add_revenues(&mut s, &[100, 300, 200]);
        assert_eq!(
            medians(&s)[&(OrgKind::Htx, Sector::Agriculture, 2021, "revenue")],
            Fixed::from_int(200)
        );
        // one group asked for: the same medians for it, nothing else computed
        let mut r = rep(2022, 1, 0, 0, 999);
        r.org = OrgCode::parse("O0").unwrap();
        s.reports.push(r);
        let full = medians(&s);
        let only: Groups = [(OrgKind::Htx, Sector::Agriculture, 2021)].into();
        let part = medians_of(
            |c| s.orgs.iter().find(|o| o.code.as_str() == c),
            s.reports.iter(),
            Some(&only),
        );
        assert!(!part.is_empty());
        assert!(full.keys().any(|k| k.2 == 2022));
        assert!(part.keys().all(|k| k.2 == 2021));
        for (k, v) in &part {
            assert_eq!(full.get(k), Some(v), "{k:?}");
        }
        assert_eq!(part.len(), full.keys().filter(|k| k.2 == 2021).count());
    }

    #[test]
    fn median_of_an_even_group_is_between_its_middle_two() {
        let mut s = Snapshot::default();
        add_revenues(&mut s, &[400, 100, 300, 200]);
        let m = medians(&s);
        assert_eq!(
            m[&(OrgKind::Htx, Sector::Agriculture, 2021, "revenue")],
            Fixed::from_int(250)
        );
        assert_eq!(
            m[&(OrgKind::Htx, Sector::Agriculture, 2021, "members")],
            Fixed::from_int(1)
        );
    }
}

/// Fuzzing the rule parser (issue 11): the seeds of `fuzz/rules`, mutated, and random
/// token soups parse to a rule or a positioned refusal, never a panic or a stack overflow.
#[cfg(test)]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn seeds() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/rules");
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn every_seed_parses() {
        let s = seeds();
        assert!(s.len() >= 5);
        for r in &s {
            parse(r).unwrap_or_else(|e| panic!("{r}: {}", e.msg.en()));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(500), ..ProptestConfig::default() })]

        #[test]
        fn mutated_seeds_never_panic(pick in 0usize..32, at in 0usize..200, insert in "[()+\\-*/<>=!. a-z0-9_]{0,40}", nest in 0usize..3000) {
            let s = seeds();
            let seed = &s[pick % s.len()];
            let cut = seed.char_indices().map(|(i, _)| i).nth(at % (seed.chars().count() + 1)).unwrap_or(seed.len());
            let text = format!("{}{}{}{}{}", "(".repeat(nest), &seed[..cut], insert, &seed[cut..], ")".repeat(nest / 2));
            if let Err(e) = parse(&text) {
                prop_assert!(e.position >= 1);
            }
        }

        #[test]
        fn token_soup_never_panics(t in prop::collection::vec(prop_oneof![
            Just("members"), Just("prev."), Just("sector_median("), Just("("), Just(")"),
            Just("+"), Just("-"), Just("*"), Just("/"), Just("<="), Just("="), Just("!="),
            Just("1.5"), Just("0"), Just(" "), Just("revenue"), Just("é"), Just("9999999999999"),
        ], 0..80)) {
            let _ = parse(&t.concat());
        }
    }
}
