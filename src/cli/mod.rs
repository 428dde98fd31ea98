//! The command-line front door: parse, open the session, make one call, render. Errors
//! become a [`error::CommandError`], whose kind is the exit code.

mod archive;
mod args;
mod context;
mod csv;
pub(crate) mod docs;
mod doctor;
mod editor;
mod error;
mod events;
mod fields;
mod flags;
mod git;
mod hooks;
mod import;
mod items;
mod mistyped;
mod next;
mod notes;
mod output;
mod prime;
mod progress;
mod render;
mod saved_views;
mod settings;
mod setup;
mod store;
mod style;
mod sync;
mod tracking;
mod undo;
mod views;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

use jerry::app::{Environment, UndoTarget};

use crate::door::error::CommandResult;
use crate::door::launch::{Doors, ServeOptions};
use args::{Cli, TopCommand};
use context::Context;
use output::Output;

/// Runs one command line in `env` (the process's clock and ids, from the composition
/// root in `main`).
pub fn main(env: Environment, doors: &Doors) -> ExitCode {
    let raw: Vec<OsString> = std::env::args_os().collect();
    // Known before parsing, so that even a usage error can answer in JSON.
    let wants_json = raw.iter().any(|arg| arg == "--json");
    let mistyped = |raw: &[OsString]| {
        let message = mistyped::flag(raw)?;
        let mut out = Output::new(wants_json);
        let err = crate::door::error::CommandError::new(jerry::kind::ErrorKind::Usage, message);
        Some(error::report(&err, wants_json, |body| print_json(&mut out, body)))
    };
    let parsed = Cli::command()
        .try_get_matches_from(&raw)
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            if let Some(refused) = mistyped(&raw) {
                return refused;
            }
            let mut out = Output::new(wants_json);
            return error::report_usage(err, wants_json, |body| print_json(&mut out, body));
        }
    };
    // Only a value clap took can be a mistyped flag: only then is the line read again.
    if mistyped::suspect(&matches) {
        if let Some(refused) = mistyped(&raw) {
            return refused;
        }
    }
    let format = match (cli.global.json, cli.global.format) {
        (true, _) => output::Format::Json,
        (false, format) => format.unwrap_or_default(),
    };
    let json = !format.for_people();
    let mut out = Output::styled(
        format,
        style::Style::detect(cli.global.color, cli.global.quiet, cli.global.wide),
    );
    let actor_typed = source_is(&matches, "actor", &[ValueSource::CommandLine]);
    let actor_given = source_is(
        &matches,
        "actor",
        &[ValueSource::CommandLine, ValueSource::EnvVariable],
    );
    let now = env.now();
    let utc = cli.global.utc;
    let result = Context::new(cli.global, actor_typed, env)
        .map(|ctx| ctx.with_actor_given(actor_given))
        .and_then(|ctx| {
            if !json {
                out.set_times(times(&ctx, utc, now));
            }
            run(cli.command, doors, &ctx, &mut out)
        });
    warn_of_damage(&mut out);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A spreadsheet's rows are data only: under --format csv an error is said on
        // stderr alone, never as a row.
        Err(err) => error::report(&err, json && format != output::Format::Csv, |body| {
            print_json(&mut out, body);
        }),
    }
}

/// How this command's tables show times: `--utc`, else the `time_format` setting (a
/// settings file that does not read is the command's to report; here it means the default).
fn times(ctx: &Context, utc: bool, now: jerry::timestamp::Timestamp) -> style::Times {
    let format = if utc {
        jerry::config::TimeFormat::Utc
    } else {
        ctx.setup()
            .settings()
            .ok()
            .and_then(|settings| settings.config.time_format)
            .unwrap_or_default()
    };
    style::Times {
        format,
        now: Some(now),
    }
}

/// Says once, on stderr, which items a read went past because their files were damaged
/// outside jerry (the rest of the answer is whole).
fn warn_of_damage(out: &mut Output) {
    let notes = jerry::store::damage::take();
    if notes.is_empty() {
        return;
    }
    let _ = out.flush();
    for note in &notes {
        out.warn(&format!("warning: {note}"));
    }
    out.warn("hint: jerry doctor says what is missing and how to bring it back");
}

