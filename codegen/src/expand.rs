//! What `#[returns(..)]` expands to.
//!
//! ```text
//! #[returns(202, 409)]
//! fn deliver() -> Reply<B> { body }
//! ```
//! becomes
//! ```text
//! /// (the user's docs, then) Declared status codes: 202, 409.
//! fn deliver() -> Reply<B, impl ::http_returns::DeclaredSet> {
//!     enum ReturnsAttribute {}
//!     impl ::http_returns::Declares<202> for ReturnsAttribute {} // spanned at `202`
//!     impl ::http_returns::Declares<409> for ReturnsAttribute {} // spanned at `409`
//!     impl ::http_returns::DeclaredSet for ReturnsAttribute {
//!         const CODES: &'static [u16] = &[202, 409];
//!         type Documents = crate::statuses::Checks; // the crate's documents
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

use crate::args::{Args, Operation};
use crate::plan::Plan;
use crate::rewrite::{self, Place};
use crate::tokens::{Tokens, respan};

/// Writes out `plan`: the checked function, or after an error the function
/// with every code declared, and the errors beside it.
pub fn expand(plan: Plan) -> TokenStream {
    let Plan {
        function,
        output,
        args,
        krate,
        span,
        checked_output,
        errors,
    } = plan;
    let tokens = &function.tokens;
    let body = &tokens[tokens.len() - 1];
    let before_output = &tokens[function.attrs_end..output.start];
    let after_output = &tokens[output.end..tokens.len() - 1];
    let expanded = match checked_output {
        Some(signature_output) => {
            // Reply<B, ReturnsAttribute>, for the body's binding.
            let set = Tokens::trees(span, |t| {
                t.ident(SET);
            });
            let body_type = rewrite::add_set(&tokens[output.clone()], &set, Place::Binding).tokens;
            Tokens::build(span, |t| {
                t.extend(&tokens[..function.attrs_end]);
                doc_line(t, &args);
                t.extend(before_output)
                    .extend(&signature_output)
                    .extend(after_output)
                    .push(typed_body(span, &args, &krate, &body_type, body));
            })
        }
        // `Unchecked` declares every code, so the error found is the only
        // one reported, not a cascade from the body. Its set is a concrete
        // type, so the body needs no typed binding.
        None => {
            // ::http_returns::__private::Unchecked
            let unchecked = Tokens::trees(span, |t| {
                t.extend(&krate)
                    .colons()
                    .ident("__private")
                    .colons()
                    .ident("Unchecked");
            });
            let output = rewrite::add_set(&tokens[output], &unchecked, Place::Signature).tokens;
            Tokens::build(span, |t| {
                t.extend(&tokens[..function.attrs_end])
                    .extend(before_output)
                    .extend(&output)
                    .extend(after_output)
                    .push(body.clone());
            })
        }
    };
    errors.after(expanded)
}

/// The handler's set type, local to its body.
const SET: &str = "ReturnsAttribute";

