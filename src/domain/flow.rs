//! How work flowed: every status each item passed through and when, and the two views the
//! board draws from that — a cumulative-flow diagram (items per status at the end of each
//! day) and cycle times (first start → done). A snapshot-based tracker cannot draw these;
//! an event log has them for free. Pure: the steps and the present moment come in.
//!
//! The diagram is built from [`Ledger`]: per day, how each status's count moved and how many
//! items began or last changed. Each item adds its own steps to it and can take them back,
//! so an index can keep one up to date as items change ([`Ledger::add`], [`Ledger::remove`])
//! and answer from its days alone, however many items and events there are.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Status, WorkItemId};
use crate::timestamp::Timestamp;

const DAY_MICROS: i64 = 86_400_000_000;

/// Most points a cumulative-flow diagram gets: a longer history is sampled every few days.
pub const MAX_FLOW_POINTS: usize = 366;

/// Most cycle times an answer lists: the latest to finish. The board draws these and their
/// median; a list of every finished item would grow with the project (100,000 cycles are
/// megabytes of JSON) while a chart shows a few hundred points.
pub const MAX_CYCLES: usize = 500;

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

/// What `GET /api/flow` answers: the days oldest first, and the latest [`MAX_CYCLES`] cycles
/// by finish time out of `cycles` in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Flow {
    pub days: Vec<FlowDay>,
    pub cycle_times: Vec<CycleTime>,
    pub cycles: usize,
}

/// The day (UTC, counted from 1970-01-01) a moment falls on.
pub fn day_of(at: Timestamp) -> i64 {
    at.unix_micros().div_euclid(DAY_MICROS)
}

/// Where a status counts in a [`DayMoves`]. Deleted is counted so that leaving it balances;
/// a deleted item is in no band of the chart.
pub const fn slot(status: Status) -> usize {
    match status {
        Status::Pending => 0,
        Status::InProgress => 1,
        Status::Blocked => 2,
        Status::Done => 3,
        Status::Cancelled => 4,
        Status::Deleted => 5,
    }
}

/// What one day changed: each status's count (in [`slot`] order), how many items had their
/// first step that day and how many their last.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayMoves {
    pub counts: [i64; 6],
    pub firsts: i64,
    pub lasts: i64,
}

impl DayMoves {
    /// True when the day changes nothing (every item's moves on it taken back).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Days and what they changed, with the number of cycles: what the diagram is drawn from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    pub days: BTreeMap<i64, DayMoves>,
}

impl Ledger {
    /// Counts one item's steps.
    pub fn add(&mut self, steps: &[(Timestamp, Status)]) {
        self.count(steps, 1);
    }

    /// Takes back what [`Ledger::add`] counted for the same steps; days left changing
    /// nothing are dropped.
    pub fn remove(&mut self, steps: &[(Timestamp, Status)]) {
        self.count(steps, -1);
    }

    fn count(&mut self, steps: &[(Timestamp, Status)], sign: i64) {
        for (day, moves) in moves_of(steps) {
            let entry = self.days.entry(day).or_default();
            for (total, change) in entry.counts.iter_mut().zip(moves.counts) {
                *total += sign * change;
            }
            entry.firsts += sign * moves.firsts;
            entry.lasts += sign * moves.lasts;
            if entry.is_empty() {
                self.days.remove(&day);
            }
        }
    }
}

/// One item's steps as the moves of the days they fall on: each change adds one to the
/// status entered and takes one from the status left.
pub fn moves_of(steps: &[(Timestamp, Status)]) -> Vec<(i64, DayMoves)> {
    let mut moves: Vec<(i64, DayMoves)> = Vec::with_capacity(steps.len());
    let mut previous: Option<Status> = None;
    for (index, &(at, status)) in steps.iter().enumerate() {
        let day = day_of(at);
        let at_day = match moves.iter().position(|(d, _)| *d == day) {
            Some(at_day) => at_day,
            None => {
                moves.push((day, DayMoves::default()));
                moves.len() - 1
            }
        };
        let entry = &mut moves[at_day].1;
        if let Some(previous) = previous {
            entry.counts[slot(previous)] -= 1;
        }
        entry.counts[slot(status)] += 1;
        entry.firsts += i64::from(index == 0);
        entry.lasts += i64::from(index + 1 == steps.len());
        previous = Some(status);
    }
    moves
}

