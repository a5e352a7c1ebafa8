//! A page gives the same rows whichever of its published forms is read:
//! Markdown with embedded HTML, a plain HTML export, reStructuredText. The
//! three texts below are one page ("Returned Values", as the first document
//! and its exports write it), shortened.

use returns_build::extract;
use returns_build::model::Group;

const MARKDOWN: &str = "\
# Returned Values

-   Normal

    200

-   Abnormal

    <a name=\"t\"></a>
    <table><thead align=\"left\"><tr><th class=\"cellrowborder\"><p>Returned Value</p></th><th><p>Description</p></th></tr></thead>
    <tbody><tr><td><p>400 Bad Request</p></td><td><p>The server failed to process the request.</p></td></tr>
    <tr><td><p>404 Not Found</p></td><td><p>The server cannot find the page <strong>requested</strong>.</p></td></tr>
    </tbody></table>
";

const HTML: &str = "\
<!DOCTYPE html>
<html><head><title>Returned Values</title></head><body>
<h1 class=\"topictitle1\">Returned Values</h1>
<ul><li>Normal<p>200</p></li>
<li>Abnormal<div class=\"tablenoborder\"><table><thead align=\"left\"><tr><th><p>Returned Value</p></th><th><p>Description</p></th></tr></thead>
<tbody><tr><td><p>400 Bad Request</p></td><td><p>The server failed to process the request.</p></td></tr>
<tr><td><p>404 Not Found</p></td><td><p>The server cannot find the page <strong>requested</strong>.</p></td></tr>
</tbody></table></div></li></ul>
</body></html>
";

const RST: &str = "\
Returned Values
===============

-  Normal

   200

-  Abnormal

   +-----------------+-------------------------------------------+
   | Returned Value  | Description                               |
   +=================+===========================================+
   | 400 Bad Request | The server failed to process the request. |
   +-----------------+-------------------------------------------+
   | 404 Not Found   | The server cannot find the page           |
   |                 | **requested**.                            |
   +-----------------+-------------------------------------------+
";

/// One row: code, reason, description, group.
type Row = (u16, Option<String>, String, Option<Group>);

/// Every row, and the title.
fn read(path: &str, text: &str) -> (Vec<Row>, Option<String>) {
    let extraction = extract::document(path, text);
    let rows = extraction
        .document
        .rows()
        .map(|(table, row)| {
            (
                row.code,
                row.reason.clone(),
                row.description.clone(),
                table.group,
            )
        })
        .collect();
    (rows, extraction.document.title)
}

#[test]
fn markdown_html_and_rst_give_the_same_rows() {
    let markdown = read("returned-values.md", MARKDOWN);
    assert_eq!(markdown.0.len(), 3, "{markdown:?}");
    assert_eq!(markdown.1.as_deref(), Some("Returned Values"));
    assert_eq!(read("returned-values.html", HTML), markdown);
    assert_eq!(read("returned-values.rst", RST), markdown);
}
