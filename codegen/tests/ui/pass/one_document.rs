//! `spec = module` checks against one document only.
use returns::{returns, Reply, Status};

#[returns(200, 202, 204, spec = returned_values)]
fn deliver(n: u8) -> Reply<u8> {
    match n {
        0 => Reply::no_content(n),
        1 => Reply::ok(n),
        _ => Reply::accepted(n),
    }
}

fn main() {
    assert_eq!(deliver(0).status(), Status::NoContent);
    assert_eq!(deliver(5).status().code(), 202);
}
