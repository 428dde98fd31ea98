//! Running a hook's command, and the lock that makes one runner at a time.
//!
//! **Why a run survives its runner.** The command runs under a small `sh` wrapper in a
//! process group of its own, and the wrapper holds the runner's lock (it is handed the lock
//! file's open description as its stdout, which it closes for the command itself). The
//! wrapper writes the command's exit status to `<hook>.status`, tagged with the run's
//! number. So a runner killed while a hook runs leaves the hook running to its end and its
//! result on disk; the next runner cannot take the lock before the wrapper exits, and then
//! reads that result instead of running the hook again.

use std::fs::File;
use std::io::{self, Read, Seek};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::app::AppError;

/// Runs `$JERRY_HOOK_RUN` with the event on stdin and records its status for the run
/// `$JERRY_HOOK_RUN_NUMBER`, replaced whole (a reader never sees half a status).
const WRAPPER: &str = r#"sh -c "$JERRY_HOOK_RUN" <"$JERRY_HOOK_INPUT" >/dev/null 2>"$JERRY_HOOK_STDERR"
code=$?
printf '%s %s\n' "$JERRY_HOOK_RUN_NUMBER" "$code" >"$JERRY_HOOK_STATUS.tmp" && mv -f "$JERRY_HOOK_STATUS.tmp" "$JERRY_HOOK_STATUS"
exit $code"#;

/// How often a runner looks at a running hook.
const TICK: Duration = Duration::from_millis(5);

/// The runner's lock, held while this value lives.
pub struct RunnerLock {
    file: File,
}

impl RunnerLock {
    /// `None` when another runner holds it and `wait` is false.
    pub fn take(dir: &Path, wait: bool) -> Result<Option<Self>, AppError> {
        fs_err::create_dir_all(dir).map_err(|err| AppError::io("cannot make the hooks folder", err))?;
        let path = dir.join("runner.lock");
        let file = fs_err::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|err| AppError::io("cannot open the hooks runner's lock", err))?
            .into_parts()
            .0;
        let operation = if wait {
            rustix::fs::FlockOperation::LockExclusive
        } else {
            rustix::fs::FlockOperation::NonBlockingLockExclusive
        };
        match rustix::fs::flock(&file, operation) {
            Ok(()) => Ok(Some(Self { file })),
            Err(err) if err == rustix::io::Errno::WOULDBLOCK => Ok(None),
            Err(err) => Err(AppError::io("cannot lock the hooks runner", err.into())),
        }
    }
}

/// Where one hook's run keeps its files: the event it is given, its stderr, its status.
pub struct RunFiles {
    pub input: PathBuf,
    pub stderr: PathBuf,
    pub status: PathBuf,
}

impl RunFiles {
    pub fn of(dir: &Path, hook: &str) -> Self {
        Self {
            input: dir.join(format!("{hook}.event")),
            stderr: dir.join(format!("{hook}.stderr")),
            status: dir.join(format!("{hook}.status")),
        }
    }

    /// The exit status the wrapper recorded for run `run`, if it recorded one.
    pub fn status_of(&self, run: u64) -> Option<i32> {
        let text = std::fs::read_to_string(&self.status).ok()?;
        let (number, code) = text.trim().split_once(' ')?;
        (number.parse::<u64>().ok()? == run).then(|| code.parse().ok())?
    }

    /// The end of what the hook said on stderr, on one line, for a failure's message.
    pub fn said(&self) -> String {
        let mut text = String::new();
        if let Ok(mut file) = File::open(&self.stderr) {
            let len = file.metadata().map_or(0, |m| m.len());
            let _ = file.seek(io::SeekFrom::Start(len.saturating_sub(2_000)));
            let mut bytes = Vec::new();
            let _ = file.read_to_end(&mut bytes);
            text = String::from_utf8_lossy(&bytes).into_owned();
        }
        one_line(&text)
    }
}

/// Lines joined with `; `, at most 300 characters.
pub fn one_line(text: &str) -> String {
    let joined = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    match joined.char_indices().nth(300) {
        Some((cut, _)) => format!("{}…", &joined[..cut]),
        None => joined,
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    Succeeded,
    /// With the reason to record.
    Failed(String),
}

/// What one run is given.
pub struct Run<'a> {
    pub hook: &'a str,
    pub command: &'a str,
    pub workdir: &'a Path,
    pub env: Vec<(String, String)>,
    pub line: &'a str,
    pub number: u64,
    pub timeout: Duration,
}

