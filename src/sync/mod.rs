//! `jerry sync`: the front door that exchanges a project's events with a git remote.
//!
//! One round: fetch the remote's ref for the project, take the packs this clone has not
//! merged yet (one write through the application service, after the local head), put this
//! clone's own new events into one new pack, commit it on top of what was fetched, and push
//! without force. A push the remote refuses because it moved is fetched and merged again,
//! a few times at most. Packs are immutable and uniquely named, so two clones' commits
//! always merge as the union of their packs.
//!
//! Every step can be killed: until the checkpoint (`app::ExchangeState`) is saved, the next sync
//! fetches the same packs again, finds their events already here and appends nothing, and
//! leaves out of its own pack every event it received. So nothing is lost or doubled.

pub mod commit_hooks;
pub mod git;
pub mod merge_driver;

use std::collections::{BTreeMap, BTreeSet};

use ulid::Ulid;

use jerry::app::exchange::{Incoming, ItemConflict, SharedEvent};
use jerry::app::{AppError, ExchangeState, Session};
use jerry::domain::WorkItemId;

use git::{Git, GitError, Pushed};

use crate::door::error::{CommandError, ErrorKind};

/// Rounds of fetch, merge and push before sync gives up on a remote that keeps moving.
const ROUNDS: usize = 12;

