//! reStructuredText tables, read into the same [`Grid`] as HTML and pipe
//! tables: grid tables (`+----+----+`, header closed by `+====+`) and
//! simple tables (`====  ====`). A cell's lines are joined with spaces and
//! its inline markup is removed ([`inline_text`]).
//!
//! The directives `.. list-table::` (`* - cell` rows) and `.. csv-table::`
//! (`:header:` and comma-separated rows) are read too. In grid tables, a
//! cell merged across rows gives its text to each row it spans.

use super::grid::{Grid, GridRow};
use super::source::Source;
use super::text::collapse_whitespace;

/// One table of either kind.
pub struct RstTable {
    /// From its top border's line start to its bottom border's end.
    pub range: std::ops::Range<usize>,
    /// The header row, then the body rows.
    pub grid: Grid,
    /// The 1-based line each grid row starts on.
    pub row_lines: Vec<usize>,
    /// Whether the table ends with a bottom border.
    pub closed: bool,
    /// What is malformed in it, at its 1-based line: the table is still
    /// read as far as it can be.
    pub problems: Vec<(usize, String)>,
}

/// Every grid and simple table of `source` outside the byte ranges in
/// `skip` (literal blocks), in page order.
pub fn find(source: &Source<'_>, skip: &[std::ops::Range<usize>]) -> Vec<RstTable> {
    let lines: Vec<(usize, &str)> = source.lines().collect();
    let mut tables = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let (offset, line) = lines[at];
        if skip.iter().any(|range| range.contains(&offset)) {
            at += 1;
            continue;
        }
        let directive = line.trim_start();
        let read = if directive.starts_with(".. list-table::") {
            list_table(source, &lines, at)
        } else if directive.starts_with(".. csv-table::") {
            csv_table(source, &lines, at)
        } else if is_grid_border(line) {
            grid_table(source, &lines, at)
        } else if is_simple_border(line)
            && lines.get(at + 1).is_some_and(|(_, l)| !l.trim().is_empty())
        {
            simple_table(source, &lines, at)
        } else {
            None
        };
        match read {
            Some((table, next)) => {
                tables.push(table);
                at = next;
            }
            None => at += 1,
        }
    }
    tables
}

/// `+---+---+` or `+===+===+`, indented or not.
fn is_grid_border(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.len() >= 3
        && trimmed.starts_with('+')
        && trimmed.ends_with('+')
        && trimmed.bytes().all(|b| matches!(b, b'+' | b'-' | b'='))
        && trimmed.bytes().any(|b| b != b'+')
}

/// `====  =====`: runs of `=` separated by spaces, at least two columns.
fn is_simple_border(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty()
        && trimmed.bytes().all(|b| matches!(b, b'=' | b' '))
        && trimmed.split_whitespace().count() >= 2
}

/// A line laid out in display columns, as docutils counts them: East Asian
/// wide and fullwidth characters take two columns, combining marks none,
/// every other character one. An editor that aligns a table's borders
/// around Chinese text aligns them by these columns.
struct Laid {
    chars: Vec<char>,
    /// The column each character starts at; never decreasing.
    starts: Vec<usize>,
    /// The line's width in columns.
    width: usize,
}

impl Laid {
    fn new(line: &str) -> Laid {
        let mut chars = Vec::with_capacity(line.len());
        let mut starts = Vec::with_capacity(line.len());
        let mut column = 0;
        for c in line.trim_end().chars() {
            chars.push(c);
            starts.push(column);
            column += unicode_width::UnicodeWidthChar::width(c).unwrap_or(1);
        }
        Laid {
            chars,
            starts,
            width: column,
        }
    }

    /// The index of the first character that starts at or after `column`.
    fn index(&self, column: usize) -> usize {
        self.starts.partition_point(|&start| start < column)
    }

    /// The character that starts at `column`, if one does.
    fn at(&self, column: usize) -> Option<char> {
        let i = self.index(column);
        (self.starts.get(i) == Some(&column)).then(|| self.chars[i])
    }

    /// The characters that start in `from..to`.
    fn text(&self, from: usize, to: usize) -> &[char] {
        let (i, j) = (self.index(from), self.index(to));
        &self.chars[i..j.max(i)]
    }

    /// The column of the last `|` on the line.
    fn last_bar(&self) -> Option<usize> {
        let i = self.chars.iter().rposition(|&c| c == '|')?;
        Some(self.starts[i])
    }
}

