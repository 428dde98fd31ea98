//! `jerry import --from taskwarrior|beads|github`: the real Taskwarrior's export, and beads
//! and GitHub fixtures written from their documented formats (tests/fixtures/import/).

mod common;

use std::path::Path;
use std::process::Command;

use common::{assert_fails, Workspace};
use serde_json::{json, Value};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

/// Runs the real `task` on its own data in `dir`, with an empty environment.
fn task(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("task")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("TASKRC", dir.join("taskrc"))
        .env("TASKDATA", dir.join("data"))
        .env("TZ", "UTC")
        .args([
            "rc.confirmation=off",
            "rc.verbose=nothing",
            "rc.recurrence.confirmation=off",
        ])
        .args(args)
        .output()
        .expect("run task");
    assert!(
        out.status.success(),
        "task {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8").trim().to_owned()
}

/// Adds a task and returns its UUID.
fn add(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["add"];
    all.extend_from_slice(args);
    task(dir, &all);
    task(dir, &["+LATEST", "uuids"])
}

fn export(dir: &Path, into: &Path) -> Vec<Value> {
    let text = task(dir, &["export"]);
    std::fs::write(into, &text).expect("write the export");
    serde_json::from_str(&text).expect("task export is JSON")
}

/// Taskwarrior's `20240115T093000Z` as jerry writes times.
fn tw_time(text: &str) -> String {
    format!(
        "{}-{}-{}T{}:{}:{}.000000Z",
        &text[0..4],
        &text[4..6],
        &text[6..8],
        &text[9..11],
        &text[11..13],
        &text[13..15]
    )
}

fn history(ws: &Workspace, id: &str) -> Vec<Value> {
    ws.json(&["items", "history", id])
        .as_array()
        .expect("an array")
        .clone()
}

