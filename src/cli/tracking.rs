//! `jerry items ready|blocked|tree`: what the links between items say about the work.

use clap::Args;

use jerry::domain::ItemRef;

use super::context::Context;
use super::flags::at_least_one;
use super::output::Output;
use super::render;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
pub struct ReadyArgs {
    #[command(flatten)]
    pub select: super::views::SelectArgs,
    /// Show at most N items (the first N to pick).
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub fields: super::fields::FieldsArg,
}

#[derive(Debug, Args)]
pub struct TreeArgs {
    /// Draw only this item's branch: its ancestors and everything under it.
    pub id: Option<ItemRef>,
}

pub fn ready(args: ReadyArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ReadyArgs {
        select,
        limit,
        fields: super::fields::FieldsArg { fields },
    } = args;
    let session = ctx.read(false)?;
    let filter = jerry::app::ItemFilter {
        limit,
        ..select.filter(&session)?
    };
    let ready = session.queries().ready(&filter)?;
    if ready.items.len() < ready.total {
        out.warn(&format!(
            "showing {} of {} ready items (--limit)",
            ready.items.len(),
            ready.total
        ));
    }
    if let Some(fields) = &fields {
        return super::fields::print(out, &serde_json::to_value(&ready.items)?, fields);
    }
    if out.json() {
        return out.json_value(&ready.items);
    }
    if ready.items.is_empty() {
        out.note(&format!("nothing is ready in {}", session.project()));
        return Ok(());
    }
    let style = out.style();
    out.line(&render::item_table(&ready.items, style))
}

pub fn blocked(ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.read(false)?;
    let blocked = session.queries().blocked()?;
    if out.json() {
        return out.json_value(&blocked);
    }
    if blocked.is_empty() {
        out.note(&format!(
            "nothing waits on an open blocker in {}",
            session.project()
        ));
        return Ok(());
    }
    out.line(&render::blocked_table(&blocked))
}

pub fn draw_tree(args: TreeArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let TreeArgs { id } = args;
    let session = ctx.read(false)?;
    let roots = session.queries().tree(id)?;
    if out.json() {
        return out.json_value(&roots);
    }
    if roots.is_empty() {
        out.note(&format!("no items in {}", session.project()));
        return Ok(());
    }
    out.line(&render::tree(&roots))
}