/// The grid table whose top border is line `top`, and the line after it.
///
/// Each column is read apart: a line separates a column where its stretch
/// between two borders is all `-` (or `=`, under the header), so a cell
/// merged across rows (no separator in its column) keeps its text for every
/// row it spans, as HTML's `rowspan` is read. A cell merged across columns
/// (no `|` at an inner border) keeps its text in its first column. Borders
/// are found by display column ([`Laid`]).
fn grid_table(
    source: &Source<'_>,
    lines: &[(usize, &str)],
    top: usize,
) -> Option<(RstTable, usize)> {
    let (start, border) = lines[top];
    let indent = border.len() - border.trim_start().len();
    let top_border = Laid::new(border);
    let borders: Vec<usize> = top_border
        .chars
        .iter()
        .zip(&top_border.starts)
        .filter(|&(&c, _)| c == '+')
        .map(|(_, &column)| column)
        .collect();
    let columns = borders.len().saturating_sub(1);
    if columns == 0 {
        return None;
    }
    let mut cells = GridCells::new(columns, top);
    let mut at = top + 1;
    while let Some(&(_, line)) = lines.get(at) {
        let body = line.get(indent..).unwrap_or("");
        if line.len() < indent || !(body.starts_with('|') || body.starts_with('+')) {
            break;
        }
        cells.line(line, at, &borders, top_border.width, lines.len());
        at += 1;
    }
    let rows = cells.finish();
    let grid = cells.grid(rows);
    if grid.rows.is_empty() {
        return None;
    }
    Some(finished(
        source,
        lines,
        (start, at),
        grid,
        cells.row_lines,
        cells.closed,
        cells.problems,
    ))
}

/// A grid table's cells as its lines are read: per column, the text of
/// its open cell and the row it opened on, and its finished cells as
/// (first row, last row, text), in row order.
struct GridCells {
    open: Vec<Vec<String>>,
    open_from: Vec<usize>,
    finished: Vec<Vec<(usize, usize, String)>>,
    /// The row being read.
    row: usize,
    /// The line each row starts on.
    row_lines: Vec<usize>,
    /// The rows above the `===` separator, if there is one.
    header_rows: Option<usize>,
    /// Whether the last line read is a whole border.
    closed: bool,
    problems: Vec<(usize, String)>,
}

impl GridCells {
    fn new(columns: usize, top: usize) -> GridCells {
        GridCells {
            open: vec![Vec::new(); columns],
            open_from: vec![0; columns],
            finished: vec![Vec::new(); columns],
            row: 0,
            row_lines: vec![top + 2],
            header_rows: None,
            closed: false,
            problems: Vec::new(),
        }
    }

    /// Reads `line`, the table's line at index `at` of `total`.
    fn line(&mut self, line: &str, at: usize, borders: &[usize], width: usize, total: usize) {
        let columns = self.open.len();
        let laid = Laid::new(line);
        let stretch = |j: usize| laid.text(borders[j] + 1, borders[j + 1]);
        let separates = |j: usize| {
            let part = stretch(j);
            !part.is_empty() && (part.iter().all(|&c| c == '-') || part.iter().all(|&c| c == '='))
        };
        let separated: Vec<bool> = (0..columns).map(separates).collect();
        if !separated.iter().any(|&s| s) {
            self.closed = false;
            self.check(line, &laid, at, width);
            for (j, piece) in pieces_by_column(&laid, borders).into_iter().enumerate() {
                self.open[j].push(piece);
            }
            return;
        }
        for (j, &separates) in separated.iter().enumerate() {
            if separates {
                self.close_cell(j);
            } else {
                self.open[j].push(stretch(j).iter().collect::<String>().trim_end().to_owned());
            }
        }
        if self.header_rows.is_none() && laid.chars.contains(&'=') {
            self.header_rows = Some(self.row + 1);
        }
        self.closed = separated.iter().all(|&s| s);
        self.row += 1;
        // The next row starts on the next line, which the page may lack.
        self.row_lines.push((at + 2).min(total));
    }

