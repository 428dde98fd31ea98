//! The command-line surface, as clap derive types: the global options and every command
//! but `items …`, whose arguments live beside their handlers (`items.rs`, `views.rs`,
//! `tracking.rs`). Values are parsed into domain types here (a bad one exits 5 with one
//! line), so handlers only ever see valid input.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use super::flags::{at_least_one, parse_store, parse_time, GlobalArgs};
use jerry::store::StoreUrl;

use jerry::domain::{ItemRef, ProjectId};
use jerry::timestamp::{parse_duration, TimeSpec, TimestampError};

/// jerry: track work from the shell, on an append-only event log that many processes can
/// write at once.
#[derive(Debug, Parser)]
#[command(name = "jerry", version, propagate_version = true, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  jerry items create \"Fix login\" --type bug --priority high\n  jerry items start 1\n  jerry items list --status in_progress --json\n\nExit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 conflict, 5 invalid input or transition, 6 corrupt data."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: TopCommand,
}

#[derive(Debug, Subcommand)]
pub enum TopCommand {
    /// Create a project (PROJ-001 by default, else the next free number).
    #[command(
        after_help = "Examples:\n  jerry init\n  jerry init PROJ-002-billing\n  jerry init --prefix API"
    )]
    Init {
        /// The project id to create: PROJ-NNN or PROJ-NNN-slug.
        project: Option<ProjectId>,
        /// Show its items as PREFIX-001, … (2 to 8 letters; WORK by default). Only how ids
        /// are shown: the log stores WORK-001 whatever it is.
        #[arg(long, value_name = "PREFIX", value_parser = id_prefix)]
        prefix: Option<String>,
    },
    /// What an agent needs at the start of a session: its claims, work in progress, what to
    /// pick next, what was just closed, conflicts and the commands to use, in a token budget.
    #[command(
        after_help = "TOON by default (--format markdown or --json for the others). Tokens are counted as characters / 4;
lists are trimmed (recently closed first) to fit, your own claims never. --actor (or JERRY_ACTOR)
says whose claims are yours.

Examples:
  jerry prime --actor agent-7
  jerry prime --format markdown --max-tokens 800"
    )]
    Prime(super::prime::PrimeArgs),
    /// Set up an agent host: its MCP server entry runs `jerry mcp` on this workspace, and its
    /// session hooks run `jerry prime`.
    #[command(
        after_help = "Claude Code: .mcp.json and .claude/settings.json (SessionStart and PreCompact hooks).
Codex: .codex/config.toml ([mcp_servers.jerry], [features] codex_hooks = true) and .codex/hooks.json.
mcp-json: the mcpServers entry any MCP host reads, printed, or put in --file.
Only jerry's entries are written; everything else in the files stays. Running it again
changes nothing. --remove takes the entries out, and puts a file back byte for byte when
nothing else changed it since (the record is in ~/.local/state/jerry/setup.json).

