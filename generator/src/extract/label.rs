//! The group label a table sits under: `-   Normal`, `## Error Return Code`,
//! `**Table 3** Normal return code`.

use super::source::Source;
use super::text::{collapse_whitespace, strip_tags};
use crate::model::Group;

/// A label as the page writes it, and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The label's text, markup removed (`Normal`).
    pub text: String,
    /// The label, normalised.
    pub group: Group,
}

/// The label above the table starting at byte `table_start`, looking no
/// further back than byte `floor` (where the previous table ends, or 0).
///
/// The text before the table on its own line comes first (HTML writes
/// `<li>Normal<div><table>` on one line), then the lines above. Blank
/// lines, anchors and captions that name no group are passed over; the
/// first other text is the label if it is a short phrase naming a group,
/// and otherwise there is no label: a prose bullet above a table is not one.
pub fn find(source: &Source<'_>, table_start: usize, floor: usize) -> Option<Label> {
    let table_line = source.line_of(table_start);
    // The line the previous table ends on; lines above it are not read.
    let floor_line = if floor == 0 {
        0
    } else {
        source.line_of(floor - 1)
    };
    let line_start = source.line_start(table_line);
    let same_line = &source.text[line_start.max(floor).min(table_start)..table_start];
    let above = (floor_line + 1..table_line)
        .rev()
        .map(|line| source.line(line));
    for raw in std::iter::once(same_line).chain(above) {
        let text = strip_tags(raw);
        // reStructuredText writes a caption as `.. table:: **Table 1** ...`.
        let text = text.trim();
        let text = text.strip_prefix(".. table::").map_or(text, str::trim);
        if text.is_empty() {
            continue;
        }
        if let Some(caption) = caption_text(text) {
            // reStructuredText shows `1\ *xx*` as `1xx`.
            let caption = if source.rst {
                super::rst_table::inline_text(caption)
            } else {
                caption.to_owned()
            };
            match of_phrase(&caption) {
                Some(label) => return Some(label),
                None => continue,
            }
        }
        return of_line(text);
    }
    None
}

/// The label a single line is, if it is one: a list item, a heading or a
/// short paragraph naming a group (`-   Normal`, `## Error Return Code`,
/// `正常返回值：`).
pub fn of_line(line: &str) -> Option<Label> {
    let text = strip_tags(line);
    let text = text.trim();
    of_phrase(
        list_item_text(text)
            .or_else(|| heading_text(text))
            .unwrap_or(text),
    )
}

/// What a phrase means as a label, if it is one: a status column's header
/// (`Normal Status Code`), a caption, or a label as another tool wrote it
/// down. Its text is the phrase without emphasis marks, colons and extra
/// whitespace.
pub fn of_phrase(phrase: &str) -> Option<Label> {
    let text = normalised(phrase);
    group_named_by(&text).map(|group| Label { text, group })
}

/// `**Normal:**` → `Normal`.
fn normalised(phrase: &str) -> String {
    collapse_whitespace(
        phrase.trim_matches(|c: char| matches!(c, '*' | '_' | ':' | '：') || c.is_whitespace()),
    )
}

/// The group a short label phrase names: `Normal`, `Abnormal`, `Error`,
/// `**Normal values:**`, `正常`, `异常返回值` ... A phrase naming both, or
/// neither, or too long to be a label, names none.
pub fn group_named_by(phrase: &str) -> Option<Group> {
    let lower = normalised(phrase).to_lowercase();
    let words = lower.split_whitespace().count();
    if words == 0 || words > 5 || lower.chars().count() > 40 {
        return None;
    }
    let abnormal = ["abnormal", "error", "fail", "异常", "错误", "失败"]
        .iter()
        .any(|w| lower.contains(w));
    let normal = ["normal", "success", "正常", "成功"]
        .iter()
        .any(|w| lower.replace("abnormal", "").contains(w));
    // A class names one too (`4xx status codes`): 1xx to 3xx are no
    // failure, 4xx and 5xx are.
    // Emphasis may split it: Markdown's `1_xx_`, reStructuredText's `1\ *xx*`.
    let plain = lower.replace("\\ ", "");
    let class = plain.split_whitespace().find_map(|word| {
        let word: Vec<u8> = word.bytes().filter(|b| !b"*_\\".contains(b)).collect();
        match word.as_slice() {
            [digit @ b'1'..=b'5', b'x', b'x'] => Some(*digit),
            _ => None,
        }
    });
    let (normal, abnormal) = match class {
        Some(digit) if digit <= b'3' => (true, abnormal),
        Some(_) => (normal, true),
        None => (normal, abnormal),
    };
    match (normal, abnormal) {
        (true, false) => Some(Group::Normal),
        (false, true) => Some(Group::Abnormal),
        _ => None,
    }
}

/// `-   Normal`, `* Normal`, `1. Normal` → `Normal`.
fn list_item_text(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['-', '*', '+']).or_else(|| {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0)
            .then(|| line[digits..].strip_prefix(['.', ')']))
            .flatten()
    })?;
    rest.starts_with(char::is_whitespace).then(|| rest.trim())
}

