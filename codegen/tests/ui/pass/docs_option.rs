//! `docs = path` names the documents for one handler: no `statuses` is
//! mounted here, and handlers in nested modules work alike.
use http_returns::{returns, Reply};

#[returns(202, docs = http_returns::bundled)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

mod api {
    pub mod tasks {
        use http_returns::{returns, Reply};

        #[returns(204, 404, docs = ::http_returns::bundled, page = returned_values)]
        pub fn remove(found: bool) -> Reply<()> {
            if found { Reply::no_content(()) } else { Reply::not_found(()) }
        }
    }
}

fn main() {
    assert_eq!(deliver().status(), 202);
    assert_eq!(api::tasks::remove(false).status(), 404);
    assert_eq!(http_returns::declared(&api::tasks::remove), [204, 404]);
}
