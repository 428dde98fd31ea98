//! Project settings and the projects commands.

mod common;

use common::{assert_fails, Workspace};

#[test]
fn settings_fill_in_only_what_flags_and_environment_leave_open() {
    let ws = Workspace::new();
    ws.ok(&["config", "set", "default_type", "bug"]);
    ws.ok(&["config", "set", "actor", "ci-bot"]);
    assert_eq!(ws.ok(&["config", "get", "actor"]), "ci-bot\n");
    assert!(ws.path().join("projects/PROJ-001/.jerry/config.toml").exists());

    ws.ok(&["items", "create", "from config"]);
    ws.ok(&["items", "create", "typed", "--type", "story"]);
    ws.jerry()
        .env("JERRY_ACTOR", "from-env")
        .args(["items", "start", "1"])
        .assert()
        .success();
    ws.ok(&["items", "start", "2", "--actor", "from-flag"]);

    assert_eq!(
        ws.json(&["items", "show", "1"])["type"],
        "bug",
        "config default_type"
    );
    assert_eq!(ws.json(&["items", "show", "2"])["type"], "story", "the flag wins");
    let actors: Vec<String> = ws
        .json(&["events", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["metadata"]["actor"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(actors, ["ci-bot", "ci-bot", "from-env", "from-flag"]);

    let listed = ws.json(&["config", "list"]);
    let sources: Vec<(String, String)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["key"].as_str().unwrap().to_owned(),
                e["source"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(sources[0], ("actor".to_owned(), "config.toml".to_owned()));
    assert_eq!(sources[2], ("lock_timeout".to_owned(), "default".to_owned()));
}

#[test]
fn bad_settings_are_refused_and_a_broken_file_is_named() {
    let ws = Workspace::new();
    ws.ok(&["init"]);
    let before = ws.snapshot();
    assert_fails(&ws.run(&["config", "get", "colour"]), 5, "unknown config key");
    assert_fails(
        &ws.run(&["config", "set", "default_type", "feature"]),
        5,
        "invalid value 'feature'",
    );
    assert_fails(
        &ws.run(&["config", "set", "lock_timeout", "--", "-3"]),
        5,
        "a number of seconds",
    );
    assert_fails(&ws.run(&["config", "set", "actor", ""]), 5, "actor");
    assert_eq!(ws.snapshot(), before);
    let path = ws.ok(&["config", "path"]);
    std::fs::write(path.trim(), "actor = [\n").unwrap();
    assert_fails(&ws.run(&["items", "create", "x"]), 5, "config.toml");
}

#[test]
fn a_configured_lock_timeout_applies() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["config", "set", "lock_timeout", "0.2"]);
    let lock = ws.path().join("projects/PROJ-001/.jerry/data/write.lock");
    let mut holder = std::process::Command::new("flock")
        .args(["-o", lock.to_str().unwrap(), "sleep", "10"])
        .spawn()
        .unwrap();
    // Wait until the holder really has the lock.
    while std::process::Command::new("flock")
        .args(["-n", lock.to_str().unwrap(), "true"])
        .status()
        .unwrap()
        .success()
    {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let started = std::time::Instant::now();
    let out = ws.run(&["items", "start", "1"]);
    let waited = started.elapsed();
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert_fails(&out, 1, "timed out after 0.2s");
    assert!(waited < std::time::Duration::from_secs(3), "{waited:?}");
}

#[test]
fn projects_are_listed_created_and_shown() {
    let ws = Workspace::new();
    assert_eq!(ws.json(&["projects", "list"]), serde_json::json!([]));
    ws.ok(&["projects", "create", "PROJ-001"]);
    ws.ok(&["projects", "create", "PROJ-002-web"]);
    ws.ok(&["--project", "PROJ-002-web", "items", "create", "a"]);
    let listed = ws.json(&["projects", "list"]);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(
        (listed[1]["id"].as_str(), listed[1]["items"].as_u64()),
        (Some("PROJ-002-web"), Some(1))
    );
    assert_eq!(listed[0]["events"], 0);
    let shown = ws.json(&["projects", "show", "PROJ-002-web"]);
    assert_eq!(shown["events"], 1);
    assert!(shown["config"].is_object());
    assert_fails(
        &ws.run(&["projects", "show", "PROJ-009"]),
        3,
        "PROJ-009 not found",
    );
}

#[test]
fn ids_for_shell_completion() {
    let ws = Workspace::new();
    assert_eq!(ws.ok(&["ids"]), "\n", "an empty workspace completes nothing");
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "create", "b"]);
    assert_eq!(ws.ok(&["ids"]), "WORK-001\nWORK-002\n");
    assert_eq!(ws.ok(&["ids", "--projects"]), "PROJ-001\n");
}

/// Read-change-save under one lock: processes setting different keys at the same moment
/// all take effect (without the lock, a later save drops an earlier key).
#[test]
fn racing_config_sets_of_different_keys_all_take_effect() {
    let settings = [
        ("actor", "racer"),
        ("default_type", "bug"),
        ("lock_timeout", "7"),
        ("snapshot_interval", "20"),
        ("quality_gate", "warn"),
        ("policies", "close-parent"),
    ];
    for round in 0..5 {
        let ws = Workspace::new();
        ws.ok(&["init"]);
        let children: Vec<_> = settings
            .iter()
            .map(|(key, value)| ws.spawn(&["config", "set", key, value]))
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("wait");
            assert!(out.status.success(), "round {round}: {out:?}");
        }
        for (key, value) in settings {
            assert_eq!(
                ws.ok(&["config", "get", key]).trim(),
                value,
                "round {round}: {key} was lost"
            );
        }
        let leftovers: Vec<_> = std::fs::read_dir(ws.path().join("projects/PROJ-001/.jerry"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains("tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
    }
}

/// `config get` and `config list` show the value a command would use, and where it comes
/// from: a flag or its environment variable, else config.toml, else the default.
/// `config unset` falls back to the default.
#[test]
fn get_and_list_show_the_effective_value_and_unset_removes_it() {
    let ws = Workspace::new();
    ws.ok(&["init"]);
    assert_eq!(
        ws.ok(&["config", "get", "actor"]),
        "user\n",
        "the default, not an empty line"
    );
    let got = ws.json(&["config", "get", "lock_timeout"]);
    assert_eq!(
        (got["value"].as_str(), got["source"].as_str()),
        (Some("5"), Some("default"))
    );

    ws.ok(&["config", "set", "actor", "ci-bot"]);
    let from_env = ws
        .jerry()
        .env("JERRY_ACTOR", "zed")
        .args(["config", "list", "--json"])
        .output()
        .unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&from_env.stdout).unwrap();
    assert_eq!(listed[0]["value"], "zed");
    assert_eq!(listed[0]["source"], "flag or environment");
    let got = ws.json(&["config", "get", "actor", "--actor", "flagged"]);
    assert_eq!(
        (got["value"].as_str(), got["source"].as_str()),
        (Some("flagged"), Some("flag or environment"))
    );
    assert_eq!(ws.ok(&["config", "get", "actor"]), "ci-bot\n");

    ws.ok(&["config", "unset", "actor"]);
    assert_eq!(ws.ok(&["config", "get", "actor"]), "user\n");
    let text = std::fs::read_to_string(ws.ok(&["config", "path"]).trim()).unwrap();
    assert!(!text.contains("actor"), "{text}");

    let before = ws.snapshot();
    assert_fails(&ws.run(&["config", "unset", "colour"]), 5, "unknown config key");
    assert_eq!(ws.snapshot(), before);
}
