//! `jerry doctor [--repair]`: is this project's history intact?

use jerry::store::Finding;

use super::context::Context;
use super::output::Output;
use super::progress::{progress_bar, spinner};
use crate::door::error::{CommandError, CommandResult, ErrorKind};

pub fn run(repair: bool, accept_loss: bool, ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.read(true)?;
    // A bar over the events on a terminal (a large project reads for seconds), a spinner
    // for a small one; nothing when stderr is not a terminal.
    let head = session.events().head()?;
    let bar = match progress_bar(head) {
        bar if bar.is_hidden() => spinner("checking every stream, the index and the read model…"),
        bar => bar,
    };
    let report = session.doctor(repair, accept_loss, &mut |events| bar.set_position(events))?;
    bar.finish_and_clear();
    let (before, repaired) = (&report.before, &report.repaired);
    let clean = report.clean();
    if out.json() {
        out.json_value(&serde_json::json!({
            "project": report.project,
            "streams": before.streams,
            "events": report.after.as_ref().unwrap_or(before).events,
            "clean": clean,
            "findings": before.findings,
            "repaired": repair.then_some(repaired),
            "remaining": report.after.as_ref().map(|a| &a.findings),
            "conflicts": report.conflicts,
        }))?;
    } else {
        out.line(&format!(
            "checked {}: {} streams, {} events",
            report.project, before.streams, before.events
        ))?;
        for finding in &before.findings {
            out.line(&describe(finding))?;
        }
        for c in &report.conflicts {
            out.line(&format!(
                "conflict: {} version {} ({}) was kept but not applied: {}",
                c.id, c.conflict.version, c.conflict.event_type, c.conflict.reason
            ))?;
        }
        if repair {
            if !repaired.quarantined.is_empty() {
                out.line(&format!(
                    "repaired: moved the damaged lines of {} stream(s) into .jerry/quarantine/",
                    repaired.quarantined.len()
                ))?;
            }
            if let Some(loss) = &repaired.accepted_loss {
                for event in &loss.events {
                    out.line(&format!("given up: {event}"))?;
                }
                if let Some(note) = &loss.note {
                    out.line(&format!(
                        "repaired: accepted the loss of {} event(s) and {} line(s) that were no events; numbered the rest again (note: {})",
                        loss.events.len(),
                        loss.lines,
                        note.display()
                    ))?;
                }
            }
            if repaired.archive_catalog_rebuilt {
                out.line("repaired: rebuilt the archive catalog from the archive segments")?;
            }
            if repaired.index_rebuilt {
                out.line("repaired: rebuilt the global index from the streams")?;
            }
            if repaired.read_model_rebuilt {
                out.line("repaired: rebuilt the read model (and discarded bad snapshots) from the log")?;
            }
        }
        if repair && !clean {
            // Say exactly what is left, and why it was not fixed.
            for finding in report.remaining() {
                let why = if finding.repairable {
                    "repairable, but another problem in the same project stopped the repair"
                } else {
                    "not repaired: fixing it could remove or reorder a complete event, so it needs a person"
                };
                let line = finding.line.map(|n| format!(" line {n}")).unwrap_or_default();
                out.line(&format!(
                    "still: {} in {}{line}: {} ({why})",
                    finding.kind,
                    finding.path.display(),
                    finding.detail
                ))?;
            }
        }
        if clean {
            out.line(if before.findings.is_empty() {
                "ok: no problems found"
            } else {
                "ok: all problems repaired"
            })?;
        }
    }
    if clean {
        return Ok(());
    }
    let error = CommandError::new(
        ErrorKind::Corrupt,
        format!("{} problem(s) in {}", report.remaining().len(), report.project),
    );
    let error = if report.repairable() {
        error.hint("jerry doctor --repair fixes these without removing any complete event")
    } else if !accept_loss && report.remaining().iter().any(|f| f.kind == "missing_event") {
        error.hint("bring the lost events back (jerry events import, jerry sync), or give them up: jerry doctor --repair --accept-loss")
    } else {
        error
    };
    // The report printed under --json is the one document, with `clean: false`.
    Err(if out.json() { error.without_json() } else { error })
}

fn describe(finding: &Finding) -> String {
    let line = finding.line.map(|n| format!(" line {n}")).unwrap_or_default();
    let fix = if finding.repairable {
        " (repairable)"
    } else {
        " (needs a person)"
    };
    format!(
        "problem: {} in {}{line}: {}{fix}",
        finding.kind,
        finding.path.display(),
        finding.detail
    )
}
