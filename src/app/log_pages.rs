//! The whole log in its global order, page by page, with the work spread over the
//! machine's cores: each of several workers reads the pages given to it (positions
//! `after + k·P + 1 ..= after + (k + 1)·P` for its `k`s) and maps them (the costly part:
//! opening files, parsing JSON), and the caller consumes the results in log order. What
//! replay and export use; memory stays at a few pages whatever the log's size.
//!
//! Reading is shared out too, not only decoding: with one thread reading for the others,
//! reading (the index, each stream's file) became the slower half, and on two cores
//! one of them idled.

use std::ops::ControlFlow;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use crate::store::{EventStore, LinePage};

use super::AppError;

/// A page's result with its last position.
type DonePage<T> = Result<(T, Option<u64>), AppError>;

/// How many positions one page covers: large enough that handing a page between threads
/// costs nothing next to reading and decoding it.
const PAGE_EVENTS: usize = 4096;

/// Pages each worker maps ahead of the consumer, at most.
const AHEAD: usize = 2;

/// Reads every event after `after`, up to the head when the call starts, and hands each
/// page to `map` on a worker, then its result to `consume` on this thread, in log order.
/// `progress` hears the last position of each consumed page. Stops at the first error,
/// or when `consume` breaks.
pub fn map_pages<T: Send>(
    store: &dyn EventStore,
    after: u64,
    map: impl Fn(&LinePage) -> Result<T, AppError> + Sync,
    consume: impl FnMut(T) -> Result<ControlFlow<()>, AppError>,
    progress: impl FnMut(u64),
) -> Result<(), AppError> {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 8);
    let shape = Shape {
        workers,
        page_events: PAGE_EVENTS,
    };
    run(store, after, shape, map, consume, progress)
}

/// How many workers, and how many positions a page.
#[derive(Debug, Clone, Copy)]
struct Shape {
    workers: usize,
    page_events: usize,
}

fn run<T: Send>(
    store: &dyn EventStore,
    after: u64,
    Shape { workers, page_events }: Shape,
    map: impl Fn(&LinePage) -> Result<T, AppError> + Sync,
    mut consume: impl FnMut(T) -> Result<ControlFlow<()>, AppError>,
    mut progress: impl FnMut(u64),
) -> Result<(), AppError> {
    let head = store.head_position()?;
    let span = u64::try_from(page_events).unwrap_or(u64::MAX);
    std::thread::scope(|scope| {
        // Worker `w` maps pages `w`, `w + workers`, …; its results come back on its own
        // channel, so taking them round the workers gives log order.
        let mut done: Vec<Receiver<DonePage<T>>> = Vec::with_capacity(workers);
        for worker in 0..workers {
            let (out, back) = sync_channel::<DonePage<T>>(AHEAD);
            done.push(back);
            let map = &map;
            let first = worker as u64;
            let step = workers as u64;
            scope.spawn(move || work(store, after, head, span, (first, step), map, &out));
        }
        for page in 0.. {
            let Ok(result) = done[page % workers].recv() else {
                return Ok(());
            };
            let (value, last) = result?;
            if consume(value)?.is_break() {
                return Ok(());
            }
            if let Some(last) = last {
                progress(last);
            }
        }
        Ok(())
    })
}

