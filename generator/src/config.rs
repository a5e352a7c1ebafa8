//! [`Config`]: where a crate's documents and its status module are, and
//! the one routine that reads the documents ([`Config::generate`]), which
//! [`Config::run`] writes or checks against the module on disk.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::documents::{self, summary};
use crate::failure::Failure;
use crate::module_file::{self, Freshness};
use crate::success::{Drift, Generated, Outcome, Success};
use crate::{drift, emit, parallel};

/// Where a crate's documents are, where its status module goes, and how
/// that module names the runtime and the command that rewrites it.
///
/// Relative paths are read from [`Config::new`]'s root (a workspace or a
/// crate directory), and shown relative to it in messages. Nothing is read
/// from the process: no current directory (a relative root is taken as
/// written), no environment.
///
/// ```no_run
/// let config = http_returns_build::Config::new(env!("CARGO_MANIFEST_DIR"))
///     .spec("docs")
///     .out("src/statuses.rs")
///     .command("cargo xtask regen");
/// let report = config.run(http_returns_build::Mode::Write)?;
/// println!("{report}");
/// # Ok::<(), http_returns_build::Failure>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    root: PathBuf,
    spec: PathBuf,
    out: PathBuf,
    runtime: String,
    command: String,
    threads: Option<usize>,
}

/// Whether [`Config::run`] writes the module or only compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write the module if its content changed.
    Write,
    /// Write nothing; fail if the module is not what the documents give.
    Check,
}

impl Config {
    /// The defaults, the one place they are written: documents in
    /// `root/spec`, the module at `root/src/statuses.rs`, naming the
    /// runtime `::http_returns` and the command `cargo xtask regen`, read on
    /// every core.
    ///
    /// ```
    /// use http_returns_build::Config;
    ///
    /// // A service's test or xtask names its own directory.
    /// let config = Config::new(env!("CARGO_MANIFEST_DIR"));
    /// # let _ = config;
    /// ```
    pub fn new(root: impl Into<PathBuf>) -> Config {
        Config {
            root: root.into(),
            spec: PathBuf::from("spec"),
            out: PathBuf::from("src/statuses.rs"),
            runtime: "::http_returns".to_owned(),
            command: "cargo xtask regen".to_owned(),
            threads: None,
        }
    }

    /// The documents: a directory (read recursively) or one page, relative
    /// to the root.
    ///
    /// ```
    /// # let root = std::path::Path::new(".");
    /// let config = http_returns_build::Config::new(root).spec("docs");
    /// # let _ = config;
    /// ```
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Config {
        self.spec = path.into();
        self
    }

    /// The module to write, relative to the root: for a large set of
    /// documents, another crate's (`statuses/src/lib.rs`).
    ///
    /// ```
    /// # let root = std::path::Path::new(".");
    /// let config = http_returns_build::Config::new(root).out("src/statuses.rs");
    /// # let _ = config;
    /// ```
    pub fn out(mut self, path: impl Into<PathBuf>) -> Config {
        self.out = path.into();
        self
    }

    /// The path of the `http-returns` crate where the module is mounted:
    /// `::http_returns` unless `Cargo.toml` renames the dependency.
    ///
    /// ```
    /// // Cargo.toml: returns_runtime = { package = "http-returns", version = "0.1" }
    /// # let root = std::path::Path::new(".");
    /// let config = http_returns_build::Config::new(root).runtime("::returns_runtime");
    /// # let _ = config;
    /// ```
    pub fn runtime(mut self, path: impl Into<String>) -> Config {
        self.runtime = path.into();
        self
    }

    /// The command that regenerates the module, exactly as a user types
    /// it: the module's first line and the stale-module message name it.
    ///
    /// ```
    /// # let root = std::path::Path::new(".");
    /// let config = http_returns_build::Config::new(root).command("cargo run -p my-xtask -- regen");
    /// # let _ = config;
    /// ```
    pub fn command(mut self, command: impl Into<String>) -> Config {
        self.command = command.into();
        self
    }

