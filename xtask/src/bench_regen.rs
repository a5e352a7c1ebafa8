//! `cargo xtask bench-regen`: regen over a large docs tree, beside two
//! baselines measured in the same run on the same files: scraper parsing
//! every file and nothing else (one thread), and the Python peer
//! (`peer/reference_extract.py`, BeautifulSoup + lxml). Then how regen grows
//! with 1x, 4x and 16x copies of the tree, and what the generated module
//! costs to compile.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use http_returns_build::__private::documents::extract_all;
use http_returns_build::__private::{parallel, spec_dir};
use http_returns_build::Config;

use crate::{measure, module_check, workspace};

/// What one run measured.
pub struct Report {
    /// Documents and bytes in the tree.
    pub documents: usize,
    /// Total size of the documents.
    pub bytes: usize,
    /// Threads regen used.
    pub threads: usize,
    /// scraper's `Html::parse_document` on every file, one thread (median).
    pub parse_only: Duration,
    /// `regen` to a string: read, extract, generate (median).
    pub regen: Duration,
    /// The same on one thread.
    pub regen_one_thread: Duration,
    /// Of `regen`, reading and extracting the documents on every core
    /// (the rest is emitting and printing the module).
    pub load: Duration,
    /// The Python peer, or why it was not run.
    pub peer: Result<Duration, String>,
    /// Regen time for 1, 4 and 16 copies of the tree.
    pub scaling: Vec<(usize, Duration)>,
    /// The generated module: bytes, lines, and `cargo build` time of the crate holding it.
    pub module: (usize, usize, Result<Duration, String>),
    /// The reStructuredText corpus beside it (`corpus-rst`), if there is
    /// one: its documents, bytes, and regen's time (median).
    pub rst: Option<(usize, usize, Duration)>,
}

/// Runs the benchmark on `corpus`, `rounds` times each for the medians.
pub fn run(corpus: &Path, rounds: usize) -> Result<Report, String> {
    let report_errors = |errors: Vec<http_returns_build::Diagnostic>| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    // What `cargo xtask regen --spec DIR` runs, to a string.
    let generate = |spec: &Path| Config::new(workspace::root()).spec(spec).generate();
    let files = spec_dir::read(corpus).map_err(report_errors)?.files;
    let bytes = files.iter().map(|file| file.text.len()).sum();
    let parse_only = median(rounds, || {
        for file in &files {
            std::hint::black_box(scraper::Html::parse_document(&file.text));
        }
    });
    let regen = median(rounds, || {
        let _ = std::hint::black_box(generate(corpus));
    });
    let threads = parallel::every_core();
    let load = median(rounds, || {
        let _ = std::hint::black_box(http_returns_build::__private::documents::load(
            corpus, threads,
        ));
    });
    let regen_one_thread = median(rounds, || {
        let loaded = extract_all(&files, 1);
        std::hint::black_box(loaded);
    });
    let peer = run_peer(corpus);
    let mut scaling = Vec::new();
    let scratch = workspace::target_dir().join("bench-regen");
    for copies in [1, 4, 16] {
        let tree = copies_of(corpus, &files, copies, &scratch.join(format!("x{copies}")))?;
        scaling.push((
            copies,
            median(rounds.min(3), || {
                let _ = std::hint::black_box(generate(&tree));
            }),
        ));
    }
    let module = generate(corpus)
        .map_err(|failure| failure.to_string())?
        .module;
    // Built once to have the dependencies, then again for the crate alone.
    let crate_dir = scratch.join("module");
    let compile = module_check::compile(&module, &crate_dir, "build")
        .and_then(|_| module_check::compile(&format!("{module}// rebuilt\n"), &crate_dir, "build"));
    // The same docs family in reStructuredText, beside the corpus: regen
    // over it, as a ratio to the same parse-only baseline per byte.
    let rst_corpus = corpus.with_file_name("corpus-rst");
    let rst = match spec_dir::read(&rst_corpus) {
        Ok(rst_files) if rst_corpus.is_dir() && corpus != rst_corpus => {
            let rst_bytes = rst_files.files.iter().map(|file| file.text.len()).sum();
            let time = median(rounds, || {
                let _ = std::hint::black_box(generate(&rst_corpus));
            });
            Some((rst_files.files.len(), rst_bytes, time))
        }
        _ => None,
    };
    Ok(Report {
        rst,
        documents: files.len(),
        bytes,
        threads: parallel::every_core(),
        parse_only,
        regen,
        regen_one_thread,
        load,
        peer,
        scaling,
        module: (module.len(), module.lines().count(), compile),
    })
}

/// The median wall time of `rounds` runs of `work`.
fn median(rounds: usize, work: impl FnMut()) -> Duration {
    measure::median(&measure::times(rounds, work))
}

