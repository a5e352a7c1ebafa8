//! actix-web services held to their pages as axum ones are: the routes
//! builder (registration by operation, checked routes, base path, nesting,
//! merging, a default service, app data), the conformance middleware on
//! actix-web's match pattern, and the contract check through
//! `actix_web::test`, on the queue pages of `tests/queues.rs`.

use std::collections::BTreeSet;

use actix_web::http::{Method, StatusCode};
use actix_web::test as actix_test;
use actix_web::{App, web};
use http_returns::actix::{Conformance, Routes, get, post};
use http_returns::conformance::Matched;
use http_returns::contract::Contract;
use http_returns::{Reply, returns};

/// The queue pages' status module (see `tests/queues.rs`).
#[path = "queues/statuses.rs"]
mod statuses;

#[returns(200, 400, 500, op = "GET /v1.0/{project_id}/queues/{queue_name}")]
async fn show_queue(path: web::Path<(String, String)>) -> Reply<String> {
    let (_project, queue) = path.into_inner();
    if queue != "default" {
        return Reply::bad_request(format!("queue {queue} does not exist"));
    }
    Reply::ok("a queue".to_owned())
}

#[returns(200, 400, 500, op = "DELETE /v1.0/{project_id}/queues/{queue_name}")]
async fn delete_queue(_path: web::Path<(String, String)>) -> Reply<String> {
    Reply::bad_request("the queue is in use".to_owned())
}

/// A handler that names no operation, held to every page.
#[returns(200, 400)]
async fn ping(word: web::Data<&'static str>) -> Reply<&'static str> {
    Reply::ok(*word.get_ref())
}

/// A default service that declares its 400.
#[returns(400)]
async fn nowhere() -> Reply<&'static str> {
    Reply::bad_request("no such operation")
}

fn routes() -> Routes {
    Routes::new(statuses::DOCUMENTS)
        .operation(show_queue)
        .operation(delete_queue)
}

/// What `routes` lists: method and path.
fn listed(routes: &Routes) -> Vec<String> {
    routes
        .list()
        .iter()
        .map(|route| format!("{} {}", route.method, route.path))
        .collect()
}

