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

use std::borrow::Cow;
use std::fmt;

use axum::Router;
use axum::handler::Handler;
use axum::routing::{MethodFilter, MethodRouter};
use http::Method;

use crate::NamedOperation;
use crate::document::Document;
use crate::handler::Annotated;
use crate::route::{Declaration, Fallback, Route, same_template, split_operation, template_shape};

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
    handlers: Vec<(Method, Declaration)>,
}

impl<S> fmt::Debug for Routes<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Routes")
            .field("routes", &self.routes)
            .field("fallbacks", &self.fallbacks)
            .field("base", &self.base)
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
        let from = self.routes.len();
        for (method, declaration) in methods.handlers {
            self.routes.push(Route::new(
                method,
                path.to_owned(),
                declaration,
                self.documents,
                self.base.as_deref(),
            ));
        }
        self.hold(from, Check::NestingMayFollow);
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
        let op = declaration.op.unwrap_or_default();
        let (method, template) = match served_operation(op) {
            Ok(served) => served,
            Err(why) => panic!(
                "`{}` cannot be registered at its operation `{op}`{}: {why}",
                declaration.handler,
                self.page_path(declaration.page)
                    .map_or_else(String::new, |path| format!(" (documented in {path})")),
            ),
        };
        let path = self.served_path(template);
        let filter = match MethodFilter::try_from(method.clone()) {
            Ok(filter) => filter,
            Err(_) => panic!(
                "`{}` names the operation `{op}`, whose method axum cannot route",
                declaration.handler
            ),
        };
        self.router = self.router.route(&path, axum::routing::on(filter, handler));
        self.routes.push(Route::new(
            method,
            path,
            declaration,
            self.documents,
            self.base.as_deref(),
        ));
        self
    }

    /// The path a documented `template` is served at: without the base
    /// path, and written as a route already registered with the same
    /// shape writes it (axum refuses one path under two spellings of its
    /// parameters).
    fn served_path(&self, template: &str) -> String {
        let path = self
            .base
            .as_deref()
            .and_then(|base| under_base(base, template))
            .unwrap_or_else(|| template.to_owned());
        self.routes
            .iter()
            .find(|route| same_template(&route.path, &path))
            .map_or(path, |route| route.path.clone())
    }

    /// The path of the page whose module is `module`.
    fn page_path(&self, module: Option<&str>) -> Option<&'static str> {
        let module = module?;
        self.documents
            .iter()
            .find(|document| document.module == module)
            .map(|document| document.path)
    }

    /// Panics if a route from `from` on contradicts what its handler
    /// names. With [`Check::NestingMayFollow`], a route whose path may
    /// still be nested to reach the operation waits.
    #[track_caller]
    fn hold(&self, from: usize, check: Check) {
        let base = self.base.as_deref();
        for route in &self.routes[from..] {
            let Some(why) = route.contradiction(base) else {
                continue;
            };
            if check == Check::NestingMayFollow && may_nest_into(route, self.documents) {
                continue;
            }
            panic!("{why}");
        }
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
        self.hold(0, Check::NestingMayFollow);
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
        self.hold(0, Check::NestingMayFollow);
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
        self.fallbacks.push(Fallback {
            prefix: String::new(),
            declared: declaration.codes,
        });
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
            routes: self.routes,
            fallbacks: self.fallbacks,
            documents: self.documents,
            base: self.base,
        }
    }

    /// Every route served so far, in the order it was registered: the
    /// input of `openapi::document`, `ConformanceLayer::new` and
    /// [`Coverage::of`](crate::coverage::Coverage::of).
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
    ///
    /// # Panics
    ///
    /// Where a route contradicts the operation or page its handler names
    /// (see [`Routes::route`]).
    #[track_caller]
    pub fn into_router(self) -> Router<S> {
        self.hold(0, Check::Final);
        self.router
    }
}

/// Whether a contradiction found now is final.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    /// The routes may still be nested under a prefix.
    NestingMayFollow,
    /// They are served as they are.
    Final,
}

/// Whether `route`'s path, nested under some prefix, could be the
/// operation its handler names (or one its page states): its shape ends
/// the operation's, segment for segment, and is shorter.
fn may_nest_into(route: &Route, documents: &[&Document]) -> bool {
    let tail = template_shape(&route.path);
    let ends = |template: &str| {
        let whole = template_shape(template);
        whole.len() > tail.len() && whole.ends_with(&tail) && (tail.starts_with('/'))
    };
    if let Some(op) = route.op {
        return ends(split_operation(op).map_or("", |(_, path)| path));
    }
    let Some(module) = route.page else {
        return false;
    };
    documents
        .iter()
        .filter(|document| document.module == module)
        .flat_map(|document| document.operations)
        .any(|operation| ends(operation.path))
}

/// The method and path template of `op` (`POST /v3/groups`), if axum can
/// serve it: a path from `/` whose parameters are `{name}`, or a last
/// `{*name}`; else why not.
fn served_operation(op: &str) -> Result<(Method, &str), String> {
    let (method, path) =
        split_operation(op).ok_or_else(|| "it is not a method and a path".to_owned())?;
    let method = Method::from_bytes(method.as_bytes())
        .map_err(|_| format!("`{method}` is not an HTTP method"))?;
    if !path.starts_with('/') {
        return Err(format!("the path `{path}` does not start with `/`"));
    }
    let segments: Vec<&str> = path.split('/').collect();
    for (at, segment) in segments.iter().enumerate() {
        if let Some(name) = segment.strip_prefix(':') {
            return Err(format!(
                "the segment `{segment}` is a parameter in a form axum does not read: write it `{{{name}}}`"
            ));
        }
        let mut rest = *segment;
        while let Some(open) = rest.find(['{', '}']) {
            let Some(close) = rest[open..]
                .find('}')
                .filter(|_| rest[open..].starts_with('{'))
            else {
                return Err(format!("the segment `{segment}` has unbalanced braces"));
            };
            let inside = &rest[open + 1..open + close];
            let (catch_all, name) = match inside.strip_prefix('*') {
                Some(name) => (true, name),
                None => (false, inside),
            };
            let plain = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !plain {
                return Err(format!(
                    "the parameter `{{{inside}}}` is not a name axum can match: the template \
                     `{path}` is not a path a router serves (register the handler with `.route(..)` \
                     at a path written for axum)"
                ));
            }
            if catch_all && (at + 1 != segments.len() || *segment != format!("{{{inside}}}")) {
                return Err(format!(
                    "the catch-all `{{{inside}}}` is not a whole last segment, as axum needs it"
                ));
            }
            rest = &rest[open + close + 1..];
        }
    }
    Ok((method, path))
}

/// `template` with `base` taken off its start (`/v2/{project_id}` and
/// `/v2/{p}/servers` give `/servers`), if it starts with it, parameter
/// names aside.
fn under_base(base: &str, template: &str) -> Option<String> {
    let base: Vec<&str> = base.trim_end_matches('/').split('/').collect();
    let parts: Vec<&str> = template.split('/').collect();
    if parts.len() < base.len()
        || base
            .iter()
            .zip(&parts)
            .any(|(b, p)| template_shape(b) != template_shape(p))
    {
        return None;
    }
    let rest = parts[base.len()..].join("/");
    Some(format!("/{rest}"))
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
