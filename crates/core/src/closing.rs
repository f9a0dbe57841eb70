//! Closing a plan (tổng kết kế hoạch): the final assessment of every target over the plan's
//! whole period, on its ground as that ground is at the plan's end, with what each of the
//! units now making it up contributed; and the draft of the next plan for one of them, each
//! target a proposal from the trend, marked as such (never law: the office edits it).

use crate::fixed::Fixed;
use crate::indicator::Unit;
use crate::plan::{Comparator, Plan, Target, TargetProgress, fmt, project};
use crate::report::{Document, Inline, Paragraph, Section, plan_assessment};

/// One unit's part of a target's figure: at the plan's baseline and in the last year with
/// data (a flow: zero at the baseline, the cumulative count since the plan began).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnitFigure {
    pub code: String,
    pub name: String,
    pub base: Option<Fixed>,
    pub latest: Option<Fixed>,
}

impl UnitFigure {
    pub fn change(&self) -> Option<Fixed> {
        Some(Fixed::from_micros(
            self.latest?.micros() - self.base?.micros(),
        ))
    }
}

/// A target's figures by the units now making up the plan's ground.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TargetUnits {
    pub no: String,
    pub latest_year: Option<i32>,
    pub units: Vec<UnitFigure>,
}

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// A value with its unit: "669 người", "2.887,75 triệu đồng", "33,33%".
fn with_unit(v: Fixed, unit: Unit) -> String {
    match unit {
        Unit::Percent => fmt(v, unit),
        _ => format!("{} {}", fmt(v, unit), unit.label_vi()),
    }
}

fn signed(v: Fixed, unit: Unit) -> String {
    if v > Fixed::ZERO {
        format!("+{}", fmt(v, unit))
    } else {
        fmt(v, unit)
    }
}

/// Drops a heading's "N. " so sections can be numbered again.
fn bare(heading: &str) -> &str {
    match heading.split_once(". ") {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => heading,
    }
}

/// "Chỉ tiêu 2 (2020 → 2025): Xã A 500 → 560 (+60); …; tăng nhiều nhất: Xã A (+60); giảm
/// nhiều nhất: Xã B (−5)." The units ordered by their change, largest first.
fn by_unit_paragraph(p: &TargetProgress, tu: &TargetUnits, baseline_year: i32) -> Paragraph {
    let u = p.unit;
    let year = tu
        .latest_year
        .map(|y| y.to_string())
        .unwrap_or_else(|| "—".into());
    let mut rows: Vec<&UnitFigure> = tu.units.iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.change()));
    let shown = |v: Option<Fixed>| v.map(|v| fmt(v, u)).unwrap_or_else(|| "—".into());
    let parts: Vec<String> = rows
        .iter()
        .map(|r| {
            let change = r
                .change()
                .map(|c| format!(" ({})", signed(c, u)))
                .unwrap_or_default();
            format!("{} {} → {}{change}", r.name, shown(r.base), shown(r.latest))
        })
        .collect();
    let mut text = format!(
        "Chỉ tiêu {} ({baseline_year} → {year}): {}.",
        tu.no,
        parts.join("; ")
    );
    let up = rows
        .first()
        .filter(|r| r.change().is_some_and(|c| c > Fixed::ZERO));
    let down = rows
        .iter()
        .rev()
        .find(|r| r.change().is_some_and(|c| c < Fixed::ZERO));
    if let Some(r) = up {
        let c = r.change().unwrap_or(Fixed::ZERO);
        text.push_str(&format!(" Tăng nhiều nhất: {} ({}).", r.name, signed(c, u)));
    }
    if let Some(r) = down {
        let c = r.change().unwrap_or(Fixed::ZERO);
        text.push_str(&format!(" Giảm nhiều nhất: {} ({}).", r.name, signed(c, u)));
    }
    Paragraph(vec![t(text)])
}

