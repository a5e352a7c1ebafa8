//! Routes: a method and a path served by a handler with `#[returns(..)]`,
//! with the codes it declares and the pages that describe them, read from
//! the handler without calling it. The API documentation, the conformance
//! layer and the coverage report all start from a list of these.

use http::Method;

use crate::DeclaredSet;
use crate::document::{Document, Entry};
use crate::handler::Annotated;

/// One operation of a service: what [`Route::new`] reads from its handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The HTTP method.
    pub method: Method,
    /// The path, as the router writes it (`/tasks/{id}`).
    pub path: &'static str,
    /// The codes the handler declares, in the order its `#[returns(..)]`
    /// lists them.
    pub declared: &'static [u16],
    /// The pages its codes are checked against: every page of the
    /// documents given to [`Route::new`], or with `spec = page` that page.
    pub documents: &'static [&'static Document],
    /// The page module that `spec = page` names, if the handler has one.
    pub page: Option<&'static str>,
}

impl Route {
    /// The route `method path`, served by `handler`, whose codes are
    /// checked against `documents`: the crate's, `returns_spec::DOCUMENTS`
    /// (or, for a handler with `docs = path`, `path::DOCUMENTS`). With
    /// `spec = page`, the route's documents are that page alone; a page
    /// that `documents` does not hold leaves it none.
    ///
    /// ```
    /// use returns::http::Method;
    /// use returns::{returns, Reply, Route};
    /// use returns::spec as returns_spec;
    ///
    /// #[returns(200, 404)]
    /// async fn show(id: u32) -> Reply<String> {
    ///     Reply::ok(id.to_string())
    /// }
    ///
    /// # fn main() {
    /// let route = Route::new(Method::GET, "/tasks/{id}", &show, returns_spec::DOCUMENTS);
    /// assert_eq!(route.declared, [200, 404]);
    /// assert_eq!(route.description(404), Some("The server cannot find the page requested."));
    /// # }
    /// ```
    pub fn new<Marker, H: Annotated<Marker>>(
        method: Method,
        path: &'static str,
        handler: &H,
        documents: &'static [&'static Document],
    ) -> Route {
        let _ = handler;
        let page = <H::Set as DeclaredSet>::PAGE;
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
            declared: <H::Set as DeclaredSet>::CODES,
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
