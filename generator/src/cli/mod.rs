//! The commands for a service's own xtask, behind the `clap` feature:
//! [`main`], a whole `cargo xtask` with `regen` and `extract`, for a
//! `xtask/src/main.rs` that has no commands of its own; or [`Regen`] and
//! [`Extract`], to embed as subcommands in an xtask that has.
//!
//! This is the one place that reads the process: the arguments, and the
//! current directory that paths given on the command line are relative to.

mod extract;
mod regen;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use extract::Extract;
pub use regen::Regen;

use crate::config::Config;

/// The service's build tool.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Xtask {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the status module from the documents (writes only if it
    /// changed), or check it with --check.
    ///
    /// Reads every *.md, *.markdown, *.html, *.htm and *.rst file under the
    /// documents' directory (or the one page given) and writes the Rust
    /// module. Problems in a document are printed as
    /// `file:line: severity: message`; an error leaves the module untouched
    /// and exits with status 1.
    Regen(Regen),
    /// Show what was read from the documents, one row per status-table row.
    Extract(Extract),
}

/// Parses the command line and runs `regen` or `extract` over `config`:
/// the service's documents and module. Call it from `xtask/src/main.rs`:
///
/// ```no_run
/// fn main() -> std::process::ExitCode {
///     // The service's directory: the parent of this package's.
///     let service = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
///     returns_build::cli::main(returns_build::Config::new(service).spec("docs"))
/// }
/// ```
pub fn main(config: Config) -> ExitCode {
    match Xtask::parse().command {
        Command::Regen(regen) => regen.run(config),
        Command::Extract(extract) => extract.run(config),
    }
}

/// `path`, given on the command line, as an absolute path.
fn from_current_dir(path: &Path) -> PathBuf {
    crate::paths::absolute(&std::env::current_dir().unwrap_or_default(), path)
}
