//! HTTP status codes as your API documents list them, and handlers held to them.
//!
//! `cargo xtask regen` reads the documents in `spec/` (Markdown pages with
//! "Returned Value | Description" tables) and writes [`spec`]: a [`Status`] enum
//! with one variant per documented code, one module per document with what it
//! says of each code, and one [`Reply`] constructor per code. The module is
//! checked in; `cargo xtask regen --check` fails when it no longer matches the
//! documents.
//!
//! [`#[returns(..)]`](returns) declares the codes a handler answers with. The
//! compiler then rejects a code that no document lists, and a reply built
//! with a code the handler did not declare:
//!
//! ```
//! use returns::{returns, Reply, Status};
//!
//! #[returns(202, 409)]
//! async fn deliver(queue_full: bool) -> Reply<&'static str> {
//!     if queue_full {
//!         return Reply::conflict("busy");
//!     }
//!     Reply::accepted("queued")
//! }
//!
//! assert_eq!(Status::from_code(202), Some(Status::Accepted));
//! assert_eq!(Status::Accepted.to_string(), "202 Accepted");
//! assert_eq!(http::StatusCode::from(Status::NotFound), http::StatusCode::NOT_FOUND);
//! ```
//!
//! [`declared`] reads a handler's codes from the function, without calling
//! it: `declared(&deliver)` is `[202, 409]`, for route listings and docs.
//!
//! With the `axum` feature, [`Reply`] implements `IntoResponse` and answers
//! with exactly its declared status.

pub mod document;
pub mod handler;
mod reply;
pub mod spec;
mod status;

#[doc(hidden)]
pub mod __private;

pub use document::{Document, Entry, Group};
pub use handler::declared;
pub use reply::{DeclaredSet, Declares, Reply, Undeclared};
pub use spec::Status;
pub use status::UndocumentedStatus;

/// Declares the HTTP status codes a handler answers with: `#[returns(202, 409)]`.
///
/// Each code must be listed by a document in `spec/` (or, with
/// `spec = module`, by that one document), and every [`Reply`] the function
/// builds must have one of the declared codes; both are checked by the
/// compiler, at the offending token. `crate = path` names this crate where
/// it is renamed in `Cargo.toml`.
///
/// It goes on free functions and methods, sync or async, generic or not,
/// returning `Reply<B>` or a type holding some, such as
/// `Result<Reply<A>, Reply<E>>`. The signature becomes
/// `Reply<B, impl DeclaredSet>`, so on a method of a trait impl the trait's
/// method must return that too.
///
/// ```compile_fail,E0277
/// use returns::{returns, Reply};
///
/// #[returns(202, 409)]
/// fn deliver() -> Reply<()> {
///     Reply::not_found(()) // error: HTTP status code 404 is not declared by this handler's `#[returns(..)]`
/// }
/// ```
pub use returns_macros::returns;
