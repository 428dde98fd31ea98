//! Damaged files, as a crash or a bad edit leaves them: a torn last line is not an event
//! and is repaired by the next writer; damage before the end is corruption (exit 6) that
//! stops writers rather than being skipped.

mod common;

use std::io::Write;

use common::{assert_fails, Workspace};

fn append_raw(path: &std::path::Path, bytes: &[u8]) {
    let mut file = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    file.write_all(bytes).unwrap();
}

#[test]
fn a_torn_last_line_is_ignored_by_readers_and_cut_by_the_next_writer() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1"]);
    let path = ws.stream_file("WORK-001");
    append_raw(
        &path,
        br#"{"event_id":"01JH","aggregate_type":"work_item","version":3,"TORN"#,
    );

    assert_eq!(ws.json(&["items", "show", "1"])["version"], 2);
    assert_eq!(ws.json(&["items", "history", "1"]).as_array().unwrap().len(), 2);
    assert_eq!(ws.json(&["items", "list"]).as_array().unwrap().len(), 1);

    ws.ok(&["items", "complete", "1"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("TORN"));
    assert!(text.ends_with('\n'));
    assert_eq!(ws.lines("WORK-001").len(), 4);
    assert_eq!(ws.json(&["items", "show", "1"])["status"], "done");
}

#[test]
fn an_unfinished_batch_is_not_half_applied() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "complete", "1"]);
    let path = ws.stream_file("WORK-001");
    // Crash between the two lines of the completion batch: StatusChanged is on disk,
    // WorkItemCompleted is not.
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text.lines().take(3).collect();
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();

    let shown = ws.json(&["items", "show", "1"]);
    assert_eq!(
        shown["status"], "in_progress",
        "the done transition never committed"
    );
    assert_eq!(shown["version"], 2);
    ws.ok(&["items", "complete", "1"]);
    let kinds = ws.kinds("WORK-001");
    assert_eq!(
        kinds,
        [
            "WorkItemCreated",
            "StatusChanged",
            "StatusChanged",
            "WorkItemCompleted"
        ]
    );
}

#[test]
fn damage_before_the_end_is_reported_with_file_and_line_and_blocks_writes_to_that_item() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "priority", "1", "high"]);
    let path = ws.stream_file("WORK-001");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[1] = "{this is not json".into();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let before = ws.snapshot();

    for args in [
        &["items", "show", "1"][..],
        &["items", "history", "1"],
        &["items", "block", "1", "--reason", "x"],
    ] {
        let out = ws.run(args);
        assert_fails(&out, 6, "work_item-WORK-001.jsonl line 2");
    }
    assert_eq!(ws.snapshot(), before, "nothing written over corruption");
    // The list reads past the damaged line, and says so.
    let out = ws.run(&["items", "list"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: WORK-001") && stderr.contains("jerry doctor"),
        "{stderr}"
    );
}

#[test]
fn a_bad_payload_is_corruption_not_a_crash() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1"]);
    let path = ws.stream_file("WORK-001");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("\"new_status\":\"in_progress\"", "\"new_status\":\"exploded\""),
    )
    .unwrap();
    assert_fails(&ws.run(&["items", "show", "1"]), 6, "WORK-001 version 2");
}

#[test]
fn a_closed_stdout_ends_quietly_with_success() {
    let ws = Workspace::new();
    // Enough rows to overflow a pipe buffer.
    ws.ok(&["generate", "--items", "1500", "--events-per-item", "1"]);
    for format in ["", "--json"] {
        let script = format!("set -o pipefail; \"$0\" items list {format} | head -1 >/dev/null");
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_jerry"))
            .current_dir(ws.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "exit {:?}: {stderr}", out.status.code());
        assert!(stderr.is_empty(), "{stderr}");
    }
}

