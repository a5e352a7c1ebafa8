//! With the `tower` feature: a layer that watches what the types cannot.
//!
//! The compiler proves which replies a handler's body builds. It cannot see
//! statuses that come from elsewhere: an extractor's rejection (a malformed
//! path parameter answers 400 before the handler runs), the router's 405,
//! a time-out, a panic turned into 500. [`ConformanceLayer`] sees every
//! response of the router it is layered on, finds the route that answered
//! with axum's own [`MatchedPath`], and reports each status that the
//! route's handler did not declare: as a `tracing` warning, and in
//! [`Reports`], which a test or a health endpoint reads. In strict mode,
//! for tests, a report is a panic instead.
//!
//! It also reports what no declaration covers: a route served by the
//! router but not registered with [`Routes`], and an answer given outside
//! every route, which means the layer sits outside the router (apply it
//! with `Router::layer`) or an unregistered fallback answered.
//!
//! Memory and logs stay bounded whatever the traffic: reports are counted
//! per method, route and status, keeping the first request as an example,
//! and each is logged once, then again each time its count reaches a power
//! of two.
//!
//! ```
//! use http_returns::conformance::ConformanceLayer;
//! use http_returns::routing::{Routes, get};
//! use http_returns::{returns, Reply};
//! use http_returns::bundled as statuses;
//!
//! #[returns(200, 404)]
//! async fn show() -> Reply<String> {
//!     Reply::ok("a task".to_owned())
//! }
//!
//! # fn main() {
//! let routes = Routes::new(statuses::DOCUMENTS).route("/tasks/{id}", get(show));
//! let layer = ConformanceLayer::new(&routes);
//! let reports = layer.reports(); // read it after requests: reports.count()
//! let router: axum::Router = routes.into_router().layer(layer);
//! # let _ = router;
//! # assert_eq!(reports.count(), 0);
//! # }
//! ```

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};

use axum::extract::MatchedPath;
use http::{Method, Request, Response, StatusCode, Uri};

use crate::codes::list;
use crate::route::Fallback;
use crate::routing::Routes;

/// The layer: apply it to the router that [`Routes::into_router`] gives,
/// with `Router::layer`, so that it runs inside the router.
#[derive(Clone)]
pub struct ConformanceLayer {
    shared: Arc<Shared>,
    strict: bool,
}

/// What the layer found, readable while the service runs.
#[derive(Clone)]
pub struct Reports {
    shared: Arc<Shared>,
}

/// Responses with one method, route and status that no declaration
/// covers: how many there were, and the first of them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// The first request's method.
    pub method: Method,
    /// The first request's path (`/tasks/abc`), cut at 256 bytes.
    pub path: String,
    /// What answered it.
    pub matched: Matched,
    /// The status it was answered with.
    pub status: StatusCode,
    /// What the handler that answered declares; empty where no handler
    /// serves the method there (the router's 405), or where no
    /// declaration covers the route.
    pub declared: &'static [u16],
    /// How many responses this report stands for.
    pub count: u64,
}

/// What answered a reported response.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Matched {
    /// A route registered with [`Routes`], by its path (`/tasks/{id}`).
    Route(String),
    /// A route the router serves that was not registered with [`Routes`]
    /// (added to the `Router` directly), by its path.
    Unregistered(String),
    /// The fallback registered with [`Routes::fallback`], by the prefix it
    /// was nested under (empty at the top).
    Fallback(String),
    /// No route: the layer saw no `MatchedPath`.
    Nothing,
}

/// The most bytes of a request's path a report keeps.
const PATH_KEPT: usize = 256;

struct Shared {
    table: Table,
    tally: Mutex<Tally>,
}

/// The routes, by path as `MatchedPath` gives it, and the fallbacks.
struct Table {
    at: HashMap<String, usize>,
    paths: Vec<Path>,
    /// Longest prefix first, so that the innermost fallback wins.
    fallbacks: Vec<Fallback>,
}

