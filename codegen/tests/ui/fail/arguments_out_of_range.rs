use returns::{returns, Reply};
use returns::bundled as returns_spec;

#[returns(99, 202, 4099, 70000, 600)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
