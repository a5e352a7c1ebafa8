//! Finding and reading the documents in a spec directory, or one page.

use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

/// File endings read as documents.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["md", "markdown", "html", "htm", "rst"];

/// A document's text and where it came from.
pub struct SpecFile {
    /// Path relative to the spec directory, `/`-separated.
    pub relative: String,
    /// The path shown in diagnostics (the spec directory as given, joined with `relative`).
    pub shown: String,
    /// The file's text.
    pub text: String,
}

/// The documents read, and the files skipped with a warning.
pub struct SpecFiles {
    /// The documents, sorted by relative path.
    pub files: Vec<SpecFile>,
    /// Files passed over, and why.
    pub warnings: Vec<Diagnostic>,
}

/// Every document under `dir`, sorted by relative path so that the order the
/// file system lists them in does not matter. `dir` may also be one page,
/// whose path relative to its directory is then its file name. Hidden files
/// and directories are skipped; so, with a warning, is a binary file (one
/// with a NUL byte).
/// What cannot be read (a broken link, a loop, text that is not UTF-8) is an
/// error: the module would silently lack its codes. Every problem is
/// collected before failing.
pub fn read(dir: &Path) -> Result<SpecFiles, Vec<Diagnostic>> {
    let shown_dir = dir.display().to_string();
    if !dir.exists() {
        return Err(vec![Diagnostic::error(
            &shown_dir,
            None,
            "the documents' directory does not exist; pass the folder of your documents, \
             or one page (`Config::spec`; `--spec` on the command line)",
        )]);
    }
    // One page: read it as the only document of its own directory, whatever its ending.
    let given = dir;
    let (dir, single) = match given.parent() {
        Some(parent) if given.is_file() => (parent, true),
        _ => (given, false),
    };
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let walk = WalkDir::new(given)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let walk = walk.filter_entry(|entry| {
        entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
    });
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                errors.push(walk_error(&error, dir));
                continue;
            }
        };
        let path = entry.path();
        let is_document = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            DOCUMENT_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(e))
        });
        if !entry.file_type().is_file() || !(is_document || single) {
            continue;
        }
        match read_file(dir, path) {
            Read::Document(file) => files.push(file),
            Read::Skipped(warning) => warnings.push(warning),
            Read::Failed(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(SpecFiles { files, warnings })
}

/// What reading one file gave.
enum Read {
    /// A document's text.
    Document(SpecFile),
    /// A file that is not a document, with a warning.
    Skipped(Diagnostic),
    /// An error: the run stops.
    Failed(Diagnostic),
}

/// The error for an entry the walk of `dir` could not read.
fn walk_error(error: &walkdir::Error, dir: &Path) -> Diagnostic {
    let path = error.path().unwrap_or(dir).display().to_string();
    let message = match (error.loop_ancestor(), error.io_error()) {
        (Some(ancestor), _) => {
            format!(
                "symbolic link loop: this leads back to {}",
                ancestor.display()
            )
        }
        (None, Some(io)) => format!("cannot read: {io} (a broken symbolic link?)"),
        (None, None) => format!("cannot read: {error}"),
    };
    Diagnostic::error(path, None, message)
}

/// The document at `path`, named relative to `dir`: its text, or why not.
fn read_file(dir: &Path, path: &Path) -> Read {
    let shown = path.display().to_string();
    let Some(relative) = relative_path(dir, path) else {
        return Read::Failed(Diagnostic::error(
            shown,
            None,
            "the file name is not valid UTF-8; rename the file",
        ));
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            return Read::Failed(Diagnostic::error(
                shown,
                None,
                format!("cannot read: {error}"),
            ));
        }
    };
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        return Read::Skipped(Diagnostic::warning(
            shown,
            Some(line),
            format!(
                "skipped: a NUL byte (byte {}) says this is a binary file, not a document",
                at + 1
            ),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Read::Document(SpecFile {
            relative,
            shown,
            text,
        }),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            Read::Failed(Diagnostic::error(
                shown,
                Some(line),
                format!(
                    "not valid UTF-8 (byte {} of the file); save the document as UTF-8",
                    valid.len() + 1
                ),
            ))
        }
    }
}

fn relative_path(dir: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(dir).ok()?;
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_sorted_and_skips_the_rest() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/.hidden")).expect("dirs");
        for (name, text) in [
            ("z.md", "z"),
            ("b/a.html", "a"),
            ("a.MD", "A"),
            ("notes.txt", "no"),
            ("b/.hidden/x.md", "no"),
            (".x.md", "no"),
        ] {
            std::fs::write(root.join(name), text).expect("write");
        }
        let files = read(root).unwrap_or_else(|e| panic!("{e:?}")).files;
        let names: Vec<&str> = files.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["a.MD", "b/a.html", "z.md"]);
        assert_eq!(files[1].text, "a");
        assert!(files[1].shown.ends_with("a.html"));
    }

    #[test]
    fn a_missing_directory_is_an_error_that_says_what_to_pass() {
        let errors = read(Path::new("/no/such/spec")).err().expect("an error");
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "/no/such/spec: error: the documents' directory does not exist; pass the folder of your documents, or one page (`Config::spec`; `--spec` on the command line)"
        );
    }

    #[test]
    fn one_page_is_read_as_its_own_directory() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("page.txt"), "text").expect("write");
        std::fs::write(dir.path().join("other.md"), "not read").expect("write");
        let files = read(&dir.path().join("page.txt")).expect("read").files;
        let names: Vec<&str> = files.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["page.txt"], "the page alone, whatever its ending");
        assert_eq!(files[0].text, "text");
    }

    #[test]
    fn non_utf8_text_is_an_error_at_its_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("bad.md"), b"ok\nok\nbad \xff here\n").expect("write");
        let errors = read(dir.path()).err().expect("an error");
        let message = errors[0].to_string();
        assert!(
            message.ends_with(
                "bad.md:3: error: not valid UTF-8 (byte 11 of the file); save the document as UTF-8"
            ),
            "{message}"
        );
    }
}
