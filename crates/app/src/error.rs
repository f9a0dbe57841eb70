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
                Msg::new(
                    format!("Không tìm thấy {vi_kind} \"{key}\""),
                    format!("No {kind} \"{key}\" was found"),
                )
            }
            AppError::Unreadable(e) => Msg::new(e.to_string(), e.to_string()),
            AppError::Unauthorized => Msg::new(
                "Sai tên đăng nhập hoặc mật khẩu",
                "Wrong username or password",
            ),
            AppError::Forbidden => Msg::new(
                "Tài khoản này không có quyền làm việc đó",
                "This account is not allowed to do that",
            ),
            AppError::Throttled(s) => Msg::new(
                format!("Đăng nhập sai nhiều lần: hãy thử lại sau {s} giây"),
                format!("Too many failed logins: try again in {s} seconds"),
            ),
            AppError::TooLarge(n) => Msg::new(
                format!("Tệp quá lớn: tối đa {} MB", n / (1024 * 1024)),
                format!("The file is too large: at most {} MB", n / (1024 * 1024)),
            ),
            AppError::Unsupported(f) => Msg::new(
                format!("Bản cài đặt này không xuất được tệp {f}; hãy tải bản Word (docx)"),
                format!("This installation cannot make {f} files; download the Word file (docx)"),
            ),
            AppError::Store(_) | AppError::Internal(_) => Msg::new(
                "Lỗi hệ thống; dữ liệu không bị thay đổi. Hãy thử lại hoặc báo cho quản trị viên.",
                "System error; no data was changed. Try again or tell the administrator.",
            ),
        }
    }
}

pub type Result<T> = std::result::Result<T, AppError>;
