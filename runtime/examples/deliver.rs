//! Serves the operation of `spec/returned-values.md` (task delivery) with
//! axum, each handler declaring the codes it answers with. On start it
//! lists the routes and what the documents promise that no handler
//! declares; it serves its OpenAPI document, whose responses are the
//! declared codes; and a conformance layer reports on stderr every status
//! a handler did not declare.
//!
//! ```sh
//! cargo run -p returns --all-features --example deliver -- 127.0.0.1:3000
//! curl -i -X POST --data 'resize disk' http://127.0.0.1:3000/tasks   # 202 Accepted
//! curl -i http://127.0.0.1:3000/tasks/0                               # 200 OK
//! curl -i -X DELETE http://127.0.0.1:3000/tasks/0                     # 204 No Content
//! curl -i http://127.0.0.1:3000/tasks/abc     # 400 from the extractor: reported
//! curl http://127.0.0.1:3000/openapi.json
//! ```

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::routing::{get, post};
use returns::conformance::ConformanceLayer;
use returns::http::Method;
use returns::{Reply, Route, returns};
use utoipa::openapi::{InfoBuilder, OpenApi, OpenApiBuilder};
// The documents the handlers are checked against: the ones bundled with
// `returns`. A service mounts its own generated module here instead.
#[allow(unused_imports)] // used by the attribute, through `crate::returns_spec`
use returns::spec as returns_spec;

/// The tasks delivered so far; `None` where one was deleted.
#[derive(Clone, Default)]
pub struct Tasks(Arc<Mutex<Vec<Option<String>>>>);

/// How many tasks the queue holds before it answers 409.
pub const CAPACITY: usize = 2;

/// `POST /tasks`: queues the task in the body.
#[returns(202, 400, 409)]
pub async fn deliver(State(tasks): State<Tasks>, task: String) -> Reply<String> {
    if task.trim().is_empty() {
        return Reply::bad_request("the task is empty".to_owned());
    }
    let mut tasks = tasks
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if tasks.iter().flatten().count() >= CAPACITY {
        return Reply::conflict(format!("the queue is full ({CAPACITY} tasks)"));
    }
    tasks.push(Some(task));
    Reply::accepted(format!("task {} queued", tasks.len() - 1))
}

/// `GET /tasks/{id}`: the task, if it exists.
#[returns(200, 404)]
pub async fn show(State(tasks): State<Tasks>, Path(id): Path<usize>) -> Reply<String> {
    let tasks = tasks
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match tasks.get(id).cloned().flatten() {
        Some(task) => Reply::ok(task),
        None => Reply::not_found(format!("no task {id}")),
    }
}

/// `DELETE /tasks/{id}`: removes the task.
#[returns(204, 404)]
pub async fn remove(State(tasks): State<Tasks>, Path(id): Path<usize>) -> Reply<String> {
    let mut tasks = tasks
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match tasks.get_mut(id).and_then(Option::take) {
        Some(_) => Reply::no_content(String::new()),
        None => Reply::not_found(format!("no task {id}")),
    }
}

/// Each route with its handler's declared codes and documents, read from
/// the handlers without calling them.
pub fn routes() -> [Route; 3] {
    [
        Route::new(Method::POST, "/tasks", &deliver, returns_spec::DOCUMENTS),
        Route::new(Method::GET, "/tasks/{id}", &show, returns_spec::DOCUMENTS),
        Route::new(
            Method::DELETE,
            "/tasks/{id}",
            &remove,
            returns_spec::DOCUMENTS,
        ),
    ]
}

/// The service's OpenAPI document: each operation's responses are exactly
/// its handler's declared codes, described as the page describes them.
pub fn openapi() -> OpenApi {
    let info = InfoBuilder::new()
        .title("Task delivery")
        .version("1.0.0")
        .build();
    let mut api = OpenApiBuilder::new().info(info).build();
    returns::openapi::document(&mut api, &routes());
    api
}

/// The routes of the operation, watched by `conformance`, and
/// `GET /openapi.json`.
pub fn app(conformance: ConformanceLayer) -> Router {
    let document = openapi()
        .to_pretty_json()
        .expect("an OpenAPI document serialises");
    Router::new()
        .route("/tasks", post(deliver))
        .route("/tasks/{id}", get(show).delete(remove))
        // Sees every response of the routes above, the extractors' and the
        // router's included.
        .layer(conformance)
        .route(
            "/openapi.json",
            get(|| async move { ([(CONTENT_TYPE, "application/json")], document) }),
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
    for route in routes() {
        println!(
            "  {:<6} {:<12} answers {:?}",
            route.method.as_str(),
            route.path,
            route.declared
        );
    }
    print!("{}", returns::coverage(&routes(), returns::spec::DOCUMENTS));
    axum::serve(listener, app(ConformanceLayer::new(routes()))).await
}
