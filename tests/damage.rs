//! Damage done outside jerry (a line removed by `git checkout OLD -- file`, a hand edit, a
//! file deleted, a derived file thrown away) darkens the damaged item only: every other read
//! answers (exit 0, a warning naming the item and `jerry doctor`), doctor names the damaged
//! item's file and says what is gone, a repair (with `--accept-loss` where events are truly
//! gone) ends clean, and an export from before the damage brings lost events back.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::Workspace;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Damage {
    LastLineRemoved,
    MiddleLineRemoved,
    LineCutShort,
    LineLengthened,
    StreamDeleted,
    IndexDeleted,
    CacheDeleted,
}

use Damage::*;

impl Damage {
    /// Whether events of WORK-001 are gone for good (until brought back).
    fn loses_events(self) -> bool {
        matches!(
            self,
            LastLineRemoved | MiddleLineRemoved | LineCutShort | StreamDeleted
        )
    }

    fn apply(self, ws: &Workspace) {
        let stream = ws.stream_file("WORK-001");
        let data = ws.events_dir("PROJ-001").parent().unwrap().to_path_buf();
        let lines = |path: &PathBuf| -> Vec<String> {
            std::fs::read_to_string(path)
                .unwrap()
                .lines()
                .map(str::to_owned)
                .collect()
        };
        let write = |path: &PathBuf, lines: &[String]| {
            std::fs::write(path, lines.join("\n") + "\n").unwrap();
        };
        match self {
            LastLineRemoved => {
                let mut kept = lines(&stream);
                kept.pop();
                write(&stream, &kept);
            }
            MiddleLineRemoved => {
                let mut kept = lines(&stream);
                kept.remove(1);
                write(&stream, &kept);
            }
            LineCutShort => {
                let mut kept = lines(&stream);
                kept[1].truncate(40);
                write(&stream, &kept);
            }
            LineLengthened => {
                let mut kept = lines(&stream);
                kept[1] = kept[1].replace("\"note\"", "\"a longer note, edited by hand\"");
                write(&stream, &kept);
            }
            StreamDeleted => std::fs::remove_file(&stream).unwrap(),
            IndexDeleted => std::fs::remove_file(data.join("index.jsonl")).unwrap(),
            CacheDeleted => std::fs::remove_dir_all(data.join("cache")).unwrap(),
        }
    }
}

const ALL: [Damage; 7] = [
    LastLineRemoved,
    MiddleLineRemoved,
    LineCutShort,
    LineLengthened,
    StreamDeleted,
    IndexDeleted,
    CacheDeleted,
];

/// WORK-001 with four events (a comment that a hand edit can lengthen as its second line),
/// WORK-002 beside it; with `snapshots`, WORK-001 has one. Returns an export taken before
/// any damage.
fn project(snapshots: bool) -> (Workspace, PathBuf) {
    let ws = Workspace::new();
    if snapshots {
        ws.ok(&["config", "set", "snapshot_interval", "2"]);
    }
    ws.ok(&["items", "create", "damaged"]);
    ws.ok(&["items", "comment", "1", "note"]);
    ws.ok(&["items", "create", "bystander"]);
    ws.ok(&["items", "comment", "1", "more"]);
    ws.ok(&["items", "priority", "1", "high"]);
    ws.ok(&["items", "start", "2"]);
    // Reads make the caches (the read model, a snapshot) the damage may contradict.
    ws.ok(&["items", "list"]);
    ws.ok(&["items", "show", "1"]);
    let export = ws.path().join("before.jsonl");
    ws.ok(&["events", "export", "-o", export.to_str().unwrap()]);
    (ws, export)
}

fn event_ids(ws: &Workspace) -> BTreeSet<String> {
    ws.exported_ids().into_iter().collect()
}

fn ids_in(path: &PathBuf) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(common::event_id)
        .collect()
}

