//! A status module generated in another module format than this `http-returns`
//! reads (here one whose `Document` has no `module` field, with its tables
//! of pages and operations beside the gate, as modules are written now):
//! one error, naming the command that regenerates it, and nothing about its
//! items or the handlers that name them.
use http_returns::{returns, Reply};

#[path = "module_format/statuses.rs"]
mod statuses;

#[returns(202, 409)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

#[returns(409, page = returned_values)]
fn full() -> Reply<()> {
    Reply::conflict(())
}

fn main() {
    let _ = (deliver(), full(), statuses::Status::Accepted);
}
