//! `cargo xtask bench-macro`: what `#[returns(..)]` costs a user's build.
//!
//! Generates two crates of the same async handlers, one annotated with
//! `#[returns(..)]`, one written by hand against the typed API (a set type
//! and its `Declares<N>` impls per handler, no attribute), and times an
//! incremental rebuild of each after touching its source, alternating the
//! two so that machine noise hits both alike. Where valgrind is installed,
//! it also counts the instructions rustc runs for one such rebuild of each:
//! a measure that machine noise does not move. Last, it times a clean build
//! of the proc-macro crate and its dependencies, as a user's crate builds it.

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use crate::workspace::{root as workspace_root, target_dir};

/// Status-code sets the generated handlers declare, all from the bundled spec.
/// Each entry: the code and its `Reply` constructor.
const SETS: &[&[(u16, &str)]] = &[
    &[(202, "accepted"), (409, "conflict")],
    &[(200, "ok"), (404, "not_found")],
    &[
        (204, "no_content"),
        (400, "bad_request"),
        (404, "not_found"),
    ],
    &[
        (200, "ok"),
        (400, "bad_request"),
        (403, "forbidden"),
        (500, "internal_server_error"),
    ],
];

/// What one run measured.
pub struct Report {
    /// Handlers per crate.
    pub handlers: usize,
    /// Incremental rebuild times of the annotated crate, one per round.
    pub annotated: Vec<Duration>,
    /// The same for the hand-written crate.
    pub by_hand: Vec<Duration>,
    /// Instructions rustc ran for one rebuild of each crate (annotated, by
    /// hand), or why they were not counted.
    pub instructions: Result<(u64, u64), String>,
    /// A clean build of `returns-macros` and its dependencies.
    pub macro_clean_build: Duration,
}

/// Runs the benchmark with `handlers` handlers per crate and `rounds` rebuilds each.
pub fn run(handlers: usize, rounds: usize) -> Result<Report, String> {
    let dir = target_dir().join("bench-macro");
    let target = dir.join("target");
    let annotated = write_crate(&dir, "annotated", &annotated_source(handlers))?;
    let by_hand = write_crate(&dir, "by_hand", &by_hand_source(handlers))?;
    for krate in [&annotated, &by_hand] {
        eprintln!("bench-macro: first build of {}", krate.display());
        build(krate, &target)?;
    }
    let (mut annotated_times, mut by_hand_times) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        // Alternate which goes first, so neither always runs on a warmer machine.
        let order = if round % 2 == 0 {
            [&annotated, &by_hand]
        } else {
            [&by_hand, &annotated]
        };
        for krate in order {
            touch(&krate.join("src/lib.rs"))?;
            let time = build(krate, &target)?;
            if krate == &annotated {
                annotated_times.push(time)
            } else {
                by_hand_times.push(time)
            }
        }
        eprintln!("bench-macro: round {}/{rounds} done", round + 1);
    }
    let instructions = count_instructions(&dir, &annotated, &by_hand);
    // Built from the bench crate, so with a user's profile, not this
    // workspace's (which optimises syn for xtask).
    let macro_target = dir.join("macro-clean");
    let _ = std::fs::remove_dir_all(&macro_target);
    let start = Instant::now();
    cargo(
        &annotated,
        &["build", "--quiet", "-p", "returns-macros"],
        &macro_target,
    )?;
    let macro_clean_build = start.elapsed();
    Ok(Report {
        handlers,
        annotated: annotated_times,
        by_hand: by_hand_times,
        instructions,
        macro_clean_build,
    })
}

/// Instructions for one incremental rebuild of each crate, counted by
/// cachegrind around rustc alone (not cargo). Built in their own target
/// directory, so that the wrapper never touches the timed builds.
fn count_instructions(dir: &Path, annotated: &Path, by_hand: &Path) -> Result<(u64, u64), String> {
    let valgrind = Command::new("valgrind").arg("--version").output();
    if !valgrind.is_ok_and(|output| output.status.success()) {
        return Err("valgrind is not installed".to_owned());
    }
    let wrapper = dir.join("count-rustc.sh");
    write_script(&wrapper, WRAPPER)
        .map_err(|e| format!("cannot write {}: {e}", wrapper.display()))?;
    let target = dir.join("target-count");
    let log = dir.join("count-rustc.log");
    let count = |krate: &Path| -> Result<u64, String> {
        eprintln!(
            "bench-macro: counting rustc's instructions for {}",
            krate.display()
        );
        build_with(
            krate,
            &target,
            &[("RUSTC_WORKSPACE_WRAPPER", wrapper.as_os_str())],
        )?;
        touch(&krate.join("src/lib.rs"))?;
        let _ = std::fs::remove_file(&log);
        build_with(
            krate,
            &target,
            &[
                ("RUSTC_WORKSPACE_WRAPPER", wrapper.as_os_str()),
                ("RETURNS_COUNT_LOG", log.as_os_str()),
            ],
        )?;
        let text = std::fs::read_to_string(&log)
            .map_err(|e| format!("cannot read {}: {e}", log.display()))?;
        instructions_in(&text).ok_or_else(|| format!("no instruction count in {}", log.display()))
    };
    Ok((count(annotated)?, count(by_hand)?))
}

