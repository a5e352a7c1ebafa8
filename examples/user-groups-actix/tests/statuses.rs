//! Plain `cargo test` in the service's directory fails when
//! `src/statuses.rs` is not what `../user-groups/docs` give, naming the
//! command that regenerates it.

#[test]
fn status_module_is_fresh() {
    http_returns_build::Config::new(env!("CARGO_MANIFEST_DIR"))
        .spec("../user-groups/docs")
        .command("cargo run -p user-groups-actix-xtask -- regen")
        .assert_fresh();
}
