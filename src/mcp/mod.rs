//! `jerry mcp`: the Model Context Protocol front door, over stdio, for agents that cannot
//! use a shell. A few coarse tools with short descriptions and compact JSON results (tool
//! schemas are paid for in context on every turn). Every write goes through the one
//! application service ([`Session`]), so policies, idempotency and the quality gate apply
//! as for the command line; every error is the command line's own (message and kind),
//! returned as a tool error: nothing a client sends can stop the server.

mod args;
mod convert;
mod framing;
mod params;
mod schema;

use std::sync::{Arc, Mutex};

use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, ContentBlock, Implementation, ServerCapabilities, ServerConfig};
use rmcp::service::{RequestContext, RoleServer};
use rmcp::{tool, tool_handler, tool_router, ServerHandler, ServiceExt};
use serde_json::{json, Value};

use jerry::app::{Command, ItemFilter, Session, SortKey, UndoTarget};
use jerry::domain::{Decision, DependencyType, ItemRef, Status};
use jerry::timestamp::parse_duration;

use crate::door::changes::{word, ChangeWords};
use crate::door::error::{CommandError, CommandResult};
use crate::door::new_item::NewItemWords;
use crate::door::prime::{prime, Commands, Written};
use args::Args;
use convert::{actor_name, at_least_one, event, fields, guard, item, select, shortened, written};

/// What a prime tells an agent to call, and when.
const TOOLS: &Commands = &[
    ("claim {lease: \"30m\"}", "take the next ready item"),
    ("show {id}", "everything about one item"),
    ("comment {id, text}", "leave a note (renews your lease)"),
    ("update {id, status: \"done\"}", "finished"),
    ("release {id}", "give it back"),
    ("create {title, parent}", "record work you found"),
];

