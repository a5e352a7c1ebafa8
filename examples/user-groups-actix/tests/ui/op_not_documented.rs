// `op =` names the page by the operation it documents; an operation that no
// page documents is an error at the string, with the nearest ones.
use http_returns::{Reply, returns};
use user_groups_actix::statuses;

#[returns(201, op = "POST /v3/group")]
async fn create() -> Reply<String> {
    Reply::created("1".to_owned())
}

fn main() {
    let _ = create;
}
