// A reply built with a code the handler did not declare is an error at
// the constructor, whatever the framework.
use actix_web::web::Path;
use http_returns::{Reply, returns};
use user_groups_actix::statuses;

#[returns(200, 404, op = "GET /v3/groups/{id}")]
async fn show(id: Path<u32>) -> Reply<String> {
    if *id == 0 {
        return Reply::bad_request("group ids start at 1".to_owned());
    }
    Reply::ok("admins".to_owned())
}

fn main() {
    let _ = show;
}
