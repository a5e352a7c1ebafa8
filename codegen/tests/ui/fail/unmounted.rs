//! A crate that mounts no `statuses`: each code says what to add.
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

fn main() {
    let _ = (deliver(), api::find());
}
