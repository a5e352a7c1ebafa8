//! Routes: a method and a path served by a handler with `#[returns(..)]`,
//! with the codes it declares and the page that documents its operation,
//! read from the handler without calling it. [`Routes`](crate::routing::Routes)
//! lists them as it builds the router; the API documentation, the
//! conformance layer and the coverage report all start from that list.
//!
//! A route finds its page by the operation it serves: among the pages'
//! operations (`GET /v3/groups/{group_id}`, as each page's `URI` section
//! states it), the one with its method and path template. Parameter names
//! do not matter (`/v3/groups/{id}` and axum's `/v3/groups/:id` match
//! `/v3/groups/{group_id}`); everything else must be equal, after a base
//! path the documents write and the service does not
//! (`Routes::base_path`). Where several pages document it, the route is
//! reported as ambiguous, not given one of them.

use http::Method;

use crate::document::{Document, Entry, Operation};

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
    /// The handler, by its path (`user_groups::create`), as
    /// [`std::any::type_name`] gives it.
    pub handler: &'static str,
    /// The codes the handler declares, in the order its `#[returns(..)]`
    /// lists them.
    pub declared: &'static [u16],
    /// The operation the handler names with `op = "METHOD /path"`, as
    /// written, if it names one: the route serves exactly it.
    pub op: Option<&'static str>,
    /// The pages that describe its codes: the handler's page with
    /// `page = <page module>` or `op = ".."`, else the page that documents the
    /// operation it serves, else every page of the documents.
    pub documents: &'static [&'static Document],
    /// The page module that `page = <page module>` or `op = ".."` names, if the
    /// handler has one.
    pub page: Option<&'static str>,
    /// The documented operation the route serves, found by its method and
    /// path template.
    pub operation: Option<PageOperation>,
    /// The operations of more than one page that the route's method and
    /// path match: none of them is taken.
    pub ambiguous: Vec<PageOperation>,
    /// Every page of the documents, which `documents` is taken from.
    all: &'static [&'static Document],
}

/// An operation, and the page that documents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageOperation {
    /// The page.
    pub document: &'static Document,
    /// The operation, as the page states it.
    pub operation: &'static Operation,
}

/// A fallback handler and the requests it answers: those under `prefix`
/// that no route matches.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
pub struct Fallback {
    /// Where it was nested (`/v2`), or empty at the top.
    pub(crate) prefix: String,
    /// The codes its `#[returns(..)]` declares.
    pub(crate) declared: &'static [u16],
}

/// What a handler's `#[returns(..)]` says, read from its type: the part
/// of a [`Route`] that does not depend on where it is served.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
pub(crate) struct Declaration {
    /// The handler's path, from `type_name`.
    pub(crate) handler: &'static str,
    /// Its declared codes.
    pub(crate) codes: &'static [u16],
    /// The page module `page =` or `op =` names.
    pub(crate) page: Option<&'static str>,
    /// The operation `op =` names, as written.
    pub(crate) op: Option<&'static str>,
}

impl Declaration {
    /// What `H`'s `#[returns(..)]` says.
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) fn of<H: crate::handler::Annotated<M>, M>() -> Declaration {
        use crate::DeclaredSet;
        Declaration {
            handler: std::any::type_name::<H>(),
            codes: <H::Set as DeclaredSet>::CODES,
            page: <H::Set as DeclaredSet>::PAGE,
            op: <H::Set as DeclaredSet>::OPERATION,
        }
    }
}

impl Fallback {
    /// Whether it answers `path`: the prefix it was nested under, or a
    /// path below it; every path for the top-level one.
    #[cfg_attr(not(any(feature = "tower", feature = "actix-web")), allow(dead_code))]
    pub(crate) fn answers(&self, path: &str) -> bool {
        let prefix = self.prefix.trim_end_matches('/');
        prefix.is_empty()
            || path
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }
}

/// What a routes builder registered: the routes, and the fallbacks (default
/// services) that answer where no route matches. Both builders give it,
/// [`routing::Routes`](crate::routing::Routes) for axum and
/// [`actix::Routes`](crate::actix::Routes) for actix-web, so that the
/// contract check reads either.
pub trait RouteList: sealed::Registered {}

