//! An example service that adopts `returns` on its own documents: the
//! user-group operations of an identity service, as its three pages in
//! `docs/` describe them.
//!
//! The status module `src/returns_spec.rs` is generated from `docs/` by the
//! service's xtask (`cargo run -p user-groups-xtask -- regen`), committed,
//! and mounted once, below. Every `#[returns(..)]` in the crate is then
//! checked against these documents, and `spec = page` ties a handler to the
//! one page that describes its operation.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use returns::{Reply, declared, returns};

/// The status module, generated from `docs/`. Public, so that this crate's
/// integration tests and other crates can mount it too
/// (`use user_groups::returns_spec;`).
pub mod returns_spec;

/// The user groups, by id; ids are never reused.
#[derive(Clone, Default)]
pub struct Groups(Arc<Mutex<(u32, BTreeMap<u32, String>)>>);

impl Groups {
    fn lock(&self) -> std::sync::MutexGuard<'_, (u32, BTreeMap<u32, String>)> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// `POST /v3/groups`: creates a group named by the body.
#[returns(201, 400, 409, spec = creating_a_user_group)]
pub async fn create(State(groups): State<Groups>, name: String) -> Reply<String> {
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Reply::bad_request("the group name is empty".to_owned());
    }
    let mut groups = groups.lock();
    if groups.1.values().any(|existing| *existing == name) {
        return Reply::conflict(format!("a group named {name} exists"));
    }
    groups.0 += 1;
    let id = groups.0;
    groups.1.insert(id, name);
    Reply::created(id.to_string())
}

/// `GET /v3/groups/{id}`: the group's name.
#[returns(200, 404, spec = querying_user_group_details)]
pub async fn show(State(groups): State<Groups>, Path(id): Path<u32>) -> Reply<String> {
    match groups.lock().1.get(&id) {
        Some(name) => Reply::ok(name.clone()),
        None => Reply::not_found(format!("no group {id}")),
    }
}

/// `DELETE /v3/groups/{id}`: deletes the group.
#[returns(204, 404, spec = deleting_a_user_group)]
pub async fn remove(State(groups): State<Groups>, Path(id): Path<u32>) -> Reply<()> {
    match groups.lock().1.remove(&id) {
        Some(_) => Reply::no_content(()),
        None => Reply::not_found(()),
    }
}

/// Each route with the codes its handler declares.
pub fn routes() -> [(&'static str, &'static str, &'static [u16]); 3] {
    [
        ("POST", "/v3/groups", declared(&create)),
        ("GET", "/v3/groups/{id}", declared(&show)),
        ("DELETE", "/v3/groups/{id}", declared(&remove)),
    ]
}

/// The service's routes.
pub fn app() -> Router {
    Router::new()
        .route("/v3/groups", post(create))
        .route("/v3/groups/{id}", get(show).delete(remove))
        .with_state(Groups::default())
}
