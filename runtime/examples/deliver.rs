//! Serves the operation of `spec/returned-values.md` (task delivery) with
//! axum, each handler declaring the codes it answers with.
//!
//! ```sh
//! cargo run -p returns --features axum --example deliver -- 127.0.0.1:3000
//! curl -i -X POST --data 'resize disk' http://127.0.0.1:3000/tasks   # 202 Accepted
//! curl -i http://127.0.0.1:3000/tasks/0                               # 200 OK
//! curl -i -X DELETE http://127.0.0.1:3000/tasks/0                     # 204 No Content
//! ```

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use returns::{Reply, declared, returns};
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

/// Each route with the codes its handler declares, read from the handlers
/// without calling them: what the example prints on start.
pub fn routes() -> [(&'static str, &'static str, &'static [u16]); 3] {
    [
        ("POST", "/tasks", declared(&deliver)),
        ("GET", "/tasks/{id}", declared(&show)),
        ("DELETE", "/tasks/{id}", declared(&remove)),
    ]
}

/// The routes of the operation.
pub fn app() -> Router {
    Router::new()
        .route("/tasks", post(deliver))
        .route("/tasks/{id}", get(show).delete(remove))
        .with_state(Tasks::default())
}

#[allow(dead_code)] // The test includes this file for `app` and starts its own server.
#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    for (method, path, codes) in routes() {
        println!("  {method:<6} {path:<12} answers {codes:?}");
    }
    axum::serve(listener, app()).await
}