Examples:
  jerry setup claude
  jerry setup codex --dry-run
  jerry setup mcp-json --file .cursor/mcp.json
  jerry setup claude --remove"
    )]
    Setup(super::setup::SetupArgs),
    /// Create, change and inspect work items.
    #[command(subcommand)]
    Items(super::items::ItemsCommand),
    /// Read, watch, move and check the whole event log, in its one global order.
    #[command(subcommand)]
    Events(EventsCommand),
    /// Read and change the project's settings (.jerry/config.toml).
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Commits that close work: git hooks that link each commit to the items it names.
    #[command(subcommand)]
    Git(super::git::GitCommand),
    /// Your own commands, run once for every event they ask for, whoever wrote it.
    #[command(subcommand)]
    Hooks(super::hooks::HooksCommand),
    /// Save an items list's filters, sort and fields under a name; items list @NAME runs it.
    #[command(subcommand)]
    Views(ViewsCommand),
    /// List, create and inspect projects.
    #[command(subcommand)]
    Projects(ProjectsCommand),
    /// Set up a store, see where events live, and move them between backends.
    #[command(subcommand)]
    Store(StoreCommand),
    /// Take back your last command (or the one named), with its policies' reactions, by
    /// appending compensating events; run again, the one before it.
    #[command(
        after_help = "Each actor has its own undo stack: `jerry undo` twice takes back your two last commands, and `jerry redo` re-applies what was undone (until you write something new).\nHistory is never rewritten: the undo is new events, all items in one atomic append. It is refused (exit 4), naming them, when later events touched the same items (a command and its undo cancel out and do not count).\nAn undone create deletes the item (items restore brings it back).\n\nExamples:\n  jerry undo\n  jerry undo --correlation 01JH5… --json"
    )]
    Undo {
        /// The correlation id of the command to take back (events list shows them) [default:
        /// the last command written by this actor].
        #[arg(long = "correlation", value_name = "ID")]
        target: Option<String>,
    },
    /// Re-apply what your last undo took back.
    #[command(after_help = "Examples:\n  jerry undo && jerry redo\n  jerry redo --json")]
    Redo,
    /// Check the project's files and read model; --repair fixes what is safe (exit 6 if problems remain).
    #[command(
        after_help = "Checks: every line parses; versions contiguous; event ids unique; global positions agree with the streams; no torn tails; the read model agrees with a fresh replay.\n--repair moves torn tails, unfinished batches and trailing non-events into .jerry/quarantine/ (with a note of where they came from) and rebuilds the global index. It never removes a complete event.\n--repair --accept-loss also settles what a plain repair must not touch: events the index lists that no stream holds any more (a line or file removed outside jerry) are given up, lines inside a stream that are no events are moved into quarantine, versions and positions are numbered again, and a note in .jerry/quarantine/ lists what was lost. Bring lost events back first if you can: `jerry events import` of an export from before, or `jerry sync`.\n\nExamples:\n  jerry doctor\n  jerry doctor --repair --json\n  jerry doctor --repair --accept-loss"
    )]
    Doctor {
        /// Fix what is safe to fix.
        #[arg(long)]
        repair: bool,
        /// With --repair: give up events no stream holds any more (removed outside jerry),
        /// noting them in .jerry/quarantine/, and number what is left again.
        #[arg(long, requires = "repair")]
        accept_loss: bool,
    },
    /// Bring in a Taskwarrior, beads or GitHub Issues backlog, with its history.
    #[command(
        after_help = "Reads what the other tool exports: `task export` (Taskwarrior 2.6 and 3.x), beads' .beads/issues.jsonl, or `gh issue list --state all --json number,title,body,state,stateReason,labels,assignees,author,createdAt,closedAt,comments,milestone,url` (or one `gh issue view --json …`).\nEach record becomes an item whose events carry the source's own times and authors (created, each comment, started, closed), and its source reference (taskwarrior:UUID, beads:ID, github:OWNER/REPO#N), which names the item wherever an id is taken: jerry items show github:owner/repo#12.\nRun it again on a newer export: items already imported get only what changed since, as ordinary events; nothing is duplicated. Links to records in neither the file nor the project are reported, not invented. One bad record refuses the whole import (exit 5, with its line or record number), and nothing is written. Every field's mapping: docs/import.md.\n\nExamples:\n  task export | jerry import --from taskwarrior -\n  jerry import --from beads .beads/issues.jsonl --dry-run\n  gh issue list --state all --limit 10000 --json number,title,body,state,stateReason,labels,assignees,author,createdAt,closedAt,comments,milestone,url > issues.json && jerry import --from github issues.json --json"
    )]
    Import {
        /// The tool the export comes from.
        #[arg(long = "from", value_name = "TOOL")]
        from: TrackerArg,
        /// The export file, or - for standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Say what would be created and changed; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Move finished work out of the live log into a compressed archive segment.
    #[command(
        after_help = "Archives the items done or cancelled, and unchanged since, before TIME, each with every item it is linked to (parent, children, dependencies): a group goes only when all of it can. Archived items leave items list, ready and the board (items list --archived shows them); items show, history, --at, events export/replay/follow and doctor read them as before, and their events keep their positions. Any change to an archived item (items reopen, a comment, a synced event) brings its group back first.\nOne step: the segment is written, then the catalog commits, then the stream files go; a crash at any point leaves every event readable. Files store only (exit 5 on SQLite or PostgreSQL).\n\nExamples:\n  jerry archive --dry-run\n  jerry archive --closed-before 2026-01-01 --json"
    )]
    Archive {
        /// Archive work finished before this moment: a date, RFC 3339, or an age such as 90d.
        #[arg(long, value_name = "TIME", value_parser = parse_time, default_value = "30d")]
        closed_before: TimeSpec,
        /// Say what would be archived; move nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "The script asks jerry (on the PATH) at each TAB: flags, the values they take, and the item and project ids there are now.\n\nExamples:\n  source <(jerry completions bash)\n  jerry completions bash > ~/.local/share/bash-completion/completions/jerry\n  jerry completions zsh > ~/.zfunc/_jerry\n  jerry completions fish > ~/.config/fish/completions/jerry.fish"
    )]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print item ids (or, with --projects, project ids), one per line, for shell completion.
    #[command(hide = true)]
    Ids {
        /// Project ids instead of item ids.
        #[arg(long)]
        projects: bool,
    },
    /// Write the man pages (jerry.1 and one per subcommand) into DIR.
    #[command(hide = true)]
    Man {
        /// Where to write the pages.
        #[arg(long, default_value = "docs/man")]
        out: PathBuf,
    },
    /// Serve the Model Context Protocol on stdin/stdout, for agent hosts (see README, "Agents").
    #[command(
        after_help = "The tools: prime, ready, claim, release, show, list, create, update, comment, depend, resolve, undo, events_since.\nWrites go as --actor (or JERRY_ACTOR) when given, else as the client's name from the handshake.\n\nAn agent host's configuration (`jerry setup claude|codex|mcp-json` writes it):\n  {\"mcpServers\": {\"jerry\": {\"command\": \"jerry\", \"args\": [\"--root\", \"/path/to/workspace\", \"mcp\"]}}}"
    )]
    Mcp,
    /// Exchange the project's events with a git remote, so every clone that syncs converges.
    #[command(
        after_help = "Events travel in their own refs (refs/jerry/<PROJECT>): sync never touches your branches, index or working tree. A push the remote refuses because it moved is fetched, merged and retried, never forced. Running it twice changes nothing the second time.\n\nExit codes: 1 the remote cannot be reached (nothing changes here), 4 the remote holds an event with other content than this clone (or an item number taken by another item), 5 the remote holds something that is not an event, or REMOTE is empty or starts with -.\n\nExamples:\n  jerry sync\n  jerry sync upstream --dry-run --json"
    )]
    Sync {
        /// The git remote: a remote's name or any URL git takes [default: the sync_remote setting, else origin].
        remote: Option<String>,
        /// Show what would be sent and received; change nothing here or there.
        #[arg(long)]
        dry_run: bool,
        /// Instead of syncing: make `git merge` merge committed event files by jerry's rule
        /// (writes .gitattributes here and the driver into the repository's git config).
        #[arg(long, conflicts_with_all = ["dry_run", "remote"])]
        install_merge_driver: bool,
    },
    /// Serve the live board and its JSON API on 127.0.0.1 until Ctrl-C.
    #[command(
        after_help = "Prints the board's URL. The page and the API (GET /api/items, /api/items/{id}, /api/events?after=POS, /api/stream) read the project live; writes (POST /api/items, /api/items/{id}/status, /api/items/{id}/comments) need the page's token. Requests naming another host are refused; --host adds a name.\n\nExamples:\n  jerry serve\n  jerry serve --port 8080 --open\n  jerry serve --listen 0.0.0.0 --token \"$(openssl rand -hex 16)\" --host 192.168.1.20 --host devbox"
    )]
    Serve {
        /// The port (0: any free one).
        #[arg(long, default_value_t = 7420)]
        port: u16,
        /// Listen on this address instead of 127.0.0.1 (reachable by others: needs --token).
        #[arg(long)]
        listen: Option<std::net::IpAddr>,
        /// The write token (default: a new random one per server, carried by the page).
        #[arg(long, env = "JERRY_BOARD_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// Another name (or address) the board answers to in `Host`, e.g. the machine's LAN
        /// address or host name with --listen (repeatable).
        #[arg(long = "host", value_name = "NAME")]
        hosts: Vec<String>,
        /// Open the board in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// The git merge driver for committed event files (git runs it; see sync --install-merge-driver).
    #[command(
        after_help = "Git runs it as: jerry merge-driver %O %A %B %P. A stream file gets the events of both sides, each once, in the order every clone uses (Lamport time, then event id); the result replaces OURS. The next jerry command gives events positions again and rebuilds the index.\n\nTwo items created under one number on the two sides are both kept: the earlier creation keeps the number, and the next jerry command moves the other to a number of its own.\n\nExit codes: 0 merged; 1 the sides cannot be merged (an event changed, a line that is not an event): git reports a conflict."
    )]
    MergeDriver {
        /// The common ancestor's version (%O; not needed: events are only ever added).
        ancestor: std::path::PathBuf,
        /// Our version (%A); the merged result is written here.
        ours: std::path::PathBuf,
        /// Their version (%B).
        theirs: std::path::PathBuf,
        /// The file's path in the repository (%P).
        path: String,
    },
    /// Build a synthetic project for benchmarks (not a user command).
    #[command(hide = true)]
    Generate {
        /// How many items to add.
        #[arg(long, default_value_t = 1000)]
        items: u64,
        /// Events per item: a creation, then reassignments.
        #[arg(long, default_value_t = 10)]
        events_per_item: u64,
    },
}

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Keys: actor, default_type, lock_timeout, snapshot_interval, store, quality_gate (off, warn, enforce), policies (a comma-separated list of unblock-dependents, close-parent, or none), sync_remote, time_format (relative, local, utc).\nPrecedence: a flag, then its environment variable, then the project's config.toml, then yours ($XDG_CONFIG_HOME/jerry/config.toml, else ~/.config/jerry/config.toml: config set --user), then the built-in default.\n\nExamples:\n  jerry config set default_type bug\n  jerry config get actor\n  jerry config list --json"
)]
pub enum ConfigCommand {
    /// Print one setting as it takes effect (a flag or its environment variable, else the
    /// project's config.toml, else the user's, else the default) and, on stderr, where it
    /// comes from.
    Get {
        /// actor, default_type, lock_timeout, snapshot_interval, store, quality_gate or policies.
        key: String,
    },
    /// Change one setting (of the project, or with --user of every project of yours).
    #[command(
        after_help = "Examples:\n  jerry config set quality_gate warn\n  jerry config set --user actor ann"
    )]
    Set {
        /// actor, default_type, lock_timeout, snapshot_interval, store, quality_gate or policies.
        key: String,
        /// The new value (checked as the matching flag would be).
        value: String,
        /// In your own config file ($XDG_CONFIG_HOME/jerry/config.toml, else
        /// ~/.config/jerry/config.toml), under every project's.
        #[arg(long)]
        user: bool,
    },
    /// Remove one setting from config.toml (it falls back to the user's, else its default).
    Unset {
        /// actor, default_type, lock_timeout, snapshot_interval, store, quality_gate or policies.
        key: String,
        /// From your own config file instead.
        #[arg(long)]
        user: bool,
    },
    /// Print every setting as it takes effect and where its value comes from.
    List,
    /// Print the path of the project's config.toml (--user: of yours).
    Path {
        /// Your own config file's path instead.
        #[arg(long)]
        user: bool,
    },
}

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  jerry projects list\n  jerry projects create PROJ-002-billing\n  jerry projects show PROJ-002-billing --json"
)]
pub enum ProjectsCommand {
    /// List the workspace's projects with their item and event counts.
    List,
    /// Create a project (the same as jerry init).
    #[command(after_help = "Example:\n  jerry projects create PROJ-002-billing")]
    Create {
        /// PROJ-NNN or PROJ-NNN-slug [default: the next free number].
        project: Option<ProjectId>,
        /// Show its items as PREFIX-001, … (as jerry init --prefix).
        #[arg(long, value_name = "PREFIX", value_parser = id_prefix)]
        prefix: Option<String>,
    },
    /// Make a project the workspace's default: used when no --project or JERRY_PROJECT names one.
    #[command(after_help = "Example:\n  jerry projects use 2")]
    Use {
        /// PROJ-002, PROJ-2 or 2.
        project: ProjectId,
    },
    /// Show one project: where it lives, its counts and settings.
    Show {
        /// The project [default: the one in use].
        project: Option<ProjectId>,
    },
}

