//! The `deliver` example, served on 127.0.0.1 at an ephemeral port and asked
//! with a real HTTP client: each route answers with its declared status,
//! the conformance layer reports what the handlers did not declare, and the
//! example serves its OpenAPI document, which keeps the body schema that
//! `#[utoipa::path]` wrote.

#[path = "../examples/deliver.rs"]
mod deliver;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
// The example's handlers and this file's are checked against the bundled documents.
use http_returns::bundled as statuses;
use http_returns::conformance::Matched;
use http_returns::conformance::{ConformanceLayer, Reports};
use http_returns::{Reply, returns};
use tokio::net::{TcpListener, TcpStream};

/// Serves `app` on 127.0.0.1 at a port the system picks; returns the address.
async fn serve(app: Router) -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    let address = listener.local_addr().expect("bound address");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    address
}

/// One HTTP/1.1 request over a fresh connection: status and body text.
async fn request(
    address: std::net::SocketAddr,
    method: Method,
    path: &str,
    body: &str,
) -> (StatusCode, String) {
    let stream = TcpStream::connect(address).await.expect("connect");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("host", address.to_string())
        .body(Full::new(Bytes::from(body.to_owned())))
        .expect("request");
    let response = sender.send_request(request).await.expect("response");
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (
        status,
        String::from_utf8(body.to_vec()).expect("UTF-8 body"),
    )
}

/// The example's app with its conformance layer, and the layer's reports.
fn app() -> (Router, Reports) {
    let routes = deliver::routes();
    let conformance = ConformanceLayer::new(&routes);
    let reports = conformance.reports();
    (deliver::app(routes, conformance), reports)
}

