//! The application service: the one way anything changes. A front door (the CLI today;
//! MCP, the board and sync next) opens one [`Session`] through [`super::Setup`] and calls
//! it; policies, idempotency, the quality gate and creating the project on its first write
//! all happen in here, so no front door can skip or repeat them.

use std::io::BufRead;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::config::ProjectConfig;
use crate::domain::{ProjectId, WorkType};
use crate::project::Workspace;
use crate::store::{Backend, EventStore, OpenOptions, StoreUrl};
use crate::timestamp::Timestamp;

use super::commands::CommandDispatcher;
use super::doctor::{self, DoctorReport};
use super::exchange::{Incoming, Received, SharedEvent, Survey};
use super::{
    AppError, Command, CommandOutcome, Environment, EventLog, ImportReport, MigrateReport, PolicyEngine,
    Queries, Reaction, ReplayCounts, UndoTarget, Undone, WriteOptions,
};

/// How many ready items `items claim` without an id reads beyond those it has tried: a
/// few claimers racing for the first item each find another in the same read.
const CLAIM_ROUND: usize = 16;

/// What a write did beyond its own result: the policies' reactions, and what the user
/// should hear about.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<T> {
    pub value: T,
    /// What the project's policies did in reaction (to this write, or to earlier triggers
    /// a crashed process left unanswered).
    pub reactions: Vec<Reaction>,
    /// The policies could not run; the write itself stands and the next write catches up.
    pub policy_failure: Option<String>,
    /// This write created the project (the workspace had none).
    pub created_project: Option<ProjectId>,
}

/// `events replay`: the counts, how long it took, and (with verify) every disagreement.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplayReport {
    pub counts: ReplayCounts,
    pub seconds: f64,
    pub differences: Vec<String>,
}

/// `store migrate`: where from, where to, and what was copied.
#[derive(Debug, Clone, PartialEq)]
pub struct Migration {
    pub from: Option<StoreUrl>,
    pub to: StoreUrl,
    pub report: MigrateReport,
}

/// What [`super::Setup::open`] hands over.
pub(super) struct Parts {
    pub workspace: Workspace,
    pub project: ProjectId,
    pub first: bool,
    pub store: Backend,
    pub url: StoreUrl,
    pub options: OpenOptions,
    pub env: Environment,
    pub actor: String,
    pub correlation_id: Option<String>,
    pub config: ProjectConfig,
}

pub struct Session {
    workspace: Workspace,
    project: ProjectId,
    /// The project does not exist yet; the first successful write creates it.
    first: AtomicBool,
    store: Backend,
    /// How the store was opened; `None` for a store handed in whole ([`Session::detached`]).
    url: Option<StoreUrl>,
    options: OpenOptions,
    env: Environment,
    actor: String,
    correlation_id: Option<String>,
    config: ProjectConfig,
    /// The read model kept in memory between reads, for a long-lived front door (MCP).
    warm: Option<std::sync::Mutex<Option<super::ItemsProjection>>>,
    /// The project's blocking hooks, which every command's events pass before appending.
    checks: Option<super::hooks::BlockingHooks>,
}

impl Session {
    /// A session over a store opened by the caller (a [`crate::store::memory::MemoryStore`]
    /// in tests), outside any workspace: the same write path, policies and queries as
    /// [`super::Setup::open`] gives, for project `PROJ-001` with `config`'s settings.
    pub fn detached(
        store: Backend,
        env: Environment,
        actor: impl Into<String>,
        config: ProjectConfig,
    ) -> Self {
        let project = ProjectId::from_number(1);
        let root = std::path::PathBuf::from(".");
        Self {
            workspace: Workspace::discover(Some(root.clone()), &root),
            project: project.clone(),
            first: AtomicBool::new(false),
            store,
            url: None,
            options: OpenOptions {
                data_dir: root.clone(),
                scope: project.as_str().to_owned(),
                lock_timeout: std::time::Duration::from_secs(5),
            },
            env,
            actor: actor.into(),
            correlation_id: None,
            checks: super::hooks::BlockingHooks::of(&config.hooks, root, project.as_str().to_owned()),
            config,
            warm: None,
        }
    }

