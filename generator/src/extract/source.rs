//! Where the tables are in a document's text, and on which lines.
//!
//! Only the tables are handed to the HTML parser: the Markdown around them is
//! read line by line, which keeps line numbers exact and parsing cheap.

use std::ops::Range;

/// A document's text with a line index.
pub struct Source<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Whether the text is reStructuredText (its tables are read as such).
    pub rst: bool,
    line_starts: Vec<usize>,
}

/// One top-level `<table>` element in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpan {
    /// From `<table` to just past `</table>` (or the end of the text).
    pub range: Range<usize>,
    /// Whether `</table>` was found.
    pub closed: bool,
    /// Offsets of this table's own `<tr` tags, nested tables excluded.
    pub row_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self {
            text,
            rst: false,
            line_starts,
        }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line - 1]
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line(&self, line: usize) -> &'a str {
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        self.text[start..end].trim_end_matches('\r')
    }

    /// Each line's byte offset and text, without its line break.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        (1..=self.line_starts.len()).map(|line| (self.line_starts[line - 1], self.line(line)))
    }

    /// The top-level HTML tables, in text order. Tags inside HTML comments
    /// and inside `skip` (sorted ranges: the page's examples) do not count;
    /// a table without `</table>` runs to the end of the text.
    pub fn tables(&self, skip: &[Range<usize>]) -> Vec<TableSpan> {
        let bytes = self.text.as_bytes();
        let mut tables = Vec::new();
        let mut current: Option<TableSpan> = None;
        let mut depth = 0usize;
        let mut at = 0;
        let mut skip = skip.iter().peekable();
        while let Some(found) = memchr(b'<', &bytes[at..]) {
            let start = at + found;
            while skip.next_if(|range| range.end <= start).is_some() {}
            if let Some(example) = skip.peek().filter(|range| range.start <= start) {
                at = example.end;
                continue;
            }
            let rest = &bytes[start..];
            at = start + 1;
            if rest.starts_with(b"<!--") {
                at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            } else if is_tag(rest, b"<table") {
                depth += 1;
                if depth == 1 {
                    current = Some(TableSpan {
                        range: start..bytes.len(),
                        closed: false,
                        row_starts: Vec::new(),
                    });
                }
            } else if is_tag(rest, b"</table") && depth > 0 {
                depth -= 1;
                if depth == 0 {
                    if let Some(mut table) = current.take() {
                        let end = memchr(b'>', rest).map_or(bytes.len(), |gt| start + gt + 1);
                        table.range.end = end;
                        table.closed = true;
                        tables.push(table);
                    }
                }
            } else if depth == 1 && is_tag(rest, b"<tr") {
                if let Some(table) = current.as_mut() {
                    table.row_starts.push(start);
                }
            }
        }
        tables.extend(current);
        tables
    }
}

/// Whether `rest` starts with the tag `name` (ASCII case-insensitive),
/// followed by whitespace, `>` or `/`, so `<tr` does not match `<track`.
fn is_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[name.len()],
            b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
        )
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based_and_exclude_the_break() {
        let source = Source::new("a\nbb\n\nc");
        assert_eq!(source.line_of(0), 1);
        assert_eq!(source.line_of(2), 2);
        assert_eq!(source.line_of(5), 3);
        assert_eq!(source.line_of(6), 4);
        assert_eq!(source.line(2), "bb");
        assert_eq!(source.line(3), "");
        assert_eq!(source.line(4), "c");
    }

    #[test]
    fn finds_top_level_tables_and_their_own_rows() {
        let text = "x\n<TABLE><tr><td><table><tr><td>in</td></tr></table></td></tr>\n<tr><td>b</td></tr></table>\n<table><tr></tr></table>";
        let tables = Source::new(text).tables(&[]);
        assert_eq!(tables.len(), 2);
        assert!(tables[0].closed);
        assert_eq!(&text[tables[0].range.clone()][..7], "<TABLE>");
        assert!(text[tables[0].range.clone()].ends_with("</table>"));
        assert_eq!(
            tables[0].row_starts.len(),
            2,
            "the nested table's row is not the outer table's"
        );
        assert_eq!(tables[1].row_starts.len(), 1);
    }

    #[test]
    fn ignores_tables_in_comments_and_lookalike_tags() {
        let text = "<!-- <table><tr></tr></table> --><tablex><track>";
        assert!(Source::new(text).tables(&[]).is_empty());
    }

    #[test]
    fn an_unclosed_table_runs_to_the_end() {
        let text = "<table><tr><td>200";
        let tables = Source::new(text).tables(&[]);
        assert_eq!(
            tables,
            vec![TableSpan {
                range: 0..text.len(),
                closed: false,
                row_starts: vec![7]
            }]
        );
    }
}
