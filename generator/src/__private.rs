//! The generator's parts, for this repository's own tools and tests (the
//! corpus agreement, the benchmarks, the extractor's tests). Not public
//! API: names here change without notice. The crate uses them as
//! `crate::extract` and so on.

#[path = "documents.rs"]
pub mod documents;
#[path = "drift.rs"]
pub mod drift;
#[path = "emit/mod.rs"]
pub mod emit;
#[path = "extract/mod.rs"]
pub mod extract;
#[path = "model.rs"]
pub mod model;
#[path = "parallel.rs"]
pub mod parallel;
#[path = "paths.rs"]
pub mod paths;
#[path = "spec_dir.rs"]
pub mod spec_dir;

/// The regen command's help, for `cli::main` and this workspace's own xtask.
pub const REGEN_ABOUT: &str = "Regenerate the status module from the documents (writes only if it \
changed), or check it with --check";

/// The longer help: what regen reads and what it does on a problem.
pub const REGEN_LONG_ABOUT: &str = "Regenerate the status module from the documents (writes only \
if it changed), or check it with --check.

Reads every *.md, *.markdown, *.html, *.htm and *.rst file under the documents' directory (or \
the one page given) and writes the Rust module. Problems in a document are printed as \
`file:line: severity: message`; an error leaves the module untouched and exits with status 1.";

/// The extract command's help.
pub const EXTRACT_ABOUT: &str =
    "Show what was read from the documents, one row per status-table row";
