//! `cargo xtask bench-layout`: where a large status module should live.
//!
//! rustc parses and expands the whole module on every rebuild of the crate
//! that holds it. This builds the same annotated handlers three ways and
//! times an incremental rebuild of each after touching the handlers'
//! source, alternating the three so that machine noise hits all alike:
//!
//! - the bundled one-page module (`use http_returns::bundled as statuses;`),
//!   the baseline;
//! - a module generated from `pages` real pages, mounted in the handlers'
//!   crate (`mod statuses;`);
//! - the same module in a crate of its own, which the handlers' crate
//!   mounts with `pub use docs::statuses;`.
//!
//! and, last, that module's own crate rebuilt alone: what the module costs
//! by itself, for its size per page.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use http_returns_build::__private::spec_dir;
use http_returns_build::Config;

use crate::bench_macro::{annotated_source, touch, write_if_changed};
use crate::measure::median;
use crate::workspace::{self, target_dir};

/// What one run measured.
pub struct Report {
    /// Handlers in each crate.
    pub handlers: usize,
    /// Pages the large module was generated from.
    pub pages: usize,
    /// The large module: bytes, lines, `impl` blocks.
    pub module: (usize, usize, usize),
    /// Rebuild times per layout, one per round, in [`LAYOUTS`] order.
    pub times: Vec<Vec<Duration>>,
}

/// The three layouts, as the report names them, and last the large
/// module's own crate rebuilt alone: what the module costs by itself.
pub const LAYOUTS: [&str; 4] = [
    "the bundled one-page module",
    "the large module, `mod statuses;` in the handlers' crate",
    "the large module in a crate of its own, `pub use docs::statuses;`",
    "(that crate of its own, rebuilt alone)",
];

/// Runs the benchmark: `handlers` handlers, a module of the first `pages`
/// pages of `corpus` (by path), `rounds` rebuilds of each layout.
pub fn run(corpus: &Path, pages: usize, handlers: usize, rounds: usize) -> Result<Report, String> {
    let dir = target_dir().join("bench-layout");
    let module = large_module(corpus, pages, &dir.join("docs-pages"))?;
    let handlers_source = annotated_source(handlers);
    let in_crate_source =
        handlers_source.replace("use http_returns::bundled as statuses;", "mod statuses;");
    let own_crate_source = handlers_source.replace(
        "use http_returns::bundled as statuses;",
        "pub use docs::statuses;",
    );
    let docs = write_crate(&dir, "docs", "pub mod statuses;\n", &[], Some(&module))?;
    let crates = [
        write_crate(&dir, "one-page", &handlers_source, &[], None)?,
        write_crate(&dir, "in-crate", &in_crate_source, &[], Some(&module))?,
        write_crate(
            &dir,
            "own-crate",
            &own_crate_source,
            &[("docs", &docs)],
            None,
        )?,
        docs,
    ];
    let target = dir.join("target");
    for krate in &crates {
        eprintln!("bench-layout: first build of {}", krate.display());
        build(krate, &target)?;
    }
    let mut times = vec![Vec::new(); crates.len()];
    // The three layouts, a different one first each round; the module's
    // own crate after them, since rebuilding it makes the next build of
    // the crate that mounts it a full one.
    let layouts = crates.len() - 1;
    for round in 0..rounds.max(1) {
        for offset in 0..layouts {
            let which = (round + offset) % layouts;
            touch(&crates[which].join("src/lib.rs"))?;
            times[which].push(build(&crates[which], &target)?);
        }
        eprintln!("bench-layout: round {}/{rounds} done", round + 1);
    }
    for _ in 0..rounds.max(1) {
        touch(&crates[layouts].join("src/lib.rs"))?;
        times[layouts].push(build(&crates[layouts], &target)?);
    }
    Ok(Report {
        handlers,
        pages,
        module: (
            module.len(),
            module.lines().count(),
            module.matches("\nimpl").count() + module.matches("\n    impl").count(),
        ),
        times,
    })
}

/// The module for the first `pages` pages of `corpus`, copied into
/// `scratch` so that the module names only them.
fn large_module(corpus: &Path, pages: usize, scratch: &Path) -> Result<String, String> {
    let files = spec_dir::read(corpus)
        .map_err(|errors| format!("cannot read {}: {errors:?}", corpus.display()))?
        .files;
    let _ = std::fs::remove_dir_all(scratch);
    for file in files.iter().take(pages) {
        let path = scratch.join(&file.relative);
        std::fs::create_dir_all(path.parent().unwrap_or(scratch))
            .and_then(|()| std::fs::write(&path, &file.text))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let config = Config::new(workspace::root())
        .spec(scratch)
        .command("cargo xtask bench-layout");
    config
        .generate()
        .map(|generated| generated.module)
        .map_err(|failure| failure.to_string())
}

/// A crate `name` under `dir` with `lib` as its `src/lib.rs`, depending on
/// `http-returns` and on `deps` by path, and `module` as its
/// `src/statuses.rs` if given.
fn write_crate(
    dir: &Path,
    name: &str,
    lib: &str,
    deps: &[(&str, &Path)],
    module: Option<&str>,
) -> Result<PathBuf, String> {
    let root = dir.join(name);
    let runtime = workspace::root().join("runtime");
    let mut manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nhttp-returns = {{ path = {:?} }}\n",
        runtime.display().to_string()
    );
    for (dep, path) in deps {
        let _ = writeln!(
            manifest,
            "{dep} = {{ path = {:?} }}",
            path.display().to_string()
        );
    }
    manifest.push_str("\n[workspace]\n");
    write_if_changed(&root.join("Cargo.toml"), &manifest)?;
    write_if_changed(&root.join("src/lib.rs"), lib)?;
    if let Some(module) = module {
        write_if_changed(&root.join("src/statuses.rs"), module)?;
    }
    Ok(root)
}

fn build(krate: &Path, target: &Path) -> Result<Duration, String> {
    let start = Instant::now();
    let status = crate::cargo::command()
        .args(["build", "--quiet"])
        .current_dir(krate)
        .env("CARGO_TARGET_DIR", target)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(start.elapsed())
    } else {
        Err(format!("cargo build failed in {}", krate.display()))
    }
}

impl Report {
    /// The figures, as the docs quote them.
    pub fn render(&self) -> String {
        let (bytes, lines, impls) = self.module;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} annotated async handlers; rebuild after touching the handlers' source, median of {} rounds:",
            self.handlers,
            self.times.first().map_or(0, Vec::len)
        );
        let _ = writeln!(
            out,
            "  large module: {} pages, {:.1} MB, {lines} lines, {impls} impls ({:.1} KB a page)",
            self.pages,
            bytes as f64 / 1e6,
            bytes as f64 / 1e3 / self.pages.max(1) as f64
        );
        let baseline = median(&self.times[0]).as_secs_f64();
        for (layout, times) in LAYOUTS.iter().zip(&self.times) {
            let time = median(times).as_secs_f64();
            let _ = writeln!(
                out,
                "  {layout:<70} {time:>6.2} s  ({:.1}x)",
                time / baseline
            );
        }
        out
    }
}
