//! Reading a document's status tables.
//!
//! A document is Markdown with HTML tables in it (sometimes pipe tables), a
//! plain HTML export, or reStructuredText. `Source` finds the HTML tables
//! and their lines, `Grid` parses each with `scraper`, `pipe_table` and
//! `rst_table` read the other forms into the same grid, `StatusTable` keeps
//! the status tables and picks their columns, `label` reads the group label
//! of each, `bare_codes` reads codes listed under a label outside tables,
//! and `text` holds the text rules they share. Problems are [`Finding`]s at
//! a line; the loader names the file.

mod bare_codes;
mod code_cell;
mod examples;
mod grid;
mod label;
mod operations;
mod pipe_table;
mod rst_table;
mod source;
mod status_table;
pub mod text;

use std::ops::Range;

use scraper::Html;

use crate::diagnostic::Diagnostic;
use crate::model::{ClassRow, Page, Row, Table};
use code_cell::CodeCell;
use grid::Grid;
use source::Source;
use status_table::StatusTable;

pub use label::group_named_by;

/// A document read, with what was wrong in it.
#[derive(Debug)]
pub struct Extraction {
    /// What the document says.
    pub document: Page,
    /// Problems found; none of them stopped the reading.
    pub findings: Vec<Finding>,
}

/// A problem found in a page and read past. Extraction knows lines, not
/// files: whoever loaded the page names the file ([`Finding::in_file`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// What is wrong, and where it helps, what to do.
    pub message: String,
}

impl Finding {
    fn at(line: usize, message: impl Into<String>) -> Finding {
        Finding {
            line: Some(line),
            message: message.into(),
        }
    }

    /// This finding as a warning about `file`, as the user is shown it.
    pub fn in_file(self, file: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(file, self.line, self.message)
    }
}

/// Reads the document at `path` (relative to the spec directory; its
/// extension tells reStructuredText from Markdown and HTML) whose text is
/// `text`.
pub fn document(path: &str, text: &str) -> Extraction {
    let mut source = Source::new(text);
    source.rst = is_rst(path);
    // Example markup (fenced code and scripts, or RST literal blocks) and
    // what the page does not publish (HTML or RST comments): one account,
    // which the `URI` reader below uses too.
    let hidden = examples::Hidden::of(&source);
    let mut findings = tables_in(&source, &hidden.examples(), Hidden::Example);
    findings.extend(tables_in(&source, &hidden.comments, Hidden::Comment));
    let examples: Vec<Range<usize>> = hidden
        .examples()
        .into_iter()
        .chain(hidden.comments.iter().cloned())
        .collect();
    let candidates = candidates(&source, &examples);
    let mut tables = Vec::new();
    // Where the previous table ends: labels are looked for after it.
    let mut floor = 0;
    for candidate in &candidates {
        if let Some(table) = read_table(&source, candidate, floor, &mut findings) {
            tables.push(table);
        }
        floor = candidate.range.end;
    }
    // Bare codes are neither in a table nor in an example.
    let taken: Vec<_> = candidates
        .iter()
        .map(|candidate| candidate.range.clone())
        .chain(examples.iter().cloned())
        .collect();
    tables.extend(bare_code_tables(&source, &taken));
    tables.sort_by_key(|table| table.line);
    if tables.is_empty() {
        findings.push(Finding {
            line: None,
            message: "no status table found, so this document adds no codes (a status table has a header \
                      cell such as `Status Code` or `Returned Value` over a column of codes like `404`)"
                .to_owned(),
        });
    }
    let (operations, unread) = operations::find(&source, &hidden);
    findings.extend(
        unread
            .into_iter()
            .map(|(line, message)| Finding::at(line, message)),
    );
    let document = Page {
        path: path.to_owned(),
        title: title(&source),
        operations,
        tables,
    };
    Extraction { document, findings }
}