/// The server: one session, shared by the tools (one request at a time, in order).
#[derive(Clone)]
pub struct JerryMcp {
    session: Arc<Mutex<Session>>,
    /// `--actor` or JERRY_ACTOR was given: the client's name does not replace it.
    actor_given: bool,
    /// The tools, with [`schema::tighten`]ed schemas.
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
        tool_router: {
            let mut router = JerryMcp::tool_router();
            schema::tighten(&mut router);
            router
        },
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
            // A text answer (the prime, in TOON) is the text itself, not a JSON string.
            Ok(Value::String(text)) => ContentBlock::text(text.clone()),
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

#[tool_router]
impl JerryMcp {
    #[tool(description = "What to work on next: unblocked, unclaimed, best first (default 10).")]
    fn ready(
        &self,
        Parameters(args): Parameters<Args<params::Ready>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("ready")?;
            let fields = fields(p.fields.as_deref())?;
            let filter = ItemFilter {
                limit: Some(at_least_one(p.limit, 10)?),
                ..select(p.types, p.priority, None, p.label, None)?
            };
            let page = session.queries().ready(&filter)?;
            Ok(json!({
                "items": fields.project(&serde_json::to_value(&page.items)?),
                "total": page.total,
            }))
        })
    }

    #[tool(description = "Start work: take the first ready item (or id), atomically.")]
    fn claim(
        &self,
        Parameters(args): Parameters<Args<params::Claim>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("claim")?;
            let fields = fields(None)?;
            let lease = p
                .lease
                .as_deref()
                .map(|text| parse_duration(text).map(|d| d.as_secs().max(1)))
                .transpose()?;
            let options = guard(None, p.idempotency_key);
            let outcome = match p.id {
                Some(id) => session.execute(
                    Command::Claim {
                        item: item(&id)?,
                        lease_seconds: lease,
                    },
                    options,
                )?,
                None => {
                    let filter = select(p.types, Vec::new(), None, p.label, None)?;
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

    #[tool(description = "One item and its links.")]
    fn show(
        &self,
        Parameters(args): Parameters<Args<params::Show>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("show")?;
            let queries = session.queries();
            let found = queries.show(item(&p.id)?, None)?;
            let links = queries.links(found.id, None)?;
            let mut value = serde_json::to_value(&found)?;
            if let (Some(object), Value::Object(links)) =
                (value.as_object_mut(), serde_json::to_value(&links)?)
            {
                object.extend(links);
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

    #[tool(description = "Find items (default: first 50 by id).")]
    fn list(
        &self,
        Parameters(args): Parameters<Args<params::List>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("list")?;
            let fields = fields(p.fields.as_deref())?;
            let queries = session.queries();
            let mut statuses = Vec::new();
            for status in &p.status {
                statuses.extend(word("status", status, Status::named_by)?);
            }
            let filter = ItemFilter {
                statuses,
                parent: match p.parent.as_deref() {
                    Some(parent) => Some(queries.existing(item(parent)?)?),
                    None => None,
                },
                sort: p
                    .sort
                    .as_deref()
                    .map(|sort| word("sort", sort, str::parse::<SortKey>))
                    .transpose()?,
                limit: Some(at_least_one(p.limit, 50)?),
                overdue_at: p.overdue.unwrap_or(false).then(|| session.now()),
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

    #[tool(description = "Record new work you found.")]
    fn create(
        &self,
        Parameters(args): Parameters<Args<params::Create>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("create")?;
            // Checked here too, to be refused naming the argument as the tool does.
            if let Some(work_type) = &p.work_type {
                word("type", work_type, str::parse::<jerry::domain::WorkType>)?;
            }
            if let Some(priority) = &p.priority {
                word("priority", priority, str::parse::<jerry::domain::Priority>)?;
            }
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
            if p.labels.is_empty() {
                return written(&outcome.value);
            }
            // A second write, as `items create --label` makes: labelling again is a no-op,
            // so a create replayed by its idempotency key ends labelled all the same.
            let labelled = Command::Label {
                item: ItemRef::Display(outcome.value.item.id),
                add: p.labels,
                remove: Vec::new(),
            };
            let outcome = session.execute(labelled, guard(None, None))?;
            written(&outcome.value)
        })
    }

    #[tool(description = "Change an item, atomically; \"\" clears a field; status=done when finished.")]
    fn update(
        &self,
        Parameters(args): Parameters<Args<params::Update>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("update")?;
            let changes = ChangeWords {
                title: p.title,
                description: p.description,
                work_type: None,
                status: p.status,
                priority: p.priority,
                assignee: p.assignee,
                add_labels: p.add_labels,
                remove_labels: p.remove_labels,
                due: p.due,
                wait: p.wait,
                recur: p.recur,
                parent: p.parent,
                reason: p.reason,
            }
            .commands(session, item(&p.id)?)?;
            let outcome = session.execute(
                Command::Together(changes),
                guard(p.expected_version, p.idempotency_key),
            )?;
            written(&outcome.value)
        })
    }

    #[tool(description = "Leave a note on an item.")]
    fn comment(
        &self,
        Parameters(args): Parameters<Args<params::Comment>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("comment")?;
            let command = Command::Comment {
                item: item(&p.id)?,
                text: p.text,
            };
            let outcome = session.execute(command, guard(None, p.idempotency_key))?;
            written(&outcome.value)
        })
    }

    #[tool(description = "Link: id waits for on (blocked_by).")]
    fn depend(
        &self,
        Parameters(args): Parameters<Args<params::Depend>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("depend")?;
            let (target, on) = (item(&p.id)?, item(&p.on)?);
            let command = if p.remove.unwrap_or(false) {
                Command::RemoveDependency { item: target, on }
            } else {
                let kind = p
                    .kind
                    .as_deref()
                    .map(|kind| word("type", kind, str::parse::<DependencyType>))
                    .transpose()?
                    .unwrap_or(DependencyType::BlockedBy);
                Command::AddDependency {
                    item: target,
                    on,
                    kind,
                }
            };
            let outcome = session.execute(command, guard(None, p.idempotency_key))?;
            written(&outcome.value)
        })
    }

    #[tool(description = "Give an item you hold back.")]
    fn release(
        &self,
        Parameters(args): Parameters<Args<params::Release>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("release")?;
            let command = Command::Release {
                item: item(&p.id)?,
                force: p.force.unwrap_or(false),
                reason: p.reason,
            };
            let outcome = session.execute(command, guard(None, p.idempotency_key))?;
            written(&outcome.value)
        })
    }

    #[tool(description = "Settle a sync conflict on an item.")]
    fn resolve(
        &self,
        Parameters(args): Parameters<Args<params::Resolve>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("resolve")?;
            let decision = match p.decision.trim().to_ascii_lowercase().as_str() {
                "keep" => Decision::Keep,
                "take" => Decision::Take,
                _ => {
                    return Err(CommandError::invalid(format!(
                        "invalid value '{}' for 'decision': expected one of keep, take",
                        p.decision.chars().take(40).collect::<String>()
                    )))
                }
            };
            let command = Command::Resolve {
                item: item(&p.id)?,
                version: p.conflict,
                decision,
            };
            let outcome = session.execute(command, guard(None, p.idempotency_key))?;
            written(&outcome.value)
        })
    }

    #[tool(description = "Take back your last change.")]
    fn undo(
        &self,
        Parameters(args): Parameters<Args<params::Undo>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            args.take("undo")?;
            let outcome = session.undo(UndoTarget::Last)?;
            Ok(serde_json::to_value(&outcome.value)?)
        })
    }

    #[tool(description = "At a session's start or after compaction: your claims and what's next.")]
    fn prime(
        &self,
        Parameters(args): Parameters<Args<params::Prime>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("prime")?;
            let budget = at_least_one(p.max_tokens, 1500)?;
            Ok(Value::String(prime(
                session,
                (budget, "max_tokens"),
                Written::Toon,
                TOOLS,
            )?))
        })
    }

    #[tool(description = "Catch up: events after a global position (default 100).")]
    fn events_since(
        &self,
        Parameters(args): Parameters<Args<params::EventsSince>>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        self.with_session(&context, |session| {
            let p = args.take("events_since")?;
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

// The router built once, with its schemas tightened (the macro's default builds a fresh,
// untightened one on every request).
#[tool_handler(router = self.tool_router)]
impl ServerHandler for JerryMcp {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("jerry", env!("CARGO_PKG_VERSION")))
            .with_instructions(
                "jerry tracks work items. Start with prime; loop: claim (lease e.g. 30m), work, update status=done. Writes take idempotency_key; update takes expected_version.",
            )
    }
}
