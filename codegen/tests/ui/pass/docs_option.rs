//! `docs = path` names the documents for one handler: no `returns_spec` is
//! mounted here, and handlers in nested modules work alike.
use returns::{returns, Reply};

#[returns(202, docs = returns::bundled)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

mod api {
    pub mod tasks {
        use returns::{returns, Reply};

        #[returns(204, 404, docs = ::returns::bundled, page = returned_values)]
        pub fn remove(found: bool) -> Reply<()> {
            if found { Reply::no_content(()) } else { Reply::not_found(()) }
        }
    }
}

fn main() {
    assert_eq!(deliver().status(), 202);
    assert_eq!(api::tasks::remove(false).status(), 404);
    assert_eq!(returns::declared(&api::tasks::remove), [204, 404]);
}
