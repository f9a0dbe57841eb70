//! Login, logout, password change, accounts and the audit trail.

use crate::AppState;
use crate::error::{WebError, render};
use crate::handlers::{
    Params, WebResult, enc, field, form_page_errors, lang, page, select, to_map,
};
use crate::i18n::{Lang, t};
use crate::page::Page;
use crate::session::{CurrentUser, clear_cookie, client_ip, session_cookie};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use hoptac_app::AppError;
use hoptac_core::Msg;
use hoptac_core::auth::{Account, Role, Scope};
use hoptac_store::AuditQuery;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub p: Page,
    pub next: String,
    pub username: String,
    pub error: String,
    pub demo_hint: bool,
}

/// Only local paths: never an open redirect.
fn local(next: Option<&String>) -> String {
    next.and_then(|n| crate::handlers::local_path(n))
        .unwrap_or_else(|| "/".into())
}

pub async fn login_form(State(st): State<AppState>, h: HeaderMap, Query(q): Params) -> Response {
    let l = lang(&h);
    let demo = st.app.is_demo().await.unwrap_or(false);
    render(&LoginPage {
        p: Page::new(l, demo, "login"),
        next: local(q.get("next")),
        username: String::new(),
        error: String::new(),
        demo_hint: demo,
    })
}

pub async fn login(
    State(st): State<AppState>,
    h: HeaderMap,
    ext: axum::http::Extensions,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let l = lang(&h);
    let ip = client_ip(&ext, &h, &st.trusted);
    let username = f.get("username").cloned().unwrap_or_default();
    let next = local(f.get("next"));
    match st
        .app
        .login(
            &username,
            f.get("password").map(String::as_str).unwrap_or_default(),
            &ip,
        )
        .await
    {
        Ok(s) => {
            let to = if s.account.must_change_password {
                "/password".to_string()
            } else {
                next
            };
            (
                StatusCode::SEE_OTHER,
                [(SET_COOKIE, session_cookie(&s.token, &h)), (LOCATION, to)],
            )
                .into_response()
        }
        Err(e @ (AppError::Unauthorized | AppError::Throttled(_))) => {
            let status = if matches!(e, AppError::Throttled(_)) {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNAUTHORIZED
            };
            let demo = st.app.is_demo().await.unwrap_or(false);
            let mut r = render(&LoginPage {
                p: Page::new(l, demo, "login"),
                next,
                username,
                error: e.message().get(l.code()).to_string(),
                demo_hint: demo,
            });
            *r.status_mut() = status;
            r
        }
        Err(e) => WebError::new(l, e).into_response(),
    }
}

pub async fn logout(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    st.app
        .logout(&u.token, u.actor())
        .await
        .map_err(|e| WebError::new(lang(&h), e))?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (SET_COOKIE, clear_cookie()),
            (LOCATION, "/login".to_string()),
        ],
    )
        .into_response())
}

fn password_fields(l: Lang) -> Vec<crate::page::Field> {
    let mut cur = field(l, "current_password", "password", String::new());
    cur.key = "current";
    let mut new = field(l, "new_password", "password", String::new());
    new.key = "password";
    new.hint = t(l, "password_hint");
    let mut again = field(l, "repeat_password", "password", String::new());
    again.key = "again";
    vec![cur, new, again]
}

pub async fn password_form(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let heading = if u.actor().account.must_change_password {
        t(l, "must_change_password")
    } else {
        t(l, "change_password")
    };
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading.into(),
        "/password".into(),
        "/".into(),
        password_fields(l),
        None,
    )
    .await)
}

