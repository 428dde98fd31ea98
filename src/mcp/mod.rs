//! `jerry mcp`: the Model Context Protocol front door, over stdio, for agents that cannot
//! use a shell. A few coarse tools with short descriptions and compact JSON results (tool
//! schemas are paid for in context on every turn). Every write goes through the one
//! application service ([`Session`]), so policies, idempotency and the quality gate apply
//! as for the command line; every error is the command line's own (message and kind),
//! returned as a tool error: nothing a client sends can stop the server.

mod framing;
mod params;

use std::sync::{Arc, Mutex};

use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, ContentBlock, Implementation, ServerCapabilities, ServerConfig};
use rmcp::service::{RequestContext, RoleServer};
use rmcp::{tool, tool_handler, tool_router, ServerHandler, ServiceExt};
use serde_json::{json, Value};

use jerry::app::{Assignee, Command, ItemFilter, Session, SortKey, WriteOptions};
use jerry::domain::{Decision, DependencyType, ItemRef, Priority, Status, WorkType};
use jerry::store::RecordedEvent;
use jerry::timestamp::{parse_duration, TimeSpec};

use crate::door::error::{CommandError, CommandResult};
use crate::door::fields::Fields;
use crate::door::new_item::NewItemWords;

/// What a list or a write returns of each item unless `fields` asks otherwise.
const DEFAULT_FIELDS: &str = "id,title,status,priority,type,assignee,labels,due,version";

/// The server: one session, shared by the tools (one request at a time, in order).
#[derive(Clone)]
pub struct JerryMcp {
    session: Arc<Mutex<Session>>,
    /// `--actor` or JERRY_ACTOR was given: the client's name does not replace it.
    actor_given: bool,
    #[allow(dead_code)] // read by the `tool_handler` macro
    tool_router: ToolRouter<Self>,
}

/// Serves `session` on stdin/stdout until the client hangs up.
pub fn serve(mut session: Session, actor_given: bool) -> CommandResult {
    session.keep_warm();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| CommandError::failure(format!("cannot start the MCP server: {err}")))?;
    // Dropped outside the runtime: the PostgreSQL client holds a runtime of its own,
    // which must not be dropped inside another.
    let session = Arc::new(Mutex::new(session));
    let kept = Arc::clone(&session);
    let server = JerryMcp {
        session,
        actor_given,
        tool_router: JerryMcp::tool_router(),
    };
    let served = runtime.block_on(async move {
        let framed = framing::stdio();
        let served = async {
            let running = server
                .serve(framed.transport)
                .await
                .map_err(|err| CommandError::failure(format!("the MCP handshake failed: {err}")))?;
            running
                .waiting()
                .await
                .map_err(|err| CommandError::failure(format!("the MCP server stopped: {err}")))?;
            Ok(())
        }
        .await;
        framed.pumps.finish().await;
        served
    });
    drop(runtime);
    drop(kept);
    served
}

impl JerryMcp {
    /// Runs `work` on the session, writing as the client (by the name it gave in the
    /// handshake) unless an actor was given, and turns the answer into a tool result.
    ///
    /// The work runs on a thread of its own, outside the server's runtime: a store may
    /// block on one of its own (the PostgreSQL client does), which cannot start inside
    /// another. Requests are answered one at a time anyway.
    fn with_session(
        &self,
        context: &RequestContext<RoleServer>,
        work: impl FnOnce(&Session) -> CommandResult<Value> + Send,
    ) -> CallToolResult {
        let name = (!self.actor_given)
            .then(|| {
                context
                    .peer
                    .peer_info()
                    .map(|info| actor_name(&info.client_info.name))
            })
            .flatten();
        let prepare = |session: &mut Session| {
            if let Some(name) = name.filter(|name| session.actor() != name) {
                // A name the checks refuse leaves the actor as it was.
                let _ = session.set_actor(name);
            }
        };
        let (answer, damage) = std::thread::scope(|scope| {
            scope
                .spawn(|| crate::door::session::run_guarded(&self.session, prepare, work))
                .join()
        })
        .unwrap_or_else(|_| {
            let failed = CommandError::failure("internal error: the tool panicked");
            (Err(failed), Vec::new())
        });
        // Damage a read went past (a file changed outside jerry) is said with the answer, as
        // the CLI says it on stderr: a second block, after the one clients parse.
        let mut blocks = vec![match &answer {
            Ok(value) => ContentBlock::text(value.to_string()),
            Err(err) => ContentBlock::text(shortened(err.json_object()).to_string()),
        }];
        if !damage.is_empty() {
            blocks.push(ContentBlock::text(
                serde_json::json!({
                    "warnings": damage,
                    "hint": "jerry doctor says what is missing and how to bring it back",
                })
                .to_string(),
            ));
        }
        match answer {
            Ok(_) => CallToolResult::success(blocks),
            Err(_) => CallToolResult::error(blocks),
        }
    }
}

