//! `cargo run -p user-groups-xtask -- regen [--check]`: the service's xtask.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The user-groups service's build tool.
#[derive(Parser)]
#[command(name = "user-groups-xtask")]
struct Xtask {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate src/returns_spec.rs from docs/ (or check it with --check).
    Regen(returns_build::Regen),
}

fn main() -> ExitCode {
    // Read when the command runs: cargo names this package's directory, and
    // the service is its parent.
    let xtask = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(PathBuf::new, PathBuf::from);
    let service = xtask.parent().unwrap_or(&xtask);
    match Xtask::parse().command {
        Command::Regen(regen) => regen.run(user_groups_xtask::config(service)),
    }
}
