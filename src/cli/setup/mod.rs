//! `jerry setup claude|codex|mcp-json`: an agent host's MCP server entry (`jerry mcp` on
//! this workspace) and its session hooks (`jerry prime` when a session starts and before its
//! context is compacted), written into the host's own files in the formats its
//! documentation gives, without touching anything else there:
//!
//! - Claude Code: `.mcp.json` (`mcpServers`) and `.claude/settings.json` (`hooks`);
//! - Codex: `.codex/config.toml` (`[mcp_servers.jerry]`, and `[features] codex_hooks`,
//!   which Codex's hooks need) and `.codex/hooks.json`;
//! - any other host: the `mcpServers` entry printed, or merged into `--file`.
//!
//! Running it again changes nothing; `--dry-run` prints the diff; `--remove` takes it back.

mod entries;
mod record;

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde_json::json;

use jerry::persist::{persist, Durability};
use jerry::project::Found;

use super::context::Context;
use super::output::Output;
use crate::door::error::{CommandError, CommandResult, ErrorKind};
use entries::{Entries, Part};
use record::Record;

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// The agent host to set up.
    #[arg(value_enum)]
    pub host: Host,
    /// Print what would change, as a diff of each file; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Take jerry's entries out again: a file setup made is deleted, a file it changed is
    /// put back as it was (byte for byte when nothing else changed it since).
    #[arg(long)]
    pub remove: bool,
    /// The folder the host's files are in [default: the root of this git worktree, else
    /// the workspace].
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// mcp-json only: the JSON file to put the server entry in [default: print it].
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The jerry program the host runs [default: this one].
    #[arg(long, value_name = "PATH")]
    pub program: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Host {
    /// Claude Code: .mcp.json and .claude/settings.json.
    Claude,
    /// Codex: .codex/config.toml and .codex/hooks.json.
    Codex,
    /// Any MCP host: the mcpServers entry, printed or put in --file.
    #[value(name = "mcp-json")]
    McpJson,
}

impl Host {
    fn name(self) -> &'static str {
        match self {
            Host::Claude => "claude",
            Host::Codex => "codex",
            Host::McpJson => "mcp-json",
        }
    }

    /// The host's files, relative to the folder they go in.
    fn files(self) -> &'static [(&'static str, Part)] {
        match self {
            Host::Claude => &[
                (".mcp.json", Part::McpJson),
                (".claude/settings.json", Part::HooksJson),
            ],
            Host::Codex => &[
                (".codex/config.toml", Part::CodexToml),
                (".codex/hooks.json", Part::HooksJson),
            ],
            Host::McpJson => &[],
        }
    }
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Created,
    Changed,
    Unchanged,
    Deleted,
}

impl Change {
    fn of(before: Option<&str>, after: Option<&str>) -> Self {
        match (before, after) {
            (None, Some(_)) => Change::Created,
            (Some(_), None) => Change::Deleted,
            (a, b) if a == b => Change::Unchanged,
            _ => Change::Changed,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Change::Created => "created",
            Change::Changed => "changed",
            Change::Unchanged => "unchanged",
            Change::Deleted => "deleted",
        }
    }
}

/// One file's plan: where, its part, its text now and after.
struct Planned {
    path: PathBuf,
    shown: String,
    part: Part,
    before: Option<String>,
    after: Option<String>,
    /// `--remove` found the file as setup left it and puts back what was there before.
    restored: bool,
    /// The host's own folder holding the file (`.claude/`), removed with it when empty.
    folder: Option<PathBuf>,
}

