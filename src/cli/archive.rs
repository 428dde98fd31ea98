//! `jerry archive [--closed-before TIME] [--dry-run]`: finished work leaves the live log.

use jerry::timestamp::TimeSpec;

use super::context::Context;
use super::output::Output;
use crate::door::error::CommandResult;

pub fn run(closed_before: &TimeSpec, dry_run: bool, ctx: &Context, out: &mut Output) -> CommandResult {
    let session = ctx.read(true)?;
    let before = closed_before.resolve(session.now())?;
    let report = session.archive(before, dry_run)?;
    if out.json() {
        return out.json_value(&serde_json::json!({
            "project": session.project(),
            "closed_before": before,
            "dry_run": report.dry_run,
            "archived": report.archived,
            "held_back": report.held_back,
            "changed_meanwhile": report.changed_meanwhile,
            "segment": report.segment,
            "stream_bytes": report.stream_bytes,
            "segment_bytes": report.segment_bytes,
            "already_archived": report.already_archived,
        }));
    }
    let count = report.archived.len();
    let items = if count == 1 { "item" } else { "items" };
    if dry_run {
        out.line(&format!(
            "would archive {count} {items} finished before {before}{}",
            listed(&report.archived)
        ))?;
    } else if count == 0 {
        out.line(&format!("nothing finished before {before} to archive"))?;
    } else {
        out.line(&format!(
            "archived {count} {items} finished before {before}: {} of stream files into {} ({})",
            size(report.stream_bytes),
            size(report.segment_bytes),
            report.segment.as_deref().unwrap_or_default()
        ))?;
    }
    if !report.held_back.is_empty() {
        out.line(&format!(
            "kept {} finished item(s) linked to open or recent work{}",
            report.held_back.len(),
            listed(&report.held_back)
        ))?;
    }
    if report.changed_meanwhile > 0 {
        out.warn(&format!(
            "{} group(s) changed while archiving and were left in place; run jerry archive again",
            report.changed_meanwhile
        ));
    }
    Ok(())
}

/// `: A, B, C` for a few ids, `: A, B, … (N more)` for many.
fn listed(ids: &[jerry::domain::WorkItemId]) -> String {
    const SHOWN: usize = 10;
    if ids.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = ids.iter().take(SHOWN).map(ToString::to_string).collect();
    let more = ids.len().saturating_sub(SHOWN);
    if more > 0 {
        format!(": {}, … ({more} more)", shown.join(", "))
    } else {
        format!(": {}", shown.join(", "))
    }
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}
