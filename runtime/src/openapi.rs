//! With the `utoipa` feature: each handler's declarations as the responses
//! of its operation in the service's OpenAPI document, written once, in
//! `#[returns(..)]`, and described as the documents describe them.
//!
//! ```
//! use returns::http::Method;
//! use returns::{returns, Reply, Route};
//! use returns::spec as returns_spec;
//! use utoipa::openapi::OpenApiBuilder;
//!
//! #[returns(202, 409)]
//! async fn deliver(task: String) -> Reply<String> {
//!     Reply::accepted(task)
//! }
//!
//! # fn main() {
//! let mut api = OpenApiBuilder::new().build();
//! let routes = [Route::new(Method::POST, "/tasks", &deliver, returns_spec::DOCUMENTS)];
//! returns::openapi::document(&mut api, &routes);
//! let responses = &api.paths.paths["/tasks"].post.as_ref().unwrap().responses.responses;
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["202", "409"]);
//! # }
//! ```

use http::Method;
use utoipa::openapi::path::{HttpMethod, Operation, Parameter, ParameterIn};
use utoipa::openapi::{ObjectBuilder, OpenApi, PathItem, Required, Response, Responses, Type};

use crate::Route;

/// The responses of `route`'s operation: exactly its declared codes, in
/// ascending order, each described by [`Route::description`] (the first
/// page, in path order, that lists the code; with `spec = page`, that
/// page). A code the documents list without a description, or one from an
/// unchecked set, is described by its reason phrase.
pub fn responses(route: &Route) -> Responses {
    // Ascending: the map is keyed by the three-digit code as text.
    let mut responses = Responses::new();
    for &code in route.declared {
        let description = route
            .description(code)
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| reason(code));
        responses
            .responses
            .insert(code.to_string(), Response::new(description).into());
    }
    responses
}

/// Adds each route's operation to `api`, with [`responses`]: an operation
/// that `#[utoipa::path]` or the service wrote already keeps its summary,
/// parameters and bodies, and gets its responses replaced by the declared
/// ones. A path parameter (`{id}`) the operation does not describe is added
/// as a required string. Routes whose method OpenAPI has no field for
/// (`CONNECT`, extension methods) are left out.
pub fn document(api: &mut OpenApi, routes: &[Route]) {
    for route in routes {
        let Some(method) = http_method(&route.method) else {
            continue;
        };
        let item = api.paths.paths.entry(route.path.to_owned()).or_default();
        let slot = operation(item, method);
        let operation = slot.get_or_insert_with(Operation::new);
        operation.responses = responses(route);
        for name in path_parameters(route.path) {
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
}

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