/// A child process that is stopped when dropped: a failing assertion
/// leaves no server behind holding the test's output open.
struct Stopped(std::process::Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The whole example held to its page in-process: every answer to the
/// contract check's requests is declared and listed.
#[tokio::test(flavor = "current_thread")]
async fn the_contract_check_is_clean() {
    let routes = deliver::routes();
    let contract = http_returns::contract::Contract::new(&routes);
    // Not strict: the layer reports the router's 405, which the page lists.
    let conformance = ConformanceLayer::new(&routes);
    let findings = contract.check(deliver::app(routes, conformance)).await;
    assert!(findings.is_clean(), "{findings}");
    assert!(findings.skipped.is_empty(), "{findings}");
}

#[tokio::test(flavor = "current_thread")]
async fn each_route_answers_with_its_declared_status_and_body() {
    let (app, reports) = app();
    let address = serve(app).await;
    let cases = [
        (
            Method::POST,
            "/tasks",
            "resize disk",
            StatusCode::ACCEPTED,
            "task 0 queued",
        ),
        (
            Method::POST,
            "/tasks",
            "  ",
            StatusCode::BAD_REQUEST,
            "the task is empty",
        ),
        (
            Method::GET,
            "/tasks/0",
            "",
            StatusCode::OK,
            r#"{"id":0,"task":"resize disk"}"#,
        ),
        (
            Method::GET,
            "/tasks/abc",
            "",
            StatusCode::BAD_REQUEST,
            "Invalid URL: Cannot parse `abc` to a `u64`",
        ),
        (
            Method::GET,
            "/tasks/9",
            "",
            StatusCode::NOT_FOUND,
            "no task 9",
        ),
        (
            Method::POST,
            "/tasks",
            "reboot",
            StatusCode::ACCEPTED,
            "task 1 queued",
        ),
        (
            Method::POST,
            "/tasks",
            "one more",
            StatusCode::CONFLICT,
            "the queue is full (2 tasks)",
        ),
        (Method::DELETE, "/tasks/0", "", StatusCode::NO_CONTENT, ""),
        (
            Method::DELETE,
            "/tasks/0",
            "",
            StatusCode::NOT_FOUND,
            "no task 0",
        ),
        (
            Method::GET,
            "/tasks/0",
            "",
            StatusCode::NOT_FOUND,
            "no task 0",
        ),
    ];
    let routes = deliver::routes();
    for (method, path, body, status, text) in cases {
        let label = format!("{method} {path} {body:?}");
        let pattern = if path == "/tasks" {
            path
        } else {
            "/tasks/{id}"
        };
        let route = routes
            .list()
            .iter()
            .find(|route| route.method == method && route.path == pattern)
            .unwrap_or_else(|| panic!("no route listed for {label}"));
        assert!(
            route.declares(status.as_u16()),
            "{label}: {status} is not among the codes {:?} that `routes()` lists",
            route.declared
        );
        assert_eq!(
            request(address, method, path, body).await,
            (status, text.to_owned()),
            "{label}"
        );
    }
    assert_eq!(reports.count(), 0, "{:?}", reports.all());
}

#[test]
fn the_route_listing_reads_each_handler() {
    let routes = deliver::routes();
    let listed: Vec<(&str, &str, &[u16])> = routes
        .list()
        .iter()
        .map(|route| (route.method.as_str(), route.path.as_str(), route.declared))
        .collect();
    assert_eq!(
        listed,
        [
            ("POST", "/tasks", &[202, 400, 409][..]),
            ("GET", "/tasks/{id}", &[200, 400, 404][..]),
            ("DELETE", "/tasks/{id}", &[204, 400, 404][..]),
        ]
    );
    for route in routes.list() {
        assert_eq!(route.documents, statuses::DOCUMENTS);
        assert_eq!(route.page, None);
    }
}

/// `GET /tasks/abc`: axum's `Path<u64>` rejects `abc` with 400 before the
/// handler runs, and the handler declares it, so it is not reported; nor
/// is a request that no route matches. The router's 405 is: no handler
/// serves PUT there.
#[tokio::test(flavor = "current_thread")]
async fn the_conformance_layer_reports_the_routers_405() {
    let (app, reports) = app();
    let address = serve(app).await;
    let (status, _) = request(address, Method::GET, "/tasks/abc", "").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = request(address, Method::GET, "/tasks/7", "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = request(address, Method::GET, "/nowhere", "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // HEAD is answered by the GET handler, and held to its codes.
    let (status, _) = request(address, Method::HEAD, "/tasks/7", "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(reports.count(), 0, "{:?}", reports.all());
    for _ in 0..3 {
        let (status, _) = request(address, Method::PUT, "/tasks", "").await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    }
    let all = reports.all();
    assert_eq!(reports.count(), 3, "{all:?}");
    let [report] = all.as_slice() else {
        panic!("one report for one method, route and status: {all:?}")
    };
    assert_eq!(
        (report.matched.clone(), report.count, report.declared),
        (Matched::Route("/tasks".to_owned()), 3, &[][..])
    );
    assert_eq!(
        report.to_string(),
        "PUT /tasks answered 405 Method Not Allowed, and no handler serves PUT /tasks; 3 times"
    );
}

/// In strict mode a report is a failure: the test that sent the request panics.
#[tokio::test(flavor = "current_thread")]
#[should_panic(
    expected = "PUT /tasks answered 405 Method Not Allowed, and no handler serves PUT /tasks"
)]
async fn in_strict_mode_a_report_fails_the_test() {
    use tower::ServiceExt as _;
    let routes = deliver::routes();
    let strict = ConformanceLayer::new(&routes).strict();
    let request = axum::http::Request::put("/tasks")
        .body(axum::body::Body::empty())
        .expect("request");
    let _ = deliver::app(routes, strict).oneshot(request).await;
}

/// A declared answer passes strict mode untouched.
#[tokio::test(flavor = "current_thread")]
async fn in_strict_mode_a_declared_status_passes() {
    use tower::ServiceExt as _;
    let routes = deliver::routes();
    let strict = ConformanceLayer::new(&routes).strict();
    let request = axum::http::Request::get("/tasks/abc")
        .body(axum::body::Body::empty())
        .expect("request");
    let response = deliver::app(routes, strict)
        .oneshot(request)
        .await
        .expect("a response");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

/// `cargo run -p http-returns --all-features --example deliver -- 127.0.0.1:0`,
/// as the README runs it: it lists its routes and the coverage report on
/// stdout, and prints the layer's report of `PUT /tasks` on stderr.
#[tokio::test(flavor = "current_thread")]
async fn the_example_prints_its_coverage_and_its_reports() {
    use std::io::{BufRead, BufReader, Read};
    // `cargo test` builds the examples beside the test binaries' `deps/`.
    let test_binary = std::env::current_exe().expect("the test binary's path");
    let example = test_binary
        .parent()
        .and_then(|deps| deps.parent())
        .map(|profile| profile.join("examples").join("deliver"))
        .expect("the profile directory");
    let mut child = Stopped(
        std::process::Command::new(&example)
            .arg("127.0.0.1:0")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", example.display())),
    );
    let child = &mut child.0;
    // Read on a thread, so that an example that prints less (one built
    // before this test, by `cargo test --test serve_example`, which builds
    // no examples) fails here instead of hanging.
    let stdout = child.stdout.take().expect("stdout");
    let (sender, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    let next = || {
        lines
            .recv_timeout(std::time::Duration::from_secs(30))
            .unwrap_or_else(|_| {
                panic!(
                    "{} printed too little: run plain `cargo test`, which builds the examples",
                    example.display()
                )
            })
    };
    let first = next();
    let address: std::net::SocketAddr = first
        .strip_prefix("listening on http://")
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("{first}"));
    let shown: Vec<String> = (0..4)
        .map(|_| next().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        shown,
        [
            "POST /tasks answers [202, 400, 409]",
            "GET /tasks/{id} answers [200, 400, 404]",
            "DELETE /tasks/{id} answers [204, 400, 404]",
            "returned-values.md: no handler declares 401, 403, 405, 406, 407, 408, 500, 501, 502, 503, 504",
        ]
    );
    let (status, _) = request(address, Method::PUT, "/tasks", "").await;
    child.kill().expect("stopped");
    let _ = child.wait();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr text");
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        stderr.contains("WARN")
            && stderr.contains(
                "PUT /tasks answered 405 Method Not Allowed, and no handler serves PUT /tasks"
            ),
        "{stderr}"
    );
}

/// A body whose own response carries another status.
#[returns(202)]
async fn overriding() -> Reply<(StatusCode, &'static str)> {
    Reply::accepted((StatusCode::IM_A_TEAPOT, "short and stout"))
}

#[tokio::test(flavor = "current_thread")]
async fn the_body_cannot_override_the_declared_status() {
    let address = serve(Router::new().route("/", get(overriding))).await;
    let (status, body) = request(address, Method::GET, "/", "").await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::ACCEPTED, "short and stout")
    );
}

