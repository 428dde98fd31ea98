//! `jerry items …`: the subcommands, and where each is handled: a write in its own file
//! here (its arguments and its handler, side by side, as jj keeps its commands), the
//! reads in `views` and `tracking`. Every write goes through the session (`write.rs`).

use clap::Subcommand;

use jerry::domain::Status;

use super::context::Context;
use super::output::Output;
use super::tracking::{self, ReadyArgs, TreeArgs};
use super::views::{self, ItemArg, ListArgs, ShowArgs};
use crate::door::error::CommandResult;

mod assign;
mod block;
mod claim;
mod comment;
mod create;
mod delete;
mod depend;
mod due;
mod edit;
mod label;
mod metrics;
mod moving;
mod parent;
mod priority;
mod resolve;
mod status;
mod transition;
mod update;
mod write;

use assign::*;
use block::*;
use claim::*;
use comment::*;
use create::*;
use delete::*;
use depend::*;
use due::*;
use edit::*;
use label::*;
use metrics::*;
use parent::*;
use priority::*;
use resolve::*;
use status::*;
use transition::*;
use update::*;

#[derive(Debug, Subcommand)]
pub enum ItemsCommand {
    /// Create an item and print its id.
    #[command(
        after_help = "Examples:\n  jerry items create \"Fix login\" --type bug --priority high\n  jerry items create \"Write tests\" --parent WORK-001 --assignee ann"
    )]
    Create(CreateArgs),
    /// Start working on items (pending or blocked → in_progress).
    #[command(
        after_help = "Several ids are all or nothing: if one cannot start, none does.\n\nExamples:\n  jerry items start WORK-007\n  jerry items start 3 4 5\n  jerry items start 7 --expected-version 3 --idempotency-key agent-42-start-7"
    )]
    Start(TransitionArgs),
    /// Take the next ready item (or the one named) for yourself, atomically.
    #[command(
        after_help = "Without an id: the first item of items ready (same order, same filters) is assigned to you and\nmoved to in_progress in one append guarded by its version; if another claimer wins that item, the\nnext one is tried. Nothing ready: exit 3. With an id: that item, or exit 4 naming who holds it.\nWith --lease, the claim runs out that long after your last write to the item (claim it again to\nrenew); the item then reads as ready again, and the next claim takes it over.\n\nExamples:\n  jerry items claim --as agent-7 --lease 30m --json\n  jerry items claim --label backend --fields id,title\n  jerry items claim WORK-12 --lease 1h"
    )]
    Claim(ClaimArgs),
    /// Give items in progress back (in_progress → pending, unassigned, unclaimed).
    #[command(
        after_help = "Someone else's live claim is theirs to release; --force releases it anyway.\n\nExamples:\n  jerry items release WORK-12\n  jerry items release 12 --force --reason \"agent died\""
    )]
    Release(ReleaseArgs),
    /// Finish items (pending or in_progress → done).
    #[command(
        after_help = "Completing a parent whose children are still open warns (and is refused under quality_gate = enforce).\n\nExamples:\n  jerry items complete 7 --reason \"merged in #123\"\n  jerry items complete 3 4 5"
    )]
    Complete(TransitionArgs),
    /// Cancel items (pending, in_progress or blocked → cancelled; final).
    #[command(after_help = "Example:\n  jerry items cancel 7 --reason \"duplicate of WORK-003\"")]
    Cancel(TransitionArgs),
    /// Delete items made by mistake: they leave every list, ready, the board and completion.
    #[command(
        after_help = "Deleting is an event: items show and items history still show a deleted item, items list --status deleted lists them,
and jerry undo or items restore brings one back in the status it had. Any other change to a deleted item is refused (exit 5).

Examples:
  jerry items delete 7 --reason \"duplicate of WORK-003\"
  jerry items delete 3 4 5"
    )]
    Delete(TransitionArgs),
    /// Move an open item to another project: it continues there, and is cancelled here as moved.
    #[command(
        after_help = "The item there is new: same title, type, priority, description, assignee, due date, wait,
recurrence and labels, and it says where it came from (moved_from); here the item is cancelled
with moved_to saying where it went, and its links are removed (links do not cross projects).
An item with open children does not move (exit 5). Projects are separate logs, so a move is two
writes; if it is interrupted between them, running the same move again finishes it.