#[actix_web::test]
async fn each_handler_is_served_at_its_operation_and_listed_with_its_page() {
    let routes = routes();
    assert_eq!(
        listed(&routes),
        [
            "GET /v1.0/{project_id}/queues/{queue_name}",
            "DELETE /v1.0/{project_id}/queues/{queue_name}"
        ]
    );
    let pages: Vec<&str> = routes
        .list()
        .iter()
        .filter_map(|route| route.own_page().map(|page| page.path))
        .collect();
    assert_eq!(pages, ["querying-a-queue.rst", "deleting-a-queue.rst"]);
    let app =
        actix_test::init_service(App::new().configure(|config| routes.configure(config))).await;
    let ask =
        |method: Method, uri: &str| actix_test::TestRequest::default().method(method).uri(uri);
    let shown = actix_test::call_service(
        &app,
        ask(Method::GET, "/v1.0/p/queues/default").to_request(),
    );
    assert_eq!(shown.await.status(), StatusCode::OK);
    let head = actix_test::call_service(
        &app,
        ask(Method::HEAD, "/v1.0/p/queues/default").to_request(),
    );
    assert_eq!(
        head.await.status(),
        StatusCode::OK,
        "HEAD is answered by GET's handler"
    );
    let deleted =
        actix_test::call_service(&app, ask(Method::DELETE, "/v1.0/p/queues/x").to_request());
    assert_eq!(deleted.await.status(), StatusCode::BAD_REQUEST);
    // One resource per path: a method it does not serve is actix-web's 405.
    let posted = actix_test::call_service(&app, ask(Method::POST, "/v1.0/p/queues/x").to_request());
    assert_eq!(posted.await.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[actix_web::test]
async fn base_path_nesting_and_merging_serve_and_list_the_same_paths() {
    let nested = Routes::new(statuses::DOCUMENTS)
        .base_path("/v1.0/{project_id}")
        .nest(
            "/v1.0/{project_id}",
            Routes::new(statuses::DOCUMENTS)
                .base_path("/v1.0/{project_id}")
                .operation(show_queue),
        )
        .merge(Routes::new(statuses::DOCUMENTS).operation(delete_queue));
    // `show_queue`'s builder takes the base path off its operation, and the
    // nest puts it back.
    assert_eq!(
        listed(&nested),
        [
            "GET /v1.0/{project_id}/queues/{queue_name}",
            "DELETE /v1.0/{project_id}/queues/{queue_name}"
        ]
    );
    assert!(nested.list().iter().all(|route| route.operation.is_some()));
    let app =
        actix_test::init_service(App::new().configure(|config| nested.configure(config))).await;
    let get = actix_test::TestRequest::get().uri("/v1.0/p/queues/default");
    assert_eq!(
        actix_test::call_service(&app, get.to_request())
            .await
            .status(),
        StatusCode::OK
    );
    let delete = actix_test::TestRequest::delete().uri("/v1.0/p/queues/default");
    assert_eq!(
        actix_test::call_service(&app, delete.to_request())
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
}

#[test]
fn a_route_written_for_the_wrong_operation_fails_at_registration() {
    let payload = std::panic::catch_unwind(|| {
        Routes::new(statuses::DOCUMENTS).route("/v1.0/{project_id}/jobs/{job_id}", get(show_queue))
    })
    .expect_err("the route contradicts the operation");
    let text = payload
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(
        text.starts_with(
            "`actix::show_queue` names the operation `GET /v1.0/{project_id}/queues/{queue_name}` \
             (documented in querying-a-queue.rst) with `op =`, but is registered at \
             `GET /v1.0/{project_id}/jobs/{job_id}`"
        ),
        "{text}"
    );
}

#[actix_web::test]
async fn app_data_and_the_default_service_reach_their_handlers() {
    let routes = Routes::new(statuses::DOCUMENTS)
        .route("/ping", get(ping))
        .app_data(web::Data::new("pong"))
        .default_service(nowhere);
    let conformance = Conformance::new(&routes).strict();
    let reports = conformance.reports();
    let app = actix_test::init_service(
        App::new()
            .wrap(conformance)
            .configure(|config| routes.configure(config)),
    )
    .await;
    let pong = actix_test::call_service(
        &app,
        actix_test::TestRequest::get().uri("/ping").to_request(),
    )
    .await;
    assert_eq!(pong.status(), StatusCode::OK);
    assert_eq!(actix_test::read_body(pong).await, "pong");
    let elsewhere = actix_test::TestRequest::get()
        .uri("/elsewhere")
        .to_request();
    assert_eq!(
        actix_test::call_service(&app, elsewhere).await.status(),
        StatusCode::BAD_REQUEST
    );
    // Both answers are declared: strict mode did not panic.
    assert_eq!(reports.count(), 0);
}

#[actix_web::test]
async fn a_nested_default_service_answers_under_its_prefix_only() {
    let routes = Routes::new(statuses::DOCUMENTS)
        .nest(
            "/v2",
            Routes::new(statuses::DOCUMENTS)
                .route("/ping", get(ping))
                .default_service(nowhere),
        )
        .app_data(web::Data::new("pong"));
    let conformance = Conformance::new(&routes);
    let reports = conformance.reports();
    let app = actix_test::init_service(
        App::new()
            .wrap(conformance)
            .configure(|config| routes.configure(config)),
    )
    .await;
    let status = |uri: &'static str| {
        let app = &app;
        async move {
            let request = actix_test::TestRequest::get().uri(uri).to_request();
            actix_test::call_service(app, request).await.status()
        }
    };
    assert_eq!(status("/v2/ping").await, StatusCode::OK);
    assert_eq!(status("/v2/elsewhere").await, StatusCode::BAD_REQUEST);
    // Outside the prefix: actix-web's own 404, which no route answers.
    assert_eq!(status("/v3/elsewhere").await, StatusCode::NOT_FOUND);
    assert_eq!(reports.count(), 0, "{:?}", reports.all());
}

#[actix_web::test]
async fn the_middleware_reports_the_routers_405_counted_once_per_route_and_status() {
    let routes = routes();
    let conformance = Conformance::new(&routes);
    let reports = conformance.reports();
    let app = actix_test::init_service(
        App::new()
            .wrap(conformance)
            .configure(|config| routes.configure(config)),
    )
    .await;
    for _ in 0..100 {
        let put = actix_test::TestRequest::put()
            .uri("/v1.0/p/queues/q")
            .to_request();
        assert_eq!(
            actix_test::call_service(&app, put).await.status(),
            StatusCode::METHOD_NOT_ALLOWED
        );
    }
    let declared = actix_test::TestRequest::get()
        .uri("/v1.0/p/queues/nope")
        .to_request();
    assert_eq!(
        actix_test::call_service(&app, declared).await.status(),
        StatusCode::BAD_REQUEST
    );
    let all = reports.all();
    assert_eq!(all.len(), 1, "{all:?}");
    let report = &all[0];
    assert_eq!(report.count, 100);
    assert_eq!(report.status.as_u16(), 405);
    assert_eq!(
        report.matched,
        Matched::Route("/v1.0/{project_id}/queues/{queue_name}".to_owned())
    );
    assert_eq!(
        report.to_string(),
        "PUT /v1.0/p/queues/q answered 405 Method Not Allowed, and no handler serves \
         PUT /v1.0/{project_id}/queues/{queue_name}; 100 times"
    );
}

#[actix_web::test]
async fn a_route_added_to_the_app_directly_is_reported_as_unregistered() {
    let routes = routes();
    let conformance = Conformance::new(&routes);
    let reports = conformance.reports();
    let app = actix_test::init_service(
        App::new()
            .wrap(conformance)
            .configure(|config| routes.configure(config))
            .route("/health", web::get().to(|| async { "ok" })),
    )
    .await;
    let health = actix_test::TestRequest::get().uri("/health").to_request();
    assert_eq!(
        actix_test::call_service(&app, health).await.status(),
        StatusCode::OK
    );
    let all = reports.all();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        all[0].to_string(),
        "GET /health answered 200 OK from the route /health, which is served but was not \
         registered with http_returns::actix::Routes, so no declaration covers it"
    );
}

#[actix_web::test]
async fn the_contract_check_finds_what_the_router_answers_and_the_pages_do_not_list() {
    let routes = routes();
    let contract = Contract::new(&routes);
    let findings = contract
        .check_actix(App::new().configure(|config| routes.configure(config)))
        .await;
    let found: BTreeSet<(String, u16)> = findings
        .findings
        .iter()
        .map(|finding| {
            let status = finding.status.map_or(0, |status| status.as_u16());
            (finding.operation.clone(), status)
        })
        .collect();
    let path = "/v1.0/{project_id}/queues/{queue_name}";
    // The same findings as the axum service of `tests/queues.rs`.
    let mut expected: BTreeSet<(String, u16)> = ["POST", "PUT", "PATCH", "OPTIONS"]
        .iter()
        .map(|method| (format!("{method} {path}"), 405))
        .collect();
    expected.insert((format!("GET {path} (querying-a-queue.rst)"), 404));
    expected.insert((format!("DELETE {path} (deleting-a-queue.rst)"), 404));
    assert_eq!(found, expected, "{findings}");
    assert!(findings.requests > 20, "{}", findings.requests);
}

#[actix_web::test]
async fn a_clean_service_passes_the_contract_check() {
    #[returns(202, 400, 404, 405, docs = http_returns::bundled)]
    async fn create(body: String) -> Reply<String> {
        if body.is_empty() {
            return Reply::bad_request("empty".to_owned());
        }
        Reply::accepted(body)
    }
    let routes = Routes::new(http_returns::bundled::DOCUMENTS).route("/tasks", post(create));
    let contract = Contract::new(&routes);
    contract
        .check_actix(App::new().configure(|config| routes.configure(config)))
        .await
        .assert_clean();
}

/// An inner middleware that answers with an error (as an authentication
/// middleware does): the error carries no request, and the middleware still
/// holds it to the route whose template the path fits.
#[actix_web::test]
async fn an_answer_given_as_an_error_is_held_to_its_route() {
    use actix_web::body::MessageBody;
    use actix_web::dev::{ServiceRequest, ServiceResponse};
    use actix_web::middleware::{Next, from_fn};

    async fn deny(
        _request: ServiceRequest,
        _next: Next<impl MessageBody>,
    ) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
        Err::<ServiceResponse<String>, _>(actix_web::error::ErrorUnauthorized("who are you"))
    }

    let routes = routes();
    let conformance = Conformance::new(&routes);
    let reports = conformance.reports();
    let app = actix_test::init_service(
        App::new()
            .wrap(from_fn(deny))
            .wrap(conformance)
            .configure(|config| routes.configure(config)),
    )
    .await;
    let request = actix_test::TestRequest::get()
        .uri("/v1.0/p/queues/default")
        .to_request();
    let answer = actix_test::try_call_service(&app, request).await;
    let status = answer.map_or_else(
        |error| error.as_response_error().status_code(),
        |r| r.status(),
    );
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let all = reports.all();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        all[0].to_string(),
        "GET /v1.0/p/queues/default answered 401 Unauthorized, which its handler \
         (GET /v1.0/{project_id}/queues/{queue_name}) does not declare: it declares 200, 400, 500"
    );
}

