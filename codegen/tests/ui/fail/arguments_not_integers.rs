use http_returns::{returns, Reply};
use http_returns::bundled as statuses;

#[returns(foo, "202", 2.5, 202u8)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
