//! What one invocation was told: the application's [`Setup`] (built once, with the
//! process's clock and ids, by `main`), plus what only the command line knows.

use jerry::app::{Environment, Overrides, Session, Setup};

use super::flags::GlobalArgs;
use super::output::Format;
use crate::door::error::{CommandError, CommandResult};

pub struct Context {
    setup: Setup,
    /// `--actor` typed on the command line (not from JERRY_ACTOR): read commands then keep
    /// only that actor's events.
    actor_filter: Option<String>,
    /// `--format`, when given (a command may refuse one that does not apply to it).
    format: Option<Format>,
    /// `--actor` or JERRY_ACTOR was given (not just the actor setting).
    actor_given: bool,
}

impl Context {
    pub fn new(global: GlobalArgs, actor_typed: bool, env: Environment) -> CommandResult<Self> {
        let GlobalArgs {
            project,
            root,
            json,
            format,
            actor,
            color: _,
            quiet: _,
            wide: _,
            utc: _,
            correlation_id,
            lock_timeout,
            store,
        } = global;
        let cwd = std::env::current_dir()
            .map_err(|err| CommandError::failure(format!("cannot read the current directory: {err}")))?;
        let actor_filter = actor.clone().filter(|_| actor_typed);
        let overrides = Overrides {
            root,
            project,
            actor,
            correlation_id,
            lock_timeout,
            store,
        };
        Ok(Self {
            setup: Setup::new(overrides, env, &cwd)?,
            actor_filter,
            // `--json` always wins over `--format`.
            format: if json { None } else { format },
            actor_given: false,
        })
    }

    pub fn with_actor_given(mut self, given: bool) -> Self {
        self.actor_given = given;
        self
    }

    /// Whether `--actor` or JERRY_ACTOR named the actor.
    pub fn actor_given(&self) -> bool {
        self.actor_given
    }

    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// Opens the session every command but `init`, `config` and `projects` runs in.
    pub fn open(&self) -> CommandResult<Session> {
        Ok(self.setup.open()?)
    }

    /// Opens a session for a read, which never writes anything; `require_project` makes a
    /// workspace without the project an error (exit 3) rather than an empty answer.
    pub fn read(&self, require_project: bool) -> CommandResult<Session> {
        Ok(self.setup.open_read(require_project)?)
    }

    /// `--format` as given on the command line, if it was.
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The actor to filter events by: `--actor` when typed on the command line.
    pub fn actor_filter(&self) -> Option<String> {
        self.actor_filter.clone()
    }
}

/// A typed moment (`2h`, `yesterday`), measured from the session's clock.
pub fn resolve_time(
    spec: Option<jerry::timestamp::TimeSpec>,
    session: &Session,
) -> CommandResult<Option<jerry::timestamp::Timestamp>> {
    Ok(spec.map(|spec| spec.resolve(session.now())).transpose()?)
}