    /// Notes a tab, or a row out of line with the top border.
    fn check(&mut self, line: &str, laid: &Laid, at: usize, width: usize) {
        if line.contains('\t') {
            self.problems.push((
                at + 1,
                "a tab in a grid table: reStructuredText reads it as spaces \
                up to the next multiple of 8 columns, so the borders may not line up; use spaces"
                    .to_owned(),
            ));
        } else if laid.width != width {
            self.problems.push((at + 1, format!(
                "ragged border: this row ends at column {}, the table's top border at column {} \
                 (wide characters such as Chinese count two columns, as docutils counts them); \
                 the row was read by the borders it has",
                laid.width,
                width
            )));
        }
    }

    /// Closes column `j`'s open cell at the current row.
    fn close_cell(&mut self, j: usize) {
        let text = inline_text(&std::mem::take(&mut self.open[j]).join("\n"));
        self.finished[j].push((self.open_from[j], self.row, text));
        self.open_from[j] = self.row + 1;
    }

    /// How many rows there are: a table cut off before its bottom border
    /// keeps the rows it has.
    fn finish(&mut self) -> usize {
        let mut rows = self.row;
        if !self.closed
            && self
                .open
                .iter()
                .any(|parts| parts.iter().any(|p| !p.is_empty()))
        {
            for j in 0..self.open.len() {
                self.close_cell(j);
            }
            rows += 1;
        }
        self.row_lines.truncate(rows);
        rows
    }

    /// The grid of `rows` rows, each cell's text in each row it spans.
    fn grid(&self, rows: usize) -> Grid {
        // Each column's cells are in row order: one pass over the rows, a
        // cursor per column, keeps a table of N rows linear in N.
        let mut cursors = vec![0usize; self.finished.len()];
        let mut grid = Grid::default();
        for r in 0..rows {
            let cells = self
                .finished
                .iter()
                .zip(&mut cursors)
                .map(|(cells, cursor)| {
                    while cells.get(*cursor).is_some_and(|&(_, to, _)| to < r) {
                        *cursor += 1;
                    }
                    match cells.get(*cursor) {
                        Some((from, _, text)) if *from <= r => text.clone(),
                        _ => String::new(),
                    }
                })
                .collect();
            grid.rows.push(GridRow {
                index: r,
                // Without a header separator, the first row is still the header.
                header: r < self.header_rows.unwrap_or(1),
                cells,
            });
        }
        grid
    }
}

/// A content line's text per column: between the `|` at column borders
/// (display columns), a cell merged across columns in its first column;
/// a line whose right border is out of place (ragged) ends at its last `|`.
fn pieces_by_column(laid: &Laid, borders: &[usize]) -> Vec<String> {
    let columns = borders.len() - 1;
    let mut pieces = vec![String::new(); columns];
    let mut j = 0;
    while j < columns {
        // The cell runs to the next border that has a `|`.
        let mut k = j + 1;
        while k < columns && laid.at(borders[k]) != Some('|') {
            k += 1;
        }
        let from = borders[j] + 1;
        let mut to = borders[k];
        if k == columns && laid.at(borders[k]) != Some('|') {
            // Ragged right border: up to the line's last `|`.
            to = laid
                .last_bar()
                .filter(|&bar| bar >= from)
                .unwrap_or(laid.width);
        }
        // Leading spaces stay: they tell a directive's content apart.
        pieces[j] = laid
            .text(from, to.max(from))
            .iter()
            .collect::<String>()
            .trim_end()
            .to_owned();
        j = k;
    }
    pieces
}

/// The table that starts at byte `start` and whose last line is just
/// before line index `next`, with `next`, the line to go on from.
fn finished(
    source: &Source<'_>,
    lines: &[(usize, &str)],
    (start, next): (usize, usize),
    grid: Grid,
    row_lines: Vec<usize>,
    closed: bool,
    problems: Vec<(usize, String)>,
) -> (RstTable, usize) {
    let end = lines
        .get(next.saturating_sub(1))
        .map_or(source.text.len(), |&(offset, l)| offset + l.len());
    let table = RstTable {
        range: start..end,
        grid,
        row_lines,
        closed,
        problems,
    };
    (table, next)
}

