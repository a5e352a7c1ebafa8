// 404 is in docs/, but the page for creating a group does not list it.
use user_groups::statuses;
use http_returns::{returns, Reply};

#[returns(201, 404, page = creating_a_user_group)]
fn create() -> Reply<()> {
    Reply::created(())
}

fn main() {
    let _ = create();
}
