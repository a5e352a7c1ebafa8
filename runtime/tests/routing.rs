//! `Routes` and the conformance layer on the shapes real services have: a
//! router nested under a version prefix with a parameter in it, several
//! methods on one path, state, and a fallback. Also the holes the layer
//! must name instead of passing over: a route added to the `Router`
//! directly, and a layer applied outside the router.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{Method, Request, StatusCode};
use http_returns::bundled as statuses;
use http_returns::conformance::{ConformanceLayer, Matched, Reports};
use http_returns::routing::{Routes, get};
use http_returns::{Reply, returns};
use serde::Deserialize;
use tower::ServiceExt as _;

/// The servers of each project, as `(project, name)`.
#[derive(Clone, Default)]
struct Servers(Arc<Mutex<Vec<(String, String)>>>);

impl Servers {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(String, String)>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[returns(200)]
async fn list(State(servers): State<Servers>, Path(project): Path<String>) -> Reply<String> {
    let names: Vec<String> = servers
        .lock()
        .iter()
        .filter(|(owner, _)| *owner == project)
        .map(|(_, name)| name.clone())
        .collect();
    Reply::ok(names.join(","))
}

#[returns(202, 400)]
async fn create(
    State(servers): State<Servers>,
    Path(project): Path<String>,
    name: String,
) -> Reply<String> {
    if name.is_empty() {
        return Reply::bad_request("no name".to_owned());
    }
    let mut servers = servers.lock();
    servers.push((project, name));
    Reply::accepted((servers.len() - 1).to_string())
}

/// Declares no 400, which `Path<(String, u32)>` answers for `abc`.
#[returns(200, 404)]
async fn show(
    State(servers): State<Servers>,
    Path((project, id)): Path<(String, u32)>,
) -> Reply<String> {
    let servers = servers.lock();
    match usize::try_from(id).ok().and_then(|at| servers.get(at)) {
        Some((owner, name)) if *owner == project => Reply::ok(name.clone()),
        _ => Reply::not_found(String::new()),
    }
}

#[returns(204)]
async fn remove(Path((_project, _id)): Path<(String, u32)>) -> Reply<()> {
    Reply::no_content(())
}

#[derive(Deserialize)]
struct Language {
    #[allow(dead_code)] // read by serde: the query must name it
    lang: String,
}

/// The fallback declares 404; without `?lang=`, `Query` answers 400.
#[returns(404)]
async fn nothing_here(Query(_): Query<Language>) -> Reply<&'static str> {
    Reply::not_found("nothing here")
}

/// `/v2/{project_id}/servers` (GET, POST) and `/v2/{project_id}/servers/{id}`
/// (GET, DELETE), nested under the version prefix, and a fallback.
fn routes() -> Routes<Servers> {
    let servers = Routes::new(statuses::DOCUMENTS)
        .route("/servers", get(list).post(create))
        .route("/servers/{id}", get(show).delete(remove));
    Routes::new(statuses::DOCUMENTS)
        .nest("/v2/{project_id}", servers)
        .fallback(nothing_here)
}

/// The service with its layer, and the layer's reports.
fn app() -> (Router, Reports) {
    let routes = routes();
    let conformance = ConformanceLayer::new(&routes);
    let reports = conformance.reports();
    let app = routes
        .into_router()
        .layer(conformance)
        .with_state(Servers::default());
    (app, reports)
}

async fn ask(app: &Router, method: Method, path: &str, body: &str) -> StatusCode {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .body(Body::from(body.to_owned()))
        .expect("request");
    app.clone()
        .oneshot(request)
        .await
        .expect("a response")
        .status()
}

#[test]
fn nested_routes_are_listed_with_their_prefix_and_methods() {
    let routes = routes();
    let listed: Vec<String> = routes
        .list()
        .iter()
        .map(|route| format!("{} {} {:?}", route.method, route.path, route.declared))
        .collect();
    assert_eq!(
        listed,
        [
            "GET /v2/{project_id}/servers [200]",
            "POST /v2/{project_id}/servers [202, 400]",
            "GET /v2/{project_id}/servers/{id} [200, 404]",
            "DELETE /v2/{project_id}/servers/{id} [204]",
        ]
    );
}

