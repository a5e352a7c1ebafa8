//! What the documents say, as extraction reads it and emission writes it out.

use std::fmt;

/// One document from the spec directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Path relative to the spec directory, with `/` separators.
    pub path: String,
    /// The page's first heading, markup removed.
    pub title: Option<String>,
    /// The operations it documents, as its `URI` section states them, in
    /// page order; empty for a page that states none.
    pub operations: Vec<StatedOperation>,
    /// Its status tables, in page order.
    pub tables: Vec<Table>,
}

/// An operation a page documents: `POST /v3/groups`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatedOperation {
    /// 1-based line where the page states it.
    pub line: usize,
    /// The method, upper case (`POST`).
    pub method: String,
    /// The path template as written, escapes removed and without a query
    /// string (`/v3/groups/{group_id}`).
    pub path: String,
}

impl fmt::Display for StatedOperation {
    /// `POST /v3/groups`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// One status table of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// 1-based line of the table's opening tag (of the label, for bare codes).
    pub line: usize,
    /// The label the table sits under, as the page writes it (`Normal`).
    pub label: Option<String>,
    /// The label, normalised.
    pub group: Option<Group>,
    /// Rows in page order.
    pub rows: Vec<Row>,
    /// Whether the codes are written as text under the label (`-   Normal`
    /// then `200`) rather than in a table.
    pub bare: bool,
    /// Rows for a class of codes (`2xx`), in page order: what the page says
    /// of a class, which is not a code and gets no `Status`.
    pub classes: Vec<ClassRow>,
}

/// A status table's row for a class of codes: `2xx | Success`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassRow {
    /// 1-based line of the row's `<tr>`.
    pub line: usize,
    /// The class's first digit: 2 for `2xx`.
    pub class: u8,
    /// The phrase written after the class, if any.
    pub reason: Option<String>,
    /// The description as plain text.
    pub description: String,
}

/// One row of a status table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the row's `<tr>`.
    pub line: usize,
    /// The HTTP status code, in 100..=599.
    pub code: u16,
    /// The reason phrase as the page writes it beside the code (`Bad Request`).
    pub reason: Option<String>,
    /// The description as plain text, whitespace collapsed.
    pub description: String,
}

/// Whether a document lists a code as a normal or an abnormal outcome:
/// the runtime's own type, which the generated module names too.
pub use http_returns::Group;

impl Page {
    /// Every row of every table, with the table it belongs to.
    pub fn rows(&self) -> impl Iterator<Item = (&Table, &Row)> {
        self.tables
            .iter()
            .flat_map(|table| table.rows.iter().map(move |row| (table, row)))
    }
}
