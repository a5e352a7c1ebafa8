//! An example service that adopts `http-returns` on its own documents: the
//! user-group operations of an identity service, as its three pages in
//! `docs/` describe them.
//!
//! The status module `src/statuses.rs` is generated from `docs/` by the
//! service's xtask (`cargo run -p user-groups-xtask -- regen`), committed,
//! and mounted once, below; `tests/statuses.rs` makes plain `cargo test`
//! fail when it is stale.
//!
//! Each page states the operation it documents (`POST /v3/groups`), and
//! each handler names that operation once, in `#[returns(.., op = "..")]`:
//! the compiler checks its codes against that page, and
//! `Routes::operation` serves it at that method and path. The OpenAPI
//! document, the conformance layer, the coverage report and the contract
//! check (`tests/contract.rs`) read the same routes. `#[utoipa::path]`
//! adds what the pages do not give (the body's and the parameters'
//! schemas); its method and path must agree with the operation, or
//! `openapi` panics at start-up saying so.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use http_returns::conformance::ConformanceLayer;
use http_returns::coverage::Coverage;
use http_returns::routing::Routes;
use http_returns::{Reply, returns};
use utoipa::{OpenApi, ToSchema};

/// The status module, generated from `docs/`. Public, so that this crate's
/// integration tests and other crates can mount it too
/// (`use user_groups::statuses;`).
pub mod statuses;

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

/// A group's name, as `POST /v3/groups` takes it: text with something
/// besides blanks (spaces, tabs, line ends), which the pattern states, so
/// that a client following the OpenAPI document never meets the 400 that a
/// blank name gets.
#[derive(ToSchema)]
#[schema(example = "admins", pattern = "[^ \\t\\r\\n]")]
pub struct GroupName(pub String);

/// `POST /v3/groups`: creates a group named by the body (400 for a blank
/// name, and for a body that is not UTF-8, which `String` refuses).
#[utoipa::path(
    post,
    path = "/v3/groups",
    request_body(content = GroupName, content_type = "text/plain", description = "The group's name"),
)]
#[returns(201, 400, 409, op = "POST /v3/groups")]
pub async fn create(State(groups): State<Groups>, name: String) -> Reply<String> {
    let name = name.trim_matches([' ', '\t', '\r', '\n']).to_owned();
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

/// `GET /v3/groups/{id}`: the group's name. `Path<u32>` answers 400 for an
/// id that is not a number, so the handler declares it.
#[utoipa::path(
    get,
    path = "/v3/groups/{id}",
    params(("id" = u32, Path, description = "The group's id")),
)]
#[returns(200, 400, 404, op = "GET /v3/groups/{id}")]
pub async fn show(State(groups): State<Groups>, Path(id): Path<u32>) -> Reply<String> {
    match groups.lock().1.get(&id) {
        Some(name) => Reply::ok(name.clone()),
        None => Reply::not_found(format!("no group {id}")),
    }
}

/// `DELETE /v3/groups/{id}`: deletes the group.
#[utoipa::path(
    delete,
    path = "/v3/groups/{id}",
    params(("id" = u32, Path, description = "The group's id")),
)]
#[returns(204, 400, 404, op = "DELETE /v3/groups/{id}")]
pub async fn remove(State(groups): State<Groups>, Path(id): Path<u32>) -> Reply<()> {
    match groups.lock().1.remove(&id) {
        Some(_) => Reply::no_content(()),
        None => Reply::not_found(()),
    }
}

/// The service's operations, each handler registered once, at the
/// operation it names: the router serves them, and the OpenAPI document,
/// the conformance layer, the coverage report and the contract check read
/// the same list.
pub fn routes() -> Routes<Groups> {
    Routes::new(statuses::DOCUMENTS)
        .operation(create)
        .operation(show)
        .operation(remove)
}

/// What `#[utoipa::path]` says of the operations: bodies and parameters.
#[derive(OpenApi)]
#[openapi(
    info(title = "User groups", version = "3.0.0"),
    paths(create, show, remove)
)]
struct Api;

/// The service's OpenAPI document, whose operations' responses are their
/// handlers' declared codes, described as the page that documents each
/// operation does; and the coverage report, with what that document held
/// that no handler declares.
pub fn openapi(routes: &Routes<Groups>) -> (utoipa::openapi::OpenApi, Coverage) {
    let mut api = Api::openapi();
    let leftovers = http_returns::openapi::document(&mut api, routes.list());
    let coverage = http_returns::coverage::Coverage::of(routes.list(), statuses::DOCUMENTS)
        .with_openapi(leftovers);
    (api, coverage)
}

/// The service's routes, watched by `conformance`, and `GET /openapi.json`.
pub fn app(routes: Routes<Groups>, conformance: ConformanceLayer) -> Router {
    let document = openapi(&routes)
        .0
        .to_pretty_json()
        .expect("an OpenAPI document serialises");
    routes
        .into_router()
        .layer(conformance)
        .route(
            "/openapi.json",
            axum::routing::get(|| async move { ([(CONTENT_TYPE, "application/json")], document) }),
        )
        .with_state(Groups::default())
}
