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
