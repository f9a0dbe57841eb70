//! What every page shares (the layout, the error page) and the form templates.

use crate::http::i18n::Lang;
use crate::http::i18n::t;
use askama::Template;

/// The frame of every page: language, demo banner, title.
#[derive(Clone)]
pub(crate) struct Page {
    pub lang: Lang,
    pub demo: bool,
    pub title_key: &'static str,
    /// A title of its own (an organisation's name), in place of the key's words.
    pub title_text: String,
    /// Who is signed in ("" on the login page).
    pub user: String,
    /// The session's CSRF token, for every form.
    pub csrf: String,
    pub can_manage_accounts: bool,
    pub can_view_audit: bool,
    /// Not a viewer: the account may write something (the import menu entry).
    pub can_write: bool,
    /// A cooperative's own account: its menu is its own organisation, not the office's pages.
    pub is_org: bool,
    /// The count of the account's to-do list, shown in the header.
    pub todo: usize,
}

impl Page {
    pub fn new(lang: Lang, demo: bool, title_key: &'static str) -> Page {
        Page {
            lang,
            demo,
            title_key,
            title_text: String::new(),
            user: String::new(),
            csrf: String::new(),
            can_manage_accounts: false,
            can_view_audit: false,
            can_write: false,
            is_org: false,
            todo: 0,
        }
    }

    pub fn t(&self, key: &str) -> &'static str {
        t(self.lang, key)
    }
    pub fn title(&self) -> &str {
        if self.title_text.is_empty() {
            t(self.lang, self.title_key)
        } else {
            &self.title_text
        }
    }
    pub fn version(&self) -> &'static str {
        env!("CARGO_PKG_VERSION")
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
pub(crate) struct ErrorPage {
    pub p: Page,
    pub code: String,
    pub message: String,
    pub other: String,
}

/// An option of a `<select>`.
pub(crate) struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// One input of a form, with what was typed and the message for it.
pub(crate) struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: &'static str,
    pub value: String,
    pub options: Vec<Opt>,
    pub error: String,
    /// A plausibility warning on this field, shown before the figures are saved.
    pub warning: String,
    pub hint: &'static str,
    /// Who fills the field in ("HTX khai" / "Cơ quan quản lý ghi"), "" when it is not split.
    pub owner: &'static str,
    /// The same field's value a year before ("2024: 276"), beside this year's.
    pub beside: String,
    pub readonly: bool,
    pub required: bool,
}

#[derive(Template)]
#[template(path = "form.html")]
pub(crate) struct FormPage {
    pub p: Page,
    pub heading: String,
    pub action: String,
    pub back: String,
    pub fields: Vec<Field>,
    pub general_errors: Vec<String>,
    /// The form was checked and has warnings only: saving again saves despite them.
    pub warned: bool,
}
