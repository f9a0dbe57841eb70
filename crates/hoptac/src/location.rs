//! Where the database is (`--db`, `HOPTAC_DB`): an embedded SQLite file, named by a path or
//! `sqlite://path`, or a PostgreSQL server, named by `postgres://user@host/db`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Db {
    /// An embedded SQLite file (tệp cơ sở dữ liệu).
    File(PathBuf),
    /// A PostgreSQL server's database, by URL.
    Server(String),
}

impl FromStr for Db {
    type Err = String;

    fn from_str(s: &str) -> Result<Db, String> {
        let s = s.trim();
        if s.is_empty() {
            return Err(
                "cần tên tệp hoặc địa chỉ cơ sở dữ liệu / a file or database URL is needed".into(),
            );
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(Db::Server(s.to_string()));
        }
        if let Some(path) = s.strip_prefix("sqlite://") {
            let path = path.split('?').next().unwrap_or(path);
            return Ok(Db::File(PathBuf::from(path)));
        }
        if let Some((scheme, _)) = s.split_once("://") {
            return Err(format!(
                "không hỗ trợ cơ sở dữ liệu {scheme}:// (dùng tệp SQLite hoặc postgres://) / \
                 {scheme}:// is not supported (use a SQLite file or postgres://)"
            ));
        }
        Ok(Db::File(PathBuf::from(s)))
    }
}

/// Shown in messages and the server's first line: a URL's password is never printed.
impl fmt::Display for Db {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Db::File(p) => write!(f, "{}", p.display()),
            Db::Server(url) => f.write_str(&without_password(url)),
        }
    }
}

fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    // the user info ends at the last '@' before the host's path
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or(user);
            format!("{scheme}://{user}@{host}{}", &rest[authority_end..])
        }
        None => url.to_string(),
    }
}

impl Db {
    /// The file, for what only a file has (its lock, a backup copied over it).
    pub(crate) fn file(&self) -> Option<&Path> {
        match self {
            Db::File(p) => Some(p),
            Db::Server(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_urls_choose_the_backend() {
        assert_eq!("hoptac.db".parse(), Ok(Db::File("hoptac.db".into())));
        assert_eq!(
            "sqlite:///var/lib/hoptac.db".parse(),
            Ok(Db::File("/var/lib/hoptac.db".into()))
        );
        assert_eq!(
            "postgres://hoptac@db.example/hoptac".parse(),
            Ok(Db::Server("postgres://hoptac@db.example/hoptac".into()))
        );
        assert!(
            "mysql://x/y"
                .parse::<Db>()
                .unwrap_err()
                .contains("mysql://")
        );
        assert!("".parse::<Db>().is_err());
    }

    #[test]
    fn a_password_is_never_shown() {
        let db: Db = "postgres://hoptac:Bi-Mat-2026@10.0.0.5:5432/hoptac?sslmode=require"
            .parse()
            .unwrap();
        assert_eq!(
            db.to_string(),
            "postgres://hoptac@10.0.0.5:5432/hoptac?sslmode=require"
        );
        assert_eq!(
            Db::Server("postgres://localhost/hoptac".into()).to_string(),
            "postgres://localhost/hoptac"
        );
    }
}
