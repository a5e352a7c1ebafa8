use returns::{returns, Reply};

#[returns(202, 418, docs = returns::bundled)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
