//! `jerry archive`: finished work leaves the live folder and the lists, and nothing of its
//! history is lost: show, history, export, replay, doctor and a reopen read it as before.

mod common;

use std::collections::BTreeSet;

use common::{assert_fails, ids, Workspace};
use serde_json::Value;

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

/// 1 epic (done) with 2 (done) under it; 3 done with comments; 4 pending, blocked by 5
/// (done); 6 cancelled; 7 in progress.
fn project() -> Workspace {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Launch", "--type", "epic"]);
    ws.ok(&["items", "create", "Landing page", "--parent", "1"]);
    ws.ok(&["items", "create", "Fix login"]);
    ws.ok(&["items", "create", "Write docs"]);
    ws.ok(&["items", "create", "Pick a font"]);
    ws.ok(&["items", "create", "Old idea"]);
    ws.ok(&["items", "create", "Ongoing"]);
    ws.ok(&["items", "depend", "4", "5", "--type", "blocked_by"]);
    ws.ok(&["items", "start", "1", "2", "3", "5", "7"]);
    ws.ok(&["items", "comment", "3", "found it: the cookie path"]);
    ws.ok(&["items", "comment", "3", "fixed and deployed"]);
    ws.ok(&["items", "complete", "2", "1", "3", "5"]);
    ws.ok(&["items", "cancel", "6"]);
    ws
}

/// What must not change when items are archived: each item's show and history, the
/// whole export and the event list with its positions.
fn everything(ws: &Workspace) -> (Vec<Value>, Vec<Value>, String, Value) {
    let numbers = 1..=7;
    let shows = numbers
        .clone()
        .map(|n| ws.json(&["items", "show", &n.to_string()]))
        .collect();
    let histories = numbers
        .map(|n| ws.json(&["items", "history", &n.to_string()]))
        .collect();
    (
        shows,
        histories,
        ws.ok(&["events", "export"]),
        ws.json(&["events", "list"]),
    )
}

/// `events replay --verify` and doctor find every view in agreement with the log.
fn assert_the_log_checks_out(ws: &Workspace) {
    let replay = ws.run(&["events", "replay", "--verify"]);
    let stderr = String::from_utf8_lossy(&replay.stderr);
    assert!(replay.status.success(), "{stderr}");
    assert_eq!(ws.json(&["doctor"])["clean"], true);
}

