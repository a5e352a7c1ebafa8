// `Routes::operation` serves a handler at the operation its attribute
// names; one that names none is an error at the handler.
use http_returns::actix::Routes;
use http_returns::{Reply, returns};
use user_groups_actix::statuses;

#[returns(200, 404)]
async fn show() -> Reply<String> {
    Reply::ok("admins".to_owned())
}

fn main() {
    let _ = Routes::new(statuses::DOCUMENTS).operation(show);
}
