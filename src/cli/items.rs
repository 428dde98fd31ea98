//! `jerry items …`: every write goes through the dispatcher; reads go through queries.

use jerry::app::{
    AppError, Command, CommandDispatcher, CommandOutcome, ItemFilter, ItemRepository, Queries, SystemClock,
    UlidSource, WriteOptions,
};
use jerry::domain::{NewWorkItem, Status};

use super::args::{
    AssignArgs, BlockArgs, CommentArgs, CreateArgs, DependArgs, EditArgs, ItemArg, ItemsCommand, LabelArgs,
    ListArgs, MetricsArgs, OnceArgs, ParentArgs, PriorityArgs, ShowArgs, StatusArgs, TransitionArgs,
    UndependArgs, WriteGuardArgs,
};
use super::context::{Context, Opened};
use super::failure::locate;
use super::output::Output;
use super::render;
use super::{policies, tracking};

pub fn run(command: ItemsCommand, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
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

/// Runs one write through the dispatcher and renders its outcome.
fn write(
    ctx: &Context,
    out: &mut Output,
    mut options: WriteOptions,
    command: impl FnOnce(&ItemRepository<'_>, &Opened) -> Result<Command, AppError>,
) -> anyhow::Result<CommandOutcome> {
    let opened = ctx.open()?;
    let command =
        command(&ItemRepository::new(&opened.store), &opened).map_err(|err| locate(err, &opened.project))?;
    let actor = ctx.actor(&opened);
    let dispatcher = CommandDispatcher::new(&opened.store, &SystemClock, &UlidSource, actor)
        .with_quality_gate(opened.config.quality_gate.unwrap_or_default());
    options.correlation_id = ctx.correlation_id().map(String::from);
    let policies = policies::engine(&opened);
    policies.arm()?;
    let outcome = dispatcher
        .dispatch(command, options)
        .map_err(|err| locate(err, &opened.project))?;
    jerry::app::faults::inject("before-policies");
    for warning in &outcome.warnings {
        out.warn(&format!("warning: {warning}"));
    }
    if outcome.replayed {
        out.note(&format!(
            "idempotency key already used for this command: nothing written; this is the original result (version {})",
            outcome.item.version
        ));
    }
    if opened.first {
        // The file store made the folder with its first event; a database store did not.
        ctx.workspace().create_project(&opened.project)?;
        out.note(&format!(
            "note: no project in {} yet, so created {}",
            ctx.workspace().root().display(),
            opened.project
        ));
    }
    policies::react(&opened, &policies, out);
    if out.json() {
        out.json_value(&write_json(&outcome)?)?;
    }
    Ok(outcome)
}

/// A write's `--json`: the item, plus `replayed` (true when an idempotency key found the
/// command already done).
fn write_json(outcome: &CommandOutcome) -> anyhow::Result<serde_json::Value> {
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

fn create(args: CreateArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
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
    let outcome = write(ctx, out, options, |items, opened| {
        let parent = parent.map(|p| items.resolve(p)).transpose()?;
        Ok(Command::Create(NewWorkItem {
            title,
            work_type: ctx.work_type(work_type.unwrap_or_default(), opened),
            priority,
            description,
            parent,
            assignee,
        }))
    })?;
    if !out.json() {
        out.line(&outcome.item.id.to_string())?;
    }
    Ok(())
}

fn report_change(outcome: &CommandOutcome, out: &mut Output) -> anyhow::Result<()> {
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

fn transition(args: TransitionArgs, to: Status, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let TransitionArgs { id, reason, guard } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::ChangeStatus { item: id, to, reason })
    })?;
    report_change(&outcome, out)
}

fn block(args: BlockArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let BlockArgs { id, reason, guard } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::ChangeStatus {
            item: id,
            to: Status::Blocked,
            reason: Some(reason),
        })
    })?;
    report_change(&outcome, out)
}

fn status(args: StatusArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let StatusArgs {
        id,
        status,
        reason,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::ChangeStatus {
            item: id,
            to: status,
            reason,
        })
    })?;
    report_change(&outcome, out)
}

