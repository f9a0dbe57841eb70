//! Traceability and linkage in the browser: the linkage contracts an account reads with
//! where each stands today, the lots with their trace and the QR code of their public page,
//! the planting areas, the linkage projects with the support paid under them; a lot's EPCIS
//! 2.0 document to download; the delivery form.

mod contract_form;
mod contract_page;
mod delivery_form;
mod epcis_import;
mod event_form;
mod facility_form;
mod inputs;
mod lot_form;
mod project_form;
mod project_page;

use crate::http::error::{WebError, render};
use crate::http::format::enc;
use crate::http::i18n::t;
use crate::http::layout::Page;
use crate::http::request::{Params, Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use axum::routing::get;
use hoptac_core::date::to_vi;
use inputs::standing_class;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/trace", get(list_page))
        .route(
            "/trace/lots/new",
            get(lot_form::new_form).post(lot_form::create),
        )
        .route("/trace/lots/{product}/{lot}", get(lot_page))
        .route(
            "/trace/lots/{product}/{lot}/edit",
            get(lot_form::edit_form).post(lot_form::update),
        )
        .route(
            "/trace/lots/{product}/{lot}/remove",
            get(lot_form::remove_form).post(lot_form::remove),
        )
        .route("/trace/lots/{product}/{lot}/epcis.json", get(lot_epcis))
        .route(
            "/trace/lots/{product}/{lot}/events/new",
            get(event_form::new_form).post(event_form::create),
        )
        .route(
            "/trace/events/{code}/edit",
            get(event_form::edit_form).post(event_form::update),
        )
        .route(
            "/trace/events/{code}/remove",
            get(event_form::remove_form).post(event_form::remove),
        )
        .route(
            "/trace/epcis/import",
            get(epcis_import::form).post(epcis_import::load),
        )
        .route(
            "/trace/areas/new",
            get(facility_form::new_form).post(facility_form::create),
        )
        .route(
            "/trace/areas/{code}/edit",
            get(facility_form::edit_form).post(facility_form::update),
        )
        .route(
            "/trace/areas/{code}/remove",
            get(facility_form::remove_form).post(facility_form::remove),
        )
        .route(
            "/trace/contracts/new",
            get(contract_form::new_form).post(contract_form::create),
        )
        .route("/trace/contracts/{code}", get(contract_page::contract_page))
        .route(
            "/trace/projects/new",
            get(project_form::new_form).post(project_form::create),
        )
        .route("/trace/projects/{code}", get(project_page::project_page))
        .route(
            "/trace/projects/{code}/edit",
            get(project_form::edit_form).post(project_form::update),
        )
        .route(
            "/trace/projects/{code}/remove",
            get(project_form::remove_form).post(project_form::remove),
        )
        .route(
            "/trace/contracts/{code}/edit",
            get(contract_form::edit_form).post(contract_form::update),
        )
        .route(
            "/trace/contracts/{code}/remove",
            get(contract_form::remove_form).post(contract_form::remove),
        )
        .route(
            "/trace/contracts/{code}/deliveries/new",
            get(delivery_form::new_form).post(delivery_form::create),
        )
        .route(
            "/trace/contracts/{code}/deliveries/{delivery}/edit",
            get(delivery_form::edit_form).post(delivery_form::update),
        )
        .route(
            "/trace/contracts/{code}/deliveries/{delivery}/remove",
            get(delivery_form::remove_form).post(delivery_form::remove),
        )
}

pub(crate) struct ContractLine {
    pub code: String,
    pub href: String,
    pub partner: String,
    pub orgs: String,
    pub form: &'static str,
    pub goods: String,
    pub term: String,
    pub delivered: String,
    pub standing: &'static str,
    pub standing_class: &'static str,
    pub deliver: String,
}

pub(crate) struct ProjectLine {
    pub code: String,
    pub href: String,
    pub name: String,
    pub orgs: String,
    pub decision: String,
    pub approved: String,
    pub paid: String,
}

pub(crate) struct LotLine {
    pub product: String,
    pub lot: String,
    pub day: String,
    pub quantity: String,
    pub href: String,
}

