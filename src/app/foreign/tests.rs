use super::*;
use crate::domain::{source_ulid, ItemRef};

#[test]
fn a_source_reference_names_the_same_item_forever() {
    // Part of the on-disk format: every imported item's internal id is this hash.
    let ulid = source_ulid("github:acme/widgets#12").expect("a reference");
    assert_eq!(
        ulid,
        source_ulid("github:Acme/Widgets#12").unwrap(),
        "GitHub is case-insensitive"
    );
    assert_eq!(ulid.to_string(), "5GVP4WW0FQV1GFXZTPW231S8HE");
    assert_ne!(
        source_ulid("beads:bd-1"),
        source_ulid("beads:BD-1"),
        "beads ids are case-sensitive"
    );
    assert_eq!(source_ulid("beads:"), None);
    assert_eq!(source_ulid("jira:ABC-1"), None);
    let typed = "taskwarrior:u-1".parse::<ItemRef>().unwrap();
    assert!(matches!(typed, ItemRef::Source(s) if Some(s.ulid()) == source_ulid("taskwarrior:u-1")));
    assert_eq!(typed.to_string(), "taskwarrior:u-1", "said as typed");
    let long = format!("github:{}/r#1", "o".repeat(200));
    assert!(long.parse::<ItemRef>().unwrap().to_string().ends_with("ooo…"));
}

#[test]
fn taskwarrior_times_depends_and_statuses_read_as_jerry_says_them() {
    let text = r#"[
        {"uuid": "a", "description": "one", "status": "pending", "entry": "20240115T093000Z", "start": "20240116T080000Z", "depends": "b, c", "priority": "H"},
        {"uuid": "b", "description": "two", "status": "waiting", "entry": "2024-01-15T09:30:00Z", "wait": "20300101T000000Z"},
        {"uuid": "c", "description": "three", "status": "deleted", "entry": "20240115T093000Z", "end": "20240117T000000Z", "urgency": 1, "scheduled": "20240120T000000Z"},
        {"uuid": "r", "description": "every week", "status": "recurring", "entry": "20240115T093000Z"}
    ]"#;
    let read = taskwarrior::read(text).expect("reads");
    assert_eq!(read.items.len(), 3);
    assert_eq!(read.skipped.len(), 1, "the recurring template");
    let one = &read.items[0];
    assert_eq!(one.status, Status::InProgress);
    assert_eq!(one.priority, Some(Priority::High));
    assert_eq!(one.created, Timestamp::parse("2024-01-15T09:30:00Z").unwrap());
    assert_eq!(
        one.links,
        [
            ("taskwarrior:b".to_owned(), DependencyType::BlockedBy),
            ("taskwarrior:c".to_owned(), DependencyType::BlockedBy)
        ]
    );
    assert_eq!(read.items[1].status, Status::Pending);
    assert!(read.items[1].wait.value().is_some());
    assert_eq!(read.items[2].status, Status::Cancelled);
    assert_eq!(
        read.not_mapped.keys().collect::<Vec<_>>(),
        ["scheduled"],
        "urgency is derived, not data"
    );
    let err =
        taskwarrior::read(r#"[{"uuid": "a", "status": "pending", "entry": "20240115T09300é"}]"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("record 1 of the taskwarrior export: entry:"),
        "{err}"
    );
}

#[test]
fn a_status_moves_along_the_graph_the_shortest_way() {
    use Status::*;
    assert_eq!(plan_path(Pending, Done), Some(vec![Done]));
    assert_eq!(plan_path(Pending, Blocked), Some(vec![InProgress, Blocked]));
    assert_eq!(plan_path(Blocked, Done), Some(vec![InProgress, Done]));
    assert_eq!(plan_path(Done, Blocked), Some(vec![InProgress, Blocked]));
    assert_eq!(
        plan_path(InProgress, Pending),
        None,
        "jerry releases, it does not move back"
    );
    assert_eq!(plan_path(Cancelled, Pending), None, "cancelled is final");
}

fn plan_path(from: Status, to: Status) -> Option<Vec<Status>> {
    plan::path(from, to)
}
