//! The conformance layer for axum: a tower `Layer` whose service finds the
//! route that answered by axum's `MatchedPath` and holds each response to
//! its handler's declaration (`super`'s tally).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::extract::MatchedPath;
use http::{Method, Request, Response, Uri};

use super::{Framework, Reports, Shared};
use crate::route::sealed::Registered as _;
use crate::routing::Routes;

/// The layer: apply it to the router that [`Routes::into_router`] gives,
/// with `Router::layer`, so that it runs inside the router.
///
/// ```
/// use http_returns::conformance::ConformanceLayer;
/// use http_returns::routing::{Routes, get};
/// use http_returns::{returns, Reply};
/// use http_returns::bundled as statuses;
///
/// #[returns(200, 404)]
/// async fn show() -> Reply<String> {
///     Reply::ok("a task".to_owned())
/// }
///
/// # fn main() {
/// let routes = Routes::new(statuses::DOCUMENTS).route("/tasks/{id}", get(show));
/// let layer = ConformanceLayer::new(&routes);
/// let reports = layer.reports(); // read it after requests: reports.count()
/// let router: axum::Router = routes.into_router().layer(layer);
/// # let _ = router;
/// # assert_eq!(reports.count(), 0);
/// # }
/// ```
#[derive(Clone)]
pub struct ConformanceLayer {
    shared: Arc<Shared>,
    strict: bool,
}

impl ConformanceLayer {
    /// A layer that checks each response against the handler that
    /// `routes` registered for its route. Requests that no route matches
    /// are held to the fallback registered with [`Routes::fallback`], if
    /// any; else the router's own 404 for them is not reported.
    pub fn new<S: Clone + Send + Sync + 'static>(routes: &Routes<S>) -> ConformanceLayer {
        ConformanceLayer {
            shared: Arc::new(Shared::new(
                routes.list(),
                routes.fallbacks(),
                Framework::Axum,
            )),
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
        Reports::of(&self.shared)
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
        Reports::of(&self.shared)
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
            .field("routes", &self.shared.paths())
            .field("strict", &self.strict)
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
                asked.uri.path(),
                asked.matched.as_ref().map(MatchedPath::as_str),
                response.status(),
                asked.strict,
            );
        }
        Poll::Ready(output)
    }
}
