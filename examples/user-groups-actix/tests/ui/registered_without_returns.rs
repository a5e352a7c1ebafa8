// A handler registered through the builder must carry `#[returns(..)]`:
// without it, the registration is the error, at the handler.
use actix_web::web::Path;
use http_returns::actix::{Routes, get};
use user_groups_actix::statuses;

async fn show(id: Path<u32>) -> String {
    format!("group {id}")
}

fn main() {
    let _ = Routes::new(statuses::DOCUMENTS).route("/v3/groups/{id}", get(show));
}
