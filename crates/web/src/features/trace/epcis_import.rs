//! Loading an EPCIS 2.0 JSON-LD document (from a packing house's or a buyer's system) in the
//! browser: all its events or none, each problem named with the event's place in the
//! document.

use crate::http::error::{WebError, render};
use crate::http::i18n::{Lang, t};
use crate::http::layout::Page;
use crate::http::request::{WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect};

#[derive(Template)]
#[template(path = "trace/epcis_import.html")]
pub(crate) struct ImportPage {
    pub p: Page,
    /// (event's place in the document, field, value, message).
    pub problems: Vec<(String, String, String, String)>,
}

/// The installation's own address as the request names it, for the identifiers of its
/// Digital Links; anything odd in the header is not trusted.
pub(crate) fn own_base(h: &HeaderMap) -> String {
    let host = (h.get(header::HOST).and_then(|v| v.to_str().ok()))
        .filter(|x| {
            x.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

async fn build(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    problems: Vec<(String, String, String, String)>,
) -> ImportPage {
    ImportPage {
        problems,
        p: page(st, u, l, "nav_trace").await,
    }
}

pub(crate) async fn form(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    (st.app.check_support_write(u.actor()).await).map_err(|e| WebError::new(l, e))?;
    Ok(render(&build(&st, &u, l, Vec::new()).await))
}

pub(crate) async fn load(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    mut mp: Multipart,
) -> WebResult {
    let l = lang(&h);
    let (_, bytes) = crate::http::upload::uploaded_file(l, &mut mp).await?;
    let result = st.app.import_epcis(u.actor(), bytes, &own_base(&h)).await;
    let problems = match result {
        Ok(Ok(n)) => {
            return Ok(Redirect::to(&format!("/trace?saved=epcis&events={n}#lots")).into_response());
        }
        Ok(Err(problems)) => problems
            .into_iter()
            .map(|(i, field, value, msg)| {
                let place = if i == 0 {
                    t(l, "epcis_document").to_string()
                } else {
                    format!("{} {i}", t(l, "epcis_event"))
                };
                (place, field.to_string(), value, msg.get(l.code()))
            })
            .collect(),
        Err(hoptac_app::AppError::Invalid { field, value, msg }) => {
            vec![(
                t(l, "epcis_document").to_string(),
                field,
                value,
                msg.get(l.code()),
            )]
        }
        Err(e) => return Err(WebError::new(l, e)),
    };
    let mut r = render(&build(&st, &u, l, problems).await);
    *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(r)
}
