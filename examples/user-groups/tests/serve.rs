//! The service on 127.0.0.1 at an ephemeral port, asked with a real HTTP
//! client: each route answers with a status its handler declares, and that
//! its page documents.

use http_body_util::BodyExt;
use hyper::body::Bytes;
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
// Integration tests are crates of their own: they mount the service's module.
use user_groups::statuses::{self, Status};

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
        .header("host", "127.0.0.1")
        .body(http_body_util::Full::new(Bytes::from(body.to_owned())))
        .expect("request");
    let response = sender.send_request(request).await.expect("response");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// The service on 127.0.0.1 at a port the system picks, with its
/// conformance layer; returns the address.
async fn serve() -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let routes = user_groups::routes();
        let conformance = http_returns::conformance::ConformanceLayer::new(&routes);
        axum::serve(listener, user_groups::app(routes, conformance))
            .await
            .expect("serve")
    });
    address
}

#[tokio::test(flavor = "current_thread")]
async fn each_route_answers_with_a_declared_and_documented_status() {
    let address = serve().await;
    let cases = [
        (
            Method::POST,
            "/v3/groups",
            "admins",
            StatusCode::CREATED,
            "1",
        ),
        (
            Method::POST,
            "/v3/groups",
            "admins",
            StatusCode::CONFLICT,
            "a group named admins exists",
        ),
        (
            Method::POST,
            "/v3/groups",
            " ",
            StatusCode::BAD_REQUEST,
            "the group name is empty",
        ),
        (Method::GET, "/v3/groups/1", "", StatusCode::OK, "admins"),
        (
            Method::GET,
            "/v3/groups/admins",
            "",
            StatusCode::BAD_REQUEST,
            "Invalid URL: Cannot parse `admins` to a `u32`",
        ),
        (
            Method::GET,
            "/v3/groups/2",
            "",
            StatusCode::NOT_FOUND,
            "no group 2",
        ),
        (
            Method::DELETE,
            "/v3/groups/1",
            "",
            StatusCode::NO_CONTENT,
            "",
        ),
        (
            Method::DELETE,
            "/v3/groups/1",
            "",
            StatusCode::NOT_FOUND,
            "",
        ),
    ];
    let routes = user_groups::routes();
    for (method, path, body, status, text) in cases {
        let answer = request(address, method.clone(), path, body).await;
        assert_eq!(answer, (status, text.to_owned()), "{method} {path}");
        let route = routes
            .list()
            .iter()
            .find(|r| r.method == method && path.starts_with(r.path.trim_end_matches("{id}")))
            .expect("a route");
        assert!(
            route.declares(status.as_u16()),
            "{method} {path}: {status} is declared"
        );
        let documented = Status::from_code(status.as_u16()).expect("documented in docs/");
        assert_eq!(documented, status);
    }
    assert_eq!(statuses::DOCUMENTS.len(), 3);
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

/// `cargo run -p user-groups -- 127.0.0.1:0`, as the README runs it: the
/// binary prints its address and routes, then serves.
#[tokio::test(flavor = "current_thread")]
async fn the_binary_lists_its_routes_and_serves() {
    use std::io::{BufRead, BufReader};
    let mut child = Stopped(
        std::process::Command::new(env!("CARGO_BIN_EXE_user-groups"))
            .arg("127.0.0.1:0")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("the service starts"),
    );
    let stdout = child.0.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut next = || lines.next().expect("a line").expect("text");
    let first = next();
    let address: std::net::SocketAddr = first
        .strip_prefix("listening on http://")
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("{first}"));
    let shown: Vec<String> = (0..10)
        .map(|_| next().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        shown,
        [
            // Each route with the operation and page it was matched to.
            "POST /v3/groups answers [201, 400, 409] (POST /v3/groups, creating-a-user-group.md)",
            "GET /v3/groups/{id} answers [200, 400, 404] (GET /v3/groups/{group_id}, querying-user-group-details.md)",
            "DELETE /v3/groups/{id} answers [204, 400, 404] (DELETE /v3/groups/{group_id}, deleting-a-user-group.md)",
            // The coverage report: the operations served, and what the pages
            // list that no handler declares.
            "3 of 3 documented operations are served",
            "creating-a-user-group.md: no handler declares 401, 403, 405",
            "POST /v3/groups does not declare 401, 403, 405",
            "deleting-a-user-group.md: no handler declares 401, 403, 405",
            "DELETE /v3/groups/{id} does not declare 401, 403, 405",
            "querying-user-group-details.md: no handler declares 401, 403, 405",
            "GET /v3/groups/{id} does not declare 401, 403, 405",
        ]
    );
    let answer = request(address, Method::GET, "/v3/groups/7", "").await;
    drop(child);
    assert_eq!(answer, (StatusCode::NOT_FOUND, "no group 7".to_owned()));
}

/// `GET /openapi.json`: a valid OpenAPI document (checked by
/// openapi-spec-validator-rs against the specification's schemas and
/// rules) whose operations answer exactly the declared codes, each
/// described with its handler's page's text.
#[tokio::test(flavor = "current_thread")]
async fn the_openapi_document_is_valid_and_holds_the_declarations() {
    let address = serve().await;
    let (status, text) = request(address, Method::GET, "/openapi.json", "").await;
    assert_eq!(status, StatusCode::OK);
    let document: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let outcome = openapi_spec_validator_rs::validate(
        &document,
        &openapi_spec_validator_rs::Options::default(),
    );
    assert!(outcome.is_valid(), "{outcome:?}\n{text}");
    // Each handler's page: the one that documents its operation, found by
    // method and path (no handler names it with `page =`).
    let pages = [
        (
            "post",
            "/v3/groups",
            &statuses::creating_a_user_group::DOCUMENT,
            http_returns::declared(&user_groups::create),
        ),
        (
            "get",
            "/v3/groups/{id}",
            &statuses::querying_user_group_details::DOCUMENT,
            http_returns::declared(&user_groups::show),
        ),
        (
            "delete",
            "/v3/groups/{id}",
            &statuses::deleting_a_user_group::DOCUMENT,
            http_returns::declared(&user_groups::remove),
        ),
    ];
    for (method, path, page, declared) in pages {
        let responses = document["paths"][path][method]["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path} has responses"));
        let mut codes: Vec<u16> = declared.to_vec();
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
}
