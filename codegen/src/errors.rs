//! Every problem found in one attribute, reported together: serde's and
//! thiserror's single collector, so that a user fixes them in one round.

use proc_macro::TokenStream;

/// Errors combined into one `syn::Error`, which reports each at its span.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    /// Adds `error` to the ones found so far.
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// `tokens`, then a `compile_error!` for each error, at its span.
    pub fn after(self, mut tokens: TokenStream) -> TokenStream {
        if let Some(error) = self.0 {
            tokens.extend(TokenStream::from(error.to_compile_error()));
        }
        tokens
    }
}
