//! Codes written as text under a group label instead of in a table:
//! `-   Normal⏎⏎    200⏎⏎-   Abnormal⏎⏎    <table>`, or in HTML
//! `<li>Normal<p>200</p></li>`.

use std::borrow::Cow;

use super::code_cell::{self, CodeCell};
use super::label::{self, Label};
use super::source::Source;
use super::text::strip_tags;

/// Bare codes under one label.
#[derive(Debug, PartialEq, Eq)]
pub struct BareCodes {
    /// The label's line.
    pub line: usize,
    /// The label.
    pub label: Label,
    /// Each code's line, code and the phrase after it.
    pub codes: Vec<(usize, u16, Option<String>)>,
}

/// Every label line (list item, heading or short paragraph naming a group)
/// followed, after blank lines, by lines that hold only a code. Lines inside
/// the byte ranges in `skip` (tables) are not read.
pub fn find(source: &Source<'_>, skip: &[std::ops::Range<usize>]) -> Vec<BareCodes> {
    let lines: Vec<(usize, Cow<'_, str>)> = source.lines().flat_map(pieces).collect();
    let inside = |offset: usize| skip.iter().any(|range| range.contains(&offset));
    let mut found = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let (offset, ref text) = lines[at];
        let text: &str = text;
        // Labels are short: most lines (prose, HTML) need no closer look.
        let short = text.len() <= 160 && text.trim().chars().count() <= 48;
        let Some(label) = (short && !inside(offset))
            .then(|| label::of_line(text))
            .flatten()
        else {
            at += 1;
            continue;
        };
        let mut next = at + 1;
        let mut codes = Vec::new();
        while let Some((offset, text)) = lines.get(next) {
            let (offset, text): (usize, &str) = (*offset, text);
            if text.trim().is_empty() {
                next += 1;
                continue;
            }
            match code_cell::parse(text) {
                CodeCell::Code { code, reason } if !inside(offset) => {
                    codes.push((source.line_of(offset), code, reason.map(str::to_owned)));
                    next += 1;
                }
                _ => break,
            }
        }
        if !codes.is_empty() {
            found.push(BareCodes {
                line: source.line_of(lines[at].0),
                label,
                codes,
            });
        }
        at = next.max(at + 1);
    }
    found
}

/// A line as the pieces bare codes are read from: the line itself, or, where
/// it holds HTML block tags (`<li>Normal<p>200</p></li>`), the text between
/// them, each at its own offset and with its tags removed.
fn pieces((offset, line): (usize, &str)) -> Vec<(usize, Cow<'_, str>)> {
    const BLOCKS: [&str; 6] = ["<p>", "<p ", "</p>", "<li", "</li>", "<br"];
    if !line.contains('<') || !BLOCKS.iter().any(|tag| line.contains(tag)) {
        return vec![(offset, Cow::Borrowed(line))];
    }
    let mut cuts: Vec<usize> = BLOCKS
        .iter()
        .flat_map(|tag| line.match_indices(tag).map(|(at, _)| at))
        .collect();
    cuts.push(0);
    cuts.push(line.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|cut| {
            let text = strip_tags(&line[cut[0]..cut[1]]);
            (offset + cut[0], Cow::Owned(text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Group;

    #[test]
    fn html_list_items_hold_bare_codes_in_paragraphs() {
        let text = "<ul><li>Normal<p>200</p><p>202 Accepted</p></li>\n<li>Error<div><table></table></div></li></ul>\n";
        let table = text.find("<table").unwrap_or(0)..text.find("</table>").unwrap_or(0) + 8;
        let found = find(&Source::new(text), &[table]);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].label.group), (1, Group::Normal));
        assert_eq!(
            found[0].codes,
            [(1, 200, None), (1, 202, Some("Accepted".to_owned()))]
        );
    }

    #[test]
    fn a_code_under_a_label_is_a_bare_code() {
        let text =
            "## Returned Value\n\n-   Normal\n\n    200\n\n-   Abnormal\n\n    <table></table>\n";
        let found = find(&Source::new(text), &[]);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].label.group), (3, Group::Normal));
        assert_eq!(found[0].codes, [(5, 200, None)]);
    }

    #[test]
    fn several_codes_and_phrases_and_chinese_labels() {
        let text = "-   正常\n\n    202\n    204 No Content\n\nprose\n";
        let found = find(&Source::new(text), &[]);
        assert_eq!(
            found[0].codes,
            [(3, 202, None), (4, 204, Some("No Content".to_owned()))]
        );
    }

    #[test]
    fn prose_numbers_and_unlabelled_codes_are_not_bare_codes() {
        assert!(
            find(
                &Source::new("-   Normal\n\n    The call returns 200.\n"),
                &[]
            )
            .is_empty()
        );
        assert!(find(&Source::new("Response:\n\n200\n"), &[]).is_empty());
        assert!(find(&Source::new("**状态码： 200**\n\n200\n"), &[]).is_empty());
    }
}