impl<T: sealed::Registered> RouteList for T {}

pub(crate) mod sealed {
    /// [`super::RouteList`]'s content, out of the users' reach: a new
    /// builder is this crate's to add.
    pub trait Registered {
        /// Every route, in the order it was registered.
        fn routes(&self) -> &[super::Route];
        /// The fallbacks.
        fn fallbacks(&self) -> &[super::Fallback];
    }
}

/// `POST /v3/groups` → (`POST`, `/v3/groups`): an operation as `op =`
/// writes it, split at its first blank; `None` without one.
#[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
pub(crate) fn split_operation(op: &str) -> Option<(&str, &str)> {
    op.split_once(char::is_whitespace)
        .map(|(method, path)| (method, path.trim()))
}

impl Route {
    /// The route `method path` served by the handler `declaration`
    /// describes, among `documents`; its operation is looked for with
    /// `base` before its path (see [`Route::identify`]).
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) fn new(
        method: Method,
        path: String,
        declaration: Declaration,
        documents: &'static [&'static Document],
        base: Option<&str>,
    ) -> Route {
        let mut route = Route {
            method,
            path,
            handler: declaration.handler,
            declared: declaration.codes,
            op: declaration.op,
            documents,
            page: declaration.page,
            operation: None,
            ambiguous: Vec::new(),
            all: documents,
        };
        route.identify(base);
        route
    }

    /// Why the route contradicts what its handler names, if it does: the
    /// operation of `op =` (method and path template, parameter names
    /// aside, with `base` before the path or without), or an operation of
    /// the page `page =` names, where that page states any.
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) fn contradiction(&self, base: Option<&str>) -> Option<String> {
        let served = |method: &str, template: &str| {
            method.eq_ignore_ascii_case(self.method.as_str())
                && (same_template(template, &self.path)
                    || base.is_some_and(|base| same_template(template, &joined(base, &self.path))))
        };
        let handler = self.handler;
        let route = format!("{} {}", self.method, self.path);
        let page = || {
            let module = self.page?;
            self.all.iter().find(|document| document.module == module)
        };
        if let Some(op) = self.op {
            let (method, template) = split_operation(op).unwrap_or((op, ""));
            if served(method, template) {
                return None;
            }
            let page = page().map_or_else(String::new, |page| {
                format!(" (documented in {})", page.path)
            });
            return Some(format!(
                "`{handler}` names the operation `{op}`{page} with `op =`, but is registered at `{route}`: \
                 register it with `.operation({name})`, which serves it at its operation, or at the method and path its page states",
                name = short_name(handler),
            ));
        }
        let page = page()?;
        if page.operations.is_empty()
            || page
                .operations
                .iter()
                .any(|operation| served(operation.method, operation.path))
        {
            return None;
        }
        let stated: Vec<String> = page.operations.iter().map(|op| format!("`{op}`")).collect();
        Some(format!(
            "`{handler}` names the page {} with `page = {}`, which documents {}, but is registered at `{route}`: \
             register it at the method and path its page states, or name the page that documents `{route}`",
            page.path,
            page.module,
            stated.join(", "),
        ))
    }

    /// Finds the route's operation and pages anew, after its path or the
    /// base path changed: the operations whose method is the route's and
    /// whose path template is `base` and the route's path, else the
    /// route's path alone.
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) fn identify(&mut self, base: Option<&str>) {
        let served = base.map(|base| joined(base, &self.path));
        let matching = |path: &str| -> Vec<PageOperation> {
            let mut found: Vec<PageOperation> = Vec::new();
            for document in self.all {
                let operation = document.operations.iter().find(|operation| {
                    operation.method.eq_ignore_ascii_case(self.method.as_str())
                        && same_template(operation.path, path)
                });
                if let Some(operation) = operation {
                    found.push(PageOperation {
                        document,
                        operation,
                    });
                }
            }
            found
        };
        let mut found = served.as_deref().map(matching).unwrap_or_default();
        if found.is_empty() {
            found = matching(&self.path);
        }
        (self.operation, self.ambiguous) = match found.as_slice() {
            [one] => (Some(*one), Vec::new()),
            _ => (None, if found.len() > 1 { found } else { Vec::new() }),
        };
        let page = match self.page {
            Some(module) => self
                .all
                .iter()
                .position(|document| document.module == module),
            None => self.operation.and_then(|documented| {
                self.all
                    .iter()
                    .position(|document| std::ptr::eq(*document, documented.document))
            }),
        };
        self.documents = match (page, self.page) {
            (Some(at), _) => &self.all[at..=at],
            // A page `page =` names that the documents do not hold.
            (None, Some(_)) => &[],
            (None, None) => self.all,
        };
    }

    /// The row that describes `code` for this route: the first row for it
    /// on the first page, in path order, that lists it. That page is the
    /// handler's own with `page = <page module>` or `op = ".."`, else its operation's.
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

    /// The one page the route is held to, where it has one: the page that
    /// `page =` or `op =` names, else the one that documents the operation
    /// it serves. A route with neither is held to every page.
    pub fn own_page(&self) -> Option<&'static Document> {
        match self.documents {
            [page] if self.page.is_some() || self.operation.is_some() => Some(page),
            _ => None,
        }
    }

    /// Whether the handler declares `code`.
    pub fn declares(&self, code: u16) -> bool {
        self.declared.contains(&code)
    }
}