/// `get` answers `HEAD` too, unless the path has a `HEAD` handler of its
/// own, registered before or after it.
#[actix_web::test]
async fn a_head_handler_of_its_own_answers_head() {
    #[returns(204, docs = http_returns::bundled)]
    async fn headers_only() -> Reply<&'static str> {
        Reply::no_content("")
    }
    #[returns(200, docs = http_returns::bundled)]
    async fn whole() -> Reply<&'static str> {
        Reply::ok("whole")
    }
    let routes = Routes::new(statuses::DOCUMENTS).route("/things", get(whole).head(headers_only));
    let app =
        actix_test::init_service(App::new().configure(|config| routes.configure(config))).await;
    let head = actix_test::TestRequest::default()
        .method(Method::HEAD)
        .uri("/things")
        .to_request();
    assert_eq!(
        actix_test::call_service(&app, head).await.status(),
        StatusCode::NO_CONTENT
    );
    let get = actix_test::TestRequest::get().uri("/things").to_request();
    assert_eq!(
        actix_test::call_service(&app, get).await.status(),
        StatusCode::OK
    );
}

/// In strict mode, for tests, an undeclared answer panics with its report.
#[actix_web::test]
#[should_panic(
    expected = "PUT /v1.0/p/queues/q answered 405 Method Not Allowed, and no handler serves \
                PUT /v1.0/{project_id}/queues/{queue_name}"
)]
async fn strict_mode_panics_at_an_undeclared_answer() {
    let routes = routes();
    let conformance = Conformance::new(&routes).strict();
    let app = actix_test::init_service(
        App::new()
            .wrap(conformance)
            .configure(|config| routes.configure(config)),
    )
    .await;
    let put = actix_test::TestRequest::put()
        .uri("/v1.0/p/queues/q")
        .to_request();
    let _ = actix_test::call_service(&app, put).await;
}
