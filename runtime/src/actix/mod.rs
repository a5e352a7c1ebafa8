//! With the `actix-web` feature: register each handler once, and get both
//! the actix-web service configuration and the [`Route`]s that the OpenAPI
//! responses, the conformance middleware, the coverage report and the
//! contract check read.
//!
//! [`Routes`] is the builder [`routing::Routes`](crate::routing::Routes)
//! is for axum, with actix-web's words where they differ
//! ([`Routes::default_service`], [`Routes::app_data`]): swap
//! `App::route(..)`/`web::resource(..)` for `Routes::route` and
//! `web::get()`/`web::post()` for [`get`]/[`post`], then give the routes
//! to the app with `App::configure`. Every handler must carry
//! `#[returns(..)]`; its codes and page are read from it, without calling
//! it. Since the service configuration and the list come from the same
//! calls, a route cannot be served without being listed.
//!
//! ```
//! use actix_web::{App, web};
//! use http_returns::actix::{Routes, get, post};
//! use http_returns::{returns, Reply};
//! use http_returns::bundled as statuses;
//!
//! #[returns(202, 409)]
//! async fn deliver(task: String) -> Reply<String> {
//!     Reply::accepted(task)
//! }
//!
//! #[returns(200, 404)]
//! async fn show(id: web::Path<u32>) -> Reply<String> {
//!     Reply::not_found(format!("no task {id}"))
//! }
//!
//! # fn main() {
//! let routes = Routes::new(statuses::DOCUMENTS)
//!     .route("/tasks", post(deliver))
//!     .route("/tasks/{id}", get(show));
//! let listed: Vec<String> = routes.list().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
//! assert_eq!(listed, ["POST /tasks", "GET /tasks/{id}"]);
//! let app = App::new().configure(|config| routes.configure(config));
//! # let _ = app;
//! # }
//! ```
//!
//! Routes are matched as actix-web matches resources: in the order they
//! were registered, the first that matches answering. One path is one
//! resource, whatever the number of calls that serve methods at it, so
//! that a method it does not serve gets actix-web's 405.

pub(crate) mod convert;
mod middleware;
mod reply;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use actix_web::dev::Handler;
use actix_web::web::ServiceConfig;
use actix_web::{FromRequest, Responder, guard, web};
use http::Method;

pub use middleware::{Conformance, ConformanceMiddleware, ResponseFuture};

use crate::NamedOperation;
use crate::document::Document;
use crate::handler::Annotated;
use crate::listing::{Check, Listing};
use crate::route::{Declaration, Fallback, Route};

/// Makes, for each app actix-web builds (one per worker thread), the
/// `Route` that calls a handler.
type MakeRoute = Arc<dyn Fn() -> actix_web::Route + Send + Sync>;

/// A handler as a route serves it: at a path, for a method.
#[derive(Clone)]
struct Served {
    path: String,
    method: Method,
    make: MakeRoute,
}

/// Adds something to each app's configuration: app data.
type Configure = Arc<dyn Fn(&mut ServiceConfig) + Send + Sync>;

/// A resource's own app data: the route path it was registered at, which
/// the middleware and the contract check read from an answered request.
pub(crate) struct ServedAt(pub(crate) String);

/// The route that answered `request`: the resource [`Routes::configure`]
/// registered, by the path it marked it with (actix-web puts a resource's
/// data on the request before its routes, or its 405, run), else the one
/// actix-web's match pattern names (a route added to the app directly);
/// `None` where no resource matched.
pub(crate) fn answered_by(request: &actix_web::HttpRequest) -> Option<Cow<'_, str>> {
    match request.app_data::<ServedAt>() {
        Some(served) => Some(Cow::Borrowed(served.0.as_str())),
        None => request.match_pattern().map(Cow::Owned),
    }
}