/// A `limit` as the CLI takes it: at least 1 (a page of none would say "more" forever).
fn at_least_one(limit: Option<usize>, default: usize) -> CommandResult<usize> {
    match limit {
        Some(0) => Err(CommandError::invalid("limit must be at least 1")),
        given => Ok(given.unwrap_or(default)),
    }
}

/// The longest error message a tool answers with: an error names the argument it could
/// not take, and a 10 MB argument is not echoed back whole.
const MAX_MESSAGE: usize = 300;

fn shortened(mut error: Value) -> Value {
    if let Some(message) = error.pointer_mut("/error/message") {
        if let Some(text) = message.as_str().filter(|text| text.len() > MAX_MESSAGE) {
            let mut cut = MAX_MESSAGE;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            *message = Value::String(format!("{}… ({} bytes in all)", &text[..cut], text.len()));
        }
    }
    error
}

/// A client's name as an actor: `Claude Code` → `claude-code`.
fn actor_name(client: &str) -> String {
    let name: String = client
        .trim()
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if name.is_empty() {
        "mcp-client".to_owned()
    } else {
        name
    }
}

#[tool_router]
impl JerryMcp {
    #[tool(description = "Items ready to start, best first.")]
    fn ready(
        &self,
        Parameters(p): Parameters<params::Ready>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let fields = fields(p.fields.as_deref())?;
            let filter = ItemFilter {
                limit: Some(at_least_one(p.limit, 10)?),
                ..select(p.types, p.priority, p.assignee, p.label, p.search)?
            };
            let page = session.queries().ready(&filter)?;
            Ok(json!({
                "items": fields.project(&serde_json::to_value(&page.items)?),
                "total": page.total,
            }))
        })
    }

    #[tool(description = "Take the first ready item (or the one named) for yourself, atomically.")]
    fn claim(
        &self,
        Parameters(p): Parameters<params::Claim>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let fields = fields(p.fields.as_deref())?;
            let lease = p
                .lease
                .as_deref()
                .map(|text| parse_duration(text).map(|d| d.as_secs().max(1)))
                .transpose()?;
            let options = guard(p.expected_version, p.idempotency_key);
            let outcome = match p.id {
                Some(id) => session.execute(
                    Command::Claim {
                        item: item(&id)?,
                        lease_seconds: lease,
                    },
                    options,
                )?,
                None => {
                    let filter = select(p.types, p.priority, p.assignee, p.label, p.search)?;
                    session.claim_next(&filter, lease, options)?
                }
            };
            let mut value = fields.project(&serde_json::to_value(&outcome.value.item)?);
            if let Some(object) = value.as_object_mut() {
                object.insert("claim".into(), serde_json::to_value(&outcome.value.item.claim)?);
            }
            Ok(value)
        })
    }

    #[tool(description = "One item with its links; history=true adds its events.")]
    fn show(
        &self,
        Parameters(p): Parameters<params::Show>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let queries = session.queries();
            let found = queries.show(item(&p.id)?, None)?;
            let links = queries.links(found.id, None)?;
            let mut value = serde_json::to_value(&found)?;
            if let (Some(object), Value::Object(links)) =
                (value.as_object_mut(), serde_json::to_value(&links)?)
            {
                object.extend(links);
            }
            if let Some(names) = p.fields.as_deref() {
                value = fields(Some(names))?.project(&value);
            }
            if p.history.unwrap_or(false) {
                let events: Vec<Value> = queries
                    .history(ItemRef::Display(found.id))?
                    .iter()
                    .map(event)
                    .collect();
                if let Some(object) = value.as_object_mut() {
                    object.insert("history".into(), Value::Array(events));
                }
            }
            Ok(value)
        })
    }

    #[tool(description = "Items matching filters (default: first 50 by id).")]
    fn list(
        &self,
        Parameters(p): Parameters<params::List>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let fields = fields(p.fields.as_deref())?;
            let queries = session.queries();
            let mut statuses = Vec::new();
            for status in &p.status {
                statuses.extend(Status::named_by(status)?);
            }
            let filter = ItemFilter {
                statuses,
                parent: match p.parent.as_deref() {
                    Some(parent) => Some(queries.existing(item(parent)?)?),
                    None => None,
                },
                sort: p.sort.as_deref().map(str::parse::<SortKey>).transpose()?,
                reverse: p.reverse.unwrap_or(false),
                limit: Some(at_least_one(p.limit, 50)?),
                overdue_at: p.overdue.unwrap_or(false).then(|| session.now()),
                due_before: p
                    .due_before
                    .as_deref()
                    .map(|due| time(session, due))
                    .transpose()?,
                conflicts: p.conflicts.unwrap_or(false),
                ..select(p.types, p.priority, p.assignee, p.label, p.search)?
            };
            let listed = queries.list(&filter)?;
            Ok(json!({
                "items": fields.project(&serde_json::to_value(&listed.items)?),
                "total": listed.total_matching,
            }))
        })
    }

    #[tool(description = "Create an item.")]
    fn create(
        &self,
        Parameters(p): Parameters<params::Create>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let new = NewItemWords {
                title: p.title,
                work_type: p.work_type,
                priority: p.priority,
                description: p.description,
                parent: p.parent,
                assignee: p.assignee,
                due: p.due,
                wait: p.wait,
                recur: p.recur,
            }
            .build(session)?;
            let outcome = session.execute(Command::Create(new), guard(None, p.idempotency_key))?;
            written(&outcome.value)
        })
    }

    #[tool(
        description = "Change an item in one atomic write: status, priority, assignee, title, description, labels, due, wait, recur, parent."
    )]
    fn update(
        &self,
        Parameters(p): Parameters<params::Update>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let target = item(&p.id)?;
            let mut changes = Vec::new();
            // A settlement first: what it takes, the other changes then build on.
            if let Some(resolve) = p.resolve.as_deref() {
                let decision = match resolve {
                    "keep" => Decision::Keep,
                    "take" => Decision::Take,
                    other => {
                        return Err(CommandError::invalid(format!(
                            "resolve '{}' is not keep or take",
                            other.chars().take(40).collect::<String>()
                        )))
                    }
                };
                changes.push(Command::Resolve {
                    item: target,
                    version: p.conflict,
                    decision,
                });
            }
            if p.title.is_some() || p.description.is_some() {
                changes.push(Command::Edit {
                    item: target,
                    title: p.title,
                    description: p.description,
                });
            }
            if let Some(status) = p.status {
                changes.push(Command::ChangeStatus {
                    item: target,
                    to: status.parse()?,
                    reason: p.reason.clone(),
                });
            }
            if let Some(priority) = p.priority {
                changes.push(Command::ChangePriority {
                    item: target,
                    to: priority.parse()?,
                    reason: p.reason.clone(),
                });
            }
            if let Some(assignee) = p.assignee {
                changes.push(Command::Assign {
                    item: target,
                    assignee: Some(assignee).filter(|a| !a.is_empty()),
                });
            }
            if !p.add_labels.is_empty() || !p.remove_labels.is_empty() {
                changes.push(Command::Label {
                    item: target,
                    add: p.add_labels,
                    remove: p.remove_labels,
                });
            }
            if let Some(due) = p.due {
                let due = if due.is_empty() { None } else { Some(time(session, &due)?) };
                changes.push(Command::SetDue { item: target, due });
            }
            if let Some(wait) = p.wait {
                let wait = if wait.is_empty() { None } else { Some(time(session, &wait)?) };
                changes.push(Command::SetWait { item: target, wait });
            }
            if let Some(recur) = p.recur {
                let recur = if recur.is_empty() { None } else { Some(recur.parse()?) };
                changes.push(Command::SetRecurrence { item: target, recur });
            }
            if let Some(parent) = p.parent {
                let parent = if parent.is_empty() { None } else { Some(item(&parent)?) };
                changes.push(Command::Reparent { item: target, parent });
            }
            if changes.is_empty() {
                return Err(CommandError::invalid(
                    "nothing to update: give at least one of status, priority, assignee, title, description, add_labels, remove_labels, due, wait, recur, parent, resolve",
                ));
            }
            let outcome = session.execute(
                Command::Together(changes),
                guard(p.expected_version, p.idempotency_key),
            )?;
            written(&outcome.value)
        })
    }

    #[tool(description = "Add a comment to an item.")]
    fn comment(
        &self,
        Parameters(p): Parameters<params::Comment>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let command = Command::Comment {
                item: item(&p.id)?,
                text: p.text,
            };
            let outcome = session.execute(command, guard(p.expected_version, p.idempotency_key))?;
            written(&outcome.value)
        })
    }

    #[tool(description = "Link two items (id is blocked_by on by default), or remove=true to unlink.")]
    fn depend(
        &self,
        Parameters(p): Parameters<params::Depend>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let (target, on) = (item(&p.id)?, item(&p.on)?);
            let command = if p.remove.unwrap_or(false) {
                Command::RemoveDependency { item: target, on }
            } else {
                let kind = p
                    .kind
                    .as_deref()
                    .map(str::parse::<DependencyType>)
                    .transpose()?
                    .unwrap_or(DependencyType::BlockedBy);
                Command::AddDependency {
                    item: target,
                    on,
                    kind,
                }
            };
            let outcome = session.execute(command, guard(p.expected_version, p.idempotency_key))?;
            written(&outcome.value)
        })
    }

    #[tool(description = "Events after a global position, oldest first, to catch up.")]
    fn events_since(
        &self,
        Parameters(p): Parameters<params::EventsSince>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let filter = jerry::app::EventFilter {
                after: p.after,
                ..jerry::app::EventFilter::default()
            };
            let page = session
                .events()
                .list(&filter, Some(at_least_one(p.limit, 100)?), None)?;
            let next = page.events.last().map_or(p.after, |e| e.position);
            Ok(json!({
                "events": page.events.iter().map(event).collect::<Vec<_>>(),
                "next": next,
                "more": page.total_matching > page.events.len(),
            }))
        })
    }
}

