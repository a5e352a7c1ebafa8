//! `Route` and `coverage`: a handler's page, as `page = <page module>` names it, and
//! the report of what the documents list that no handler declares.

use http_returns::bundled as statuses;
use http_returns::coverage::Coverage;
use http_returns::routing::{Routes, get, post};
use http_returns::{Document, Reply, returns};

/// Checked against every page of the crate's documents.
#[returns(202, 409)]
async fn deliver() -> Reply<()> {
    Reply::accepted(())
}

/// Tied to one page.
#[returns(200, 404, page = returned_values)]
async fn show() -> Reply<()> {
    Reply::ok(())
}

const PAGE: &Document = &statuses::returned_values::DOCUMENT;

/// The page's codes, ascending, without `except`.
fn page_codes_except(except: &[u16]) -> Vec<u16> {
    let mut codes: Vec<u16> = PAGE.entries.iter().map(|entry| entry.code).collect();
    codes.sort_unstable();
    codes.dedup();
    codes.retain(|code| !except.contains(code));
    codes
}

#[test]
fn a_route_reads_its_handlers_codes_and_page() {
    let routes = Routes::<()>::new(statuses::DOCUMENTS)
        .route("/tasks", post(deliver))
        .route("/tasks/{id}", get(show));
    let [route, one_page] = routes.list() else {
        panic!("two routes")
    };
    assert_eq!(route.declared, [202, 409]);
    assert_eq!(route.page, None);
    assert_eq!(route.documents, statuses::DOCUMENTS);
    let first_409 = PAGE.entries_for(409).next().expect("the page lists 409");
    assert_eq!(route.description(409), Some(first_409.description));

    assert_eq!(one_page.page, Some("returned_values"));
    assert_eq!(one_page.documents, [PAGE]);
    // Documents that do not hold the page leave the route none.
    let routes = Routes::<()>::new(&[]).route("/tasks/{id}", get(show));
    let route = &routes.list()[0];
    assert_eq!(
        (route.page, route.documents.len()),
        (Some("returned_values"), 0)
    );
    assert_eq!(route.description(200), None);
}

#[test]
fn coverage_lists_what_no_handler_declares() {
    let routes = Routes::<()>::new(statuses::DOCUMENTS)
        .route("/tasks", post(deliver))
        .route("/tasks/{id}", get(show));
    let report = Coverage::of(routes.list(), statuses::DOCUMENTS);
    let [page] = report.pages.as_slice() else {
        panic!("{report:?}")
    };
    assert_eq!(page.path, "returned-values.md");
    assert_eq!(page.undeclared, page_codes_except(&[200, 202, 404, 409]));
    // Only the handler tied to the page is held to all of its codes.
    let [gap] = page.one_page_handlers.as_slice() else {
        panic!("{report:?}")
    };
    assert_eq!(
        (gap.method.as_str(), gap.path.as_str()),
        ("GET", "/tasks/{id}")
    );
    assert_eq!(gap.missing, page_codes_except(&[200, 404]));
    assert!(!report.is_complete());
    assert!(
        report
            .to_string()
            .starts_with("returned-values.md: no handler declares 204, 400, 401,"),
        "{report}"
    );
    assert!(
        report
            .to_string()
            .contains("  GET /tasks/{id} does not declare 202, 204, 400,")
    );
}

#[test]
fn coverage_is_complete_when_every_code_is_declared() {
    #[returns(
        200, 202, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504
    )]
    async fn everything() -> Reply<()> {
        Reply::ok(())
    }
    let routes = Routes::<()>::new(statuses::DOCUMENTS).route("/", get(everything));
    let report = Coverage::of(routes.list(), statuses::DOCUMENTS);
    assert!(report.is_complete(), "{report}");
    assert_eq!(
        report.to_string(),
        "returned-values.md: every code is declared by a handler\n"
    );
}
