//! The errors of `#[returns(.., op = "...")]`, which a generated module's
//! `__operation!` calls back for an operation it cannot name a page for:
//! no page documents it ([`no_such_operation`]), or several do
//! ([`ambiguous_operation`]). The module passes its documented operations
//! as tokens: the macro still reads no documents.
//!
//! Both report at the user's string, once, in `page` mode (the handler's
//! `PAGE`, a `const`): `{ compile_error!(..); "" }`. In `checks` mode (its
//! `Documents` type) they give the runtime's `AnyCode`, which lists every
//! code, so that the one mistake gives one error and no cascade.

use proc_macro::{Delimiter, Literal, Span, TokenStream, TokenTree};

use crate::tokens::Tokens;

/// `no_such_operation!(mode "POST /v3/grups" [::http_returns] "`docs/`" ["POST /v3/groups" "creating-a-user-group.md" ...])`.
pub fn no_such(input: TokenStream) -> TokenStream {
    let mut trees = flat(input);
    let Some((mode, op, rest)) = head(&mut trees) else {
        return malformed();
    };
    let [
        TokenTree::Group(runtime),
        source,
        command,
        TokenTree::Group(list),
    ] = rest.as_slice()
    else {
        return malformed();
    };
    let source = string(source).unwrap_or_default();
    let command = string(command).unwrap_or_default();
    let documented: Vec<(String, String)> = flat(list.stream())
        .chunks(2)
        .filter_map(|pair| Some((string(pair.first()?)?, string(pair.get(1)?)?)))
        .collect();
    let (written, span) = op;
    let written = shown(&written);
    let message = if documented.is_empty() {
        format!(
            "no page in {source} documents an operation, so none can be named with `op =`: a page states \
             its operation under a `URI` heading, such as `POST /v3/groups`; add it there and run `{command}`"
        )
    } else {
        let wanted = normal(&written);
        let mut ranked: Vec<(usize, &(String, String))> = documented
            .iter()
            .map(|entry| (distance(&wanted, &normal(&entry.0)), entry))
            .collect();
        ranked.sort_by_key(|(distance, _)| *distance);
        let nearest: Vec<String> = ranked
            .iter()
            .take(3)
            .map(|(_, (op, page))| format!("`{op}` ({page})"))
            .collect();
        format!(
            "no page in {source} documents the operation `{written}`\n\
             note: the nearest documented operations: {}\n\
             help: parameter names do not matter (`{{id}}` matches `{{group_id}}`); the method and \
             every other part of the path must be as the page states it\n\
             help: if the operation is new, add its page to {source} and run `{command}`",
            nearest.join(", ")
        )
    };
    error(&mode, &runtime.stream(), span, &message)
}

/// `no_such_page!(mode creating_a_user_grup [::http_returns] "`docs/`" "cargo xtask regen" ["creating_a_user_group" "creating-a-user-group.md" ...])`:
/// `page =` names a module that no page has; an error at the user's name,
/// with the nearest page modules.
pub fn no_such_page(input: TokenStream) -> TokenStream {
    let trees = flat(input);
    let [
        TokenTree::Ident(mode),
        TokenTree::Ident(page),
        TokenTree::Group(runtime),
        source,
        command,
        TokenTree::Group(list),
    ] = trees.as_slice()
    else {
        return malformed();
    };
    let source = string(source).unwrap_or_default();
    let command = string(command).unwrap_or_default();
    let wanted = page.to_string();
    let pages: Vec<(String, String)> = flat(list.stream())
        .chunks(2)
        .filter_map(|pair| Some((string(pair.first()?)?, string(pair.get(1)?)?)))
        .collect();
    let mut ranked: Vec<(usize, &(String, String))> = pages
        .iter()
        .map(|entry| (distance(&wanted, &entry.0), entry))
        .collect();
    ranked.sort_by_key(|(distance, _)| *distance);
    let nearest: Vec<String> = ranked
        .iter()
        .take(3)
        .map(|(_, (module, path))| format!("`{module}` ({path})"))
        .collect();
    let message = format!(
        "no page in {source} has the module `{wanted}`\n\
         note: the nearest page modules: {}\n\
         help: a page's module is its path in snake case (`creating-a-user-group.md` is \
         `creating_a_user_group`); if the page is new, add it to {source} and run `{command}`",
        nearest.join(", ")
    );
    error(&mode.to_string(), &runtime.stream(), page.span(), &message)
}