/// Text that is on the page but states nothing about its operation.
#[derive(Clone, Copy)]
enum Hidden {
    /// Markup shown as an example: a fenced code block, a `<script>`, a
    /// reStructuredText literal block.
    Example,
    /// An HTML comment, or a reStructuredText comment, which docutils
    /// does not publish.
    Comment,
}

/// A warning for each example or comment (`hidden`) that holds a status
/// table: it does not state what the operation returns.
fn tables_in(source: &Source<'_>, ranges: &[Range<usize>], hidden: Hidden) -> Vec<Finding> {
    ranges
        .iter()
        .filter(|range| {
            let text = &source.text[(*range).clone()];
            // An HTML comment's text, which its tags would otherwise hide.
            let text = text
                .strip_prefix("<!--")
                .map_or(text, |inner| inner.strip_suffix("-->").unwrap_or(inner));
            if source.rst {
                let mut shown = Source::new(text);
                shown.rst = true;
                return rst_table::find(&shown, &[])
                    .iter()
                    .any(|table| StatusTable::find(&table.grid).is_some());
            }
            let shown = Source::new(text);
            shown
                .tables(&[])
                .iter()
                .any(|span| status_table::may_be_status_table(first_row(shown.text, span)))
        })
        .map(|range| {
            let why = match (hidden, source.rst) {
                (Hidden::Comment, true) => {
                    "skipped: this status table is inside a comment (`..` and an indented block), \
                     which docutils does not publish"
                }
                (Hidden::Comment, false) => {
                    "skipped: this status table is inside an HTML comment (`<!-- -->`), which the \
                     page does not publish"
                }
                (Hidden::Example, true) => {
                    "skipped: this status table is inside a literal block (`::` or `.. code-block::`), \
                     which shows markup rather than states what the page returns"
                }
                (Hidden::Example, false) => {
                    "skipped: this status table is inside a fenced code block or a <script>, \
                     which shows markup rather than states what the page returns"
                }
            };
            Finding::at(source.line_of(range.start), why)
        })
        .collect()
}

/// The candidate as a status table, if it is one, labelled and with its
/// rows read; what is malformed in it goes to `findings`. `floor` is where
/// the previous table ends: a label is not looked for above it.
fn read_table(
    source: &Source<'_>,
    candidate: &Candidate,
    floor: usize,
    findings: &mut Vec<Finding>,
) -> Option<Table> {
    let table_line = source.line_of(candidate.range.start);
    if !candidate.closed {
        let message = if source.rst {
            "this table has no bottom border; it was read as far as it goes"
        } else {
            "this <table> is never closed; it was read up to the end of the file"
        };
        findings.push(Finding::at(table_line, message));
    }
    for (line, problem) in &candidate.problems {
        findings.push(Finding::at(*line, problem.clone()));
    }
    let Some(status) = StatusTable::find(&candidate.grid) else {
        if let Some(why) = status_table::why_not(&candidate.grid) {
            findings.push(Finding::at(table_line, why));
        }
        return None;
    };
    let label = table_label(source, candidate, floor, table_line, &status);
    let (rows, classes) = table_rows(candidate, &status, table_line, findings);
    Some(Table {
        line: table_line,
        label: label.as_ref().map(|l| l.text.clone()),
        group: label.map(|l| l.group),
        rows,
        bare: false,
        classes,
    })
}

/// The table's own caption, a label before it (below `floor`), else a
/// qualifier in the code column's header (`Normal Status Code`, `错误返回码`).
fn table_label(
    source: &Source<'_>,
    candidate: &Candidate,
    floor: usize,
    table_line: usize,
    status: &StatusTable<'_>,
) -> Option<label::Label> {
    label::of_caption(&source.text[candidate.range.clone()])
        .or_else(|| {
            let first_line = source.line(table_line);
            source
                .rst
                .then(|| label::of_rst_directive(first_line))
                .flatten()
        })
        .or_else(|| label::find(source, candidate.range.start, floor))
        .or_else(|| label::of_phrase(status.code_header))
}

