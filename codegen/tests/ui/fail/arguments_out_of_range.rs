use http_returns::{returns, Reply};
use http_returns::bundled as statuses;

#[returns(99, 202, 4099, 70000, 600)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