/// A map JSON cannot hold: its keys are not strings.
type PairKeys = std::collections::HashMap<(u8, u8), u8>;

/// A body that fails to become a response keeps its failure: a `Json`
/// whose map has non-string keys cannot serialise, and axum answers 500;
/// the declared 202 does not hide that.
#[returns(202)]
async fn unserialisable() -> Reply<axum::Json<PairKeys>> {
    Reply::accepted(axum::Json([((1, 2), 3)].into_iter().collect()))
}

#[tokio::test(flavor = "current_thread")]
async fn a_body_that_fails_keeps_its_server_error() {
    let address = serve(Router::new().route("/", get(unserialisable))).await;
    let (status, body) = request(address, Method::GET, "/", "").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    assert!(body.contains("key must be a string"), "{body}");
}

/// A reply whose status carries no content answers without the body's
/// content headers (a `String` body would say `text/plain`).
#[tokio::test(flavor = "current_thread")]
async fn a_no_content_reply_has_no_body_and_no_content_type() {
    #[returns(204)]
    fn gone() -> Reply<String> {
        Reply::no_content("left over".to_owned())
    }
    let response = axum::response::IntoResponse::into_response(gone());
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(
        response.headers().get("content-type").is_none(),
        "{:?}",
        response.headers()
    );
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    assert!(body.is_empty());
}

/// `GET /openapi.json`: a valid OpenAPI document (checked against the
/// specification's schemas and rules by openapi-spec-validator-rs) whose
/// operations answer exactly what `declared(&handler)` reads, each described
/// with the page's text.
#[tokio::test(flavor = "current_thread")]
async fn the_openapi_document_is_valid_and_holds_the_declarations() {
    use openapi_spec_validator_rs::{Options, validate};
    let address = serve(app().0).await;
    let (status, text) = request(address, Method::GET, "/openapi.json", "").await;
    assert_eq!(status, StatusCode::OK);
    let document: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let outcome = validate(&document, &Options::default());
    assert!(outcome.is_valid(), "{outcome:?}\n{text}");
    // The validator does reject: a response without its description.
    let mut broken = document.clone();
    broken["paths"]["/tasks"]["post"]["responses"]["202"]
        .as_object_mut()
        .expect("a response")
        .remove("description");
    assert!(!validate(&broken, &Options::default()).is_valid());
    let page = &statuses::returned_values::DOCUMENT;
    let operations = [
        ("post", "/tasks", http_returns::declared(&deliver::deliver)),
        ("get", "/tasks/{id}", http_returns::declared(&deliver::show)),
        (
            "delete",
            "/tasks/{id}",
            http_returns::declared(&deliver::remove),
        ),
    ];
    for (method, path, declared) in operations {
        let responses = document["paths"][path][method]["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path} has responses"));
        let mut codes = declared.to_vec();
        codes.sort_unstable();
        let keys: Vec<&str> = responses.keys().map(String::as_str).collect();
        let expected: Vec<String> = codes.iter().map(u16::to_string).collect();
        assert_eq!(keys, expected, "{method} {path}");
        for code in codes {
            let entry = page.entries_for(code).next().expect("the page lists it");
            assert_eq!(
                responses[&code.to_string()]["description"],
                entry.description,
                "{method} {path} {code}"
            );
        }
    }
    // What `#[utoipa::path]` wrote stays: the 200's JSON body schema, the
    // typed path parameter, the request body's pattern.
    let ok = &document["paths"]["/tasks/{id}"]["get"]["responses"]["200"];
    assert_eq!(
        ok["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Task",
        "{ok}"
    );
    assert_eq!(
        ok["description"],
        page.entries_for(200).next().expect("200").description
    );
    let id = &document["paths"]["/tasks/{id}"]["get"]["parameters"][0];
    assert_eq!(
        (&id["name"], &id["schema"]["type"]),
        (&"id".into(), &"integer".into())
    );
    assert_eq!(
        document["components"]["schemas"]["TaskText"]["pattern"],
        "[^ \\t\\r\\n]"
    );
    // Nothing `#[utoipa::path]` wrote was left out.
    let (_, coverage) = deliver::openapi(&deliver::routes());
    assert!(coverage.openapi.is_empty(), "{coverage}");
}
