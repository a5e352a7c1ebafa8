//! Reading the documents on disk and writing or checking the module: the
//! one routine behind `cargo xtask regen`, a user's own xtask, and the
//! freshness `#[test]`. Nothing is written unless every document was read
//! without error.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::Document;
use crate::{emit, extract, parallel, spec_dir};

/// Every document in a spec directory, read.
pub struct Loaded {
    /// The documents, sorted by path.
    pub documents: Vec<Document>,
    /// Warnings: what was skipped, and why.
    pub warnings: Vec<Diagnostic>,
}

/// Reads and extracts every document under `spec_dir`. Fails with every
/// error found; warnings do not fail.
pub fn load(spec_dir: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let spec_dir::SpecFiles {
        files,
        warnings: mut skipped,
    } = spec_dir::read(spec_dir)?;
    if files.is_empty() && skipped.is_empty() {
        return Err(vec![Diagnostic::error(
            spec_dir.display().to_string(),
            None,
            format!(
                "no documents here: put your API pages ({}) in this directory",
                spec_dir::DOCUMENT_EXTENSIONS
                    .iter()
                    .map(|e| format!("*.{e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )]);
    }
    let mut documents = Vec::with_capacity(files.len());
    let mut warnings = Vec::new();
    warnings.append(&mut skipped);
    for (file, extraction) in files.iter().zip(extract_all(&files, parallel::threads())) {
        warnings.extend(
            extraction
                .findings
                .into_iter()
                .map(|finding| finding.in_file(&file.shown)),
        );
        documents.push(extraction.document);
    }
    Ok(Loaded {
        documents,
        warnings,
    })
}

/// Extracts every file, on `threads` threads; results in `files`' order.
pub fn extract_all(files: &[spec_dir::SpecFile], threads: usize) -> Vec<extract::Extraction> {
    parallel::map(files, threads, |file| {
        extract::document(&file.relative, &file.text)
    })
}

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
pub fn read_module(out: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match fs::read(out) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// How `actual`, a module as read from disk (`None`: there is none),
/// compares with `expected`.
pub fn compare(actual: Option<&[u8]>, expected: &str) -> Freshness {
    match actual {
        None => Freshness::Missing,
        Some(actual) if actual == expected.as_bytes() => Freshness::Fresh,
        Some(actual) => {
            let actual = String::from_utf8_lossy(actual);
            let same = actual
                .lines()
                .zip(expected.lines())
                .take_while(|(a, b)| a == b)
                .count();
            Freshness::Stale {
                first_difference: same + 1,
            }
        }
    }
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

/// The module text for the documents under `spec_dir`, with the warnings met.
pub fn generate(
    spec_dir: &Path,
    options: &emit::Options,
) -> Result<(String, Loaded), Vec<Diagnostic>> {
    let loaded = load(spec_dir)?;
    if loaded
        .documents
        .iter()
        .all(|document| document.tables.iter().all(|table| table.rows.is_empty()))
    {
        let mut problems = loaded.warnings;
        problems.push(Diagnostic::error(
            spec_dir.display().to_string(),
            None,
            "no document has a status table with a code in it, so there is no status to generate \
             (the warnings above say what was read)",
        ));
        return Err(problems);
    }
    let module = emit::module(&loaded.documents, options).map_err(|message| {
        vec![Diagnostic::error(
            spec_dir.display().to_string(),
            None,
            message,
        )]
    })?;
    Ok((module, loaded))
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
        Ok(compare(read_module(out)?.as_deref(), expected))
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
}
