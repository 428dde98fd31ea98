//! What a Taskwarrior or beads user meets in the first week: no surprise on the way. Each
//! test is one surprise seen from a shell, taken away.

mod common;

use common::{assert_fails, Workspace};
use serde_json::Value;

/// The ids `items list ARGS` prints, in order.
fn listed(ws: &Workspace, args: &[&str]) -> Vec<String> {
    let mut all = vec!["items", "list"];
    all.extend_from_slice(args);
    ws.json(&all)
        .as_array()
        .expect("a list")
        .iter()
        .map(|item| item["id"].as_str().expect("an id").to_owned())
        .collect()
}

/// A value that does not parse says what would: the formats there are, seconds as a number.
#[test]
fn a_bad_value_says_what_would_be_taken() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    let out = ws.run(&["events", "export", "--format", "xml"]);
    assert_fails(&out, 5, "the values are: table, json, jsonl, toon");
    let out = ws.run(&["--lock-timeout", "abc", "items", "list"]);
    assert_fails(&out, 5, "expected a number of seconds");
    let out = ws.run(&["--lock-timeout=-1", "items", "list"]);
    assert_fails(&out, 5, "expected a number of seconds");
}

/// A snapshot interval in the environment that is not a number is refused, not ignored.
#[test]
fn a_snapshot_interval_that_is_not_a_number_is_refused() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    let out = ws
        .command()
        .env("JERRY_SNAPSHOT_EVERY", "abc")
        .args(["items", "list"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: JERRY_SNAPSHOT_EVERY: 'abc' is not a whole number"),
        "{stderr}"
    );
    let out = ws
        .command()
        .env("JERRY_SNAPSHOT_EVERY", " 0 ")
        .args(["items", "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// An expected version the item never reached is not "changed by someone else".
#[test]
fn an_expected_version_ahead_of_the_item_says_so() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    let out = ws.run(&["items", "priority", "1", "high", "--expected-version", "99"]);
    assert_fails(&out, 4, "WORK-001 is at version 1: it has no version 99 yet");
    ws.ok(&["items", "priority", "1", "low"]);
    let out = ws.run(&["items", "priority", "1", "high", "--expected-version", "1"]);
    assert_fails(&out, 4, "changed by someone else");
}

/// `config get` prints the value alone on stdout (for scripts) and where it comes from on
/// stderr (for people), as the README says.
#[test]
fn config_get_says_where_the_value_comes_from() {
    let ws = Workspace::new();
    ws.ok(&["init"]);
    let out = ws.run(&["config", "get", "actor"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "user\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "(from default)\n");
    ws.ok(&["config", "set", "actor", "ann"]);
    let out = ws.run(&["config", "get", "actor"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ann\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "(from config.toml)\n");
    let out = ws.run(&["--quiet", "config", "get", "actor"]);
    assert!(out.stderr.is_empty());
}

/// `--sort updated` puts what moved last first; `--reverse` turns it round.
#[test]
fn sorting_by_update_puts_the_latest_first() {
    let ws = Workspace::new();
    for title in ["one", "two", "three"] {
        ws.ok(&["items", "create", title]);
    }
    ws.ok(&["items", "start", "2"]);
    let ids = |args: &[&str]| listed(&ws, args);
    assert_eq!(ids(&["--sort", "updated"]), ["WORK-002", "WORK-003", "WORK-001"]);
    assert_eq!(
        ids(&["--sort", "updated", "--reverse"]),
        ["WORK-001", "WORK-003", "WORK-002"]
    );
}

/// Work started while an open item still blocks it is waiting on that item: `items
/// blocked` lists it, and it is never ready.
#[test]
fn blocked_lists_work_in_progress_that_still_has_an_open_blocker() {
    let ws = Workspace::new();
    for title in ["blocker", "started early", "waits"] {
        ws.ok(&["items", "create", title]);
    }
    ws.ok(&["items", "depend", "2", "1", "--type", "blocked_by"]);
    ws.ok(&["items", "depend", "3", "1", "--type", "blocked_by"]);
    ws.ok(&["items", "start", "2"]);
    let blocked = ws.json(&["items", "blocked"]);
    let waiting: Vec<(&str, &str)> = blocked
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["item"]["id"].as_str().unwrap(),
                b["item"]["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(waiting, [("WORK-002", "in_progress"), ("WORK-003", "pending")]);
    assert_eq!(blocked[0]["blocked_by"], serde_json::json!(["WORK-001"]));
    let ready: Vec<Value> = ws.json(&["items", "ready"]).as_array().unwrap().clone();
    assert_eq!(ready.len(), 1);
    assert_eq!(ready[0]["id"], "WORK-001");
    ws.ok(&["items", "complete", "1"]);
    assert_eq!(ws.json(&["items", "blocked"]), serde_json::json!([]));
}

/// `git add -A` in a workspace leaves out what is local to the clone (caches, the lock)
/// and takes the events and the index.
#[test]
fn git_add_leaves_out_what_is_local() {
    let ws = Workspace::new();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(ws.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", ws.path())
            .output()
            .expect("git runs (CI installs it)");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "-q"]);
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "list"]);
    let data = ws.path().join("projects/PROJ-001/.jerry/data");
    assert!(data.join("cache").is_dir() && data.join("write.lock").exists());
    git(&["add", "-A"]);
    let staged = git(&["diff", "--cached", "--name-only"]);
    assert!(
        staged.contains("projects/PROJ-001/.jerry/data/events/"),
        "{staged}"
    );
    assert!(
        staged.contains("projects/PROJ-001/.jerry/data/index.jsonl"),
        "{staged}"
    );
    assert!(staged.contains("projects/PROJ-001/.jerry/.gitignore"), "{staged}");
    for local in ["/cache/", "write.lock"] {
        assert!(!staged.contains(local), "{local} staged: {staged}");
    }
}

/// A write that finds the item already as asked succeeds (exit 0), writes nothing and says
/// so, so a script can say "make sure it is so"; a move the status graph forbids is still
/// refused. Among several ids, the ones already so write nothing and the others go ahead.
#[test]
fn a_write_that_changes_nothing_succeeds_and_says_so() {
    let ws = Workspace::new();
    for title in ["a", "b", "c"] {
        ws.ok(&["items", "create", title]);
    }
    ws.ok(&["items", "start", "3"]);
    ws.ok(&["items", "priority", "1", "high"]);
    ws.ok(&["items", "assign", "1", "bob"]);
    ws.ok(&["items", "label", "1", "--add", "a"]);
    let before = ws.snapshot();
    let cases: [(&[&str], &str); 4] = [
        (
            &["items", "start", "3"],
            "WORK-003 is already in_progress (nothing written)\n",
        ),
        (
            &["items", "priority", "1", "high"],
            "WORK-001 is already priority high (nothing written)\n",
        ),
        (
            &["items", "assign", "1", "bob"],
            "WORK-001 is already assigned to bob (nothing written)\n",
        ),
        (
            &["items", "label", "1", "--add", "a"],
            "WORK-001 is already labelled so (nothing written)\n",
        ),
    ];
    for (args, said) in cases {
        assert_eq!(ws.ok(args), said, "{args:?}");
        let answer = ws.json(args);
        assert_eq!(answer["unchanged"], true, "{args:?}: {answer}");
    }
    assert_eq!(ws.snapshot(), before, "nothing was written");
    let both = ws.json(&["items", "start", "2", "3", "1"]);
    let unchanged: Vec<(&str, bool)> = both
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["unchanged"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        unchanged,
        [("WORK-002", false), ("WORK-003", true), ("WORK-001", false)]
    );
    ws.ok(&["items", "cancel", "3"]);
    let before = ws.snapshot();
    assert_fails(&ws.run(&["items", "start", "3"]), 5, "cannot go from cancelled");
    assert_eq!(ws.snapshot(), before, "a refused move writes nothing");
}

/// A mistyped flag where a title or comment may start with '-' is a usage error naming the
/// closest real flag, and writes nothing; a title that only starts with '-' (or any text
/// after `--`) is still taken as it is.
#[test]
fn a_mistyped_flag_is_not_taken_for_a_title() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "first"]);
    let before = ws.snapshot();
    let cases: [(&[&str], &str); 6] = [
        (
            &["items", "create", "--tpye"],
            "unknown flag '--tpye' (did you mean --type?)",
        ),
        (
            &["items", "create", "--tpye", "bug"],
            "unknown flag '--tpye' (did you mean --type?)",
        ),
        (&["items", "create", "-x"], "unknown flag '-x'"),
        (
            &["items", "create", "--help-me"],
            "unknown flag '--help-me' (did you mean --help?)",
        ),
        (
            &["items", "create", "t", "--prority", "high"],
            "unknown flag '--prority' (did you mean --priority?)",
        ),
        (&["items", "comment", "1", "--txt"], "unknown flag '--txt'"),
    ];
    for (args, needle) in cases {
        assert_fails(&ws.run(args), 2, needle);
    }
    assert_eq!(ws.snapshot(), before, "a usage error writes nothing");
    let json = ws.run(&["items", "create", "--tpye", "--json"]);
    let error: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(error["error"]["kind"], "usage");
    for title in ["-5 degrees", "- a list", "--"] {
        let id = ws.ok(&["items", "create", "--", title]);
        assert_eq!(ws.json(&["items", "show", id.trim()])["title"], title);
    }
    let id = ws.ok(&["items", "create", "-5 degrees", "--type", "bug"]);
    let shown = ws.json(&["items", "show", id.trim()]);
    assert_eq!(
        (shown["title"].as_str(), shown["type"].as_str()),
        (Some("-5 degrees"), Some("bug"))
    );
    let id = ws.ok(&[
        "--project",
        "PROJ-001",
        "items",
        "create",
        "x",
        "-p",
        "low",
        "-t",
        "spike",
    ]);
    assert_eq!(ws.json(&["items", "show", id.trim()])["priority"], "low");
}

