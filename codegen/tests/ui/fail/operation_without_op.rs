use returns::routing::Routes;
use returns::{Reply, returns};
use returns::bundled as returns_spec;

#[returns(200, 404)]
async fn show() -> Reply<String> {
    Reply::ok("a task".to_owned())
}

fn main() {
    let _routes = Routes::<()>::new(returns_spec::DOCUMENTS).operation(show);
}
