//! The situation report page's template.

use crate::http::layout::Opt;
use crate::http::layout::Page;
use askama::Template;

#[derive(Template)]
#[template(path = "documents/situation.html")]
pub(crate) struct SituationPage {
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
