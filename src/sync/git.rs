//! The transport: the `git` command line, so sync reaches whatever remote the user's git
//! reaches (a path, ssh, https, with their credentials) and needs no server of ours.
//!
//! jerry's events live in their own refs, `refs/jerry/<PROJECT>` on the remote and
//! `refs/jerry-remotes/<remote>/<PROJECT>` here, each a chain of commits whose tree holds
//! one blob per pack of events (`<pack id>.jsonl`). Sync never touches branches, the index
//! or the working tree, so it works on any checked-out branch with any local changes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// What went wrong talking to git.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    Spawn(#[source] std::io::Error),
    #[error("cannot write a pack for git in {}: {source}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is not inside a git repository; jerry sync exchanges events through a git remote", .0.display())]
    NotARepository(PathBuf),
    #[error("git {command} failed: {message}")]
    Failed { command: String, message: String },
    #[error("git {command} printed something jerry cannot read: {output}")]
    Unreadable { command: String, output: String },
    /// The remote's jerry ref names something sync never writes (a blob, a tree, a tag).
    #[error("the remote's {reference} is a {kind}, not a commit jerry sync wrote; nothing was applied (fix or delete that ref on the remote)")]
    NotACommit { reference: String, kind: String },
}

/// Whether a push went through.
#[derive(Debug, PartialEq, Eq)]
pub enum Pushed {
    Done,
    /// The remote ref moved since it was fetched: fetch, merge and try again.
    Rejected,
}

/// A git repository, driven through the `git` command.
pub struct Git {
    dir: PathBuf,
    git_dir: PathBuf,
}

impl Git {
    /// The repository `dir` is in.
    pub fn open(dir: &Path) -> Result<Self, GitError> {
        let probe = Self {
            dir: dir.to_path_buf(),
            git_dir: PathBuf::new(),
        };
        let output = probe
            .command(&["rev-parse", "--absolute-git-dir"])
            .output()
            .map_err(GitError::Spawn)?;
        if !output.status.success() {
            return Err(GitError::NotARepository(dir.to_path_buf()));
        }
        let git_dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        Ok(Self { git_dir, ..probe })
    }

    /// The repository's own folder (`.git`), where sync keeps its lock.
    pub fn git_dir(&self) -> &Path {
        &self.git_dir
    }

    /// git, never asking anyone anything: no terminal prompts, ssh in batch mode.
    ///
    /// Blobs over 1 MiB are stored and sent whole, without deltas, and streamed rather than
    /// held in memory: jerry's packs are events no other pack repeats, so a delta between
    /// two saves nothing, and under git's default threshold (512 MiB) `index-pack` inflated
    /// a first sync's one 400 MB pack in memory (the fetch of 1,000,000 events: 10.0 s and
    /// 373 MB; so, 2.8 s and 31 MB). What a fetch or a push to a remote on this machine
    /// receives stays a pack (git would unpack fewer than 100 objects into loose ones,
    /// which a later clone's fetch then packs again whole: 403 MB).
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("git");
        command
            .args(["-c", "core.bigFileThreshold=1m", "-c", "transfer.unpackLimit=1"])
            .args(args)
            .current_dir(&self.dir)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_AUTHOR_NAME", "jerry")
            .env("GIT_AUTHOR_EMAIL", "jerry@localhost")
            .env("GIT_COMMITTER_NAME", "jerry")
            .env("GIT_COMMITTER_EMAIL", "jerry@localhost")
            .stdin(Stdio::null());
        if std::env::var_os("GIT_SSH_COMMAND").is_none() && std::env::var_os("GIT_SSH").is_none() {
            command.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        command
    }

