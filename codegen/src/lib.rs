//! The `#[returns(..)]` attribute, re-exported by the `http-returns` crate as
//! `http_returns::returns`: use it through `http-returns`, which documents it.
//!
//! The macro never reads the documents: it expands to bounds on traits of
//! the module a crate generated from its own documents and mounted as
//! `statuses`, so the compiler checks each code against that module,
//! and a regen changes the module without touching this crate.
//!
//! As in thiserror's `impl/`: `args` reads the arguments, `function`
//! finds the function's parts, `plan` checks them and collects every
//! error, and `expand` writes the plan out.

mod args;
mod errors;
mod expand;
mod function;
mod operation;
mod plan;
mod rewrite;
mod tokens;

use proc_macro::TokenStream;

/// Declares the HTTP status codes a handler answers with: `#[returns(202, 409)]`.
/// See `http_returns::returns` for the whole story.
#[proc_macro_attribute]
pub fn returns(args: TokenStream, item: TokenStream) -> TokenStream {
    match plan::read(args, item) {
        Ok(plan) => expand::expand(plan),
        Err(unusable) => unusable.errors.after(unusable.item),
    }
}

/// What a generated module calls for `op = "..."` naming an operation no
/// page documents: an error at the user's string, with the nearest
/// documented operations. Not for direct use.
#[doc(hidden)]
#[proc_macro]
pub fn no_such_operation(input: TokenStream) -> TokenStream {
    operation::no_such(input)
}

/// What a generated module calls for `page = module` naming a module that
/// no page has: an error at the user's name, with the nearest page
/// modules. Not for direct use.
#[doc(hidden)]
#[proc_macro]
pub fn no_such_page(input: TokenStream) -> TokenStream {
    operation::no_such_page(input)
}

/// What a generated module calls for `op = "..."` naming an operation that
/// more than one page documents: an error at the user's string. Not for
/// direct use.
#[doc(hidden)]
#[proc_macro]
pub fn ambiguous_operation(input: TokenStream) -> TokenStream {
    operation::ambiguous(input)
}
