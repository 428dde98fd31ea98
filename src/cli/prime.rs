//! `jerry prime`: what an agent needs at the start of a session, or after its context was
//! compacted, in a token budget: its own claims, what is in progress and by whom, what to
//! pick next, what was just closed, open conflicts, and the commands it needs. TOON unless
//! `--format` says otherwise (`markdown`, `json`).

use std::fmt::Write;

use clap::Args;
use serde_json::{json, Value};

use jerry::app::{Assignee, ItemFilter, SortKey};
use jerry::domain::{Status, WorkItem};
use jerry::timestamp::Timestamp;

use super::context::Context;
use super::output::{Format, Output};
use crate::door::error::{CommandError, CommandResult};

/// How many characters count as a token: the documented rule of thumb for English text and
/// JSON-like data (README, "jerry prime").
pub const CHARS_PER_TOKEN: usize = 4;

/// The most of each list a prime starts from, before the budget trims it.
const EACH: usize = 10;

/// A title is cut to this many characters: a prime is a map, `items show` the territory.
const TITLE: usize = 80;

/// What every agent session needs to know how to do: the command, and when.
const COMMANDS: [(&str, &str); 7] = [
    ("jerry items claim --lease 30m --json", "take the next ready item"),
    ("jerry items show ID --json", "everything about one item"),
    ("jerry items comment ID TEXT", "leave a note (renews your lease)"),
    ("jerry items complete ID", "finished"),
    ("jerry items release ID", "give it back"),
    ("jerry items create TITLE --parent ID", "record work you found"),
    ("jerry items next --explain", "why an item is urgent"),
];

#[derive(Debug, Args)]
pub struct PrimeArgs {
    /// The most tokens the prime may take, counted as characters / 4.
    #[arg(long, value_name = "N", default_value_t = 1500, value_parser = super::flags::at_least_one)]
    pub max_tokens: usize,
}

pub fn prime(args: PrimeArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let PrimeArgs { max_tokens } = args;
    let session = ctx.read(false)?;
    let queries = session.queries();
    let now = session.now();
    let actor = session.actor().to_owned();
    let list = |filter: ItemFilter| -> CommandResult<Vec<WorkItem>> { Ok(queries.list(&filter)?.items) };
    let in_progress = list(ItemFilter {
        statuses: vec![Status::InProgress],
        ..ItemFilter::default()
    })?;
    let (mine, others): (Vec<WorkItem>, Vec<WorkItem>) = in_progress
        .into_iter()
        .partition(|item| item.assignee.as_deref() == Some(actor.as_str()));
    let coefficients = session.config().coefficients()?;
    let next = queries.next(
        &ItemFilter {
            statuses: vec![Status::Pending],
            assignee: Some(Assignee::Nobody),
            limit: Some(EACH),
            ..ItemFilter::default()
        },
        &coefficients,
    )?;
    let closed = list(ItemFilter {
        statuses: vec![Status::Done, Status::Cancelled],
        sort: Some(SortKey::Updated),
        limit: Some(EACH),
        ..ItemFilter::default()
    })?;
    let conflicts = list(ItemFilter {
        conflicts: true,
        limit: Some(EACH),
        ..ItemFilter::default()
    })?;
    let mut sections = Sections {
        mine: mine.iter().map(|item| brief(item, now)).collect(),
        in_progress: others.iter().map(|item| brief(item, now)).collect(),
        next: next
            .items
            .iter()
            .map(|(item, urgency)| {
                let mut brief = brief(item, now);
                brief["urgency"] = json!((urgency.score * 10.0).round() / 10.0);
                brief
            })
            .collect(),
        recently_closed: closed.iter().map(|item| brief(item, now)).collect(),
        conflicts: conflicts.iter().map(|item| brief(item, now)).collect(),
    };
    // TOON unless a format was asked for (`--json` is JSON).
    let format = match (ctx.format(), out.format()) {
        (None, Format::Table) => Format::Toon,
        (_, format) => format,
    };
    let header = json!({
        "project": session.project(),
        "actor": actor,
        "at": now,
    });
    let budget = max_tokens.saturating_mul(CHARS_PER_TOKEN);
    loop {
        let text = render(format, &header, &sections)?;
        if text.chars().count() <= budget {
            out.line(text.trim_end())?;
            return Ok(());
        }
        if !sections.trim() {
            return Err(CommandError::invalid(format!(
                "--max-tokens {max_tokens} is too small for even the commands (the prime needs about {} tokens)",
                text.chars().count().div_ceil(CHARS_PER_TOKEN)
            )));
        }
    }
}

