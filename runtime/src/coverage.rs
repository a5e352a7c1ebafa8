//! What the documents promise that no handler declares: for each page, its
//! codes that no handler checked against it declares, and for each handler
//! tied to one page (`spec = page`), that page's codes it does not declare.
//!
//! The compiler holds each handler to the documents; this holds the
//! documents to the handlers, so a code the pages promise and the service
//! never answers with is seen before a client relies on it.

use std::fmt;

use http::Method;

use crate::{Document, Route};

/// The coverage report: one entry per page, in the order given, and what
/// the OpenAPI document held that no declaration covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Each page, with what it lists that is not declared.
    pub pages: Vec<PageCoverage>,
    /// What `openapi::document` found in the OpenAPI document that no
    /// declaration covers, once given with [`Coverage::with_openapi`].
    pub openapi: Vec<Leftover>,
}

/// Something an OpenAPI document held (from `#[utoipa::path]` or the
/// service) that no route's declarations cover: what `openapi::document`
/// returns.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Leftover {
    /// A response written for a status the route's handler does not
    /// declare (`500`, `default`, `5XX`): left out of the document.
    Response {
        /// The operation's method.
        method: Method,
        /// The operation's path.
        path: String,
        /// The response's key, as written.
        status: String,
    },
    /// An operation that no route serves: left in the document as written,
    /// and nothing checks its responses.
    Operation {
        /// The operation's method.
        method: Method,
        /// The operation's path.
        path: String,
    },
}

/// One page's codes that are not declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCoverage {
    /// The page's path (`returned-values.md`).
    pub path: &'static str,
    /// The codes it lists that no handler checked against it declares,
    /// ascending.
    pub undeclared: Vec<u16>,
    /// The handlers tied to this page alone (`spec = page`), each with the
    /// page's codes it does not declare.
    pub one_page_handlers: Vec<HandlerGap>,
}

/// A handler tied to one page, and the codes of that page it does not declare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandlerGap {
    /// The route's method.
    pub method: Method,
    /// The route's path.
    pub path: String,
    /// The page's codes the handler does not declare, ascending.
    pub missing: Vec<u16>,
}

/// The coverage of `documents` (a generated module's `DOCUMENTS`) by the
/// handlers of `routes`. A handler counts for every page its codes are
/// checked against: all of the crate's, or with `spec = page` that one.
pub fn coverage(routes: &[Route], documents: &[&'static Document]) -> Coverage {
    let pages = documents
        .iter()
        .map(|document| {
            let checked: Vec<&Route> = routes
                .iter()
                .filter(|route| route.documents.iter().any(|page| page == document))
                .collect();
            let listed = codes(document);
            let undeclared = listed
                .iter()
                .copied()
                .filter(|&code| !checked.iter().any(|route| route.declares(code)))
                .collect();
            let one_page_handlers = checked
                .iter()
                .filter(|route| route.page.is_some())
                .map(|route| HandlerGap {
                    method: route.method.clone(),
                    path: route.path.clone(),
                    missing: listed
                        .iter()
                        .copied()
                        .filter(|&code| !route.declares(code))
                        .collect(),
                })
                .collect();
            PageCoverage {
                path: document.path,
                undeclared,
                one_page_handlers,
            }
        })
        .collect();
    Coverage {
        pages,
        openapi: Vec::new(),
    }
}

/// The codes a page lists, ascending, each once.
fn codes(document: &Document) -> Vec<u16> {
    let mut codes: Vec<u16> = document.entries.iter().map(|entry| entry.code).collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

impl Coverage {
    /// The same report, with what `openapi::document` found in the OpenAPI
    /// document that no declaration covers.
    pub fn with_openapi(mut self, leftovers: Vec<Leftover>) -> Coverage {
        self.openapi.extend(leftovers);
        self
    }

    /// Whether every documented code is declared somewhere, every handler
    /// tied to one page declares all of that page's codes, and the OpenAPI
    /// document held nothing that no declaration covers.
    pub fn is_complete(&self) -> bool {
        self.openapi.is_empty()
            && self.pages.iter().all(|page| {
                page.undeclared.is_empty()
                    && page
                        .one_page_handlers
                        .iter()
                        .all(|handler| handler.missing.is_empty())
            })
    }
}

/// One line per page, one per handler tied to it, and one per leftover of
/// the OpenAPI document:
///
/// ```text
/// returned-values.md: no handler declares 401, 403
///   POST /tasks (spec = returned-values.md) does not declare 200, 204
/// openapi: GET /tasks/{id} lists 500, which its handler does not declare: left out of the document
/// ```
impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for page in &self.pages {
            match page.undeclared.as_slice() {
                [] => writeln!(f, "{}: every code is declared by a handler", page.path)?,
                codes => writeln!(f, "{}: no handler declares {}", page.path, list(codes))?,
            }
            for handler in &page.one_page_handlers {
                if !handler.missing.is_empty() {
                    writeln!(
                        f,
                        "  {} {} (spec = {}) does not declare {}",
                        handler.method,
                        handler.path,
                        page.path,
                        list(&handler.missing)
                    )?;
                }
            }
        }
        for leftover in &self.openapi {
            match leftover {
                Leftover::Response {
                    method,
                    path,
                    status,
                } => writeln!(
                    f,
                    "openapi: {method} {path} lists {status}, which its handler does not declare: left out of the document"
                )?,
                Leftover::Operation { method, path } => writeln!(
                    f,
                    "openapi: {method} {path} is in the document, but no route serves it: its responses are not checked"
                )?,
            }
        }
        Ok(())
    }
}

fn list(codes: &[u16]) -> String {
    codes
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