/// Served on 127.0.0.1: the declared answers of nested routes, with state,
/// pass; an extractor's undeclared 400 is reported at the nested route, as
/// `MatchedPath` names it; the router's 405 names the path's handlers.
#[tokio::test(flavor = "current_thread")]
async fn the_layer_finds_nested_routes_by_their_matched_path() {
    let (app, reports) = app();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    let client = |method: &'static str, path: &str, body: &'static str| {
        let url = format!("http://{address}{path}");
        async move {
            let stream = tokio::net::TcpStream::connect(address)
                .await
                .expect("connect");
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
                    .await
                    .expect("handshake");
            tokio::spawn(connection);
            let request = Request::builder()
                .method(method)
                .uri(url)
                .body(http_body_util::Full::new(hyper::body::Bytes::from(body)))
                .expect("request");
            sender
                .send_request(request)
                .await
                .expect("response")
                .status()
        }
    };
    assert_eq!(
        client("POST", "/v2/p1/servers", "web").await,
        StatusCode::ACCEPTED
    );
    assert_eq!(client("GET", "/v2/p1/servers/0", "").await, StatusCode::OK);
    assert_eq!(
        client("GET", "/v2/p2/servers/0", "").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(client("GET", "/v2/p1/servers", "").await, StatusCode::OK);
    assert_eq!(
        client("DELETE", "/v2/p1/servers/0", "").await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(reports.count(), 0, "{:?}", reports.all());

    assert_eq!(
        client("GET", "/v2/p1/servers/abc", "").await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        client("PATCH", "/v2/p1/servers", "").await,
        StatusCode::METHOD_NOT_ALLOWED
    );
    let texts: Vec<String> = reports.all().iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "GET /v2/p1/servers/abc answered 400 Bad Request, which its handler (GET /v2/{project_id}/servers/{id}) does not declare: it declares 200, 404",
            "PATCH /v2/p1/servers answered 405 Method Not Allowed, and no handler serves PATCH /v2/{project_id}/servers",
        ]
    );
    assert_eq!(
        reports.all()[0].matched,
        Matched::Route("/v2/{project_id}/servers/{id}".to_owned())
    );
}

/// What no route matches goes to the fallback, which is held to its own
/// declaration.
#[tokio::test(flavor = "current_thread")]
async fn the_fallback_is_held_to_its_declaration() {
    let (app, reports) = app();
    assert_eq!(
        ask(&app, Method::GET, "/nowhere?lang=en", "").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        ask(&app, Method::GET, "/v2/p1/nowhere?lang=en", "").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(reports.count(), 0, "{:?}", reports.all());
    assert_eq!(
        ask(&app, Method::GET, "/nowhere", "").await,
        StatusCode::BAD_REQUEST
    );
    let all = reports.all();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        (all[0].matched.clone(), all[0].declared),
        (Matched::Fallback(String::new()), &[404][..])
    );
    assert_eq!(
        all[0].to_string(),
        "GET /nowhere answered 400 Bad Request, which the fallback does not declare: it declares 404"
    );
}

/// A route added to the `Router` itself, behind the layer, has no
/// declaration: the layer says so instead of passing over it.
#[tokio::test(flavor = "current_thread")]
async fn a_route_the_builder_did_not_register_is_reported() {
    let routes = routes();
    let conformance = ConformanceLayer::new(&routes);
    let reports = conformance.reports();
    let app = routes
        .into_router()
        .route("/health", axum::routing::get(|| async { "ok" }))
        .layer(conformance)
        .with_state(Servers::default());
    assert_eq!(ask(&app, Method::GET, "/health", "").await, StatusCode::OK);
    let all = reports.all();
    assert_eq!(
        all.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "GET /health answered 200 OK from the route /health, which is served but was not registered with http_returns::routing::Routes, so no declaration covers it"
        ]
    );
    assert_eq!(all[0].matched, Matched::Unregistered("/health".to_owned()));
}

/// A layer wrapped around the router from outside sees no `MatchedPath`:
/// each answer that is not a 404 (which the router gives paths it does not
/// serve) says where to put it.
#[tokio::test(flavor = "current_thread")]
async fn a_layer_outside_the_router_says_so() {
    let routes = Routes::new(statuses::DOCUMENTS).route("/servers", get(list_all));
    let conformance = ConformanceLayer::new(&routes);
    let reports = conformance.reports();
    let outside = tower::Layer::layer(&conformance, routes.into_router());
    let request = Request::get("/servers")
        .body(Body::empty())
        .expect("request");
    let status = outside.oneshot(request).await.expect("a response").status();
    assert_eq!(status, StatusCode::OK);
    let all = reports.all();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].matched, Matched::Nothing);
    assert!(
        all[0]
            .to_string()
            .ends_with("apply the layer with Router::layer, inside the router"),
        "{}",
        all[0]
    );
}

#[returns(200)]
async fn list_all() -> Reply<&'static str> {
    Reply::ok("")
}
