//! How work flowed: every status each item passed through and when, and the two views the
//! board draws from that — a cumulative-flow diagram (items per status at the end of each
//! day) and cycle times (first start → done). A snapshot-based tracker cannot draw these;
//! an event log has them for free. Pure: the steps and the present moment come in.

use serde::Serialize;

use super::{Status, WorkItemId};
use crate::timestamp::Timestamp;

const DAY_MICROS: i64 = 86_400_000_000;

/// Most points a cumulative-flow diagram gets: a longer history is sampled every few days.
pub const MAX_FLOW_POINTS: usize = 366;

/// One item's statuses in order: the first is its creation (pending), each next one a
/// change of status, with the time of the event that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFlow {
    pub id: WorkItemId,
    pub steps: Vec<(Timestamp, Status)>,
}

/// How many items stood in each status at the end of `day` (UTC).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FlowDay {
    pub day: String,
    pub pending: usize,
    pub in_progress: usize,
    pub blocked: usize,
    pub done: usize,
    pub cancelled: usize,
}

/// A done item's cycle: from the first time it went in progress to the time it was last
/// done. Items done without ever being started have none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CycleTime {
    pub id: WorkItemId,
    pub started: Timestamp,
    pub finished: Timestamp,
    pub seconds: u64,
}

/// What `GET /api/flow` answers: the days oldest first, the cycles by finish time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Flow {
    pub days: Vec<FlowDay>,
    pub cycle_times: Vec<CycleTime>,
}

fn day_of(at: Timestamp) -> i64 {
    at.unix_micros().div_euclid(DAY_MICROS)
}

fn slot(status: Status) -> usize {
    match status {
        Status::Pending => 0,
        Status::InProgress => 1,
        Status::Blocked => 2,
        Status::Done => 3,
        Status::Cancelled => 4,
        // Counted so that leaving it balances; a deleted item is in no band of the chart.
        Status::Deleted => 5,
    }
}

/// The flow of `items` from the first day any of them existed through `today`'s day, at
/// most [`MAX_FLOW_POINTS`] days (evenly sampled, the last day always kept).
pub fn flow(items: &[ItemFlow], today: Timestamp) -> Flow {
    let Some(first) = items
        .iter()
        .filter_map(|i| i.steps.first())
        .map(|(at, _)| day_of(*at))
        .min()
    else {
        return Flow::default();
    };
    let last = day_of(today).max(first);
    let span = usize::try_from(last - first + 1).unwrap_or(1);
    // Each change adds one to the status entered and takes one from the status left, on
    // the day it happened; running sums then give the count at the end of every day.
    let mut deltas = vec![[0i64; 6]; span];
    for item in items {
        let mut previous: Option<Status> = None;
        for &(at, status) in &item.steps {
            let day = usize::try_from(day_of(at) - first).unwrap_or(0).min(span - 1);
            if let Some(previous) = previous {
                deltas[day][slot(previous)] -= 1;
            }
            deltas[day][slot(status)] += 1;
            previous = Some(status);
        }
    }
    let step = span.div_ceil(MAX_FLOW_POINTS);
    let mut running = [0i64; 6];
    let mut days = Vec::with_capacity(span.min(MAX_FLOW_POINTS));
    for (offset, delta) in deltas.iter().enumerate() {
        for (total, change) in running.iter_mut().zip(delta) {
            *total += change;
        }
        let kept = (span - 1 - offset) % step == 0;
        if kept {
            let count = |status: Status| usize::try_from(running[slot(status)]).unwrap_or(0);
            let day = Timestamp::from_unix_micros((first + offset as i64) * DAY_MICROS)
                .map_or_else(String::new, |t| t.day());
            days.push(FlowDay {
                day,
                pending: count(Status::Pending),
                in_progress: count(Status::InProgress),
                blocked: count(Status::Blocked),
                done: count(Status::Done),
                cancelled: count(Status::Cancelled),
            });
        }
    }
    let mut cycle_times: Vec<CycleTime> = items.iter().filter_map(cycle_time).collect();
    cycle_times.sort_by_key(|cycle| (cycle.finished, cycle.id));
    Flow { days, cycle_times }
}

