//! Building and inspecting tokens with `proc_macro` itself.
//!
//! The macro runs on every rebuild of every handler, compiled the way the
//! user's dev profile compiles proc macros: unoptimised. `proc_macro` ships
//! optimised with the toolchain, while `proc_macro2` and `quote` would be
//! built unoptimised, layer on layer, for every token. Staying on
//! `proc_macro` cut the macro's share of a rebuild by a third (rustc's
//! instructions, `cargo xtask bench-macro`); syn is kept for what is rare:
//! arguments that are not plain codes, and errors.

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// Tokens being built, each spanned at `span` unless said otherwise.
pub struct Tokens {
    trees: Vec<TokenTree>,
    span: Span,
}

impl Tokens {
    /// The tokens that `fill` builds, each spanned at `span`.
    pub fn build(span: Span, fill: impl FnOnce(&mut Tokens)) -> TokenStream {
        Tokens::trees(span, fill).into_iter().collect()
    }

    /// The same as a list, to be added to other tokens: a `TokenStream` is
    /// the compiler's, and reading one back is another call into it.
    pub fn trees(span: Span, fill: impl FnOnce(&mut Tokens)) -> Vec<TokenTree> {
        let mut tokens = Tokens {
            trees: Vec::new(),
            span,
        };
        fill(&mut tokens);
        tokens.trees
    }

    /// Adds what `fill` builds, spanned at `span` instead.
    pub fn at(&mut self, span: Span, fill: impl FnOnce(&mut Tokens)) -> &mut Self {
        let outer = std::mem::replace(&mut self.span, span);
        fill(self);
        self.span = outer;
        self
    }

    /// An identifier or keyword.
    pub fn ident(&mut self, name: &str) -> &mut Self {
        self.trees.push(Ident::new(name, self.span).into());
        self
    }

    /// One punctuation character, not joined to the next.
    pub fn punct(&mut self, c: char) -> &mut Self {
        self.push_punct(c, Spacing::Alone)
    }

    /// `::`.
    pub fn colons(&mut self) -> &mut Self {
        self.push_punct(':', Spacing::Joint).punct(':')
    }

    /// A lifetime such as `'static`.
    pub fn lifetime(&mut self, name: &str) -> &mut Self {
        self.push_punct('\'', Spacing::Joint).ident(name)
    }

    /// A string literal.
    pub fn string(&mut self, text: &str) -> &mut Self {
        let mut literal = Literal::string(text);
        literal.set_span(self.span);
        self.trees.push(literal.into());
        self
    }

    /// `delimiter`s around what `fill` builds.
    pub fn group(&mut self, delimiter: Delimiter, fill: impl FnOnce(&mut Tokens)) -> &mut Self {
        let mut group = Group::new(delimiter, Tokens::build(self.span, fill));
        group.set_span(self.span);
        self.trees.push(group.into());
        self
    }

    /// `tokens` as they are, spans kept.
    pub fn extend(&mut self, tokens: &[TokenTree]) -> &mut Self {
        self.trees.extend_from_slice(tokens);
        self
    }

    /// One token as it is.
    pub fn push(&mut self, token: impl Into<TokenTree>) -> &mut Self {
        self.trees.push(token.into());
        self
    }

    fn push_punct(&mut self, c: char, spacing: Spacing) -> &mut Self {
        let mut punct = Punct::new(c, spacing);
        punct.set_span(self.span);
        self.trees.push(punct.into());
        self
    }
}

/// Whether `token` is the punctuation `c`.
pub fn is_punct(token: Option<&TokenTree>, c: char) -> bool {
    matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// Whether `token` is the identifier or keyword `name`.
pub fn is_ident(token: Option<&TokenTree>, name: &str) -> bool {
    matches!(token, Some(TokenTree::Ident(i)) if i.to_string() == name)
}

/// Whether `->` starts at `at`.
pub fn is_arrow(tokens: &[TokenTree], at: usize) -> bool {
    matches!(tokens.get(at), Some(TokenTree::Punct(p)) if p.as_char() == '-' && p.spacing() == Spacing::Joint)
        && is_punct(tokens.get(at + 1), '>')
}

/// The index of the first token from `start` on for which `stop(token,
/// depth)` holds, `depth` being how many `<`s are open before it (a `->`
/// opens and closes nothing); the length if there is none.
pub fn find_by_depth(
    tokens: &[TokenTree],
    start: usize,
    stop: impl Fn(&TokenTree, usize) -> bool,
) -> usize {
    let mut depth = 0usize;
    let mut at = start;
    while at < tokens.len() {
        if is_arrow(tokens, at) {
            at += 2;
            continue;
        }
        let token = &tokens[at];
        if stop(token, depth) {
            return at;
        }
        if is_punct(Some(token), '<') {
            depth += 1;
        } else if is_punct(Some(token), '>') {
            depth = depth.saturating_sub(1);
        }
        at += 1;
    }
    tokens.len()
}

/// `tokens` with every span, also inside groups, set to `span`.
pub fn respan(tokens: &[TokenTree], span: Span) -> Vec<TokenTree> {
    tokens
        .iter()
        .map(|token| {
            let mut token = token.clone();
            if let TokenTree::Group(group) = &token {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let inner: TokenStream = respan(&inner, span).into_iter().collect();
                let mut group = Group::new(group.delimiter(), inner);
                group.set_span(span);
                token = TokenTree::Group(group);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}
