// user-groups documents 201 and is in this build; this crate's documents do not.
use renamed_crate_test::statuses;
use renamed_returns::{returns, Reply};

#[returns(201, crate = renamed_returns)]
fn create() -> Reply<()> {
    Reply::created(())
}

fn main() {
    let _ = (create(), user_groups::routes());
}
