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
            e if e.is_busy() => "busy",
            AppError::Store(_) => "storage_error",
            AppError::Internal(_) => "internal_error",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::Throttled(_) => "throttled",
            AppError::TooLarge(_) => "too_large",
            AppError::Unsupported(_) => "unsupported_format",
        }
    }

    /// Whether the database was too busy to take the request (other writers came first, or
    /// no connection was free in time): nothing was done, and sending it again a moment
    /// later is the answer, not a report to the administrator.
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            AppError::Store(
                hoptac_store::StoreError::Conflict { .. } | hoptac_store::StoreError::Busy(_)
            )
        )
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
                let what = match *kind {
                    "account" => hoptac_core::msg!("error.kind.account"),
                    "case" => hoptac_core::msg!("error.kind.case"),
                    "contract" => hoptac_core::msg!("error.kind.contract"),
                    "course" => hoptac_core::msg!("error.kind.course"),
                    "delivery" => hoptac_core::msg!("error.kind.delivery"),
                    "linkage_project" => hoptac_core::msg!("error.kind.linkage_project"),
                    "ledger" => hoptac_core::msg!("error.kind.ledger"),
                    "voucher" => hoptac_core::msg!("error.kind.voucher"),
                    "disbursement" => hoptac_core::msg!("error.kind.disbursement"),
                    "event" => hoptac_core::msg!("error.kind.event"),
                    "facility" => hoptac_core::msg!("error.kind.facility"),
                    "indicator" => hoptac_core::msg!("error.kind.indicator"),
                    "lot" => hoptac_core::msg!("error.kind.lot"),
                    "meeting" => hoptac_core::msg!("error.kind.meeting"),
                    "merge" => hoptac_core::msg!("error.kind.merge"),
                    "ocop_rating" => hoptac_core::msg!("error.kind.ocop_rating"),
                    "org" => hoptac_core::msg!("error.kind.org"),
                    "origin" => hoptac_core::msg!("error.kind.origin"),
                    "page" => hoptac_core::msg!("error.kind.page"),
                    "plan" => hoptac_core::msg!("error.kind.plan"),
                    "product" => hoptac_core::msg!("error.kind.product"),
                    "report" => hoptac_core::msg!("error.kind.report"),
                    "rubric" => hoptac_core::msg!("error.kind.rubric"),
                    "rule" => hoptac_core::msg!("error.kind.rule"),
                    "task" => hoptac_core::msg!("error.kind.task"),
                    "trace_event" => hoptac_core::msg!("error.kind.trace_event"),
                    "target" => hoptac_core::msg!("error.kind.target"),
                    _ => hoptac_core::msg!("error.kind.item"),
                };
                hoptac_core::msg!(
                    "error.not_found",
                    what = hoptac_core::i18n::Arg::msg(what),
                    key = key
                )
            }
            AppError::Unreadable(e) => e.message(),
            AppError::Unauthorized => hoptac_core::msg!("error.unauthorized"),
            AppError::Forbidden => hoptac_core::msg!("error.forbidden"),
            AppError::Throttled(s) => hoptac_core::msg!("error.throttled", s = s),
            AppError::TooLarge(n) => {
                hoptac_core::msg!("error.too_large", value = n / (1024 * 1024))
            }
            AppError::Unsupported(f) => {
                hoptac_core::msg!("error.unsupported_format", f = f)
            }
            e if e.is_busy() => hoptac_core::msg!("error.busy"),
            AppError::Store(_) | AppError::Internal(_) => {
                hoptac_core::msg!("error.system")
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, AppError>;
