//! Rust names for what the documents mention: always valid identifiers,
//! whatever the document text is.

use std::collections::BTreeSet;

/// Words that cannot be identifiers, even raw: they get a trailing `_`.
const RESERVED: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The words of `phrase`: ASCII letters and digits, split at anything else;
/// apostrophes join (`I'm` is one word).
fn words(phrase: &str) -> impl Iterator<Item = String> + '_ {
    phrase
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '’'))
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
}

/// `Not Found` → `NotFound`; `OK` → `Ok`; `I'm a teapot` → `ImATeapot`.
/// `None` when the phrase has no ASCII word to build a name from.
pub fn upper_camel(phrase: &str) -> Option<String> {
    let mut name = String::new();
    for word in words(phrase) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    (!name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| avoid_reserved(name))
}

/// A module name for a document's path (without its extension):
/// `returned-values` → `returned_values`, `cn.zh-cn__API参考__状态码` →
/// `cn_zh_cn_api参考_状态码`. ASCII letters and digits (lower-cased) and
/// Han, kana and Hangul characters are kept; anything else separates words.
/// `None` if nothing is kept.
pub fn module_name(stem: &str) -> Option<String> {
    let words: Vec<String> = stem
        .split(|c: char| !is_name_char(c))
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    (!words.is_empty()).then(|| {
        let name = words.join("_");
        let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
            format!("doc_{name}")
        } else {
            name
        };
        avoid_reserved(name)
    })
}

/// Characters that are valid in identifiers and that rustc's confusable and
/// uncommon-codepoint lints accept: ASCII alphanumerics, Han, kana, Hangul.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c,
            '\u{3041}'..='\u{3096}' | '\u{30a1}'..='\u{30fa}' // hiragana, katakana
            | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' // Han
            | '\u{ac00}'..='\u{d7a3}' // Hangul syllables
            | '\u{20000}'..='\u{2ffff}')
}

/// A short hash of `text` (FNV-1a), to tell apart paths that want one name:
/// it depends on nothing but the text, so names stay stable.
pub fn short_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:08x}", hash >> 32)
}

fn avoid_reserved(name: String) -> String {
    if RESERVED.contains(&name.as_str()) {
        name + "_"
    } else {
        name
    }
}

/// `NotFound` → `not_found`; `Code599` → `code599`; keywords get a trailing `_`.
pub fn snake_from_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    avoid_reserved(out.trim_end_matches('_').to_owned())
}

/// Hands out names, making each unique by appending `_2`, `_3` ... in the
/// order asked, so that the caller's (sorted) order decides who keeps a name.
#[derive(Default)]
pub struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    /// A name starting with `wanted` that no earlier call returned.
    pub fn unique(&mut self, wanted: String) -> String {
        let mut name = wanted.clone();
        let mut n = 2;
        while !self.taken.insert(name.clone()) {
            // `self_` + `_2` would be `self__2`, which rustc's snake-case lint rejects.
            name = format!("{}_{n}", wanted.trim_end_matches('_'));
            n += 1;
        }
        name
    }

    /// `wanted` if no earlier call returned it, else `fallback()`, made unique.
    pub fn unique_or(&mut self, wanted: String, fallback: impl FnOnce() -> String) -> String {
        if self.taken.contains(&wanted) {
            self.unique(fallback())
        } else {
            self.unique(wanted)
        }
    }
}

/// `text` with control characters and invisible direction or format
/// characters written as `\u{..}`: rustc rejects bidi overrides in doc
/// comments, and none of them should reach a reader's terminal unseen.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || is_invisible_format(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Bidi embeddings, overrides and isolates, direction marks, and the
/// zero-width characters that hide text.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// `text` as Markdown that renders as the text itself: rustdoc must not read
/// a document's `[x]`, `*`, `<b>` or backticks as markup.
pub fn doc_text(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` as a Markdown code span (a file name in rustdoc).
pub fn doc_code(text: &str) -> String {
    format!("`{}`", visible(text).replace('`', "'"))
}

/// `text` inside an `on_unimplemented` string, which rustc reads as a format
/// string: braces are doubled so that `{name}` stays text.
pub fn diagnostic_text(text: &str) -> String {
    visible(text).replace('{', "{{").replace('}', "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_from_reasons() {
        assert_eq!(upper_camel("Not Found").as_deref(), Some("NotFound"));
        assert_eq!(upper_camel("OK").as_deref(), Some("Ok"));
        assert_eq!(
            upper_camel("Non-Authoritative Information").as_deref(),
            Some("NonAuthoritativeInformation")
        );
        assert_eq!(upper_camel("I'm a teapot").as_deref(), Some("ImATeapot"));
        assert_eq!(upper_camel("URI Too Long").as_deref(), Some("UriTooLong"));
        assert_eq!(upper_camel("self").as_deref(), Some("Self_"));
        assert_eq!(upper_camel("系统错误"), None);
        assert_eq!(upper_camel("404"), None);
    }

    #[test]
    fn method_names_from_variants() {
        assert_eq!(snake_from_camel("NotFound"), "not_found");
        assert_eq!(snake_from_camel("Ok"), "ok");
        assert_eq!(snake_from_camel("Continue"), "continue_");
        assert_eq!(snake_from_camel("Code599"), "code599");
        assert_eq!(snake_from_camel("NotFound499"), "not_found499");
    }

    #[test]
    fn module_names_from_paths() {
        assert_eq!(
            module_name("returned-values").as_deref(),
            Some("returned_values")
        );
        assert_eq!(
            module_name("api/Status Codes (v2)").as_deref(),
            Some("api_status_codes_v2")
        );
        assert_eq!(module_name("2xx").as_deref(), Some("doc_2xx"));
        assert_eq!(module_name("type").as_deref(), Some("type_"));
        assert_eq!(module_name("状态码").as_deref(), Some("状态码"));
        assert_eq!(
            module_name("cn.zh-cn__API参考__上传镜像（OpenStack原生）").as_deref(),
            Some("cn_zh_cn_api参考_上传镜像_openstack原生")
        );
        assert_eq!(module_name("（）!!"), None);
        assert_eq!(short_hash("a.md"), short_hash("a.md"));
        assert_ne!(short_hash("a b.md"), short_hash("a-b.md"));
    }

    #[test]
    fn names_are_unique_in_the_order_asked() {
        let mut names = Names::default();
        assert_eq!(names.unique("a".into()), "a");
        assert_eq!(names.unique("a".into()), "a_2");
        assert_eq!(names.unique("a_2".into()), "a_2_2");
        assert_eq!(names.unique("a".into()), "a_3");
    }

    #[test]
    fn invisible_and_control_characters_become_visible() {
        assert_eq!(visible("a\u{202e}b\u{7}c\nd"), "a\\u{202e}b\\u{7}c\\u{a}d");
        assert_eq!(visible("系统 错误 é"), "系统 错误 é");
        assert_eq!(doc_code("a`b\u{2066}.md"), "`a'b\\u{2066}.md`");
        assert_eq!(diagnostic_text("{name} }{"), "{{name}} }}{{");
    }

    #[test]
    fn doc_text_escapes_markdown() {
        assert_eq!(
            doc_text("see [x] or `y` <b>"),
            "see \\[x\\] or \\`y\\` \\<b\\>"
        );
        assert_eq!(doc_text("plain, text."), "plain, text.");
    }
}
