//! Where the parts of the annotated function are, found by scanning its
//! tokens: the body is passed through without being parsed, which keeps the
//! macro fast and syn's default features enough.

use proc_macro::{Delimiter, Span, TokenStream, TokenTree};

use crate::tokens::{find_by_depth, is_arrow, is_ident, is_punct};

/// The annotated function's tokens, with the places the macro edits.
pub struct Function {
    /// Every token of the item.
    pub tokens: Vec<TokenTree>,
    /// Index just past the outer attributes.
    pub attrs_end: usize,
    /// Index range of the return type's tokens, after `->`.
    pub output: Option<std::ops::Range<usize>>,
    /// The function's name, for messages.
    pub name_span: Span,
}

impl Function {
    /// Finds the parts of `item`, which must be a function with a body.
    pub fn scan(item: TokenStream) -> Result<Function, syn::Error> {
        let tokens: Vec<TokenTree> = item.into_iter().collect();
        let mut at = 0;
        while is_punct(tokens.get(at), '#')
            && matches!(tokens.get(at + 1), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket)
        {
            at += 2;
        }
        let attrs_end = at;
        let not_a_function = || {
            syn::Error::new(
                proc_macro2::Span::call_site(),
                "`#[returns(..)]` goes on a function (`fn` or `async fn`) with a body",
            )
        };
        let fn_at = (attrs_end..tokens.len())
            .find(|&i| is_ident(tokens.get(i), "fn"))
            .ok_or_else(not_a_function)?;
        let name_span = tokens
            .get(fn_at + 1)
            .map_or(Span::call_site(), TokenTree::span);
        at = fn_at + 2;
        if is_punct(tokens.get(at), '<') {
            at = skip_angle_brackets(&tokens, at);
        }
        match tokens.get(at) {
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => at += 1,
            _ => return Err(not_a_function()),
        }
        let output = if is_arrow(&tokens, at) {
            let start = at + 2;
            let end = type_end(&tokens, start);
            Some(start..end)
        } else {
            None
        };
        match tokens.last() {
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {}
            _ => return Err(not_a_function()),
        }
        Ok(Function {
            tokens,
            attrs_end,
            output,
            name_span,
        })
    }
}

/// The index past the `<...>` starting at `at`; a `->` inside does not close it.
fn skip_angle_brackets(tokens: &[TokenTree], at: usize) -> usize {
    let closing = find_by_depth(tokens, at, |token, depth| {
        depth == 1 && is_punct(Some(token), '>')
    });
    (closing + 1).min(tokens.len())
}

/// Where the return type starting at `start` ends: at `where` or the body,
/// outside any angle brackets.
fn type_end(tokens: &[TokenTree], start: usize) -> usize {
    find_by_depth(tokens, start, |token, depth| {
        depth == 0
            && match token {
                TokenTree::Ident(i) => i.to_string() == "where",
                // The body: the last token.
                TokenTree::Group(g) => {
                    g.delimiter() == Delimiter::Brace
                        && tokens.last().is_some_and(|last| std::ptr::eq(last, token))
                }
                _ => false,
            }
    })
}
