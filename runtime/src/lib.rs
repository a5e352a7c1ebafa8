#![doc = include_str!("../guide.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The bundled module, like every generated one, names this crate `::http_returns`.
extern crate self as http_returns;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix;
#[cfg(feature = "axum")]
#[path = "axum/reply.rs"]
mod axum_reply;
pub mod bundled;
mod codes;
#[cfg(any(feature = "tower", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "tower", feature = "actix-web"))))]
pub mod conformance;
#[cfg(any(feature = "tower", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "tower", feature = "actix-web"))))]
pub mod contract;
pub mod coverage;
mod document;
mod handler;
mod iana;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod listing;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod openapi;
mod reply;
mod route;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
#[path = "axum/routing.rs"]
pub mod routing;
mod status;

#[doc(hidden)]
pub mod __private;

pub use document::{Document, Entry, Group, Operation};
pub use handler::{Annotated, AsyncFn, Replies, SyncFn, declared};
pub use reply::{
    AnyCode, DeclaredSet, Declares, Lists, ListsCode, NamedOperation, Reply, Undeclared,
};
pub use route::{PageOperation, Route, RouteList};
pub use status::UndocumentedStatus;

/// `http`, whose `StatusCode` replies carry; generated modules reach it here,
/// so a crate needs no `http` dependency of its own for them.
pub use http;

/// Declares the HTTP status codes a handler answers with: `#[returns(202, 409)]`.
///
/// Each code must be listed by the crate's documents, the status module
/// mounted at `crate::statuses` (with `page = <page module>`, by that one page's
/// module inside it; with `docs = path`, by the status module at `path`).
/// Mount it once, at the crate root: `mod statuses;` for the module
/// generated into `src/statuses.rs`, `pub use other::statuses;` for
/// another crate's, or `use http_returns::bundled as statuses;` for the
/// documents bundled with `http-returns`; without it, rustc reports "cannot find
/// `statuses` in `crate`" at the attribute.
///
/// Every [`Reply`] the function builds must have one of the declared
/// codes. Both are checked by the compiler, at the offending token.
/// `crate = path` names this crate where it is renamed in `Cargo.toml`.
///
/// It goes on free functions and methods, sync or async, generic or not,
/// returning `Reply<B>` or a type holding some, such as
/// `Result<Reply<A>, Reply<E>>`. The signature becomes
/// `Reply<B, impl DeclaredSet>`, so on a method of a trait impl the trait's
/// method must return that too.
///
/// ```compile_fail,E0277
/// use http_returns::{returns, Reply};
/// use http_returns::bundled as statuses;
///
/// #[returns(202, 409)]
/// fn deliver() -> Reply<()> {
///     Reply::not_found(()) // error: HTTP status code 404 is not declared by this handler's `#[returns(..)]`
/// }
/// # fn main() {}
/// ```
pub use http_returns_macros::returns;