    pub(super) fn new(parts: Parts) -> Self {
        let Parts {
            workspace,
            project,
            first,
            store,
            url,
            options,
            env,
            actor,
            correlation_id,
            config,
        } = parts;
        let checks = super::hooks::BlockingHooks::of(
            &config.hooks,
            workspace.root().to_path_buf(),
            project.as_str().to_owned(),
        );
        Self {
            checks,
            workspace,
            project,
            first: AtomicBool::new(first),
            store,
            url: Some(url),
            options,
            env,
            actor,
            correlation_id,
            config,
            warm: None,
        }
    }

    /// Keeps the read model in memory between this session's reads, caught up from the log
    /// at each one, instead of loading the cache every time: for a process that serves many
    /// reads (the MCP server).
    pub fn keep_warm(&mut self) {
        self.warm.get_or_insert_with(|| std::sync::Mutex::new(None));
    }

    pub fn project(&self) -> &ProjectId {
        &self.project
    }

    /// The store, for reading (following the log); writes go through the session.
    /// The store itself, for the property tests that check the read models against it.
    /// Front doors read the log through [`Session::events`] and write through the
    /// service's methods: the one write path (`tests/architecture.rs` keeps it so).
    #[doc(hidden)]
    pub fn store_for_checks(&self) -> &dyn EventStore {
        &self.store
    }

    /// A front door's own durable state (sync's tip and what it sent), kept with the log.
    pub(crate) fn load_state(&self, name: &str) -> Result<Option<Vec<u8>>, AppError> {
        Ok(self.store.load_state(name)?)
    }

    /// Replaces a front door's durable state (see [`Session::load_state`]) atomically.
    pub(crate) fn save_state(&self, name: &str, bytes: &[u8]) -> Result<(), AppError> {
        Ok(self.store.save_state(name, bytes)?)
    }

    pub fn workspace_root(&self) -> &std::path::Path {
        self.workspace.root()
    }

    /// Why the workspace in use is the one it is (a git worktree shares its main one's).
    pub fn workspace_found(&self) -> &crate::project::Found {
        self.workspace.found()
    }

    /// The URL the store was opened from (`None` for a [`Session::detached`] one).
    pub fn store_url(&self) -> Option<&StoreUrl> {
        self.url.as_ref()
    }

