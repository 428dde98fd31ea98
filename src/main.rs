//! The `jerry` binary and its composition root: the process's clock and id source are
//! built here, once (fixed ones when `JERRY_TEST_TIMESTAMP` / `JERRY_TEST_SEED` ask for
//! them), and handed to the command-line front door. Everything else lives in the library.

// Nothing a user, the disk or the network can influence may panic: an error is returned.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;
mod door;
mod mcp;
mod serve;
mod sync;

fn main() -> std::process::ExitCode {
    match jerry::app::Environment::from_env() {
        Ok(env) => cli::main(env),
        Err(err) => {
            eprintln!("error: {err}");
            std::process::ExitCode::from(2)
        }
    }
}
