//! Products and OCOP in the browser: the products an account may read with the stars each
//! holds today, the certificates to act on, one product's page with its history of ratings,
//! and the forms (a cooperative enters its products, the commune and the offices above the
//! ratings).

mod product_form;
mod rating_form;

use crate::http::error::{WebError, render};
use crate::http::format::enc;
use crate::http::i18n::{Lang, t};
use crate::http::layout::Page;
use crate::http::request::{Params, Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use hoptac_app::ocop::CertificateReminder;
use hoptac_app::products::ProductView;
use hoptac_core::date::to_vi;
use hoptac_core::ocop::{CertificateState, expires_on};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/products", get(list_page))
        .route(
            "/products/new",
            get(product_form::new_form).post(product_form::create),
        )
        .route("/products/{code}", get(product_page))
        .route(
            "/products/{code}/edit",
            get(product_form::edit_form).post(product_form::update),
        )
        .route(
            "/products/{code}/remove",
            get(product_form::remove_form).post(product_form::remove),
        )
        .route(
            "/products/{code}/ocop/new",
            get(rating_form::new_form).post(rating_form::create),
        )
        .route(
            "/ocop/{code}/edit",
            get(rating_form::edit_form).post(rating_form::update),
        )
        .route(
            "/ocop/{code}/remove",
            get(rating_form::remove_form).post(rating_form::remove),
        )
}

/// Stars as they are printed on a label: ★★★.
pub(crate) fn stars(n: u8) -> String {
    "★".repeat(usize::from(n))
}

/// The class a state is shown with.
fn state_class(s: CertificateState) -> &'static str {
    match s {
        CertificateState::Valid => "ok",
        CertificateState::Expiring => "warn",
        CertificateState::Expired | CertificateState::Revoked => "bad",
        CertificateState::Renewed | CertificateState::Upgraded => "muted",
    }
}

pub(crate) struct ProductLine {
    pub name: String,
    pub code: String,
    pub href: String,
    pub org: String,
    pub org_href: String,
    pub group: &'static str,
    pub gtin: String,
    pub stars: String,
    pub state: &'static str,
    pub state_class: &'static str,
    pub until: String,
}

pub(crate) struct ReminderLine {
    pub product: String,
    pub href: String,
    pub org: String,
    pub stars: String,
    pub state: &'static str,
    pub state_class: &'static str,
    pub until: String,
    pub days: String,
}

/// The certificates to act on, as the list page and the to-do page show them.
pub(crate) fn reminder_lines(l: Lang, rs: &[CertificateReminder]) -> Vec<ReminderLine> {
    rs.iter()
        .map(|r| ReminderLine {
            product: r.product_name.clone(),
            href: format!("/products/{}", enc(&r.product)),
            org: r.org_name.clone(),
            stars: stars(r.stars),
            state: r.state.label(l.code()),
            state_class: state_class(r.state),
            until: to_vi(r.expires_on),
            days: if r.days_left >= 0 {
                t(l, "ocop_days_left").replace("{n}", &r.days_left.to_string())
            } else {
                t(l, "ocop_days_ago").replace("{n}", &(-r.days_left).to_string())
            },
        })
        .collect()
}

fn line(l: Lang, v: &ProductView) -> ProductLine {
    let p = &v.product;
    let (stars_text, state, class, until) = match &v.current {
        Some((r, s)) => (
            stars(r.stars),
            s.label(l.code()),
            state_class(*s),
            to_vi(expires_on(r)),
        ),
        None => (
            String::new(),
            t(l, "ocop_not_rated"),
            "muted",
            String::new(),
        ),
    };
    ProductLine {
        name: p.name.clone(),
        code: p.code.clone(),
        href: format!("/products/{}", enc(&p.code)),
        org: v.org_name.clone(),
        org_href: format!("/orgs/{}", enc(p.org.as_str())),
        group: p.group.label(l.code()),
        gtin: p
            .gtin
            .as_ref()
            .map(|g| g.short().to_string())
            .unwrap_or_default(),
        stars: stars_text,
        state,
        state_class: class,
        until,
    }
}

#[derive(Template)]
#[template(path = "products/list.html")]
pub(crate) struct ListPage {
    pub p: Page,
    pub products: Vec<ProductLine>,
    pub reminders: Vec<ReminderLine>,
    pub can_add: bool,
    pub notice: String,
}

fn notice(l: Lang, q: &std::collections::HashMap<String, String>) -> String {
    match q.get("saved").map(String::as_str) {
        Some("removed") => t(l, "record_removed").to_string(),
        Some(_) => t(l, "saved").to_string(),
        None => String::new(),
    }
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
    let products = st.app.products(u.actor(), today).await.map_err(e)?;
    let reminders = (st.app)
        .certificate_reminders(u.actor(), None, today)
        .await
        .map_err(e)?;
    let can_add = !st
        .app
        .product_owners(u.actor())
        .await
        .map_err(e)?
        .is_empty();
    let r = ListPage {
        products: products.iter().map(|v| line(l, v)).collect(),
        reminders: reminder_lines(l, &reminders),
        can_add,
        notice: notice(l, &q),
        p: page(&st, &u, l, "nav_products").await,
    };
    Ok(render(&r))
}

pub(crate) struct RatingLine {
    pub code: String,
    pub stars: String,
    pub kind: &'static str,
    pub criteria: &'static str,
    pub score: String,
    pub parts: String,
    pub decision: String,
    pub level: &'static str,
    pub until: String,
    pub state: &'static str,
    pub state_class: &'static str,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "products/product.html")]
pub(crate) struct ProductPage {
    pub p: Page,
    pub line: ProductLine,
    pub subgroup: String,
    pub unit: String,
    pub public: &'static str,
    pub ratings: Vec<RatingLine>,
    pub can_edit: bool,
    pub can_rate: bool,
    pub edit: String,
    pub remove: String,
    pub rate: String,
    pub notice: String,
}

async fn product_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = (st.app)
        .product(u.actor(), &code, hoptac_app::today())
        .await
        .map_err(e)?;
    let points = |f: hoptac_core::Fixed| f.format_vi(2, false);
    let ratings = (v.ratings.iter().rev())
        .map(|(r, s)| RatingLine {
            code: r.code.clone(),
            stars: stars(r.stars),
            kind: r.kind.label(l.code()),
            criteria: r.criteria.label(l.code()),
            score: r.score.map(points).unwrap_or_default(),
            parts: r
                .parts
                .map(|p| {
                    format!(
                        "A {} · B {} · C {}",
                        points(p[0]),
                        points(p[1]),
                        points(p[2])
                    )
                })
                .unwrap_or_default(),
            decision: format!("{} ({})", r.decision, to_vi(r.decided_on)),
            level: r.level.label(l.code()),
            until: to_vi(expires_on(r)),
            state: s.label(l.code()),
            state_class: state_class(*s),
            edit: format!("/ocop/{}/edit", enc(&r.code)),
        })
        .collect();
    let p = &v.product;
    let r = ProductPage {
        line: line(l, &v),
        subgroup: p.subgroup.clone(),
        unit: p.unit.clone(),
        public: t(l, if p.public { "yes" } else { "no" }),
        ratings,
        can_edit: v.can_edit,
        can_rate: v.can_rate,
        edit: format!("/products/{}/edit", enc(&p.code)),
        remove: format!("/products/{}/remove", enc(&p.code)),
        rate: format!("/products/{}/ocop/new", enc(&p.code)),
        notice: notice(l, &q),
        p: page(&st, &u, l, "nav_products").await,
    };
    Ok(render(&r))
}
