//! A prime: what an agent needs at the start of a session, or after its context was
//! compacted, in a token budget: its own claims, what is in progress and by whom, what to
//! pick next, what was just closed, open conflicts, and the commands (or tools) it needs.
//! Shared by `jerry prime` and the MCP server's `prime` tool.

use std::fmt::Write;

use serde_json::{json, Value};

use jerry::app::{Assignee, ItemFilter, Session, SortKey};
use jerry::domain::{Status, WorkItem};
use jerry::timestamp::Timestamp;

use crate::door::error::{CommandError, CommandResult};

/// How many characters count as a token: the documented rule of thumb for English text and
/// JSON-like data (README, "jerry prime").
pub const CHARS_PER_TOKEN: usize = 4;

/// The most of each list a prime starts from, before the budget trims it.
const EACH: usize = 10;

/// A title is cut to this many characters: a prime is a map, `items show` the territory.
const TITLE: usize = 80;

/// How a prime is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Toon,
    Markdown,
    Json,
}

/// What to run, and when: the command line's commands, or the MCP server's tools.
pub type Commands = [(&'static str, &'static str)];

/// The prime of `session`'s project for its actor, in `written`, within `max_tokens`
/// (characters / [`CHARS_PER_TOKEN`]): lists are trimmed to fit, recently closed and others'
/// work first; the agent's own claims and the commands never (too small a budget for those
/// is refused, naming the budget as the door calls it, `budget_named`).
pub fn prime(
    session: &Session,
    (max_tokens, budget_named): (usize, &str),
    written: Written,
    commands: &'static Commands,
) -> CommandResult<String> {
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
        commands,
    };
    let header = json!({
        "project": session.project(),
        "actor": actor,
        "at": now,
    });
    let budget = max_tokens.saturating_mul(CHARS_PER_TOKEN);
    loop {
        let text = render(written, &header, &sections)?;
        if text.chars().count() <= budget {
            return Ok(text.trim_end().to_owned());
        }
        if !sections.trim() {
            return Err(CommandError::invalid(format!(
                "{budget_named} {max_tokens} is too small for even the commands (the prime needs about {} tokens)",
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
    commands: &'static Commands,
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
        value["commands"] = self
            .commands
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

fn render(written: Written, header: &Value, sections: &Sections) -> CommandResult<String> {
    let value = sections.value(header);
    match written {
        Written::Json => Ok(serde_json::to_string(&value)?),
        Written::Markdown => Ok(markdown(&value, sections.commands)),
        Written::Toon => toon_format::encode_default(&value)
            .map_err(|err| CommandError::failure(format!("cannot encode as TOON: {err}"))),
    }
}

/// The prime as Markdown: a heading per list, a line per item.
fn markdown(value: &Value, commands: &Commands) -> String {
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
    for (run, when) in commands {
        let _ = writeln!(out, "- `{run}`: {when}");
    }
    out
}
