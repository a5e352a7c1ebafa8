//! With the `axum` feature: register each handler once, and get both the
//! axum [`Router`] and the [`Route`]s that the OpenAPI responses, the
//! conformance layer and the coverage report read.
//!
//! [`Routes`] mirrors axum's own router: swap `Router::new()` for
//! `Routes::new(statuses::DOCUMENTS)` and `axum::routing::{get, post}`
//! for [`http_returns::routing::{get, post}`](get). Every handler must carry
//! `#[returns(..)]`; its codes and page are read from it, without calling
//! it. Since the router and the list come from the same calls, a route
//! cannot be served without being listed.
//!
//! ```
//! use http_returns::routing::{Routes, get, post};
//! use http_returns::{returns, Reply};
//! use http_returns::bundled as statuses;
//!
//! #[returns(202, 409)]
//! async fn deliver(task: String) -> Reply<String> {
//!     Reply::accepted(task)
//! }
//!
//! #[returns(200, 404)]
//! async fn show() -> Reply<String> {
//!     Reply::not_found(String::new())
//! }
//!
//! # fn main() {
//! let routes = Routes::new(statuses::DOCUMENTS)
//!     .route("/tasks", post(deliver))
//!     .route("/tasks/{id}", get(show));
//! let listed: Vec<String> = routes.list().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
//! assert_eq!(listed, ["POST /tasks", "GET /tasks/{id}"]);
//! let router: axum::Router = routes.into_router();
//! # let _ = router;
//! # }
//! ```

use std::fmt;

use axum::Router;
use axum::handler::Handler;
use axum::routing::{MethodFilter, MethodRouter};
use http::Method;

use crate::NamedOperation;
use crate::document::Document;
use crate::handler::Annotated;
use crate::listing::{Check, Listing};
use crate::route::{Declaration, Fallback, Route};

/// A router under construction that lists, as it goes, each handler it
/// serves with the codes the handler declares.
///
/// `S` is the router's state, as in [`axum::Router<S>`].
#[must_use = "a `Routes` serves nothing until `into_router` gives its `Router` to axum"]
pub struct Routes<S = ()> {
    router: Router<S>,
    listing: Listing,
}

/// The handlers of one path, by method: what [`get`], [`post`] and the
/// others give, for [`Routes::route`]. Chain more methods on it, as with
/// axum's `MethodRouter`: `get(show).delete(remove)`.
#[must_use = "a `MethodRoutes` serves nothing until it is given to `Routes::route`"]
pub struct MethodRoutes<S = ()> {
    router: MethodRouter<S>,
    handlers: Vec<(Method, Declaration)>,
}

impl<S> fmt::Debug for Routes<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Routes")
            .field("routes", &self.listing.routes)
            .field("fallbacks", &self.listing.fallbacks)
            .field("base", &self.listing.base)
            .finish_non_exhaustive()
    }
}

impl<S> fmt::Debug for MethodRoutes<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MethodRoutes")
            .field("handlers", &self.handlers)
            .finish_non_exhaustive()
    }
}

