//! Reading the attribute and its function into a plan: every check runs
//! here, and every problem goes into one [`Errors`]; `expand` then writes
//! the plan out once, without deciding anything.

use std::ops::Range;

use proc_macro::{Span, TokenStream, TokenTree};

use crate::args::{self, Args};
use crate::errors::Errors;
use crate::function::Function;
use crate::rewrite::{self, Place};
use crate::tokens::Tokens;

/// What to emit for one annotated function.
pub struct Plan {
    /// The function's tokens and the places the expansion edits.
    pub function: Function,
    /// The return type's token range in `function.tokens`.
    pub output: Range<usize>,
    /// The arguments, as far as they are valid.
    pub args: Args,
    /// The path of the `http-returns` crate: `::http_returns`, or `crate = path`.
    pub krate: Vec<TokenTree>,
    /// Where generated tokens sit (the attribute) and resolve (the
    /// function's name): see `expand`'s module docs.
    pub span: Span,
    /// The return type with `impl ::http_returns::DeclaredSet` in each `Reply`;
    /// `None` after an error, when the expansion declares every code.
    pub checked_output: Option<Vec<TokenTree>>,
    /// Every problem found; the function is still emitted beside them.
    pub errors: Errors,
}

/// The item to emit as it is, with why it cannot be expanded.
pub struct Unusable {
    /// The annotated item, unchanged.
    pub item: TokenStream,
    /// Every problem found.
    pub errors: Errors,
}

/// Reads `#[returns(args)] item`.
pub fn read(args: TokenStream, item: TokenStream) -> Result<Plan, Unusable> {
    let mut errors = Errors::default();
    let args = args::parse(args, &mut errors);
    let unusable = |item: TokenStream, mut errors: Errors, error: syn::Error| {
        errors.push(error);
        Unusable { item, errors }
    };
    let function = match Function::scan(item.clone()) {
        Ok(function) => function,
        Err(not_a_function) => return Err(unusable(item, errors, not_a_function)),
    };
    let Some(output) = function.output.clone() else {
        let message = "`#[returns(..)]` checks the `Reply` a function returns, but this function returns nothing: \
                       give it a return type such as `-> Reply<B>`";
        let error = syn::Error::new(function.name_span.into(), message);
        return Err(unusable(item, errors, error));
    };
    let span = Span::call_site().resolved_at(function.name_span);
    let krate = match &args.krate {
        Some(path) => path.clone(),
        // ::http_returns
        None => Tokens::trees(span, |t| {
            t.colons().ident("http_returns");
        }),
    };
    // impl ::http_returns::DeclaredSet, or with `op =` impl ::http_returns::NamedOperation
    // (whose supertrait it is), which `Routes::operation` asks for.
    let set_trait = if args.op.is_some() {
        "NamedOperation"
    } else {
        "DeclaredSet"
    };
    let declared_set = Tokens::trees(span, |t| {
        t.ident("impl").extend(&krate).colons().ident(set_trait);
    });
    let output_tokens = &function.tokens[output.clone()];
    let rewritten = rewrite::add_set(output_tokens, &declared_set, Place::Signature);
    if rewritten.changed == 0 {
        let message = "`#[returns(..)]` checks the `Reply` a function returns, but this return type has no `Reply<B>`: \
                       write `Reply<B>`, and the attribute adds the declared set (a `Reply<B, S>` names its set already)";
        let tokens: TokenStream = output_tokens.iter().cloned().collect();
        let error = syn::Error::new_spanned(proc_macro2::TokenStream::from(tokens), message);
        return Err(unusable(item, errors, error));
    }
    if let Some(reply) = rewritten.behind_opaque {
        let message = "`#[returns(..)]` gives its set to the `Reply`s a function returns, \
                       but this one is inside an `impl`, `dyn` or `fn` type, out of its reach: \
                       return `Reply<B>` itself (with `async fn` for a future)";
        errors.push(syn::Error::new(reply.into(), message));
    }
    let checked_output = errors.is_empty().then_some(rewritten.tokens);
    Ok(Plan {
        function,
        output,
        args,
        krate,
        span,
        checked_output,
        errors,
    })
}