    fn run(&self, args: &[&str], input: Option<&[u8]>) -> Result<Output, GitError> {
        let mut command = self.command(args);
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        if input.is_some() {
            command.stdin(Stdio::piped());
        }
        let mut child = command.spawn().map_err(GitError::Spawn)?;
        if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
            // A writer thread, so a child that answers while reading cannot deadlock us.
            let input = input.to_vec();
            let writer = std::thread::spawn(move || stdin.write_all(&input));
            let output = child.wait_with_output().map_err(GitError::Spawn)?;
            let _ = writer.join();
            return Ok(output);
        }
        child.wait_with_output().map_err(GitError::Spawn)
    }

    /// Runs git and returns its stdout, or its first stderr line as the error.
    fn ok(&self, args: &[&str], input: Option<&[u8]>) -> Result<String, GitError> {
        let output = self.run(args, input)?;
        if !output.status.success() {
            return Err(failed(args, &output));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Runs a git command that only reads (`rev-list`, `log`) and returns its stdout.
    pub fn read(&self, args: &[&str]) -> Result<String, GitError> {
        self.ok(args, None)
    }

    /// Sets a key in the repository's own config (`.git/config`).
    pub fn set_config(&self, key: &str, value: &str) -> Result<(), GitError> {
        self.ok(&["config", "--local", key, value], None).map(|_| ())
    }

    /// Brings the remote's jerry refs into `refs/jerry-remotes/<remote>/` and returns the
    /// commit the project's ref points at there (`None`: the remote has no events yet).
    pub fn fetch(&self, remote: &str, project: &str) -> Result<Option<String>, GitError> {
        let refspec = format!("+refs/jerry/*:{}*", tracking_prefix(remote));
        self.ok(
            &[
                "fetch",
                "--quiet",
                "--no-tags",
                "--prune",
                "--no-write-fetch-head",
                remote,
                &refspec,
            ],
            None,
        )?;
        let tracking = tracking_ref(remote, project);
        let kind = self.run(&["cat-file", "-t", &tracking], None)?;
        if kind.status.success() {
            let kind = String::from_utf8_lossy(&kind.stdout).trim().to_owned();
            if kind != "commit" {
                return Err(GitError::NotACommit {
                    reference: format!("refs/jerry/{project}"),
                    kind,
                });
            }
        }
        self.resolve(&tracking)
    }

    /// Whether `older` is `newer` or one of its ancestors; false when `older` is unknown
    /// here (the remote was rewritten and the object is gone).
    pub fn is_ancestor(&self, older: &str, newer: &str) -> Result<bool, GitError> {
        let output = self.run(&["merge-base", "--is-ancestor", older, newer], None)?;
        Ok(output.status.success())
    }

    /// The commit a ref names, if it exists.
    pub fn resolve(&self, reference: &str) -> Result<Option<String>, GitError> {
        let spec = format!("{reference}^{{commit}}");
        let output = self.run(&["rev-parse", "--verify", "--quiet", &spec], None)?;
        if !output.status.success() {
            return Ok(None);
        }
        Ok(Some(String::from_utf8_lossy(&output.stdout).trim().to_owned()))
    }

    /// The packs in a commit's tree: file name → blob id.
    pub fn packs(&self, commit: Option<&str>) -> Result<BTreeMap<String, String>, GitError> {
        let Some(commit) = commit else {
            return Ok(BTreeMap::new());
        };
        let listing = self.ok(&["ls-tree", commit], None)?;
        let mut packs = BTreeMap::new();
        for line in listing.lines() {
            let unreadable = || GitError::Unreadable {
                command: "ls-tree".into(),
                output: line.to_owned(),
            };
            let (meta, name) = line.split_once('\t').ok_or_else(unreadable)?;
            let blob = meta.split_whitespace().nth(2).ok_or_else(unreadable)?;
            packs.insert(name.to_owned(), blob.to_owned());
        }
        Ok(packs)
    }

    /// Every line of `blobs`, in the order asked, as one `git cat-file --batch` streams
    /// them: `each(blob, line_number, line)`, the line without its newline. Memory holds one
    /// line however large the blobs are; a line longer than `max_line` is `too_long(blob,
    /// line_number)`, and any error from `each` stops git.
    pub fn each_blob_line<E: From<GitError>>(
        &self,
        blobs: &[&str],
        max_line: u64,
        too_long: impl Fn(usize, usize) -> E,
        mut each: impl FnMut(usize, usize, &[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        if blobs.is_empty() {
            return Ok(());
        }
        let mut command = self.command(&["cat-file", "--batch"]);
        command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(GitError::Spawn)?;
        let mut input = blobs.join("\n").into_bytes();
        input.push(b'\n');
        let stdin = child.stdin.take();
        // Threads for the other pipes, so that git blocked on one cannot stall us on another.
        let writer = std::thread::spawn(move || stdin.map(|mut stdin| stdin.write_all(&input)));
        let stderr = child.stderr.take();
        let errors = std::thread::spawn(move || {
            let mut text = Vec::new();
            if let Some(mut stderr) = stderr {
                let _ = std::io::Read::read_to_end(&mut stderr, &mut text);
            }
            text
        });
        let unreadable = |what: String| GitError::Unreadable {
            command: "cat-file".into(),
            output: what,
        };
        let mut read = |child: &mut std::process::Child| -> Result<(), E> {
            use std::io::{BufRead, Read};
            let stdout = child
                .stdout
                .take()
                .ok_or_else(|| unreadable("no output".into()))?;
            let mut reader = std::io::BufReader::with_capacity(1 << 16, stdout);
            let mut line = Vec::new();
            for (index, blob) in blobs.iter().enumerate() {
                line.clear();
                reader.read_until(b'\n', &mut line).map_err(GitError::Spawn)?;
                let header = String::from_utf8_lossy(&line).trim_end().to_owned();
                let size: u64 = header
                    .split_whitespace()
                    .nth(2)
                    .and_then(|size| size.parse().ok())
                    .ok_or_else(|| unreadable(format!("the answer for {blob}: {header}")))?;
                let mut body = (&mut reader).take(size);
                let mut number = 0;
                loop {
                    line.clear();
                    let got = (&mut body)
                        .take(max_line + 1)
                        .read_until(b'\n', &mut line)
                        .map_err(GitError::Spawn)?;
                    if got == 0 {
                        break;
                    }
                    number += 1;
                    let text = line.strip_suffix(b"\n").unwrap_or(&line);
                    if text.len() as u64 > max_line {
                        return Err(too_long(index, number));
                    }
                    each(index, number, text)?;
                }
                if body.limit() > 0 {
                    return Err(unreadable(format!("{blob} ended early")).into());
                }
                // The newline git writes after each blob's contents.
                let mut newline = [0u8; 1];
                reader.read_exact(&mut newline).map_err(GitError::Spawn)?;
            }
            Ok(())
        };
        let result = read(&mut child);
        if result.is_err() {
            let _ = child.kill();
        }
        let status = child.wait().map_err(GitError::Spawn)?;
        let _ = writer.join();
        let stderr = errors.join().unwrap_or_default();
        result?;
        if !status.success() {
            let output = Output {
                status,
                stdout: Vec::new(),
                stderr,
            };
            return Err(failed(&["cat-file"], &output).into());
        }
        Ok(())
    }

    /// The files of `tip`'s history in the order commits added them (oldest first, each
    /// once): the order the packs were written in, so an item's creation comes before what
    /// other clones did to it after receiving it. Only the commits after `since` (an
    /// ancestor of `tip`) are read: a remote's history grows by a commit per sync, and all
    /// of it took 0.37 s at 3,000 commits against 7 ms for the last one.
    pub fn added_in_order(&self, tip: &str, since: Option<&str>) -> Result<Vec<String>, GitError> {
        let range = match since {
            Some(since) => format!("{since}..{tip}"),
            None => tip.to_owned(),
        };
        let listing = self.ok(
            &[
                "log",
                "-z",
                "--reverse",
                "--format=",
                "--name-only",
                "--diff-filter=A",
                "--no-renames",
                &range,
            ],
            None,
        )?;
        let mut seen = std::collections::HashSet::new();
        Ok(listing
            .split('\0')
            .map(|name| name.trim_matches('\n'))
            .filter(|name| !name.is_empty() && seen.insert(name.to_owned()))
            .map(str::to_owned)
            .collect())
    }

    /// A blob of what `write` writes: written to a file in the repository's folder, which
    /// `git hash-object -w FILE` stores, streamed into a pack as it is over the blob
    /// threshold (see [`Git::command`]). Never held whole: from its standard input git
    /// reads a blob whole to learn its size first (a first push of 1,000,000 events held
    /// 403 MB that way).
    pub fn write_blob_from<E: From<GitError>>(
        &self,
        write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
    ) -> Result<String, E> {
        let failed_write = |source| GitError::Write {
            path: self.git_dir.clone(),
            source,
        };
        let file = tempfile::Builder::new()
            .prefix("jerry-pack-")
            .tempfile_in(&self.git_dir)
            .map_err(failed_write)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file.as_file());
        write(&mut out)?;
        out.flush().map_err(failed_write)?;
        drop(out);
        let path = file.path().to_string_lossy().into_owned();
        let blob = self.ok(&["hash-object", "-w", "--", &path], None)?;
        Ok(blob.trim().to_owned())
    }

    /// A commit holding `packs` (name → blob), after `parent`.
    pub fn commit(
        &self,
        packs: &BTreeMap<String, String>,
        parent: Option<&str>,
        message: &str,
    ) -> Result<String, GitError> {
        let mut listing = String::new();
        for (name, blob) in packs {
            let _ = writeln!(listing, "100644 blob {blob}\t{name}");
        }
        let tree = self.ok(&["mktree"], Some(listing.as_bytes()))?.trim().to_owned();
        let mut args = vec!["commit-tree", tree.as_str(), "-m", message];
        if let Some(parent) = parent {
            args.extend(["-p", parent]);
        }
        Ok(self.ok(&args, None)?.trim().to_owned())
    }

    /// Pushes `commit` as the project's ref, never forced: if the remote moved meanwhile
    /// the push is rejected and the caller fetches and merges first.
    pub fn push(&self, remote: &str, project: &str, commit: &str) -> Result<Pushed, GitError> {
        let refspec = format!("{commit}:refs/jerry/{project}");
        let args = ["push", "--quiet", "--porcelain", remote, refspec.as_str()];
        let output = self.run(&args, None)?;
        if output.status.success() {
            let tracking = tracking_ref(remote, project);
            self.ok(&["update-ref", &tracking, commit], None)?;
            return Ok(Pushed::Done);
        }
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        // The remote moved, or another clone's push held the ref at that moment: a lost
        // race, fetched and merged again, not a failure.
        let lost_race = [
            "[rejected]",
            "non-fast-forward",
            "fetch first",
            "cannot lock ref",
            "failed to update ref",
            "[remote rejected]",
        ];
        if lost_race.iter().any(|sign| said.contains(sign)) {
            return Ok(Pushed::Rejected);
        }
        Err(failed(&args, &output))
    }
}

/// Where this clone keeps what it fetched of `remote`'s jerry refs.
fn tracking_prefix(remote: &str) -> String {
    let name: String = remote
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("refs/jerry-remotes/{name}/")
}

fn tracking_ref(remote: &str, project: &str) -> String {
    format!("{}{project}", tracking_prefix(remote))
}

fn failed(args: &[&str], output: &Output) -> GitError {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let message = stderr
        .lines()
        .map(|line| {
            line.trim_start_matches("fatal: ")
                .trim_start_matches("error: ")
                .trim()
        })
        .find(|line| !line.is_empty())
        .unwrap_or("no message")
        .to_owned();
    GitError::Failed {
        command: args.first().copied().unwrap_or("").to_owned(),
        message,
    }
}