/// One path's handlers, by method.
struct Path {
    path: String,
    handlers: Vec<(Method, &'static [u16])>,
}

/// Where a response came from, and what covers it.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// A registered path, by its index, with what its handler for the
    /// method declares (nothing for the router's 405).
    Route(usize, &'static [u16]),
    /// A path the router serves that no `Routes` registered.
    Unregistered(&'a str),
    /// A registered fallback, by its index.
    Fallback(usize),
    /// No route matched, and no fallback was registered.
    Nothing,
}

/// The reports so far, one per key; bounded by the routes, the methods
/// and the statuses, never by traffic.
#[derive(Default)]
struct Tally {
    at: HashMap<Key, usize>,
    reports: Vec<Report>,
    /// The unregistered paths seen, numbered for [`Key`]; the router holds
    /// each, so there are no more of them than routes.
    unregistered: HashMap<String, usize>,
    total: u64,
}

/// Method, route and status, without the request: what a report counts.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    method: MethodSlot,
    source: SourceKey,
    status: u16,
}

/// A standard method, or "another one": made-up methods share one slot,
/// so that they cannot grow the tally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MethodSlot {
    Standard(u8),
    Other,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum SourceKey {
    Route(usize),
    Unregistered(usize),
    Fallback(usize),
    Nothing,
}

/// The methods HTTP defines, in the order the layer counts them; the
/// contract check tries the first seven where a path does not serve them.
pub(crate) const STANDARD: [Method; 9] = [
    Method::GET,
    Method::HEAD,
    Method::POST,
    Method::PUT,
    Method::DELETE,
    Method::PATCH,
    Method::OPTIONS,
    Method::TRACE,
    Method::CONNECT,
];

impl MethodSlot {
    fn of(method: &Method) -> MethodSlot {
        STANDARD
            .iter()
            .position(|standard| standard == method)
            .map_or(MethodSlot::Other, |at| MethodSlot::Standard(at as u8))
    }
}

impl ConformanceLayer {
    /// A layer that checks each response against the handler that
    /// `routes` registered for its route. Requests that no route matches
    /// are held to the fallback registered with [`Routes::fallback`], if
    /// any; else the router's own 404 for them is not reported.
    pub fn new<S: Clone + Send + Sync + 'static>(routes: &Routes<S>) -> ConformanceLayer {
        let mut table = Table {
            at: HashMap::new(),
            paths: Vec::new(),
            fallbacks: routes.fallbacks().to_vec(),
        };
        for route in routes.list() {
            let at = *table.at.entry(route.path.clone()).or_insert_with(|| {
                table.paths.push(Path {
                    path: route.path.clone(),
                    handlers: Vec::new(),
                });
                table.paths.len() - 1
            });
            table.paths[at]
                .handlers
                .push((route.method.clone(), route.declared));
        }
        table
            .fallbacks
            .sort_by_key(|fallback| std::cmp::Reverse(fallback.prefix.len()));
        ConformanceLayer {
            shared: Arc::new(Shared {
                table,
                tally: Mutex::new(Tally::default()),
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
    pub fn count(&self) -> u64 {
        self.shared.tally().total
    }

    /// One report per method, route and status reported so far, in the
    /// order each was first seen, with its count.
    pub fn all(&self) -> Vec<Report> {
        self.shared.tally().reports.clone()
    }
}

impl Shared {
    fn tally(&self) -> MutexGuard<'_, Tally> {
        // A report is counted whole, so a poisoned tally is still a tally.
        self.tally
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Where the answer to `method` came from: `matched` is the request's
    /// `MatchedPath`, `path` its path.
    fn source<'a>(
        &self,
        method: &Method,
        matched: Option<&'a MatchedPath>,
        path: &str,
    ) -> Source<'a> {
        let table = &self.table;
        let Some(matched) = matched else {
            return table
                .fallbacks
                .iter()
                .position(|fallback| fallback.answers(path))
                .map_or(Source::Nothing, Source::Fallback);
        };
        let Some(&at) = table.at.get(matched.as_str()) else {
            return Source::Unregistered(matched.as_str());
        };
        let handlers = &table.paths[at].handlers;
        let handler = |wanted: &Method| {
            handlers
                .iter()
                .find(|(method, _)| method == wanted)
                .map(|(_, declared)| *declared)
        };
        // axum answers HEAD with the GET handler where none serves HEAD.
        let declared = handler(method)
            .or_else(|| {
                (method == Method::HEAD)
                    .then(|| handler(&Method::GET))
                    .flatten()
            })
            .unwrap_or(&[]);
        Source::Route(at, declared)
    }

    /// Checks the answer `status` to `method uri`, and reports it if no
    /// declaration covers it.
    fn check(
        &self,
        method: &Method,
        uri: &Uri,
        matched: Option<&MatchedPath>,
        status: StatusCode,
        strict: bool,
    ) {
        let code = status.as_u16();
        let source = self.source(method, matched, uri.path());
        let covered = match source {
            Source::Route(_, declared) => declared.contains(&code),
            Source::Fallback(at) => self.table.fallbacks[at].declared.contains(&code),
            Source::Unregistered(_) => false,
            // The router's own 404 for a path it does not serve.
            Source::Nothing => status == StatusCode::NOT_FOUND,
        };
        if !covered {
            self.report(method, uri, source, status, strict);
        }
    }

    /// Counts the response; logs it the first time and at each power of
    /// two; in strict mode, then panics with it.
    #[cold]
    fn report(
        &self,
        method: &Method,
        uri: &Uri,
        source: Source<'_>,
        status: StatusCode,
        strict: bool,
    ) {
        let mut guard = self.tally();
        let tally = &mut *guard;
        let (key_source, declared) = match source {
            Source::Route(at, declared) => (SourceKey::Route(at), declared),
            Source::Fallback(at) => (SourceKey::Fallback(at), self.table.fallbacks[at].declared),
            Source::Nothing => (SourceKey::Nothing, &[][..]),
            Source::Unregistered(path) => {
                let next = tally.unregistered.len();
                let at = match tally.unregistered.get(path) {
                    Some(&at) => at,
                    None => *tally.unregistered.entry(path.to_owned()).or_insert(next),
                };
                (SourceKey::Unregistered(at), &[][..])
            }
        };
        // Named only for a new report: a count costs no allocation.
        let matched = || match source {
            Source::Route(at, _) => Matched::Route(self.table.paths[at].path.clone()),
            Source::Fallback(at) => Matched::Fallback(self.table.fallbacks[at].prefix.clone()),
            Source::Nothing => Matched::Nothing,
            Source::Unregistered(path) => Matched::Unregistered(path.to_owned()),
        };
        let key = Key {
            method: MethodSlot::of(method),
            source: key_source,
            status: status.as_u16(),
        };
        let at = *tally.at.entry(key).or_insert_with(|| {
            tally.reports.push(Report {
                method: method.clone(),
                path: kept(uri.path()),
                matched: matched(),
                status,
                declared,
                count: 0,
            });
            tally.reports.len() - 1
        });
        tally.total += 1;
        let report = &mut tally.reports[at];
        report.count += 1;
        if report.count.is_power_of_two() {
            tracing::warn!(
                method = %report.method,
                path = %report.path,
                status = report.status.as_u16(),
                declared = ?report.declared,
                count = report.count,
                "{report}"
            );
        }
        if strict {
            let text = report.to_string();
            drop(guard);
            panic!("{text}");
        }
    }
}

/// `path`, cut to at most [`PATH_KEPT`] bytes at a character boundary.
fn kept(path: &str) -> String {
    if path.len() <= PATH_KEPT {
        return path.to_owned();
    }
    let mut end = PATH_KEPT;
    while !path.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &path[..end])
}

/// `GET /tasks/abc answered 400 Bad Request, which its handler (GET
/// /tasks/{id}) does not declare: it declares 200, 404`, with the count
/// after it where there was more than one.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let method = &self.method;
        write!(f, "{method} {} answered {}", self.path, self.status)?;
        match &self.matched {
            Matched::Route(route) if self.declared.is_empty() => {
                write!(f, ", and no handler serves {method} {route}")?;
            }
            Matched::Route(route) => write!(
                f,
                ", which its handler ({method} {route}) does not declare: it declares {}",
                list(self.declared)
            )?,
            Matched::Fallback(prefix) => {
                write!(f, ", which the fallback")?;
                if !prefix.is_empty() {
                    write!(f, " under {prefix}")?;
                }
                write!(f, " does not declare: it declares {}", list(self.declared))?;
            }
            Matched::Unregistered(route) => write!(
                f,
                " from the route {route}, which is served but was not registered with \
                 http_returns::routing::Routes, so no declaration covers it"
            )?,
            Matched::Nothing => write!(
                f,
                " outside every route (no MatchedPath): register the service with \
                 http_returns::routing::Routes, and apply the layer with Router::layer, inside the router"
            )?,
        }
        if self.count > 1 {
            write!(f, "; {} times", self.count)?;
        }
        Ok(())
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

impl<S> Conformance<S> {
    /// The wrapped service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The wrapped service, mutably.
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// The wrapped service, unwrapped.
    pub fn into_inner(self) -> S {
        self.inner
    }