/// The simple table whose top border is line `top`, and the line after it.
fn simple_table(
    source: &Source<'_>,
    lines: &[(usize, &str)],
    top: usize,
) -> Option<(RstTable, usize)> {
    let (start, border) = lines[top];
    // Each column is a run of `=`: where it starts and ends (the border is
    // ASCII: its byte offsets are its display columns). Between two runs is
    // a margin, which text must leave blank.
    let mut columns: Vec<(usize, usize)> = Vec::new();
    let mut previous = b' ';
    for (at, b) in border.bytes().enumerate() {
        if b == b'=' && previous == b' ' {
            columns.push((at, at));
        }
        if b == b'=' {
            if let Some(column) = columns.last_mut() {
                column.1 = at + 1;
            }
        }
        previous = b;
    }
    let mut grid = Grid::default();
    let mut row_lines = Vec::new();
    let mut borders_seen = 1;
    let mut at = top + 1;
    let mut closed = false;
    let mut problems = Vec::new();
    while let Some(&(_, line)) = lines.get(at) {
        if is_simple_border(line) {
            borders_seen += 1;
            at += 1;
            // The third border closes the table (top, under the header, bottom).
            if borders_seen == 3 {
                closed = true;
                break;
            }
            continue;
        }
        if line.trim().is_empty() {
            // Blank lines may stand inside the body; two borders so far means
            // the table is open until its bottom border.
            if borders_seen < 2 {
                break;
            }
            at += 1;
            continue;
        }
        let laid = Laid::new(line);
        let (starts, problem) = simple_row_starts(&laid, &columns);
        if let Some(problem) = problem {
            problems.push((at + 1, problem));
        }
        let cells: Vec<String> = starts
            .iter()
            .enumerate()
            .map(|(i, &from)| {
                let to = starts.get(i + 1).copied().unwrap_or(usize::MAX);
                inline_text(&laid.text(from, to).iter().collect::<String>())
            })
            .collect();
        grid.rows.push(GridRow {
            index: grid.rows.len(),
            header: borders_seen == 1,
            cells,
        });
        row_lines.push(at + 1);
        at += 1;
    }
    if grid.rows.is_empty() || borders_seen < 2 {
        return None;
    }
    Some(finished(
        source,
        lines,
        (start, at),
        grid,
        row_lines,
        closed,
        problems,
    ))
}

/// Where each cell of a simple table's row starts, in display columns: at
/// its column's start, unless a word of the row stands in the margin
/// before that column. docutils stops there ("Text in column margin"); the
/// author meant the word to open the next cell (`401    Invalid auth...`,
/// with `Invalid` begun under the code column), so that cell starts at the
/// word, and the row is reported. Where the word fills its own column from
/// its start, there is no other reading: the cells are cut at the columns.
fn simple_row_starts(laid: &Laid, columns: &[(usize, usize)]) -> (Vec<usize>, Option<String>) {
    let mut starts: Vec<usize> = columns.iter().map(|&(from, _)| from).collect();
    let mut problem = None;
    for i in 1..columns.len() {
        let (own_start, own_end) = columns[i - 1];
        let next = columns[i].0;
        let margin = laid.text(own_end, next);
        let Some(offset) = margin.iter().position(|c| !c.is_whitespace()) else {
            continue;
        };
        // The word that reaches the margin starts after the last blank before it.
        let first = laid.index(own_end) + offset;
        let word = laid.chars[..first]
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(0, |blank| blank + 1);
        let word_start = laid.starts[word];
        let text: String = laid.chars[word..]
            .iter()
            .take_while(|c| !c.is_whitespace())
            .collect();
        let moved = word_start > starts[i - 1].max(own_start);
        if moved {
            starts[i] = word_start;
        }
        problem.get_or_insert_with(|| {
            format!(
                "text in column margin: `{text}` runs from column {} of the table into the gap before \
                 column {}, where docutils stops with an error; {}: align it with the border's columns",
                i,
                i + 1,
                if moved {
                    format!("read as the start of column {}", i + 1)
                } else {
                    "the cells were cut at the border's columns".to_owned()
                }
            )
        });
    }
    (starts, problem)
}

/// A line's indentation, in bytes of leading whitespace.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Where the block that starts at line index `from`, indented deeper than
/// `own`, ends: the index just past its last non-blank line (`from` when it
/// has none). Directive bodies and literal blocks are such blocks.
pub fn indented_block_end(lines: &[(usize, &str)], from: usize, own: usize) -> usize {
    let mut end = from;
    for (index, &(_, line)) in lines.iter().enumerate().skip(from) {
        if line.trim().is_empty() {
            continue;
        }
        if indent(line) <= own {
            break;
        }
        end = index + 1;
    }
    end
}

