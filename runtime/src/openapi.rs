//! With the `utoipa` feature: each handler's declarations as the responses
//! of its operation in the service's OpenAPI document, written once, in
//! `#[returns(..)]`, and described as the documents describe them. What
//! `#[utoipa::path]` wrote for a declared code (its body schema, content
//! type, headers) stays.
//!
//! ```
//! use http_returns::routing::{Routes, post};
//! use http_returns::{returns, Reply};
//! use http_returns::bundled as statuses;
//! use utoipa::openapi::OpenApiBuilder;
//!
//! #[returns(202, 409)]
//! async fn deliver(task: String) -> Reply<String> {
//!     Reply::accepted(task)
//! }
//!
//! # fn main() {
//! let routes = Routes::<()>::new(statuses::DOCUMENTS).route("/tasks", post(deliver));
//! let mut api = OpenApiBuilder::new().build();
//! let leftovers = http_returns::openapi::document(&mut api, routes.list());
//! assert!(leftovers.is_empty());
//! let responses = &api.paths.paths["/tasks"].post.as_ref().unwrap().responses.responses;
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["202", "409"]);
//! # }
//! ```

use http::Method;
use utoipa::openapi::path::{HttpMethod, Operation, Parameter, ParameterIn};
use utoipa::openapi::{
    ObjectBuilder, OpenApi, PathItem, RefOr, Required, Response, Responses, Type,
};

use crate::Route;
use crate::route::short_name;

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

/// One line, as the coverage report prints it.
impl std::fmt::Display for Leftover {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Leftover::Response {
                method,
                path,
                status,
            } => write!(
                f,
                "openapi: {method} {path} lists {status}, which its handler does not declare: left out of the document"
            ),
            Leftover::Operation { method, path } => write!(
                f,
                "openapi: {method} {path} is in the document, but no route serves it: its responses are not checked"
            ),
        }
    }
}

/// The responses of `route`'s operation: exactly its declared codes, in
/// ascending order, each described by [`Route::description`] (the first
/// page, in path order, that lists the code; with `page = <page module>`, that
/// page). A code the documents list without a description, or one from an
/// unchecked set, is described by its reason phrase.
pub fn responses(route: &Route) -> Responses {
    let mut responses = Responses::new();
    for &code in route.declared {
        responses.responses.insert(
            code.to_string(),
            Response::new(description(route, code)).into(),
        );
    }
    responses
}

/// What the documents say of `code` for `route`, else its reason phrase.
fn description(route: &Route, code: u16) -> String {
    route
        .description(code)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| reason(code))
}

/// Adds each route's operation to `api`, with exactly its declared codes as
/// responses. An operation that `#[utoipa::path]` or the service wrote
/// already keeps its summary, parameters and bodies, and each declared
/// code keeps the response written for it (content, schema, headers,
/// links); only its description comes from the documents, as in
/// [`responses`]. A path parameter (`{id}`) the operation does not
/// describe is added as a required string. Routes whose method OpenAPI
/// has no field for (`CONNECT`, extension methods) are left out.
///
/// What the document held that no declaration covers is returned, for the
/// coverage report ([`Coverage::with_openapi`](crate::coverage::Coverage::with_openapi)):
/// responses written for codes the handler does not declare, which are
/// left out of the document, and operations that no route serves, which
/// are left as written.
///
/// # Panics
///
/// Where `#[utoipa::path]` wrote a handler's operation (found by its
/// `operation_id`, the function's name unless given) at another method or
/// path than the route that serves the handler: the message names the
/// handler, its operation, its page and the route, and says what to
/// write. The operation is then written twice and the two disagree.
#[must_use = "what the OpenAPI document held that no declaration covers: give it to `Coverage::with_openapi`"]
#[track_caller]
pub fn document(api: &mut OpenApi, routes: &[Route]) -> Vec<Leftover> {
    if let Some(why) = disagreement(api, routes) {
        panic!("{why}");
    }
    let mut leftovers = Vec::new();
    for route in routes {
        let Some(method) = http_method(&route.method) else {
            continue;
        };
        let item = api.paths.paths.entry(route.path.clone()).or_default();
        let operation = operation(item, method).get_or_insert_with(Operation::new);
        let mut written = std::mem::take(&mut operation.responses.responses);
        let mut codes = route.declared.to_vec();
        codes.sort_unstable();
        codes.dedup();
        for code in codes {
            let description = description(route, code);
            let response = match written.remove(&code.to_string()) {
                Some(RefOr::T(mut response)) => {
                    response.description = description;
                    RefOr::T(response)
                }
                Some(RefOr::Ref(mut reference)) => {
                    reference.description = description;
                    RefOr::Ref(reference)
                }
                None => Response::new(description).into(),
            };
            operation
                .responses
                .responses
                .insert(code.to_string(), response);
        }
        leftovers.extend(written.into_keys().map(|status| Leftover::Response {
            method: route.method.clone(),
            path: route.path.clone(),
            status,
        }));
        for name in path_parameters(&route.path) {
            let parameters = operation.parameters.get_or_insert_with(Vec::new);
            let described = parameters
                .iter()
                .any(|p| p.name == name && p.parameter_in == ParameterIn::Path);
            if !described {
                let mut parameter = Parameter::new(name);
                parameter.parameter_in = ParameterIn::Path;
                parameter.required = Required::True;
                parameter.schema = Some(ObjectBuilder::new().schema_type(Type::String).into());
                parameters.push(parameter);
            }
        }
    }
    for (path, item) in &api.paths.paths {
        for method in METHODS {
            let served = routes
                .iter()
                .any(|route| route.path == *path && route.method == http_method_back(&method));
            if operation_ref(item, &method).is_some() && !served {
                leftovers.push(Leftover::Operation {
                    method: http_method_back(&method),
                    path: path.clone(),
                });
            }
        }
    }
    leftovers
}