/// The flow of `items` from the first day any of them existed through `today`'s day (the
/// day of the last change when `today` is not given), at most [`MAX_FLOW_POINTS`] days
/// (evenly sampled, the last day always kept), with their latest cycles.
pub fn flow(items: &[ItemFlow], today: Option<Timestamp>) -> Flow {
    let mut ledger = Ledger::default();
    for item in items {
        ledger.add(&item.steps);
    }
    let mut cycle_times: Vec<CycleTime> = items
        .iter()
        .filter_map(|item| cycle_time(item.id, &item.steps))
        .collect();
    cycle_times.sort_by_key(|cycle| (cycle.finished, cycle.id));
    let cycles = cycle_times.len();
    let cycle_times = cycle_times.split_off(cycles.saturating_sub(MAX_CYCLES));
    Flow {
        days: days(&ledger, today.map(day_of)),
        cycle_times,
        cycles,
    }
}

/// The diagram's days from `ledger`: from the first day an item began through `today` (the
/// last day an item changed when not given). A step before the first day (a clock behind
/// another clone's) counts on the first; one after `today`, on `today`.
pub fn days(ledger: &Ledger, today: Option<i64>) -> Vec<FlowDay> {
    let with =
        |test: fn(&DayMoves) -> bool| ledger.days.iter().filter(move |(_, m)| test(m)).map(|(d, _)| *d);
    let Some(first) = with(|m| m.firsts != 0).next() else {
        return Vec::new();
    };
    let Some(last) = today.or_else(|| with(|m| m.lasts != 0).next_back()) else {
        return Vec::new();
    };
    let last = last.max(first);
    let span = usize::try_from(last - first + 1).unwrap_or(1);
    let step = span.div_ceil(MAX_FLOW_POINTS);
    let mut running = [0i64; 6];
    let mut days = Vec::with_capacity(span.min(MAX_FLOW_POINTS));
    let mut moves = ledger.days.iter().peekable();
    for offset in 0..span {
        let day = first + offset as i64;
        // The days up to this one; on the last, every day after it too.
        while let Some((_, change)) = moves.next_if(|(d, _)| **d <= day || day == last) {
            for (total, change) in running.iter_mut().zip(change.counts) {
                *total += change;
            }
        }
        if (span - 1 - offset) % step == 0 {
            let count = |status: Status| usize::try_from(running[slot(status)]).unwrap_or(0);
            days.push(FlowDay {
                day: Timestamp::from_unix_micros(day * DAY_MICROS).map_or_else(String::new, |t| t.day()),
                pending: count(Status::Pending),
                in_progress: count(Status::InProgress),
                blocked: count(Status::Blocked),
                done: count(Status::Done),
                cancelled: count(Status::Cancelled),
            });
        }
    }
    days
}

