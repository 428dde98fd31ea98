//! `jerry doctor [--repair]`: is this project's history intact?

use jerry::app::{self, ItemRepository, ItemsProjection, Snapshot};
use jerry::store::jsonl::Repair;
use jerry::store::{check_log, Checkup, Finding};

use super::context::Context;
use super::output::Output;

/// Checks the files, then (when they are sound) the read model: the cached projection,
/// caught up, must equal a fresh replay of the global log, which must equal each stream's
/// own replay. With `repair`, a read model that disagrees is rebuilt.
fn check(ctx: &Context, repair: bool) -> anyhow::Result<(Checkup, Repair)> {
    let opened = ctx.open()?;
    // The file store checks its files, index and tails; a database's constraints keep
    // those rules, so there the log itself is read back and checked.
    let (mut checkup, mut repaired, cache) = match opened.store.as_jsonl() {
        Some(files) => {
            let (checkup, repaired) = files.doctor(repair)?;
            (checkup, repaired, files.data_dir().join("cache"))
        }
        None => {
            let location = opened.store.location();
            (check_log(&opened.store, &location)?, Repair::default(), location)
        }
    };
    if checkup.findings.iter().any(|f| !f.repairable) {
        return Ok((checkup, repaired));
    }
    let Ok((rebuilt, _)) = app::rebuild(&opened.store, None, |_| {}) else {
        return Ok((checkup, repaired));
    };
    let mut cached = ItemsProjection::load(&opened.store);
    let mut differences = match cached.catch_up(&opened.store) {
        Ok(_) => app::compare(&rebuilt.items, &cached.items),
        Err(err) => vec![format!(
            "the cached read model cannot be brought up to date: {err}"
        )],
    };
    differences.extend(app::verify(&opened.store, &rebuilt.items, None)?);
    // Each item loaded through its snapshot must equal the fresh replay.
    let repository = ItemRepository::new(&opened.store);
    for (id, fresh) in &rebuilt.items {
        let through_snapshot = repository.load(*id).ok().flatten();
        if through_snapshot.as_ref() != Some(fresh) {
            let stream = app::stream_for(*id)?;
            checkup.findings.push(Finding {
                kind: "snapshot_mismatch",
                path: cache.clone(),
                line: None,
                detail: format!("{id} loaded through its snapshot differs from a fresh replay"),
                repairable: true,
            });
            if repair {
                Snapshot::discard(&opened.store, &stream);
                repaired.read_model_rebuilt = true;
            }
        }
    }
    if repair && !differences.is_empty() {
        rebuilt.save(&opened.store);
        repaired.read_model_rebuilt = true;
    }
    for difference in differences {
        checkup.findings.push(Finding {
            kind: "read_model_mismatch",
            path: cache.clone(),
            line: None,
            detail: difference,
            repairable: true,
        });
    }
    Ok((checkup, repaired))
}

pub fn run(repair: bool, ctx: &Context, out: &mut Output) -> anyhow::Result<()> {
    let project = ctx.open()?.project;
    let spinner = super::events::spinner("checking every stream, the index and the read model…");
    let (before, repaired) = check(ctx, repair)?;
    let after = if repair { Some(check(ctx, false)?.0) } else { None };
    spinner.finish_and_clear();
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
            if repaired.read_model_rebuilt {
                out.line("repaired: rebuilt the read model (and discarded bad snapshots) from the log")?;
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
