//! The disbursement form (ghi khoản hỗ trợ): the policy and the text it is paid under, the
//! organisation paid, the amount in đồng as offices type it (150.000.000), where the money
//! came from and the day. Removal asks a reason.

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
use hoptac_app::support::parse_amount;
use hoptac_core::date::to_vi;
use hoptac_core::i18n::Msg;
use hoptac_core::model::{Disbursement, Organization};
use hoptac_core::types::SupportPolicy;
use std::collections::HashMap;

const FIELD_MAX: usize = 1_000;
const ENTITY: &str = "support_disbursements";

type FormProblems = Vec<(String, String, Msg)>;

/// The form's field of each field the rules name.
fn form_key(field: &str) -> String {
    match field {
        "org_code" => "paid_org".into(),
        "amount_vnd" => "paid_amount".into(),
        "paid_on" => "paid_on".into(),
        f => format!("paid_{f}"),
    }
}

/// The linkage projects the account reads, as (code, label) choices.
async fn project_choices(
    st: &AppState,
    u: &CurrentUser,
) -> hoptac_app::Result<Vec<(String, String)>> {
    Ok((st.app.projects(u.actor()).await?.into_iter())
        .map(|v| {
            let label = format!("{} — {}", v.project.code, v.project.name);
            (v.project.code, label)
        })
        .collect())
}

fn fields(
    l: Lang,
    v: &HashMap<String, String>,
    (orgs, projects): (&[Organization], &[(String, String)]),
    editing: bool,
    version: i64,
) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut code = field(l, "paid_code", "text", get("paid_code"));
    code.required = true;
    code.readonly = editing;
    code.hint = t(l, "record_code_hint");
    let mut policy = select(
        l,
        "paid_policy",
        SupportPolicy::all(),
        &get("paid_policy"),
        SupportPolicy::code,
        SupportPolicy::label,
        false,
    );
    policy.required = true;
    let mut basis = field(l, "paid_legal_basis", "text", get("paid_legal_basis"));
    basis.required = true;
    basis.hint = t(l, "paid_legal_basis_hint");
    let decision = field(l, "paid_decision", "text", get("paid_decision"));
    let mut org = field(l, "paid_org", "select", get("paid_org"));
    org.required = true;
    org.options = orgs
        .iter()
        .map(|o| Opt {
            value: o.code.to_string(),
            label: format!("{} ({})", o.name, o.code),
            selected: o.code.as_str() == get("paid_org"),
        })
        .collect();
    let mut amount = field(l, "paid_amount", "text", get("paid_amount"));
    amount.required = true;
    amount.hint = t(l, "paid_amount_hint");
    let mut source = field(l, "paid_source", "text", get("paid_source"));
    source.required = true;
    let mut on = field(l, "paid_on", "day", get("paid_on"));
    on.required = true;
    on.hint = t(l, "date_hint");
    let mut project = field(l, "paid_project", "select", get("paid_project"));
    project.options = std::iter::once(("", "—".to_string()))
        .chain(projects.iter().map(|(c, n)| (c.as_str(), n.clone())))
        .map(|(c, n)| Opt {
            value: c.to_string(),
            label: n,
            selected: c == get("paid_project"),
        })
        .collect();
    vec![
        code,
        policy,
        basis,
        decision,
        org,
        amount,
        source,
        on,
        project,
        version_field(version),
    ]
}

