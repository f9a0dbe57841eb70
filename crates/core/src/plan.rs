//! Plans and targets (kế hoạch, chỉ tiêu): progress year by year, a projection to the final
//! year, and checks on the plan itself. Pure: the caller supplies the indicator values.

use crate::Date;
use crate::fixed::Fixed;
use crate::i18n::Msg;
use crate::indicator::{IndicatorDef, Unit};

pub mod tasks;
pub use tasks::{PlanOffice, PlanTask};

/// How a target compares: "trở lên" (≥), "trên" (>), "dưới" (<), "trở xuống" (≤), "bằng"
/// (=), or a range "5–6".
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Comparator {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    Between,
}

impl Comparator {
    pub const ALL: [Comparator; 6] = [
        Comparator::Ge,
        Comparator::Gt,
        Comparator::Le,
        Comparator::Lt,
        Comparator::Eq,
        Comparator::Between,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Comparator::Ge => ">=",
            Comparator::Gt => ">",
            Comparator::Le => "<=",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
            Comparator::Between => "range",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Comparator::Ge => "≥ (trở lên)",
            Comparator::Gt => "> (trên)",
            Comparator::Le => "≤ (trở xuống)",
            Comparator::Lt => "< (dưới)",
            Comparator::Eq => "= (bằng)",
            Comparator::Between => "khoảng (từ … đến …)",
        }
    }

    pub fn parse(s: &str) -> Option<Comparator> {
        // its own label, as the Vietnamese workbook writes it
        if let Some(c) = Comparator::ALL
            .into_iter()
            .find(|c| crate::text::fold(c.label_vi()) == crate::text::fold(s))
        {
            return Some(c);
        }
        let f = crate::text::fold(s);
        Some(match f.as_str() {
            ">=" | "≥" | "tro len" | "ge" => Comparator::Ge,
            ">" | "tren" | "gt" => Comparator::Gt,
            "<=" | "≤" | "tro xuong" | "le" => Comparator::Le,
            "<" | "duoi" | "lt" => Comparator::Lt,
            "=" | "bang" | "eq" => Comparator::Eq,
            "range" | "khoang" | "tu den" | "between" | "-" | "–" => Comparator::Between,
            _ => return None,
        })
    }

    /// More is better (≥, >, ranges), or less is (≤, <).
    fn higher_is_better(self) -> bool {
        !matches!(self, Comparator::Le | Comparator::Lt)
    }
}

/// A target of a plan (chỉ tiêu cụ thể).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Target {
    /// Its number in the plan: "1", "7a" …
    pub no: String,
    /// The wording as the plan writes it.
    pub wording: String,
    pub indicator: String,
    pub comparator: Comparator,
    pub value: Fixed,
    /// Upper end of a range.
    pub value_hi: Option<Fixed>,
    /// The indicator the plan's baseline reported, when it is not the target's own
    /// (target 6 measures workers' income, part A reports members' income).
    pub baseline_indicator: Option<String>,
    /// Intermediate values to reach by given years (lộ trình).
    pub milestones: Vec<(i32, Fixed)>,
    pub note: String,
}

impl Target {
    pub fn holds(&self, v: Fixed) -> bool {
        match self.comparator {
            Comparator::Ge => v >= self.value,
            Comparator::Gt => v > self.value,
            Comparator::Le => v <= self.value,
            Comparator::Lt => v < self.value,
            Comparator::Eq => v == self.value,
            // "5–6 khâu dịch vụ": reached from the lower end; beyond the upper end it is
            // exceeded, not missed.
            Comparator::Between => v >= self.value,
        }
    }

    /// Holds and goes beyond the threshold in the good direction.
    fn exceeds(&self, v: Fixed) -> bool {
        match self.comparator {
            Comparator::Ge | Comparator::Gt => v > self.value,
            Comparator::Le | Comparator::Lt => v < self.value,
            Comparator::Eq => false,
            Comparator::Between => v > self.value_hi.unwrap_or(self.value),
        }
    }

    /// "≥ 2.600", "> 45", "5 – 6".
    pub fn describe(&self, unit: Unit) -> String {
        let f = |v: Fixed| fmt(v, unit);
        match self.comparator {
            Comparator::Between => format!(
                "{} – {}",
                f(self.value),
                f(self.value_hi.unwrap_or(self.value))
            ),
            c => format!(
                "{} {}",
                c.code().replace(">=", "≥").replace("<=", "≤"),
                f(self.value)
            ),
        }
    }
}

