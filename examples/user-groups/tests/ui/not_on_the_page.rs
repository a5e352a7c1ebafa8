// 404 is in docs/, but the page for creating a group does not list it.
use user_groups::returns_spec;
use returns::{returns, Reply};

#[returns(201, 404, page = creating_a_user_group)]
fn create() -> Reply<()> {
    Reply::created(())
}

fn main() {
    let _ = create();
}
