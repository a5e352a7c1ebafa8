//! The module generated from the whole corpus (1182 real pages) compiles,
//! warnings denied, mounted in a crate of its own.

use returns_build::{emit, regen};
use xtask::{agreement, module_check, workspace};

#[test]
fn the_corpus_module_compiles() {
    let corpus = agreement::default_corpus();
    if !corpus.is_dir() {
        eprintln!(
            "skipped: no corpus at {} (it sits beside the checkout in CI)",
            corpus.display()
        );
        return;
    }
    let (module, loaded) =
        regen::generate(&corpus, &emit::Options::default()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(loaded.documents.len() >= 1182);
    let scratch = workspace::target_dir().join("corpus-module-check");
    match module_check::compile(&module, &scratch, "check") {
        Ok(time) => println!(
            "cargo check of the corpus module: {:.1} s",
            time.as_secs_f64()
        ),
        Err(error) => panic!("{}", &error[..error.len().min(4000)]),
    }
}
