use http_returns::{returns, DeclaredSet, Declares, Reply};
use http_returns::bundled as statuses;

fn missing<S: DeclaredSet + Declares<404>>() -> Reply<&'static str, S> {
    Reply::not_found("no such queue")
}

#[returns(202, 409)]
fn deliver(found: bool) -> Reply<&'static str> {
    if !found {
        return missing();
    }
    Reply::accepted("queued")
}

fn main() {}