/// The status table's rows, codes and classes apart; a row whose code cell
/// is not a code is a finding at its line.
fn table_rows(
    candidate: &Candidate,
    status: &StatusTable<'_>,
    table_line: usize,
    findings: &mut Vec<Finding>,
) -> (Vec<Row>, Vec<ClassRow>) {
    let mut rows: Vec<Row> = Vec::new();
    let mut classes: Vec<ClassRow> = Vec::new();
    // What the previous row's code cell held: a row whose code cell is
    // empty continues it, with its own description (as `rowspan` reads).
    let mut carried: Option<CodeCell> = None;
    for grid_row in &status.rows {
        let line = candidate
            .row_lines
            .get(grid_row.index)
            .copied()
            .unwrap_or(table_line);
        let cell = grid_row
            .cells
            .get(status.code_column)
            .map_or("", String::as_str);
        let description = status
            .description_column
            .and_then(|column| grid_row.cells.get(column))
            .cloned()
            .unwrap_or_default();
        let parsed = match code_cell::parse(cell) {
            CodeCell::NotACode if cell.trim().is_empty() => continued(carried),
            parsed => parsed,
        };
        if cell.trim().is_empty() && description.is_empty() {
            continue;
        }
        if !matches!(parsed, CodeCell::NotACode) {
            carried = Some(parsed);
        }
        match parsed {
            CodeCell::Code { code, reason } => {
                // The phrase beside the code, else the reason column's.
                let reason = reason.map(str::to_owned).or_else(|| {
                    let column = status.reason_column?;
                    grid_row.cells.get(column).filter(|text| !text.is_empty()).cloned()
                });
                rows.push(Row { line, code, reason, description });
            }
            CodeCell::Class { class, reason } => classes.push(ClassRow {
                line,
                class,
                reason: reason.map(str::to_owned),
                description,
            }),
            CodeCell::NotACode => findings.push(Finding::at(
                line,
                format!(
                    "row skipped: `{}` is not an HTTP status code (expected a number from 100 to 599, \
                     alone or followed by its reason, like `404` or `404 Not Found`)",
                    cell.escape_debug()
                ),
            )),
        }
    }
    (rows, classes)
}

/// What an empty code cell stands for: the code or class carried down
/// from the row above, without its reason.
fn continued(carried: Option<CodeCell<'_>>) -> CodeCell<'_> {
    match carried {
        Some(CodeCell::Code { code, .. }) => CodeCell::Code { code, reason: None },
        Some(CodeCell::Class { class, .. }) => CodeCell::Class {
            class,
            reason: None,
        },
        _ => CodeCell::NotACode,
    }
}

/// The codes written under a label outside any table (`-   Normal` then
/// `200`), a table each; `taken` is the text that tables and examples hold.
fn bare_code_tables(source: &Source<'_>, taken: &[Range<usize>]) -> Vec<Table> {
    bare_codes::find(source, taken)
        .into_iter()
        .map(|bare| Table {
            line: bare.line,
            label: Some(bare.label.text),
            group: Some(bare.label.group),
            rows: bare
                .codes
                .into_iter()
                .map(|(line, code, reason)| Row {
                    line,
                    code,
                    reason,
                    description: String::new(),
                })
                .collect(),
            bare: true,
            classes: Vec::new(),
        })
        .collect()
}

/// A reStructuredText page's first section title: a line underlined with
/// `=`, `-`, `~` ... at least as long as it.
fn rst_title<'t>(source: &Source<'t>) -> Option<&'t str> {
    if !source.rst {
        return None;
    }
    let lines: Vec<&str> = source.text.lines().collect();
    lines.windows(2).find_map(|pair| {
        let (title, under) = (pair[0].trim_end(), pair[1].trim_end());
        let mark = under.bytes().next()?;
        (!title.trim().is_empty()
            && !title.starts_with(' ')
            && matches!(mark, b'=' | b'-' | b'~' | b'^' | b'*' | b'#')
            && under.bytes().all(|b| b == mark)
            && under.chars().count() >= title.chars().count())
        .then_some(title)
    })
}

