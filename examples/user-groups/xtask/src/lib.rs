//! The service's build tool, as a user writes one: the `regen` command comes
//! from `returns-build`, over this service's paths.

use std::path::Path;

/// The command that regenerates the module, as this workspace runs it (a
/// user's own workspace would alias it to `cargo xtask regen`).
pub const COMMAND: &str = "cargo run -p user-groups-xtask -- regen";

/// The service's documents and module, under `service` (the service's
/// directory): `docs/` into `src/returns_spec.rs`.
pub fn config(service: &Path) -> returns_build::Config {
    returns_build::Config::new(service)
        .spec("docs")
        .out("src/returns_spec.rs")
        .command(COMMAND)
}