/// The cycle of an item whose steps are `steps`, if it is done and was ever started.
pub fn cycle_time(id: WorkItemId, steps: &[(Timestamp, Status)]) -> Option<CycleTime> {
    let &(finished, last) = steps.last()?;
    if last != Status::Done {
        return None;
    }
    let &(started, _) = steps.iter().find(|(_, status)| *status == Status::InProgress)?;
    Some(CycleTime {
        id,
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
        let flow = flow(&items, Some(at("2026-01-05T12:00:00Z")));
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
        let flow = flow(&items, Some(at("2026-01-01T06:00:00Z")));
        assert_eq!(flow.cycle_times[0].seconds, 4 * 3600);
        assert_eq!(flow.days.len(), 1);
        assert_eq!(flow.days[0].done, 1);
    }

    #[test]
    fn a_long_history_is_sampled_and_keeps_its_last_day() {
        let items = [item(1, &[("2020-01-01T00:00:00Z", Status::Pending)])];
        let flow = flow(&items, Some(at("2026-01-01T00:00:00Z")));
        assert!(flow.days.len() <= MAX_FLOW_POINTS, "{} points", flow.days.len());
        assert!(flow.days.len() > MAX_FLOW_POINTS / 2);
        assert_eq!(flow.days.last().map(|d| d.day.as_str()), Some("2026-01-01"));
        assert!(flow.days.iter().all(|d| d.pending == 1));
    }

    #[test]
    fn no_items_no_flow() {
        assert_eq!(flow(&[], Some(at("2026-01-01T00:00:00Z"))), Flow::default());
        assert_eq!(flow(&[], None), Flow::default());
    }

    #[test]
    fn an_item_taken_back_leaves_the_ledger_as_if_never_counted() {
        use Status::*;
        let kept = item(
            1,
            &[("2026-01-02T09:00:00Z", Pending), ("2026-01-03T09:00:00Z", Done)],
        );
        let gone = item(
            2,
            &[
                ("2026-01-01T09:00:00Z", Pending),
                ("2026-01-03T10:00:00Z", InProgress),
                ("2026-01-03T11:00:00Z", Pending),
                ("2026-01-05T11:00:00Z", Cancelled),
            ],
        );
        let mut both = Ledger::default();
        both.add(&gone.steps);
        both.add(&kept.steps);
        both.remove(&gone.steps);
        let mut one = Ledger::default();
        one.add(&kept.steps);
        assert_eq!(both, one);
        assert_eq!(days(&both, None), flow(std::slice::from_ref(&kept), None).days);
        assert_eq!(
            days(&both, None).first().map(|d| d.day.as_str()),
            Some("2026-01-02")
        );
        assert_eq!(
            days(&both, None).last().map(|d| d.day.as_str()),
            Some("2026-01-03")
        );
    }

    #[test]
    fn steps_outside_the_span_count_on_its_first_and_last_days() {
        use Status::*;
        // Another clone's clock ran behind: its change sorts after the creation but is
        // dated the day before; a step after `today` counts on today.
        let items = [item(
            1,
            &[
                ("2026-01-02T09:00:00Z", Pending),
                ("2026-01-01T09:00:00Z", InProgress),
                ("2026-01-09T09:00:00Z", Done),
            ],
        )];
        let flow = flow(&items, Some(at("2026-01-04T00:00:00Z")));
        let rows: Vec<(&str, usize, usize, usize)> = flow
            .days
            .iter()
            .map(|d| (d.day.as_str(), d.pending, d.in_progress, d.done))
            .collect();
        assert_eq!(
            rows,
            [
                ("2026-01-02", 0, 1, 0),
                ("2026-01-03", 0, 1, 0),
                ("2026-01-04", 0, 0, 1)
            ]
        );
    }

    #[test]
    fn only_the_latest_cycles_are_listed_with_how_many_there_are() {
        use Status::*;
        let items: Vec<ItemFlow> = (1..=MAX_CYCLES as u32 + 7)
            .map(|n| ItemFlow {
                id: format!("WORK-{n:03}").parse().expect("an id"),
                steps: vec![
                    (Timestamp::from_unix_micros(1_000_000).expect("a time"), Pending),
                    (
                        Timestamp::from_unix_micros(2_000_000).expect("a time"),
                        InProgress,
                    ),
                    (
                        Timestamp::from_unix_micros(3_000_000 + i64::from(n)).expect("a time"),
                        Done,
                    ),
                ],
            })
            .collect();
        let flow = flow(&items, None);
        assert_eq!(flow.cycles, MAX_CYCLES + 7);
        assert_eq!(flow.cycle_times.len(), MAX_CYCLES);
        assert_eq!(flow.cycle_times.first().map(|c| c.id.number()), Some(8));
        assert_eq!(
            flow.cycle_times.last().map(|c| c.id.number()),
            Some(MAX_CYCLES as u64 + 7)
        );
    }
}
