//! Two crates in one build, each checked against its own documents; the
//! module of this one generated for a renamed `http-returns`.

use std::path::Path;

// Integration tests are crates of their own: mount the library's module.
pub use renamed_crate_test::statuses;
use renamed_returns::{Reply, returns};

#[returns(202, page = returned_values, crate = ::renamed_returns)]
fn deliver_here() -> Reply<()> {
    Reply::accepted(())
}

#[test]
fn each_crate_declares_against_its_own_documents() {
    assert_eq!(renamed_crate_test::deliver(true).status(), 409);
    assert_eq!(deliver_here().declared(), [202]);
    assert_eq!(
        renamed_crate_test::declared(),
        [&[202, 409][..], &[201, 400, 409]]
    );
    assert!(
        statuses::Status::from_code(201).is_none(),
        "201 is not in this crate's documents"
    );
    assert!(user_groups::statuses::Status::from_code(201).is_some());
}

#[test]
fn a_code_documented_only_in_the_other_crate_is_refused() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}

#[test]
fn the_module_is_fresh() {
    http_returns_build::Config::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .spec("tests/renamed-crate/docs")
        .out("tests/renamed-crate/src/statuses.rs")
        .runtime("::renamed_returns")
        .command(
            "cargo xtask regen --spec tests/renamed-crate/docs --out tests/renamed-crate/src/statuses.rs --runtime ::renamed_returns",
        )
        .assert_fresh();
}