    /// How many threads read the pages and print their modules (at least
    /// one); every core unless set. The module is the same whatever the
    /// count.
    ///
    /// ```
    /// # let root = std::path::Path::new(".");
    /// // One thread, as on a build machine shared with others.
    /// let config = http_returns_build::Config::new(root).threads(1);
    /// # let _ = config;
    /// ```
    pub fn threads(mut self, threads: usize) -> Config {
        self.threads = Some(threads.max(1));
        self
    }

    /// Reads every document and gives the module they make, writing
    /// nothing: what [`Config::run`] writes or compares, for a caller that
    /// puts it elsewhere. Fails with every error in the documents.
    pub fn generate(&self) -> Result<Generated, Failure> {
        let spec = self.spec_path();
        let failed = |diagnostics: Vec<Diagnostic>| Failure::Documents {
            diagnostics,
            out: self.shown(&self.out),
        };
        let loaded = documents::load(&spec, self.thread_count()).map_err(failed)?;
        let nothing = loaded
            .documents
            .iter()
            .all(|document| document.tables.iter().all(|table| table.rows.is_empty()));
        if nothing {
            let mut problems = loaded.warnings;
            problems.push(Diagnostic::error(
                spec.display().to_string(),
                None,
                "no document has a status table with a code in it, so there is no status to \
                 generate (the warnings above say what was read)",
            ));
            return Err(failed(problems));
        }
        let module = emit::module(&loaded.documents, &self.emit_options()).map_err(|message| {
            failed(vec![Diagnostic::error(
                spec.display().to_string(),
                None,
                message,
            )])
        })?;
        Ok(Generated {
            module,
            summary: summary(&loaded.documents),
            pages: drift::pages(&loaded.documents),
            warnings: loaded.warnings,
        })
    }

    /// Reads every document, then writes the module if it changed
    /// ([`Mode::Write`]) or compares it ([`Mode::Check`]). On any error the
    /// module is left byte for byte as it was.
    pub fn run(&self, mode: Mode) -> Result<Success, Failure> {
        let out = self.out_path();
        let shown_out = self.shown(&out);
        let generated = self.generate()?;
        // The module as it is, read once: compared with the new one, and
        // read back to say what changed.
        let previous = match module_file::read(&out) {
            Ok(previous) => previous,
            Err(error) => {
                return Err(Failure::Io {
                    out: shown_out,
                    action: "read",
                    error,
                    warnings: generated.warnings,
                });
            }
        };
        let freshness = module_file::compare(previous.as_deref(), &generated.module);
        let drift = || {
            let text = previous.as_deref().map(String::from_utf8_lossy);
            Drift::between(text.as_deref(), &generated.module, &generated.pages)
        };
        let (outcome, drift) = match (mode, freshness) {
            (Mode::Check, Freshness::Fresh) => (Outcome::Fresh, Drift::None),
            (Mode::Write, Freshness::Fresh) => (Outcome::Unchanged, Drift::None),
            (Mode::Check, Freshness::Missing) => {
                return Err(Failure::Missing {
                    out: shown_out,
                    command: self.command.clone(),
                    warnings: generated.warnings,
                });
            }
            (Mode::Check, Freshness::Stale { first_difference }) => {
                return Err(Failure::Stale {
                    drift: drift(),
                    out: shown_out,
                    first_difference,
                    spec: self.shown(&self.spec),
                    command: self.command.clone(),
                    warnings: generated.warnings,
                });
            }
            (Mode::Write, _) => {
                if let Err(error) = module_file::write(&out, &generated.module) {
                    return Err(Failure::Io {
                        out: shown_out,
                        action: "write",
                        error,
                        warnings: generated.warnings,
                    });
                }
                (Outcome::Wrote, drift())
            }
        };
        Ok(Success {
            outcome,
            out: shown_out,
            summary: generated.summary,
            warnings: generated.warnings,
            drift,
        })
    }

