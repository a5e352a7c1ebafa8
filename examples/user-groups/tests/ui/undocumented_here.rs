// 202 is in the documents bundled with `returns`, but not in this service's.
use user_groups::returns_spec;
use returns::{returns, Reply};

#[returns(201, 202)]
fn create() -> Reply<()> {
    Reply::created(())
}

fn main() {
    let _ = create();
}