/// A service configuration under construction that lists, as it goes, each
/// handler it serves with the codes the handler declares.
///
/// It is `Clone + Send + Sync`, so one `Routes` gives each worker's `App`
/// its configuration: `HttpServer::new(move || App::new().configure(|c| routes.configure(c)))`.
#[derive(Clone)]
#[must_use = "a `Routes` serves nothing until `configure` gives it to an `App` or a `Scope`"]
pub struct Routes {
    /// Each route's handler, by path and method, in the order registered.
    handlers: Vec<Served>,
    /// Each default service, by the prefix it was nested under.
    defaults: Vec<(String, MakeRoute)>,
    data: Vec<Configure>,
    listing: Listing,
}

/// The handlers of one path, by method: what [`get`], [`post`] and the
/// others give, for [`Routes::route`]. Chain more methods on it:
/// `get(show).delete(remove)`.
#[must_use = "a `MethodRoutes` serves nothing until it is given to `Routes::route`"]
pub struct MethodRoutes {
    made: Vec<(Method, MakeRoute)>,
    handlers: Vec<(Method, Declaration)>,
}

impl fmt::Debug for Routes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Routes")
            .field("routes", &self.listing.routes)
            .field("fallbacks", &self.listing.fallbacks)
            .field("base", &self.listing.base)
            .field("app_data", &self.data.len())
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for MethodRoutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MethodRoutes")
            .field("handlers", &self.handlers)
            .finish_non_exhaustive()
    }
}