#[test]
fn archive_then_show_history_export_replay_doctor_and_reopen_lose_nothing() {
    let ws = project();
    let before = everything(&ws);
    let all_ids = ids(&ws.json(&["items", "list", "--all"]));

    let report = ws.json(&["archive", "--closed-before", "now"]);
    // 4 is open and blocked by 5, so 5 stays; 1 and 2 go together; 7 is open.
    assert_eq!(
        strings(&report["archived"]),
        ["WORK-001", "WORK-002", "WORK-003", "WORK-006"]
    );
    assert_eq!(strings(&report["held_back"]), ["WORK-005"]);
    assert_eq!(report["dry_run"], false);
    assert!(report["segment_bytes"].as_u64().unwrap() > 0);
    for gone in ["WORK-001", "WORK-002", "WORK-003", "WORK-006"] {
        assert!(!ws.stream_file(gone).exists(), "{gone} left events/");
    }
    assert!(ws.stream_file("WORK-004").exists());

    // The lists hold current work; --archived brings the rest back into view.
    assert_eq!(
        ids(&ws.json(&["items", "list", "--all"])),
        ["WORK-004", "WORK-005", "WORK-007"]
    );
    assert_eq!(
        ids(&ws.json(&["items", "list", "--all", "--limit", "2"])),
        ["WORK-004", "WORK-005"]
    );
    assert_eq!(
        ids(&ws.json(&["items", "list", "--status", "done"])),
        ["WORK-005"]
    );
    assert_eq!(ids(&ws.json(&["items", "list", "--all", "--archived"])), all_ids);
    assert_eq!(
        ids(&ws.json(&["items", "list", "--archived", "--status", "done"])),
        ["WORK-001", "WORK-002", "WORK-003", "WORK-005"]
    );
    assert_eq!(ids(&ws.json(&["items", "ready"])), ["WORK-004"]);

    // Whole where history is read: byte for byte the same as before.
    assert_eq!(everything(&ws), before);
    // One archived item's events, read from its archived stream, as the whole log has them.
    let whole = before.3.as_array().expect("the log").clone();
    let of_three: Vec<Value> = whole
        .into_iter()
        .filter(|event| event["aggregate_id"] == "WORK-003")
        .collect();
    assert_eq!(
        ws.json(&["events", "list", "--item", "3"]),
        Value::Array(of_three)
    );
    // An archived item's links are still there, in both directions.
    let shown = ws.ok(&["items", "show", "1"]);
    assert!(shown.contains("WORK-002"), "{shown}");
    // The list as of a past moment has archived items too.
    assert_eq!(
        ids(&ws.json(&["items", "list", "--all", "--at", &common::moment(15)])).len(),
        7
    );

    let replay = ws.run(&["events", "replay", "--verify", "--json"]);
    assert!(
        replay.status.success(),
        "{}",
        String::from_utf8_lossy(&replay.stderr)
    );
    let replay: Value = serde_json::from_slice(&replay.stdout).unwrap();
    assert_eq!(replay["items"], 7, "{replay}");
    let doctor = ws.json(&["doctor"]);
    assert_eq!(doctor["clean"], true, "{doctor}");
    assert_eq!(doctor["streams"], 7, "{doctor}");

    // Reopening an archived item brings it back with the items linked to it.
    ws.ok(&["items", "reopen", "2"]);
    assert!(ws.stream_file("WORK-001").exists() && ws.stream_file("WORK-002").exists());
    assert!(!ws.stream_file("WORK-003").exists());
    assert_eq!(
        ids(&ws.json(&["items", "list", "--all"])),
        ["WORK-001", "WORK-002", "WORK-004", "WORK-005", "WORK-007"]
    );
    let reopened = ws.json(&["items", "show", "2"]);
    assert_eq!(reopened["status"], "in_progress");
    // Its history is the old one plus the reopening.
    let history = ws.json(&["items", "history", "2"]);
    let old = before.1[1].as_array().unwrap();
    assert_eq!(&history.as_array().unwrap()[..old.len()], old.as_slice());
    assert_eq!(history.as_array().unwrap().len(), old.len() + 1);
    // The export is the old one plus the new event.
    let export = ws.ok(&["events", "export"]);
    assert!(export.starts_with(&before.2));
    assert_eq!(export.lines().count(), before.2.lines().count() + 1);

    // A comment on an archived item brings it back too; new items never reuse its number.
    ws.ok(&["items", "comment", "6", "not so old after all"]);
    assert!(ids(&ws.json(&["items", "list", "--all"])).contains(&"WORK-006".to_owned()));
    let created = ws.json(&["items", "create", "Next"]);
    assert_eq!(created["id"], "WORK-008");

    assert_the_log_checks_out(&ws);
    // Archiving again takes what is finished and back: 1 with 2 (done again), and 6.
    ws.ok(&["items", "complete", "2"]);
    let again = ws.json(&["archive", "--closed-before", "now"]);
    assert_eq!(strings(&again["archived"]), ["WORK-001", "WORK-002", "WORK-006"]);
    assert_eq!(again["already_archived"], 1);
    assert_eq!(ids(&ws.json(&["items", "list", "--all", "--archived"])).len(), 8);
}

