//! What every page shares, and the template structs.

use crate::i18n::{Lang, t};
use askama::Template;

/// The frame of every page: language, demo banner, title.
pub struct Page {
    pub lang: Lang,
    pub demo: bool,
    pub title_key: &'static str,
    /// Who is signed in ("" on the login page).
    pub user: String,
    /// The session's CSRF token, for every form.
    pub csrf: String,
    pub can_manage_accounts: bool,
    pub can_view_audit: bool,
}

impl Page {
    pub fn new(lang: Lang, demo: bool, title_key: &'static str) -> Page {
        Page {
            lang,
            demo,
            title_key,
            user: String::new(),
            csrf: String::new(),
            can_manage_accounts: false,
            can_view_audit: false,
        }
    }

    pub fn for_user(mut self, u: &crate::session::CurrentUser) -> Page {
        use hoptac_core::auth::Role;
        let a = &u.actor().account;
        self.user = if a.display_name.is_empty() {
            a.username.clone()
        } else {
            format!("{} ({})", a.display_name, a.username)
        };
        self.csrf = u.session.csrf.clone();
        self.can_manage_accounts = a.role == Role::Admin;
        self.can_view_audit = matches!(a.role, Role::Admin | Role::Staff);
        self
    }
    pub fn t(&self, key: &str) -> &'static str {
        t(self.lang, key)
    }
    pub fn title(&self) -> &'static str {
        t(self.lang, self.title_key)
    }
    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }
    pub fn other_lang(&self) -> &'static str {
        if self.lang == Lang::Vi { "en" } else { "vi" }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub p: Page,
    pub code: &'static str,
    pub message: String,
    pub other: String,
}

/// An option of a `<select>`.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct IndicatorRow {
    pub label: String,
    pub unit: &'static str,
    pub base: String,
    pub value: String,
    pub change: String,
    pub ratio: String,
    pub link: String,
    pub flow: bool,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct Dashboard {
    pub p: Page,
    pub from: i32,
    pub to: i32,
    pub scopes: Vec<Opt>,
    pub rows: Vec<IndicatorRow>,
    pub chart_htx: String,
    pub chart_tht: String,
    pub chart_revenue: String,
    pub chart_profit: String,
    /// "HTX: 22 + 11 − 12 = 21 ✓" lines.
    pub stock_flow: Vec<(String, bool)>,
    pub report_link: String,
}

pub struct OrgListRow {
    pub code: String,
    pub name: String,
    pub kind: &'static str,
    pub sector: &'static str,
    pub commune: String,
    pub founded: String,
    pub dissolved: String,
}

pub struct SortLink {
    pub label: &'static str,
    pub href: String,
    pub mark: &'static str,
}

#[derive(Template)]
#[template(path = "registry.html")]
pub struct Registry {
    pub p: Page,
    pub q: String,
    pub kinds: Vec<Opt>,
    pub sectors: Vec<Opt>,
    pub communes: Vec<Opt>,
    pub year: String,
    pub rows: Vec<OrgListRow>,
    pub total: u64,
    pub page: u32,
    pub pages: u32,
    pub prev_link: String,
    pub next_link: String,
    pub sort_links: Vec<SortLink>,
}

pub struct KeyVal {
    pub key: &'static str,
    pub value: String,
}

pub struct ReportRow {
    pub year: i32,
    pub cells: Vec<String>,
    pub edit: String,
}

pub struct ManagerRow {
    pub name: String,
    pub role: &'static str,
    pub qualification: String,
    pub trained: String,
    pub term: String,
}

#[derive(Template)]
#[template(path = "org.html")]
pub struct OrgPage {
    pub p: Page,
    pub code: String,
    pub name: String,
    pub facts: Vec<KeyVal>,
    pub report_heads: Vec<&'static str>,
    pub reports: Vec<ReportRow>,
    pub managers: Vec<ManagerRow>,
    pub chart_members: String,
    pub chart_revenue: String,
    pub notice: String,
    pub warnings: Vec<String>,
    /// "by … on …" of the last change of the profile.
    pub last_change: String,
}

/// One input of a form, with what was typed and the message for it.
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: &'static str,
    pub value: String,
    pub options: Vec<Opt>,
    pub error: String,
    pub hint: &'static str,
    pub readonly: bool,
    pub required: bool,
}

#[derive(Template)]
#[template(path = "form.html")]
pub struct FormPage {
    pub p: Page,
    pub heading: String,
    pub action: String,
    pub back: String,
    pub fields: Vec<Field>,
    pub general_errors: Vec<String>,
}

pub struct SummaryRow {
    pub table: &'static str,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

pub struct ProblemRow {
    pub error: bool,
    pub sheet: String,
    pub row: String,
    pub column: String,
    pub value: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "import.html")]
pub struct ImportPage {
    pub p: Page,
    pub checked: bool,
    pub file_name: String,
    pub token: String,
    pub blocked: bool,
    pub done: bool,
    pub nothing: bool,
    pub summary: Vec<SummaryRow>,
    /// The first [`crate::handlers::PREVIEW_PROBLEMS`] problems: a page stays small
    /// whatever the file holds.
    pub problems: Vec<ProblemRow>,
    /// Every problem counted by sheet and column: (sheet, column, errors, warnings).
    pub by_column: Vec<(String, String, usize, usize)>,
    /// Problems not listed on the page.
    pub more: usize,
    /// This page of the problems (from 1), how many there are, and the token of the kept
    /// outcome the others are read from ("" when all fit on one).
    pub page: usize,
    pub pages: usize,
    pub results: String,
    pub errors: usize,
    pub warnings: usize,
    pub notice: String,
}

#[derive(Template)]
#[template(path = "situation.html")]
pub struct SituationPage {
    pub p: Page,
    pub from: i32,
    pub to: i32,
    pub scopes: Vec<Opt>,
    pub body: String,
    pub md_link: String,
    /// The same query, for the Word and Excel downloads.
    pub query: String,
    /// Settings the official document lacks (shown before downloading it).
    pub missing: Vec<String>,
}