/// A directive's options (`:header-rows: 1`), the line index of its
/// content's first line, and the index just past its content.
fn directive_body<'t>(
    lines: &[(usize, &'t str)],
    at: usize,
) -> (Vec<(&'t str, &'t str)>, usize, usize) {
    let mut options = Vec::new();
    let mut next = at + 1;
    while let Some(&(_, line)) = lines.get(next) {
        let Some(option) = line.trim().strip_prefix(':') else {
            break;
        };
        if let Some((name, value)) = option.split_once(':') {
            options.push((name.trim(), value.trim()));
        }
        next += 1;
    }
    let end = indented_block_end(lines, next, indent(lines[at].1));
    (options, next, end)
}

/// `.. list-table::`: rows of `* - cell` and `  - cell`, each cell's later
/// lines indented under it; `:header-rows:` says how many are the header.
fn list_table(
    source: &Source<'_>,
    lines: &[(usize, &str)],
    at: usize,
) -> Option<(RstTable, usize)> {
    let (options, content, end) = directive_body(lines, at);
    let header_rows: usize = options
        .iter()
        .find(|(name, _)| *name == "header-rows")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let mut rows: Vec<(usize, Vec<Vec<String>>)> = Vec::new();
    for (index, &(_, line)) in lines.iter().enumerate().take(end).skip(content) {
        let trimmed = line.trim_start();
        if let Some(cell) = trimmed
            .strip_prefix("* - ")
            .or_else(|| (trimmed == "* -").then_some(""))
        {
            rows.push((index + 1, vec![vec![cell.to_owned()]]));
        } else if let Some(cell) = trimmed
            .strip_prefix("- ")
            .or_else(|| (trimmed == "-").then_some(""))
        {
            if let Some((_, cells)) = rows.last_mut() {
                cells.push(vec![cell.to_owned()]);
            }
        } else if let Some(cell) = rows.last_mut().and_then(|(_, cells)| cells.last_mut()) {
            cell.push(trimmed.to_owned());
        }
    }
    let mut grid = Grid::default();
    let mut row_lines = Vec::new();
    for (i, (line, cells)) in rows.into_iter().enumerate() {
        grid.rows.push(GridRow {
            index: i,
            // Without `:header-rows:`, the first row is still read as the header.
            header: i < header_rows.max(1),
            cells: cells
                .iter()
                .map(|parts| inline_text(&parts.join("\n")))
                .collect(),
        });
        row_lines.push(line);
    }
    if grid.rows.is_empty() {
        return None;
    }
    Some(finished(
        source,
        lines,
        (lines[at].0, end),
        grid,
        row_lines,
        true,
        Vec::new(),
    ))
}

/// `.. csv-table::`: an optional `:header:` and comma-separated rows, a cell
/// in double quotes where it holds a comma (`""` is a quote).
fn csv_table(source: &Source<'_>, lines: &[(usize, &str)], at: usize) -> Option<(RstTable, usize)> {
    let (options, content, end) = directive_body(lines, at);
    let mut grid = Grid::default();
    let mut row_lines = Vec::new();
    if let Some((_, header)) = options.iter().find(|(name, _)| *name == "header") {
        grid.rows.push(GridRow {
            index: 0,
            header: true,
            cells: csv_cells(header),
        });
        row_lines.push(at + 1);
    }
    for (index, &(_, line)) in lines.iter().enumerate().take(end).skip(content) {
        if line.trim().is_empty() {
            continue;
        }
        let header = grid.rows.is_empty();
        grid.rows.push(GridRow {
            index: grid.rows.len(),
            header,
            cells: csv_cells(line.trim()),
        });
        row_lines.push(index + 1);
    }
    if grid.rows.is_empty() {
        return None;
    }
    Some(finished(
        source,
        lines,
        (lines[at].0, end),
        grid,
        row_lines,
        true,
        Vec::new(),
    ))
}

/// One CSV line's cells, unquoted, their inline markup removed.
fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(inline_text(&std::mem::take(&mut cell))),
            _ => cell.push(c),
        }
    }
    cells.push(inline_text(&cell));
    cells
}