#[test]
fn a_dry_run_and_a_recent_cut_off_move_nothing() {
    let ws = project();
    ws.ok(&["items", "list", "--all"]);
    ws.ok(&["items", "list", "--all", "--limit", "1"]);
    let files = ws.snapshot();
    let dry = ws.json(&["archive", "--closed-before", "now", "--dry-run"]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(strings(&dry["archived"]).len(), 4);
    // The default cut-off is 30 days ago: everything here is younger.
    let default = ws.ok(&["archive"]);
    assert!(default.starts_with("nothing finished before"), "{default}");
    assert_eq!(ws.snapshot(), files);
    assert_eq!(ids(&ws.json(&["items", "list", "--all"])).len(), 7);
}

#[test]
fn bad_input_and_other_stores_are_refused_with_nothing_written() {
    let ws = project();
    ws.ok(&["items", "list", "--all"]);
    let files = ws.snapshot();
    assert_fails(&ws.run(&["archive", "--closed-before", "someday"]), 5, "someday");
    assert_eq!(ws.snapshot(), files);

    let dir = tempfile::tempdir().unwrap();
    let sqlite = Workspace::with_store(&format!("sqlite:{}", dir.path().join("jerry.db").display()));
    sqlite.ok(&["items", "create", "One"]);
    sqlite.ok(&["items", "complete", "1"]);
    assert_fails(
        &sqlite.run(&["archive", "--closed-before", "now"]),
        5,
        "files store",
    );
    assert_eq!(ids(&sqlite.json(&["items", "list", "--all"])), ["WORK-001"]);
}

#[test]
fn a_crash_after_the_catalog_commit_leaves_every_event_readable_and_the_next_run_finishes() {
    let ws = project();
    let before = everything(&ws);
    let out = ws
        .jerry()
        .env("JERRY_FAULT", "archive-committed")
        .args(["archive", "--closed-before", "now"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "the fault point was not reached");
    // Archived in the catalog, files still there: the items are archived, nothing is lost.
    assert!(ws.stream_file("WORK-003").exists());
    assert_eq!(
        ids(&ws.json(&["items", "list", "--all"])),
        ["WORK-004", "WORK-005", "WORK-007"]
    );
    assert_eq!(everything(&ws), before);
    assert_eq!(ws.json(&["doctor"])["clean"], true);

    // The next run finishes the move (and finds nothing new to archive).
    let again = ws.json(&["archive", "--closed-before", "now"]);
    assert_eq!(strings(&again["archived"]), Vec::<String>::new());
    assert!(!ws.stream_file("WORK-003").exists());
    assert_eq!(everything(&ws), before);
    ws.ok(&["items", "reopen", "3"]);
    assert!(ids(&ws.json(&["items", "list", "--all"])).contains(&"WORK-003".to_owned()));
}

#[test]
fn writers_racing_an_archive_lose_nothing() {
    let ws = Workspace::new();
    let items = 24;
    for n in 1..=items {
        ws.ok(&["items", "create", &format!("item {n}")]);
    }
    let all: Vec<String> = (1..=items).map(|n| n.to_string()).collect();
    let mut args = vec!["items", "complete"];
    args.extend(all.iter().map(String::as_str));
    ws.ok(&args);
    let events_before = ws.ok(&["events", "export"]).lines().count();

    // Writers comment on finished items while archive runs move them.
    let mut writers = Vec::new();
    for writer in 0..3 {
        let script = (1..=items)
            .filter(|n| n % 3 == writer)
            .map(|n| {
                format!(
                    "JERRY_TEST_SEED={} \"$0\" items comment {n} \"note {n}\" >/dev/null && echo {n}",
                    ws.fresh_seed()
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        writers.push(
            ws.shell(&script)
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
        );
    }
    let archivers: Vec<_> = (0..3)
        .map(|_| ws.spawn(&["archive", "--closed-before", "now", "--json"]))
        .collect();
    let mut acknowledged = BTreeSet::new();
    for writer in writers {
        let out = writer.wait_with_output().unwrap();
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            acknowledged.insert(line.trim().to_owned());
        }
    }
    let mut archived = 0;
    for archiver in archivers {
        let out = archiver.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        archived += report["archived"].as_array().unwrap().len();
    }
    assert!(archived > 0, "no archiver moved anything");
    assert_eq!(
        acknowledged.len(),
        items as usize,
        "every comment was acknowledged"
    );

    // Every acknowledged comment is in the log once, and every item reads whole.
    let export = ws.ok(&["events", "export"]);
    assert_eq!(export.lines().count(), events_before + acknowledged.len());
    for n in &acknowledged {
        let shown = ws.json(&["items", "show", n]);
        let comments = shown["comments"].as_array().unwrap();
        assert_eq!(comments.len(), 1, "{n}: {shown}");
    }
    let positions = ws.positions();
    assert_eq!(positions, (1..=positions.len() as u64).collect::<Vec<_>>());
    assert_the_log_checks_out(&ws);
    // Listed once, archived or not.
    assert_eq!(
        ids(&ws.json(&["items", "list", "--all", "--archived"])).len(),
        items as usize
    );
}

#[test]
fn a_damaged_archive_segment_is_reported_as_corrupt_data() {
    let ws = project();
    ws.ok(&["archive", "--closed-before", "now"]);
    let archive = ws.path().join("projects/PROJ-001/.jerry/data/archive");
    let segment = std::fs::read_dir(&archive)
        .expect("the archive folder")
        .map(|entry| entry.expect("an entry").path())
        .find(|path| path.extension().is_some_and(|ext| ext == "zst"))
        .expect("a segment");
    let length = std::fs::metadata(&segment).expect("the segment").len();
    // Frames whose headers no longer parse, and then ones whose header claims a size far
    // beyond the data: neither may panic or allocate what the header says.
    std::fs::write(&segment, vec![0xff; length as usize]).expect("damage the segment");
    assert_fails(&ws.run(&["events", "replay"]), 6, "does not decompress");
    assert_fails(&ws.run(&["items", "show", "3"]), 6, "does not decompress");
    let mut lying = vec![0x28, 0xb5, 0x2f, 0xfd, 0xe0];
    lying.extend((1u64 << 40).to_le_bytes());
    lying.resize(length as usize, 0);
    std::fs::write(&segment, lying).expect("damage the segment");
    assert_fails(&ws.run(&["events", "replay"]), 6, "does not decompress");
    assert_fails(&ws.run(&["items", "show", "3"]), 6, "does not decompress");
    // Current work reads as before.
    assert_eq!(ws.json(&["items", "show", "4"])["status"], "pending");
}

/// After an archive stopped anywhere: every item reads as before, writes work, doctor is
/// clean, and the next archive run finishes the job.
fn assert_whole_after_a_stopped_archive(
    ws: &Workspace,
    before: &(Vec<Value>, Vec<Value>, String, Value),
    context: &str,
) {
    assert_eq!(&everything(ws), before, "{context}: every item reads as before");
    assert_eq!(
        ws.json(&["doctor"])["clean"],
        true,
        "{context}: {}",
        ws.ok(&["doctor"])
    );
    ws.ok(&["archive", "--closed-before", "now"]);
    assert_eq!(&everything(ws), before, "{context}: the next run loses nothing");
    assert!(
        !ws.stream_file("WORK-003").exists(),
        "{context}: the next run archives"
    );
    ws.ok(&["items", "comment", "7", "still writable"]);
    ws.ok(&["items", "reopen", "3"]);
    assert_the_log_checks_out(ws);
}

#[test]
fn an_archive_stopped_at_any_named_step_leaves_the_project_whole() {
    for point in [
        "archive-catalog-opened",
        "archive-segment-written",
        "archive-committed",
    ] {
        let ws = project();
        let before = everything(&ws);
        let out = ws
            .jerry()
            .env("JERRY_FAULT", point)
            .args(["archive", "--closed-before", "now"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{point}: the fault point was not reached");
        assert_whole_after_a_stopped_archive(&ws, &before, point);
    }
}

#[test]
fn a_catalog_whose_creation_never_finished_is_no_dead_end() {
    // What a kill or a full disk left on main before: the catalog with its meta table
    // only, or an empty file.
    for partial in ["meta only", "empty file"] {
        let ws = project();
        let before = everything(&ws);
        let catalog = ws
            .path()
            .join("projects/PROJ-001/.jerry/data/archive/catalog.sqlite");
        std::fs::create_dir_all(catalog.parent().unwrap()).unwrap();
        if partial == "meta only" {
            let connection = rusqlite::Connection::open(&catalog).unwrap();
            connection
                .execute_batch(
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;",
                )
                .unwrap();
        } else {
            std::fs::write(&catalog, b"").unwrap();
        }
        assert_whole_after_a_stopped_archive(&ws, &before, partial);
    }
}

#[test]
fn archives_killed_at_random_moments_lose_nothing() {
    use std::time::{Duration, Instant};
    // A project large enough that an archive takes a while: 150 finished items.
    let template = project();
    let mut ids = Vec::new();
    for n in 0..150 {
        let created = template.json(&["items", "create", &format!("Old task {n}")]);
        ids.push(created["id"].as_str().unwrap().to_owned());
    }
    let mut args = vec!["items", "complete"];
    args.extend(ids.iter().map(String::as_str));
    template.ok(&args);
    let before = everything(&template);
    // How long an archive runs here, for the spread of the kills.
    let timing = Workspace::new();
    common::copy_dir(template.path(), timing.path());
    let started = Instant::now();
    timing.ok(&["archive", "--closed-before", "now"]);
    let takes = started.elapsed().as_micros().max(1_000) as u64;
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for round in 0..30 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let ws = Workspace::new();
        common::copy_dir(template.path(), ws.path());
        let mut child = ws
            .command()
            .args(["archive", "--closed-before", "now"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(seed % (takes * 12 / 10)));
        let _ = child.kill();
        let _ = child.wait();
        let context = format!("kill {round}");
        assert_eq!(everything(&ws), before, "{context}: every item reads as before");
        assert_eq!(
            ws.json(&["doctor"])["clean"],
            true,
            "{context}: {}",
            ws.ok(&["doctor"])
        );
        ws.ok(&["archive", "--closed-before", "now"]);
        assert_eq!(everything(&ws), before, "{context}: the next run loses nothing");
        ws.ok(&["items", "comment", "7", "still writable"]);
    }
}

/// A tmpfs mounted over a folder for the life of a test (needs the right to mount: root
/// in CI), unmounted when dropped.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn mount(at: &std::path::Path, size: &str) -> Option<Self> {
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        mounted.then(|| Self(at.to_path_buf()))
    }

    /// Bytes still free.
    fn free(&self) -> u64 {
        let path = std::ffi::CString::new(self.0.to_str().unwrap()).unwrap();
        let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::statvfs(path.as_ptr(), &raw mut stat) }, 0);
        stat.f_bavail as u64 * stat.f_frsize as u64
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn an_archive_that_runs_out_of_disk_at_any_point_leaves_the_project_whole() {
    let template = project();
    let before = everything(&template);
    for free_kib in [0u64, 4, 8, 12, 16, 20, 24, 32, 48, 64, 96] {
        let ws = Workspace::new();
        let Some(disk) = SmallDisk::mount(ws.path(), "1m") else {
            return common::skip("cannot mount a tmpfs here (the full-disk test needs root)");
        };
        common::copy_dir(template.path(), ws.path());
        let filler = ws.path().join("filler");
        let fill = disk.free().saturating_sub(free_kib * 1024);
        std::fs::write(&filler, vec![0u8; fill as usize]).unwrap();
        let context = format!("{free_kib} KiB free");
        // The copy's clock starts again at the workspace epoch: the cut-off is a day after.
        let out = ws.run(&["archive", "--closed-before", "2026-01-02"]);
        if !out.status.success() {
            assert_eq!(
                out.status.code(),
                Some(1),
                "{context}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        // With the disk still full: every item reads as before.
        assert_eq!(everything(&ws), before, "{context}: every item reads as before");
        // Space comes back: doctor is clean and the next run finishes the archive.
        std::fs::remove_file(&filler).unwrap();
        assert_whole_after_a_stopped_archive(&ws, &before, &context);
        drop(disk);
    }
}

#[test]
fn a_lost_or_damaged_catalog_is_rebuilt_from_the_segments() {
    let ws = project();
    ws.ok(&["archive", "--closed-before", "now"]);
    // WORK-003 comes back, changes and goes again: its old bytes stay in the first segment,
    // its new ones are in a second. WORK-002 comes back (with WORK-001, its group) for good.
    ws.ok(&["items", "reopen", "3"]);
    ws.ok(&["items", "comment", "3", "one more thing"]);
    ws.ok(&["items", "complete", "3"]);
    ws.ok(&["archive", "--closed-before", "now"]);
    ws.ok(&["items", "reopen", "2"]);
    let before = everything(&ws);
    // `items list` leaves archived work out: the same items must be left out after the rebuild.
    let live = ids(&ws.json(&["items", "list", "--all"]));
    assert_eq!(live, ["WORK-001", "WORK-002", "WORK-004", "WORK-005", "WORK-007"]);
    let catalog = ws
        .path()
        .join("projects/PROJ-001/.jerry/data/archive/catalog.sqlite");
    for damage in ["deleted", "no database"] {
        if damage == "deleted" {
            std::fs::remove_file(&catalog).expect("delete the catalog");
        } else {
            std::fs::write(&catalog, vec![0x5a; 4096]).expect("damage the catalog");
            assert_fails(&ws.run(&["items", "show", "3"]), 6, "jerry doctor --repair");
        }
        let report = ws.run(&["doctor", "--json"]);
        assert_eq!(report.status.code(), Some(6), "{damage}: doctor says so");
        let report: Value = serde_json::from_slice(&report.stdout).expect("one JSON document");
        let kinds: Vec<&str> = report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["kind"].as_str())
            .collect();
        assert_eq!(
            kinds,
            ["archive_catalog"],
            "{damage}: one finding, not a loss: {report}"
        );
        let repair = ws.ok(&["doctor", "--repair"]);
        assert!(
            repair.contains("rebuilt the archive catalog"),
            "{damage}: {repair}"
        );
        assert_eq!(everything(&ws), before, "{damage}: every item reads as before");
        assert_eq!(ids(&ws.json(&["items", "list", "--all"])), live, "{damage}");
        assert!(
            ws.stream_file("WORK-002").exists(),
            "{damage}: a restored item stays live"
        );
        assert_the_log_checks_out(&ws);
    }
    // With nobody running doctor, the next write brings the catalog back before it writes.
    std::fs::remove_file(&catalog).expect("delete the catalog");
    ws.ok(&["items", "comment", "4", "written after the catalog went"]);
    assert_eq!(ws.json(&["items", "show", "3"]), before.0[2]);
    assert_eq!(ids(&ws.json(&["items", "list", "--all"])), live);
    assert_the_log_checks_out(&ws);
}

#[test]
fn a_damaged_segment_without_its_catalog_is_left_to_doctor_and_giving_it_up_ends_clean() {
    let ws = project();
    ws.ok(&["archive", "--closed-before", "now"]);
    let archive = ws.path().join("projects/PROJ-001/.jerry/data/archive");
    std::fs::remove_file(archive.join("catalog.sqlite")).expect("delete the catalog");
    let segment = std::fs::read_dir(&archive)
        .expect("the archive folder")
        .map(|entry| entry.expect("an entry").path())
        .find(|path| path.extension().is_some_and(|ext| ext == "zst"))
        .expect("a segment");
    std::fs::write(&segment, vec![0xff; 64]).expect("damage the segment");
    // A write goes on, but does not write a catalog that would say nothing was archived.
    ws.ok(&["items", "comment", "7", "still writable"]);
    assert!(
        !archive.join("catalog.sqlite").exists(),
        "no catalog from a damaged segment"
    );
    let report = ws.run(&["doctor", "--json"]);
    assert_eq!(report.status.code(), Some(6));
    let report: Value = serde_json::from_slice(&report.stdout).expect("one JSON document");
    let kinds: BTreeSet<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    assert!(kinds.contains("archive_segment_damaged"), "{report}");
    // Giving the archived events up retires the segment: doctor ends clean, and nothing
    // given up can come back from it with positions from before.
    ws.ok(&["doctor", "--repair", "--accept-loss"]);
    assert!(!segment.exists(), "the damaged segment went to quarantine");
    assert_the_log_checks_out(&ws);
    assert_eq!(ws.json(&["items", "show", "7"])["status"], "in_progress");
}
