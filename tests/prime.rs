//! `jerry prime`: what an agent needs at the start of a session, within its token budget
//! (characters / 4), checked against the project it describes, at 10,000 items.

mod common;

use common::Workspace;
use serde_json::Value;

fn ids(value: &Value) -> Vec<String> {
    common::ids(value)
}

#[test]
fn a_prime_of_a_big_project_fits_its_budget_and_says_what_is_so() {
    let ws = Workspace::new();
    ws.ok(&["generate", "--items", "10000", "--events-per-item", "1"]);
    ws.ok(&[
        "items",
        "claim",
        "WORK-00042",
        "--as",
        "agent-7",
        "--lease",
        "30m",
    ]);
    ws.ok(&["items", "claim", "--as", "agent-8"]);
    ws.ok(&["items", "complete", "17"]);
    ws.ok(&["items", "cancel", "18"]);
    for (args, budget) in [
        (&["prime"][..], 1500),
        (&["prime", "--format", "markdown"], 1500),
        (&["prime", "--max-tokens", "300"], 300),
    ] {
        let mut full = args.to_vec();
        full.extend(["--actor", "agent-7"]);
        let text = ws.ok(&full);
        assert!(
            text.chars().count() <= budget * 4,
            "{args:?}: {} characters",
            text.chars().count()
        );
        assert!(
            text.contains("WORK-042"),
            "{args:?}: the agent's own claim is always there:\n{text}"
        );
        assert!(text.contains("items claim"), "{args:?}: the commands are there");
    }
    let prime = ws.json(&["prime", "--actor", "agent-7"]);
    assert_eq!(prime["project"], "PROJ-001");
    assert_eq!(ids(&prime["mine"]), ["WORK-042"]);
    assert!(prime["mine"][0]["lease_until"].is_string());
    let others = &prime["in_progress"];
    assert_eq!(others.as_array().unwrap().len(), 1, "{others}");
    assert_eq!(others[0]["assignee"], "agent-8");
    assert_eq!(
        ids(&prime["recently_closed"]),
        ["WORK-018", "WORK-017"],
        "most recent first"
    );
    // Next is pending work nobody has, most urgent first, as items next ranks it.
    let next = ws.json(&["items", "next", "--assignee", "none", "--limit", "20"]);
    let ranked: Vec<String> = ids(&next)
        .into_iter()
        .take(prime["next"].as_array().unwrap().len())
        .collect();
    assert!(!ranked.is_empty());
    assert_eq!(ids(&prime["next"]), ranked);
    assert_eq!(prime["conflicts"], serde_json::json!([]));
    // A budget too small for the essentials is refused, not silently overrun.
    common::assert_fails(
        &ws.run(&["prime", "--max-tokens", "10"]),
        5,
        "--max-tokens 10 is too small",
    );
}
