//! `jerry doctor [--repair]`: is this project's history intact?

use jerry::app;
use jerry::store::jsonl::{Checkup, Finding};

use super::context::Context;
use super::output::Output;

/// Checks the files, then (when they are sound) the read model against a fresh replay.
fn check(ctx: &Context, repair: bool) -> anyhow::Result<(Checkup, jerry::store::jsonl::Repair)> {
    let opened = ctx.open()?;
    let (mut checkup, repaired) = opened.store.doctor(repair)?;
    if checkup.findings.iter().all(|f| f.repairable) && !repair {
        // A model built from the global log must equal each stream's own replay.
        if let Ok((model, _)) = app::rebuild(&opened.store, None, |_| {}) {
            for difference in app::verify(&opened.store, &model, None)? {
                checkup.findings.push(Finding {
                    kind: "read_model_mismatch",
                    path: opened.store.data_dir().to_path_buf(),
                    line: None,
                    detail: difference,
                    repairable: true,
                });
            }
        }
    }
    Ok((checkup, repaired))
}

pub fn run(repair: bool, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let project = ctx.open()?.project;
    let (before, repaired) = check(ctx, repair)?;
    let after = if repair { Some(check(ctx, false)?.0) } else { None };
    let remaining = after.as_ref().unwrap_or(&before);
    let clean = remaining.findings.is_empty();
    if out.json() {
        out.json_value(&serde_json::json!({
            "project": project,
            "streams": before.streams,
            "events": remaining.events,
            "clean": clean,
            "findings": before.findings,
            "repaired": repair.then_some(&repaired),
            "remaining": after.as_ref().map(|a| &a.findings),
        }))?;
    } else {
        out.line(&format!(
            "checked {project}: {} streams, {} events",
            before.streams, before.events
        ))?;
        for finding in &before.findings {
            out.line(&describe(finding))?;
        }
        if repair {
            if !repaired.quarantined.is_empty() {
                out.line(&format!(
                    "repaired: moved {} damaged tail(s) into .jerry/quarantine/",
                    repaired.quarantined.len()
                ))?;
            }
            if repaired.index_rebuilt {
                out.line("repaired: rebuilt the global index from the streams")?;
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
    Err(Unhealthy {
        project,
        count: remaining.findings.len(),
        repairable: !repair && remaining.findings.iter().all(|f| f.repairable),
    }
    .into())
}

/// The project has problems `doctor` could not (or was not asked to) repair.
#[derive(Debug, thiserror::Error)]
#[error("{count} problem(s) in {project}")]
pub struct Unhealthy {
    pub project: jerry::domain::ProjectId,
    pub count: usize,
    /// Whether `doctor --repair` would fix them all.
    pub repairable: bool,
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
