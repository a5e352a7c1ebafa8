//! Plain `cargo test` fails when the vendored module no longer matches the
//! documents in `spec/`, and says what to run. These are the only tests that
//! read the live `spec/`: the others use fixtures, so that editing a document
//! fails here, with the fix in the message, and nowhere else.

use std::process::Command;

use xtask::regen::{self, Freshness};

#[test]
fn vendored_module_matches_the_documents() {
    let spec = regen::default_spec_dir();
    let out = regen::default_out_file();
    let (module, _) = regen::generate(&spec).unwrap_or_else(|errors| {
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!(
            "the documents in spec/ cannot be read:\n{}",
            errors.join("\n")
        )
    });
    let freshness = regen::freshness(&out, &module).expect("the vendored module is readable");
    assert!(
        freshness == Freshness::Fresh,
        "{}",
        regen::stale_message(&spec, &out, &freshness)
    );
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
        stdout.starts_with("regen: runtime/src/spec.rs is up to date ("),
        "{stdout}"
    );
}
