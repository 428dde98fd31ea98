//! `jerry events …`: the whole log in its one global order.

use std::io::{BufReader, IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

use jerry::app::{self, EventFilter, EventLog, GroupBy, ItemRepository, PAGE};
use jerry::store::{EventStore, StreamId};

use super::args::{
    EventFilterArgs, EventsCommand, EventsExportArgs, EventsFollowArgs, EventsImportArgs, EventsListArgs,
    EventsQueryArgs, EventsReplayArgs, EventsStatsArgs, GroupByArg,
};
use super::context::{Context, Opened};
use super::failure::locate;
use super::output::{Format, Output};
use super::render;

pub fn run(command: EventsCommand, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    match command {
        EventsCommand::List(args) => list(args, ctx, out),
        EventsCommand::Follow(args) => follow(args, ctx, out),
        EventsCommand::Replay(args) => replay(args, ctx, out),
        EventsCommand::Export(args) => export(args, ctx, out),
        EventsCommand::Import(args) => import(args, ctx, out),
        EventsCommand::Stats(args) => stats(args, ctx, out),
        EventsCommand::Query(args) => query(args, ctx, out),
    }
}

fn filter(args: EventFilterArgs, after: u64, opened: &Opened, ctx: &Context) -> anyhow::Result<EventFilter> {
    let EventFilterArgs {
        types,
        item,
        stream,
        since,
        until,
        correlation,
    } = args;
    let actor = ctx.actor_filter();
    let item = item
        .map(|item| ItemRepository::new(&opened.store).resolve(item))
        .transpose()
        .map_err(|err| locate(err, &opened.project))?;
    Ok(EventFilter {
        types,
        item,
        stream: stream.map(StreamId::new).transpose()?,
        since,
        until,
        after,
        correlation,
        actor,
    })
}

fn list(args: EventsListArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let EventsListArgs {
        filter: filter_args,
        after,
        last,
        limit,
        jsonl,
    } = args;
    let opened = ctx.open()?;
    let filter = filter(filter_args, after, &opened, ctx)?;
    let page = EventLog::new(&opened.store).list(&filter, limit, last)?;
    let shown = page.events.len();
    if shown < page.total_matching && limit.is_some_and(|l| shown == l) {
        out.warn(&format!(
            "showing {shown} of {} matching events (--limit {})",
            page.total_matching,
            limit.unwrap_or_default()
        ));
    }
    if out.json() {
        return out.json_value(&page.events);
    }
    if jsonl {
        for event in &page.events {
            out.json_line(event)?;
        }
        return Ok(());
    }
    if page.events.is_empty() {
        out.note(&format!("no matching events in {}", opened.project));
        return Ok(());
    }
    let style = out.style();
    out.line(&render::event_table(&page.events, style))
}

/// Polls at most this long between checks, so Ctrl-C and a stopped writer are noticed.
const FOLLOW_TICK: Duration = Duration::from_millis(100);

fn follow(args: EventsFollowArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let EventsFollowArgs {
        filter: filter_args,
        from_start,
        after,
    } = args;
    let opened = ctx.open()?;
    let start = match (from_start, after) {
        (true, _) => 0,
        (false, Some(after)) => after,
        (false, None) => opened.store.head_position()?,
    };
    let filter = filter(filter_args, start, &opened, ctx)?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .context("cannot install the Ctrl-C handler")?;
    let mut position = start;
    while !stop.load(Ordering::SeqCst) {
        let page = opened.store.read_global(position, PAGE)?;
        let Some(last) = page.last() else {
            if stdout_closed() {
                return Ok(());
            }
            opened.store.wait_for_events(position, FOLLOW_TICK)?;
            continue;
        };
        position = last.position;
        for event in page.iter().filter(|e| filter.matches(e)) {
            if out.json() {
                out.json_line(event)?;
            } else {
                out.line(&render::event_line(event))?;
            }
        }
        out.flush_now()?;
    }
    Ok(())
}

/// True when nobody reads our stdout any more (`jerry events follow | head -3` after head
/// exits), so an idle follow ends instead of waiting for its next event to find out.
#[cfg(unix)]
fn stdout_closed() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDOUT_FILENO,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, zero timeout; poll only reads and writes that struct.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLERR | libc::POLLHUP) != 0
}

#[cfg(not(unix))]
fn stdout_closed() -> bool {
    false
}

