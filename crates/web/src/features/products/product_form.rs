//! The product form (ghi sản phẩm): the organisation that makes it, its name and OCOP
//! group, its GTIN as printed under the barcode (the check digit is checked), the unit of
//! sale, and whether its public page may show it. Removal asks a reason.

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    Removal, field, form_page_errors, overlong, problem_texts, select, to_map, version_field,
    version_of,
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
use hoptac_core::i18n::Msg;
use hoptac_core::model::{Organization, Product};
use hoptac_core::types::OcopGroup;
use std::collections::HashMap;

const FIELD_MAX: usize = 1_000;
const ENTITY: &str = "products";

type FormProblems = Vec<(String, String, Msg)>;

fn form_key(field: &str) -> String {
    match field {
        "org_code" => "product_org".into(),
        f => format!("product_{f}"),
    }
}

fn fields(
    l: Lang,
    v: &HashMap<String, String>,
    orgs: &[Organization],
    editing: bool,
    version: i64,
) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut code = field(l, "product_code", "text", get("product_code"));
    code.required = true;
    code.readonly = editing;
    code.hint = t(l, "record_code_hint");
    let mut org = field(l, "product_org", "select", get("product_org"));
    org.required = true;
    org.options = orgs
        .iter()
        .map(|o| Opt {
            value: o.code.to_string(),
            label: format!("{} ({})", o.name, o.code),
            selected: o.code.as_str() == get("product_org"),
        })
        .collect();
    let mut name = field(l, "product_name", "text", get("product_name"));
    name.required = true;
    let mut group = select(
        l,
        "product_group",
        OcopGroup::all(),
        &get("product_group"),
        OcopGroup::code,
        OcopGroup::label,
        false,
    );
    group.required = true;
    let mut subgroup = field(l, "product_subgroup", "text", get("product_subgroup"));
    subgroup.hint = t(l, "product_subgroup_hint");
    let mut gtin = field(l, "product_gtin", "text", get("product_gtin"));
    gtin.hint = t(l, "product_gtin_hint");
    let unit = field(l, "product_unit", "text", get("product_unit"));
    let mut public = field(l, "product_public", "select", get("product_public"));
    public.options = [("no", "no"), ("yes", "yes")]
        .into_iter()
        .map(|(value, key)| Opt {
            value: value.into(),
            label: t(l, key).into(),
            selected: get("product_public") == value,
        })
        .collect();
    public.hint = t(l, "product_public_hint");
    vec![
        code,
        org,
        name,
        group,
        subgroup,
        gtin,
        unit,
        public,
        version_field(version),
    ]
}

