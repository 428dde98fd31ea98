//! `jerry git …`: commits that close work. `install-hooks` puts git hooks in place that run
//! `scan` on every new commit (and on those a pull or a rebase brings); `scan` links each
//! commit to the items its message names and completes those after `Fixes`, `Closes` or
//! `Resolves`; `items orphans` shows what the links leave open.

use clap::Subcommand;
use serde_json::json;

use super::context::Context;
use super::output::Output;
use crate::door::error::CommandResult;
use crate::door::launch::Doors;

#[derive(Debug, Subcommand)]
pub enum GitCommand {
    /// Install git hooks that link each new commit to the items its message names.
    #[command(
        after_help = "Installs commit-msg (warns about items that do not exist), post-commit, post-merge and post-rewrite
(the commits a pull or a rebase brings). A hook already there is kept as <hook>.jerry-chained and
runs first; --remove puts it back byte for byte. core.hooksPath and worktrees are honoured.

In a message, WORK-12 (or the project's prefix, API-12) or an item's ULID links the commit to the
item; after Fixes, Closes or Resolves (any case; also Fix, Fixed, Close, Closed, Resolve, Resolved)
it also completes it. Refs WORK-13 (or any other word) only links. Each commit links once, however
many clones see it.

Examples:
  jerry git install-hooks
  git commit -m \"Fix the login redirect\" -m \"Fixes WORK-12, refs WORK-13\"
  jerry items show WORK-12
  jerry git install-hooks --remove"
    )]
    InstallHooks {
        /// Take jerry's hooks out and put back the ones they chained.
        #[arg(long)]
        remove: bool,
    },
    /// Link commits to the items their messages name, and complete those they close.
    #[command(
        after_help = "Each REV is a commit (HEAD, an id) or a range (A..B: the commits in B and not in A). A commit
linked before (on this clone or another) changes nothing.

Examples:
  jerry git scan
  jerry git scan origin/main..HEAD --dry-run
  jerry git scan HEAD~3..HEAD --json"
    )]
    Scan {
        /// Commits or ranges [default: HEAD].
        #[arg(value_name = "REV")]
        revs: Vec<String>,
        /// Say which items each commit names; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The commit-msg hook's check: warns (never refuses) about items that do not exist.
    #[command(hide = true)]
    CheckMessage {
        /// The message file git hands the hook.
        file: std::path::PathBuf,
    },
}

pub fn run(command: GitCommand, doors: &Doors, ctx: &Context, out: &mut Output) -> CommandResult {
    match command {
        GitCommand::InstallHooks { remove } => {
            let said = (doors.git_hooks)(ctx.setup().workspace().root(), remove)?;
            if out.json() {
                return out.json_value(&json!({ "hooks": said, "removed": remove }));
            }
            if said.is_empty() {
                out.note("no jerry hooks to remove");
            }
            for line in said {
                out.confirm(&line)?;
            }
            Ok(())
        }
        GitCommand::Scan { revs, dry_run } => {
            let session = ctx.open()?;
            let revs = if revs.is_empty() {
                vec!["HEAD".to_owned()]
            } else {
                revs
            };
            let commits = (doors.commits)(session.workspace_root(), &revs)?;
            let mut outcomes = Vec::new();
            for commit in &commits {
                outcomes.extend(session.link_commit(commit, dry_run)?);
            }
            if out.json() {
                return out.json_value(&json!({ "commits": commits.len(), "items": outcomes }));
            }
            for outcome in &outcomes {
                let short = jerry::domain::short(&outcome.commit);
                let line = match (&outcome.item, &outcome.note) {
                    (None, Some(note)) => format!("{short}: {note}"),
                    (Some(id), note) => {
                        let did = match (dry_run, outcome.linked, outcome.closed) {
                            (true, true, _) => "would link",
                            (_, false, _) => "already linked",
                            (false, true, true) => "linked and completed",
                            (false, true, false) => "linked",
                        };
                        match note {
                            Some(note) if outcome.linked => {
                                format!("{short}: {id} {did} (not completed: {note})")
                            }
                            _ => format!("{short}: {id} {did}"),
                        }
                    }
                    (None, None) => continue,
                };
                out.confirm(&line)?;
            }
            if outcomes.is_empty() {
                out.note(&format!("{} commit(s) name no items", commits.len()));
            }
            Ok(())
        }
        GitCommand::CheckMessage { file } => {
            let message = std::fs::read_to_string(&file).unwrap_or_default();
            // Comment lines are not part of the message git records.
            let message: String = message
                .lines()
                .filter(|line| !line.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n");
            let session = ctx.read(false)?;
            let prefix = session.config().prefix.clone();
            for named in jerry::domain::named_in(&message, prefix.as_deref()) {
                let known = named
                    .item
                    .parse::<jerry::domain::ItemRef>()
                    .ok()
                    .is_some_and(|item| session.queries().show(item, None).is_ok());
                if !known {
                    out.warn(&format!(
                        "jerry: {} is not an item of {}; the commit will not link it",
                        named.item,
                        session.project()
                    ));
                }
            }
            Ok(())
        }
    }
}

/// `items orphans`.
pub fn orphans(ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.read(false)?;
    let (named_open, closed_unnamed) = session.queries().orphans()?;
    if out.json() {
        let brief = |items: &[jerry::domain::WorkItem]| -> Vec<serde_json::Value> {
            items
                .iter()
                .map(|item| {
                    json!({
                        "id": item.id,
                        "title": item.title,
                        "status": item.status,
                        "commits": item.commits.iter().map(|c| &c.commit).collect::<Vec<_>>(),
                    })
                })
                .collect()
        };
        return out.json_value(&json!({
            "named_open": brief(&named_open),
            "closed_unnamed": brief(&closed_unnamed),
        }));
    }
    let rows = |items: &[jerry::domain::WorkItem]| -> Vec<Vec<String>> {
        items
            .iter()
            .map(|item| {
                let last = item.commits.last().map_or(String::new(), |c| {
                    format!("{} {}", jerry::domain::short(&c.commit), c.summary)
                });
                vec![
                    item.id.to_string(),
                    item.status.to_string(),
                    item.title.clone(),
                    last,
                ]
            })
            .collect()
    };
    let header = ["ID", "STATUS", "TITLE", "LAST COMMIT"].map(str::to_owned);
    if named_open.is_empty() {
        out.note("no open item is named by a commit");
    } else {
        out.line("Open, named by commits, not closed:")?;
        out.line(&super::render::table(&header, rows(&named_open), out.style()))?;
    }
    if closed_unnamed.is_empty() {
        out.note("every done item is named by a commit");
    } else {
        out.line("Done, named by no commit:")?;
        out.line(&super::render::table(
            &header[..3],
            rows(&closed_unnamed),
            out.style(),
        ))?;
    }
    Ok(())
}
