//! A fresh workspace in a temp dir and a way to run the real `jerry` binary in it.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

pub struct Workspace {
    dir: Root,
    /// `JERRY_STORE` for every command run here; the file store when `None`.
    store: Option<String>,
}

/// A temp dir this workspace owns (and deletes), or another's folder it only borrows.
enum Root {
    Owned(TempDir),
    Borrowed(PathBuf),
}

impl Workspace {
    pub fn new() -> Self {
        Self {
            dir: Root::Owned(tempfile::tempdir().expect("temp dir")),
            store: None,
        }
    }

    /// A fresh workspace whose commands use `store` (a `--store` URL).
    pub fn with_store(store: &str) -> Self {
        let mut workspace = Self::new();
        workspace.store = Some(store.to_owned());
        workspace
    }

    /// The store this workspace's commands use, if not the files.
    pub fn store(&self) -> Option<&str> {
        self.store.as_deref()
    }

    /// The same folder as another workspace, for use from another thread.
    pub fn at(path: PathBuf) -> Self {
        Self {
            dir: Root::Borrowed(path),
            store: None,
        }
    }

    pub fn path(&self) -> &Path {
        match &self.dir {
            Root::Owned(dir) => dir.path(),
            Root::Borrowed(path) => path,
        }
    }

    /// `jerry` in this workspace, with none of the caller's JERRY_* settings.
    pub fn jerry(&self) -> Command {
        let mut cmd = Command::cargo_bin("jerry").expect("binary");
        cmd.current_dir(self.path());
        for var in [
            "JERRY_PROJECT",
            "JERRY_ROOT",
            "JERRY_ACTOR",
            "JERRY_LOCK_TIMEOUT",
            "JERRY_STORE",
            "NO_COLOR",
        ] {
            cmd.env_remove(var);
        }
        if let Some(store) = &self.store {
            cmd.env("JERRY_STORE", store);
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.jerry().args(args).output().expect("run jerry")
    }

    /// Runs and insists on success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "jerry {args:?} failed with {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut full = args.to_vec();
        full.push("--json");
        serde_json::from_str(&self.ok(&full)).expect("valid JSON on stdout")
    }

    pub fn events_dir(&self, project: &str) -> PathBuf {
        self.path()
            .join("projects")
            .join(project)
            .join(".jerry/data/events")
    }

    pub fn stream_file(&self, id: &str) -> PathBuf {
        self.events_dir("PROJ-001").join(format!("work_item-{id}.jsonl"))
    }

    pub fn lines(&self, id: &str) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(self.stream_file(id)).expect("stream file");
        text.lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect()
    }

    /// The event types of an item's stream file, in order.
    pub fn kinds(&self, id: &str) -> Vec<String> {
        self.lines(id)
            .iter()
            .map(|line| line["event_type"].as_str().expect("event_type").to_owned())
            .collect()
    }

    /// The global positions `events list` shows, in order.
    pub fn positions(&self) -> Vec<u64> {
        self.json(&["events", "list"])
            .as_array()
            .expect("an array")
            .iter()
            .map(|event| event["position"].as_u64().expect("position"))
            .collect()
    }

    /// Every file under the workspace with its bytes, to prove a command wrote nothing.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        fn walk(dir: &Path, into: &mut BTreeMap<PathBuf, Vec<u8>>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    into.insert(path.clone(), Vec::new());
                    walk(&path, into);
                } else {
                    into.insert(path.clone(), std::fs::read(&path).unwrap_or_default());
                }
            }
        }
        let mut files = BTreeMap::new();
        walk(self.path(), &mut files);
        files
    }
}

/// Asserts the exit code and that stderr is exactly one `error:` line (plus an optional
/// `hint:` line) containing `needle`.
pub fn assert_fails(out: &Output, code: i32, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        !lines.is_empty() && lines[0].starts_with("error: "),
        "stderr: {stderr}"
    );
    assert!(
        lines.len() == 1 || (lines.len() == 2 && lines[1].starts_with("hint: ")),
        "stderr: {stderr}"
    );
    assert!(lines[0].contains(needle), "expected {needle:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A fresh, empty PostgreSQL database on the test server (`JERRY_TEST_POSTGRES`, which
/// `scripts/pg-test` and `.ci/run` provide), as a URL. `None` on a developer's machine
/// without the server; in CI its absence fails the test instead.
pub fn postgres_database() -> Option<String> {
    let Ok(admin) = std::env::var("JERRY_TEST_POSTGRES") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must test PostgreSQL: JERRY_TEST_POSTGRES is not set (run through .ci/run or scripts/pg-test)"
        );
        eprintln!("skipped: JERRY_TEST_POSTGRES is not set (scripts/pg-test cargo test runs this)");
        return None;
    };
    let name = format!("jerry_{}", ulid::Ulid::new().to_string().to_lowercase());
    let mut client =
        postgres::Client::connect(&admin, postgres::NoTls).expect("the test server accepts connections");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("a test database can be created");
    let (base, _) = admin.rsplit_once('/').expect("a URL ending in /database");
    Some(format!("{base}/{name}"))
}
