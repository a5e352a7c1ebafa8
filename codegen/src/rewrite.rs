//! Giving each `Reply<B>` in the return type the handler's declared set:
//! `Result<Reply<A>, Reply<E>>` becomes `Result<Reply<A, S>, Reply<E, S>>`.

use proc_macro2::TokenStream;
use syn::{GenericArgument, PathArguments, Type};

/// Adds `set` as the second argument of every one-argument `Reply<..>` in
/// `ty`, looking through paths' generic arguments, tuples, references,
/// arrays and parentheses. Returns how many it changed.
pub fn add_set(ty: &mut Type, set: &TokenStream) -> usize {
    match ty {
        Type::Path(path) => {
            let mut changed = 0;
            if let Some(qself) = &mut path.qself {
                changed += add_set(&mut qself.ty, set);
            }
            let last = path.path.segments.len().saturating_sub(1);
            for (index, segment) in path.path.segments.iter_mut().enumerate() {
                let PathArguments::AngleBracketed(arguments) = &mut segment.arguments else {
                    continue;
                };
                for argument in arguments.args.iter_mut() {
                    if let GenericArgument::Type(inner) = argument {
                        changed += add_set(inner, set);
                    }
                }
                if index == last && segment.ident == "Reply" && arguments.args.len() == 1 {
                    if let Ok(set) = syn::parse2::<Type>(set.clone()) {
                        arguments.args.push(GenericArgument::Type(set));
                        changed += 1;
                    }
                }
            }
            changed
        }
        Type::Tuple(tuple) => tuple.elems.iter_mut().map(|elem| add_set(elem, set)).sum(),
        Type::Reference(reference) => add_set(&mut reference.elem, set),
        Type::Paren(paren) => add_set(&mut paren.elem, set),
        Type::Group(group) => add_set(&mut group.elem, set),
        Type::Array(array) => add_set(&mut array.elem, set),
        Type::Slice(slice) => add_set(&mut slice.elem, set),
        _ => 0,
    }
}
