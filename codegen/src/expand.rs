//! What `#[returns(..)]` expands to.
//!
//! ```text
//! #[returns(202, 409)]
//! fn deliver() -> Reply<B> { body }
//! ```
//! becomes
//! ```text
//! /// (the user's docs, then) Declared status codes: 202, 409.
//! fn deliver() -> Reply<B, impl returns::DeclaredSet> {
//!     struct ReturnsAttribute;
//!     impl returns::Declares<202> for ReturnsAttribute {} // spanned at `202`
//!     impl returns::Declares<409> for ReturnsAttribute {} // spanned at `409`
//!     impl returns::DeclaredSet for ReturnsAttribute { const CODES: &[u16] = &[202, 409]; }
//!     let reply: Reply<B, ReturnsAttribute> = { body };
//!     reply
//! }
//! ```
//! `Reply::not_found(..)` in the body then needs `ReturnsAttribute:
//! Declares<404>`, which fails at that call; rustc's help points at the
//! struct, that is, at the attribute. `Declares<N>` requires `AllDocuments:
//! Documented<N>`, so an undocumented code fails its impl, at its literal. The set type is
//! local to the body, so the same expansion works for methods in `impl`
//! blocks, where no item can be added beside the function.
//!
//! Generated tokens resolve like the user's own code (`call_site` located,
//! resolved at the function's name): rustc then treats them as it treats
//! hand-written items, which keeps incremental rebuilds of many annotated
//! handlers nearly as fast as the same code written by hand.

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote_spanned};

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
    // Located at the attribute, resolved like the user's code: see the module docs.
    let span = Span::call_site().resolved_at(function.name_span);
    let krate = match &args.krate {
        Some(path) => path.to_token_stream(),
        None => quote_spanned!(span=> ::returns),
    };
    let Some(output) = function.output.clone() else {
        let message = "`#[returns(..)]` checks the `Reply` a function returns, but this function returns nothing: \
                       give it a return type such as `-> Reply<B>`";
        return with_error(
            item,
            combine(error, syn::Error::new(function.name_span, message)),
        );
    };
    let output_tokens = &function.tokens[output.clone()];
    // On an argument error, `Unchecked` declares every code: the arguments'
    // error is then the only one, not a cascade from the body.
    let (signature_set, body_set) = if error.is_some() {
        let unchecked = quote_spanned!(span=> #krate::__private::Unchecked);
        (unchecked.clone(), unchecked)
    } else {
        (
            quote_spanned!(span=> impl #krate::DeclaredSet),
            quote_spanned!(span=> ReturnsAttribute),
        )
    };
    let (signature_type, changed) = rewrite::add_set(output_tokens, &signature_set);
    if changed == 0 {
        let message = "`#[returns(..)]` checks the `Reply` a function returns, but this return type has no `Reply<..>`";
        let tokens: TokenStream = output_tokens.iter().cloned().collect();
        return with_error(
            item,
            combine(error, syn::Error::new_spanned(tokens, message)),
        );
    }
    let (body_type, _) = rewrite::add_set(output_tokens, &body_set);
    let prelude = if error.is_some() {
        TokenStream::new()
    } else {
        set_items(&args, &krate, span)
    };
    let body = &function.tokens[function.tokens.len() - 1];
    // The body is the binding's initializer, so it cannot see this name.
    let reply = Ident::new("__returns_reply", span);
    let mut new_body = Group::new(
        proc_macro2::Delimiter::Brace,
        quote_spanned! {span=>
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
        "\n Declared status codes (`#[returns(..)]`): {}.",
        declared.join(", ")
    );
    let mut expanded: Vec<TokenTree> = Vec::with_capacity(function.tokens.len() + 16);
    expanded.extend_from_slice(&function.tokens[..function.attrs_end]);
    if error.is_none() {
        expanded.extend(quote_spanned!(span=> #[doc = #doc]));
    }
    expanded.extend_from_slice(&function.tokens[function.attrs_end..output.start]);
    expanded.extend(signature_type);
    expanded.extend_from_slice(&function.tokens[output.end..function.tokens.len() - 1]);
    expanded.push(TokenTree::Group(new_body));
    let mut expanded: TokenStream = expanded.into_iter().collect();
    if let Some(error) = error.take() {
        expanded.extend(error.to_compile_error());
    }
    expanded
}

/// The handler's set type and its impls. `Declares<N>` requires that `N`
/// is documented, so each impl is also the code's "is documented" check:
/// its trait reference is spanned at the code's literal, where rustc then
/// reports an undocumented code. With `spec = module`, a second check per
/// code names that document.
fn set_items(args: &Args, krate: &TokenStream, span: Span) -> TokenStream {
    let set = Ident::new("ReturnsAttribute", span);
    let literals: Vec<_> = args.codes.iter().map(|code| &code.literal).collect();
    let declares = args.codes.iter().map(|code| {
        let literal = &code.literal;
        match &args.krate {
            // Built at the literal directly: the common case, kept cheap.
            None => quote_spanned!(code.span=> ::returns::Declares<#literal>),
            Some(_) => {
                let krate = respan(krate, code.span);
                quote_spanned!(code.span=> #krate::Declares<#literal>)
            }
        }
    });
    let in_document = args.spec.as_ref().map(|module| {
        let checks = args.codes.iter().map(|code| {
            // rustc reports the failing type argument: put it at the literal.
            let marker = respan(
                &quote_spanned!(span=> #krate::spec::#module::ThisDocument),
                code.span,
            );
            let literal = &code.literal;
            quote_spanned!(code.span=> documented::<#marker, #literal>();)
        });
        quote_spanned! {span=>
            #[allow(dead_code)]
            fn __returns_in_document() {
                fn documented<D: #krate::spec::#module::Documented<N>, const N: u16>() {}
                #(#checks)*
            }
        }
    });
    quote_spanned! {span=>
        struct #set;
        #(
            #[diagnostic::do_not_recommend]
            impl #declares for #set {}
        )*
        #[diagnostic::do_not_recommend]
        impl #krate::DeclaredSet for #set {
            const CODES: &'static [u16] = &[#(#literals),*];
        }
        #in_document
    }
}

/// `tokens` with every span set to `span`.
fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner = Group::new(group.delimiter(), respan(&group.stream(), span));
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