fn cycle_time(item: &ItemFlow) -> Option<CycleTime> {
    let &(finished, last) = item.steps.last()?;
    if last != Status::Done {
        return None;
    }
    let &(started, _) = item
        .steps
        .iter()
        .find(|(_, status)| *status == Status::InProgress)?;
    Some(CycleTime {
        id: item.id,
        started,
        finished,
        seconds: finished.seconds_since(&started),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).expect("a test time")
    }

    fn item(number: u32, steps: &[(&str, Status)]) -> ItemFlow {
        ItemFlow {
            id: format!("WORK-{number:03}").parse().expect("an id"),
            steps: steps.iter().map(|(t, s)| (at(t), *s)).collect(),
        }
    }

    #[test]
    fn counts_each_status_at_the_end_of_each_day() {
        use Status::*;
        let items = [
            item(
                1,
                &[
                    ("2026-01-01T09:00:00Z", Pending),
                    ("2026-01-02T10:00:00Z", InProgress),
                    ("2026-01-04T08:00:00Z", Done),
                ],
            ),
            item(
                2,
                &[
                    ("2026-01-02T09:00:00Z", Pending),
                    ("2026-01-02T11:00:00Z", Cancelled),
                ],
            ),
        ];
        let flow = flow(&items, at("2026-01-05T12:00:00Z"));
        let rows: Vec<(&str, [usize; 5])> = flow
            .days
            .iter()
            .map(|d| {
                (
                    d.day.as_str(),
                    [d.pending, d.in_progress, d.blocked, d.done, d.cancelled],
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("2026-01-01", [1, 0, 0, 0, 0]),
                ("2026-01-02", [0, 1, 0, 0, 1]),
                ("2026-01-03", [0, 1, 0, 0, 1]),
                ("2026-01-04", [0, 0, 0, 1, 1]),
                ("2026-01-05", [0, 0, 0, 1, 1]),
            ]
        );
        assert_eq!(flow.cycle_times.len(), 1, "the cancelled item has no cycle");
        assert_eq!(flow.cycle_times[0].seconds, 46 * 3600);
    }

    #[test]
    fn a_reopened_item_cycles_from_its_first_start_to_its_last_finish() {
        use Status::*;
        let items = [item(
            1,
            &[
                ("2026-01-01T00:00:00Z", Pending),
                ("2026-01-01T01:00:00Z", InProgress),
                ("2026-01-01T02:00:00Z", Done),
                ("2026-01-01T03:00:00Z", InProgress),
                ("2026-01-01T05:00:00Z", Done),
            ],
        )];
        let flow = flow(&items, at("2026-01-01T06:00:00Z"));
        assert_eq!(flow.cycle_times[0].seconds, 4 * 3600);
        assert_eq!(flow.days.len(), 1);
        assert_eq!(flow.days[0].done, 1);
    }

    #[test]
    fn a_long_history_is_sampled_and_keeps_its_last_day() {
        let items = [item(1, &[("2020-01-01T00:00:00Z", Status::Pending)])];
        let flow = flow(&items, at("2026-01-01T00:00:00Z"));
        assert!(flow.days.len() <= MAX_FLOW_POINTS, "{} points", flow.days.len());
        assert!(flow.days.len() > MAX_FLOW_POINTS / 2);
        assert_eq!(flow.days.last().map(|d| d.day.as_str()), Some("2026-01-01"));
        assert!(flow.days.iter().all(|d| d.pending == 1));
    }

    #[test]
    fn no_items_no_flow() {
        assert_eq!(flow(&[], at("2026-01-01T00:00:00Z")), Flow::default());
    }
}
