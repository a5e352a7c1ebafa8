//! The text rules every reader of a page shares: how whitespace, tags and
//! header spellings are made comparable. Tools that compare their reading
//! with extraction's (the corpus agreement) use these same rules.

/// `text` with runs of whitespace (including non-breaking spaces) made one
/// space, and trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `text` outside `<...>` tags: `<b>Table 1</b> Normal` → `Table 1 Normal`.
pub fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Letters and digits only, lowercased, so that spellings of one header or
/// reason compare equal: `Normal/Error Status Code` → `normalerrorstatuscode`,
/// `Bad Request` ~ `BadRequest`.
pub fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_including_non_breaking_spaces() {
        assert_eq!(collapse_whitespace(" a \u{a0} b\n\tc "), "a b c");
    }

    #[test]
    fn tags_are_dropped_and_a_stray_closing_bracket_is_kept() {
        assert_eq!(strip_tags("<p><b>Normal</b></p> a > b"), "Normal a > b");
    }

    #[test]
    fn keys_ignore_case_spaces_and_punctuation() {
        assert_eq!(key("Normal/Error Status  Code"), "normalerrorstatuscode");
        assert_eq!(key("Bad Request"), key("BadRequest"));
        assert_eq!(key("错误码 状态"), "错误码状态");
    }
}