/// A cell's text as the page shows it: roles give their title
/// (``:ref:`Error Codes <x>` `` → `Error Codes`), emphasis and literals
/// their text, escapes their character, explicit markup what docutils
/// renders of it ([`explicit_markup`]); whitespace collapsed.
pub fn inline_text(text: &str) -> String {
    let text = explicit_markup(text);
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_ref();
    while let Some(c) = rest.chars().next() {
        if c == ':' {
            if let Some((shown, after)) = role(rest) {
                out.push_str(&shown);
                rest = after;
                continue;
            }
        }
        match c {
            '\\' => {
                // `\ ` is nothing; `\*` is `*`.
                let mut chars = rest.chars();
                chars.next();
                match chars.next() {
                    Some(' ') | None => {}
                    Some(escaped) => out.push(escaped),
                }
                rest = chars.as_str();
            }
            '*' | '`' => rest = &rest[1..],
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    collapse_whitespace(&out)
}

/// The admonitions docutils renders with their name as a title.
const ADMONITIONS: &[&str] = &[
    "attention",
    "caution",
    "danger",
    "error",
    "hint",
    "important",
    "note",
    "tip",
    "warning",
];

/// What an explicit-markup line (`..` at the start) is.
pub(super) enum Explicit<'t> {
    /// `.. name:: argument`.
    Directive {
        /// The directive's name.
        name: &'t str,
        /// What follows `::` on its line.
        argument: &'t str,
    },
    /// `.. _name:`, `.. [1]`, `.. |name|`: a target, footnote, citation or
    /// substitution.
    Target,
    /// Anything else after `..`: a comment.
    Comment,
}

/// What the line `trimmed` (without its indentation) is, if it is explicit
/// markup: `..` followed by whitespace or nothing.
pub(super) fn explicit(trimmed: &str) -> Option<Explicit<'_>> {
    let rest = trimmed
        .strip_prefix("..")
        .filter(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))?
        .trim();
    if let Some((name, argument)) = rest.split_once("::") {
        let is_name = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_+:.".contains(c));
        if is_name {
            return Some(Explicit::Directive {
                name,
                argument: argument.trim(),
            });
        }
    }
    Some(if rest.starts_with(['_', '[', '|']) {
        Explicit::Target
    } else {
        Explicit::Comment
    })
}

/// Explicit markup in a cell's lines (`.. name::`), as docutils renders
/// it: an admonition (`.. note::`) shows its title (`Note`) and then its
/// text, `.. admonition:: Title` its title; any other directive shows its
/// content, without its marker line and options; a comment (`..` and text
/// that is no directive) and its indented block show nothing, nor do
/// targets (`.. _name:`). Text without `..` is returned as it is.
fn explicit_markup(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("..") {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let own = indent(line);
        let trimmed = line.trim_start();
        let Some(markup) = explicit(trimmed) else {
            out.push(line.to_owned());
            at += 1;
            continue;
        };
        at += 1;
        match markup {
            Explicit::Directive { name, argument } => {
                let name = name.to_ascii_lowercase();
                if ADMONITIONS.contains(&name.as_str()) {
                    let mut title = name.clone();
                    title[..1].make_ascii_uppercase();
                    out.push(format!("{title} {argument}"));
                } else if name == "admonition" {
                    out.push(argument.to_owned());
                }
                // The directive's options, then its content, which stays.
                while lines
                    .get(at)
                    .is_some_and(|next| indent(next) > own && next.trim_start().starts_with(':'))
                {
                    at += 1;
                }
            }
            // A target or a footnote shows nothing.
            Explicit::Target => {}
            // A comment shows nothing, nor does its block.
            Explicit::Comment => {
                while lines
                    .get(at)
                    .is_some_and(|next| next.trim().is_empty() || indent(next) > own)
                {
                    at += 1;
                }
            }
        }
    }
    std::borrow::Cow::Owned(out.join("\n"))
}

