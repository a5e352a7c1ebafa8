use returns::{returns, Reply};

#[returns(202, 418, docs = returns::spec)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