impl<S: Clone + Send + Sync + 'static> Routes<S> {
    /// No routes yet. `documents` are the pages the handlers' codes are
    /// checked against: the crate's `statuses::DOCUMENTS`.
    pub fn new(documents: &'static [&'static Document]) -> Routes<S> {
        Routes {
            router: Router::new(),
            listing: Listing::new(documents, "axum"),
        }
    }

    /// Says that the documents write each path under `base` where the
    /// service does not: with `/v2/{project_id}`, the route `/servers`
    /// serves the documented `GET /v2/{project_id}/servers`. A route is
    /// still matched by its own path where no documented path has the base.
    /// It applies to every route, those registered before it included.
    pub fn base_path(mut self, base: &str) -> Routes<S> {
        self.listing.base_path(base);
        self
    }

    /// Serves `methods` at `path` (`/tasks/{id}`), as
    /// [`axum::Router::route`] does, and lists each of its handlers.
    ///
    /// # Panics
    ///
    /// Where axum's `route` panics: a path that does not start with `/`, or
    /// a method that is already served at that path.
    ///
    /// Where a handler names its operation (`op =`) or its page
    /// (`page =`), the method and path must be that operation's, or one of
    /// that page's, parameter names aside: registered anywhere else, the
    /// route panics, naming the handler, its operation, its page and the
    /// route. A route that may still be nested to reach its operation is
    /// checked when it is, and at the latest by [`Routes::into_router`].
    #[track_caller]
    pub fn route(mut self, path: &str, methods: MethodRoutes<S>) -> Routes<S> {
        self.router = self.router.route(path, methods.router);
        self.listing.add(path, methods.handlers);
        self
    }

    /// Serves `handler` at the operation its `#[returns(.., op = "METHOD /path")]`
    /// names: that method, at that path, with the base path
    /// ([`Routes::base_path`]) taken off its start. The operation is
    /// written once, in the attribute; the route list, the OpenAPI
    /// document and the conformance layer read it from there.
    ///
    /// ```text
    /// #[returns(201, 400, 409, op = "POST /v3/groups")]
    /// async fn create(name: String) -> Reply<String> { .. }
    ///
    /// let routes = Routes::new(statuses::DOCUMENTS).operation(create); // POST /v3/groups
    /// ```
    ///
    /// (`examples/user-groups` registers its three handlers so, against its
    /// own pages; the bundled documents state no operation.) A handler
    /// whose attribute names no operation does not compile here:
    ///
    /// ```compile_fail,E0277
    /// use http_returns::routing::Routes;
    /// use http_returns::{returns, Reply};
    /// use http_returns::bundled as statuses;
    ///
    /// #[returns(200, 404)]
    /// async fn show() -> Reply<String> {
    ///     Reply::ok("a task".to_owned())
    /// }
    ///
    /// # fn main() {
    /// // error: this handler names no operation to be registered at
    /// let routes = Routes::<()>::new(statuses::DOCUMENTS).operation(show);
    /// # }
    /// ```
    ///
    /// Register it with [`Routes::route`] instead.
    ///
    /// # Panics
    ///
    /// Where the operation's path cannot be an axum path (a `{?query}` or
    /// `{path+}` template), naming the handler, its page and the template;
    /// and where axum's `route` panics (a method served twice at a path).
    #[track_caller]
    pub fn operation<H, T, M>(mut self, handler: H) -> Routes<S>
    where
        H: Handler<T, S> + Annotated<M>,
        H::Set: NamedOperation,
        T: 'static,
    {
        let declaration = Declaration::of::<H, M>();
        let (method, path) = self.listing.operation(&declaration);
        let filter = match MethodFilter::try_from(method.clone()) {
            Ok(filter) => filter,
            Err(_) => panic!(
                "`{}` names the operation `{}`, whose method axum cannot route",
                declaration.handler,
                declaration.op.unwrap_or_default(),
            ),
        };
        self.router = self.router.route(&path, axum::routing::on(filter, handler));
        self.listing.push(method, path, declaration);
        self
    }

    /// Serves `routes` under `prefix` (`/v2/{project_id}`), as
    /// [`axum::Router::nest`] does; their paths are listed with the
    /// prefix, as axum's `MatchedPath` gives them.
    ///
    /// # Panics
    ///
    /// Where axum's `nest` panics: a prefix that is empty or `/`, or that
    /// overlaps a route already served.
    #[track_caller]
    pub fn nest(mut self, prefix: &str, routes: Routes<S>) -> Routes<S> {
        self.router = self.router.nest(prefix, routes.router);
        self.listing.nest(prefix, routes.listing);
        self
    }

    /// Serves the routes of both, as [`axum::Router::merge`] does.
    ///
    /// # Panics
    ///
    /// Where axum's `merge` panics: a method served at the same path by
    /// both, or a fallback in both.
    #[track_caller]
    pub fn merge(mut self, routes: Routes<S>) -> Routes<S> {
        self.router = self.router.merge(routes.router);
        self.listing.merge(routes.listing);
        self
    }

    /// Answers the requests that no route matches with `handler`, as
    /// [`axum::Router::fallback`] does. It carries `#[returns(..)]` like
    /// any handler, and the conformance layer holds its answers to it.
    pub fn fallback<H, T, M>(mut self, handler: H) -> Routes<S>
    where
        H: Handler<T, S> + Annotated<M>,
        T: 'static,
    {
        let declaration = Declaration::of::<H, M>();
        self.router = self.router.fallback(handler);
        self.listing.fallback(&declaration);
        self
    }

    /// Gives the router its state, as [`axum::Router::with_state`] does:
    /// the routes stay listed, and the result needs state `S2` (usually
    /// `()`, ready for [`Routes::into_router`] and `axum::serve`).
    ///
    /// ```
    /// use http_returns::routing::{Routes, get};
    /// use http_returns::{returns, Reply};
    /// use http_returns::bundled as statuses;
    ///
    /// #[derive(Clone)]
    /// struct Greeting(&'static str);
    ///
    /// #[returns(200)]
    /// async fn hello(axum::extract::State(greeting): axum::extract::State<Greeting>) -> Reply<&'static str> {
    ///     Reply::ok(greeting.0)
    /// }
    ///
    /// # fn main() {
    /// let routes: Routes = Routes::new(statuses::DOCUMENTS)
    ///     .route("/hello", get(hello))
    ///     .with_state(Greeting("hello"));
    /// assert_eq!(routes.list().len(), 1);
    /// let router: axum::Router = routes.into_router();
    /// # let _ = router;
    /// # }
    /// ```
    pub fn with_state<S2>(self, state: S) -> Routes<S2> {
        Routes {
            router: self.router.with_state(state),
            listing: self.listing,
        }
    }

    /// Every route served so far, in the order it was registered: the
    /// input of `openapi::document`, `ConformanceLayer::new` and
    /// [`Coverage::of`](crate::coverage::Coverage::of).
    pub fn list(&self) -> &[Route] {
        &self.listing.routes
    }

    /// The axum router that serves every route. Add the conformance layer
    /// with `.layer(..)` on it, so that it runs inside the router and sees
    /// which route matched.
    ///
    /// # Panics
    ///
    /// Where a route contradicts the operation or page its handler names
    /// (see [`Routes::route`]).
    #[track_caller]
    pub fn into_router(self) -> Router<S> {
        self.listing.hold(0, Check::Final);
        self.router
    }
}

