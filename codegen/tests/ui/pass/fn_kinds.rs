//! Sync, async and generic fns, any visibility, docs and attributes kept.
use std::future::Future;
use std::task::{Context, Poll, Waker};

use http_returns::{returns, Reply};
use http_returns::bundled as statuses;
use http_returns::http::StatusCode;

/// Polls a future that never waits.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => unreachable!("nothing here waits"),
    }
}

/// Delivers a task.
#[returns(202, 409)]
#[must_use]
pub fn deliver(queue_full: bool) -> Reply<&'static str> {
    if queue_full {
        return Reply::conflict("busy");
    }
    Reply::accepted("queued")
}

#[returns(202, 409)]
pub(crate) async fn deliver_async(queue_full: bool) -> Reply<String> {
    let body = async { "queued".to_owned() }.await;
    if queue_full {
        return Reply::conflict(body);
    }
    Reply::accepted(body)
}

#[returns(200, 404)]
fn find<T, K>(items: &[(K, T)], key: &K) -> Reply<Option<T>>
where
    T: Clone,
    K: PartialEq,
{
    match items.iter().find(|(k, _)| k == key) {
        Some((_, item)) => Reply::ok(Some(item.clone())),
        None => Reply::not_found(None),
    }
}

// `->` inside the generics and the where clause is not the return arrow.
#[returns(200, 400)]
fn apply<F: Fn(u8) -> Option<u8>, G>(f: F, g: G, n: u8) -> Reply<u8>
where
    G: Fn() -> u8,
{
    match f(n) {
        Some(m) => Reply::ok(m + g()),
        None => Reply::bad_request(n),
    }
}

struct Store<T>(Vec<T>);

impl<T: Clone> Store<T> {
    #[returns(200, 404)]
    fn get(&self, index: usize) -> Reply<Option<T>> {
        match self.0.get(index) {
            Some(item) => Reply::ok(Some(item.clone())),
            None => Reply::not_found(None),
        }
    }
}

// The attribute keeps the attributes after it: were this `cfg` dropped, the
// two `twin` fns would clash.
#[returns(200)]
#[cfg(any())]
fn twin() -> Reply<u8> {
    Reply::ok(1)
}

#[returns(200)]
fn twin() -> Reply<u8> {
    Reply::ok(2)
}

fn main() {
    assert_eq!(deliver(true).status(), StatusCode::CONFLICT);
    assert_eq!(deliver(false).into_parts(), (StatusCode::ACCEPTED, "queued"));
    assert_eq!(ready(deliver_async(true)).status(), StatusCode::CONFLICT);
    assert_eq!(ready(deliver_async(false)).body(), "queued");
    let items = [("a", 1), ("b", 2)];
    assert_eq!(find(&items, &"b").into_parts(), (StatusCode::OK, Some(2)));
    assert_eq!(find(&items, &"z").status(), StatusCode::NOT_FOUND);
    assert_eq!(twin().into_parts(), (StatusCode::OK, 2));
    assert_eq!(apply(|n| n.checked_sub(1), || 10, 5).into_parts(), (StatusCode::OK, 14));
    assert_eq!(apply(|n| n.checked_sub(1), || 10, 0).status(), StatusCode::BAD_REQUEST);
    let store = Store(vec!["a"]);
    assert_eq!(store.get(0).into_parts(), (StatusCode::OK, Some("a")));
    assert_eq!(store.get(1).status(), StatusCode::NOT_FOUND);
    // The declared set, readable at run time from the reply: a `&'static` slice.
    assert_eq!(deliver(true).declared(), [202, 409]);
    assert_eq!(find(&items, &"a").declared(), [200, 404]);
}
