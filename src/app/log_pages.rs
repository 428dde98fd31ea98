//! The whole log in its global order, page by page, with the work spread over the
//! machine's cores: one thread reads pages of lines from the store, others decode them
//! (the costly part: parsing JSON), and the caller consumes the results in log order.
//! What replay and export use; memory stays at a few pages whatever the log's size.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::{Arc, Mutex};

use crate::store::{EventStore, LinePage, StoreError};

use super::AppError;

/// A page read (numbered in read order), and a page's result with its last position.
type ReadPage = (u64, Result<LinePage, StoreError>);
type DonePage<T> = (u64, Result<(T, Option<u64>), AppError>);

/// How many events one page holds: large enough that handing a page between threads costs
/// nothing next to decoding it.
const PAGE_EVENTS: usize = 4096;

/// Pages read ahead of the decoders, and decoded ahead of the consumer, at most.
const AHEAD: usize = 4;

/// Reads every event after `after` and hands each page to `map` on a decoding thread,
/// then its result to `consume` on this one, in log order. `progress` hears the last
/// position of each consumed page. Stops at the first error, or when `consume` breaks.
pub fn map_pages<T: Send>(
    store: &dyn EventStore,
    after: u64,
    map: impl Fn(&LinePage) -> Result<T, AppError> + Sync,
    consume: impl FnMut(T) -> Result<ControlFlow<()>, AppError>,
    progress: impl FnMut(u64),
) -> Result<(), AppError> {
    let decoders = std::thread::available_parallelism()
        .map_or(1, |cores| cores.get().saturating_sub(1))
        .clamp(1, 8);
    let shape = Shape {
        decoders,
        page_events: PAGE_EVENTS,
    };
    run(store, after, shape, map, consume, progress)
}

/// How many decoding threads, and how many events a page.
#[derive(Debug, Clone, Copy)]
struct Shape {
    decoders: usize,
    page_events: usize,
}

fn run<T: Send>(
    store: &dyn EventStore,
    after: u64,
    Shape {
        decoders,
        page_events,
    }: Shape,
    map: impl Fn(&LinePage) -> Result<T, AppError> + Sync,
    mut consume: impl FnMut(T) -> Result<ControlFlow<()>, AppError>,
    mut progress: impl FnMut(u64),
) -> Result<(), AppError> {
    std::thread::scope(|scope| {
        let (pages_out, pages_in) = sync_channel::<ReadPage>(AHEAD);
        let (spare_out, spare_in) = channel::<LinePage>();
        let (done_out, done_in) = sync_channel::<DonePage<T>>(AHEAD);
        scope.spawn(move || read_pages(store, after, page_events, &pages_out, &spare_in));
        let pages_in = Arc::new(Mutex::new(pages_in));
        for _ in 0..decoders {
            let (pages_in, done_out, spare_out, map) =
                (Arc::clone(&pages_in), done_out.clone(), spare_out.clone(), &map);
            scope.spawn(move || loop {
                let next = match pages_in.lock() {
                    Ok(pages) => pages.recv(),
                    Err(_) => return,
                };
                let Ok((sequence, page)) = next else {
                    return;
                };
                let result = page.map_err(AppError::from).and_then(|page| {
                    let mapped = map(&page).map(|value| (value, page.last_position()));
                    let _ = spare_out.send(page);
                    mapped
                });
                if done_out.send((sequence, result)).is_err() {
                    return;
                }
            });
        }
        drop((done_out, spare_out));
        consume_in_order(done_in, &mut consume, &mut progress)
    })
}

/// On the reading thread: pages until a short one (the log's end) or the first error.
fn read_pages(
    store: &dyn EventStore,
    mut after: u64,
    page_events: usize,
    pages: &std::sync::mpsc::SyncSender<ReadPage>,
    spare: &Receiver<LinePage>,
) {
    for sequence in 0.. {
        let mut page = spare.try_recv().unwrap_or_default();
        let read = store.read_global_lines(after, page_events, &mut page);
        let last = match &read {
            Ok(()) => page.last_position(),
            Err(_) => None,
        };
        let full = page.len() == page_events;
        let sent = match read {
            Ok(()) if page.is_empty() && sequence > 0 => return,
            Ok(()) => pages.send((sequence, Ok(page))),
            Err(err) => pages.send((sequence, Err(err))),
        };
        match (sent, last) {
            (Ok(()), Some(last)) if full => after = last,
            _ => return,
        }
    }
}

/// Results arrive in any order from several decoders; they are consumed in the order the
/// pages were read. An error ends the run once every page before it is consumed.
fn consume_in_order<T>(
    done: Receiver<DonePage<T>>,
    consume: &mut impl FnMut(T) -> Result<ControlFlow<()>, AppError>,
    progress: &mut impl FnMut(u64),
) -> Result<(), AppError> {
    let mut waiting = BTreeMap::new();
    let mut next = 0u64;
    for (sequence, result) in done {
        waiting.insert(sequence, result);
        while let Some(result) = waiting.remove(&next) {
            next += 1;
            let (value, last) = result?;
            if consume(value)?.is_break() {
                return Ok(());
            }
            if let Some(last) = last {
                progress(last);
            }
        }
    }
    Ok(())
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
        decoders: 3,
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
