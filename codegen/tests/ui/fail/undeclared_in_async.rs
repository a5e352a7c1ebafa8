use http_returns::{Reply, returns};
use http_returns::bundled as statuses;

#[returns(202)]
async fn deliver(full: bool) -> Reply<&'static str> {
    if full {
        let busy = || Reply::conflict("busy");
        return busy();
    }
    Reply::accepted("queued")
}

fn main() {
    let _ = deliver(false);
}