fn types(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["event_type"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_real_taskwarrior_export_comes_in_with_its_history_and_again_with_only_its_changes() {
    if Command::new("task").arg("--version").output().is_err() {
        common::skip("Taskwarrior (task) is not installed: apt-get install taskwarrior");
        return;
    }
    let tw = tempfile::tempdir().expect("temp dir");
    std::fs::write(tw.path().join("taskrc"), "").expect("taskrc");
    let login = add(
        tw.path(),
        &[
            "Fix login",
            "project:web",
            "+auth",
            "+urgent",
            "priority:H",
            "due:2030-01-15",
        ],
    );
    let docs = add(tw.path(), &["Write docs", "priority:L", "+docs"]);
    let deploy = add(tw.path(), &["Deploy", &format!("depends:{login},{docs}")]);
    let idea = add(tw.path(), &["Old idea"]);
    task(tw.path(), &[&login, "annotate", "seen in prod"]);
    task(tw.path(), &[&login, "start"]);
    task(tw.path(), &[&docs, "done"]);
    task(tw.path(), &[&idea, "delete"]);
    let file = tw.path().join("export.json");
    let tasks = export(tw.path(), &file);
    assert_eq!(tasks.len(), 4);

    let ws = Workspace::new();
    let report = ws.json(&["import", "--from", "taskwarrior", file.to_str().unwrap()]);
    assert_eq!(
        (report["created"].as_u64(), report["changed"].as_u64()),
        (Some(4), Some(0)),
        "{report}"
    );

    let expected_status = |t: &Value| match (t["status"].as_str(), t.get("start")) {
        (Some("completed"), _) => "done",
        (Some("deleted"), _) => "cancelled",
        (_, Some(_)) => "in_progress",
        _ => "pending",
    };
    for t in &tasks {
        let uuid = t["uuid"].as_str().unwrap();
        let item = ws.json(&["items", "show", &format!("taskwarrior:{uuid}")]);
        assert_eq!(item["source"], format!("taskwarrior:{uuid}"));
        assert_eq!(item["title"], t["description"]);
        assert_eq!(item["status"], expected_status(t), "{t}");
        let priority = match t["priority"].as_str() {
            Some("H") => "high",
            Some("L") => "low",
            _ => "medium",
        };
        assert_eq!(item["priority"], priority);
        let mut labels: Vec<String> = t["tags"]
            .as_array()
            .map(|tags| tags.iter().map(|t| t.as_str().unwrap().to_owned()).collect())
            .unwrap_or_default();
        if let Some(project) = t["project"].as_str() {
            labels.push(format!("project:{project}"));
        }
        labels.sort();
        assert_eq!(item["labels"], json!(labels));
        assert_eq!(item["created_at"], tw_time(t["entry"].as_str().unwrap()));
        match t["due"].as_str() {
            Some(due) => assert_eq!(item["due"], tw_time(due)),
            None => assert!(item.get("due").is_none(), "{item}"),
        }
        let annotations: Vec<Value> = t["annotations"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|a| json!({"at": tw_time(a["entry"].as_str().unwrap()), "text": a["description"]}))
                    .collect()
            })
            .unwrap_or_default();
        let comments: Vec<Value> = item["comments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| json!({"at": c["at"], "text": c["text"]}))
            .collect();
        assert_eq!(comments, annotations);
        let events = history(&ws, item["id"].as_str().unwrap());
        assert_eq!(events[0]["timestamp"], tw_time(t["entry"].as_str().unwrap()));
        if let Some(end) = t["end"].as_str() {
            let finished = events
                .iter()
                .find(|e| e["event_type"] == "WorkItemCompleted")
                .expect("a completion");
            assert_eq!(finished["timestamp"], tw_time(end), "closed at the task's end");
        }
        if let Some(start) = t["start"].as_str() {
            let started = events
                .iter()
                .find(|e| e["event_type"] == "StatusChanged" && e["payload"]["new_status"] == "in_progress")
                .expect("a start");
            assert_eq!(started["timestamp"], tw_time(start));
        }
    }
    let deploy_item = ws.json(&["items", "show", &format!("taskwarrior:{deploy}")]);
    let login_id = ws.json(&["items", "show", &format!("taskwarrior:{login}")])["id"].clone();
    let docs_id = ws.json(&["items", "show", &format!("taskwarrior:{docs}")])["id"].clone();
    let mut on: Vec<Value> = deploy_item["dependencies"].as_array().unwrap().clone();
    on.sort_by_key(|d| d["id"].as_str().unwrap_or_default().to_owned());
    assert_eq!(
        Value::Array(on),
        json!([{"id": login_id, "type": "blocked_by"}, {"id": docs_id, "type": "blocked_by"}])
    );

    // The same export again: nothing at all is written.
    let head = ws.positions().len();
    let again = ws.json(&["import", "--from", "taskwarrior", file.to_str().unwrap()]);
    assert_eq!(
        (again["unchanged"].as_u64(), again["events"].as_u64()),
        (Some(4), Some(0)),
        "{again}"
    );
    assert_eq!(ws.positions().len(), head);

    // Work goes on in Taskwarrior: a newer export brings exactly what changed.
    task(tw.path(), &[&login, "modify", "priority:L", "+later", "-urgent"]);
    task(tw.path(), &[&login, "annotate", "fixed in 2.1"]);
    task(tw.path(), &[&login, "done"]);
    let fresh = add(tw.path(), &["Plan the next release"]);
    let tasks = export(tw.path(), &file);
    let login_before = history(&ws, login_id.as_str().unwrap()).len();

    let before = ws.snapshot();
    let dry = ws.json(&[
        "import",
        "--from",
        "taskwarrior",
        file.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(
        (dry["created"].as_u64(), dry["changed"].as_u64()),
        (Some(1), Some(1)),
        "{dry}"
    );
    assert!(before == ws.snapshot(), "a dry run wrote to the workspace");

    let report = ws.json(&["import", "--from", "taskwarrior", file.to_str().unwrap()]);
    assert_eq!(
        (
            report["created"].as_u64(),
            report["changed"].as_u64(),
            report["unchanged"].as_u64()
        ),
        (Some(1), Some(1), Some(3)),
        "{report}"
    );
    let events = history(&ws, login_id.as_str().unwrap());
    let appended = &events[login_before..];
    let mut kinds = types(appended);
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "CommentAdded",
            "LabelAdded",
            "LabelRemoved",
            "PriorityChanged",
            "StatusChanged",
            "WorkItemCompleted"
        ],
        "{appended:?}"
    );
    let login_task = tasks.iter().find(|t| t["uuid"] == login.as_str()).unwrap();
    let done = appended
        .iter()
        .find(|e| e["event_type"] == "WorkItemCompleted")
        .unwrap();
    assert_eq!(
        done["timestamp"],
        tw_time(login_task["end"].as_str().unwrap()),
        "{login_task} {appended:?}"
    );
    let item = ws.json(&["items", "show", login_id.as_str().unwrap()]);
    assert_eq!(
        (item["status"].as_str(), item["priority"].as_str()),
        (Some("done"), Some("low"))
    );
    assert_eq!(item["labels"], json!(["auth", "later", "project:web"]));
    assert_eq!(
        ws.json(&["items", "show", &format!("taskwarrior:{fresh}")])["title"],
        "Plan the next release"
    );
}

#[test]
fn a_beads_export_maps_every_status_type_priority_and_dependency() {
    let ws = Workspace::new();
    let file = format!("{FIXTURES}/beads-issues.jsonl");
    let report = ws.json(&["import", "--from", "beads", &file]);
    assert_eq!(report["created"], 7, "{report}");
    for field in ["estimated_minutes", "external_ref", "compaction_level", "pinned"] {
        assert!(
            report["not_mapped"].get(field).is_some(),
            "{field} reported: {report}"
        );
    }
    let noted = report["noted"].to_string();
    assert!(
        noted.contains("beads:bd-9"),
        "a link to a record not in the file is reported: {noted}"
    );

    let show = |id: &str| ws.json(&["items", "show", &format!("beads:{id}")]);
    let epic = show("bd-1");
    assert_eq!(
        (
            epic["type"].as_str(),
            epic["priority"].as_str(),
            epic["status"].as_str()
        ),
        (Some("epic"), Some("high"), Some("pending"))
    );
    let bug = show("bd-2");
    assert_eq!(
        (
            bug["type"].as_str(),
            bug["priority"].as_str(),
            bug["status"].as_str()
        ),
        (Some("bug"), Some("critical"), Some("in_progress"))
    );
    assert_eq!(bug["assignee"], "ana");
    assert_eq!(bug["parent"], epic["id"], "parent-child is the parent");
    assert_eq!(bug["labels"], json!(["auth", "safari"]));
    assert_eq!(bug["created_at"], "2025-10-02T17:00:00.123456Z");
    assert_eq!(
        bug["comments"],
        json!([
            {"author": "bo", "at": "2025-10-02T12:00:00.000000Z", "text": "Reproduced on 17.2"},
            {"author": "ana", "at": "2025-10-03T09:30:00.000000Z", "text": "Fix is in review"}
        ])
    );
    let description = bug["description"].as_str().unwrap();
    assert!(
        description.starts_with("Steps: open, log in")
            && description.contains("## Acceptance criteria\n\nSafari 17 logs in")
    );
    let feature = show("bd-3");
    assert_eq!(
        (feature["type"].as_str(), feature["status"].as_str()),
        (Some("story"), Some("blocked"))
    );
    assert_eq!(
        feature["dependencies"],
        json!([{"id": epic["id"], "type": "related"}, {"id": bug["id"], "type": "blocked_by"}])
            .as_array()
            .map(|deps| {
                let mut deps = deps.clone();
                deps.sort_by_key(|d| d["id"].as_str().unwrap_or_default().to_owned());
                Value::Array(deps)
            })
            .unwrap()
    );
    let chore = show("bd-4");
    assert_eq!(
        (
            chore["type"].as_str(),
            chore["priority"].as_str(),
            chore["status"].as_str()
        ),
        (Some("task"), Some("low"), Some("pending"))
    );
    assert_eq!(
        chore["wait"], "2026-01-15T00:00:00.000000Z",
        "deferred until is a wait"
    );
    let closed = show("bd-5");
    assert_eq!(
        (closed["status"].as_str(), closed["priority"].as_str()),
        (Some("done"), Some("low"))
    );
    assert_eq!(closed["parent"], epic["id"]);
    assert_eq!(
        closed["dependencies"],
        json!([{"id": feature["id"], "type": "related"}]),
        "discovered-from is related"
    );
    let events = history(&ws, "beads:bd-5");
    let done = events
        .iter()
        .find(|e| e["event_type"] == "WorkItemCompleted")
        .unwrap();
    assert_eq!(done["timestamp"], "2025-10-08T17:00:00.000000Z");
    assert_eq!(done["payload"]["completion_reason"], "Done in #42");
    let tombstone = show("bd-6");
    assert_eq!(
        (tombstone["status"].as_str(), tombstone["type"].as_str()),
        (Some("deleted"), Some("bug"))
    );
    let deleted = history(&ws, "beads:bd-6");
    assert_eq!(deleted.last().unwrap()["metadata"]["actor"], "ana");
    let custom = show("bd-7");
    assert_eq!(custom["status"], "pending");
    assert_eq!(custom["labels"], json!(["status:review"]));

    // Run again: nothing changes.
    let head = ws.positions().len();
    let again = ws.json(&["import", "--from", "beads", &file]);
    assert_eq!(
        (again["unchanged"].as_u64(), again["events"].as_u64()),
        (Some(7), Some(0)),
        "{again}"
    );
    assert_eq!(ws.positions().len(), head);
}

#[test]
fn one_bad_record_refuses_the_whole_import_and_writes_nothing() {
    let ws = Workspace::new();
    let good = std::fs::read_to_string(format!("{FIXTURES}/beads-issues.jsonl")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("bad.jsonl");
    std::fs::write(&file, format!("{good}{{\"id\":\"bd-8\",\"title\":\"x\",\"priority\":9,\"created_at\":\"2025-10-10T08:00:00Z\"}}\n")).unwrap();
    let before = ws.snapshot();
    let out = ws.run(&["import", "--from", "beads", file.to_str().unwrap()]);
    assert_fails(
        &out,
        5,
        "line 8 of the beads export: priority 9: expected 0 to 4; nothing was imported",
    );
    assert!(before == ws.snapshot(), "a refused import wrote");
    assert!(!ws.path().join("projects").exists());

    std::fs::write(
        &file,
        "[{\"number\": 1, \"title\": \"t\", \"state\": \"OPEN\", \"createdAt\": \"2025-01-01T00:00:00Z\"}]",
    )
    .unwrap();
    let out = ws.run(&["import", "--from", "github", file.to_str().unwrap()]);
    assert_fails(&out, 5, "record 1 of the github export: the issue has no url");
    std::fs::write(
        &file,
        "[{\"uuid\": \"u1\", \"status\": \"pending\", \"description\": \"t\", \"entry\": \"yesterday\"}]",
    )
    .unwrap();
    let out = ws.run(&["import", "--from", "taskwarrior", file.to_str().unwrap()]);
    assert_fails(&out, 5, "record 1 of the taskwarrior export: entry:");
    std::fs::write(&file, "{not json").unwrap();
    let out = ws.run(&["import", "--from", "taskwarrior", file.to_str().unwrap()]);
    assert_fails(&out, 5, "of the taskwarrior export: not JSON");
    std::fs::write(&file, b"[{\"uuid\": \"\xff\"}]").unwrap();
    let out = ws.run(&["import", "--from", "taskwarrior", file.to_str().unwrap()]);
    assert_fails(&out, 5, "is not UTF-8 text (byte 12)");
    assert!(before == ws.snapshot(), "a refused import wrote");
    let out = ws.run(&["import", "--from", "jira", file.to_str().unwrap()]);
    assert_fails(&out, 5, "invalid value 'jira' for '--from <TOOL>'");
}

#[test]
fn a_github_export_keeps_states_people_comments_and_its_urls() {
    let ws = Workspace::new();
    let file = format!("{FIXTURES}/github-issues.json");
    let report = ws.json(&["import", "--from", "github", &file]);
    assert_eq!(report["created"], 3, "{report}");
    assert!(report["not_mapped"].get("isPinned").is_some(), "{report}");
    assert!(
        report["noted"].to_string().contains("bo"),
        "the second assignee is noted: {report}"
    );
    let ids: Vec<&str> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "github:acme/widgets#12",
            "github:acme/widgets#13",
            "github:acme/widgets#14"
        ]
    );

    // Found by its reference, however GitHub's names are cased.
    let open = ws.json(&["items", "show", "github:Acme/Widgets#12"]);
    assert_eq!(
        (open["status"].as_str(), open["assignee"].as_str()),
        (Some("pending"), Some("ana"))
    );
    assert_eq!(
        open["labels"],
        json!(["bug", "good-first-issue", "milestone:v1.0"])
    );
    assert_eq!(open["description"], "Steps:\n1. open\n2. save");
    assert_eq!(
        open["comments"],
        json!([{"author": "ana", "at": "2025-09-02T08:00:00.000000Z", "text": "I can reproduce this."}])
    );
    let created = history(&ws, "github:acme/widgets#12");
    assert_eq!(
        (
            created[0]["timestamp"].as_str(),
            created[0]["metadata"]["actor"].as_str()
        ),
        (Some("2025-09-01T10:00:00.000000Z"), Some("cy"))
    );
    let done = ws.json(&["items", "show", "github:acme/widgets#13"]);
    assert_eq!(done["status"], "done");
    assert!(
        done.get("description").is_none_or(Value::is_null),
        "an empty body is no description: {done}"
    );
    let completed = history(&ws, "github:acme/widgets#13");
    assert_eq!(
        completed.last().unwrap()["timestamp"],
        "2025-09-10T16:30:00.000000Z"
    );
    let not_planned = ws.json(&["items", "show", "github:acme/widgets#14"]);
    assert_eq!(not_planned["status"], "cancelled");
    let events = history(&ws, "github:acme/widgets#14");
    assert_eq!(
        types(&events),
        [
            "WorkItemCreated",
            "LabelAdded",
            "CommentAdded",
            "StatusChanged",
            "WorkItemCompleted"
        ],
        "the comment came before the close"
    );
    let out = ws.run(&["items", "show", "github:acme/widgets#99"]);
    assert_fails(&out, 3, "github:acme/widgets#99 not found in PROJ-001");
}

