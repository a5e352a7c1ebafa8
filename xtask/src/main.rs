//! `cargo xtask`: the workspace's build tool. See `cargo xtask --help`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xtask::diagnostic::Diagnostic;
use xtask::model::Document;
use xtask::regen::{self, Freshness, Loaded};

/// The workspace's build tool: turns the API documents in `spec/` into the
/// `returns` crate's status module.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the status module from the documents (writes only if it changed).
    ///
    /// Reads every *.md and *.html file under the spec directory, extracts
    /// their status tables and writes the Rust module the `returns` crate
    /// vendors. Problems in a document are printed as `file:line: message`;
    /// an error leaves the module untouched and exits with status 1.
    Regen {
        /// The documents' directory [default: spec/ in the workspace].
        #[arg(long, value_name = "DIR")]
        spec: Option<PathBuf>,
        /// The module to write [default: runtime/src/spec.rs in the workspace].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Write nothing; exit with status 1 if the module is not up to date.
        #[arg(long)]
        check: bool,
    },
    /// Show what was read from the documents, one row per status-table row.
    Extract {
        /// The documents' directory [default: spec/ in the workspace].
        #[arg(long, value_name = "DIR")]
        spec: Option<PathBuf>,
        /// One JSON object per row, with file, line, table, code, class,
        /// reason, description, group, label and form (table, bare or class).
        #[arg(long)]
        json: bool,
    },
    /// Compare our reading of a corpus with an independent extractor's.
    ///
    /// Reads every document under the corpus directory and the peer's rows
    /// from its `reference/corpus.jsonl` and `corpus.nontable.jsonl`, then prints the agreement on
    /// (file, code), (file, code, description) and group, and each kind of
    /// difference with an example.
    Agree {
        /// The corpus [default: ../shared/corpus beside the workspace].
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
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
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Regen { spec, out, check } => regen(
            spec.unwrap_or_else(regen::default_spec_dir),
            out.unwrap_or_else(regen::default_out_file),
            check,
        ),
        Command::Extract { spec, json } => {
            extract(spec.unwrap_or_else(regen::default_spec_dir), json)
        }
        Command::Agree { corpus } => agree(corpus.unwrap_or_else(xtask::agreement::default_corpus)),
        Command::BenchRegen { corpus, rounds } => {
            let corpus = corpus.unwrap_or_else(xtask::agreement::default_corpus);
            xtask::bench_regen::run(&corpus, rounds).map(|report| print!("{}", report.render()))
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

fn regen(spec: PathBuf, out: PathBuf, check: bool) -> Result<(), String> {
    let (module, loaded) = regen::generate(&spec).map_err(|errors| {
        report(&errors);
        format!(
            "regen stopped on {}; {} was not touched",
            count(errors.len(), "error"),
            regen::shown(&out)
        )
    })?;
    report(&loaded.warnings);
    let summary = summary(&loaded);
    let shown = regen::shown(&out);
    if check {
        let freshness =
            regen::freshness(&out, &module).map_err(|e| format!("cannot read {shown}: {e}"))?;
        if freshness != Freshness::Fresh {
            return Err(regen::stale_message(&spec, &out, &freshness));
        }
        println!("regen: {shown} is up to date ({summary})");
    } else {
        let changed = regen::write_if_changed(&out, &module)
            .map_err(|e| format!("cannot write {shown}: {e}"))?;
        let what = if changed { "wrote" } else { "unchanged:" };
        println!("regen: {what} {shown} ({summary})");
    }
    Ok(())
}

fn agree(corpus: PathBuf) -> Result<(), String> {
    let peer = xtask::agreement::read_peer_of(&corpus)?;
    let loaded = regen::load(&corpus).map_err(|errors| {
        report(&errors);
        format!("agree stopped on {}", count(errors.len(), "error"))
    })?;
    print!(
        "{}",
        xtask::agreement::compare(&loaded.documents, &peer).render()
    );
    Ok(())
}

fn extract(spec: PathBuf, json: bool) -> Result<(), String> {
    let loaded = regen::load(&spec).map_err(|errors| {
        report(&errors);
        format!("extract stopped on {}", count(errors.len(), "error"))
    })?;
    report(&loaded.warnings);
    let mut stdout = std::io::stdout().lock();
    let written = if json {
        print_json(&mut stdout, &loaded.documents)
    } else {
        print_table(&mut stdout, &loaded)
    };
    match written {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(format!("cannot write the output: {error}")),
    }
}

fn print_json(out: &mut impl Write, documents: &[Document]) -> std::io::Result<()> {
    for document in documents {
        for (index, table) in document.tables.iter().enumerate() {
            let row = |line: usize,
                       code: Option<u16>,
                       class: Option<String>,
                       reason: &Option<String>,
                       description: &str| {
                let form = match (&class, table.bare) {
                    (Some(_), _) => "class",
                    (None, true) => "bare",
                    (None, false) => "table",
                };
                serde_json::json!({
                    "file": document.path,
                    "line": line,
                    "table": index,
                    "code": code,
                    "class": class,
                    "reason": reason,
                    "description": description,
                    "group": table.group.map(|g| g.as_str()),
                    "label": table.label,
                    "form": form,
                })
            };
            for r in &table.rows {
                writeln!(
                    out,
                    "{}",
                    row(r.line, Some(r.code), None, &r.reason, &r.description)
                )?;
            }
            for c in &table.classes {
                writeln!(
                    out,
                    "{}",
                    row(
                        c.line,
                        None,
                        Some(format!("{}xx", c.class)),
                        &c.reason,
                        &c.description
                    )
                )?;
            }
        }
    }
    Ok(())
}

fn print_table(out: &mut impl Write, loaded: &Loaded) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<32} {:>4}  {:<8}  {:<24}  DESCRIPTION",
        "FILE:LINE", "CODE", "GROUP", "REASON"
    )?;
    for document in &loaded.documents {
        for table in &document.tables {
            let group = table.group.map_or("-", |g| g.as_str());
            let rows = table
                .rows
                .iter()
                .map(|r| (r.line, r.code.to_string(), &r.reason, &r.description));
            let classes = table
                .classes
                .iter()
                .map(|c| (c.line, format!("{}xx", c.class), &c.reason, &c.description));
            for (line, code, reason, description) in rows.chain(classes) {
                let place = format!("{}:{line}", document.path);
                let reason = reason.as_deref().unwrap_or("-");
                writeln!(
                    out,
                    "{place:<32} {code:>4}  {group:<8}  {reason:<24}  {description}"
                )?;
            }
        }
    }
    writeln!(out, "{}", summary(loaded))
}

fn summary(loaded: &Loaded) -> String {
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
        count(loaded.documents.len(), "document"),
        count(rows, "row"),
        count(codes.len(), "status code")
    )
}

fn report(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