/// Which events: every given filter must match; a repeated one matches any of its values.
#[derive(Debug, Args)]
pub struct EventFilterArgs {
    /// Only events of this type, e.g. StatusChanged (repeatable).
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Only events of this item.
    #[arg(long, value_name = "ID")]
    pub item: Option<ItemRef>,
    /// Only events of this stream, e.g. work_item-WORK-001.
    #[arg(long, value_name = "STREAM")]
    pub stream: Option<String>,
    /// Only events at or after TIME (RFC 3339, 2026-01-12, 15m, 2h, 3d, today, yesterday).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub since: Option<TimeSpec>,
    /// Only events at or before TIME.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub until: Option<TimeSpec>,
    /// Only events of one request (its correlation id).
    #[arg(long, value_name = "ID")]
    pub correlation: Option<String>,
    // `--actor NAME` filters too: it is the global option, read as a filter when given on the
    // command line of an `events` command (see `cli::main`), never from JERRY_ACTOR.
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// List events in global order: a table, --json (an array) or --jsonl.
    #[command(
        after_help = "Examples:\n  jerry events list --last 20\n  jerry events list --type StatusChanged --since 2h --jsonl\n  jerry events list --after 1500 --json"
    )]
    List(EventsListArgs),
    /// Print events as other processes append them, until Ctrl-C.
    #[command(
        after_help = "Examples:\n  jerry events follow\n  jerry events follow --type WorkItemCompleted --json\n  jerry events follow --from-start | head -3"
    )]
    Follow(EventsFollowArgs),
    /// Rebuild the read model from the log; --verify checks it against each stream (exit 6 on a difference).
    #[command(
        after_help = "Examples:\n  jerry events replay --verify\n  jerry events replay --until yesterday --json"
    )]
    Replay(EventsReplayArgs),
    /// Write the log (or the filtered part) in global order, as JSON Lines by default.
    #[command(
        after_help = "Examples:\n  jerry events export -o backup.jsonl\n  jerry events export --item WORK-007 --format json"
    )]
    Export(EventsExportArgs),
    /// Restore an export: keeps stream ids, versions and event ids; repeating it is a no-op.
    #[command(
        after_help = "Examples:\n  jerry events import backup.jsonl\n  jerry events export --root ../old | jerry events import -"
    )]
    Import(EventsImportArgs),
    /// Count events, grouped by type, stream, day or actor.
    #[command(
        after_help = "Examples:\n  jerry events stats\n  jerry events stats --group-by day --since 7d\n  jerry events stats --group-by actor --format toon"
    )]
    Stats(EventsStatsArgs),
    /// Find, within each item, an event of one type followed by one of another inside a window.
    #[command(
        after_help = "Example:\n  jerry events query \"StatusChanged followed by WorkItemCompleted\" --within 5m"
    )]
    Query(EventsQueryArgs),
}

