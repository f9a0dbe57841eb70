//! The year's evaluations of cooperatives (đánh giá, xếp loại): who is at which step, with
//! what total and rating, who is not rated and why. One sheet is `evaluation_sheet`.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::i18n::Lang;
use crate::http::layout::Page;
use crate::http::paging::{PER_PAGE, Paged};
use crate::http::request::Params;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_core::evaluation::State as Step;
use hoptac_core::rubric::RatingOutcome;

pub(crate) struct Row {
    pub code: String,
    pub name: String,
    pub commune: String,
    pub total: String,
    pub rating: String,
    pub state: String,
    pub submitted: String,
    pub late: bool,
    pub adjusted: usize,
    pub scale: String,
    pub excluded: String,
}

#[derive(askama::Template)]
#[template(path = "evaluation/evaluations.html")]
pub(crate) struct EvaluationsPage {
    pub p: Page,
    /// Stored sheets that cannot be read: named here, left out of the list.
    pub unreadable: Vec<String>,
    pub year: i32,
    pub years: Vec<i32>,
    /// Fifty rows a page: a province has a thousand HTX, the country 35.000.
    pub rows: Paged<Row>,
    /// The name or code asked for (`?q=`), diacritics ignored.
    pub q: String,
    /// (rating, count) among approved sheets, best first.
    pub summary: Vec<(String, usize)>,
    pub summary_table: Option<SummaryTable>,
    pub rubric: String,
    /// `?rubric=…` for the links, empty for the default rubric.
    pub rubric_q: String,
    pub rubric_ids: Vec<String>,
}

/// The year's summary as the page shows it: counts per commune, per year, who fell.
pub(crate) struct SummaryTable {
    /// (label, HTX counts, THT counts), the total last; only the total when there are more
    /// than [`MAX_COMMUNES`] (`hidden` says how many).
    pub communes: Vec<(String, Vec<String>, Vec<String>)>,
    pub hidden: String,
    /// The same by sector.
    pub sectors: Vec<(String, Vec<String>, Vec<String>)>,
    pub years: Vec<(i32, Vec<String>, Vec<String>)>,
    /// Approved ratings by year, stacked (SVG).
    pub chart: String,
    /// "code name (commune): from → to", the first [`MAX_FELL`]; `fell_more` counts the rest.
    pub fell: Vec<String>,
    pub fell_more: String,
}

pub(crate) fn counts_cells(c: &hoptac_app::evaluation_summary::RatingCounts) -> Vec<String> {
    vec![
        c.tot.to_string(),
        c.kha.to_string(),
        c.trung_binh.to_string(),
        c.yeu.to_string(),
        c.not_rated.to_string(),
        c.pending.to_string(),
        c.kha_or_better_pct()
            .map(|p| format!("{} %", p.format_vi(2, true)))
            .unwrap_or_default(),
    ]
}

/// Above this many communes the table by commune is a download, not a page: a country has
/// 6.562 (2,3 MB of HTML), a province after the reform about a hundred.
const MAX_COMMUNES: usize = 400;

/// Organisations that fell a rating, listed on the page (a country had 26.495 in one year:
/// 1,9 MB of HTML); the downloaded summary lists them all.
const MAX_FELL: usize = 100;

pub(crate) fn summary_table(
    l: Lang,
    s: &hoptac_app::evaluation_summary::EvaluationSummary,
) -> SummaryTable {
    let too_many = s.by_commune.len() > MAX_COMMUNES;
    let mut communes: Vec<_> = s
        .by_commune
        .iter()
        .filter(|_| !too_many)
        .map(|r| (r.label.clone(), counts_cells(&r.htx), counts_cells(&r.tht)))
        .collect();
    communes.push((
        crate::http::i18n::t(l, "total").to_string(),
        counts_cells(&s.htx),
        counts_cells(&s.tht),
    ));
    let mut sectors: Vec<_> = s
        .by_sector
        .iter()
        .map(|r| (r.label.clone(), counts_cells(&r.htx), counts_cells(&r.tht)))
        .collect();
    sectors.push((
        crate::http::i18n::t(l, "total").to_string(),
        counts_cells(&s.htx),
        counts_cells(&s.tht),
    ));
    SummaryTable {
        hidden: if too_many {
            hoptac_core::text::group_thousands(s.by_commune.len() as i128)
        } else {
            String::new()
        },
        chart: hoptac_app::documents::rating_chart(s),
        sectors,
        communes,
        years: s
            .years
            .iter()
            .map(|(y, h, t)| (*y, counts_cells(h), counts_cells(t)))
            .collect(),
        fell_more: if s.fell.len() > MAX_FELL {
            hoptac_core::text::group_thousands((s.fell.len() - MAX_FELL) as i128)
        } else {
            String::new()
        },
        fell: s
            .fell
            .iter()
            .take(MAX_FELL)
            .map(|f| {
                format!(
                    "{} {} ({}): {} → {}",
                    f.org,
                    f.name,
                    f.commune,
                    f.from.label(l.code()),
                    f.to.label(l.code())
                )
            })
            .collect(),
    }
}

pub(crate) fn state_label(l: Lang, s: Option<Step>) -> &'static str {
    match s {
        None => crate::http::i18n::t(l, "no_sheet"),
        Some(s) => l.pick(s.label_vi(), s.label_en()),
    }
}

