//! `jerry sync` between clones, with real `git` and a bare remote in a temp dir: clones
//! doing offline work converge (every event exactly once everywhere, the same items and
//! histories on every clone, conflicts kept and shown the same way), bad remotes are
//! refused without touching anything, and a sync killed at any step is finished by the
//! next one.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::{assert_fails, git, Dice, Workspace};
use serde_json::Value;

/// A bare repository in a temp dir: the remote every clone syncs through.
struct Remote {
    dir: tempfile::TempDir,
}

impl Remote {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        git(dir.path(), &["init", "--quiet", "--bare", "."]);
        Self { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A new clone of the remote, as a jerry workspace.
    fn clone(&self) -> Workspace {
        let ws = Workspace::new();
        let url = self.path().to_str().expect("utf-8 path");
        git(ws.path(), &["clone", "--quiet", url, "."]);
        ws
    }
}

/// The clone's project files but its caches and state records (the `.git` folder changes
/// with every fetch, and a sync records where it got to).
fn data(ws: &Workspace) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let projects = ws.path().join("projects");
    ws.snapshot()
        .into_iter()
        .filter(|(path, _)| path.starts_with(&projects))
        .filter(|(path, _)| {
            !path
                .components()
                .any(|c| c.as_os_str() == "cache" || c.as_os_str() == "state")
        })
        .collect()
}

fn sync(ws: &Workspace) -> Value {
    ws.json(&["sync"])
}

/// Syncs every clone in turn until a whole pass moves nothing.
fn sync_until_quiet(clones: &[&Workspace]) {
    for _ in 0..5 {
        let mut moved = 0;
        for ws in clones {
            let report = sync(ws);
            moved += report["sent"].as_u64().unwrap() + report["received"].as_u64().unwrap();
        }
        if moved == 0 {
            return;
        }
    }
    panic!("clones still exchanging events after 5 passes");
}

/// The event ids of a clone's whole log, insisting none is there twice.
fn event_ids(ws: &Workspace) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for id in ws.exported_ids() {
        assert!(ids.insert(id.clone()), "event {id} is in the log twice");
    }
    ids
}

/// The event ids in the remote's packs, insisting none was sent twice (a clone that sent
/// back what it received, or re-sent after a kill, would put a second copy there).
fn remote_ids(remote: &Remote) -> BTreeSet<String> {
    let listing = git(remote.path(), &["ls-tree", "refs/jerry/PROJ-001"]);
    let mut ids = BTreeSet::new();
    for line in listing.lines() {
        let blob = line.split_whitespace().nth(2).unwrap();
        for event in git(remote.path(), &["cat-file", "blob", blob]).lines() {
            let event: Value = serde_json::from_str(event).unwrap();
            let id = event["event_id"].as_str().unwrap().to_owned();
            assert!(ids.insert(id.clone()), "event {id} is on the remote twice");
        }
    }
    ids
}

/// A history without local positions (each clone's own arrival order).
fn history(ws: &Workspace, id: &str) -> Value {
    let mut history = ws.json(&["items", "history", id]);
    for event in history.as_array_mut().unwrap() {
        event.as_object_mut().unwrap().remove("position");
    }
    history
}

/// Properties 1 and 2 of converged clones: the same events, each once; the same items;
/// the same history of every item.
fn assert_converged(a: &Workspace, b: &Workspace) {
    assert_eq!(event_ids(a), event_ids(b), "the clones hold different events");
    let items = a.json(&["items", "list", "--all"]);
    assert_eq!(items, b.json(&["items", "list", "--all"]), "items list differs");
    for id in common::ids(&items) {
        assert_eq!(history(a, &id), history(b, &id), "the history of {id} differs");
    }
    // The incremental read model, a fresh replay and each stream's own replay agree.
    for ws in [a, b] {
        assert_eq!(ws.json(&["doctor"])["clean"], true);
    }
}

/// Clones that show ids with different prefixes exchange the same stored events: the
/// prefix is how ids are shown, never what is stored.
#[test]
fn clones_with_different_id_prefixes_sync_the_same_events() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["init", "--prefix", "API"]);
    a.ok(&["items", "create", "epic", "--type", "epic"]);
    a.ok(&["items", "create", "story", "--type", "story", "--parent", "API-1"]);
    sync(&a);
    sync(&b);
    let story = b.json(&["items", "show", "2"]);
    assert_eq!(
        (story["id"].as_str(), story["parent"].as_str()),
        (Some("WORK-002"), Some("WORK-001"))
    );
    b.ok(&["items", "start", "WORK-2"]);
    sync_until_quiet(&[&a, &b]);
    assert_eq!(a.json(&["items", "show", "api-2"])["status"], "in_progress");
    assert_eq!(event_ids(&a), event_ids(&b));
    for ws in [&a, &b] {
        assert_eq!(ws.json(&["doctor"])["clean"], true);
    }
}

/// Recurring work finished on one clone brings its next instance there, once; the other
/// clones receive it by sync and never make one of their own (Taskwarrior #3550 doubled
/// recurring tasks across synced replicas).
#[test]
fn recurring_work_finished_on_one_clone_comes_back_once_on_all() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&[
        "items",
        "create",
        "standup",
        "--due",
        "2026-01-02",
        "--recur",
        "daily",
    ]);
    sync(&a);
    sync(&b);
    b.ok(&["items", "complete", "1"]);
    assert_eq!(common::ids(&b.json(&["items", "list", "--all"])).len(), 2);
    sync_until_quiet(&[&a, &b]);
    // Both clones write afterwards, so each runs its reactions over what it received.
    a.ok(&["items", "create", "after"]);
    b.ok(&["items", "create", "after too"]);
    sync_until_quiet(&[&a, &b]);
    let items = a.json(&["items", "list", "--all"]);
    let standups: Vec<&Value> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["title"] == "standup")
        .collect();
    assert_eq!(standups.len(), 2, "{items}");
    assert_eq!(standups[1]["due"], "2026-01-03T00:00:00.000000Z");
    assert_converged(&a, &b);
}

#[test]
fn events_travel_both_ways_and_a_second_sync_changes_nothing() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "Fix login"]);
    a.ok(&["items", "start", "1"]);
    let first = sync(&a);
    assert_eq!(
        (first["sent"].as_u64(), first["received"].as_u64()),
        (Some(2), Some(0))
    );

    let got = sync(&b);
    assert_eq!(
        (got["sent"].as_u64(), got["received"].as_u64()),
        (Some(0), Some(2))
    );
    assert_eq!(b.json(&["items", "show", "1"])["status"], "in_progress");
    b.ok(&["items", "comment", "1", "looking at it"]);
    assert_eq!(sync(&b)["sent"], 1);
    assert_eq!(sync(&a)["received"], 1);
    let messages = git(remote.path(), &["log", "--format=%s", "refs/jerry/PROJ-001"]);
    assert_eq!(
        messages.lines().collect::<Vec<_>>(),
        [
            "jerry sync: 1 event of PROJ-001",
            "jerry sync: 2 events of PROJ-001"
        ]
    );
    assert_converged(&a, &b);

    // Nothing new anywhere: a second round writes nothing, here or on the remote.
    let remote_ref = git(remote.path(), &["rev-parse", "refs/jerry/PROJ-001"]);
    let files = (data(&a), data(&b));
    for ws in [&a, &b] {
        let again = sync(ws);
        assert_eq!(
            (again["sent"].as_u64(), again["received"].as_u64()),
            (Some(0), Some(0))
        );
    }
    assert_eq!(files, (data(&a), data(&b)));
    assert_eq!(
        remote_ref,
        git(remote.path(), &["rev-parse", "refs/jerry/PROJ-001"])
    );

    // Sync keeps to its own refs: no branch, no index, no working-tree change.
    assert_eq!(
        git(a.path(), &["status", "--porcelain", "--untracked-files=no"]),
        ""
    );
    assert!(git(remote.path(), &["for-each-ref", "refs/heads"]).is_empty());
}

#[test]
fn concurrent_start_and_cancel_converge_with_the_same_conflict_everywhere() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "Contested"]);
    sync(&a);
    sync(&b);
    // Offline, both at version 1: A starts and completes it, B cancels it.
    a.ok(&["items", "start", "1"]);
    a.ok(&["items", "complete", "1"]);
    b.ok(&["items", "cancel", "1", "--reason", "not needed"]);
    sync(&a);
    let report = sync(&b);
    sync(&a);
    assert_converged(&a, &b);

    // Whichever clone's move sorts first wins; the other's moves that no longer fit are
    // conflicts, the same on both clones and in B's sync summary.
    let shown = a.json(&["items", "show", "1"]);
    let conflicts = shown["conflicts"].as_array().expect("a conflicts field");
    assert!(!conflicts.is_empty(), "{shown}");
    assert_eq!(shown["conflicts"], b.json(&["items", "show", "1"])["conflicts"]);
    let reported: Vec<&Value> = report["conflicts"].as_array().unwrap().iter().collect();
    assert_eq!(reported.len(), conflicts.len(), "{report}");
    assert_eq!(reported[0]["version"], conflicts[0]["version"]);
    // No event is dropped: all five are in the history of both.
    assert_eq!(history(&a, "1").as_array().unwrap().len(), 6);
    // doctor names it, and still calls the project clean.
    let doctor = b.json(&["doctor"]);
    assert_eq!(doctor["clean"], true);
    assert_eq!(
        doctor["conflicts"].as_array().unwrap().len(),
        conflicts.len(),
        "{doctor}"
    );
    let human = b.ok(&["doctor"]);
    assert!(human.contains("conflict: WORK-001"), "{human}");
}

