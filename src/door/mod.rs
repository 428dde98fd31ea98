//! What every front door shares, below them all: the one error type with its JSON object
//! and exit codes, field selection, the answer to a write, and running a request on a shared
//! session. Doors (`cli`, `mcp`, `serve`, `sync`) import from
//! here and from the library, never from one another.

pub mod changes;
pub mod error;
pub mod fields;
pub mod launch;
pub mod new_item;
pub mod prime;
pub mod session;
pub mod written;
