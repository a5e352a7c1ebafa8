#![doc = include_str!("../guide.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "clap")]
#[cfg_attr(docsrs, doc(cfg(feature = "clap")))]
pub mod cli;
mod config;
mod diagnostic;
mod failure;
mod module_depth;
mod module_file;
mod success;

#[doc(hidden)]
pub mod __private;
use __private::{documents, drift, emit, extract, model, parallel, paths, spec_dir};

pub use config::{Config, Mode};
pub use diagnostic::{Diagnostic, Severity};
pub use drift::{Change, ChangeKind};
pub use failure::Failure;
pub use success::{Drift, Generated, Outcome, Success};
