//! A fresh workspace in a temp dir and a way to run the real `jerry` binary in it.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use std::process::{Command as StdCommand, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};

use assert_cmd::Command;
use tempfile::TempDir;

pub mod server;

/// The RFC 3339 moment the `n`th command of a workspace sees.
pub fn moment(n: u64) -> String {
    let at = time::OffsetDateTime::from_unix_timestamp((EPOCH_UNIX + n) as i64).expect("a moment");
    at.format(&time::format_description::well_known::Rfc3339)
        .expect("RFC 3339")
}

pub struct Workspace {
    dir: Root,
    /// `JERRY_STORE` for every command run here; the file store when `None`.
    store: Option<String>,
    /// Commands started here so far: each gets the next fixed moment and id seed.
    commands: AtomicU64,
    /// Keeps the seeds of workspaces that share one folder apart (see [`Workspace::at`]).
    salt: u64,
    /// The binary reads the real clock (for tests that measure time); ids stay seeded.
    real_clock: bool,
}

/// A temp dir this workspace owns (and deletes), or another's folder it only borrows.
enum Root {
    Owned(TempDir),
    Borrowed(PathBuf),
}

/// The moment the first command of a workspace sees; each later one sees a second more.
pub const EPOCH: &str = "2026-01-01T00:00:00Z";
const EPOCH_UNIX: u64 = 1_767_225_600;

/// Borrowing workspaces ([`Workspace::at`], used from other threads) take seeds from here,
/// above any owner's.
static SALTS: AtomicU64 = AtomicU64::new(1 << 20);

