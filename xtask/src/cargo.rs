//! Running cargo from a tool: the cargo that runs this tool, as cargo
//! names it in `$CARGO`, else the one on `PATH`.

use std::process::Command;

/// A `cargo` command, not yet given its arguments.
pub fn command() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}
