// `page =` names a page module that no page has: one error, at the name,
// with the nearest page modules and what to do if the page is new.
#[path = "../../src/statuses.rs"]
mod statuses;
use http_returns::{returns, Reply};

#[returns(201, page = creating_a_user_grup)]
fn create() -> Reply<()> {
    Reply::created(())
}

fn main() {
    let _ = create();
}
