//! The actix-web conformance middleware's memory and logs stay bounded
//! whatever the traffic, as the tower layer's do: reports are counted per
//! method, route and status, and each is logged once and at each power of
//! two of its count. (A test binary of its own: `tracing`'s per-thread
//! subscriber misses events while other tests run beside it.)

use actix_web::http::{Method, StatusCode};
use actix_web::test as actix_test;
use actix_web::{App, web};
use http_returns::actix::{Conformance, Routes, get};
use http_returns::bundled as statuses;
use http_returns::{Reply, returns};

/// Declares no 404, which `Path<(String, u32)>` answers for `x1`.
#[returns(200, 400)]
async fn show(_path: web::Path<(String, u32)>) -> Reply<String> {
    Reply::bad_request(String::new())
}

#[returns(200)]
async fn list() -> Reply<String> {
    Reply::ok(String::new())
}

#[path = "support/captured.rs"]
mod captured;
use captured::Captured;

/// 3,000 undeclared 404s at 3,000 paths and 500 made-up methods keep two
/// reports, and log one line per report and power of two of its count.
#[actix_web::test]
async fn reports_and_logs_are_bounded_by_routes_and_statuses() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _default = tracing::subscriber::set_default(subscriber);
    let routes = Routes::new(statuses::DOCUMENTS).nest(
        "/v2/{project_id}",
        Routes::new(statuses::DOCUMENTS)
            .route("/servers", get(list))
            .route("/servers/{id}", get(show)),
    );
    let conformance = Conformance::new(&routes);
    let reports = conformance.reports();
    let app = actix_test::init_service(
        App::new()
            .wrap(conformance)
            .configure(|config| routes.configure(config)),
    )
    .await;
    for id in 0..3_000 {
        let path = format!("/v2/p{id}/servers/x{id}");
        let request = actix_test::TestRequest::get().uri(&path).to_request();
        let status = actix_test::call_service(&app, request).await.status();
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    for n in 0..500 {
        let method = Method::from_bytes(format!("MADEUP{n}").as_bytes()).expect("a method");
        let request = actix_test::TestRequest::default()
            .method(method)
            .uri("/v2/p/servers")
            .to_request();
        let status = actix_test::call_service(&app, request).await.status();
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    }
    assert_eq!(reports.count(), 3_500);
    let all = reports.all();
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
