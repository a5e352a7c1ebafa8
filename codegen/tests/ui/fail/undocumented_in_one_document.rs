use returns::{returns, Reply};

#[returns(202, 418, spec = returned_values)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
