//! Methods in `impl` blocks (`&self`, `&mut self`), `Result<Reply<A>, Reply<E>>`
//! with `?`, replies that borrow from `self`, and helpers generic over the set.
use http_returns::{returns, DeclaredSet, Declares, Reply};
use http_returns::http::StatusCode;
use http_returns::bundled as statuses;

struct Queue {
    items: Vec<u32>,
    capacity: usize,
}

fn full<S: DeclaredSet + Declares<409>>(capacity: usize) -> Reply<String, S> {
    Reply::conflict(format!("the queue holds {capacity} items at most"))
}

impl Queue {
    #[returns(202, 400, 409)]
    fn push(&mut self, text: &str) -> Result<Reply<usize>, Reply<String>> {
        let item = text.parse().map_err(|_| Reply::bad_request(format!("`{text}` is not a number")))?;
        if self.items.len() == self.capacity {
            return Err(full(self.capacity));
        }
        self.items.push(item);
        Ok(Reply::accepted(self.items.len()))
    }

    #[returns(200)]
    pub fn first(&self) -> Reply<Option<&u32>> {
        Reply::ok(self.items.first())
    }

    #[returns(200, 400)]
    async fn peek_async(&self, text: &str) -> Result<Reply<u32>, Reply<String>> {
        match text.parse::<u32>() {
            Ok(n) => Ok(Reply::ok(n + self.items.len() as u32)),
            Err(_) => Err(Reply::bad_request(text.to_owned())),
        }
    }
}

/// An `impl Trait` beside the `Reply` stays as written.
#[returns(202)]
fn with_impl_error(n: u8) -> Result<Reply<u8>, impl std::fmt::Debug> {
    if n == 0 {
        return Err("zero");
    }
    Ok(Reply::accepted(n))
}

/// Also inside a tuple that holds no `Reply`.
#[returns(202)]
fn with_impl_in_tuple(n: u8) -> Result<Reply<u8>, (impl std::fmt::Debug, u8)> {
    if n == 0 {
        return Err(("zero", 0));
    }
    Ok(Reply::accepted(n))
}

fn main() {
    assert_eq!(with_impl_in_tuple(2).ok().map(|r| r.status()), Some(StatusCode::ACCEPTED));
    assert_eq!(format!("{:?}", with_impl_in_tuple(0).err()), "Some((\"zero\", 0))");
    assert_eq!(with_impl_error(3).ok().map(|r| r.into_parts()), Some((StatusCode::ACCEPTED, 3)));
    assert_eq!(format!("{:?}", with_impl_error(0).err()), "Some(\"zero\")");
    let mut queue = Queue { items: Vec::new(), capacity: 1 };
    assert_eq!(queue.push("7").map(|r| r.into_parts()), Ok((StatusCode::ACCEPTED, 1)));
    let conflict = queue.push("8").err().map(|r| r.status());
    assert_eq!(conflict, Some(StatusCode::CONFLICT));
    let bad = queue.push("x").err().map(|r| r.into_parts());
    assert_eq!(bad, Some((StatusCode::BAD_REQUEST, "`x` is not a number".to_owned())));
    assert_eq!(queue.first().into_parts(), (StatusCode::OK, Some(&7)));
    let _future = queue.peek_async("1");
}
