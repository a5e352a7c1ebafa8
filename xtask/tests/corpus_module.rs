//! The module generated from each corpus of real pages (Markdown, plain
//! HTML exports, reStructuredText) compiles, warnings denied, mounted in a
//! crate of its own.

use xtask::{module_check, workspace};

fn compiles(name: &str, at_least: usize) {
    let Some(corpus) = workspace::shared_corpus(name) else {
        return;
    };
    let config = http_returns_build::Config::new(&corpus).spec(&corpus);
    let module = config.generate().unwrap_or_else(|e| panic!("{e}")).module;
    let documents = module.matches("pub static DOCUMENT: ").count();
    assert!(documents >= at_least, "{name}: {documents} documents");
    let scratch = workspace::target_dir().join(format!("{name}-module-check"));
    match module_check::compile(&module, &scratch, "check") {
        Ok(time) => println!(
            "cargo check of the {name} module: {:.1} s",
            time.as_secs_f64()
        ),
        Err(error) => panic!("{}", &error[..error.len().min(4000)]),
    }
}

#[test]
fn the_markdown_corpus_module_compiles() {
    compiles("corpus", 1182);
}

#[test]
fn the_html_exports_module_compiles() {
    compiles("corpus-html", 208);
}

#[test]
fn the_rst_corpus_module_compiles() {
    compiles("corpus-rst", 322);
}
