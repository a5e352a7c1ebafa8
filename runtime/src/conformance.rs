//! With the `tower` feature: a layer that watches what the types cannot.
//!
//! The compiler proves which replies a handler's body builds. It cannot see
//! statuses that come from elsewhere: an extractor's rejection (a malformed
//! path parameter answers 400 before the handler runs), the router's 405,
//! a time-out, a panic turned into 500. [`ConformanceLayer`] sees every
//! response of the routes it wraps and reports each status that the
//! route's handler did not declare: as a `tracing` warning naming the
//! method, path, status and declared codes, and in [`Reports`], which a
//! test reads. In strict mode, for tests, a report is a panic instead.
//!
//! ```
//! use returns::conformance::ConformanceLayer;
//! use returns::http::Method;
//! use returns::{returns, Reply, Route};
//! use returns::spec as returns_spec;
//!
//! #[returns(200, 404)]
//! async fn show(id: u32) -> Reply<String> {
//!     Reply::ok(id.to_string())
//! }
//!
//! # fn main() {
//! let layer = ConformanceLayer::new([Route::new(Method::GET, "/tasks/{id}", &show, returns_spec::DOCUMENTS)]);
//! let reports = layer.reports(); // read it after requests: reports.count()
//! // router.layer(layer)
//! # assert_eq!(reports.count(), 0);
//! # }
//! ```

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use http::{Method, Request, Response, StatusCode};

use crate::Route;

/// The layer: wrap a router (or some of its routes) with it.
#[derive(Clone)]
pub struct ConformanceLayer {
    shared: Arc<Shared>,
    strict: bool,
}

struct Shared {
    routes: Vec<Route>,
    reports: Mutex<Vec<Report>>,
}

/// What the layer found, readable while the service runs.
#[derive(Clone)]
pub struct Reports {
    shared: Arc<Shared>,
}

/// A response whose status its route's handler did not declare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The request's method.
    pub method: Method,
    /// The request's path (`/tasks/abc`).
    pub path: String,
    /// The route it matched (`/tasks/{id}`).
    pub route: &'static str,
    /// The status it was answered with.
    pub status: StatusCode,
    /// What the handler for this method and route declares; empty where no
    /// handler serves the method there (the router's 405).
    pub declared: &'static [u16],
}

impl ConformanceLayer {
    /// A layer that checks the responses of `routes` (see [`Route::new`]).
    /// Requests that match none of them (the router's 404 for an unknown
    /// path) are not checked: they belong to no operation.
    pub fn new(routes: impl IntoIterator<Item = Route>) -> ConformanceLayer {
        ConformanceLayer {
            shared: Arc::new(Shared {
                routes: routes.into_iter().collect(),
                reports: Mutex::new(Vec::new()),
            }),
            strict: false,
        }
    }

    /// The same layer, for tests: a report panics with its text, so the
    /// test that sent the request fails at it (with `tower::ServiceExt::oneshot`
    /// the panic reaches the test itself).
    pub fn strict(mut self) -> ConformanceLayer {
        self.strict = true;
        self
    }

    /// A handle on the layer's reports, to read while and after it serves.
    pub fn reports(&self) -> Reports {
        Reports {
            shared: Arc::clone(&self.shared),
        }
    }
}

impl Reports {
    /// How many responses were reported so far.
    pub fn count(&self) -> usize {
        self.shared.lock().len()
    }