pub(crate) async fn evaluations(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let this_year = hoptac_app::today().year();
    // the year whose sheets were due last December, unless asked for another
    let year = q
        .get("year")
        .and_then(|y| y.trim().parse::<i32>().ok())
        .filter(|y| (2020..=this_year).contains(y))
        .unwrap_or(this_year - 1);
    let rubric = q
        .get("rubric")
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let rubric_ids: Vec<String> = st
        .app
        .rubric_book()
        .await
        .map_err(|e| WebError::new(l, e))?
        .ids()
        .into_iter()
        .map(String::from)
        .collect();
    // the summary counts approved TT01 sheets: shown with the default rubric only, and not
    // to a cooperative's own account (it sees its own line)
    let own_only = matches!(u.actor().account.scope, hoptac_core::auth::Scope::Org(_));
    let scope = crate::http::request::scope_param(&st, &u, &q)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let scope = Some(scope.as_str()).filter(|s| !s.is_empty());
    let summary_table = if !own_only
        && rubric
            .as_deref()
            .is_none_or(|r| r == hoptac_app::evaluation::DEFAULT_RUBRIC)
    {
        let s = st
            .app
            .evaluation_summary(u.actor(), year, scope)
            .await
            .map_err(|e| WebError::new(l, e))?;
        Some(summary_table(l, &s))
    } else {
        None
    };
    let rows = st
        .app
        .evaluations(u.actor(), year, scope, rubric.as_deref())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let summary = hoptac_app::evaluation::approved_by_rating(&rows)
        .into_iter()
        .map(|(k, v)| (k.label(l.code()).to_string(), v))
        .collect();
    let needle = hoptac_core::text::fold(q.get("q").map(|s| s.trim()).unwrap_or(""));
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| {
            needle.is_empty()
                || hoptac_core::text::fold(r.org.as_str()).contains(&needle)
                || hoptac_core::text::fold(&r.name).contains(&needle)
        })
        .collect();
    let rows = Paged::of(
        &rows,
        PER_PAGE,
        "/evaluations",
        "page",
        &q,
        "evaluations",
        |r| {
            let rating = match r.rating {
                Some(RatingOutcome::Rated(x)) => x.label(l.code()).to_string(),
                Some(RatingOutcome::Unknown) => "?".into(),
                None => String::new(),
            };
            Row {
                code: r.org.to_string(),
                name: r.name.clone(),
                commune: r.commune.clone(),
                total: r.total.map(|t| t.format_vi(2, false)).unwrap_or_default(),
                rating,
                state: state_label(l, r.state).to_string(),
                submitted: r
                    .submitted_on
                    .map(hoptac_core::date::to_vi)
                    .unwrap_or_default(),
                late: r.late,
                adjusted: r.adjusted,
                scale: [
                    r.member_scale.map(|s| s.label_vi().to_string()),
                    r.capital_scale.map(|s| format!("vốn: {}", s.label_vi())),
                    r.classification.supply.map(|s| s.label_vi().to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
                excluded: r.excluded.as_ref().map(|m| m.render(l)).unwrap_or_default(),
            }
        },
    );
    let unreadable = st
        .app
        .unreadable_evaluations()
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(render(&EvaluationsPage {
        p: page(&st, &u, l, "nav_evaluations").await,
        unreadable,
        year,
        years: (2020..=this_year).rev().collect(),
        rows,
        q: q.get("q").map(|s| s.trim().to_string()).unwrap_or_default(),
        summary,
        summary_table,
        rubric_q: rubric
            .as_ref()
            .filter(|r| r.as_str() != hoptac_app::evaluation::DEFAULT_RUBRIC)
            .map(|r| format!("?rubric={r}"))
            .unwrap_or_default(),
        rubric: rubric.unwrap_or_else(|| hoptac_app::evaluation::DEFAULT_RUBRIC.to_string()),
        rubric_ids,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoptac_app::evaluation_summary::{EvaluationSummary, RatingCounts, SummaryRow};

    fn summary(communes: usize) -> EvaluationSummary {
        EvaluationSummary {
            year: 2025,
            scope: String::new(),
            htx: RatingCounts::default(),
            tht: RatingCounts::default(),
            by_commune: (0..communes)
                .map(|i| SummaryRow {
                    label: format!("Xã {i}"),
                    htx: RatingCounts::default(),
                    tht: RatingCounts::default(),
                })
                .collect(),
            by_sector: Vec::new(),
            years: Vec::new(),
            fell: Vec::new(),
        }
    }

    /// A country's 6.562 communes are a download, not a page; a province's are a table.
    #[test]
    fn the_table_by_commune_is_shown_up_to_a_readable_size() {
        let t = summary_table(Lang::Vi, &summary(MAX_COMMUNES));
        assert_eq!(
            t.communes.len(),
            MAX_COMMUNES + 1,
            "every commune and the total"
        );
        assert!(t.hidden.is_empty());
        let t = summary_table(Lang::Vi, &summary(6562));
        assert_eq!(t.communes.len(), 1, "the total only");
        assert_eq!(t.communes[0].0, "Tổng cộng");
        assert_eq!(t.hidden, "6.562");
        assert!(t.fell_more.is_empty());
    }

    /// A country's thousands who fell a rating are a count and a download past the first hundred.
    #[test]
    fn those_who_fell_are_listed_up_to_a_hundred() {
        use hoptac_core::Rating;
        let mut s = summary(3);
        s.fell = (0..150)
            .map(|i| hoptac_app::evaluation_summary::Fell {
                org: hoptac_core::OrgCode::parse(&format!("HTX-{i:03}")).unwrap(),
                kind: hoptac_core::types::OrgKind::Htx,
                name: format!("HTX {i}"),
                commune: "Xã A".into(),
                from: Rating::Kha,
                to: Rating::TrungBinh,
            })
            .collect();
        let t = summary_table(Lang::Vi, &s);
        assert_eq!(t.fell.len(), MAX_FELL);
        assert!(
            t.fell[0].starts_with("HTX-000 HTX 0 (Xã A)"),
            "{}",
            t.fell[0]
        );
        assert_eq!(t.fell_more, "50");
    }
}
