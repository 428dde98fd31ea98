//! `jerry setup claude|codex|mcp-json`: the host files it writes read back with a JSON (or
//! TOML) parser, the hook command they name run as the host would run it, a second run
//! changing nothing, and `--remove` putting every file back byte for byte.

mod common;

use std::path::Path;
use std::process::Command;

use common::{assert_fails, git, Workspace};
use serde_json::Value;

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{} is not JSON: {err}\n{text}", path.display()))
}

/// The host files of a workspace, to compare runs byte for byte.
fn host_files(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    [
        ".mcp.json",
        ".claude/settings.json",
        ".codex/config.toml",
        ".codex/hooks.json",
    ]
    .into_iter()
    .map(|rel| (rel.to_owned(), std::fs::read(dir.join(rel)).ok()))
    .collect()
}

/// Runs a hook's command line the way a host does (`sh -c`), from another folder and with
/// nothing of the test's environment but PATH and HOME; returns its stdout.
fn run_hook(command: &str) -> String {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(elsewhere.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{command}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn hook_commands(settings: &Value, event: &str) -> Vec<String> {
    settings["hooks"][event]
        .as_array()
        .unwrap_or_else(|| panic!("no {event} hooks in {settings}"))
        .iter()
        .flat_map(|group| group["hooks"].as_array().cloned().unwrap_or_default())
        .filter_map(|hook| hook["command"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn claude_setup_keeps_what_is_there_runs_the_prime_and_is_taken_back_byte_for_byte() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Wire the login form", "--priority", "high"]);
    let root = ws.path();
    // What the user had: their own server and hooks, in their own layout.
    let mcp_before = "{\"mcpServers\": {\"docs\": {\"command\": \"docs-mcp\"}}}\n";
    let settings_before = "{\n    \"model\": \"opus\",\n    \"hooks\": {\"SessionStart\": [{\"matcher\": \"startup\", \"hooks\": [{\"type\": \"command\", \"command\": \"echo mine\"}]}]}\n}";
    std::fs::create_dir_all(root.join(".claude")).unwrap();
    std::fs::write(root.join(".mcp.json"), mcp_before).unwrap();
    std::fs::write(root.join(".claude/settings.json"), settings_before).unwrap();

    let dry = ws.ok(&["setup", "claude", "--dry-run"]);
    assert!(
        dry.contains("+++ b/.mcp.json") && dry.contains("+      \"command\""),
        "{dry}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join(".mcp.json")).unwrap(),
        mcp_before,
        "a dry run writes nothing"
    );

    let first = ws.json(&["setup", "claude"]);
    let changes: Vec<&str> = first["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["changed", "changed"]);
    let once = host_files(root);
    let second = ws.json(&["setup", "claude"]);
    let changes: Vec<&str> = second["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["unchanged", "unchanged"]);
    assert!(host_files(root) == once, "a second setup changed the files");

    let mcp = read_json(&root.join(".mcp.json"));
    assert_eq!(
        mcp["mcpServers"]["docs"]["command"], "docs-mcp",
        "the user's server stays"
    );
    let server = &mcp["mcpServers"]["jerry"];
    assert_eq!(server["command"], env!("CARGO_BIN_EXE_jerry"));
    let canonical_root = std::path::absolute(root).unwrap();
    assert_eq!(
        server["args"],
        serde_json::json!(["mcp", "--root", canonical_root.to_str().unwrap()])
    );

    let settings = read_json(&root.join(".claude/settings.json"));
    assert_eq!(settings["model"], "opus");
    let start = hook_commands(&settings, "SessionStart");
    assert_eq!(start.len(), 2, "the user's hook and jerry's: {start:?}");
    assert_eq!(start[0], "echo mine");
    let compact = hook_commands(&settings, "PreCompact");
    assert_eq!(compact.len(), 1);
    assert_eq!(compact[0], start[1]);
    // The hook, run as Claude Code runs it, from anywhere: the prime of this workspace.
    let prime = run_hook(&start[1]);
    assert!(prime.contains("Wire the login form"), "{prime}");
    assert!(prime.contains("jerry items claim"), "{prime}");

    ws.ok(&["setup", "claude", "--remove"]);
    assert_eq!(
        std::fs::read_to_string(root.join(".mcp.json")).unwrap(),
        mcp_before
    );
    assert_eq!(
        std::fs::read_to_string(root.join(".claude/settings.json")).unwrap(),
        settings_before
    );
    // Removing again finds nothing of jerry's and changes nothing.
    ws.ok(&["setup", "claude", "--remove"]);
    assert_eq!(
        std::fs::read_to_string(root.join(".mcp.json")).unwrap(),
        mcp_before
    );
}

#[test]
fn files_setup_made_go_again_and_an_edited_file_keeps_the_users_edit() {
    let ws = Workspace::new();
    let root = ws.path();
    ws.ok(&["setup", "claude"]);
    assert!(root.join(".mcp.json").is_file() && root.join(".claude/settings.json").is_file());
    // The user adds a setting of their own after setup.
    let mut settings = read_json(&root.join(".claude/settings.json"));
    settings["permissions"] = serde_json::json!({"allow": ["Bash(ls)"]});
    std::fs::write(
        root.join(".claude/settings.json"),
        serde_json::to_string(&settings).unwrap(),
    )
    .unwrap();

    ws.ok(&["setup", "claude", "--remove"]);
    assert!(
        !root.join(".mcp.json").exists(),
        "setup made .mcp.json, so --remove deletes it"
    );
    let left = read_json(&root.join(".claude/settings.json"));
    assert_eq!(left, serde_json::json!({"permissions": {"allow": ["Bash(ls)"]}}));
}

#[test]
fn codex_setup_keeps_the_users_toml_as_written() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Ship the CLI"]);
    let root = ws.path();
    let config_before =
        "# my codex\nmodel = \"o3\" # best one\n\n[mcp_servers.docs]\ncommand = \"docs-mcp\"\n";
    std::fs::create_dir_all(root.join(".codex")).unwrap();
    std::fs::write(root.join(".codex/config.toml"), config_before).unwrap();

    ws.ok(&["setup", "codex"]);
    let once = host_files(root);
    ws.ok(&["setup", "codex"]);
    assert!(host_files(root) == once, "a second setup changed the files");

    let text = std::fs::read_to_string(root.join(".codex/config.toml")).unwrap();
    assert!(
        text.starts_with(config_before),
        "the user's lines stay as written:\n{text}"
    );
    let config: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(
        config["mcp_servers"]["docs"]["command"].as_str(),
        Some("docs-mcp")
    );
    assert_eq!(
        config["mcp_servers"]["jerry"]["command"].as_str(),
        Some(env!("CARGO_BIN_EXE_jerry"))
    );
    assert_eq!(config["mcp_servers"]["jerry"]["args"][0].as_str(), Some("mcp"));
    assert_eq!(config["features"]["codex_hooks"].as_bool(), Some(true));
    let hooks = read_json(&root.join(".codex/hooks.json"));
    let start = hook_commands(&hooks, "SessionStart");
    assert_eq!(start, hook_commands(&hooks, "PreCompact"));
    assert!(run_hook(&start[0]).contains("Ship the CLI"));

    ws.ok(&["setup", "codex", "--remove"]);
    assert_eq!(
        std::fs::read_to_string(root.join(".codex/config.toml")).unwrap(),
        config_before
    );
    assert!(!root.join(".codex/hooks.json").exists());
}

#[test]
fn mcp_json_prints_the_entry_or_puts_it_in_a_file() {
    let ws = Workspace::new();
    let printed = ws.json(&["setup", "mcp-json", "--actor", "agent-3"]);
    let args = printed["mcpServers"]["jerry"]["args"].as_array().unwrap();
    assert_eq!(
        args.iter().filter_map(Value::as_str).collect::<Vec<_>>()[3..],
        ["--actor", "agent-3"]
    );
    let out = ws.run(&["setup", "mcp-json", "--file", ".cursor/mcp.json"]);
    assert!(out.status.success());
    // The test's PATH has no jerry: the note says where to find this one.
    let dir = std::path::Path::new(env!("CARGO_BIN_EXE_jerry"))
        .parent()
        .unwrap()
        .display()
        .to_string();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("put {dir} on PATH")), "{stderr}");
    let written = read_json(&ws.path().join(".cursor/mcp.json"));
    assert_eq!(
        written["mcpServers"]["jerry"]["command"],
        env!("CARGO_BIN_EXE_jerry")
    );
    ws.ok(&["setup", "mcp-json", "--file", ".cursor/mcp.json", "--remove"]);
    assert!(!ws.path().join(".cursor/mcp.json").exists());
    assert!(
        ws.path().join(".cursor").is_dir(),
        "a folder the user named is left alone"
    );
}

#[test]
fn a_damaged_host_file_is_refused_and_nothing_is_written() {
    let ws = Workspace::new();
    std::fs::write(ws.path().join(".mcp.json"), "{\"mcpServers\": ").unwrap();
    let out = ws.run(&["setup", "claude"]);
    assert_fails(&out, 5, ".mcp.json is not JSON");
    assert_eq!(
        std::fs::read_to_string(ws.path().join(".mcp.json")).unwrap(),
        "{\"mcpServers\": "
    );
    assert!(
        !ws.path().join(".claude").exists(),
        "nothing else was written either"
    );
    assert_fails(
        &ws.run(&["setup", "claude", "--file", "x.json"]),
        2,
        "--file is for mcp-json",
    );
    // A TOML error is one line too (toml_edit draws the line it points at), and names where.
    std::fs::create_dir_all(ws.path().join(".codex")).unwrap();
    std::fs::write(ws.path().join(".codex/config.toml"), "[[broken\n").unwrap();
    let out = ws.run(&["setup", "codex"]);
    assert_fails(
        &out,
        5,
        ".codex/config.toml is not TOML (TOML parse error at line 1",
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).lines().count(),
        1,
        "one line"
    );
    assert!(!ws.path().join(".codex/hooks.json").exists());
    assert_fails(
        &ws.run(&[
            "setup",
            "mcp-json",
            "--program",
            "/no/such/jerry",
            "--file",
            "y.json",
        ]),
        5,
        "--program /no/such/jerry is no file",
    );
    assert!(!ws.path().join("y.json").exists());
}

#[test]
fn in_a_worktree_the_files_go_in_the_worktree_and_name_the_shared_workspace() {
    let ws = Workspace::new();
    let main = ws.path();
    git(main, &["init", "-q", "-b", "main"]);
    std::fs::write(main.join("README"), "x\n").unwrap();
    git(main, &["add", "README"]);
    git(main, &["commit", "-qm", "init"]);
    ws.ok(&["items", "create", "Shared work"]);
    let agent = main.join("agent1");
    git(main, &["worktree", "add", "-q", agent.to_str().unwrap()]);
    let out = ws
        .command()
        .current_dir(&agent)
        .args(["setup", "claude"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!main.join(".mcp.json").exists());
    let mcp = read_json(&agent.join(".mcp.json"));
    assert_eq!(
        mcp["mcpServers"]["jerry"]["args"][2],
        std::path::absolute(main).unwrap().to_str().unwrap()
    );
    let settings = read_json(&agent.join(".claude/settings.json"));
    assert!(run_hook(&hook_commands(&settings, "SessionStart")[0]).contains("Shared work"));
}