impl<S> crate::route::sealed::Registered for Routes<S> {
    fn routes(&self) -> &[Route] {
        &self.listing.routes
    }

    fn fallbacks(&self) -> &[Fallback] {
        &self.listing.fallbacks
    }
}

macro_rules! method_routes {
    ($($name:ident => $method:ident, $doc:literal;)*) => {
        $(
            #[doc = concat!("Serves `handler` for ", $doc, " requests: the start of a [`MethodRoutes`], as axum's `", stringify!($name), "`.")]
            pub fn $name<H, T, M, S>(handler: H) -> MethodRoutes<S>
            where
                H: Handler<T, S> + Annotated<M>,
                T: 'static,
                S: Clone + Send + Sync + 'static,
            {
                MethodRoutes {
                    router: MethodRouter::new(),
                    handlers: Vec::new(),
                }
                .$name(handler)
            }
        )*

        impl<S: Clone + Send + Sync + 'static> MethodRoutes<S> {
            $(
                #[doc = concat!("Also serves `handler` for ", $doc, " requests.")]
                #[track_caller]
                pub fn $name<H, T, M>(mut self, handler: H) -> MethodRoutes<S>
                where
                    H: Handler<T, S> + Annotated<M>,
                    T: 'static,
                {
                    self.handlers.push((Method::$method, Declaration::of::<H, M>()));
                    self.router = self.router.$name(handler);
                    self
                }
            )*
        }
    };
}

method_routes! {
    get => GET, "`GET` (and `HEAD`, which axum answers with it)";
    post => POST, "`POST`";
    put => PUT, "`PUT`";
    patch => PATCH, "`PATCH`";
    delete => DELETE, "`DELETE`";
    head => HEAD, "`HEAD`";
    options => OPTIONS, "`OPTIONS`";
    trace => TRACE, "`TRACE`";
}
