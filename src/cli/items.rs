//! `jerry items …`: every write goes through the dispatcher; reads go through queries.

use jerry::app::{Command, CommandOutcome, ItemFilter, Session, Warning, WriteOptions};
use jerry::domain::{NewWorkItem, Status};

use super::args::{
    AssignArgs, BlockArgs, CommentArgs, CreateArgs, DependArgs, EditArgs, ItemArg, ItemsCommand, LabelArgs,
    ListArgs, MetricsArgs, OnceArgs, ParentArgs, PriorityArgs, ShowArgs, StatusArgs, TransitionArgs,
    UndependArgs, WriteGuardArgs,
};
use super::context::{resolve_time, Context};
use super::error::CliResult;
use super::output::Output;
use super::{notes, render, tracking};

pub fn run(command: ItemsCommand, ctx: &Context, out: &mut Output) -> CliResult {
    match command {
        ItemsCommand::Create(args) => create(args, ctx, out),
        ItemsCommand::Start(args) => transition(args, Status::InProgress, ctx, out),
        ItemsCommand::Complete(args) => transition(args, Status::Done, ctx, out),
        ItemsCommand::Cancel(args) => transition(args, Status::Cancelled, ctx, out),
        ItemsCommand::Reopen(args) => transition(args, Status::InProgress, ctx, out),
        ItemsCommand::Block(args) => block(args, ctx, out),
        ItemsCommand::Status(args) => status(args, ctx, out),
        ItemsCommand::Priority(args) => priority(args, ctx, out),
        ItemsCommand::Assign(args) => assign(args, ctx, out),
        ItemsCommand::Depend(args) => depend(args, ctx, out),
        ItemsCommand::Undepend(args) => undepend(args, ctx, out),
        ItemsCommand::Edit(args) => edit(args, ctx, out),
        ItemsCommand::Label(args) => label(args, ctx, out),
        ItemsCommand::Comment(args) => comment(args, ctx, out),
        ItemsCommand::List(args) => list(args, ctx, out),
        ItemsCommand::Show(args) => show(args, ctx, out),
        ItemsCommand::History(args) => history(args, ctx, out),
        ItemsCommand::Parent(args) => reparent(args, ctx, out),
        ItemsCommand::Metrics(args) => metrics(args, ctx, out),
        ItemsCommand::Ready(args) => tracking::ready(args, ctx, out),
        ItemsCommand::Blocked => tracking::blocked(ctx, out),
        ItemsCommand::Tree(args) => tracking::draw_tree(args, ctx, out),
    }
}

/// Runs one write through the session and tells the user what else happened.
fn write(
    ctx: &Context,
    out: &mut Output,
    options: WriteOptions,
    command: Command,
) -> CliResult<CommandOutcome> {
    let session = ctx.open()?;
    execute(&session, out, options, command)
}

