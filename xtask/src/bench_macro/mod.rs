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

mod crates;
mod instructions;
mod report;

use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use crate::cargo;
use crate::workspace::target_dir;
pub(crate) use crates::{annotated_source, write_if_changed};
use crates::{by_hand_source, write_crate};
use instructions::count_instructions;

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
    /// A clean build of `http-returns-macros` and its dependencies.
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
        &["build", "--quiet", "-p", "http-returns-macros"],
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

pub(crate) fn touch(path: &Path) -> Result<(), String> {
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

pub(crate) fn build_with(
    krate: &Path,
    target: &Path,
    envs: &[(&str, &OsStr)],
) -> Result<(), String> {
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
    let status = cargo::command()
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