/// Runs rustc, under cachegrind when `RETURNS_COUNT_LOG` names a log file.
const WRAPPER: &str = "#!/bin/sh\n\
# Written by `cargo xtask bench-macro`: cargo's RUSTC_WORKSPACE_WRAPPER.\n\
if [ -n \"$RETURNS_COUNT_LOG\" ]; then\n\
  exec valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null --log-file=\"$RETURNS_COUNT_LOG\" \"$@\"\n\
fi\n\
exec \"$@\"\n";

#[cfg(unix)]
fn write_script(path: &Path, text: &str) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::write(path, text)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn write_script(_: &Path, _: &str) -> std::io::Result<()> {
    Err(std::io::Error::other(
        "the wrapper is a shell script, for Unix only",
    ))
}

/// The `I refs:` total in a cachegrind log.
fn instructions_in(log: &str) -> Option<u64> {
    log.lines().find_map(|line| {
        // `==pid== I   refs:      1,470,578,910`
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [_, "I", "refs:", number] => number.replace(',', "").parse().ok(),
            _ => None,
        }
    })
}

impl Report {
    /// The report as README-ready text.
    pub fn render(&self) -> String {
        let (a, h) = (median(&self.annotated), median(&self.by_hand));
        let ratios: Vec<f64> = self
            .annotated
            .iter()
            .zip(&self.by_hand)
            .map(|(a, h)| a.as_secs_f64() / h.as_secs_f64())
            .collect();
        let mut out = String::new();
        let rounds = self.annotated.len();
        let _ = writeln!(
            out,
            "{} async handlers, incremental rebuild after touching the source, {rounds} rounds:",
            self.handlers
        );
        let _ = writeln!(
            out,
            "  by hand, typed API, no attribute: {:>6.3} s (median)",
            h.as_secs_f64()
        );
        let _ = writeln!(
            out,
            "  #[returns(..)]:                   {:>6.3} s (median)",
            a.as_secs_f64()
        );
        let _ = writeln!(
            out,
            "  ratio, median of the rounds' ratios: {:.2}x (quartiles {:.2}x to {:.2}x; target: at most 1.30x)",
            quantile(&ratios, 0.5),
            quantile(&ratios, 0.25),
            quantile(&ratios, 0.75)
        );
        match &self.instructions {
            Ok((annotated, by_hand)) => {
                let _ = writeln!(
                    out,
                    "rustc instructions for one rebuild (cachegrind; noise-free):\n  \
                     by hand {:.3} G, #[returns(..)] {:.3} G: {:.2}x",
                    *by_hand as f64 / 1e9,
                    *annotated as f64 / 1e9,
                    *annotated as f64 / *by_hand as f64
                );
            }
            Err(why) => {
                let _ = writeln!(out, "rustc instructions not counted: {why}");
            }
        }
        let _ = writeln!(
            out,
            "returns-macros clean build, with syn/quote/proc-macro2: {:.2} s",
            self.macro_clean_build.as_secs_f64()
        );
        out
    }
}

/// The `q` quantile of `values` (nearest rank).
fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((sorted.len().saturating_sub(1)) as f64 * q).round() as usize;
    sorted.get(rank).copied().unwrap_or(f64::NAN)
}

fn median(times: &[Duration]) -> Duration {
    let seconds: Vec<f64> = times.iter().map(Duration::as_secs_f64).collect();
    Duration::try_from_secs_f64(quantile(&seconds, 0.5)).unwrap_or_default()
}

fn annotated_source(handlers: usize) -> String {
    let mut source = String::from(
        "//! Generated by `cargo xtask bench-macro`.\nuse returns::{returns, Reply};\n\
         // Mounted once, as a service mounts its own module.\nuse returns::spec as returns_spec;\n",
    );
    for i in 0..handlers {
        let set = SETS[i % SETS.len()];
        let codes: Vec<String> = set.iter().map(|(code, _)| code.to_string()).collect();
        let _ = write!(
            source,
            "\n#[returns({})]\n{}",
            codes.join(", "),
            handler(i, set, "Reply<String>")
        );
    }
    source
}