/// Writes an error object in the chosen format; nothing more can be done if that fails.
fn print_json(out: &mut Output, body: &serde_json::Value) {
    let _ = out.json_value(body);
    let _ = out.flush();
}

/// Whether `id` got its value from one of `sources` (the command line, the environment),
/// looking through the subcommands a global option propagates to.
fn source_is(matches: &clap::ArgMatches, id: &str, sources: &[ValueSource]) -> bool {
    let mut current = Some(matches);
    while let Some(level) = current {
        let known = level.try_get_raw(id).is_ok();
        let source = if known { level.value_source(id) } else { None };
        if source.is_some_and(|source| sources.contains(&source)) {
            return true;
        }
        current = level.subcommand().map(|(_, sub)| sub);
    }
    false
}

fn run(command: TopCommand, doors: &Doors, ctx: &Context, out: &mut Output) -> CommandResult {
    match command {
        TopCommand::Init { project, prefix } => settings::init(ctx, project, prefix, out),
        TopCommand::Prime(args) => prime::prime(args, ctx, out),
        TopCommand::Setup(args) => setup::run(args, ctx, out),
        // A saved view is read here, above both: `views` lists, `saved_views` parses.
        TopCommand::Items(items::ItemsCommand::List(args))
            if args.view.is_some() || args.view_flag.is_some() =>
        {
            let name = args.view.or(args.view_flag).unwrap_or_default();
            items::run(
                items::ItemsCommand::List(saved_views::expand(&name, ctx)?),
                ctx,
                out,
            )
        }
        TopCommand::Items(command) => items::run(command, ctx, out),
        TopCommand::Events(command) => events::run(command, ctx, out),
        TopCommand::Config(command) => settings::config(command, ctx, out),
        TopCommand::Views(command) => saved_views::views(command, ctx, out),
        TopCommand::Hooks(command) => hooks::run(command, ctx, out),
        TopCommand::Git(command) => git::run(command, doors, ctx, out),
        TopCommand::Projects(command) => settings::projects(command, ctx, out),
        TopCommand::Store(command) => store::run(command, ctx, out),
        TopCommand::Undo { target } => undo::run(
            target.as_deref().map_or(UndoTarget::Last, UndoTarget::Named),
            ctx,
            out,
        ),
        TopCommand::Redo => undo::run(UndoTarget::Redo, ctx, out),
        TopCommand::Doctor { repair, accept_loss } => doctor::run(repair, accept_loss, ctx, out),
        TopCommand::Archive {
            closed_before,
            dry_run,
        } => archive::run(&closed_before, dry_run, ctx, out),
        TopCommand::Import { from, file, dry_run } => import::run(from, &file, dry_run, ctx, out),
        TopCommand::Mcp => {
            out.release();
            (doors.mcp)(ctx.open()?, ctx.actor_given())
        }
        TopCommand::Sync {
            install_merge_driver: true,
            ..
        } => sync::install_merge_driver(doors, ctx, out),
        TopCommand::Sync { remote, dry_run, .. } => sync::run(doors, remote, dry_run, ctx, out),
        TopCommand::Serve {
            port,
            listen,
            token,
            hosts,
            open,
        } => {
            out.release();
            let options = ServeOptions {
                listen: std::net::SocketAddr::new(
                    listen.unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)),
                    port,
                ),
                token,
                hosts,
                open,
            };
            (doors.serve)(ctx.open()?, ctx.read(false)?, options)
        }
        TopCommand::MergeDriver {
            ours, theirs, path, ..
        } => (doors.merge_driver)(&ours, &theirs, &path),
        TopCommand::Completions { shell } => docs::completions(shell, out),
        TopCommand::Ids { projects } => docs::ids(projects, ctx, out),
        TopCommand::Man { out: dir } => docs::man_pages(&dir, out),
        TopCommand::Generate {
            items,
            events_per_item,
        } => events::generate(items, events_per_item, ctx, out),
    }
}