#[test]
fn random_offline_work_on_two_and_three_clones_converges() {
    let mut renumbered = 0;
    for clones in [2, 3] {
        for seed in [7_u64, 1009] {
            renumbered += random_run(clones, seed);
        }
    }
    // The runs create items on every clone: some numbers were taken twice, and moved.
    assert!(renumbered > 0, "no run renumbered an item");
}

/// A small seeded generator: the same seed makes the same run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Returns how many items were renumbered.
fn random_run(count: usize, seed: u64) -> usize {
    let remote = Remote::new();
    let clones: Vec<Workspace> = (0..count).map(|_| remote.clone()).collect();
    let all: Vec<&Workspace> = clones.iter().collect();
    let items = 4;
    for n in 1..=items {
        clones[0].ok(&["items", "create", &format!("item {n}")]);
    }
    sync_until_quiet(&all);
    let mut rng = Rng(seed);
    for step in 0..40 {
        let ws = &clones[rng.below(count)];
        // Numbers past the first few exist on some clones only, until they sync.
        let id = (1 + rng.below(items + 3)).to_string();
        let other = (1 + rng.below(items + 3)).to_string();
        let text = format!("step {step}");
        let args: Vec<&str> = match rng.below(13) {
            10 => vec!["items", "create", &text],
            11 => vec!["items", "create", &text, "--type", "subtask", "--parent", &id],
            12 => vec!["items", "depend", &id, &other],
            0 => vec!["items", "start", &id],
            1 => vec!["items", "complete", &id],
            2 => vec!["items", "cancel", &id],
            3 => vec!["items", "reopen", &id],
            4 => vec![
                "items",
                "priority",
                &id,
                ["low", "high", "critical"][rng.below(3)],
            ],
            5 => vec!["items", "comment", &id, &text],
            6 => vec!["items", "label", &id, "--add", ["ui", "db"][rng.below(2)]],
            7 => vec!["items", "edit", &id, "--title", &text],
            8 => vec!["items", "assign", &id, ["ann", "bo"][rng.below(2)]],
            _ => vec!["sync"],
        };
        // Refused moves (reopen of pending work, say) and numbers this clone does not
        // have yet are part of the game.
        let out = ws.run(&args);
        assert!(
            matches!(out.status.code(), Some(0 | 3 | 4 | 5)),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    sync_until_quiet(&all);
    assert_eq!(remote_ids(&remote), event_ids(&clones[0]));
    for pair in clones.windows(2) {
        assert_converged(&pair[0], &pair[1]);
    }
    assert_converged(&clones[0], &clones[count - 1]);
    let export = clones[0].ok(&["events", "export", "--format", "jsonl"]);
    export.matches("\"WorkItemRenumbered\"").count()
}

#[test]
fn policies_react_once_across_clones() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    for ws in [&a, &b] {
        ws.ok(&["config", "set", "policies", "close-parent"]);
    }
    a.ok(&["items", "create", "Epic", "--type", "epic"]);
    a.ok(&["items", "create", "Only child", "--parent", "1"]);
    sync(&a);
    sync(&b);
    // B finishes the child; its policy closes the parent, on B.
    b.ok(&["items", "complete", "2"]);
    assert_eq!(b.json(&["items", "show", "1"])["status"], "done");
    sync(&b);
    // A receives the trigger and its reaction, and does not react again, even after a
    // command of its own runs the policies.
    sync(&a);
    a.ok(&["items", "comment", "2", "nice"]);
    sync_until_quiet(&[&a, &b]);
    assert_converged(&a, &b);
    let closes = history(&a, "1")
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event_type"] == "StatusChanged" && e["payload"]["new_status"] == "done")
        .count();
    assert_eq!(closes, 1, "the parent was closed more than once");
}

#[test]
fn undo_after_sync_travels_like_any_write() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "Tune"]);
    a.ok(&["items", "priority", "1", "critical"]);
    sync(&a);
    sync(&b);
    assert_eq!(b.json(&["items", "show", "1"])["priority"], "critical");
    a.ok(&["undo"]);
    sync(&a);
    sync(&b);
    assert_eq!(b.json(&["items", "show", "1"])["priority"], "medium");
    assert_converged(&a, &b);
}

#[test]
fn the_same_number_created_on_two_clones_is_renumbered_where_it_was_not_sent() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "From A"]);
    a.ok(&["items", "create", "A's second"]);
    b.ok(&["items", "create", "From B", "--type", "epic"]);
    b.ok(&["items", "create", "B's child", "--parent", "1"]);
    b.ok(&["items", "depend", "2", "1"]);
    b.ok(&["items", "create", "B's third"]);
    b.ok(&["items", "depend", "3", "2"]);
    let ulid = b.json(&["items", "show", "1"])["internal_id"]
        .as_str()
        .unwrap()
        .to_owned();
    sync(&a);

    // A dry run says what would move, and moves nothing.
    let before = data(&b);
    let preview = b.json(&["sync", "--dry-run"]);
    let moves = |report: &Value| -> Vec<(String, String)> {
        report["renamed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["from"].as_str().unwrap().to_owned(),
                    r["to"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    // Past every number either side uses: B's own WORK-003 keeps its number.
    let want: Vec<(String, String)> = [("WORK-001", "WORK-004"), ("WORK-002", "WORK-005")]
        .iter()
        .map(|(f, t)| ((*f).to_owned(), (*t).to_owned()))
        .collect();
    assert_eq!(moves(&preview), want);
    assert_eq!(preview["received"], 2);
    assert_eq!(before, data(&b));

    // The first creation to reach the remote keeps its number; B's unsent items move on
    // past every number either side uses, with what pointed at them.
    let human = b.ok(&["sync"]);
    assert!(human.contains("2 renumbered"), "{human}");
    assert!(human.contains("renumbered WORK-001 → WORK-004"), "{human}");
    assert_eq!(sync(&b)["renamed"], Value::Array(Vec::new()));
    sync(&a);
    assert_converged(&a, &b);
    for ws in [&a, &b] {
        let titles: Vec<(String, String)> = ws
            .json(&["items", "list", "--all"])
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["id"].as_str().unwrap().to_owned(),
                    i["title"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = [
            ("WORK-001", "From A"),
            ("WORK-002", "A's second"),
            ("WORK-003", "B's third"),
            ("WORK-004", "From B"),
            ("WORK-005", "B's child"),
        ]
        .iter()
        .map(|(i, t)| ((*i).to_owned(), (*t).to_owned()))
        .collect();
        assert_eq!(titles, want);
        let child = ws.json(&["items", "show", "5"]);
        assert_eq!(child["parent"], "WORK-004");
        assert_eq!(child["dependencies"][0]["id"], "WORK-004");
        assert_eq!(child["dependencies"].as_array().unwrap().len(), 1);
        let third = ws.json(&["items", "show", "3"]);
        assert_eq!(third["dependencies"][0]["id"], "WORK-005");
        // Its ULID still finds it, and its history says why its number changed.
        assert_eq!(ws.json(&["items", "show", &ulid])["id"], "WORK-004");
        let renumbered: Vec<Value> = history(ws, "4")
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["event_type"] == "WorkItemRenumbered")
            .cloned()
            .collect();
        assert_eq!(renumbered.len(), 1);
        assert_eq!(renumbered[0]["payload"]["old_display_id"], "WORK-001");
        assert_eq!(renumbered[0]["metadata"]["actor"], "sync");
        assert_eq!(ws.json(&["items", "show", "1"])["title"], "From A");
    }
    assert_eq!(remote_ids(&remote), event_ids(&a));
}

#[test]
fn an_item_sent_elsewhere_is_never_renumbered_and_a_clash_is_refused() {
    let (one, other) = (Remote::new(), Remote::new());
    let a = one.clone();
    let b = other.clone();
    a.ok(&["items", "create", "From A"]);
    b.ok(&["items", "create", "From B"]);
    sync(&a);
    sync(&b);
    let url = one.path().to_str().unwrap();
    let before = data(&b);
    let out = b.run(&["sync", url]);
    assert_fails(&out, 4, "WORK-001 was created here");
    assert_eq!(before, data(&b));
}

#[test]
fn an_unreachable_remote_is_exit_1_and_changes_nothing() {
    let remote = Remote::new();
    let a = remote.clone();
    a.ok(&["items", "create", "Local"]);
    let before = data(&a);
    let out = a.run(&["sync", "nowhere"]);
    assert_fails(&out, 1, "nowhere");
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    assert_eq!(before, data(&a));
    // A remote git would take for an option (or nothing) is refused before git runs.
    let marker = a.path().join("pwned");
    let option = format!("--upload-pack=touch {}", marker.display());
    assert_fails(&a.run(&["sync", "--", &option]), 5, "is not a git remote");
    assert!(!marker.exists(), "git ran the remote as an option");
    assert_fails(&a.run(&["sync", ""]), 5, "is not a git remote");
    assert_eq!(before, data(&a));
    // The sync_remote setting names the default remote.
    a.ok(&["config", "set", "sync_remote", "elsewhere"]);
    assert_fails(&a.run(&["sync"]), 1, "elsewhere");
    a.ok(&["config", "unset", "sync_remote"]);
    assert_eq!(sync(&a)["sent"], 1);

    let plain = Workspace::new();
    plain.ok(&["items", "create", "No git here"]);
    assert_fails(&plain.run(&["sync"]), 1, "not inside a git repository");
}

#[test]
fn dry_run_says_what_would_move_and_moves_nothing() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "One"]);
    sync(&a);
    sync(&b);
    b.ok(&["items", "create", "Two"]);
    b.ok(&["items", "start", "2"]);
    let remote_ref = git(remote.path(), &["rev-parse", "refs/jerry/PROJ-001"]);
    let before = data(&b);
    let preview = b.json(&["sync", "--dry-run"]);
    assert_eq!(
        (preview["sent"].as_u64(), preview["received"].as_u64()),
        (Some(2), Some(0))
    );
    assert_eq!(before, data(&b));
    assert_eq!(
        remote_ref,
        git(remote.path(), &["rev-parse", "refs/jerry/PROJ-001"])
    );
    assert!(b.ok(&["sync", "--dry-run"]).contains("would send 2 events"));

    let c = remote.clone();
    let preview = c.json(&["sync", "--dry-run"]);
    assert_eq!(
        (preview["received"].as_u64(), preview["dry_run"].as_bool()),
        (Some(1), Some(true))
    );
    assert!(c.json(&["items", "list", "--all"]).as_array().unwrap().is_empty());
    assert!(c.ok(&["sync"]).contains("received 1"));
}

