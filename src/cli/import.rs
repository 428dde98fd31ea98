//! `jerry import --from taskwarrior|beads|github FILE|-`: another tracker's backlog in.

use std::io::Read;
use std::path::Path;

use jerry::app::{ForeignReport, ItemAction, Tracker};

use super::args::TrackerArg;
use super::context::Context;
use super::output::Output;
use crate::door::error::{CommandError, CommandResult};

/// The most of any list the summary prints before saying how many more there are.
const SHOWN: usize = 20;

pub fn run(from: TrackerArg, file: &Path, dry_run: bool, ctx: &Context, out: &mut Output) -> CommandResult {
    let tracker = match from {
        TrackerArg::Taskwarrior => Tracker::Taskwarrior,
        TrackerArg::Beads => Tracker::Beads,
        TrackerArg::Github => Tracker::Github,
    };
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|err| CommandError::failure(format!("cannot read standard input: {err}")))?;
    } else {
        bytes = fs_err::read(file).map_err(|err| CommandError::failure(err.to_string()))?;
    }
    let named = if file.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        file.display().to_string()
    };
    let text = String::from_utf8(bytes).map_err(|err| {
        CommandError::invalid(format!(
            "{named} is not UTF-8 text (byte {}): an export is JSON; nothing was imported",
            err.utf8_error().valid_up_to() + 1
        ))
    })?;
    let session = if dry_run { ctx.read(false)? } else { ctx.open()? };
    let spinner = super::progress::spinner(if dry_run {
        "reading and planning the import…"
    } else {
        "importing…"
    });
    let outcome = session.import_from(tracker, &text, dry_run);
    spinner.finish_and_clear();
    let outcome = outcome?;
    if let Some(project) = &outcome.created_project {
        out.note(&format!("note: no project here yet, so created {project}"));
    }
    let report = outcome.value;
    if out.json() {
        return out.json_value(&report);
    }
    summary(&report, session.project().to_string(), out)
}

fn summary(report: &ForeignReport, project: String, out: &mut Output) -> CommandResult {
    let verb = |done: &str, will: &str| {
        if report.dry_run {
            will.to_owned()
        } else {
            done.to_owned()
        }
    };
    out.line(&format!(
        "{}: {} created, {} changed, {} unchanged ({} events) from {} {} records{}",
        project,
        report.created,
        report.changed,
        report.unchanged,
        report.events,
        report.records,
        report.tracker.name(),
        if report.dry_run {
            "; dry run, nothing written"
        } else {
            ""
        }
    ))?;
    if let Some(correlation) = &report.correlation {
        out.line(&format!(
            "  to take it back: jerry undo --correlation {correlation}"
        ))?;
    }
    let mut listed = 0;
    for item in report.items.iter().filter(|i| i.action != ItemAction::Unchanged) {
        listed += 1;
        if listed > SHOWN && !report.dry_run {
            continue;
        }
        match item.action {
            ItemAction::Created => out.line(&format!(
                "  {} {} {} ({} event{})",
                verb("created", "would create"),
                item.id,
                item.source,
                item.events,
                if item.events == 1 { "" } else { "s" }
            ))?,
            _ => out.line(&format!(
                "  {} {} {}: {}",
                verb("changed", "would change"),
                item.id,
                item.source,
                item.changes.join("; ")
            ))?,
        }
    }
    if listed > SHOWN && !report.dry_run {
        out.line(&format!(
            "  … and {} more (--json lists every item)",
            listed - SHOWN
        ))?;
    }
    for (title, list) in [("skipped", &report.skipped), ("noted", &report.noted)] {
        for entry in list.iter().take(SHOWN) {
            out.line(&format!(
                "  {title}: {} ({}): {}",
                entry.source,
                report.tracker.place(entry.record),
                entry.why
            ))?;
        }
        if list.len() > SHOWN {
            out.line(&format!(
                "  … {} more {title} (--json lists them all)",
                list.len() - SHOWN
            ))?;
        }
    }
    if !report.not_mapped.is_empty() {
        let fields: Vec<String> = report
            .not_mapped
            .iter()
            .map(|(field, count)| format!("{field} ({count})"))
            .collect();
        let left = if report.dry_run {
            "would leave out"
        } else {
            "left out"
        };
        out.line(&format!(
            "  {left} fields jerry has no place for: {}",
            fields.join(", ")
        ))?;
    }
    Ok(())
}
