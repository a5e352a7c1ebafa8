//! What `#[returns(..)]` expands to.
//!
//! ```text
//! #[returns(202, 409)]
//! fn deliver() -> Reply<B> { body }
//! ```
//! becomes
//! ```text
//! /// (the user's docs, then) Declared status codes: 202, 409.
//! fn deliver() -> Reply<B, impl ::returns::DeclaredSet> {
//!     enum ReturnsAttribute {}
//!     impl ::returns::Declares<202> for ReturnsAttribute {} // spanned at `202`
//!     impl ::returns::Declares<409> for ReturnsAttribute {} // spanned at `409`
//!     impl ::returns::DeclaredSet for ReturnsAttribute {
//!         const CODES: &'static [u16] = &[202, 409];
//!         type Documents = crate::returns_spec::Checks; // the crate's documents
//!     }
//!     let __returns_reply: Reply<B, ReturnsAttribute> = { body };
//!     #[allow(unreachable_code)] // for a body that ends in `return` or `todo!()`
//!     __returns_reply
//! }
//! ```
//! `Reply::not_found(..)` in the body then needs `ReturnsAttribute:
//! Declares<404>`, which fails at that call; rustc's help points at the
//! enum, that is, at the attribute. `Declares<N>` requires that the set's
//! `Documents` list `N`, so an undocumented code fails its impl, at its
//! literal. The set type is local to the body, so the same expansion works
//! for methods in `impl` blocks, where no item can be added beside the
//! function.
//!
//! Generated tokens resolve like the user's own code (`call_site` located,
//! resolved at the function's name): rustc then treats them as it treats
//! hand-written items, which keeps incremental rebuilds of many annotated
//! handlers nearly as fast as the same code written by hand.

use proc_macro::{Delimiter, Group, Span, TokenStream, TokenTree};

use crate::args::{self, Args};
use crate::function::Function;
use crate::rewrite::{self, Place};
use crate::tokens::{Tokens, respan};

/// Expands `#[returns(args)] item`.
pub fn returns(args: TokenStream, item: TokenStream) -> TokenStream {
    let (args, error) = args::parse(args);
    let function = match Function::scan(item.clone()) {
        Ok(function) => function,
        Err(not_a_function) => return with_error(item, combine(error, not_a_function)),
    };
    // Located at the attribute, resolved like the user's code: see the module docs.
    let span = Span::call_site().resolved_at(function.name_span);
    let krate = match &args.krate {
        Some(path) => path.clone(),
        None => Tokens::trees(span, |t| {
            t.colons().ident("returns");
        }),
    };
    let Some(output) = function.output.clone() else {
        let message = "`#[returns(..)]` checks the `Reply` a function returns, but this function returns nothing: \
                       give it a return type such as `-> Reply<B>`";
        return with_error(
            item,
            combine(error, syn::Error::new(function.name_span.into(), message)),
        );
    };
    let output_tokens = &function.tokens[output.clone()];
    let mut error = error;
    let mut signature_type = None;
    if error.is_none() {
        let declared_set = Tokens::trees(span, |t| {
            t.ident("impl").extend(&krate).colons().ident("DeclaredSet");
        });
        let rewritten = rewrite::add_set(output_tokens, &declared_set, Place::Signature);
        match rewritten.behind_opaque {
            Some(reply) => {
                let message = "`#[returns(..)]` gives its set to the `Reply`s a function returns, \
                               but this one is inside an `impl`, `dyn` or `fn` type, out of its reach: \
                               return `Reply<B>` itself (with `async fn` for a future)";
                error = combine(error, syn::Error::new(reply.into(), message));
            }
            None => signature_type = Some(rewritten),
        }
    }
    // After an error, `Unchecked` declares every code: that error is then the
    // only one, not a cascade from the body.
    let (signature_type, body_set) = match signature_type {
        Some(rewritten) => (
            rewritten,
            Tokens::trees(span, |t| {
                t.ident(SET);
            }),
        ),
        None => {
            let unchecked = Tokens::trees(span, |t| {
                t.extend(&krate)
                    .colons()
                    .ident("__private")
                    .colons()
                    .ident("Unchecked");
            });
            let rewritten = rewrite::add_set(output_tokens, &unchecked, Place::Signature);
            (rewritten, unchecked)
        }
    };
    if signature_type.changed == 0 {
        let message = "`#[returns(..)]` checks the `Reply` a function returns, but this return type has no `Reply<B>`: \
                       write `Reply<B>`, and the attribute adds the declared set (a `Reply<B, S>` names its set already)";
        let tokens: TokenStream = output_tokens.iter().cloned().collect();
        return with_error(
            item,
            combine(
                error,
                syn::Error::new_spanned(proc_macro2::TokenStream::from(tokens), message),
            ),
        );
    }
    let body_type = rewrite::add_set(output_tokens, &body_set, Place::Binding).tokens;
    let body = &function.tokens[function.tokens.len() - 1];
    // After an error, no set: `Unchecked` stands in.
    let set = error.is_none().then_some((&args, &krate[..]));
    let new_body = typed_body(span, set, &body_type, body);
    let expanded = Tokens::build(span, |t| {
        t.extend(&function.tokens[..function.attrs_end]);
        if error.is_none() {
            doc_line(t, &args);
        }
        t.extend(&function.tokens[function.attrs_end..output.start])
            .extend(&signature_type.tokens)
            .extend(&function.tokens[output.end..function.tokens.len() - 1])
            .push(new_body);
    });
    match error {
        Some(error) => with_error(expanded, Some(error)),
        None => expanded,
    }
}

/// The handler's set type, local to its body.
const SET: &str = "ReturnsAttribute";