thread_local! {
    /// Each workspace a test creates gets the next seed range, so two workspaces of one
    /// test (an export and its import target, two machines on one database) never make the
    /// same ids, while the same test still makes the same ids on every run.
    static NEXT_SALT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn next_salt() -> u64 {
    NEXT_SALT.with(|next| {
        let salt = next.get();
        next.set(salt + 1);
        salt
    })
}

impl Workspace {
    pub fn new() -> Self {
        Self {
            dir: Root::Owned(tempfile::tempdir().expect("temp dir")),
            store: None,
            commands: AtomicU64::new(0),
            salt: next_salt(),
            real_clock: false,
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

    /// The same folder as another workspace, for use from another thread. Its commands
    /// draw ids from a seed range of their own, so they never collide with the owner's.
    pub fn at(path: PathBuf) -> Self {
        Self {
            dir: Root::Borrowed(path),
            store: None,
            commands: AtomicU64::new(0),
            salt: SALTS.fetch_add(1, Ordering::Relaxed),
            real_clock: false,
        }
    }

    pub fn path(&self) -> &Path {
        match &self.dir {
            Root::Owned(dir) => dir.path(),
            Root::Borrowed(path) => path,
        }
    }

    /// The one way tests start `jerry`: in this workspace, with an empty environment but
    /// `PATH` and `HOME` (so nothing of the developer's shell, such as a `JERRY_STORE`,
    /// leaks in), this workspace's store, and a fixed clock and id seed that advance with
    /// every command (`JERRY_TEST_TIMESTAMP`, `JERRY_TEST_SEED`): the same test prints the
    /// same ids and times on every run.
    pub fn command(&self) -> StdCommand {
        let mut cmd = StdCommand::new(env!("CARGO_BIN_EXE_jerry"));
        self.prepare(&mut cmd);
        cmd
    }

    /// `sh -c SCRIPT` in this workspace's environment, with `"$0"` the jerry binary. Give
    /// each jerry of the script a seed of its own (`JERRY_TEST_SEED=… "$0" …`, see
    /// [`Workspace::fresh_seed`]) when they write.
    pub fn shell(&self, script: &str) -> StdCommand {
        let mut cmd = StdCommand::new("sh");
        cmd.arg("-c").arg(script).arg(env!("CARGO_BIN_EXE_jerry"));
        self.prepare(&mut cmd);
        cmd
    }

    /// The same workspace, but the binary reads the real clock.
    pub fn with_real_clock(mut self) -> Self {
        self.real_clock = true;
        self
    }

    fn prepare(&self, cmd: &mut StdCommand) {
        cmd.current_dir(self.path()).env_clear();
        for var in ["PATH", "HOME"] {
            if let Some(value) = std::env::var_os(var) {
                cmd.env(var, value);
            }
        }
        // The user's own jerry settings are the test's: none, unless it writes them here.
        cmd.env("XDG_CONFIG_HOME", self.path().join(".user-config"));
        // And so is what jerry keeps about the user's machine (`jerry setup`'s record).
        cmd.env("XDG_STATE_HOME", self.path().join(".user-state"));
        // Local times are UTC unless a test says otherwise: the same dates on any machine.
        cmd.env("TZ", "UTC");
        let n = self.commands.fetch_add(1, Ordering::Relaxed);
        if !self.real_clock {
            cmd.env("JERRY_TEST_TIMESTAMP", moment(n));
        }
        cmd.env("JERRY_TEST_SEED", self.seed(n).to_string());
        if let Some(store) = &self.store {
            cmd.env("JERRY_STORE", store);
        }
    }

    /// A seed for the `n`th command, unique across the workspaces sharing this folder.
    pub fn seed(&self, n: u64) -> u64 {
        (self.salt << 32) | (n + 1)
    }

    /// A fresh seed, for a `jerry` that a script starts (`JERRY_TEST_SEED=… jerry …`)
    /// under one [`Workspace::command`] environment.
    pub fn fresh_seed(&self) -> u64 {
        self.seed(self.commands.fetch_add(1, Ordering::Relaxed))
    }

    /// [`Workspace::command`] with its output captured, for processes that run at once.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        self.command()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn jerry")
    }

    /// [`Workspace::command`] with assertions (`.assert()`, `.write_stdin()`).
    pub fn jerry(&self) -> Command {
        Command::from_std(self.command())
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

    /// Runs jerry with the crash point `point` armed (`JERRY_FAULT`); the process must die.
    pub fn crash_at(&self, point: &str, args: &[&str]) {
        let out = self
            .jerry()
            .env("JERRY_FAULT", point)
            .args(args)
            .output()
            .expect("run jerry");
        assert!(!out.status.success(), "{point}: the process should have died");
    }

    /// `n` processes, each creating an item at once in this workspace, all to succeed: the
    /// next writers after a crash, racing to make good what it left.
    pub fn race_creates(&self, n: usize) {
        let racers: Vec<_> = (0..n)
            .map(|n| {
                let path = self.path().to_path_buf();
                std::thread::spawn(move || {
                    let here = Workspace::at(path);
                    let out = here.run(&["items", "create", &format!("racer {n}")]);
                    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                })
            })
            .collect();
        for racer in racers {
            racer.join().expect("a racer thread");
        }
    }

    /// [`Workspace::json`] run as at `moment` (RFC 3339) instead of the next fixed second.
    pub fn json_at(&self, moment: &str, args: &[&str]) -> serde_json::Value {
        let out = self
            .command()
            .env("JERRY_TEST_TIMESTAMP", moment)
            .arg("--json")
            .args(args)
            .output()
            .expect("run jerry");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
    }

    /// The event id of every event in the log (`events export`), in log order, each as
    /// often as it is there.
    pub fn exported_ids(&self) -> Vec<String> {
        self.ok(&["events", "export", "--format", "jsonl"])
            .lines()
            .map(event_id)
            .collect()
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

/// A test that cannot run its real check here: on a developer's machine it says so and
/// passes; under `CI` it fails, since a skip there would hide a check that never ran.
pub fn skip(reason: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must run this test, but: {reason}"
    );
    eprintln!("skipped: {reason}");
}

/// A fresh, empty PostgreSQL database on the test server (`JERRY_TEST_POSTGRES`, which
/// `scripts/pg-test` and `.ci/run` provide), as a URL. `None` on a developer's machine
/// without the server; in CI its absence fails the test instead.
pub fn postgres_database() -> Option<String> {
    let Ok(admin) = std::env::var("JERRY_TEST_POSTGRES") else {
        skip("JERRY_TEST_POSTGRES is not set (run through .ci/run or scripts/pg-test cargo test)");
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

/// The `id` of each object in a JSON array (a list of items), in order.
pub fn ids(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item["id"].as_str().expect("id").to_owned())
        .collect()
}

/// The `event_id` of one JSON Lines event.
pub fn event_id(line: &str) -> String {
    let event: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
    event["event_id"].as_str().expect("an event id").to_owned()
}

/// Copies the folder `from` into `to`, recursively (a project as it stands, to damage or
/// kill a copy of it).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs real `git` in `dir` with a fixed identity and insists on success; returns stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = StdCommand::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .output()
        .expect("git runs (tests need git installed)");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A small xorshift: random choices in a test (merge orders, kill timings), reproducible from
/// the seed its failure prints. Not zero.
pub struct Dice(pub u64);

impl Dice {
    pub fn roll(&mut self, sides: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % sides
    }
}
