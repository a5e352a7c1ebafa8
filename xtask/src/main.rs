//! `cargo xtask`: the workspace's build tool. See `cargo xtask --help`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgMatches, Args, Command, FromArgMatches, value_parser};
use http_returns_build::__private::{EXTRACT_ABOUT, REGEN_ABOUT, REGEN_LONG_ABOUT};
use http_returns_build::cli::{Extract, Regen};
use xtask::workspace;

/// The workspace's build tool: turns the API documents in `spec/` into the
/// `http-returns` crate's bundled status module, and runs the development tools.
/// Written with clap's builder, as `http_returns_build::cli` is: its derive
/// would build a second syn on a fresh clone's first `cargo xtask regen`.
fn cli() -> Command {
    let corpus = || {
        Arg::new("corpus")
            .long("corpus")
            .value_name("DIR")
            .value_parser(value_parser!(PathBuf))
            .help("The corpus [default: ../shared/corpus beside the workspace]")
    };
    let number = |name: &'static str, default: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .value_parser(value_parser!(usize))
            .default_value(default)
            .help(help)
    };
    Command::new("cargo xtask")
        .bin_name("cargo xtask")
        .version(env!("CARGO_PKG_VERSION"))
        .about(
            "The workspace's build tool: turns the API documents in spec/ into the `http-returns` \
             crate's bundled status module (runtime/src/bundled.rs), and runs the development \
             tools",
        )
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommand(Regen::augment_args(
            Command::new("regen")
                .about(REGEN_ABOUT)
                .long_about(REGEN_LONG_ABOUT),
        ))
        .subcommand(Extract::augment_args(
            Command::new("extract").about(EXTRACT_ABOUT),
        ))
        .subcommand(
            Command::new("agree")
                .about("Compare our reading of a corpus with an independent extractor's")
                .long_about(
                    "Compare our reading of a corpus with an independent extractor's.\n\n\
                     Reads every document under the corpus directory and the peer's rows from its \
                     `reference/corpus.jsonl` and `corpus.nontable.jsonl`, then prints the \
                     agreement on (file, code), (file, code, description) and group, and each \
                     kind of difference with an example.\n\n\
                     Operations (`POST /v3/groups`) are compared with an independent reader's \
                     (`xtask/peer/operations.py`), page by page: its output for each corpus \
                     beside the checkout is kept in `xtask/peer/reference/`, or give one with \
                     --operations. A folder with no peer rows of status tables (a held-out set) \
                     is compared on operations alone.",
                )
                .arg(corpus())
                .arg(
                    Arg::new("operations")
                        .long("operations")
                        .value_name("FILE")
                        .value_parser(value_parser!(PathBuf))
                        .help(
                            "The independent reader's operations for the corpus (JSON lines \
                             from `python3 xtask/peer/operations.py DIR`)",
                        ),
                ),
        )
        .subcommand(
            Command::new("bench-regen")
                .about("Time regen over a large docs tree against parse-only and the Python peer")
                .arg(corpus())
                .arg(number(
                    "rounds",
                    "5",
                    "Runs of each measurement; the median is reported",
                )),
        )
        .subcommand(
            Command::new("bench-macro")
                .about("Time what `#[returns(..)]` adds to a user's incremental build")
                .long_about(
                    "Time what `#[returns(..)]` adds to a user's incremental build.\n\n\
                     Builds a crate of annotated async handlers and the same handlers written by \
                     hand (typed API, no attribute) under target/bench-macro, then times \
                     rebuilds of each after a touch, alternating the two. Where valgrind is \
                     installed, also counts rustc's instructions for one rebuild of each \
                     (cachegrind), a ratio that machine noise does not move.",
                )
                .arg(number("handlers", "500", "Handlers in each crate"))
                .arg(number(
                    "rounds",
                    "15",
                    "Rebuilds of each crate, paired; the median ratio is reported",
                )),
        )
        .subcommand(
            Command::new("bench-layout")
                .about(
                    "Time rebuilds of annotated handlers with a large status module in their \
                     crate, in a crate of its own, and with the bundled one-page module",
                )
                .arg(corpus())
                .arg(number(
                    "pages",
                    "476",
                    "Pages the large module is generated from",
                ))
                .arg(number("handlers", "500", "Handlers in each crate"))
                .arg(number(
                    "rounds",
                    "5",
                    "Rebuilds of each layout; the median is reported",
                )),
        )
        .subcommand(
            Command::new("bench-contract")
                .about("Time the contract check in-process, on user-groups and on 25 to 200 routes")
                .arg(number(
                    "rounds",
                    "5",
                    "Runs of each size; the median is reported",
                )),
        )
        .subcommand(
            Command::new("bench-conformance")
                .about(
                    "Load the conformance layer (axum) and middleware (actix-web) on loopback: \
                     throughput, memory, log lines",
                )
                .arg(
                    Arg::new("framework")
                        .long("framework")
                        .value_name("FRAMEWORK")
                        .value_parser(["axum", "actix", "both"])
                        .default_value("both")
                        .help("The framework whose servers are loaded"),
                )
                .arg(number(
                    "requests",
                    "500000",
                    "Requests to each server, after the warm-up",
                ))
                .arg(number(
                    "rounds",
                    "9",
                    "Alternating rounds the requests are split into",
                ))
                .arg(number(
                    "connections",
                    "16",
                    "Keep-alive connections the client sends them over",
                )),
        )
}