/// [`write`] on a session already open (a command that first resolved an id through it).
fn execute(
    session: &Session,
    out: &mut Output,
    options: WriteOptions,
    command: Command,
) -> CliResult<CommandOutcome> {
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

fn words(warning: &Warning) -> String {
    match warning {
        Warning::CompletedWithoutMetrics { item } => format!(
            "{item} was completed without quality metrics (quality_gate = warn); record them with jerry items metrics {item}"
        ),
    }
}

/// A write's `--json`: the item, plus `replayed` (true when an idempotency key found the
/// command already done).
fn write_json(outcome: &CommandOutcome) -> CliResult<serde_json::Value> {
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

fn create(args: CreateArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let CreateArgs {
        title,
        work_type,
        priority,
        description,
        parent,
        assignee,
        once: OnceArgs { idempotency_key },
    } = args;
    let options = WriteOptions {
        idempotency_key,
        ..WriteOptions::default()
    };
    let session = ctx.open()?;
    let parent = parent.map(|p| session.queries().resolve(p)).transpose()?;
    let command = Command::Create(NewWorkItem {
        title,
        work_type: work_type.unwrap_or_else(|| session.default_type()),
        priority,
        description,
        parent,
        assignee,
    });
    let outcome = execute(&session, out, options, command)?;
    if !out.json() {
        out.line(&outcome.item.id.to_string())?;
    }
    Ok(())
}

fn report_change(outcome: &CommandOutcome, out: &mut Output) -> CliResult {
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

fn transition(args: TransitionArgs, to: Status, ctx: &Context, out: &mut Output) -> CliResult {
    let TransitionArgs { id, reason, guard } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::ChangeStatus { item: id, to, reason },
    )?;
    report_change(&outcome, out)
}

fn block(args: BlockArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let BlockArgs { id, reason, guard } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::ChangeStatus {
            item: id,
            to: Status::Blocked,
            reason: Some(reason),
        },
    )?;
    report_change(&outcome, out)
}

fn status(args: StatusArgs, ctx: &Context, out: &mut Output) -> CliResult {
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

fn priority(args: PriorityArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let PriorityArgs {
        id,
        priority,
        reason,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::ChangePriority {
            item: id,
            to: priority,
            reason,
        },
    )?;
    report_change(&outcome, out)
}

fn assign(args: AssignArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let AssignArgs { id, who, none, guard } = args;
    let assignee = if none { None } else { who };
    let outcome = write(ctx, out, options(guard), Command::Assign { item: id, assignee })?;
    report_change(&outcome, out)
}

fn depend(args: DependArgs, ctx: &Context, out: &mut Output) -> CliResult {
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

fn undepend(args: UndependArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let UndependArgs { id, other, guard } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::RemoveDependency { item: id, on: other },
    )?;
    report_change(&outcome, out)
}

fn edit(args: EditArgs, ctx: &Context, out: &mut Output) -> CliResult {
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

fn label(args: LabelArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let LabelArgs {
        id,
        add,
        remove,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::Label {
            item: id,
            add,
            remove,
        },
    )?;
    report_change(&outcome, out)
}

fn comment(args: CommentArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let CommentArgs { id, text, guard } = args;
    let outcome = write(ctx, out, options(guard), Command::Comment { item: id, text })?;
    report_change(&outcome, out)
}

fn list(args: ListArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let ListArgs {
        status,
        work_type,
        priority,
        assignee,
        parent,
        label,
        limit,
        at,
    } = args;
    let session = ctx.open()?;
    let queries = session.queries();
    let filter = ItemFilter {
        statuses: status,
        types: work_type,
        priority,
        assignee,
        parent: parent.map(|p| queries.resolve(p)).transpose()?,
        labels: label,
        limit,
        at: resolve_time(at, &session)?,
    };
    let listed = queries.list(&filter)?;
    if listed.items.len() < listed.total_matching {
        out.warn(&format!(
            "showing {} of {} matching items (--limit {})",
            listed.items.len(),
            listed.total_matching,
            limit.unwrap_or_default()
        ));
    }
    if out.json() {
        return out.json_value(&listed.items);
    }
    if listed.items.is_empty() {
        out.note(&format!("no matching items in {}", session.project()));
        return Ok(());
    }
    let style = out.style();
    out.line(&render::item_table(&listed.items, style))
}

fn show(args: ShowArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let ShowArgs { id, at } = args;
    let session = ctx.open()?;
    let item = session.queries().show(id, resolve_time(at, &session)?)?;
    if out.json() {
        return out.json_value(&item);
    }
    out.line(&render::item_details(&item))
}

fn history(args: ItemArg, ctx: &Context, out: &mut Output) -> CliResult {
    let ItemArg { id } = args;
    let session = ctx.open()?;
    let events = session.queries().history(id)?;
    if out.json() {
        return out.json_value(&events);
    }
    let style = out.style();
    out.line(&render::history_table(&events, style))
}

fn reparent(args: ParentArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let ParentArgs {
        id,
        parent,
        none: _,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), Command::Reparent { item: id, parent })?;
    report_change(&outcome, out)
}

fn metrics(args: MetricsArgs, ctx: &Context, out: &mut Output) -> CliResult {
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
