//! Commits that close work: a commit message naming items (`Fixes WORK-12, refs WORK-13`)
//! links the commit to each, once, and completes those after a closing word. The front
//! door reads the commits from git (`jerry git scan`, run by the hooks `jerry git
//! install-hooks` puts in); this is what they do to the work.

use serde::Serialize;

use crate::domain::{named_in, short, CommitLinked, ItemRef, Status, WorkItemId};

use super::{AppError, Command, Session, WriteOptions};

/// A commit as git tells it.
#[derive(Debug, Clone)]
pub struct CommitNote {
    /// The full id, lowercase hex.
    pub commit: String,
    pub author: String,
    /// The whole message; its first line is the summary.
    pub message: String,
}

/// What a commit did to one item it names.
#[derive(Debug, Clone, Serialize)]
pub struct CommitLinkOutcome {
    pub commit: String,
    /// As the message wrote it.
    pub named: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<WorkItemId>,
    /// A new link (false: the commit was linked before, here or on another clone).
    pub linked: bool,
    /// The commit completed the item.
    pub closed: bool,
    /// Why nothing (more) was done: an item the project does not have, a completion the
    /// item's state or the quality gate refuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Session {
    /// Links `commit` to every item its message names and completes those it closes; with
    /// `dry_run`, only says which items it names and which of them exist.
    pub fn link_commit(
        &self,
        commit: &CommitNote,
        dry_run: bool,
    ) -> Result<Vec<CommitLinkOutcome>, AppError> {
        let summary = commit
            .message
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        let prefix = self.config().prefix.clone();
        let mut outcomes = Vec::new();
        for named in named_in(&commit.message, prefix.as_deref()) {
            let mut outcome = CommitLinkOutcome {
                commit: commit.commit.clone(),
                named: named.item.clone(),
                item: None,
                linked: false,
                closed: false,
                note: None,
            };
            let item = named
                .item
                .parse::<ItemRef>()
                .ok()
                .and_then(|item| self.queries().show(item, None).ok());
            let Some(item) = item else {
                outcome.note = Some(format!("{} is not an item of {}", named.item, self.project()));
                outcomes.push(outcome);
                continue;
            };
            outcome.item = Some(item.id);
            if dry_run {
                outcome.linked = !item.commits.iter().any(|c| c.commit == commit.commit);
                outcomes.push(outcome);
                continue;
            }
            let options = |step: &str| WriteOptions {
                idempotency_key: Some(format!("commit:{}:{}:{step}", commit.commit, item.id.canonical())),
                correlation_id: Some(format!("commit:{}", commit.commit)),
                ..WriteOptions::default()
            };
            let link = Command::LinkCommit {
                item: ItemRef::Display(item.id),
                link: CommitLinked {
                    commit: commit.commit.clone(),
                    summary: summary.clone(),
                    author: commit.author.clone(),
                    closes: named.closes,
                },
            };
            let written = self.execute(link, options("link"))?;
            outcome.linked = written.value.unchanged.is_none() && !written.value.replayed;
            // A commit seen before (on this clone or another) has done its work.
            if named.closes && outcome.linked {
                outcome.note = self.close_by_commit(item.id, &commit.commit, &summary, &options)?;
                outcome.closed = outcome.note.is_none();
            }
            outcomes.push(outcome);
        }
        Ok(outcomes)
    }

    /// Completes `id` (through in progress, when the status graph asks for it); the reason
    /// it could not, if it could not.
    fn close_by_commit(
        &self,
        id: WorkItemId,
        commit: &str,
        summary: &str,
        options: &dyn Fn(&str) -> WriteOptions,
    ) -> Result<Option<String>, AppError> {
        let reason = Some(format!("closed by commit {}: {summary}", short(commit)));
        let status = self.queries().show(ItemRef::Display(id), None)?.status;
        if !status.is_open() {
            return Ok(Some(format!("{id} is already {status}")));
        }
        let mut steps = Vec::new();
        if status != Status::InProgress {
            steps.push(Status::InProgress);
        }
        steps.push(Status::Done);
        for to in steps {
            let command = Command::ChangeStatus {
                item: ItemRef::Display(id),
                to,
                reason: reason.clone(),
            };
            match self.execute(command, options(&to.to_string())) {
                Ok(_) => {}
                Err(AppError::Domain(err)) => return Ok(Some(err.to_string())),
                Err(err) => return Err(err),
            }
        }
        Ok(None)
    }
}
