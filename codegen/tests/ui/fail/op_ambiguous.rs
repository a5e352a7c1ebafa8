//! `op =` naming an operation that two pages document: one error, at the
//! string, naming both pages; the handler's codes are not checked against
//! either, so nothing else is reported.
use http_returns::{returns, Reply};

#[path = "op_ambiguous/statuses.rs"]
mod statuses;

#[returns(200, op = "GET /v3/groups/{id}")]
fn show() -> Reply<()> {
    Reply::ok(())
}

fn main() {
    let _ = show();
}
