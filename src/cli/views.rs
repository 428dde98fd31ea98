//! `jerry items list|show|history`: one item, many, or one item's events.

use clap::Args;

use jerry::app::ItemFilter;
use jerry::domain::{ItemRef, Priority, Status, WorkType};
use jerry::timestamp::TimeSpec;

use super::args::{at_least_one, parse_time};
use super::context::{resolve_time, Context};
use super::error::CliResult;
use super::output::Output;
use super::render;

#[derive(Debug, Args)]
pub struct ItemArg {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// Show the item as it was at TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, yesterday).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<TimeSpec>,
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
    /// Only items with this label (repeatable: all of them).
    #[arg(long, value_name = "LABEL")]
    pub label: Vec<String>,
    /// Show at most N items; stderr says how many were left out.
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
    /// List the items as they were at TIME.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<TimeSpec>,
}

pub fn list(args: ListArgs, ctx: &Context, out: &mut Output) -> CliResult {
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
        parent: parent.map(|p| queries.existing(p)).transpose()?,
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

pub fn show(args: ShowArgs, ctx: &Context, out: &mut Output) -> CliResult {
    let ShowArgs { id, at } = args;
    let session = ctx.open()?;
    let at = resolve_time(at, &session)?;
    let item = session.queries().show(id, at)?;
    let links = session.queries().links(item.id, at)?;
    if out.json() {
        let mut value = serde_json::to_value(&item)?;
        if let (Some(object), serde_json::Value::Object(links)) =
            (value.as_object_mut(), serde_json::to_value(&links)?)
        {
            object.extend(links);
        }
        return out.json_value(&value);
    }
    out.line(&render::item_details(&item, &links))
}

pub fn history(args: ItemArg, ctx: &Context, out: &mut Output) -> CliResult {
    let ItemArg { id } = args;
    let session = ctx.open()?;
    let events = session.queries().history(id)?;
    if out.json() {
        return out.json_value(&events);
    }
    let style = out.style();
    out.line(&render::history_table(&events, style))
}
