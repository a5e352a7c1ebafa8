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
use axum::http::header::CONTENT_TYPE;
use axum::routing::{get, post};
use returns::conformance::ConformanceLayer;
use returns::http::Method;
use returns::{Reply, Route, returns};
use utoipa::openapi::{InfoBuilder, OpenApi, OpenApiBuilder};

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

/// Each route with its handler's declared codes and page, read from the
/// handlers without calling them.
pub fn routes() -> [Route; 3] {
    [
        Route::new(Method::POST, "/v3/groups", &create, returns_spec::DOCUMENTS),
        Route::new(
            Method::GET,
            "/v3/groups/{id}",
            &show,
            returns_spec::DOCUMENTS,
        ),
        Route::new(
            Method::DELETE,
            "/v3/groups/{id}",
            &remove,
            returns_spec::DOCUMENTS,
        ),
    ]
}

/// The service's OpenAPI document: each operation's responses are its
/// handler's declared codes, described as its page (`spec = page`) does.
pub fn openapi() -> OpenApi {
    let info = InfoBuilder::new()
        .title("User groups")
        .version("3.0.0")
        .build();
    let mut api = OpenApiBuilder::new().info(info).build();
    returns::openapi::document(&mut api, &routes());
    api
}

/// The service's routes, watched by `conformance`, and `GET /openapi.json`.
pub fn app(conformance: ConformanceLayer) -> Router {
    let document = openapi()
        .to_pretty_json()
        .expect("an OpenAPI document serialises");
    Router::new()
        .route("/v3/groups", post(create))
        .route("/v3/groups/{id}", get(show).delete(remove))
        .layer(conformance)
        .route(
            "/openapi.json",
            get(|| async move { ([(CONTENT_TYPE, "application/json")], document) }),
        )
        .with_state(Groups::default())
}