#[derive(Debug, Args)]
pub struct EventsListArgs {
    #[command(flatten)]
    pub filter: EventFilterArgs,
    /// Only events after this global position.
    #[arg(long, value_name = "POS", default_value_t = 0)]
    pub after: u64,
    /// Only the last N matching events.
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub last: Option<usize>,
    /// At most N events; stderr says how many were left out.
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
    /// One JSON object per line.
    #[arg(long, conflicts_with = "json")]
    pub jsonl: bool,
}

#[derive(Debug, Args)]
pub struct EventsFollowArgs {
    #[command(flatten)]
    pub filter: EventFilterArgs,
    /// Start from the first event instead of from now.
    #[arg(long, conflicts_with = "after")]
    pub from_start: bool,
    /// Start after this global position.
    #[arg(long, value_name = "POS")]
    pub after: Option<u64>,
}

#[derive(Debug, Args)]
pub struct EventsReplayArgs {
    /// Replay only up to TIME.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub until: Option<TimeSpec>,
    /// Check the rebuilt state against each item's own stream; exit 6 on any difference.
    #[arg(long)]
    pub verify: bool,
}

#[derive(Debug, Args)]
pub struct EventsExportArgs {
    #[command(flatten)]
    pub filter: EventFilterArgs,
    /// Only events after this global position.
    #[arg(long, value_name = "POS", default_value_t = 0)]
    pub after: u64,
    // The format is the global --format: jsonl (the default here) or json (one array).
    /// Write to FILE (atomically: a temp file renamed into place) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EventsImportArgs {
    /// An export file, or - for standard input.
    pub file: PathBuf,
}