/// `{ set items; let __returns_reply: body_type = body; __returns_reply }`,
/// spanned as the body was. `set` is the arguments and the crate's path.
fn typed_body(
    span: Span,
    set: Option<(&Args, &[TokenTree])>,
    body_type: &[TokenTree],
    body: &TokenTree,
) -> Group {
    let mut group = Group::new(
        Delimiter::Brace,
        Tokens::build(span, |t| {
            if let Some((args, krate)) = set {
                set_items(t, args, krate);
            }
            // The body is the binding's initializer, so it cannot see this name.
            t.ident("let")
                .ident("__returns_reply")
                .punct(':')
                .extend(body_type)
                .punct('=')
                .push(body.clone())
                .punct(';');
            // A body that ends in `return`, `todo!()` or a panic makes this
            // unreachable; the warning would be about the expansion, and
            // point at the attribute.
            allow(t, "unreachable_code");
            t.ident("__returns_reply");
        }),
    );
    group.set_span(body.span());
    group
}

/// `#[doc = "Declared status codes (..): 202, 409."]`, after the user's docs.
fn doc_line(t: &mut Tokens, args: &Args) {
    let declared: Vec<String> = args
        .codes
        .iter()
        .map(|code| code.value.to_string())
        .collect();
    let doc = format!(
        "\n Declared status codes (`#[returns(..)]`): {}.",
        declared.join(", ")
    );
    t.punct('#').group(Delimiter::Bracket, |t| {
        t.ident("doc").punct('=').string(&doc);
    });
}

/// The handler's set type and its impls:
///
/// ```text
/// enum ReturnsAttribute {}
/// #[diagnostic::do_not_recommend]
/// impl ::returns::Declares<202> for ReturnsAttribute {}  // at `202`
/// impl ::returns::DeclaredSet for ReturnsAttribute {
///     const CODES: &'static [u16] = &[202];
///     type Documents = crate::returns_spec::Checks;      // or `docs`, or `returns_spec::page::Checks`
/// }
/// ```
///
/// `Declares<N>` requires that the set's `Documents` list `N`, and the
/// generated `Checks` lists a code where its `Documented<N>` holds: each
/// `Declares` impl is therefore the code's "is documented" check, reported
/// at its literal with the crate's codes in the note. The documents are
/// named once per handler. rustc's instructions for one rebuild of 500
/// handlers (`cargo xtask bench-macro`): 1.534 G in this shape, 1.650 G with
/// a path per code, 1.733 G with an impl per code, and 1.961 G with a
/// fallback for a crate without `returns_spec` (two scopes and
/// `use crate::*` per handler).
fn set_items(t: &mut Tokens, args: &Args, krate: &[TokenTree]) {
    // An empty enum, not a unit struct: it is never built, and rustc then
    // has no constructor to define (about 1% of a rebuild of 500 handlers).
    t.ident("enum").ident(SET).group(Delimiter::Brace, |_| {});
    for code in &args.codes {
        // Without it, rustc adds "the following other types implement
        // `Declares<N>`" to an undeclared reply's error.
        do_not_recommend(t);
        t.ident("impl").at(code.span, |t| {
            match &args.krate {
                None => t.colons().ident("returns"),
                Some(path) => t.extend(&respan(path, code.span)),
            };
            t.colons()
                .ident("Declares")
                .punct('<')
                .push(code.literal())
                .punct('>');
        });
        t.ident("for").ident(SET).group(Delimiter::Brace, |_| {});
    }
    t.ident("impl")
        .extend(krate)
        .colons()
        .ident("DeclaredSet")
        .ident("for")
        .ident(SET)
        .group(Delimiter::Brace, |t| {
            t.ident("const")
                .ident("CODES")
                .punct(':')
                .punct('&')
                .lifetime("static")
                .group(Delimiter::Bracket, |t| {
                    t.ident("u16");
                })
                .punct('=')
                .punct('&')
                .group(Delimiter::Bracket, |t| {
                    for (i, code) in args.codes.iter().enumerate() {
                        if i > 0 {
                            t.punct(',');
                        }
                        t.push(code.literal());
                    }
                })
                .punct(';');
            t.ident("type").ident("Documents").punct('=');
            match &args.docs {
                Some(docs) => t.extend(docs),
                None => t.ident("crate").colons().ident(MOUNTED),
            };
            t.colons();
            if let Some(page) = &args.spec {
                t.extend(page).colons();
            }
            t.ident("Checks").punct(';');
        });
}

/// The module a crate mounts its documents as.
const MOUNTED: &str = "returns_spec";

/// `#[allow(lint)]`.
fn allow(t: &mut Tokens, lint: &str) {
    t.punct('#').group(Delimiter::Bracket, |t| {
        t.ident("allow").group(Delimiter::Parenthesis, |t| {
            t.ident(lint);
        });
    });
}

/// `#[diagnostic::do_not_recommend]`.
fn do_not_recommend(t: &mut Tokens) {
    t.punct('#').group(Delimiter::Bracket, |t| {
        t.ident("diagnostic").colons().ident("do_not_recommend");
    });
}

fn combine(first: Option<syn::Error>, second: syn::Error) -> Option<syn::Error> {
    match first {
        Some(mut first) => {
            first.combine(second);
            Some(first)
        }
        None => Some(second),
    }
}

/// The item as it was, with the error beside it.
fn with_error(item: TokenStream, error: Option<syn::Error>) -> TokenStream {
    let mut tokens = item;
    if let Some(error) = error {
        tokens.extend(TokenStream::from(error.to_compile_error()));
    }
    tokens
}
