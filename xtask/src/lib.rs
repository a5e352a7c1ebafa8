//! This workspace's build tool, as a library so its parts can be tested.
//!
//! `cargo xtask regen` is [`http_returns_build::cli::Regen`] over [`workspace::bundled`];
//! the rest are development tools, kept out of the generator library that
//! users build: [`agreement`] with the independent extractor and
//! [`operation_agreement`] with an independent reader of operations, the benchmarks
//! [`bench_regen`], [`bench_macro`] and [`bench_layout`], and [`module_check`], which compiles
//! a generated module in a crate of its own. They share [`measure`]
//! (medians), [`cargo`] (running cargo) and [`workspace`] (this checkout's
//! paths).

pub mod agreement;
pub mod bench_layout;
pub mod bench_macro;
pub mod bench_regen;
pub mod cargo;
pub mod measure;
pub mod module_check;
pub mod operation_agreement;
pub mod workspace;
