//! `jerry events …`: the whole log in its one global order.

use std::io::{BufReader, Write};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jerry::app::{event_type_named, AppError, EventFilter, GroupBy, Session, PAGE};
use jerry::persist::write_output;
use jerry::store::{EventLine, StreamId};

use super::args::{
    EventFilterArgs, EventsCommand, EventsExportArgs, EventsFollowArgs, EventsImportArgs, EventsListArgs,
    EventsQueryArgs, EventsReplayArgs, EventsStatsArgs, GroupByArg,
};
use super::context::{resolve_time, Context};
use super::output::{Format, Output};
use super::progress::{progress_bar, spinner};
use super::{notes, render};
use crate::door::error::{CommandError, CommandResult, ErrorKind};

pub fn run(command: EventsCommand, ctx: &Context, out: &mut Output) -> CommandResult {
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

fn filter(args: EventFilterArgs, after: u64, session: &Session, ctx: &Context) -> CommandResult<EventFilter> {
    let EventFilterArgs {
        types,
        item,
        stream,
        since,
        until,
        correlation,
    } = args;
    let actor = ctx.actor_filter();
    let item = item.map(|item| session.queries().existing(item)).transpose()?;
    let types = types
        .iter()
        .map(|name| event_type_named(name).map(str::to_owned))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(EventFilter {
        types,
        item,
        stream: stream.map(StreamId::new).transpose()?,
        since: resolve_time(since, session)?,
        until: resolve_time(until, session)?,
        after,
        correlation,
        actor,
    })
}

fn list(args: EventsListArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EventsListArgs {
        filter: filter_args,
        after,
        last,
        limit,
        jsonl,
    } = args;
    let session = ctx.read(false)?;
    let filter = filter(filter_args, after, &session, ctx)?;
    let page = session.events().list(&filter, limit, last)?;
    let shown = page.events.len();
    match (limit, last) {
        // Both: the last N, then the first of those; say exactly which.
        (Some(limit), Some(last)) if shown == limit && limit < last.min(page.total_matching) => {
            out.warn(&format!(
                "showing the first {shown} of the last {} of {} matching events (--last {last} --limit {limit})",
                last.min(page.total_matching),
                page.total_matching
            ));
        }
        (Some(limit), None) if shown < page.total_matching && shown == limit => {
            out.warn(&format!(
                "showing {shown} of {} matching events (--limit {limit})",
                page.total_matching
            ));
        }
        _ => {}
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
        out.note(&format!("no matching events in {}", session.project()));
        return Ok(());
    }
    let style = out.style();
    out.line(&render::event_table(&page.events, style))
}

/// Polls at most this long between checks, so Ctrl-C and a stopped writer are noticed.
const FOLLOW_TICK: Duration = Duration::from_millis(100);

fn follow(args: EventsFollowArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EventsFollowArgs {
        filter: filter_args,
        from_start,
        after,
    } = args;
    let session = ctx.open()?;
    let log = session.events();
    let start = match (from_start, after) {
        (true, _) => 0,
        (false, Some(after)) => after,
        (false, None) => log.head()?,
    };
    let filter = filter(filter_args, start, &session, ctx)?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .map_err(|err| CommandError::failure(format!("cannot install the Ctrl-C handler: {err}")))?;
    let mut position = start;
    while !stop.load(Ordering::SeqCst) {
        if stdout_closed() {
            return Ok(());
        }
        let page = log.follow(position, PAGE, FOLLOW_TICK)?;
        let Some(last) = page.last() else {
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
    let ready = unsafe { libc::poll(&raw mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLERR | libc::POLLHUP) != 0
}

#[cfg(not(unix))]
fn stdout_closed() -> bool {
    false
}

fn replay(args: EventsReplayArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EventsReplayArgs { until, verify } = args;
    if ctx.actor_filter().is_some() {
        return Err(CommandError::new(
            ErrorKind::Usage,
            "events replay rebuilds from the whole log; --actor does not apply (events list --actor filters)",
        ));
    }
    let session = ctx.read(false)?;
    let until = resolve_time(until, &session)?;
    let bar = progress_bar(session.events().head()?);
    let report = session.replay(until, verify, |position| bar.set_position(position))?;
    bar.finish_and_clear();
    let (counts, differences) = (&report.counts, &report.differences);
    let rate = counts.events as f64 / report.seconds.max(1e-9);
    if out.json() {
        out.json_value(&serde_json::json!({
            "events": counts.events,
            "items": counts.items,
            "unknown_events": counts.unknown,
            "seconds": report.seconds,
            "events_per_second": rate,
            "verified": verify.then_some(differences.is_empty()),
            "differences": differences,
        }))?;
    } else {
        out.line(&format!(
            "replayed {} events into {} items in {:.3} s ({:.0} events/s)",
            counts.events, counts.items, report.seconds, rate
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
        for difference in differences {
            out.line(&format!("difference: {difference}"))?;
        }
    }
    if let Some(first) = differences.first() {
        return Err(AppError::Inconsistent {
            count: differences.len(),
            first: first.clone(),
        }
        .into());
    }
    Ok(())
}

pub fn generate(items: u64, events_per_item: u64, ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.open()?;
    let bar = progress_bar(items * events_per_item);
    let started = Instant::now();
    let written = session.generate(items, events_per_item, |done| bar.set_position(done))?;
    bar.finish_and_clear();
    out.note(&format!(
        "generated {items} items, {written} events in {:.2} s",
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    Jsonl,
    Json,
    /// One TOON document: the events are gathered first (TOON writes a list's length in
    /// its header), so this one costs memory in proportion to the export.
    Toon,
    /// CSV with a header row (payload and metadata as JSON cells), gathered first as TOON
    /// is: a header names every column any event has.
    Csv,
}

fn export(args: EventsExportArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EventsExportArgs {
        filter: filter_args,
        after,
        output,
    } = args;
    if ctx.format().is_some_and(Format::for_people) {
        return Err(CommandError::new(
            ErrorKind::Usage,
            "events export writes jsonl (the default), json, toon or csv; --format table does not apply",
        ));
    }
    let format = match out.format() {
        Format::Table | Format::Markdown | Format::Jsonl => ExportFormat::Jsonl,
        Format::Json => ExportFormat::Json,
        Format::Toon => ExportFormat::Toon,
        Format::Csv => ExportFormat::Csv,
    };
    let session = ctx.read(false)?;
    let filter = filter(filter_args, after, &session, ctx)?;
    let bar = progress_bar(session.events().head()?);
    let mut read_error: Option<AppError> = None;
    let mut write_all = |sink: &mut dyn Write| -> std::io::Result<u64> {
        // The log is read inside the writer; a read error is kept and reported as such.
        let read = |result: Result<(), AppError>, read_error: &mut Option<AppError>| {
            result.map_err(|err| {
                *read_error = Some(err);
                std::io::Error::other("the log could not be read")
            })
        };
        if matches!(format, ExportFormat::Toon | ExportFormat::Csv) {
            // TOON writes the list's length in its header: the events are gathered first.
            let mut gathered = Vec::new();
            let scanned = session.events().scan(&filter, |event| {
                bar.set_position(event.position);
                gathered.push(event);
                Ok(ControlFlow::Continue(()))
            });
            read(scanned, &mut read_error)?;
            let value = serde_json::to_value(&gathered)?;
            if format == ExportFormat::Csv {
                let rows = super::csv::encode(value)
                    .map_err(|err| std::io::Error::other(err.message().to_owned()))?;
                sink.write_all(&rows)?;
                return Ok(gathered.len() as u64);
            }
            let text =
                toon_format::encode_default(&value).map_err(|err| std::io::Error::other(err.to_string()))?;
            sink.write_all(text.as_bytes())?;
            sink.write_all(b"\n")?;
            return Ok(gathered.len() as u64);
        }
        // Each event is encoded where its page is decoded: a JSON array's element with the
        // separator before it (the first one's comma is left off below), a JSONL line with
        // its newline after.
        let json = format == ExportFormat::Json;
        let encode = |line: &EventLine<'_>, bytes: &mut Vec<u8>| {
            if json {
                bytes.extend_from_slice(b",\n");
            }
            line.write_json(bytes)
                .map_err(|err| AppError::io("cannot encode an event", err.into()))?;
            if !json {
                bytes.push(b'\n');
            }
            Ok(())
        };
        if json {
            sink.write_all(b"[")?;
        }
        let mut count = 0u64;
        let mut failure = None;
        let encoded = session.events().encode_matching(
            &filter,
            encode,
            |bytes, events| {
                let bytes = if json && count == 0 { &bytes[1..] } else { bytes };
                count += events;
                match sink.write_all(bytes) {
                    Ok(()) => Ok(ControlFlow::Continue(())),
                    Err(err) => {
                        failure = Some(err);
                        Ok(ControlFlow::Break(()))
                    }
                }
            },
            |position| bar.set_position(position),
        );
        read(encoded, &mut read_error)?;
        if let Some(err) = failure {
            return Err(err);
        }
        if json {
            sink.write_all(if count == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        Ok(count)
    };
    let written = match &output {
        // Durable and whole: the target is the old file or the complete new one.
        Some(path) => write_output(path, &mut write_all)
            .map_err(|err| CommandError::failure(format!("cannot write {}: {err}", path.display()))),
        None => {
            let mut sink = std::io::BufWriter::with_capacity(256 * 1024, std::io::stdout().lock());
            write_all(&mut sink)
                .and_then(|count| sink.flush().map(|()| count))
                .map_err(CommandError::from)
        }
    };
    if let Some(err) = read_error {
        return Err(err.into());
    }
    let count = written?;
    bar.finish_and_clear();
    if let Some(path) = output {
        out.note(&format!("exported {count} events to {}", path.display()));
    }
    Ok(())
}

fn import(args: EventsImportArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EventsImportArgs { file } = args;
    let session = ctx.open()?;
    let spinner = spinner("checking and importing events…");
    let outcome = if file.as_os_str() == "-" {
        // The import reads its input twice (check, then write): standard input is kept in
        // an unnamed temporary file, which the system removes however the process ends.
        let mut spool = tempfile::tempfile()
            .map_err(|err| CommandError::failure(format!("cannot keep standard input: {err}")))?;
        std::io::copy(&mut std::io::stdin().lock(), &mut spool)
            .map_err(|err| CommandError::failure(format!("cannot read standard input: {err}")))?;
        session.import(BufReader::with_capacity(256 * 1024, spool))?
    } else {
        let reader = fs_err::File::open(&file).map_err(|err| CommandError::failure(err.to_string()))?;
        session.import(BufReader::with_capacity(256 * 1024, reader))?
    };
    spinner.finish_and_clear();
    if let Some(project) = &outcome.created_project {
        out.note(&format!("note: no project here yet, so created {project}"));
    }
    notes::reactions(&outcome, &session, out);
    let report = outcome.value;
    if out.json() {
        return out.json_value(&report);
    }
    if report.restored > 0 {
        out.line(&format!(
            "restored {} events a damaged stream had lost from the middle of its file, each at its own version and position",
            report.restored
        ))?;
    }
    if report.imported == 0 && report.already_present == 0 {
        out.line("nothing to import: the file holds no events")
    } else if report.imported == 0 {
        out.line(&format!(
            "nothing to import: all {} events are already in {}",
            report.already_present,
            session.project()
        ))
    } else {
        out.line(&format!(
            "imported {} events into {} streams of {} ({} already present)",
            report.imported,
            report.streams,
            session.project(),
            report.already_present
        ))
    }
}

fn stats(args: EventsStatsArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EventsStatsArgs {
        group_by,
        filter: filter_args,
    } = args;
    let session = ctx.read(false)?;
    let group = match group_by {
        GroupByArg::Type => GroupBy::Type,
        GroupByArg::Stream => GroupBy::Stream,
        GroupByArg::Day => GroupBy::Day,
        GroupByArg::Actor => GroupBy::Actor,
    };
    let filter = filter(filter_args, 0, &session, ctx)?;
    let stats = session.events().stats(&filter, group)?;
    if out.json() {
        let name = format!("{group_by:?}").to_lowercase();
        return out.json_value(
            &serde_json::json!({ "group_by": name, "total": stats.total, "groups": stats.groups }),
        );
    }
    out.line(&render::stats_table(&stats))
}

fn query(args: EventsQueryArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let EventsQueryArgs {
        query,
        within,
        filter: filter_args,
    } = args;
    let Some((first, then)) = parse_sequence(&query) else {
        return Err(jerry::domain::DomainError::InvalidValue {
            kind: "query",
            input: query,
            expected: "expected \"<EventType> followed by <EventType>\"",
        }
        .into());
    };
    let (first, then) = (event_type_named(&first)?, event_type_named(&then)?);
    let session = ctx.read(false)?;
    let found = session
        .events()
        .followed_by(first, then, within, &filter(filter_args, 0, &session, ctx)?)?;
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