fn replay(args: EventsReplayArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let EventsReplayArgs { until, verify } = args;
    let opened = ctx.open()?;
    let total = opened.store.head_position()?;
    let bar = progress_bar(total);
    let started = Instant::now();
    let (rebuilt, counts) = app::rebuild(&opened.store, until, |position| bar.set_position(position))?;
    bar.finish_and_clear();
    let elapsed = started.elapsed();
    let rate = counts.events as f64 / elapsed.as_secs_f64().max(1e-9);
    let mut differences = Vec::new();
    if verify {
        if until.is_none() {
            // The incremental read model, caught up, must equal the one rebuilt from scratch.
            let incremental = app::ItemsProjection::current(&opened.store)?;
            differences.extend(app::compare(&rebuilt.items, &incremental.items));
        }
        differences.extend(app::verify(&opened.store, &rebuilt.items, until)?);
    }
    if until.is_none() && differences.is_empty() {
        rebuilt.save(&opened.store);
    }
    if out.json() {
        out.json_value(&serde_json::json!({
            "events": counts.events,
            "items": counts.items,
            "unknown_events": counts.unknown,
            "seconds": elapsed.as_secs_f64(),
            "events_per_second": rate,
            "verified": verify.then_some(differences.is_empty()),
            "differences": differences,
        }))?;
    } else {
        out.line(&format!(
            "replayed {} events into {} items in {:.3} s ({:.0} events/s)",
            counts.events,
            counts.items,
            elapsed.as_secs_f64(),
            rate
        ))?;
        if counts.unknown > 0 {
            out.line(&format!(
                "{} events of types this jerry does not know were kept as they are",
                counts.unknown
            ))?;
        }
        if verify && differences.is_empty() {
            out.line("verified: every item matches its own stream")?;
        }
        for difference in &differences {
            out.line(&format!("difference: {difference}"))?;
        }
    }
    if let Some(first) = differences.first() {
        return Err(app::AppError::Inconsistent {
            count: differences.len(),
            first: first.clone(),
        }
        .into());
    }
    Ok(())
}

pub fn generate(items: u64, events_per_item: u64, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let opened = ctx.open()?;
    let bar = progress_bar(items * events_per_item);
    let started = Instant::now();
    let written = app::generate(
        &opened.store,
        &app::SystemClock,
        &app::UlidSource,
        items,
        events_per_item,
        |done| bar.set_position(done),
    )?;
    bar.finish_and_clear();
    out.note(&format!(
        "generated {items} items, {written} events in {:.2} s",
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}

/// A bar on stderr when it is a terminal; hidden otherwise.
/// A spinner with a message on stderr, for work of unknown length, when stderr is a
/// terminal; hidden otherwise. Ticks on its own so a long silent step still shows life.
pub(super) fn spinner(message: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::new_spinner();
    spinner.set_message(message.to_owned());
    spinner.enable_steady_tick(Duration::from_millis(120));
    spinner
}

pub(super) fn progress_bar(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() || total < 10_000 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} events ({per_sec}, {eta} left)") {
        bar.set_style(style);
    }
    bar
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    Jsonl,
    Json,
}

