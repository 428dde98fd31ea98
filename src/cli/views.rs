//! `jerry items list|show|history`: one item, many, or one item's events.

use super::fields::FieldsArg;
use crate::door::fields::Fields;
use clap::Args;

use jerry::app::{Assignee, ItemFilter, SortKey, Waiting};
use jerry::domain::{ItemRef, Priority, Status, WorkType};
use jerry::timestamp::TimeSpec;

use super::context::{resolve_time, Context};
use super::flags::{at_least_one, parse_time};
use super::output::{Format, Output};
use super::render;
use crate::door::error::CommandResult;

/// How many matches a page counts before its total reads "more than" (a page of 20 costs
/// the same at 100,000 items as at 1,000).
const COUNT_UP_TO: usize = 1_000;

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
    #[command(flatten)]
    pub fields: FieldsArg,
}

/// A status filter as typed: one status (`deleted` lists deleted items, which no other
/// filter does), or `open` (pending, in progress or blocked) or `closed` (done or
/// cancelled).
#[derive(Debug, Clone)]
pub struct StatusChoice(Vec<Status>);

/// What `--status` takes: a status, `open` or `closed`.
fn status_words() -> super::flags::Words<StatusChoice> {
    let mut words: Vec<&'static str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    words.extend(["open", "closed"]);
    super::flags::Words::new(words)
}

impl std::str::FromStr for StatusChoice {
    type Err = String;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Status::named_by(input).map(Self).map_err(|_| {
            "expected one of pending, in_progress, blocked, done, cancelled, deleted, open (the first three), closed (done, cancelled)"
                .to_owned()
        })
    }
}

/// The filters `items list` and `items ready` share.
#[derive(Debug, Args)]
pub struct SelectArgs {
    /// Only items of this type (repeatable).
    #[arg(long = "type", short = 't', value_name = "TYPE", value_parser = super::flags::work_types())]
    pub work_type: Vec<WorkType>,
    /// Only items of this priority (repeatable).
    #[arg(long, short = 'p', value_parser = super::flags::priorities())]
    pub priority: Vec<Priority>,
    /// Only items assigned to WHO; `none` for unassigned items.
    #[arg(long, short = 'a', value_name = "WHO")]
    pub assignee: Option<String>,
    /// Only items with this label (repeatable: all of them).
    #[arg(long, value_name = "LABEL")]
    pub label: Vec<String>,
    /// Only items whose title, description or a comment contains TEXT (any case).
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub search: Option<String>,
    /// Only open items whose due date has passed.
    #[arg(long)]
    pub overdue: bool,
    /// Only items due before TIME (a date, friday, eow, +3d, in 2 weeks, tomorrow, …).
    #[arg(long, value_name = "TIME")]
    pub due_before: Option<TimeSpec>,
    /// Only items with open conflicts (events merged from another clone that did not fit).
    #[arg(long)]
    pub conflicts: bool,
}

impl SelectArgs {
    /// True when no filter was given.
    pub fn is_empty(&self) -> bool {
        self.work_type.is_empty()
            && self.priority.is_empty()
            && self.assignee.is_none()
            && self.label.is_empty()
            && self.search.is_none()
            && !self.overdue
            && self.due_before.is_none()
            && !self.conflicts
    }

    /// The filter these flags ask for, with times resolved against the session's clock.
    pub fn filter(self, session: &jerry::app::Session) -> CommandResult<ItemFilter> {
        let SelectArgs {
            work_type,
            priority,
            assignee,
            label,
            search,
            overdue,
            due_before,
            conflicts,
        } = self;
        Ok(ItemFilter {
            types: work_type,
            priorities: priority,
            assignee: assignee.map(Assignee::from_word),
            labels: label,
            search: search.filter(|s| !s.is_empty()),
            overdue_at: overdue.then(|| session.now()),
            due_before: due_before.map(|t| t.resolve(session.now())).transpose()?,
            conflicts,
            ..ItemFilter::default()
        })
    }
}

