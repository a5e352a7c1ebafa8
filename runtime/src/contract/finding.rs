//! What the contract check found: each answer judged against the handler
//! that gave it and the pages of its path, one finding per kind of answer.

use std::collections::{HashMap, HashSet};
use std::fmt;

use http::StatusCode;

use super::Answer;
use super::requests::Probe;
use crate::route::{Fallback, short_name};
use crate::{Document, Route};

/// An answer that no declaration or page covers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// The operation it concerns, with its page where it has one:
    /// `GET /v3/groups/{id} (querying-user-group-details.md)`.
    pub operation: String,
    /// The status answered; `None` where the handler panicked.
    pub status: Option<StatusCode>,
    /// What the request varied: `a word as {id}`.
    pub request: String,
    /// What declares and lists what: `show declares 200, 404;
    /// querying-user-group-details.md lists 200, 400, 404`.
    pub why: String,
    /// A `curl` command that sends the same request to the served service.
    pub curl: String,
}

/// What [`Contract::check`](super::Contract::check) found, and what it did
/// not try.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "findings fail nothing until read: call `assert_clean`"]
pub struct Findings {
    /// One finding per operation, status and kind of answer, in the order
    /// the requests were sent.
    pub findings: Vec<Finding>,
    /// What the check could not try, and why.
    pub skipped: Vec<String>,
    /// How many requests were sent.
    pub requests: usize,
}

impl Findings {
    /// Whether nothing was found.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }

    /// Panics with every finding, one a line, unless there are none.
    #[track_caller]
    pub fn assert_clean(&self) {
        if !self.is_clean() {
            panic!("{self}");
        }
    }
}

/// `N findings in M requests`, then a line per finding and per thing
/// skipped.
impl fmt::Display for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.findings.len() == 1 { "" } else { "s" };
        writeln!(
            f,
            "the contract check found {} answer{plural} the declarations or the pages do not cover, in {} requests",
            self.findings.len(),
            self.requests
        )?;
        for finding in &self.findings {
            writeln!(f, "  {finding}")?;
        }
        for skipped in &self.skipped {
            writeln!(f, "  skipped: {skipped}")?;
        }
        Ok(())
    }
}

/// One line: `operation: STATUS to REQUEST; WHY; reproduce: curl ...`.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.status.map_or_else(
            || "a panic".to_owned(),
            |status| status.as_u16().to_string(),
        );
        write!(
            f,
            "{}: {status} to {}; {}; reproduce: {}",
            self.operation, self.request, self.why, self.curl
        )
    }
}

/// Who gave an answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Origin {
    /// The handler of the route at this index (its extractors included).
    Handler(usize),
    /// The router, for a method the path (as matched) does not serve.
    Unserved(String),
    /// The router, for a path no route matches; the request was made from
    /// the route at this index.
    NoRoute(usize),
    /// The fallback at this index.
    Fallback(usize),
    /// A route the router serves that `Routes` did not register.
    Unregistered(String),
}

/// The findings so far, one per origin, method and status.
pub(crate) struct Verdicts<'a> {
    routes: &'a [Route],
    by_path: &'a HashMap<String, Vec<usize>>,
    fallbacks: &'a [Fallback],
    origin: &'a str,
    seen: HashSet<(Origin, http::Method, Option<u16>)>,
    findings: Findings,
}

