//! The requests the contract check sends for a route: built from its
//! method and path template, one variation at a time from a plain request
//! (each path parameter `1`, no body, no query), in a fixed order, so that
//! every run sends the same requests.

use http::Method;

/// One request to send, and what makes it what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Probe {
    /// The method.
    pub(crate) method: Method,
    /// The path and query, as sent.
    pub(crate) target: String,
    /// The `content-type` header, if any.
    pub(crate) content_type: Option<&'static str>,
    /// The body, if any (`Some("")` is an empty body).
    pub(crate) body: Option<&'static str>,
    /// What it varies, for the finding: `the word "abc" as {id}`.
    pub(crate) what: String,
}

/// A path parameter's shapes: what is put in, and how a finding says it.
const SHAPES: [(&str, &str); 5] = [
    ("1", "a number"),
    ("abc", "a word"),
    ("", "nothing"),
    (LONG, "2,048 characters"),
    ("%C3%A9t%C3%A9", "percent-encoded non-ASCII (`été`)"),
];

/// A very long parameter: 2,048 `a`s.
const LONG: &str = {
    const BYTES: [u8; 2048] = [b'a'; 2048];
    match std::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("ASCII is UTF-8"),
    }
};

/// The bodies: content type, body, how a finding says it.
const BODIES: [(Option<&str>, &str, &str); 3] = [
    (Some("application/json"), "", "an empty body"),
    (Some("application/json"), "{\"", "a malformed JSON body"),
    (
        Some("application/xml"),
        "<group/>",
        "a body with the wrong content type (`application/xml`)",
    ),
];

/// The queries: what follows `?`, and how a finding says it.
const QUERIES: [(&str, &str); 2] = [
    ("unknown=1", "an unknown query parameter"),
    ("%zz=%&&=1&a", "a malformed query string"),
];

/// The methods a path is tried with where it does not serve them: every
/// standard one but `TRACE` and `CONNECT`, which routers rarely serve.
pub(crate) const METHODS: &[Method] = crate::conformance::STANDARD.split_at(7).0;

/// A path template's parts: literal text and parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part<'a> {
    Text(&'a str),
    Parameter(&'a str),
}

/// `/v3/groups/{id}` → text `/v3/groups/`, parameter `id`; axum's `:id`
/// and `*rest` segments are parameters too. `None` where the braces do
/// not pair.
fn parts(template: &str) -> Option<Vec<Part<'_>>> {
    let mut parts = Vec::new();
    for (at, segment) in template.split('/').enumerate() {
        if at > 0 {
            parts.push(Part::Text("/"));
        }
        if let Some(name) = segment
            .strip_prefix(':')
            .or_else(|| segment.strip_prefix('*'))
        {
            parts.push(Part::Parameter(name));
            continue;
        }
        let mut rest = segment;
        while let Some(open) = rest.find(['{', '}']) {
            if !rest[open..].starts_with('{') {
                return None;
            }
            let close = open + rest[open..].find('}')?;
            if open > 0 {
                parts.push(Part::Text(&rest[..open]));
            }
            let name = &rest[open + 1..close];
            parts.push(Part::Parameter(name.trim_start_matches('*')));
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest));
        }
    }
    Some(parts)
}

/// The path with every parameter `value`, or the parameter `only` alone
/// (by its position) `value` and the others `1`.
fn filled(parts: &[Part<'_>], only: Option<usize>, value: &str) -> String {
    let mut path = String::new();
    let mut index = 0;
    for part in parts {
        match part {
            Part::Text(text) => path.push_str(text),
            Part::Parameter(_) => {
                let mine = only.is_none_or(|wanted| wanted == index);
                path.push_str(if mine { value } else { "1" });
                index += 1;
            }
        }
    }
    path
}

/// The requests for `method` at `template`: the plain one, each shape of
/// each path parameter, each body, each query. `None` where the template
/// cannot be read.
pub(crate) fn probes(method: &Method, template: &str) -> Option<Vec<Probe>> {
    let parts = parts(template)?;
    let names: Vec<&str> = parts
        .iter()
        .filter_map(|part| match part {
            Part::Parameter(name) => Some(*name),
            Part::Text(_) => None,
        })
        .collect();
    let plain = filled(&parts, None, "1");
    let probe = |target: String, content_type, body, what: String| Probe {
        method: method.clone(),
        target,
        content_type,
        body,
        what,
    };
    let mut probes = vec![probe(
        plain.clone(),
        None,
        None,
        "a plain request".to_owned(),
    )];
    for (at, name) in names.iter().enumerate() {
        for (value, said) in &SHAPES[1..] {
            let what = format!("{said} as `{{{name}}}`");
            probes.push(probe(filled(&parts, Some(at), value), None, None, what));
        }
    }
    // A method without a body in its meaning still gets one: a handler
    // that reads it must declare what its extractor answers.
    for (content_type, body, said) in BODIES {
        probes.push(probe(
            plain.clone(),
            content_type,
            Some(body),
            said.to_owned(),
        ));
    }
    for (query, said) in QUERIES {
        probes.push(probe(
            format!("{plain}?{query}"),
            None,
            None,
            said.to_owned(),
        ));
    }
    Some(probes)
}

/// The plain request for `method` at `template`, for a method the path
/// does not serve.
pub(crate) fn unserved(method: &Method, template: &str) -> Option<Probe> {
    let parts = parts(template)?;
    Some(Probe {
        method: method.clone(),
        target: filled(&parts, None, "1"),
        content_type: None,
        body: None,
        what: format!("{method}, which no handler serves at this path"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_parameter_is_varied_alone() {
        let probes =
            probes(&Method::GET, "/v2/{project_id}/servers/{id}.json").expect("a template");
        let targets: Vec<&str> = probes.iter().map(|p| p.target.as_str()).take(6).collect();
        assert_eq!(
            targets,
            [
                "/v2/1/servers/1.json",
                "/v2/abc/servers/1.json",
                "/v2//servers/1.json",
                &format!("/v2/{LONG}/servers/1.json"),
                "/v2/%C3%A9t%C3%A9/servers/1.json",
                "/v2/1/servers/abc.json",
            ]
        );
        // 1 plain + 4 shapes x 2 parameters + 3 bodies + 2 queries.
        assert_eq!(probes.len(), 1 + 8 + 3 + 2);
        assert_eq!(
            probes,
            super::probes(&Method::GET, "/v2/{project_id}/servers/{id}.json").expect("a template")
        );
    }

    #[test]
    fn axum_parameters_and_catch_alls_are_parameters() {
        assert_eq!(
            unserved(&Method::PUT, "/files/:dir/{*rest}").map(|p| p.target),
            Some("/files/1/1".to_owned())
        );
        assert_eq!(probes(&Method::GET, "/x/}{"), None);
        assert_eq!(probes(&Method::GET, "/x/{open"), None);
    }
}
