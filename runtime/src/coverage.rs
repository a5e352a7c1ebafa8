//! What the documents promise that the service does not serve or declare:
//! which documented operations no route serves, which routes serve no
//! documented operation, and for each page, its codes that no handler
//! checked against it declares, and for each handler tied to one page (by
//! the operation it serves, `page = <page module>` or `op = ".."`), that page's
//! codes it does not declare.
//!
//! The compiler holds each handler to the documents; this holds the
//! documents to the handlers, so an operation or a code the pages promise
//! and the service never answers with is seen before a client relies on it.
//! [`assert_documented`] is the other way round at run time, for a
//! `#[test]`: a handler that declares a code its operation's page does not
//! list.

use std::fmt;

use http::Method;

use crate::codes::list;
#[cfg(feature = "utoipa")]
use crate::openapi::Leftover;
use crate::{Document, PageOperation, Route};

/// The coverage report: the documented operations and the routes that
/// serve them, one entry per page, in the order given, and what the
/// OpenAPI document held that no declaration covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Every documented operation, in the documents' order, with the
    /// routes that serve it (none for an operation the service lacks).
    pub operations: Vec<OperationCoverage>,
    /// Routes that serve no documented operation, where the documents
    /// state any: `(method, path)`.
    pub routes_without_operation: Vec<(Method, String)>,
    /// Routes whose method and path more than one page documents.
    pub ambiguous_routes: Vec<(Method, String, Vec<PageOperation>)>,
    /// Each page, with what it lists that is not declared.
    pub pages: Vec<PageCoverage>,
    /// What `openapi::document` found in the OpenAPI document that no
    /// declaration covers, once given with [`Coverage::with_openapi`].
    #[cfg(feature = "utoipa")]
    #[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
    pub openapi: Vec<Leftover>,
}

/// A documented operation, and the routes that serve it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationCoverage {
    /// The operation and its page.
    pub documented: PageOperation,
    /// The routes that serve it: `(method, path)`.
    pub served_by: Vec<(Method, String)>,
}

/// One page's codes that are not declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCoverage {
    /// The page's path (`returned-values.md`).
    pub path: &'static str,
    /// The codes it lists that no handler checked against it declares,
    /// ascending.
    pub undeclared: Vec<u16>,
    /// The handlers tied to this page alone (by the operation they serve,
    /// `page = <page module>` or `op = ".."`), each with the page's codes it does not
    /// declare.
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

impl Coverage {
    /// The coverage of `documents` (a generated module's `DOCUMENTS`) by the
    /// handlers of `routes`. A handler counts for the page of the operation it
    /// serves, or the one `page =` or `op =` names; else for every page.
    pub fn of(routes: &[Route], documents: &[&'static Document]) -> Coverage {
        let operations = documents
            .iter()
            .flat_map(|document| {
                document.operations.iter().map(|operation| PageOperation {
                    document,
                    operation,
                })
            })
            .map(|documented| OperationCoverage {
                documented,
                served_by: routes
                    .iter()
                    .filter(|route| route.operation == Some(documented))
                    .map(|route| (route.method.clone(), route.path.clone()))
                    .collect(),
            })
            .collect::<Vec<_>>();
        let routes_without_operation = if operations.is_empty() {
            Vec::new()
        } else {
            routes
                .iter()
                .filter(|route| route.operation.is_none() && route.ambiguous.is_empty())
                .map(|route| (route.method.clone(), route.path.clone()))
                .collect()
        };
        let ambiguous_routes = routes
            .iter()
            .filter(|route| !route.ambiguous.is_empty())
            .map(|route| {
                (
                    route.method.clone(),
                    route.path.clone(),
                    route.ambiguous.clone(),
                )
            })
            .collect();
        let pages = documents
            .iter()
            .map(|document| Self::page(routes, document))
            .collect();
        Coverage {
            operations,
            routes_without_operation,
            ambiguous_routes,
            pages,
            #[cfg(feature = "utoipa")]
            openapi: Vec::new(),
        }
    }

    /// What `document` lists that the handlers of `routes` checked
    /// against it do not declare.
    fn page(routes: &[Route], document: &&'static Document) -> PageCoverage {
        let checked: Vec<&Route> = routes
            .iter()
            .filter(|route| route.documents.iter().any(|page| page == document))
            .collect();
        let listed = Self::codes(document);
        let undeclared = listed
            .iter()
            .copied()
            .filter(|&code| !checked.iter().any(|route| route.declares(code)))
            .collect();
        let one_page_handlers = checked
            .iter()
            .filter(|route| route.own_page().is_some())
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
    }

    /// The codes a page lists, ascending, each once.
    fn codes(document: &Document) -> Vec<u16> {
        let mut codes: Vec<u16> = document.entries.iter().map(|entry| entry.code).collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    }

    /// The same report, with what `openapi::document` found in the OpenAPI
    /// document that no declaration covers.
    #[cfg(feature = "utoipa")]
    #[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
    pub fn with_openapi(mut self, leftovers: Vec<Leftover>) -> Coverage {
        self.openapi.extend(leftovers);
        self
    }

    /// How many documented operations some route serves.
    pub fn served(&self) -> usize {
        self.operations
            .iter()
            .filter(|operation| !operation.served_by.is_empty())
            .count()
    }

    /// Whether every documented operation is served, every route serves one
    /// (where the documents state any) and no route is ambiguous, every
    /// documented code is declared somewhere, every handler tied to one
    /// page declares all of that page's codes, and the OpenAPI document
    /// held nothing that no declaration covers.
    pub fn is_complete(&self) -> bool {
        #[cfg(feature = "utoipa")]
        if !self.openapi.is_empty() {
            return false;
        }
        self.served() == self.operations.len()
            && self.routes_without_operation.is_empty()
            && self.ambiguous_routes.is_empty()
            && self.pages.iter().all(|page| {
                page.undeclared.is_empty()
                    && page
                        .one_page_handlers
                        .iter()
                        .all(|handler| handler.missing.is_empty())
            })
    }
}

/// The operations served, then one line per page, one per handler tied
/// to it, and one per leftover of the OpenAPI document:
///
/// ```text
/// 1 of 2 documented operations are served
///   not served: DELETE /tasks/{id} (deleting-a-task.md)
///   no documented operation: GET /health
/// returned-values.md: no handler declares 401, 403
///   POST /tasks does not declare 200, 204
/// openapi: GET /tasks/{id} lists 500, which its handler does not declare: left out of the document
/// ```
impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.operations.is_empty() {
            writeln!(
                f,
                "{} of {} documented operations are served",
                self.served(),
                self.operations.len()
            )?;
            for operation in &self.operations {
                if operation.served_by.is_empty() {
                    let PageOperation {
                        document,
                        operation,
                    } = operation.documented;
                    writeln!(f, "  not served: {operation} ({})", document.path)?;
                }
            }
        }
        for (method, path) in &self.routes_without_operation {
            writeln!(f, "  no documented operation: {method} {path}")?;
        }
        for (method, path, candidates) in &self.ambiguous_routes {
            let pages: Vec<String> = candidates
                .iter()
                .map(|c| format!("{} ({})", c.operation, c.document.path))
                .collect();
            writeln!(
                f,
                "  ambiguous: {method} {path} matches {}: name the page with `page =` or `op =`",
                pages.join(", ")
            )?;
        }
        for page in &self.pages {
            match page.undeclared.as_slice() {
                [] => writeln!(f, "{}: every code is declared by a handler", page.path)?,
                codes => writeln!(f, "{}: no handler declares {}", page.path, list(codes))?,
            }
            for handler in &page.one_page_handlers {
                if !handler.missing.is_empty() {
                    writeln!(
                        f,
                        "  {} {} does not declare {}",
                        handler.method,
                        handler.path,
                        list(&handler.missing)
                    )?;
                }
            }
        }
        #[cfg(feature = "utoipa")]
        for leftover in &self.openapi {
            writeln!(f, "{leftover}")?;
        }
        Ok(())
    }
}