/// Replaces the remote's ref with a commit holding one pack of `content`.
fn plant_pack(remote: &Remote, content: &str, parent: Option<&str>) {
    let dir = remote.path();
    let blob = git_with_input(dir, &["hash-object", "-w", "--stdin"], content);
    let tree = git_with_input(dir, &["mktree"], &format!("100644 blob {blob}\tplanted.jsonl\n"));
    let mut args = vec!["commit-tree", tree.as_str(), "-m", "planted"];
    if let Some(parent) = parent {
        args.extend(["-p", parent]);
    }
    let commit = git(dir, &args);
    git(dir, &["update-ref", "refs/jerry/PROJ-001", commit.trim()]);
}

fn git_with_input(dir: &Path, args: &[&str], input: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("git")
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn a_remote_holding_garbage_or_changed_events_is_refused() {
    let remote = Remote::new();
    let a = remote.clone();
    a.ok(&["items", "create", "Real"]);
    sync(&a);

    // Not an event at all: exit 5, naming the pack and line.
    let b = remote.clone();
    let tip = git(remote.path(), &["rev-parse", "refs/jerry/PROJ-001"]);
    plant_pack(&remote, "this is not an event\n", Some(tip.trim()));
    let before = data(&b);
    assert_fails(&b.run(&["sync"]), 5, "planted.jsonl");
    assert_eq!(before, data(&b));

    // An event A holds, with other content under the same id: exit 4, naming it.
    let export = a.ok(&["events", "export", "--format", "jsonl"]);
    let mut event: Value = serde_json::from_str(export.lines().next().unwrap()).unwrap();
    let id = event["event_id"].as_str().unwrap().to_owned();
    event["payload"]["title"] = "Forged".into();
    let object = event.as_object_mut().unwrap();
    object.remove("version");
    object.remove("position");
    event["metadata"]["lamport"] = 1.into();
    plant_pack(&remote, &format!("{event}\n"), Some(tip.trim()));
    let before = data(&a);
    assert_fails(&a.run(&["sync"]), 4, &id);
    assert_eq!(before, data(&a));

    // An event whose stream and payload disagree: exit 5.
    event["aggregate_id"] = "WORK-002".into();
    event["event_id"] = "01JH0000000000000000000000".into();
    plant_pack(&remote, &format!("{event}\n"), Some(tip.trim()));
    let c = remote.clone();
    assert_fails(&c.run(&["sync"]), 5, "WORK-002");
    assert!(!c.path().join("projects").exists());
}

#[test]
fn a_sync_killed_at_any_step_is_finished_by_the_next() {
    for point in [
        "sync-after-fetch",
        "sync-after-receive",
        "sync-before-push",
        "sync-after-push",
    ] {
        let remote = Remote::new();
        let (a, b) = (remote.clone(), remote.clone());
        a.ok(&["items", "create", "From A"]);
        a.ok(&["items", "start", "1"]);
        sync(&a);
        sync(&b);
        a.ok(&["items", "comment", "1", "a's note"]);
        b.ok(&["items", "comment", "1", "b's note"]);
        b.ok(&["items", "create", "From B"]);
        sync(&a);
        // B dies (SIGKILL) at the point, with both things to receive and to send.
        let mut child = hung_sync(&b, point);
        wait_for_hang(&b, &remote, point);
        child.kill().unwrap();
        child.wait().unwrap();

        sync_until_quiet(&[&a, &b]);
        assert_converged(&a, &b);
        assert_eq!(event_ids(&a).len(), 5, "after a kill at {point}");
        assert_eq!(remote_ids(&remote), event_ids(&a), "after a kill at {point}");
        assert_eq!(
            a.json(&["items", "show", "1"])["comments"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
    }
}

#[test]
fn a_sync_killed_while_renumbering_is_finished_by_the_next() {
    for point in [
        "renumber-before-rename",
        "rename-journaled",
        "rename-new-stream",
        "rename-indexed",
    ] {
        let remote = Remote::new();
        let (a, b) = (remote.clone(), remote.clone());
        a.ok(&["items", "create", "From A"]);
        b.ok(&["items", "create", "From B"]);
        b.ok(&["items", "create", "B's second"]);
        b.ok(&["items", "depend", "2", "1"]);
        sync(&a);
        let mut child = hung_sync(&b, point);
        let journal = b.path().join("projects/PROJ-001/.jerry/data/rename.journal");
        let start = std::time::Instant::now();
        while !(journal.exists() || point == "renumber-before-rename" && start.elapsed().as_millis() > 1500) {
            assert!(start.elapsed().as_secs() < 60, "sync never reached {point}");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if point != "rename-journaled" {
            std::thread::sleep(std::time::Duration::from_millis(300));
        }
        child.kill().unwrap();
        child.wait().unwrap();

        // Reads in between see one of the two numbers, never both.
        let titles = b.json(&["items", "list", "--all"]);
        let from_b = titles
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["title"] == "From B")
            .count();
        assert_eq!(from_b, 1, "after a kill at {point}: {titles}");

        sync_until_quiet(&[&a, &b]);
        assert_converged(&a, &b);
        for ws in [&a, &b] {
            let list = ws.json(&["items", "list", "--all"]);
            let titles: Vec<&str> = list
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["title"].as_str().unwrap())
                .collect();
            assert_eq!(
                titles,
                ["From A", "B's second", "From B"],
                "after a kill at {point}"
            );
            let second = ws.json(&["items", "show", "2"]);
            assert_eq!(
                second["dependencies"][0]["id"], "WORK-003",
                "after a kill at {point}"
            );
            assert_eq!(second["dependencies"].as_array().unwrap().len(), 1);
        }
        assert!(!journal.exists(), "after a kill at {point}");
        assert_eq!(remote_ids(&remote), event_ids(&a), "after a kill at {point}");
    }
}

/// A `jerry sync` that stops for good at the failpoint `point`, to be killed there.
fn hung_sync(ws: &Workspace, point: &str) -> std::process::Child {
    ws.command()
        .args(["sync"])
        .env("JERRY_FAULT", format!("{point}:hang"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// Waits until a hung sync has visibly reached `point` (or long enough for the early ones,
/// which leave no trace): the remote moved, or the events arrived here.
fn wait_for_hang(b: &Workspace, remote: &Remote, point: &str) {
    let start = std::time::Instant::now();
    let reached = || match point {
        "sync-after-receive" | "sync-before-push" => event_ids(b).len() >= 5,
        "sync-after-push" => {
            git(remote.path(), &["log", "--oneline", "refs/jerry/PROJ-001"])
                .lines()
                .count()
                >= 3
        }
        _ => start.elapsed() > std::time::Duration::from_millis(1500),
    };
    while !reached() {
        assert!(start.elapsed().as_secs() < 60, "sync never reached {point}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn synced_events_arrive_after_the_local_head_and_follow_sees_them() {
    use std::io::{BufRead, BufReader};
    use std::time::{Duration, Instant};

    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    b.ok(&["items", "create", "B's own"]);
    sync(&b);
    sync(&a);
    a.ok(&["items", "create", "A's"]);
    a.ok(&["items", "start", "2"]);
    sync(&a);

    let mut follower = b
        .command()
        .args(["events", "follow", "--format", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = follower.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = tx.send(line);
        }
    });
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(sync(&b)["received"], 2);
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while seen.len() < 2 && Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            seen.push(serde_json::from_str::<Value>(&line).unwrap());
        }
    }
    let _ = follower.kill();
    let _ = follower.wait();
    // Positions are this clone's arrival order: after B's own event, 2 and 3 here.
    let positions: Vec<u64> = seen.iter().map(|e| e["position"].as_u64().unwrap()).collect();
    assert_eq!(positions, [2, 3]);
    assert!(seen.iter().all(|e| e["aggregate_id"] == "WORK-002"));
    assert!(seen.iter().all(|e| e["metadata"]["lamport"].is_u64()));
}

#[test]
fn local_writers_during_a_sync_lose_nothing() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    for n in 0..3 {
        a.ok(&["items", "create", &format!("a{n}")]);
    }
    sync(&a);
    sync(&b);
    for n in 1..=3 {
        a.ok(&["items", "comment", &n.to_string(), "from a"]);
    }
    sync(&a);
    // B's writers run while B syncs: each comment lands whole, before or after the
    // received events, and is sent by this sync or the next.
    let writers: Vec<_> = (0..4)
        .map(|w| {
            // Each process its own id seed (the same seed would make the same event ids).
            let seeds: Vec<String> = (0..5).map(|_| b.fresh_seed().to_string()).collect();
            let script = format!(
                "for s in {}; do JERRY_TEST_SEED=$s \"$0\" items comment {} \"w{w}-$s\" >/dev/null || exit 1; done",
                seeds.join(" "),
                1 + w % 3
            );
            b.shell(&script).spawn().unwrap()
        })
        .collect();
    let syncer = b.spawn(&["sync"]);
    for mut writer in writers {
        assert!(writer.wait().unwrap().success());
    }
    assert!(syncer.wait_with_output().unwrap().status.success());
    sync_until_quiet(&[&a, &b]);
    assert_converged(&a, &b);
    assert_eq!(event_ids(&a).len(), 3 + 3 + 20);
    assert_eq!(remote_ids(&remote), event_ids(&b));
}

/// Every file under the workspace's projects folder that holds a git conflict marker.
fn conflict_markers(ws: &Workspace) -> Vec<std::path::PathBuf> {
    ws.snapshot()
        .into_iter()
        .filter(|(path, bytes)| {
            path.starts_with(ws.path().join("projects"))
                && bytes.windows(7).any(|w| w == b"<<<<<<<" || w == b">>>>>>>")
        })
        .map(|(path, _)| path)
        .collect()
}

/// Commits whatever `git add -A` takes (possibly nothing: the caches a settled merge
/// rebuilt are local, and ignored).
fn commit_all(ws: &Workspace, message: &str) {
    git(ws.path(), &["add", "-A"]);
    git(ws.path(), &["commit", "--quiet", "--allow-empty", "-m", message]);
}

#[test]
fn git_merge_of_committed_event_files_follows_the_event_rule() {
    // The same two branches merged each way give the same items and histories.
    let mut results = Vec::new();
    for (into, from) in [("main", "feature"), ("feature", "main")] {
        let ws = Workspace::new();
        git(ws.path(), &["init", "--quiet", "-b", "main", "."]);
        ws.ok(&["items", "create", "Shared", "--type", "story"]);
        ws.ok(&["items", "create", "Other"]);
        let installed = ws.ok(&["sync", "--install-merge-driver"]);
        assert!(installed.contains("1 line(s) added"), "{installed}");
        assert!(ws.ok(&["sync", "--install-merge-driver"]).contains("already"));
        commit_all(&ws, "base");
        git(ws.path(), &["checkout", "--quiet", "-b", "feature"]);
        ws.ok(&["items", "comment", "1", "from feature"]);
        ws.ok(&["items", "label", "2", "--add", "ui"]);
        ws.ok(&["items", "create", "Feature child", "--parent", "1"]);
        commit_all(&ws, "feature work");
        git(ws.path(), &["checkout", "--quiet", "main"]);
        ws.ok(&["items", "start", "1"]);
        ws.ok(&["items", "priority", "1", "high"]);
        ws.ok(&["items", "cancel", "2"]);
        commit_all(&ws, "main work");

        git(ws.path(), &["checkout", "--quiet", into]);
        git(ws.path(), &["merge", "--quiet", "--no-edit", from]);
        assert_eq!(conflict_markers(&ws), Vec::<std::path::PathBuf>::new());
        let marker = ws.path().join("projects/PROJ-001/.jerry/data/merged");
        assert!(marker.exists(), "the driver leaves its marker");

        // The next command gives positions again and rebuilds the index.
        let shared = ws.json(&["items", "show", "1"]);
        assert!(!marker.exists());
        assert_eq!(shared["status"], "in_progress");
        assert_eq!(shared["priority"], "high");
        assert_eq!(shared["comments"].as_array().unwrap().len(), 1);
        let other = ws.json(&["items", "show", "2"]);
        assert_eq!(other["status"], "cancelled");
        assert_eq!(other["labels"][0], "ui");
        assert_eq!(ws.json(&["items", "show", "3"])["parent"], "WORK-001");
        let positions: Vec<u64> = ws
            .ok(&["events", "export", "--format", "jsonl"])
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["position"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        assert_eq!(positions, (1..=positions.len() as u64).collect::<Vec<_>>());
        assert_eq!(ws.json(&["doctor"])["clean"], true, "{}", ws.ok(&["doctor"]));
        // And the log goes on as before.
        ws.ok(&["items", "complete", "1"]);
        let items = ws.json(&["items", "list", "--all"]);
        let histories: Vec<Value> = common::ids(&items).iter().map(|id| history(&ws, id)).collect();
        results.push((
            event_ids(&ws).len(),
            without_ids(items),
            without_ids(Value::Array(histories)),
        ));
    }
    // The runs write the same events (a fixed clock; ids from each workspace's own seed,
    // in the same time order), so either merge direction must give the same items and
    // histories, version for version.
    assert_eq!(results[0].0, 11);
    assert_eq!(results[0], results[1]);
}

/// `value` without the object fields named `keys`, at any depth.
fn without(mut value: Value, keys: &[&str]) -> Value {
    match &mut value {
        Value::Object(map) => {
            for key in keys {
                map.remove(*key);
            }
            for (_, inner) in map.iter_mut() {
                *inner = without(inner.take(), keys);
            }
        }
        Value::Array(items) => {
            for inner in items.iter_mut() {
                *inner = without(inner.take(), keys);
            }
        }
        _ => {}
    }
    value
}

/// A JSON value without the ids that differ between two workspaces doing the same work.
fn without_ids(value: Value) -> Value {
    without(value, &["event_id", "internal_id", "metadata"])
}

#[test]
fn the_merge_driver_refuses_what_it_cannot_merge() {
    let ws = Workspace::new();
    let ours = ws.path().join("ours.jsonl");
    let theirs = ws.path().join("theirs.jsonl");
    std::fs::write(&ours, "").unwrap();
    std::fs::write(&theirs, "<<<<<<< not an event\n").unwrap();
    let out = ws.run(&[
        "merge-driver",
        "base",
        ours.to_str().unwrap(),
        theirs.to_str().unwrap(),
        "projects/PROJ-001/.jerry/data/events/work_item-WORK-001.jsonl",
    ]);
    assert_fails(&out, 1, "line 1 of theirs is not an event");
    assert_eq!(std::fs::read(&ours).unwrap(), b"");
}

/// Items and their histories, without what two merges of the same branches may number
/// differently (positions are local to a workspace).
fn merged_view(ws: &Workspace) -> Value {
    let items = ws.json(&["items", "list", "--all"]);
    let histories: Vec<Value> = common::ids(&items).iter().map(|id| history(ws, id)).collect();
    without(
        serde_json::json!({ "items": items, "histories": histories }),
        &["position"],
    )
}

#[test]
fn two_branches_that_created_the_same_number_keep_both_items_whichever_way_they_merge() {
    let ws = Workspace::new();
    git(ws.path(), &["init", "--quiet", "-b", "main", "."]);
    ws.ok(&["items", "create", "Shared"]);
    ws.ok(&["items", "create", "Other"]);
    ws.ok(&["sync", "--install-merge-driver"]);
    commit_all(&ws, "base");
    git(ws.path(), &["checkout", "--quiet", "-b", "f1"]);
    assert_eq!(
        ws.ok(&["items", "create", "From f1", "--type", "story"]).trim(),
        "WORK-003"
    );
    ws.ok(&["items", "priority", "1", "high"]);
    ws.ok(&["items", "create", "f1 child", "--parent", "3"]);
    commit_all(&ws, "f1");
    git(ws.path(), &["checkout", "--quiet", "-b", "f2", "main"]);
    assert_eq!(ws.ok(&["items", "create", "From f2"]).trim(), "WORK-003");
    ws.ok(&["items", "comment", "3", "f2 note"]);
    ws.ok(&["items", "edit", "1", "--title", "Shared, renamed"]);
    commit_all(&ws, "f2");
    let created: BTreeSet<String> = event_ids(&ws);

    let mut views = Vec::new();
    for (name, into, from) in [("m1", "f1", "f2"), ("m2", "f2", "f1")] {
        git(ws.path(), &["checkout", "--quiet", "-b", name, into]);
        git(ws.path(), &["merge", "--quiet", "--no-edit", from]);
        assert_eq!(conflict_markers(&ws), Vec::<std::path::PathBuf>::new());
        let items = ws.json(&["items", "list", "--all"]);
        assert_eq!(
            common::ids(&items),
            ["WORK-001", "WORK-002", "WORK-003", "WORK-004", "WORK-005"]
        );
        let titles: BTreeSet<&str> = items
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["title"].as_str().unwrap())
            .collect();
        assert!(
            titles.contains("From f1") && titles.contains("From f2"),
            "{items}"
        );
        // The earlier creation keeps the number; the other item moved with its history and
        // still answers to its ULID.
        assert_eq!(ws.json(&["items", "show", "3"])["title"], "From f1");
        let moved = ws.json(&["items", "show", "5"]);
        assert_eq!(moved["title"], "From f2");
        assert_eq!(moved["comments"][0]["text"], "f2 note");
        let by_ulid = ws.json(&["items", "show", moved["internal_id"].as_str().unwrap()]);
        assert_eq!(by_ulid["id"], "WORK-005");
        assert_eq!(ws.json(&["items", "show", "1"])["title"], "Shared, renamed");
        assert_eq!(ws.json(&["items", "show", "1"])["priority"], "high");
        assert_eq!(ws.json(&["doctor"])["clean"], true, "{}", ws.ok(&["doctor"]));
        let ids = event_ids(&ws);
        assert!(created.is_subset(&ids));
        views.push(merged_view(&ws));
        commit_all(&ws, "settled");
    }
    assert_eq!(
        views[0], views[1],
        "either merge direction gives the same items and histories"
    );

    // f2 goes on with its item under the old number, and is merged again: the new event
    // joins the moved item, and no item appears twice.
    git(ws.path(), &["checkout", "--quiet", "f2"]);
    ws.ok(&["items", "comment", "3", "later on f2"]);
    commit_all(&ws, "more f2");
    git(ws.path(), &["checkout", "--quiet", "m1"]);
    git(ws.path(), &["merge", "--quiet", "--no-edit", "f2"]);
    let moved = ws.json(&["items", "show", "5"]);
    let notes: Vec<&str> = moved["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(notes, ["f2 note", "later on f2"]);
    assert_eq!(
        ws.json(&["items", "show", "3"])["comments"],
        serde_json::json!([])
    );
    assert_eq!(common::ids(&ws.json(&["items", "list", "--all"])).len(), 5);
    assert_eq!(ws.json(&["doctor"])["clean"], true, "{}", ws.ok(&["doctor"]));
}

#[test]
fn a_merge_the_driver_cannot_settle_stays_a_conflict_and_doctor_reports_the_other_side() {
    let ws = Workspace::new();
    git(ws.path(), &["init", "--quiet", "-b", "main", "."]);
    ws.ok(&["items", "create", "Shared"]);
    ws.ok(&["sync", "--install-merge-driver"]);
    commit_all(&ws, "base");
    git(ws.path(), &["checkout", "--quiet", "-b", "edited"]);
    ws.ok(&["items", "comment", "1", "from the branch"]);
    // A hand edit of a committed event: the same event id with other content.
    let stream = ws.stream_file("WORK-001");
    let text = std::fs::read_to_string(&stream).unwrap();
    std::fs::write(&stream, text.replacen("\"Shared\"", "\"Edited by hand\"", 1)).unwrap();
    commit_all(&ws, "edited");
    git(ws.path(), &["checkout", "--quiet", "main"]);
    ws.ok(&["items", "comment", "1", "from main"]);
    commit_all(&ws, "main");
    let merge = Command::new("git")
        .args(["merge", "--no-edit", "edited"])
        .current_dir(ws.path())
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .output()
        .unwrap();
    assert!(!merge.status.success(), "git reports the conflict");
    // The obvious way out keeps our side only; doctor says what the other side had.
    commit_all(&ws, "merged");
    let out = ws.run(&["doctor"]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(6), "{report}");
    assert!(
        report.contains("unmerged in ") && report.contains("work_item-WORK-001.jsonl"),
        "{report}"
    );
    let kept = ws
        .path()
        .join("projects/PROJ-001/.jerry/data/unmerged/work_item-WORK-001.jsonl");
    assert!(std::fs::read_to_string(&kept)
        .unwrap()
        .contains("from the branch"));
    // Settled by hand: the copy removed, doctor is clean again.
    std::fs::remove_file(&kept).unwrap();
    ws.ok(&["doctor"]);
}

#[test]
fn a_move_decided_on_a_state_that_no_longer_holds_is_a_conflict_on_every_clone() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "Contested"]);
    sync(&a);
    sync(&b);
    // Both decide on the pending item: A starts it, B cancels it.
    a.ok(&["items", "start", "1"]);
    b.ok(&["items", "cancel", "1", "--reason", "not needed"]);
    sync(&a);
    sync(&b);
    sync(&a);
    assert_converged(&a, &b);
    let shown = a.json(&["items", "show", "1"]);
    let conflicts = shown["conflicts"].as_array().expect("a conflicts field");
    assert_eq!(conflicts.len(), 1, "{shown}");
    assert_eq!(shown["conflicts"], b.json(&["items", "show", "1"])["conflicts"]);
    // Whichever move sorts first holds; the other is kept, shown, and not applied: never
    // a cancel decided on a pending item landing silently on a started one.
    let reason = conflicts[0]["reason"].as_str().unwrap();
    match shown["status"].as_str().unwrap() {
        "in_progress" => assert!(
            reason.contains("pending → cancelled") && reason.contains("no longer holds"),
            "{reason}"
        ),
        "cancelled" => assert!(reason.contains("pending → in_progress"), "{reason}"),
        other => panic!("status {other}: {shown}"),
    }
    // The table shows it too, and the history marks the event that was not applied.
    let table = a.ok(&["items", "show", "1"]);
    assert!(
        table.contains("conflict") && table.contains("not applied"),
        "{table}"
    );
    let lines = b.ok(&["items", "history", "1"]);
    assert_eq!(lines.matches("[conflict: not applied]").count(), 1, "{lines}");
    // And a list finds the items that have them, on either clone.
    a.ok(&["items", "create", "Quiet"]);
    sync(&a);
    sync(&b);
    for clone in [&a, &b] {
        assert_eq!(
            common::ids(&clone.json(&["items", "list", "--all"])),
            ["WORK-001", "WORK-002"]
        );
        assert_eq!(
            common::ids(&clone.json(&["items", "list", "--all", "--conflicts"])),
            ["WORK-001"]
        );
        let table = clone.ok(&["items", "list", "--all", "--conflicts"]);
        assert!(
            table.contains("WORK-001") && !table.contains("WORK-002"),
            "{table}"
        );
    }
}

#[test]
fn branches_creating_and_changing_items_merged_in_random_orders_lose_nothing() {
    for seed in [7u64, 1_234_567, 987_654_321] {
        let mut dice = Dice(seed);
        let ws = Workspace::new();
        git(ws.path(), &["init", "--quiet", "-b", "main", "."]);
        ws.ok(&["items", "create", "Base one"]);
        ws.ok(&["items", "create", "Base two"]);
        ws.ok(&["sync", "--install-merge-driver"]);
        commit_all(&ws, "base");
        let branches = ["b1", "b2", "b3"];
        let mut written = BTreeSet::new();
        for branch in branches {
            git(ws.path(), &["checkout", "--quiet", "-b", branch, "main"]);
            let mut items = 2;
            for step in 0..6 {
                let id = (dice.roll(items) + 1).to_string();
                match dice.roll(4) {
                    0 | 1 => {
                        ws.ok(&["items", "create", &format!("{branch} item {step}")]);
                        items += 1;
                    }
                    2 => {
                        ws.ok(&["items", "comment", &id, &format!("{branch} says {step}")]);
                    }
                    _ => {
                        let priority = ["low", "high", "critical"][dice.roll(3) as usize];
                        ws.run(&["items", "priority", &id, priority]);
                    }
                }
            }
            written.extend(event_ids(&ws));
            commit_all(&ws, branch);
        }
        git(ws.path(), &["checkout", "--quiet", "main"]);
        let mut order = branches.to_vec();
        for i in (1..order.len()).rev() {
            order.swap(i, dice.roll(i as u64 + 1) as usize);
        }
        for branch in &order {
            git(ws.path(), &["merge", "--quiet", "--no-edit", branch]);
            assert_eq!(
                conflict_markers(&ws),
                Vec::<std::path::PathBuf>::new(),
                "seed {seed}"
            );
            // The next command settles the merge; what it moved is committed like any write.
            ws.ok(&["items", "list", "--all"]);
            commit_all(&ws, &format!("settled {branch}"));
        }
        // `event_ids` insists every event is there once.
        let ids = event_ids(&ws);
        assert_eq!(ids, written, "seed {seed} (order {order:?}): no event lost");
        assert_eq!(
            ws.json(&["doctor"])["clean"],
            true,
            "seed {seed}: {}",
            ws.ok(&["doctor"])
        );
    }
}

#[test]
fn three_clones_moving_one_item_three_ways_agree_on_one_move_and_two_conflicts() {
    let remote = Remote::new();
    let (a, b, c) = (remote.clone(), remote.clone(), remote.clone());
    a.ok(&["items", "create", "Contested"]);
    sync_until_quiet(&[&a, &b, &c]);
    // Each decides on the pending item.
    a.ok(&["items", "start", "1"]);
    b.ok(&["items", "cancel", "1", "--reason", "not needed"]);
    c.ok(&["items", "complete", "1"]);
    // In an order that is not the creation order, then until quiet.
    sync(&c);
    sync(&a);
    sync(&b);
    sync_until_quiet(&[&a, &b, &c]);
    assert_converged(&a, &b);
    assert_converged(&b, &c);
    let shown = a.json(&["items", "show", "1"]);
    // One move applies; the two others were decided on a pending item that no longer is,
    // and are conflicts, the same on every clone.
    assert_eq!(shown["conflicts"].as_array().map(Vec::len), Some(2), "{shown}");
    for clone in [&b, &c] {
        assert_eq!(
            clone.json(&["items", "show", "1"])["conflicts"],
            shown["conflicts"]
        );
    }
    assert_ne!(shown["status"], "pending", "{shown}");
}

#[test]
fn concurrent_writes_to_one_field_keep_the_first_and_show_the_other_as_a_conflict() {
    for a_sends_first in [true, false] {
        let remote = Remote::new();
        let (a, b) = (remote.clone(), remote.clone());
        a.ok(&["items", "create", "Shared"]);
        sync(&a);
        sync(&b);
        a.ok(&["items", "edit", "1", "--title", "From A"]);
        a.ok(&["items", "priority", "1", "high"]);
        b.ok(&["items", "edit", "1", "--title", "From B"]);
        b.ok(&["items", "priority", "1", "low"]);
        let (first, second) = if a_sends_first { (&a, &b) } else { (&b, &a) };
        sync(first);
        let report = sync(second);
        sync(first);
        assert_converged(&a, &b);
        let shown = a.json(&["items", "show", "1"]);
        let conflicts = shown["conflicts"].as_array().expect("conflicts");
        // Each field holds one clone's value; the other clone's write to it is a conflict,
        // never a silent overwrite.
        assert_eq!(conflicts.len(), 2, "{shown}");
        let types: BTreeSet<&str> = conflicts
            .iter()
            .map(|c| c["event_type"].as_str().unwrap())
            .collect();
        assert_eq!(
            types,
            BTreeSet::from(["PriorityChanged", "TitleChanged"]),
            "{shown}"
        );
        assert!(conflicts
            .iter()
            .all(|c| c["reason"].as_str().unwrap().contains("concurrent write")));
        let title = shown["title"].as_str().unwrap();
        assert!(title == "From A" || title == "From B", "{title}");
        let loser = if title == "From A" { "From B" } else { "From A" };
        assert!(
            conflicts
                .iter()
                .any(|c| c["reason"].as_str().unwrap().contains(loser)),
            "{shown}"
        );
        // The clone that received them says so in its summary.
        assert_eq!(report["conflicts"].as_array().map(Vec::len), Some(2), "{report}");
    }
}

#[test]
fn a_resolved_conflict_is_one_synced_undoable_event_and_no_clone_repeats_it() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "Shared"]);
    a.ok(&["items", "create", "Quiet"]);
    sync(&a);
    sync(&b);
    a.ok(&["items", "edit", "1", "--title", "From A"]);
    b.ok(&["items", "edit", "1", "--title", "From B"]);
    sync(&a);
    sync(&b);
    sync(&a);
    let shown = b.json(&["items", "show", "1"]);
    let conflict = shown["conflicts"][0].clone();
    let held = shown["title"].as_str().unwrap().to_owned();
    let other = conflict["wanted"]["value"]
        .as_str()
        .expect("what the other side wanted")
        .to_owned();
    assert_ne!(held, other, "{shown}");
    assert_eq!(conflict["wanted"]["field"], "title", "{shown}");
    assert!(b
        .ok(&["items", "show", "1"])
        .contains("jerry items resolve WORK-001"));

    // Bad decisions write nothing: no decision (usage), an item without conflicts, a
    // version that is not an open conflict (refused, exit 5).
    let before = b.exported_ids();
    assert_eq!(b.run(&["items", "resolve", "1"]).status.code(), Some(2));
    let none = b.run(&["items", "resolve", "2", "--keep"]);
    assert_eq!(none.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&none.stderr).contains("WORK-002 has no open conflict"));
    let wrong = b.run(&["items", "resolve", "1", "--take", "--conflict", "99"]);
    assert_eq!(wrong.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("no open conflict at version 99"));
    assert_eq!(b.exported_ids(), before);

    // Taking the other side is one write: the settlement and the change.
    let resolved = b.json(&["items", "resolve", "1", "--take"]);
    assert_eq!(resolved["title"], other.as_str(), "{resolved}");
    assert_eq!(resolved.get("conflicts"), None, "{resolved}");
    assert_eq!(
        resolved["resolved_conflicts"][0]["resolved"]["resolution"],
        "take"
    );
    let history = b.ok(&["items", "history", "1"]);
    assert!(history.contains("settled: took the other side"), "{history}");
    assert!(
        history.contains("[conflict: not applied; settled at v"),
        "{history}"
    );

    // Once synced, no clone shows it open: not show, not list, not doctor, not sync.
    sync(&b);
    let report = sync(&a);
    assert_eq!(report["conflicts"].as_array().map(Vec::len), Some(0), "{report}");
    assert_converged(&a, &b);
    for clone in [&a, &b] {
        let item = clone.json(&["items", "show", "1"]);
        assert_eq!(item["title"], other.as_str());
        assert_eq!(item.get("conflicts"), None, "{item}");
        assert!(common::ids(&clone.json(&["items", "list", "--all", "--conflicts"])).is_empty());
        assert_eq!(clone.json(&["doctor"])["conflicts"], serde_json::json!([]));
    }

    // Undone, the conflict is open again and the title is back; redone, settled again.
    b.ok(&["undo"]);
    let undone = b.json(&["items", "show", "1"]);
    assert_eq!(undone["title"], held.as_str());
    assert_eq!(undone["conflicts"].as_array().map(Vec::len), Some(1), "{undone}");
    assert_eq!(
        common::ids(&b.json(&["items", "list", "--all", "--conflicts"])),
        ["WORK-001"]
    );
    b.ok(&["redo"]);
    let redone = b.json(&["items", "show", "1"]);
    assert_eq!(redone["title"], other.as_str());
    assert_eq!(redone.get("conflicts"), None, "{redone}");
    sync(&b);
    sync(&a);
    assert_converged(&a, &b);
}

