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
    "map",
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

#[cfg(test)]
mod tests {
    use super::REPLY_METHODS;

    /// A constructor named like one of `Reply`'s own methods would not
    /// compile: the list must name every method `runtime/src/reply.rs` has.
    #[test]
    fn the_list_names_every_method_of_reply() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../runtime/src/reply.rs");
        let source = std::fs::read_to_string(path).unwrap();
        let methods: Vec<&str> = source
            .lines()
            .filter_map(|line| {
                let line = line.trim_start();
                let rest = line
                    .strip_prefix("pub fn ")
                    .or_else(|| line.strip_prefix("pub(crate) fn "))?;
                rest.split(['(', '<']).next()
            })
            .collect();
        assert!(
            methods.contains(&"map"),
            "the scan finds methods: {methods:?}"
        );
        for method in methods {
            assert!(
                REPLY_METHODS.contains(&method),
                "`Reply::{method}` is missing from REPLY_METHODS"
            );
        }
    }
}
