//! What both routes builders keep and check, whatever the framework: the
//! routes and fallbacks registered so far, the pages they are held to, the
//! base path, and the rules that tie a route to its handler's operation.
//! [`routing::Routes`](crate::routing::Routes) (axum) and
//! [`actix::Routes`](crate::actix::Routes) (actix-web) each add a router.

use std::borrow::Cow;

use http::Method;

use crate::document::Document;
use crate::route::{Declaration, Fallback, Route, same_template, split_operation, template_shape};

/// The routes and fallbacks a builder registered, and what they are read
/// against.
#[derive(Debug, Clone)]
pub(crate) struct Listing {
    pub(crate) routes: Vec<Route>,
    pub(crate) fallbacks: Vec<Fallback>,
    pub(crate) documents: &'static [&'static Document],
    /// What the documents' paths start with where the service's do not.
    pub(crate) base: Option<String>,
    /// The router's name in messages: `axum`, `actix-web`.
    router: &'static str,
}

impl Listing {
    /// Nothing registered yet.
    pub(crate) fn new(documents: &'static [&'static Document], router: &'static str) -> Listing {
        Listing {
            routes: Vec::new(),
            fallbacks: Vec::new(),
            documents,
            base: None,
            router,
        }
    }

    /// Sets the base path and finds every route's operation anew.
    pub(crate) fn base_path(&mut self, base: &str) {
        self.base = Some(base.to_owned());
        for route in &mut self.routes {
            route.identify(self.base.as_deref());
        }
    }

    /// Lists `handlers` at `path`, then checks them (a nest may follow).
    #[track_caller]
    pub(crate) fn add(&mut self, path: &str, handlers: Vec<(Method, Declaration)>) {
        let from = self.routes.len();
        for (method, declaration) in handlers {
            self.push(method, path.to_owned(), declaration);
        }
        self.hold(from, Check::NestingMayFollow);
    }

    /// Lists one route, unchecked.
    pub(crate) fn push(&mut self, method: Method, path: String, declaration: Declaration) {
        self.routes.push(Route::new(
            method,
            path,
            declaration,
            self.documents,
            self.base.as_deref(),
        ));
    }

    /// The method and path at which the handler `declaration` describes
    /// is served: its operation, without the base path, written as a route
    /// already registered with the same shape writes it (a router refuses
    /// one path under two spellings of its parameters).
    ///
    /// # Panics
    ///
    /// Where the operation's path cannot be a route's, naming the handler,
    /// its page and the template.
    #[track_caller]
    pub(crate) fn operation(&self, declaration: &Declaration) -> (Method, String) {
        let op = declaration.op.unwrap_or_default();
        let (method, template) = match served_operation(op, self.router) {
            Ok(served) => served,
            Err(why) => panic!(
                "`{}` cannot be registered at its operation `{op}`{}: {why}",
                declaration.handler,
                self.page_path(declaration.page)
                    .map_or_else(String::new, |path| format!(" (documented in {path})")),
            ),
        };
        let path = self
            .base
            .as_deref()
            .and_then(|base| under_base(base, template))
            .unwrap_or_else(|| template.to_owned());
        let path = self
            .routes
            .iter()
            .find(|route| same_template(&route.path, &path))
            .map_or(path, |route| route.path.clone());
        (method, path)
    }

    /// The path of the page whose module is `module`.
    fn page_path(&self, module: Option<&str>) -> Option<&'static str> {
        let module = module?;
        self.documents
            .iter()
            .find(|document| document.module == module)
            .map(|document| document.path)
    }

    /// Lists `other`'s routes and fallbacks under `prefix`, with their
    /// operations found by the whole path they are served at, then checks
    /// every route.
    #[track_caller]
    pub(crate) fn nest(&mut self, prefix: &str, other: Listing) {
        let base = self.base.clone();
        self.routes
            .extend(other.routes.into_iter().map(|mut route| {
                route.path = nested(prefix, &route.path).into_owned();
                route.identify(base.as_deref());
                route
            }));
        self.fallbacks
            .extend(other.fallbacks.into_iter().map(|mut fallback| {
                fallback.prefix = nested(prefix, &fallback.prefix).into_owned();
                fallback
            }));
        self.hold(0, Check::NestingMayFollow);
    }

    /// Lists `other`'s routes and fallbacks beside these, then checks every
    /// route.
    #[track_caller]
    pub(crate) fn merge(&mut self, other: Listing) {
        let base = self.base.clone();
        self.routes
            .extend(other.routes.into_iter().map(|mut route| {
                route.identify(base.as_deref());
                route
            }));
        self.fallbacks.extend(other.fallbacks);
        self.hold(0, Check::NestingMayFollow);
    }

    /// Lists a top-level fallback.
    pub(crate) fn fallback(&mut self, declaration: &Declaration) {
        self.fallbacks.push(Fallback {
            prefix: String::new(),
            declared: declaration.codes,
        });
    }

    /// Panics if a route from `from` on contradicts what its handler
    /// names. With [`Check::NestingMayFollow`], a route whose path may
    /// still be nested to reach the operation waits.
    #[track_caller]
    pub(crate) fn hold(&self, from: usize, check: Check) {
        let base = self.base.as_deref();
        for route in &self.routes[from..] {
            let Some(why) = route.contradiction(base) else {
                continue;
            };
            if check == Check::NestingMayFollow && may_nest_into(route, self.documents) {
                continue;
            }
            panic!("{why}");
        }
    }
}