/// A plan (kế hoạch) with its targets.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Plan {
    /// A short stable code, e.g. `TM-KTTT-2021`.
    pub code: String,
    pub title: String,
    pub issuer: String,
    pub doc_no: String,
    pub doc_date: Option<Date>,
    pub from: i32,
    pub to: i32,
    pub baseline_year: i32,
    /// Code of the administrative unit the plan covers.
    pub scope: String,
    pub targets: Vec<Target>,
    /// The offices its tasks name, as they were when it was adopted.
    pub offices: Vec<PlanOffice>,
    /// Its tasks (nhiệm vụ), in number order.
    pub tasks: Vec<PlanTask>,
}

/// Checks a plan's own fields (not its targets).
pub fn check_plan(p: &Plan) -> Vec<(&'static str, Msg)> {
    let mut out = Vec::new();
    let code_ok = !p.code.trim().is_empty()
        && p.code.len() <= 40
        && p.code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    if !code_ok {
        out.push(("code", crate::msg!("plan.invalid_code", p = p.code)));
    }
    if p.title.trim().is_empty() {
        out.push(("title", crate::msg!("plan.title_required")));
    }
    if !(1900..=2200).contains(&p.from) || !(1900..=2200).contains(&p.to) || p.from > p.to {
        out.push((
            "to",
            crate::msg!("plan.invalid_period", from = p.from, to = p.to),
        ));
    }
    if p.baseline_year >= p.from || p.baseline_year < p.from - 10 {
        out.push((
            "baseline_year",
            crate::msg!(
                "plan.baseline_year_out_of_range",
                baseline_year = p.baseline_year,
                from = p.from
            ),
        ));
    }
    out
}