/// Which items a command is about, as `items list` and `items update` name them: the
/// statuses (open work unless said), the selection and the parent.
#[derive(Debug, Args)]
pub struct WhichArgs {
    /// Only items with this status (repeatable); `open` is pending, in_progress or
    /// blocked, `closed` is done or cancelled, `deleted` lists deleted items (no other
    /// filter shows them) [default: open, unless --all].
    #[arg(long, short = 's', value_parser = status_words())]
    pub status: Vec<StatusChoice>,
    /// Closed items too (done, cancelled): without it or a --status, it is open work
    /// (--status, when given, says which). Deleted items only with --status deleted.
    #[arg(long, short = 'A')]
    pub all: bool,
    /// Only open items still waiting (items edit --wait), which open work leaves out
    /// until their time comes.
    #[arg(long)]
    pub waiting: bool,
    /// Only stale work: open items whose claim ran out, and items in progress nobody has
    /// changed for the stale_after setting (default 3d).
    #[arg(long)]
    pub stale: bool,
    #[command(flatten)]
    pub select: SelectArgs,
    /// Only children of this item.
    #[arg(long, value_name = "ID")]
    pub parent: Option<ItemRef>,
}

impl WhichArgs {
    /// True when a filter narrows the items (`--all` is no filter).
    pub fn narrows(&self) -> bool {
        !self.status.is_empty()
            || self.waiting
            || self.stale
            || self.parent.is_some()
            || !self.select.is_empty()
    }

    /// The filter these flags ask for, and whether it is the default (open work only).
    pub fn filter(self, session: &jerry::app::Session) -> CommandResult<(ItemFilter, bool)> {
        let WhichArgs {
            status,
            all,
            waiting,
            stale,
            select,
            parent,
        } = self;
        // Open work unless asked otherwise, as `task list` shows pending tasks; what still
        // waits is not work yet, as `task list` hides waiting tasks.
        let open_only = status.is_empty() && !all && !waiting;
        let statuses = if open_only || (waiting && status.is_empty()) {
            Status::ALL.into_iter().filter(|s| s.is_open()).collect()
        } else {
            status.into_iter().flat_map(|s| s.0).collect()
        };
        let now = session.now();
        let filter = ItemFilter {
            statuses,
            parent: parent.map(|p| session.queries().existing(p)).transpose()?,
            stale_before: if stale {
                Some(session.config().stale_cutoff(now))
            } else {
                None
            },
            waiting: if waiting {
                Waiting::Only(now)
            } else if open_only {
                Waiting::Hidden(now)
            } else {
                Waiting::Kept
            },
            ..select.filter(session)?
        };
        Ok((filter, open_only))
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// A saved view to run (jerry views save), its flags then the ones typed after it.
    #[arg(value_name = "@VIEW", value_parser = view_name)]
    pub view: Option<String>,
    /// The same as @VIEW.
    #[arg(long = "view", value_name = "NAME", conflicts_with = "view")]
    pub view_flag: Option<String>,
    #[command(flatten)]
    pub which: WhichArgs,
    /// Order by priority, created, updated, due, id or status [default: id]; ties by id.
    #[arg(long, value_name = "KEY", value_parser = super::flags::sort_keys())]
    pub sort: Option<SortKey>,
    /// Reverse the order.
    #[arg(long)]
    pub reverse: bool,
    /// Show at most N items; stderr says how many were left out.
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
    /// List the items as they were at TIME.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<TimeSpec>,
    /// Include archived items (see jerry archive); --at always does.
    #[arg(long)]
    pub archived: bool,
    #[command(flatten)]
    pub fields: FieldsArg,
}

/// `@NAME` names a saved view.
fn view_name(text: &str) -> Result<String, String> {
    text.strip_prefix('@')
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| format!("'{text}' is no view: a saved view is named @NAME (items list takes flags)"))
}

