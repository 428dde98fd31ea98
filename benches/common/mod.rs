//! What the benchmarks share: one small event to append.

use jerry::store::{Metadata, NewEvent};
use jerry::timestamp::Timestamp;

/// A reassignment of WORK-001, about the size of a typical event line.
#[allow(dead_code)]
pub fn event(n: u64) -> NewEvent {
    NewEvent {
        event_id: ulid::Ulid::new(),
        aggregate_type: "work_item".into(),
        aggregate_id: "WORK-001".into(),
        event_type: "AssigneeChanged".into(),
        schema_version: 1,
        timestamp: Timestamp::now(),
        payload: serde_json::json!({ "old_assignee": null, "new_assignee": format!("agent-{n}") }),
        metadata: Metadata {
            actor: "bench".into(),
            correlation_id: None,
            causation_id: None,
            idempotency_key: None,
            undoes: None,
            redoes: None,
            lamport: None,
        },
    }
}

/// The backends a benchmark can measure here, as `--store` URLs of fresh, empty stores in
/// `dir`: files, SQLite, and a new PostgreSQL database when `JERRY_TEST_POSTGRES` names a
/// server (`scripts/pg-test cargo bench …`).
#[allow(dead_code)]
pub fn fresh_stores(dir: &std::path::Path) -> Vec<(&'static str, String)> {
    let mut stores = vec![
        ("jsonl", "jsonl".to_owned()),
        ("sqlite", format!("sqlite:{}", dir.join("bench.db").display())),
    ];
    match std::env::var("JERRY_TEST_POSTGRES") {
        Ok(admin) => {
            let name = format!("jerry_bench_{}", ulid::Ulid::new().to_string().to_lowercase());
            let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("connect");
            client
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create a database");
            let (base, _) = admin.rsplit_once('/').expect("a URL ending in /database");
            stores.push(("postgres", format!("{base}/{name}")));
        }
        Err(_) => eprintln!("note: JERRY_TEST_POSTGRES is not set; PostgreSQL is not measured"),
    }
    stores
}
