//! With the `tower` (axum) or `actix-web` feature: the contract check, a
//! `#[test]` that holds the whole service to its pages without a server or
//! a socket.
//!
//! The compiler proves what a handler's body builds; the check covers what
//! it cannot see: what the extractors, the router and the layers answer.
//! For each route the `Routes` builder registered, it sends requests made
//! from the route's template through the router, in-process
//! ([`Contract::check`]: axum's router, with `tower::ServiceExt::oneshot`;
//! [`Contract::check_actix`]: an actix-web `App`, with `actix_web::test`): path parameters of several shapes (a
//! number, a word, nothing, 2,048 characters, percent-encoded non-ASCII),
//! every method the path does not serve, no body, an empty body, a
//! malformed JSON body, a body with the wrong content type, an unknown
//! query parameter and a malformed query string. Then:
//!
//! - an answer from a handler (its extractors included) must have a status
//!   that the handler declares and that its operation's page lists;
//! - an answer no handler gives (the router's 404 for a path no route
//!   matches, its 405 for a method the path does not serve) must have a
//!   status that a page of that path's operations lists;
//! - a registered fallback (actix-web's default service) answers with what
//!   it declares;
//! - a handler that panics is a finding, not an aborted test.
//!
//! Each finding is one line with a `curl` command that reproduces it. The
//! requests are fixed, not random, so every run finds the same; each route
//! gets at most [`Contract::budget`] of them.
//!
//! ```
//! # use http_returns::routing::{Routes, get};
//! # use http_returns::{returns, Reply};
//! # use http_returns::bundled as statuses;
//! use http_returns::contract::Contract;
//!
//! #[returns(200, 400, 404)]
//! async fn show(axum::extract::Path(id): axum::extract::Path<u32>) -> Reply<String> {
//!     Reply::not_found(format!("no task {id}"))
//! }
//!
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! let routes = Routes::new(statuses::DOCUMENTS).route("/tasks/{id}", get(show));
//! let contract = Contract::new(&routes);
//! contract.check(routes.into_router()).await.assert_clean();
//! # }
//! ```

mod catch;
mod finding;
mod requests;

use std::collections::{HashMap, HashSet};

use std::future::Future;

use http::Method;

pub use finding::{Finding, Findings};

use crate::Route;
use crate::RouteList;
use crate::route::{Fallback, template_shape};
use finding::{Origin, Verdicts};
use requests::Probe;

#[cfg(feature = "actix-web")]
#[path = "../actix/contract.rs"]
mod actix;
#[cfg(feature = "tower")]
#[path = "../axum/contract.rs"]
mod axum;

/// The check of one service: its routes, as a `Routes` builder registered them,
/// and how many requests each route gets.
#[derive(Debug, Clone)]
pub struct Contract {
    routes: Vec<Route>,
    /// The routes at each path, by index: each lookup costs the same
    /// however many routes there are, so the check is linear in them.
    by_path: HashMap<String, Vec<usize>>,
    fallbacks: Vec<Fallback>,
    budget: usize,
    origin: String,
}

/// The requests each route gets unless [`Contract::budget`] says
/// otherwise: enough for every variation of a route with three path
/// parameters and every method its path does not serve.
pub const DEFAULT_BUDGET: usize = 32;

