//! How the command line reports an error: one line on stderr (plus hints), the `--json`
//! error object, and the exit code; and what clap refused, which never reaches a door's
//! error type.

use std::process::ExitCode;

use clap::error::ErrorKind as ClapKind;

use crate::door::error::{error_object, exit_code, CommandError, ErrorKind};

/// Prints the error and returns its exit code: one line on stderr (plus any hints), and
/// with `--json` also the error object, which `print` writes in the chosen format.
pub fn report(err: &CommandError, json: bool, print: impl FnOnce(&serde_json::Value)) -> ExitCode {
    if err.is_broken_pipe() {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: {}", err.message());
    for hint in err.hints() {
        eprintln!("hint: {hint}");
    }
    if json && err.prints_json() {
        print(&err.json_object());
    }
    ExitCode::from(exit_code(err.kind()))
}

/// Handles what clap refused. Help and version are not errors; a value that does not
/// parse is invalid input (exit 5, one line); anything else is a usage error (exit 2).
pub fn report_usage(err: clap::Error, json: bool, print: impl FnOnce(&serde_json::Value)) -> ExitCode {
    match err.kind() {
        ClapKind::DisplayHelp | ClapKind::DisplayVersion => {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        ClapKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(exit_code(ErrorKind::Usage));
        }
        ClapKind::InvalidValue | ClapKind::ValueValidation | ClapKind::InvalidUtf8 => {
            let message = first_line(&err, "invalid value");
            return report(&CommandError::invalid(message), json, print);
        }
        _ => {}
    }
    if json {
        print(&error_object(ErrorKind::Usage, &paragraph(&err, "usage error")));
    }
    let rendered = without_hidden_tips(&err.render().to_string());
    eprint!("{rendered}");
    ExitCode::from(exit_code(ErrorKind::Usage))
}

/// The error's first paragraph on one line: `the following required arguments were not
/// provided: <TITLE>`, not just its first line.
fn paragraph(err: &clap::Error, fallback: &str) -> String {
    let rendered = err.render().to_string();
    let text: Vec<&str> = rendered
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect();
    if text.is_empty() {
        return fallback.to_owned();
    }
    let joined = text.join(" ");
    joined.strip_prefix("error: ").unwrap_or(&joined).to_owned()
}

/// Drops clap's "a similar subcommand exists" tip when it names a hidden command (one
/// kept for scripts, such as `ids`): a typo should not lead anyone there.
fn without_hidden_tips(rendered: &str) -> String {
    use clap::CommandFactory;
    fn hidden(command: &clap::Command, names: &mut Vec<String>) {
        for sub in command.get_subcommands() {
            if sub.is_hide_set() {
                names.push(sub.get_name().to_owned());
            }
            hidden(sub, names);
        }
    }
    let mut names = Vec::new();
    hidden(&super::args::Cli::command(), &mut names);
    let mut out = String::with_capacity(rendered.len());
    let mut skip_blank = false;
    for line in rendered.split_inclusive('\n') {
        let names_hidden = line.contains("similar subcommand")
            && names.iter().any(|name| line.contains(&format!("'{name}'")));
        if names_hidden {
            // The blank line that introduced the tip goes with it.
            if out.ends_with("\n\n") {
                out.pop();
            }
            skip_blank = true;
            continue;
        }
        if skip_blank && line.trim().is_empty() {
            skip_blank = false;
            out.push_str(line);
            continue;
        }
        skip_blank = false;
        out.push_str(line);
    }
    out
}

/// The error's first line, and the values that would have been taken when clap knows them
/// (`--format csv`: table, json, jsonl, toon), so the one line says what to type instead.
fn first_line(err: &clap::Error, fallback: &str) -> String {
    use clap::error::{ContextKind, ContextValue};
    let rendered = err.render().to_string();
    let first = rendered.lines().next().unwrap_or(fallback);
    let mut line = first.strip_prefix("error: ").unwrap_or(first).to_owned();
    if let Some(ContextValue::Strings(valid)) = err.get(ContextKind::ValidValue) {
        line.push_str("; the values are: ");
        line.push_str(&valid.join(", "));
    }
    line
}
