//! Broken, odd and hostile input: every problem is a message naming the file
//! (and line, where it has one). Warnings skip and go on; errors exit 1 and
//! leave the output byte for byte as it was. Never a panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = include_str!("../../generator/tests/fixtures/returned-values.md");
const BEFORE: &str = "// the module as it was\n";

struct Run {
    status: Option<i32>,
    stderr: String,
}

/// `regen` on a spec directory holding the seed plus `setup`'s files,
/// with an existing output file; also checks the output afterwards.
fn regen_with(setup: impl FnOnce(&Path)) -> (Run, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("spec");
    fs::create_dir(&spec).expect("mkdir");
    fs::write(spec.join("returned-values.md"), SEED).expect("write");
    setup(&spec);
    let out = dir.path().join("spec.rs");
    fs::write(&out, BEFORE).expect("write");
    let output = run(&["regen", "--spec", arg(&spec), "--out", arg(&out)]);
    let module = fs::read_to_string(&out).expect("the output is still there");
    (output, module, dir)
}

fn run(args: &[&str]) -> Run {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
    Run {
        status: output.status.code(),
        stderr,
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

fn table(rows: &str) -> String {
    format!(
        "<table><thead><tr><th>Status Code</th><th>Description</th></tr></thead>\n<tbody>{rows}</tbody></table>\n"
    )
}

/// Asserts a fatal run: exit 1, `expected` in the messages, the output untouched.
fn assert_fatal((run, module, _dir): (Run, String, tempfile::TempDir), expected: &str) {
    assert_eq!(run.status, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains(expected),
        "expected {expected:?} in:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("was not touched"), "{}", run.stderr);
    assert_eq!(module, BEFORE, "a fatal error leaves the output as it was");
}

/// Asserts a run that warns and goes on: exit 0, `expected` in the warnings.
fn assert_warns((run, module, _dir): (Run, String, tempfile::TempDir), expected: &str) {
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains(expected),
        "expected {expected:?} in:\n{}",
        run.stderr
    );
    assert!(
        module.starts_with("// @generated"),
        "the module was written"
    );
}

#[test]
fn a_broken_symbolic_link_is_fatal() {
    let result = regen_with(|spec| {
        std::os::unix::fs::symlink(spec.join("gone.md"), spec.join("link.md")).expect("symlink")
    });
    assert_fatal(
        result,
        "link.md: error: cannot read: No such file or directory",
    );
}

#[test]
fn a_symbolic_link_loop_is_fatal() {
    let result = regen_with(|spec| {
        fs::create_dir(spec.join("sub")).expect("mkdir");
        std::os::unix::fs::symlink(spec, spec.join("sub/up")).expect("symlink");
    });
    assert_fatal(result, "error: symbolic link loop: this leads back to");
}

#[test]
fn non_utf8_text_is_fatal_at_its_line() {
    let result =
        regen_with(|spec| fs::write(spec.join("latin1.md"), b"# Caf\xe9\n").expect("write"));
    assert_fatal(
        result,
        "latin1.md:1: error: not valid UTF-8 (byte 6 of the file)",
    );
}

#[test]
fn a_binary_file_is_skipped_with_a_warning() {
    let result = regen_with(|spec| {
        fs::write(spec.join("image.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write")
    });
    assert_warns(
        result,
        "image.md:3: warning: skipped: a NUL byte (byte 9) says this is a binary file",
    );
}

#[test]
fn code_cells_that_are_not_codes_are_warnings_at_their_lines() {
    let rows = "<tr><td>abc</td><td>x</td></tr>\n<tr><td>99</td><td>x</td></tr>\n<tr><td>600</td><td>x</td></tr>\n\
                <tr><td>20O</td><td>x</td></tr>\n<tr><td>201</td><td>ok</td></tr>\n<tr><td>202</td><td>ok</td></tr>\n\
                <tr><td>203</td><td>ok</td></tr>\n<tr><td>205</td><td>ok</td></tr>\n";
    let (run, module, dir) =
        regen_with(|spec| fs::write(spec.join("odd.md"), table(rows)).expect("write"));
    for (line, cell) in [(2, "abc"), (3, "99"), (4, "600"), (5, "20O")] {
        let expected =
            format!("odd.md:{line}: warning: row skipped: `{cell}` is not an HTTP status code");
        assert!(
            run.stderr.contains(&expected),
            "expected {expected:?} in:\n{}",
            run.stderr
        );
    }
    assert_warns((run, module.clone(), dir), "is not an HTTP status code");
    assert!(module.contains("Created = 201") && !module.contains("= 600"));
}

#[test]
fn a_table_cut_off_mid_row_and_unclosed_tags_are_read_as_far_as_they_go() {
    let (run, module, dir) = regen_with(|spec| {
        fs::write(spec.join("cut.md"), "<table><tr><th>Status Code</th><th>Description</th></tr>\n<tr><td>201</td><td><p>Made <b>it").expect("write");
        fs::write(spec.join("tags.md"), "<div><table><tr><th>Status Code</th><th>Description</th></tr><tr><td><span>226<td>Used <em>it\n</table>").expect("write");
    });
    assert!(
        run.stderr
            .contains("cut.md:1: warning: this <table> is never closed"),
        "{}",
        run.stderr
    );
    assert!(
        module.contains("Created = 201") && module.contains("ImUsed = 226"),
        "{module}"
    );
    assert_warns((run, module, dir), "never closed");
}

#[test]
fn a_50_mb_document_is_read() {
    let (run, module, dir) = regen_with(|spec| {
        let mut text = String::with_capacity(52 << 20);
        while text.len() < 50 << 20 {
            text.push_str("Prose with <em>markup</em> &amp; an <a href=\"#x\">anchor</a> on every line of a long page.\n");
        }
        text.push_str(&table("<tr><td>207 Multi-Status</td><td>Many.</td></tr>"));
        fs::write(spec.join("huge.md"), text).expect("write");
    });
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert!(module.contains("MultiStatus = 207"));
    drop(dir);
}

#[test]
fn a_spec_without_any_status_code_is_fatal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("spec");
    fs::create_dir(&spec).expect("mkdir");
    fs::write(spec.join("intro.md"), "# Intro\n\nNo tables.\n").expect("write");
    let out: PathBuf = dir.path().join("spec.rs");
    fs::write(&out, BEFORE).expect("write");
    let run = run(&["regen", "--spec", arg(&spec), "--out", arg(&out)]);
    assert_eq!(run.status, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("intro.md: warning: no status table found"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: no document has a status table with a code in it"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&out).expect("read"), BEFORE);
}

#[test]
fn check_never_writes_and_regen_touches_only_its_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("spec");
    fs::create_dir(&spec).expect("mkdir");
    fs::write(spec.join("returned-values.md"), SEED).expect("write");
    let out = dir.path().join("out/spec.rs");
    fs::create_dir(dir.path().join("out")).expect("mkdir");
    let snapshot = || -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = walk(dir.path())
            .into_iter()
            .map(|p| (p.clone(), fs::read(&p).expect("read")))
            .collect();
        files.sort();
        files
    };
    let before = snapshot();
    let check = run(&["regen", "--check", "--spec", arg(&spec), "--out", arg(&out)]);
    assert_eq!(check.status, Some(1), "the module is missing");
    assert!(check.stderr.contains("does not exist"), "{}", check.stderr);
    assert_eq!(snapshot(), before, "--check wrote nothing");
    assert_eq!(
        run(&["regen", "--spec", arg(&spec), "--out", arg(&out)]).status,
        Some(0)
    );
    let after = snapshot();
    let changed: Vec<&PathBuf> = after
        .iter()
        .filter(|entry| !before.contains(entry))
        .map(|(path, _)| path)
        .collect();
    assert_eq!(changed, [&out], "regen wrote its output and nothing else");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("list") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(walk(&path))
        } else {
            files.push(path)
        }
    }
    files
}
