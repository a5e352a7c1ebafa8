//! Property tests: mutated real pages (Markdown and reStructuredText) and
//! random HTML and RST never make extraction panic, every code it returns lies in 100..=599 with a line inside the
//! page, and the module generated from them is valid Rust. Bounded: a fixed
//! number of cases, a few seconds in all.

use http_returns_build::__private::{emit, extract};
use proptest::prelude::*;

const PAGES: &[(&str, &str)] = &[
    (
        "returned-values.md",
        include_str!("fixtures/returned-values.md"),
    ),
    (
        "ecs-http-status-code.md",
        include_str!("fixtures/ecs-http-status-code.md"),
    ),
    (
        "vpc-create-mirror-session.zh.md",
        include_str!("fixtures/vpc-create-mirror-session.zh.md"),
    ),
    (
        "ecs-returned-values.rst",
        include_str!("fixtures/ecs-returned-values.rst"),
    ),
    (
        "cce-deleting-an-add-on-instance.rst",
        include_str!("fixtures/cce-deleting-an-add-on-instance.rst"),
    ),
];

/// Pieces that matter to the reStructuredText reader.
const RST_FRAGMENTS: &[&str] = &[
    "+------+------+\n",
    "+======+======+\n",
    "| 200  | OK   |\n",
    "| 404 Not Found |\n",
    "|      +------+\n",
    "=====  =====\n",
    "Status Code  Description\n",
    ".. table:: **Table 1** Normal values\n\n",
    ".. list-table::\n   :header-rows: 1\n\n",
    "   * - Status Code\n",
    "     - Description\n",
    ".. csv-table::\n   :header: \"Status Code\", \"Description\"\n\n",
    "   200, \"OK, \"\"x\"\"\n",
    "-  Normal\n\n",
    "   200\n",
    "Example::\n\n",
    ":ref:`Error Codes <x>`",
    "\\ *xx*",
    "\t",
    "   ",
    "\n",
    "好",
];

/// Pieces that matter to the extractor, and pieces that break things.
const FRAGMENTS: &[&str] = &[
    "<table>",
    "</table>",
    "<thead>",
    "</thead>",
    "<tbody>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "</th>",
    "<th>Status Code</th>",
    "<th>Returned Value</th>",
    "<th>状态码</th>",
    "<td rowspan=\"99999999\">",
    "<td colspan=\"4000000000\">",
    "<td rowspan=\"0\">",
    "<p>",
    "</p>",
    "<ul><li>",
    "<!--",
    "-->",
    "<a name=\"x\"></a>",
    "200",
    "404 Not Found",
    "600",
    "99",
    "2xx",
    "1 xx",
    "20O",
    "abc",
    "\u{202e}",
    "&nbsp;",
    "&#0;",
    "&#x110000;",
    "\n",
    "\n\n",
    "    ",
    "-   Normal\n\n",
    "-   Abnormal\n\n",
    "**Table 3**  Normal return code\n",
    "## Error\n",
    "|状态码|描述|\n|--|--|\n|201|Created|\n",
    "\0",
    "\r\n",
    "\"",
    "\\",
    "{N}",
    "</",
    "<",
    ">",
];

/// One edit of a page: delete, duplicate or insert at char boundaries.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..400).prop_map(|(at, len)| Edit::Delete(at, len)),
        (any::<usize>(), 0usize..400).prop_map(|(at, len)| Edit::Duplicate(at, len)),
        (any::<usize>(), 0..FRAGMENTS.len()).prop_map(|(at, fragment)| Edit::Insert(at, fragment)),
    ]
}

/// The char boundary at or before `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Delete(at, len) => {
            let start = boundary(text, at);
            let end = boundary(text, start + len.min(text.len() - start));
            text.replace_range(start..end, "");
        }
        Edit::Duplicate(at, len) => {
            let start = boundary(text, at);
            let end = boundary(text, start + len.min(text.len() - start));
            let copy = text[start..end].to_owned();
            text.insert_str(end, &copy);
        }
        Edit::Insert(at, fragment) => {
            let at = boundary(text, at);
            text.insert_str(at, FRAGMENTS[fragment]);
        }
    }
}

/// What must hold of any page, however broken.
fn check(path: &str, text: &str) {
    let extraction = extract::document(path, text);
    let lines = text.split('\n').count();
    for (table, row) in extraction.document.rows() {
        assert!(
            (100..=599).contains(&row.code),
            "code {} from {text:?}",
            row.code
        );
        assert!(
            (1..=lines).contains(&row.line) && (1..=lines).contains(&table.line),
            "line {} of {lines}",
            row.line
        );
    }
    for finding in &extraction.findings {
        assert!(finding.line.is_none_or(|line| (1..=lines).contains(&line)));
    }
    let module = emit::module(
        &[extraction.document],
        &http_returns_build::Config::new("").emit_options(),
    )
    .expect("the module is generated");
    emit::items(&module).expect("the module is valid Rust");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn mutated_real_pages(page in 0..PAGES.len(), edits in prop::collection::vec(edit(), 1..12)) {
        let (path, text) = PAGES[page];
        let mut text = text.to_owned();
        for edit in &edits {
            apply(&mut text, edit);
        }
        check(path, &text);
    }

    #[test]
    fn random_html(pieces in prop::collection::vec(prop_oneof![
        (0..FRAGMENTS.len()).prop_map(|i| FRAGMENTS[i].to_owned()),
        "\\PC{0,12}",
    ], 0..80)) {
        check("random.md", &pieces.concat());
    }

    #[test]
    fn random_rst(pieces in prop::collection::vec(prop_oneof![
        (0..RST_FRAGMENTS.len()).prop_map(|i| RST_FRAGMENTS[i].to_owned()),
        "\\PC{0,12}",
    ], 0..80)) {
        check("random.rst", &pieces.concat());
    }
}
