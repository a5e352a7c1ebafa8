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

pub use extract::Extract;
pub use regen::Regen;

use crate::__private::{EXTRACT_ABOUT, REGEN_ABOUT, REGEN_LONG_ABOUT};
use crate::config::Config;

/// The service's build tool: `regen` and `extract`.
fn command() -> clap::Command {
    use clap::Args;
    clap::Command::new("cargo xtask")
        .bin_name("cargo xtask")
        .about("The service's build tool")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommand(Regen::augment_args(
            clap::Command::new("regen")
                .about(REGEN_ABOUT)
                .long_about(REGEN_LONG_ABOUT),
        ))
        .subcommand(Extract::augment_args(
            clap::Command::new("extract").about(EXTRACT_ABOUT),
        ))
}

/// Parses the command line and runs `regen` or `extract` over `config`:
/// the service's documents and module. Call it from `xtask/src/main.rs`:
///
/// ```no_run
/// fn main() -> std::process::ExitCode {
///     // The service's directory: the parent of this package's.
///     let service = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
///     http_returns_build::cli::main(http_returns_build::Config::new(service).spec("docs"))
/// }
/// ```
pub fn main(config: Config) -> ExitCode {
    use clap::FromArgMatches;
    let matches = command().get_matches();
    let parsed = match matches.subcommand() {
        Some(("regen", matches)) => Regen::from_arg_matches(matches).map(|regen| regen.run(config)),
        Some(("extract", matches)) => {
            Extract::from_arg_matches(matches).map(|extract| extract.run(config))
        }
        // `subcommand_required`: clap has already answered anything else.
        _ => return ExitCode::from(2),
    };
    parsed.unwrap_or_else(|error| error.exit())
}

/// `path`, given on the command line, as an absolute path.
fn from_current_dir(path: &Path) -> PathBuf {
    crate::paths::absolute(&std::env::current_dir().unwrap_or_default(), path)
}
