//! Reading the documents: every page under a directory (or the one page
//! given), extracted on every thread asked for, in path order, with the
//! warnings met.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::Page;
use crate::{extract, parallel, spec_dir};

/// Every document under a directory, read.
pub struct Loaded {
    /// The documents, sorted by path.
    pub documents: Vec<Page>,
    /// Warnings: what was skipped, and why.
    pub warnings: Vec<Diagnostic>,
}

/// Reads and extracts every document under `spec` (a directory, or one
/// page) on `threads` threads. Fails with every error found; warnings do
/// not fail.
pub fn load(spec: &Path, threads: usize) -> Result<Loaded, Vec<Diagnostic>> {
    let spec_dir::SpecFiles {
        files,
        warnings: mut skipped,
    } = spec_dir::read(spec)?;
    if files.is_empty() && skipped.is_empty() {
        return Err(vec![Diagnostic::error(
            spec.display().to_string(),
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
    for (file, extraction) in files.iter().zip(extract_all(&files, threads)) {
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

/// `1 document, 17 rows, 17 status codes`.
pub fn summary(documents: &[Page]) -> String {
    let rows: usize = documents.iter().map(|d| d.rows().count()).sum();
    let mut codes: Vec<u16> = documents
        .iter()
        .flat_map(|d| d.rows().map(|(_, row)| row.code))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    format!(
        "{}, {}, {}",
        plural(documents.len(), "document"),
        plural(rows, "row"),
        plural(codes.len(), "status code")
    )
}

/// `regen stopped on 1 error`: what `command` says when the documents have
/// errors. Only errors count; `diagnostics` holds the warnings met too.
pub fn stopped(command: &str, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    format!("{command} stopped on {}", plural(errors, "error"))
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
