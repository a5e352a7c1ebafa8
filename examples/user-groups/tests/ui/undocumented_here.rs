// 202 is in the documents bundled with `http-returns`, but not in this service's.
use user_groups::statuses;
use http_returns::{returns, Reply};

#[returns(201, 202)]
fn create() -> Reply<()> {
    Reply::created(())
}

fn main() {
    let _ = create();
}
