//! Plain `cargo test` fails when the vendored module no longer matches `spec/`.

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
