//! [`main`]: a whole xtask for a service, `cargo xtask regen [--check]`,
//! for a user's `xtask/src/main.rs` to call with the service's paths. A
//! user with commands of their own embeds [`Regen`] in their `clap`
//! command instead.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::command::Regen;
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
}

/// Parses the command line and runs the command over `config`: the
/// service's documents and module. Call it from `xtask/src/main.rs`:
///
/// ```no_run
/// fn main() -> std::process::ExitCode {
///     // The service's directory: the parent of this package's, which
///     // cargo names when it runs the command.
///     let xtask = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
///     let service = xtask.parent().unwrap_or(&xtask);
///     returns_build::cli::main(returns_build::Config::new(service).spec("docs"))
/// }
/// ```
pub fn main(config: Config) -> ExitCode {
    match Xtask::parse().command {
        Command::Regen(regen) => regen.run(config),
    }
}
