//! Our reading of the operations pages document against an independent
//! reader's (`xtask/peer/operations.py`: docutils, Python's `html.parser`,
//! line scanning for Markdown), page by page: the same set of operations,
//! written `METHOD /path` as the page writes it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use http_returns_build::__private::model::Page;

/// The reference for `corpus`, kept in this repository: the reader's output
/// for each corpus beside the checkout, `xtask/peer/reference/NAME.operations.jsonl`
/// where NAME is the corpus folder's name.
pub fn reference_for(corpus: &Path) -> Option<PathBuf> {
    let name = corpus.file_name()?.to_str()?;
    let path = crate::workspace::root()
        .join("xtask/peer/reference")
        .join(format!("{name}.operations.jsonl"));
    path.is_file().then_some(path)
}

/// Each page's operations, as the reference gives them.
pub fn read_reference(path: &Path) -> Result<BTreeMap<String, Vec<String>>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut pages = BTreeMap::new();
    for (index, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let at = || format!("{}:{}", path.display(), index + 1);
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}: not JSON: {e}", at()))?;
        let file = value["file"]
            .as_str()
            .ok_or_else(|| format!("{}: no \"file\"", at()))?;
        let operations = value["operations"]
            .as_array()
            .ok_or_else(|| format!("{}: no \"operations\"", at()))?
            .iter()
            .filter_map(|op| op.as_str().map(str::to_owned))
            .collect();
        pages.insert(file.to_owned(), operations);
    }
    Ok(pages)
}

/// How the two readings compare.
#[derive(Debug, Default)]
pub struct OperationAgreement {
    /// Pages where the reference finds an operation.
    pub reference_pages: usize,
    /// Of those, the pages where we read the same set.
    pub same: usize,
    /// Pages where the two differ: (file, ours, the reference's).
    pub differ: Vec<(String, Vec<String>, Vec<String>)>,
    /// Pages where only we find an operation: (file, ours).
    pub only_ours: Vec<(String, Vec<String>)>,
}

/// Compares our documents' operations with the reference's.
pub fn compare(
    documents: &[Page],
    reference: &BTreeMap<String, Vec<String>>,
) -> OperationAgreement {
    let mut agreement = OperationAgreement {
        reference_pages: reference.values().filter(|ops| !ops.is_empty()).count(),
        ..OperationAgreement::default()
    };
    let ours: BTreeMap<&str, Vec<String>> = documents
        .iter()
        .map(|document| {
            let mut ops: Vec<String> = document
                .operations
                .iter()
                .map(ToString::to_string)
                .collect();
            ops.sort();
            (document.path.as_str(), ops)
        })
        .collect();
    for (file, theirs) in reference {
        let mut theirs = theirs.clone();
        theirs.sort();
        let mine = ours.get(file.as_str()).cloned().unwrap_or_default();
        if mine == theirs {
            agreement.same += 1;
        } else {
            agreement.differ.push((file.clone(), mine, theirs));
        }
    }
    for (file, mine) in &ours {
        if !mine.is_empty() && !reference.contains_key(*file) {
            agreement.only_ours.push(((*file).to_owned(), mine.clone()));
        }
    }
    agreement
}

impl OperationAgreement {
    /// Share of the reference's pages where we read the same operations.
    pub fn on_pages(&self) -> f64 {
        if self.reference_pages == 0 {
            1.0
        } else {
            self.same as f64 / self.reference_pages as f64
        }
    }

    /// The report `cargo xtask agree` prints.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "operations: the reference finds them on {} pages; we read the same on {} ({:.3}%)",
            self.reference_pages,
            self.same,
            100.0 * self.on_pages()
        );
        if let Some((file, mine, theirs)) = self.differ.first() {
            let _ = writeln!(
                out,
                "  {:>5} differ, e.g. {file}: ours {mine:?}, the reference's {theirs:?}",
                self.differ.len()
            );
        }
        if let Some((file, mine)) = self.only_ours.first() {
            let _ = writeln!(
                out,
                "  {:>5} only ours, e.g. {file}: {mine:?}",
                self.only_ours.len()
            );
        }
        out
    }
}
