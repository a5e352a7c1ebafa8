//! The `Documented<N>` traits: the compiler's list of documented codes.
//!
//! `#[returns(418)]` expands to a bound `Marker: Documented<418>`; when no
//! document lists 418 the bound fails, and `on_unimplemented` turns that into
//! "HTTP status code 418 is not documented", with the documented codes in a
//! note. `do_not_recommend` keeps rustc from listing every impl instead.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// A `Documented<const N: u16>` trait implemented for `marker` at each of `codes`.
/// The error for a missing code reads "HTTP status code {N} is not documented"
/// then `scope`; `label` goes under the code; the note is `listed_by`, then the codes.
pub fn tokens(
    scope: &str,
    label: &str,
    listed_by: &str,
    marker: &TokenStream,
    codes: &[(u16, &str)],
) -> TokenStream {
    let message = format!("HTTP status code {{N}} is not documented{scope}");
    let listed: Vec<String> = codes
        .iter()
        .map(|(code, reason)| format!("{code} {reason}").trim_end().to_owned())
        .collect();
    let note = format!("{listed_by}: {}", listed.join(", "));
    let doc = format!(" Implemented by [`{marker}`] for each code that {listed_by}.");
    let impls = codes.iter().map(|(code, _)| {
        let code = Literal::u16_unsuffixed(*code);
        quote! {
            #[diagnostic::do_not_recommend]
            impl Documented<#code> for #marker {}
        }
    });
    quote! {
        #[doc = #doc]
        #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
        pub trait Documented<const N: u16> {}

        #(#impls)*
    }
}