Example:
  jerry items move 7 --to PROJ-002"
    )]
    Move(moving::MoveArgs),
    /// Bring deleted items back, in the status they were deleted from.
    #[command(after_help = "Example:
  jerry items restore 7")]
    Restore(TransitionArgs),
    /// Reopen done items (done → in_progress; only from done).
    #[command(after_help = "Example:\n  jerry items reopen 7 --reason \"regressed\"")]
    Reopen(TransitionArgs),
    /// Block items that are in progress; a reason is required.
    #[command(after_help = "Example:\n  jerry items block 1 --reason \"waiting for API keys\"")]
    Block(BlockArgs),
    /// Move an item to any status its current one allows.
    #[command(
        after_help = "Statuses: pending → in_progress | done | cancelled; in_progress → blocked | done | cancelled;\nblocked → in_progress | cancelled; done → in_progress; cancelled is final.\nDeleting is not a status move: items delete.\n\nExample:\n  jerry items status 7 blocked --reason \"waiting for review\""
    )]
    Status(StatusArgs),
    /// Change items' priority.
    #[command(
        after_help = "Examples:\n  jerry items priority 7 critical --reason \"customer outage\"\n  jerry items priority 3 4 5 low"
    )]
    Priority(PriorityArgs),
    /// Assign items to someone (or --none to unassign).
    #[command(
        after_help = "Examples:\n  jerry items assign 7 ann\n  jerry items assign 3 4 5 ann\n  jerry items assign 7 --none"
    )]
    Assign(AssignArgs),
    /// Set, move or remove an item's due date.
    #[command(
        after_help = "TIME is a date (2026-12-24) or local time (2026-12-24 17:00), a weekday (friday, next monday), eod, eow, eom, eoy, a time ahead (+3d, in 2 weeks), today, tomorrow or RFC 3339; local times in TZ.\n\nExamples:\n  jerry items due 7 2026-12-24\n  jerry items due 7 friday\n  jerry items due 7 \"in 3 days\"\n  jerry items due 7 --none"
    )]
    Due(DueArgs),
    /// Record that an item depends on another.
    #[command(after_help = "Example:\n  jerry items depend WORK-002 WORK-001 --type blocked_by")]
    Depend(DependArgs),
    /// Remove a dependency.
    #[command(after_help = "Example:\n  jerry items undepend WORK-002 WORK-001")]
    Undepend(UndependArgs),
    /// Change an item's title and/or description.
    #[command(
        after_help = "Examples:\n  jerry items edit 7 --title \"Fix login on Safari\"\n  jerry items edit 7 --description \"\"   # removes it"
    )]
    Edit(EditArgs),
    /// Change every item the filters of items list select: one write, all or nothing.
    #[command(
        after_help = "The filters are those of items list (open items unless --status or --all); naming none (nor --all) is exit 2.\nEvery item is decided first and all are written in one atomic append, or none (a move the status graph\nforbids for one refuses all, exit 5); items already so are left as they are. More than 3 items ask first on a\nterminal (--yes does not); --dry-run lists them and changes nothing.\n\nExamples:\n  jerry items update --label ui --set priority=high\n  jerry items update --assignee bob --set assignee=ann --add-label handover --dry-run\n  jerry items update --status done --label sprint-3 --set status=deleted --yes"
    )]
    Update(UpdateArgs),
    /// Add or remove labels.
    #[command(
        after_help = "Examples:\n  jerry items label 7 --add ui --add urgent\n  jerry items label 3 4 5 --add release-2\n  jerry items label 7 --remove urgent\n  jerry items list --label ui"
    )]
    Label(LabelArgs),
    /// Add a comment (shown by items show and items history).
    #[command(after_help = "Example:\n  jerry items comment 7 \"reproduced on 1.2.3\"")]
    Comment(CommentArgs),
    /// List items, filtered; a table, or a JSON array with --json.
    #[command(
        after_help = "The default order is by id; --sort priority|created|updated|due|id|status changes it (most urgent, most recently updated, earliest due first; ties by id), --reverse turns it round.\n\nExamples:\n  jerry items list --status open --assignee none\n  jerry items list --type bug --priority high --priority critical --json\n  jerry items list --search login --sort updated\n  jerry items list --overdue"
    )]
    List(ListArgs),
    /// Show one item (now, or as it was --at a moment).
    #[command(
        after_help = "Examples:\n  jerry items show WORK-007\n  jerry items show 7 --at yesterday --json"
    )]
    Show(ShowArgs),
    /// Show an item's events, oldest first.
    #[command(after_help = "Examples:\n  jerry items history 7\n  jerry items history 7 --format jsonl")]
    History(ItemArg),
    /// Move an item under another parent, or to the top with --none.
    #[command(
        after_help = "Parents rank above their children: epic → story → task, bug, spike → subtask; a loop is refused (exit 5).\n\nExamples:\n  jerry items parent WORK-7 WORK-2\n  jerry items parent 7 --none"
    )]
    Parent(ParentArgs),
    /// Record an item's quality metrics (what a quality_gate looks for on complete).
    #[command(
        after_help = "Fields not given keep their recorded values (counts start at 0; a coverage never given stays unrecorded, null in --json).\n\nExamples:\n  jerry items metrics 7 --coverage 85.5 --positive 12 --negative 4 --edge 2\n  jerry items metrics 7 --coverage 91"
    )]
    Metrics(MetricsArgs),
    /// List the work that can start now: pending items with no open blocker and no open
    /// children, by priority, then the earliest due date, then age.
    #[command(
        after_help = "A blocker is an item that blocks this one (items depend … --type blocks / blocked_by) and is not done or cancelled. Items blocked by hand (items block) and items in progress are not ready; items blocked shows the waiting ones.\nThe filters are those of items list.\n\nExamples:\n  jerry items ready\n  jerry items ready --json --limit 1\n  jerry items ready --label backend --assignee none"
    )]
    Ready(ReadyArgs),
    /// Rank open work by urgency: what to do next, the most urgent first.
    #[command(
        after_help = "Urgency is a sum of terms, each a coefficient times what the item earns (--explain shows them):\n  priority 6 × (critical 1.33, high 1, medium 0.65, low 0.3); due 12 × (0.2 at 14 days or more ahead, rising to 1\n  at 7 days overdue); age 2 × (share of a year, at most 1); blocking 8 (it blocks open work); blocked -5 (it waits on\n  an open blocker, or is blocked by hand); in_progress 4; unassigned 0.5.\nSet a coefficient with jerry config set urgency.TERM VALUE (0 takes the term away). The filters are those of items list.\n\nExamples:\n  jerry items next\n  jerry items next --explain --limit 5\n  jerry config set urgency.due 15"
    )]
    Next(crate::cli::next::NextArgs),
    /// Open items commits name but none closed, and done items no commit names.
    #[command(
        after_help = "Commits name items when jerry git install-hooks is in place (or jerry git scan REV is run).\n\nExamples:\n  jerry items orphans\n  jerry items orphans --json"
    )]
    Orphans,
    /// List the items that wait: on an open blocker, or blocked by hand (with the reason).
    #[command(after_help = "Examples:\n  jerry items blocked\n  jerry items blocked --json")]
    Blocked,
    /// Settle a conflict: keep what the item holds, take the other side, or set a value.
    #[command(
        after_help = "A conflict is an event merged from another clone that did not fit (items show lists them,\nitems list --conflicts finds them). The decision is an event: synced like any other, and undone\nby jerry undo. Without --conflict: the only open conflict (--keep: every open one).\n\nExamples:\n  jerry items resolve WORK-7 --keep\n  jerry items resolve WORK-7 --take --conflict 5\n  jerry items resolve WORK-7 --set \"Fix login on Safari\""
    )]
    Resolve(ResolveArgs),
    /// Draw parents, children and dependencies as an indented tree (--json: nested objects).
    #[command(after_help = "Examples:\n  jerry items tree\n  jerry items tree WORK-1 --json")]
    Tree(TreeArgs),
}

