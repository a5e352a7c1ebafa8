// What `op =` holds is shown as it is: an invisible joiner inside the
// method, or a no-break space between method and path, is an error at the
// string, shown escaped. A method the pages never state (`TRACE`) is
// looked for like any other: no page documents it.
#[path = "../../src/statuses.rs"]
mod statuses;
use http_returns::{returns, Reply};

#[returns(201, op = "PO\u{200d}ST /v3/groups")]
fn joined() -> Reply<()> {
    Reply::created(())
}

#[returns(201, op = "POST\u{a0}/v3/groups")]
fn no_break() -> Reply<()> {
    Reply::created(())
}

#[returns(200, op = "TRACE /v3/groups")]
fn traced() -> Reply<()> {
    Reply::ok(())
}

fn main() {
    let _ = (joined(), no_break(), traced());
}
