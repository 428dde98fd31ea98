//! Hooks: the user's own commands, run for the events they ask for (`[[hooks]]` in the
//! project's config, see [`crate::config::HookConfig`]).
//!
//! **Exactly once per project, whoever wrote the event.** Delivery follows the log, not the
//! writer: a runner reads the events after each hook's durable record ([`HookState`]) in
//! global order, so an event from the command line, MCP, the board, an import or a sync
//! is delivered the same way. Every write starts a runner in the background (when none
//! is running), so the write itself never waits for a hook. Before a run, its number and
//! event are recorded durably; the run's `sh` wrapper records its exit status, and keeps
//! the runner's lock while the hook runs (see `exec`). A runner killed at any point
//! therefore leaves either a run not yet started (the next runner starts it) or a run whose
//! end the next runner waits for and reads; only a hook killed itself, or a machine that
//! loses power, leaves a run whose end is unknown, and that one is run again (at least
//! once; the event id in `JERRY_EVENT_ID` lets such a hook tell).
//!
//! **One runner at a time**: an OS lock on `.jerry/hooks/runner.lock`. A writer that finds
//! it taken starts no runner; the holder looks at the head again after letting go, so no
//! event is left behind.
//!
//! **Failures** are retried after a backoff, doubling each time, up to the hook's
//! `attempts`; then the delivery is parked (`jerry hooks failed`, `jerry hooks retry`) and
//! the next event goes. A hook's events go in order: one still being retried holds back
//! the ones after it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::config::HookConfig;
use crate::store::{EventStore, RecordedEvent};

use super::{AppError, ItemFilter};

mod check;
mod exec;
mod state;

pub use check::BlockingHooks;
pub use state::{HookState, Inflight, Parked};

use exec::{Ended, RunFiles, RunnerLock};

/// Events read at a time.
const PAGE: usize = 512;

/// What `jerry hooks list` shows of one hook.
#[derive(Debug, Clone, Serialize)]
pub struct HookStatus {
    pub name: String,
    pub on: Vec<String>,
    pub run: String,
    pub blocking: bool,
    pub timeout_ms: u64,
    pub attempts: u32,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub filter: std::collections::BTreeMap<String, String>,
    /// The position delivered through; `None` until the hook is first armed.
    pub delivered: Option<u64>,
    /// Events after that position still to look at (matching or not).
    pub behind: u64,
    pub failures: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    pub parked: usize,
}

/// What a runner did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Delivery {
    /// Runs that succeeded.
    pub delivered: u64,
    /// Runs that failed (each retried later, or parked).
    pub failed: u64,
    /// Deliveries given up on in this run.
    pub parked: u64,
    /// Another runner held the lock: it delivers what is owed.
    pub busy: bool,
}

/// One parked delivery with its hook, for `jerry hooks failed`.
#[derive(Debug, Clone, Serialize)]
pub struct ParkedDelivery {
    pub hook: String,
    #[serde(flatten)]
    pub parked: Parked,
}