fn by_hand_source(handlers: usize) -> String {
    let mut source = String::from(
        "//! Generated by `cargo xtask bench-macro`.\nuse returns::{DeclaredSet, Declares, Reply};\n\
         // The documents each code is checked against, as the attribute checks it.\nuse returns::spec::Checks;\n",
    );
    for i in 0..handlers {
        let set = SETS[i % SETS.len()];
        let codes: Vec<String> = set.iter().map(|(code, _)| code.to_string()).collect();
        let _ = write!(
            source,
            "\npub struct Set{i};\nimpl DeclaredSet for Set{i} {{ const CODES: &'static [u16] = &[{}]; type Documents = Checks; }}\n",
            codes.join(", ")
        );
        for code in &codes {
            let _ = writeln!(source, "impl Declares<{code}> for Set{i} {{}}");
        }
        source += &handler(i, set, &format!("Reply<String, Set{i}>"));
    }
    source
}

/// An async handler answering with each code of `set` in turn.
fn handler(i: usize, set: &[(u16, &str)], return_type: &str) -> String {
    let mut body = String::new();
    for (n, (_, constructor)) in set.iter().enumerate().skip(1) {
        let _ = writeln!(
            body,
            "    if n % {} == {n} {{ return Reply::{constructor}(format!(\"{i}: {{n}}\")); }}",
            set.len()
        );
    }
    format!(
        "pub async fn handler_{i}(n: u32) -> {return_type} {{\n{body}    Reply::{}(format!(\"{i}: {{n}}\"))\n}}\n",
        set[0].1
    )
}

fn write_crate(dir: &Path, name: &str, source: &str) -> Result<PathBuf, String> {
    let root = dir.join(name);
    let runtime = workspace_root().join("runtime");
    let manifest = format!(
        "[package]\nname = \"bench-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nreturns = {{ path = {:?} }}\n\n[workspace]\n",
        runtime.display().to_string()
    );
    let write = |path: PathBuf, text: &str| -> Result<(), String> {
        std::fs::create_dir_all(path.parent().unwrap_or(&root))
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(())
    };
    write(root.join("Cargo.toml"), &manifest)?;
    write(root.join("src/lib.rs"), source)?;
    Ok(root)
}

fn touch(path: &Path) -> Result<(), String> {
    std::fs::File::options()
        .append(true)
        .open(path)
        .and_then(|file| file.set_modified(SystemTime::now()))
        .map_err(|e| format!("cannot touch {}: {e}", path.display()))
}

fn build(krate: &Path, target: &Path) -> Result<Duration, String> {
    let start = Instant::now();
    cargo(krate, &["build", "--quiet"], target)?;
    Ok(start.elapsed())
}

fn build_with(krate: &Path, target: &Path, envs: &[(&str, &OsStr)]) -> Result<(), String> {
    cargo_with(krate, &["build", "--quiet"], target, envs)
}

fn cargo(dir: &Path, args: &[&str], target: &Path) -> Result<(), String> {
    cargo_with(dir, args, target, &[])
}

fn cargo_with(
    dir: &Path,
    args: &[&str],
    target: &Path,
    envs: &[(&str, &OsStr)],
) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .envs(envs.iter().copied())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "cargo {} failed in {}",
            args.join(" "),
            dir.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_count_from_a_cachegrind_log() {
        let log = "==1== Cachegrind, a high-precision tracing profiler\n==1== \n==1== I   refs:      1,470,578,910\n";
        assert_eq!(instructions_in(log), Some(1_470_578_910));
        assert_eq!(instructions_in("==1== error: no such file\n"), None);
    }

    #[test]
    fn both_crates_have_the_same_handlers() {
        let annotated = annotated_source(4);
        let by_hand = by_hand_source(4);
        assert_eq!(annotated.matches("pub async fn handler_").count(), 4);
        assert_eq!(by_hand.matches("pub async fn handler_").count(), 4);
        assert!(annotated.contains(
            "#[returns(204, 400, 404)]\npub async fn handler_2(n: u32) -> Reply<String> {"
        ));
        assert!(by_hand.contains("impl Declares<404> for Set2 {}\npub async fn handler_2(n: u32) -> Reply<String, Set2> {"));
        let body = |source: &str| {
            source[source.find("handler_3").unwrap_or(0)..]
                .lines()
                .skip(1)
                .take(4)
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(body(&annotated), body(&by_hand), "the bodies are the same");
    }
}
