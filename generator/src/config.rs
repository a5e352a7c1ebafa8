//! [`Config`]: where a crate's documents and its status module are, and the
//! one routine that writes or checks the module.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::drift::{self, Change};
use crate::emit;
use crate::regen::{self, Freshness, Loaded};

/// Where a crate's documents are, where its status module goes, and how
/// that module names the runtime and the command that rewrites it.
///
/// Relative paths are read from [`Config::new`]'s root (a workspace or a
/// crate directory), and shown relative to it in messages.
///
/// ```no_run
/// let config = returns_build::Config::new(env!("CARGO_MANIFEST_DIR"))
///     .spec("docs")
///     .out("src/returns_spec.rs")
///     .command("cargo xtask regen");
/// let report = config.run(returns_build::Mode::Write)?;
/// println!("{report}");
/// # Ok::<(), returns_build::Failure>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    root: PathBuf,
    spec: PathBuf,
    out: PathBuf,
    runtime: String,
    command: String,
}

/// Whether [`Config::run`] writes the module or only compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write the module if its content changed.
    Write,
    /// Write nothing; fail if the module is not what the documents give.
    Check,
}

/// What [`Config::run`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// [`Mode::Write`]: the module changed and was written.
    Wrote,
    /// [`Mode::Write`]: the module was already up to date; not touched.
    Unchanged,
    /// [`Mode::Check`]: the module is up to date.
    Fresh,
}

/// A successful run: what happened, what was read, and the warnings met.
#[derive(Debug, Clone)]
pub struct Report {
    /// What happened to the module.
    pub outcome: Outcome,
    /// The module's path, as shown to the user.
    pub out: String,
    /// `1 document, 17 rows, 17 status codes`.
    pub summary: String,
    /// What was skipped in the documents, and why.
    pub warnings: Vec<Diagnostic>,
    /// What changed, per operation, where the module was rewritten.
    pub drift: Drift,
}

/// What a rewrite changed, per operation (or page), for the reviewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// Nothing was rewritten, or there was no module before.
    None,
    /// The previous module could not be read back (another format, or
    /// edited by hand): what changed is not known.
    Unknown,
    /// Each page whose codes or operations changed.
    Changes(Vec<Change>),
}

impl Drift {
    /// What changed from the module text `old` (if there was one) to what
    /// `loaded` gives.
    fn between(old: Option<&str>, loaded: &Loaded) -> Drift {
        let Some(old) = old else {
            return Drift::None;
        };
        match drift::read_module(old) {
            Some(before) => {
                Drift::Changes(drift::changes(&before, &drift::pages(&loaded.documents)))
            }
            None => Drift::Unknown,
        }
    }

    /// One line each, indented under the outcome.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Drift::None => Vec::new(),
            Drift::Unknown => vec![
                "  (what changed is not listed: the previous module is not one this version of \
                 returns-build reads back)"
                    .to_owned(),
            ],
            // The module changed, but no page's codes or operations did:
            // said, so that an empty list does not read as "nothing".
            Drift::Changes(changes) if changes.is_empty() => vec![
                "  (no page's codes or operations changed: its descriptions, titles or labels did)"
                    .to_owned(),
            ],
            Drift::Changes(changes) => changes.iter().map(|change| format!("  {change}")).collect(),
        }
    }
}

/// `regen: wrote src/returns_spec.rs (1 document, 17 rows, 17 status codes)`.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Report { out, summary, .. } = self;
        match self.outcome {
            Outcome::Wrote => write!(f, "regen: wrote {out} ({summary})"),
            Outcome::Unchanged => write!(f, "regen: unchanged: {out} ({summary})"),
            Outcome::Fresh => write!(f, "regen: {out} is up to date ({summary})"),
        }
    }
}

/// A failed run: the problems in the documents, if any, and what failed.
/// The module is left as it was.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Every problem found in the documents, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// What failed, and what to do: for a stale module, the command to run.
    pub message: String,
}

/// The diagnostics, one a line, then the message.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for Failure {}

impl Config {
    /// Documents in `root/spec`, the module at `root/src/returns_spec.rs`,
    /// naming the runtime `::returns` and the command `cargo xtask regen`.
    pub fn new(root: impl Into<PathBuf>) -> Config {
        Config {
            root: root.into(),
            spec: PathBuf::from("spec"),
            out: PathBuf::from("src/returns_spec.rs"),
            runtime: "::returns".to_owned(),
            command: "cargo xtask regen".to_owned(),
        }
    }

