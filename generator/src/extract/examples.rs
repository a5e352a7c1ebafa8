//! The parts of a page that show markup rather than state anything: fenced
//! code blocks (```` ```html ````, `~~~`) and `<script>` elements. A status
//! table in one of them is an example, so nothing in them is read.
//!
//! Where a fence starts and ends is Markdown's to say (an unclosed fence
//! runs to the end of its container, a fence may sit in a list item, a
//! longer fence closes a shorter one...), so `pulldown-cmark` decides it.
//! `<script>` is HTML's raw text, found by its tags as comments are.
//!
//! In reStructuredText the examples are literal blocks: the indented block
//! after a paragraph ending in `::`, or under `.. code-block::`, `.. code::`
//! and `.. sourcecode::`.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

/// What a page holds that does not state what it documents, by kind: the
/// one account of it that the table reader and the `URI` reader both use.
#[derive(Debug, Default)]
pub struct Hidden {
    /// Markup shown as code: fenced code blocks, or reStructuredText
    /// literal blocks. No table in one is read; a `URI` section's own code
    /// block is read, since that is how pages state their operation.
    pub code: Vec<Range<usize>>,
    /// `<script>` elements: examples to the table reader, and not read at
    /// all by the `URI` reader.
    pub scripts: Vec<Range<usize>>,
    /// What the page does not publish: HTML comments, or reStructuredText
    /// comments. Nothing in one is read.
    pub comments: Vec<Range<usize>>,
    /// `<pre>` blocks: text that is read, but where a `## URI` line is no
    /// heading (Markdown takes a `<pre>` block as raw HTML).
    pub preformatted: Vec<Range<usize>>,
}

impl Hidden {
    /// What the page at `source` hides, in text order within each kind.
    pub fn of(source: &super::source::Source<'_>) -> Hidden {
        if source.rst {
            return Hidden {
                code: rst_literal_blocks(source),
                comments: rst_comments(source),
                ..Hidden::default()
            };
        }
        Hidden {
            code: fenced_code(source.text),
            scripts: scripts(source.text),
            comments: html_comments(source.text),
            preformatted: elements(source.text.as_bytes(), b"<pre", b"</pre"),
        }
    }

    /// Examples to the table reader: code and scripts, in text order.
    pub fn examples(&self) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> =
            self.code.iter().chain(&self.scripts).cloned().collect();
        ranges.sort_by_key(|range| range.start);
        ranges
    }

    /// Whether `offset` is in text that no reader reads: a comment or a script.
    pub fn unpublished(&self, offset: usize) -> bool {
        inside(&self.comments, offset) || inside(&self.scripts, offset)
    }

    /// Whether a heading at `offset` is no heading: in anything hidden.
    pub fn no_heading_at(&self, offset: usize) -> bool {
        self.unpublished(offset) || inside(&self.code, offset) || inside(&self.preformatted, offset)
    }
}

/// Whether `offset` is in one of `ranges`.
fn inside(ranges: &[Range<usize>], offset: usize) -> bool {
    ranges.iter().any(|range| range.contains(&offset))
}

/// The byte ranges of `text` that hold examples, in text order.
#[cfg(test)]
pub fn ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = fenced_code(text);
    ranges.extend(scripts(text));
    ranges.sort_by_key(|range| range.start);
    ranges
}

/// `<!--` to just past `-->`, or to the end of the text.
fn html_comments(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut at = 0;
    while let Some(start) = text[at..].find("<!--").map(|found| at + found) {
        let end = text[start + 4..]
            .find("-->")
            .map_or(text.len(), |close| start + 4 + close + 3);
        ranges.push(start..end);
        at = end;
    }
    ranges
}

/// A reStructuredText page's literal blocks, each from the line after its
/// marker to the last line indented deeper than the marker.
pub fn rst_literal_blocks(source: &super::source::Source<'_>) -> Vec<Range<usize>> {
    let lines: Vec<(usize, &str)> = source.lines().collect();
    let mut ranges = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at].1;
        let trimmed = line.trim();
        let code_directive = [".. code-block::", ".. code::", ".. sourcecode::"]
            .iter()
            .any(|d| trimmed.starts_with(d));
        let literal_paragraph = trimmed.ends_with("::") && !trimmed.starts_with("..");
        if !(code_directive || literal_paragraph) {
            at += 1;
            continue;
        }
        let own = line.len() - line.trim_start().len();
        let end = super::rst_table::indented_block_end(&lines, at + 1, own);
        if end > at + 1 {
            let (offset, text) = lines[end - 1];
            ranges.push(lines[at + 1].0..offset + text.len());
        }
        at = end.max(at + 1);
    }
    ranges
}

