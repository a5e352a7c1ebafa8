//! The generator behind `#[returns(..)]`: reads a crate's API documents and
//! writes the status module the crate commits and mounts as `returns_spec`.
//!
//! Like prost-build and tonic-build, it is a library that you call with your
//! own paths: from your own xtask (`cli::main`, a whole
//! `cargo xtask regen [--check]`; or [`Regen`], a `clap` subcommand for an
//! xtask of your own) and from a `#[test]` in your service's crate that
//! fails when the committed module is stale ([`Config::assert_fresh`]):
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
//! The pipeline: [`extract`] reads each document's status tables into the
//! [`model`], [`emit`] writes the module from it, and [`Config::run`] ties
//! both to the files on disk. Problems in a document are
//! [`Diagnostic`](diagnostic::Diagnostic)s (`file:line: severity: message`),
//! never panics; an error leaves the module untouched.

#[cfg(feature = "clap")]
pub mod cli;
#[cfg(feature = "clap")]
mod command;
mod config;
pub mod diagnostic;
pub mod drift;
pub mod emit;
pub mod extract;
pub mod model;
pub mod parallel;
pub mod paths;
pub mod regen;
pub mod spec_dir;

#[cfg(feature = "clap")]
pub use command::Regen;
pub use config::{Config, Drift, Failure, Mode, Outcome, Report, plural, summary};