pub fn run(args: SetupArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    if args.file.is_some() && args.host != Host::McpJson {
        return Err(CommandError::new(
            ErrorKind::Usage,
            format!("--file is for mcp-json; {} has its own files", args.host.name()),
        ));
    }
    let entries = entries_for(&args, ctx)?;
    let dir = match &args.dir {
        Some(dir) => absolute(dir)?,
        None => match ctx.setup().workspace().found() {
            Found::MainWorktree { worktree } => worktree.clone(),
            _ => absolute(ctx.setup().workspace().root())?,
        },
    };
    let mut files: Vec<(PathBuf, String, Part)> = args
        .host
        .files()
        .iter()
        .map(|(rel, part)| (dir.join(rel), (*rel).to_owned(), *part))
        .collect();
    if let Some(file) = &args.file {
        files.push((absolute(file)?, file.display().to_string(), Part::McpJson));
    }
    let host_folder = |path: &Path| {
        path.parent()
            .filter(|parent| parent != &dir && parent.starts_with(&dir) && args.file.is_none())
            .map(Path::to_path_buf)
    };
    if files.is_empty() {
        // mcp-json without --file: the entry, for the user to paste.
        let snippet = json!({"mcpServers": {"jerry": entries::server(&entries)}});
        return out.json_value(&snippet);
    }
    let mut record = Record::load();
    let planned = files
        .into_iter()
        .map(|(path, shown, part)| {
            let folder = host_folder(&path);
            plan(path, shown, part, &entries, &record, args.remove)
                .map(|planned| Planned { folder, ..planned })
        })
        .collect::<CommandResult<Vec<_>>>()?;
    if !args.dry_run {
        for file in &planned {
            apply(file, &mut record, args.remove)?;
        }
        record.save().map_err(|err| {
            CommandError::failure(format!("cannot keep the record of what setup wrote: {err}"))
        })?;
    }
    report(&args, &dir, &entries, &planned, out)
}

/// The server's command line and the hook's, naming this workspace (and `--actor`, when
/// typed) so that the host finds the same tracker from wherever it starts them.
fn entries_for(args: &SetupArgs, ctx: &Context) -> CommandResult<Entries> {
    let program = match &args.program {
        Some(program) if !program.is_file() => {
            return Err(CommandError::invalid(format!(
                "--program {} is no file: name the jerry the host should run",
                program.display()
            )))
        }
        Some(program) => absolute(program)?,
        None => std::env::current_exe()
            .map_err(|err| CommandError::failure(format!("cannot tell where this jerry is: {err}")))?,
    };
    let root = absolute(ctx.setup().workspace().root())?;
    let text = |path: &Path| {
        path.to_str().map(str::to_owned).ok_or_else(|| {
            CommandError::invalid(format!("{} is not UTF-8, which host files need", path.display()))
        })
    };
    let program = text(&program)?;
    let mut tail = vec!["--root".to_owned(), text(&root)?];
    if let Some(actor) = ctx.actor_filter() {
        tail.extend(["--actor".to_owned(), actor]);
    }
    let mcp_args: Vec<String> = std::iter::once("mcp".to_owned())
        .chain(tail.iter().cloned())
        .collect();
    let prime_words = [program.clone(), "prime".to_owned()].into_iter().chain(tail);
    let prime = shlex::try_join(prime_words.collect::<Vec<_>>().iter().map(String::as_str))
        .map_err(|err| CommandError::invalid(format!("cannot quote the hook command: {err}")))?;
    Ok(Entries {
        program,
        mcp_args,
        prime,
    })
}

/// Whether `jerry` on PATH is `program` (the same file, however reached).
fn on_path(program: &Path) -> bool {
    let Ok(program) = std::fs::canonicalize(program) else {
        return false;
    };
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path)
            .find_map(|dir| std::fs::canonicalize(dir.join("jerry")).ok())
            .is_some_and(|found| found == program)
    })
}

fn absolute(path: &Path) -> CommandResult<PathBuf> {
    std::path::absolute(path)
        .map_err(|err| CommandError::failure(format!("cannot resolve {}: {err}", path.display())))
}

fn read_text(path: &Path) -> CommandResult<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(CommandError::failure(format!(
            "cannot read {}: {err}",
            path.display()
        ))),
    }
}

fn plan(
    path: PathBuf,
    shown: String,
    part: Part,
    entries: &Entries,
    record: &Record,
    remove: bool,
) -> CommandResult<Planned> {
    let before = read_text(&path)?;
    let refused = |why: String| {
        CommandError::invalid(format!(
            "{shown} {why}: fix it or move it away; nothing was written"
        ))
    };
    let mut restored = false;
    let after = match (&before, remove) {
        (None, true) => None,
        (Some(text), true) => match record.get(&path) {
            Some(kept) if &kept.after == text => {
                restored = true;
                kept.before.clone()
            }
            _ => part.remove(text).map_err(refused)?,
        },
        (text, false) => Some(part.install(text.as_deref(), entries).map_err(refused)?),
    };
    Ok(Planned {
        path,
        shown,
        part,
        before,
        after,
        restored,
        folder: None,
    })
}

