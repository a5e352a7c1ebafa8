//! What `#[returns(..)]` expands to.
//!
//! ```text
//! #[returns(202, 409)]
//! fn deliver() -> Reply<B> { body }
//! ```
//! becomes, in outline,
//! ```text
//! /// (the user's docs, then) Declared status codes: 202, 409.
//! fn deliver() -> Reply<B, impl returns::DeclaredSet> {
//!     struct ReturnsAttribute;                          // spanned at `#[returns(..)]`
//!     impl returns::Declares<202> for ReturnsAttribute {}
//!     impl returns::Declares<409> for ReturnsAttribute {}
//!     impl returns::DeclaredSet for ReturnsAttribute { const CODES = &[202, 409]; }
//!     const _: () = { documented::<returns::spec::AllDocuments, 202>(); .. }; // at `202`
//!     let reply: Reply<B, ReturnsAttribute> = { body };
//!     reply
//! }
//! ```
//! `Reply::not_found(..)` in the body then needs `ReturnsAttribute:
//! Declares<404>`, which fails at that call; rustc's note points at the struct,
//! that is, at the attribute. The set type is local to the body, so the same
//! expansion works for methods in `impl` blocks, where no item can be added
//! beside the function.

use proc_macro2::{Group, Ident, Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::Type;

use crate::args::{self, Args};
use crate::function::Function;
use crate::rewrite;

/// Expands `#[returns(args)] item`.
pub fn returns(args: TokenStream, item: TokenStream) -> TokenStream {
    let (args, mut error) = args::parse(args);
    let function = match Function::scan(item.clone()) {
        Ok(function) => function,
        Err(not_a_function) => return with_error(item, combine(error, not_a_function)),
    };
    let krate = match &args.krate {
        Some(path) => path.to_token_stream(),
        None => quote!(::returns),
    };
    let Some(output) = function.output.clone() else {
        let message = "`#[returns(..)]` checks the `Reply` a function returns, but this function returns nothing: \
                       give it a return type such as `-> Reply<B>`";
        return with_error(
            item,
            combine(error, syn::Error::new(function.name_span, message)),
        );
    };
    let output_tokens = function.slice(output.clone());
    let Ok(return_type) = syn::parse2::<Type>(output_tokens.clone()) else {
        // Not a type syn reads: leave it to rustc to report.
        return with_error(item, error);
    };
    // On an argument error, `Unchecked` declares every code: the arguments'
    // error is then the only one, not a cascade from the body.
    let (signature_set, body_set) = if error.is_some() {
        let unchecked = quote!(#krate::__private::Unchecked);
        (unchecked.clone(), unchecked)
    } else {
        (quote!(impl #krate::DeclaredSet), quote!(ReturnsAttribute))
    };
    let mut signature_type = return_type.clone();
    let mut body_type = return_type;
    if rewrite::add_set(&mut signature_type, &signature_set) == 0 {
        let message = "`#[returns(..)]` checks the `Reply` a function returns, but this return type has no `Reply<..>`";
        return with_error(
            item,
            combine(error, syn::Error::new_spanned(&output_tokens, message)),
        );
    }
    rewrite::add_set(&mut body_type, &body_set);
    let prelude = if error.is_some() {
        TokenStream::new()
    } else {
        set_items(&args, &krate)
    };
    let body = &function.tokens[function.tokens.len() - 1];
    let reply = Ident::new("__returns_reply", Span::mixed_site());
    let mut new_body = Group::new(
        proc_macro2::Delimiter::Brace,
        quote! {
            #prelude
            let #reply: #body_type = #body;
            #reply
        },
    );
    new_body.set_span(body.span());

    let declared: Vec<String> = args
        .codes
        .iter()
        .map(|code| code.value.to_string())
        .collect();
    let doc = format!(
        " Declared status codes (`#[returns(..)]`): {}.",
        declared.join(", ")
    );
    let mut expanded = TokenStream::new();
    expanded.extend(function.slice(0..function.attrs_end));
    if error.is_none() {
        expanded.extend(quote!(#[doc = ""] #[doc = #doc]));
    }
    expanded.extend(function.slice(function.attrs_end..output.start));
    expanded.extend(signature_type.into_token_stream());
    expanded.extend(function.slice(output.end..function.tokens.len() - 1));
    expanded.extend([TokenTree::Group(new_body)]);
    if let Some(error) = error.take() {
        expanded.extend(error.to_compile_error());
    }
    expanded
}

/// The handler's set type and its impls, and the "is documented" checks.
fn set_items(args: &Args, krate: &TokenStream) -> TokenStream {
    let attribute = Span::call_site();
    let set = Ident::new("ReturnsAttribute", attribute);
    let values: Vec<Literal> = args
        .codes
        .iter()
        .map(|code| Literal::u16_unsuffixed(code.value))
        .collect();
    let (marker, documented) = match &args.spec {
        Some(module) => (
            quote!(#krate::spec::#module::ThisDocument),
            quote!(#krate::spec::#module::Documented),
        ),
        None => (
            quote!(#krate::spec::AllDocuments),
            quote!(#krate::spec::Documented),
        ),
    };
    let checks = args.codes.iter().map(|code| {
        // The marker carries the literal's span: rustc points at the type
        // argument whose bound fails, so the error lands on the code.
        let marker = respan(marker.clone(), code.span);
        let value = Literal::u16_unsuffixed(code.value);
        quote_spanned!(code.span=> documented::<#marker, #value>();)
    });
    let set_item = quote_spanned!(attribute=> struct #set;);
    quote! {
        #set_item
        #(
            #[diagnostic::do_not_recommend]
            impl #krate::Declares<#values> for #set {}
        )*
        #[diagnostic::do_not_recommend]
        impl #krate::DeclaredSet for #set {
            const CODES: &'static [u16] = &[#(#values),*];
        }
        // In a block of its own, so `documented` cannot shadow the body's names.
        const _: () = {
            const fn documented<D: #documented<N>, const N: u16>() {}
            #(#checks)*
        };
    }
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

fn combine(first: Option<syn::Error>, second: syn::Error) -> Option<syn::Error> {
    match first {
        Some(mut first) => {
            first.combine(second);
            Some(first)
        }
        None => Some(second),
    }
}

/// The item as it was, with the error beside it.
fn with_error(item: TokenStream, error: Option<syn::Error>) -> TokenStream {
    let mut tokens = item;
    if let Some(error) = error {
        tokens.extend(error.to_compile_error());
    }
    tokens
}
