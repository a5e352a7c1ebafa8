//! The `#[returns(..)]` attribute, re-exported by the `returns` crate as
//! `returns::returns`: use it through `returns`, which documents it.
//!
//! The macro never reads the documents: it expands to bounds on traits that
//! `cargo xtask regen` generates into `returns::spec`, so the compiler checks
//! each code against the vendored module, and a regen changes that module
//! without touching this crate.

mod args;
mod expand;
mod function;
mod rewrite;
mod tokens;

use proc_macro::TokenStream;

/// Declares the HTTP status codes a handler answers with: `#[returns(202, 409)]`.
/// See `returns::returns` for the whole story.
#[proc_macro_attribute]
pub fn returns(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::returns(args, item)
}
