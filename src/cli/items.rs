//! `jerry items …`: the subcommands, the arguments of each write and its handler, side
//! by side (adding an item command is one variant, one args struct and one handler here).
//! Every write goes through the session; the reads live in `views` and `tracking`.

use clap::{Args, Subcommand};

use jerry::app::{Command, CommandOutcome, Session, Warning, WriteOptions};
use jerry::domain::{Decision, DependencyType, ItemRef, NewWorkItem, Priority, Status, WorkType};
use jerry::timestamp::TimeSpec;

use super::context::Context;
use super::output::Output;
use super::tracking::{self, ReadyArgs, TreeArgs};
use super::views::{self, ItemArg, ListArgs, ShowArgs};
use super::{notes, render};
use crate::door::error::{CommandError, CommandResult, ErrorKind};

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
    /// Reopen done items (done → in_progress; only from done).
    #[command(after_help = "Example:\n  jerry items reopen 7 --reason \"regressed\"")]
    Reopen(TransitionArgs),
    /// Block items that are in progress; a reason is required.
    #[command(after_help = "Example:\n  jerry items block 1 --reason \"waiting for API keys\"")]
    Block(BlockArgs),
    /// Move an item to any status its current one allows.
    #[command(
        after_help = "Statuses: pending → in_progress | done | cancelled; in_progress → blocked | done | cancelled;\nblocked → in_progress | cancelled; done → in_progress; cancelled is final.\n\nExample:\n  jerry items status 7 blocked --reason \"waiting for review\""
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
        after_help = "TIME is a date (2026-12-24), RFC 3339, a time ahead (+3d, +2w), today or tomorrow.\n\nExamples:\n  jerry items due 7 2026-12-24\n  jerry items due 7 +3d\n  jerry items due 7 --none"
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
        after_help = "The default order is by id; --sort priority|created|updated|due|id|status changes it (ties by id), --reverse turns it round.\n\nExamples:\n  jerry items list --status open --assignee none\n  jerry items list --type bug --priority high --priority critical --json\n  jerry items list --search login --sort updated --reverse\n  jerry items list --overdue"
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

#[derive(Debug, Args)]
pub struct ParentArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The new parent.
    #[arg(required_unless_present = "none", conflicts_with = "none")]
    pub parent: Option<ItemRef>,
    /// Remove the parent: the item goes to the top.
    #[arg(long)]
    pub none: bool,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("fields").required(true).multiple(true).args(["coverage", "positive", "negative", "edge"])))]
pub struct MetricsArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// Test coverage in percent, 0 to 100.
    #[arg(long, value_name = "PERCENT")]
    pub coverage: Option<f64>,
    /// How many positive (happy-path) tests.
    #[arg(long, value_name = "N")]
    pub positive: Option<u32>,
    /// How many negative (error-path) tests.
    #[arg(long, value_name = "N")]
    pub negative: Option<u32>,
    /// How many edge-case tests.
    #[arg(long, value_name = "N")]
    pub edge: Option<u32>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

/// Guards a write against concurrent changes and repeats.
#[derive(Debug, Args)]
pub struct WriteGuardArgs {
    /// Fail with exit code 4, writing nothing, unless the item is still at this version.
    #[arg(long, value_name = "N")]
    pub expected_version: Option<u64>,
    #[command(flatten)]
    pub once: OnceArgs,
}

/// 1 to 200 bytes without control characters; each mistake said plainly.
fn idempotency_key(input: &str) -> Result<String, String> {
    if input.is_empty() {
        return Err("the idempotency key is empty".into());
    }
    if input.len() > 200 {
        return Err(format!(
            "the idempotency key is {} bytes long; at most 200 are allowed",
            input.len()
        ));
    }
    if input.chars().any(char::is_control) {
        return Err("the idempotency key contains a control character".into());
    }
    Ok(input.to_owned())
}

