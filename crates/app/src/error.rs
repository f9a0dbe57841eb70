//! The application's error: a stable code, the field and value concerned, and a message in
//! Vietnamese and English. The web and the CLI translate it at the edge.

use hoptac_core::Msg;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The user's input is wrong; nothing was written.
    #[error("{field} = {value:?}: {msg}")]
    Invalid {
        field: String,
        value: String,
        msg: Msg,
    },
    #[error("not found: {kind} {key}")]
    NotFound { kind: &'static str, key: String },
    /// A file that cannot be read as a workbook or CSV.
    #[error("{0}")]
    Unreadable(#[from] hoptac_exchange::ReadError),
    #[error("storage: {0}")]
    Store(#[from] hoptac_store::StoreError),
    #[error("internal: {0}")]
    Internal(String),
    /// Wrong user name or password (never says which).
    #[error("unauthorized")]
    Unauthorized,
    /// Not allowed for this account; recorded in the audit trail.
    #[error("forbidden")]
    Forbidden,
    /// Too many failed logins: wait this many seconds.
    #[error("throttled for {0} s")]
    Throttled(u64),
    /// An upload over the limit (in bytes).
    #[error("upload over {0} bytes")]
    TooLarge(usize),
    /// A format this build cannot make (a PDF where no typesetter is linked).
    #[error("format not in this build: {0}")]
    Unsupported(&'static str),
}

impl AppError {
    pub fn invalid(field: impl Into<String>, value: impl Into<String>, msg: Msg) -> AppError {
        AppError::Invalid {
            field: field.into(),
            value: value.into(),
            msg,
        }
    }
    pub fn not_found(kind: &'static str, key: impl Into<String>) -> AppError {
        AppError::NotFound {
            kind,
            key: key.into(),
        }
    }
    pub fn internal(s: impl Into<String>) -> AppError {
        AppError::Internal(s.into())
    }

    /// Stable machine code, for logs, tests and API clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid { .. } => "invalid_input",
            AppError::NotFound { .. } => "not_found",
            AppError::Unreadable(_) => "unreadable_file",
            AppError::Store(_) => "storage_error",
            AppError::Internal(_) => "internal_error",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::Throttled(_) => "throttled",
            AppError::TooLarge(_) => "too_large",
            AppError::Unsupported(_) => "unsupported_format",
        }
    }

    /// Whether the user caused it (and can fix it), as opposed to a fault of the system.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            AppError::Invalid { .. }
                | AppError::NotFound { .. }
                | AppError::Unreadable(_)
                | AppError::Unauthorized
                | AppError::Forbidden
                | AppError::Throttled(_)
                | AppError::TooLarge(_)
                | AppError::Unsupported(_)
        )
    }

    pub fn message(&self) -> Msg {
        match self {
            AppError::Invalid { msg, .. } => msg.clone(),
            AppError::NotFound { kind, key } => {
                let vi_kind = match *kind {
                    "org" => "tổ chức",
                    "report" => "báo cáo năm",
                    _ => "mục",
                };
                hoptac_core::msg!(
                    "error.no_vi_kind_key_was",
                    vi_kind = hoptac_core::i18n::Arg::both(vi_kind, kind),
                    key = key
                )
            }
            AppError::Unreadable(e) => hoptac_core::msg!("error.e", e = e.to_string()),
            AppError::Unauthorized => hoptac_core::msg!("error.wrong_username_password"),
            AppError::Forbidden => hoptac_core::msg!("error.account_not_allowed_do"),
            AppError::Throttled(s) => hoptac_core::msg!("error.too_many_failed_logins_try", s = s),
            AppError::TooLarge(n) => {
                hoptac_core::msg!("error.file_too_large_at_most", value = n / (1024 * 1024))
            }
            AppError::Unsupported(f) => {
                hoptac_core::msg!("error.installation_cannot_make_f_files", f = f)
            }
            AppError::Store(_) | AppError::Internal(_) => {
                hoptac_core::msg!("error.system_error_no_data_was")
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, AppError>;