/// Why `#[utoipa::path]` and a route disagree on a handler's operation,
/// if they do: the document holds an operation whose `operation_id` is
/// the handler's name, and none at the route's method and path.
fn disagreement(api: &OpenApi, routes: &[Route]) -> Option<String> {
    let mut written: Vec<(Method, &str, &str)> = Vec::new();
    for (path, item) in &api.paths.paths {
        for method in METHODS {
            if let Some(id) = operation_ref(item, &method).and_then(|op| op.operation_id.as_deref())
            {
                written.push((http_method_back(&method), path, id));
            }
        }
    }
    for route in routes {
        let name = short_name(route.handler);
        // Two handlers of one name: their operation ids cannot tell them apart.
        if routes
            .iter()
            .filter(|other| short_name(other.handler) == name)
            .count()
            > 1
        {
            continue;
        }
        let mine: Vec<&(Method, &str, &str)> =
            written.iter().filter(|(_, _, id)| *id == name).collect();
        let agrees = mine
            .iter()
            .any(|(method, path, _)| *method == route.method && *path == route.path);
        let Some((method, path, _)) = mine.first().filter(|_| !agrees) else {
            continue;
        };
        let named = match (route.op, route.own_page()) {
            (Some(op), Some(page)) => {
                format!(", which names the operation `{op}` ({}),", page.path)
            }
            (Some(op), None) => format!(", which names the operation `{op}`,"),
            (None, Some(page)) => format!(", whose page is {},", page.path),
            (None, None) => String::new(),
        };
        return Some(format!(
            "`#[utoipa::path]` writes the operation of `{}`{named} as `{method} {path}`, but the handler \
             is served at `{} {}`: write `{}, path = \"{}\"` in its `#[utoipa::path]`",
            route.handler,
            route.method,
            route.path,
            route.method.as_str().to_ascii_lowercase(),
            route.path,
        ));
    }
    None
}

const METHODS: [HttpMethod; 8] = [
    HttpMethod::Get,
    HttpMethod::Put,
    HttpMethod::Post,
    HttpMethod::Delete,
    HttpMethod::Options,
    HttpMethod::Head,
    HttpMethod::Patch,
    HttpMethod::Trace,
];

fn http_method(method: &Method) -> Option<HttpMethod> {
    Some(match *method {
        Method::GET => HttpMethod::Get,
        Method::PUT => HttpMethod::Put,
        Method::POST => HttpMethod::Post,
        Method::DELETE => HttpMethod::Delete,
        Method::OPTIONS => HttpMethod::Options,
        Method::HEAD => HttpMethod::Head,
        Method::PATCH => HttpMethod::Patch,
        Method::TRACE => HttpMethod::Trace,
        _ => return None,
    })
}

fn http_method_back(method: &HttpMethod) -> Method {
    match method {
        HttpMethod::Get => Method::GET,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Post => Method::POST,
        HttpMethod::Delete => Method::DELETE,
        HttpMethod::Options => Method::OPTIONS,
        HttpMethod::Head => Method::HEAD,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Trace => Method::TRACE,
    }
}

fn operation_ref<'a>(item: &'a PathItem, method: &HttpMethod) -> Option<&'a Operation> {
    match method {
        HttpMethod::Get => item.get.as_ref(),
        HttpMethod::Put => item.put.as_ref(),
        HttpMethod::Post => item.post.as_ref(),
        HttpMethod::Delete => item.delete.as_ref(),
        HttpMethod::Options => item.options.as_ref(),
        HttpMethod::Head => item.head.as_ref(),
        HttpMethod::Patch => item.patch.as_ref(),
        HttpMethod::Trace => item.trace.as_ref(),
    }
}

fn operation(item: &mut PathItem, method: HttpMethod) -> &mut Option<Operation> {
    match method {
        HttpMethod::Get => &mut item.get,
        HttpMethod::Put => &mut item.put,
        HttpMethod::Post => &mut item.post,
        HttpMethod::Delete => &mut item.delete,
        HttpMethod::Options => &mut item.options,
        HttpMethod::Head => &mut item.head,
        HttpMethod::Patch => &mut item.patch,
        HttpMethod::Trace => &mut item.trace,
    }
}

/// The names of a path's parameters: `/tasks/{id}` → `id`; a catch-all
/// `{*rest}` → `rest`.
fn path_parameters(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter_map(|segment| {
        let name = segment.strip_prefix('{')?.strip_suffix('}')?;
        Some(name.trim_start_matches('*'))
    })
}

/// `404` → `Not Found`, or `Status 599` for a code without one.
fn reason(code: u16) -> String {
    http::StatusCode::from_u16(code)
        .ok()
        .and_then(|status| status.canonical_reason())
        .map_or_else(|| format!("Status {code}"), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parameters_are_read_from_braces() {
        let names: Vec<&str> = path_parameters("/v3/{project_id}/groups/{*rest}").collect();
        assert_eq!(names, ["project_id", "rest"]);
        assert_eq!(path_parameters("/tasks").count(), 0);
    }
}
