//! With the `axum` feature: register each handler once, and get both the
//! axum [`Router`] and the [`Route`]s that the OpenAPI responses, the
//! conformance layer and the coverage report read.
//!
//! [`Routes`] mirrors axum's own router: swap `Router::new()` for
//! `Routes::new(returns_spec::DOCUMENTS)` and `axum::routing::{get, post}`
//! for [`returns::routing::{get, post}`](get). Every handler must carry
//! `#[returns(..)]`; its codes and page are read from it, without calling
//! it. Since the router and the list come from the same calls, a route
//! cannot be served without being listed.
//!
//! ```
//! use returns::routing::{Routes, get, post};
//! use returns::{returns, Reply};
//! use returns::bundled as returns_spec;
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
//! let routes = Routes::new(returns_spec::DOCUMENTS)
//!     .route("/tasks", post(deliver))
//!     .route("/tasks/{id}", get(show));
//! let listed: Vec<String> = routes.list().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
//! assert_eq!(listed, ["POST /tasks", "GET /tasks/{id}"]);
//! let router: axum::Router = routes.into_router();
//! # let _ = router;
//! # }
//! ```

use std::borrow::Cow;

use axum::Router;
use axum::handler::Handler;
use axum::routing::MethodRouter;
use http::Method;

use crate::DeclaredSet;
use crate::document::Document;
use crate::handler::Annotated;
use crate::route::{Fallback, Route};

/// A router under construction that lists, as it goes, each handler it
/// serves with the codes the handler declares.
///
/// `S` is the router's state, as in [`axum::Router<S>`].
#[must_use = "a `Routes` serves nothing until `into_router` gives its `Router` to axum"]
pub struct Routes<S = ()> {
    router: Router<S>,
    routes: Vec<Route>,
    fallbacks: Vec<Fallback>,
    documents: &'static [&'static Document],
    /// What the documents' paths start with where the service's do not.
    base: Option<String>,
}

/// The handlers of one path, by method: what [`get`], [`post`] and the
/// others give, for [`Routes::route`]. Chain more methods on it, as with
/// axum's `MethodRouter`: `get(show).delete(remove)`.
#[must_use = "a `MethodRoutes` serves nothing until it is given to `Routes::route`"]
pub struct MethodRoutes<S = ()> {
    router: MethodRouter<S>,
    handlers: Vec<Declared>,
}

/// One handler's method and what its `#[returns(..)]` says.
struct Declared {
    method: Method,
    codes: &'static [u16],
    page: Option<&'static str>,
}

fn declared<H: Annotated<M>, M>(method: Method) -> Declared {
    Declared {
        method,
        codes: <H::Set as DeclaredSet>::CODES,
        page: <H::Set as DeclaredSet>::PAGE,
    }
}

impl<S: Clone + Send + Sync + 'static> Routes<S> {
    /// No routes yet. `documents` are the pages the handlers' codes are
    /// checked against: the crate's `returns_spec::DOCUMENTS`.
    pub fn new(documents: &'static [&'static Document]) -> Routes<S> {
        Routes {
            router: Router::new(),
            routes: Vec::new(),
            fallbacks: Vec::new(),
            documents,
            base: None,
        }
    }

    /// Says that the documents write each path under `base` where the
    /// service does not: with `/v2/{project_id}`, the route `/servers`
    /// serves the documented `GET /v2/{project_id}/servers`. A route is
    /// still matched by its own path where no documented path has the base.
    /// It applies to every route, those registered before it included.
    pub fn base_path(mut self, base: &str) -> Routes<S> {
        self.base = Some(base.to_owned());
        for route in &mut self.routes {
            route.identify(self.base.as_deref());
        }
        self
    }

    /// Serves `methods` at `path` (`/tasks/{id}`), as
    /// [`axum::Router::route`] does, and lists each of its handlers.
    ///
    /// # Panics
    ///
    /// Where axum's `route` panics: a path that does not start with `/`, or
    /// a method that is already served at that path.
    #[track_caller]
    pub fn route(mut self, path: &str, methods: MethodRoutes<S>) -> Routes<S> {
        self.router = self.router.route(path, methods.router);
        for handler in methods.handlers {
            self.routes.push(Route::new(
                handler.method,
                path.to_owned(),
                handler.codes,
                handler.page,
                self.documents,
                self.base.as_deref(),
            ));
        }
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
        let base = self.base.clone();
        self.routes
            .extend(routes.routes.into_iter().map(|mut route| {
                route.path = nested(prefix, &route.path).into_owned();
                // Its operation is found by the whole path it is served at.
                route.identify(base.as_deref());
                route
            }));
        self.fallbacks
            .extend(routes.fallbacks.into_iter().map(|mut fallback| {
                fallback.prefix = nested(prefix, &fallback.prefix).into_owned();
                fallback
            }));
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
        let base = self.base.clone();
        self.routes
            .extend(routes.routes.into_iter().map(|mut route| {
                route.identify(base.as_deref());
                route
            }));
        self.fallbacks.extend(routes.fallbacks);
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
        let declared = declared::<H, M>(Method::GET);
        self.router = self.router.fallback(handler);
        self.fallbacks.push(Fallback {
            prefix: String::new(),
            declared: declared.codes,
        });
        self
    }

    /// Every route served so far, in the order it was registered: the
    /// input of `openapi::document`, `ConformanceLayer::new` and
    /// [`coverage::report`](crate::coverage::report).
    pub fn list(&self) -> &[Route] {
        &self.routes
    }

    /// The fallbacks registered with [`Routes::fallback`], for the layer.
    #[cfg(feature = "tower")]
    pub(crate) fn fallbacks(&self) -> &[Fallback] {
        &self.fallbacks
    }

    /// The axum router that serves every route. Add the conformance layer
    /// with `.layer(..)` on it, so that it runs inside the router and sees
    /// which route matched.
    pub fn into_router(self) -> Router<S> {
        self.router
    }
}

/// The path of `path` nested under `prefix`, as axum writes it in
/// `MatchedPath` (its `path_for_nested_route`): a fallback's empty path
/// is the prefix itself.
fn nested<'a>(prefix: &'a str, path: &'a str) -> Cow<'a, str> {
    if path.is_empty() || path == "/" {
        Cow::Borrowed(prefix)
    } else if let Some(stem) = prefix.strip_suffix('/') {
        Cow::Owned(format!("{stem}{path}"))
    } else {
        Cow::Owned(format!("{prefix}{path}"))
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
                    self.handlers.push(declared::<H, M>(Method::$method));
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

#[cfg(test)]
mod tests {
    use super::nested;

    #[test]
    fn nested_paths_are_joined_as_axum_joins_them() {
        assert_eq!(
            nested("/v2/{project_id}", "/groups"),
            "/v2/{project_id}/groups"
        );
        assert_eq!(nested("/v2/", "/groups"), "/v2/groups");
        assert_eq!(nested("/v2", "/"), "/v2");
        assert_eq!(nested("/v2", ""), "/v2");
    }
}
