//! [`Regen`]: the `regen` command as a `clap` type, for a user's own xtask
//! to embed as a subcommand (as xtask-wasm's `Dist` is embedded).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::config::{Config, Mode};

/// `regen [--spec DIR|FILE] [--out FILE] [--runtime PATH] [--check]`: writes the status
/// module from the documents, or checks that it is up to date.
///
/// Embed it, with [`Extract`](super::Extract), in your xtask's `clap`
/// command, and run it over your defaults:
///
/// ```no_run
/// use clap::{Parser, Subcommand};
/// use http_returns_build::cli::{Extract, Regen};
///
/// #[derive(Parser)]
/// struct Xtask {
///     #[command(subcommand)]
///     command: Command,
/// }
///
/// #[derive(Subcommand)]
/// enum Command {
///     /// Regenerate src/statuses.rs from docs/.
///     Regen(Regen),
///     /// Show what was read from docs/.
///     Extract(Extract),
///     // ... your own commands
/// }
///
/// fn main() -> std::process::ExitCode {
///     let defaults = http_returns_build::Config::new(env!("CARGO_MANIFEST_DIR"))
///         .spec("docs")
///         .out("src/statuses.rs");
///     match Xtask::parse().command {
///         Command::Regen(regen) => regen.run(defaults),
///         Command::Extract(extract) => extract.run(defaults),
///     }
/// }
/// ```
///
/// `clap::Args` is implemented by hand, with clap's builder: clap's derive
/// would build syn a second time (clap_derive uses another major version
/// than the generator), 5 CPU-seconds of every user's first build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Regen {
    /// `--spec DIR|FILE`: the documents, instead of the configured ones.
    pub spec: Option<PathBuf>,
    /// `--out FILE`: the module to write, instead of the configured one.
    pub out: Option<PathBuf>,
    /// `--runtime PATH`: the path of the `http-returns` crate where the module
    /// is mounted.
    pub runtime: Option<String>,
    /// `--check`: write nothing; fail if the module is not up to date.
    pub check: bool,
}

impl clap::FromArgMatches for Regen {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Ok(Regen {
            spec: matches.get_one::<PathBuf>("spec").cloned(),
            out: matches.get_one::<PathBuf>("out").cloned(),
            runtime: matches.get_one::<String>("runtime").cloned(),
            check: matches.get_flag("check"),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Regen::from_arg_matches(matches)?;
        Ok(())
    }
}

impl clap::Args for Regen {
    fn augment_args(command: clap::Command) -> clap::Command {
        use clap::{Arg, ArgAction, value_parser};
        command
            .arg(
                Arg::new("spec")
                    .long("spec")
                    .value_name("DIR|FILE")
                    .value_parser(value_parser!(PathBuf))
                    .help(
                        "The documents: a directory, read recursively (*.md, *.markdown, \
                         *.html, *.htm, *.rst), or one page [default: the project's]",
                    ),
            )
            .arg(
                Arg::new("out")
                    .long("out")
                    .value_name("FILE")
                    .value_parser(value_parser!(PathBuf))
                    .help("The module to write [default: the project's]"),
            )
            .arg(Arg::new("runtime").long("runtime").value_name("PATH").help(
                "The path of the `http-returns` crate where the module is mounted, for a \
                         `Cargo.toml` that renames it [default: the project's, else ::http_returns]",
            ))
            .arg(
                Arg::new("check")
                    .long("check")
                    .action(ArgAction::SetTrue)
                    .help(
                        "Write nothing; exit with status 1, naming the command to run, if the \
                         module is not up to date",
                    ),
            )
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Regen::augment_args(command)
    }
}

impl Regen {
    /// `defaults` with the paths given on the command line (read from the
    /// current directory). Its command repeats a flag only where it changes
    /// what `defaults` say, so that the module's first line and the stale
    /// message name the exact command, and equivalent commands
    /// (`regen --spec docs` where the xtask reads `docs` already) give the
    /// same module.
    fn config(&self, defaults: Config) -> Config {
        let mut config = defaults;
        let mut command = config.command_line().to_owned();
        if let Some(spec) = &self.spec {
            let spec = super::from_current_dir(spec);
            if !same_path(&spec, &config.spec_path()) {
                command += &format!(" --spec {}", config.shown(&spec));
                config = config.spec(spec);
            }
        }
        if let Some(out) = &self.out {
            let out = super::from_current_dir(out);
            if !same_path(&out, &config.out_path()) {
                command += &format!(" --out {}", config.shown(&out));
                config = config.out(out);
            }
        }
        if let Some(runtime) = &self.runtime {
            if runtime != config.runtime_path() {
                command += &format!(" --runtime {runtime}");
                config = config.runtime(runtime.clone());
            }
        }
        config.command(command)
    }

    /// Runs the command over `defaults`, printing what it read and did:
    /// warnings and errors as `file:line: severity: message` on stderr, the
    /// outcome on stdout. Exit status 1 on an error or a stale module.
    pub fn run(&self, defaults: Config) -> ExitCode {
        let mode = if self.check { Mode::Check } else { Mode::Write };
        match self.config(defaults).run(mode) {
            Ok(success) => {
                for warning in &success.warnings {
                    eprintln!("{warning}");
                }
                // What the documents' change means for the service, per
                // operation. A closed pipe (`| head -1`) is no error: the
                // module is written, and the rest of the text is not wanted.
                let mut stdout = std::io::stdout().lock();
                let _ = writeln!(stdout, "regen: {success}");
                for line in success.drift.lines() {
                    let _ = writeln!(stdout, "{line}");
                }
                ExitCode::SUCCESS
            }
            Err(failure) => {
                for diagnostic in failure.diagnostics() {
                    eprintln!("{diagnostic}");
                }
                eprintln!("error: {}", failure.message());
                ExitCode::FAILURE
            }
        }
    }
}

/// Whether two paths name the same file: as the file system resolves
/// them where both exist, else with `.` and `..` folded.
fn same_path(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => {
            let cwd = std::env::current_dir().unwrap_or_default();
            crate::paths::absolute(&cwd, a) == crate::paths::absolute(&cwd, b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_repeats_the_paths_given() {
        let root = std::env::current_dir().expect("cwd");
        let defaults = Config::new(&root);
        let given = Regen {
            spec: Some(PathBuf::from("docs")),
            out: Some(PathBuf::from("../x/status.rs")),
            runtime: Some("::my_returns".to_owned()),
            check: false,
        };
        let config = given.config(defaults.clone());
        assert_eq!(
            config.command_line(),
            "cargo xtask regen --spec docs --out ../x/status.rs --runtime ::my_returns"
        );
        assert_eq!(config.spec_path(), root.join("docs"));
        assert_eq!(
            Regen::default().config(defaults.clone()).command_line(),
            "cargo xtask regen"
        );
        // The flags the defaults set already, however spelled, change nothing.
        let defaults = defaults.spec("docs").runtime("::my_returns");
        let same = Regen {
            spec: Some(root.join(".").join("docs")),
            out: Some(PathBuf::from("src/statuses.rs")),
            runtime: Some("::my_returns".to_owned()),
            check: false,
        };
        assert_eq!(same.config(defaults).command_line(), "cargo xtask regen");
    }
}