impl Contract {
    /// The check of the routes a `Routes` builder registered (axum's or
    /// actix-web's), and of their fallbacks.
    pub fn new(routes: &impl RouteList) -> Contract {
        let mut by_path: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, route) in routes.routes().iter().enumerate() {
            by_path.entry(route.path.clone()).or_default().push(at);
        }
        Contract {
            by_path,
            routes: routes.routes().to_vec(),
            fallbacks: routes.fallbacks().to_vec(),
            budget: DEFAULT_BUDGET,
            origin: "http://127.0.0.1:3000".to_owned(),
        }
    }

    /// At most `requests` requests per route (default [`DEFAULT_BUDGET`]);
    /// what does not fit is not sent, and [`Findings::skipped`] says so.
    ///
    /// ```
    /// # use http_returns::routing::Routes;
    /// # use http_returns::contract::Contract;
    /// # let routes = Routes::<()>::new(http_returns::bundled::DOCUMENTS);
    /// let contract = Contract::new(&routes).budget(8);
    /// ```
    pub fn budget(mut self, requests: usize) -> Contract {
        self.budget = requests;
        self
    }

    /// Where the `curl` commands of the findings send their requests
    /// (default `http://127.0.0.1:3000`).
    ///
    /// ```
    /// # use http_returns::routing::Routes;
    /// # use http_returns::contract::Contract;
    /// # let routes = Routes::<()>::new(http_returns::bundled::DOCUMENTS);
    /// let contract = Contract::new(&routes).origin("http://localhost:8080");
    /// ```
    pub fn origin(mut self, origin: &str) -> Contract {
        self.origin = origin.trim_end_matches('/').to_owned();
        self
    }

    /// Sends each request with `send` and judges what answered: the loop
    /// both frameworks' checks run, each with its own way to send.
    pub(crate) async fn run<F, Fut>(&self, mut send: F) -> Findings
    where
        F: FnMut(&Probe) -> Fut,
        Fut: Future<Output = Answer>,
    {
        let mut verdicts =
            Verdicts::new(&self.routes, &self.by_path, &self.fallbacks, &self.origin);
        let mut paths_tried: HashSet<String> = HashSet::new();
        for (at, route) in self.routes.iter().enumerate() {
            let Some(probes) = self.probes(route, &mut paths_tried) else {
                verdicts.skip(format!(
                    "{} {}: its path template cannot be read, so no request was made from it",
                    route.method, route.path
                ));
                continue;
            };
            let over = probes.len().saturating_sub(self.budget);
            if over > 0 {
                verdicts.skip(format!(
                    "{} {}: {over} of its {} requests are over the budget of {} and were not sent",
                    route.method,
                    route.path,
                    probes.len(),
                    self.budget
                ));
            }
            for probe in probes.into_iter().take(self.budget) {
                let answer = send(&probe).await;
                verdicts.judge(at, &probe, answer);
            }
        }
        verdicts.into_findings()
    }

    /// The requests for `route`; for the first route at a path,
    /// also each method that no route at that path serves.
    fn probes(&self, route: &Route, tried: &mut HashSet<String>) -> Option<Vec<Probe>> {
        let mut probes = requests::probes(&route.method, &route.path)?;
        if tried.insert(template_shape(&route.path)) {
            for method in requests::METHODS.iter().cloned() {
                let served = self.at_path(&route.path).iter().any(|other| {
                    other.method == method
                        || (method == Method::HEAD && other.method == Method::GET)
                });
                if !served {
                    probes.extend(requests::unserved(&method, &route.path));
                }
            }
        }
        Some(probes)
    }

    /// The routes at `path`.
    fn at_path(&self, path: &str) -> Vec<&Route> {
        self.by_path
            .get(path)
            .map(|indices| indices.iter().map(|&at| &self.routes[at]).collect())
            .unwrap_or_default()
    }
}

/// What the router did with a request.
#[derive(Debug)]
pub(crate) enum Answer {
    /// It answered `status`; `matched` is the route the router matched,
    /// if any.
    Status {
        status: http::StatusCode,
        matched: Option<String>,
    },
    /// The request made a handler (or a layer) panic, with this message.
    Panic(String),
}

impl Origin {
    /// Where `answer` to `probe`, sent from the route at `sent_from`, came
    /// from: `by_path` gives the indices in `routes` at a path.
    pub(crate) fn of(
        routes: &[Route],
        by_path: &HashMap<String, Vec<usize>>,
        fallbacks: &[Fallback],
        probe: &Probe,
        answer: &Answer,
        sent_from: usize,
    ) -> Origin {
        let Answer::Status { matched, .. } = answer else {
            return Origin::Handler(sent_from);
        };
        let Some(matched) = matched else {
            let path = probe.target.split('?').next().unwrap_or_default();
            return fallbacks
                .iter()
                .position(|fallback| fallback.answers(path))
                .map_or(Origin::NoRoute(sent_from), Origin::Fallback);
        };
        let Some(at_path) = by_path.get(matched) else {
            return Origin::Unregistered(matched.clone());
        };
        let handler = |method: &Method| {
            at_path
                .iter()
                .copied()
                .find(|&at| routes[at].method == method)
        };
        let served = handler(&probe.method).or_else(|| {
            (probe.method == Method::HEAD)
                .then(|| handler(&Method::GET))
                .flatten()
        });
        served.map_or_else(|| Origin::Unserved(matched.clone()), Origin::Handler)
    }
}
