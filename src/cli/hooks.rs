//! `jerry hooks …`: the project's `[[hooks]]`, what each has been given, and the runner
//! that delivers (see `jerry::app::Hooks` for the guarantee).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::Subcommand;

use super::context::Context;
use super::output::Output;
use crate::door::error::{CommandError, CommandResult};

#[derive(Debug, Subcommand)]
#[command(after_help = "Hooks are [[hooks]] tables in the project's .jerry/config.toml:

  [[hooks]]
  name = \"log\"
  on = [\"StatusChanged\", \"WorkItemCreated\"]   # or [\"*\"]
  run = \"cat >> /tmp/jerry-events.jsonl\"
  timeout = \"10s\"        # default 10s
  attempts = 5            # runs before a failing delivery is parked
  backoff = \"1s\"         # doubled after each failure
  filter = { type = \"bug\", priority = \"high,critical\" }
  # blocking = true: a check before the write; a non-zero exit refuses it (stderr says why)

Each matching event is delivered once, in global order, whoever wrote it (a command, MCP,
the board, an import, a sync): one JSON line on stdin (as events list --jsonl prints it),
with JERRY_EVENT_ID, JERRY_EVENT_TYPE, JERRY_EVENT_POSITION, JERRY_EVENT_ITEM,
JERRY_EVENT_ACTOR, JERRY_EVENT_TIMESTAMP, JERRY_HOOK and JERRY_HOOK_ATTEMPT set. Every write
starts a runner in the background; hooks run run delivers now, hooks run --follow keeps
delivering as events arrive.

Examples:
  jerry hooks list
  jerry hooks test log --event 42
  jerry hooks run --follow
  jerry hooks failed --json
  jerry hooks retry log")]
pub enum HooksCommand {
    /// The project's hooks and where each one's delivery stands.
    List,
    /// Run one hook on the event at a position, now, recording nothing.
    Test {
        /// The hook's name.
        name: String,
        /// The event's position in the global order (events list shows them).
        #[arg(long = "event", value_name = "POS")]
        event: u64,
    },
    /// Deliver every owed event (waiting out retries), then stop; --follow keeps going.
    Run {
        /// Keep delivering as events arrive, sleeping in between; Ctrl-C stops.
        #[arg(long)]
        follow: bool,
        /// Started by a write: stop at once if another runner is at work.
        #[arg(long, hide = true)]
        background: bool,
    },
    /// The deliveries given up on after every attempt failed.
    Failed,
    /// Send the parked deliveries again (of one hook, or all); those that fail stay parked.
    Retry {
        /// Only this hook's.
        name: Option<String>,
    },
}

pub fn run(command: HooksCommand, ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.open()?;
    let hooks = session.hooks();
    match command {
        HooksCommand::List => {
            let list = hooks.list()?;
            if out.json() {
                return out.json_value(&list);
            }
            if list.is_empty() {
                out.note(
                    "no hooks ([[hooks]] in the project's .jerry/config.toml; jerry hooks --help shows one)",
                );
                return Ok(());
            }
            let rows = list
                .iter()
                .map(|hook| {
                    let state = if hook.blocking {
                        "blocking check".to_owned()
                    } else {
                        match hook.delivered {
                            None => "not armed yet".to_owned(),
                            Some(at) if hook.behind == 0 => format!("through {at}"),
                            Some(at) => format!("through {at}, {} behind", hook.behind),
                        }
                    };
                    let trouble = match (&hook.last_error, hook.parked) {
                        (Some(error), _) => format!("retrying ({} failed): {error}", hook.failures),
                        (None, 0) => String::new(),
                        (None, n) => format!("{n} parked"),
                    };
                    vec![
                        hook.name.clone(),
                        hook.on.join(","),
                        hook.run.clone(),
                        state,
                        trouble,
                    ]
                })
                .collect();
            out.line(&super::render::table(
                &["HOOK", "ON", "RUN", "DELIVERED", "TROUBLE"].map(str::to_owned),
                rows,
                out.style(),
            ))
        }
        HooksCommand::Test { name, event } => {
            let tried = hooks.test(&name, event)?;
            if out.json() {
                return out.json_value(&tried);
            }
            match &tried.error {
                None => out.confirm(&format!("hook {name} succeeded on event {event}")),
                Some(error) => Err(CommandError::failure(format!(
                    "hook {name} failed on event {event}: {error}"
                ))),
            }
        }
        HooksCommand::Run { follow, background } => {
            let stop = Arc::new(AtomicBool::new(false));
            if follow {
                let flag = Arc::clone(&stop);
                ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst)).map_err(|err| {
                    CommandError::failure(format!("cannot install the Ctrl-C handler: {err}"))
                })?;
                return hooks
                    .follow(&stop, |delivery| {
                        if out.json() {
                            let _ = out.json_line(delivery);
                            let _ = out.flush();
                        } else {
                            out.note(&said(delivery));
                        }
                    })
                    .map_err(Into::into);
            }
            let delivery = hooks.run(!background, &stop)?;
            if out.json() {
                return out.json_value(&delivery);
            }
            out.confirm(&said(&delivery))
        }
        HooksCommand::Failed => {
            let failed = hooks.failed()?;
            if out.json() {
                return out.json_value(&failed);
            }
            if failed.is_empty() {
                out.note("no parked deliveries");
                return Ok(());
            }
            let rows = failed
                .iter()
                .map(|p| {
                    vec![
                        p.hook.clone(),
                        p.parked.position.to_string(),
                        p.parked.event_type.clone(),
                        p.parked.aggregate_id.clone(),
                        p.parked.failures.to_string(),
                        p.parked.error.clone(),
                    ]
                })
                .collect();
            out.line(&super::render::table(
                &["HOOK", "POSITION", "EVENT", "ITEM", "FAILURES", "LAST ERROR"].map(str::to_owned),
                rows,
                out.style(),
            ))
        }
        HooksCommand::Retry { name } => {
            let delivery = hooks.retry(name.as_deref())?;
            if out.json() {
                return out.json_value(&delivery);
            }
            let left = hooks.failed()?.len();
            out.confirm(&format!("{}; {left} still parked", said(&delivery)))
        }
    }
}

fn said(delivery: &jerry::app::Delivery) -> String {
    if delivery.busy {
        return "another hooks runner is delivering".to_owned();
    }
    let mut parts = vec![format!("{} delivered", delivery.delivered)];
    if delivery.failed > 0 {
        parts.push(format!("{} failed", delivery.failed));
    }
    if delivery.parked > 0 {
        parts.push(format!("{} parked", delivery.parked));
    }
    parts.join(", ")
}
