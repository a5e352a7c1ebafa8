// `op =` names the page by the operation it documents; an operation that no
// page documents is an error at the string, with the nearest ones. The
// module is mounted here.
#[path = "../../src/statuses.rs"]
mod statuses;
use http_returns::{returns, Reply};

#[returns(201, op = "POST /v3/group")]
fn create() -> Reply<()> {
    Reply::created(())
}

#[returns(200, op = "GET /v3/groups/{id}")]
fn show() -> Reply<()> {
    Reply::ok(())
}

#[returns(200, 409, op = "GET /v3/groups/{id}")]
fn conflicting() -> Reply<()> {
    Reply::ok(())
}

fn main() {
    let _ = (create(), show(), conflicting());
}
