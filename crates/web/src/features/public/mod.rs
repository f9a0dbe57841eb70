//! The public page of a product and of a lot, at its GS1 Digital Link (`/01/{gtin}` and
//! `/01/{gtin}/10/{lot}`): what a buyer sees when scanning the label's QR code, without
//! signing in. It shows only what the cooperative marked public and never a person; the QR
//! code (SVG) encodes the page's own address. Vietnamese, with an English switch.

use crate::http::error::render;
use crate::http::i18n::{Lang, t};
use crate::http::request::lang;
use crate::http::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hoptac_core::date::to_vi;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/01/{gtin}", get(product_page))
        .route("/01/{gtin}/10/{lot}", get(lot_page))
        .route("/01/{gtin}/qr.svg", get(product_qr))
        .route("/01/{gtin}/10/{lot}/qr.svg", get(lot_qr))
}

pub(crate) struct Step {
    pub day: String,
    pub step: &'static str,
    pub place: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "public/lot.html")]
pub(crate) struct PublicPage {
    pub lang: &'static str,
    pub other: &'static str,
    pub other_label: &'static str,
    pub path: String,
    pub product: String,
    pub group: &'static str,
    pub gtin: String,
    pub producer: String,
    pub producer_kind: &'static str,
    pub ocop: String,
    pub lot: String,
    pub produced_on: String,
    pub facility: String,
    pub steps: Vec<Step>,
    pub qr: String,
    pub words: Words,
}

/// The page's words in its language.
pub(crate) struct Words {
    pub heading: &'static str,
    pub producer: &'static str,
    pub gtin: &'static str,
    pub lot: &'static str,
    pub produced: &'static str,
    pub origin: &'static str,
    pub journey: &'static str,
    pub ocop: &'static str,
    pub scan: &'static str,
    pub note: &'static str,
}

fn words(l: Lang) -> Words {
    Words {
        heading: t(l, "public_heading"),
        producer: t(l, "public_producer"),
        gtin: t(l, "product_gtin"),
        lot: t(l, "public_lot"),
        produced: t(l, "public_produced"),
        origin: t(l, "public_origin"),
        journey: t(l, "public_journey"),
        ocop: t(l, "ocop_stars"),
        scan: t(l, "public_scan"),
        note: t(l, "public_note"),
    }
}

/// The page's address as the QR code prints it: the host the request came to.
fn address(h: &HeaderMap, path: &str) -> String {
    let host = (h.get(header::HOST).and_then(|v| v.to_str().ok()))
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    let scheme = match h.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) {
        Some("https") => "https",
        _ => "http",
    };
    format!("{scheme}://{host}{path}")
}

fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

fn strip_declaration(svg: String) -> String {
    match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg,
    }
}

fn not_found(l: Lang) -> Response {
    (StatusCode::NOT_FOUND, t(l, "public_not_found")).into_response()
}

async fn page(st: &AppState, h: &HeaderMap, gtin: &str, lot: Option<&str>) -> Response {
    let l = lang(h);
    let found = st.app.public_lot(gtin, lot, hoptac_app::today()).await;
    let Ok(Some(p)) = found else {
        return not_found(l);
    };
    let en = l.code() == "en";
    let path = match lot {
        Some(x) => format!(
            "/01/{}/10/{}",
            hoptac_core::gtin::Gtin::parse(gtin)
                .map(|g| g.as_str().to_string())
                .unwrap_or_default(),
            hoptac_core::trace::encode_ai(x)
        ),
        None => format!(
            "/01/{}",
            hoptac_core::gtin::Gtin::parse(gtin)
                .map(|g| g.as_str().to_string())
                .unwrap_or_default()
        ),
    };
    let ocop = match p.ocop {
        Some((stars, _, until)) => format!(
            "{} {} — {} {}",
            "★".repeat(usize::from(stars)),
            t(l, "public_ocop_stars").replace("{n}", &stars.to_string()),
            t(l, "public_valid_until"),
            to_vi(until)
        ),
        None => String::new(),
    };
    let (lot_text, produced_on, facility, steps) = match &p.lot {
        None => (String::new(), String::new(), String::new(), Vec::new()),
        Some(d) => (
            d.lot.clone(),
            to_vi(d.produced_on),
            d.facility
                .as_ref()
                .map(|(code, kind, commune)| format!("{} {code} — {commune}", kind.label(l.code())))
                .unwrap_or_default(),
            (d.events.iter())
                .map(|(day, time, step, place, note)| Step {
                    day: match time {
                        Some(t) => format!("{} {t}", to_vi(*day)),
                        None => to_vi(*day),
                    },
                    step: step.label(l.code()),
                    place: place.clone().unwrap_or_default(),
                    note: note.clone(),
                })
                .collect(),
        ),
    };
    let r = PublicPage {
        lang: l.code(),
        other: if en { "vi" } else { "en" },
        other_label: t(l, "switch_lang"),
        // inline in the page: without the XML declaration a file needs
        qr: strip_declaration(qr_svg(&address(h, &path))),
        path,
        product: p.product,
        group: if en { p.group_en } else { p.group_vi },
        gtin: p.gtin,
        producer: p.producer,
        producer_kind: if en {
            p.producer_kind_en
        } else {
            p.producer_kind_vi
        },
        ocop,
        lot: lot_text,
        produced_on,
        facility,
        steps,
        words: words(l),
    };
    // the language is the reader's (a cookie): kept by no cache, like every page
    render(&r)
}

async fn product_page(
    State(st): State<AppState>,
    h: HeaderMap,
    Path(gtin): Path<String>,
) -> Response {
    page(&st, &h, &gtin, None).await
}

async fn lot_page(
    State(st): State<AppState>,
    h: HeaderMap,
    Path((gtin, lot)): Path<(String, String)>,
) -> Response {
    page(&st, &h, &gtin, Some(&lot)).await
}

async fn qr(st: &AppState, h: &HeaderMap, gtin: &str, lot: Option<&str>) -> Response {
    let l = lang(h);
    let Ok(Some(_)) = st.app.public_lot(gtin, lot, hoptac_app::today()).await else {
        return not_found(l);
    };
    let Ok(g) = hoptac_core::gtin::Gtin::parse(gtin) else {
        return not_found(l);
    };
    let path = match lot {
        Some(x) => hoptac_core::trace::digital_link_path(&g, x),
        None => format!("/01/{}", g.as_str()),
    };
    (
        [(header::CONTENT_TYPE, "image/svg+xml")],
        qr_svg(&address(h, &path)),
    )
        .into_response()
}

async fn product_qr(
    State(st): State<AppState>,
    h: HeaderMap,
    Path(gtin): Path<String>,
) -> Response {
    qr(&st, &h, &gtin, None).await
}

async fn lot_qr(
    State(st): State<AppState>,
    h: HeaderMap,
    Path((gtin, lot)): Path<(String, String)>,
) -> Response {
    qr(&st, &h, &gtin, Some(&lot)).await
}
