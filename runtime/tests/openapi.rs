//! `openapi::document` keeps what `#[utoipa::path]` wrote for a declared
//! code, and hands what no declaration covers to the coverage report
//! instead of dropping it silently.

use http_returns::bundled as statuses;
use http_returns::coverage::Coverage;
use http_returns::openapi::Leftover;
use http_returns::routing::{Routes, get};
use http_returns::{Reply, returns};
use utoipa::OpenApi;

/// Writes a 200 with a body and a header, a 500 the handler does not
/// declare, and a `default`.
#[utoipa::path(
    get,
    path = "/tasks/{id}",
    responses(
        (status = 200, description = "written by hand", body = String, content_type = "text/plain",
         headers(("x-task" = String, description = "the task's name"))),
        (status = 500, description = "a crash"),
        (status = "default", description = "anything else"),
    ),
)]
#[returns(200, 404)]
async fn show() -> Reply<String> {
    Reply::ok(String::new())
}

/// Written for a path no route serves.
#[utoipa::path(get, path = "/task/{id}", responses((status = 200, description = "a typo")))]
#[allow(dead_code)] // only its `#[utoipa::path]` is read
async fn typo() {}

#[derive(OpenApi)]
#[openapi(paths(show, typo))]
struct Api;

#[test]
fn a_declared_code_keeps_what_utoipa_wrote_and_the_rest_is_reported() {
    let routes = Routes::<()>::new(statuses::DOCUMENTS).route("/tasks/{id}", get(show));
    let mut api = Api::openapi();
    let leftovers = http_returns::openapi::document(&mut api, routes.list());
    let json: serde_json::Value =
        serde_json::from_str(&api.to_json().expect("JSON")).expect("a document");
    let responses = &json["paths"]["/tasks/{id}"]["get"]["responses"];
    let page = &statuses::returned_values::DOCUMENT;
    // The 200 keeps its content and header; its description is the page's.
    assert_eq!(
        responses["200"]["content"]["text/plain"]["schema"]["type"], "string",
        "{responses}"
    );
    assert_eq!(
        responses["200"]["headers"]["x-task"]["description"],
        "the task's name"
    );
    assert_eq!(
        responses["200"]["description"],
        page.entries_for(200).next().expect("200").description
    );
    // Exactly the declared codes: 404 added, 500 and `default` left out.
    let keys: Vec<&String> = responses.as_object().expect("a map").keys().collect();
    assert_eq!(keys, ["200", "404"]);
    assert_eq!(
        leftovers,
        [
            Leftover::Response {
                method: http_returns::http::Method::GET,
                path: "/tasks/{id}".to_owned(),
                status: "500".to_owned()
            },
            Leftover::Response {
                method: http_returns::http::Method::GET,
                path: "/tasks/{id}".to_owned(),
                status: "default".to_owned()
            },
            Leftover::Operation {
                method: http_returns::http::Method::GET,
                path: "/task/{id}".to_owned()
            },
        ]
    );
    let report = Coverage::of(routes.list(), statuses::DOCUMENTS).with_openapi(leftovers);
    assert!(!report.is_complete());
    let text = report.to_string();
    assert!(
        text.contains("openapi: GET /tasks/{id} lists 500, which its handler does not declare: left out of the document\n")
            && text.contains("openapi: GET /tasks/{id} lists default, which its handler does not declare: left out of the document\n")
            && text.contains("openapi: GET /task/{id} is in the document, but no route serves it: its responses are not checked\n"),
        "{text}"
    );
}

/// Served at `/tasks/{id}` below, written here at `/tasks/{task}`.
#[utoipa::path(get, path = "/tasks/{task}")]
#[returns(200, 404)]
async fn elsewhere() -> Reply<String> {
    Reply::ok(String::new())
}

#[derive(OpenApi)]
#[openapi(paths(elsewhere))]
struct Disagreeing;

#[test]
fn utoipa_and_the_route_must_agree_on_the_operation() {
    let routes = Routes::<()>::new(statuses::DOCUMENTS).route("/tasks/{id}", get(elsewhere));
    let mut api = Disagreeing::openapi();
    let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = http_returns::openapi::document(&mut api, routes.list());
    }))
    .expect_err("the two paths disagree");
    assert_eq!(
        payload.downcast_ref::<String>().map(String::as_str),
        Some(
            "`#[utoipa::path]` writes the operation of `openapi::elsewhere` as `GET /tasks/{task}`, \
             but the handler is served at `GET /tasks/{id}`: write `get, path = \"/tasks/{id}\"` in \
             its `#[utoipa::path]`"
        )
    );
}
