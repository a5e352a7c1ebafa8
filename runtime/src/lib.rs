//! HTTP status codes as your API documents list them, and handlers held to them.
//!
//! A generator (`cargo xtask regen`, or the `returns-build` library in your
//! own xtask) reads your API documents (pages with "Returned Value |
//! Description" tables) and writes a status module into your crate, which
//! you commit and mount once at the crate root as `returns_spec`.
//!
//! [`#[returns(..)]`](macro@returns) declares the codes a handler answers with. The
//! compiler then rejects a code that the crate's documents do not list, and a
//! reply built with a code the handler did not declare:
//!
//! ```
//! // At the crate root: your generated module (`mod returns_spec;`), or the
//! // documents bundled with this crate, as here.
//! use returns::bundled as returns_spec;
//! use returns::{returns, Reply};
//!
//! #[returns(202, 409)]
//! async fn deliver(queue_full: bool) -> Reply<&'static str> {
//!     if queue_full {
//!         return Reply::conflict("busy");
//!     }
//!     Reply::accepted("queued")
//! }
//!
//! # fn main() {
//! assert_eq!(returns::declared(&deliver), [202, 409]);
//! assert_eq!(returns_spec::Status::from_code(202), Some(returns_spec::Status::Accepted));
//! assert_eq!(returns_spec::Status::Accepted.to_string(), "202 Accepted");
//! # }
//! ```
//!
//! [`Reply`] has one constructor per code in the IANA registry
//! ([`Reply::accepted`], [`Reply::not_found`], ...) and [`Reply::with_code`]
//! for any other documented code. [`declared`] reads a handler's codes from
//! the function, without calling it, for route listings and docs.
//!
//! With the `axum` feature, `routing::Routes` registers each handler once
//! and gives both the axum `Router` and the [`Route`]s, each with the
//! handler's declarations and the pages behind them; from those,
//! [`coverage::report`] reports what the documents promise that no handler
//! declares.
//!
//! Features, each adding code only where enabled:
//! - `axum`: [`Reply`] implements `IntoResponse` and answers with exactly
//!   its declared status (a body that fails keeps its server error), and
//!   `routing` builds the router and the route list from the same calls.
//! - `utoipa`: `openapi::document` makes each route's declared codes its
//!   operation's responses in a utoipa `OpenApi`, described by the pages.
//! - `tower` (with `axum`): `conformance::ConformanceLayer` reports, as
//!   `tracing` warnings and in bounded counts, each status a route's
//!   handler did not declare: extractor rejections, the router's 405,
//!   time-outs, panics.

// The bundled module, like every generated one, names this crate `::returns`.
extern crate self as returns;

pub mod bundled;
#[cfg(feature = "tower")]
pub mod conformance;
pub mod coverage;
mod document;
mod handler;
mod iana;
#[cfg(feature = "utoipa")]
pub mod openapi;
mod reply;
mod route;
#[cfg(feature = "axum")]
pub mod routing;
mod status;

#[doc(hidden)]
pub mod __private;

pub use document::{Document, Entry, Group, Operation};
pub use handler::declared;
pub use reply::{DeclaredSet, Declares, Reply, Undeclared};
pub use route::{Documented, Route};

/// `http`, whose `StatusCode` replies carry; generated modules reach it here,
/// so a crate needs no `http` dependency of its own for them.
pub use http;

/// Declares the HTTP status codes a handler answers with: `#[returns(202, 409)]`.
///
/// Each code must be listed by the crate's documents, the status module
/// mounted at `crate::returns_spec` (with `page = <page module>`, by that one page's
/// module inside it; with `docs = path`, by the documents module at `path`).
/// Mount it once, at the crate root: `mod returns_spec;` for the module
/// generated into `src/returns_spec.rs`, `pub use other::returns_spec;` for
/// another crate's, or `use returns::bundled as returns_spec;` for the
/// documents bundled with `returns`; without it, rustc reports "cannot find
/// `returns_spec` in `crate`" at the attribute.
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
/// use returns::{returns, Reply};
/// use returns::bundled as returns_spec;
///
/// #[returns(202, 409)]
/// fn deliver() -> Reply<()> {
///     Reply::not_found(()) // error: HTTP status code 404 is not declared by this handler's `#[returns(..)]`
/// }
/// # fn main() {}
/// ```
pub use returns_macros::returns;
