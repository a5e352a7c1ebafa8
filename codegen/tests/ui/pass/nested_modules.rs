//! Handlers anywhere in the crate are checked against the module mounted
//! once at the crate root, with no path per handler.
use http_returns::bundled as statuses;

mod api {
    pub mod tasks {
        use http_returns::{returns, Reply};

        #[returns(202, 409)]
        pub fn deliver(full: bool) -> Reply<()> {
            if full { Reply::conflict(()) } else { Reply::accepted(()) }
        }

        pub struct Store;

        impl Store {
            #[returns(200, 404, page = returned_values)]
            pub fn get(&self, found: bool) -> Reply<()> {
                if found { Reply::ok(()) } else { Reply::not_found(()) }
            }
        }
    }
}

fn main() {
    assert_eq!(api::tasks::deliver(true).status(), 409);
    assert_eq!(api::tasks::Store.get(false).status(), 404);
    assert_eq!(http_returns::declared(&api::tasks::Store::get), [200, 404]);
    // Mounted for the attribute; used here too.
    assert!(statuses::Status::from_code(202).is_some());
}
