//! `cargo xtask`: the workspace's build tool. See `cargo xtask --help`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xtask::workspace;

/// The workspace's build tool: turns the API documents in `spec/` into the
/// `returns` crate's bundled status module, and runs the development tools.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate a status module from documents (writes only if it changed).
    ///
    /// Reads every *.md, *.markdown, *.html, *.htm and *.rst file under the
    /// documents' directory (or the one page given), extracts their status
    /// tables and writes the Rust module; by default spec/ into
    /// runtime/src/bundled.rs, the module `returns` bundles. Problems in a
    /// document are printed as `file:line: severity: message`; an error
    /// leaves the module untouched and exits with status 1.
    Regen(returns_build::cli::Regen),
    /// Show what was read from the documents, one row per status-table row.
    Extract(returns_build::cli::Extract),
    /// Compare our reading of a corpus with an independent extractor's.
    ///
    /// Reads every document under the corpus directory and the peer's rows
    /// from its `reference/corpus.jsonl` and `corpus.nontable.jsonl`, then prints the agreement on
    /// (file, code), (file, code, description) and group, and each kind of
    /// difference with an example.
    ///
    /// Operations (`POST /v3/groups`) are compared with an independent
    /// reader's (`xtask/peer/operations.py`), page by page: its output for
    /// each corpus beside the checkout is kept in `xtask/peer/reference/`,
    /// or give one with --operations. A folder with no peer rows of status
    /// tables (a held-out set) is compared on operations alone.
    Agree {
        /// The corpus [default: ../shared/corpus beside the workspace].
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
        /// The independent reader's operations for the corpus (JSON lines
        /// from `python3 xtask/peer/operations.py DIR`).
        #[arg(long, value_name = "FILE")]
        operations: Option<PathBuf>,
    },
    /// Time regen over a large docs tree against parse-only and the Python peer.
    ///
    /// Measured in one run on the same files: scraper parsing every file
    /// (one thread), regen, the Python peer if python3 has bs4 and lxml,
    /// regen on 1x, 4x and 16x copies of the tree, and the build time of
    /// the generated module.
    BenchRegen {
        /// The docs tree [default: ../shared/corpus beside the workspace].
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
        /// Runs of each measurement; the median is reported.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Time what `#[returns(..)]` adds to a user's incremental build.
    ///
    /// Builds a crate of annotated async handlers and the same handlers
    /// written by hand (typed API, no attribute) under target/bench-macro,
    /// then times rebuilds of each after a touch, alternating the two. Where
    /// valgrind is installed, also counts rustc's instructions for one
    /// rebuild of each (cachegrind), a ratio that machine noise does not move.
    BenchMacro {
        /// Handlers in each crate.
        #[arg(long, default_value_t = 500)]
        handlers: usize,
        /// Rebuilds of each crate, paired; the median ratio is reported.
        #[arg(long, default_value_t = 15)]
        rounds: usize,
    },
    /// Time rebuilds of annotated handlers with a large status module in
    /// their crate, in a crate of its own, and the bundled one-page module.
    ///
    /// Generates the module from the first PAGES pages of the corpus, and
    /// builds the same handlers three ways under target/bench-layout, then
    /// times rebuilds of each after a touch of the handlers' source.
    BenchLayout {
        /// The docs tree [default: ../shared/corpus beside the workspace].
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
        /// Pages the large module is generated from.
        #[arg(long, default_value_t = 476)]
        pages: usize,
        /// Handlers in each crate.
        #[arg(long, default_value_t = 500)]
        handlers: usize,
        /// Rebuilds of each layout; the median is reported.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Load the conformance layer on loopback: throughput, memory, log lines.
    ///
    /// Builds `benches/conformance` (release) and runs it: two servers, the
    /// same router with the layer and without, each sent REQUESTS
    /// undeclared 400s in alternating rounds; reports the throughput ratio,
    /// server CPU per request, resident memory before and after, and the
    /// lines the layer logged.
    BenchConformance {
        /// Requests to each server, after the warm-up.
        #[arg(long, default_value_t = 500_000)]
        requests: usize,
        /// Alternating rounds the requests are split into.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        /// Keep-alive connections the client sends them over.
        #[arg(long, default_value_t = 16)]
        connections: usize,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Regen(regen) => return regen.run(workspace::bundled()),
        Command::Extract(extract) => return extract.run(workspace::bundled()),
        Command::Agree { corpus, operations } => {
            agree(corpus.unwrap_or_else(workspace::corpus), operations)
        }
        Command::BenchRegen { corpus, rounds } => {
            let corpus = corpus.unwrap_or_else(workspace::corpus);
            xtask::bench_regen::run(&corpus, rounds).map(|report| print!("{}", report.render()))
        }
        Command::BenchConformance {
            requests,
            rounds,
            connections,
        } => bench_conformance(requests, rounds, connections),
        Command::BenchLayout {
            corpus,
            pages,
            handlers,
            rounds,
        } => {
            let corpus = corpus.unwrap_or_else(workspace::corpus);
            xtask::bench_layout::run(&corpus, pages, handlers, rounds)
                .map(|report| print!("{}", report.render()))
        }
        Command::BenchMacro { handlers, rounds } => {
            xtask::bench_macro::run(handlers, rounds.max(1))
                .map(|report| print!("{}", report.render()))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn agree(corpus: PathBuf, operations: Option<PathBuf>) -> Result<(), String> {
    let loaded = xtask::agreement::load(&corpus)?;
    let has_rows = corpus.join("reference").is_dir();
    if has_rows {
        let peer = xtask::agreement::read_peer_of(&corpus)?;
        print!(
            "{}",
            xtask::agreement::compare(&loaded.documents, &peer).render()
        );
    }
    let reference = operations.or_else(|| xtask::operation_agreement::reference_for(&corpus));
    match reference {
        Some(reference) => {
            let pages = xtask::operation_agreement::read_reference(&reference)?;
            print!(
                "{}",
                xtask::operation_agreement::compare(&loaded.documents, &pages).render()
            );
        }
        None if !has_rows => {
            return Err(format!(
                "nothing to compare in {}: no peer rows (reference/*.jsonl) and no operations \
                 (--operations FILE, from `python3 xtask/peer/operations.py DIR`)",
                corpus.display()
            ));
        }
        None => {}
    }
    Ok(())
}

/// Runs `benches/conformance`, built in release (its own package: the
/// servers and the client need axum and tokio, which this tool does not).
fn bench_conformance(requests: usize, rounds: usize, connections: usize) -> Result<(), String> {
    let status = xtask::cargo::command()
        .args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "bench-conformance",
            "--",
        ])
        .args(["--requests", &requests.to_string()])
        .args(["--rounds", &rounds.max(1).to_string()])
        .args(["--connections", &connections.max(1).to_string()])
        .current_dir(workspace::root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("bench-conformance failed".to_owned())
    }
}
