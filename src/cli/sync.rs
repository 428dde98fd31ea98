//! `jerry sync`: one call to the sync front door (through the launch table), and its summary.

use std::fmt::Write;

use super::context::Context;
use super::output::Output;
use crate::door::error::CommandResult;
use crate::door::launch::{Doors, SyncReport};

pub fn run(
    doors: &Doors,
    remote: Option<String>,
    dry_run: bool,
    ctx: &Context,
    out: &mut Output,
) -> CommandResult {
    let session = ctx.open()?;
    let remote = remote.unwrap_or_else(|| session.sync_remote());
    let spinner = super::progress::spinner(&format!("syncing {} with {remote}…", session.project()));
    let report = (doors.sync)(&session, &remote, dry_run);
    spinner.finish_and_clear();
    let report = report?;
    if out.json() {
        return out.json_value(&report);
    }
    out.line(&summary(&report))?;
    let verb = if report.dry_run {
        "would renumber"
    } else {
        "renumbered"
    };
    for step in &report.renamed {
        out.line(&format!(
            "{verb} {} → {} (another clone created {} first; its ULID {} still finds it)",
            step.from, step.to, step.from, step.internal_id
        ))?;
    }
    for conflict in &report.conflicts {
        out.line(&format!(
            "conflict: {} version {} ({}): {}",
            conflict.id, conflict.conflict.version, conflict.conflict.event_type, conflict.conflict.reason
        ))?;
    }
    Ok(())
}

/// One line: what went where.
fn summary(report: &SyncReport) -> String {
    let verb = if report.dry_run { "would send" } else { "sent" };
    let got = if report.dry_run {
        "would receive"
    } else {
        "received"
    };
    let mut line = format!(
        "{} with {}: {verb} {} event{}, {got} {}",
        report.project,
        report.remote,
        report.sent,
        if report.sent == 1 { "" } else { "s" },
        report.received,
    );
    if !report.renamed.is_empty() {
        let _ = write!(line, ", {} renumbered", report.renamed.len());
    }
    if !report.conflicts.is_empty() {
        let _ = write!(line, ", {} conflict(s)", report.conflicts.len());
    }
    line
}

/// `jerry sync --install-merge-driver`.
pub fn install_merge_driver(doors: &Doors, ctx: &Context, out: &mut Output) -> CommandResult {
    let added = (doors.install_merge_driver)(ctx.setup().workspace().root())?;
    if out.json() {
        return out.json_value(&serde_json::json!({ "gitattributes_added": added, "driver": "merge.jerry" }));
    }
    if added.is_empty() {
        out.line("the jerry merge driver is set up (.gitattributes already had its lines)")?;
    } else {
        out.line(&format!(
            "the jerry merge driver is set up: {} line(s) added to .gitattributes; commit it",
            added.len()
        ))?;
    }
    Ok(())
}