/// The final assessment (báo cáo tổng kết): the assessment of every target, the ground the
/// figures are counted on (`territory`: the plan's unit and what it became), and each
/// target's figures by the units now making up that ground.
pub fn final_report(
    plan: &Plan,
    progress: &[TargetProgress],
    scope_name: &str,
    territory: &str,
    by_unit: &[TargetUnits],
) -> Document {
    let assessment = plan_assessment(plan, progress, scope_name);
    let mut sections = vec![Section {
        heading: "Địa bàn và số liệu".into(),
        paragraphs: vec![Paragraph(vec![t(territory.to_string())])],
    }];
    let mut rest = assessment.sections.into_iter();
    sections.extend(rest.by_ref().take(2));
    let mut paragraphs: Vec<Paragraph> = progress
        .iter()
        .filter_map(|p| {
            let tu = by_unit.iter().find(|b| b.no == p.target.no)?;
            Some(by_unit_paragraph(p, tu, plan.baseline_year))
        })
        .collect();
    if progress
        .iter()
        .any(|p| matches!(p.unit, Unit::Percent | Unit::MillionVnd | Unit::Services))
    {
        paragraphs.push(Paragraph(vec![t(
            "Số của từng đơn vị là số trên địa bàn của đơn vị đó; các số đếm cộng lại thành số \
             chung, còn tỷ lệ và bình quân của từng đơn vị thì không.",
        )]));
    }
    sections.push(Section {
        heading: "Kết quả theo đơn vị hành chính hiện nay".into(),
        paragraphs,
    });
    sections.extend(rest);
    for (i, s) in sections.iter_mut().enumerate() {
        s.heading = format!("{}. {}", i + 1, bare(&s.heading));
    }
    Document {
        title: format!("BÁO CÁO TỔNG KẾT THỰC HIỆN {}", plan.title.to_uppercase()),
        subtitle: assessment.subtitle,
        sections,
        footnotes: assessment.footnotes,
    }
}

/// One proposed target of the next plan, with what it was computed from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Proposal {
    pub target: Target,
    pub label_vi: String,
    pub unit: Unit,
    /// The value at the end of the new plan's baseline year.
    pub baseline: Option<Fixed>,
    /// The trend at the new plan's last year, with its range (± 1 standard error).
    pub trend: Option<(Fixed, Option<Fixed>, Option<Fixed>)>,
    /// The years the trend was drawn through.
    pub years: (i32, i32),
}

/// What the draft is drawn from, for one target of the old plan: its progress (label,
/// unit, flow) and its values on the chosen unit's ground, year by year.
pub struct Series<'a> {
    pub progress: &'a TargetProgress,
    pub values: Vec<(i32, Fixed)>,
}

fn rounded(v: Fixed, unit: Unit) -> Fixed {
    match unit {
        Unit::Percent | Unit::Services => v.round(1),
        Unit::MillionVnd => v.round(0),
        _ => v.round(0),
    }
}

