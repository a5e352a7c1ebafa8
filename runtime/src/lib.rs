//! HTTP status codes as your API documents list them.
//!
//! `cargo xtask regen` reads the documents in `spec/` (Markdown pages with
//! "Returned Value | Description" tables) and writes [`spec`]: a [`Status`] enum
//! with one variant per documented code, and one module per document with what
//! it says of each code. The module is checked in; `cargo xtask regen --check`
//! fails when it no longer matches the documents.
//!
//! ```
//! use returns::Status;
//!
//! assert_eq!(Status::from_code(202), Some(Status::Accepted));
//! assert_eq!(Status::Accepted.to_string(), "202 Accepted");
//! assert_eq!(http::StatusCode::from(Status::NotFound), http::StatusCode::NOT_FOUND);
//! ```

pub mod document;
pub mod spec;
mod status;

pub use document::{Document, Entry, Group};
pub use returns_macros::returns;
pub use spec::Status;
pub use status::UndocumentedStatus;
