//! Versioned schema migrations, applied by `jerry store init` and checked on every open.
//!
//! Each migration runs once, in order, inside one transaction that holds an advisory lock,
//! so two `store init`s at once cannot both apply it. A database whose schema is newer
//! than this jerry is refused rather than written to with old assumptions.

use postgres::Client;

/// The migrations, oldest first; version n is `MIGRATIONS[n - 1]`. Never edit one that
/// has shipped: add the next.
pub(super) const MIGRATIONS: &[(&str, &str)] = &[
    (
        "events, heads, idempotency keys, numbers and caches",
        r#"
CREATE TABLE jerry_events (
    scope       TEXT        NOT NULL,
    position    BIGINT      NOT NULL,
    stream      TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    event_id    TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, position),
    UNIQUE (scope, stream, version),
    UNIQUE (scope, event_id)
);
CREATE TABLE jerry_heads (
    scope    TEXT   PRIMARY KEY,
    position BIGINT NOT NULL
);
CREATE TABLE jerry_once (
    scope  TEXT NOT NULL,
    key    TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE TABLE jerry_numbers (
    scope  TEXT   NOT NULL,
    family TEXT   NOT NULL,
    next   BIGINT NOT NULL,
    PRIMARY KEY (scope, family)
);
CREATE TABLE jerry_caches (
    scope TEXT  NOT NULL,
    name  TEXT  NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (scope, name)
);
"#,
    ),
    (
        "the database itself notifies followers when a project's head moves",
        r#"
CREATE FUNCTION jerry_notify_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('jerry_events', NEW.scope);
    RETURN NEW;
END
$$;
CREATE TRIGGER jerry_heads_notify AFTER UPDATE OF position ON jerry_heads
    FOR EACH ROW EXECUTE FUNCTION jerry_notify_head();
"#,
    ),
    (
        "state records (the policies' checkpoint) kept apart from the caches",
        r#"
CREATE TABLE jerry_state (
    scope TEXT  NOT NULL,
    name  TEXT  NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (scope, name)
);
"#,
    ),
];

/// The schema version this jerry needs.
pub fn wanted() -> u32 {
    MIGRATIONS.len() as u32
}

/// Arbitrary, fixed: the advisory lock key `store init` holds while migrating.
const MIGRATION_LOCK: i64 = 0x6a65_7272_795f_6d31;

/// The schema version applied to the database; 0 for a database jerry never initialised.
pub(super) fn applied(client: &mut Client) -> Result<u32, postgres::Error> {
    let exists: bool = client
        .query_one("SELECT to_regclass('jerry_schema_migrations') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let version: Option<i32> = client
        .query_one("SELECT MAX(version) FROM jerry_schema_migrations", &[])?
        .get(0);
    Ok(version.and_then(|v| u32::try_from(v).ok()).unwrap_or(0))
}

/// Applies every missing migration; returns the versions it applied.
pub(super) fn migrate(client: &mut Client) -> Result<Vec<u32>, postgres::Error> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS jerry_schema_migrations (
             version    INTEGER     PRIMARY KEY,
             name       TEXT        NOT NULL,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )?;
    let current: Option<i32> = tx
        .query_one("SELECT MAX(version) FROM jerry_schema_migrations", &[])?
        .get(0);
    let current = current.unwrap_or(0).max(0) as usize;
    let mut applied = Vec::new();
    for (index, (name, statements)) in MIGRATIONS.iter().enumerate().skip(current) {
        let version = index as i32 + 1;
        tx.batch_execute(statements)?;
        tx.execute(
            "INSERT INTO jerry_schema_migrations (version, name) VALUES ($1, $2)",
            &[&version, name],
        )?;
        applied.push(version as u32);
    }
    tx.commit()?;
    Ok(applied)
}
