//! The OCOP rating form (ghi kết quả đánh giá, phân hạng OCOP): the criteria set it was
//! scored under, why it was evaluated, the council's points (the three parts, or the total
//! only) and stars, the decision and the level that made it, and a revocation when there is
//! one. Commune officers and the offices above fill it; removal asks a reason.

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    Removal, day_of, field, form_page_errors, overlong, problem_texts, select, to_map,
    version_field, version_of,
};
use crate::http::i18n::{Lang, t};
use crate::http::layout::{Field, Opt};
use crate::http::request::{Path, WebResult, lang};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::Fixed;
use hoptac_core::date::to_vi;
use hoptac_core::i18n::Msg;
use hoptac_core::model::OcopRating;
use hoptac_core::types::{OcopCriteria, OcopEvaluationKind, OfficialLevel};
use std::collections::HashMap;

const FIELD_MAX: usize = 1_000;
const ENTITY: &str = "ocop_ratings";
/// The levels that recognise OCOP products, newest first.
const LEVELS: [OfficialLevel; 3] = [
    OfficialLevel::Province,
    OfficialLevel::Central,
    OfficialLevel::District,
];

type FormProblems = Vec<(String, String, Msg)>;

fn form_key(field: &str) -> String {
    format!("ocop_{field}")
}

fn fields(l: Lang, v: &HashMap<String, String>, editing: bool, version: i64) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut code = field(l, "ocop_code", "text", get("ocop_code"));
    code.required = true;
    code.readonly = editing;
    code.hint = t(l, "ocop_code_hint");
    let product = field(l, "ocop_product", "hidden", get("ocop_product"));
    let mut kind = select(
        l,
        "ocop_kind",
        OcopEvaluationKind::all(),
        &get("ocop_kind"),
        OcopEvaluationKind::code,
        OcopEvaluationKind::label,
        false,
    );
    kind.required = true;
    let mut criteria = select(
        l,
        "ocop_criteria",
        OcopCriteria::all(),
        &get("ocop_criteria"),
        OcopCriteria::code,
        OcopCriteria::label,
        true,
    );
    criteria.hint = t(l, "ocop_criteria_hint");
    let mut stars = field(l, "ocop_stars", "select", get("ocop_stars"));
    stars.required = true;
    stars.options = (3..=5u8)
        .map(|n| Opt {
            value: n.to_string(),
            label: format!("{n} {}", "★".repeat(usize::from(n))),
            selected: get("ocop_stars") == n.to_string(),
        })
        .collect();
    let mut score = field(l, "ocop_score", "text", get("ocop_score"));
    score.hint = t(l, "ocop_score_hint");
    let parts = ["ocop_part_a", "ocop_part_b", "ocop_part_c"].map(|k| field(l, k, "text", get(k)));
    let mut decision = field(l, "ocop_decision", "text", get("ocop_decision"));
    decision.required = true;
    let mut decided = field(l, "ocop_decided_on", "day", get("ocop_decided_on"));
    decided.required = true;
    decided.hint = t(l, "date_hint");
    let mut level = select(
        l,
        "ocop_level",
        &LEVELS,
        &get("ocop_level"),
        OfficialLevel::code,
        OfficialLevel::label,
        false,
    );
    level.required = true;
    let mut revoked = field(l, "ocop_revoked_on", "day", get("ocop_revoked_on"));
    revoked.hint = t(l, "ocop_revoked_hint");
    let revocation = field(l, "ocop_revocation", "text", get("ocop_revocation"));
    let [a, b, c] = parts;
    vec![
        code,
        product,
        kind,
        criteria,
        stars,
        score,
        a,
        b,
        c,
        decision,
        decided,
        level,
        revoked,
        revocation,
        version_field(version),
    ]
}