fn apply(file: &Planned, record: &mut Record, remove: bool) -> CommandResult {
    let failed =
        |err: std::io::Error| CommandError::failure(format!("cannot write {}: {err}", file.path.display()));
    match (
        &file.after,
        Change::of(file.before.as_deref(), file.after.as_deref()),
    ) {
        (_, Change::Unchanged) => {}
        (Some(text), _) => persist(&file.path, text.as_bytes(), Durability::Durable).map_err(failed)?,
        (None, _) => {
            std::fs::remove_file(&file.path).map_err(failed)?;
            // The host's own folder (`.claude/`, `.codex/`) goes too when nothing else is in
            // it (`remove_dir` refuses one that is not empty).
            if let Some(folder) = &file.folder {
                let _ = std::fs::remove_dir(folder);
            }
        }
    }
    match (&file.after, remove) {
        (_, true) => record.forget(&file.path),
        (Some(text), false) if file.before.as_deref() != Some(text.as_str()) => {
            record.wrote(&file.path, file.before.as_deref(), text);
        }
        _ => {}
    }
    Ok(())
}

fn report(
    args: &SetupArgs,
    dir: &Path,
    entries: &Entries,
    planned: &[Planned],
    out: &mut Output,
) -> CommandResult {
    let diff = |file: &Planned| {
        similar::TextDiff::from_lines(
            file.before.as_deref().unwrap_or(""),
            file.after.as_deref().unwrap_or(""),
        )
        .unified_diff()
        .header(&format!("a/{}", file.shown), &format!("b/{}", file.shown))
        .to_string()
    };
    if out.json() {
        let files: Vec<_> = planned
            .iter()
            .map(|file| {
                let mut value = json!({
                    "path": file.path,
                    "change": Change::of(file.before.as_deref(), file.after.as_deref()).word(),
                    "what": file.part.describe(),
                    "restored": file.restored,
                });
                if args.dry_run {
                    value["diff"] = json!(diff(file));
                }
                value
            })
            .collect();
        return out.json_value(&json!({
            "host": args.host.name(),
            "dir": dir,
            "dry_run": args.dry_run,
            "remove": args.remove,
            "files": files,
            "mcp": entries::server(entries),
            "hook": entries.prime,
        }));
    }
    let width = planned.iter().map(|file| file.shown.len()).max().unwrap_or(0);
    for file in planned {
        let change = Change::of(file.before.as_deref(), file.after.as_deref());
        let word = match (args.dry_run, change) {
            (true, Change::Unchanged) => "unchanged",
            (true, Change::Created) => "would create",
            (true, Change::Changed) => "would change",
            (true, Change::Deleted) => "would delete",
            (false, change) => change.word(),
        };
        let what = if file.restored && file.after.is_none() {
            "setup made it, so it goes"
        } else if file.restored {
            "put back as it was before setup"
        } else {
            file.part.describe()
        };
        out.line(&format!("{word:<12} {:<width$}  {what}", file.shown))?;
        if args.dry_run && change != Change::Unchanged {
            out.text(&diff(file))?;
        }
    }
    if !args.remove {
        out.line(&format!("in {}", dir.display()))?;
        if planned.iter().any(|file| file.part == Part::HooksJson) {
            out.line(&format!("the hooks run: {}", entries.prime))?;
        }
        if !args.dry_run {
            out.note(&format!(
                "`jerry setup {} --remove` takes it back",
                args.host.name()
            ));
        }
        // The host runs jerry by its path; the agent's own shell runs the prime's `jerry …`.
        if !on_path(Path::new(&entries.program)) {
            let folder = Path::new(&entries.program).parent().unwrap_or(Path::new("."));
            out.note(&format!(
                "note: `jerry` on PATH is not {} (or there is none): the prime tells the agent to run `jerry …`; put {} on PATH",
                entries.program,
                folder.display()
            ));
        }
    }
    Ok(())
}
