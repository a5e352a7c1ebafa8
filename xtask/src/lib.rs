//! The workspace's build tool, as a library so its parts can be tested.
//!
//! [`extract`] reads the documents' status tables into the [`model`];
//! [`emit`] writes the runtime's status module from it; [`regen`] ties both to
//! the files on disk, with the check mode CI runs.

pub mod agreement;
pub mod bench_macro;
pub mod bench_regen;
pub mod diagnostic;
pub mod emit;
pub mod extract;
pub mod model;
pub mod module_check;
pub mod parallel;
pub mod regen;
pub mod spec_dir;
