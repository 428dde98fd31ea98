//! The contract suite and PostgreSQL's own cases, against the server named by
//! `JERRY_TEST_POSTGRES` (`scripts/pg-test` and `.ci/run` start one). Each test works in a
//! project scope of its own, so tests share one database and run in parallel.

use std::sync::Once;
use std::time::Duration;

use super::PostgresStore;

/// The test server's URL, with the schema created. Without one the tests pass vacuously
/// on a developer's machine but fail in CI, where the server must be there.
pub(crate) fn server() -> Option<String> {
    static INIT: Once = Once::new();
    let Ok(url) = std::env::var("JERRY_TEST_POSTGRES") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must test PostgreSQL: JERRY_TEST_POSTGRES is not set (run the suite through .ci/run or scripts/pg-test)"
        );
        #[allow(clippy::print_stderr)] // a test telling the developer what it skipped
        {
            eprintln!("skipped: JERRY_TEST_POSTGRES is not set (scripts/pg-test cargo test runs these)");
        }
        return None;
    };
    INIT.call_once(|| {
        PostgresStore::init(&url, Duration::from_secs(30)).expect("the test database takes the schema");
    });
    Some(url)
}

/// A store in a scope named after the test's temporary directory.
fn open(dir: &std::path::Path) -> PostgresStore {
    let url = std::env::var("JERRY_TEST_POSTGRES").expect("checked by server()");
    let scope = dir
        .file_name()
        .and_then(|name| name.to_str())
        .expect("a temporary directory has a name");
    PostgresStore::open(&url, scope, Duration::from_secs(30)).expect("the test server accepts connections")
}

crate::store::contract::contract_tests!(open, handles = true, available = || server().is_some());

#[test]
fn projects_in_one_database_are_independent() {
    let Some(url) = server() else { return };
    use crate::store::contract::{events, stream};
    use crate::store::{EventStore, ExpectedVersion};
    let suffix = ulid::Ulid::new().to_string();
    let a = PostgresStore::open(&url, &format!("A-{suffix}"), Duration::from_secs(5)).unwrap();
    let b = PostgresStore::open(&url, &format!("B-{suffix}"), Duration::from_secs(5)).unwrap();
    a.append(&stream("s"), events(3), ExpectedVersion::NoStream)
        .unwrap();
    let appended = b
        .append(&stream("s"), events(1), ExpectedVersion::NoStream)
        .unwrap();
    assert_eq!((appended.version, appended.position), (1, 1));
    assert_eq!(a.head_position().unwrap(), 3);
    assert_eq!(b.read_global(0, 10).unwrap().len(), 1);
}

#[test]
fn init_is_idempotent_and_open_checks_the_schema() {
    let Some(url) = server() else { return };
    let again = PostgresStore::init(&url, Duration::from_secs(5)).unwrap();
    assert!(again.applied.is_empty(), "{again:?}");
    assert_eq!(again.version, super::schema_version());
}

#[test]
fn a_bad_server_is_one_clear_error() {
    let err = PostgresStore::open("postgres://nobody@127.0.0.1:1/none", "P", Duration::from_secs(1))
        .err()
        .expect("nothing listens on port 1");
    let text = err.to_string();
    assert!(
        text.starts_with("postgres://nobody@127.0.0.1:1/none: cannot connect"),
        "{text}"
    );
}