fn priority(args: PriorityArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let PriorityArgs {
        id,
        priority,
        reason,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::ChangePriority {
            item: id,
            to: priority,
            reason,
        })
    })?;
    report_change(&outcome, out)
}

fn assign(args: AssignArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let AssignArgs { id, who, none, guard } = args;
    let assignee = if none { None } else { who };
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::Assign { item: id, assignee })
    })?;
    report_change(&outcome, out)
}

fn depend(args: DependArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let DependArgs {
        id,
        other,
        kind,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::AddDependency {
            item: id,
            on: other,
            kind,
        })
    })?;
    report_change(&outcome, out)
}

fn undepend(args: UndependArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let UndependArgs { id, other, guard } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::RemoveDependency { item: id, on: other })
    })?;
    report_change(&outcome, out)
}

fn edit(args: EditArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let EditArgs {
        id,
        title,
        description,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::Edit {
            item: id,
            title,
            description,
        })
    })?;
    report_change(&outcome, out)
}

fn label(args: LabelArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let LabelArgs {
        id,
        add,
        remove,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::Label {
            item: id,
            add,
            remove,
        })
    })?;
    report_change(&outcome, out)
}

fn comment(args: CommentArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let CommentArgs { id, text, guard } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::Comment { item: id, text })
    })?;
    report_change(&outcome, out)
}

fn list(args: ListArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
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
    let opened = ctx.open()?;
    let parent = parent
        .map(|p| ItemRepository::new(&opened.store).resolve(p))
        .transpose()
        .map_err(|err| locate(err, &opened.project))?;
    let filter = ItemFilter {
        statuses: status,
        types: work_type,
        priority,
        assignee,
        parent,
        labels: label,
        limit,
        at,
    };
    let listed = Queries::new(&opened.store)
        .list(&filter)
        .map_err(|err| locate(err, &opened.project))?;
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
        out.note(&format!("no matching items in {}", opened.project));
        return Ok(());
    }
    let style = out.style();
    out.line(&render::item_table(&listed.items, style))
}

fn show(args: ShowArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let ShowArgs { id, at } = args;
    let opened = ctx.open()?;
    let queries = Queries::new(&opened.store);
    let item = match (queries.show(id, at), at) {
        // It exists now, just not yet then: say so rather than "not found".
        (Err(AppError::ItemNotFound(_)), Some(at)) if queries.show(id, None).is_ok() => {
            return Err(NotYetCreated { item: id, at }.into());
        }
        (result, _) => result.map_err(|err| locate(err, &opened.project))?,
    };
    if out.json() {
        return out.json_value(&item);
    }
    out.line(&render::item_details(&item))
}

/// `items show --at` names a moment before the item was created.
#[derive(Debug, thiserror::Error)]
#[error("{item} did not exist yet at {at}")]
pub struct NotYetCreated {
    item: jerry::domain::ItemRef,
    at: jerry::timestamp::Timestamp,
}

fn history(args: ItemArg, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let ItemArg { id } = args;
    let opened = ctx.open()?;
    let events = Queries::new(&opened.store)
        .history(id)
        .map_err(|err| locate(err, &opened.project))?;
    if out.json() {
        return out.json_value(&events);
    }
    let style = out.style();
    out.line(&render::history_table(&events, style))
}

fn reparent(args: ParentArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let ParentArgs {
        id,
        parent,
        none: _,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::Reparent { item: id, parent })
    })?;
    report_change(&outcome, out)
}

fn metrics(args: MetricsArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let MetricsArgs {
        id,
        coverage,
        positive,
        negative,
        edge,
        guard,
    } = args;
    let outcome = write(ctx, out, options(guard), |_, _| {
        Ok(Command::RecordMetrics {
            item: id,
            coverage,
            positive,
            negative,
            edge,
        })
    })?;
    report_change(&outcome, out)
}
