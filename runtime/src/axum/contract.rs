//! The contract check for axum: each request sent through the router with
//! `tower::ServiceExt::oneshot`, the route it matched read from `MatchedPath`.

use axum::Router;
use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use tower::ServiceExt as _;

use super::requests::Probe;
use std::future::Future;

use super::{Answer, Contract, Findings, catch};

impl Contract {
    /// Sends the requests to `router` (the service as it is served: its
    /// state given, its layers applied) and returns what answered with a
    /// status the declarations or the pages do not cover.
    pub async fn check(&self, router: Router) -> Findings {
        // Records, on each response, the route axum matched, if any.
        let router = router.layer(axum::middleware::from_fn(record));
        self.run(|probe| send(&router, probe)).await
    }
}

/// The route axum matched, put on the response by [`record`].
#[derive(Clone)]
struct Matched(Option<String>);

/// Middleware that puts the matched route on the response.
async fn record(request: Request, next: Next) -> Response {
    let matched = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned());
    let mut response = next.run(request).await;
    response.extensions_mut().insert(Matched(matched));
    response
}

/// Sends `probe` through `router` and reads what answered. The request is
/// built before the future, which so borrows neither.
fn send(router: &Router, probe: &Probe) -> impl Future<Output = Answer> + use<> {
    let mut request = http::Request::builder()
        .method(probe.method.clone())
        .uri(&probe.target);
    if let Some(content_type) = probe.content_type {
        request = request.header(http::header::CONTENT_TYPE, content_type);
    }
    let body = probe.body.map_or_else(Body::empty, Body::from);
    let request = request.body(body);
    let router = router.clone();
    async move {
        let request = match request {
            Ok(request) => request,
            Err(error) => return Answer::Panic(format!("the request could not be built: {error}")),
        };
        match catch::unwind(router.oneshot(request)).await {
            Ok(Ok(response)) => Answer::Status {
                status: response.status(),
                matched: response
                    .extensions()
                    .get::<Matched>()
                    .and_then(|matched| matched.0.clone()),
            },
            Ok(Err(never)) => match never {},
            Err(message) => Answer::Panic(message),
        }
    }
}