fn values_of(r: &OcopRating) -> HashMap<String, String> {
    let points = |f: Fixed| f.format_vi(2, false);
    let part = |i: usize| r.parts.map(|p| points(p[i])).unwrap_or_default();
    [
        ("ocop_code", r.code.clone()),
        ("ocop_product", r.product.clone()),
        ("ocop_kind", r.kind.code().into()),
        ("ocop_criteria", r.criteria.code().into()),
        ("ocop_stars", r.stars.to_string()),
        ("ocop_score", r.score.map(points).unwrap_or_default()),
        ("ocop_part_a", part(0)),
        ("ocop_part_b", part(1)),
        ("ocop_part_c", part(2)),
        ("ocop_decision", r.decision.clone()),
        ("ocop_decided_on", to_vi(r.decided_on)),
        ("ocop_level", r.level.code().into()),
        (
            "ocop_revoked_on",
            r.revoked_on.map(to_vi).unwrap_or_default(),
        ),
        ("ocop_revocation", r.revocation.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// A number of points as offices type them (72,5): `None` when empty.
fn points(v: &HashMap<String, String>, key: &str, out: &mut FormProblems) -> Option<Fixed> {
    let s = v.get(key).map(|s| s.trim()).unwrap_or_default();
    if s.is_empty() {
        return None;
    }
    match hoptac_core::parse::parse_number(s) {
        Some(n) => Some(n.value),
        None => {
            out.push((
                key.into(),
                s.into(),
                hoptac_core::msg!("web.number_expected", s = s),
            ));
            None
        }
    }
}

/// The rating the form says, or every problem of it.
fn read(v: &HashMap<String, String>) -> Result<OcopRating, FormProblems> {
    let mut problems = overlong(v, FIELD_MAX, "", 0);
    if !problems.is_empty() {
        return Err(problems);
    }
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or_default();
    let decided_on = day_of(v, "ocop_decided_on", &mut problems);
    let revoked_on = if get("ocop_revoked_on").is_empty() {
        None
    } else {
        day_of(v, "ocop_revoked_on", &mut problems)
    };
    let kind = OcopEvaluationKind::parse(get("ocop_kind"));
    let level = OfficialLevel::parse(get("ocop_level"));
    let criteria = OcopCriteria::parse(get("ocop_criteria"));
    let stars: Option<u8> = get("ocop_stars").parse().ok();
    for (key, missing) in [
        ("ocop_kind", kind.is_none()),
        ("ocop_level", level.is_none()),
        ("ocop_stars", stars.is_none()),
    ] {
        if missing {
            problems.push((
                key.into(),
                get(key).to_string(),
                hoptac_core::msg!("exchange.required_value_missing"),
            ));
        }
    }
    let score = points(v, "ocop_score", &mut problems);
    let parts = ["ocop_part_a", "ocop_part_b", "ocop_part_c"].map(|k| points(v, k, &mut problems));
    let parts = match parts {
        [Some(a), Some(b), Some(c)] => Some([a, b, c]),
        [None, None, None] => None,
        given => {
            for (p, k) in given
                .iter()
                .zip(["ocop_part_a", "ocop_part_b", "ocop_part_c"])
            {
                if p.is_none() {
                    problems.push((
                        k.into(),
                        String::new(),
                        hoptac_core::msg!("exchange.ocop_parts_all_or_none"),
                    ));
                }
            }
            None
        }
    };
    match (decided_on, kind, level, stars) {
        (Some(decided_on), Some(kind), Some(level), Some(stars)) if problems.is_empty() => {
            Ok(OcopRating {
                code: get("ocop_code").to_string(),
                product: get("ocop_product").to_string(),
                criteria: criteria
                    .unwrap_or_else(|| hoptac_core::ocop::criteria::in_force_on(decided_on)),
                kind,
                parts,
                score,
                stars,
                decision: get("ocop_decision").to_string(),
                decided_on,
                level,
                revoked_on,
                revocation: get("ocop_revocation").to_string(),
            })
        }
        _ => Err(problems),
    }
}

fn paths(product: &str, original: &Option<String>) -> (String, String) {
    let back = format!("/products/{}", enc(product));
    match original {
        None => (format!("/products/{}/ocop/new", enc(product)), back),
        Some(c) => (format!("/ocop/{}/edit", enc(c)), back),
    }
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(product): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    st.app
        .check_ocop_write(u.actor(), &product)
        .await
        .map_err(e)?;
    let today = hoptac_app::today();
    let v: HashMap<String, String> = [
        ("ocop_product", product.clone()),
        ("ocop_decided_on", to_vi(today)),
        ("ocop_kind", OcopEvaluationKind::New.code().into()),
        ("ocop_level", OfficialLevel::Province.code().into()),
        ("ocop_stars", "3".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let (action, back) = paths(&product, &None);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {product}", t(l, "ocop_new")),
        action,
        back,
        fields(l, &v, false, 0),
        None,
    )
    .await)
}

pub(crate) async fn create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(product): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let mut pairs = pairs;
    pairs.retain(|(k, _)| k != "ocop_product");
    pairs.push(("ocop_product".into(), product));
    save(st, h, u, None, pairs).await
}

pub(crate) async fn edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let r = st.app.ocop_rating(u.actor(), &code).await.map_err(e)?;
    st.app
        .check_ocop_write(u.actor(), &r.product)
        .await
        .map_err(e)?;
    let version = st.app.row_version(ENTITY, &code).await.map_err(e)?;
    let (action, back) = paths(&r.product, &Some(code));
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "ocop_edit"), r.product),
        action,
        back,
        fields(l, &values_of(&r), true, version),
        None,
    )
    .await)
}

