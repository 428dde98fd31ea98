//! jerry: an event-sourced work tracker.
//!
//! The layers, from the bottom up (arrows only point down):
//! `store` moves event envelopes and knows nothing of work items; `domain` is the pure
//! work-item model (no I/O, no clock); `app` loads aggregates, runs commands and appends
//! their events; the CLI (in the binary) parses arguments and renders results.

// Only the CLI (in the binary) prints; the library returns values.
#![deny(clippy::print_stdout, clippy::print_stderr)]
// Nothing a user, the disk or the network can influence may panic: an error is returned.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod config;
pub mod domain;
#[doc(hidden)]
pub mod faults;
pub mod kind;
pub mod persist;
pub mod project;
pub mod store;
pub mod timestamp;