/// `items list` is open work, as `task list` is pending tasks: closed items need `--all`
/// (or a `--status` naming them), and the table says when it left some out.
#[test]
fn the_list_is_open_work_unless_asked_for_all() {
    let ws = Workspace::new();
    for title in ["open", "done", "cancelled"] {
        ws.ok(&["items", "create", title]);
    }
    ws.ok(&["items", "complete", "2"]);
    ws.ok(&["items", "cancel", "3"]);
    let ids = |args: &[&str]| listed(&ws, args);
    assert_eq!(ids(&[]), ["WORK-001"]);
    assert_eq!(ids(&["--all"]), ["WORK-001", "WORK-002", "WORK-003"]);
    assert_eq!(ids(&["--status", "closed"]), ["WORK-002", "WORK-003"]);
    assert_eq!(ids(&["--all", "--status", "done"]), ["WORK-002"]);
    let table = ws.run(&["items", "list"]);
    assert!(table.status.success());
    assert!(String::from_utf8_lossy(&table.stdout).contains("WORK-001"));
    assert!(!String::from_utf8_lossy(&table.stdout).contains("WORK-002"));
    assert_eq!(
        String::from_utf8_lossy(&table.stderr),
        "(closed items are not listed: --all shows them)\n"
    );
    let all = ws.run(&["items", "list", "--all"]);
    assert!(all.stderr.is_empty(), "{}", String::from_utf8_lossy(&all.stderr));
    // No closed item among those the filters keep: nothing to say.
    ws.ok(&["items", "create", "a bug", "--type", "bug"]);
    // The count under --limit is of open items too, in JSON (streamed from the item index,
    // as the table is) as in the table.
    for format in [&["--json"][..], &[]] {
        let mut args = vec!["items", "list", "--limit", "1"];
        args.extend_from_slice(format);
        let limited = ws.run(&args);
        assert!(
            String::from_utf8_lossy(&limited.stderr).contains("showing 1 of 2 matching items"),
            "{}",
            String::from_utf8_lossy(&limited.stderr)
        );
    }
    assert_eq!(listed(&ws, &[]), ["WORK-001", "WORK-004"]);
    let bugs = ws.run(&["items", "list", "--type", "bug"]);
    assert!(String::from_utf8_lossy(&bugs.stdout).contains("WORK-004"));
    assert!(
        bugs.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&bugs.stderr)
    );
}