fn export(args: EventsExportArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let EventsExportArgs {
        filter: filter_args,
        after,
        output,
    } = args;
    let format = match out.format() {
        Format::Table | Format::Jsonl => ExportFormat::Jsonl,
        Format::Json => ExportFormat::Json,
        Format::Toon => {
            return Err(jerry::domain::DomainError::InvalidValue {
                kind: "export format",
                input: "toon".into(),
                expected: "events export writes jsonl (the default) or json",
            }
            .into())
        }
    };
    let opened = ctx.open()?;
    let filter = filter(filter_args, after, &opened, ctx)?;
    let log = EventLog::new(&opened.store);
    let total = opened.store.head_position()?;
    let bar = progress_bar(total);
    let mut write_all = |sink: &mut dyn Write| -> anyhow::Result<u64> {
        let mut count = 0u64;
        if format == ExportFormat::Json {
            sink.write_all(b"[")?;
        }
        let mut failure = None;
        log.scan(&filter, |event| {
            let separator: &[u8] = match (format, count) {
                (ExportFormat::Json, 0) => b"\n",
                (ExportFormat::Json, _) => b",\n",
                (ExportFormat::Jsonl, _) => b"",
            };
            let written = sink
                .write_all(separator)
                .map_err(anyhow::Error::from)
                .and_then(|()| serde_json::to_writer(&mut *sink, &event).map_err(anyhow::Error::from))
                .and_then(|()| {
                    if format == ExportFormat::Jsonl {
                        sink.write_all(b"\n")?;
                    }
                    Ok(())
                });
            count += 1;
            bar.set_position(event.position);
            match written {
                Ok(()) => Ok(ControlFlow::Continue(())),
                Err(err) => {
                    failure = Some(err);
                    Ok(ControlFlow::Break(()))
                }
            }
        })?;
        if let Some(err) = failure {
            return Err(err);
        }
        if format == ExportFormat::Json {
            sink.write_all(if count == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        Ok(count)
    };
    let count = match &output {
        Some(path) => write_atomically(path, &mut write_all)?,
        None => {
            let mut sink = std::io::BufWriter::with_capacity(256 * 1024, std::io::stdout().lock());
            let count = write_all(&mut sink)?;
            sink.flush()?;
            count
        }
    };
    bar.finish_and_clear();
    if let Some(path) = output {
        out.note(&format!("exported {count} events to {}", path.display()));
    }
    Ok(())
}

/// Writes through a temp file in the target's folder, fsyncs, then renames it into place:
/// the target is either the old file or the complete new one, never half of one.
fn write_atomically(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> anyhow::Result<u64>,
) -> anyhow::Result<u64> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let temp =
        tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut sink = std::io::BufWriter::with_capacity(256 * 1024, temp);
    let count = write(&mut sink)?;
    let temp = sink.into_inner().map_err(|err| err.into_error())?;
    temp.as_file().sync_all()?;
    temp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(count)
}

fn import(args: EventsImportArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let EventsImportArgs { file } = args;
    let opened = ctx.open()?;
    let spinner = spinner("checking and importing events…");
    let report = if file.as_os_str() == "-" {
        app::import(&opened.store, std::io::stdin().lock())?
    } else {
        let reader = fs_err::File::open(&file)?;
        app::import(&opened.store, BufReader::with_capacity(256 * 1024, reader))?
    };
    spinner.finish_and_clear();
    if report.imported > 0 {
        // Imported history carries its own reactions; policies react from here on.
        super::policies::engine(&opened).skip_to_head()?;
    }
    if opened.first && report.imported > 0 {
        ctx.workspace().create_project(&opened.project)?;
        out.note(&format!(
            "note: no project here yet, so created {}",
            opened.project
        ));
    }
    if out.json() {
        return out.json_value(&report);
    }
    if report.imported == 0 {
        out.line(&format!(
            "nothing to import: all {} events are already in {}",
            report.already_present, opened.project
        ))
    } else {
        out.line(&format!(
            "imported {} events into {} streams of {} ({} already present)",
            report.imported, report.streams, opened.project, report.already_present
        ))
    }
}

fn stats(args: EventsStatsArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let EventsStatsArgs { group_by, since } = args;
    let opened = ctx.open()?;
    let group = match group_by {
        GroupByArg::Type => GroupBy::Type,
        GroupByArg::Stream => GroupBy::Stream,
        GroupByArg::Day => GroupBy::Day,
        GroupByArg::Actor => GroupBy::Actor,
    };
    let filter = EventFilter {
        since,
        ..EventFilter::default()
    };
    let stats = EventLog::new(&opened.store).stats(&filter, group)?;
    if out.json() {
        let name = format!("{group_by:?}").to_lowercase();
        return out.json_value(
            &serde_json::json!({ "group_by": name, "total": stats.total, "groups": stats.groups }),
        );
    }
    out.line(&render::stats_table(&stats))
}

fn query(args: EventsQueryArgs, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let EventsQueryArgs { query, within } = args;
    let Some((first, then)) = parse_sequence(&query) else {
        return Err(jerry::domain::DomainError::InvalidValue {
            kind: "query",
            input: query,
            expected: "expected \"<EventType> followed by <EventType>\"",
        }
        .into());
    };
    let opened = ctx.open()?;
    let found = EventLog::new(&opened.store).followed_by(&first, &then, within, &EventFilter::default())?;
    if out.json() {
        return out.json_value(&found);
    }
    if found.is_empty() {
        out.note(&format!(
            "no {first} followed by {then} within {}s",
            within.as_secs()
        ));
        return Ok(());
    }
    out.line(&render::sequence_table(&found))
}

/// `"A followed by B"` → `(A, B)`.
fn parse_sequence(query: &str) -> Option<(String, String)> {
    let words: Vec<&str> = query.split_whitespace().collect();
    match words.as_slice() {
        [first, followed, by, then]
            if followed.eq_ignore_ascii_case("followed") && by.eq_ignore_ascii_case("by") =>
        {
            Some((first.to_string(), then.to_string()))
        }
        _ => None,
    }
}
