//! The `user-groups` example service on actix-web: the same user-group
//! operations, held to the same three pages (`../user-groups/docs`), with
//! its own status module.
//!
//! The status module `src/statuses.rs` is generated from those pages by
//! the service's xtask (`cargo run -p user-groups-actix-xtask -- regen`),
//! committed, and mounted once, below; `tests/statuses.rs` makes plain
//! `cargo test` fail when it is stale.
//!
//! The handlers are actix-web handlers that return `Reply`; each names its
//! operation once, in `#[returns(.., op = "..")]`, and
//! `http_returns::actix::Routes::operation` serves it there. The OpenAPI
//! document, the conformance middleware, the coverage report and the
//! contract check (`tests/contract.rs`) read the same routes.

use std::collections::BTreeMap;
use std::sync::Mutex;

use actix_web::web::{Data, Path, ServiceConfig};
use actix_web::{HttpResponse, web};
use http_returns::actix::{Conformance, Routes};
use http_returns::coverage::Coverage;
use http_returns::{Reply, returns};
use utoipa::{OpenApi, ToSchema};

/// The status module, generated from `../user-groups/docs`. Public, so that
/// this crate's integration tests can mount it too
/// (`use user_groups_actix::statuses;`).
pub mod statuses;

/// The user groups, by id; ids are never reused. Shared by every worker
/// as app data (`web::Data<Groups>`).
#[derive(Default)]
pub struct Groups(Mutex<(u32, BTreeMap<u32, String>)>);

impl Groups {
    fn lock(&self) -> std::sync::MutexGuard<'_, (u32, BTreeMap<u32, String>)> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A group's name, as `POST /v3/groups` takes it: text with something
/// besides blanks, which the pattern states, so that a client following
/// the OpenAPI document never meets the 400 that a blank name gets.
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
pub async fn create(groups: Data<Groups>, name: String) -> Reply<String> {
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

/// `GET /v3/groups/{id}`: the group's name. actix-web's `Path<u32>`
/// answers 404 for an id that is not a number; the handler answers 400
/// for one that is 0, which no group has.
#[utoipa::path(
    get,
    path = "/v3/groups/{id}",
    params(("id" = u32, Path, description = "The group's id", minimum = 1)),
)]
#[returns(200, 400, 404, op = "GET /v3/groups/{id}")]
pub async fn show(groups: Data<Groups>, id: Path<u32>) -> Reply<String> {
    let id = id.into_inner();
    if id == 0 {
        return Reply::bad_request("group ids start at 1".to_owned());
    }
    match groups.lock().1.get(&id) {
        Some(name) => Reply::ok(name.clone()),
        None => Reply::not_found(format!("no group {id}")),
    }
}

/// `DELETE /v3/groups/{id}`: deletes the group. The body is an actix-web
/// `Responder`, as every reply's is here: `&str` where axum's example has
/// `()`, which actix-web does not answer with.
#[utoipa::path(
    delete,
    path = "/v3/groups/{id}",
    params(("id" = u32, Path, description = "The group's id", minimum = 1)),
)]
#[returns(204, 400, 404, op = "DELETE /v3/groups/{id}")]
pub async fn remove(groups: Data<Groups>, id: Path<u32>) -> Reply<&'static str> {
    let id = id.into_inner();
    if id == 0 {
        return Reply::bad_request("group ids start at 1");
    }
    match groups.lock().1.remove(&id) {
        Some(_) => Reply::no_content(""),
        None => Reply::not_found(""),
    }
}

/// The service's operations, each handler registered once, at the
/// operation it names, with the groups as app data: the app serves them,
/// and the OpenAPI document, the conformance middleware, the coverage
/// report and the contract check read the same list.
pub fn routes() -> Routes {
    Routes::new(statuses::DOCUMENTS)
        .operation(create)
        .operation(show)
        .operation(remove)
        .app_data(Data::new(Groups::default()))
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
pub fn openapi(routes: &Routes) -> (utoipa::openapi::OpenApi, Coverage) {
    let mut api = Api::openapi();
    let leftovers = http_returns::openapi::document(&mut api, routes.list());
    let coverage = Coverage::of(routes.list(), statuses::DOCUMENTS).with_openapi(leftovers);
    (api, coverage)
}

/// The service's configuration, for `App::configure`: its routes, watched
/// by `conformance`, and `GET /openapi.json`, which is not one of the
/// documented operations and so is served outside the middleware's scope.
pub fn configure(
    routes: &Routes,
    conformance: Conformance,
    document: &str,
    config: &mut ServiceConfig,
) {
    let document = document.to_owned();
    config.route(
        "/openapi.json",
        web::get().to(move || {
            let document = document.clone();
            async move {
                HttpResponse::Ok()
                    .content_type("application/json")
                    .body(document)
            }
        }),
    );
    // A scope with no prefix: the middleware wraps the documented routes.
    config.service(
        web::scope("")
            .wrap(conformance)
            .configure(|config| routes.configure(config)),
    );
}