/// Checks a target against its indicator: the comparator and value must fit the unit.
pub fn check_target(t: &Target, def: Option<&IndicatorDef>) -> Vec<(&'static str, Msg)> {
    let mut out = Vec::new();
    if t.no.trim().is_empty() || t.no.len() > 10 {
        out.push(("no", crate::msg!("plan.target_number_required")));
    }
    if t.wording.trim().is_empty() {
        out.push(("wording", crate::msg!("plan.target_wording_required")));
    }
    let Some(def) = def else {
        out.push((
            "indicator",
            crate::msg!("plan.no_such_indicator", indicator = t.indicator),
        ));
        return out;
    };
    match (t.comparator, t.value_hi) {
        (Comparator::Between, None) => {
            out.push(("value_hi", crate::msg!("plan.range_without_upper_value")))
        }
        (Comparator::Between, Some(hi)) if hi < t.value => {
            out.push(("value_hi", crate::msg!("plan.range_upside_down")))
        }
        (c, Some(_)) if c != Comparator::Between => {
            out.push(("value_hi", crate::msg!("plan.upper_value_without_range")))
        }
        _ => {}
    }
    let values = std::iter::once(t.value)
        .chain(t.value_hi)
        .chain(t.milestones.iter().map(|m| m.1));
    for v in values {
        match def.unit {
            Unit::Percent if v < Fixed::ZERO || v > Fixed::from_int(100) => {
                out.push(("value", crate::msg!("plan.percentage_out_of_range", v = v)))
            }
            Unit::Organizations | Unit::Persons | Unit::Communes
                if !v.is_integer() || v < Fixed::ZERO =>
            {
                out.push(("value", crate::msg!("plan.count_target_not_whole", v = v)))
            }
            _ => {}
        }
    }
    if matches!(
        def.unit,
        Unit::Percent | Unit::Organizations | Unit::Persons | Unit::Communes
    ) && t.comparator == Comparator::Eq
        && def.unit == Unit::MillionVnd
    {
        out.push(("comparator", crate::msg!("plan.equality_on_money")));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Vượt.
    Exceeded,
    /// Đạt.
    Met,
    /// Đúng tiến độ.
    OnTrack,
    /// Chậm.
    Behind,
    /// Không đạt (at the end of the period).
    Missed,
    /// Chưa có số liệu.
    NoData,
}

impl Status {
    pub fn label_vi(self) -> &'static str {
        match self {
            Status::Exceeded => "Vượt",
            Status::Met => "Đạt",
            Status::OnTrack => "Đúng tiến độ",
            Status::Behind => "Chậm",
            Status::Missed => "Không đạt",
            Status::NoData => "Chưa có số liệu",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Status::Exceeded => "Exceeded",
            Status::Met => "Met",
            Status::OnTrack => "On track",
            Status::Behind => "Behind",
            Status::Missed => "Missed",
            Status::NoData => "No data yet",
        }
    }
    pub fn css(self) -> &'static str {
        match self {
            Status::Exceeded | Status::Met => "ok",
            Status::OnTrack => "track",
            Status::Behind | Status::Missed => "bad",
            Status::NoData => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct YearProgress {
    pub year: i32,
    pub value: Option<Fixed>,
    /// Threshold − value: what is still missing (negative: beyond it).
    pub gap: Option<Fixed>,
    /// Share of the way from the baseline to the target, %.
    pub share_pct: Option<Fixed>,
    /// Where the straight path (or the milestone) from the baseline to the target stands.
    pub expected: Option<Fixed>,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Projection {
    /// Always the same method, said in words for the reader.
    pub method: Msg,
    pub year: i32,
    pub value: Fixed,
    /// ± one standard error of the prediction; `None` with fewer than 3 points.
    pub low: Option<Fixed>,
    pub high: Option<Fixed>,
    pub points: usize,
    pub meets: bool,
}

/// How projections are made, said in words for the reader (catalogue `plan.projection_method`).
pub fn projection_method() -> Msg {
    crate::msg!("plan.projection_method")
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TargetProgress {
    pub target: Target,
    pub label_vi: String,
    pub label_en: String,
    pub unit: Unit,
    pub flow: bool,
    pub baseline: Option<Fixed>,
    pub years: Vec<YearProgress>,
    /// The last year with data and its status: the assessment so far.
    pub latest: Option<YearProgress>,
    pub projection: Option<Projection>,
    /// Remarks on the plan itself and on the data (Vietnamese, English).
    pub checks: Vec<Msg>,
}

/// Formats a value in its unit, Vietnamese style.
pub fn fmt(v: Fixed, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{}%", v.format_vi(2, false)),
        Unit::MillionVnd | Unit::Services => v.format_vi(2, false),
        _ => v.format_vi(0, false),
    }
}

/// What the caller knows about the data: a value per year (`None` where not computable),
/// the years that have any report at all, and a coverage remark if some records are missing.
pub struct Inputs<'a> {
    pub def: &'a IndicatorDef,
    pub values: &'a dyn Fn(i32) -> Option<Fixed>,
    pub baseline_other: Option<(String, Option<Fixed>)>,
    pub years_with_data: &'a dyn Fn(i32) -> bool,
    pub coverage: Option<Msg>,
}

/// Progress of one target over its plan.
pub fn progress(plan: &Plan, t: &Target, i: &Inputs<'_>) -> TargetProgress {
    let flow = i.def.subject.is_flow();
    // a flow counts from the start of the plan, so its baseline is zero
    let baseline = if flow {
        Some(Fixed::ZERO)
    } else {
        (i.values)(plan.baseline_year)
    };
    let mut years = Vec::new();
    for y in plan.from..=plan.to {
        let value = if (i.years_with_data)(y) {
            (i.values)(y)
        } else {
            None
        };
        years.push(year_progress(plan, t, baseline, y, value));
    }
    let latest = years.iter().rev().find(|y| y.value.is_some()).cloned();
    let mut pts: Vec<(f64, f64)> = Vec::new();
    if let Some(b) = baseline {
        pts.push((plan.baseline_year as f64, b.to_f64()));
    }
    pts.extend(
        years
            .iter()
            .filter_map(|y| y.value.map(|v| (y.year as f64, v.to_f64()))),
    );
    let projection = match &latest {
        Some(l) if l.year < plan.to && pts.len() >= 2 => project(&pts, plan.to, t, i.def.unit),
        _ => None,
    };
    let mut checks = Vec::new();
    let unit = i.def.unit;
    if let Some(b) = baseline
        && !flow
        && t.holds(b)
    {
        checks.push(crate::msg!(
            "plan.target_met_at_baseline",
            baseline_year = plan.baseline_year,
            unit = fmt(b, unit)
        ));
    }
    if let Some((other, v)) = &i.baseline_other {
        let shown = v.map(|v| fmt(v, unit)).unwrap_or_else(|| "—".into());
        let own = baseline.map(|v| fmt(v, unit)).unwrap_or_else(|| "—".into());
        checks.push(crate::msg!(
            "plan.baseline_of_another_indicator",
            other = other,
            shown = shown,
            indicator = t.indicator,
            own = own
        ));
    }
    if years.iter().all(|y| y.value.is_none()) {
        checks.push(crate::msg!("plan.target_not_measurable"));
    }
    if let Some(c) = &i.coverage {
        checks.push(c.clone());
    }
    if let Some(p) = &projection
        && !p.meets
    {
        checks.push(crate::msg!(
            "plan.projected_to_miss",
            year = p.year,
            unit = fmt(p.value, unit),
            describe = t.describe(unit)
        ));
    }
    TargetProgress {
        target: t.clone(),
        label_vi: i.def.label_vi.clone(),
        label_en: i.def.label_en.clone(),
        unit,
        flow,
        baseline,
        years,
        latest,
        projection,
        checks,
    }
}

fn year_progress(
    plan: &Plan,
    t: &Target,
    baseline: Option<Fixed>,
    y: i32,
    value: Option<Fixed>,
) -> YearProgress {
    let expected = t
        .milestones
        .iter()
        .find(|(my, _)| *my == y)
        .map(|m| m.1)
        .or_else(|| {
            let b = baseline?;
            let span = (plan.to - plan.baseline_year) as i128;
            let done = (y - plan.baseline_year) as i128;
            let delta = t.value.micros() as i128 - b.micros() as i128;
            Fixed::ratio(
                b.micros() as i128 * span + delta * done,
                span * 1_000_000,
                6,
            )
        });
    let Some(v) = value else {
        return YearProgress {
            year: y,
            value: None,
            gap: None,
            share_pct: None,
            expected,
            status: Status::NoData,
        };
    };
    let threshold = match t.comparator {
        Comparator::Between if v > t.value_hi.unwrap_or(t.value) => t.value_hi.unwrap_or(t.value),
        _ => t.value,
    };
    let gap = Some(Fixed::from_micros(threshold.micros() - v.micros()));
    let share_pct = baseline.and_then(|b| {
        Fixed::ratio(
            (v.micros() as i128 - b.micros() as i128) * 100,
            t.value.micros() as i128 - b.micros() as i128,
            2,
        )
    });
    let status = if t.holds(v) {
        if t.exceeds(v) {
            Status::Exceeded
        } else {
            Status::Met
        }
    } else if y >= plan.to {
        Status::Missed
    } else {
        let good = t.comparator.higher_is_better();
        match expected {
            Some(e) if (good && v >= e) || (!good && v <= e) => Status::OnTrack,
            _ => Status::Behind,
        }
    };
    YearProgress {
        year: y,
        value,
        gap,
        share_pct,
        expected,
        status,
    }
}

/// Least squares through the points, evaluated at `year`, kept within what the unit allows
/// (a share stays within 0–100 %, a count is never negative).
pub(crate) fn project(pts: &[(f64, f64)], year: i32, t: &Target, unit: Unit) -> Option<Projection> {
    let n = pts.len() as f64;
    let mx = pts.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if sxx == 0.0 {
        return None;
    }
    let slope = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / sxx;
    let x0 = year as f64;
    let clamp = |v: f64| match unit {
        Unit::Percent => v.clamp(0.0, 100.0),
        Unit::MillionVnd => v,
        _ => v.max(0.0),
    };
    let yhat = clamp(my + slope * (x0 - mx));
    let (low, high) = if pts.len() >= 3 {
        let sse: f64 = pts
            .iter()
            .map(|p| (p.1 - (my + slope * (p.0 - mx))).powi(2))
            .sum();
        let s = (sse / (n - 2.0)).sqrt();
        let se = s * (1.0 + 1.0 / n + (x0 - mx).powi(2) / sxx).sqrt();
        (
            Fixed::from_f64(clamp(yhat - se)).map(|v| v.round(2)),
            Fixed::from_f64(clamp(yhat + se)).map(|v| v.round(2)),
        )
    } else {
        (None, None)
    };
    let value = Fixed::from_f64(yhat)?.round(2);
    Some(Projection {
        method: projection_method(),
        year,
        value,
        low,
        high,
        points: pts.len(),
        meets: t.holds(value),
    })
}

#[cfg(test)]
mod tests;