#[derive(Debug, Args)]
pub struct OnceArgs {
    /// Do this at most once: repeating the command with the same key writes nothing and
    /// prints the original result; the same key with other arguments is an error (exit 5).
    #[arg(long, value_name = "KEY", value_parser = idempotency_key)]
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The title; kept exactly as given (it may start with '-').
    #[arg(allow_hyphen_values = true)]
    pub title: String,
    /// epic, story, task, subtask, bug or spike [default: the project's default_type, else task].
    #[arg(long = "type", short = 't', value_name = "TYPE")]
    pub work_type: Option<WorkType>,
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
    /// When it is due: a date, RFC 3339, a time ahead (+3d), today or tomorrow.
    #[arg(long, value_name = "TIME")]
    pub due: Option<TimeSpec>,
    #[command(flatten)]
    pub once: OnceArgs,
}

#[derive(Debug, Args)]
pub struct TransitionArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct ClaimArgs {
    /// The item to claim (WORK-7, 7, or its ULID); without one, the first ready item.
    pub id: Option<ItemRef>,
    /// Claim for this actor [default: --actor, JERRY_ACTOR, the actor setting, else user].
    #[arg(long = "as", value_name = "ACTOR")]
    pub claimant: Option<String>,
    /// Hold the item this long after each of your writes to it (30s, 15m, 2h, 1d); without
    /// it the claim lasts until released, finished or reassigned.
    #[arg(long, value_name = "DURATION", value_parser = lease)]
    pub lease: Option<u64>,
    /// Which ready items to pick from (without an id).
    #[command(flatten)]
    pub select: views::SelectArgs,
    #[command(flatten)]
    pub fields: super::fields::FieldsArg,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

/// A lease as whole seconds, at least one.
fn lease(input: &str) -> Result<u64, String> {
    let duration = jerry::timestamp::parse_duration(input).map_err(|err| err.to_string())?;
    match duration.as_secs() {
        0 => Err("a lease must be at least 1s".into()),
        seconds => Ok(seconds),
    }
}

#[derive(Debug, Args)]
pub struct ReleaseArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    /// Release it even though someone else holds a live claim on it.
    #[arg(long)]
    pub force: bool,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct BlockArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    /// Why the item is blocked.
    #[arg(long, short = 'r')]
    pub reason: String,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
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
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    /// critical, high, medium or low.
    pub priority: Priority,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    /// The items (WORK-7, 7, or a ULID; several are all or nothing), then who takes them
    /// (left out with --none).
    #[arg(required = true, value_name = "ID... WHO")]
    pub args: Vec<String>,
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
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The item it no longer depends on.
    pub other: ItemRef,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("change").required(true).multiple(true).args(["title", "description"])))]
pub struct EditArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The new title.
    #[arg(long)]
    pub title: Option<String>,
    /// The new description ("" removes it).
    #[arg(long, short = 'd')]
    pub description: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("decision").required(true).args(["keep", "take", "set"]))]
pub struct ResolveArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The conflict to settle: the version of the event that did not fit (items show lists
    /// them as vN).
    #[arg(long, value_name = "VERSION")]
    pub conflict: Option<u64>,
    /// Keep what the item holds; the conflicting event stays not applied.
    #[arg(long)]
    pub keep: bool,
    /// Take what the conflicting event asked for.
    #[arg(long)]
    pub take: bool,
    /// Set this value of the conflict's field instead (none clears an optional field).
    #[arg(long, value_name = "VALUE")]
    pub set: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// When it is due: a date, RFC 3339, a time ahead (+3d), today or tomorrow.
    #[arg(
        required_unless_present = "none",
        conflicts_with = "none",
        value_name = "TIME"
    )]
    pub due: Option<TimeSpec>,
    /// Remove the due date.
    #[arg(long)]
    pub none: bool,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct LabelArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    /// A label to add (repeatable): 1 to 50 characters, no spaces.
    #[arg(long, value_name = "LABEL", required_unless_present = "remove")]
    pub add: Vec<String>,
    /// A label to remove (repeatable).
    #[arg(long, value_name = "LABEL")]
    pub remove: Vec<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

