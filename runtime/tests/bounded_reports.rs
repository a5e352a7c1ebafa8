//! The conformance layer's memory and logs stay bounded whatever the
//! traffic: reports are counted per method, route and status, and each is
//! logged once and at each power of two of its count. (A test binary of
//! its own: `tracing`'s per-thread subscriber misses events while other
//! tests run beside it.)

use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::{Method, Request, StatusCode};
use http_returns::bundled as statuses;
use http_returns::conformance::{ConformanceLayer, Reports};
use http_returns::routing::{Routes, get};
use http_returns::{Reply, returns};
use tower::ServiceExt as _;

/// Declares no 400, which `Path<u32>` answers for `abc`.
#[returns(200, 404)]
async fn show(Path((_project, _id)): Path<(String, u32)>) -> Reply<String> {
    Reply::not_found(String::new())
}

#[returns(200)]
async fn list() -> Reply<String> {
    Reply::ok(String::new())
}

fn app() -> (Router, Reports) {
    let routes = Routes::new(statuses::DOCUMENTS).nest(
        "/v2/{project_id}",
        Routes::new(statuses::DOCUMENTS)
            .route("/servers", get(list))
            .route("/servers/{id}", get(show)),
    );
    let conformance = ConformanceLayer::new(&routes);
    let reports = conformance.reports();
    (routes.into_router().layer(conformance), reports)
}

async fn ask(app: &Router, method: Method, path: &str) -> StatusCode {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .body(Body::empty())
        .expect("request");
    app.clone()
        .oneshot(request)
        .await
        .expect("a response")
        .status()
}

#[path = "support/captured.rs"]
mod captured;
use captured::Captured;

/// 3,000 undeclared 400s and 500 made-up methods keep two reports, and log
/// one line per report and power of two of its count: memory and logs
/// grow with routes and statuses, not with traffic.
#[tokio::test(flavor = "current_thread")]
async fn reports_and_logs_are_bounded_by_routes_and_statuses() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _default = tracing::subscriber::set_default(subscriber);
    let (app, reports) = app();
    for id in 0..3_000 {
        let path = format!("/v2/p{id}/servers/x{id}");
        assert_eq!(ask(&app, Method::GET, &path).await, StatusCode::BAD_REQUEST);
    }
    for n in 0..500 {
        let method = Method::from_bytes(format!("MADEUP{n}").as_bytes()).expect("a method");
        assert_eq!(
            ask(&app, method, "/v2/p/servers").await,
            StatusCode::METHOD_NOT_ALLOWED
        );
    }
    let all = reports.all();
    assert_eq!(reports.count(), 3_500);
    let counts: Vec<(u64, &str, &str)> = all
        .iter()
        .map(|r| (r.count, r.method.as_str(), r.path.as_str()))
        .collect();
    // The first request of each is kept as its example.
    assert_eq!(
        counts,
        [
            (3_000, "GET", "/v2/p0/servers/x0"),
            (500, "MADEUP0", "/v2/p/servers")
        ]
    );
    let logged = String::from_utf8(captured.0.lock().expect("buffer").clone()).expect("UTF-8");
    let lines: Vec<&str> = logged.lines().collect();
    // 1, 2, 4, ..., 2048 of 3,000 (12 lines) and 1, ..., 256 of 500 (9).
    assert_eq!(lines.len(), 12 + 9, "{logged}");
    assert!(lines[11].contains("; 2048 times"), "{}", lines[11]);
}
