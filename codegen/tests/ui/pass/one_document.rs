//! `page = module` checks against one document only.
use http_returns::{returns, Reply};
use http_returns::http::StatusCode;
use http_returns::bundled as statuses;

#[returns(200, 202, 204, page = returned_values)]
fn deliver(n: u8) -> Reply<u8> {
    match n {
        0 => Reply::no_content(n),
        1 => Reply::ok(n),
        _ => Reply::accepted(n),
    }
}

fn main() {
    assert_eq!(deliver(0).status(), StatusCode::NO_CONTENT);
    assert_eq!(deliver(5).status(), 202);
}
