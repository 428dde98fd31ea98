//! Many processes at once: the guarantees that the Python original's racy version check
//! broke. Every test here uses separate OS processes, not threads.

mod common;

use std::collections::BTreeSet;
use std::process::{Child, Command, Stdio};

use common::Workspace;

const PROCESSES: usize = 8;

fn spawn(ws: &Workspace, args: &[String]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_jerry"))
        .current_dir(ws.path())
        .env_remove("JERRY_PROJECT")
        .env_remove("JERRY_ROOT")
        .env("JERRY_LOCK_TIMEOUT", "60")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn jerry")
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn versions(ws: &Workspace, id: &str) -> Vec<u64> {
    ws.lines(id)
        .iter()
        .map(|l| l["version"].as_u64().unwrap())
        .collect()
}

#[test]
fn exactly_one_process_wins_each_round_of_an_expected_version_race() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "contended"]);
    for round in 1..=5u64 {
        let racers: Vec<Child> = (0..PROCESSES)
            .map(|p| {
                let who = format!("agent-{round}-{p}");
                let expected = round.to_string();
                spawn(
                    &ws,
                    &args(&[
                        "items",
                        "assign",
                        "WORK-001",
                        &who,
                        "--expected-version",
                        &expected,
                    ]),
                )
            })
            .collect();
        let codes: Vec<i32> = racers
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.code().unwrap_or(-1))
            .collect();
        let winners = codes.iter().filter(|&&c| c == 0).count();
        assert_eq!(winners, 1, "round {round}: exit codes {codes:?}");
        assert!(
            codes.iter().all(|&c| c == 0 || c == 4),
            "losers exit 4: {codes:?}"
        );
    }
    assert_eq!(versions(&ws, "WORK-001"), (1..=6).collect::<Vec<_>>());
}

#[test]
fn concurrent_creates_get_unique_contiguous_ids() {
    let ws = Workspace::new();
    ws.ok(&["init"]);
    let per_process = 5;
    let creators: Vec<Child> = (0..PROCESSES)
        .map(|p| {
            let script = (0..per_process)
                .map(|k| format!("\"$0\" items create \"p{p} item {k}\""))
                .collect::<Vec<_>>()
                .join(" && ");
            Command::new("sh")
                .arg("-c")
                .arg(script)
                .arg(env!("CARGO_BIN_EXE_jerry"))
                .current_dir(ws.path())
                .env("JERRY_LOCK_TIMEOUT", "60")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut printed = Vec::new();
    for creator in creators {
        let out = creator.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        printed.extend(String::from_utf8(out.stdout).unwrap().lines().map(String::from));
    }
    let total = PROCESSES * per_process;
    let unique: BTreeSet<&String> = printed.iter().collect();
    assert_eq!(unique.len(), total, "no id handed out twice: {printed:?}");
    let expected: BTreeSet<String> = (1..=total).map(|n| format!("WORK-{n:03}")).collect();
    assert_eq!(
        unique,
        expected.iter().collect(),
        "ids are contiguous from WORK-001"
    );
    let titles: BTreeSet<String> = ws
        .json(&["items", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(titles.len(), total, "every created item is stored once");
}

#[test]
fn concurrent_writers_without_expected_version_all_land() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "shared"]);
    let per_process = 6;
    let writers: Vec<Child> = (0..PROCESSES)
        .map(|p| {
            let script = (0..per_process)
                .map(|k| format!("\"$0\" items assign WORK-001 p{p}-k{k} >/dev/null"))
                .collect::<Vec<_>>()
                .join(" && ");
            Command::new("sh")
                .arg("-c")
                .arg(script)
                .arg(env!("CARGO_BIN_EXE_jerry"))
                .current_dir(ws.path())
                .env("JERRY_LOCK_TIMEOUT", "60")
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for writer in writers {
        let out = writer.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let total = 1 + PROCESSES * per_process;
    assert_eq!(versions(&ws, "WORK-001"), (1..=total as u64).collect::<Vec<_>>());
    let assignees: BTreeSet<String> = ws.lines("WORK-001")[1..]
        .iter()
        .map(|l| l["payload"]["new_assignee"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        assignees.len(),
        PROCESSES * per_process,
        "no write lost or duplicated"
    );
}
