use returns::{returns, Reply};

#[returns(202, 418)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