/// The lists of a prime, trimmed from the least needed first when over the budget.
struct Sections {
    mine: Vec<Value>,
    in_progress: Vec<Value>,
    next: Vec<Value>,
    recently_closed: Vec<Value>,
    conflicts: Vec<Value>,
}

impl Sections {
    /// Drops one entry from the longest of the lists that matter least; false when all are
    /// empty but the agent's own claims, which are never dropped.
    fn trim(&mut self) -> bool {
        let lists = [
            &mut self.recently_closed,
            &mut self.in_progress,
            &mut self.next,
            &mut self.conflicts,
        ];
        let Some(longest) = lists
            .into_iter()
            .filter(|list| !list.is_empty())
            .max_by_key(|list| list.len())
        else {
            return false;
        };
        longest.pop();
        true
    }

    fn value(&self, header: &Value) -> Value {
        let mut value = header.clone();
        value["mine"] = json!(self.mine);
        value["in_progress"] = json!(self.in_progress);
        value["next"] = json!(self.next);
        value["recently_closed"] = json!(self.recently_closed);
        value["conflicts"] = json!(self.conflicts);
        value["commands"] = COMMANDS
            .iter()
            .map(|(run, when)| json!({ "run": run, "when": when }))
            .collect();
        value
    }
}

/// An item as a prime shows it: what an agent decides by, nothing more.
fn brief(item: &WorkItem, now: Timestamp) -> Value {
    let mut title: String = item.title.chars().take(TITLE).collect();
    if item.title.chars().count() > TITLE {
        title.push('…');
    }
    let mut brief = json!({
        "id": item.id,
        "title": title,
        "status": item.status,
        "priority": item.priority,
    });
    if let Some(assignee) = &item.assignee {
        brief["assignee"] = json!(assignee);
    }
    if let Some(until) = item.holder_at(now).and_then(|claim| claim.until) {
        brief["lease_until"] = json!(until);
    }
    if let Some(due) = item.due {
        brief["due"] = json!(due);
    }
    if !item.conflicts.is_empty() {
        brief["conflicts"] = json!(item.conflicts.len());
    }
    brief
}

fn render(format: Format, header: &Value, sections: &Sections) -> CommandResult<String> {
    let value = sections.value(header);
    match format {
        Format::Json | Format::Jsonl => Ok(serde_json::to_string(&value)?),
        Format::Markdown | Format::Table => Ok(markdown(&value)),
        Format::Toon => toon_format::encode_default(&value)
            .map_err(|err| CommandError::failure(format!("cannot encode as TOON: {err}"))),
    }
}

/// The prime as Markdown: a heading per list, a line per item.
fn markdown(value: &Value) -> String {
    let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
    let mut out = format!(
        "# jerry: {} as {} at {}\n",
        text(&value["project"]),
        text(&value["actor"]),
        text(&value["at"])
    );
    for (key, heading) in [
        ("mine", "Your claims"),
        ("in_progress", "In progress (others)"),
        ("next", "Next (by urgency)"),
        ("conflicts", "Open conflicts"),
        ("recently_closed", "Recently closed"),
    ] {
        let items = value[key].as_array().cloned().unwrap_or_default();
        let _ = write!(out, "\n## {heading}\n");
        if items.is_empty() {
            out.push_str("- none\n");
        }
        for item in items {
            let mut line = format!(
                "- {} {} [{}, {}]",
                text(&item["id"]),
                text(&item["title"]),
                text(&item["status"]),
                text(&item["priority"])
            );
            for extra in ["assignee", "lease_until", "due", "urgency"] {
                if !item[extra].is_null() {
                    let _ = write!(line, " {extra}: {}", text(&item[extra]));
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str("\n## Commands\n");
    for (run, when) in COMMANDS {
        let _ = writeln!(out, "- `{run}`: {when}");
    }
    out
}
