//! The board's connections, accepted and served here rather than by `axum::serve`, for the
//! limits a server reachable by others needs: a client must send its request's headers
//! within [`HEADER_TIMEOUT`] (one header byte a second held a connection open forever), and
//! at most [`MAX_CONNECTIONS`] are served at once (more are closed as they come). Ctrl-C
//! stops accepting, asks every connection to finish, and waits for them a moment.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};

/// How long a client may take to send a request's headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections served at once; a page holds one or two (its event stream, a request).
pub const MAX_CONNECTIONS: usize = 128;
/// How long Ctrl-C waits for the connections to finish.
const GRACE: Duration = Duration::from_secs(2);

/// Serves `router` on `listener` until `shutdown` completes.
pub async fn serve(listener: TcpListener, router: Router, shutdown: impl std::future::Future<Output = ()>) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let (closing, closed) = watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let Ok((stream, _)) = accepted else {
            // Out of file descriptors, or a connection reset before it was accepted: a
            // moment's pause rather than a busy loop.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        // Over the limit, the connection is closed at once (dropped).
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            continue;
        };
        let service = TowerToHyperService::new(router.clone());
        let mut closed = closed.clone();
        tokio::spawn(async move {
            let mut builder = http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            let mut connection = std::pin::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                () = until_closing(&mut closed) => {
                    connection.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(GRACE, connection).await;
                }
            }
            drop(slot);
        });
    }
    let _ = closing.send(true);
    // Every slot back means every connection has ended.
    let _ = tokio::time::timeout(GRACE, slots.acquire_many(MAX_CONNECTIONS as u32)).await;
}

/// Returns once the server is closing (or its sender is gone).
async fn until_closing(closed: &mut watch::Receiver<bool>) {
    loop {
        if *closed.borrow_and_update() {
            return;
        }
        if closed.changed().await.is_err() {
            return;
        }
    }
}
