//! The other front doors as the command line launches them (`jerry mcp`, `jerry serve`,
//! `jerry sync`, the merge driver): a table of entry points that the composition root
//! (`main.rs`) fills, and the plain data that crosses it. So the command line, the
//! process's shell, parses and renders without importing another door, and no door
//! imports it.

use std::net::SocketAddr;
use std::path::Path;

use serde::Serialize;

use jerry::app::exchange::ItemConflict;
use jerry::app::renumber::Renumbering;
use jerry::app::Session;

use super::error::CommandResult;

/// Each launchable door's entry point.
pub struct Doors {
    /// Serves MCP on stdin/stdout until the client hangs up; `true`: the actor was given.
    pub mcp: fn(Session, bool) -> CommandResult,
    /// Serves the board; the second session watches the log's head.
    pub serve: fn(Session, Session, ServeOptions) -> CommandResult,
    /// Exchanges the project with a remote (`dry_run`: only says what it would do).
    pub sync: fn(&Session, &str, bool) -> CommandResult<SyncReport>,
    /// Sets the git merge driver up in a workspace; the `.gitattributes` lines added.
    pub install_merge_driver: fn(&Path) -> CommandResult<Vec<String>>,
    /// git's `merge=jerry` driver: OURS, THEIRS and the file's path.
    pub merge_driver: fn(&Path, &Path, &str) -> CommandResult,
    /// Puts jerry's commit hooks into the workspace's git repository (`true`: takes them
    /// out); one line per hook saying what it did.
    pub git_hooks: fn(&Path, bool) -> CommandResult<Vec<String>>,
    /// The commits git revisions name, oldest first, with author and message.
    pub commits: fn(&Path, &[String]) -> CommandResult<Vec<jerry::app::CommitNote>>,
}

/// How `jerry serve` was asked to listen.
pub struct ServeOptions {
    pub listen: SocketAddr,
    /// The write token: given, or made up per server.
    pub token: Option<String>,
    /// Names (or addresses) besides the loopback ones that clients may give in `Host`.
    pub hosts: Vec<String>,
    pub open: bool,
}

/// What one `jerry sync` did (its `--json` shape).
#[derive(Debug, Clone, Serialize)]
pub struct SyncReport {
    pub remote: String,
    pub project: String,
    pub dry_run: bool,
    /// Events of this clone's now on the remote (with `--dry-run`: that would be).
    pub sent: u64,
    /// Events appended here from the remote.
    pub received: u64,
    /// Events the remote sent that this clone already had.
    pub already_present: u64,
    /// This clone's items moved to another number because another clone had created
    /// theirs first (with `--dry-run`: that would be).
    pub renamed: Vec<Renumbering>,
    /// Events of the items this sync touched that their merged history could not apply.
    pub conflicts: Vec<ItemConflict>,
    /// Rounds of fetch and push it took (a remote that moved meanwhile takes more).
    pub rounds: usize,
}
