//! Plain `cargo test` in the service's directory fails when
//! `src/returns_spec.rs` is not what `docs/` give, naming the command that
//! regenerates it. It lives in the service's crate, not its xtask, so that
//! the tests a plain `cargo test` runs include it.

#[test]
fn returns_spec_is_fresh() {
    returns_build::Config::new(env!("CARGO_MANIFEST_DIR"))
        .spec("docs")
        .command("cargo run -p user-groups-xtask -- regen")
        .assert_fresh();
}
