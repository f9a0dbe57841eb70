//! The register's templates: the list and one organisation's page.

use crate::http::layout::Opt;
use crate::http::layout::Page;
use askama::Template;

pub(crate) struct OrgListRow {
    pub code: String,
    pub name: String,
    pub kind: &'static str,
    pub sector: &'static str,
    pub commune: String,
    pub founded: String,
    pub dissolved: String,
    /// The year of the key figures (the latest report), "" without one.
    pub figures_year: String,
    pub members: String,
    pub revenue: String,
    pub rating: String,
}

/// A page number of a list ("…" with no address between distant numbers).
pub(crate) struct PageLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

pub(crate) struct SortLink {
    pub label: &'static str,
    pub href: String,
    pub mark: &'static str,
}

#[derive(Template)]
#[template(path = "registry/registry.html")]
pub(crate) struct Registry {
    pub p: Page,
    pub q: String,
    pub kinds: Vec<Opt>,
    pub sectors: Vec<Opt>,
    pub communes: Vec<Opt>,
    pub statuses: Vec<Opt>,
    pub sizes: Vec<Opt>,
    pub year: String,
    pub founded: String,
    pub can_write: bool,
    pub rows: Vec<OrgListRow>,
    /// The count, grouped as Vietnamese numbers are (1.600).
    pub total: String,
    pub page: u32,
    pub pages: u32,
    pub page_links: Vec<PageLink>,
    pub prev_link: String,
    pub next_link: String,
    pub export_link: String,
    pub sort_links: Vec<SortLink>,
}

pub(crate) struct KeyVal {
    pub key: &'static str,
    pub value: String,
}

pub(crate) struct ReportRow {
    pub year: i32,
    pub cells: Vec<String>,
    pub edit: String,
    pub archive: String,
}

/// A yearly report taken out of the register, and how to put it back.
pub(crate) struct ArchivedRow {
    pub year: i32,
    /// dd/mm/yyyy hh:mm, and who.
    pub when: String,
    pub by: String,
    pub reason: String,
    /// "" while it can be restored; else when it was.
    pub restored: String,
    pub restore: String,
}

/// An organisation taken out of the register, and how to put it back.
pub(crate) struct ArchivedOrgRow {
    pub code: String,
    pub name: String,
    pub kind: &'static str,
    pub commune: String,
    pub managers: usize,
    pub when: String,
    pub by: String,
    pub reason: String,
    /// "" while it can be restored; else when it was.
    pub restored: String,
    pub restore: String,
}

#[derive(Template)]
#[template(path = "registry/archived.html")]
pub(crate) struct ArchivedOrgs {
    pub p: Page,
    pub rows: Vec<ArchivedOrgRow>,
    pub notice: String,
    pub can_correct: bool,
}

pub(crate) struct ManagerRow {
    pub name: String,
    pub role: &'static str,
    pub qualification: String,
    pub trained: String,
    /// The course the training day comes from, when it does (empty otherwise).
    pub course: String,
    pub course_href: String,
    pub term: String,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "registry/org.html")]
pub(crate) struct OrgPage {
    pub p: Page,
    pub code: String,
    pub name: String,
    pub facts: Vec<KeyVal>,
    pub report_heads: Vec<&'static str>,
    pub reports: Vec<ReportRow>,
    pub managers: Vec<ManagerRow>,
    pub archived: Vec<ArchivedRow>,
    /// The account may change this organisation (not a viewer).
    pub can_write: bool,
    /// The account may archive and restore its reports (office staff).
    pub can_correct: bool,
    pub chart_members: String,
    pub chart_revenue: String,
    pub notice: String,
    pub warnings: Vec<String>,
    /// "by … on …" of the last change of the profile.
    pub last_change: String,
    /// A Hội quán's page of meetings and profile ("" for other kinds).
    pub club_href: String,
    /// What it was founded from (thành lập từ).
    pub origins: Vec<OriginLine>,
    /// It may be founded from another (not a club), and the account may say so.
    pub can_set_origin: bool,
    /// What its closed books say of its yearly figures (sổ kế toán), beside what was typed.
    pub books: Vec<BookLine>,
}

/// One closed year of books beside the yearly report of that year.
pub(crate) struct BookLine {
    pub year: i32,
    pub revenue: String,
    pub profit: String,
    pub typed_revenue: String,
    pub typed_profit: String,
    pub differs: bool,
    pub href: String,
}

/// An organisation this one was founded from.
pub(crate) struct OriginLine {
    pub name: String,
    pub href: String,
    pub founders: String,
    pub remove: String,
}

pub(crate) const REPORT_KEYS: [&str; 18] = [
    "org_code",
    "year",
    "members",
    "members_joined",
    "members_left",
    "workers",
    "revenue",
    "profit",
    "member_income",
    "worker_income",
    "services",
    "rating",
    "general_meeting_on",
    "statements_filed",
    "received_on",
    "statements_filed_on",
    "self_assessment_sent_on",
    "rating_basis",
];