/// `## Normal Return Code` → `Normal Return Code`.
fn heading_text(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches('#');
    (rest.len() < line.len() && rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// The label a table's own `<caption>` names, if it names a group
/// (`<caption><b>Table 1 </b>Error status codes</caption>`).
pub fn of_caption(table: &str) -> Option<Label> {
    let caption = table.find("<caption")?;
    let inner_start = caption + table[caption..].find('>')? + 1;
    let inner_end = inner_start + table[inner_start..].find("</caption")?;
    let text = collapse_whitespace(&strip_tags(&table[inner_start..inner_end]));
    let rest = text
        .strip_prefix("Table")
        .or_else(|| text.strip_prefix("表"))
        .map(|rest| {
            rest.trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit())
        })
        .unwrap_or(&text);
    of_phrase(rest)
}

/// The label a reStructuredText table directive's caption names
/// (`.. list-table:: **Table 2** Normal values`), if it names a group.
pub fn of_rst_directive(line: &str) -> Option<Label> {
    let trimmed = line.trim();
    let caption = [".. list-table::", ".. csv-table::", ".. table::"]
        .iter()
        .find_map(|directive| trimmed.strip_prefix(directive))?
        .trim();
    // As docutils shows it: `1\ *xx* status codes` is `1xx status codes`.
    of_phrase(&super::rst_table::inline_text(
        caption_text(caption).unwrap_or(caption),
    ))
}

/// `**Table 3**  Normal return code` or `**表 2** 异常返回值` → the text after the number.
fn caption_text(line: &str) -> Option<&str> {
    let inner = line.strip_prefix("**")?;
    let (head, rest) = inner.split_once("**")?;
    let head = head.trim();
    let number = head
        .strip_prefix("Table")
        .or_else(|| head.strip_prefix("表"))?;
    number
        .trim()
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label_above(text: &str) -> Option<(String, Group)> {
        let source = Source::new(text);
        find(&source, text.find("<table")?, 0).map(|label| (label.text, label.group))
    }

    #[test]
    fn a_list_item_above_an_indented_table_is_its_label() {
        let text = "-   Normal\n\n    <a name=\"t1\"></a>\n    <table>";
        assert_eq!(label_above(text), Some(("Normal".into(), Group::Normal)));
        let text = "-   Abnormal\n\n    <table>";
        assert_eq!(
            label_above(text),
            Some(("Abnormal".into(), Group::Abnormal))
        );
        let text = "-   异常\n\n    <table>";
        assert_eq!(label_above(text), Some(("异常".into(), Group::Abnormal)));
    }

    #[test]
    fn a_class_of_codes_names_a_group() {
        assert_eq!(group_named_by("2xx status codes"), Some(Group::Normal));
        assert_eq!(group_named_by("1xx status code"), Some(Group::Normal));
        assert_eq!(group_named_by("4xx status codes"), Some(Group::Abnormal));
        assert_eq!(group_named_by("5xx Error codes"), Some(Group::Abnormal));
        assert_eq!(group_named_by("2xx errors"), None, "both");
        assert_eq!(group_named_by("3_xx_  status codes"), Some(Group::Normal));
        let caption =
            of_rst_directive(".. table:: **Table 3** 1\\ *xx* status codes").expect("a label");
        assert_eq!(
            (caption.text.as_str(), caption.group),
            ("1xx status codes", Group::Normal)
        );
        let caption = of_rst_directive(".. table:: **Table 2** Error codes").expect("a label");
        assert_eq!(
            (caption.text.as_str(), caption.group),
            ("Error codes", Group::Abnormal)
        );
    }

    #[test]
    fn headings_and_captions_name_groups_too() {
        assert_eq!(
            label_above("## Error Return Code\n\n<table>"),
            Some(("Error Return Code".into(), Group::Abnormal))
        );
        assert_eq!(
            label_above("**Table 3**  Normal return code\n<table>"),
            Some(("Normal return code".into(), Group::Normal))
        );
        assert_eq!(
            label_above("-   Normal\n\n    **Table 5**  Status code\n    <table>"),
            Some(("Normal".into(), Group::Normal)),
            "a caption naming no group is passed over"
        );
    }

    #[test]
    fn prose_and_mixed_labels_are_not_labels() {
        assert_eq!(
            label_above("-   Table 5 describes the status code of this API.\n\n<table>"),
            None
        );
        assert_eq!(
            label_above(
                "-   If the request fails, an error code and its message are returned to you.\n<table>"
            ),
            None
        );
        assert_eq!(label_above("# Status Codes\n<table>"), None);
        assert_eq!(label_above("<table>"), None);
    }

    #[test]
    fn the_search_stops_at_the_previous_table() {
        let text = "-   Normal\n<table></table>\n\n<table>";
        let source = Source::new(text);
        let first_end = text.find("</table>").unwrap_or(0) + "</table>".len();
        assert_eq!(
            find(&source, text.rfind("<table").unwrap_or(0), first_end),
            None
        );
        assert!(find(&source, text.find("<table").unwrap_or(0), 0).is_some());
        // On one line, as HTML writes it: the text after the previous table.
        let text = "<li>Normal<table></table></li><li>Error<div><table>";
        let source = Source::new(text);
        let first_end = text.find("</table>").unwrap_or(0) + "</table>".len();
        let second = find(&source, text.rfind("<table").unwrap_or(0), first_end);
        assert_eq!(second.map(|l| l.group), Some(Group::Abnormal));
    }

    #[test]
    fn group_words_normalise() {
        for phrase in [
            "Normal",
            "normal values",
            "Normal Response Code",
            "正常",
            "正常返回值",
            "Success",
        ] {
            assert_eq!(group_named_by(phrase), Some(Group::Normal), "{phrase:?}");
        }
        for phrase in [
            "Abnormal",
            "Error",
            "Error Response Code",
            "异常",
            "错误",
            "异常返回值",
            "Failure",
        ] {
            assert_eq!(group_named_by(phrase), Some(Group::Abnormal), "{phrase:?}");
        }
        for phrase in ["Normal/Error Status Code", "Status code", "", "正常/错误"] {
            assert_eq!(group_named_by(phrase), None, "{phrase:?}");
        }
    }
}
