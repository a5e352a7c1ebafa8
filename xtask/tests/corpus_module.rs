//! The module generated from the whole corpus (1182 real pages) compiles,
//! warnings denied, in a copy of the runtime crate.

use xtask::{agreement, module_check, regen};

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
    let (module, loaded) = regen::generate(&corpus).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(loaded.documents.len() >= 1182);
    let scratch = regen::workspace_root().join("target/corpus-module-check");
    match module_check::compile(&module, &scratch, "check") {
        Ok(time) => println!(
            "cargo check of the corpus module: {:.1} s",
            time.as_secs_f64()
        ),
        Err(error) => panic!("{}", &error[..error.len().min(4000)]),
    }
}
