//! Which backend a project's events live in, as the user names it: `jsonl` (the default),
//! `sqlite:<path>` or `postgres://…`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::StoreError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreUrl {
    /// One JSON Lines file per stream under the project's `.jerry/data/`.
    Jsonl,
    /// One SQLite database file, which may hold several projects.
    Sqlite(PathBuf),
    /// A PostgreSQL connection string (`postgres://user@host:port/db`), which may hold
    /// several projects.
    Postgres(String),
}

impl StoreUrl {
    /// `jsonl`, `sqlite` or `postgres`.
    pub fn kind(&self) -> &'static str {
        match self {
            StoreUrl::Jsonl => "jsonl",
            StoreUrl::Sqlite(_) => "sqlite",
            StoreUrl::Postgres(_) => "postgres",
        }
    }

    /// The URL whole, password included, as `JERRY_STORE` takes it: for handing to another
    /// jerry process (never for printing; [`fmt::Display`] hides the password).
    pub fn setting(&self) -> std::ffi::OsString {
        match self {
            StoreUrl::Jsonl => "jsonl".into(),
            StoreUrl::Sqlite(path) => {
                let mut text = std::ffi::OsString::from("sqlite:");
                text.push(path);
                text
            }
            StoreUrl::Postgres(url) => url.into(),
        }
    }

    /// A relative SQLite path resolved against `base`; other stores as they are.
    pub fn relative_to(self, base: &Path) -> Self {
        match self {
            StoreUrl::Sqlite(path) if path.is_relative() => StoreUrl::Sqlite(base.join(path)),
            other => other,
        }
    }
}

impl FromStr for StoreUrl {
    type Err = StoreError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = |reason| StoreError::InvalidUrl {
            url: redact(text),
            reason,
        };
        if text == "jsonl" || text == "jsonl:" {
            return Ok(StoreUrl::Jsonl);
        }
        if let Some(path) = text.strip_prefix("sqlite:") {
            let path = path.strip_prefix("//").unwrap_or(path);
            if path.is_empty() {
                return Err(invalid("sqlite: needs a file path, as in sqlite:jerry.db"));
            }
            return Ok(StoreUrl::Sqlite(PathBuf::from(path)));
        }
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            return match text.parse::<postgres::Config>() {
                Ok(_) => Ok(StoreUrl::Postgres(text.to_owned())),
                Err(_) => Err(invalid("not a valid PostgreSQL connection URL")),
            };
        }
        Err(invalid(
            "expected jsonl, sqlite:<path> or postgres://user@host/database",
        ))
    }
}

/// Shows the store without a password.
impl fmt::Display for StoreUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreUrl::Jsonl => f.write_str("jsonl"),
            StoreUrl::Sqlite(path) => write!(f, "sqlite:{}", path.display()),
            StoreUrl::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`, so errors and output
/// never print a password.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_backend() {
        assert_eq!("jsonl".parse::<StoreUrl>().unwrap(), StoreUrl::Jsonl);
        assert_eq!(
            "sqlite:data/jerry.db".parse::<StoreUrl>().unwrap(),
            StoreUrl::Sqlite("data/jerry.db".into())
        );
        assert_eq!(
            "sqlite:///tmp/j.db".parse::<StoreUrl>().unwrap(),
            StoreUrl::Sqlite("/tmp/j.db".into())
        );
        assert_eq!(
            "postgres://u@localhost:5432/jerry"
                .parse::<StoreUrl>()
                .unwrap()
                .kind(),
            "postgres"
        );
        for bad in ["", "mysql://x", "sqlite:", "files", "postgres://u@h:notaport/db"] {
            assert!(bad.parse::<StoreUrl>().is_err(), "{bad}");
        }
    }

    #[test]
    fn never_shows_a_password() {
        let url: StoreUrl = "postgres://ann:s3cret@db.example:5432/jerry".parse().unwrap();
        assert_eq!(url.to_string(), "postgres://ann:***@db.example:5432/jerry");
        assert!(!redact("postgresql://ann:pw@h/db?x=1").contains("pw"));
        assert_eq!(redact("postgres://ann@h/db"), "postgres://ann@h/db");
    }

    #[test]
    fn relative_sqlite_paths_follow_the_base() {
        let url = StoreUrl::Sqlite("j.db".into()).relative_to(Path::new("/w"));
        assert_eq!(url, StoreUrl::Sqlite("/w/j.db".into()));
        let url = StoreUrl::Sqlite("/abs.db".into()).relative_to(Path::new("/w"));
        assert_eq!(url, StoreUrl::Sqlite("/abs.db".into()));
    }
}
