//! The compiler holds this actix-web service's handlers to its documents,
//! and its registrations to its handlers.

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