/// ``:name:`text` `` at the start of `text`: what it shows (the title
/// before ` <target>`), and the text after it.
fn role(text: &str) -> Option<(String, &str)> {
    let name_end = text[1..].find(':')? + 1;
    let name = &text[1..name_end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    let body = text[name_end + 1..].strip_prefix('`')?;
    let close = body.find('`')?;
    let inner = &body[..close];
    let shown = match inner.rfind(" <") {
        Some(at) if inner.ends_with('>') => &inner[..at],
        _ => inner,
    };
    Some((shown.trim().to_owned(), &body[close + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_tables_with_multi_line_cells() {
        let text = "-  Abnormal\n\n   +-----------------+----------------+\n   | Returned Value  | Description    |\n   +=================+================+\n   | 400 Bad Request | The server     |\n   |                 | failed.        |\n   +-----------------+----------------+\n   | 404             | See :ref:`Error Codes <x>`. |\n   +-----------------+----------------+\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(tables.len(), 1);
        assert_eq!(
            tables[0].grid.texts(),
            [
                vec!["Returned Value", "Description"],
                vec!["400 Bad Request", "The server failed."],
                vec!["404", "See Error Codes."]
            ]
        );
        assert!(tables[0].grid.rows[0].header && !tables[0].grid.rows[1].header);
        assert_eq!(tables[0].row_lines, [4, 6, 9]);
        assert!(tables[0].closed);
    }

    #[test]
    fn simple_tables_under_a_table_directive() {
        let text = ".. table:: **Table 3** Status codes\n\n   =========== ===========\n   Status Code Description\n   =========== ===========\n   200         **OK**\n   1\\ *xx*     Informational\n   =========== ===========\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(tables.len(), 1);
        assert_eq!(
            tables[0].grid.texts(),
            [
                vec!["Status Code", "Description"],
                vec!["200", "OK"],
                vec!["1xx", "Informational"]
            ]
        );
        assert_eq!(tables[0].row_lines, [4, 6, 7]);
    }

    #[test]
    fn simple_table_columns_count_display_columns() {
        // Each Chinese character takes two columns: `描述成功` fills the
        // first column's eight. Cut by bytes, both cells were lost.
        let text =
            "========  ====\n描述成功  Code\n========  ====\n成功成功  200\n========  ====\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(
            tables[0].grid.texts(),
            [vec!["描述成功", "Code"], vec!["成功成功", "200"]]
        );
        assert!(tables[0].problems.is_empty(), "{:?}", tables[0].problems);
    }

    #[test]
    fn text_in_a_simple_tables_margin_opens_the_next_cell_and_is_reported() {
        // `Invalid` begins under the code column and runs into the margin:
        // cut at the border it read `401    Inval` | `id authentication ...`.
        let text = "=========  ==========\nStatus     Description\n=========  ==========\n400        Invalid request.\n401    Invalid authentication information.\n=========  ==========\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(
            tables[0].grid.texts()[2],
            ["401", "Invalid authentication information."]
        );
        let [(line, message)] = tables[0].problems.as_slice() else {
            panic!("{:?}", tables[0].problems)
        };
        assert_eq!(*line, 5);
        assert!(
            message.starts_with("text in column margin: `Invalid` runs from column 1")
                && message.contains("read as the start of column 2"),
            "{message}"
        );
        // A word that fills its column from the start has no other reading.
        let text = "====  ====\nCode  Text\n====  ====\n200OK fine\n====  ====\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(tables[0].grid.texts()[1], ["200OK", "fine"]);
        assert!(
            tables[0].problems[0]
                .1
                .contains("cut at the border's columns")
        );
    }
    #[test]
    fn a_grid_table_cut_off_keeps_its_rows() {
        let text = "+------+------+\n| Code | Text |\n+======+======+\n| 200  | OK   |\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(tables[0].grid.texts()[1], ["200", "OK"]);
        assert!(!tables[0].closed);
    }

    #[test]
    fn ragged_borders_and_tabs_are_problems_at_their_lines() {
        let text = "+------+------+\n| Code | Text |\n+======+======+\n| 200  | OK |\n|\t404 | No   |\n+------+------+\n";
        let tables = find(&Source::new(text), &[]);
        let lines: Vec<usize> = tables[0].problems.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [4, 5]);
        assert!(tables[0].problems[0].1.starts_with("ragged border"));
        assert!(tables[0].problems[1].1.starts_with("a tab in a grid table"));
    }

    #[test]
    fn grid_columns_count_display_columns() {
        // An editor that aligns Chinese text gives `好` two columns, as
        // docutils does; `—` takes one.
        let text = "+------+---------+\n| Code | Text    |\n+======+=========+\n| 200  | 好 — ok |\n+------+---------+\n| 404  | 未找到  |\n+------+---------+\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(tables[0].grid.texts()[1], ["200", "好 — ok"]);
        assert_eq!(tables[0].grid.texts()[2], ["404", "未找到"]);
        assert!(tables[0].problems.is_empty(), "{:?}", tables[0].problems);
        // Counted as one column each, the same table was ragged.
        let narrow = "+------+--------+\n| Code | Text   |\n+======+========+\n| 200  | 好 — ok |\n+------+--------+\n";
        let tables = find(&Source::new(narrow), &[]);
        assert!(tables[0].problems[0].1.starts_with("ragged border"));
    }

    #[test]
    fn list_tables_with_header_rows_and_continued_cells() {
        let text = ".. list-table:: **Table 1** Status codes\n   :header-rows: 1\n   :widths: 20 80\n\n   * - Status Code\n     - Description\n   * - 200\n     - The request\n       succeeded.\n   * - 404\n     - Not found.\n\nAfter.\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(
            tables[0].grid.texts(),
            [
                vec!["Status Code", "Description"],
                vec!["200", "The request succeeded."],
                vec!["404", "Not found."]
            ]
        );
        assert_eq!(tables[0].row_lines, [5, 7, 10]);
        assert!(tables[0].grid.rows[0].header && !tables[0].grid.rows[1].header);
    }

    #[test]
    fn csv_tables_with_a_header_option_and_quoted_cells() {
        let text = ".. csv-table:: **Table 2** Codes\n   :header: \"Status Code\", \"Description\"\n\n   200, \"OK, done\"\n   409, \"A \"\"conflict\"\"\"\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(
            tables[0].grid.texts(),
            [
                vec!["Status Code", "Description"],
                vec!["200", "OK, done"],
                vec!["409", "A \"conflict\""]
            ]
        );
        assert_eq!(tables[0].row_lines, [1, 4, 5]);
    }

    #[test]
    fn cells_merged_across_rows_keep_their_text_in_each_row() {
        let text = "+------+---------------+\n| Code | Description   |\n+======+===============+\n| 500  | Server error. |\n+------+               |\n| 503  | Try again.    |\n+------+---------------+\n| 504  | Timeout.      |\n+------+---------------+\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(
            tables[0].grid.texts(),
            [
                vec!["Code", "Description"],
                vec!["500", "Server error. Try again."],
                vec!["503", "Server error. Try again."],
                vec!["504", "Timeout."]
            ]
        );
        assert_eq!(tables[0].row_lines, [2, 4, 6, 8]);
        assert!(tables[0].problems.is_empty(), "{:?}", tables[0].problems);
    }

    #[test]
    fn a_cell_merged_across_columns_keeps_its_text_in_its_first_column() {
        let text = "+------+------+------+\n| Code | Type | Text |\n+======+======+======+\n| 200  | OK, all good |\n+------+------+------+\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(tables[0].grid.texts()[1], ["200", "OK, all good", ""]);
    }

    #[test]
    fn a_partial_separator_on_the_last_line_keeps_rows_on_the_page() {
        let text =
            "+------+------+\n| Code | Text |\n+======+======+\n| 200  | OK   |\n+------+ more |";
        let tables = find(&Source::new(text), &[]);
        let last_line = text.lines().count();
        assert!(
            tables[0].row_lines.iter().all(|&line| line <= last_line),
            "{:?}",
            tables[0].row_lines
        );
    }

    #[test]
    fn a_note_in_a_cell_reads_as_docutils_renders_it() {
        // As on DCS's "Creating a DCS Instance" page.
        let text = "+------+----------------------------------+\n| Code | Description                      |\n+======+==================================+\n| 200  | The task is submitted.           |\n|      |                                  |\n|      | .. note::                        |\n|      |                                  |\n|      |    If the status is **RUNNING**, |\n|      |    it was created.               |\n+------+----------------------------------+\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(
            tables[0].grid.texts()[1],
            [
                "200",
                "The task is submitted. Note If the status is RUNNING, it was created."
            ]
        );
        assert_eq!(
            inline_text(
                ".. warning:: Slow.\n.. admonition:: Mind this\n\n   Text.\n.. image:: x.png\n   :alt: x\n.. a comment\n   hidden\nShown."
            ),
            "Warning Slow. Mind this Text. Shown."
        );
        assert_eq!(inline_text("See .. here"), "See .. here");
    }

    #[test]
    fn section_underlines_are_not_tables() {
        let text = "Returned Values\n===============\n\ntext\n";
        assert!(find(&Source::new(text), &[]).is_empty());
    }
}
