//! The first-run page's templates.

use crate::http::layout::Page;
use askama::Template;
use hoptac_app::UnitChoice;

#[derive(Template)]
#[template(path = "setup/setup.html")]
pub(crate) struct SetupPage {
    pub p: Page,
    pub q: String,
    /// The office's unit as chosen ("" before the first choice).
    pub current: String,
    pub list: SetupList,
    /// What a failed choice said.
    pub error: String,
}

/// The matches, also sent alone to the script that refreshes them as the user types.
#[derive(Template)]
#[template(path = "setup/list.html")]
pub(crate) struct SetupList {
    pub p: Page,
    pub q: String,
    pub hits: Vec<UnitChoice>,
    pub may_choose: bool,
}

impl SetupList {
    pub fn level_label(&self, u: &UnitChoice) -> &'static str {
        match u.level {
            "province" => self.p.t("level_province"),
            "district" => self.p.t("level_district"),
            _ => self.p.t("level_commune"),
        }
    }
}
