//! The `jerry` binary and its composition root: the process's clock and id source are
//! built here, once (fixed ones when `JERRY_TEST_TIMESTAMP` / `JERRY_TEST_SEED` ask for
//! them), and handed to the command-line front door with the table of the other doors it
//! launches (`DOORS`). Everything else lives in the library.

// Nothing a user, the disk or the network can influence may panic: an error is returned.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;
mod door;
mod mcp;
mod serve;
mod sync;

/// The front doors the command line launches: the only place that names them all.
const DOORS: door::launch::Doors = door::launch::Doors {
    mcp: mcp::serve,
    serve: serve::serve,
    sync: |session, remote, dry_run| Ok(sync::sync(session, remote, dry_run)?),
    install_merge_driver: |workspace| Ok(sync::merge_driver::install(workspace)?),
    merge_driver: |ours, theirs, path| Ok(sync::merge_driver::merge(ours, theirs, path)?),
    git_hooks: |workspace, remove| Ok(sync::commit_hooks::install(workspace, remove)?),
    commits: |workspace, revs| Ok(sync::commit_hooks::commits(workspace, revs)?),
};

fn main() -> std::process::ExitCode {
    // A shell asking what to complete gets its answer and nothing else.
    cli::docs::complete_if_asked();
    match jerry::app::Environment::from_env() {
        Ok(env) => cli::main(env, &DOORS),
        Err(err) => {
            eprintln!("error: {err}");
            std::process::ExitCode::from(2)
        }
    }
}
