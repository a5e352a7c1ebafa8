//! Plain `cargo test` in the service's directory fails when
//! `src/statuses.rs` is not what `docs/` give, naming the command that
//! regenerates it. It lives in the service's crate, not its xtask, so that
//! the tests a plain `cargo test` runs include it.

#[test]
fn status_module_is_fresh() {
    http_returns_build::Config::new(env!("CARGO_MANIFEST_DIR"))
        .spec("docs")
        .command("cargo run -p user-groups-xtask -- regen")
        .assert_fresh();
}