/// A hook's run on one chosen event (`jerry hooks test`): nothing is recorded.
#[derive(Debug, Clone, Serialize)]
pub struct Tried {
    pub hook: String,
    pub position: u64,
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The project's hooks over its store.
pub struct Hooks<'a> {
    store: &'a dyn EventStore,
    hooks: &'a [HookConfig],
    /// `.jerry/hooks/`: the runner's lock and each run's files.
    dir: PathBuf,
    /// Where the commands run: the workspace folder.
    workdir: PathBuf,
    project: String,
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl<'a> Hooks<'a> {
    pub fn new(
        store: &'a dyn EventStore,
        hooks: &'a [HookConfig],
        dir: PathBuf,
        workdir: PathBuf,
        project: String,
    ) -> Self {
        Self {
            store,
            hooks,
            dir,
            workdir,
            project,
        }
    }

    /// The hooks events are delivered to (the blocking ones are checks instead).
    fn delivered(&self) -> impl Iterator<Item = &HookConfig> {
        self.hooks.iter().filter(|hook| !hook.blocking)
    }

    pub fn any(&self) -> bool {
        self.delivered().next().is_some()
    }

    fn named(&self, name: &str) -> Result<&HookConfig, AppError> {
        self.hooks
            .iter()
            .find(|hook| hook.name == name)
            .ok_or_else(|| AppError::NoHook {
                name: name.to_owned(),
                known: self
                    .hooks
                    .iter()
                    .map(|h| h.name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// A hook seen for the first time starts at the head: adding one does not replay all
    /// of history to it. Called before every write, so the write's events are owed.
    pub fn arm(&self) -> Result<(), AppError> {
        let mut head = None;
        for hook in self.delivered() {
            if HookState::load(self.store, &hook.name)?.is_none() {
                let delivered = match head {
                    Some(head) => head,
                    None => *head.insert(self.store.head_position()?),
                };
                let state = HookState {
                    delivered,
                    ..HookState::default()
                };
                state.save(self.store, &hook.name)?;
            }
        }
        Ok(())
    }

    pub fn list(&self) -> Result<Vec<HookStatus>, AppError> {
        let head = self.store.head_position()?;
        self.hooks
            .iter()
            .map(|hook| {
                let state = HookState::load(self.store, &hook.name)?;
                let delivered = state.as_ref().map(|s| s.delivered);
                let state = state.unwrap_or_default();
                Ok(HookStatus {
                    name: hook.name.clone(),
                    on: hook.on.clone(),
                    run: hook.run.clone(),
                    blocking: hook.blocking,
                    timeout_ms: u64::try_from(hook.timeout().as_millis()).unwrap_or(u64::MAX),
                    attempts: hook.attempts(),
                    filter: hook.filter.clone(),
                    delivered: delivered.filter(|_| !hook.blocking),
                    behind: if hook.blocking {
                        0
                    } else {
                        head.saturating_sub(delivered.unwrap_or(head))
                    },
                    failures: state.failures,
                    last_error: state.last_error,
                    parked: state.parked.len(),
                })
            })
            .collect()
    }

    pub fn failed(&self) -> Result<Vec<ParkedDelivery>, AppError> {
        let mut all = Vec::new();
        for hook in self.hooks {
            if let Some(state) = HookState::load(self.store, &hook.name)? {
                all.extend(state.parked.into_iter().map(|parked| ParkedDelivery {
                    hook: hook.name.clone(),
                    parked,
                }));
            }
        }
        all.sort_by_key(|p| (p.parked.position, p.hook.clone()));
        Ok(all)
    }

    /// Delivers everything owed, waiting out retries, and returns once nothing is owed
    /// (or, without `wait`, at once if another runner holds the lock).
    pub fn run(&self, wait: bool, stop: &AtomicBool) -> Result<Delivery, AppError> {
        let mut delivery = Delivery::default();
        if !self.any() {
            return Ok(delivery);
        }
        self.arm()?;
        loop {
            let Some(lock) = RunnerLock::take(&self.dir, wait)? else {
                delivery.busy = true;
                return Ok(delivery);
            };
            let mut next_retry = None;
            for hook in self.delivered() {
                if let Some(at) = self.drain(hook, &lock, &mut delivery)? {
                    next_retry = Some(next_retry.map_or(at, |next: u64| next.min(at)));
                }
            }
            drop(lock);
            if stop.load(Ordering::SeqCst) {
                return Ok(delivery);
            }
            if let Some(at) = next_retry {
                sleep_until(at, stop);
                continue;
            }
            // A writer that found the lock taken left its events to this runner.
            if !self.owed()? {
                return Ok(delivery);
            }
        }
    }

    /// Runs continuously: delivers, then sleeps on the store's change notifications until
    /// the next event (or `stop`).
    pub fn follow(&self, stop: &AtomicBool, mut each: impl FnMut(&Delivery)) -> Result<(), AppError> {
        while !stop.load(Ordering::SeqCst) {
            let delivery = self.run(true, stop)?;
            if delivery != Delivery::default() {
                each(&delivery);
            }
            let seen = self.store.head_position()?;
            let behind = self.owed()?;
            if !behind {
                self.store.wait_for_events(seen, Duration::from_secs(5))?;
            }
        }
        Ok(())
    }

    /// Starts `jerry hooks run --background` for this project, detached (its own process
    /// group, so a writer killed with Ctrl-C leaves it running), unless a runner holds
    /// the lock: that one looks at the head again before it stops.
    pub fn kick(&self, url: Option<&crate::store::StoreUrl>) {
        use std::os::unix::process::CommandExt;
        match RunnerLock::take(&self.dir, false) {
            Ok(Some(lock)) => drop(lock),
            _ => return,
        }
        let Ok(exe) = std::env::current_exe() else {
            return;
        };
        let mut command = std::process::Command::new(exe);
        command
            .args(["hooks", "run", "--background"])
            .env("JERRY_ROOT", &self.workdir)
            .env("JERRY_PROJECT", &self.project)
            .env_remove("JERRY_FAULT")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .process_group(0);
        if let Some(url) = url {
            command.env("JERRY_STORE", url.setting());
        }
        if let Ok(mut child) = command.spawn() {
            // Reaped by a thread: a long-lived door (MCP, the board) leaves no zombies.
            std::thread::spawn(move || {
                let _ = child.wait();
            });
        }
    }

    /// Whether some hook has events after its record that it could look at now.
    fn owed(&self) -> Result<bool, AppError> {
        let head = self.store.head_position()?;
        let now = now_ms();
        for hook in self.delivered() {
            let Some(state) = HookState::load(self.store, &hook.name)? else {
                continue;
            };
            if state.delivered < head && state.retry_at.is_none_or(|at| at <= now) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Delivers `hook`'s owed events in order; the moment of a retry it waits for, if any.
    fn drain(
        &self,
        hook: &HookConfig,
        lock: &RunnerLock,
        delivery: &mut Delivery,
    ) -> Result<Option<u64>, AppError> {
        let Some(mut state) = HookState::load(self.store, &hook.name)? else {
            return Ok(None);
        };
        let files = RunFiles::of(&self.dir, &hook.name);
        let mut dirty = false;
        if let Some(inflight) = state.inflight {
            self.recover(hook, &mut state, inflight, &files, delivery)?;
            dirty = true;
        }
        loop {
            if let Some(at) = state.retry_at {
                if at > now_ms() {
                    if dirty {
                        state.save(self.store, &hook.name)?;
                    }
                    return Ok(Some(at));
                }
            }
            let page = self.store.read_global(state.delivered, PAGE)?;
            if page.is_empty() {
                break;
            }
            for event in &page {
                if !self.matches(hook, event)? {
                    state.delivered = event.position;
                    dirty = true;
                    continue;
                }
                state.retry_at = None;
                let ended = self.start(hook, &mut state, event, false, &files, lock)?;
                Self::settle(hook, &mut state, event, false, ended, delivery);
                dirty = true;
                if state.retry_at.is_some() {
                    break;
                }
            }
        }
        if dirty {
            state.save(self.store, &hook.name)?;
        }
        Ok(None)
    }

    /// Records the run about to start (durably, with whatever came before it), then runs it.
    fn start(
        &self,
        hook: &HookConfig,
        state: &mut HookState,
        event: &RecordedEvent,
        retry: bool,
        files: &RunFiles,
        lock: &RunnerLock,
    ) -> Result<Ended, AppError> {
        state.runs += 1;
        state.inflight = Some(Inflight {
            position: event.position,
            run: state.runs,
            retry,
        });
        state.save(self.store, &hook.name)?;
        let line = event_line(event)?;
        let attempt = if retry { 1 } else { state.failures + 1 };
        exec::run(
            &exec::Run {
                hook: &hook.name,
                command: &hook.run,
                workdir: &self.workdir,
                env: self.env(hook, event, attempt),
                line: &line,
                number: state.runs,
                timeout: hook.timeout(),
            },
            files,
            lock,
        )
    }

    /// A run a runner left behind: its wrapper has ended (this runner holds the lock), so
    /// its status is on disk, or it never started, or it was killed with its hook.
    fn recover(
        &self,
        hook: &HookConfig,
        state: &mut HookState,
        inflight: Inflight,
        files: &RunFiles,
        delivery: &mut Delivery,
    ) -> Result<(), AppError> {
        let ended = match files.status_of(inflight.run) {
            Some(0) => Ended::Succeeded,
            Some(code) => Ended::Failed(exec::failure(code, &files.said())),
            None => Ended::Failed("interrupted: its runner stopped before the hook ended".to_owned()),
        };
        let event = self
            .store
            .read_global(inflight.position.saturating_sub(1), 1)?
            .into_iter()
            .find(|e| e.position == inflight.position);
        match event {
            Some(event) => Self::settle(hook, state, &event, inflight.retry, ended, delivery),
            // The log no longer holds it (restored from an older copy): nothing to settle.
            None => state.inflight = None,
        }
        Ok(())
    }

    /// Records how a run of `event` ended.
    fn settle(
        hook: &HookConfig,
        state: &mut HookState,
        event: &RecordedEvent,
        retry: bool,
        ended: Ended,
        delivery: &mut Delivery,
    ) {
        state.inflight = None;
        if retry {
            let at = state.parked.iter().position(|p| p.position == event.position);
            match (ended, at) {
                (Ended::Succeeded, Some(at)) => {
                    state.parked.remove(at);
                    delivery.delivered += 1;
                }
                (Ended::Failed(error), Some(at)) => {
                    state.parked[at].failures += 1;
                    state.parked[at].error = error;
                    delivery.failed += 1;
                }
                (_, None) => {}
            }
            return;
        }
        match ended {
            Ended::Succeeded => {
                state.delivered = event.position;
                state.failures = 0;
                state.last_error = None;
                state.retry_at = None;
                delivery.delivered += 1;
            }
            Ended::Failed(error) => {
                delivery.failed += 1;
                state.failures += 1;
                if state.failures >= hook.attempts() {
                    state.parked.push(Parked {
                        position: event.position,
                        event_id: event.event_id,
                        event_type: event.event_type.clone(),
                        aggregate_id: event.aggregate_id.clone(),
                        failures: state.failures,
                        error,
                        parked_at: now_ms(),
                    });
                    state.delivered = event.position;
                    state.failures = 0;
                    state.last_error = None;
                    state.retry_at = None;
                    delivery.parked += 1;
                } else {
                    let wait =
                        u64::try_from(hook.retry_after(state.failures).as_millis()).unwrap_or(u64::MAX);
                    state.retry_at = Some(now_ms().saturating_add(wait));
                    state.last_error = Some(error);
                }
            }
        }
    }

    /// Sends parked deliveries again, in order (`jerry hooks retry`): those of `name`, or
    /// of every hook. One that fails again stays parked.
    pub fn retry(&self, name: Option<&str>) -> Result<Delivery, AppError> {
        if let Some(name) = name {
            self.named(name)?;
        }
        let mut delivery = Delivery::default();
        if !self.any() {
            return Ok(delivery);
        }
        let Some(lock) = RunnerLock::take(&self.dir, true)? else {
            delivery.busy = true;
            return Ok(delivery);
        };
        for hook in self.delivered().filter(|h| name.is_none_or(|n| n == h.name)) {
            let Some(mut state) = HookState::load(self.store, &hook.name)? else {
                continue;
            };
            let files = RunFiles::of(&self.dir, &hook.name);
            if let Some(inflight) = state.inflight {
                self.recover(hook, &mut state, inflight, &files, &mut delivery)?;
            }
            let positions: Vec<u64> = state.parked.iter().map(|p| p.position).collect();
            for position in positions {
                let Some(event) = self.event_at(position)? else {
                    continue;
                };
                let ended = self.start(hook, &mut state, &event, true, &files, &lock)?;
                Self::settle(hook, &mut state, &event, true, ended, &mut delivery);
            }
            state.save(self.store, &hook.name)?;
        }
        Ok(delivery)
    }

    /// Runs `name` once on the event at `position`, recording nothing.
    pub fn test(&self, name: &str, position: u64) -> Result<Tried, AppError> {
        let hook = self.named(name)?;
        let event = self
            .event_at(position)?
            .ok_or(AppError::NoSuchPosition(position))?;
        let line = event_line(&event)?;
        let error = exec::check(
            &hook.run,
            &self.workdir,
            &self.env(hook, &event, 1),
            &line,
            hook.timeout(),
        )
        .map_err(|err| AppError::io(format!("hook {name}: cannot run it"), err))?;
        Ok(Tried {
            hook: name.to_owned(),
            position,
            ok: error.is_none(),
            error,
        })
    }

    fn event_at(&self, position: u64) -> Result<Option<RecordedEvent>, AppError> {
        if position == 0 {
            return Ok(None);
        }
        Ok(self
            .store
            .read_global(position - 1, 1)?
            .into_iter()
            .find(|e| e.position == position))
    }

    /// Whether `hook` is for `event`: its type, and the item as the event left it.
    fn matches(&self, hook: &HookConfig, event: &RecordedEvent) -> Result<bool, AppError> {
        if !hook.wants(&event.event_type) {
            return Ok(false);
        }
        if hook.filter.is_empty() {
            return Ok(true);
        }
        let Some(filter) = item_filter(hook) else {
            return Ok(false);
        };
        let Ok(id) = event.aggregate_id.parse::<crate::domain::WorkItemId>() else {
            return Ok(false);
        };
        let stream = super::stream_for(id)?;
        let events = self.store.read(&stream, 1, event.version)?;
        let Some(item) = super::repository::replay(&stream, &events)? else {
            return Ok(false);
        };
        Ok(filter.matches(&item, None))
    }

    fn env(&self, hook: &HookConfig, event: &RecordedEvent, attempt: u32) -> Vec<(String, String)> {
        vec![
            ("JERRY_HOOK".into(), hook.name.clone()),
            ("JERRY_HOOK_ATTEMPT".into(), attempt.to_string()),
            ("JERRY_PROJECT".into(), self.project.clone()),
            ("JERRY_EVENT_ID".into(), event.event_id.to_string()),
            ("JERRY_EVENT_TYPE".into(), event.event_type.clone()),
            ("JERRY_EVENT_POSITION".into(), event.position.to_string()),
            ("JERRY_EVENT_VERSION".into(), event.version.to_string()),
            ("JERRY_EVENT_ITEM".into(), event.aggregate_id.clone()),
            ("JERRY_EVENT_ACTOR".into(), event.metadata.actor.clone()),
            ("JERRY_EVENT_TIMESTAMP".into(), event.timestamp.to_string()),
        ]
    }
}

/// The event as `events list --jsonl` prints it.
fn event_line(event: &RecordedEvent) -> Result<String, AppError> {
    serde_json::to_string(event).map_err(|err| AppError::io("cannot encode an event", err.into()))
}

/// The hook's `filter` as an `items list` filter; `None` if a value names nothing (such a
/// hook matches no event rather than every one).
fn item_filter(hook: &HookConfig) -> Option<ItemFilter> {
    let mut filter = ItemFilter::default();
    for (key, value) in &hook.filter {
        let values = value.split(',').map(str::trim).filter(|v| !v.is_empty());
        match key.as_str() {
            "status" => filter.statuses = values.map(str::parse).collect::<Result<_, _>>().ok()?,
            "type" => filter.types = values.map(str::parse).collect::<Result<_, _>>().ok()?,
            "priority" => filter.priorities = values.map(str::parse).collect::<Result<_, _>>().ok()?,
            "label" => filter.labels = values.map(str::to_owned).collect(),
            "assignee" => filter.assignee = Some(super::Assignee::from_word(value.trim())),
            _ => return None,
        }
    }
    Some(filter)
}

fn sleep_until(at: u64, stop: &AtomicBool) {
    while !stop.load(Ordering::SeqCst) {
        let now = now_ms();
        if now >= at {
            return;
        }
        std::thread::sleep(Duration::from_millis((at - now).min(200)));
    }
}