    /// For a `#[test]`: panics, naming the command to run, when the module
    /// is not what the documents give, so that a plain `cargo test` fails
    /// on a stale module.
    ///
    /// ```no_run
    /// #[test]
    /// fn status_module_is_fresh() {
    ///     http_returns_build::Config::new(env!("CARGO_MANIFEST_DIR"))
    ///         .spec("docs")
    ///         .out("src/statuses.rs")
    ///         .assert_fresh();
    /// }
    /// ```
    #[track_caller]
    pub fn assert_fresh(&self) {
        if let Err(failure) = self.run(Mode::Check) {
            panic!("{failure}");
        }
    }

    /// The documents' path, resolved against the root.
    pub(crate) fn spec_path(&self) -> PathBuf {
        self.root.join(&self.spec)
    }

    /// The module's path, resolved against the root.
    pub(crate) fn out_path(&self) -> PathBuf {
        self.root.join(&self.out)
    }

    /// The regenerating command, as set.
    #[cfg(feature = "clap")]
    pub(crate) fn command_line(&self) -> &str {
        &self.command
    }

    /// The path generated code names this crate by, as set.
    #[cfg(feature = "clap")]
    pub(crate) fn runtime_path(&self) -> &str {
        &self.runtime
    }

    /// `path` as messages show it: relative to the root (with `..` beside
    /// it), so that the output does not depend on where the checkout is;
    /// absolute further out.
    pub(crate) fn shown(&self, path: &Path) -> String {
        let path = self.root.join(path);
        crate::paths::relative(&self.root, &path)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// The threads to read and print on: as set, else every core.
    pub(crate) fn thread_count(&self) -> usize {
        self.threads.unwrap_or_else(parallel::every_core)
    }

    /// What the emitter needs of this configuration.
    #[doc(hidden)]
    pub fn emit_options(&self) -> emit::Options {
        let spec = self.spec_path();
        let mut documents = self.shown(&spec);
        if spec.is_dir() && !documents.ends_with('/') {
            documents.push('/');
        }
        emit::Options {
            runtime: self.runtime.clone(),
            command: self.command.clone(),
            documents,
            threads: self.thread_count(),
        }
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
        assert!(matches!(stale, Failure::Missing { .. }), "{stale:?}");
        assert_eq!(
            stale.message(),
            "src/statuses.rs does not exist\n  run `cargo xtask regen --spec docs` and commit src/statuses.rs"
        );
        let wrote = config.run(Mode::Write).expect("written");
        assert_eq!(
            wrote.to_string(),
            "wrote src/statuses.rs (1 document, 17 rows, 17 status codes)"
        );
        assert_eq!(
            config.run(Mode::Write).expect("run").outcome,
            Outcome::Unchanged
        );
        assert_eq!(
            config.run(Mode::Check).expect("fresh").outcome,
            Outcome::Fresh
        );
        let module = std::fs::read_to_string(dir.path().join("src/statuses.rs")).expect("read");
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
            stale.message().starts_with("src/statuses.rs is stale: from line ")
                && stale.message().ends_with(
                    "differs from what the documents in docs give\n  run `cargo xtask regen --spec docs` and commit src/statuses.rs\
                     \n  what the documents changed:\
                     \n    (no page's codes or operations changed; other text of the module did, such as a description, a title or a label)"
                ),
            "{}",
            stale.message()
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
        let out = dir.path().join("src/statuses.rs");
        let before = std::fs::read(&out).expect("read");
        std::fs::write(dir.path().join("docs/broken.md"), b"\xff\xfe").expect("write");
        let failure = config.run(Mode::Write).expect_err("not UTF-8");
        let Failure::Documents { diagnostics, .. } = &failure else {
            panic!("not the documents' failure: {failure:?}");
        };
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(
            failure
                .to_string()
                .contains("broken.md:1: error: not valid UTF-8"),
            "{failure}"
        );
        assert!(
            failure
                .message()
                .ends_with("src/statuses.rs was not touched")
        );
        assert_eq!(std::fs::read(&out).expect("read"), before);
    }
}