/// How long to wait after losing push race `round`: a random time that doubles with each
/// round (from up to 20 ms to at most 1 s), so clones that collided do not collide again.
fn backoff(round: usize) -> std::time::Duration {
    let ceiling = (20u64 << round.min(6)).min(1_000);
    let random = u128::from(Ulid::new()) as u64;
    std::time::Duration::from_millis(ceiling / 2 + random % (ceiling / 2 + 1))
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    App(#[from] AppError),
    /// A pack on the remote holds a line that is not an event.
    #[error("pack {pack} on the remote, line {line}: {reason}; nothing was applied")]
    Garbage {
        pack: String,
        line: usize,
        reason: String,
    },
    /// A pack's content is not what it was written with: edited in place on the remote.
    #[error("pack {pack} on the remote was changed after it was written ({why}); nothing was applied")]
    PackChanged { pack: String, why: &'static str },
    #[error(
        "the remote kept moving: {0} rounds of fetch and push did not get through; run jerry sync again"
    )]
    Busy(usize),
    /// A remote git would read as an option (`--upload-pack=…`) or as nothing at all.
    #[error("'{0}' is not a git remote: name a remote or a URL (not empty, not starting with '-')")]
    BadRemote(String),
    #[error("cannot take the sync lock {path}: {source}")]
    Lock {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl SyncError {
    /// The library's classification, extended to what only sync sees: a remote edited or
    /// reusing what it held is a conflict, one holding no events is refused input.
    pub fn kind(&self) -> ErrorKind {
        match self {
            SyncError::App(inner) => inner.kind(),
            SyncError::Git(GitError::NotACommit { .. }) | SyncError::PackChanged { .. } => {
                ErrorKind::Conflict
            }
            SyncError::Git(_) | SyncError::Busy(_) | SyncError::Lock { .. } => ErrorKind::Failure,
            SyncError::Garbage { .. } | SyncError::BadRemote(_) => ErrorKind::Invalid,
        }
    }
}

impl From<SyncError> for CommandError {
    fn from(err: SyncError) -> Self {
        match err {
            SyncError::App(inner) => inner.into(),
            SyncError::Git(GitError::NotARepository(_)) => {
                CommandError::of(err.kind(), &err).hint("git init, or run jerry sync inside a clone")
            }
            _ => CommandError::of(err.kind(), &err),
        }
    }
}

pub use crate::door::launch::SyncReport;

/// Exchanges the session's project with `remote` (a remote's name, or any URL git takes).
pub fn sync(session: &Session, remote: &str, dry_run: bool) -> Result<SyncReport, SyncError> {
    if remote.is_empty() || remote.starts_with('-') || remote.chars().any(char::is_control) {
        return Err(SyncError::BadRemote(remote.to_owned()));
    }
    let git = Git::open(session.workspace_root())?;
    let lock_path = git.git_dir().join("jerry-sync.lock");
    let mut lock = open_lock(&lock_path)?;
    let _held = lock.write().map_err(|source| SyncError::Lock {
        path: lock_path.clone(),
        source,
    })?;
    let project = session.project().to_string();
    let key = remote_key(remote);
    let mut state = session.exchange_state(&key)?;
    let mut report = SyncReport {
        remote: remote.to_owned(),
        project: project.clone(),
        dry_run,
        sent: 0,
        received: 0,
        already_present: 0,
        renamed: Vec::new(),
        conflicts: Vec::new(),
        rounds: 0,
    };
    if !dry_run {
        // A sync killed while renumbering: finish it before anything else.
        session.finish_renumbering(&key, &mut state)?;
    }
    let mut received_positions: Vec<std::ops::RangeInclusive<u64>> = Vec::new();
    let mut conflicts: BTreeMap<WorkItemId, Vec<ItemConflict>> = BTreeMap::new();
    for round in 1..=ROUNDS {
        report.rounds = round;
        let remote_tip = git.fetch(remote, &project)?;
        jerry::faults::inject("sync-after-fetch");
        // A remote rewritten since the last sync (its ref no longer descends from the tip
        // this clone merged: force-pushed, reset, a pack dropped) may have lost events this
        // clone sent: start over as a new clone would, reading every pack and sending
        // every event of this clone's the remote does not hold.
        let rewritten = match (&state.tip, &remote_tip) {
            (Some(saved), Some(tip)) => !git.is_ancestor(saved, tip)?,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if rewritten {
            state.tip = None;
            state.sent_through = 0;
        }
        let remote_packs = git.packs(remote_tip.as_deref())?;
        let merged_packs = git.packs(state.tip.as_deref())?;
        let incoming = new_packs(
            &git,
            remote_tip.as_deref(),
            state.tip.as_deref(),
            &remote_packs,
            &merged_packs,
        )?;
        let survey = session.survey(&incoming)?;

        // Items of ours whose numbers another clone created first move before they leave.
        let sent_anywhere = session.sent_anywhere()?.max(state.sent_through);
        let plan = session.renumber_plan(&survey, sent_anywhere)?;
        if !dry_run {
            session.renumber_for(&key, &mut state, &plan)?;
        }
        let moving: BTreeSet<WorkItemId> = plan.iter().map(|step| step.from).collect();
        report.renamed.extend(plan);

        let head = session.events().head()?;
        // This clone's own events up to `head` (read after the receive: what it appends
        // lies after `head`), streamed into the pack, never held.
        let known = |id: &Ulid| survey.knows(id);
        let mut any_outgoing = false;
        session.each_outgoing(state.sent_through, head, &known, &mut |_| {
            any_outgoing = true;
            Ok(std::ops::ControlFlow::Break(()))
        })?;

        let received = session.receive(&incoming, &survey, &moving, dry_run)?.value;
        report.received += received.appended;
        report.already_present = received.already_present;
        conflicts.extend(received.conflicts);
        received_positions.extend(received.positions);
        jerry::faults::inject("sync-after-receive");

        let mut sent = 0u64;
        if dry_run {
            session.each_outgoing(state.sent_through, head, &known, &mut |_| {
                sent += 1;
                Ok(std::ops::ControlFlow::Continue(()))
            })?;
            report.sent = sent;
            break;
        }
        let new_tip = if any_outgoing {
            let mut packs = remote_packs.clone();
            let blob = git.write_blob_from(|pack: &mut dyn std::io::Write| -> Result<(), SyncError> {
                session.each_outgoing(state.sent_through, head, &known, &mut |event| {
                    // An event that does not encode stops the sync: a pack without it would
                    // tell the remote this clone sent what it did not.
                    serde_json::to_writer(&mut *pack, &event)
                        .map_err(|err| AppError::io("cannot write an event to the pack", err.into()))?;
                    pack.write_all(b"\n")
                        .map_err(|err| AppError::io("cannot write an event to the pack", err))?;
                    sent += 1;
                    Ok(std::ops::ControlFlow::Continue(()))
                })?;
                Ok(())
            })?;
            packs.insert(format!("{blob}.jsonl"), blob);
            let count = sent;
            let noun = if count == 1 { "event" } else { "events" };
            let message = format!("jerry sync: {count} {noun} of {project}");
            let commit = git.commit(&packs, remote_tip.as_deref(), &message)?;
            jerry::faults::inject("sync-before-push");
            if git.push(remote, &project, &commit)? == Pushed::Rejected {
                std::thread::sleep(backoff(round));
                continue;
            }
            jerry::faults::inject("sync-after-push");
            Some(commit)
        } else {
            remote_tip.clone()
        };
        report.sent = sent;
        state = checkpoint(new_tip, head, &received_positions);
        session.save_exchange_state(&key, &state)?;
        session.record_sent_anywhere(state.sent_through)?;
        report.conflicts = conflicts.into_values().flatten().collect();
        return Ok(report);
    }
    if dry_run {
        report.conflicts = conflicts.into_values().flatten().collect();
        return Ok(report);
    }
    Err(SyncError::Busy(ROUNDS))
}

/// Where a finished sync leaves this clone: everything up to `head` was sent, and so is
/// the run of received events right after it (the usual case: no local write came in
/// between), so the next sync starts after them instead of reading them again.
fn checkpoint(tip: Option<String>, head: u64, received: &[std::ops::RangeInclusive<u64>]) -> ExchangeState {
    let mut runs: Vec<&std::ops::RangeInclusive<u64>> = received.iter().collect();
    runs.sort_by_key(|run| *run.start());
    let mut sent_through = head;
    for run in runs {
        if run.contains(&(sent_through + 1)) {
            sent_through = sent_through.max(*run.end());
        }
    }
    ExchangeState::at(tip, sent_through)
}

/// No pack line is this long; a longer one is refused before it fills memory.
const MAX_LINE: u64 = 16 * 1024 * 1024;

/// The remote's packs this clone has not merged yet, in the order they were written, read
/// again from git for each pass over them (see [`jerry::app::exchange::Incoming`]): a pack
/// is streamed a line at a time, so a first sync of a million events never holds them.
struct NewPacks<'a> {
    git: &'a Git,
    /// (name, blob), oldest first.
    packs: Vec<(String, String)>,
}

impl Incoming for NewPacks<'_> {
    type Error = SyncError;

    fn each(&self, event: &mut dyn FnMut(SharedEvent) -> Result<(), AppError>) -> Result<(), SyncError> {
        let blobs: Vec<&str> = self.packs.iter().map(|(_, blob)| blob.as_str()).collect();
        let garbage = |pack: usize, line: usize, reason: String| SyncError::Garbage {
            pack: self
                .packs
                .get(pack)
                .map(|(name, _)| name.clone())
                .unwrap_or_default(),
            line,
            reason,
        };
        self.git.each_blob_line(
            &blobs,
            MAX_LINE,
            |pack, line| garbage(pack, line, "the line is longer than 16 MiB".into()),
            |pack, number, line| {
                if line.iter().all(u8::is_ascii_whitespace) {
                    return Ok(());
                }
                let parsed: SharedEvent =
                    serde_json::from_slice(line).map_err(|err| garbage(pack, number, err.to_string()))?;
                event(parsed).map_err(SyncError::App)
            },
        )
    }
}

/// The remote's packs (at `tip`) that are not among those merged (at `merged_tip`),
/// refusing a pack whose content changed since it was merged or whose name does not match
/// its content.
fn new_packs<'a>(
    git: &'a Git,
    tip: Option<&str>,
    merged_tip: Option<&str>,
    remote: &BTreeMap<String, String>,
    merged: &BTreeMap<String, String>,
) -> Result<NewPacks<'a>, SyncError> {
    let mut new: BTreeMap<String, String> = BTreeMap::new();
    for (name, blob) in remote {
        match merged.get(name) {
            Some(known) if known != blob => {
                return Err(SyncError::PackChanged {
                    pack: name.clone(),
                    why: "its content differs from the one this clone merged",
                })
            }
            Some(_) => {}
            None => {
                new.insert(name.clone(), blob.clone());
            }
        }
        // A pack is named after its git blob id, a hash of its content: a pack edited in
        // place keeps its name and loses that match. (Packs from before were named by a
        // ULID, which says nothing about their content.)
        let stem = name.strip_suffix(".jsonl").unwrap_or(name);
        let hashed = stem.len() >= 40
            && stem
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
        if hashed && stem != blob {
            return Err(SyncError::PackChanged {
                pack: name.clone(),
                why: "its name is the hash of other content",
            });
        }
    }
    let mut packs = Vec::with_capacity(new.len());
    if let (Some(tip), false) = (tip, new.is_empty()) {
        // The merged tip is an ancestor of `tip` (a rewritten remote reset it to none), so
        // the new packs were added after it.
        for name in git.added_in_order(tip, merged_tip)? {
            if let Some(blob) = new.remove(&name) {
                packs.push((name, blob));
            }
        }
    }
    // Any the history does not show being added (a tree written by hand) come last.
    packs.extend(new);
    Ok(NewPacks { git, packs })
}

/// One sync at a time per clone: an OS lock in the repository's own folder (released when
/// the process ends, however it ends). Local writers do not take it.
fn open_lock(path: &std::path::Path) -> Result<fd_lock::RwLock<std::fs::File>, SyncError> {
    let file = fs_err::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|source| SyncError::Lock {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(fd_lock::RwLock::new(file.into_parts().0))
}

/// A remote's name as a file name: what its state is kept under.
fn remote_key(remote: &str) -> String {
    remote
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_moves_over_the_run_of_received_events_after_the_head() {
        let state = checkpoint(None, 10, &[14..=15, 11..=11, 12..=12, 9..=9]);
        assert_eq!(state.sent_through, 12);
        assert_eq!(checkpoint(None, 10, &[8..=13, 14..=20]).sent_through, 20);
        // Nothing received: the head is where it stands.
        assert_eq!(checkpoint(None, 7, &[]).sent_through, 7);
    }
}
