//! Markdown pipe tables: `|状态码|描述|`, `|--|--|`, `|201|Created|`.

use super::grid::{Grid, GridRow};
use super::source::Source;
use super::text::collapse_whitespace;

/// A pipe table: its lines and its cells.
#[derive(Debug, PartialEq, Eq)]
pub struct PipeTable {
    /// Byte range from the header line's start to the last row's end.
    pub range: std::ops::Range<usize>,
    /// The header row, then the body rows.
    pub grid: Grid,
    /// The 1-based line of each grid row.
    pub row_lines: Vec<usize>,
}

/// The pipe tables of `source` outside the byte ranges in `skip` (its HTML
/// tables) and outside fenced code blocks.
pub fn find(source: &Source<'_>, skip: &[std::ops::Range<usize>]) -> Vec<PipeTable> {
    let lines: Vec<(usize, &str)> = source.lines().collect();
    let mut tables = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let (offset, line) = lines[at];
        let trimmed = line.trim();
        let skipped = skip.iter().any(|range| range.contains(&offset));
        if skipped
            || !trimmed.contains('|')
            || !lines
                .get(at + 1)
                .is_some_and(|(_, next)| is_delimiter_row(next))
        {
            at += 1;
            continue;
        }
        let mut grid = Grid::default();
        let mut row_lines = Vec::new();
        grid.rows.push(GridRow {
            index: 0,
            header: true,
            cells: cells(trimmed),
        });
        row_lines.push(at + 1);
        let mut end = at + 2;
        while let Some((_, row)) = lines.get(end) {
            let row = row.trim();
            if row.is_empty() || !row.contains('|') {
                break;
            }
            grid.rows.push(GridRow {
                index: grid.rows.len(),
                header: false,
                cells: cells(row),
            });
            row_lines.push(end + 1);
            end += 1;
        }
        let (last_offset, last) = lines[end - 1];
        tables.push(PipeTable {
            range: offset..last_offset + last.len(),
            grid,
            row_lines,
        });
        at = end;
    }
    tables
}

/// `|--|:--:|`: every cell dashes, with optional colons.
fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && line.contains('|')
        && split(line).iter().all(|cell| {
            let cell = cell.trim();
            let cell = cell.strip_prefix(':').unwrap_or(cell);
            let cell = cell.strip_suffix(':').unwrap_or(cell);
            !cell.is_empty() && cell.chars().all(|c| c == '-')
        })
}

/// A row's cells as plain text: outer pipes dropped, `\|` kept as `|`.
fn cells(line: &str) -> Vec<String> {
    split(line)
        .iter()
        .map(|cell| collapse_whitespace(&cell.replace("\\|", "|").replace("**", "")))
        .collect()
}

fn split(line: &str) -> Vec<&str> {
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line
        .strip_suffix('|')
        .filter(|rest| !rest.ends_with('\\'))
        .unwrap_or(line);
    let mut cells = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        if byte == b'|' && (at == 0 || bytes[at - 1] != b'\\') {
            cells.push(&line[start..at]);
            start = at + 1;
        }
    }
    cells.push(&line[start..]);
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_pipe_table_with_its_lines() {
        let text = "intro\n\n|状态码|描述|\n|--|--|\n|201|Created|\n| 400 | **Bad** a\\|b |\n\nafter | not a row\n";
        let tables = find(&Source::new(text), &[]);
        assert_eq!(tables.len(), 1);
        assert_eq!(
            tables[0].grid.texts(),
            vec![
                vec!["状态码", "描述"],
                vec!["201", "Created"],
                vec!["400", "Bad a|b"]
            ]
        );
        assert_eq!(tables[0].row_lines, [3, 5, 6]);
        assert!(tables[0].grid.rows[0].header && !tables[0].grid.rows[1].header);
    }

    #[test]
    fn needs_a_delimiter_row_and_skips_code_and_html_tables() {
        assert!(find(&Source::new("a | b\nc | d\n"), &[]).is_empty());
        let fenced = "```\n|a|b|\n|-|-|\n|1|2|\n```\n";
        let examples = super::super::examples::ranges(fenced);
        assert!(find(&Source::new(fenced), &examples).is_empty());
        let text = "|a|b|\n|:-|-:|\n|1|2|\n";
        assert_eq!(find(&Source::new(text), &[]).len(), 1);
        let whole_text = 0..text.len();
        assert!(find(&Source::new(text), std::slice::from_ref(&whole_text)).is_empty());
    }
}
