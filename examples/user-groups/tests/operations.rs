//! Routes find their pages by the operations the pages state: parameter
//! names do not matter, a base path the documents write can be declared
//! once, and a route two pages document is reported, not guessed. The
//! coverage report counts the operations served, and a `#[test]` check
//! fails where a handler declares a code its operation's page does not
//! list.

use axum::extract::Path;
use http_returns::coverage::{self, Coverage};
use http_returns::routing::{Routes, get, post};
use http_returns::{Document, Reply, returns};
use user_groups::statuses;

#[returns(200, 404)]
async fn show(Path(_id): Path<u32>) -> Reply<()> {
    Reply::ok(())
}

/// 409 is in `docs/`, on the page for creating a group, but not on the
/// page of the operation this handler serves.
#[returns(200, 404, 409)]
async fn show_or_conflict(Path(_id): Path<u32>) -> Reply<()> {
    Reply::ok(())
}

#[returns(201)]
async fn create() -> Reply<()> {
    Reply::created(())
}

#[returns(204)]
async fn remove(Path(_id): Path<u32>) -> Reply<()> {
    Reply::no_content(())
}

#[returns(200)]
async fn health() -> Reply<()> {
    Reply::ok(())
}

fn page_of(routes: &Routes, method: &str, path: &str) -> Option<&'static str> {
    routes
        .list()
        .iter()
        .find(|route| route.method.as_str() == method && route.path == path)
        .and_then(|route| route.operation)
        .map(|documented| documented.document.path)
}

#[test]
fn a_route_finds_its_page_whatever_its_parameters_are_called() {
    let routes: Routes = Routes::new(statuses::DOCUMENTS)
        .route("/v3/groups", post(create))
        .route("/v3/groups/{gid}", get(show).delete(remove))
        .route("/health", get(health));
    assert_eq!(
        page_of(&routes, "GET", "/v3/groups/{gid}"),
        Some("querying-user-group-details.md")
    );
    assert_eq!(
        page_of(&routes, "DELETE", "/v3/groups/{gid}"),
        Some("deleting-a-user-group.md")
    );
    // axum 0.7's `:name` is one too (`http_returns::route`'s unit tests); axum
    // 0.8 refuses it in a route.
    assert_eq!(page_of(&routes, "GET", "/health"), None);
    // The route's descriptions come from that page alone.
    let show = &routes.list()[1];
    assert_eq!(
        show.documents,
        [&statuses::querying_user_group_details::DOCUMENT]
    );
    assert_eq!(
        show.description(404),
        statuses::querying_user_group_details::DOCUMENT
            .entries_for(404)
            .next()
            .map(|entry| entry.description)
    );
}

#[test]
fn a_base_path_the_documents_write_is_declared_once() {
    // Mounted under /v3 by a gateway: the service serves /groups.
    let routes: Routes = Routes::new(statuses::DOCUMENTS)
        .route("/groups", post(create))
        .route("/groups/{id}", get(show))
        .base_path("/v3");
    assert_eq!(
        page_of(&routes, "POST", "/groups"),
        Some("creating-a-user-group.md")
    );
    assert_eq!(
        page_of(&routes, "GET", "/groups/{id}"),
        Some("querying-user-group-details.md")
    );
    // Nested under /v3, the same routes are found by their whole path.
    let nested: Routes = Routes::new(statuses::DOCUMENTS).nest(
        "/v3",
        Routes::new(statuses::DOCUMENTS).route("/groups", post(create)),
    );
    assert_eq!(
        page_of(&nested, "POST", "/v3/groups"),
        Some("creating-a-user-group.md")
    );
}

#[test]
fn a_route_two_pages_document_is_reported_not_guessed() {
    // A second page that documents `GET /v3/groups/{group_id}` too.
    let copy: &'static Document = Box::leak(Box::new(Document {
        path: "querying-a-group-again.md",
        module: "querying_a_group_again",
        ..statuses::querying_user_group_details::DOCUMENT
    }));
    let documents: &'static [&'static Document] =
        Box::leak([statuses::DOCUMENTS, &[copy]].concat().into_boxed_slice());
    let routes: Routes = Routes::new(documents).route("/v3/groups/{id}", get(show));
    let route = &routes.list()[0];
    assert_eq!(route.operation, None);
    let pages: Vec<&str> = route.ambiguous.iter().map(|d| d.document.path).collect();
    assert_eq!(
        pages,
        [
            "querying-user-group-details.md",
            "querying-a-group-again.md"
        ]
    );
    let report = Coverage::of(routes.list(), documents).to_string();
    assert!(
        report.contains(
            "  ambiguous: GET /v3/groups/{id} matches GET /v3/groups/{group_id} (querying-user-group-details.md), \
             GET /v3/groups/{group_id} (querying-a-group-again.md): name the page with `page =` or `op =`"
        ),
        "{report}"
    );
}

#[test]
fn coverage_says_which_operations_are_served_and_which_routes_are_documented() {
    let routes: Routes = Routes::new(statuses::DOCUMENTS)
        .route("/v3/groups", post(create))
        .route("/v3/groups/{id}", get(show))
        .route("/health", get(health));
    let report = Coverage::of(routes.list(), statuses::DOCUMENTS);
    assert_eq!((report.served(), report.operations.len()), (2, 3));
    let lines: Vec<String> = report.to_string().lines().map(str::to_owned).collect();
    assert_eq!(
        lines[..3],
        [
            "2 of 3 documented operations are served",
            "  not served: DELETE /v3/groups/{group_id} (deleting-a-user-group.md)",
            "  no documented operation: GET /health",
        ]
    );
    assert!(
        lines.contains(&"  GET /v3/groups/{id} does not declare 400, 401, 403, 405".to_owned()),
        "{lines:#?}"
    );
    assert!(!report.is_complete());
}

/// The check a service's `#[test]` calls: the example's own routes pass.
#[test]
fn the_example_declares_only_what_its_operations_pages_list() {
    coverage::assert_documented(user_groups::routes().list());
}

#[test]
fn a_code_not_on_the_operations_page_fails_the_check_naming_the_page() {
    let routes: Routes =
        Routes::new(statuses::DOCUMENTS).route("/v3/groups/{id}", get(show_or_conflict));
    let found = coverage::undocumented(routes.list());
    let [one] = found.as_slice() else {
        panic!("{found:?}")
    };
    assert_eq!(one.codes, [409]);
    let listed = routes.list().to_vec();
    let message = std::panic::catch_unwind(|| coverage::assert_documented(&listed))
        .expect_err("the check fails");
    let message = message.downcast_ref::<String>().expect("a message");
    assert_eq!(
        message,
        "GET /v3/groups/{id} declares 409, which querying-user-group-details.md (GET /v3/groups/{group_id}) \
         does not list: document it there, or stop declaring it; to have the compiler check this handler \
         against its page, write #[returns(200, 404, 409, op = \"GET /v3/groups/{group_id}\")]"
    );
}