#[derive(Debug, Args)]
pub struct CommentArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// The comment (it may start with '-').
    #[arg(allow_hyphen_values = true)]
    pub text: String,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
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
        ItemsCommand::Block(args) => block(args, ctx, out),
        ItemsCommand::Status(args) => status(args, ctx, out),
        ItemsCommand::Priority(args) => priority(args, ctx, out),
        ItemsCommand::Assign(args) => assign(args, ctx, out),
        ItemsCommand::Due(args) => due(args, ctx, out),
        ItemsCommand::Depend(args) => depend(args, ctx, out),
        ItemsCommand::Undepend(args) => undepend(args, ctx, out),
        ItemsCommand::Edit(args) => edit(args, ctx, out),
        ItemsCommand::Label(args) => label(args, ctx, out),
        ItemsCommand::Comment(args) => comment(args, ctx, out),
        ItemsCommand::List(args) => views::list(args, ctx, out),
        ItemsCommand::Show(args) => views::show(args, ctx, out),
        ItemsCommand::History(args) => views::history(args, ctx, out),
        ItemsCommand::Parent(args) => reparent(args, ctx, out),
        ItemsCommand::Metrics(args) => metrics(args, ctx, out),
        ItemsCommand::Ready(args) => tracking::ready(args, ctx, out),
        ItemsCommand::Blocked => tracking::blocked(ctx, out),
        ItemsCommand::Tree(args) => tracking::draw_tree(args, ctx, out),
        ItemsCommand::Resolve(args) => resolve(args, ctx, out),
    }
}

/// Runs one write through the session and tells the user what else happened.
fn write(
    ctx: &Context,
    out: &mut Output,
    options: WriteOptions,
    command: Command,
) -> CommandResult<CommandOutcome> {
    let session = ctx.open()?;
    execute(&session, out, options, command)
}

/// [`write`] on a session already open (a command that first resolved an id through it).
fn execute(
    session: &Session,
    out: &mut Output,
    options: WriteOptions,
    command: Command,
) -> CommandResult<CommandOutcome> {
    let outcome = session.execute(command, options)?;
    for warning in &outcome.value.warnings {
        out.warn(&format!("warning: {}", words(warning)));
    }
    if outcome.value.replayed {
        out.note(&format!(
            "idempotency key already used for this command: nothing written; this is the original result (version {})",
            outcome.value.item.version
        ));
    }
    notes::created(&outcome, session, out);
    notes::reactions(&outcome, session, out);
    if out.json() {
        out.json_value(&write_json(&outcome.value)?)?;
    }
    Ok(outcome.value)
}

/// Runs one command per item, all or nothing, and reports each item's change; `--json`
/// prints the item for one id and an array of items for several.
fn write_each(
    ctx: &Context,
    out: &mut Output,
    options: WriteOptions,
    commands: Vec<Command>,
) -> CommandResult {
    let several = commands.len() > 1;
    let session = ctx.open()?;
    let outcome = session.execute_all(commands, options)?;
    for value in &outcome.value {
        for warning in &value.warnings {
            out.warn(&format!("warning: {}", words(warning)));
        }
    }
    if outcome.value.iter().any(|value| value.replayed) {
        out.note(
            "idempotency key already used for this command: nothing written; this is the original result",
        );
    }
    notes::created(&outcome, &session, out);
    notes::reactions(&outcome, &session, out);
    if out.json() {
        let items = outcome
            .value
            .iter()
            .map(write_json)
            .collect::<CommandResult<Vec<_>>>()?;
        if several {
            out.json_value(&serde_json::Value::Array(items))?;
        } else if let Some(item) = items.into_iter().next() {
            out.json_value(&item)?;
        }
        return Ok(());
    }
    for value in &outcome.value {
        report_change(value, out)?;
    }
    Ok(())
}

fn words(warning: &Warning) -> String {
    let list = |ids: &[jerry::domain::WorkItemId]| {
        ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    };
    match warning {
        Warning::CompletedWithoutMetrics { item } => format!(
            "{item} was completed without quality metrics (quality_gate = warn); record them with jerry items metrics {item}"
        ),
        Warning::OpenChildren { item, children } => format!(
            "{item} was completed while its children {} are still open (jerry items tree {item})",
            list(children)
        ),
        Warning::OpenBlockers { item, blockers } => format!(
            "{item} was started while {} that block it are still open (jerry items blocked)",
            list(blockers)
        ),
    }
}

/// A write's `--json`: the item, plus `replayed` (true when an idempotency key found the
/// command already done).
fn write_json(outcome: &CommandOutcome) -> CommandResult<serde_json::Value> {
    let mut value = serde_json::to_value(&outcome.item)?;
    if let Some(object) = value.as_object_mut() {
        object.insert("replayed".into(), outcome.replayed.into());
    }
    Ok(value)
}

