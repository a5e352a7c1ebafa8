use http_returns::{returns, Reply};
use http_returns::bundled as statuses;

#[returns(202)]
struct NotAFunction;

#[returns(202)]
fn no_return_type() {}

#[returns(202)]
fn no_reply() -> Result<(), String> {
    Ok(())
}

#[returns(202)]
fn set_already_named() -> Reply<u8, http_returns::Undeclared> {
    unimplemented!()
}

#[returns(202)]
fn future_by_hand() -> impl std::future::Future<Output = Reply<u8>> {
    async { Reply::accepted(1) }
}

#[returns(202)]
fn boxed_closure() -> Box<dyn Fn() -> Reply<u8>> {
    Box::new(|| Reply::accepted(1))
}

fn main() {
    let _ = NotAFunction;
    let _: Option<Reply<()>> = None;
}