/// The body, with the handler's set and a binding that names it:
///
/// ```text
/// {
///     enum ReturnsAttribute {} /* and its impls: see `set_items` */
///     let __returns_reply: Reply<B, ReturnsAttribute> = { body };
///     #[allow(unreachable_code)]
///     __returns_reply
/// }
/// ```
/// spanned as the body was.
fn typed_body(
    span: Span,
    args: &Args,
    krate: &[TokenTree],
    body_type: &[TokenTree],
    body: &TokenTree,
) -> Group {
    let mut group = Group::new(
        Delimiter::Brace,
        Tokens::build(span, |t| {
            set_items(t, args, krate);
            // A body that ends in `todo!()` or a panic is, as the binding's
            // initializer, a diverging sub-expression to clippy; the lint
            // would be about the expansion. Only such bodies get the allow.
            if ends_diverging(body) {
                t.punct('#').group(Delimiter::Bracket, |t| {
                    t.ident("allow").group(Delimiter::Parenthesis, |t| {
                        t.ident("clippy").colons().ident("diverging_sub_expression");
                    });
                });
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

/// Whether `body` (a `{ .. }` group) ends in a call of `panic!`, `todo!`,
/// `unimplemented!` or `unreachable!`, with or without a `;`: a look at
/// its last tokens, so that other bodies cost nothing.
fn ends_diverging(body: &TokenTree) -> bool {
    let TokenTree::Group(group) = body else {
        return false;
    };
    let trees: Vec<TokenTree> = group.stream().into_iter().collect();
    let mut end = trees.len();
    if matches!(trees.last(), Some(TokenTree::Punct(p)) if p.as_char() == ';') {
        end -= 1;
    }
    let Some(start) = end.checked_sub(3) else {
        return false;
    };
    match &trees[start..end] {
        [
            TokenTree::Ident(name),
            TokenTree::Punct(bang),
            TokenTree::Group(_),
        ] => {
            bang.as_char() == '!'
                && matches!(
                    name.to_string().as_str(),
                    "panic" | "todo" | "unimplemented" | "unreachable"
                )
        }
        _ => false,
    }
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
/// impl ::http_returns::Declares<202> for ReturnsAttribute {}  // at `202`
/// impl ::http_returns::DeclaredSet for ReturnsAttribute {
///     const CODES: &'static [u16] = &[202];
///     type Documents = crate::statuses::Checks;      // or `docs`, or `statuses::page::Checks`,
///                                                        // or with `op =` what `statuses::__operation!` names
///     const PAGE: Option<&'static str> = Some("page");  // only with `page = <page module>` or `op =`
///     const OPERATION: Option<&'static str> = Some("POST /v3/groups"); // only with `op =`
/// }
/// impl ::http_returns::NamedOperation for ReturnsAttribute {} // only with `op =`, for `Routes::operation`
/// ```
///
/// `Declares<N>` requires that the set's `Documents` list `N`, and the
/// generated `Checks` lists a code where its `Documented<N>` holds: each
/// `Declares` impl is therefore the code's "is documented" check, reported
/// at its literal with the crate's codes in the note. The documents are
/// named once per handler. rustc's instructions for one rebuild of 500
/// handlers (`cargo xtask bench-macro`): 1.534 G in this shape, 1.650 G with
/// a path per code, 1.733 G with an impl per code, and 1.961 G with a
/// fallback for a crate without `statuses` (two scopes and
/// `use crate::*` per handler).
fn set_items(t: &mut Tokens, args: &Args, krate: &[TokenTree]) {
    // An empty enum, not a unit struct: it is never built, and rustc then
    // has no constructor to define (about 1% of a rebuild of 500 handlers).
    t.ident("enum").ident(SET).group(Delimiter::Brace, |_| {});
    declares_impls(t, args);
    t.ident("impl")
        .extend(krate)
        .colons()
        .ident("DeclaredSet")
        .ident("for")
        .ident(SET)
        .group(Delimiter::Brace, |t| declared_set_items(t, args));
    if args.op.is_some() {
        // impl ::http_returns::NamedOperation for ReturnsAttribute {}
        t.ident("impl")
            .extend(krate)
            .colons()
            .ident("NamedOperation")
            .ident("for")
            .ident(SET)
            .group(Delimiter::Brace, |_| {});
    }
}

/// `impl ::http_returns::Declares<202> for ReturnsAttribute {}`, one per
/// code, each spanned at its literal.
fn declares_impls(t: &mut Tokens, args: &Args) {
    for code in &args.codes {
        // Without it, rustc adds "the following other types implement
        // `Declares<N>`" to an undeclared reply's error.
        do_not_recommend(t);
        t.ident("impl").at(code.span, |t| {
            match &args.krate {
                None => t.colons().ident("http_returns"),
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
}

/// The items of `impl DeclaredSet`: `CODES`, `Documents`, and with
/// `page =` or `op =` the `PAGE`, with `op =` the `OPERATION`.
fn declared_set_items(t: &mut Tokens, args: &Args) {
    // const CODES: &'static [u16] = &[202, 409];
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
    let documents = |t: &mut Tokens| {
        match &args.docs {
            Some(docs) => t.extend(docs),
            None => t.ident("crate").colons().ident(MOUNTED),
        };
    };
    t.ident("type").ident("Documents").punct('=');
    match (&args.page, &args.op) {
        (Some(page), _) if page.len() == 1 => table_call(t, &documents, "__page", "checks", page),
        (Some(page), _) => {
            documents(t);
            t.colons().extend(page).colons().ident("Checks");
        }
        (None, Some(op)) => operation_call(t, &documents, op, "checks"),
        (None, None) => {
            documents(t);
            t.colons().ident("Checks");
        }
    }
    t.punct(';');
    match (&args.page, &args.op) {
        (Some(page), _) if page.len() == 1 => {
            optional_str(t, "PAGE", |t| {
                table_call(t, &documents, "__page", "page", page)
            });
        }
        (Some(page), _) => optional_str(t, "PAGE", |t| {
            t.string(&path_text(page));
        }),
        (None, Some(op)) => optional_str(t, "PAGE", |t| operation_call(t, &documents, op, "page")),
        (None, None) => {}
    }
    if let Some(op) = &args.op {
        optional_str(t, "OPERATION", |t| {
            t.push(op.written.clone());
        });
    }
}

/// `const NAME: Option<&'static str> = Some(value);`.
fn optional_str(t: &mut Tokens, name: &str, value: impl FnOnce(&mut Tokens)) {
    t.ident("const")
        .ident(name)
        .punct(':')
        .ident("Option")
        .punct('<')
        .punct('&')
        .lifetime("static")
        .ident("str")
        .punct('>')
        .punct('=')
        .ident("Some")
        .group(Delimiter::Parenthesis, value)
        .punct(';');
}

/// `crate::statuses::__operation!([crate::statuses] checks "POST /v3/groups/{}" "POST /v3/groups/{id}")`:
/// the generated module's table gives the page that documents `op` (its
/// `Checks` type, or in `page` mode its name), or an error at the user's
/// string.
fn operation_call(t: &mut Tokens, documents: &dyn Fn(&mut Tokens), op: &Operation, mode: &str) {
    documents(t);
    t.colons()
        .ident("__operation")
        .punct('!')
        .group(Delimiter::Parenthesis, |t| {
            t.group(Delimiter::Bracket, |t| documents(t))
                .ident(mode)
                .string(&op.normal)
                .push(op.written.clone());
        });
}

/// `crate::statuses::__page!([crate::statuses] checks creating_a_user_group)`:
/// the generated module's table gives the page module `page =` names (its
/// `Checks` type, or in `page` mode its name), or an error at the user's
/// name with the nearest ones.
fn table_call(
    t: &mut Tokens,
    documents: &dyn Fn(&mut Tokens),
    table: &str,
    mode: &str,
    name: &[TokenTree],
) {
    documents(t);
    t.colons()
        .ident(table)
        .punct('!')
        .group(Delimiter::Parenthesis, |t| {
            t.group(Delimiter::Bracket, |t| documents(t))
                .ident(mode)
                .extend(name);
        });
}

/// `a::b` for the tokens of that path.
fn path_text(path: &[TokenTree]) -> String {
    path.iter().map(ToString::to_string).collect()
}

/// The module a crate mounts its documents as.
const MOUNTED: &str = "statuses";

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