/// Whether `path` is a reStructuredText page.
fn is_rst(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, extension)| extension.eq_ignore_ascii_case("rst"))
}

/// A table of either kind, read into a grid, with the line of each row.
struct Candidate {
    range: Range<usize>,
    closed: bool,
    grid: Grid,
    row_lines: Vec<usize>,
    /// What is malformed in it, at its line (reStructuredText tables).
    problems: Vec<(usize, String)>,
}

/// The raw text of a table's first row (its header, when it has one):
/// from the table's start to the end of its second `<tr`, or the table's end.
fn first_row<'t>(text: &'t str, span: &source::TableSpan) -> &'t str {
    let end = span.row_starts.get(1).copied().unwrap_or(span.range.end);
    &text[span.range.start..end.min(span.range.end)]
}

/// Every HTML table that may be a status table (the others are not parsed)
/// and every pipe table of the document, in page order, outside `examples`.
fn candidates(source: &Source<'_>, examples: &[Range<usize>]) -> Vec<Candidate> {
    if source.rst {
        return rst_table::find(source, examples)
            .into_iter()
            .map(|table| Candidate {
                range: table.range,
                closed: table.closed,
                grid: table.grid,
                row_lines: table.row_lines,
                problems: table.problems,
            })
            .collect();
    }
    let html = source.tables(examples);
    let mut html_ranges: Vec<_> = html.iter().map(|span| span.range.clone()).collect();
    html_ranges.extend(examples.iter().cloned());
    let mut candidates: Vec<Candidate> = html
        .into_iter()
        .filter(|span| status_table::may_be_status_table(first_row(source.text, span)))
        .map(|span| Candidate {
            grid: Grid::parse(&source.text[span.range.clone()]),
            row_lines: span
                .row_starts
                .iter()
                .map(|&at| source.line_of(at))
                .collect(),
            closed: span.closed,
            range: span.range,
            problems: Vec::new(),
        })
        .collect();
    candidates.extend(
        pipe_table::find(source, &html_ranges)
            .into_iter()
            .map(|pipe| Candidate {
                range: pipe.range,
                closed: true,
                grid: pipe.grid,
                row_lines: pipe.row_lines,
                problems: Vec::new(),
            }),
    );
    candidates.sort_by_key(|candidate| candidate.range.start);
    candidates
}

