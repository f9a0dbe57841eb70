//! One linkage project: what its decision approved, the cooperatives and contracts in it,
//! and the support approved beside the support paid (the disbursements naming it).

use crate::http::error::{WebError, render};
use crate::http::format::enc;
use crate::http::i18n::t;
use crate::http::layout::Page;
use crate::http::request::{Params, Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_core::date::to_vi;

pub(crate) struct PaidLine {
    pub code: String,
    pub day: String,
    pub org: String,
    pub amount: String,
    pub decision: String,
}

pub(crate) struct ContractRef {
    pub code: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "trace/project.html")]
pub(crate) struct ProjectPage {
    pub p: Page,
    pub code: String,
    pub name: String,
    pub lead: String,
    pub orgs: String,
    pub contracts: Vec<ContractRef>,
    pub area: String,
    pub households: String,
    pub investment: String,
    pub approved: String,
    pub paid: String,
    pub decision: String,
    pub term: String,
    pub disbursements: Vec<PaidLine>,
    pub can_edit: bool,
    /// `/trace/projects/{code}`, the code encoded.
    pub base: String,
    pub notice: String,
}

/// Đồng grouped as offices write them: 1.200.000.000 đ.
pub(super) fn dong(n: i64) -> String {
    format!("{} đ", hoptac_core::text::group_thousands(i128::from(n)))
}

pub(crate) async fn project_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let v = (st.app.project(u.actor(), &code).await).map_err(|e| WebError::new(l, e))?;
    let x = &v.project;
    // exact: the share paid of the support approved, to two decimals
    let share = hoptac_core::Fixed::ratio(
        i128::from(v.paid_vnd) * 100,
        i128::from(x.support_approved_vnd),
        2,
    )
    .map(|p| format!(" ({})", hoptac_core::report::pct_vi(p)))
    .unwrap_or_default();
    let r = ProjectPage {
        code: x.code.clone(),
        name: x.name.clone(),
        lead: x.lead.clone(),
        orgs: v.orgs.join(", "),
        contracts: (x.contracts.iter())
            .map(|k| ContractRef {
                code: k.clone(),
                href: format!("/trace/contracts/{}", enc(k)),
            })
            .collect(),
        area: x
            .area_ha
            .map(|a| format!("{} ha", a.format_vi(2, false)))
            .unwrap_or_default(),
        households: x.households.map(|n| n.to_string()).unwrap_or_default(),
        investment: dong(x.investment_vnd),
        approved: dong(x.support_approved_vnd),
        paid: format!("{}{share}", dong(v.paid_vnd)),
        decision: format!(
            "{}, {} ({})",
            x.decision,
            to_vi(x.approved_on),
            x.approved_by
        ),
        term: format!("{} – {}", to_vi(x.starts_on), to_vi(x.ends_on)),
        disbursements: (v.disbursements.iter())
            .map(|d| PaidLine {
                code: d.code.clone(),
                day: to_vi(d.paid_on),
                org: (x.orgs.iter().position(|o| *o == d.org))
                    .and_then(|i| v.orgs.get(i).cloned())
                    .unwrap_or_else(|| d.org.to_string()),
                amount: dong(d.amount_vnd),
                decision: d.decision.clone(),
            })
            .collect(),
        can_edit: v.can_edit,
        base: format!("/trace/projects/{}", enc(&x.code)),
        notice: match q.get("saved") {
            Some(_) => t(l, "saved").to_string(),
            None => String::new(),
        },
        p: page(&st, &u, l, "nav_trace").await,
    };
    Ok(render(&r))
}
