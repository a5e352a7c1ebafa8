//! Giving each `Reply<B>` in the return type the handler's declared set:
//! `Result<Reply<A>, Reply<E>>` becomes `Result<Reply<A, S>, Reply<E, S>>`.
//!
//! Done on tokens, not on a parsed `syn::Type`: the macro runs on every
//! rebuild of every handler, and each token it builds or inspects is a call
//! into the compiler.

use proc_macro::{Delimiter, Group, Punct, Spacing, TokenTree};

use crate::tokens::is_punct;

/// `tokens` with `, set` added before the closing `>` of every `Reply<..>`
/// that has one generic argument, also inside parentheses and brackets.
/// Returns the new tokens and how many `Reply`s were changed.
pub fn add_set(tokens: &[TokenTree], set: &[TokenTree]) -> (Vec<TokenTree>, usize) {
    let mut out: Vec<TokenTree> = Vec::with_capacity(tokens.len() + 8);
    let mut changed = 0;
    // Open `<`s: whether each belongs to a `Reply`, and whether a comma was seen in it.
    let mut open: Vec<(bool, bool)> = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let token = &tokens[at];
        match token {
            TokenTree::Punct(p)
                if p.as_char() == '-'
                    && p.spacing() == Spacing::Joint
                    && is_punct(tokens.get(at + 1), '>') =>
            {
                // `->` in `Fn() -> T` closes nothing.
                out.push(token.clone());
                out.push(tokens[at + 1].clone());
                at += 2;
                continue;
            }
            TokenTree::Punct(p) if p.as_char() == '<' => {
                let after_reply =
                    matches!(out.last(), Some(TokenTree::Ident(i)) if i.to_string() == "Reply");
                open.push((after_reply, false));
            }
            TokenTree::Punct(p) if p.as_char() == ',' => {
                if let Some(innermost) = open.last_mut() {
                    innermost.1 = true;
                }
            }
            TokenTree::Punct(p) if p.as_char() == '>' => {
                if let Some((true, false)) = open.pop() {
                    out.extend(
                        std::iter::once(TokenTree::Punct(Punct::new(',', Spacing::Alone)))
                            .chain(set.iter().cloned()),
                    );
                    changed += 1;
                }
            }
            TokenTree::Group(group) if group.delimiter() != Delimiter::Brace => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let (inner, inner_changed) = add_set(&inner, set);
                if inner_changed > 0 {
                    let mut rebuilt = Group::new(group.delimiter(), inner.into_iter().collect());
                    rebuilt.set_span(group.span());
                    out.push(TokenTree::Group(rebuilt));
                    changed += inner_changed;
                    at += 1;
                    continue;
                }
            }
            _ => {}
        }
        out.push(token.clone());
        at += 1;
    }
    (out, changed)
}
