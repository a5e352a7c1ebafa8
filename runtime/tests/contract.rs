//! The contract check, in-process: what it finds on services that drift
//! from their pages, what it does not find on one that does not, and that
//! it neither panics nor hangs on what real routers hold.

use axum::extract::{Json, Path, Query};
use http_returns::contract::Contract;
use http_returns::routing::{Routes, get, post};
use http_returns::{Reply, returns};
use serde::Deserialize;

// The bundled page lists 200-204, 400-409 and 500-504.
use http_returns::bundled as statuses;

#[returns(200, 400, 404)]
async fn show(Path(id): Path<u32>) -> Reply<String> {
    Reply::not_found(format!("no task {id}"))
}

/// `Path<u32>` answers 400 to `abc`, which this one does not declare.
#[returns(200, 404)]
async fn show_undeclared(Path(id): Path<u32>) -> Reply<String> {
    Reply::not_found(format!("no task {id}"))
}

#[derive(Deserialize)]
struct Task {
    #[allow(dead_code)]
    name: String,
}

/// `String` answers 400 to a body that is not UTF-8, before the body runs.
#[returns(202, 400)]
async fn deliver(_task: String) -> Reply<()> {
    Reply::accepted(())
}

/// `Json` answers 415 to a body that is not declared JSON, which the
/// bundled page does not list, and 400 to malformed JSON.
#[returns(202, 400)]
async fn deliver_undeclared(Json(_task): Json<Task>) -> Reply<()> {
    Reply::accepted(())
}

#[tokio::test]
async fn a_service_that_answers_only_what_it_declares_is_clean() {
    let routes = Routes::new(statuses::DOCUMENTS)
        .route("/tasks", post(deliver))
        .route("/tasks/{id}", get(show));
    let contract = Contract::new(&routes);
    let findings = contract.check(routes.into_router()).await;
    assert!(findings.is_clean(), "{findings}");
    // 1 + 3 + 2 for POST /tasks, 1 + 4 + 3 + 2 for GET /tasks/{id}, and
    // the methods each path does not serve: 6 and 5 (GET serves HEAD).
    assert_eq!(findings.requests, 6 + 10 + 6 + 5);
    assert!(findings.skipped.is_empty(), "{findings}");
}

#[tokio::test]
async fn what_an_extractor_answers_undeclared_is_found_with_a_curl_line() {
    let routes = Routes::new(statuses::DOCUMENTS)
        .route("/tasks", post(deliver_undeclared))
        .route("/tasks/{id}", get(show_undeclared));
    let contract = Contract::new(&routes).origin("http://localhost:8080/");
    let findings = contract.check(routes.into_router()).await;
    let lines: Vec<String> = findings.findings.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            // No body at all: `Json` wants a JSON content type.
            "POST /tasks: 415 to a plain request; `deliver_undeclared` declares 202, 400; \
             returned-values.md lists 200, 202, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504; \
             reproduce: curl -i -X POST 'http://localhost:8080/tasks'",
            "GET /tasks/{id}: 400 to a word as `{id}`; `show_undeclared` declares 200, 404; \
             returned-values.md lists 200, 202, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504; \
             reproduce: curl -i -X GET 'http://localhost:8080/tasks/abc'",
        ]
    );
    // The same findings on every run.
    let routes = Routes::new(statuses::DOCUMENTS)
        .route("/tasks", post(deliver_undeclared))
        .route("/tasks/{id}", get(show_undeclared));
    let again = Contract::new(&routes)
        .origin("http://localhost:8080")
        .check(routes.into_router())
        .await;
    assert_eq!(again, findings);
}

#[tokio::test]
#[should_panic(
    expected = "the contract check found 1 answer the declarations or the pages do not cover"
)]
async fn assert_clean_fails_the_test_with_the_findings() {
    let routes = Routes::new(statuses::DOCUMENTS).route("/tasks/{id}", get(show_undeclared));
    Contract::new(&routes)
        .check(routes.into_router())
        .await
        .assert_clean();
}

/// Two pages that document `GET /v3/groups/{group_id}`, each listing 200
/// and 404 only.
#[path = "../../codegen/tests/ui/fail/op_ambiguous/statuses.rs"]
mod query_pages;

#[returns(200, 404, page = querying_a_group, docs = query_pages)]
async fn show_group(Path(id): Path<String>) -> Reply<String> {
    Reply::not_found(format!("no group {id}"))
}

#[tokio::test]
async fn the_routers_answers_are_held_to_the_pages_of_their_path() {
    // The page lists 404 (for `/v3/groups/`, which no route matches) but
    // not 405 (for the methods the path does not serve).
    let routes = Routes::new(query_pages::DOCUMENTS).route("/v3/groups/{id}", get(show_group));
    let findings = Contract::new(&routes).check(routes.into_router()).await;
    let found: Vec<(String, Option<u16>, String)> = findings
        .findings
        .iter()
        .map(|f| {
            (
                f.operation.clone(),
                f.status.map(|s| s.as_u16()),
                f.request.clone(),
            )
        })
        .collect();
    let expected: Vec<(String, Option<u16>, String)> =
        ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]
            .iter()
            .map(|method| {
                (
                    format!("{method} /v3/groups/{{id}}"),
                    Some(405),
                    format!("{method}, which no handler serves at this path"),
                )
            })
            .collect();
    assert_eq!(found, expected, "{findings}");
    assert!(
        findings.findings[0]
            .why
            .starts_with("no handler gives it, and querying-a-group.md lists 200, 404"),
        "{findings}"
    );
}

#[returns(200)]
async fn panics(body: String) -> Reply<String> {
    assert!(body.starts_with('{'), "the store is gone");
    Reply::ok(body)
}

#[tokio::test]
async fn a_handler_that_panics_is_a_finding() {
    let routes = Routes::new(statuses::DOCUMENTS).route("/tasks", get(panics));
    let findings = Contract::new(&routes).check(routes.into_router()).await;
    let finding = &findings.findings[0];
    assert_eq!(finding.status, None);
    assert_eq!(finding.why, "`panics` panicked: the store is gone");
    // One finding for the kind of answer, not one per request.
    assert_eq!(findings.findings.len(), 1, "{findings}");
}

#[derive(Deserialize)]
struct Page {
    #[allow(dead_code)]
    limit: Option<u32>,
}

#[returns(200, 400)]
async fn files(
    Path((_project, _rest)): Path<(String, String)>,
    Query(_page): Query<Page>,
) -> Reply<String> {
    Reply::ok(String::new())
}

#[returns(404)]
async fn not_found() -> Reply<String> {
    Reply::not_found(String::new())
}

#[tokio::test]
async fn strange_routes_are_checked_or_said_to_be_skipped() {
    let inner = Routes::new(statuses::DOCUMENTS).route("/files/{*rest}", get(files));
    let routes = Routes::new(statuses::DOCUMENTS)
        .nest("/v2/{project_id}", inner)
        .fallback(not_found);
    let findings = Contract::new(&routes).check(routes.into_router()).await;
    assert!(findings.is_clean(), "{findings}");
    // A budget cuts what is sent, and says so.
    let routes = Routes::new(statuses::DOCUMENTS).route("/tasks/{id}", get(show));
    let findings = Contract::new(&routes)
        .budget(3)
        .check(routes.into_router())
        .await;
    assert_eq!(findings.requests, 3);
    assert_eq!(
        findings.skipped,
        ["GET /tasks/{id}: 12 of its 15 requests are over the budget of 3 and were not sent"]
    );
}
