//! `jerry items claim` and `jerry items release`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::ItemRef;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::cli::{notes, views};
use crate::door::error::{CommandError, CommandResult, ErrorKind};

#[derive(Debug, Args)]
pub struct ClaimArgs {
    /// The item to claim (WORK-7, 7, or its ULID); without one, the first ready item.
    pub id: Option<ItemRef>,
    /// Claim for this actor [default: --actor, JERRY_ACTOR, the actor setting, else user].
    #[arg(long = "as", value_name = "ACTOR")]
    pub claimant: Option<String>,
    /// Hold the item this long after each of your writes to it (30s, 15m, 2h, 1d); without
    /// it the claim lasts until released, finished or reassigned.
    #[arg(long, value_name = "DURATION", value_parser = lease)]
    pub lease: Option<u64>,
    /// Which ready items to pick from (without an id).
    #[command(flatten)]
    pub select: views::SelectArgs,
    #[command(flatten)]
    pub fields: crate::cli::fields::FieldsArg,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

/// A lease as whole seconds, at least one.
pub(super) fn lease(input: &str) -> Result<u64, String> {
    let duration = jerry::timestamp::parse_duration(input).map_err(|err| err.to_string())?;
    match duration.as_secs() {
        0 => Err("a lease must be at least 1s".into()),
        seconds => Ok(seconds),
    }
}

pub(super) fn claim(args: ClaimArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ClaimArgs {
        id,
        claimant,
        lease,
        select,
        fields: crate::cli::fields::FieldsArg { fields },
        guard,
    } = args;
    let mut session = ctx.open()?;
    if let Some(claimant) = claimant {
        session = session.acting_as(claimant)?;
    }
    let options = options(guard);
    let outcome = match id {
        // A named item: its links come from the item index, by key.
        Some(item) => {
            if !select.is_empty() {
                return Err(CommandError::new(
                    ErrorKind::Usage,
                    "the filters pick among ready items; with an id there is nothing to pick",
                ));
            }
            session.execute(
                Command::Claim {
                    item,
                    lease_seconds: lease,
                },
                options,
            )?
        }
        None => {
            if options.expected_version.is_some() {
                return Err(CommandError::new(
                    ErrorKind::Usage,
                    "--expected-version needs an id: without one the claim takes whichever item is ready",
                ));
            }
            // The ready items the filters can keep and the claimed item's links come from
            // the item index.
            let filter = select.filter(&session)?;
            session.claim_next(&filter, lease, options)?
        }
    };
    for warning in &outcome.value.warnings {
        out.warn(&format!("warning: {}", words(warning)));
    }
    let item = &outcome.value.item;
    if outcome.value.replayed {
        out.note(&format!(
            "idempotency key already used for this claim: nothing written; this is the original result ({})",
            item.id
        ));
    }
    notes::created(&outcome, &session, out);
    notes::reactions(&outcome, &session, out);
    let until = item
        .claim
        .as_ref()
        .and_then(|c| c.until)
        .map(|until| format!(" until {until}"))
        .unwrap_or_default();
    out.note(&format!("claimed {} for {}{until}", item.id, session.actor()));
    let links = session.queries().links(item.id, None)?;
    views::print_item(out, item, &links, fields.as_ref())
}

#[derive(Debug, Args)]
pub struct ReleaseArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID; several are all or nothing.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<ItemRef>,
    /// Release it even though someone else holds a live claim on it.
    #[arg(long)]
    pub force: bool,
    #[arg(long, short = 'r')]
    pub reason: Option<String>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn release(args: ReleaseArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let ReleaseArgs {
        ids,
        force,
        reason,
        guard,
    } = args;
    let commands = ids
        .into_iter()
        .map(|item| Command::Release {
            item,
            force,
            reason: reason.clone(),
        })
        .collect();
    write_each(ctx, out, options(guard), commands)
}
