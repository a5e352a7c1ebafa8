//! Compile-time behaviour of `#[returns(..)]`: what compiles and runs, and
//! the exact errors for what does not. Refresh the `.stderr` files after an
//! intended change with `TRYBUILD=overwrite cargo test -p http-returns-macros`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
