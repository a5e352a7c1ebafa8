use returns::{Reply, returns};
use returns::bundled as returns_spec;

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