#[test]
fn resolve_keeps_takes_or_sets_status_and_field_conflicts() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "Contested"]);
    sync(&a);
    sync(&b);
    a.ok(&["items", "start", "1"]);
    a.ok(&["items", "priority", "1", "high"]);
    b.ok(&["items", "cancel", "1", "--reason", "not needed"]);
    b.ok(&["items", "priority", "1", "low"]);
    sync(&a);
    sync(&b);
    sync(&a);
    assert_converged(&a, &b);
    let shown = a.json(&["items", "show", "1"]);
    let conflicts = shown["conflicts"].as_array().unwrap().clone();
    assert_eq!(conflicts.len(), 2, "{shown}");
    // Two open: a take must say which.
    let which = a.run(&["items", "resolve", "1", "--take"]);
    assert_eq!(which.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&which.stderr).contains("name the one to settle"));
    let version_of = |field: &str| {
        conflicts
            .iter()
            .find(|c| c["wanted"]["field"] == field)
            .map(|c| c["version"].as_u64().unwrap().to_string())
            .unwrap()
    };
    // A value of the conflict's field, typed as its command takes it.
    let bad = a.run(&[
        "items",
        "resolve",
        "1",
        "--set",
        "urgent",
        "--conflict",
        &version_of("priority"),
    ]);
    assert_eq!(bad.status.code(), Some(5));
    let set = a.json(&[
        "items",
        "resolve",
        "1",
        "--set",
        "critical",
        "--conflict",
        &version_of("priority"),
    ]);
    assert_eq!(set["priority"], "critical", "{set}");
    assert_eq!(set["conflicts"].as_array().map(Vec::len), Some(1), "{set}");
    // The status conflict, taken: the other side's move happens now (with its completion
    // when it finishes the item), if the status machine allows it from here. Which move
    // applied is the order's choice: a cancel that won is final, and taking the start is
    // refused; keeping settles it.
    let status = &conflicts
        .iter()
        .find(|c| c["wanted"]["field"] == "status")
        .unwrap()["wanted"]["value"]["to"];
    if shown["status"] == "cancelled" {
        let refused = a.run(&["items", "resolve", "1", "--take"]);
        assert_eq!(refused.status.code(), Some(5));
        assert!(String::from_utf8_lossy(&refused.stderr).contains("cancelled is final"));
        let kept = a.json(&["items", "resolve", "1", "--keep"]);
        assert_eq!(kept["status"], "cancelled", "{kept}");
        assert_eq!(kept.get("conflicts"), None, "{kept}");
    } else {
        assert_eq!(status, "cancelled");
        let taken = a.json(&["items", "resolve", "1", "--take"]);
        assert_eq!(taken["status"], "cancelled", "{taken}");
        assert_eq!(taken.get("conflicts"), None, "{taken}");
        let history = a.json(&["items", "history", "1"]);
        assert_eq!(
            history.as_array().unwrap().last().unwrap()["event_type"],
            "WorkItemCompleted",
            "a cancel taken records its completion"
        );
    }
    sync(&a);
    sync(&b);
    assert_converged(&a, &b);
    assert_eq!(
        b.json(&["items", "show", "1"])["resolved_conflicts"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

#[test]
fn keep_without_a_version_settles_every_open_conflict() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "Shared"]);
    sync(&a);
    sync(&b);
    a.ok(&["items", "edit", "1", "--title", "From A", "--description", "A's"]);
    a.ok(&["items", "assign", "1", "ann"]);
    b.ok(&["items", "edit", "1", "--title", "From B", "--description", "B's"]);
    b.ok(&["items", "assign", "1", "bob"]);
    sync(&a);
    sync(&b);
    let before = b.json(&["items", "show", "1"]);
    assert_eq!(before["conflicts"].as_array().map(Vec::len), Some(3), "{before}");
    let kept = b.json(&["items", "resolve", "1", "--keep"]);
    assert_eq!(kept.get("conflicts"), None, "{kept}");
    for field in ["title", "description", "assignee"] {
        assert_eq!(kept[field], before[field], "{field} kept");
    }
    assert_eq!(
        kept["version"].as_u64(),
        before["version"].as_u64().map(|v| v + 3)
    );
}

