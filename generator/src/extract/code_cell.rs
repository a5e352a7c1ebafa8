//! What a status table's code cell holds: `200`, `400 Bad Request`, or not a code.

/// A code cell, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeCell<'a> {
    /// An HTTP status code in 100..=599, with the phrase written after it.
    Code {
        /// The code.
        code: u16,
        /// The reason phrase as written (`Bad Request`), if any.
        reason: Option<&'a str>,
    },
    /// A class of codes, `2xx` or `1 xx`: kept as a class, never as a code.
    Class {
        /// The class's first digit, 1 to 5.
        class: u8,
        /// The phrase written after it, if any.
        reason: Option<&'a str>,
    },
    /// Something else: `abc`, `99`, `600`, `20O`.
    NotACode,
}

/// Reads a cell's plain text.
pub fn parse(text: &str) -> CodeCell<'_> {
    let text = text.trim();
    if let Some(class) = class(text) {
        return class;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    // `200OK` or `2000` is not a code followed by a phrase.
    if digits != 3 || rest.starts_with(|c: char| c.is_alphanumeric()) {
        return CodeCell::NotACode;
    }
    let Ok(code) = text[..3].parse::<u16>() else {
        return CodeCell::NotACode;
    };
    if !(100..=599).contains(&code) {
        return CodeCell::NotACode;
    }
    let reason =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '：' | '–'));
    CodeCell::Code {
        code,
        reason: (!reason.is_empty()).then_some(reason),
    }
}

/// `2xx`, `1 xx`, `5XX Server Error`.
fn class(text: &str) -> Option<CodeCell<'_>> {
    let first = text.bytes().next().filter(|b| (b'1'..=b'5').contains(b))?;
    let rest = &text[1..];
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let after = rest
        .get(..2)
        .filter(|xx| xx.eq_ignore_ascii_case("xx"))
        .map(|_| &rest[2..])?;
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let reason =
        after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '：'));
    Some(CodeCell::Class {
        class: first - b'0',
        reason: (!reason.is_empty()).then_some(reason),
    })
}

/// Whether a cell reads as a status table's code cell, for telling status
/// tables from others: a code, or a code-like token such as `600` or `2xx`.
pub fn looks_like_code(text: &str) -> bool {
    let text = text.trim();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 3 {
        return !text.starts_with('0');
    }
    // A class of codes: `2xx`, `1 xx`.
    let mut chars = text.chars();
    matches!(chars.next(), Some('1'..='5')) && {
        let rest = chars.as_str();
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        rest.get(..2)
            .is_some_and(|xx| xx.eq_ignore_ascii_case("xx"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_code_has_no_reason() {
        assert_eq!(
            parse("200"),
            CodeCell::Code {
                code: 200,
                reason: None
            }
        );
        assert_eq!(
            parse("  204 "),
            CodeCell::Code {
                code: 204,
                reason: None
            }
        );
    }

    #[test]
    fn the_phrase_after_the_code_is_the_reason_as_written() {
        assert_eq!(
            parse("400 Bad Request"),
            CodeCell::Code {
                code: 400,
                reason: Some("Bad Request")
            }
        );
        assert_eq!(
            parse("404 FlavorNotFound"),
            CodeCell::Code {
                code: 404,
                reason: Some("FlavorNotFound")
            }
        );
        assert_eq!(
            parse("300 multiple choices"),
            CodeCell::Code {
                code: 300,
                reason: Some("multiple choices")
            }
        );
        assert_eq!(
            parse("409: Conflict"),
            CodeCell::Code {
                code: 409,
                reason: Some("Conflict")
            }
        );
    }

    #[test]
    fn anything_else_is_not_a_code() {
        for text in [
            "abc",
            "99",
            "600",
            "20O",
            "2000",
            "200OK",
            "",
            "-200",
            "４０４",
            "6xx",
            "2xxx",
        ] {
            assert_eq!(parse(text), CodeCell::NotACode, "{text:?}");
        }
    }

    #[test]
    fn classes_are_classes_not_codes() {
        assert_eq!(
            parse("2xx"),
            CodeCell::Class {
                class: 2,
                reason: None
            }
        );
        assert_eq!(
            parse("1 xx"),
            CodeCell::Class {
                class: 1,
                reason: None
            }
        );
        assert_eq!(
            parse("5XX Server Error"),
            CodeCell::Class {
                class: 5,
                reason: Some("Server Error")
            }
        );
    }

    #[test]
    fn code_like_cells_include_classes_and_out_of_range_numbers() {
        for text in ["200", "404 Not Found", "2xx", "1 xx", "5XX", "600", "999"] {
            assert!(looks_like_code(text), "{text:?}");
        }
        for text in ["abc", "99", "BMS.0001", "Parameter", "6xx", "1000", ""] {
            assert!(!looks_like_code(text), "{text:?}");
        }
    }
}
