//! The `deliver` example, served on 127.0.0.1 at an ephemeral port and asked
//! with a real HTTP client: each route answers with its declared status.

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
use returns::spec as returns_spec;
use returns::{Reply, returns};
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

#[tokio::test(flavor = "current_thread")]
async fn each_route_answers_with_its_declared_status_and_body() {
    let address = serve(deliver::app()).await;
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
        (Method::GET, "/tasks/0", "", StatusCode::OK, "resize disk"),
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
        let (_, _, codes) = routes
            .iter()
            .find(|(m, p, _)| *m == method.as_str() && *p == pattern)
            .unwrap_or_else(|| panic!("no route listed for {label}"));
        assert!(
            codes.contains(&status.as_u16()),
            "{label}: {status} is not among the codes {codes:?} that `routes()` lists"
        );
        assert_eq!(
            request(address, method, path, body).await,
            (status, text.to_owned()),
            "{label}"
        );
    }
}

#[test]
fn the_route_listing_reads_each_handler() {
    assert_eq!(
        deliver::routes(),
        [
            ("POST", "/tasks", &[202, 400, 409][..]),
            ("GET", "/tasks/{id}", &[200, 404][..]),
            ("DELETE", "/tasks/{id}", &[204, 404][..]),
        ]
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