#[test]
fn clones_syncing_at_the_same_moment_all_get_through() {
    let remote = Remote::new();
    let clones = [remote.clone(), remote.clone(), remote.clone()];
    for round in 0..20 {
        for (n, ws) in clones.iter().enumerate() {
            ws.ok(&["items", "create", &format!("clone {n}, round {round}")]);
        }
        // All three push at once: the ones that lose the race fetch, merge and retry.
        let running: Vec<_> = clones
            .iter()
            .map(|ws| {
                ws.command()
                    .args(["sync", "--json"])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("jerry sync")
            })
            .collect();
        for child in running {
            let out = child.wait_with_output().expect("sync ends");
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let [a, b, c] = &clones;
    sync_until_quiet(&[a, b, c]);
    assert_converged(a, b);
    assert_converged(b, c);
    assert_eq!(
        a.json(&["items", "list", "--all"]).as_array().map(Vec::len),
        Some(60)
    );
}

#[test]
fn a_renumbering_killed_and_followed_by_local_creates_is_planned_again() {
    for point in ["renumber-before-rename", "rename-journaled"] {
        let remote = Remote::new();
        let (a, b) = (remote.clone(), remote.clone());
        a.ok(&["items", "create", "From A"]);
        b.ok(&["items", "create", "From B"]);
        b.ok(&["items", "create", "B's second"]);
        sync(&a);
        let killed = b
            .jerry()
            .env("JERRY_FAULT", point)
            .args(["sync"])
            .output()
            .unwrap();
        assert!(!killed.status.success(), "{point} was not reached");
        // Creates in between take the numbers the saved plan meant to move to.
        for n in 0..3 {
            b.ok(&["items", "create", &format!("late {n}")]);
        }
        sync_until_quiet(&[&a, &b]);
        assert_converged(&a, &b);
        let list = a.json(&["items", "list", "--all"]);
        let mut titles: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["title"].as_str().unwrap())
            .collect();
        titles.sort_unstable();
        assert_eq!(
            titles,
            ["B's second", "From A", "From B", "late 0", "late 1", "late 2"],
            "after a kill at {point}"
        );
        assert_eq!(remote_ids(&remote), event_ids(&a), "after a kill at {point}");
        for ws in [&a, &b] {
            assert_eq!(ws.json(&["doctor"])["clean"], true, "after a kill at {point}");
        }
    }
}

#[test]
fn three_clones_with_syncs_killed_at_random_and_writes_between_converge() {
    for seed in [11u64, 2_024, 777_777] {
        let mut dice = Dice(seed);
        let remote = Remote::new();
        let clones = [remote.clone(), remote.clone(), remote.clone()];
        let mut written = BTreeSet::new();
        for step in 0..30 {
            let ws = &clones[dice.roll(3) as usize];
            // Writes between syncs: creates (which clash in number across clones, so
            // syncs renumber) and comments on whatever the clone has.
            if dice.roll(2) == 0 {
                ws.ok(&["items", "create", &format!("step {step}")]);
            } else {
                ws.run(&["items", "comment", "1", &format!("step {step}")]);
            }
            let mut child = ws
                .command()
                .args(["sync"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(dice.roll(150)));
            let _ = child.kill();
            let _ = child.wait();
        }
        for ws in &clones {
            written.extend(event_ids(ws));
        }
        let [a, b, c] = &clones;
        sync_until_quiet(&[a, b, c]);
        sync_until_quiet(&[a, b, c]);
        assert_converged(a, b);
        assert_converged(b, c);
        // Every event written anywhere is there once (a renumbered item's events keep
        // their ids), and the remote holds each once too.
        assert_eq!(
            event_ids(a).intersection(&written).count(),
            written.len(),
            "seed {seed}"
        );
        assert_eq!(remote_ids(&remote), event_ids(a), "seed {seed}");
    }
}

#[test]
fn a_tampered_remote_reusing_an_id_or_sending_a_huge_title_is_refused_with_nothing_changed() {
    let remote = Remote::new();
    let a = remote.clone();
    a.ok(&["items", "create", "Real"]);
    a.ok(&["items", "comment", "1", "a note"]);
    sync(&a);
    let tip = git(remote.path(), &["rev-parse", "refs/jerry/PROJ-001"]);
    let export = a.ok(&["events", "export", "--format", "jsonl"]);
    let comment: Value = serde_json::from_str(export.lines().nth(1).unwrap()).unwrap();

    // A new item whose creation reuses the id of WORK-001's comment: one id, two events.
    let mut forged = serde_json::json!({
        "event_id": comment["event_id"],
        "aggregate_type": "work_item",
        "aggregate_id": "WORK-002",
        "event_type": "WorkItemCreated",
        "schema_version": 1,
        "timestamp": comment["timestamp"],
        "payload": {"display_id": "WORK-002", "internal_id": "01JH0000000000000000000001",
                    "title": "Forged", "work_type": "task", "priority": "medium"},
        "metadata": {"actor": "mallory", "lamport": 1},
    });
    plant_pack(&remote, &format!("{forged}\n"), Some(tip.trim()));
    let before = data(&a);
    assert_fails(&a.run(&["sync"]), 4, comment["event_id"].as_str().unwrap());
    assert_eq!(before, data(&a), "nothing changed");
    assert_eq!(a.json(&["doctor"])["clean"], true);

    // A title no one could have typed (the limit is 500 characters): refused, exit 4.
    forged["event_id"] = "01JH0000000000000000000002".into();
    forged["payload"]["title"] = "x".repeat(100_000).into();
    plant_pack(&remote, &format!("{forged}\n"), Some(tip.trim()));
    let before = data(&a);
    assert_fails(&a.run(&["sync"]), 4, "no jerry command could have written");
    assert_eq!(before, data(&a), "nothing changed");
    // And `events import` holds to the same limit.
    let file = a.path().join("huge.jsonl");
    let mut line = forged.clone();
    line["version"] = 1.into();
    line["position"] = 3.into();
    std::fs::write(&file, format!("{line}\n")).unwrap();
    assert_fails(&a.run(&["events", "import", file.to_str().unwrap()]), 5, "title");

    // The ref names a blob, which sync never writes: refused (it used to read as an empty
    // remote, reset this clone's saved tip and end in "the remote kept moving").
    let blob = git_with_input(remote.path(), &["hash-object", "-w", "--stdin"], "not a commit\n");
    git(remote.path(), &["update-ref", "refs/jerry/PROJ-001", &blob]);
    let before = data(&a);
    assert_fails(&a.run(&["sync"]), 4, "not a commit");
    assert_eq!(before, data(&a), "nothing changed");
    git(remote.path(), &["update-ref", "refs/jerry/PROJ-001", tip.trim()]);
    sync(&a);
}

#[test]
fn a_rewritten_remote_that_lost_events_gets_them_again_from_the_clone_that_wrote_them() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "First"]);
    a.ok(&["items", "comment", "1", "said once"]);
    sync(&a);
    b.ok(&["items", "create", "From B"]);
    sync(&b);
    sync(&a);
    // Someone resets the remote's ref to a commit without A's pack (a force-push of an
    // older state, a hand-made rewrite): A's events are gone from it.
    let listing = git(remote.path(), &["ls-tree", "refs/jerry/PROJ-001"]);
    let kept: String = listing
        .lines()
        .filter(|line| {
            let blob = line.split_whitespace().nth(2).unwrap();
            !git(remote.path(), &["cat-file", "blob", blob]).contains("said once")
        })
        .flat_map(|line| [line, "\n"])
        .collect();
    assert!(
        kept.lines().count() < listing.lines().count(),
        "a pack was dropped"
    );
    let tree = git_with_input(remote.path(), &["mktree"], &kept);
    let commit = git(remote.path(), &["commit-tree", &tree, "-m", "rewritten"]);
    git(
        remote.path(),
        &["update-ref", "refs/jerry/PROJ-001", commit.trim()],
    );

    // A notices the rewrite and sends what the remote lost; B sends nothing twice.
    sync(&a);
    sync(&b);
    assert_eq!(
        remote_ids(&remote),
        event_ids(&a),
        "every event on the remote once"
    );
    let c = remote.clone();
    sync(&c);
    assert_converged(&a, &c);
    assert_converged(&a, &b);
}

