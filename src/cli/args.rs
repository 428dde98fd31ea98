//! The command-line surface, as clap derive types. Values are parsed into domain types here
//! (a bad one exits 5 with one line), so handlers only ever see valid input.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use jerry::domain::{DependencyType, ItemRef, Priority, ProjectId, Status, WorkType};

/// jerry: track work from the shell, on an append-only event log that many processes can
/// write at once.
#[derive(Debug, Parser)]
#[command(name = "jerry", version, propagate_version = true, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  jerry items create \"Fix login\" --type bug --priority high\n  jerry items start 1\n  jerry items list --status in_progress --json\n\nExit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 conflict, 5 invalid input or transition, 6 corrupt data."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: TopCommand,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several.
    #[arg(long, global = true, env = "JERRY_PROJECT", value_name = "ID")]
    pub project: Option<ProjectId>,
    /// Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]
    #[arg(long, global = true, env = "JERRY_ROOT", value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Print machine-readable JSON on stdout (errors too, as {"error": {...}}).
    #[arg(long, global = true)]
    pub json: bool,
    /// Who is making the change, recorded in each event's metadata.
    #[arg(
        long,
        global = true,
        env = "JERRY_ACTOR",
        default_value = "user",
        value_name = "NAME"
    )]
    pub actor: String,
    /// Seconds to wait for another writer's lock before failing with exit code 1.
    #[arg(
        long,
        global = true,
        env = "JERRY_LOCK_TIMEOUT",
        default_value_t = 5.0,
        value_name = "SECONDS"
    )]
    pub lock_timeout: f64,
}

#[derive(Debug, Subcommand)]
pub enum TopCommand {
    /// Create a project (PROJ-001 by default, else the next free number).
    #[command(after_help = "Examples:\n  jerry init\n  jerry init PROJ-002-billing")]
    Init {
        /// The project id to create: PROJ-NNN or PROJ-NNN-slug.
        project: Option<ProjectId>,
    },
    /// Create, change and inspect work items.
    #[command(subcommand)]
    Items(ItemsCommand),
}

#[derive(Debug, Subcommand)]
pub enum ItemsCommand {
    /// Create an item and print its id.
    #[command(
        after_help = "Examples:\n  jerry items create \"Fix login\" --type bug --priority high\n  jerry items create \"Write tests\" --parent WORK-001 --assignee ann"
    )]
    Create(CreateArgs),
    /// Start working on an item (pending or blocked → in_progress).
    Start(TransitionArgs),
    /// Finish an item (in_progress → done).
    Complete(TransitionArgs),
    /// Cancel an item (pending, in_progress or blocked → cancelled; final).
    Cancel(TransitionArgs),
    /// Reopen a done item (done → in_progress).
    Reopen(TransitionArgs),
    /// Block an item that is in progress; a reason is required.
    #[command(after_help = "Example:\n  jerry items block 1 --reason \"waiting for API keys\"")]
    Block(BlockArgs),
    /// Move an item to any status its current one allows.
    Status(StatusArgs),
    /// Change an item's priority.
    Priority(PriorityArgs),
    /// Assign an item to someone (or --none to unassign).
    Assign(AssignArgs),
    /// Record that an item depends on another.
    #[command(after_help = "Example:\n  jerry items depend WORK-002 WORK-001 --type blocked_by")]
    Depend(DependArgs),
    /// Remove a dependency.
    Undepend(UndependArgs),
    /// List items, filtered; a table, or a JSON array with --json.
    #[command(
        after_help = "Examples:\n  jerry items list --status pending --status in_progress\n  jerry items list --type bug --priority high --json"
    )]
    List(ListArgs),
    /// Show one item.
    Show(ItemArg),
    /// Show an item's events, oldest first.
    History(ItemArg),
}

/// Guards a write against concurrent changes.
#[derive(Debug, Args)]
pub struct WriteGuardArgs {
    /// Fail with exit code 4, writing nothing, unless the item is still at this version.
    #[arg(long, value_name = "N")]
    pub expected_version: Option<u64>,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The title; kept exactly as given.
    pub title: String,
    /// epic, story, task, subtask, bug or spike.
    #[arg(long = "type", short = 't', default_value = "task", value_name = "TYPE")]
    pub work_type: WorkType,
    /// critical, high, medium or low.
    #[arg(long, short = 'p', default_value = "medium")]
    pub priority: Priority,
    #[arg(long, short = 'd')]
    pub description: Option<String>,
    /// The parent item (it must exist).
    #[arg(long, value_name = "ID")]
    pub parent: Option<ItemRef>,
    #[arg(long, short = 'a', value_name = "WHO")]
    pub assignee: Option<String>,
}

#[derive(Debug, Args)]
pub struct ItemArg {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
}

#[derive(Debug, Args)]
pub struct TransitionArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct BlockArgs {
    pub id: ItemRef,
    /// Why the item is blocked.
    #[arg(long, short = 'r')]
    pub reason: String,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    pub id: ItemRef,
    /// pending, in_progress, blocked, done or cancelled.
    pub status: Status,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct PriorityArgs {
    pub id: ItemRef,
    /// critical, high, medium or low.
    pub priority: Priority,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    pub id: ItemRef,
    /// Who takes the item.
    #[arg(required_unless_present = "none", conflicts_with = "none")]
    pub who: Option<String>,
    /// Unassign the item instead.
    #[arg(long)]
    pub none: bool,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct DependArgs {
    /// The item that depends.
    pub id: ItemRef,
    /// The item it depends on.
    pub other: ItemRef,
    /// blocks, blocked_by or related.
    #[arg(long = "type", default_value = "blocked_by", value_name = "TYPE")]
    pub kind: DependencyType,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct UndependArgs {
    pub id: ItemRef,
    pub other: ItemRef,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only items with this status (repeatable).
    #[arg(long, short = 's')]
    pub status: Vec<Status>,
    /// Only items of this type (repeatable).
    #[arg(long = "type", short = 't', value_name = "TYPE")]
    pub work_type: Vec<WorkType>,
    #[arg(long, short = 'p')]
    pub priority: Option<Priority>,
    #[arg(long, short = 'a', value_name = "WHO")]
    pub assignee: Option<String>,
    /// Only children of this item.
    #[arg(long, value_name = "ID")]
    pub parent: Option<ItemRef>,
    /// Show at most N items; stderr says how many were left out.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}