pub(crate) async fn update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(st, h, u, Some(code), pairs).await
}

async fn save(
    st: AppState,
    h: HeaderMap,
    u: CurrentUser,
    original: Option<String>,
    pairs: Vec<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let mut v = to_map(&pairs);
    if let Some(code) = &original {
        v.insert("ocop_code".into(), code.clone());
        // the product of a stored rating is the one it names, whatever the form sends
        let r = st.app.ocop_rating(u.actor(), code).await.map_err(e)?;
        v.insert("ocop_product".into(), r.product);
    }
    let product = v.get("ocop_product").cloned().unwrap_or_default();
    let version = version_of(&v);
    st.app
        .check_ocop_write(u.actor(), &product)
        .await
        .map_err(e)?;
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok(r) => match (st.app)
            .save_ocop_rating(u.actor(), original.as_deref(), r, version)
            .await
        {
            Ok(p) if p.is_empty() => {
                let to = format!("/products/{}?saved=ocop#ratings", enc(&product));
                return Ok(Redirect::to(&to).into_response());
            }
            Ok(p) => p.into_iter().map(|(f, v, m)| (form_key(f), v, m)).collect(),
            Err(AppError::Invalid { field, value, msg }) => vec![(form_key(&field), value, msg)],
            Err(err) => return Err(e(err)),
        },
    };
    let heading = t(
        l,
        if original.is_some() {
            "ocop_edit"
        } else {
            "ocop_new"
        },
    );
    let (action, back) = paths(&product, &original);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{heading} — {product}"),
        action,
        back,
        fields(l, &v, original.is_some(), version),
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn removal(l: Lang, code: &str, product: &str) -> Removal {
    Removal {
        heading: format!("{} — {code}", t(l, "ocop_remove")),
        action: format!("/ocop/{}/remove", enc(code)),
        back: format!("/products/{}", enc(product)),
        done: "/products?saved=removed",
    }
}

pub(crate) async fn remove_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let r = st.app.ocop_rating(u.actor(), &code).await.map_err(e)?;
    st.app
        .check_ocop_write(u.actor(), &r.product)
        .await
        .map_err(e)?;
    let version = st.app.row_version(ENTITY, &code).await.map_err(e)?;
    Ok(removal(l, &code, &r.product)
        .page(&st, &u, l, "", version, None)
        .await)
}

pub(crate) async fn remove(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    let version = version_of(&v);
    let r = st.app.ocop_rating(u.actor(), &code).await.map_err(e)?;
    let result = (st.app)
        .remove_ocop_rating(u.actor(), &code, &reason, version)
        .await;
    (removal(l, &code, &r.product))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
