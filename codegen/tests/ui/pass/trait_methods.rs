//! Methods of a trait impl: the trait returns `Reply<B, impl DeclaredSet>`,
//! and each impl declares its own codes.
use std::future::Future;
use std::task::{Context, Poll, Waker};

use http_returns::http::StatusCode;
use http_returns::{returns, DeclaredSet, Reply};
use http_returns::bundled as statuses;

/// Polls a future that never waits.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => unreachable!("nothing here waits"),
    }
}

trait Store {
    fn get(&self, key: u32) -> Reply<String, impl DeclaredSet>;
    async fn put(&mut self, key: u32) -> Reply<(), impl DeclaredSet>;
}

struct Memory(Vec<u32>);

impl Store for Memory {
    #[returns(200, 404)]
    fn get(&self, key: u32) -> Reply<String> {
        if !self.0.contains(&key) {
            return Reply::not_found(format!("no key {key}"));
        }
        Reply::ok(key.to_string())
    }

    #[returns(204, 409)]
    async fn put(&mut self, key: u32) -> Reply<()> {
        if self.0.contains(&key) {
            return Reply::conflict(());
        }
        self.0.push(key);
        Reply::no_content(())
    }
}

struct ReadOnly;

impl Store for ReadOnly {
    #[returns(404)]
    fn get(&self, key: u32) -> Reply<String> {
        Reply::not_found(format!("no key {key}"))
    }

    #[returns(405)]
    async fn put(&mut self, _key: u32) -> Reply<()> {
        Reply::method_not_allowed(())
    }
}

fn main() {
    let mut memory = Memory(Vec::new());
    assert_eq!(ready(memory.put(7)).status(), StatusCode::NO_CONTENT);
    assert_eq!(ready(memory.put(7)).status(), StatusCode::CONFLICT);
    assert_eq!(memory.get(7).into_parts(), (StatusCode::OK, "7".to_owned()));
    assert_eq!(memory.get(8).status(), StatusCode::NOT_FOUND);
    assert_eq!(memory.get(8).declared(), &[200, 404]);

    let mut read_only = ReadOnly;
    assert_eq!(ready(read_only.put(7)).status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(read_only.get(7).declared(), &[404]);
}
