//! The `#[returns(..)]` attribute, re-exported by the `returns` crate as
//! `returns::returns`: use it through `returns`, which documents it.
//!
//! The macro never reads the documents: it expands to bounds on traits of
//! the module a crate generated from its own documents and mounted as
//! `returns_spec`, so the compiler checks each code against that module,
//! and a regen changes the module without touching this crate.
//!
//! As in thiserror's `impl/`: `args` reads the arguments, `function`
//! finds the function's parts, `plan` checks them and collects every
//! error, and `expand` writes the plan out.

mod args;
mod errors;
mod expand;
mod function;
mod plan;
mod rewrite;
mod tokens;

use proc_macro::TokenStream;

/// Declares the HTTP status codes a handler answers with: `#[returns(202, 409)]`.
/// See `returns::returns` for the whole story.
#[proc_macro_attribute]
pub fn returns(args: TokenStream, item: TokenStream) -> TokenStream {
    match plan::read(args, item) {
        Ok(plan) => expand::expand(plan),
        Err(unusable) => unusable.errors.after(unusable.item),
    }
}