    /// The documents: a directory (read recursively) or one page.
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Config {
        self.spec = path.into();
        self
    }

    /// The module to write.
    pub fn out(mut self, path: impl Into<PathBuf>) -> Config {
        self.out = path.into();
        self
    }

    /// The path of the `returns` crate where the module is mounted:
    /// `::returns` unless `Cargo.toml` renames the dependency.
    pub fn runtime(mut self, path: impl Into<String>) -> Config {
        self.runtime = path.into();
        self
    }

    /// The command that regenerates the module, exactly as a user types
    /// it: the module's first line and the stale-module message name it.
    pub fn command(mut self, command: impl Into<String>) -> Config {
        self.command = command.into();
        self
    }

    /// The documents' path, resolved against the root.
    pub fn spec_path(&self) -> PathBuf {
        self.root.join(&self.spec)
    }

    /// The module's path, resolved against the root.
    pub fn out_path(&self) -> PathBuf {
        self.root.join(&self.out)
    }

    /// The regenerating command, as set.
    pub fn command_line(&self) -> &str {
        &self.command
    }

    /// `path` as messages show it: relative to the root (with `..` beside
    /// it), so that the output does not depend on where the checkout is;
    /// absolute further out.
    pub fn shown(&self, path: &Path) -> String {
        let path = self.root.join(path);
        crate::paths::relative(&self.root, &path)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// Reads every document, then writes the module if it changed
    /// ([`Mode::Write`]) or compares it ([`Mode::Check`]). On any error the
    /// module is left byte for byte as it was.
    pub fn run(&self, mode: Mode) -> Result<Report, Failure> {
        let spec = self.spec_path();
        let out = self.out_path();
        let shown_out = self.shown(&out);
        let (module, loaded) = regen::generate(&spec, &self.emit_options()).map_err(|errors| {
            let count = errors
                .iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .count();
            Failure {
                diagnostics: errors,
                message: format!(
                    "regen stopped on {}; {shown_out} was not touched",
                    plural(count, "error")
                ),
            }
        })?;
        let summary = summary(&loaded);
        // The module as it is, read once: compared with the new one, and
        // read back to say what changed.
        let previous = regen::read_module(&out).map_err(|e| Failure {
            diagnostics: loaded.warnings.clone(),
            message: format!("cannot read {shown_out}: {e}"),
        })?;
        let freshness = regen::compare(previous.as_deref(), &module);
        let drift = || {
            let text = previous.as_deref().map(String::from_utf8_lossy);
            Drift::between(text.as_deref(), &loaded)
        };
        let (outcome, drift) = match (mode, &freshness) {
            (Mode::Check, Freshness::Fresh) => (Outcome::Fresh, Drift::None),
            (Mode::Write, Freshness::Fresh) => (Outcome::Unchanged, Drift::None),
            (Mode::Check, _) => {
                let message = self.stale_message(&freshness, &drift());
                return Err(Failure {
                    diagnostics: loaded.warnings,
                    message,
                });
            }
            (Mode::Write, _) => {
                regen::write(&out, &module).map_err(|e| Failure {
                    diagnostics: loaded.warnings.clone(),
                    message: format!("cannot write {shown_out}: {e}"),
                })?;
                (Outcome::Wrote, drift())
            }
        };
        Ok(Report {
            outcome,
            out: shown_out,
            summary,
            warnings: loaded.warnings,
            drift,
        })
    }

    /// For a `#[test]`: panics, naming the command to run, when the module
    /// is not what the documents give, so that a plain `cargo test` fails
    /// on a stale module.
    ///
    /// ```no_run
    /// #[test]
    /// fn returns_spec_is_fresh() {
    ///     returns_build::Config::new(env!("CARGO_MANIFEST_DIR"))
    ///         .spec("docs")
    ///         .out("src/returns_spec.rs")
    ///         .assert_fresh();
    /// }
    /// ```
    #[track_caller]
    pub fn assert_fresh(&self) {
        if let Err(failure) = self.run(Mode::Check) {
            panic!("{failure}");
        }
    }

    fn emit_options(&self) -> emit::Options {
        let spec = self.spec_path();
        let mut documents = self.shown(&spec);
        if spec.is_dir() && !documents.ends_with('/') {
            documents.push('/');
        }
        emit::Options {
            runtime: self.runtime.clone(),
            command: self.command.clone(),
            documents,
        }
    }

    /// What `--check` and [`Config::assert_fresh`] say of a module that is
    /// not up to date, with what the documents changed.
    fn stale_message(&self, freshness: &Freshness, drift: &Drift) -> String {
        let out = self.shown(&self.out_path());
        let what = match freshness {
            Freshness::Fresh => return format!("{out} is up to date"),
            Freshness::Missing => "does not exist".to_owned(),
            Freshness::Stale { first_difference } => format!(
                "is stale: from line {first_difference} on it differs from what the documents in {} give",
                self.shown(&self.spec_path())
            ),
        };
        let mut message = format!("{out} {what}\n  run `{}` and commit {out}", self.command);
        let lines = drift.lines();
        if !lines.is_empty() {
            message.push_str("\n  what the documents changed:");
            for line in lines {
                message.push_str(&format!("\n  {line}"));
            }
        }
        message
    }
}

/// `1 document, 17 rows, 17 status codes`.
pub fn summary(loaded: &Loaded) -> String {
    let rows: usize = loaded.documents.iter().map(|d| d.rows().count()).sum();
    let mut codes: Vec<u16> = loaded
        .documents
        .iter()
        .flat_map(|d| d.rows().map(|(_, row)| row.code))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    format!(
        "{}, {}, {}",
        plural(loaded.documents.len(), "document"),
        plural(rows, "row"),
        plural(codes.len(), "status code")
    )
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../tests/fixtures/returned-values.md");

    fn project() -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("docs")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("src")).expect("mkdir");
        std::fs::write(dir.path().join("docs/returned-values.md"), SEED).expect("write");
        let config = Config::new(dir.path())
            .spec("docs")
            .command("cargo xtask regen --spec docs");
        (dir, config)
    }

    #[test]
    fn write_then_check_then_stale() {
        let (dir, config) = project();
        let stale = config.run(Mode::Check).expect_err("no module yet");
        assert_eq!(
            stale.message,
            "src/returns_spec.rs does not exist\n  run `cargo xtask regen --spec docs` and commit src/returns_spec.rs"
        );
        let wrote = config.run(Mode::Write).expect("written");
        assert_eq!(
            wrote.to_string(),
            "regen: wrote src/returns_spec.rs (1 document, 17 rows, 17 status codes)"
        );
        assert_eq!(
            config.run(Mode::Write).expect("run").outcome,
            Outcome::Unchanged
        );
        assert_eq!(
            config.run(Mode::Check).expect("fresh").outcome,
            Outcome::Fresh
        );
        let module = std::fs::read_to_string(dir.path().join("src/returns_spec.rs")).expect("read");
        assert!(module.starts_with(
            "// @generated by `cargo xtask regen --spec docs` from the documents in docs/."
        ));
        std::fs::write(
            dir.path().join("docs/returned-values.md"),
            SEED.replace("Bad Request", "Bad Requests"),
        )
        .expect("edit");
        let stale = config.run(Mode::Check).expect_err("stale");
        assert!(
            stale.message.starts_with("src/returns_spec.rs is stale: from line ")
                && stale.message.ends_with(
                    "differs from what the documents in docs give\n  run `cargo xtask regen --spec docs` and commit src/returns_spec.rs\
                     \n  what the documents changed:\
                     \n    (no page's codes or operations changed: its descriptions, titles or labels did)"
                ),
            "{}",
            stale.message
        );
        let panic = std::panic::catch_unwind(|| config.assert_fresh()).expect_err("it panics");
        let text = panic.downcast_ref::<String>().expect("a message");
        assert!(
            text.contains("run `cargo xtask regen --spec docs`"),
            "{text}"
        );
    }

    #[test]
    fn an_error_leaves_the_module_untouched() {
        let (dir, config) = project();
        config.run(Mode::Write).expect("written");
        let out = dir.path().join("src/returns_spec.rs");
        let before = std::fs::read(&out).expect("read");
        std::fs::write(dir.path().join("docs/broken.md"), b"\xff\xfe").expect("write");
        let failure = config.run(Mode::Write).expect_err("not UTF-8");
        assert!(
            failure
                .to_string()
                .contains("broken.md:1: error: not valid UTF-8"),
            "{failure}"
        );
        assert!(
            failure
                .message
                .ends_with("src/returns_spec.rs was not touched")
        );
        assert_eq!(std::fs::read(&out).expect("read"), before);
    }
}