pub(crate) struct AreaLine {
    pub code: String,
    pub kind: &'static str,
    pub org: String,
    pub crop: String,
    pub area: String,
    pub status: &'static str,
    /// The edit and removal addresses, for an account that writes it.
    pub edit: String,
    pub remove: String,
}

#[derive(Template)]
#[template(path = "trace/list.html")]
pub(crate) struct ListPage {
    pub p: Page,
    pub contracts: Vec<ContractLine>,
    pub projects: Vec<ProjectLine>,
    pub lots: Vec<LotLine>,
    pub areas: Vec<AreaLine>,
    pub notice: String,
    /// Whether the account enters lots (of the products of organisations it writes), and
    /// planting areas, contracts and EPCIS documents (of organisations it writes), and
    /// linkage projects (commune staff and the offices above).
    pub can_add_lot: bool,
    pub can_write: bool,
    pub can_add_project: bool,
}

async fn list_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let today = hoptac_app::today();
    let contracts = st.app.contracts(u.actor(), today).await.map_err(e)?;
    let lots = st.app.lots(u.actor()).await.map_err(e)?;
    let areas = st.app.facilities(u.actor()).await.map_err(e)?;
    let projects = st.app.projects(u.actor()).await.map_err(e)?;
    let can_add_project = !(st.app.support_beneficiaries(u.actor()).await)
        .map_err(e)?
        .is_empty();
    let writable = st.app.product_owners(u.actor()).await.map_err(e)?;
    let can_add_lot = (st.app.products(u.actor(), today).await.map_err(e)?.iter())
        .any(|v| v.can_edit && v.product.gtin.is_some());
    let qty = |f: hoptac_core::Fixed| f.format_vi(3, false);
    let r = ListPage {
        can_add_lot,
        can_write: !writable.is_empty(),
        contracts: contracts
            .iter()
            .map(|v| {
                let c = &v.contract;
                ContractLine {
                    code: c.code.clone(),
                    href: format!("/trace/contracts/{}", enc(&c.code)),
                    partner: c.partner.clone(),
                    orgs: v.orgs.join(", "),
                    form: c.form.label(l.code()),
                    goods: c.goods.clone(),
                    term: format!("{} – {}", to_vi(c.starts_on), to_vi(c.ends_on)),
                    delivered: format!(
                        "{} / {} {} ({})",
                        qty(v.fulfilment.delivered),
                        qty(c.quantity),
                        c.unit.label(l.code()),
                        v.fulfilment
                            .delivered_pct
                            .map(hoptac_core::report::pct_vi)
                            .unwrap_or_default()
                    ),
                    standing: v.fulfilment.standing.label(l.code()),
                    standing_class: standing_class(v.fulfilment.standing),
                    deliver: if v.can_edit {
                        format!("/trace/contracts/{}/deliveries/new", enc(&c.code))
                    } else {
                        String::new()
                    },
                }
            })
            .collect(),
        can_add_project,
        projects: projects
            .iter()
            .map(|v| {
                let x = &v.project;
                ProjectLine {
                    code: x.code.clone(),
                    href: format!("/trace/projects/{}", enc(&x.code)),
                    name: x.name.clone(),
                    orgs: v.orgs.join(", "),
                    decision: format!("{}, {}", x.decision, to_vi(x.approved_on)),
                    approved: project_page::dong(x.support_approved_vnd),
                    paid: project_page::dong(v.paid_vnd),
                }
            })
            .collect(),
        lots: lots
            .iter()
            .map(|(x, name)| LotLine {
                product: name.clone(),
                lot: x.lot.clone(),
                day: to_vi(x.produced_on),
                quantity: format!("{} {}", qty(x.quantity), x.unit.label(l.code())),
                href: format!("/trace/lots/{}/{}", enc(&x.product), enc(&x.lot)),
            })
            .collect(),
        areas: areas
            .iter()
            .map(|(f, org)| AreaLine {
                code: f.code.clone(),
                kind: f.kind.label(l.code()),
                org: org.clone(),
                crop: f.crop.clone(),
                area: f.area_ha.map(|a| a.format_vi(2, false)).unwrap_or_default(),
                status: f.status.label(l.code()),
                edit: if writable.iter().any(|o| o.code == f.org) {
                    format!("/trace/areas/{}/edit", enc(&f.code))
                } else {
                    String::new()
                },
                remove: format!("/trace/areas/{}/remove", enc(&f.code)),
            })
            .collect(),
        notice: match (q.get("saved").map(String::as_str), q.get("events")) {
            (Some("epcis"), Some(n)) => {
                let n: usize = n.parse().unwrap_or(0);
                t(l, "epcis_loaded").replace("{n}", &n.to_string())
            }
            (Some(_), _) => t(l, "saved").to_string(),
            (None, _) => String::new(),
        },
        p: page(&st, &u, l, "nav_trace").await,
    };
    Ok(render(&r))
}