/// `ambiguous_operation!(mode "GET /x/{id}" [::http_returns] "GET /x/{x_id}" ["a.md" "b.md"])`.
pub fn ambiguous(input: TokenStream) -> TokenStream {
    let mut trees = flat(input);
    let Some((mode, (written, span), rest)) = head(&mut trees) else {
        return malformed();
    };
    let written = shown(&written);
    let [TokenTree::Group(runtime), _, TokenTree::Group(pages)] = rest.as_slice() else {
        return malformed();
    };
    let pages: Vec<String> = flat(pages.stream()).iter().filter_map(string).collect();
    let message = format!(
        "more than one page documents the operation `{written}` ({}): name the page with \
         `page = <page module>` instead of `op =`",
        pages.join(", ")
    );
    error(&mode, &runtime.stream(), span, &message)
}

/// The mode, the user's operation with its span, and the rest.
fn head(trees: &mut Vec<TokenTree>) -> Option<(String, (String, Span), Vec<TokenTree>)> {
    if trees.len() < 2 {
        return None;
    }
    let rest = trees.split_off(2);
    let TokenTree::Ident(mode) = &trees[0] else {
        return None;
    };
    let op = string(&trees[1])?;
    Some((mode.to_string(), (op, trees[1].span()), rest))
}

/// `text` with every character that is not visible ASCII or a space
/// written as an escape (`PO\u{200d}ST`), so that a message shows what the
/// user's string holds, not what a terminal makes of it.
pub fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_graphic() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
    }
    out
}

/// The tokens, with the invisible groups that `macro_rules!` puts around a
/// `$x:literal` it passes on taken away.
fn flat(input: TokenStream) -> Vec<TokenTree> {
    let mut out = Vec::new();
    for tree in input {
        match tree {
            TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
                out.extend(flat(group.stream()));
            }
            other => out.push(other),
        }
    }
    out
}

/// A string literal's value, for the plain strings the module and the
/// attribute write (no escapes beyond `\"` and `\\`).
fn string(tree: &TokenTree) -> Option<String> {
    let TokenTree::Literal(literal) = tree else {
        return None;
    };
    let text = literal.to_string();
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    Some(inner.replace("\\\"", "\"").replace("\\\\", "\\"))
}

/// In `page` mode, `{ compile_error!(message); "" }` at `span`; in
/// `checks` mode, the type `runtime::AnyCode`.
fn error(mode: &str, runtime: &TokenStream, span: Span, message: &str) -> TokenStream {
    let runtime: Vec<TokenTree> = runtime.clone().into_iter().collect();
    if mode != "page" {
        return Tokens::build(span, |t| {
            t.extend(&runtime).colons().ident("AnyCode");
        });
    }
    Tokens::build(span, |t| {
        t.group(Delimiter::Brace, |t| {
            compile_error(t, message);
            t.punct(';');
            let mut empty = Literal::string("");
            empty.set_span(span);
            t.push(empty);
        });
    })
}

/// `::core::compile_error!(message)`.
fn compile_error(t: &mut Tokens, message: &str) {
    t.colons()
        .ident("core")
        .colons()
        .ident("compile_error")
        .punct('!')
        .group(Delimiter::Parenthesis, |t| {
            t.string(message);
        });
}

fn malformed() -> TokenStream {
    Tokens::build(Span::call_site(), |t| {
        compile_error(
            t,
            "the status module's `__operation!` table is malformed: regenerate it",
        );
    })
}

/// `post /v3/groups/{group_id}` → `POST /v3/groups/{}`: parameter names,
/// in braces or axum's `:name`, do not matter; a catch-all is `{*}`. A copy
/// of `http-returns`' `route::template_shape`, which the generator writes the
/// module's `__operation!` arms in: `http-returns` depends on this crate, so
/// this crate cannot call it. The same cases are in the tests of both.
pub fn normal(op: &str) -> String {
    let mut words = op.split_whitespace();
    let method = words.next().unwrap_or_default().to_ascii_uppercase();
    let path = words.next().unwrap_or_default();
    let mut out = format!("{method} ");
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&segment_shape(segment));
    }
    out
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

/// Levenshtein distance, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generator's cases for its copy of the rule.
    #[test]
    fn operations_normalise_as_the_generator_does() {
        assert_eq!(normal("get /v3/groups/{group_id}"), "GET /v3/groups/{}");
        assert_eq!(normal("GET  /v3/groups/:id"), "GET /v3/groups/{}");
        assert_eq!(normal("GET /v1/{a}-{b}.json"), "GET /v1/{}-{}.json");
        assert_eq!(normal("GET /files/{*rest}"), "GET /files/{*}");
        assert_eq!(normal("GET /files/*rest"), "GET /files/{*}");
        assert_eq!(normal("GET /"), "GET /");
        assert_eq!(normal("GET /x/{open"), "GET /x/{open");
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("POST /v3/groups", "POST /v3/grups"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("GET /a", "GET /a"), 0);
    }
}
