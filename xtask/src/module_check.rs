//! Compiling a generated module where a user puts it: mounted as
//! `mod statuses;` in a crate of its own that depends on `http-returns`,
//! warnings denied, with a handler checked against it. For tests of modules
//! generated from hostile or large document sets, and for timing the corpus
//! module's compile.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::{cargo, workspace};

/// Runs `cargo <command>` (`check` or `build`) on a crate in `scratch`
/// (created if needed) that mounts `module`, with a handler that declares
/// its first and last documented codes and builds the last with
/// `Reply::with_code` (which takes codes outside the IANA registry too). Scratch crates share one target
/// directory under the workspace's (`$CARGO_TARGET_DIR` is respected).
/// Returns how long cargo took.
pub fn compile(module: &str, scratch: &Path, command: &str) -> Result<Duration, String> {
    let root = workspace::root();
    let src = scratch.join("src");
    let io = |what: &str, e: std::io::Error| format!("{what}: {e}");
    std::fs::create_dir_all(&src).map_err(|e| io("cannot create the scratch crate", e))?;
    std::fs::write(src.join("statuses.rs"), module)
        .map_err(|e| io("cannot write the module", e))?;
    let codes = documented_codes(module);
    let handler = match (codes.first(), codes.last()) {
        (Some(first), Some(last)) => {
            let declared = if first == last {
                first.to_string()
            } else {
                format!("{first}, {last}")
            };
            format!(
                "\n/// A handler checked against the module.\n#[http_returns::returns({declared})]\n\
                 pub fn handler() -> http_returns::Reply<()> {{\n    http_returns::Reply::with_code::<{last}>(())\n}}\n"
            )
        }
        _ => String::new(),
    };
    let lib = format!(
        "//! A crate that mounts a generated status module.\n#![deny(warnings, missing_docs)]\n\n\
         pub mod statuses;\n{handler}"
    );
    std::fs::write(src.join("lib.rs"), lib).map_err(|e| io("cannot write lib.rs", e))?;
    let manifest = format!(
        "[package]\nname = \"module-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nhttp-returns = {{ path = {:?} }}\n\n[workspace]\n",
        root.join("runtime").display().to_string()
    );
    std::fs::write(scratch.join("Cargo.toml"), manifest)
        .map_err(|e| io("cannot write the manifest", e))?;
    std::fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"))
        .map_err(|e| io("cannot copy Cargo.lock", e))?;
    let start = Instant::now();
    let output = cargo::command()
        .args([command, "--quiet", "--offline", "--lib"])
        .current_dir(scratch)
        .env(
            "CARGO_TARGET_DIR",
            workspace::target_dir().join("module-check"),
        )
        .env_remove("RUSTFLAGS")
        .output()
        .map_err(|e| io("cannot run cargo", e))?;
    let elapsed = start.elapsed();
    if output.status.success() {
        Ok(elapsed)
    } else {
        Err(format!(
            "the generated module does not compile:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Each `N` of `impl Documented<N> for AllDocuments`, in the module's
/// (ascending) order.
fn documented_codes(module: &str) -> Vec<u16> {
    module
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("impl Documented<")?;
            let (code, rest) = rest.split_once('>')?;
            (rest == " for AllDocuments {}").then(|| code.parse().ok())?
        })
        .collect()
}
