use returns::{returns, Reply};
use returns::bundled as returns_spec;

#[returns(foo, "202", 2.5, 202u8)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