pub fn run(command: ItemsCommand, ctx: &Context, out: &mut Output) -> CommandResult {
    match command {
        ItemsCommand::Create(args) => create(args, ctx, out),
        ItemsCommand::Start(args) => transition(args, Some(Status::InProgress), ctx, out),
        ItemsCommand::Claim(args) => claim(args, ctx, out),
        ItemsCommand::Release(args) => release(args, ctx, out),
        ItemsCommand::Complete(args) => transition(args, Some(Status::Done), ctx, out),
        ItemsCommand::Cancel(args) => transition(args, Some(Status::Cancelled), ctx, out),
        ItemsCommand::Reopen(args) => transition(args, None, ctx, out),
        ItemsCommand::Delete(args) => delete(args, ctx, out),
        ItemsCommand::Restore(args) => restore(args, ctx, out),
        ItemsCommand::Move(args) => moving::move_item(args, ctx, out),
        ItemsCommand::Block(args) => block(args, ctx, out),
        ItemsCommand::Status(args) => status(args, ctx, out),
        ItemsCommand::Priority(args) => priority(args, ctx, out),
        ItemsCommand::Assign(args) => assign(args, ctx, out),
        ItemsCommand::Due(args) => due(args, ctx, out),
        ItemsCommand::Depend(args) => depend(args, ctx, out),
        ItemsCommand::Undepend(args) => undepend(args, ctx, out),
        ItemsCommand::Edit(args) => edit(args, ctx, out),
        ItemsCommand::Label(args) => label(args, ctx, out),
        ItemsCommand::Update(args) => update(args, ctx, out),
        ItemsCommand::Comment(args) => comment(args, ctx, out),
        ItemsCommand::List(args) => views::list(args, ctx, out),
        ItemsCommand::Show(args) => views::show(args, ctx, out),
        ItemsCommand::History(args) => views::history(args, ctx, out),
        ItemsCommand::Parent(args) => reparent(args, ctx, out),
        ItemsCommand::Metrics(args) => metrics(args, ctx, out),
        ItemsCommand::Ready(args) => tracking::ready(args, ctx, out),
        ItemsCommand::Blocked => tracking::blocked(ctx, out),
        ItemsCommand::Orphans => crate::cli::git::orphans(ctx, out),
        ItemsCommand::Next(args) => crate::cli::next::next(args, ctx, out),
        ItemsCommand::Tree(args) => tracking::draw_tree(args, ctx, out),
        ItemsCommand::Resolve(args) => resolve(args, ctx, out),
    }
}
