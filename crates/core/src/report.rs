//! The situation report (báo cáo tình hình): part A of the source plan, written from the
//! records. The text model is built here once; renderers turn it into Markdown or HTML (and
//! later Word and PDF), so every format says the same thing.

use crate::date::year_end;
use crate::fixed::Fixed;
use crate::indicator::{Engine, IndicatorValue, catalogue, find};
use crate::model::{AdminUnit, Organization, Snapshot};
use crate::text::group_thousands;
use crate::types::*;

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// A figure computed by an indicator, kept apart so renderers can link it to its records.
    Figure {
        text: String,
        indicator: String,
    },
    /// A reference to footnote `n` (1-based).
    Note(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph(pub Vec<Inline>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
    pub footnotes: Vec<String>,
}

/// Counts the way Vietnamese administrative texts write them: 02, 07/19, 2.697.
pub fn count_vi(n: Fixed) -> String {
    let i = n.round(0).micros() / 1_000_000;
    // the official style writes 02, 05; a zero is 0, not "00" (sentences say "không … nào")
    if (1..10).contains(&i) {
        format!("0{i}")
    } else {
        group_thousands(i as i128)
    }
}

pub fn money_vi(n: Fixed) -> String {
    n.format_vi(2, false)
}

pub fn pct_vi(n: Fixed) -> String {
    format!("{}%", n.format_vi(2, true))
}

/// "tăng 6,67% so với năm 2016", "giảm 8,70% …", "đạt 192,92% …" (for growth above 50 %,
/// as the source writes it) or "không đổi …"; empty without a base.
pub fn change_phrase(v: &IndicatorValue, base_year: i32) -> String {
    let (Some(c), Some(r)) = (v.change_pct, v.ratio_pct) else {
        return String::new();
    };
    let fifty = Fixed::from_int(50);
    if c > fifty {
        format!("đạt {} so với năm {base_year}", pct_vi(r))
    } else if c.is_positive() {
        format!("tăng {} so với năm {base_year}", pct_vi(c))
    } else if c < Fixed::ZERO {
        format!(
            "giảm {} so với năm {base_year}",
            pct_vi(Fixed::from_micros(-c.micros()))
        )
    } else {
        format!("không đổi so với năm {base_year}")
    }
}

struct Writer<'a> {
    values: &'a [IndicatorValue],
    from: i32,
    notes: Vec<String>,
}

impl Writer<'_> {
    fn v(&self, id: &str) -> IndicatorValue {
        find(self.values, id).cloned().unwrap_or(IndicatorValue {
            id: id.into(),
            value: None,
            base: None,
            change_pct: None,
            ratio_pct: None,
        })
    }
    fn fig(&self, id: &str, f: fn(Fixed) -> String) -> Inline {
        let text = self
            .v(id)
            .value
            .map(f)
            .unwrap_or_else(|| "(chưa có số liệu)".to_string());
        Inline::Figure {
            text,
            indicator: id.to_string(),
        }
    }
    fn change(&self, id: &str) -> Option<Inline> {
        let p = change_phrase(&self.v(id), self.from);
        (!p.is_empty()).then(|| Inline::Text(format!(" ({p})")))
    }
    fn note(&mut self, text: String) -> Inline {
        self.notes.push(text);
        Inline::Note(self.notes.len())
    }
}

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn area_word(scope: Option<&AdminUnit>) -> &'static str {
    match scope.map(|u| u.level) {
        Some(AdminLevel::Province) => "tỉnh",
        Some(AdminLevel::District) => "huyện",
        Some(AdminLevel::Commune) => "xã",
        None => "địa bàn",
    }
}

fn names(orgs: &[&Organization]) -> String {
    let mut v: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
    v.sort_by_key(|n| crate::text::fold(n));
    format!("{}.", v.join(", "))
}