#[test]
fn an_import_racing_other_writers_numbers_every_item_once_and_loses_nothing() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Before the import"]);
    let tasks: Vec<Value> = (0..3000)
        .map(|n| {
            json!({"uuid": format!("00000000-0000-0000-0000-{n:012}"), "description": format!("task {n}"),
                   "status": "pending", "entry": "20250101T120000Z", "tags": ["bulk"]})
        })
        .collect();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("tasks.json");
    std::fs::write(&file, serde_json::to_string(&tasks).unwrap()).unwrap();
    // The import writes in several batches; four processes create items meanwhile.
    let import = ws.spawn(&[
        "import",
        "--from",
        "taskwarrior",
        file.to_str().unwrap(),
        "--json",
    ]);
    let racers: Vec<_> = (0..4)
        .map(|n| {
            let seed = ws.fresh_seed().to_string();
            let script = format!("for i in 1 2 3 4 5 6 7 8 9 10; do JERRY_TEST_SEED={seed}$i \"$0\" items create \"racer {n}.$i\" >/dev/null || exit 1; done");
            ws.shell(&script).spawn().expect("a racer")
        })
        .collect();
    for mut racer in racers {
        assert!(racer.wait().expect("a racer ends").success());
    }
    let out = import.wait_with_output().expect("the import ends");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["created"], 3000, "{report}");
    let items = ws.json(&[
        "items", "list", "--all", "--limit", "10000", "--fields", "id,title",
    ]);
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 1 + 3000 + 40, "every item, once");
    let mut ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), items.len(), "no number taken twice");
    let again = ws.json(&["import", "--from", "taskwarrior", file.to_str().unwrap()]);
    assert_eq!(
        (again["unchanged"].as_u64(), again["events"].as_u64()),
        (Some(3000), Some(0)),
        "{again}"
    );
    ws.ok(&["doctor"]);
}

