//! Giving each `Reply<B>` in the return type the handler's declared set:
//! `Result<Reply<A>, Reply<E>>` becomes `Result<Reply<A, S>, Reply<E, S>>`.
//!
//! Done on tokens, not on a parsed `syn::Type`: the macro runs on every
//! rebuild of every handler, and each token it builds or inspects is a call
//! into the compiler.

use proc_macro::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenTree};

use crate::tokens::{find_by_depth, is_arrow, is_punct};

/// The return type with the set added.
pub struct Rewritten {
    /// The new tokens.
    pub tokens: Vec<TokenTree>,
    /// How many `Reply`s were given the set.
    pub changed: usize,
    /// How many `impl Trait`s became `_` (in [`Place::Binding`] only).
    pub erased: usize,
    /// The first `Reply` inside an `impl`, `dyn` or `fn` type: the set cannot
    /// reach it, because the body's typed binding cannot name such a type
    /// and `impl` may not appear inside one.
    pub behind_opaque: Option<Span>,
}

/// Where the rewritten type goes.
#[derive(Clone, Copy, PartialEq)]
pub enum Place {
    /// The function's signature: `impl Trait` parts stay.
    Signature,
    /// The type of the body's binding, where `impl Trait` may not be
    /// written: each becomes `_`, which the body's value then fills in.
    Binding,
}

/// `tokens` with `, set` added before the closing `>` of every `Reply<..>`
/// that has one generic argument, also inside parentheses and brackets.
pub fn add_set(tokens: &[TokenTree], set: &[TokenTree], place: Place) -> Rewritten {
    let mut rewritten = Rewritten::with_capacity(tokens.len());
    rewrite(tokens, set, place, false, &mut rewritten);
    rewritten
}

impl Rewritten {
    fn with_capacity(tokens: usize) -> Rewritten {
        Rewritten {
            tokens: Vec::with_capacity(tokens + 8),
            changed: 0,
            erased: 0,
            behind_opaque: None,
        }
    }
}

/// An open `<`.
struct Angle {
    /// The `Reply` it follows, if it does, and whether that `Reply` is
    /// inside an `impl`, `dyn` or `fn` type.
    reply: Option<(Span, bool)>,
    /// Whether a comma was seen in it: then the `Reply` names its set.
    comma: bool,
    /// Whether an `impl`, `dyn` or `fn` since its last comma reaches here.
    opaque: bool,
}

fn rewrite(
    tokens: &[TokenTree],
    set: &[TokenTree],
    place: Place,
    opaque_outside: bool,
    into: &mut Rewritten,
) {
    // The outermost level, outside any `<`, is `base`.
    let mut base_opaque = false;
    let mut open: Vec<Angle> = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let token = &tokens[at];
        let opaque = opaque_outside || base_opaque || open.iter().any(|angle| angle.opaque);
        match token {
            // `->` in `Fn() -> T` closes nothing.
            _ if is_arrow(tokens, at) => {
                into.tokens.extend_from_slice(&tokens[at..at + 2]);
                at += 2;
                continue;
            }
            TokenTree::Ident(ident) if place == Place::Binding && ident.to_string() == "impl" => {
                into.tokens.push(Ident::new("_", ident.span()).into());
                into.erased += 1;
                at = bound_end(tokens, at + 1);
                continue;
            }
            TokenTree::Ident(ident)
                if matches!(ident.to_string().as_str(), "impl" | "dyn" | "fn") =>
            {
                match open.last_mut() {
                    Some(angle) => angle.opaque = true,
                    None => base_opaque = true,
                }
            }
            TokenTree::Punct(p) if p.as_char() == '<' => {
                let reply = match into.tokens.last() {
                    Some(TokenTree::Ident(i)) if i.to_string() == "Reply" => {
                        Some((i.span(), opaque))
                    }
                    _ => None,
                };
                open.push(Angle {
                    reply,
                    comma: false,
                    opaque: false,
                });
            }
            TokenTree::Punct(p) if p.as_char() == ',' => match open.last_mut() {
                Some(angle) => {
                    angle.comma = true;
                    angle.opaque = false;
                }
                None => base_opaque = false,
            },
            TokenTree::Punct(p) if p.as_char() == '>' => {
                if let Some(Angle {
                    reply: Some((reply, behind_opaque)),
                    comma: false,
                    ..
                }) = open.pop()
                {
                    into.tokens
                        .push(TokenTree::Punct(Punct::new(',', Spacing::Alone)));
                    into.tokens.extend_from_slice(set);
                    into.changed += 1;
                    if behind_opaque && into.behind_opaque.is_none() {
                        into.behind_opaque = Some(reply);
                    }
                }
            }
            TokenTree::Group(group) if group.delimiter() != Delimiter::Brace => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let mut rewritten = Rewritten::with_capacity(inner.len());
                rewritten.behind_opaque = into.behind_opaque;
                rewrite(&inner, set, place, opaque, &mut rewritten);
                into.behind_opaque = rewritten.behind_opaque;
                // Rebuilt only when something in it changed: reading it
                // back into the compiler costs.
                if rewritten.changed > 0 || rewritten.erased > 0 {
                    let mut rebuilt =
                        Group::new(group.delimiter(), rewritten.tokens.into_iter().collect());
                    rebuilt.set_span(group.span());
                    into.tokens.push(TokenTree::Group(rebuilt));
                    into.changed += rewritten.changed;
                    into.erased += rewritten.erased;
                    at += 1;
                    continue;
                }
            }
            _ => {}
        }
        into.tokens.push(token.clone());
        at += 1;
    }
}

/// Where the bounds of an `impl` that start at `at` end: at a `,` or an
/// unmatched `>`, or at the end of the tokens.
fn bound_end(tokens: &[TokenTree], at: usize) -> usize {
    find_by_depth(tokens, at, |token, depth| {
        depth == 0 && (is_punct(Some(token), ',') || is_punct(Some(token), '>'))
    })
}