/// Writes part A for a period and a scope. `snap` must already be restricted to the scope.
pub fn situation(snap: &Snapshot, scope: Option<&AdminUnit>, from: i32, to: i32) -> Document {
    let values = crate::indicator::evaluate_all(snap, from, to);
    let engine = Engine::new(snap);
    let mut w = Writer {
        values: &values,
        from,
        notes: Vec::new(),
    };
    let area = area_word(scope);
    let end = year_end(to);
    let active = |kind: OrgKind, sector: Option<Sector>| -> Vec<&Organization> {
        snap.orgs
            .iter()
            .filter(|o| o.kind == kind && o.active_on(end) && sector.is_none_or(|s| o.sector == s))
            .collect()
    };

    // 1. Cooperatives
    let mut htx = Vec::new();
    // "trên địa bàn huyện"; with no scope, just "trên địa bàn"
    let ground = if scope.is_some() {
        format!(" {area}")
    } else {
        String::new()
    };
    // a count of none is said in words ("không … nào"), never written "00"
    let none = |id: &str| w.v(id).value.is_some_and(|v| v == Fixed::ZERO);
    // the ground ends the first piece: a note on it (the ground compared across a reform)
    // goes right after it
    let mut p = vec![t(format!(
        "Trong giai đoạn {from} – {to}, trên địa bàn{ground}"
    ))];
    if none("htx.founded") {
        p.push(t(" không thành lập mới hợp tác xã (HTX) nào"));
    } else {
        p.extend([
            t(" đã thành lập mới "),
            w.fig("htx.founded", count_vi),
            t(" hợp tác xã (HTX)"),
        ]);
    }
    if none("htx.dissolved") {
        p.push(t(", không có HTX nào hoàn thành giải thể"));
    } else {
        p.extend([
            t(", hoàn thành giải thể "),
            w.fig("htx.dissolved", count_vi),
            t(" HTX"),
        ]);
    }
    if none("htx.active") {
        p.push(t(format!(
            ". Hiện tại, toàn {area} không có HTX nào đang hoạt động"
        )));
    } else {
        p.extend([
            t(format!(". Hiện tại, toàn {area} có ")),
            w.fig("htx.active", count_vi),
            t(" HTX đang hoạt động"),
        ]);
    }
    p.extend(w.change("htx.active"));
    let sectors: Vec<(Sector, Vec<&Organization>)> = Sector::all()
        .iter()
        .map(|s| (*s, active(OrgKind::Htx, Some(*s))))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if !sectors.is_empty() {
        p.push(t(". Trong đó, có "));
        let n = sectors.len();
        for (i, (s, orgs)) in sectors.iter().enumerate() {
            if i > 0 {
                p.push(t(if i + 1 == n { " và " } else { ", " }));
            }
            p.push(w.fig(&format!("htx.active.by_sector.{}", s.code()), count_vi));
            p.push(t(format!(" HTX lĩnh vực {}", s.label_vi().to_lowercase())));
            let note = w.note(names(orgs));
            p.push(note);
        }
    }
    p.push(t("."));
    htx.push(Paragraph(p));

    let mut p = vec![
        t("Tổng số thành viên HTX là "),
        w.fig("htx.members", count_vi),
        t(" người"),
    ];
    p.extend(w.change("htx.members"));
    p.extend([
        t(". Trong đó, số lượng thành viên mới gia nhập "),
        w.fig("htx.members_joined", count_vi),
        t(" người. Tổng số lao động làm việc thường xuyên trong HTX là "),
        w.fig("htx.workers", count_vi),
        t(" lao động."),
    ]);
    htx.push(Paragraph(p));

    let mut p = vec![
        t("Doanh thu bình quân của HTX là "),
        w.fig("htx.revenue_avg", money_vi),
        t(" triệu đồng/năm"),
    ];
    p.extend(w.change("htx.revenue_avg"));
    p.extend([
        t(", lợi nhuận bình quân đối với HTX đạt "),
        w.fig("htx.profit_avg", money_vi),
        t(" triệu đồng/năm"),
    ]);
    p.extend(w.change("htx.profit_avg"));
    p.extend([
        t(". Thu nhập bình quân của thành viên HTX là "),
        w.fig("htx.member_income_avg", money_vi),
        t(" triệu đồng/năm."),
    ]);
    htx.push(Paragraph(p));

    let agri = active(OrgKind::Htx, Some(Sector::Agriculture));
    if !agri.is_empty() {
        let multi: Vec<&Organization> = agri
            .iter()
            .copied()
            .filter(|o| {
                engine
                    .report(&o.code, to)
                    .is_some_and(|r| r.figures.services.len() >= 3)
            })
            .collect();
        let mut p = vec![
            t(format!("{} có ", capitalize(area))),
            w.fig("htx.agri.multiservice3", count_vi),
            t(format!(
                "/{} HTX nông nghiệp đang thực hiện từ 03 dịch vụ trở lên",
                count_vi(Fixed::from_int(agri.len() as i64))
            )),
        ];
        if !multi.is_empty() {
            let note = w.note(names(&multi));
            p.push(note);
        }
        if multi.len() < agri.len() {
            p.push(t("; các HTX còn lại thực hiện dưới 03 dịch vụ"));
        }
        p.push(t("."));
        htx.push(Paragraph(p));
    }

    // 2. Cooperative groups
    let mut tht = Vec::new();
    let mut p = if w.v("tht.active").value.is_some_and(|v| v == Fixed::ZERO) {
        vec![t(format!(
            "{} hiện không có tổ hợp tác (THT) nào",
            capitalize(area)
        ))]
    } else {
        vec![
            t(format!("{} hiện có ", capitalize(area))),
            w.fig("tht.active", count_vi),
            t(" tổ hợp tác (THT)"),
        ]
    };
    p.extend(w.change("tht.active"));
    let tht_sectors: Vec<(Sector, usize)> = Sector::all()
        .iter()
        .map(|s| (*s, active(OrgKind::Tht, Some(*s)).len()))
        .filter(|(_, n)| *n > 0)
        .collect();
    if !tht_sectors.is_empty() {
        p.push(t(". Trong đó, có "));
        for (i, (s, _)) in tht_sectors.iter().enumerate() {
            if i > 0 {
                p.push(t(", "));
            }
            p.push(w.fig(&format!("tht.active.by_sector.{}", s.code()), count_vi));
            p.push(t(format!(" THT {}", sector_phrase(*s))));
        }
    }
    p.push(t("."));
    tht.push(Paragraph(p));

    let mut p = vec![
        t("Tổng số thành viên THT là "),
        w.fig("tht.members", count_vi),
        t(" người"),
    ];
    p.extend(w.change("tht.members"));
    p.extend([
        t(", số lượng thành viên mới gia nhập "),
        w.fig("tht.members_joined", count_vi),
        t(" người. Tổng số lao động làm việc thường xuyên trong THT là "),
        w.fig("tht.workers", count_vi),
        t(" lao động."),
    ]);
    tht.push(Paragraph(p));

    let mut p = vec![
        t("Doanh thu bình quân của THT khoảng "),
        w.fig("tht.revenue_avg", money_vi),
        t(" triệu đồng/năm"),
    ];
    p.extend(w.change("tht.revenue_avg"));
    p.extend([
        t(", lợi nhuận bình quân đối với THT đạt "),
        w.fig("tht.profit_avg", money_vi),
        t(" triệu đồng/năm"),
    ]);
    p.extend(w.change("tht.profit_avg"));
    p.push(t("."));
    tht.push(Paragraph(p));

    let groups = active(OrgKind::Tht, None);
    if !groups.is_empty() {
        let rating = |o: &Organization| engine.report(&o.code, to).and_then(|r| r.figures.rating);
        let good: Vec<&Organization> = groups
            .iter()
            .copied()
            .filter(|o| rating(o).is_some_and(|r| r >= Rating::Kha))
            .collect();
        let mut p = vec![
            t(format!("{} có ", capitalize(area))),
            w.fig("tht.rated_kha_or_better", count_vi),
            t(format!(
                "/{} THT hoạt động khá trở lên, đạt ",
                count_vi(Fixed::from_int(groups.len() as i64))
            )),
            w.fig("tht.rated_kha_or_better_pct", pct_vi),
        ];
        let by_sector: Vec<String> = Sector::all()
            .iter()
            .map(|s| (s, good.iter().filter(|o| o.sector == *s).count()))
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| {
                format!(
                    "{} THT {}",
                    count_vi(Fixed::from_int(n as i64)),
                    sector_phrase(*s)
                )
            })
            .collect();
        if !by_sector.is_empty() {
            p.push(t(format!(" (trong đó, có {})", by_sector.join(", "))));
        }
        let rest: Vec<String> = [
            (Some(Rating::TrungBinh), "hoạt động trung bình"),
            (Some(Rating::Yeu), "hoạt động yếu"),
            (None, "chưa được xếp loại"),
        ]
        .iter()
        .map(|(r, label)| (groups.iter().filter(|o| rating(o) == *r).count(), label))
        .filter(|(n, _)| *n > 0)
        .map(|(n, label)| format!("{} THT {label}", count_vi(Fixed::from_int(n as i64))))
        .collect();
        if !rest.is_empty() {
            p.push(t(format!("; số còn lại: {}", rest.join(", "))));
        }
        p.push(t("."));
        tht.push(Paragraph(p));
    }

    // 3. General figures
    let mut general = Vec::new();
    let stock_check = |kind: &str| -> Paragraph {
        let cat = catalogue();
        let d = |id: &str| {
            cat.iter()
                .find(|d| d.id == id)
                .cloned()
                .expect("core indicator")
        };
        let start = engine
            .at(&d(&format!("{kind}.active")), from - 1)
            .unwrap_or_default();
        let founded = engine
            .evaluate(&d(&format!("{kind}.founded")), from, to)
            .value
            .unwrap_or_default();
        let dissolved = engine
            .evaluate(&d(&format!("{kind}.dissolved")), from, to)
            .value
            .unwrap_or_default();
        let end_v = engine
            .at(&d(&format!("{kind}.active")), to)
            .unwrap_or_default();
        let sum = Fixed::from_micros(start.micros() + founded.micros() - dissolved.micros());
        let ok = if sum == end_v {
            "khớp"
        } else {
            "KHÔNG khớp, cần rà soát số liệu"
        };
        Paragraph(vec![t(format!(
            "Đối chiếu số {}: đầu kỳ (cuối năm {}) {} + thành lập {} − giải thể {} = {}; cuối kỳ {} ({ok}).",
            kind.to_uppercase(),
            from - 1,
            count_vi(start),
            count_vi(founded),
            count_vi(dissolved),
            count_vi(sum),
            count_vi(end_v)
        ))])
    };
    let mut p = vec![
        t("Thu nhập bình quân của lao động thường xuyên trong HTX là "),
        w.fig("htx.worker_income_avg", money_vi),
        t(" triệu đồng/năm; bình quân mỗi HTX thực hiện "),
    ];
    p.extend([
        w.fig("htx.services_avg", money_vi),
        t(" dịch vụ; tỷ lệ HTX nông nghiệp hoạt động có lãi là "),
        w.fig("htx.agri.profitable_pct", pct_vi),
        t("."),
    ]);
    general.push(Paragraph(p));
    general.push(Paragraph(vec![
        t("Tỷ lệ cán bộ quản lý HTX có trình độ chuyên môn từ trung cấp trở lên là "),
        w.fig("htx.managers.qualified_pct", pct_vi),
        t(format!("; tỷ lệ cán bộ quản lý, cán bộ chuyên môn HTX và THT được bồi dưỡng trong giai đoạn {} – {to} là ", to - 4)),
        w.fig("htx.managers.trained_pct", pct_vi),
        t("."),
    ]));
    general.push(stock_check("htx"));
    general.push(stock_check("tht"));

    let scope_name = scope
        .map(|u| u.name.clone())
        .unwrap_or_else(|| "Toàn bộ dữ liệu".into());
    Document {
        title: format!(
            "ĐÁNH GIÁ TÌNH HÌNH PHÁT TRIỂN KINH TẾ TẬP THỂ, HỢP TÁC XÃ GIAI ĐOẠN {from} – {to}"
        ),
        subtitle: format!(
            "Địa bàn: {scope_name}. Số liệu tổng hợp từ cơ sở dữ liệu hoptac; số liệu thời điểm (số tổ chức, thành viên, lao động) tính đến ngày 31/12."
        ),
        sections: vec![
            Section {
                heading: "1. Về Hợp tác xã".into(),
                paragraphs: htx,
            },
            Section {
                heading: "2. Về tổ hợp tác".into(),
                paragraphs: tht,
            },
            Section {
                heading: "3. Một số chỉ tiêu chung".into(),
                paragraphs: general,
            },
        ],
        footnotes: w.notes,
    }
}