fn check(damage: Damage, snapshots: bool) {
    let context = format!("{damage:?}, snapshots {snapshots}");
    let (ws, export) = project(snapshots);
    let before_damage = std::fs::read(ws.stream_file("WORK-001")).unwrap();
    damage.apply(&ws);

    // Every other read answers.
    for args in [
        &["items", "list", "--json"][..],
        &["items", "show", "2", "--json"],
        &["events", "list", "--json"],
        &["events", "export", "--format", "jsonl"],
        &["events", "replay"],
    ] {
        let out = ws.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{context}: jerry {args:?}: {stderr}");
        // The read model may answer a list without reading the log; a read of the log
        // meets the damage and says which item it went past.
        if damage.loses_events() && args[0] == "events" && args[1] == "export" {
            assert!(
                stderr.contains("warning: WORK-001") && stderr.contains("jerry doctor"),
                "{context}: the read warns of the damaged item: {stderr}"
            );
        }
    }
    assert_eq!(
        ws.json(&["items", "show", "2"])["status"],
        "in_progress",
        "{context}"
    );
    let listed = common::ids(&ws.json(&["items", "list"]));
    assert!(listed.contains(&"WORK-002".to_owned()), "{context}: {listed:?}");

    // A write to the damaged item refuses rather than append after what is left; the
    // others go on (checked after the repair below, so the repair sees the files as the
    // damage left them).
    // (A line cut inside the part of the file a snapshot covers is not read by a write,
    // which loads from the snapshot: doctor finds it. Not tried here.)
    let covered = snapshots && damage == LineCutShort;
    if damage.loses_events() && !covered {
        let before = ws.snapshot();
        let out = ws.run(&["items", "comment", "1", "written blind"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(6), "{context}: {stderr}");
        assert_eq!(
            stderr.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{context}: {stderr}"
        );
        assert!(stderr.contains("WORK-001"), "{context}: {stderr}");
        let after = ws.snapshot();
        let changed: Vec<_> = after
            .iter()
            .filter(|(path, bytes)| {
                before.get(*path) != Some(*bytes) && !path.to_string_lossy().contains("/cache/")
            })
            .map(|(path, _)| path.clone())
            .collect();
        assert!(
            changed.is_empty(),
            "{context}: the refused write changed {changed:?}"
        );
    }

    // Doctor names the damaged item's file and says what is gone.
    let doctor = ws.run(&["doctor"]);
    let report = String::from_utf8_lossy(&doctor.stdout);
    if damage.loses_events() {
        assert_eq!(doctor.status.code(), Some(6), "{context}: {report}");
        assert!(
            report.contains("missing_event in ")
                && report.contains("work_item-WORK-001.jsonl")
                && report.contains("listed in the index, gone from its stream"),
            "{context}: {report}"
        );
        assert!(
            !report.contains("problem: missing_position in"),
            "{context}: {report}"
        );
    }
    // `doctor --json` is one document, with the verdict in it.
    let json = ws.run(&["doctor", "--json"]);
    let verdict: Value = serde_json::from_slice(&json.stdout).unwrap_or_else(|err| {
        panic!(
            "{context}: doctor --json is one JSON document ({err}): {}",
            String::from_utf8_lossy(&json.stdout)
        )
    });
    assert_eq!(verdict["clean"], json.status.code() == Some(0), "{context}");

    // An export from before brings lost events back: at the stream's end by an append
    // (a plain repair then settles the positions), from its middle in place — a line cut
    // short gives way to the event it was, into quarantine.
    if damage.loses_events() {
        let restored = Workspace::new();
        common::copy_dir(ws.path(), restored.path());
        let said = restored.ok(&["events", "import", export.to_str().unwrap()]);
        if matches!(damage, MiddleLineRemoved | LineCutShort) {
            assert!(said.contains("restored 1 events"), "{context}: {said}");
            let stream = restored.stream_file("WORK-001");
            assert_eq!(
                std::fs::read(&stream).unwrap(),
                before_damage,
                "{context}: the file is as it was, byte for byte"
            );
        }
        restored.ok(&["doctor", "--repair"]);
        restored.ok(&["doctor"]);
        assert_eq!(
            event_ids(&restored),
            ids_in(&export),
            "{context}: restored exactly"
        );
    }

    // A repair ends clean: giving up what is truly gone only when asked to.
    if damage.loses_events() {
        let refused = ws.run(&["doctor", "--repair"]);
        assert_eq!(
            refused.status.code(),
            Some(6),
            "{context}: a plain repair gives nothing up"
        );
        ws.ok(&["doctor", "--repair", "--accept-loss"]);
        let notes: Vec<_> = std::fs::read_dir(ws.path().join("projects/PROJ-001/.jerry/quarantine"))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().starts_with("accepted-loss-"))
            .collect();
        assert_eq!(notes.len(), 1, "{context}: the loss is noted");
        let note = std::fs::read_to_string(notes[0].path()).unwrap();
        assert!(note.contains("WORK-001 version"), "{context}: {note}");
    } else {
        ws.ok(&["doctor", "--repair"]);
    }
    let after = ws.run(&["doctor"]);
    assert_eq!(
        after.status.code(),
        Some(0),
        "{context}: {}",
        String::from_utf8_lossy(&after.stdout)
    );
    assert!(ids_in(&export).is_superset(&event_ids(&ws)), "{context}");
    if !damage.loses_events() {
        assert_eq!(event_ids(&ws), ids_in(&export), "{context}: nothing lost");
    }
    // And the project goes on.
    ws.ok(&["items", "comment", "2", "after the repair"]);
    ws.ok(&["items", "create", "new"]);
    ws.ok(&["doctor"]);
}