/// `items list` (a saved view already read in: see `saved_views::expand`).
pub fn list(args: ListArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ListArgs {
        view: _,
        view_flag: _,
        which,
        sort,
        reverse,
        limit,
        at,
        archived,
        fields: FieldsArg { fields },
    } = args;
    let session = ctx.read(false)?;
    let queries = session.queries();
    let (which, open_only) = which.filter(&session)?;
    let filter = ItemFilter {
        sort,
        reverse,
        limit,
        at: resolve_time(at, &session)?,
        archived,
        // A page says "of more than N" past this many matches rather than count them all.
        count_up_to: Some(COUNT_UP_TO),
        ..which
    };
    // A whole list goes out row by row from the indexed read model: in JSON as stored, as a
    // table from the few fields it shows.
    let mut rows = Vec::new();
    let streamed = match out.format() {
        _ if fields.is_some() => None,
        Format::Json | Format::Jsonl | Format::Csv => {
            let mut index = 0;
            queries.each_listed_json(&filter, |json| -> CommandResult {
                out.list_element(index, json)?;
                index += 1;
                Ok(())
            })?
        }
        Format::Table | Format::Markdown => queries.each_listed_summary(&filter, |row| -> CommandResult {
            rows.push(row);
            Ok(())
        })?,
        Format::Toon => None,
    };
    let (listed, shown) = match streamed {
        Some((written, listed)) => {
            if out.json() {
                out.end_list(written)?;
            }
            (listed, Some(written))
        }
        None => (queries.list(&filter)?, None),
    };
    if let Some((stream, why)) = listed.broken.iter().next() {
        out.warn(&format!(
            "warning: {} stream(s) cannot be read and are left out ({stream}: {why}); run jerry doctor",
            listed.broken.len()
        ));
    }
    let shown_count = shown.unwrap_or(listed.items.len());
    if shown_count < listed.total_matching {
        let more_than = if listed.total_capped { "more than " } else { "" };
        out.warn(&format!(
            "showing {shown_count} of {more_than}{} matching items (--limit {})",
            listed.total_matching,
            limit.unwrap_or_default()
        ));
    }
    if open_only && !out.json() {
        let closed = ItemFilter {
            statuses: Status::ALL.into_iter().filter(|s| s.is_finished()).collect(),
            limit: Some(1),
            sort: None,
            ..filter.clone()
        };
        if !queries.list(&closed)?.items.is_empty() {
            out.note("(closed items are not listed: --all shows them)");
        }
        if let Waiting::Hidden(at) = filter.waiting {
            // Counted only (up to the cap), never listed.
            let waiting = ItemFilter {
                limit: Some(0),
                count_up_to: Some(COUNT_UP_TO),
                sort: None,
                waiting: Waiting::Only(at),
                ..filter.clone()
            };
            let waiting = queries.list(&waiting)?;
            let count = waiting.total_matching;
            if count > 0 {
                let items = if count == 1 { "item waits" } else { "items wait" };
                let more_than = if waiting.total_capped { "more than " } else { "" };
                out.note(&format!(
                    "({more_than}{count} {items} until later: --waiting lists them)"
                ));
            }
        }
    }
    if shown.is_some() && out.json() {
        return Ok(());
    }
    if shown.is_some() {
        if rows.is_empty() {
            nothing_listed(&session, out);
            return Ok(());
        }
        let style = out.style();
        return render::item_rows(&rows, style, |block| out.text(block));
    }
    if let Some(fields) = &fields {
        return super::fields::print(out, &serde_json::to_value(&listed.items)?, fields);
    }
    if out.json() {
        return out.json_value(&listed.items);
    }
    if listed.items.is_empty() {
        nothing_listed(&session, out);
        return Ok(());
    }
    let style = out.style();
    out.line(&render::item_table(&listed.items, style))
}

/// What an empty list says (on stderr: stdout stays empty for scripts).
fn nothing_listed(session: &jerry::app::Session, out: &mut Output) {
    if session.project_exists() {
        out.note(&format!("no matching items in {}", session.project()));
    } else {
        out.note(&format!(
            "there is no project in {} yet (jerry items create makes one)",
            session.workspace_root().display()
        ));
    }
}

pub fn show(args: ShowArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ShowArgs {
        id,
        at,
        fields: FieldsArg { fields },
    } = args;
    let session = ctx.read(true)?;
    let at = resolve_time(at, &session)?;
    let item = session.queries().show(id, at)?;
    let links = session.queries().links(item.id, at)?;
    print_item(out, &item, &links, fields.as_ref())
}

/// One item with its links: `items show` and `items claim` print the same.
pub fn print_item(
    out: &mut Output,
    item: &jerry::domain::WorkItem,
    links: &jerry::domain::graph::Links,
    fields: Option<&Fields>,
) -> CommandResult {
    if out.json() || fields.is_some() {
        let mut value = serde_json::to_value(item)?;
        if let (Some(object), serde_json::Value::Object(links)) =
            (value.as_object_mut(), serde_json::to_value(links)?)
        {
            object.extend(links);
        }
        return match fields {
            Some(fields) => super::fields::print(out, &value, fields),
            None => out.json_value(&value),
        };
    }
    out.line(&render::item_details(item, links, out.style()))
}

pub fn history(args: ItemArg, ctx: &Context, out: &mut Output) -> CommandResult {
    let ItemArg { id } = args;
    let session = ctx.read(true)?;
    let events = session.queries().history(id)?;
    if out.json() {
        return out.json_value(&events);
    }
    // Each event merged from another clone that did not fit is marked where it stands.
    let conflicts = session
        .queries()
        .show(id, None)
        .map(|item| [item.conflicts, item.resolved_conflicts].concat())
        .unwrap_or_default();
    let style = out.style();
    out.line(&render::history_table(&events, &conflicts, style))
}
