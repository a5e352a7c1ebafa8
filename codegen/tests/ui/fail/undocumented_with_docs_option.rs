use http_returns::{returns, Reply};

#[returns(202, 418, docs = http_returns::bundled)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
