//! `cargo run -p user-groups-xtask -- regen [--check]`: the service's
//! xtask, the one `http-returns-build` gives (`http_returns_build::cli::main`), over
//! this service's paths. In a service's own workspace, where `cargo xtask`
//! is aliased to it, that is `cargo xtask regen`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Read when the command runs: cargo names this package's directory, and
    // the service is its parent.
    let xtask = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let service = xtask.parent().unwrap_or(&xtask);
    http_returns_build::cli::main(
        http_returns_build::Config::new(service)
            .spec("docs")
            // What the module's first line and the stale message tell users
            // to run; `tests/statuses.rs` names the same.
            .command("cargo run -p user-groups-xtask -- regen"),
    )
}
