//! `jerry items metrics`.

use clap::Args;

use jerry::app::Command;
use jerry::domain::ItemRef;

use super::write::*;
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::door::error::CommandResult;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("fields").required(true).multiple(true).args(["coverage", "positive", "negative", "edge"])))]
pub struct MetricsArgs {
    /// WORK-7, WORK-007, 7, or the item's ULID.
    pub id: ItemRef,
    /// Test coverage in percent, 0 to 100.
    #[arg(long, value_name = "PERCENT")]
    pub coverage: Option<f64>,
    /// How many positive (happy-path) tests.
    #[arg(long, value_name = "N")]
    pub positive: Option<u32>,
    /// How many negative (error-path) tests.
    #[arg(long, value_name = "N")]
    pub negative: Option<u32>,
    /// How many edge-case tests.
    #[arg(long, value_name = "N")]
    pub edge: Option<u32>,
    #[command(flatten)]
    pub guard: WriteGuardArgs,
}

pub(super) fn metrics(args: MetricsArgs, ctx: &Context, out: &mut Output) -> CommandResult {
    let MetricsArgs {
        id,
        coverage,
        positive,
        negative,
        edge,
        guard,
    } = args;
    let outcome = write(
        ctx,
        out,
        options(guard),
        Command::RecordMetrics {
            item: id,
            coverage,
            positive,
            negative,
            edge,
        },
    )?;
    report_change(&outcome, out)
}