#[test]
fn a_pack_edited_in_place_on_the_remote_is_refused() {
    let remote = Remote::new();
    let (a, b) = (remote.clone(), remote.clone());
    a.ok(&["items", "create", "Honest title"]);
    sync(&a);
    sync(&b);
    // Someone rewrites A's pack on the remote, keeping its name.
    let listing = git(remote.path(), &["ls-tree", "refs/jerry/PROJ-001"]);
    let (meta, name) = listing.lines().next().unwrap().split_once('\t').unwrap();
    let blob = meta.split_whitespace().nth(2).unwrap();
    assert_eq!(
        name,
        format!("{blob}.jsonl"),
        "a pack is named after its content's hash"
    );
    let edited = git(remote.path(), &["cat-file", "blob", blob]).replace("Honest title", "Edited title");
    let tip = git(remote.path(), &["rev-parse", "refs/jerry/PROJ-001"]);
    let new_blob = git_with_input(
        remote.path(),
        &["hash-object", "-w", "--stdin"],
        &format!("{edited}\n"),
    );
    let tree = git_with_input(
        remote.path(),
        &["mktree"],
        &format!("100644 blob {new_blob}\t{name}\n"),
    );
    let commit = git(
        remote.path(),
        &["commit-tree", &tree, "-p", tip.trim(), "-m", "edited"],
    );
    git(
        remote.path(),
        &["update-ref", "refs/jerry/PROJ-001", commit.trim()],
    );

    // A clone that merged the pack sees it changed; a fresh clone sees the name and the
    // content disagree. Both refuse, with nothing applied.
    let before = data(&b);
    assert_fails(&b.run(&["sync"]), 4, "was changed after it was written");
    assert_eq!(before, data(&b));
    let c = remote.clone();
    assert_fails(&c.run(&["sync"]), 4, "hash of other content");
    assert!(!c.path().join("projects").exists(), "the fresh clone got nothing");
}

