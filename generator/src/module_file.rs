//! The module file on disk: read once, compared with what the documents
//! give, and written whole (a temporary file and a rename) only when it
//! differs.

use std::fs;
use std::io::Write;
use std::path::Path;

/// How the module on disk compares with what the documents give.
#[derive(Debug, PartialEq, Eq)]
pub enum Freshness {
    /// Byte for byte the same.
    Fresh,
    /// Different; the first differing line, 1-based.
    Stale {
        /// Where the two first differ.
        first_difference: usize,
    },
    /// No file there yet.
    Missing,
}

/// The module at `out` as it is, or `None` where there is none yet.
pub fn read(out: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match fs::read(out) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// How `actual`, a module as read from disk (`None`: there is none),
/// compares with `expected`.
///
/// A module that differs only in its line endings (CRLF where the
/// generator writes LF) is fresh: that is how git checks out a committed
/// module with `core.autocrlf`, and it commits it back with LF, so the
/// module in the repository is what the documents give. Calling it stale
/// would fail every Windows checkout's `cargo test` with nothing to fix.
pub fn compare(actual: Option<&[u8]>, expected: &str) -> Freshness {
    match actual {
        None => Freshness::Missing,
        Some(actual) if actual == expected.as_bytes() => Freshness::Fresh,
        Some(actual) if same_but_line_ends(actual, expected.as_bytes()) => Freshness::Fresh,
        Some(actual) => {
            let actual = String::from_utf8_lossy(actual);
            // `split`, not `lines`: a line differing only in a `\r`, or a
            // file without its last line end, is a difference at that line.
            let same = actual
                .split('\n')
                .zip(expected.split('\n'))
                .take_while(|(a, b)| a.strip_suffix('\r').unwrap_or(a) == *b)
                .count();
            Freshness::Stale {
                first_difference: same + 1,
            }
        }
    }
}

/// Whether `actual` is `expected`, with some or all of its `\n` written
/// `\r\n`.
pub(crate) fn same_but_line_ends(actual: &[u8], expected: &[u8]) -> bool {
    let mut actual = actual.iter().copied().peekable();
    for &byte in expected {
        if byte == b'\n' && actual.peek() == Some(&b'\r') {
            actual.next();
        }
        if actual.next() != Some(byte) {
            return false;
        }
    }
    actual.next().is_none()
}

/// Writes `content` to `out` through a temporary file in the same directory
/// and a rename, so readers never see half a file.
///
/// Written on `std` rather than the `tempfile` crate: this is its one use,
/// and its dependencies were a tenth of the generator's cold build.
pub fn write(out: &Path, content: &str) -> std::io::Result<()> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy());
    // The process id keeps two regens apart; a file left by a killed run of
    // this same id is replaced.
    let temp = dir.join(format!(".{name}.regen-{}.tmp", std::process::id()));
    let written = write_new(&temp, out, content).and_then(|()| fs::rename(&temp, out));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// `content` into a new file at `temp`, with the mode of `out` if it
/// exists (else the usual 0644, whatever the umask), flushed to disk.
fn write_new(temp: &Path, out: &Path, content: &str) -> std::io::Result<()> {
    let _ = fs::remove_file(temp);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(out).map_or(0o644, |metadata| metadata.permissions().mode());
        file.set_permissions(fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = out;
    file.write_all(content.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `Config::run` does: read once, compare, write if it differs.
    fn write_if_changed(out: &Path, content: &str) -> std::io::Result<bool> {
        if freshness(out, content)? == Freshness::Fresh {
            return Ok(false);
        }
        write(out, content).map(|()| true)
    }

    fn freshness(out: &Path, expected: &str) -> std::io::Result<Freshness> {
        Ok(compare(read(out)?.as_deref(), expected))
    }

    #[test]
    fn writes_only_when_the_content_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("spec.rs");
        assert_eq!(freshness(&out, "a\n").expect("read"), Freshness::Missing);
        assert!(write_if_changed(&out, "a\nb\n").expect("write"));
        assert_eq!(fs::read_to_string(&out).expect("read"), "a\nb\n");
        let before = fs::metadata(&out)
            .and_then(|m| m.modified())
            .expect("mtime");
        assert!(!write_if_changed(&out, "a\nb\n").expect("write"));
        assert_eq!(
            fs::metadata(&out)
                .and_then(|m| m.modified())
                .expect("mtime"),
            before
        );
        assert_eq!(
            freshness(&out, "a\nc\n").expect("read"),
            Freshness::Stale {
                first_difference: 2
            }
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |path: &Path| {
                fs::metadata(path)
                    .map(|m| m.permissions().mode() & 0o777)
                    .expect("mode")
            };
            assert_eq!(
                mode(&out),
                0o644,
                "a new module is 0644, not the temporary file's 0600"
            );
            fs::set_permissions(&out, fs::Permissions::from_mode(0o664)).expect("chmod");
            assert!(write_if_changed(&out, "d\n").expect("write"));
            assert_eq!(mode(&out), 0o664, "a rewritten module keeps its mode");
        }
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["spec.rs"], "no temporary file is left behind");
    }

    #[test]
    fn line_endings_alone_do_not_make_a_module_stale() {
        assert_eq!(compare(Some(b"a\r\nb\r\n"), "a\nb\n"), Freshness::Fresh);
        assert_eq!(compare(Some(b"a\r\nb\n"), "a\nb\n"), Freshness::Fresh);
        // A real difference in a CRLF file is named at its line.
        assert_eq!(
            compare(Some(b"a\r\nb\r\nc\r\n"), "a\nb\nd\n"),
            Freshness::Stale {
                first_difference: 3
            }
        );
        // A missing last line end is a difference after the last line.
        assert_eq!(
            compare(Some(b"a\nb"), "a\nb\n"),
            Freshness::Stale {
                first_difference: 3
            }
        );
    }
}