#[tool_handler]
impl ServerHandler for JerryMcp {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("jerry", env!("CARGO_PKG_VERSION")))
            .with_instructions(
                "jerry tracks work items. Loop: claim (lease e.g. 30m), work, update status=done. Writes take expected_version and idempotency_key.",
            )
    }
}

/// The fields to keep: the ones asked for, else [`DEFAULT_FIELDS`].
fn fields(names: Option<&[String]>) -> CommandResult<Fields> {
    let text = names.map_or_else(|| DEFAULT_FIELDS.to_owned(), |names| names.join(","));
    Fields::parse(&text).map_err(CommandError::invalid)
}

fn item(text: &str) -> CommandResult<ItemRef> {
    Ok(text.parse::<ItemRef>()?)
}

fn time(session: &Session, text: &str) -> CommandResult<jerry::timestamp::Timestamp> {
    Ok(text.parse::<TimeSpec>()?.resolve(session.now())?)
}

fn guard(expected_version: Option<u64>, idempotency_key: Option<String>) -> WriteOptions {
    WriteOptions {
        expected_version,
        idempotency_key,
        ..WriteOptions::default()
    }
}

/// The filters `ready`, `list` and `claim` share, as `items list` reads them.
fn select(
    types: Vec<String>,
    priorities: Vec<String>,
    assignee: Option<String>,
    labels: Vec<String>,
    search: Option<String>,
) -> CommandResult<ItemFilter> {
    Ok(ItemFilter {
        types: types
            .iter()
            .map(|t| t.parse::<WorkType>())
            .collect::<Result<_, _>>()?,
        priorities: priorities
            .iter()
            .map(|p| p.parse::<Priority>())
            .collect::<Result<_, _>>()?,
        assignee: assignee.map(Assignee::from_word),
        labels,
        search,
        ..ItemFilter::default()
    })
}

/// A write's answer (`door::written`): the item in [`DEFAULT_FIELDS`], `replayed` and
/// `warnings`.
fn written(outcome: &jerry::app::CommandOutcome) -> CommandResult<Value> {
    crate::door::written::written(outcome, Some(&fields(None)?))
}

/// An event, compactly: where it is, what it is, who wrote it when, and its payload.
fn event(event: &RecordedEvent) -> Value {
    json!({
        "position": event.position,
        "item": event
            .aggregate_id
            .parse::<jerry::domain::WorkItemId>()
            .map_or_else(|_| event.aggregate_id.clone(), |id| id.to_string()),
        "version": event.version,
        "type": event.event_type,
        "actor": event.metadata.actor,
        "at": event.timestamp,
        "payload": event.payload,
    })
}
