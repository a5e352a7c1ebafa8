//! Bodies that end in `return`, `todo!()` or a panic compile without
//! warnings: the expansion's own code after the body is not reported as
//! unreachable.
#![deny(warnings)]

use http_returns::{returns, Reply};
use http_returns::bundled as statuses;

#[returns(202)]
fn later() -> Reply<u8> {
    todo!()
}

#[returns(202, 409)]
async fn checked(n: u8) -> Reply<u8> {
    if n > 0 {
        return Reply::accepted(n);
    }
    panic!("zero is not a task")
}

#[returns(200)]
fn result_later() -> Result<Reply<u8>, Reply<u8>> {
    unimplemented!()
}

#[returns(202)]
#[allow(clippy::needless_return)]
fn explicit_return(n: u8) -> Reply<u8> {
    return Reply::accepted(n);
}

fn main() {
    assert_eq!(explicit_return(7).into_parts().1, 7);
    let handlers: (fn() -> _, _, fn() -> _) = (later, checked, result_later);
    let _ = handlers;
}