#[test]
fn a_merge_committed_before_jerry_ran_is_settled_by_the_clone_that_pulls_it() {
    let ws = Workspace::new();
    git(ws.path(), &["init", "--quiet", "-b", "main", "."]);
    ws.ok(&["items", "create", "Shared"]);
    ws.ok(&["sync", "--install-merge-driver"]);
    commit_all(&ws, "base");
    git(ws.path(), &["checkout", "--quiet", "-b", "f1"]);
    ws.ok(&["items", "create", "From f1"]);
    commit_all(&ws, "f1");
    git(ws.path(), &["checkout", "--quiet", "-b", "f2", "main"]);
    ws.ok(&["items", "create", "From f2"]);
    ws.ok(&["items", "comment", "1", "f2 was here"]);
    commit_all(&ws, "f2");
    git(ws.path(), &["checkout", "--quiet", "main"]);
    git(ws.path(), &["merge", "--quiet", "--no-edit", "f1"]);
    // git commits this clean merge itself, before any jerry command: the marker file it
    // leaves is not part of the commit.
    git(ws.path(), &["merge", "--quiet", "--no-edit", "f2"]);
    assert_eq!(
        git(ws.path(), &["status", "--porcelain", "--untracked-files=no"]),
        ""
    );

    // Another clone gets that commit as it is, and settles it on its first command.
    let other = Workspace::new();
    git(
        other.path(),
        &["clone", "--quiet", ws.path().to_str().unwrap(), "."],
    );
    let items = other.json(&["items", "list", "--all"]);
    let mut titles: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap())
        .collect();
    titles.sort_unstable();
    assert_eq!(titles, ["From f1", "From f2", "Shared"], "{items}");
    assert_eq!(
        other.json(&["doctor"])["clean"],
        true,
        "{}",
        other.ok(&["doctor"])
    );
    assert_eq!(
        other.json(&["items", "show", "1"])["comments"][0]["text"],
        "f2 was here"
    );
    // The same as the clone that merged, once it runs jerry too.
    ws.ok(&["items", "list", "--all"]);
    assert_eq!(merged_view(&other), merged_view(&ws));
}