/// A handler's name without its module path: `user_groups::create` →
/// `create`, as `#[utoipa::path]` names its operation by default.
pub(crate) fn short_name(handler: &str) -> &str {
    // `type_name` of a generic function ends in its arguments: `find<u32>`.
    let bare = handler.split('<').next().unwrap_or(handler);
    bare.rsplit("::").next().unwrap_or(bare)
}

/// `path` under `base`: `/v2/{project_id}` and `/servers` give
/// `/v2/{project_id}/servers`.
fn joined(base: &str, path: &str) -> String {
    let base = base.trim_end_matches('/');
    if path == "/" || path.is_empty() {
        base.to_owned()
    } else {
        format!("{base}{path}")
    }
}

/// Whether two path templates are the same but for their parameters'
/// names: `{id}`, `{group_id}` and axum's `:id` are all one parameter;
/// a catch-all (`{*rest}`, `*rest`) only matches another.
pub fn same_template(documented: &str, served: &str) -> bool {
    template_shape(documented) == template_shape(served)
}

/// `/v3/groups/{group_id}` → `/v3/groups/{}`: a path template with each
/// parameter's name taken out, the rule `same_template` compares by. The
/// generator names operations by it too (`http_returns::__private`);
/// `http-returns-macros`, which this crate depends on, holds a copy for `op =`,
/// with the same cases in its tests.
pub fn template_shape(path: &str) -> String {
    path.split('/')
        .map(segment_shape)
        .collect::<Vec<_>>()
        .join("/")
}

/// A segment with each parameter's name taken out: `{id}.json` → `{}.json`.
fn segment_shape(segment: &str) -> String {
    if segment.starts_with('*') {
        return "{*}".to_owned();
    }
    if segment.starts_with(':') {
        return "{}".to_owned();
    }
    let mut out = String::with_capacity(segment.len());
    let mut rest = segment;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => {
                let catch_all = rest[open + 1..].starts_with('*');
                out.push_str(if catch_all { "{*}" } else { "{}" });
                rest = &rest[open + close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_whatever_their_parameters_are_called() {
        assert!(same_template("/v3/groups/{group_id}", "/v3/groups/{id}"));
        assert!(same_template("/v3/groups/{group_id}", "/v3/groups/:id"));
        assert!(same_template("/v1/{a}-{b}.json", "/v1/{x}-{y}.json"));
        assert!(!same_template("/v3/groups/{group_id}", "/v3/groups"));
        assert!(!same_template("/v3/groups/{group_id}", "/v3/group/{id}"));
        assert!(!same_template("/files/{*rest}", "/files/{rest}"));
        assert!(same_template("/files/{*rest}", "/files/*rest"));
        assert!(same_template("/", "/"));
        assert!(same_template("/x/{open", "/x/{open"));
        assert_eq!(
            joined("/v2/{project_id}/", "/servers"),
            "/v2/{project_id}/servers"
        );
        assert_eq!(joined("/v2", "/"), "/v2");
    }
}
