//! Hooks (`[[hooks]]`): every event reaches a hook exactly once, in global order, whoever
//! wrote it (the command line, MCP, the board, a sync from another clone), with writers
//! and runners killed with SIGKILL at random points and caches deleted in between; a
//! failing hook is retried, parked and sent again; a blocking hook refuses a write with
//! nothing appended.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::server::Server;
use common::{assert_fails, git, Dice, Workspace};

/// Adds `toml` to the project's config.toml.
fn configure(ws: &Workspace, toml: &str) {
    let path = ws.path().join("projects/PROJ-001/.jerry/config.toml");
    let mut text = std::fs::read_to_string(&path).unwrap_or_default();
    text.push_str(toml);
    std::fs::write(path, text).unwrap();
}

/// A hook that appends each event's id to `file`.
fn recording_hook(name: &str, file: &Path, pause: &str) -> String {
    format!(
        "\n[[hooks]]\nname = \"{name}\"\nrun = \"{pause}printf '%s\\\\n' \\\"$JERRY_EVENT_ID\\\" >> '{}'\"\n",
        file.display()
    )
}

fn lines(file: &Path) -> Vec<String> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The hooks runners the writers in `dir` started in the background (not children of
/// this test: they run in process groups of their own).
fn background_runners(dir: &Path) -> Vec<i32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let is_runner = String::from_utf8_lossy(&cmdline).contains("hooks\0run\0--background");
        if is_runner && std::fs::read_link(entry.path().join("cwd")).is_ok_and(|cwd| cwd == dir) {
            found.push(pid);
        }
    }
    found
}

/// `jerry mcp` creating `titles` over raw JSON-RPC, its input written and closed at once.
fn mcp_writer(ws: &Workspace, titles: &[String]) -> Child {
    let mut child = ws
        .command()
        .arg("mcp")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("jerry mcp");
    let mut stdin = child.stdin.take().expect("piped");
    let mut input = String::from(concat!(
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"hooks-test","version":"1"}}}"#,
        "\n",
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        "\n"
    ));
    let calls: Vec<String> = titles
        .iter()
        .enumerate()
        .map(|(n, title)| {
            format!(
                "{{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"tools/call\",\"params\":{{\"name\":\"create\",\"arguments\":{{\"title\":\"{title}\"}}}}}}\n",
                n + 2
            )
        })
        .collect();
    input.push_str(&calls.concat());
    // The server may be killed before it reads all of it.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child
}