/// A crash can stop an append between any two bytes of its writes: first the global index
/// entries, then the stream lines. Rebuild every such state for a two-event batch (the
/// completion's StatusChanged + WorkItemCompleted) and check that readers see either none
/// of the batch or all of it, that the log still verifies, and that the next writers
/// repair it and keep positions gap-free.
#[test]
fn every_crash_point_of_an_append_is_consistent_and_repaired() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1"]);
    let data = ws.path().join("projects/PROJ-001/.jerry/data");
    let index = data.join("index.jsonl");
    let stream = ws.stream_file("WORK-001");
    let (index_before, stream_before) = (std::fs::read(&index).unwrap(), std::fs::read(&stream).unwrap());
    ws.ok(&["items", "complete", "1"]);
    let (index_after, stream_after) = (std::fs::read(&index).unwrap(), std::fs::read(&stream).unwrap());

    let cuts = |from: usize, to: usize| -> Vec<usize> {
        let mut cuts: Vec<usize> = (from..=to).step_by(41).collect();
        cuts.extend([from + 1, to - 1, to]);
        cuts
    };
    let mut states: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for cut in cuts(index_before.len(), index_after.len()) {
        states.push((index_after[..cut].to_vec(), stream_before.clone()));
    }
    for cut in cuts(stream_before.len(), stream_after.len()) {
        states.push((index_after.clone(), stream_after[..cut].to_vec()));
    }
    for (state, (index_bytes, stream_bytes)) in states.iter().enumerate() {
        std::fs::write(&index, index_bytes).unwrap();
        std::fs::write(&stream, stream_bytes).unwrap();
        let complete = stream_bytes.len() == stream_after.len();
        let shown = ws.json(&["items", "show", "1"]);
        let expected_status = if complete { "done" } else { "in_progress" };
        assert_eq!(shown["status"], expected_status, "state {state}");
        let visible = ws.json(&["events", "list"]).as_array().unwrap().len();
        assert_eq!(
            visible,
            if complete { 4 } else { 2 },
            "state {state}: all of the batch or none"
        );
        assert_eq!(
            ws.json(&["events", "replay", "--verify"])["verified"],
            true,
            "state {state}"
        );

        // The next writers: one on another stream, one retrying on this one.
        ws.ok(&["items", "create", &format!("after crash {state}")]);
        if !complete {
            ws.ok(&["items", "complete", "1"]);
        }
        let positions = ws.positions();
        assert_eq!(
            positions,
            (1..=positions.len() as u64).collect::<Vec<_>>(),
            "state {state}"
        );
        assert_eq!(
            ws.json(&["items", "show", "1"])["status"],
            "done",
            "state {state}"
        );
        assert_eq!(
            ws.json(&["events", "replay", "--verify"])["verified"],
            true,
            "state {state}"
        );

        // Put the workspace back for the next state.
        for entry in std::fs::read_dir(ws.events_dir("PROJ-001")).unwrap() {
            let path = entry.unwrap().path();
            if path != stream {
                std::fs::remove_file(path).unwrap();
            }
        }
        let _ = std::fs::remove_file(data.join("sequences/work_item.next"));
    }
}

#[test]
fn an_index_that_lost_entries_is_rebuilt_not_reused() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "create", "b"]);
    let index = ws.path().join("projects/PROJ-001/.jerry/data/index.jsonl");
    let text = std::fs::read_to_string(&index).unwrap();
    let kept: Vec<&str> = text.lines().take(1).collect();
    std::fs::write(&index, kept.join("\n") + "\n").unwrap();
    ws.ok(&["items", "priority", "1", "high"]);
    let positions = ws.positions();
    assert_eq!(positions, vec![1, 2, 3, 4]);
    assert_eq!(ws.json(&["events", "replay", "--verify"])["verified"], true);
}

/// A log whose payloads the aggregate cannot apply is not "ok": doctor names it (exit 6,
/// needs a person), and the error says its cause once.
#[test]
fn import_refuses_events_the_reads_cannot_replay() {
    let source = Workspace::new();
    source.ok(&["items", "create", "x"]);
    source.ok(&["items", "start", "1"]);
    let export = source
        .ok(&["events", "export"])
        .replace("\"new_status\":\"in_progress\"", "\"new_status\":\"exploded\"");
    let ws = Workspace::new();
    let path = ws.path().join("in.jsonl");
    std::fs::write(&path, export).unwrap();
    let out = ws.run(&["events", "import", path.to_str().unwrap()]);
    assert_fails(&out, 5, "line 2 of the import");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("unknown variant").count(),
        1,
        "the cause once: {stderr}"
    );
    assert!(!ws.path().join("projects").exists(), "nothing written");
}

#[test]
fn a_deleted_or_damaged_item_index_is_built_again_without_an_error() {
    let ws = Workspace::new();
    for title in ["a", "b", "c", "d"] {
        ws.ok(&["items", "create", title]);
    }
    ws.ok(&["items", "start", "2"]);
    ws.ok(&["items", "depend", "3", "2", "--type", "blocked_by"]);
    let list = |ws: &Workspace| ws.json(&["items", "list", "--limit", "3"]);
    let shown = |ws: &Workspace| ws.json(&["items", "show", "2"]);
    let (want_list, want_shown) = (list(&ws), shown(&ws));
    assert_eq!(want_list.as_array().map(Vec::len), Some(3), "{want_list}");
    assert_eq!(want_shown["blocks"], serde_json::json!(["WORK-003"]));
    let index = ws.events_dir("PROJ-001").join("../cache/items.sqlite");
    assert!(index.exists(), "the reads built the index");

    std::fs::write(&index, b"this is not a database, only bytes where one was").unwrap();
    assert_eq!(list(&ws), want_list);
    assert_eq!(shown(&ws), want_shown);
    let rebuilt = std::fs::read(&index).unwrap();
    assert!(
        rebuilt.starts_with(b"SQLite format 3\0"),
        "built again, not only bypassed"
    );
    let mut bytes = std::fs::read(&index).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&index, bytes).unwrap();
    assert_eq!(list(&ws), want_list);
    std::fs::remove_file(&index).unwrap();
    ws.ok(&["items", "complete", "2"]);
    let after = ws.json(&["items", "list", "--status", "done"]);
    assert_eq!(after[0]["id"], "WORK-002");
    assert_eq!(ws.json(&["events", "replay", "--verify"])["verified"], true);
}
