use returns::{returns, Reply};
use returns::bundled as returns_spec;

#[returns(202, 418, page = returned_values)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