impl Routes {
    /// No routes yet. `documents` are the pages the handlers' codes are
    /// checked against: the crate's `statuses::DOCUMENTS`.
    pub fn new(documents: &'static [&'static Document]) -> Routes {
        Routes {
            handlers: Vec::new(),
            defaults: Vec::new(),
            data: Vec::new(),
            listing: Listing::new(documents, "actix-web"),
        }
    }

    /// Says that the documents write each path under `base` where the
    /// service does not: with `/v2/{project_id}`, the route `/servers`
    /// serves the documented `GET /v2/{project_id}/servers`. A route is
    /// still matched by its own path where no documented path has the base.
    /// It applies to every route, those registered before it included.
    pub fn base_path(mut self, base: &str) -> Routes {
        self.listing.base_path(base);
        self
    }

    /// Serves `methods` at `path` (`/tasks/{id}`, an actix-web resource
    /// pattern), and lists each of its handlers.
    ///
    /// # Panics
    ///
    /// Where a handler names its operation (`op =`) or its page
    /// (`page =`), the method and path must be that operation's, or one of
    /// that page's, parameter names aside: registered anywhere else, the
    /// route panics, naming the handler, its operation, its page and the
    /// route. A route that may still be nested to reach its operation is
    /// checked when it is, and at the latest by [`Routes::configure`].
    #[track_caller]
    pub fn route(mut self, path: &str, methods: MethodRoutes) -> Routes {
        for (method, make) in methods.made {
            self.handlers.push(Served {
                path: path.to_owned(),
                method,
                make,
            });
        }
        self.listing.add(path, methods.handlers);
        self
    }

    /// Serves `handler` at the operation its `#[returns(.., op = "METHOD /path")]`
    /// names: that method, at that path, with the base path
    /// ([`Routes::base_path`]) taken off its start. The operation is
    /// written once, in the attribute.
    ///
    /// A handler whose attribute names no operation does not compile here:
    ///
    /// ```compile_fail,E0277
    /// use http_returns::actix::Routes;
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
    /// let routes = Routes::new(statuses::DOCUMENTS).operation(show);
    /// # }
    /// ```
    ///
    /// Register it with [`Routes::route`] instead.
    ///
    /// # Panics
    ///
    /// Where the operation's path cannot be a resource pattern (a
    /// `{?query}` or `{path+}` template), naming the handler, its page and
    /// the template.
    #[track_caller]
    pub fn operation<H, Args, M>(mut self, handler: H) -> Routes
    where
        H: Handler<Args> + Annotated<M> + Send + Sync,
        H::Set: NamedOperation,
        Args: FromRequest + 'static,
        H::Output: Responder + 'static,
    {
        let declaration = Declaration::of::<H, M>();
        let (method, path) = self.listing.operation(&declaration);
        let make = route_for(&method, handler);
        self.handlers.push(Served {
            path: path.clone(),
            method: method.clone(),
            make,
        });
        self.listing.push(method, path, declaration);
        self
    }

    /// Serves `routes` under `prefix` (`/v2/{project_id}`), as a
    /// `web::scope` would: their paths are listed with the prefix, as
    /// actix-web's match pattern gives them. Their app data is the whole
    /// app's.
    #[track_caller]
    pub fn nest(mut self, prefix: &str, routes: Routes) -> Routes {
        let joined = |path: &str| crate::listing::nested(prefix, path).into_owned();
        self.handlers
            .extend(routes.handlers.into_iter().map(|served| Served {
                path: joined(&served.path),
                ..served
            }));
        self.defaults.extend(
            routes
                .defaults
                .into_iter()
                .map(|(path, make)| (joined(&path), make)),
        );
        self.data.extend(routes.data);
        self.listing.nest(prefix, routes.listing);
        self
    }

    /// Serves the routes of both; `routes`' are matched after these.
    #[track_caller]
    pub fn merge(mut self, routes: Routes) -> Routes {
        self.handlers.extend(routes.handlers);
        self.defaults.extend(routes.defaults);
        self.data.extend(routes.data);
        self.listing.merge(routes.listing);
        self
    }

    /// Answers the requests that no route matches with `handler`, as
    /// `App::default_service(web::to(handler))` does (under the prefix,
    /// once nested). It carries `#[returns(..)]` like any handler, and the
    /// conformance middleware holds its answers to it.
    pub fn default_service<H, Args, M>(mut self, handler: H) -> Routes
    where
        H: Handler<Args> + Annotated<M> + Send + Sync,
        Args: FromRequest + 'static,
        H::Output: Responder + 'static,
    {
        let declaration = Declaration::of::<H, M>();
        self.defaults
            .push((String::new(), Arc::new(move || web::to(handler.clone()))));
        self.listing.fallback(&declaration);
        self
    }

    /// Gives every handler `data`, as `App::app_data` does: what actix-web
    /// handlers extract with `web::Data<T>` (pass `web::Data::new(..)`) or
    /// `web::ThinData<T>`. Each worker's app gets a clone.
    ///
    /// ```
    /// use actix_web::web;
    /// use http_returns::actix::{Routes, get};
    /// use http_returns::{returns, Reply};
    /// use http_returns::bundled as statuses;
    ///
    /// struct Greeting(&'static str);
    ///
    /// #[returns(200)]
    /// async fn hello(greeting: web::Data<Greeting>) -> Reply<&'static str> {
    ///     Reply::ok(greeting.0)
    /// }
    ///
    /// # fn main() {
    /// let routes = Routes::new(statuses::DOCUMENTS)
    ///     .route("/hello", get(hello))
    ///     .app_data(web::Data::new(Greeting("hello")));
    /// assert_eq!(routes.list().len(), 1);
    /// # }
    /// ```
    pub fn app_data<U: Clone + Send + Sync + 'static>(mut self, data: U) -> Routes {
        self.data.push(Arc::new(move |config: &mut ServiceConfig| {
            config.app_data(data.clone());
        }));
        self
    }

    /// Every route served so far, in the order it was registered: the
    /// input of `openapi::document`, [`Conformance::new`] and
    /// [`Coverage::of`](crate::coverage::Coverage::of).
    pub fn list(&self) -> &[Route] {
        &self.listing.routes
    }

    /// Adds the routes to an app's (or a scope's) configuration: one
    /// resource per path, then the nested default services, innermost
    /// first, then the top-level one. Call it in the app factory:
    /// `App::new().configure(|config| routes.configure(config))`.
    ///
    /// The listed paths are the ones given to the builder: configure an
    /// app, or a scope without a prefix (`web::scope("")`, to wrap only
    /// these routes in middleware). To serve them under a prefix,
    /// [`Routes::nest`] them, so that the list, the OpenAPI document and
    /// the contract check have the prefix too.
    ///
    /// # Panics
    ///
    /// Where a route contradicts the operation or page its handler names
    /// (see [`Routes::route`]).
    #[track_caller]
    pub fn configure(&self, config: &mut ServiceConfig) {
        self.listing.hold(0, Check::Final);
        for data in &self.data {
            data(config);
        }
        // One resource per path, in the order each path first came, each
        // with its routes in the order registered: grouped in one pass.
        let mut at: HashMap<&str, usize> = HashMap::new();
        let mut resources: Vec<(&str, Vec<&Served>)> = Vec::new();
        for handler in &self.handlers {
            let path = handler.path.as_str();
            let index = *at.entry(path).or_insert_with(|| {
                resources.push((path, Vec::new()));
                resources.len() - 1
            });
            resources[index].1.push(handler);
        }
        for (path, mut routes) in resources {
            // A `HEAD` handler first: `get`'s route answers `HEAD` too.
            routes.sort_by_key(|served| served.method != Method::HEAD);
            // Marks the answers of this resource, 405 included, for the
            // middleware: cheaper than matching the path again.
            let mut resource = web::resource(path).app_data(ServedAt(path.to_owned()));
            for served in routes {
                resource = resource.route((served.make)());
            }
            config.service(resource);
        }
        let mut nested: Vec<&(String, MakeRoute)> = self
            .defaults
            .iter()
            .filter(|(prefix, _)| !prefix.is_empty())
            .collect();
        nested.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
        for (prefix, make) in nested {
            config.service(web::scope(prefix).default_service(make()));
        }
        if let Some((_, make)) = self.defaults.iter().find(|(prefix, _)| prefix.is_empty()) {
            config.default_service(make());
        }
    }
}

