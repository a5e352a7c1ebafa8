//! A plain `cargo test` fails when src/returns_spec.rs no longer matches
//! docs/, naming the command to run.

use std::path::Path;

#[test]
fn returns_spec_is_fresh() {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    let service = xtask.parent().unwrap_or(xtask);
    user_groups_xtask::config(service).assert_fresh();
}
