//! This workspace's paths, found when the command runs (not when it was
//! built), so that two checkouts sharing a target directory each read
//! their own `spec/`.

use std::path::{Path, PathBuf};

/// The workspace root: the parent of the xtask package, as cargo names it
/// when it runs the command or its tests; else the nearest directory up
/// from the current one whose `Cargo.toml` declares a workspace.
pub fn root() -> PathBuf {
    if let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR") {
        let manifest = PathBuf::from(manifest);
        if manifest.join("src/workspace.rs").is_file() {
            if let Some(parent) = manifest.parent() {
                return parent.to_path_buf();
            }
        }
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    cwd.ancestors()
        .find(|dir| declares_workspace(&dir.join("Cargo.toml")))
        .unwrap_or(&cwd)
        .to_path_buf()
}

fn declares_workspace(manifest: &Path) -> bool {
    std::fs::read_to_string(manifest).is_ok_and(|text| text.contains("[workspace]"))
}

/// `cargo xtask regen` with no flags: the bundled `spec/` into
/// `runtime/src/bundled.rs`, the module `returns` vendors as `returns::bundled`.
pub fn bundled() -> returns_build::Config {
    returns_build::Config::new(root())
        .spec("spec")
        .out("runtime/src/bundled.rs")
        .command("cargo xtask regen")
}

/// The Markdown corpus beside the workspace: `../shared/corpus`.
pub fn corpus() -> PathBuf {
    root().join("../shared/corpus")
}

/// `../shared/<name>` beside the workspace, a corpus of real pages, for
/// the tests that read it: `None`, saying so on stderr, where it is not
/// there. Under `CI=true` a missing corpus panics instead: CI's clone sits
/// beside it, and a test that skips there would pass without testing.
pub fn shared_corpus(name: &str) -> Option<PathBuf> {
    let corpus = corpus().with_file_name(name);
    if corpus.is_dir() {
        return Some(corpus);
    }
    let message = format!(
        "no corpus at {} (it sits beside the checkout in CI)",
        corpus.display()
    );
    if std::env::var_os("CI").is_some_and(|ci| ci == "true") {
        panic!("{message}: CI=true, so a test that needs it fails rather than skips");
    }
    eprintln!("skipped: {message}");
    None
}

/// Where tools build scratch crates: `$CARGO_TARGET_DIR`, else `target/`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}
