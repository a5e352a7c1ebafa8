use returns::{returns, Reply};
use returns::bundled as returns_spec;

#[returns(202, 409)]
async fn deliver(queue_full: bool) -> Reply<&'static str> {
    if queue_full {
        return Reply::conflict("busy");
    }
    Reply::not_found("no such queue")
}

fn main() {}
