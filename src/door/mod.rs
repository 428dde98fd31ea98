//! What every front door shares, below them all: the one error type with its JSON object
//! and exit codes, and field selection. Doors (`cli`, `mcp`, `serve`, `sync`) import from
//! here and from the library, never from one another.

pub mod error;
pub mod fields;
