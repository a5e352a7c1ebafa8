//! Reading a handler's declared codes from the function itself, before any
//! request: for route listings, API docs and start-up logs. [`declared`],
//! re-exported at the crate root, is the way in; the traits here are what
//! it is generic over.

use std::future::Future;

use crate::{DeclaredSet, Reply};

/// The codes `#[returns(..)]` declared on `handler`, in the order it lists
/// them, read from the function's type: the handler is not called.
///
/// Works for sync and async functions and methods, with up to 16
/// arguments (as many as axum's handlers take), returning `Reply<B>` or `Result<Reply<A>, Reply<E>>`. A
/// generic function needs its type arguments (`declared(&find::<u32>)`).
///
/// ```
/// use http_returns::{declared, returns, Reply};
/// use http_returns::bundled as statuses;
///
/// #[returns(202, 409)]
/// async fn deliver(queue_full: bool) -> Reply<&'static str> {
///     if queue_full {
///         return Reply::conflict("busy");
///     }
///     Reply::accepted("queued")
/// }
///
/// struct Store;
/// impl Store {
///     #[returns(200, 404)]
///     fn get(&self, key: u32) -> Result<Reply<u32>, Reply<String>> {
///         Err(Reply::not_found(format!("no key {key}")))
///     }
/// }
///
/// # fn main() {
/// assert_eq!(declared(&deliver), [202, 409]);
/// assert_eq!(declared(&Store::get), [200, 404]);
/// # }
/// ```
pub fn declared<Marker, H: Annotated<Marker>>(handler: &H) -> &'static [u16] {
    let _ = handler;
    <H::Set as DeclaredSet>::CODES
}

/// A function with `#[returns(..)]`: its return type names its declared set.
/// `Marker` tells sync from async functions and counts the arguments; it is
/// inferred.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no `#[returns(..)]` to read the codes of",
    label = "not a function with `#[returns(..)]`",
    note = "`http_returns::declared` reads a function that returns `Reply<B>` or `Result<Reply<A>, Reply<E>>` and carries `#[returns(..)]`"
)]
pub trait Annotated<Marker> {
    /// The declared set: its codes, and the documents they are checked
    /// against.
    type Set: DeclaredSet;
}

/// A return type that carries a declared set: `Reply<B, S>`, or a `Result`
/// of two, as `#[returns(..)]` writes it.
pub trait Replies {
    /// The declared set.
    type Set: DeclaredSet;
}

impl<B, S: DeclaredSet> Replies for Reply<B, S> {
    type Set = S;
}

// `#[returns(..)]` gives both sides the same set, but in the signature each
// `impl DeclaredSet` is a type of its own, hence two parameters.
impl<A, E, S: DeclaredSet, T: DeclaredSet> Replies for Result<Reply<A, S>, Reply<E, T>> {
    type Set = S;
}

/// `Annotated`'s marker for a sync function taking `Args`.
pub struct SyncFn<Args>(std::marker::PhantomData<Args>);

/// `Annotated`'s marker for an async function taking `Args`.
pub struct AsyncFn<Args>(std::marker::PhantomData<Args>);

macro_rules! annotated {
    ($($arg:ident),*) => {
        impl<F, R, $($arg,)*> Annotated<SyncFn<($($arg,)*)>> for F
        where
            F: Fn($($arg),*) -> R,
            R: Replies,
        {
            type Set = R::Set;
        }

        impl<F, Fut, $($arg,)*> Annotated<AsyncFn<($($arg,)*)>> for F
        where
            F: Fn($($arg),*) -> Fut,
            Fut: Future,
            Fut::Output: Replies,
        {
            type Set = <Fut::Output as Replies>::Set;
        }
    };
}

/// `annotated!` for each arity from the list's length down to none.
macro_rules! annotated_up_to {
    () => {
        annotated!();
    };
    ($first:ident $(, $rest:ident)*) => {
        annotated!($first $(, $rest)*);
        annotated_up_to!($($rest),*);
    };
}

annotated_up_to!(
    A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12, A13, A14, A15, A16
);
