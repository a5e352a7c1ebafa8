//! A page gives the same rows whichever of its published forms is read:
//! Markdown with embedded HTML, a plain HTML export, reStructuredText. The
//! three texts below are one page ("Returned Values", as the first document
//! and its exports write it), shortened.

use http_returns_build::__private::extract;
use http_returns_build::__private::model::Group;

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

/// Each form states its operation under `URI`, on real pages: a Markdown
/// page (VPC, Chinese, escapes), an HTML export (ECS, which states the v2.1
/// and v2 forms of one call: both are kept) and a reStructuredText page
/// (CCE).
#[test]
fn real_pages_state_their_operations_in_each_form() {
    let cases = [
        (
            "vpc-create-mirror-session.zh.md",
            include_str!("fixtures/vpc-create-mirror-session.zh.md"),
            &["POST /v3/{project_id}/vpc/traffic-mirror-sessions"][..],
        ),
        (
            "ecs-deleting-a-keypair.html",
            include_str!("fixtures/ecs-deleting-a-keypair.html"),
            &[
                "DELETE /v2.1/{project_id}/os-keypairs/{keypair_name}",
                "DELETE /v2/{project_id}/os-keypairs/{keypair_name}",
            ],
        ),
        (
            "cce-deleting-an-add-on-instance.rst",
            include_str!("fixtures/cce-deleting-an-add-on-instance.rst"),
            &["DELETE /api/v3/addons/{id}"],
        ),
    ];
    for (path, text, expected) in cases {
        let document = http_returns_build::__private::extract::document(path, text).document;
        let operations: Vec<String> = document
            .operations
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(operations, expected, "{path}");
        let line = document.operations[0].line;
        assert!(
            text.lines()
                .nth(line - 1)
                .is_some_and(|l| l.contains(document.operations[0].method.as_str())),
            "{path}: line {line} states it"
        );
    }
}