/// The draft of the next plan for one unit: each target of the old plan proposed again, at
/// the trend of the unit's ground through the old period carried to the new plan's last year
/// (a flow: its yearly pace over the old period times the new plan's years), never below the
/// baseline in the good direction. Every target says it is a proposal.
pub fn draft_next(
    old: &Plan,
    unit_code: &str,
    unit_name: &str,
    (from, to): (i32, i32),
    series: &[Series<'_>],
) -> (Plan, Vec<Proposal>) {
    let baseline_year = from - 1;
    let mut proposals = Vec::new();
    for s in series {
        let p = s.progress;
        let u = p.unit;
        let old_t = &p.target;
        let higher = !matches!(old_t.comparator, Comparator::Le | Comparator::Lt);
        let first = s.values.first().map(|v| v.0).unwrap_or(baseline_year);
        let last = s.values.last().map(|v| v.0).unwrap_or(baseline_year);
        let at = |year: i32| s.values.iter().find(|(y, _)| *y == year).map(|v| v.1);
        // a flow's baseline is the baseline year's own count, not the old plan's total
        let baseline = match (p.flow, at(baseline_year)) {
            (true, Some(v)) => Some(match at(baseline_year - 1) {
                Some(before) => Fixed::from_micros(v.micros() - before.micros()),
                None => v,
            }),
            (_, v) => v,
        };
        let trend = if p.flow {
            // a cumulative count since the old plan began: its pace, over the new years
            let years = (last - old.from + 1).max(1) as i64;
            s.values.last().map(|(_, v)| {
                let pace = Fixed::from_micros(v.micros() / years);
                (
                    Fixed::from_micros(pace.micros() * (to - from + 1) as i64),
                    None,
                    None,
                )
            })
        } else {
            let pts: Vec<(f64, f64)> = s
                .values
                .iter()
                .map(|(y, v)| (*y as f64, v.to_f64()))
                .collect();
            if pts.len() >= 2 {
                project(&pts, to, old_t, u).map(|pr| (pr.value, pr.low, pr.high))
            } else {
                None
            }
        };
        // a target never asks for less than the baseline in the good direction
        let (value, held) = match (trend, baseline) {
            (Some((v, _, _)), Some(b)) if !p.flow => {
                let kept = if higher { v.max(b) } else { v.min(b) };
                (kept, kept != v)
            }
            (Some((v, _, _)), _) => (v, false),
            (None, Some(b)) => (b, false),
            (None, None) => (Fixed::ZERO, false),
        };
        let value = rounded(value, u);
        let comparator = if higher {
            Comparator::Ge
        } else {
            Comparator::Le
        };
        let range = match trend {
            Some((_, Some(lo), Some(hi))) if lo != hi => {
                format!(", khoảng {} – {}", fmt(lo, u), fmt(hi, u))
            }
            _ => String::new(),
        };
        let basis = match (trend, p.flow) {
            (None, _) => format!("không đủ số liệu để tính xu hướng; giữ mức năm {baseline_year}"),
            (Some(_), true) => format!("theo nhịp bình quân hằng năm {}–{last}", old.from),
            (Some((v, _, _)), false) if held => format!(
                "giữ mức năm {baseline_year}: xu hướng {first}–{last} đi ngược chiều (ước {} năm {to}{range})",
                fmt(v, u)
            ),
            (Some(_), false) => format!("theo xu hướng {first}–{last}{range}"),
        };
        let target = Target {
            no: old_t.no.clone(),
            wording: format!("{} (đề xuất)", p.label_vi),
            indicator: old_t.indicator.clone(),
            comparator,
            value,
            value_hi: None,
            baseline_indicator: None,
            milestones: Vec::new(),
            note: format!(
                "ĐỀ XUẤT {basis}; cơ quan xem xét, chỉnh sửa trước khi ban hành — không phải chỉ tiêu đã ban hành"
            ),
        };
        proposals.push(Proposal {
            target,
            label_vi: p.label_vi.clone(),
            unit: u,
            baseline,
            trend,
            years: (first, last),
        });
    }
    let plan = Plan {
        code: format!("KTTT-{unit_code}-{from}-{to}"),
        title: format!(
            "Kế hoạch phát triển kinh tế tập thể {unit_name} giai đoạn {from} – {to} (dự thảo)"
        ),
        issuer: String::new(),
        doc_no: String::new(),
        doc_date: None,
        from,
        to,
        baseline_year,
        scope: unit_code.to_string(),
        targets: proposals.iter().map(|p| p.target.clone()).collect(),
        offices: vec![],
        tasks: vec![],
    };
    (plan, proposals)
}

/// The draft as a text: what it is (a proposal), the baseline and each proposed target.
pub fn draft_document(plan: &Plan, proposals: &[Proposal], territory: &str) -> Document {
    let warning = format!(
        "Đây là dự thảo do hoptac đề xuất từ số liệu đã có, không phải văn bản đã ban hành. \
         Mỗi chỉ tiêu là một đề xuất theo xu hướng; cơ quan xem xét, điều chỉnh mức, lộ trình \
         và giải pháp trước khi trình ban hành. {territory}"
    );
    let baseline = proposals
        .iter()
        .map(|p| {
            let v = p
                .baseline
                .map(|v| with_unit(v, p.unit))
                .unwrap_or_else(|| "chưa có số liệu".into());
            Paragraph(vec![t(format!(
                "{}: {v} (năm {}).",
                p.label_vi, plan.baseline_year
            ))])
        })
        .collect();
    let targets = proposals
        .iter()
        .map(|p| {
            Paragraph(vec![t(format!(
                "Chỉ tiêu {}: {} — đề xuất đến năm {}: {}{}. {}.",
                p.target.no,
                p.label_vi,
                plan.to,
                p.target.describe(p.unit),
                match p.unit {
                    Unit::Percent => String::new(),
                    u => format!(" {}", u.label_vi()),
                },
                p.target.note
            ))])
        })
        .collect();
    Document {
        title: format!(
            "DỰ THẢO {}",
            plan.title.trim_end_matches(" (dự thảo)").to_uppercase()
        ),
        subtitle: format!(
            "Địa bàn: {} (mã {}). Năm gốc {}.",
            plan.title
                .split(" giai đoạn")
                .next()
                .and_then(|s| s.strip_prefix("Kế hoạch phát triển kinh tế tập thể "))
                .unwrap_or(&plan.scope),
            plan.scope,
            plan.baseline_year
        ),
        sections: vec![
            Section {
                heading: "1. Tính chất của dự thảo".into(),
                paragraphs: vec![Paragraph(vec![t(warning)])],
            },
            Section {
                heading: format!("2. Số liệu năm gốc {}", plan.baseline_year),
                paragraphs: baseline,
            },
            Section {
                heading: "3. Chỉ tiêu đề xuất".into(),
                paragraphs: targets,
            },
        ],
        footnotes: vec![],
    }
}

#[cfg(test)]
mod tests;
