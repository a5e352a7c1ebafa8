//! Documents whose text is hostile to code generation still give a module
//! that compiles without warnings, and whose strings equal the documents' text.
//!
//! The module is compiled in a copy of the runtime crate (its sources, with
//! the generated module swapped in), with warnings denied.

use std::fs;
use std::path::Path;

use http_returns_build::__private::documents::{Loaded, load};
use http_returns_build::__private::{emit, extract};

/// The module the documents at `spec` give, and what was read from them.
fn generate(spec: &Path) -> (String, Loaded) {
    let config = http_returns_build::Config::new(spec).spec(spec);
    let module = config.generate().unwrap_or_else(|e| panic!("{e}")).module;
    (module, load(spec, 2).unwrap_or_else(|e| panic!("{e:?}")))
}

/// A status table with `rows` (code cell, description cell), raw HTML.
fn table(label: &str, rows: &[(&str, &str)]) -> String {
    let body: String = rows
        .iter()
        .map(|(code, text)| format!("<tr><td>{code}</td><td>{text}</td></tr>\n"))
        .collect();
    format!(
        "-   {label}\n\n    <table><thead><tr><th>Status Code</th><th>Description</th></tr></thead>\n<tbody>{body}</tbody></table>\n\n"
    )
}

/// Text that is code in one language or another, and characters that
/// terminals, rustdoc or rustc treat specially.
const HOSTILE: &str = "quote \" backslash \\ */ /* \"# r#\"x\"# } { {N} {Self} #[doc = \"x\"] fn main() {} \
                       bell \u{7} escape \u{1b}[31m bidi \u{202e}evil\u{202c} \u{2066}iso\u{2069} zero\u{200b}width [link](x) `tick` <b>bold</b> *em* _u_";

fn hostile_spec(dir: &Path) {
    let documents: [(&str, String); 6] = [
        (
            "we\"ird {name} (v2).md",
            format!(
                "# Title \u{202e} {{N}} \"x\"\n\n{}",
                table(
                    "Normal",
                    &[
                        ("200", HOSTILE),
                        ("599 Not Found", "a"),
                        ("598 NotFound", "b")
                    ]
                )
            ),
        ),
        (
            "self.md",
            table(
                "Error",
                &[
                    ("597 not-found", "c"),
                    ("596 Self", "d"),
                    ("595 fn", "e"),
                    ("594 \u{202e}rtl", "f"),
                    ("593 系统错误", "g"),
                ],
            ),
        ),
        (
            "状态码.md",
            table(
                "异常",
                &[
                    ("592 type", "h"),
                    // Named like `Reply`'s own methods.
                    ("590 Map", "j"),
                    ("589 Body Mut", "k"),
                    ("200 OK", "&lt;/td&gt; &amp;amp; &quot;"),
                ],
            ),
        ),
        (
            "a/b/c.html",
            table("Normal", &[("100 Continue", "continue"), ("592 Type", "i")]),
        ),
        ("1.md", table("Normal", &[("591", "no reason anywhere")])),
        // With `self.md`, it wants the same name: the two must still be snake case.
        ("Self.md", table("Normal", &[("200", "self again")])),
    ];
    for (name, text) in documents {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
}

#[test]
fn hostile_text_is_data_in_a_module_that_compiles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("spec");
    hostile_spec(&spec);
    let (module, loaded) = generate(&spec);

    // Every description and reason is a string literal equal to the page's text.
    let file = emit::items(&module).expect("the module parses");
    let mut strings = Vec::new();
    collect_strings(&quote::ToTokens::to_token_stream(&file), &mut strings);
    for document in &loaded.documents {
        assert!(strings.contains(&document.path), "path {:?}", document.path);
        for (_, row) in document.rows() {
            assert!(
                strings.contains(&row.description),
                "description {:?}",
                row.description
            );
            if let Some(reason) = &row.reason {
                assert!(strings.contains(reason), "reason {reason:?}");
            }
        }
    }
    let hostile_row = loaded
        .documents
        .iter()
        .flat_map(|d| d.rows())
        .find(|(_, r)| r.code == 200 && r.description.starts_with("quote"));
    // As a reader of the page sees it: `<b>` is markup, whitespace is collapsed.
    let seen = HOSTILE
        .replace("<b>bold</b>", "bold")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        hostile_row.map(|(_, r)| r.description.as_str()),
        Some(seen.as_str())
    );

    compile(&module);
}

/// Checks that `module` compiles mounted in a crate of its own, warnings denied.
fn compile(module: &str) {
    let scratch = xtask::workspace::target_dir().join("hostile-spec-check");
    if let Err(error) = xtask::module_check::compile(module, &scratch, "check") {
        panic!("{error}");
    }
}

fn collect_strings(tokens: &proc_macro2::TokenStream, out: &mut Vec<String>) {
    for token in tokens.clone() {
        match token {
            proc_macro2::TokenTree::Group(group) => collect_strings(&group.stream(), out),
            proc_macro2::TokenTree::Literal(literal) => {
                if let Ok(syn::Lit::Str(text)) = syn::parse_str::<syn::Lit>(&literal.to_string()) {
                    out.push(text.value());
                }
            }
            _ => {}
        }
    }
}

#[test]
fn names_are_unique_and_valid_whatever_the_file_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("spec");
    hostile_spec(&spec);
    let (module, loaded) = generate(&spec);
    let file = emit::items(&module).expect("the module parses");
    let modules: Vec<String> = file
        .items
        .iter()
        .filter_map(|item| {
            if let syn::Item::Mod(m) = item {
                Some(m.ident.to_string())
            } else {
                None
            }
        })
        .collect();
    assert_eq!(modules.len(), loaded.documents.len());
    let mut unique = modules.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), modules.len(), "{modules:?}");
    let _ = extract::document;
}