    /// A handle on the reports, as [`ConformanceLayer::reports`] gives.
    pub fn reports(&self) -> Reports {
        Reports {
            shared: Arc::clone(&self.shared),
        }
    }
}

impl<S: fmt::Debug> fmt::Debug for Conformance<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Conformance")
            .field("inner", &self.inner)
            .field("strict", &self.strict)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for ConformanceLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConformanceLayer")
            .field("routes", &self.shared.table.paths.len())
            .field("strict", &self.strict)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Reports {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reports")
            .field("count", &self.count())
            .finish_non_exhaustive()
    }
}

impl<F: fmt::Debug> fmt::Debug for ResponseFuture<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
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
        let asked = Asked {
            method: request.method().clone(),
            uri: request.uri().clone(),
            matched: request.extensions().get::<MatchedPath>().cloned(),
            shared: Arc::clone(&self.shared),
            strict: self.strict,
        };
        ResponseFuture {
            inner: self.inner.call(request),
            asked: Some(asked),
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
    uri: Uri,
    matched: Option<MatchedPath>,
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
            asked.shared.check(
                &asked.method,
                &asked.uri,
                asked.matched.as_ref(),
                response.status(),
                asked.strict,
            );
        }
        Poll::Ready(output)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fallback_answers_below_its_prefix() {
        let under = |path: &str, prefix: &str| {
            Fallback {
                prefix: prefix.to_owned(),
                declared: &[],
            }
            .answers(path)
        };
        assert!(under("/anything", ""));
        assert!(under("/v2", "/v2"));
        assert!(under("/v2/x/y", "/v2"));
        assert!(under("/v2/x", "/v2/"));
        assert!(!under("/v20", "/v2"));
    }

    #[test]
    fn a_long_path_is_cut_at_a_character() {
        assert_eq!(kept("/tasks/abc"), "/tasks/abc");
        let long = format!("/{}", "é".repeat(200));
        let cut = kept(&long);
        assert!(
            cut.len() <= PATH_KEPT + "…".len() && cut.ends_with('…'),
            "{cut}"
        );
        assert_eq!(MethodSlot::of(&Method::GET), MethodSlot::Standard(0));
        let made_up = Method::from_bytes(b"BREW").expect("a method");
        assert!(MethodSlot::of(&made_up) == MethodSlot::Other);
    }
}
