//! The application layer: commands in, values out. [`Setup`] resolves what a front door
//! was given into a [`Session`], the one write path (policies, idempotency, the quality
//! gate, undo, import, migrate, doctor) and the way to the query side. Loads aggregates
//! from the store, asks the domain for new events, appends them with the version it
//! loaded. Never prints.

mod archive;
mod commands;
mod commits;
mod doctor;
mod environment;
mod error;
mod event_log;
pub mod exchange;
mod exchange_state;
mod foreign;
mod generate;
mod hooks;
mod import;
mod item_filter;
pub mod item_index;
mod log_pages;
mod migrate;
mod moving;
mod policy;
mod projection;
mod queries;
pub mod renumber;
mod replay;
mod repository;
mod session;
mod setup;
mod snapshot;
mod undo;

pub use archive::ArchiveReport;
pub(crate) use commands::CommandDispatcher;
pub use commands::{Command, CommandOutcome, Warning, WriteOptions};
pub use commits::{CommitLinkOutcome, CommitNote};
pub use doctor::DoctorReport;
pub use environment::{Clock, Environment, FixedClock, IdSource, SeededIds, SystemClock, UlidSource};
pub use error::AppError;
pub use event_log::{
    event_type_named, stream_of, EventFilter, EventLog, EventPage, GroupBy, SequenceMatch, StatGroup, Stats,
    PAGE,
};
pub use exchange_state::ExchangeState;
/// Writes without a session: for the benches, which fill a bare store (doors use
/// [`Session::generate`]).
#[doc(hidden)]
pub use foreign::{ForeignReport, ImportedItem, ItemAction, Tracker};
pub use generate::generate;
pub use hooks::{Delivery, HookState, HookStatus, Hooks, Parked, ParkedDelivery, Tried};
/// Writes without a session: for the fuzz target, which feeds a bare store (doors use
/// [`Session::import`]).
#[doc(hidden)]
pub use import::import;
pub use import::ImportReport;
pub use item_filter::{Assignee, ItemFilter, ItemSummary, SortKey, Waiting};
pub(crate) use migrate::migrate;
pub use migrate::{content_hash, LogDigest, MigrateReport};
pub use moving::Moved;
pub(crate) use policy::PolicyEngine;
pub use policy::{Policy, Reaction};
pub use projection::{ItemsModel, ItemsProjection};
pub use queries::{ItemList, Page, Queries};
pub use replay::{compare, rebuild, verify, ReplayCounts};
pub use repository::{stream_for, ItemRepository};
pub use session::{Migration, Outcome, ReplayReport, Session};
pub use setup::{ConfigLayers, Overrides, ProjectSummary, Setting, Settings, Setup};
pub use snapshot::{configure_snapshot_every, snapshot_every, Snapshot, DEFAULT_SNAPSHOT_EVERY};
pub(crate) use undo::undo;
pub use undo::{UndoTarget, Undone};

#[cfg(test)]
mod tests;
