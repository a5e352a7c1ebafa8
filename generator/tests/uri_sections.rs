//! What a page's `URI` section states, read as its author meant it, in
//! each of the three forms: what the page does not publish (comments,
//! scripts) is not read, a `URI` heading shown as code or hidden in a
//! comment starts no section, and a line that looks like an operation but
//! is not one well-formed operation is a warning at its line, never a
//! guess. Each case is written as a page would write it.

use http_returns_build::__private::extract;

/// The operations read from `text` (as `file`), and the warnings as
/// `line: message`.
fn read(file: &str, text: &str) -> (Vec<String>, Vec<String>) {
    let extraction = extract::document(file, text);
    let operations = extraction
        .document
        .operations
        .iter()
        .map(|op| format!("{}: {} {}", op.line, op.method, op.path))
        .collect();
    let warnings = extraction
        .findings
        .into_iter()
        .filter(|finding| !finding.message.starts_with("no status table"))
        .map(|finding| format!("{}: {}", finding.line.unwrap_or(0), finding.message))
        .collect();
    (operations, warnings)
}

/// A page whose `URI` section holds `uri` (Markdown).
fn markdown(uri: &str) -> String {
    format!("# Querying a Pair\n\n## URI\n\n{uri}\n\n## Request\n\nNone.\n")
}

/// An HTML export whose `URI` section holds `uri`.
fn html(uri: &str) -> String {
    format!(
        "<html><body><h1>Querying a Pair</h1>\n<div class=\"section\"><h4 class=\"sectiontitle\">URI</h4>\n{uri}\n</div>\n\
         <div class=\"section\"><h4 class=\"sectiontitle\">Request</h4><p>None.</p></div></body></html>\n"
    )
}

/// A reStructuredText page whose `URI` section holds `uri`.
fn rst(uri: &str) -> String {
    format!("Querying a Pair\n===============\n\nURI\n---\n\n{uri}\n\nRequest\n-------\n\nNone.\n")
}

#[test]
fn two_methods_on_one_line_are_a_warning_in_each_form() {
    for (file, page, line) in [
        ("a.md", markdown("GET/POST /v1/pair/{id}"), 5),
        ("a.html", html("<p>PUT/PATCH /v1/pair/{id}</p>"), 3),
        ("a.rst", rst("DELETE/GET /v1/pair/{id}"), 7),
    ] {
        let (operations, warnings) = read(file, &page);
        assert!(operations.is_empty(), "{file}: {operations:?}");
        assert_eq!(warnings.len(), 1, "{file}: {warnings:?}");
        assert!(
            warnings[0].starts_with(&format!("{line}: `")),
            "{file}: {warnings:?}"
        );
        assert!(
            warnings[0].contains("names two methods"),
            "{file}: {warnings:?}"
        );
    }
}

#[test]
fn braces_that_do_not_pair_are_a_warning() {
    for written in [
        "GET /v1/}id{",
        "DELETE /v1/}a{/}b{",
        "GET /v1/{a}}/{b",
        "GET /v1/{id",
    ] {
        for (file, page) in [
            ("a.md", markdown(written)),
            ("a.html", html(&format!("<p>{written}</p>"))),
            ("a.rst", rst(written)),
        ] {
            let (operations, warnings) = read(file, &page);
            assert!(operations.is_empty(), "{file} {written}: {operations:?}");
            assert_eq!(warnings.len(), 1, "{file} {written}: {warnings:?}");
            assert!(warnings[0].contains("do not pair"), "{file}: {warnings:?}");
        }
    }
}