fn options(guard: WriteGuardArgs) -> WriteOptions {
    let WriteGuardArgs {
        expected_version,
        once: OnceArgs { idempotency_key },
    } = guard;
    WriteOptions {
        expected_version,
        idempotency_key,
        ..WriteOptions::default()
    }
}

fn create(args: CreateArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let CreateArgs {
        title,
        work_type,
        priority,
        description,
        parent,
        assignee,
        due,
        once: OnceArgs { idempotency_key },
    } = args;
    let options = WriteOptions {
        idempotency_key,
        ..WriteOptions::default()
    };
    let session = ctx.open()?;
    let parent = parent.map(|p| session.queries().resolve(p)).transpose()?;
    let due = due.map(|spec| spec.resolve(session.now())).transpose()?;
    let command = Command::Create(NewWorkItem {
        title,
        work_type: work_type.unwrap_or_else(|| session.default_type()),
        priority,
        description,
        parent,
        assignee,
        due,
    });
    let outcome = execute(&session, out, options, command)?;
    if !out.json() {
        out.line(&outcome.item.id.to_string())?;
    }
    Ok(())
}

fn report_change(outcome: &CommandOutcome, out: &mut Output) -> CommandResult {
    if out.json() {
        return Ok(());
    }
    for event in &outcome.events {
        out.confirm(&format!(
            "{} v{}: {}",
            outcome.item.id,
            event.version,
            render::describe(event)
        ))?;
    }
    Ok(())
}

