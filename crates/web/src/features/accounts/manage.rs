//! Accounts (tài khoản): the list, the new and edit forms, each inside the editor's own scope.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::forms::field;
use crate::http::forms::form_page_errors;
use crate::http::forms::select;
use crate::http::forms::to_map;
use crate::http::i18n::Lang;
use crate::http::i18n::t;
use crate::http::layout::Page;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::auth::{Account, Role, Scope};
use std::collections::HashMap;

pub(crate) struct AccountRow {
    pub username: String,
    pub name: String,
    pub role: &'static str,
    pub scope: String,
    pub state: String,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "accounts/accounts.html")]
pub(crate) struct AccountsPage {
    pub p: Page,
    pub rows: Vec<AccountRow>,
}

pub(crate) async fn scope_text(st: &AppState, s: &Scope) -> String {
    match s {
        Scope::All => "Toàn bộ / all".into(),
        Scope::Unit(u) => st
            .app
            .units()
            .await
            .ok()
            .and_then(|us| us.into_iter().find(|x| x.id == *u))
            .map(|x| format!("{} ({})", x.name, x.code))
            .unwrap_or_default(),
        Scope::Org(c) => format!("org:{c}"),
    }
}

pub(crate) fn scope_input(st_units: &[hoptac_core::AdminUnit], s: &Scope) -> String {
    match s {
        Scope::All => "all".into(),
        Scope::Unit(u) => st_units
            .iter()
            .find(|x| x.id == *u)
            .map(|x| x.code.clone())
            .unwrap_or_default(),
        Scope::Org(c) => format!("org:{c}"),
    }
}

pub(crate) async fn accounts(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let list = st
        .app
        .accounts(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut rows = Vec::new();
    for a in list {
        rows.push(AccountRow {
            edit: format!("/accounts/{}/edit", enc(&a.username)),
            name: a.display_name.clone(),
            role: l.pick(a.role.label_vi(), a.role.label_en()),
            scope: scope_text(&st, &a.scope).await,
            state: if a.disabled {
                t(l, "disabled").into()
            } else if a.must_change_password {
                t(l, "must_change_password").into()
            } else {
                String::new()
            },
            username: a.username,
        });
    }
    Ok(render(&AccountsPage {
        p: page(&st, &u, l, "nav_accounts").await,
        rows,
    }))
}

pub(crate) fn account_fields(
    l: Lang,
    v: &HashMap<String, String>,
    editing: bool,
) -> Vec<crate::http::layout::Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut username = field(l, "username", "text", get("username"));
    username.readonly = editing;
    username.required = true;
    let role = select(
        l,
        "role",
        &Role::ALL,
        &get("role"),
        Role::code,
        |r, lang| {
            if lang == "en" {
                r.label_en()
            } else {
                r.label_vi()
            }
        },
        false,
    );
    let mut scope = field(l, "account_scope", "text", get("scope"));
    scope.key = "scope";
    scope.required = true;
    scope.hint = t(l, "account_scope_hint");
    let mut pw = field(
        l,
        if editing {
            "reset_password"
        } else {
            "initial_password"
        },
        "password",
        String::new(),
    );
    pw.key = "password";
    pw.hint = t(l, "password_hint");
    let mut disabled = field(l, "account_disabled", "select", get("disabled"));
    disabled.key = "disabled";
    for (val, key) in [("", "no"), ("yes", "yes")] {
        disabled.options.push(crate::http::layout::Opt {
            value: val.into(),
            label: t(l, key).into(),
            selected: get("disabled") == val,
        });
    }
    vec![
        username,
        field(l, "display_name", "text", get("display_name")),
        role,
        scope,
        pw,
        disabled,
    ]
}

pub(crate) async fn account_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    st.app
        .accounts(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let v: HashMap<String, String> = [("role".to_string(), "viewer".to_string())].into();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "new_account").into(),
        "/accounts/new".into(),
        "/accounts".into(),
        account_fields(l, &v, false),
        None,
    )
    .await)
}

pub(crate) async fn account_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(name): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let list = st
        .app
        .accounts(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let a = list
        .into_iter()
        .find(|a| a.username == name)
        .ok_or_else(|| WebError::new(l, AppError::not_found("account", name.clone())))?;
    let units = st.app.units().await.map_err(|e| WebError::new(l, e))?;
    let v: HashMap<String, String> = [
        ("username", a.username.clone()),
        ("display_name", a.display_name.clone()),
        ("role", a.role.code().to_string()),
        ("scope", scope_input(&units, &a.scope)),
        ("disabled", if a.disabled { "yes" } else { "" }.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {name}", t(l, "edit")),
        format!("/accounts/{}/edit", enc(&name)),
        "/accounts".into(),
        account_fields(l, &v, true),
        None,
    )
    .await)
}

pub(crate) async fn save_account(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    mut v: HashMap<String, String>,
    fixed: Option<String>,
) -> WebResult {
    if let Some(n) = &fixed {
        v.insert("username".into(), n.clone());
    }
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let (heading, action) = match &fixed {
        Some(n) => (
            format!("{} — {n}", t(l, "edit")),
            format!("/accounts/{}/edit", enc(n)),
        ),
        None => (t(l, "new_account").to_string(), "/accounts/new".to_string()),
    };
    let existing = st
        .app
        .store()
        .account(&get("username"))
        .await
        .map_err(|e| WebError::new(l, e.into()))?;
    let result: Result<(), AppError> = async {
        let role = Role::parse(&get("role")).ok_or_else(|| {
            AppError::invalid("role", get("role"), hoptac_core::msg!("web.unknown_role"))
        })?;
        let scope_in = get("scope");
        let scope = if scope_in == "all" {
            Scope::All
        } else if let Some(c) = scope_in.strip_prefix("org:") {
            Scope::Org(hoptac_core::OrgCode::parse(c).ok_or_else(|| {
                AppError::invalid(
                    "scope",
                    scope_in.clone(),
                    hoptac_core::msg!("web.invalid_organisation_code"),
                )
            })?)
        } else {
            match st.app.resolve_scope(&scope_in).await {
                Ok(unit) => Scope::Unit(unit.id),
                Err(AppError::Invalid { msg, .. }) => {
                    return Err(AppError::invalid("scope", scope_in.clone(), msg));
                }
                Err(e) => return Err(e),
            }
        };
        let password = Some(get("password")).filter(|p| !p.is_empty());
        let account = Account {
            username: get("username"),
            display_name: get("display_name"),
            role,
            scope,
            // an account made or reset by someone else must choose its own password
            must_change_password: password.is_some()
                || existing
                    .as_ref()
                    .is_some_and(|e| e.account.must_change_password),
            disabled: get("disabled") == "yes",
        };
        match fixed {
            None => {
                st.app
                    .create_account(u.actor(), account, password.as_deref())
                    .await
            }
            Some(_) => {
                st.app
                    .save_account(u.actor(), account, password.as_deref())
                    .await
            }
        }
    }
    .await;
    match result {
        Ok(()) => Ok(Redirect::to("/accounts").into_response()),
        Err(AppError::Invalid { field, msg, value }) => {
            let text = format!(
                "{}{}",
                msg.get(l.code()),
                if value.is_empty() {
                    String::new()
                } else {
                    format!(" [{value}]")
                }
            );
            Ok(form_page_errors(
                st,
                u,
                l,
                heading,
                action,
                "/accounts".into(),
                account_fields(l, &v, fixed.is_some()),
                Some(vec![(field, text)]),
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub(crate) async fn account_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_account(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub(crate) async fn account_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(name): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_account(&st, &u, lang(&h), to_map(&pairs), Some(name)).await
}
