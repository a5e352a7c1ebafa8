//! A crate that mounts no `statuses`: one error per handler, at its
//! attribute, whatever it names (codes, `page =`, `op =`), and none at its
//! codes or replies.
use http_returns::{returns, Reply};

#[returns(202, 409)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

mod api {
    use http_returns::{returns, Reply};

    #[returns(404, page = returned_values)]
    pub fn find() -> Reply<()> {
        Reply::not_found(())
    }
}

#[returns(201, 400, 409, op = "POST /v3/groups")]
async fn create(name: String) -> Reply<String> {
    if name.is_empty() {
        return Reply::bad_request(name);
    }
    Reply::created(name)
}

fn main() {
    let _ = (deliver(), api::find(), create(String::new()));
}