/// Shell completion offers the words a flag takes (statuses, types, priorities, sort keys,
/// link types), not file names, in bash, zsh and fish.
/// What real bash offers for the last word of `line` (an empty last word after a space), with
/// the script `jerry completions bash` prints loaded and this jerry first on the PATH: what
/// a user pressing TAB gets.
fn bash_offers(ws: &Workspace, line: &str) -> Vec<String> {
    let script = ws.path().join("jerry.bash");
    std::fs::write(&script, ws.ok(&["completions", "bash"])).unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_jerry"))
        .parent()
        .unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let program = r#"
source "$1"
COMP_LINE="$2"
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_POINT=${#COMP_LINE}
COMP_TYPE=9
_clap_complete_jerry jerry "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = std::process::Command::new("bash")
        .args(["-c", program, "bash"])
        .arg(&script)
        .arg(line)
        .current_dir(ws.path())
        .env_clear()
        .env("PATH", path)
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Completion offers the values a flag takes and the ids there are now, out of the box: the
/// script asks jerry, in bash as a user's TAB does, and in zsh and fish by their protocol.
#[test]
fn completion_offers_the_words_a_flag_takes_and_the_ids_there_are() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "one"]);
    ws.ok(&["items", "create", "two"]);
    ws.ok(&["items", "create", "gone"]);
    ws.ok(&["items", "delete", "3"]);
    ws.ok(&["projects", "create", "PROJ-002-web"]);
    for (flag, words) in [
        (
            "--status",
            "pending in_progress blocked done cancelled deleted open closed",
        ),
        ("--type", "epic story task subtask bug spike"),
        ("--priority", "critical high medium low"),
        ("--sort", "priority created updated due id status"),
    ] {
        let offered = bash_offers(&ws, &format!("jerry items list {flag} "));
        assert_eq!(offered.join(" "), words, "{flag}");
    }
    assert_eq!(bash_offers(&ws, "jerry items list --status in"), ["in_progress"]);
    assert_eq!(
        bash_offers(&ws, "jerry items depend 1 2 --type "),
        ["blocks", "blocked_by", "related"]
    );
    // Ids: the items there are (not the deleted one) wherever an item is taken, and the
    // projects wherever a project is (an empty word offers the flags too).
    let ids = |line: &str| -> Vec<String> {
        bash_offers(&ws, line)
            .into_iter()
            .filter(|word| !word.starts_with('-'))
            .collect()
    };
    assert_eq!(ids("jerry items show "), ["WORK-001", "WORK-002"]);
    assert_eq!(ids("jerry items start 1 "), ["WORK-001", "WORK-002"]);
    assert_eq!(ids("jerry items show W"), ["WORK-001", "WORK-002"]);
    assert_eq!(ids("jerry items create x --parent "), ["WORK-001", "WORK-002"]);
    assert_eq!(ids("jerry projects show "), ["PROJ-001", "PROJ-002-web"]);
    assert_eq!(ids("jerry --project P"), ["PROJ-001", "PROJ-002-web"]);
    assert!(bash_offers(&ws, "jerry ite").contains(&"items".to_owned()));
    assert!(bash_offers(&ws, "jerry items list --so").contains(&"--sort".to_owned()));
    // zsh and fish ask the same way, each in its own words.
    let asked = |shell: &str, words: &[&str]| -> String {
        let out = ws
            .command()
            .env("COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
            .env("_CLAP_IFS", "\n")
            .arg("--")
            .args(words)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let zsh = asked("zsh", &["jerry", "items", "show", ""]);
    assert!(
        zsh.contains("WORK-001") && zsh.contains("WORK-002") && !zsh.contains("WORK-003"),
        "{zsh}"
    );
    let fish = asked("fish", &["jerry", "items", "list", "--priority", ""]);
    assert!(fish.contains("critical") && fish.contains("low"), "{fish}");
    // The scripts themselves are short and call jerry.
    for shell in ["bash", "zsh", "fish"] {
        let script = ws.ok(&["completions", shell]);
        assert!(
            script.contains("COMPLETE=") || script.contains("COMPLETE \""),
            "{shell}: {script}"
        );
    }
}

/// `items edit --type` gives an item another type, kept in rank with its parent and its
/// children, as one event that undo takes back; with a title too, one write.
#[test]
fn an_item_is_retyped_within_its_hierarchy() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Epic", "--type", "epic"]);
    ws.ok(&["items", "create", "Story", "--type", "story", "--parent", "1"]);
    ws.ok(&["items", "create", "Task", "--parent", "2"]);
    assert_eq!(
        ws.ok(&["items", "edit", "3", "--type", "bug"]),
        "WORK-003 v2: type task → bug\n"
    );
    assert_eq!(ws.json(&["items", "show", "3"])["type"], "bug");
    assert_eq!(
        ws.ok(&["items", "edit", "3", "--type", "bug"]),
        "WORK-003 is already a bug (nothing written)\n"
    );
    let before = ws.snapshot();
    // Under a story, a story or an epic would rank with or above its parent.
    assert_fails(
        &ws.run(&["items", "edit", "3", "--type", "story"]),
        5,
        "under WORK-002 (type story)",
    );
    // With a task under it, a story cannot become a subtask.
    assert_fails(
        &ws.run(&["items", "edit", "2", "--type", "subtask"]),
        5,
        "parents rank above",
    );
    assert_eq!(ws.snapshot(), before, "a refused retype writes nothing");
    let both = ws.json(&["items", "edit", "3", "--type", "spike", "--title", "Spike it"]);
    assert_eq!(
        (both["type"].as_str(), both["title"].as_str()),
        (Some("spike"), Some("Spike it"))
    );
    let history = ws.json(&["items", "history", "3"]);
    let last: Vec<(&str, &str)> = history.as_array().unwrap()[2..]
        .iter()
        .map(|e| {
            (
                e["event_type"].as_str().unwrap(),
                e["metadata"]["correlation_id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(last.len(), 2);
    assert_eq!(last[0].1, last[1].1, "one write: {last:?}");
    ws.ok(&["undo"]);
    let shown = ws.json(&["items", "show", "3"]);
    assert_eq!(
        (shown["type"].as_str(), shown["title"].as_str()),
        (Some("bug"), Some("Task"))
    );
}

/// A mistake can be taken out: a deleted item leaves lists, ready, the tree and completion,
/// stays in show and history, takes no other change, and comes back as it was.
#[test]
fn a_deleted_item_leaves_the_work_and_comes_back() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "epic", "--type", "epic"]);
    ws.ok(&["items", "create", "waits"]);
    ws.ok(&["items", "create", "typo", "--parent", "1"]);
    ws.ok(&["items", "depend", "2", "3", "--type", "blocked_by"]);
    assert_eq!(listed(&ws, &["--status", "blocked"]).len(), 0);
    let ready = |ws: &Workspace| -> Vec<String> {
        ws.json(&["items", "ready"])
            .as_array()
            .expect("a list")
            .iter()
            .map(|item| item["id"].as_str().expect("an id").to_owned())
            .collect()
    };
    assert_eq!(
        ready(&ws),
        ["WORK-003"],
        "the blocker is ready, the epic has an open child"
    );

    let out = ws.run(&["items", "delete", "3", "--reason", "made by mistake"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("pending → deleted (made by mistake)"));
    // Gone from every list, and it no longer holds anything up.
    assert_eq!(listed(&ws, &[]), ["WORK-001", "WORK-002"]);
    assert_eq!(listed(&ws, &["--all"]), ["WORK-001", "WORK-002"]);
    assert_eq!(ready(&ws), ["WORK-001", "WORK-002"]);
    assert_eq!(listed(&ws, &["--status", "deleted"]), ["WORK-003"]);
    let tree = ws.json(&["items", "tree"]);
    assert!(!tree.to_string().contains("WORK-003"), "{tree}");
    let ids = ws.ok(&["ids"]);
    assert_eq!(ids.lines().collect::<Vec<_>>(), ["WORK-001", "WORK-002"]);
    // Still there to read.
    let shown = ws.json(&["items", "show", "3"]);
    assert_eq!(shown["status"], "deleted");
    assert_eq!(shown["deleted_from"], "pending");
    assert_eq!(ws.json(&["items", "history", "3"]).as_array().unwrap().len(), 2);
    // No other change, and nothing new points at it.
    let out = ws.run(&["items", "priority", "3", "high"]);
    assert_fails(&out, 5, "WORK-003 is deleted");
    assert!(String::from_utf8_lossy(&out.stderr).contains("jerry items restore WORK-003"));
    assert_fails(&ws.run(&["items", "depend", "1", "3"]), 5, "WORK-003 is deleted");
    assert_fails(
        &ws.run(&["items", "create", "child", "--parent", "3"]),
        5,
        "WORK-003 is deleted",
    );
    assert_fails(
        &ws.run(&["items", "status", "1", "deleted"]),
        5,
        "cannot be moved to deleted by a status change",
    );
    // Deleting again is already so.
    let again = ws.json(&["items", "delete", "3"]);
    assert_eq!(again["unchanged"], true);
    assert_eq!(ws.json(&["items", "history", "3"]).as_array().unwrap().len(), 2);

    // Restored, it is back as it was, and blocks again.
    ws.ok(&["items", "restore", "3"]);
    assert_eq!(ws.json(&["items", "show", "3"])["status"], "pending");
    assert_eq!(ready(&ws), ["WORK-003"]);
    // Undo takes the restore back; undo of a delete brings the item back too.
    ws.ok(&["undo"]);
    assert_eq!(ws.json(&["items", "show", "3"])["status"], "deleted");
    ws.ok(&["items", "restore", "3"]);
    ws.ok(&["items", "start", "3"]);
    ws.ok(&["items", "block", "3", "--reason", "waiting on a review"]);
    ws.ok(&["items", "delete", "3"]);
    ws.ok(&["undo"]);
    let back = ws.json(&["items", "show", "3"]);
    assert_eq!(
        (&back["status"], &back["blocked_reason"]),
        (&Value::from("blocked"), &Value::from("waiting on a review"))
    );
    // Deleted from blocked and restored: blocked again, with a reason.
    ws.ok(&["items", "delete", "3"]);
    ws.ok(&["items", "restore", "3"]);
    assert_eq!(ws.json(&["items", "show", "3"])["status"], "blocked");
    assert_eq!(ws.json(&["items", "restore", "3"])["unchanged"], true);
}

/// A user's own settings (`config set --user`) hold for every project, under each
/// project's own, and say where they come from.
#[test]
fn a_users_own_settings_hold_under_the_projects() {
    let ws = Workspace::new();
    let user_file = ws.path().join(".user-config/jerry/config.toml");
    let out = ws.run(&["config", "set", "--user", "actor", "ann"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&user_file)
        .unwrap()
        .contains("actor = \"ann\""));
    ws.ok(&["config", "set", "--user", "default_type", "bug"]);
    assert_eq!(
        ws.ok(&["config", "path", "--user"]).trim(),
        user_file.to_str().unwrap()
    );
    ws.ok(&["items", "create", "first"]);
    let item = ws.json(&["items", "show", "1"]);
    assert_eq!(item["type"], "bug", "the user's default type");
    let history = ws.json(&["items", "history", "1"]);
    assert_eq!(history[0]["metadata"]["actor"], "ann", "{history}");
    let out = ws.run(&["config", "get", "actor"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ann");
    assert!(String::from_utf8_lossy(&out.stderr).contains("(from user config)"));
    // The project's own setting wins over the user's, and a flag over both.
    ws.ok(&["config", "set", "actor", "bob"]);
    let listed = ws.json(&["config", "list"]);
    let setting = |key: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == key)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        (&setting("actor")["value"], &setting("actor")["source"]),
        (&Value::from("bob"), &Value::from("config.toml"))
    );
    assert_eq!(setting("default_type")["source"], "user config");
    assert_eq!(
        ws.ok(&["--actor", "carl", "config", "get", "actor"]).trim(),
        "carl"
    );
    ws.ok(&["config", "unset", "--user", "default_type"]);
    assert_eq!(ws.ok(&["config", "get", "default_type"]).trim(), "task");
    // Without XDG_CONFIG_HOME it lives under HOME; a damaged file is one clear error.
    let home = ws.path().join("home");
    let out = ws
        .command()
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", &home)
        .args(["config", "path", "--user"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        home.join(".config/jerry/config.toml").to_str().unwrap()
    );
    std::fs::write(&user_file, "actor = 3\n").unwrap();
    let out = ws.run(&["items", "list"]);
    assert_fails(&out, 5, &format!("cannot read {}", user_file.display()));
    assert_fails(
        &ws.run(&["config", "set", "--user", "colour", "x"]),
        5,
        "unknown config key 'colour'",
    );
}

/// Times people type are read in their zone, and tables show times as people read them;
/// `--json` keeps RFC 3339 in UTC.
#[test]
fn times_are_typed_and_read_as_people_say_them() {
    let ws = Workspace::new();
    // The test clock reads Thursday 2026-01-01, a few seconds after midnight (UTC).
    ws.ok(&["items", "create", "a", "--due", "friday"]);
    assert_eq!(
        ws.json(&["items", "show", "1"])["due"],
        "2026-01-02T00:00:00.000000Z"
    );
    for (typed, due) in [
        ("next monday", "2026-01-05T00:00:00.000000Z"),
        ("eom", "2026-01-31T23:59:59.000000Z"),
        ("eow", "2026-01-04T23:59:59.000000Z"),
        ("2026-12-24 17:00", "2026-12-24T17:00:00.000000Z"),
    ] {
        ws.ok(&["items", "due", "1", typed]);
        assert_eq!(ws.json(&["items", "show", "1"])["due"], due, "{typed}");
    }
    // A local time is the local zone's: 17:00 in Tokyo is 08:00 UTC.
    let out = ws
        .command()
        .env("TZ", "JST-9")
        .args(["items", "due", "1", "2026-12-24 17:00", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        ws.json(&["items", "show", "1"])["due"],
        "2026-12-24T08:00:00.000000Z"
    );
    // What is no time is refused, with the forms that are.
    let out = ws.run(&["items", "due", "1", "soonish"]);
    assert_fails(&out, 5, "invalid time 'soonish': expected now, today");
    assert!(String::from_utf8_lossy(&out.stderr).contains("next monday"));
    // Tables: the due date as how far ahead, the log on the clock; --utc as RFC 3339.
    ws.ok(&["items", "due", "1", "in 3 days"]);
    let table = ws.ok(&["items", "list"]);
    assert!(table.contains("in 3d"), "{table}");
    let events = ws.ok(&["events", "list", "--last", "1"]);
    assert!(events.contains("2026-01-01 00:00:"), "{events}");
    let utc = ws.ok(&["--utc", "items", "list"]);
    assert!(utc.contains("2026-01-04T00:00:"), "{utc}");
    ws.ok(&["config", "set", "time_format", "local"]);
    assert!(ws.ok(&["items", "list"]).contains("2026-01-04 00:00:"));
    assert_fails(
        &ws.run(&["config", "set", "time_format", "fancy"]),
        5,
        "one of relative, local, utc",
    );
    // Filters take the same words.
    assert_eq!(listed(&ws, &["--due-before", "in 2 weeks"]), ["WORK-001"]);
    assert!(listed(&ws, &["--due-before", "tomorrow"]).is_empty());
    // Past due and open: red in a coloured table; closed, not.
    ws.ok(&["config", "unset", "time_format"]);
    ws.ok(&["items", "create", "late", "--due", "2 days ago"]);
    let coloured = ws.ok(&["items", "list", "--color", "always"]);
    assert!(coloured.contains("\u{1b}[31m2d ago\u{1b}[39m"), "{coloured}");
    assert!(!coloured.contains("\u{1b}[31min 3d"), "{coloured}");
    ws.ok(&["items", "complete", "2"]);
    let coloured = ws.ok(&["items", "list", "--all", "--color", "always"]);
    assert!(!coloured.contains("\u{1b}[31m2d ago"), "{coloured}");
}

/// `items next` ranks open work by a documented urgency, says what each score is made of,
/// and takes its coefficients from the settings.
#[test]
fn next_ranks_open_work_by_urgency_and_explains_it() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "low blocker", "--priority", "low"]);
    ws.ok(&["items", "create", "high but waiting", "--priority", "high"]);
    ws.ok(&["items", "create", "due soon", "--due", "in 2 days"]);
    ws.ok(&["items", "create", "started"]);
    ws.ok(&["items", "create", "done", "--priority", "critical"]);
    ws.ok(&["items", "start", "4"]);
    ws.ok(&["items", "complete", "5"]);
    ws.ok(&["items", "depend", "2", "1"]);
    let next = ws.json(&["items", "next"]);
    let order: Vec<&str> = next
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["WORK-003", "WORK-001", "WORK-004", "WORK-002"], "{next}");
    let terms = &next[1]["urgency_terms"];
    assert_eq!(
        (terms["priority"].as_f64(), terms["blocking"].as_f64()),
        (Some(1.8), Some(8.0))
    );
    assert_eq!(next[3]["urgency_terms"]["blocked"].as_f64(), Some(-5.0));
    for item in next.as_array().unwrap() {
        let sum: f64 = item["urgency_terms"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_f64().unwrap())
            .sum();
        assert!((sum - item["urgency"].as_f64().unwrap()).abs() < 0.01, "{item}");
    }
    let explained = ws.ok(&["items", "next", "--explain"]);
    assert!(
        explained.contains("BLOCKING") && explained.contains("+8.0") && explained.contains("-5.0"),
        "{explained}"
    );
    // Filters and a limit, as items list takes them.
    assert_eq!(
        ws.json(&["items", "next", "--limit", "1"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        ws.json(&["items", "next", "--priority", "high"])[0]["id"],
        "WORK-002"
    );
    // A coefficient set to 0 takes its term away: the blocker drops below work in progress.
    ws.ok(&["config", "set", "urgency.blocking", "0"]);
    let next = ws.json(&["items", "next"]);
    assert_eq!(next[1]["id"], "WORK-004", "{next}");
    assert_fails(
        &ws.run(&["config", "set", "urgency.colour", "1"]),
        5,
        "unknown config key 'urgency.colour'",
    );
    assert_fails(&ws.run(&["config", "set", "urgency.due", "lots"]), 5, "a number");
}

/// `items update` changes every item the list filters select in one append, or none, and
/// says what it would do first when asked.
#[test]
fn update_changes_every_selected_item_at_once_or_none() {
    let ws = Workspace::new();
    for title in ["a", "b", "c", "other"] {
        ws.ok(&["items", "create", title]);
    }
    ws.ok(&["items", "label", "1", "2", "3", "--add", "ui"]);
    ws.ok(&["items", "start", "2"]);
    let events = |ws: &Workspace| ws.json(&["events", "list"]).as_array().unwrap().len();
    // Nothing named, or nothing to change: usage errors that write nothing.
    assert_fails(
        &ws.run(&["items", "update", "--set", "priority=high"]),
        2,
        "name the items to change",
    );
    assert_fails(
        &ws.run(&["items", "update", "--label", "ui"]),
        2,
        "say what to change",
    );
    assert_fails(
        &ws.run(&["items", "update", "--label", "ui", "--set", "colour=red"]),
        5,
        "unknown field 'colour'",
    );
    // A dry run lists what it would touch.
    let before = events(&ws);
    let dry = ws.json(&[
        "items",
        "update",
        "--label",
        "ui",
        "--set",
        "priority=high",
        "--dry-run",
    ]);
    assert_eq!(
        dry["would_change"],
        serde_json::json!(["WORK-001", "WORK-002", "WORK-003"])
    );
    assert_eq!(events(&ws), before);
    // One item refusing (pending cannot go to blocked) refuses them all.
    let out = ws.run(&["items", "update", "--label", "ui", "--set", "status=blocked"]);
    assert_eq!(
        out.status.code(),
        Some(5),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(events(&ws), before, "nothing written");
    // Several changes, every selected item, one append: positions follow each other.
    let written = ws.json(&[
        "items",
        "update",
        "--label",
        "ui",
        "--set",
        "priority=high",
        "--set",
        "assignee=ann",
        "--add-label",
        "hot",
    ]);
    assert_eq!(written.as_array().unwrap().len(), 3, "{written}");
    for id in ["1", "2", "3"] {
        let item = ws.json(&["items", "show", id]);
        assert_eq!(
            (&item["priority"], &item["assignee"]),
            (&Value::from("high"), &Value::from("ann"))
        );
        assert!(item["labels"].as_array().unwrap().contains(&Value::from("hot")));
    }
    assert_eq!(
        ws.json(&["items", "show", "4"])["priority"],
        "medium",
        "not selected"
    );
    let positions: Vec<u64> = ws
        .json(&["events", "list", "--after", &before.to_string()])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["position"].as_u64().unwrap())
        .collect();
    assert_eq!(positions.len(), 9);
    // Already so: nothing written, exit 0.
    let again = ws.run(&["items", "update", "--label", "ui", "--set", "priority=high"]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("already priority high"));
    // Closed items only when asked for; deleting through update too.
    ws.ok(&[
        "items",
        "update",
        "--label",
        "ui",
        "--set",
        "status=done",
        "--status",
        "pending",
    ]);
    assert_eq!(listed(&ws, &["--status", "done"]), ["WORK-001", "WORK-003"]);
    ws.ok(&["items", "update", "--status", "done", "--set", "status=deleted"]);
    assert_eq!(listed(&ws, &["--status", "deleted"]), ["WORK-001", "WORK-003"]);
}

/// On a terminal, changing more than 3 items asks first; only yes changes them.
#[test]
fn update_asks_before_changing_many_on_a_terminal() {
    let ws = Workspace::new();
    for title in ["a", "b", "c", "d"] {
        ws.ok(&["items", "create", title]);
    }
    let on_terminal = |answer: &str| {
        // `script` gives the command a terminal; the answer comes on it.
        let line = format!(
            "{} items update --all --set priority=low",
            env!("CARGO_BIN_EXE_jerry")
        );
        let out = ws
            .shell(&format!("printf '{answer}\\n' | script -qec '{line}' /dev/null"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let refused = on_terminal("n");
    assert!(
        refused.contains("set priority=low on 4 items") && refused.contains("[y/N]"),
        "{refused}"
    );
    assert!(refused.contains("not confirmed: nothing changed"), "{refused}");
    assert!(listed(&ws, &["--priority", "low"]).is_empty());
    let agreed = on_terminal("y");
    assert!(agreed.contains("WORK-004 v2: priority medium → low"), "{agreed}");
    assert_eq!(listed(&ws, &["--priority", "low"]).len(), 4);
}

/// On a terminal, `items create` without a title and `items edit ID` alone open the editor
/// on a template; an empty or unchanged one writes nothing. Off a terminal they are usage
/// errors.
#[test]
fn items_are_written_in_the_editor_on_a_terminal() {
    let ws = Workspace::new();
    let bin = env!("CARGO_BIN_EXE_jerry");
    // An "editor" that fills in the template as a person would.
    let editor = ws.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\n\
         sed -i -e 's/^title: *$/title: Written in the editor/' -e 's/^title: Made$/title: Made better/' \
         -e 's/^priority: .*/priority: high/' -e 's/^labels: *$/labels: docs, ui/' \"$1\"\n\
         printf 'First line.\\n\\nSecond.\\n' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let at_terminal = |editor: &str, args: &str| {
        let out = ws
            .shell(&format!("script -qec '{bin} {args}' /dev/null"))
            .env("EDITOR", editor)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let made = at_terminal(editor.to_str().unwrap(), "items create");
    assert!(made.contains("WORK-001"), "{made}");
    let item = ws.json(&["items", "show", "1"]);
    assert_eq!(item["title"], "Written in the editor");
    assert_eq!(item["priority"], "high");
    assert_eq!(item["labels"], serde_json::json!(["docs", "ui"]));
    assert_eq!(item["description"], "First line.\n\nSecond.");
    // An editor that changes nothing: nothing created, nothing edited.
    let empty = at_terminal("true", "items create");
    assert!(empty.contains("no title: nothing created"), "{empty}");
    assert_eq!(listed(&ws, &[]).len(), 1);
    ws.ok(&["items", "create", "Made", "--priority", "low"]);
    let unchanged = at_terminal("true", "items edit 2");
    assert!(
        unchanged.contains("WORK-002 unchanged: nothing written"),
        "{unchanged}"
    );
    assert_eq!(ws.json(&["items", "history", "2"]).as_array().unwrap().len(), 1);
    // Edited: every change in one write.
    let edited = at_terminal(editor.to_str().unwrap(), "items edit 2");
    assert!(edited.contains("title"), "{edited}");
    let item = ws.json(&["items", "show", "2"]);
    assert_eq!(
        (&item["title"], &item["priority"]),
        (&Value::from("Made better"), &Value::from("high"))
    );
    assert_eq!(item["description"], "First line.\n\nSecond.");
    let history = ws.json(&["items", "history", "2"]);
    let writes: std::collections::BTreeSet<String> = history.as_array().unwrap()[1..]
        .iter()
        .map(|e| e["metadata"]["correlation_id"].to_string())
        .collect();
    assert_eq!(writes.len(), 1, "one write: {history}");
    // Off a terminal: usage errors, as before.
    assert_fails(&ws.run(&["items", "create"]), 2, "a title is required");
    assert_fails(&ws.run(&["items", "edit", "2"]), 2, "say what to change");
}

/// A list kept under a name: saved with items list's flags, run as `items list @NAME`, with
/// more flags after it; listed and deleted.
#[test]
fn saved_views_run_again_by_name() {
    let ws = Workspace::new();
    for title in ["a", "b", "c"] {
        ws.ok(&["items", "create", title]);
    }
    ws.ok(&["items", "label", "1", "2", "--add", "ui"]);
    ws.ok(&["items", "assign", "2", "ann"]);
    ws.ok(&["items", "priority", "2", "high"]);
    ws.ok(&[
        "views", "save", "ui", "--label", "ui", "--sort", "priority", "--fields", "id,title",
    ]);
    let config = std::fs::read_to_string(ws.path().join("projects/PROJ-001/.jerry/config.toml")).unwrap();
    assert!(config.contains("[views]"), "{config}");
    let run = ws.json(&["items", "list", "@ui"]);
    assert_eq!(
        run,
        serde_json::json!([{"id": "WORK-002", "title": "b"}, {"id": "WORK-001", "title": "a"}])
    );
    assert_eq!(ws.json(&["items", "list", "--view", "ui"]), run);
    // Flags after the view: a repeatable one narrows, a single one replaces the view's.
    assert_eq!(
        ws.json(&["items", "list", "@ui", "--assignee", "ann"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        ws.json(&["items", "list", "@ui", "--sort", "id"])[0]["id"],
        "WORK-001"
    );
    let table = ws.ok(&["items", "list", "@ui"]);
    assert!(table.contains("TITLE") && !table.contains("PRIORITY"), "{table}");
    let listed = ws.json(&["views", "list"]);
    assert_eq!(listed[0]["name"], "ui");
    // Refused: flags items list does not take, a bad name, an unknown view.
    assert_fails(
        &ws.run(&["views", "save", "x", "--status", "nope"]),
        5,
        "not items list's flags",
    );
    assert_fails(
        &ws.run(&["views", "save", "x", "--frobnicate"]),
        2,
        "not items list's flags",
    );
    assert_fails(
        &ws.run(&["views", "save", "no way", "--label", "x"]),
        2,
        "invalid view name",
    );
    assert_fails(&ws.run(&["items", "list", "@nope"]), 3, "no view named 'nope'");
    assert_fails(&ws.run(&["items", "list", "ui"]), 5, "'ui' is no view");
    ws.ok(&["views", "delete", "ui"]);
    assert_fails(&ws.run(&["items", "list", "@ui"]), 3, "no view named 'ui'");
}

/// A write of several items under an idempotency key answers again as it first did, the
/// items it left as they were included, in the order asked.
#[test]
fn a_repeated_key_gives_every_answer_again_unchanged_ones_too() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "create", "b"]);
    ws.ok(&["items", "start", "1"]);
    let answers = |ws: &Workspace| -> Vec<(String, bool, bool)> {
        ws.json(&["items", "start", "1", "2", "--idempotency-key", "k1"])
            .as_array()
            .expect("an answer per item")
            .iter()
            .map(|a| {
                (
                    a["id"].as_str().unwrap_or_default().to_owned(),
                    a["unchanged"] == true,
                    a["replayed"] == true,
                )
            })
            .collect()
    };
    let first = answers(&ws);
    assert_eq!(
        first,
        [
            ("WORK-001".into(), true, false),
            ("WORK-002".into(), false, false)
        ]
    );
    let before = ws.snapshot();
    let again = answers(&ws);
    assert_eq!(
        again,
        [("WORK-001".into(), true, true), ("WORK-002".into(), false, true)]
    );
    assert_eq!(ws.snapshot(), before, "a repeat writes nothing");
}

/// `jerry init --prefix API`: ids are shown as `API-001` everywhere and read in any
/// spelling, while the log keeps storing `WORK-001`, so the prefix can change at any time.
#[test]
fn a_project_shows_its_own_id_prefix_and_stores_the_canonical_one() {
    let ws = Workspace::new();
    let out = ws.run(&["init", "--prefix", "a1"]);
    assert_fails(&out, 5, "invalid id prefix 'a1': 2 to 8 letters");
    assert!(
        !ws.path().join("projects").exists(),
        "a refused init creates nothing"
    );
    ws.ok(&["init", "--prefix", "api"]);
    assert_eq!(
        ws.ok(&["items", "create", "epic", "--type", "epic"]).trim(),
        "API-001"
    );
    let story = ws.json(&["items", "create", "story", "--type", "story", "--parent", "api-1"]);
    assert_eq!(story["id"], "API-002");
    assert_eq!(story["parent"], "API-001");
    ws.ok(&["items", "depend", "API-002", "1", "--type", "related"]);
    for spelling in ["API-2", "api-002", "WORK-2", "2"] {
        assert_eq!(
            ws.json(&["items", "show", spelling])["id"],
            "API-002",
            "{spelling}"
        );
    }
    assert_eq!(listed(&ws, &[]), ["API-001", "API-002"]);
    assert_eq!(listed(&ws, &["--limit", "1"]), ["API-001"]);
    let table = ws.ok(&["items", "list"]);
    assert!(table.contains("API-002") && !table.contains("WORK-"), "{table}");
    let events = ws.ok(&["events", "list"]);
    assert!(
        events.contains("API-002") && !events.contains("WORK-"),
        "{events}"
    );
    // Stored: the canonical form, in the file name, the envelope and the payloads.
    let lines = ws.lines("WORK-002");
    assert_eq!(lines[0]["aggregate_id"], "WORK-002");
    assert_eq!(lines[0]["payload"]["display_id"], "WORK-002");
    assert_eq!(lines[0]["payload"]["parent_id"], "WORK-001");
    assert_eq!(lines[1]["payload"]["dependency_id"], "WORK-001");
    // Another prefix rewrites nothing and shows the same items under it.
    let before = ws.lines("WORK-002");
    ws.ok(&["config", "set", "prefix", "ops"]);
    assert_eq!(listed(&ws, &[]), ["OPS-001", "OPS-002"]);
    assert_eq!(
        ws.json(&["items", "show", "2"])["related"],
        serde_json::json!(["OPS-001"])
    );
    assert_eq!(ws.lines("WORK-002"), before);
    assert_eq!(ws.json(&["doctor"])["clean"], true);
    let out = ws.run(&["config", "set", "prefix", "toolongprefix"]);
    assert_fails(&out, 5, "2 to 8 letters");
    // An export read into a project without a prefix shows the default one.
    let export = ws.ok(&["events", "export"]);
    let other = Workspace::new();
    let mut import = other.command();
    import
        .args(["events", "import", "-"])
        .stdin(std::process::Stdio::piped());
    import.stdout(std::process::Stdio::null());
    let mut child = import.spawn().unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), export.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(listed(&other, &[]), ["WORK-001", "WORK-002"]);
}

/// `items move ID --to PROJECT`: the item continues there (where it came from recorded),
/// is cancelled here as moved with its links removed, and a move cut short between its two
/// writes is finished by running it again, creating nothing twice.
#[test]
fn an_item_moves_to_another_project_once() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "blocker"]);
    ws.ok(&[
        "items",
        "create",
        "moving",
        "--priority",
        "high",
        "--due",
        "2026-02-01",
    ]);
    ws.ok(&["items", "create", "parent", "--type", "story"]);
    ws.ok(&["items", "create", "child", "--type", "subtask", "--parent", "3"]);
    ws.ok(&["items", "depend", "2", "1", "--type", "blocked_by"]);
    ws.ok(&["items", "label", "2", "--add", "ui"]);
    ws.ok(&["projects", "create", "PROJ-002", "--prefix", "web"]);
    // Refusals write nothing (reads may build caches).
    let logged = |ws: &Workspace| -> Vec<(std::path::PathBuf, Vec<u8>)> {
        ws.snapshot()
            .into_iter()
            .filter(|(path, _)| !path.components().any(|c| c.as_os_str() == "cache"))
            .collect()
    };
    let before = logged(&ws);
    assert_fails(
        &ws.run(&["items", "move", "3", "--to", "2"]),
        5,
        "WORK-003 has open children (WORK-004)",
    );
    assert_fails(
        &ws.run(&["items", "move", "2", "--to", "1"]),
        2,
        "the item is in PROJ-001 already",
    );
    assert_fails(
        &ws.run(&["items", "move", "2", "--to", "9"]),
        3,
        "project PROJ-009 not found",
    );
    assert!(logged(&ws) == before, "a refused move wrote something");
    // Cut short between the target's write and this project's.
    let out = ws
        .jerry()
        .env("JERRY_FAULT", "between-move-writes")
        .args(["items", "move", "2", "--to", "2"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(ws.json(&["items", "show", "2"])["status"], "pending");
    let moved = ws.json(&["items", "move", "2", "--to", "2"]);
    assert_eq!(moved["to"]["item"]["id"], "WEB-001");
    assert_eq!(moved["unlinked"], serde_json::json!(["WORK-001"]));
    let there = ws.json(&["--project", "2", "items", "list", "--all"]);
    assert_eq!(there.as_array().unwrap().len(), 1, "one item there: {there}");
    let item = &there[0];
    assert_eq!(item["id"], "WEB-001");
    assert_eq!(
        (item["title"].as_str(), item["priority"].as_str()),
        (Some("moving"), Some("high"))
    );
    assert_eq!(item["due"], "2026-02-01T00:00:00.000000Z");
    assert_eq!(item["labels"], serde_json::json!(["ui"]));
    assert_eq!(
        item["moved_from"],
        serde_json::json!({"project": "PROJ-001", "id": "WORK-002"})
    );
    let here = ws.json(&["items", "show", "2"]);
    assert_eq!(here["status"], "cancelled");
    assert_eq!(here["dependencies"], serde_json::json!([]));
    assert!(ws
        .ok(&["items", "show", "2"])
        .contains("moved to      PROJ-002/WORK-001"));
    // Once moved, the same move again says so and writes nothing.
    let before = logged(&ws);
    let again = ws.run(&["items", "move", "2", "--to", "2"]);
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("WORK-002 is already moved to PROJ-002 as WEB-001")
    );
    assert!(logged(&ws) == before, "a repeated move wrote something");
}