fn values_of(p: &Product) -> HashMap<String, String> {
    [
        ("product_code", p.code.clone()),
        ("product_org", p.org.to_string()),
        ("product_name", p.name.clone()),
        ("product_group", p.group.code().to_string()),
        ("product_subgroup", p.subgroup.clone()),
        (
            "product_gtin",
            p.gtin
                .as_ref()
                .map(|g| g.short().to_string())
                .unwrap_or_default(),
        ),
        ("product_unit", p.unit.clone()),
        ("product_public", if p.public { "yes" } else { "no" }.into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The product the form says, or every problem of it.
fn read(v: &HashMap<String, String>) -> Result<Product, FormProblems> {
    let mut problems = overlong(v, FIELD_MAX, "", 0);
    if !problems.is_empty() {
        return Err(problems);
    }
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or_default();
    let group = OcopGroup::parse(get("product_group"));
    if group.is_none() {
        problems.push((
            "product_group".into(),
            get("product_group").to_string(),
            hoptac_core::msg!(
                "club.topic_unknown",
                value = get("product_group"),
                expected = <OcopGroup as hoptac_core::types::Enumerated>::expected()
            ),
        ));
    }
    let org = hoptac_core::OrgCode::parse(get("product_org"));
    if org.is_none() {
        problems.push((
            "product_org".into(),
            get("product_org").to_string(),
            hoptac_core::msg!("exchange.required_value_missing"),
        ));
    }
    let gtin = match hoptac_core::ocop::parse_gtin(get("product_gtin")) {
        Ok(g) => g,
        Err(m) => {
            problems.push(("product_gtin".into(), get("product_gtin").to_string(), m));
            None
        }
    };
    match (group, org) {
        (Some(group), Some(org)) if problems.is_empty() => Ok(Product {
            code: get("product_code").to_string(),
            org,
            name: get("product_name").to_string(),
            group,
            subgroup: get("product_subgroup").to_string(),
            gtin,
            unit: get("product_unit").to_string(),
            public: get("product_public") == "yes",
        }),
        _ => Err(problems),
    }
}

fn paths(original: &Option<String>) -> (String, String) {
    match original {
        None => ("/products/new".into(), "/products".into()),
        Some(c) => (
            format!("/products/{}/edit", enc(c)),
            format!("/products/{}", enc(c)),
        ),
    }
}

/// The organisations the account enters products of; none is a refusal (audited).
async fn owners(st: &AppState, u: &CurrentUser, l: Lang) -> Result<Vec<Organization>, WebError> {
    let orgs = (st.app.product_owners(u.actor()).await).map_err(|e| WebError::new(l, e))?;
    if orgs.is_empty() {
        (st.app.check_support_write(u.actor()).await).map_err(|e| WebError::new(l, e))?;
        return Err(WebError::new(l, AppError::Forbidden));
    }
    Ok(orgs)
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let orgs = owners(&st, &u, l).await?;
    let mut v: HashMap<String, String> = HashMap::new();
    v.insert("product_group".into(), OcopGroup::Food.code().into());
    v.insert("product_public".into(), "yes".into());
    if let [only] = orgs.as_slice() {
        v.insert("product_org".into(), only.code.to_string());
    }
    let (action, back) = paths(&None);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "product_new").to_string(),
        action,
        back,
        fields(l, &v, &orgs, false, 0),
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
    let v = (st.app)
        .product(u.actor(), &code, hoptac_app::today())
        .await
        .map_err(e)?;
    if !v.can_edit {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let orgs = owners(&st, &u, l).await?;
    let version = st.app.row_version(ENTITY, &code).await.map_err(e)?;
    let (action, back) = paths(&Some(code));
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "product_edit"), v.product.name),
        action,
        back,
        fields(l, &values_of(&v.product), &orgs, true, version),
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
        v.insert("product_code".into(), code.clone());
    }
    let version = version_of(&v);
    let orgs = owners(&st, &u, l).await?;
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok(p) => {
            let code = p.code.trim().to_string();
            match (st.app)
                .save_product(u.actor(), original.as_deref(), p, version)
                .await
            {
                Ok(p) if p.is_empty() => {
                    let to = format!("/products/{}?saved=product", enc(&code));
                    return Ok(Redirect::to(&to).into_response());
                }
                Ok(p) => p.into_iter().map(|(f, v, m)| (form_key(f), v, m)).collect(),
                Err(AppError::Invalid { field, value, msg }) => {
                    vec![(form_key(&field), value, msg)]
                }
                Err(err) => return Err(e(err)),
            }
        }
    };
    let heading = t(
        l,
        if original.is_some() {
            "product_edit"
        } else {
            "product_new"
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
        fields(l, &v, &orgs, original.is_some(), version),
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn removal(l: Lang, code: &str) -> Removal {
    Removal {
        heading: format!("{} — {code}", t(l, "product_remove")),
        action: format!("/products/{}/remove", enc(code)),
        back: format!("/products/{}", enc(code)),
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
    let v = (st.app)
        .product(u.actor(), &code, hoptac_app::today())
        .await
        .map_err(e)?;
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
        .remove_product(u.actor(), &code, &reason, version)
        .await;
    (removal(l, &code))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
