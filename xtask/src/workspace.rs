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
/// `runtime/src/bundled.rs`, the module `http-returns` vendors as `http_returns::bundled`.
pub fn bundled() -> http_returns_build::Config {
    http_returns_build::Config::new(root())
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
    let ci = std::env::var_os("CI").is_some_and(|ci| ci == "true");
    present_or_failing(corpus().with_file_name(name), ci)
}

/// `corpus` if it is there; else `None`, saying so, or under CI a panic.
fn present_or_failing(corpus: PathBuf, ci: bool) -> Option<PathBuf> {
    if corpus.is_dir() {
        return Some(corpus);
    }
    let message = format!(
        "no corpus at {} (it sits beside the checkout in CI)",
        corpus.display()
    );
    if ci {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_corpus_skips_only_outside_ci() {
        let missing = root().join("no-such-corpus");
        assert_eq!(present_or_failing(missing.clone(), false), None);
        let failed = std::panic::catch_unwind(|| present_or_failing(missing, true));
        assert!(
            failed.is_err(),
            "under CI a missing corpus must fail the test"
        );
        let here = root().join("spec");
        assert_eq!(present_or_failing(here.clone(), true), Some(here));
    }
}
