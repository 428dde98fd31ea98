//! Completions and man pages are generated from the clap definition and committed; these
//! tests fail when the committed copies drift from the code. To refresh them:
//! `JERRY_UPDATE_DOCS=1 cargo test --test generated_docs`.

mod common;

use std::path::{Path, PathBuf};

use common::Workspace;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var("JERRY_UPDATE_DOCS").is_ok_and(|v| v == "1")
}

fn check(path: &Path, generated: &[u8]) {
    if updating() {
        std::fs::write(path, generated).unwrap();
        return;
    }
    let committed = std::fs::read(path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date: run JERRY_UPDATE_DOCS=1 cargo test --test generated_docs",
        path.display()
    );
}

#[test]
fn committed_completions_match_the_cli() {
    let ws = Workspace::new();
    let files = [
        ("bash", "jerry.bash"),
        ("zsh", "_jerry"),
        ("fish", "jerry.fish"),
        ("elvish", "jerry.elv"),
        ("powershell", "_jerry.ps1"),
    ];
    for (shell, file) in files {
        let script = ws.ok(&["completions", shell]);
        assert!(script.contains("jerry"), "{shell}");
        check(&root().join("completions").join(file), script.as_bytes());
    }
}

#[test]
fn committed_man_pages_match_the_cli() {
    let ws = Workspace::new();
    let out = ws.path().join("man");
    ws.ok(&["man", "--out", out.to_str().unwrap()]);
    let mut generated: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    generated.sort();
    assert!(
        generated.contains(&"jerry.1".to_owned()) && generated.contains(&"jerry-items-create.1".to_owned())
    );
    let committed_dir = root().join("docs/man");
    if updating() {
        let _ = std::fs::remove_dir_all(&committed_dir);
        std::fs::create_dir_all(&committed_dir).unwrap();
    }
    let mut committed: Vec<String> = std::fs::read_dir(&committed_dir)
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    committed.sort();
    if !updating() {
        assert_eq!(
            committed, generated,
            "the set of man pages changed: regenerate them"
        );
    }
    for name in generated {
        check(
            &committed_dir.join(&name),
            &std::fs::read(out.join(&name)).unwrap(),
        );
    }
}

#[test]
fn every_command_has_a_summary_and_the_main_ones_have_examples() {
    let ws = Workspace::new();
    let top = ws.ok(&["--help"]);
    for command in ["init", "items", "events", "doctor", "completions"] {
        assert!(top.contains(command), "{command} is listed in --help");
    }
    let items = [
        "create", "start", "complete", "cancel", "reopen", "block", "status", "priority", "assign", "depend",
        "undepend", "list", "show", "history",
    ];
    let events = ["list", "follow", "replay", "export", "import", "stats", "query"];
    let mut commands: Vec<Vec<&str>> = items.iter().map(|c| vec!["items", c]).collect();
    commands.extend(events.iter().map(|c| vec!["events", c]));
    commands.extend([
        vec!["init"],
        vec!["doctor"],
        vec!["completions"],
        vec!["config"],
        vec!["projects"],
    ]);
    for mut args in commands {
        args.push("--help");
        let help = ws.ok(&args);
        assert!(help.contains("Example"), "{args:?} has examples:\n{help}");
    }
}
