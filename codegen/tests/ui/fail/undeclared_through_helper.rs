use returns::{returns, DeclaredSet, Declares, Reply};
use returns::bundled as returns_spec;

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