#[test]
fn damage_to_one_stream_darkens_that_item_only_and_repairs_clean() {
    for damage in ALL {
        check(damage, false);
    }
}

#[test]
fn damage_to_an_item_with_a_snapshot_darkens_that_item_only_and_repairs_clean() {
    for damage in ALL {
        check(damage, true);
    }
}

/// doctor compares the cached read model with each item's own replay at the model's
/// checkpoint: a lie in it is found after later writes left it behind, and repaired.
#[test]
fn a_read_model_that_lies_is_found_after_later_writes_left_it_behind() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "create", "b"]);
    ws.ok(&["items", "start", "2"]);
    // A read of the whole model saves it, at position 3.
    ws.ok(&["items", "list", "--all", "--archived"]);
    let cache = ws.path().join("projects/PROJ-001/.jerry/data/cache/items.json");
    let checkpoint = || -> serde_json::Value {
        serde_json::from_slice::<serde_json::Value>(&std::fs::read(&cache).unwrap()).unwrap()["checkpoint"]
            .clone()
    };
    assert_eq!(checkpoint(), 3);
    assert_eq!(ws.json(&["doctor"])["clean"], true);
    let text = std::fs::read_to_string(&cache).unwrap();
    std::fs::write(&cache, text.replacen("\"in_progress\"", "\"done\"", 1)).unwrap();
    ws.ok(&["items", "create", "c"]);
    ws.ok(&["items", "comment", "1", "later"]);
    assert_eq!(checkpoint(), 3, "plain writes leave the saved model behind");

    let out = ws.run(&["doctor", "--json"]);
    assert_eq!(out.status.code(), Some(6));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["read_model_mismatch"], "{report}");
    ws.ok(&["doctor", "--repair"]);
    assert_eq!(ws.json(&["doctor"])["clean"], true);
}

/// On a terminal doctor draws a bar over the events it has read; elsewhere (a pipe, a
/// dumb terminal) nothing but its verdict.
#[test]
fn doctor_shows_its_progress_on_a_terminal_only() {
    let ws = Workspace::new();
    ws.ok(&["generate", "--items", "2000", "--events-per-item", "10"]);
    let out = ws
        .shell(r#"TERM=xterm script -qec "\"$0\" doctor" /dev/null"#)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("/20000 events ("), "no bar: {shown}");
    assert!(
        shown.contains("checked PROJ-001: 2000 streams, 20000 events"),
        "{shown}"
    );
    let piped = ws.run(&["doctor"]);
    assert!(piped.status.success());
    assert_eq!(
        String::from_utf8_lossy(&piped.stderr),
        "",
        "nothing drawn into a pipe"
    );
}
