//! Routes: a method and a path served by a handler with `#[returns(..)]`,
//! with the codes it declares and the pages that describe them, read from
//! the handler without calling it. [`Routes`](crate::routing::Routes) lists
//! them as it builds the router; the API documentation, the conformance
//! layer and the coverage report all start from that list.

use http::Method;

use crate::document::{Document, Entry};

/// One operation of a service, as [`Routes`](crate::routing::Routes)
/// registered it: read it, the builder makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Route {
    /// The HTTP method.
    pub method: Method,
    /// The path, as the router writes it (`/tasks/{id}`), nest prefixes
    /// included: what axum's `MatchedPath` gives for it.
    pub path: String,
    /// The codes the handler declares, in the order its `#[returns(..)]`
    /// lists them.
    pub declared: &'static [u16],
    /// The pages its codes are checked against: every page of the
    /// documents given to `Routes::new`, or with `spec = page` that page.
    pub documents: &'static [&'static Document],
    /// The page module that `spec = page` names, if the handler has one.
    pub page: Option<&'static str>,
}

/// A fallback handler and the requests it answers: those under `prefix`
/// that no route matches.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
pub(crate) struct Fallback {
    /// Where it was nested (`/v2`), or empty at the top.
    pub(crate) prefix: String,
    /// The codes its `#[returns(..)]` declares.
    pub(crate) declared: &'static [u16],
}

impl Route {
    /// The route `method path` whose handler declares `declared`, checked
    /// against `documents`, or with `spec = page` against that page alone
    /// (none where `documents` does not hold it).
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn new(
        method: Method,
        path: String,
        declared: &'static [u16],
        page: Option<&'static str>,
        documents: &'static [&'static Document],
    ) -> Route {
        let documents = match page {
            Some(module) => documents
                .iter()
                .position(|document| document.module == module)
                .map_or(&[][..], |at| &documents[at..=at]),
            None => documents,
        };
        Route {
            method,
            path,
            declared,
            documents,
            page,
        }
    }

    /// The row that describes `code` for this route: the first row for it
    /// on the first page, in path order, that lists it. That page is the
    /// handler's own with `spec = page`.
    pub fn entry(&self, code: u16) -> Option<&'static Entry> {
        self.documents
            .iter()
            .find_map(|document| document.entries_for(code).next())
    }

    /// What the documents say of `code` for this route ([`Route::entry`]'s
    /// description), if they list it.
    pub fn description(&self, code: u16) -> Option<&'static str> {
        self.entry(code).map(|entry| entry.description)
    }

    /// Whether the handler declares `code`.
    pub fn declares(&self, code: u16) -> bool {
        self.declared.contains(&code)
    }
}
