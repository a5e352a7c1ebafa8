//! Serves the operation of `spec/returned-values.md` (task delivery) with
//! axum, each handler declaring the codes it answers with. Each handler is
//! registered once, with `http_returns::routing::Routes`, which gives both the
//! router and the route list. On start it lists the routes and what the
//! documents promise that no handler declares; it serves its OpenAPI
//! document, whose responses are the declared codes (with the body schema
//! `#[utoipa::path]` gives `GET /tasks/{id}`); and a conformance layer
//! reports on stderr every status a handler did not declare.
//!
//! ```sh
//! cargo run -p http-returns --all-features --example deliver -- 127.0.0.1:3000
//! curl -i -X POST --data 'resize disk' http://127.0.0.1:3000/tasks   # 202 Accepted
//! curl -i http://127.0.0.1:3000/tasks/0                               # 200 OK, as JSON
//! curl -i -X DELETE http://127.0.0.1:3000/tasks/0                     # 204 No Content
//! curl -i http://127.0.0.1:3000/tasks/abc     # 400 from the extractor: declared
//! curl -i -X PUT http://127.0.0.1:3000/tasks  # the router's 405: reported
//! curl http://127.0.0.1:3000/openapi.json
//! ```

use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::{Json, Router};
use http_returns::conformance::ConformanceLayer;
use http_returns::coverage::Coverage;
use http_returns::routing::{Routes, get, post};
use http_returns::{Reply, returns};
use serde::Serialize;
use utoipa::OpenApi;
use utoipa::ToSchema;
// The documents the handlers are checked against: the ones bundled with
// `http-returns`. A service mounts its own generated module here instead.
use http_returns::bundled as statuses;

/// The tasks delivered so far; `None` where one was deleted.
#[derive(Clone, Default)]
pub struct Tasks(Arc<Mutex<Vec<Option<String>>>>);

impl Tasks {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Option<String>>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// How many tasks the queue holds before it answers 409.
pub const CAPACITY: usize = 2;

/// A queued task, as `GET /tasks/{id}` answers it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Task {
    /// The task's number, as `POST /tasks` gave it.
    pub id: u64,
    /// What to do.
    pub task: String,
}

/// What `POST /tasks` takes: text with something besides blanks (spaces,
/// tabs, line ends). The pattern says so, so that a client that follows
/// the OpenAPI document never gets the 400 an empty task gets.
#[derive(ToSchema)]
#[allow(dead_code)] // a schema: `deliver` reads the body as a `String`
#[schema(example = "resize disk", pattern = "[^ \\t\\r\\n]")]
pub struct TaskText(pub String);

/// Whether `text` is only blanks: what [`TaskText`]'s pattern excludes.
fn blank(text: &str) -> bool {
    text.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
}

/// `POST /tasks`: queues the task in the body (400 for a blank one, and
/// for a body that is not UTF-8, which `String` refuses).
#[utoipa::path(
    post,
    path = "/tasks",
    request_body(content = TaskText, content_type = "text/plain", description = "What to do"),
)]
#[returns(202, 400, 409)]
pub async fn deliver(State(tasks): State<Tasks>, task: String) -> Reply<String> {
    if blank(&task) {
        return Reply::bad_request("the task is empty".to_owned());
    }
    let mut tasks = tasks.lock();
    if tasks.iter().flatten().count() >= CAPACITY {
        return Reply::conflict(format!("the queue is full ({CAPACITY} tasks)"));
    }
    tasks.push(Some(task));
    Reply::accepted(format!("task {} queued", tasks.len() - 1))
}

/// `GET /tasks/{id}`: the task, if it exists. `Path<u64>` answers 400 for
/// an id that is not a number, so the handler declares it.
#[utoipa::path(
    get,
    path = "/tasks/{id}",
    params(("id" = u64, Path, description = "The task's number")),
    responses((status = 200, description = "the task", body = Task)),
)]
#[returns(200, 400, 404)]
pub async fn show(
    State(tasks): State<Tasks>,
    Path(id): Path<u64>,
) -> Result<Reply<Json<Task>>, Reply<String>> {
    let task = usize::try_from(id)
        .ok()
        .and_then(|at| tasks.lock().get(at).cloned().flatten());
    match task {
        Some(task) => Ok(Reply::ok(Json(Task { id, task }))),
        None => Err(Reply::not_found(format!("no task {id}"))),
    }
}

/// `DELETE /tasks/{id}`: removes the task.
#[utoipa::path(
    delete,
    path = "/tasks/{id}",
    params(("id" = u64, Path, description = "The task's number")),
)]
#[returns(204, 400, 404)]
pub async fn remove(State(tasks): State<Tasks>, Path(id): Path<u64>) -> Reply<String> {
    let removed = usize::try_from(id)
        .ok()
        .and_then(|at| tasks.lock().get_mut(at).and_then(Option::take));
    match removed {
        Some(_) => Reply::no_content(String::new()),
        None => Reply::not_found(format!("no task {id}")),
    }
}

/// The operations, each handler registered once: the router serves them,
/// and the OpenAPI document, the layer and coverage read the same list.
pub fn routes() -> Routes<Tasks> {
    Routes::new(statuses::DOCUMENTS)
        .route("/tasks", post(deliver))
        .route("/tasks/{id}", get(show).delete(remove))
}

/// What `#[utoipa::path]` says of the operations: bodies and parameters.
#[derive(OpenApi)]
#[openapi(
    info(title = "Task delivery", version = "1.0.0"),
    paths(deliver, show, remove)
)]
struct Api;

/// The service's OpenAPI document, whose operations' responses are exactly
/// its handlers' declared codes, described as the page describes them, and
/// the coverage report, with what that document held that no handler
/// declares.
pub fn openapi(routes: &Routes<Tasks>) -> (utoipa::openapi::OpenApi, Coverage) {
    let mut api = Api::openapi();
    let leftovers = http_returns::openapi::document(&mut api, routes.list());
    let coverage = http_returns::coverage::Coverage::of(routes.list(), statuses::DOCUMENTS)
        .with_openapi(leftovers);
    (api, coverage)
}

/// The routes of the operation, watched by `conformance`, and
/// `GET /openapi.json`.
pub fn app(routes: Routes<Tasks>, conformance: ConformanceLayer) -> Router {
    let document = openapi(&routes)
        .0
        .to_pretty_json()
        .expect("an OpenAPI document serialises");
    routes
        .into_router()
        // Inside the router: it sees which route answered, and every
        // response of the routes, the extractors' and the router's included.
        .layer(conformance)
        .route(
            "/openapi.json",
            axum::routing::get(|| async move { ([(CONTENT_TYPE, "application/json")], document) }),
        )
        .with_state(Tasks::default())
}

#[allow(dead_code)] // The tests include this file for `app` and start their own server.
#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    // The conformance layer's reports are `tracing` warnings: printed on stderr.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let routes = routes();
    for route in routes.list() {
        println!(
            "  {:<6} {:<12} answers {:?}",
            route.method.as_str(),
            route.path,
            route.declared
        );
    }
    print!("{}", openapi(&routes).1);
    let conformance = ConformanceLayer::new(&routes);
    axum::serve(listener, app(routes, conformance)).await
}
