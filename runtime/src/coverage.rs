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

/// The coverage report: one entry per page, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Each page, with what it lists that is not declared.
    pub pages: Vec<PageCoverage>,
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
    pub path: &'static str,
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
                    path: route.path,
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
    Coverage { pages }
}

/// The codes a page lists, ascending, each once.
fn codes(document: &Document) -> Vec<u16> {
    let mut codes: Vec<u16> = document.entries.iter().map(|entry| entry.code).collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

impl Coverage {
    /// Whether every documented code is declared somewhere, and every
    /// handler tied to one page declares all of that page's codes.
    pub fn is_complete(&self) -> bool {
        self.pages.iter().all(|page| {
            page.undeclared.is_empty()
                && page
                    .one_page_handlers
                    .iter()
                    .all(|handler| handler.missing.is_empty())
        })
    }
}

/// One line per page, and one per handler tied to it:
///
/// ```text
/// returned-values.md: no handler declares 401, 403
///   POST /tasks (spec = returned-values.md) does not declare 200, 204
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