#[test]
fn every_event_reaches_the_hook_once_in_order_through_kills_and_deleted_caches() {
    let remote = tempfile::tempdir().unwrap();
    git(remote.path(), &["init", "--quiet", "--bare", "."]);
    let url = remote.path().to_str().unwrap();
    let (a, b) = (Workspace::new(), Workspace::new());
    git(a.path(), &["clone", "--quiet", url, "."]);
    git(b.path(), &["clone", "--quiet", url, "."]);
    a.ok(&["init"]);
    let delivered = a.path().join("delivered.txt");
    // The pause keeps the hook running long enough for kills to land while it runs.
    configure(&a, &recording_hook("record", &delivered, "sleep 0.01; "));
    a.ok(&["items", "create", "first"]);
    a.ok(&["sync"]);
    b.ok(&["sync"]);

    let seed = a.fresh_seed() | 1;
    let mut dice = Dice(seed);
    let (mut kills, mut round) = (0, 0);
    while round < 8 || kills < 30 {
        assert!(
            round < 60,
            "only {kills} kills landed in {round} rounds (seed {seed})"
        );
        let mut victims: Vec<Child> = Vec::new();
        for writer in 0..6 {
            victims.push(a.spawn(&["items", "create", &format!("round {round} writer {writer}")]));
        }
        victims.push(
            a.command()
                .args(["hooks", "run", "--follow"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        victims.push(mcp_writer(
            &a,
            &[format!("mcp {round} a"), format!("mcp {round} b")],
        ));
        // The board: a server whose two writes are answered, killed afterwards or not.
        let server = Server::start(&a);
        for n in 0..2 {
            let body = format!(r#"{{"title": "board {round} {n}"}}"#);
            let (status, answer) = server.post("/api/items", &body);
            assert_eq!(status, 201, "{answer}");
        }
        // Another clone's work arriving by sync.
        b.ok(&["items", "create", &format!("clone b {round}")]);
        b.ok(&["sync"]);
        let sync = a.spawn(&["sync"]);
        std::thread::sleep(Duration::from_millis(dice.roll(25)));
        for victim in &mut victims {
            if dice.roll(3) > 0 && victim.try_wait().unwrap().is_none() && victim.kill().is_ok() {
                kills += 1;
            }
        }
        // And the runners the writes started, most likely while a hook of theirs runs.
        std::thread::sleep(Duration::from_millis(dice.roll(20)));
        for pid in background_runners(a.path()) {
            // SAFETY: kill(2) with a pid read from /proc; a process gone meanwhile is ESRCH.
            if unsafe { libc::kill(pid, libc::SIGKILL) } == 0 {
                kills += 1;
            }
        }
        drop(server);
        for mut victim in victims {
            // The follower never stops by itself: stopped here if the dice spared it.
            if victim.try_wait().unwrap().is_none() {
                std::thread::sleep(Duration::from_millis(dice.roll(30)));
                if victim.kill().is_ok() {
                    kills += 1;
                }
            }
            let _ = victim.wait();
        }
        assert!(sync.wait_with_output().unwrap().status.success());
        if round % 3 == 1 {
            let cache = a.path().join("projects/PROJ-001/.jerry/data/cache");
            let _ = std::fs::remove_dir_all(cache);
        }
        round += 1;
    }

    // Recovery: whatever is owed is delivered by the next runner, once.
    b.ok(&["sync"]);
    a.ok(&["sync"]);
    a.ok(&["hooks", "run"]);
    let logged = a.exported_ids();
    let got = lines(&delivered);
    let twice: Vec<&String> = got
        .iter()
        .enumerate()
        .filter(|(i, id)| got[..*i].contains(id))
        .map(|(_, id)| id)
        .collect();
    assert!(
        twice.is_empty(),
        "delivered twice (seed {seed}, {kills} kills): {twice:?}"
    );
    assert_eq!(
        got.len(),
        logged.len(),
        "{} of {} events delivered (seed {seed}, {kills} kills)",
        got.len(),
        logged.len()
    );
    assert!(got == logged, "delivered out of global order (seed {seed})");
    let clone_b = b.exported_ids();
    assert!(
        clone_b.iter().all(|id| got.contains(id)),
        "every event of the other clone was delivered"
    );
    assert!(got.len() > 100, "only {} events were written", got.len());
    assert!(a.json(&["hooks", "failed"]).as_array().unwrap().is_empty());
    // A runner with nothing owed delivers nothing more.
    a.ok(&["hooks", "run"]);
    assert_eq!(lines(&delivered).len(), logged.len());
}

#[test]
fn a_failing_hook_is_retried_then_parked_listed_and_sent_again_by_command() {
    let ws = Workspace::new();
    ws.ok(&["init"]);
    let flag = ws.path().join("healthy");
    let log = ws.path().join("tries.txt");
    configure(
        &ws,
        &format!(
            "\n[[hooks]]\nname = \"flaky\"\non = [\"StatusChanged\"]\nattempts = 3\nbackoff = \"50ms\"\nrun = \"echo $JERRY_HOOK_ATTEMPT >> '{log}'; test -e '{flag}' || {{ echo 'the wiki is down' >&2; exit 7; }}\"\n",
            log = log.display(),
            flag = flag.display()
        ),
    );
    ws.ok(&["items", "create", "A"]);
    ws.ok(&["items", "start", "1"]);
    // The write's background runner, or this one, whichever holds the lock first.
    ws.ok(&["hooks", "run"]);
    // Three attempts, numbered, the backoff between them.
    assert_eq!(lines(&log), ["1", "2", "3"]);
    let failed = ws.json(&["hooks", "failed"]);
    assert_eq!(failed.as_array().unwrap().len(), 1, "{failed}");
    assert_eq!(failed[0]["hook"], "flaky");
    assert_eq!(failed[0]["event_type"], "StatusChanged");
    assert_eq!(failed[0]["failures"], 3);
    assert_eq!(failed[0]["error"], "exit 7: the wiki is down");
    let table = ws.ok(&["hooks", "failed"]);
    assert!(table.contains("the wiki is down"), "{table}");
    // A parked delivery does not hold back the next event.
    ws.ok(&["items", "block", "1", "--reason", "waiting"]);
    ws.json(&["hooks", "run"]);
    assert_eq!(ws.json(&["hooks", "failed"]).as_array().unwrap().len(), 2);

    // Still failing: stays parked, its count goes up.
    let again = ws.json(&["hooks", "retry", "flaky"]);
    assert_eq!(again["failed"], 2);
    assert_eq!(ws.json(&["hooks", "failed"])[0]["failures"], 4);
    // Fixed: the retry sends both, in order, and nothing is parked any more.
    std::fs::write(&flag, "").unwrap();
    let again = ws.json(&["hooks", "retry"]);
    assert_eq!(again["delivered"], 2, "{again}");
    assert!(ws.json(&["hooks", "failed"]).as_array().unwrap().is_empty());
    let unknown = ws.run(&["hooks", "retry", "nope"]);
    assert_fails(&unknown, 3, "no hook named 'nope' (known: flaky)");
}

#[test]
fn a_blocking_hook_refuses_a_write_before_anything_is_appended() {
    let ws = Workspace::new();
    ws.ok(&["init"]);
    ws.ok(&["items", "create", "A"]);
    configure(
        &ws,
        "\n[[hooks]]\nname = \"needs-reason\"\nblocking = true\non = [\"StatusChanged\"]\nrun = \"grep -q '\\\"reason\\\":\\\"[^\\\"]' || { echo 'say why: --reason' >&2; exit 1; }\"\n",
    );
    let before = ws.snapshot();
    let refused = ws.run(&["items", "start", "1"]);
    assert_fails(
        &refused,
        5,
        "refused by hook needs-reason: say why: --reason; nothing was written",
    );
    assert!(ws.snapshot() == before, "a refused write changed the workspace");
    let json = ws.run(&["items", "start", "1", "--json"]);
    let error: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(error["error"]["kind"], "invalid_input");
    ws.ok(&["items", "start", "1", "--reason", "on it"]);
    assert_eq!(ws.json(&["items", "show", "1"])["status"], "in_progress");
    // A create is not a StatusChanged: the check does not run for it.
    ws.ok(&["items", "create", "B"]);
    let listed = ws.json(&["hooks", "list"]);
    assert_eq!(listed[0]["blocking"], true);
}

#[test]
fn hooks_test_runs_one_hook_on_one_event_and_records_nothing() {
    let ws = Workspace::new();
    ws.ok(&["init"]);
    let file = ws.path().join("seen.txt");
    ws.ok(&["items", "create", "A"]);
    configure(&ws, &recording_hook("record", &file, ""));
    let listed = ws.json(&["hooks", "list"]);
    assert_eq!(listed[0]["name"], "record");
    let tried = ws.json(&["hooks", "test", "record", "--event", "1"]);
    assert_eq!(tried["ok"], true, "{tried}");
    assert_eq!(lines(&file), [ws.exported_ids()[0].clone()]);
    assert_fails(
        &ws.run(&["hooks", "test", "record", "--event", "99"]),
        3,
        "no event at position 99",
    );
    // The hook was armed after the event: a run delivers nothing of the past.
    ws.ok(&["hooks", "run"]);
    assert_eq!(lines(&file).len(), 1);
    ws.ok(&["items", "create", "B"]);
    ws.ok(&["hooks", "run"]);
    assert_eq!(lines(&file).len(), 2);
    // A hook the config cannot honour is one line, naming it.
    configure(&ws, "\n[[hooks]]\nname = \"bad one\"\nrun = \"true\"\n");
    let out = ws.run(&["hooks", "list"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("hooks.name"), "{stderr}");
}

#[test]
fn a_slow_hook_does_not_delay_the_write() {
    let ws = Workspace::new();
    ws.ok(&["init"]);
    let file = ws.path().join("slow.txt");
    configure(&ws, &recording_hook("slow", &file, "sleep 4; "));
    let started = Instant::now();
    ws.ok(&["items", "create", "A"]);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the write waited for the hook: {:?}",
        started.elapsed()
    );
    // Delivered in the background meanwhile; `hooks run` waits for that runner.
    ws.ok(&["hooks", "run"]);
    assert_eq!(lines(&file).len(), 1);
}

#[test]
fn hooks_deliver_the_same_on_sqlite_and_postgres() {
    let scratch = tempfile::tempdir().unwrap();
    let mut stores = vec![format!("sqlite:{}", scratch.path().join("jerry.db").display())];
    stores.extend(common::postgres_database());
    for store in stores {
        let ws = Workspace::with_store(&store);
        ws.ok(&["store", "init"]);
        ws.ok(&["items", "create", "before the hook"]);
        let file = ws.path().join("delivered.txt");
        configure(&ws, &recording_hook("record", &file, ""));
        let writers: Vec<Child> = (0..4)
            .map(|n| ws.spawn(&["items", "create", &format!("writer {n}")]))
            .collect();
        for writer in writers {
            assert!(writer.wait_with_output().unwrap().status.success());
        }
        ws.ok(&["items", "start", "1"]);
        ws.ok(&["hooks", "run"]);
        // Everything after the hook was added, once, in order; nothing from before.
        let logged = ws.exported_ids();
        assert!(
            lines(&file) == logged[1..],
            "{store}: {:?} vs {:?}",
            lines(&file),
            &logged[1..]
        );
        assert_eq!(ws.json(&["hooks", "list"])[0]["delivered"], logged.len());
    }
}