pub async fn password(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    let result = if get("password") != get("again") {
        Err(AppError::invalid(
            "again",
            "",
            Msg::new(
                "Hai lần nhập mật khẩu mới không giống nhau",
                "The two new passwords differ",
            ),
        ))
    } else {
        st.app
            .change_password(u.actor(), &get("current"), &get("password"))
            .await
    };
    match result {
        Ok(()) => Ok((
            StatusCode::SEE_OTHER,
            [
                (SET_COOKIE, clear_cookie()),
                (LOCATION, "/login?changed=1".to_string()),
            ],
        )
            .into_response()),
        Err(AppError::Invalid { field, msg, .. }) => {
            let errs = Some(vec![(field, msg.get(l.code()).to_string())]);
            Ok(form_page_errors(
                &st,
                &u,
                l,
                t(l, "change_password").into(),
                "/password".into(),
                "/".into(),
                password_fields(l),
                errs,
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub struct AccountRow {
    pub username: String,
    pub name: String,
    pub role: &'static str,
    pub scope: String,
    pub state: String,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "accounts.html")]
pub struct AccountsPage {
    pub p: Page,
    pub rows: Vec<AccountRow>,
}

async fn scope_text(st: &AppState, s: &Scope) -> String {
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

fn scope_input(st_units: &[hoptac_core::AdminUnit], s: &Scope) -> String {
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

pub async fn accounts(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
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
            role: if l == Lang::En {
                a.role.label_en()
            } else {
                a.role.label_vi()
            },
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

fn account_fields(l: Lang, v: &HashMap<String, String>, editing: bool) -> Vec<crate::page::Field> {
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
        disabled.options.push(crate::page::Opt {
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

pub async fn account_new_form(
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

pub async fn account_edit_form(
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

async fn save_account(
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
            AppError::invalid(
                "role",
                get("role"),
                Msg::new("Vai trò không hợp lệ", "Unknown role"),
            )
        })?;
        let scope_in = get("scope");
        let scope = if scope_in == "all" {
            Scope::All
        } else if let Some(c) = scope_in.strip_prefix("org:") {
            Scope::Org(hoptac_core::OrgCode::parse(c).ok_or_else(|| {
                AppError::invalid(
                    "scope",
                    scope_in.clone(),
                    Msg::new("Mã tổ chức không hợp lệ", "Invalid organisation code"),
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

pub async fn account_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_account(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub async fn account_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(name): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_account(&st, &u, lang(&h), to_map(&pairs), Some(name)).await
}

pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub ip: String,
    pub action: String,
    pub entity: String,
    pub key: String,
    pub before: String,
    pub after: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage {
    pub p: Page,
    pub heading: String,
    pub actor: String,
    pub entity: String,
    pub key: String,
    pub action: String,
    pub rows: Vec<AuditRow>,
    pub csv_link: String,
}

fn rows(entries: Vec<hoptac_store::AuditEntry>) -> Vec<AuditRow> {
    entries
        .into_iter()
        .map(|e| AuditRow {
            at: e.at,
            actor: e.actor,
            ip: e.ip,
            action: e.action,
            entity: e.entity,
            key: e.key,
            before: e.before.unwrap_or_default(),
            after: e.after.unwrap_or_default(),
        })
        .collect()
}

fn csv_cell(s: &str) -> String {
    // a leading = + - @ would be a formula in a spreadsheet
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn csv(rows: &[AuditRow]) -> String {
    let mut out = String::from("\u{feff}at,actor,ip,action,entity,key,before,after\n");
    for r in rows {
        let cells = [
            &r.at, &r.actor, &r.ip, &r.action, &r.entity, &r.key, &r.before, &r.after,
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

pub async fn audit(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| {
        q.get(k)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let query = AuditQuery {
        actor: get("actor"),
        entity: get("entity"),
        key: get("key"),
        action: get("action"),
        units: None,
        limit: 500,
    };
    let entries = st
        .app
        .audit_trail(u.actor(), query)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let rows = rows(entries);
    if q.get("format").is_some_and(|f| f == "csv") {
        return Ok(crate::handlers::download(
            "text/csv; charset=utf-8",
            "nhat-ky.csv",
            csv(&rows).into_bytes(),
        ));
    }
    let qs: Vec<String> = ["actor", "entity", "key", "action"]
        .iter()
        .filter_map(|k| get(k).map(|v| format!("{k}={}", enc(&v))))
        .collect();
    Ok(render(&AuditPage {
        p: page(&st, &u, l, "nav_audit").await,
        heading: t(l, "nav_audit").into(),
        actor: get("actor").unwrap_or_default(),
        entity: get("entity").unwrap_or_default(),
        key: get("key").unwrap_or_default(),
        action: get("action").unwrap_or_default(),
        rows,
        csv_link: format!("/audit?{}&format=csv", qs.join("&")),
    }))
}

/// The history of one organisation: its profile, yearly figures and managers.
pub async fn org_history(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let entries = st
        .app
        .org_history(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(render(&AuditPage {
        p: page(&st, &u, l, "history").await,
        heading: format!("{} — {code}", t(l, "history")),
        actor: String::new(),
        entity: String::new(),
        key: String::new(),
        action: String::new(),
        rows: rows(entries),
        csv_link: String::new(),
    }))
}