/// A new clone's first sync receives in atomic batches (`JERRY_SYNC_BATCH`): killed at
/// random points, again and again (at least 20 times, each during some clone's first
/// sync), it keeps every batch it wrote, and the next sync finishes the rest: every event
/// once, the same items as the clone that wrote them, doctor clean after any kill.
#[test]
fn a_first_sync_killed_again_and_again_resumes_and_holds_every_event_once() {
    let remote = Remote::new();
    let a = remote.clone();
    a.ok(&["generate", "--items", "1200", "--events-per-item", "3"]);
    sync(&a);
    let expected = event_ids(&a);
    assert_eq!(expected.len(), 3600);
    let batched = |ws: &Workspace| {
        let mut command = ws.command();
        command
            .args(["sync"])
            .env("JERRY_SYNC_BATCH", "40")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        command
    };
    let mut dice = Dice(20_261_207);
    let (mut kills, mut partial, mut clones) = (0, 0, 0);
    while kills < 20 {
        let b = remote.clone();
        clones += 1;
        for round in 0u64.. {
            let mut child = batched(&b).spawn().expect("a sync");
            if kills >= 20 {
                assert!(child.wait().unwrap().success(), "the last sync failed");
                break;
            }
            // Later rounds wait longer, so that a slow machine still gets through.
            std::thread::sleep(std::time::Duration::from_millis(20 + dice.roll(60 + 10 * round)));
            if child.try_wait().expect("the sync's state").is_some() {
                assert!(child.wait().unwrap().success(), "an unkilled sync failed");
                break;
            }
            child.kill().expect("kill the sync");
            let _ = child.wait();
            kills += 1;
            // Whatever the kill left, the log is whole and each event in it once.
            let held = event_ids(&b);
            assert!(
                held.is_subset(&expected),
                "a killed sync wrote an event no one sent"
            );
            if !held.is_empty() && held.len() < expected.len() {
                partial += 1;
            }
            // A batch cut short is a write that crashed (the next write cuts it off, or
            // `doctor --repair`), never an event lost.
            if kills % 4 == 0 && !held.is_empty() {
                let doctor = b.run(&["doctor", "--json"]);
                let report: Value = serde_json::from_slice(&doctor.stdout).unwrap();
                for finding in report["findings"].as_array().unwrap() {
                    assert!(
                        finding["repairable"] == true && finding["kind"] != "missing_event",
                        "after kill {kills}: {finding}"
                    );
                }
            }
        }
        // Finished by an unkilled sync: everything is there once, and nothing moves.
        assert_eq!(event_ids(&b), expected, "clone {clones}");
        let again = sync(&b);
        assert_eq!(
            (again["received"].as_u64(), again["sent"].as_u64()),
            (Some(0), Some(0))
        );
        if kills >= 20 {
            assert_converged(&a, &b);
        }
    }
    assert!(
        partial >= 3,
        "too few kills landed between batches ({partial} of {kills}) to test resuming"
    );
}

/// Packs are received in the order the remote's history added them, and an item's events
/// that come before its creation (a tree written by hand, both packs added at once, the
/// changes' pack first by name) wait for it: received one event per batch, they all go in.
#[test]
fn events_arriving_before_their_item_is_created_wait_for_the_creation() {
    let remote = Remote::new();
    let a = remote.clone();
    a.ok(&["items", "create", "Made on A"]);
    a.ok(&["items", "create", "Also made on A"]);
    sync(&a);
    let c = remote.clone();
    sync(&c);
    c.ok(&["items", "comment", "1", "from C"]);
    c.ok(&["items", "start", "2"]);
    sync(&c);
    // One root commit holding both packs: C's changes under the name that sorts first.
    let listing = git(remote.path(), &["ls-tree", "refs/jerry/PROJ-001"]);
    let blobs: Vec<(String, usize)> = listing
        .lines()
        .map(|line| {
            let blob = line.split_whitespace().nth(2).unwrap().to_owned();
            let count = git(remote.path(), &["cat-file", "blob", &blob]).lines().count();
            (blob, count)
        })
        .collect();
    assert_eq!(blobs.len(), 2, "{listing}");
    let creations = blobs.iter().find(|(_, count)| *count == 2).unwrap().0.clone();
    let changes = blobs
        .iter()
        .find(|(blob, _)| *blob != creations)
        .unwrap()
        .0
        .clone();
    let tree = git_with_input(
        remote.path(),
        &["mktree"],
        &format!("100644 blob {changes}\ta-changes.jsonl\n100644 blob {creations}\tb-creations.jsonl\n"),
    );
    let commit = git(remote.path(), &["commit-tree", &tree, "-m", "by hand"]);
    git(
        remote.path(),
        &["update-ref", "refs/jerry/PROJ-001", commit.trim()],
    );

    let d = remote.clone();
    let out = d
        .command()
        .args(["sync", "--json"])
        .env("JERRY_SYNC_BATCH", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["received"], event_ids(&c).len(), "{report}");
    assert_eq!(event_ids(&d), event_ids(&c));
    assert_eq!(d.json(&["items", "show", "2"])["status"], "in_progress");
    assert_eq!(d.json(&["doctor"])["clean"], true);
}