fn values_of(d: &Disbursement) -> HashMap<String, String> {
    [
        ("paid_code", d.code.clone()),
        ("paid_policy", d.policy.code().to_string()),
        ("paid_legal_basis", d.legal_basis.clone()),
        ("paid_decision", d.decision.clone()),
        ("paid_org", d.org.to_string()),
        (
            "paid_amount",
            hoptac_core::text::group_thousands(d.amount_vnd as i128),
        ),
        ("paid_source", d.source.clone()),
        ("paid_on", to_vi(d.paid_on)),
        ("paid_project", d.project.clone().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The disbursement the form says, or every problem of it.
fn read(v: &HashMap<String, String>) -> Result<Disbursement, FormProblems> {
    let mut problems = overlong(v, FIELD_MAX, "", 0);
    if !problems.is_empty() {
        return Err(problems);
    }
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or_default();
    let paid_on = day_of(v, "paid_on", &mut problems);
    let policy = SupportPolicy::parse(get("paid_policy"));
    if policy.is_none() {
        problems.push((
            "paid_policy".into(),
            get("paid_policy").to_string(),
            hoptac_core::msg!(
                "club.topic_unknown",
                value = get("paid_policy"),
                expected = <SupportPolicy as hoptac_core::types::Enumerated>::expected()
            ),
        ));
    }
    let org = hoptac_core::OrgCode::parse(get("paid_org"));
    if org.is_none() {
        problems.push((
            "paid_org".into(),
            get("paid_org").to_string(),
            hoptac_core::msg!("exchange.required_value_missing"),
        ));
    }
    let amount = match parse_amount(get("paid_amount")) {
        Ok(n) => Some(n),
        Err(m) => {
            problems.push(("paid_amount".into(), String::new(), m));
            None
        }
    };
    match (paid_on, policy, org, amount) {
        (Some(paid_on), Some(policy), Some(org), Some(amount_vnd)) if problems.is_empty() => {
            Ok(Disbursement {
                project: Some(get("paid_project").to_string()).filter(|p| !p.is_empty()),
                code: get("paid_code").to_string(),
                policy,
                legal_basis: get("paid_legal_basis").to_string(),
                decision: get("paid_decision").to_string(),
                org,
                amount_vnd,
                source: get("paid_source").to_string(),
                paid_on,
            })
        }
        _ => Err(problems),
    }
}

fn paths(original: &Option<String>) -> (String, String) {
    match original {
        None => ("/support/paid/new".into(), "/support".into()),
        Some(c) => (format!("/support/paid/{}/edit", enc(c)), "/support".into()),
    }
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    st.app.check_support_write(u.actor()).await.map_err(e)?;
    let orgs = st.app.support_beneficiaries(u.actor()).await.map_err(e)?;
    let projects = project_choices(&st, &u).await.map_err(e)?;
    let v: HashMap<String, String> = [
        ("paid_on", to_vi(hoptac_app::today())),
        ("paid_policy", SupportPolicy::Founding.code().to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let (action, back) = paths(&None);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "paid_new").to_string(),
        action,
        back,
        fields(l, &v, (&orgs, &projects), false, 0),
        None,
    )
    .await)
}

pub(crate) async fn create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
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
    let v = st.app.disbursement(u.actor(), &code).await.map_err(e)?;
    if !v.can_edit {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let orgs = st.app.support_beneficiaries(u.actor()).await.map_err(e)?;
    let projects = project_choices(&st, &u).await.map_err(e)?;
    let version = st.app.row_version(ENTITY, &code).await.map_err(e)?;
    let (action, back) = paths(&Some(code));
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "paid_edit"), v.org_name),
        action,
        back,
        fields(
            l,
            &values_of(&v.disbursement),
            (&orgs, &projects),
            true,
            version,
        ),
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
        v.insert("paid_code".into(), code.clone());
    }
    let version = version_of(&v);
    st.app.check_support_write(u.actor()).await.map_err(e)?;
    let orgs = st.app.support_beneficiaries(u.actor()).await.map_err(e)?;
    let projects = project_choices(&st, &u).await.map_err(e)?;
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok(d) => match st
            .app
            .save_disbursement(u.actor(), original.as_deref(), d, version)
            .await
        {
            Ok(p) if p.is_empty() => {
                return Ok(Redirect::to("/support?saved=paid#paid").into_response());
            }
            Ok(p) => p.into_iter().map(|(f, v, m)| (form_key(f), v, m)).collect(),
            Err(AppError::Invalid { field, value, msg }) => vec![(form_key(&field), value, msg)],
            Err(err) => return Err(e(err)),
        },
    };
    let heading = t(
        l,
        if original.is_some() {
            "paid_edit"
        } else {
            "paid_new"
        },
    );
    let (action, back) = paths(&original);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading.to_string(),
        action,
        back,
        fields(l, &v, (&orgs, &projects), original.is_some(), version),
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn removal(l: Lang, code: &str) -> Removal {
    Removal {
        heading: format!("{} — {code}", t(l, "paid_remove")),
        action: format!("/support/paid/{}/remove", enc(code)),
        back: "/support".into(),
        done: "/support?saved=removed",
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
    let v = st.app.disbursement(u.actor(), &code).await.map_err(e)?;
    if !v.can_edit {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let version = st.app.row_version(ENTITY, &code).await.map_err(e)?;
    Ok(removal(l, &code).page(&st, &u, l, "", version, None).await)
}

pub(crate) async fn remove(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    let version = version_of(&v);
    let result = (st.app)
        .remove_disbursement(u.actor(), &code, &reason, version)
        .await;
    (removal(l, &code))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
