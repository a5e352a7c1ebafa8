//! How deep a module's brackets nest, found by a scan that costs one pass
//! and no recursion, before syn, which recurses as deep as the text nests,
//! reads it back. A generated module nests a dozen deep; a file on disk is
//! whatever someone left there.

/// The deepest nesting a module read back may have: far above what the
/// generator writes, far below what overflows a thread's stack in syn.
pub const MAX_DEPTH: usize = 128;

/// The 1-based line where `text`'s brackets (`(`, `[`, `{`, outside string
/// literals and comments) first nest deeper than [`MAX_DEPTH`], if they do.
pub fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut line = 1;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\n' => line += 1,
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(line);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'"' => {
                at = skip_string(bytes, at + 1, &mut line);
                continue;
            }
            b'r' if raw_string_start(bytes, at).is_some() => {
                let hashes = raw_string_start(bytes, at).unwrap_or_default();
                at = skip_raw_string(bytes, at + 2 + hashes, hashes, &mut line);
                continue;
            }
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |end| at + end);
                continue;
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                at = skip_block_comment(bytes, at + 2, &mut line);
                continue;
            }
            // A char literal holding a bracket: `'('`.
            b'\'' if bytes.get(at + 2) == Some(&b'\'') => at += 2,
            _ => {}
        }
        at += 1;
    }
    None
}

/// Past the closing quote of a string whose text starts at `at`.
fn skip_string(bytes: &[u8], mut at: usize, line: &mut usize) -> usize {
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 1,
            b'"' => return at + 1,
            b'\n' => *line += 1,
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

/// How many `#` a raw string starting at `at` (`r"`, `r#"`) has, if one does.
fn raw_string_start(bytes: &[u8], at: usize) -> Option<usize> {
    // Not the end of an identifier such as `for`.
    if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
        return None;
    }
    let hashes = bytes[at + 1..].iter().take_while(|&&b| b == b'#').count();
    (bytes.get(at + 1 + hashes) == Some(&b'"')).then_some(hashes)
}

/// Past the end of a raw string with `hashes` hashes whose text starts at `at`.
fn skip_raw_string(bytes: &[u8], mut at: usize, hashes: usize, line: &mut usize) -> usize {
    while at < bytes.len() {
        if bytes[at] == b'\n' {
            *line += 1;
        }
        if bytes[at] == b'"'
            && bytes[at + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes
        {
            return at + 1 + hashes;
        }
        at += 1;
    }
    bytes.len()
}

/// Past the end of a block comment (they nest) whose text starts at `at`.
fn skip_block_comment(bytes: &[u8], mut at: usize, line: &mut usize) -> usize {
    let mut open = 1;
    while at < bytes.len() {
        match (bytes[at], bytes.get(at + 1)) {
            (b'/', Some(b'*')) => {
                open += 1;
                at += 1;
            }
            (b'*', Some(b'/')) => {
                open -= 1;
                at += 1;
                if open == 0 {
                    return at + 1;
                }
            }
            (b'\n', _) => *line += 1,
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let deep = "(".repeat(MAX_DEPTH + 1);
        assert_eq!(
            too_deep(&format!("fn a() {{}}\n\nconst X: () = {deep};")),
            Some(3)
        );
        assert_eq!(
            too_deep(&format!("const X: &str = \"{deep}\\\"{deep}\";")),
            None
        );
        assert_eq!(too_deep(&format!("const X: &str = r#\"{deep}\"#;")), None);
        assert_eq!(
            too_deep(&format!("// {deep}\n/* {deep} /* {deep} */ */ fn a() {{}}")),
            None
        );
        assert_eq!(
            too_deep(&format!(
                "{}{}",
                "(".repeat(MAX_DEPTH),
                ")".repeat(MAX_DEPTH)
            )),
            None
        );
        assert_eq!(too_deep("let c = '('; for r in x {}"), None);
    }

    #[test]
    fn fifty_megabytes_of_brackets_are_refused_on_their_first_line() {
        assert_eq!(too_deep(&"(".repeat(50_000_000)), Some(1));
        assert_eq!(
            too_deep(&format!("fn a() {{\n{}", "[".repeat(1000))),
            Some(2)
        );
    }
}