/// A route whose handler declares codes that the page of its operation
/// (or the one `page =` or `op =` names) does not list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undocumented {
    /// The route's method.
    pub method: Method,
    /// The route's path.
    pub path: String,
    /// The page, and the operation the route serves on it, if it serves one.
    pub page: &'static Document,
    /// The operation, as the page states it.
    pub operation: Option<&'static crate::Operation>,
    /// What the handler declares.
    pub declared: &'static [u16],
    /// The declared codes the page does not list, in declaration order.
    pub codes: Vec<u16>,
}

/// Each route tied to one page (by the operation it serves, or `page =` or
/// `op =`) whose handler declares a code that page does not list.
pub fn undocumented(routes: &[Route]) -> Vec<Undocumented> {
    routes
        .iter()
        .filter_map(|route| {
            let page = route.own_page()?;
            let codes: Vec<u16> = route
                .declared
                .iter()
                .copied()
                .filter(|&code| !page.lists(code))
                .collect();
            (!codes.is_empty()).then(|| Undocumented {
                method: route.method.clone(),
                path: route.path.clone(),
                page,
                operation: route.operation.map(|documented| documented.operation),
                declared: route.declared,
                codes,
            })
        })
        .collect()
}

/// For a `#[test]`: panics, naming each page and how to make it a
/// compile-time check, where a handler declares a code that its
/// operation's page does not list ([`undocumented`]). The compiler checks
/// codes against the page only for handlers with `page =` or `op =`; this
/// checks every handler whose route serves a documented operation.
///
/// ```
/// use http_returns::bundled as statuses;
/// # #[cfg(feature = "axum")]
/// # mod app {
/// # use crate::statuses;
/// use http_returns::routing::{Routes, post};
/// use http_returns::{returns, Reply};
///
/// #[returns(202, 409)]
/// async fn deliver() -> Reply<()> {
///     Reply::accepted(())
/// }
///
/// # pub fn main() {
/// let routes = Routes::<()>::new(statuses::DOCUMENTS).route("/tasks", post(deliver));
/// http_returns::coverage::assert_documented(routes.list());
/// # }
/// # }
/// # fn main() {
/// # #[cfg(feature = "axum")]
/// # app::main();
/// # }
/// ```
#[track_caller]
pub fn assert_documented(routes: &[Route]) {
    let found = undocumented(routes);
    if !found.is_empty() {
        let lines: Vec<String> = found.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"));
    }
}

/// `GET /v3/groups/{id} declares 409, which querying-user-group-details.md
/// (GET /v3/groups/{group_id}) does not list: ...`, and how to have the
/// compiler check it.
impl fmt::Display for Undocumented {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (method, path) = (&self.method, &self.path);
        write!(
            f,
            "{method} {path} declares {}, which {}",
            list(&self.codes),
            self.page.path
        )?;
        if let Some(operation) = self.operation {
            write!(f, " ({operation})")?;
        }
        let them = if self.codes.len() == 1 { "it" } else { "them" };
        write!(
            f,
            " does not list: document {them} there, or stop declaring {them}"
        )?;
        let declared = list(self.declared);
        match self.operation {
            Some(operation) => write!(
                f,
                "; to have the compiler check this handler against its page, write \
                 #[returns({declared}, op = \"{operation}\")]"
            ),
            None => Ok(()),
        }
    }
}
