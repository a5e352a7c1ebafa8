use http_returns::routing::Routes;
use http_returns::{Reply, returns};
use http_returns::bundled as statuses;

#[returns(200, 404)]
async fn show() -> Reply<String> {
    Reply::ok("a task".to_owned())
}

fn main() {
    let _routes = Routes::<()>::new(statuses::DOCUMENTS).operation(show);
}
