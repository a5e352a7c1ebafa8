use http_returns::{returns, Reply};
use http_returns::bundled as statuses;

#[returns(202, 418)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
