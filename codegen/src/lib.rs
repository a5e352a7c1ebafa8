//! The `#[returns(..)]` attribute, re-exported by the `returns` crate as
//! `returns::returns`. Use it through `returns`, not directly.
//!
//! For now the attribute leaves the function as it is: checking the declared
//! codes against the documents is the macro issue's work.

use proc_macro::TokenStream;

/// Declares the HTTP status codes a handler returns: `#[returns(202, 409)]`.
///
/// The function is emitted unchanged.
#[proc_macro_attribute]
pub fn returns(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
