//! The application layer: commands in, values out. Loads aggregates from the store, asks
//! the domain for new events, appends them with the version it loaded. Never prints.

mod commands;
mod dispatcher;
mod environment;
mod error;
mod queries;
mod repository;

pub use commands::{Command, CommandOutcome};
pub use dispatcher::CommandDispatcher;
pub use environment::{Clock, IdSource, SystemClock, UlidSource};
pub use error::AppError;
pub use queries::{ItemFilter, ItemList, Queries};
pub use repository::{stream_for, ItemRepository};

#[cfg(test)]
mod tests;