fn sector_phrase(s: Sector) -> String {
    match s {
        Sector::Other => "lĩnh vực khác".into(),
        s => s.label_vi().to_lowercase(),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| SUPERSCRIPTS[c.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// Markdown, with footnote markers as the source document prints them (¹ ² ³).
pub fn render_md(d: &Document) -> String {
    let mut s = format!("# {}\n\n_{}_\n", d.title, d.subtitle);
    for sec in &d.sections {
        s.push_str(&format!("\n## {}\n\n", sec.heading));
        for p in &sec.paragraphs {
            s.push_str("- ");
            for i in &p.0 {
                match i {
                    Inline::Text(x) | Inline::Figure { text: x, .. } => s.push_str(x),
                    Inline::Note(n) => s.push_str(&superscript(*n)),
                }
            }
            s.push('\n');
        }
    }
    if !d.footnotes.is_empty() {
        s.push_str("\n---\n\n");
        for (i, n) in d.footnotes.iter().enumerate() {
            s.push_str(&format!("{} {}\n\n", superscript(i + 1), n));
        }
    }
    s
}

pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// An HTML fragment; each figure links to `figure_link(indicator id)`, so a reader can see
/// the records behind a number.
pub fn render_html(d: &Document, figure_link: &dyn Fn(&str) -> String) -> String {
    let mut s = format!(
        "<article class=\"report\"><h1>{}</h1><p class=\"subtitle\"><em>{}</em></p>",
        escape_html(&d.title),
        escape_html(&d.subtitle)
    );
    for sec in &d.sections {
        s.push_str(&format!("<h2>{}</h2>", escape_html(&sec.heading)));
        for p in &sec.paragraphs {
            s.push_str("<p>- ");
            for i in &p.0 {
                match i {
                    Inline::Text(x) => s.push_str(&escape_html(x)),
                    Inline::Figure { text, indicator } => s.push_str(&format!(
                        "<a class=\"fig\" href=\"{}\" title=\"{}\">{}</a>",
                        escape_html(&figure_link(indicator)),
                        escape_html(indicator),
                        escape_html(text)
                    )),
                    Inline::Note(n) => s.push_str(&format!(
                        "<sup><a href=\"#fn{n}\" id=\"r{n}\">{n}</a></sup>"
                    )),
                }
            }
            s.push_str("</p>");
        }
    }
    if !d.footnotes.is_empty() {
        s.push_str("<hr><ol class=\"footnotes\">");
        for (i, n) in d.footnotes.iter().enumerate() {
            s.push_str(&format!("<li id=\"fn{}\">{}</li>", i + 1, escape_html(n)));
        }
        s.push_str("</ol>");
    }
    s.push_str("</article>");
    s
}

/// The part of a review report that goes target by target: what was planned, what was
/// achieved, whether it was met, with the figures (báo cáo đánh giá kết quả thực hiện kế hoạch).
pub fn plan_assessment(
    plan: &crate::plan::Plan,
    progress: &[crate::plan::TargetProgress],
    scope_name: &str,
) -> Document {
    use crate::plan::{Status, fmt};
    let latest_year = progress
        .iter()
        .filter_map(|p| p.latest.as_ref().map(|l| l.year))
        .max();
    let count = |pred: &dyn Fn(Status) -> bool| {
        progress
            .iter()
            .filter(|p| {
                pred(
                    p.latest
                        .as_ref()
                        .map(|l| l.status)
                        .unwrap_or(Status::NoData),
                )
            })
            .count()
    };
    let n = |k: usize| {
        if k == 0 {
            "0".to_string()
        } else {
            count_vi(Fixed::from_int(k as i64))
        }
    };
    let mut summary = vec![t(format!(
        "Kế hoạch đặt {} chỉ tiêu cụ thể cho giai đoạn {} – {} (năm gốc {}).",
        n(progress.len()),
        plan.from,
        plan.to,
        plan.baseline_year
    ))];
    if let Some(y) = latest_year {
        summary.push(t(format!(
            " Tính đến năm {y} (năm gần nhất có số liệu): {} chỉ tiêu đạt hoặc vượt, {} đúng tiến độ, {} chậm tiến độ, {} không đạt, {} chưa có số liệu.",
            n(count(&|s| matches!(s, Status::Met | Status::Exceeded))),
            n(count(&|s| s == Status::OnTrack)),
            n(count(&|s| s == Status::Behind)),
            n(count(&|s| s == Status::Missed)),
            n(count(&|s| s == Status::NoData)),
        )));
    }
    let mut items = Vec::new();
    let mut notes = Vec::new();
    for p in progress {
        let u = p.unit;
        let tg = &p.target;
        let mut para = vec![t(format!(
            "Chỉ tiêu {}: {} — mục tiêu {}{}. ",
            tg.no,
            tg.wording,
            tg.describe(u),
            match u {
                crate::indicator::Unit::Percent => String::new(),
                u => format!(" {}", u.label_vi()),
            }
        ))];
        match (&p.latest, p.baseline) {
            (Some(l), base) => {
                let v = l.value.map(|v| fmt(v, u)).unwrap_or_default();
                let base_text = match base {
                    Some(b) if !p.flow => {
                        format!(" (năm gốc {}: {})", plan.baseline_year, fmt(b, u))
                    }
                    _ if p.flow => format!(" (cộng dồn từ năm {})", plan.from),
                    _ => String::new(),
                };
                para.push(Inline::Figure {
                    text: format!("Kết quả năm {}: {v}{base_text}", l.year),
                    indicator: tg.indicator.clone(),
                });
                para.push(t(format!(
                    "; đánh giá: {}",
                    l.status.label_vi().to_lowercase()
                )));
                match l
                    .share_pct
                    .filter(|_| !matches!(l.status, Status::Met | Status::Exceeded))
                {
                    Some(sh) if sh < Fixed::ZERO => para.push(t(", còn thấp hơn năm gốc")),
                    Some(sh) => para.push(t(format!(
                        ", đạt {} chặng đường từ năm gốc đến mục tiêu",
                        pct_vi(sh)
                    ))),
                    None => {}
                }
                para.push(t("."));
                if let Some(pr) = &p.projection {
                    let range = match (pr.low, pr.high) {
                        (Some(lo), Some(hi)) if lo != hi => {
                            format!(" (khoảng {} – {})", fmt(lo, u), fmt(hi, u))
                        }
                        _ => String::new(),
                    };
                    para.push(t(format!(
                        " Ước năm {}: {}{range}, {}.",
                        pr.year,
                        fmt(pr.value, u),
                        if pr.meets {
                            "có khả năng đạt"
                        } else {
                            "có nguy cơ không đạt"
                        }
                    )));
                }
            }
            (None, _) => para.push(t("Chưa có số liệu để đánh giá.")),
        }
        items.push(Paragraph(para));
        for c in &p.checks {
            notes.push(Paragraph(vec![t(format!(
                "Chỉ tiêu {}: {}",
                tg.no,
                c.vi()
            ))]));
        }
    }
    let mut sections = vec![
        Section {
            heading: "1. Tổng quát".into(),
            paragraphs: vec![Paragraph(summary)],
        },
        Section {
            heading: "2. Kết quả từng chỉ tiêu".into(),
            paragraphs: items,
        },
    ];
    if !notes.is_empty() {
        sections.push(Section {
            heading: "3. Lưu ý về chỉ tiêu và số liệu".into(),
            paragraphs: notes,
        });
    }
    Document {
        title: format!("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN {}", plan.title.to_uppercase()),
        subtitle: format!(
            "{}{}. Địa bàn: {scope_name}. Dự báo: {}.",
            plan.issuer,
            if plan.doc_no.is_empty() {
                String::new()
            } else {
                format!(", số {}", plan.doc_no)
            },
            crate::plan::projection_method().vi()
        ),
        sections,
        footnotes: vec![],
    }
}

#[cfg(test)]
mod tests;
