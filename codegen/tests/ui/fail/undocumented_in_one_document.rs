use http_returns::{returns, Reply};
use http_returns::bundled as statuses;

#[returns(202, 418, page = returned_values)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
