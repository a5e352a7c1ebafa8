//! `cargo run -p user-groups-actix-xtask -- regen [--check]`: the actix
//! service's xtask, the one `http-returns-build` gives
//! (`http_returns_build::cli::main`), over this service's paths: the pages
//! of the axum example, `../user-groups/docs`, which both services serve.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Read when the command runs: cargo names this package's directory, and
    // the service is its parent.
    let xtask = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let service = xtask.parent().unwrap_or(&xtask);
    http_returns_build::cli::main(
        http_returns_build::Config::new(service)
            .spec("../user-groups/docs")
            // What the module's first line and the stale message tell users
            // to run; `tests/statuses.rs` names the same.
            .command("cargo run -p user-groups-actix-xtask -- regen"),
    )
}