#[test]
fn a_space_in_the_path_is_a_warning_and_a_note_in_parentheses_is_prose() {
    let (operations, warnings) = read("a.md", &markdown("GET /v1/my items"));
    assert!(operations.is_empty(), "{operations:?}");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("5: `GET /v1/my items` has a space after `/v1/my`"),
        "{warnings:?}"
    );
    let (operations, warnings) = read("a.rst", &rst("GET /v1/my items"));
    assert!(
        operations.is_empty() && warnings.len() == 1,
        "{operations:?} {warnings:?}"
    );
    // A CCE page's note after the path.
    let (operations, warnings) = read(
        "a.md",
        &markdown("PATCH /apis/apps/v1/x/{name}/scale (Supports only 1.9)"),
    );
    assert_eq!(operations, ["5: PATCH /apis/apps/v1/x/{name}/scale"]);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_uri_heading_in_code_a_comment_or_a_script_starts_no_section() {
    let real = "## URI\n\nGET /v1/pair/{id}\n";
    for hiding in [
        "```\n## URI\n\nDELETE /v1/fenced\n```\n",
        "~~~\n## URI\n\nDELETE /v1/tilde\n~~~\n",
        "<pre>\n## URI\n\nDELETE /v1/pre\n</pre>\n",
        "<!--\n## URI\n\nDELETE /v1/commented\n-->\n",
        "<script>\nvar page = \"\n## URI\n\nDELETE /v1/scripted\n\";\n</script>\n",
    ] {
        let page = format!("# Querying a Pair\n\n{hiding}\n{real}\n## Request\n\nNone.\n");
        let (operations, warnings) = read("a.md", &page);
        let read: Vec<&str> = operations
            .iter()
            .map(|op| op.split_once(": ").map_or("", |(_, op)| op))
            .collect();
        assert_eq!(read, ["GET /v1/pair/{id}"], "{hiding}");
        assert!(warnings.is_empty(), "{hiding}: {warnings:?}");
    }
    // An HTML export's heading in a comment or a script.
    for hiding in [
        "<!-- <h4 class=\"sectiontitle\">URI</h4><p>DELETE /v1/commented</p> -->",
        "<script>var s = '<h4>URI</h4><p>DELETE /v1/scripted</p>';</script>",
    ] {
        let page = html(&format!("<p>GET /v1/pair/{{id}}</p>\n{hiding}"));
        let (operations, _) = read("a.html", &page);
        assert_eq!(operations, ["3: GET /v1/pair/{id}"], "{hiding}");
    }
    // A reStructuredText `URI` title inside a comment or a literal block.
    for hiding in [
        "..\n   URI\n   ---\n\n   DELETE /v1/commented\n",
        "Example::\n\n   URI\n   ---\n\n   DELETE /v1/literal\n",
    ] {
        let page = format!(
            "Querying a Pair\n===============\n\n{hiding}\nURI\n---\n\nGET /v1/pair/{{id}}\n"
        );
        let (operations, _) = read("a.rst", &page);
        let read: Vec<&str> = operations
            .iter()
            .map(|op| op.split_once(": ").map_or("", |(_, op)| op))
            .collect();
        assert_eq!(read, ["GET /v1/pair/{id}"], "{hiding}");
    }
}

#[test]
fn an_operation_commented_out_in_the_real_section_is_not_read() {
    let (operations, _) = read(
        "a.md",
        &markdown("<!-- GET /v1/old/{id} -->\nGET /v1/pair/{id}"),
    );
    assert_eq!(operations, ["6: GET /v1/pair/{id}"]);
    let (operations, _) = read(
        "a.html",
        &html("<!-- <p>GET /v1/old/{id}</p> -->\n<p>GET /v1/pair/{id}</p>"),
    );
    assert_eq!(operations, ["4: GET /v1/pair/{id}"]);
    let (operations, _) = read(
        "a.rst",
        &rst(".. GET /v1/old/{id}\n   kept for v1 clients\n\nGET /v1/pair/{id}"),
    );
    assert_eq!(operations, ["10: GET /v1/pair/{id}"]);
    // An operation in the section's own code block is how pages state it.
    let (operations, _) = read(
        "a.rst",
        &rst(".. code-block:: text\n\n   GET /v1/pair/{id}"),
    );
    assert_eq!(operations, ["9: GET /v1/pair/{id}"]);
    let (operations, _) = read("a.md", &markdown("```\nGET /v1/pair/{id}\n```"));
    assert_eq!(operations, ["6: GET /v1/pair/{id}"]);
}

#[test]
fn a_status_table_in_an_html_comment_is_a_warning_not_a_row() {
    let page = "# A\n\n<!--\n<table><tr><th>Status Code</th><th>Description</th></tr><tr><td>200</td><td>OK</td></tr></table>\n-->\n\n| Status Code | Description |\n|---|---|\n| 201 | Made. |\n";
    let extraction = extract::document("a.md", page);
    let codes: Vec<u16> = extraction
        .document
        .tables
        .iter()
        .flat_map(|table| table.rows.iter().map(|row| row.code))
        .collect();
    assert_eq!(codes, [201]);
    assert!(
        extraction
            .findings
            .iter()
            .any(|f| f.line == Some(3) && f.message.contains("inside an HTML comment")),
        "{:?}",
        extraction.findings
    );
}