    pub fn backend_kind(&self) -> &'static str {
        self.store.kind()
    }

    pub fn location(&self) -> std::path::PathBuf {
        self.store.location()
    }

    /// False while the project has not been created (its first write creates it).
    pub fn project_exists(&self) -> bool {
        !self.first.load(Ordering::SeqCst)
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The clock's now: what relative times (`2h`, `yesterday`) are measured from.
    pub fn now(&self) -> Timestamp {
        self.env.now()
    }

    /// The type of a new item when none is given: the project's `default_type`, else task.
    pub fn default_type(&self) -> WorkType {
        self.config.default_type.unwrap_or_default()
    }

    /// The read side, reporting missing items with this project's name.
    pub fn queries(&self) -> Queries<'_> {
        Queries::new(&self.store)
            .in_project(&self.project)
            .at_time(self.now())
            .kept_warm(self.warm.as_ref())
    }

    /// The whole log in its global order.
    pub fn events(&self) -> EventLog<'_> {
        EventLog::new(&self.store)
    }

    fn dispatcher(&self) -> CommandDispatcher<'_> {
        CommandDispatcher::new(&self.store, &*self.env.clock, &*self.env.ids, self.actor.clone())
            .with_quality_gate(self.config.quality_gate.unwrap_or_default())
            .with_wip_limits(self.config.wip_limits())
            .with_warm(self.warm.as_ref())
            .with_check(
                self.checks
                    .as_ref()
                    .map(|c| c as &dyn super::commands::WriteCheck),
            )
    }

    fn policies(&self) -> PolicyEngine<'_> {
        PolicyEngine::new(
            &self.store,
            &*self.env.clock,
            &*self.env.ids,
            self.config.enabled_policies(),
            self.config.quality_gate.unwrap_or_default(),
        )
    }

    /// Whether `commands` make recurring work or may finish an item that recurs: the
    /// reaction that brings its next instance must be armed before such a write (see
    /// [`PolicyEngine::arm`]). Reads an item only for a command that finishes one.
    fn recurring(&self, commands: &[Command]) -> bool {
        // Only a write that will be accepted arms: a refused one writes nothing at all.
        let load = |item: &crate::domain::ItemRef| super::ItemRepository::new(&self.store).load_ref(*item);
        commands.iter().any(|command| match command {
            Command::Create(new) => new.recur.is_some() && new.validate().is_ok(),
            Command::SetRecurrence {
                item,
                recur: Some(recur),
            } => load(item).is_ok_and(|item| item.set_recurrence(Some(*recur)).is_ok()),
            Command::ChangeStatus { item, to, reason } if to.is_finished() => load(item).is_ok_and(|item| {
                item.recur.is_some() && item.change_status(*to, reason.clone(), self.now()).is_ok()
            }),
            Command::Together(commands) => self.recurring(commands),
            _ => false,
        })
    }

    /// Names this project in a not-found error.
    fn locate(&self, err: AppError) -> AppError {
        match err {
            AppError::ItemNotFound(item) => AppError::ItemMissing {
                item,
                project: self.project.clone(),
            },
            other => other,
        }
    }

    /// Runs one command: arms the policies, dispatches (idempotency, the quality gate, the
    /// guarded append), creates the project on its first write, then lets the policies
    /// react. On a refusal nothing is written.
    pub fn execute(
        &self,
        command: Command,
        options: WriteOptions,
    ) -> Result<Outcome<CommandOutcome>, AppError> {
        let mut options = options;
        if options.correlation_id.is_none() {
            options.correlation_id.clone_from(&self.correlation_id);
        }
        // A claim that names no lease gets the project's `claim_lease`, whichever door.
        let command = match command {
            Command::Claim {
                item,
                lease_seconds: None,
            } => Command::Claim {
                item,
                lease_seconds: self.config.default_lease(),
            },
            other => other,
        };
        let engine = self.policies();
        engine.arm(self.recurring(std::slice::from_ref(&command)))?;
        self.hooks().arm()?;
        let outcome = self
            .dispatcher()
            .dispatch(command, options)
            .map_err(|err| self.locate(err))?;
        crate::faults::inject("before-policies");
        self.react(outcome, &engine)
    }

    /// Runs several commands, each on its own item, all or nothing: each is decided on its
    /// item's state, and only if all are accepted are their events appended, in one atomic
    /// [`crate::store::EventStore::append_all`]. The policies react once, to all of them.
    pub fn execute_all(
        &self,
        commands: Vec<Command>,
        options: WriteOptions,
    ) -> Result<Outcome<Vec<CommandOutcome>>, AppError> {
        let mut options = options;
        if options.correlation_id.is_none() {
            options.correlation_id.clone_from(&self.correlation_id);
        }
        let engine = self.policies();
        engine.arm(self.recurring(&commands))?;
        self.hooks().arm()?;
        let outcomes = if commands.len() == 1 {
            let command = commands.into_iter().next().ok_or(AppError::SeveralCreates)?;
            vec![self.dispatcher().dispatch(command, options)]
                .into_iter()
                .collect::<Result<Vec<_>, _>>()
        } else {
            self.dispatcher().dispatch_all(commands, options)
        }
        .map_err(|err| self.locate(err))?;
        crate::faults::inject("before-policies");
        self.react(outcomes, &engine)
    }

    /// `items claim` without an id: the first item of `items ready` that `filter` keeps,
    /// claimed for this session's actor in one append guarded by the version the read
    /// showed. Losing that race to another claimer moves on to the next ready item; only
    /// when none is left is it [`AppError::NothingReady`]. So N claimers at once take N
    /// distinct items.
    pub fn claim_next(
        &self,
        filter: &super::ItemFilter,
        lease_seconds: Option<u64>,
        options: WriteOptions,
    ) -> Result<Outcome<CommandOutcome>, AppError> {
        use crate::domain::{DomainError, ItemRef};
        let lease_seconds = lease_seconds.or_else(|| self.config.default_lease());
        let filter = super::ItemFilter {
            limit: None,
            at: None,
            ..filter.clone()
        };
        let mut options = options;
        let request = format!("claim the next ready item: {filter:?}, lease {lease_seconds:?}");
        if let Some(key) = &options.idempotency_key {
            if let Some(value) = self.dispatcher().replay_once(key, &request)? {
                return Ok(Outcome {
                    value,
                    reactions: Vec::new(),
                    policy_failure: None,
                    created_project: None,
                });
            }
        }
        options.request = Some(request);
        let mut tried = std::collections::BTreeSet::new();
        // Each round reads the first few items ready now (at 100,000 items the whole ready
        // list costs what a few items do not), enough that some were not tried before;
        // items tried before are not tried again, so the rounds end (an item freed
        // meanwhile waits for the next claim).
        loop {
            let filter = super::ItemFilter {
                limit: Some(tried.len() + CLAIM_ROUND),
                ..filter.clone()
            };
            let ready = self.queries().ready(&filter)?;
            let fresh: Vec<_> = ready.items.into_iter().filter(|i| tried.insert(i.id)).collect();
            if fresh.is_empty() {
                return Err(AppError::NothingReady {
                    project: self.project.clone(),
                });
            }
            for item in fresh {
                let attempt = WriteOptions {
                    expected_version: Some(item.version),
                    ..options.clone()
                };
                let command = Command::Claim {
                    item: ItemRef::Display(item.id),
                    lease_seconds,
                };
                match self.execute(command, attempt) {
                    Ok(outcome) => return Ok(outcome),
                    Err(
                        AppError::Conflict { .. }
                        | AppError::Domain(DomainError::Claimed { .. } | DomainError::NotClaimable { .. }),
                    ) => {}
                    Err(err) => return Err(err),
                }
            }
        }
    }

    /// The same session, writing as `actor` (`items claim --as`).
    pub fn acting_as(mut self, actor: impl Into<String>) -> Result<Self, AppError> {
        self.set_actor(actor)?;
        Ok(self)
    }

    /// Writes from now on as `actor` (the MCP server names its client so).
    pub fn set_actor(&mut self, actor: impl Into<String>) -> Result<(), AppError> {
        let actor = actor.into();
        crate::domain::limits::check_name("actor", &actor)?;
        self.actor = actor;
        Ok(())
    }

    /// Takes back the named command, this actor's last one, or its last undo (see
    /// `app::undo`).
    pub fn undo(&self, target: UndoTarget<'_>) -> Result<Outcome<Undone>, AppError> {
        let engine = self.policies();
        // An undo brings back a state that was: a recurring item it finishes again was
        // finished before, and its next instance already exists (or is owed, armed then).
        engine.arm(false)?;
        self.hooks().arm()?;
        let undone = super::undo(
            &self.store,
            &*self.env.clock,
            &*self.env.ids,
            &self.actor,
            target,
            self.correlation_id.as_deref(),
        )?;
        self.react(undone, &engine)
    }

    /// After a successful write: the project exists, and the policies have reacted. A
    /// policy failing never fails the write that already succeeded.
    fn react<T>(&self, value: T, engine: &PolicyEngine<'_>) -> Result<Outcome<T>, AppError> {
        let created_project = self.create_if_first()?;
        let (reactions, policy_failure) = match engine.run() {
            Ok(reactions) => (reactions, None),
            Err(err) => (Vec::new(), Some(err.to_string())),
        };
        self.kick_hooks();
        Ok(Outcome {
            value,
            reactions,
            policy_failure,
            created_project,
        })
    }

    /// Makes the project's folder after its first write (the file store made it with the
    /// first event; a database store did not).
    fn create_if_first(&self) -> Result<Option<ProjectId>, AppError> {
        if !self.first.swap(false, Ordering::SeqCst) {
            return Ok(None);
        }
        self.workspace.create_project(&self.project)?;
        Ok(Some(self.project.clone()))
    }

    /// Restores an export (see `app::import`). Imported history carries its own
    /// reactions, so the policies move past it instead of reacting.
    pub fn import(&self, input: impl BufRead + std::io::Seek) -> Result<Outcome<ImportReport>, AppError> {
        self.hooks().arm()?;
        let report = super::import(&self.store, input)?;
        let wrote = report.imported > 0;
        self.imported(report, wrote)
    }

    /// The answer of a write of history that already happened (a restore, an import from
    /// another tool): the policies move past it instead of reacting, and the project
    /// exists once it holds events.
    fn imported<T>(&self, value: T, wrote: bool) -> Result<Outcome<T>, AppError> {
        let mut created_project = None;
        if wrote {
            self.policies().skip_to_head()?;
            created_project = self.create_if_first()?;
            self.kick_hooks();
        }
        Ok(Outcome {
            value,
            reactions: Vec::new(),
            policy_failure: None,
            created_project,
        })
    }

    /// Brings in another tracker's export (see `app::foreign`): new items with their
    /// history, changes to the ones an earlier import made. Like a restore, the imported
    /// history is the source's, so the policies move past it instead of reacting.
    pub fn import_from(
        &self,
        tracker: super::Tracker,
        text: &str,
        dry_run: bool,
    ) -> Result<Outcome<super::ForeignReport>, AppError> {
        let importer = super::foreign::Importer {
            store: &self.store,
            clock: &*self.env.clock,
            ids: &*self.env.ids,
            actor: &self.actor,
            default_type: self.default_type(),
        };
        if !dry_run {
            self.hooks().arm()?;
        }
        let report = super::foreign::import_foreign(&importer, tracker, text, dry_run)?;
        let wrote = report.correlation.is_some();
        self.imported(report, wrote)
    }

    /// The project's hooks (`[[hooks]]`) over this session's store (see `app::hooks`).
    pub fn hooks(&self) -> super::hooks::Hooks<'_> {
        super::hooks::Hooks::new(
            &self.store,
            &self.config.hooks,
            self.workspace
                .project_dir(&self.project)
                .join(".jerry")
                .join("hooks"),
            self.workspace.root().to_path_buf(),
            self.project.as_str().to_owned(),
        )
    }

    /// After a write: starts a hooks runner in the background, unless one is running or
    /// no hook is for delivery. Never fails the write; what it could not start, the next
    /// write (or `jerry hooks run`) delivers.
    fn kick_hooks(&self) {
        let hooks = self.hooks();
        if hooks.any() {
            hooks.kick(self.url.as_ref());
        }
    }

    /// The settings this session was opened with (the project's over the user's).
    pub fn config(&self) -> &crate::config::ProjectConfig {
        &self.config
    }

    /// The git remote `jerry sync` uses when none is named: the `sync_remote` setting, else
    /// `origin`.
    pub fn sync_remote(&self) -> String {
        self.config
            .sync_remote
            .clone()
            .unwrap_or_else(|| "origin".to_owned())
    }

    /// This clone's own events after position `after`, up to `up_to`, in the form clones
    /// exchange, one at a time (see [`super::exchange::each_outgoing`]); `known` names ids
    /// the other side has.
    pub fn each_outgoing(
        &self,
        after: u64,
        up_to: u64,
        known: &dyn Fn(&ulid::Ulid) -> bool,
        each: &mut dyn FnMut(SharedEvent) -> Result<std::ops::ControlFlow<()>, AppError>,
    ) -> Result<(), AppError> {
        super::exchange::each_outgoing(&self.store, after, up_to, known, each)
    }

    /// The first look at what another clone sends (see [`super::exchange::Survey`]):
    /// everything checked that needs all of it, nothing written.
    pub fn survey<I: Incoming + ?Sized>(&self, incoming: &I) -> Result<Survey, I::Error> {
        Survey::of(&self.store, incoming)
    }

    /// Takes events from another clone (see [`super::exchange::receive_all`]): appended
    /// after this clone's head in atomic batches, each checked first. With `dry_run` only
    /// counts. Those events' reactions come with them, so no policy reacts to them here.
    /// `moving` names this clone's items a dry run would renumber first.
    /// `JERRY_SYNC_BATCH` sets how many events a batch carries (4096).
    pub fn receive<I: Incoming + ?Sized>(
        &self,
        incoming: &I,
        survey: &Survey,
        moving: &std::collections::BTreeSet<crate::domain::WorkItemId>,
        dry_run: bool,
    ) -> Result<Outcome<Received>, I::Error> {
        if !dry_run {
            self.hooks().arm()?;
        }
        let batch = std::env::var("JERRY_SYNC_BATCH")
            .ok()
            .and_then(|value| value.parse().ok())
            .unwrap_or(super::exchange::BATCH);
        let received = super::exchange::receive_all(&self.store, incoming, survey, moving, dry_run, batch)?;
        let created_project = if received.appended > 0 {
            let created = self.create_if_first()?;
            self.kick_hooks();
            created
        } else {
            None
        };
        Ok(Outcome {
            value: received,
            reactions: Vec::new(),
            policy_failure: None,
            created_project,
        })
    }

    /// This clone's unsent items that the incoming events took the numbers of (see
    /// [`super::renumber`]); nothing changes.
    pub fn renumber_plan(
        &self,
        incoming: &Survey,
        sent_through: u64,
    ) -> Result<Vec<super::renumber::Renumbering>, AppError> {
        super::renumber::plan(&self.store, incoming, sent_through)
    }

    /// Moves those items to their new numbers and records it; `recovering`: finishes a
    /// plan a crash interrupted.
    pub(crate) fn renumber(
        &self,
        plan: &[super::renumber::Renumbering],
        recovering: bool,
    ) -> Result<(), AppError> {
        super::renumber::apply(&self.store, &*self.env.clock, &*self.env.ids, plan, recovering)
    }

    /// Copies the project's log into the store at `to`; `progress` hears positions.
    pub fn migrate(&self, to: StoreUrl, progress: impl FnMut(u64)) -> Result<Migration, AppError> {
        if self.url.as_ref() == Some(&to) {
            return Err(AppError::SameStore(to));
        }
        // A fresh database gets its schema here: moving into it needs no `store init`.
        Backend::init(&to, &self.options)?;
        let target = Backend::open(&to, &self.options)?;
        if self.store.location() == target.location() {
            return Err(AppError::SameStore(to));
        }
        let report = super::migrate(&self.store, &target, progress)?;
        if matches!(to, StoreUrl::Jsonl) {
            self.workspace.create_project(&self.project)?;
        }
        Ok(Migration {
            from: self.url.clone(),
            to,
            report,
        })
    }

    /// Archives the items finished (and untouched) before `before`, with everything linked
    /// to them; with `dry_run`, only says which. See `app/archive.rs`.
    pub fn archive(&self, before: Timestamp, dry_run: bool) -> Result<super::ArchiveReport, AppError> {
        super::archive::archive(&self.store, before, dry_run)
    }

    /// Checks the log, the index, the read model and the snapshots; with `repair`, fixes
    /// what is safe and checks again on a freshly opened store.
    ///
    /// With `accept_loss` (only with `repair`, and only the file store has a global index
    /// to disagree with its streams), first gives up what no stream holds any more (see
    /// [`crate::store::jsonl::Loss`]); the findings reported are those from before.
    pub fn doctor(
        &self,
        repair: bool,
        accept_loss: bool,
        progress: &mut dyn FnMut(u64),
    ) -> Result<DoctorReport, AppError> {
        let accepted = match self.store.as_jsonl() {
            Some(files) if repair && accept_loss => {
                let (before, _, _) = doctor::check(&self.store, false, progress)?;
                Some((before, files.accept_loss()?))
            }
            _ => None,
        };
        let (mut before, mut repaired, read) = doctor::check(&self.store, repair, progress)?;
        if let Some((first, loss)) = accepted {
            before = first;
            repaired.accepted_loss = Some(loss);
        }
        let after = match (repair, &self.url) {
            (true, Some(url)) => {
                Some(doctor::check(&Backend::open(url, &self.options)?, false, &mut |_| {})?.0)
            }
            (true, None) => Some(doctor::check(&self.store, false, &mut |_| {})?.0),
            (false, _) => None,
        };
        // The one-pass check read every item already; else the read model says.
        let conflicts = match read {
            Some(conflicts) if repaired == crate::store::jsonl::Repair::default() => conflicts,
            _ => super::ItemsProjection::fresh(&self.store)
                .map(|model| super::exchange::conflicts_in(model.items.values()))
                .unwrap_or_default(),
        };
        Ok(DoctorReport {
            project: self.project.clone(),
            before,
            repaired,
            after,
            conflicts,
        })
    }

    /// Rebuilds the read model from the log (up to `until`); with `verify`, checks it
    /// against the incremental one and each item's own stream. Saves it when it is whole
    /// and agrees.
    pub fn replay(
        &self,
        until: Option<Timestamp>,
        verify: bool,
        progress: impl FnMut(u64),
    ) -> Result<ReplayReport, AppError> {
        let started = Instant::now();
        let (rebuilt, counts) = super::rebuild(&self.store, until, progress)?;
        let seconds = started.elapsed().as_secs_f64();
        // The read models hold current work: the rebuild without what is archived (a
        // copy only when the whole rebuild is still needed, to verify against streams).
        let archived = until.is_none() && self.store.archive_generation()? > 0;
        let (mut current, rebuilt) = if verify && archived {
            (rebuilt.clone(), Some(rebuilt))
        } else {
            (rebuilt, None)
        };
        if until.is_none() {
            current.leave_out_archived(&self.store)?;
        }
        let mut differences = Vec::new();
        if verify {
            if until.is_none() {
                let incremental = super::ItemsProjection::current(&self.store)?;
                differences.extend(super::compare(&current.items, &incremental.items));
                if let Some(index) = super::item_index::ItemIndex::current(&self.store)? {
                    match index.all() {
                        Ok(indexed) => differences.extend(
                            super::compare(&indexable(&current.items), &indexed)
                                .into_iter()
                                .map(|difference| format!("item index: {difference}")),
                        ),
                        Err(err) => differences.push(err.to_string()),
                    }
                }
            }
            let whole = rebuilt.as_ref().unwrap_or(&current);
            differences.extend(super::verify(&self.store, &whole.items, until)?);
        }
        if until.is_none() && differences.is_empty() {
            current.save(&self.store);
        }
        // Freeing 100,000 items takes some 20 ms (a fifth of saving them when the cache
        // was unchanged): a process about to exit need not wait for it, and a long-lived one
        // frees them all the same.
        let freed = move || drop((current, rebuilt));
        // Where no thread can be started, the closure (and the model) is dropped here.
        let _ = std::thread::Builder::new().spawn(freed);
        Ok(ReplayReport {
            counts,
            seconds,
            differences,
        })
    }

    /// A synthetic project for benchmarks (see `app::generate`).
    pub fn generate(
        &self,
        items: u64,
        events_per_item: u64,
        progress: impl FnMut(u64),
    ) -> Result<u64, AppError> {
        super::generate(
            &self.store,
            &*self.env.clock,
            &*self.env.ids,
            items,
            events_per_item,
            progress,
        )
    }
}

/// The items the item index holds a row for: all but the deleted ones (a copy only when
/// there are some).
fn indexable(items: &super::ItemsModel) -> std::borrow::Cow<'_, super::ItemsModel> {
    let deleted = |item: &crate::domain::WorkItem| item.status == crate::domain::Status::Deleted;
    if !items.values().any(deleted) {
        return std::borrow::Cow::Borrowed(items);
    }
    std::borrow::Cow::Owned(
        items
            .iter()
            .filter(|(_, item)| !deleted(item))
            .map(|(id, item)| (*id, item.clone()))
            .collect(),
    )
}
