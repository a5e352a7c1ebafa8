//! The service on 127.0.0.1 at an ephemeral port, asked with a real HTTP
//! client: each route answers with a status its handler declares, and that
//! its page documents.

use http_body_util::BodyExt;
use hyper::body::Bytes;
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
// Integration tests are crates of their own: they mount the service's module.
use user_groups::returns_spec::{self, Status};

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

#[tokio::test(flavor = "current_thread")]
async fn each_route_answers_with_a_declared_and_documented_status() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        axum::serve(listener, user_groups::app())
            .await
            .expect("serve")
    });
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
            .iter()
            .find(|(m, p, _)| *m == method.as_str() && path.starts_with(p.trim_end_matches("{id}")))
            .expect("a route");
        assert!(
            route.2.contains(&status.as_u16()),
            "{method} {path}: {status} is declared"
        );
        let documented = Status::from_code(status.as_u16()).expect("documented in docs/");
        assert_eq!(documented, status);
    }
    assert_eq!(returns_spec::DOCUMENTS.len(), 3);
}

/// `cargo run -p user-groups -- 127.0.0.1:0`, as the README runs it: the
/// binary prints its address and routes, then serves.
#[tokio::test(flavor = "current_thread")]
async fn the_binary_lists_its_routes_and_serves() {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_user-groups"))
        .arg("127.0.0.1:0")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the service starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut next = || lines.next().expect("a line").expect("text");
    let first = next();
    let address: std::net::SocketAddr = first
        .strip_prefix("listening on http://")
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("{first}"));
    let routes = [next(), next(), next()];
    assert_eq!(
        routes.map(|line| line.split_whitespace().collect::<Vec<_>>().join(" ")),
        [
            "POST /v3/groups answers [201, 400, 409]",
            "GET /v3/groups/{id} answers [200, 404]",
            "DELETE /v3/groups/{id} answers [204, 404]",
        ]
    );
    let answer = request(address, Method::GET, "/v3/groups/7", "").await;
    child.kill().expect("stopped");
    let _ = child.wait();
    assert_eq!(answer, (StatusCode::NOT_FOUND, "no group 7".to_owned()));
}
