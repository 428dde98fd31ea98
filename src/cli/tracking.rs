//! `jerry items ready|blocked|tree`: what the links between items say about the work.

use jerry::app::{ItemRepository, ItemsProjection};
use jerry::domain::graph::{ready_and_blocked, tree};

use super::args::{ReadyArgs, TreeArgs};
use super::context::Context;
use super::failure::locate;
use super::output::Output;
use super::render;

pub fn ready(args: ReadyArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let opened = ctx.open()?;
    let items = ItemsProjection::current(&opened.store)?.items;
    let (mut ready, _) = ready_and_blocked(&items);
    let total = ready.len();
    if let Some(limit) = args.limit {
        ready.truncate(limit);
    }
    if ready.len() < total {
        out.warn(&format!(
            "showing {} of {total} ready items (--limit)",
            ready.len()
        ));
    }
    if out.json() {
        return out.json_value(&ready);
    }
    if ready.is_empty() {
        out.note(&format!("nothing is ready in {}", opened.project));
        return Ok(());
    }
    let style = out.style();
    out.line(&render::item_table(&ready, style))
}

pub fn blocked(ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let opened = ctx.open()?;
    let items = ItemsProjection::current(&opened.store)?.items;
    let (_, blocked) = ready_and_blocked(&items);
    if out.json() {
        return out.json_value(&blocked);
    }
    if blocked.is_empty() {
        out.note(&format!("nothing waits on an open blocker in {}", opened.project));
        return Ok(());
    }
    out.line(&render::blocked_table(&blocked))
}

pub fn draw_tree(args: TreeArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let opened = ctx.open()?;
    let focus = args
        .id
        .map(|id| {
            let repository = ItemRepository::new(&opened.store);
            repository.load_ref(id).map(|item| item.id)
        })
        .transpose()
        .map_err(|err| locate(err, &opened.project))?;
    let items = ItemsProjection::current(&opened.store)?.items;
    let roots = tree(&items, focus);
    if out.json() {
        return out.json_value(&roots);
    }
    if roots.is_empty() {
        out.note(&format!("no items in {}", opened.project));
        return Ok(());
    }
    out.line(&render::tree(&roots))
}