/// On a worker: pages `first`, `first + step`, … until one starts at or past `head` (page
/// 0 is always read: an empty log is one empty page), or the first error, or the consumer
/// stops listening.
fn work<T>(
    store: &dyn EventStore,
    after: u64,
    head: u64,
    span: u64,
    (first, step): (u64, u64),
    map: &(impl Fn(&LinePage) -> Result<T, AppError> + Sync),
    out: &SyncSender<DonePage<T>>,
) {
    let mut page = LinePage::new();
    let mut index = first;
    loop {
        let start = index.saturating_mul(span).saturating_add(after);
        if index > 0 && start >= head {
            return;
        }
        let end = start.saturating_add(span);
        let mut read = || {
            store
                .read_global_lines(start, usize::try_from(span).unwrap_or(usize::MAX), &mut page)
                .map_err(AppError::from)
                .and_then(|()| {
                    // Positions are dense, so a page read from `start` ends at `end`; where
                    // a backend leaves gaps, what lies beyond is the next page's. Nothing
                    // past `head`: the run reads the log as it was when it started.
                    page.keep_up_to(end.min(head));
                    map(&page).map(|value| (value, page.last_position()))
                })
        };
        let result = match read() {
            // A line the index misplaced (an edit outside jerry), found as it was decoded:
            // the page again, in the order the streams themselves give.
            Err(AppError::Store(err)) if crate::store::damage::index_disagrees(&err) => {
                match store.distrust_index() {
                    Ok(true) => read(),
                    Ok(false) => Err(AppError::Store(err)),
                    Err(other) => Err(AppError::Store(other)),
                }
            }
            result => result,
        };
        let failed = result.is_err();
        if out.send(result).is_err() || failed {
            return;
        }
        index = index.saturating_add(step);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::contract::{events, stream};
    use crate::store::memory::MemoryStore;
    use crate::store::ExpectedVersion;

    fn store_of(count: u64) -> MemoryStore {
        let store = MemoryStore::new();
        if count > 0 {
            store
                .append(&stream("s"), events(count), ExpectedVersion::Any)
                .unwrap();
        }
        store
    }

    /// Each page's positions, decoded on one of several threads that finish out of order
    /// (earlier pages sleep longer).
    fn positions(page: &LinePage) -> Result<Vec<u64>, AppError> {
        let mut positions = Vec::new();
        page.each(|line| {
            positions.push(line.position);
            Ok::<(), AppError>(())
        })?;
        let first = positions.first().copied().unwrap_or(0);
        std::thread::sleep(std::time::Duration::from_millis(20u64.saturating_sub(first)));
        Ok(positions)
    }

    const SHAPE: Shape = Shape {
        workers: 3,
        page_events: 4,
    };

    #[test]
    fn pages_decoded_out_of_order_are_consumed_in_log_order() {
        let store = store_of(50);
        for after in [0, 3, 45, 50] {
            let (mut seen, mut heard) = (Vec::new(), Vec::new());
            run(
                &store,
                after,
                SHAPE,
                positions,
                |page| {
                    seen.extend(page);
                    Ok(ControlFlow::Continue(()))
                },
                |last| heard.push(last),
            )
            .unwrap();
            assert_eq!(seen, (after + 1..=50).collect::<Vec<_>>(), "after {after}");
            assert_eq!(heard.last().copied(), (after < 50).then_some(50));
            assert!(heard.windows(2).all(|pair| pair[0] < pair[1]));
        }
        let mut pages = 0;
        run(
            &store_of(0),
            0,
            SHAPE,
            positions,
            |_| {
                pages += 1;
                Ok(ControlFlow::Continue(()))
            },
            |_| {},
        )
        .unwrap();
        assert_eq!(pages, 1, "an empty log is one empty page");
    }

    #[test]
    fn a_break_or_an_error_stops_the_run_after_the_pages_before_it() {
        let store = store_of(50);
        let mut seen = Vec::new();
        run(
            &store,
            0,
            SHAPE,
            positions,
            |page| {
                seen.extend(page);
                Ok(if seen.len() >= 8 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                })
            },
            |_| {},
        )
        .unwrap();
        assert_eq!(seen, (1..=8).collect::<Vec<_>>());
        let mut seen = Vec::new();
        let failing = |page: &LinePage| {
            let positions = positions(page)?;
            if positions.contains(&21) {
                return Err(AppError::io("decoding", std::io::Error::other("page 6 is bad")));
            }
            Ok(positions)
        };
        let result = run(
            &store,
            0,
            SHAPE,
            failing,
            |page| {
                seen.extend(page);
                Ok(ControlFlow::Continue(()))
            },
            |_| {},
        );
        assert!(matches!(result, Err(AppError::Io { .. })), "{result:?}");
        assert_eq!(seen, (1..=20).collect::<Vec<_>>());
    }
}
