//! The compiler errors the docs show are the real ones: each `text` block
//! that starts with `error` in the README, the crates' guides
//! (`runtime/guide.md`, `generator/guide.md`, their rustdoc) and `docs/` is,
//! line for line, a trybuild `.stderr` file of this repository, one of the
//! errors in one, or the first lines of one, so a change to the messages
//! that is not carried into the docs fails here. (The blocks of the
//! README's "Use it in your own service" are what a build of that
//! section's service prints: `adoption.rs` checks them against that build.)

use std::fs;
use std::path::{Path, PathBuf};

use xtask::workspace;

/// Every `.stderr` file under a `tests/ui` folder of the workspace.
fn stderr_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("list a folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() && !matches!(name, "target" | ".git" | "fuzz") {
            stderr_files(&path, into);
        } else if name.ends_with(".stderr") && path.to_string_lossy().contains("tests/ui") {
            into.push(path);
        }
    }
}

/// The README's fenced `text` blocks that show a compiler error, with the
/// list item's indentation taken off.
fn error_blocks(readme: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        let fence = line.trim_start();
        if fence != "```text" {
            continue;
        }
        let indent = line.len() - fence.len();
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| l.trim_start() != "```")
            .map(|l| l.get(indent..).unwrap_or("").trim_end())
            .collect();
        // A compiler error: `error[E..]`, or `error:` with a location
        // (the CLI's own `error:` lines have none).
        let located = body
            .iter()
            .any(|line| line.trim_start().starts_with("--> "));
        if body.first().is_some_and(|first| {
            first.starts_with("error[") || (first.starts_with("error: ") && located)
        }) {
            blocks.push(body.join("\n"));
        }
    }
    blocks
}

#[test]
fn the_docs_show_the_compilers_real_errors() {
    let root = workspace::root();
    let readme = fs::read_to_string(root.join("README.md")).expect("read README.md");
    let mut docs = Vec::new();
    for path in ["runtime/guide.md", "generator/guide.md"] {
        docs.push(fs::read_to_string(root.join(path)).expect("read a guide"));
    }
    for entry in fs::read_dir(root.join("docs")).expect("list docs/") {
        docs.push(fs::read_to_string(entry.expect("entry").path()).expect("read a doc"));
    }
    let mut files = Vec::new();
    stderr_files(&root, &mut files);
    // Each file whole, and each error in it: a README may show one of them.
    let mut outputs: Vec<String> = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).expect("read a .stderr file");
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        outputs.push(lines.join("\n"));
        let starts: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].starts_with("error"))
            .collect();
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(lines.len());
            outputs.push(lines[start..end].join("\n"));
        }
    }
    let own_service = readme
        .find("## Use it in your own service")
        .and_then(|start| {
            let end = readme[start + 1..].find("\n## ")? + start + 1;
            Some(start..end)
        })
        .expect("the README has a section \"Use it in your own service\"");
    docs.push(format!(
        "{}{}",
        &readme[..own_service.start],
        &readme[own_service.end..]
    ));
    let blocks: Vec<String> = docs.iter().flat_map(|doc| error_blocks(doc)).collect();
    assert!(
        blocks.len() >= 5,
        "the docs show the undocumented, the one-page, the operation, the undeclared and the \
         format errors; found {} blocks",
        blocks.len()
    );
    for block in blocks {
        // Whole, or its first lines (at least the location and the code).
        let block = block.trim_end();
        let shown = |output: &String| {
            let output = output.trim_end();
            output == block
                || (block.lines().count() >= 4
                    && output.starts_with(block)
                    && output[block.len()..].starts_with('\n'))
        };
        assert!(
            outputs.iter().any(shown),
            "this excerpt is not the output of any trybuild case (tests/ui/*.stderr); \
             copy the case's .stderr into the docs:\n{block}"
        );
    }
}
