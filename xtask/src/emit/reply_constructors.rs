//! `Reply::accepted(body)` and its siblings: one constructor per documented
//! code, each requiring that the handler's set declares that code.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::codes::Code;
use super::naming;

/// `Reply`'s inherent methods, which a constructor must not shadow.
const REPLY_METHODS: &[&str] = &[
    "status",
    "body",
    "body_mut",
    "into_parts",
    "declared",
    "with_status",
];

/// The `impl` block of constructors.
pub fn tokens(codes: &[Code]) -> TokenStream {
    let constructors = codes.iter().map(|code| {
        let variant = code.ident();
        let mut name = naming::snake_from_camel(&code.variant);
        if REPLY_METHODS.contains(&name.as_str()) {
            name.push('_');
        }
        let name = format_ident!("{name}");
        let value = Literal::u16_unsuffixed(code.code);
        let status = format!("{} {}", code.code, code.reason);
        let doc = format!(
            " A reply with status {}.",
            naming::doc_code(status.trim_end())
        );
        let requires = format!(" The handler's `#[returns(..)]` must list {}.", code.code);
        quote! {
            #[doc = #doc]
            ///
            #[doc = #requires]
            pub fn #name(body: B) -> Self
            where
                S: crate::Declares<#value>,
            {
                Self::with_status(Status::#variant, body)
            }
        }
    });
    quote! {
        /// One constructor per documented status code.
        impl<B, S: crate::DeclaredSet> crate::Reply<B, S> {
            #(#constructors)*
        }
    }
}
