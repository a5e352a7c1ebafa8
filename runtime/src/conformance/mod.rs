//! With the `tower` or `actix-web` feature: watching what the types cannot.
//!
//! The compiler proves which replies a handler's body builds. It cannot see
//! statuses that come from elsewhere: an extractor's rejection (a malformed
//! path parameter answers 400 before the handler runs), the router's 405,
//! a time-out, a panic turned into 500. The conformance layer (for axum,
//! [`ConformanceLayer`], with the `tower` feature) and the conformance
//! middleware (for actix-web, [`actix::Conformance`](crate::actix::Conformance))
//! see every response of the service they wrap, find the route that
//! answered with the router's own knowledge (axum's `MatchedPath`,
//! actix-web's match pattern), and report each status that the route's
//! handler did not declare: as a `tracing` warning, and in [`Reports`],
//! which a test or a health endpoint reads. In strict mode, for tests, a
//! report is a panic instead.
//!
//! They also report what no declaration covers: a route served by the
//! router but not registered with the `Routes` builder, and an answer
//! given outside every route, which means the layer sits outside the
//! router (apply it with `Router::layer`) or an unregistered fallback
//! answered.
//!
//! Memory and logs stay bounded whatever the traffic: reports are counted
//! per method, route and status, keeping the first request as an example,
//! and each is logged once, then again each time its count reaches a power
//! of two.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};

use http::{Method, StatusCode};

use crate::Route;
use crate::codes::list;
use crate::route::Fallback;

#[cfg(feature = "tower")]
#[path = "../axum/layer.rs"]
mod layer;
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub use layer::{Conformance, ConformanceLayer, ResponseFuture};

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
    /// The framework that answered, for the advice its text gives.
    framework: Framework,
}

/// The framework a tally watches: what its reports advise differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framework {
    #[cfg_attr(not(feature = "tower"), allow(dead_code))]
    Axum,
    #[cfg_attr(not(feature = "actix-web"), allow(dead_code))]
    Actix,
}

impl Framework {
    /// The builder a route is registered with.
    fn routes(self) -> &'static str {
        match self {
            Framework::Axum => "http_returns::routing::Routes",
            Framework::Actix => "http_returns::actix::Routes",
        }
    }

    /// What an answer outside every route means, and what to do.
    fn nothing(self) -> &'static str {
        match self {
            Framework::Axum => {
                "(no MatchedPath): register the service with http_returns::routing::Routes, \
                 and apply the layer with Router::layer, inside the router"
            }
            Framework::Actix => {
                "(no match pattern): an app default service that was not registered with \
                 http_returns::actix::Routes::default_service answered"
            }
        }
    }
}

/// What answered a reported response.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Matched {
    /// A route registered with the `Routes` builder, by its path
    /// (`/tasks/{id}`).
    Route(String),
    /// A route the router serves that was not registered with the
    /// `Routes` builder (added to the `Router` or the `App` directly), by
    /// its path.
    Unregistered(String),
    /// The fallback (actix-web's default service) registered with the
    /// `Routes` builder, by the prefix it was nested under (empty at the
    /// top).
    Fallback(String),
    /// No route: the router matched none.
    Nothing,
}

/// The most bytes of a request's path a report keeps.
const PATH_KEPT: usize = 256;

pub(crate) struct Shared {
    framework: Framework,
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

impl Reports {
    /// A handle on `shared`'s tally.
    pub(crate) fn of(shared: &Arc<Shared>) -> Reports {
        Reports {
            shared: Arc::clone(shared),
        }
    }

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
    /// The table of `routes` and `fallbacks`, and an empty tally.
    pub(crate) fn new(routes: &[Route], fallbacks: &[Fallback], framework: Framework) -> Shared {
        let mut table = Table {
            at: HashMap::new(),
            paths: Vec::new(),
            fallbacks: fallbacks.to_vec(),
        };
        for route in routes {
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
        Shared {
            framework,
            table,
            tally: Mutex::new(Tally::default()),
        }
    }

    /// The registered route whose template `path` fits, segment by
    /// segment (a segment with a parameter fits any that is not empty), for
    /// an answer that names no route itself: the first, in registration
    /// order, as actix-web matches resources.
    #[cfg(feature = "actix-web")]
    pub(crate) fn template_of(&self, path: &str) -> Option<String> {
        let fits = |template: &str| {
            let mut given = path.split('/');
            template.split('/').all(|segment| match given.next() {
                Some(part) if segment.contains('{') => !part.is_empty(),
                Some(part) => part == segment,
                None => false,
            }) && given.next().is_none()
        };
        self.table
            .paths
            .iter()
            .find(|registered| fits(&registered.path))
            .map(|registered| registered.path.clone())
    }

    /// How many routes it holds, for `Debug`.
    pub(crate) fn paths(&self) -> usize {
        self.table.paths.len()
    }

    fn tally(&self) -> MutexGuard<'_, Tally> {
        // A report is counted whole, so a poisoned tally is still a tally.
        self.tally
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Where the answer to `method` came from: `matched` is the route the
    /// router matched (axum's `MatchedPath`, actix-web's match pattern),
    /// `path` the request's path.
    fn source<'a>(&self, method: &Method, matched: Option<&'a str>, path: &str) -> Source<'a> {
        let table = &self.table;
        let Some(matched) = matched else {
            return table
                .fallbacks
                .iter()
                .position(|fallback| fallback.answers(path))
                .map_or(Source::Nothing, Source::Fallback);
        };
        let Some(&at) = table.at.get(matched) else {
            return Source::Unregistered(matched);
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
    pub(crate) fn check(
        &self,
        method: &Method,
        path: &str,
        matched: Option<&str>,
        status: StatusCode,
        strict: bool,
    ) {
        let code = status.as_u16();
        let source = self.source(method, matched, path);
        let covered = match source {
            Source::Route(_, declared) => declared.contains(&code),
            Source::Fallback(at) => self.table.fallbacks[at].declared.contains(&code),
            Source::Unregistered(_) => false,
            // The router's own 404 for a path it does not serve.
            Source::Nothing => status == StatusCode::NOT_FOUND,
        };
        if !covered {
            self.report(method, path, source, status, strict);
        }
    }

    /// Counts the response; logs it the first time and at each power of
    /// two; in strict mode, then panics with it.
    #[cold]
    fn report(
        &self,
        method: &Method,
        path: &str,
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
                path: kept(path),
                matched: matched(),
                status,
                declared,
                count: 0,
                framework: self.framework,
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

impl fmt::Debug for Reports {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reports")
            .field("count", &self.count())
            .finish_non_exhaustive()
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
                 {}, so no declaration covers it",
                self.framework.routes()
            )?,
            Matched::Nothing => write!(f, " outside every route {}", self.framework.nothing())?,
        }
        if self.count > 1 {
            write!(f, "; {} times", self.count)?;
        }
        Ok(())
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
