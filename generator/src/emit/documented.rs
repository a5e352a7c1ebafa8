//! The `Documented<N>` traits: the compiler's list of documented codes.
//!
//! `#[returns(418)]` expands to `impl Declares<418>` for the handler's set,
//! spanned at the literal, which needs its `Checks` to list 418; `Checks`
//! lists a code where `Documented<N>` holds. When no document lists 418
//! that bound fails, and `on_unimplemented` turns it into "HTTP status code
//! 418 is not documented", with the documented codes in a note.
//! `do_not_recommend` keeps rustc from listing every impl instead.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::naming::{diagnostic_text, doc_code};

/// Whose list of codes a `Documented<N>` trait holds.
pub enum Scope<'a> {
    /// Every document in this directory (`docs/`).
    All(&'a str),
    /// The document at this path, relative to `spec/`.
    Page(&'a str),
}

/// A `Documented<const N: u16>` trait implemented for `marker` at each of
/// `codes` (code and reason), and the `Checks` type over it.
/// Page text goes into rustc's format strings and into rustdoc, each
/// escaped for where it goes.
pub fn tokens(
    scope: Scope<'_>,
    marker: &TokenStream,
    codes: &[(u16, &str)],
    runtime: &TokenStream,
) -> TokenStream {
    let listed: Vec<String> = codes
        .iter()
        .map(|(code, reason)| diagnostic_text(format!("{code} {reason}").trim_end()))
        .collect();
    let (message, label, note, doc) = match scope {
        Scope::All(directory) => {
            let shown = format!("`{}`", diagnostic_text(directory));
            (
                "HTTP status code {N} is not documented".to_owned(),
                format!("no document in {shown} lists this code"),
                format!("the documents in {shown} list: {}", listed.join(", ")),
                format!(
                    " Implemented by [`{marker}`] for each code that the documents in {} list.",
                    doc_code(directory)
                ),
            )
        }
        Scope::Page(path) => {
            let shown = format!("`{}`", diagnostic_text(path));
            (
                format!("HTTP status code {{N}} is not documented in {shown}"),
                format!("{shown} does not list this code"),
                format!("{shown} lists: {}", listed.join(", ")),
                format!(
                    " Implemented by [`{marker}`] for each code that {} lists.",
                    doc_code(path)
                ),
            )
        }
    };
    // A page's items are documented once, in the module's own docs: their
    // lines, repeated in every page module, were a seventh of a large
    // module (`cargo xtask bench-layout`).
    let (doc, checks_doc, lists_doc) = match scope {
        Scope::All(_) => (
            vec![doc],
            vec![
                " What `#[returns(..)]` names as a handler's documents: it lists the codes"
                    .to_owned(),
                format!(" [`{marker}`] documents."),
            ],
            vec![" Lists a code where it is documented.".to_owned()],
        ),
        Scope::Page(_) => (Vec::new(), Vec::new(), Vec::new()),
    };
    let impls = codes.iter().map(|(code, _)| {
        let code = Literal::u16_unsuffixed(*code);
        quote! {
            #[diagnostic::do_not_recommend]
            impl Documented<#code> for #marker {}
        }
    });
    // A type apart from the marker, so that rustc words a failure with the
    // `Documented<N>` behind it (and its list of codes), not with `Lists<N>`.
    quote! {
        #(#[doc = #doc])*
        #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
        pub trait Documented<const N: u16> {}

        #(#[doc = #checks_doc])*
        #[derive(Debug, Clone, Copy)]
        pub enum Checks {}

        #(#[doc = #lists_doc])*
        impl<const N: u16> #runtime::ListsCode<N> for Checks where #marker: Documented<N> {}

        #(#impls)*
    }
}