/// A reStructuredText page's comments, each from its `..` line to the last
/// line indented deeper than it: explicit markup that is no directive
/// (`.. name::`), target (`.. _name:`), footnote or citation (`.. [1]`)
/// or substitution (`.. |name|`). docutils drops them, text, tables and
/// all. `..` alone before a blank line is an empty comment, which holds
/// nothing.
pub fn rst_comments(source: &super::source::Source<'_>) -> Vec<Range<usize>> {
    let lines: Vec<(usize, &str)> = source.lines().collect();
    let mut ranges = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let (offset, line) = lines[at];
        let trimmed = line.trim();
        // `..` alone before a blank line is an empty comment: it holds nothing.
        let empty = trimmed == ".."
            && lines
                .get(at + 1)
                .is_none_or(|(_, next)| next.trim().is_empty());
        let comment = matches!(
            super::rst_table::explicit(trimmed),
            Some(super::rst_table::Explicit::Comment)
        );
        if !comment || empty {
            at += 1;
            continue;
        }
        let own = line.len() - line.trim_start().len();
        let end = super::rst_table::indented_block_end(&lines, at + 1, own).max(at + 1);
        let (last, text) = lines[end - 1];
        ranges.push(offset..last + text.len());
        at = end;
    }
    ranges
}

/// Fenced code blocks, each from its opening fence to its closing one.
fn fenced_code(text: &str) -> Vec<Range<usize>> {
    // A page without a fence needs no Markdown parse.
    if !text.contains("```") && !text.contains("~~~") {
        return Vec::new();
    }
    Parser::new(text)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => Some(range),
            _ => None,
        })
        .collect()
}

/// `<script ...>` to just past `</script>`, or to the end of the text.
fn scripts(text: &str) -> Vec<Range<usize>> {
    elements(text.as_bytes(), b"<script", b"</script")
}

/// Each element from its `open` tag to just past its `close` tag, or to
/// the end of the text.
fn elements(bytes: &[u8], open: &[u8], close: &[u8]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut at = 0;
    while let Some(start) = find_tag(bytes, at, open) {
        let end = find_tag(bytes, start + open.len(), close)
            .map(|close| {
                bytes[close..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |gt| close + gt + 1)
            })
            .unwrap_or(bytes.len());
        ranges.push(start..end);
        at = end;
    }
    ranges
}

/// The next `tag` (ASCII case-insensitive) at or after `from`, followed by
/// whitespace, `>` or `/`.
fn find_tag(bytes: &[u8], from: usize, tag: &[u8]) -> Option<usize> {
    let mut at = from;
    while at + tag.len() < bytes.len() {
        let found = bytes[at..].iter().position(|&b| b == b'<')? + at;
        let rest = &bytes[found..];
        if rest.len() > tag.len()
            && rest[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(rest[tag.len()], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
        {
            return Some(found);
        }
        at = found + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<&'t str> {
        ranges.iter().map(|range| &text[range.clone()]).collect()
    }

    #[test]
    fn fences_of_either_kind_are_examples_wherever_they_sit() {
        let text =
            "a\n\n```html\n<table></table>\n```\n\n-   item\n\n    ~~~\n    x\n    ~~~\n\nb\n";
        let found = ranges(text);
        assert_eq!(
            shown(text, &found),
            ["```html\n<table></table>\n```", "~~~\n    x\n    ~~~"]
        );
    }

    #[test]
    fn an_unclosed_fence_runs_to_the_end() {
        let text = "a\n\n```\n<table>\n";
        assert_eq!(shown(text, &ranges(text)), ["```\n<table>\n"]);
    }

    #[test]
    fn indented_code_is_not_an_example() {
        // Pages indent their tables under list items; 4 spaces is not a fence.
        let text = "para\n\n    <table><tr><th>Status Code</th></tr></table>\n";
        assert!(ranges(text).is_empty());
    }

    #[test]
    fn rst_literal_blocks_are_examples() {
        let text = "Example::\n\n   +-----+\n   | 200 |\n\n.. code-block:: text\n\n   200\n\nAfter.\n\n.. table:: **Table 1**\n\n   ===\n";
        let source = super::super::source::Source::new(text);
        let found = rst_literal_blocks(&source);
        assert_eq!(
            shown(text, &found),
            ["\n   +-----+\n   | 200 |", "\n   200"]
        );
    }

    #[test]
    fn scripts_are_examples_up_to_their_end_tag() {
        let text = "a <SCRIPT type=\"x\"><table></table></script> b <scripts> <script>open";
        assert_eq!(
            shown(text, &ranges(text)),
            [
                "<SCRIPT type=\"x\"><table></table></script>",
                "<script>open"
            ]
        );
    }
}
