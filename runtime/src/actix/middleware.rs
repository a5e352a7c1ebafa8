//! The conformance middleware for actix-web: the tower layer's contract
//! (see [`crate::conformance`]), finding the route that answered by
//! actix-web's match pattern.

use std::fmt;
use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use actix_web::Error;
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};

use super::convert::{method_from_actix, status_from_actix};
use super::{Routes, answered_by};
use crate::conformance::{Framework, Reports, Shared};
use crate::route::sealed::Registered as _;

/// The middleware: give it to the app with `App::wrap`, beside the routes
/// that [`Routes::configure`] adds. It watches every response the app
/// gives, finds the route that answered by actix-web's match pattern, and
/// reports each status that the route's handler did not declare: as a
/// `tracing` warning (a `log` record where no `tracing` subscriber is set,
/// as with `env_logger`), and in [`Reports`].
///
/// Memory and logs stay bounded whatever the traffic: reports are counted
/// per method, route and status, and each is logged once, then again each
/// time its count reaches a power of two.
///
/// ```
/// use actix_web::App;
/// use http_returns::actix::{Conformance, Routes, get};
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
/// let conformance = Conformance::new(&routes);
/// let reports = conformance.reports(); // read it after requests: reports.count()
/// let app = App::new()
///     .wrap(conformance)
///     .configure(|config| routes.configure(config));
/// # let _ = app;
/// # assert_eq!(reports.count(), 0);
/// # }
/// ```
#[derive(Clone)]
pub struct Conformance {
    shared: Arc<Shared>,
    strict: bool,
}

impl Conformance {
    /// A middleware that checks each response against the handler that
    /// `routes` registered for its route. Requests that no route matches
    /// are held to the default service registered with
    /// [`Routes::default_service`], if any; else actix-web's own 404 for
    /// them is not reported.
    pub fn new(routes: &Routes) -> Conformance {
        Conformance {
            shared: Arc::new(Shared::new(
                routes.routes(),
                routes.fallbacks(),
                Framework::Actix,
            )),
            strict: false,
        }
    }

    /// The same middleware, for tests: a report panics with its text.
    pub fn strict(mut self) -> Conformance {
        self.strict = true;
        self
    }

    /// A handle on the middleware's reports, to read while and after it
    /// serves; each app's middleware (one per worker) counts into it.
    pub fn reports(&self) -> Reports {
        Reports::of(&self.shared)
    }
}

impl fmt::Debug for Conformance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Conformance")
            .field("routes", &self.shared.paths())
            .field("strict", &self.strict)
            .finish_non_exhaustive()
    }
}

impl<S, B> Transform<S, ServiceRequest> for Conformance
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Transform = ConformanceMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<ConformanceMiddleware<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ConformanceMiddleware {
            service,
            shared: Arc::clone(&self.shared),
            strict: self.strict,
        }))
    }
}

/// The service [`Conformance`] wraps around the app's.
pub struct ConformanceMiddleware<S> {
    service: S,
    shared: Arc<Shared>,
    strict: bool,
}

impl<S> ConformanceMiddleware<S> {
    /// The wrapped service.
    pub fn get_ref(&self) -> &S {
        &self.service
    }

    /// A handle on the reports, as [`Conformance::reports`] gives.
    pub fn reports(&self) -> Reports {
        Reports::of(&self.shared)
    }
}

impl<S: fmt::Debug> fmt::Debug for ConformanceMiddleware<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConformanceMiddleware")
            .field("service", &self.service)
            .field("strict", &self.strict)
            .finish_non_exhaustive()
    }
}

impl<S, B> Service<ServiceRequest> for ConformanceMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Future = ResponseFuture<S::Future>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        // Kept for an answer given as an error (an authentication
        // middleware's 401), which carries no request: the method and the
        // URI are cheap to clone (a `Bytes`), the request itself may not be
        // cloned before routing.
        let asked = Asked {
            method: request.method().clone(),
            uri: request.uri().clone(),
            shared: Arc::clone(&self.shared),
        };
        ResponseFuture {
            inner: self.service.call(request),
            asked: Some(asked),
            strict: self.strict,
        }
    }
}

pin_project_lite::pin_project! {
    /// The response of a [`ConformanceMiddleware`]: the inner one, checked.
    pub struct ResponseFuture<F> {
        #[pin]
        inner: F,
        asked: Option<Asked>,
        strict: bool,
    }
}

impl<F: fmt::Debug> fmt::Debug for ResponseFuture<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl<F, B> Future for ResponseFuture<F>
where
    F: Future<Output = Result<ServiceResponse<B>, Error>>,
{
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let output = std::task::ready!(this.inner.poll(cx));
        if let Some(asked) = this.asked.take() {
            match &output {
                Ok(response) => asked.check_response(response, *this.strict),
                // The server answers an error with its response's status.
                Err(error) => asked.check_error(error, *this.strict),
            }
        }
        Poll::Ready(output)
    }
}

/// What a response is checked against: the request, and the middleware's
/// state.
struct Asked {
    method: actix_web::http::Method,
    uri: actix_web::http::Uri,
    shared: Arc<Shared>,
}

impl Asked {
    /// Holds `response` to the route that answered it.
    fn check_response<B>(self, response: &ServiceResponse<B>, strict: bool) {
        let matched = answered_by(response.request());
        self.check(response.status(), matched.as_deref(), strict);
    }

    /// Holds an answer given as `error` to the route whose template the
    /// request's path fits: the error carries no request to read it from.
    fn check_error(self, error: &Error, strict: bool) {
        let status = error.as_response_error().status_code();
        let matched = self.shared.template_of(self.uri.path());
        self.check(status, matched.as_deref(), strict);
    }

    /// Holds the answer `status` to `matched`.
    fn check(&self, status: actix_web::http::StatusCode, matched: Option<&str>, strict: bool) {
        let method = method_from_actix(&self.method);
        let status = status_from_actix(status);
        self.shared
            .check(&method, self.uri.path(), matched, status, strict);
    }
}
