//! Plain `cargo test` fails when the vendored module no longer matches the
//! documents in `spec/`, and says what to run. These are the only tests that
//! read the live `spec/`: the others use fixtures, so that editing a document
//! fails here, with the fix in the message, and nowhere else.

use std::process::Command;

#[test]
fn vendored_module_matches_the_documents() {
    xtask::workspace::bundled().assert_fresh();
}

/// The module of `runtime/tests/queues.rs`, from its two pages.
#[test]
fn the_queues_test_module_matches_its_pages() {
    http_returns_build::Config::new(xtask::workspace::root())
        .spec("runtime/tests/queues/docs")
        .out("runtime/tests/queues/statuses.rs")
        .command("cargo xtask regen --spec runtime/tests/queues/docs --out runtime/tests/queues/statuses.rs")
        .assert_fresh();
}

#[test]
fn regen_check_passes_on_the_bundled_spec() {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["regen", "--check"])
        .output()
        .expect("xtask runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("regen: runtime/src/bundled.rs is up to date ("),
        "{stdout}"
    );
}
