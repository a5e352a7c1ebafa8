//! Compiling a generated module where it lives: in a scratch copy of the
//! runtime crate (its sources, with the module swapped in), warnings denied.
//! For tests of modules generated from hostile or large document sets, and
//! for timing the corpus module's compile.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::regen::workspace_root;

/// Runs `cargo <command>` (`check` or `build`) on `module` as the runtime's
/// `spec` module, in `scratch` (created if needed). Returns how long cargo took.
pub fn compile(module: &str, scratch: &Path, command: &str) -> Result<Duration, String> {
    let root = workspace_root();
    let src = scratch.join("src");
    let io = |what: &str, e: std::io::Error| format!("{what}: {e}");
    std::fs::create_dir_all(&src).map_err(|e| io("cannot create the scratch crate", e))?;
    for entry in
        std::fs::read_dir(root.join("runtime/src")).map_err(|e| io("cannot list runtime/src", e))?
    {
        let path = entry.map_err(|e| io("cannot list runtime/src", e))?.path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, src.join(name)).map_err(|e| io("cannot copy the runtime", e))?;
        }
    }
    std::fs::write(src.join("spec.rs"), module).map_err(|e| io("cannot write the module", e))?;
    let manifest = format!(
        "[package]\nname = \"returns\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[dependencies]\n\
         http = \"1\"\nreturns-macros = {{ path = {:?} }}\n\n[features]\naxum = []\n\n[workspace]\n",
        root.join("codegen").display().to_string()
    );
    std::fs::write(scratch.join("Cargo.toml"), manifest)
        .map_err(|e| io("cannot write the manifest", e))?;
    std::fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"))
        .map_err(|e| io("cannot copy Cargo.lock", e))?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let start = Instant::now();
    let output = Command::new(cargo)
        .args([command, "--quiet", "--offline", "--lib"])
        .current_dir(scratch)
        .env("CARGO_TARGET_DIR", scratch.join("target"))
        .env("RUSTFLAGS", "-D warnings")
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