#[test]
fn every_backend_imports_the_same_items_and_knows_them_again() {
    let scratch = tempfile::tempdir().unwrap();
    let mut stores = vec![
        "jsonl".to_owned(),
        format!("sqlite:{}", scratch.path().join("jerry.db").display()),
    ];
    stores.extend(common::postgres_database());
    let file = format!("{FIXTURES}/beads-issues.jsonl");
    let mut reference: Option<Value> = None;
    for store in stores {
        let ws = Workspace::with_store(&store);
        ws.ok(&["store", "init"]);
        let report = ws.json(&["import", "--from", "beads", &file]);
        assert_eq!(report["created"], 7, "{store}: {report}");
        let again = ws.json(&["import", "--from", "beads", &file]);
        assert_eq!(again["events"], 0, "{store}: {again}");
        let items = ws.json(&[
            "items",
            "list",
            "--all",
            "--fields",
            "id,title,status,type,priority,parent,labels",
        ]);
        match &reference {
            None => reference = Some(items),
            Some(first) => assert_eq!(&items, first, "{store} differs from the files"),
        }
        assert_eq!(
            ws.json(&["items", "show", "beads:bd-3"])["status"],
            "blocked",
            "{store}"
        );
    }
}

/// An import writes many new items in one atomic write, made durable by one sync before the
/// write's last batch commits it: a crash before that leaves none of the write, and running
/// the import again brings all of it.
#[test]
fn a_crash_inside_an_import_leaves_whole_items_and_running_it_again_finishes() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Before the import"]);
    let tasks: Vec<Value> = (0..150)
        .map(|n| {
            json!({"uuid": format!("00000000-0000-0000-0000-{n:012}"), "description": format!("task {n}"),
                   "status": "completed", "entry": "20250101T120000Z", "end": "20250102T120000Z"})
        })
        .collect();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("tasks.json");
    std::fs::write(&file, serde_json::to_string(&tasks).unwrap()).unwrap();
    ws.crash_at(
        "between-streams",
        &["import", "--from", "taskwarrior", file.to_str().unwrap()],
    );
    assert_eq!(
        ws.json(&["items", "list", "--all"]).as_array().unwrap().len(),
        1,
        "none of the write"
    );
    assert_eq!(ws.positions(), [1]);
    let report = ws.json(&["import", "--from", "taskwarrior", file.to_str().unwrap()]);
    assert_eq!(report["created"], 150, "{report}");
    let items = ws.json(&["items", "list", "--status", "done", "--limit", "1000"]);
    assert_eq!(items.as_array().unwrap().len(), 150);
    assert_eq!(ws.positions(), (1..=1 + 150 * 3).collect::<Vec<u64>>());
    let doctor = ws.run(&["doctor"]);
    assert_eq!(
        doctor.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&doctor.stdout)
    );
}

#[test]
fn archived_items_are_known_again_by_their_source() {
    let ws = Workspace::new();
    let file = format!("{FIXTURES}/github-issues.json");
    ws.ok(&["import", "--from", "github", &file]);
    let archived = ws.json(&["archive", "--closed-before", "1d"]);
    assert_eq!(
        archived["archived"].as_array().map(Vec::len),
        Some(2),
        "{archived}"
    );
    let again = ws.json(&["import", "--from", "github", &file]);
    assert_eq!(
        (again["created"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(3)),
        "{again}"
    );
    assert_eq!(
        ws.json(&["items", "show", "github:acme/widgets#14"])["status"],
        "cancelled"
    );
}