fn main() -> ExitCode {
    let matches = cli().get_matches();
    let Some((name, args)) = matches.subcommand() else {
        return ExitCode::from(2);
    };
    let path = |name: &str| args.get_one::<PathBuf>(name).cloned();
    let number = |name: &str| args.get_one::<usize>(name).copied().unwrap_or(1);
    let corpus = || path("corpus").unwrap_or_else(workspace::corpus);
    let result = match name {
        "regen" => return parsed::<Regen>(args).run(workspace::bundled()),
        "extract" => return parsed::<Extract>(args).run(workspace::bundled()),
        "agree" => agree(corpus(), path("operations")),
        "bench-regen" => xtask::bench_regen::run(&corpus(), number("rounds"))
            .map(|report| print!("{}", report.render())),
        "bench-macro" => xtask::bench_macro::run(number("handlers"), number("rounds").max(1))
            .map(|report| print!("{}", report.render())),
        "bench-layout" => xtask::bench_layout::run(
            &corpus(),
            number("pages"),
            number("handlers"),
            number("rounds"),
        )
        .map(|report| print!("{}", report.render())),
        "bench-contract" => run_release(
            "bench-contract",
            &["--rounds", &number("rounds").to_string()],
        ),
        "bench-conformance" => bench_conformance(
            args.get_one::<String>("framework")
                .map_or("both", String::as_str),
            number("requests"),
            number("rounds"),
            number("connections"),
        ),
        _ => return ExitCode::from(2),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A `http_returns_build::cli` command from its arguments; clap's own error
/// (and exit) if they do not fit.
fn parsed<T: FromArgMatches>(args: &ArgMatches) -> T {
    T::from_arg_matches(args).unwrap_or_else(|error| error.exit())
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

/// Runs the benchmark package `package` built in release, with `args`.
fn run_release(package: &str, args: &[&str]) -> Result<(), String> {
    let status = xtask::cargo::command()
        .args(["run", "--release", "--quiet", "-p", package, "--"])
        .args(args)
        .current_dir(workspace::root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{package} failed"))
    }
}

/// Runs `benches/conformance`, built in release (its own package: the
/// servers and the client need axum and tokio, which this tool does not).
fn bench_conformance(
    framework: &str,
    requests: usize,
    rounds: usize,
    connections: usize,
) -> Result<(), String> {
    let status = xtask::cargo::command()
        .args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "bench-conformance",
            "--",
        ])
        .args(["--framework", framework])
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
