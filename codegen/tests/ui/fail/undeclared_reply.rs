use http_returns::{returns, Reply};
use http_returns::bundled as statuses;

#[returns(202, 409)]
async fn deliver(queue_full: bool) -> Reply<&'static str> {
    if queue_full {
        return Reply::conflict("busy");
    }
    Reply::not_found("no such queue")
}

fn main() {}