/// Whether a contradiction found now is final.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    /// The routes may still be nested under a prefix.
    NestingMayFollow,
    /// They are served as they are.
    Final,
}

/// Whether `route`'s path, nested under some prefix, could be the
/// operation its handler names (or one its page states): its shape ends
/// the operation's, segment for segment, and is shorter.
fn may_nest_into(route: &Route, documents: &[&Document]) -> bool {
    let tail = template_shape(&route.path);
    let ends = |template: &str| {
        let whole = template_shape(template);
        whole.len() > tail.len() && whole.ends_with(&tail) && (tail.starts_with('/'))
    };
    if let Some(op) = route.op {
        return ends(split_operation(op).map_or("", |(_, path)| path));
    }
    let Some(module) = route.page else {
        return false;
    };
    documents
        .iter()
        .filter(|document| document.module == module)
        .flat_map(|document| document.operations)
        .any(|operation| ends(operation.path))
}

/// The method and path template of `op` (`POST /v3/groups`), if axum can
/// serve it: a path from `/` whose parameters are `{name}`, or a last
/// `{*name}`; else why not.
fn served_operation<'a>(op: &'a str, router: &str) -> Result<(Method, &'a str), String> {
    let (method, path) =
        split_operation(op).ok_or_else(|| "it is not a method and a path".to_owned())?;
    let method = Method::from_bytes(method.as_bytes())
        .map_err(|_| format!("`{method}` is not an HTTP method"))?;
    if !path.starts_with('/') {
        return Err(format!("the path `{path}` does not start with `/`"));
    }
    let segments: Vec<&str> = path.split('/').collect();
    for (at, segment) in segments.iter().enumerate() {
        if let Some(name) = segment.strip_prefix(':') {
            return Err(format!(
                "the segment `{segment}` is a parameter in a form {router} does not read: write it `{{{name}}}`"
            ));
        }
        let mut rest = *segment;
        while let Some(open) = rest.find(['{', '}']) {
            let Some(close) = rest[open..]
                .find('}')
                .filter(|_| rest[open..].starts_with('{'))
            else {
                return Err(format!("the segment `{segment}` has unbalanced braces"));
            };
            let inside = &rest[open + 1..open + close];
            let (catch_all, name) = match inside.strip_prefix('*') {
                Some(name) => (true, name),
                None => (false, inside),
            };
            let plain = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !plain {
                return Err(format!(
                    "the parameter `{{{inside}}}` is not a name {router} can match: the template \
                     `{path}` is not a path a router serves (register the handler with `.route(..)` \
                     at a path written for {router})"
                ));
            }
            if catch_all && (at + 1 != segments.len() || *segment != format!("{{{inside}}}")) {
                return Err(format!(
                    "the catch-all `{{{inside}}}` is not a whole last segment, as {router} needs it"
                ));
            }
            rest = &rest[open + close + 1..];
        }
    }
    Ok((method, path))
}

/// `template` with `base` taken off its start (`/v2/{project_id}` and
/// `/v2/{p}/servers` give `/servers`), if it starts with it, parameter
/// names aside.
fn under_base(base: &str, template: &str) -> Option<String> {
    let base: Vec<&str> = base.trim_end_matches('/').split('/').collect();
    let parts: Vec<&str> = template.split('/').collect();
    if parts.len() < base.len()
        || base
            .iter()
            .zip(&parts)
            .any(|(b, p)| template_shape(b) != template_shape(p))
    {
        return None;
    }
    let rest = parts[base.len()..].join("/");
    Some(format!("/{rest}"))
}

/// The path of `path` nested under `prefix`, as axum writes it in
/// `MatchedPath` (its `path_for_nested_route`): a fallback's empty path
/// is the prefix itself.
pub(crate) fn nested<'a>(prefix: &'a str, path: &'a str) -> Cow<'a, str> {
    if path.is_empty() || path == "/" {
        Cow::Borrowed(prefix)
    } else if let Some(stem) = prefix.strip_suffix('/') {
        Cow::Owned(format!("{stem}{path}"))
    } else {
        Cow::Owned(format!("{prefix}{path}"))
    }
}

#[cfg(test)]
mod tests {
    use super::nested;

    #[test]
    fn nested_paths_are_joined_as_axum_joins_them() {
        assert_eq!(
            nested("/v2/{project_id}", "/groups"),
            "/v2/{project_id}/groups"
        );
        assert_eq!(nested("/v2/", "/groups"), "/v2/groups");
        assert_eq!(nested("/v2", "/"), "/v2");
        assert_eq!(nested("/v2", ""), "/v2");
    }
}