impl<'a> Verdicts<'a> {
    pub(crate) fn new(
        routes: &'a [Route],
        by_path: &'a HashMap<String, Vec<usize>>,
        fallbacks: &'a [Fallback],
        origin: &'a str,
    ) -> Verdicts<'a> {
        Verdicts {
            routes,
            by_path,
            fallbacks,
            origin,
            seen: HashSet::new(),
            findings: Findings {
                findings: Vec::new(),
                skipped: Vec::new(),
                requests: 0,
            },
        }
    }

    /// Notes what was not tried.
    pub(crate) fn skip(&mut self, why: String) {
        self.findings.skipped.push(why);
    }

    /// Judges `answer` to `probe`, sent from the route at `from`.
    pub(crate) fn judge(&mut self, from: usize, probe: &Probe, answer: Answer) {
        self.findings.requests += 1;
        let origin = Origin::of(
            self.routes,
            self.by_path,
            self.fallbacks,
            probe,
            &answer,
            from,
        );
        let status = match &answer {
            Answer::Status { status, .. } => Some(*status),
            Answer::Panic(_) => None,
        };
        let why = match (&answer, &origin) {
            (Answer::Panic(message), Origin::Handler(at)) => Some(format!(
                "`{}` panicked: {message}",
                short_name(self.routes[*at].handler)
            )),
            (Answer::Panic(message), _) => Some(format!("the service panicked: {message}")),
            (Answer::Status { status, .. }, _) => self.uncovered(&origin, status.as_u16()),
        };
        let Some(why) = why else {
            return;
        };
        let key = (
            origin.clone(),
            probe.method.clone(),
            status.map(|s| s.as_u16()),
        );
        if !self.seen.insert(key) {
            return;
        }
        let subject = match origin {
            Origin::Handler(at) => at,
            _ => from,
        };
        self.findings.findings.push(Finding {
            operation: self.operation(subject, &origin, probe),
            status,
            request: probe.what.clone(),
            why,
            curl: curl(self.origin, probe),
        });
    }

    /// Why `code` from `origin` is not covered, if it is not.
    fn uncovered(&self, origin: &Origin, code: u16) -> Option<String> {
        match origin {
            Origin::Handler(at) => {
                let route = &self.routes[*at];
                let declared = route.declares(code);
                let pages = route.documents;
                let listed = pages.iter().any(|page| page.lists(code));
                (!declared || !listed).then(|| {
                    format!(
                        "`{}` declares {}; {}",
                        short_name(route.handler),
                        codes(route.declared),
                        listing(pages)
                    )
                })
            }
            Origin::Unserved(path) => self.path_pages_list(path, code),
            Origin::NoRoute(at) => {
                let path = self.routes[*at].path.clone();
                self.path_pages_list(&path, code)
                    .map(|why| format!("no route matches the path, so the router answered; {why}"))
            }
            Origin::Fallback(at) => {
                let declared = self.fallbacks[*at].declared;
                (!declared.contains(&code))
                    .then(|| format!("the fallback declares {}", codes(declared)))
            }
            Origin::Unregistered(path) => Some(format!(
                "`{path}` is served by a route added to the `Router` directly, which no declaration covers"
            )),
        }
    }

    /// Unless a page of the operations at `path` lists `code`: what they
    /// list.
    fn path_pages_list(&self, path: &str, code: u16) -> Option<String> {
        let mut pages: Vec<&'static Document> = Vec::new();
        for route in self.routes.iter().filter(|route| route.path == path) {
            if let Some(page) = route.own_page() {
                if !pages.iter().any(|known| std::ptr::eq(*known, page)) {
                    pages.push(page);
                }
            }
        }
        if pages.is_empty() {
            // No route there is tied to a page: held to every page.
            if let Some(route) = self.routes.iter().find(|route| route.path == path) {
                pages.extend(route.documents.iter().copied());
            }
        }
        if pages.iter().any(|page| page.lists(code)) {
            return None;
        }
        Some(format!("no handler gives it, and {}", listing(&pages)))
    }

    /// The operation a finding is about, with its page.
    fn operation(&self, at: usize, origin: &Origin, probe: &Probe) -> String {
        let route = &self.routes[at];
        let page = route
            .own_page()
            .map_or_else(String::new, |page| format!(" ({})", page.path));
        match origin {
            Origin::Unserved(path) => format!("{} {path}", probe.method),
            Origin::Unregistered(path) => format!("{} {path}", probe.method),
            _ => format!("{} {}{page}", route.method, route.path),
        }
    }

    pub(crate) fn into_findings(self) -> Findings {
        self.findings
    }
}

/// `201, 400, 409`, or `nothing`.
fn codes(codes: &[u16]) -> String {
    if codes.is_empty() {
        return "nothing".to_owned();
    }
    crate::codes::list(codes)
}

/// `creating-a-user-group.md lists 201, 400` for one page; for several,
/// each with what it lists.
fn listing(pages: &[&'static Document]) -> String {
    if pages.is_empty() {
        return "no page lists any code".to_owned();
    }
    let each: Vec<String> = pages
        .iter()
        .map(|page| {
            let mut listed: Vec<u16> = page.entries.iter().map(|entry| entry.code).collect();
            listed.sort_unstable();
            listed.dedup();
            format!("{} lists {}", page.path, codes(&listed))
        })
        .collect();
    each.join("; ")
}

/// The `curl` command that sends `probe` to the service at `origin`.
fn curl(origin: &str, probe: &Probe) -> String {
    let url = quoted(&format!("{origin}{}", probe.target));
    let mut command = if probe.method == http::Method::HEAD {
        format!("curl -I {url}")
    } else {
        format!("curl -i -X {} {url}", probe.method)
    };
    if let Some(content_type) = probe.content_type {
        command.push_str(&format!(
            " -H {}",
            quoted(&format!("content-type: {content_type}"))
        ));
    }
    if let Some(body) = probe.body {
        command.push_str(&format!(" --data-binary {}", quoted(body)));
    }
    command
}

/// `text` in single quotes, for a POSIX shell.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}