/// A status change on each item; `None` reopens (only from done).
fn transition(args: TransitionArgs, to: Option<Status>, ctx: &Context, out: &mut Output) -> CommandResult {
    let TransitionArgs { ids, reason, guard } = args;
    let commands = ids
        .into_iter()
        .map(|item| match to {
            Some(to) => Command::ChangeStatus {
                item,
                to,
                reason: reason.clone(),
            },
            None => Command::Reopen {
                item,
                reason: reason.clone(),
            },
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}

fn claim(args: ClaimArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ClaimArgs {
        id,
        claimant,
        lease,
        select,
        fields: super::fields::FieldsArg { fields },
        guard,
    } = args;
    let mut session = ctx.open()?;
    if let Some(claimant) = claimant {
        session = session.acting_as(claimant)?;
    }
    let options = options(guard);
    let outcome = match id {
        // A named item: its links come from the item index, by key.
        Some(item) => {
            if !select.is_empty() {
                return Err(CommandError::new(
                    ErrorKind::Usage,
                    "the filters pick among ready items; with an id there is nothing to pick",
                ));
            }
            session.execute(
                Command::Claim {
                    item,
                    lease_seconds: lease,
                },
                options,
            )?
        }
        None => {
            if options.expected_version.is_some() {
                return Err(CommandError::new(
                    ErrorKind::Usage,
                    "--expected-version needs an id: without one the claim takes whichever item is ready",
                ));
            }
            // The ready items the filters can keep and the claimed item's links come from
            // the item index.
            let filter = select.filter(&session)?;
            session.claim_next(&filter, lease, options)?
        }
    };
    for warning in &outcome.value.warnings {
        out.warn(&format!("warning: {}", words(warning)));
    }
    let item = &outcome.value.item;
    if outcome.value.replayed {
        out.note(&format!(
            "idempotency key already used for this claim: nothing written; this is the original result ({})",
            item.id
        ));
    }
    notes::created(&outcome, &session, out);
    notes::reactions(&outcome, &session, out);
    let until = item
        .claim
        .as_ref()
        .and_then(|c| c.until)
        .map(|until| format!(" until {until}"))
        .unwrap_or_default();
    out.note(&format!("claimed {} for {}{until}", item.id, session.actor()));
    let links = session.queries().links(item.id, None)?;
    views::print_item(out, item, &links, fields.as_ref())
}

fn release(args: ReleaseArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ReleaseArgs {
        ids,
        force,
        reason,
        guard,
    } = args;
    let commands = ids
        .into_iter()
        .map(|item| Command::Release {
            item,
            force,
            reason: reason.clone(),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}

fn block(args: BlockArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let BlockArgs { ids, reason, guard } = args;
    let commands = ids
        .into_iter()
        .map(|item| Command::ChangeStatus {
            item,
            to: Status::Blocked,
            reason: Some(reason.clone()),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}

fn status(args: StatusArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let StatusArgs {
        id,
        status,
        reason,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::ChangeStatus {
            item: id,
            to: status,
            reason,
        },
    )?;
    report_change(&outcome, out)
}

fn priority(args: PriorityArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let PriorityArgs {
        ids,
        priority,
        reason,
        guard,
    } = args;
    let commands = ids
        .into_iter()
        .map(|item| Command::ChangePriority {
            item,
            to: priority,
            reason: reason.clone(),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}

fn assign(args: AssignArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let AssignArgs {
        mut args,
        none,
        guard,
    } = args;
    let assignee = if none {
        None
    } else {
        if args.len() < 2 {
            return Err(CommandError::new(
                ErrorKind::Usage,
                "name the items and then who takes them (jerry items assign 7 ann), or pass --none",
            ));
        }
        args.pop()
    };
    let mut commands = Vec::with_capacity(args.len());
    for id in &args {
        let item: ItemRef = id.parse().map_err(|err: jerry::domain::DomainError| {
            CommandError::new(
                ErrorKind::Invalid,
                format!("invalid value '{id}' for '<ID>': {err}"),
            )
        })?;
        commands.push(Command::Assign {
            item,
            assignee: assignee.clone(),
        });
    }
    write_each(ctx, out, options(guard), commands)
}

fn due(args: DueArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let DueArgs {
        id,
        due,
        none: _,
        guard,
    } = args;
    let session = ctx.open()?;
    let due = due.map(|spec| spec.resolve(session.now())).transpose()?;
    let outcome = execute(&session, out, options(guard), Command::SetDue { item: id, due })?;
    report_change(&outcome, out)
}

fn resolve(args: ResolveArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ResolveArgs {
        id,
        conflict,
        keep: _,
        take,
        set,
        guard,
    } = args;
    let decision = match set {
        Some(value) => Decision::Set(value),
        None if take => Decision::Take,
        None => Decision::Keep,
    };
    let command = Command::Resolve {
        item: id,
        version: conflict,
        decision,
    };
    let outcome = write(ctx, out, options(guard), command)?;
    report_change(&outcome, out)
}

fn depend(args: DependArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let DependArgs {
        id,
        other,
        kind,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::AddDependency {
            item: id,
            on: other,
            kind,
        },
    )?;
    report_change(&outcome, out)
}

fn undepend(args: UndependArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let UndependArgs { id, other, guard } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::RemoveDependency { item: id, on: other },
    )?;
    report_change(&outcome, out)
}

fn edit(args: EditArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EditArgs {
        id,
        title,
        description,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::Edit {
            item: id,
            title,
            description,
        },
    )?;
    report_change(&outcome, out)
}

fn label(args: LabelArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let LabelArgs {
        ids,
        add,
        remove,
        guard,
    } = args;
    // Adding and removing one label at once has no meaning (it is not a toggle).
    if let Some(both) = add.iter().find(|label| remove.contains(label)) {
        return Err(CommandError::new(
            ErrorKind::Usage,
            format!("--add and --remove both name '{both}'; give each label once"),
        ));
    }
    let commands = ids
        .into_iter()
        .map(|item| Command::Label {
            item,
            add: add.clone(),
            remove: remove.clone(),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}

fn comment(args: CommentArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let CommentArgs { id, text, guard } = args;
    let outcome = write(ctx, out, options(guard), Command::Comment { item: id, text })?;
    report_change(&outcome, out)
}

fn reparent(args: ParentArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ParentArgs {
        id,
        parent,
        none: _,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), Command::Reparent { item: id, parent })?;
    report_change(&outcome, out)
}

fn metrics(args: MetricsArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let MetricsArgs {
        id,
        coverage,
        positive,
        negative,
        edge,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::RecordMetrics {
            item: id,
            coverage,
            positive,
            negative,
            edge,
        },
    )?;
    report_change(&outcome, out)
}
