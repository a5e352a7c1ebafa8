use returns::{returns, Reply};
use returns::spec as returns_spec;

#[returns(202, 418, spec = returned_values)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
