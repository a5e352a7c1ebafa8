//! The service's binary, as `cargo run -p user-groups-actix` starts it, on
//! 127.0.0.1 at a port the system picks, asked over a socket: each route
//! answers with a status its handler declares and its page lists,
//! `/openapi.json` is a valid OpenAPI document, and the conformance
//! middleware reports the router's undeclared 405 on stderr.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, ChildStderr, Command, Stdio};

use user_groups_actix::statuses::{self, Status};

/// A child process that is stopped when dropped: a failing assertion
/// leaves no server behind holding the test's output open.
struct Stopped(Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The binary, started on an ephemeral port; its address, the lines it
/// printed before serving, and its stderr.
fn start() -> (Stopped, SocketAddr, Vec<String>, ChildStderr) {
    let mut child = Stopped(
        Command::new(env!("CARGO_BIN_EXE_user-groups-actix"))
            .arg("127.0.0.1:0")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the service starts"),
    );
    let stdout = child.0.stdout.take().expect("stdout");
    let stderr = child.0.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stdout).lines();
    let mut next = || lines.next().expect("a line").expect("text");
    let first = next();
    let address: SocketAddr = first
        .strip_prefix("listening on http://")
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("{first}"));
    let shown = (0..10)
        .map(|_| next().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    (child, address, shown, stderr)
}

/// `method path` with `body`, over a new connection: the status and the body.
fn request(address: SocketAddr, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: text/plain\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("an answer");
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("{head}"));
    (status, body.to_owned())
}

#[test]
fn the_binary_lists_its_routes_and_each_answers_a_declared_and_documented_status() {
    let (_child, address, shown, _stderr) = start();
    assert_eq!(
        shown,
        [
            "POST /v3/groups answers [201, 400, 409] (POST /v3/groups, creating-a-user-group.md)",
            "GET /v3/groups/{id} answers [200, 400, 404] (GET /v3/groups/{group_id}, querying-user-group-details.md)",
            "DELETE /v3/groups/{id} answers [204, 400, 404] (DELETE /v3/groups/{group_id}, deleting-a-user-group.md)",
            "3 of 3 documented operations are served",
            "creating-a-user-group.md: no handler declares 401, 403, 405",
            "POST /v3/groups does not declare 401, 403, 405",
            "deleting-a-user-group.md: no handler declares 401, 403, 405",
            "DELETE /v3/groups/{id} does not declare 401, 403, 405",
            "querying-user-group-details.md: no handler declares 401, 403, 405",
            "GET /v3/groups/{id} does not declare 401, 403, 405",
        ]
    );
    let cases = [
        ("POST", "/v3/groups", "admins", 201, "1"),
        (
            "POST",
            "/v3/groups",
            "admins",
            409,
            "a group named admins exists",
        ),
        ("POST", "/v3/groups", " ", 400, "the group name is empty"),
        ("GET", "/v3/groups/1", "", 200, "admins"),
        ("GET", "/v3/groups/0", "", 400, "group ids start at 1"),
        ("GET", "/v3/groups/2", "", 404, "no group 2"),
        ("DELETE", "/v3/groups/1", "", 204, ""),
        ("DELETE", "/v3/groups/1", "", 404, ""),
    ];
    let routes = user_groups_actix::routes();
    for (method, path, body, status, text) in cases {
        let answer = request(address, method, path, body);
        assert_eq!(answer, (status, text.to_owned()), "{method} {path}");
        let route = routes
            .list()
            .iter()
            .find(|r| r.method == method && path.starts_with(r.path.trim_end_matches("{id}")))
            .expect("a route");
        assert!(
            route.declares(status),
            "{method} {path}: {status} is declared"
        );
        let documented = Status::from_code(status).expect("documented in the pages");
        assert_eq!(documented.code(), status);
    }
    assert_eq!(statuses::DOCUMENTS.len(), 3);
}

/// `GET /openapi.json`: a valid OpenAPI document (checked by
/// openapi-spec-validator-rs) whose operations answer exactly the declared
/// codes, described with their pages' text.
#[test]
fn the_openapi_document_is_valid_and_holds_the_declarations() {
    let (_child, address, _, _stderr) = start();
    let (status, text) = request(address, "GET", "/openapi.json", "");
    assert_eq!(status, 200);
    let document: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let outcome = openapi_spec_validator_rs::validate(
        &document,
        &openapi_spec_validator_rs::Options::default(),
    );
    assert!(outcome.is_valid(), "{outcome:?}\n{text}");
    let responses = &document["paths"]["/v3/groups/{id}"]["delete"]["responses"];
    let codes: Vec<&String> = responses.as_object().expect("responses").keys().collect();
    assert_eq!(codes, ["204", "400", "404"]);
    assert_eq!(
        responses["204"]["description"],
        "The user group is deleted successfully."
    );
}

/// The router's 405 for a method the path does not serve: no handler
/// declares it, so the middleware writes a warning, once, then at powers
/// of two.
#[test]
fn the_middleware_reports_the_routers_405_on_stderr() {
    let (child, address, _, stderr) = start();
    for _ in 0..4 {
        assert_eq!(request(address, "PUT", "/v3/groups", "x").0, 405);
    }
    // The openapi route is outside the middleware's scope: not reported.
    assert_eq!(request(address, "GET", "/openapi.json", "").0, 200);
    drop(child);
    let mut log = String::new();
    BufReader::new(stderr)
        .read_to_string(&mut log)
        .expect("stderr");
    let warnings: Vec<&str> = log.lines().filter(|line| line.contains(" WARN ")).collect();
    assert_eq!(warnings.len(), 3, "the 1st, 2nd and 4th: {log}");
    assert!(
        warnings[0].ends_with(
            "PUT /v3/groups answered 405 Method Not Allowed, and no handler serves PUT /v3/groups method=PUT path=/v3/groups status=405 declared=[] count=1"
        ),
        "{log}"
    );
}
