//! Counting the instructions rustc runs for one rebuild, with cachegrind:
//! a measure that machine noise does not move.

use std::path::Path;
use std::process::Command;

use super::{build_with, touch};

/// Instructions for one incremental rebuild of each crate, counted by
/// cachegrind around rustc alone (not cargo). Built in their own target
/// directory, so that the wrapper never touches the timed builds.
pub fn count_instructions(
    dir: &Path,
    annotated: &Path,
    by_hand: &Path,
) -> Result<(u64, u64), String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_count_from_a_cachegrind_log() {
        let log = "==1== Cachegrind, a high-precision tracing profiler\n==1== \n==1== I   refs:      1,470,578,910\n";
        assert_eq!(instructions_in(log), Some(1_470_578_910));
        assert_eq!(instructions_in("==1== error: no such file\n"), None);
    }
}