/// Times the Python peer over the same tree, if python3 with bs4 and lxml is here.
fn run_peer(corpus: &Path) -> Result<Duration, String> {
    let script = corpus.join("peer/reference_extract.py");
    if !script.exists() {
        return Err(format!("not run: no {}", script.display()));
    }
    let ready = Command::new("python3")
        .args(["-c", "import bs4, lxml"])
        .stderr(Stdio::null())
        .status();
    if !ready.is_ok_and(|status| status.success()) {
        return Err("not run: needs python3 with `pip install beautifulsoup4 lxml`".to_owned());
    }
    let roots: Vec<PathBuf> = std::fs::read_dir(corpus)
        .map_err(|e| format!("cannot list {}: {e}", corpus.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir() && !path.ends_with("peer") && !path.ends_with("reference"))
        .collect();
    let start = Instant::now();
    let status = Command::new("python3")
        .arg(&script)
        .args(&roots)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let elapsed = start.elapsed();
    if status.success() {
        Ok(elapsed)
    } else {
        Err(format!("the peer failed: {status}"))
    }
}

/// A tree of `copies` copies of the documents, as symbolic links under `dir`.
fn copies_of(
    corpus: &Path,
    files: &[spec_dir::SpecFile],
    copies: usize,
    dir: &Path,
) -> Result<PathBuf, String> {
    if !dir.exists() {
        for copy in 0..copies {
            for file in files {
                let link = dir.join(format!("copy{copy}")).join(&file.relative);
                if let Some(parent) = link.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
                }
                let target = std::fs::canonicalize(corpus.join(&file.relative))
                    .map_err(|e| e.to_string())?;
                symlink(&target, &link)
                    .map_err(|e| format!("cannot link {}: {e}", link.display()))?;
            }
        }
    }
    Ok(dir.to_path_buf())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::fs::copy(target, link).map(|_| ())
}

impl Report {
    /// The report as README-ready text.
    pub fn render(&self) -> String {
        let s = |d: Duration| d.as_secs_f64();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} documents, {:.1} MB; regen on {} threads",
            self.documents,
            self.bytes as f64 / 1e6,
            self.threads
        );
        let _ = writeln!(
            out,
            "  parse only (scraper, 1 thread):  {:>6.2} s",
            s(self.parse_only)
        );
        let _ = writeln!(
            out,
            "  regen:                           {:>6.2} s  ({:.2}x parse-only; target at most 1.0x, never above 1.5x)",
            s(self.regen),
            s(self.regen) / s(self.parse_only)
        );
        let _ = writeln!(
            out,
            "    of which reading the documents: {:>5.2} s; emitting the module: {:.2} s ({:.0}%)",
            s(self.load),
            s(self.regen) - s(self.load),
            100.0 * (s(self.regen) - s(self.load)) / s(self.regen)
        );
        let _ = writeln!(
            out,
            "  regen's extraction, 1 thread:    {:>6.2} s",
            s(self.regen_one_thread)
        );
        if let Some((documents, bytes, time)) = self.rst {
            // Parse-only scaled to the RST corpus's bytes: the same baseline per byte.
            let baseline = s(self.parse_only) * bytes as f64 / self.bytes.max(1) as f64;
            let _ = writeln!(
                out,
                "  regen, RST corpus ({documents} documents, {:.1} MB): {:>6.2} s  ({:.2}x parse-only per byte)",
                bytes as f64 / 1e6,
                s(time),
                s(time) / baseline
            );
        }
        match &self.peer {
            Ok(peer) => {
                let _ = writeln!(
                    out,
                    "  Python peer (bs4 + lxml):        {:>6.2} s  ({:.1}x regen)",
                    s(*peer),
                    s(*peer) / s(self.regen)
                );
            }
            Err(why) => {
                let _ = writeln!(out, "  Python peer: {why}");
            }
        }
        let base = self.scaling.first().map_or(1.0, |(_, time)| s(*time));
        for (copies, time) in &self.scaling {
            let _ = writeln!(
                out,
                "  regen, {copies:>2}x the tree:            {:>6.2} s  ({:.2}x per copy of 1x)",
                s(*time),
                s(*time) / base / *copies as f64
            );
        }
        let (bytes, lines, compile) = &self.module;
        let _ = write!(
            out,
            "  generated module: {:.1} MB, {lines} lines; ",
            *bytes as f64 / 1e6
        );
        let _ = match compile {
            Ok(time) => writeln!(
                out,
                "cargo build of the crate holding it: {:.1} s",
                s(*time)
            ),
            Err(error) => writeln!(
                out,
                "does not compile: {}",
                error.lines().next().unwrap_or_default()
            ),
        };
        out
    }
}
