//! The generator behind `#[returns(..)]`: reads a crate's API documents and
//! writes the status module the crate commits and mounts as `returns_spec`.
//!
//! Like prost-build and tonic-build, it is a library that you call with your
//! own paths: from your own xtask ([`cli::main`], a whole
//! `cargo xtask regen [--check]` and `cargo xtask extract`; or [`cli::Regen`]
//! and [`cli::Extract`], `clap` subcommands for an xtask of your own) and
//! from a `#[test]` in your service's crate that fails when the committed
//! module is stale ([`Config::assert_fresh`]):
//!
//! ```no_run
//! let config = returns_build::Config::new(env!("CARGO_MANIFEST_DIR"))
//!     .spec("docs")                // your documents: a directory or one page
//!     .out("src/returns_spec.rs")  // the module, mounted with `mod returns_spec;`
//!     .command("cargo xtask regen");
//! config.run(returns_build::Mode::Write)?;
//! # Ok::<(), returns_build::Failure>(())
//! ```
//!
//! [`Config::generate`] reads every document and gives the module's text;
//! [`Config::run`] writes it, or compares it with the file ([`Mode`]).
//! Problems in a document are [`Diagnostic`]s (`file:line: severity:
//! message`), never panics; a [`Failure`] leaves the module untouched.

#[cfg(feature = "clap")]
pub mod cli;
mod config;
mod diagnostic;
mod failure;
mod module_file;
mod report;

#[doc(hidden)]
pub mod __private;
use __private::{documents, drift, emit, extract, model, parallel, paths, spec_dir};

pub use config::{Config, Mode};
pub use diagnostic::{Diagnostic, Severity};
pub use drift::{Change, ChangeKind};
pub use failure::Failure;
pub use report::{Drift, Generated, Outcome, Report};