/// The trackers `jerry import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TrackerArg {
    /// `task export`'s JSON array.
    Taskwarrior,
    /// beads' issues.jsonl.
    Beads,
    /// `gh issue list --json …`'s JSON array.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupByArg {
    Type,
    Stream,
    Day,
    Actor,
}

#[derive(Debug, Args)]
pub struct EventsStatsArgs {
    #[arg(long, value_enum, default_value = "type")]
    pub group_by: GroupByArg,
    /// Counts only the events these filters keep (and `--actor`, typed).
    #[command(flatten)]
    pub filter: EventFilterArgs,
}

/// Parses a window such as 5m.
fn parse_window(input: &str) -> Result<std::time::Duration, TimestampError> {
    parse_duration(input)
}

#[derive(Debug, Args)]
pub struct EventsQueryArgs {
    /// "<TypeA> followed by <TypeB>".
    pub query: String,
    /// The longest gap between the two events (30s, 5m, 2h, 1d).
    #[arg(long, value_name = "DURATION", value_parser = parse_window)]
    pub within: std::time::Duration,
    /// Looks only at the events these filters keep (and `--actor`, typed).
    #[command(flatten)]
    pub filter: EventFilterArgs,
}

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Create or upgrade the store's schema (PostgreSQL needs this once; files and SQLite
    /// set themselves up). Safe to run again, from several machines at once.
    #[command(
        after_help = "Examples:\n  jerry --store postgres://jerry@db.internal/jerry store init\n  JERRY_STORE=sqlite:jerry.db jerry store init --json"
    )]
    Init,
    /// Show which backend the project uses, where, and how much it holds.
    #[command(
        after_help = "Examples:\n  jerry store info\n  jerry --store sqlite:jerry.db store info --json"
    )]
    Info,
    /// Copy every event of the project to another store, keeping ids, versions and
    /// positions; resumable, and verified by counts and a content hash at the end.
    #[command(
        after_help = "The target must be empty or hold an earlier, interrupted copy of this project (which is then continued). Run `jerry store init` on a PostgreSQL target first. Afterwards, point the project at the target with `jerry config set store <URL>`.\n\nExamples:\n  jerry store migrate --to sqlite:jerry.db\n  jerry --store sqlite:jerry.db store migrate --to postgres://jerry@db.internal/jerry"
    )]
    Migrate {
        /// The store to copy into: jsonl, sqlite:<path> or postgres://user@host/database.
        #[arg(long, value_name = "URL", value_parser = parse_store)]
        to: StoreUrl,
    },
}

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  jerry views save mine --assignee ann --sort priority\n  jerry views save hot --label urgent --status open --fields id,title,due\n  jerry items list @mine\n  jerry items list @mine --label ui --json\n  jerry views list"
)]
pub enum ViewsCommand {
    /// Save items list's flags under NAME (filters, --sort, --reverse, --limit, --fields).
    Save {
        /// Letters, digits, - and _ (at most 40).
        name: String,
        /// The items list flags, as you would type them.
        #[arg(
            required = true,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "FLAGS"
        )]
        args: Vec<String>,
    },
    /// List the saved views and what each runs.
    List,
    /// Remove a saved view.
    Delete { name: String },
}

/// A prefix for item ids: 2 to 8 letters.
fn id_prefix(text: &str) -> Result<String, String> {
    jerry::domain::ids::check_prefix(text.trim()).map_err(|err| err.to_string())
}