pub(crate) struct Step {
    pub edit: String,
    pub remove: String,
    pub day: String,
    pub step: &'static str,
    pub lots: String,
    pub place: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "trace/lot.html")]
pub(crate) struct LotPage {
    pub p: Page,
    pub product: String,
    pub lot: String,
    pub org: String,
    pub produced: String,
    pub quantity: String,
    pub facility: String,
    pub steps: Vec<Step>,
    pub public_href: String,
    pub qr_href: String,
    pub epcis_href: String,
    /// `/trace/lots/{product}/{lot}`, for an account that writes the lot; empty otherwise.
    pub base: String,
}

async fn lot_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((product, lot)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let v = st
        .app
        .lot(u.actor(), &product, &lot)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let names = |qs: &[hoptac_core::lots::LotQuantity]| {
        qs.iter()
            .map(|q| q.lot.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let public = match (&v.product.gtin, v.product.public) {
        (Some(g), true) => hoptac_core::trace::digital_link_path(g, &v.lot.lot),
        _ => String::new(),
    };
    let r = LotPage {
        product: v.product.name.clone(),
        lot: v.lot.lot.clone(),
        org: v.org_name.clone(),
        produced: to_vi(v.lot.produced_on),
        quantity: format!(
            "{} {}",
            v.lot.quantity.format_vi(3, false),
            v.lot.unit.label(l.code())
        ),
        facility: v
            .facility
            .as_ref()
            .map(|f| format!("{} {}", f.kind.label(l.code()), f.code))
            .unwrap_or_default(),
        steps: v
            .events
            .iter()
            .map(|e| Step {
                edit: if v.can_edit {
                    format!("/trace/events/{}/edit", enc(&e.code))
                } else {
                    String::new()
                },
                remove: format!("/trace/events/{}/remove", enc(&e.code)),
                day: match &e.time {
                    Some(t) => format!("{} {t}", to_vi(e.occurred_on)),
                    None => to_vi(e.occurred_on),
                },
                step: e.step.label(l.code()),
                lots: if e.inputs.is_empty() {
                    names(&e.lots)
                } else {
                    format!("{} → {}", names(&e.inputs), names(&e.lots))
                },
                place: e.facility.clone().unwrap_or_default(),
                note: e.note.clone(),
            })
            .collect(),
        qr_href: if public.is_empty() {
            String::new()
        } else {
            format!("{public}/qr.svg")
        },
        public_href: public,
        epcis_href: format!("/trace/lots/{}/{}/epcis.json", enc(&product), enc(&lot)),
        base: if v.can_edit {
            format!("/trace/lots/{}/{}", enc(&product), enc(&lot))
        } else {
            String::new()
        },
        p: page(&st, &u, l, "nav_trace").await,
    };
    Ok(render(&r))
}

async fn lot_epcis(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((product, lot)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let doc = (st.app)
        .epcis_document(
            u.actor(),
            Some((&product, &lot)),
            &epcis_import::own_base(&h),
        )
        .await
        .map_err(|e| WebError::new(l, e))?;
    let name = format!("epcis-{}.json", crate::http::download::file_part(&lot));
    Ok((
        [
            (header::CONTENT_TYPE, "application/ld+json".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        doc.to_string(),
    )
        .into_response())
}
