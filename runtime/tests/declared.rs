//! `http_returns::declared(&handler)`: the codes a handler declares, read from the
//! function without calling it.

use http_returns::bundled as statuses;
use http_returns::{DeclaredSet, Reply, declared, returns};

#[returns(202, 409)]
fn deliver(queue_full: bool) -> Reply<&'static str> {
    if queue_full {
        return Reply::conflict("busy");
    }
    Reply::accepted("queued")
}

#[returns(200, 404)]
async fn find(key: u32) -> Reply<String> {
    if key == 0 {
        return Reply::not_found(String::new());
    }
    Reply::ok(key.to_string())
}

#[returns(404, 200)]
fn generic<T: ToString>(item: Option<T>) -> Reply<String> {
    match item {
        Some(item) => Reply::ok(item.to_string()),
        None => Reply::not_found(String::new()),
    }
}

#[returns(204)]
#[allow(clippy::too_many_arguments)]
fn sixteen(
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
    _: u8,
) -> Reply<()> {
    Reply::no_content(())
}

#[returns(202, page = returned_values)]
fn one_document() -> Reply<()> {
    Reply::accepted(())
}

struct Queue(Vec<u32>);

impl Queue {
    #[returns(200)]
    fn len(&self) -> Reply<usize> {
        Reply::ok(self.0.len())
    }

    #[returns(202, 400, 409)]
    async fn push(&mut self, text: &str) -> Result<Reply<usize>, Reply<String>> {
        let item = text
            .parse()
            .map_err(|_| Reply::bad_request(format!("`{text}` is not a number")))?;
        if self.0.contains(&item) {
            return Err(Reply::conflict(format!("{item} is queued already")));
        }
        self.0.push(item);
        Ok(Reply::accepted(self.0.len()))
    }
}

trait Store {
    fn get(&self, key: u32) -> Reply<String, impl DeclaredSet>;
}

impl Store for Queue {
    #[returns(200, 404)]
    fn get(&self, key: u32) -> Reply<String> {
        match self.0.get(key as usize) {
            Some(item) => Reply::ok(item.to_string()),
            None => Reply::not_found(String::new()),
        }
    }
}

#[test]
fn functions_give_their_codes_in_declaration_order() {
    assert_eq!(declared(&deliver), [202, 409]);
    assert_eq!(declared(&find), [200, 404]);
    assert_eq!(declared(&generic::<u8>), [404, 200]);
    assert_eq!(declared(&sixteen), [204]);
    assert_eq!(declared(&one_document), [202]);
}

#[test]
fn methods_give_their_codes() {
    assert_eq!(declared(&Queue::len), [200]);
    assert_eq!(declared(&Queue::push), [202, 400, 409]);
    assert_eq!(declared(&<Queue as Store>::get), [200, 404]);
}

#[test]
fn the_codes_are_those_of_the_replies() {
    assert_eq!(declared(&deliver), deliver(false).declared());
    assert_eq!(declared(&Queue::len), Queue(vec![1]).len().declared());
    let from_a_closure = |n: u32| -> Reply<u32, _> { declared_by_reply(n) };
    assert_eq!(declared(&from_a_closure), [200]);
}

#[returns(200)]
fn declared_by_reply(n: u32) -> Reply<u32> {
    Reply::ok(n)
}

/// Stubs: bodies that diverge. Clippy (`--all-targets -D warnings`, in CI)
/// finds nothing to say about the attribute's binding of them.
mod stubs {
    use http_returns::bundled as statuses;
    use http_returns::{Reply, returns};

    #[returns(202)]
    pub async fn not_yet() -> Reply<()> {
        todo!()
    }

    #[returns(202, 409)]
    pub fn broken() -> Reply<String> {
        panic!("the queue is gone");
    }

    #[returns(404)]
    pub fn never(found: bool) -> Reply<()> {
        if found {
            return Reply::not_found(());
        }
        unreachable!("found is always true here")
    }

    #[test]
    fn diverging_bodies_still_declare_their_codes() {
        let _ = statuses::DOCUMENTS;
        assert_eq!(http_returns::declared(&not_yet), [202]);
        assert_eq!(http_returns::declared(&broken), [202, 409]);
        assert_eq!(http_returns::declared(&never), [404]);
    }
}