/// The text of the first `# ` heading, markup removed.
fn title(source: &Source<'_>) -> Option<String> {
    // A Markdown page's first `# ` heading, else an HTML page's `<title>`.
    let heading = source
        .text
        .lines()
        .find_map(|line| line.strip_prefix("# "))
        .or_else(|| rst_title(source))
        .or_else(|| {
            let start = source.text.find("<title>")? + "<title>".len();
            let end = start + source.text[start..].find("</title>")?;
            Some(&source.text[start..end])
        })?;
    let text: String = Html::parse_fragment(heading)
        .root_element()
        .text()
        .collect();
    let text = text::collapse_whitespace(&text);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings as the user sees them, for a page at `file`.
    fn shown(extraction: &Extraction, file: &str) -> Vec<String> {
        extraction
            .findings
            .iter()
            .map(|finding| finding.clone().in_file(file).to_string())
            .collect()
    }
    use crate::model::Group;

    const SEED: &str = include_str!("../../tests/fixtures/returned-values.md");

    fn rows(extraction: &Extraction) -> Vec<(u16, Option<&str>, &str, Option<Group>)> {
        extraction
            .document
            .rows()
            .map(|(table, row)| {
                (
                    row.code,
                    row.reason.as_deref(),
                    row.description.as_str(),
                    table.group,
                )
            })
            .collect()
    }

    #[test]
    fn reads_the_seventeen_rows_of_the_first_document() {
        let extraction = document("returned-values.md", SEED);
        assert_eq!(extraction.findings, []);
        assert_eq!(
            extraction.document.title.as_deref(),
            Some("Returned Values")
        );
        let got = rows(&extraction);
        let codes: Vec<u16> = got.iter().map(|row| row.0).collect();
        assert_eq!(
            codes,
            [
                200, 202, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504
            ]
        );
        for (code, _, _, group) in &got {
            let expected = if *code < 300 {
                Group::Normal
            } else {
                Group::Abnormal
            };
            assert_eq!(*group, Some(expected), "{code}");
        }
        let labels: Vec<_> = extraction
            .document
            .tables
            .iter()
            .map(|t| t.label.as_deref())
            .collect();
        assert_eq!(labels, [Some("Normal"), Some("Abnormal")]);
        assert_eq!(
            got[0],
            (
                200,
                None,
                "The task is successfully delivered.",
                Some(Group::Normal)
            )
        );
        assert_eq!(got[2].2, got[0].2, "200 and 204 share one description");
        assert_eq!(
            got[1].2,
            "After the task is successfully delivered, the task to be delivered shall be postponed because the system is busy."
        );
        assert_eq!(got[3].1, Some("Bad Request"));
        assert_eq!(got[3].2, "The server failed to process the request.");
        assert_eq!(got[10].1, Some("Request Timeout"));
        assert_eq!(
            got[16],
            (
                504,
                Some("Gateway Timeout"),
                "A gateway timeout error occurs.",
                Some(Group::Abnormal)
            )
        );
    }

    #[test]
    fn rows_carry_the_line_of_their_tr() {
        let extraction = document("returned-values.md", SEED);
        let [normal, abnormal] = extraction.document.tables.as_slice() else {
            panic!("two tables")
        };
        assert_eq!((normal.line, abnormal.line), (6, 33));
        assert_eq!(
            normal.rows.iter().map(|row| row.line).collect::<Vec<_>>(),
            [12, 17, 22]
        );
        for row in normal.rows.iter().chain(&abnormal.rows) {
            let line = SEED.lines().nth(row.line - 1).unwrap_or_default();
            assert!(
                line.contains("<tr") && line.contains(&format!(">{}", row.code)),
                "line {}: {line}",
                row.line
            );
        }
    }

    #[test]
    fn a_reason_column_gives_the_reason_and_the_prose_the_description() {
        let text = "<table><tr><th>Status Code</th><th>Description</th><th>Meaning</th></tr>\n\
                    <tr><td>200</td><td>OK</td><td>The request has succeeded.</td></tr>\n\
                    <tr><td>404 Not Found</td><td>NotFound</td><td>Gone.</td></tr></table>";
        let extraction = document("waf.md", text);
        assert_eq!(
            rows(&extraction),
            [
                (200, Some("OK"), "The request has succeeded.", None),
                (404, Some("Not Found"), "Gone.", None)
            ],
            "the phrase beside the code wins over the column's"
        );
    }

    #[test]
    fn a_qualifier_in_the_header_cell_is_the_group_when_no_label_is_above() {
        let text = "<table><tr><th>Normal Status Code</th><th>Description</th></tr><tr><td>200</td><td>OK</td></tr></table>\n\
                    <table><tr><th>Error Status Code</th><th>Description</th></tr><tr><td>400</td><td>Bad</td></tr></table>\n\
                    <table><tr><th>Normal/Error Status Code</th><th>Description</th></tr><tr><td>500</td><td>Oops</td></tr></table>\n";
        let extraction = document("ecs.md", text);
        let groups: Vec<_> = extraction
            .document
            .tables
            .iter()
            .map(|t| (t.group, t.label.as_deref()))
            .collect();
        assert_eq!(
            groups,
            [
                (Some(Group::Normal), Some("Normal Status Code")),
                (Some(Group::Abnormal), Some("Error Status Code")),
                (None, None)
            ]
        );
    }

    #[test]
    fn pipe_tables_are_read_with_their_lines_and_labels() {
        let text = "-   正常\n\n    |状态码|描述|\n    |--|--|\n    |201|Created|\n\n-   异常\n\n|返回值|说明|\n|--|--|\n|400 Bad Request|请求错误。|\n";
        let extraction = document("vpc.md", text);
        assert_eq!(
            rows(&extraction),
            [
                (201, None, "Created", Some(Group::Normal)),
                (
                    400,
                    Some("Bad Request"),
                    "请求错误。",
                    Some(Group::Abnormal)
                )
            ]
        );
        let lines: Vec<usize> = extraction
            .document
            .rows()
            .map(|(_, row)| row.line)
            .collect();
        assert_eq!(lines, [5, 11]);
    }

    #[test]
    fn classes_are_kept_as_classes_never_as_codes() {
        let text = "<table><tr><th>状态码</th><th>描述</th></tr>\n<tr><td>2xx</td><td>成功</td></tr>\n\
                    <tr><td>1 xx</td><td>继续</td></tr>\n<tr><td>200 OK</td><td>好</td></tr></table>";
        let extraction = document("obs.md", text);
        assert_eq!(extraction.findings, [], "a class is not a bad code cell");
        assert_eq!(rows(&extraction), [(200, Some("OK"), "好", None)]);
        let classes: Vec<(usize, u8, &str)> = extraction.document.tables[0]
            .classes
            .iter()
            .map(|c| (c.line, c.class, c.description.as_str()))
            .collect();
        assert_eq!(classes, [(2, 2, "成功"), (3, 1, "继续")]);
    }

    #[test]
    fn the_same_code_twice_keeps_both_rows() {
        let text = "<table><tr><th>Status Code</th><th>Description</th></tr>\n<tr><td>400</td><td>Bad size.</td></tr>\n\
                    <tr><td>400</td><td>Bad name.</td></tr>\n<tr><td>202 Created</td><td>x</td></tr>\n\
                    <tr><td>202 Accepted</td><td>y</td></tr></table>";
        let extraction = document("sfs.md", text);
        let got: Vec<(u16, Option<&str>, &str)> = rows(&extraction)
            .into_iter()
            .map(|(c, r, d, _)| (c, r, d))
            .collect();
        assert_eq!(
            got,
            [
                (400, None, "Bad size."),
                (400, None, "Bad name."),
                (202, Some("Created"), "x"),
                (202, Some("Accepted"), "y")
            ]
        );
    }

    #[test]
    fn a_status_line_before_a_response_body_is_not_a_status_table() {
        let text = "## 响应参数\n\n**状态码： 200**\n\n**表 4** 响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n\
                    |port_mirroring|Object|镜像会话。|\n\n## 状态码\n\n|状态码|描述|\n|--|--|\n|201|Created|\n";
        let extraction = document("vpc.md", text);
        assert_eq!(
            rows(&extraction),
            [(201, None, "Created", None)],
            "only the status table, not the body or the bold line"
        );
    }

    #[test]
    fn non_status_tables_are_skipped() {
        let text = "# Request\n<table><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>\
                    <tbody><tr><td>limit</td><td>Integer</td><td>200 at most.</td></tr></tbody></table>\n\n\
                    <table><tr><th>Status Code</th><th>Description</th></tr><tr><td>201</td><td>Created.</td></tr></table>\n";
        let extraction = document("op.md", text);
        assert_eq!(extraction.document.tables.len(), 1);
        assert_eq!(rows(&extraction), [(201, None, "Created.", None)]);
        assert_eq!(extraction.findings, []);
    }

    #[test]
    fn a_document_without_status_tables_is_a_warning_naming_it() {
        let extraction = document("guide/intro.md", "# Intro\n\nNo tables here.\n");
        assert!(extraction.document.tables.is_empty());
        let [warning] = shown(&extraction, "guide/intro.md")
            .try_into()
            .expect("one warning");
        assert!(
            warning.starts_with("guide/intro.md: warning: no status table found"),
            "{warning}"
        );
    }

    #[test]
    fn a_cell_that_is_not_a_code_is_a_warning_at_its_line() {
        let text = "<table><tr><th>Status Code</th><th>Description</th></tr>\n<tr><td>200</td><td>OK.</td></tr>\n\
                    <tr><td>20O</td><td>Typo.</td></tr>\n<tr><td>404</td><td>Gone.</td></tr></table>";
        let extraction = document("op.md", text);
        assert_eq!(
            rows(&extraction).iter().map(|r| r.0).collect::<Vec<_>>(),
            [200, 404]
        );
        let messages = shown(&extraction, "op.md");
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0]
                .starts_with("op.md:3: warning: row skipped: `20O` is not an HTTP status code"),
            "{messages:?}"
        );
    }

    #[test]
    fn an_unclosed_table_is_read_and_reported() {
        let text = "-   Normal\n\n    <table><tr><th>Returned Value</th><th>Description</th></tr>\n    <tr><td>202</td><td>Queued.";
        let extraction = document("cut.md", text);
        assert_eq!(
            rows(&extraction),
            [(202, None, "Queued.", Some(Group::Normal))]
        );
        assert!(
            shown(&extraction, "cut.md")[0]
                .starts_with("cut.md:3: warning: this <table> is never closed")
        );
    }

    #[test]
    fn markup_inside_description_cells_becomes_plain_text() {
        let text = "<table><thead><tr><th><p><strong>Status Code</strong></p></th><th><p>Description</p></th></tr></thead>\n\
                    <tr><td><p>403 Forbidden</p></td><td><p>Non existent URI</p><p>Resource&nbsp;not   <em>found</em>, see \
                    <a href=\"x\">here</a>.</p><ul><li>a</li><li>b</li></ul></td></tr></table>";
        let extraction = document("op.md", text);
        assert_eq!(
            rows(&extraction),
            [(
                403,
                Some("Forbidden"),
                "Non existent URI Resource not found, see here. a b",
                None
            )]
        );
    }

    const STATUS_TABLE: &str = "<table><tr><th>Status Code</th><th>Description</th></tr>\n\
                                <tr><td>418</td><td>Example.</td></tr></table>";

    fn codes(extraction: &Extraction) -> Vec<u16> {
        extraction
            .document
            .rows()
            .map(|(_, row)| row.code)
            .collect()
    }

    #[test]
    fn a_status_table_in_a_fenced_code_block_is_an_example() {
        for fence in ["```html", "```", "~~~"] {
            let close = &fence[..3];
            let text = format!("# Page\n\n{fence}\n{STATUS_TABLE}\n{close}\n");
            let extraction = document("p.md", &text);
            assert!(codes(&extraction).is_empty(), "{fence}");
            assert!(
                shown(&extraction, "p.md")[0].starts_with(
                    "p.md:3: warning: skipped: this status table is inside a fenced code block"
                ),
                "{:?}",
                extraction.findings
            );
        }
    }

    #[test]
    fn a_table_after_an_example_with_an_unclosed_table_is_still_read() {
        let real = STATUS_TABLE.replace("418", "202");
        let text = format!("```\n<table><tr><th>Status Code</th>\n```\n\n{real}\n");
        assert_eq!(codes(&document("p.md", &text)), [202]);
    }

    #[test]
    fn a_status_table_in_a_script_is_an_example() {
        let text = format!("<script type=\"text/template\">\n{STATUS_TABLE}\n</script>\n");
        assert!(codes(&document("p.md", &text)).is_empty());
    }

    #[test]
    fn a_status_table_in_an_html_comment_is_still_skipped() {
        let text = format!("<!--\n{STATUS_TABLE}\n-->\n");
        assert!(codes(&document("p.md", &text)).is_empty());
    }

    #[test]
    fn bare_codes_and_pipe_tables_in_a_fence_are_examples() {
        let text = "```\n-   Normal\n\n    200\n\n|状态码|描述|\n|--|--|\n|418|x|\n```\n";
        assert!(codes(&document("p.md", text)).is_empty());
        let outside = text.replace("```\n", "");
        assert_eq!(codes(&document("p.md", &outside)), [200, 418]);
    }
}