/// Starts the run, holding `lock` through the wrapper, and waits for its end or its timeout.
pub fn run(run: &Run<'_>, files: &RunFiles, lock: &RunnerLock) -> Result<Ended, AppError> {
    let io_error = |what: &str, err: io::Error| AppError::io(format!("hook {}: {what}", run.hook), err);
    crate::persist::persist(
        &files.input,
        format!("{}\n", run.line).as_bytes(),
        crate::persist::Durability::Cache,
    )
    .map_err(|err| io_error("cannot write the event it is given", err))?;
    match std::fs::remove_file(&files.status) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => {
            return Err(io_error("cannot clear the last status", err));
        }
        _ => {}
    }
    let holder = lock
        .file
        .try_clone()
        .map_err(|err| io_error("cannot share the runner's lock", err))?;
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(WRAPPER)
        .current_dir(run.workdir)
        .envs(run.env.iter().map(|(k, v)| (k, v)))
        .env("JERRY_HOOK_RUN", run.command)
        .env("JERRY_HOOK_INPUT", &files.input)
        .env("JERRY_HOOK_STDERR", &files.stderr)
        .env("JERRY_HOOK_STATUS", &files.status)
        .env("JERRY_HOOK_RUN_NUMBER", run.number.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::from(holder))
        .stderr(Stdio::null())
        .process_group(0);
    crate::faults::inject("before-hook-spawn");
    let child = command.spawn().map_err(|err| io_error("cannot start sh", err))?;
    crate::faults::inject("after-hook-spawn");
    let exited = wait(child, run.timeout).map_err(|err| io_error("cannot wait for it", err))?;
    crate::faults::inject("after-hook-exit");
    Ok(match (exited, files.status_of(run.number)) {
        (false, _) => Ended::Failed(format!("timed out after {}", seconds(run.timeout))),
        (true, Some(0)) => Ended::Succeeded,
        (true, Some(code)) => Ended::Failed(failure(code, &files.said())),
        (true, None) => Ended::Failed(format!("ended without a status: {}", files.said())),
    })
}

/// `exit 3: <stderr>`, or just the exit when it said nothing.
pub fn failure(code: i32, said: &str) -> String {
    if said.is_empty() {
        format!("exit {code}")
    } else {
        format!("exit {code}: {said}")
    }
}

pub fn seconds(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{}s", duration.as_secs())
    } else {
        format!("{}ms", duration.as_millis())
    }
}

/// True if it exited in time; else its whole process group is killed.
fn wait(mut child: Child, timeout: Duration) -> io::Result<bool> {
    let deadline = Instant::now() + timeout;
    loop {
        if child.try_wait()?.is_some() {
            return Ok(true);
        }
        if Instant::now() >= deadline {
            let group = rustix::process::Pid::from_child(&child);
            let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
            child.wait()?;
            return Ok(false);
        }
        std::thread::sleep(TICK);
    }
}

/// A pre-write check's run: the command with `line` on stdin, its stderr kept; `Ok(None)`
/// when it succeeded, else why it did not.
pub fn check(
    command: &str,
    workdir: &Path,
    env: &[(String, String)],
    line: &str,
    timeout: Duration,
) -> io::Result<Option<String>> {
    use std::io::Write;
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(workdir)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // A check that does not read its input is no error.
        let _ = stdin.write_all(format!("{line}\n").as_bytes());
    }
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut stderr) = stderr {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if Instant::now() >= deadline {
            let group = rustix::process::Pid::from_child(&child);
            let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
            child.wait()?;
            break None;
        }
        std::thread::sleep(TICK);
    };
    let said = one_line(&reader.join().unwrap_or_default());
    Ok(match status {
        None => Some(format!("timed out after {}", seconds(timeout))),
        Some(status) if status.success() => None,
        Some(status) => Some(if said.is_empty() {
            format!("exit {}", status.code().unwrap_or(-1))
        } else {
            said
        }),
    })
}