impl crate::route::sealed::Registered for Routes {
    fn routes(&self) -> &[Route] {
        &self.listing.routes
    }

    fn fallbacks(&self) -> &[Fallback] {
        &self.listing.fallbacks
    }
}

/// The `web::Route` maker for `handler` at `method`; `GET` also answers
/// `HEAD`, as axum's `get` does (actix-web sends no body for it).
#[track_caller]
fn route_for<H, Args>(method: &Method, handler: H) -> MakeRoute
where
    H: Handler<Args> + Send + Sync,
    Args: FromRequest + 'static,
    H::Output: Responder + 'static,
{
    let actix = convert::method_to_actix(method);
    let get = *method == Method::GET;
    Arc::new(move || {
        let route = if get {
            web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
        } else {
            web::route().method(actix.clone())
        };
        route.to(handler.clone())
    })
}

macro_rules! method_routes {
    ($($name:ident => $method:ident, $doc:literal;)*) => {
        $(
            #[doc = concat!("Serves `handler` for ", $doc, " requests: the start of a [`MethodRoutes`], as actix-web's `web::", stringify!($name), "().to(handler)`.")]
            #[track_caller]
            pub fn $name<H, Args, M>(handler: H) -> MethodRoutes
            where
                H: Handler<Args> + Annotated<M> + Send + Sync,
                Args: FromRequest + 'static,
                H::Output: Responder + 'static,
            {
                MethodRoutes {
                    made: Vec::new(),
                    handlers: Vec::new(),
                }
                .$name(handler)
            }
        )*

        impl MethodRoutes {
            $(
                #[doc = concat!("Also serves `handler` for ", $doc, " requests.")]
                #[track_caller]
                pub fn $name<H, Args, M>(mut self, handler: H) -> MethodRoutes
                where
                    H: Handler<Args> + Annotated<M> + Send + Sync,
                    Args: FromRequest + 'static,
                    H::Output: Responder + 'static,
                {
                    self.handlers.push((Method::$method, Declaration::of::<H, M>()));
                    self.made.push((Method::$method, route_for(&Method::$method, handler)));
                    self
                }
            )*
        }
    };
}

method_routes! {
    get => GET, "`GET` (and `HEAD`, answered by the same handler, as axum does)";
    post => POST, "`POST`";
    put => PUT, "`PUT`";
    patch => PATCH, "`PATCH`";
    delete => DELETE, "`DELETE`";
    head => HEAD, "`HEAD`";
    options => OPTIONS, "`OPTIONS`";
    trace => TRACE, "`TRACE`";
}
