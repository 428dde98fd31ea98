//! A flag typed wrong where a value may start with '-'. `items create` and `items comment`
//! take their text as it is, so that `items create "-5 degrees"` works; clap then takes
//! `--tpye` for the title, and `--tpye bug` fails on `bug`. Before parsing, a word there
//! that looks like a flag (`--word`, `-x`) and is none of the command's is a usage error
//! naming the closest real one. A text that must start so goes after `--`.

use std::ffi::OsString;

use clap::{Arg, Command, CommandFactory};

use super::args::Cli;

/// The usage error for the first word in `raw` that looks like a flag of the command it is
/// given to and is not one, when that command takes hyphenated text.
pub fn flag(raw: &[OsString]) -> Option<String> {
    let root = Cli::command();
    let mut chain: Vec<&Command> = vec![&root];
    let mut takes_value = false;
    for word in raw.iter().skip(1).filter_map(|word| word.to_str()) {
        if word == "--" {
            return None;
        }
        if takes_value {
            takes_value = false;
            continue;
        }
        let here = *chain.last()?;
        if let Some(sub) = here.get_subcommands().find(|sub| sub.get_name() == word) {
            chain.push(sub);
            continue;
        }
        match option_named(&chain, word) {
            Some(arg) => takes_value = !word.contains('=') && arg.get_action().takes_values(),
            None if looks_like_flag(word) && takes_text(here) => return Some(unknown(&chain, word)),
            None => {}
        }
    }
    None
}

/// Whether a value clap took (in any subcommand) looks like a flag: the only way a mistyped
/// one gets past it. Cheap: it walks what was parsed, not the command tree.
pub fn suspect(matches: &clap::ArgMatches) -> bool {
    let mut at = matches;
    loop {
        // `views save NAME FLAGS…` takes flags as its values, by design.
        let swallowed = at.ids().filter(|id| id.as_str() != "args").any(|id| {
            at.try_get_raw(id.as_str())
                .ok()
                .flatten()
                .is_some_and(|mut values| values.any(|value| value.to_str().is_some_and(looks_like_flag)))
        });
        if swallowed {
            return true;
        }
        match at.subcommand() {
            Some((_, sub)) => at = sub,
            None => return false,
        }
    }
}

/// `--word` (letters, digits and dashes, maybe `=value`) or `-x`: not `-5 degrees`, `-`, `--`.
fn looks_like_flag(word: &str) -> bool {
    if let Some(long) = word.strip_prefix("--") {
        let name = long.split('=').next().unwrap_or("");
        return name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    }
    let mut short = word.chars().skip(1);
    word.starts_with('-') && short.next().is_some_and(|c| c.is_ascii_alphabetic()) && short.next().is_none()
}

/// Whether the command takes text that may start with '-' (a title, a comment).
fn takes_text(command: &Command) -> bool {
    command.get_positionals().any(Arg::is_allow_hyphen_values_set)
}

/// The option `word` names in the command or above it (globals), if any.
fn option_named<'a>(chain: &[&'a Command], word: &str) -> Option<&'a Arg> {
    let (long, short) = match word.strip_prefix("--") {
        Some(long) => (Some(long.split('=').next().unwrap_or(long)), None),
        None => (
            None,
            word.strip_prefix('-')
                .and_then(|s| s.chars().next())
                .filter(|_| word.len() == 2),
        ),
    };
    chain
        .iter()
        .rev()
        .flat_map(|cmd| cmd.get_arguments())
        .find(|arg| {
            long.is_some_and(|long| arg.get_long() == Some(long) || long == "help" || long == "version")
                || short.is_some_and(|short| arg.get_short() == Some(short) || short == 'h')
        })
}

/// "unknown flag '--tpye' (did you mean --type?)", and how to write such a text.
fn unknown(chain: &[&Command], word: &str) -> String {
    let typed = word.trim_start_matches('-').split('=').next().unwrap_or("");
    let mut longs: Vec<&str> = chain
        .iter()
        .flat_map(|cmd| cmd.get_arguments())
        .filter_map(Arg::get_long)
        .collect();
    longs.push("help");
    let closest = longs
        .into_iter()
        .map(|long| (strsim::jaro_winkler(typed, long), long))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, long)| format!(" (did you mean --{long}?)"))
        .unwrap_or_default();
    format!("unknown flag '{word}'{closest}; to write a text that starts with '-', put -- before it")
}
