//! Each operation written once: a handler that names its operation is
//! served at it by `Routes::operation`, and a route written out for a
//! handler that names its operation or page must be that operation, or
//! registration fails, naming the handler, its operation, its page and the
//! route. Held against the three user-group pages of `examples/user-groups`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_returns::routing::{Routes, delete, get, post};
use http_returns::{Reply, returns};
use tower::ServiceExt as _;

#[path = "../../examples/user-groups/src/statuses.rs"]
mod statuses;

#[returns(201, 400, op = "POST /v3/groups")]
async fn create() -> Reply<String> {
    Reply::created("1".to_owned())
}

#[returns(200, 404, op = "GET /v3/groups/{group_id}")]
async fn show() -> Reply<String> {
    Reply::ok("admins".to_owned())
}

/// Spells the parameter as its own path does: served where `show` is.
#[returns(204, 404, op = "DELETE /v3/groups/{id}")]
async fn remove() -> Reply<()> {
    Reply::no_content(())
}

#[returns(204, 404, page = deleting_a_user_group)]
async fn remove_by_page() -> Reply<()> {
    Reply::no_content(())
}

fn panic_text(build: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(build)).expect_err("registration should fail");
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| {
            payload
                .downcast_ref::<&str>()
                .map(|text| (*text).to_owned())
        })
        .unwrap_or_default()
}

async fn status(router: &axum::Router, method: Method, path: &str) -> StatusCode {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .body(Body::empty())
        .expect("a request");
    router
        .clone()
        .oneshot(request)
        .await
        .expect("infallible")
        .status()
}

#[tokio::test]
async fn handlers_are_served_at_the_operations_they_name() {
    let routes = Routes::<()>::new(statuses::DOCUMENTS)
        .operation(create)
        .operation(show)
        .operation(remove);
    let listed: Vec<String> = routes
        .list()
        .iter()
        .map(|route| format!("{} {} {:?}", route.method, route.path, route.op))
        .collect();
    assert_eq!(
        listed,
        [
            "POST /v3/groups Some(\"POST /v3/groups\")",
            "GET /v3/groups/{group_id} Some(\"GET /v3/groups/{group_id}\")",
            // One path, as axum needs: the first spelling registered.
            "DELETE /v3/groups/{group_id} Some(\"DELETE /v3/groups/{id}\")",
        ]
    );
    for route in routes.list() {
        let documented = route
            .operation
            .expect("each route serves its page's operation");
        assert!(
            route.handler.starts_with("operations::"),
            "{}",
            route.handler
        );
        assert_eq!(route.own_page(), Some(documented.document));
    }
    let router = routes.into_router();
    assert_eq!(status(&router, Method::POST, "/v3/groups").await, 201);
    assert_eq!(status(&router, Method::GET, "/v3/groups/7").await, 200);
    assert_eq!(status(&router, Method::DELETE, "/v3/groups/7").await, 204);
    assert_eq!(status(&router, Method::PUT, "/v3/groups/7").await, 405);
}

#[tokio::test]
async fn the_base_path_is_taken_off_an_operation() {
    let router = Routes::<()>::new(statuses::DOCUMENTS)
        .base_path("/v3")
        .operation(show)
        .into_router();
    assert_eq!(status(&router, Method::GET, "/groups/7").await, 200);
    assert_eq!(status(&router, Method::GET, "/v3/groups/7").await, 404);
}

#[test]
fn a_route_that_is_not_the_named_operation_fails_naming_all_four() {
    let text = panic_text(|| {
        let _ = Routes::<()>::new(statuses::DOCUMENTS).route("/v3/groups", get(show));
    });
    assert_eq!(
        text,
        "`operations::show` names the operation `GET /v3/groups/{group_id}` (documented in \
         querying-user-group-details.md) with `op =`, but is registered at `GET /v3/groups`: \
         register it with `.operation(show)`, which serves it at its operation, or at the \
         method and path its page states"
    );
    // The method counts as much as the path.
    let text = panic_text(|| {
        let _ = Routes::<()>::new(statuses::DOCUMENTS).route("/v3/groups", get(create));
    });
    assert!(text.contains("registered at `GET /v3/groups`"), "{text}");
}

#[test]
fn a_route_that_is_not_its_pages_operation_fails() {
    let text = panic_text(|| {
        let _ = Routes::<()>::new(statuses::DOCUMENTS).route("/v3/groups", post(remove_by_page));
    });
    assert_eq!(
        text,
        "`operations::remove_by_page` names the page deleting-a-user-group.md with \
         `page = deleting_a_user_group`, which documents `DELETE /v3/groups/{group_id}`, but is \
         registered at `POST /v3/groups`: register it at the method and path its page states, \
         or name the page that documents `POST /v3/groups`"
    );
    // Parameter names aside, its own operation is fine.
    let routes =
        Routes::<()>::new(statuses::DOCUMENTS).route("/v3/groups/{id}", delete(remove_by_page));
    assert_eq!(routes.list().len(), 1);
}

#[test]
fn a_route_nested_into_its_operation_is_checked_once_nested() {
    // `/groups` may still become `/v3/groups`: it waits for the nest.
    let inner = Routes::<()>::new(statuses::DOCUMENTS).route("/groups", post(create));
    let routes = Routes::<()>::new(statuses::DOCUMENTS).nest("/v3", inner);
    assert_eq!(routes.list()[0].path, "/v3/groups");
    let _ = routes.into_router();
    // Nested anywhere else, it fails at the nest.
    let text = panic_text(|| {
        let inner = Routes::<()>::new(statuses::DOCUMENTS).route("/groups", post(create));
        let _ = Routes::<()>::new(statuses::DOCUMENTS).nest("/v2", inner);
    });
    assert!(text.contains("registered at `POST /v2/groups`"), "{text}");
    // Never nested, it fails when the router is made, at the latest.
    let text = panic_text(|| {
        let _ = Routes::<()>::new(statuses::DOCUMENTS)
            .route("/groups", post(create))
            .into_router();
    });
    assert!(text.contains("registered at `POST /groups`"), "{text}");
}

#[returns(200, op = "GET /v3/groups/{?query}")]
async fn templated() -> Reply<String> {
    Reply::ok(String::new())
}

#[test]
fn an_operation_that_cannot_be_an_axum_path_is_refused_by_name() {
    let text = panic_text(|| {
        let _ = Routes::<()>::new(statuses::DOCUMENTS).operation(templated);
    });
    assert!(
        text.starts_with(
            "`operations::templated` cannot be registered at its operation `GET /v3/groups/{?query}` \
             (documented in querying-user-group-details.md): the parameter `{?query}` is not a name \
             axum can match"
        ),
        "{text}"
    );
}