    /// The reports so far, oldest first.
    pub fn all(&self) -> Vec<Report> {
        self.shared.lock().clone()
    }
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Report>> {
        // A report is pushed whole, so a poisoned list is still a list.
        self.reports
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The report for `status` answered to `method path`, if it is one.
    fn check(&self, method: &Method, path: &str, status: StatusCode) -> Option<Report> {
        let (pattern, _) = self
            .routes
            .iter()
            .filter_map(|route| Some((route.path, specificity(route.path, path)?)))
            .max_by_key(|(_, literal_segments)| *literal_segments)?;
        let handler = |method: &Method| {
            self.routes
                .iter()
                .find(|route| route.path == pattern && route.method == method)
        };
        // A router answers HEAD with the GET handler where none serves HEAD.
        let declared = handler(method)
            .or_else(|| {
                (method == Method::HEAD)
                    .then(|| handler(&Method::GET))
                    .flatten()
            })
            .map_or(&[][..], |route| route.declared);
        (!declared.contains(&status.as_u16())).then(|| Report {
            method: method.clone(),
            path: path.to_owned(),
            route: pattern,
            status,
            declared,
        })
    }

    /// Logs and records `report`; in strict mode, then panics with it.
    fn report(&self, report: Report, strict: bool) {
        tracing::warn!(
            method = %report.method,
            path = %report.path,
            route = report.route,
            status = report.status.as_u16(),
            declared = ?report.declared,
            "{report}"
        );
        let text = strict.then(|| report.to_string());
        self.lock().push(report);
        if let Some(text) = text {
            panic!("{text}");
        }
    }
}

/// How well `path` matches the route `pattern` (`/tasks/{id}`,
/// `/files/{*rest}`; also axum 0.7's `:id` and `*rest`): the number of
/// literal segments, or `None` where it does not match.
fn specificity(pattern: &str, path: &str) -> Option<usize> {
    let mut literal = 0;
    let mut path_segments = path.split('/');
    for segment in pattern.split('/') {
        let is_rest = segment.starts_with("{*") || segment.starts_with('*');
        if is_rest {
            return Some(literal);
        }
        let actual = path_segments.next()?;
        let is_parameter =
            (segment.starts_with('{') && segment.ends_with('}')) || segment.starts_with(':');
        if is_parameter {
            if actual.is_empty() {
                return None;
            }
        } else if segment == actual {
            literal += 1;
        } else {
            return None;
        }
    }
    path_segments.next().is_none().then_some(literal)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} answered {}", self.method, self.path, self.status)?;
        if self.declared.is_empty() {
            write!(f, ", and no handler serves {} {}", self.method, self.route)
        } else {
            let declared: Vec<String> = self.declared.iter().map(u16::to_string).collect();
            write!(
                f,
                ", which its handler ({} {}) does not declare: it declares {}",
                self.method,
                self.route,
                declared.join(", ")
            )
        }
    }
}

impl<S> tower_layer::Layer<S> for ConformanceLayer {
    type Service = Conformance<S>;

    fn layer(&self, inner: S) -> Conformance<S> {
        Conformance {
            inner,
            shared: Arc::clone(&self.shared),
            strict: self.strict,
        }
    }
}

/// The service [`ConformanceLayer`] wraps around another.
#[derive(Clone)]
pub struct Conformance<S> {
    inner: S,
    shared: Arc<Shared>,
    strict: bool,
}

impl<S, RequestBody, ResponseBody> tower_service::Service<Request<RequestBody>> for Conformance<S>
where
    S: tower_service::Service<Request<RequestBody>, Response = Response<ResponseBody>>,
{
    type Response = Response<ResponseBody>;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<RequestBody>) -> Self::Future {
        let method = request.method().clone();
        let path = request.uri().path().to_owned();
        ResponseFuture {
            inner: self.inner.call(request),
            asked: Some(Asked {
                method,
                path,
                shared: Arc::clone(&self.shared),
                strict: self.strict,
            }),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response of a [`Conformance`] service: the inner one, checked.
    pub struct ResponseFuture<F> {
        #[pin]
        inner: F,
        asked: Option<Asked>,
    }
}

/// What a response is checked against: the request, and the layer's state.
struct Asked {
    method: Method,
    path: String,
    shared: Arc<Shared>,
    strict: bool,
}

impl<F, ResponseBody, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<Response<ResponseBody>, E>>,
{
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let output = std::task::ready!(this.inner.poll(cx));
        if let (Ok(response), Some(asked)) = (&output, this.asked.take()) {
            let shared = &asked.shared;
            if let Some(report) = shared.check(&asked.method, &asked.path, response.status()) {
                shared.report(report, asked.strict);
            }
        }
        Poll::Ready(output)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_literal_route_that_matches_wins() {
        // The empty segment before the first `/` counts for every route.
        assert_eq!(specificity("/tasks/{id}", "/tasks/abc"), Some(2));
        assert_eq!(specificity("/tasks/new", "/tasks/new"), Some(3));
        assert_eq!(specificity("/tasks/{id}", "/tasks"), None);
        assert_eq!(specificity("/tasks/{id}", "/tasks/1/more"), None);
        assert_eq!(specificity("/tasks/{id}", "/tasks/"), None);
        assert_eq!(specificity("/files/{*rest}", "/files/a/b"), Some(2));
        assert_eq!(specificity("/tasks/:id", "/tasks/7"), Some(2));
        assert_eq!(specificity("/tasks", "/groups"), None);
    }
}
