//! The operations a page documents: under its `URI` heading, a method and
//! a path template, `POST /v3/groups` or `DELETE /v3/groups/\{group\_id\}`.
//!
//! A page states its operation in each form alike: a plain line or a code
//! block under a Markdown `## URI` heading (also in a list item such as
//! `-   URI format`), under an HTML export's `<h4 class="sectiontitle">URI</h4>`,
//! or under a reStructuredText `URI` section title (also in a
//! `.. code-block::`). The path is kept as written, its escapes removed and
//! its query string dropped, written plainly (`?limit={limit}`) or as a URI
//! template (`{?limit,offset}`). A URL whose host is a
//! placeholder (`https://{Endpoint}/v3/...`) gives its path; one with a real
//! host is an example, as is a line quoted in a note (`>GET /v1/3ac2...`).
//! A page that states several (v1 and v1.1 of one call) keeps each, once.

use super::examples::Hidden;
use super::source::Source;
use super::text::strip_tags;
use crate::model::StatedOperation;

/// The methods a page may state, as HTTP spells them.
const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// A `URI` section: its heading's 1-based line, and its text lines, each
/// with its own.
struct Section {
    heading: usize,
    lines: Vec<(usize, String)>,
}

/// Every operation stated under the page's `URI` headings, in page order,
/// each once; and, as `(line, message)` at its heading, each `URI` section
/// that states none this reader can take, so that a page whose operation
/// is written some other way is not passed over without a word.
///
/// What the page hides (`hidden`, the table reader's own account) is
/// hidden here too: a heading in code, a `<pre>`, a comment or a script is
/// no heading, and a line in a comment or a script is not read. A line
/// that starts like an operation but is not one well-formed operation (two
/// methods, braces that do not pair, a space in the path) is reported at
/// its line, never read as a guess.
pub fn find(source: &Source<'_>, hidden: &Hidden) -> (Vec<StatedOperation>, Vec<(usize, String)>) {
    let mut operations: Vec<StatedOperation> = Vec::new();
    let mut unread = Vec::new();
    let sections = if source.rst {
        rst_sections(source, hidden)
    } else {
        markup_sections(source, hidden)
    };
    for section in sections {
        let mut found = false;
        for (line, text) in section.lines {
            let (method, path) = match operation(&text) {
                Read::Operation(method, path) => (method, path),
                Read::Malformed(why) => {
                    found = true;
                    unread.push((line, why));
                    continue;
                }
                Read::Other => continue,
            };
            found = true;
            if !operations
                .iter()
                .any(|known| known.method == method && known.path == path)
            {
                operations.push(StatedOperation {
                    line,
                    method: method.to_owned(),
                    path,
                });
            }
        }
        if !found {
            unread.push((
                section.heading,
                "this URI section states no operation this reader can take (a line that starts with \
                 a method and a path, like `GET /v3/groups/{group_id}`), so routes cannot find this \
                 page by its operation"
                    .to_owned(),
            ));
        }
    }
    (operations, unread)
}

/// Whether a heading's text names the URI section: `URI`, `**URI**`.
fn is_uri_heading(text: &str) -> bool {
    let text = strip_tags(text);
    text.trim_matches(|c: char| c == '*' || c == ':' || c == '：' || c.is_whitespace())
        .eq_ignore_ascii_case("uri")
}

/// A Markdown page's or an HTML export's URI sections: from a `## URI`
/// heading (or an `<hN>` whose text is `URI`) to the next heading of either
/// kind. Tags end a line, so `<p>GET /a</p><p>GET /b</p>` gives two.
fn markup_sections(source: &Source<'_>, hidden: &Hidden) -> Vec<Section> {
    let text = source.text;
    // Every heading, as (start, end of its own text, whether it is `URI`).
    let mut headings: Vec<(usize, usize, bool)> = Vec::new();
    for (offset, line) in source.lines() {
        if hidden.no_heading_at(offset) {
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            let rest = rest.trim_start_matches('#');
            if rest.starts_with(char::is_whitespace) {
                headings.push((offset, offset + line.len(), is_uri_heading(rest)));
            }
        }
    }
    let lower = text.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = lower[at..].find("<h") {
        let start = at + found;
        at = start + 2;
        let level = lower.as_bytes().get(start + 2).copied();
        if !level.is_some_and(|b| (b'1'..=b'6').contains(&b)) {
            continue;
        }
        let close = format!("</h{}", char::from(level.unwrap_or(b'1')));
        let Some(end) = lower[start..].find(&close).map(|end| start + end) else {
            continue;
        };
        let end = lower[end..].find('>').map_or(end, |gt| end + gt + 1);
        if !hidden.no_heading_at(start) {
            headings.push((start, end, is_uri_heading(&text[start..end])));
        }
    }
    headings.sort_unstable();
    let mut out = Vec::new();
    for (i, &(start, end, uri)) in headings.iter().enumerate() {
        if !uri {
            continue;
        }
        let stop = headings.get(i + 1).map_or(text.len(), |&(next, _, _)| next);
        out.push(Section {
            heading: source.line_of(start),
            lines: text_lines(source, end..stop.max(end), hidden),
        });
    }
    out
}

/// The text of `range` outside tags, cut into lines at line breaks and at
/// tags, each with the 1-based line it starts on; entities decoded.
fn text_lines(
    source: &Source<'_>,
    range: std::ops::Range<usize>,
    hidden: &Hidden,
) -> Vec<(usize, String)> {
    let text = &source.text[range.clone()];
    let mut out = Vec::new();
    let mut run_start = range.start;
    let mut run = String::new();
    let mut in_tag = false;
    let mut flush = |run: &mut String, start: usize| {
        for (i, piece) in run.split('\n').enumerate() {
            let skipped: usize = run.split('\n').take(i).map(|p| p.len() + 1).sum();
            if !piece.trim().is_empty() {
                out.push((source.line_of(start + skipped), decode(piece.trim())));
            }
        }
        run.clear();
    };
    for (i, c) in text.char_indices() {
        // A comment or a script ends the run, and nothing in it is read.
        if hidden.unpublished(range.start + i) {
            if !run.is_empty() {
                flush(&mut run, run_start);
            }
            in_tag = false;
            run_start = range.start + i + c.len_utf8();
            continue;
        }
        match c {
            '<' => {
                flush(&mut run, run_start);
                in_tag = true;
            }
            '>' if in_tag => {
                in_tag = false;
                run_start = range.start + i + 1;
            }
            _ if !in_tag => run.push(c),
            _ => {}
        }
    }
    flush(&mut run, run_start);
    out
}

/// The few entities a URI line holds.
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A reStructuredText page's `URI` sections: from under the title's
/// underline to the next title.
fn rst_sections(source: &Source<'_>, hidden: &Hidden) -> Vec<Section> {
    let offsets: Vec<usize> = source.lines().map(|(offset, _)| offset).collect();
    let lines: Vec<&str> = source.lines().map(|(_, line)| line).collect();
    let titled = |i: usize| -> bool {
        if hidden.no_heading_at(offsets[i]) {
            return false;
        }
        let (Some(title), Some(under)) = (lines.get(i), lines.get(i + 1)) else {
            return false;
        };
        let under = under.trim_end();
        let mark = under.chars().next();
        !title.trim().is_empty()
            && !title.starts_with(char::is_whitespace)
            && mark.is_some_and(|m| m.is_ascii_punctuation() && m != '.' && m != ':')
            && under.chars().all(|c| Some(c) == mark)
            && under.chars().count() >= title.trim_end().chars().count().min(3)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if titled(i) && is_uri_heading(lines[i]) {
            let mut section = Section {
                heading: i + 1,
                lines: Vec::new(),
            };
            let mut j = i + 2;
            while j < lines.len() && !titled(j) {
                if !lines[j].trim().is_empty() && !hidden.unpublished(offsets[j]) {
                    section.lines.push((j + 1, lines[j].trim().to_owned()));
                }
                j += 1;
            }
            out.push(section);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// What a line of a `URI` section is.
#[derive(Debug, PartialEq, Eq)]
enum Read {
    /// One well-formed operation: its method and path template.
    Operation(&'static str, String),
    /// A line that starts like an operation but is not one: why.
    Malformed(String),
    /// Prose, an example, or anything else.
    Other,
}

/// `GET /v3/groups/\{group\_id\}` → (`GET`, `/v3/groups/{group_id}`): a line
/// that starts with a method and a path template, or a URL whose host is a
/// placeholder. List markers and code marks before it are passed over; a
/// line quoted in a note (`>`) is an example.
fn operation(line: &str) -> Read {
    let Some((method, rest, written)) = method_first(line) else {
        return Read::Other;
    };
    // `GET/POST /v1/x`: two methods, one path.
    if let Some(after) = rest.strip_prefix('/') {
        let second = after
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if METHODS.contains(&second) {
            return Read::Malformed(format!(
                "`{written}` names two methods: state each operation on a line of its own, so \
                 that routes can find this page by it"
            ));
        }
    }
    let Some((path, after_space)) = template(rest) else {
        return Read::Other;
    };
    if !braces_pair(&path) {
        return Read::Malformed(format!(
            "the braces in `{path}` do not pair, so it is not a path template: `{written}` is not read"
        ));
    }
    // `GET /v1/my items`: the path goes on after a space. A note after it,
    // in parentheses or after a dash, is prose.
    if after_space.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '/' | '{' | '_' | '%'))
    {
        return Read::Malformed(format!(
            "`{written}` has a space after `{path}`: a path has none (write it `%20`), and prose \
             after an operation goes in parentheses; not read"
        ));
    }
    Read::Operation(method, path)
}

/// The method a line starts with, what follows it, and the line as
/// written: list markers, code marks and a `URI format:` label before it
/// are passed over; a line quoted in a note (`>`) is an example.
fn method_first(line: &str) -> Option<(&'static str, &str, &str)> {
    let line = line
        .trim_start_matches(['-', '*', '+', '`', ' '])
        .trim_start();
    if line.starts_with('>') {
        return None;
    }
    // A label before it on the line: `URI format: DELETE /v1.0/...` (DMS).
    let line = line
        .split_once([':', '：'])
        .filter(|(label, _)| label.to_ascii_uppercase().contains("URI") && label.len() <= 24)
        .map_or(line, |(_, rest)| rest.trim_start());
    let word_end = line
        .find(|c: char| !c.is_ascii_uppercase())
        .unwrap_or(line.len());
    let method = METHODS.iter().find(|m| **m == &line[..word_end])?;
    let rest = &line[word_end..];
    if !(rest.starts_with(char::is_whitespace) || rest.starts_with('/')) {
        return None;
    }
    Some((method, rest, line.trim_end()))
}

/// The path template after the method, and what follows it after a space;
/// `None` where it is no template (a URL with a real host is an example).
fn template(rest: &str) -> Option<(String, String)> {
    // Escapes (`\{`, `\_`) and emphasis (`{*Endpoint*}`) are markup.
    let rest: String = rest
        .trim_start()
        .chars()
        .filter(|&c| c != '\\' && c != '*' && c != '`')
        .collect();
    // The query ends the path, written plainly or as a URI template, which
    // may hold spaces (`/v3/endpoints{?interface, service_id}`).
    let query = ["?", "{?", "{&"]
        .iter()
        .filter_map(|mark| rest.find(mark))
        .min();
    let mut target = rest[..query.unwrap_or(rest.len())].to_owned();
    let after_space = target
        .find(char::is_whitespace)
        .map(|at| target[at..].trim_start().to_owned())
        .unwrap_or_default();
    target.truncate(target.find(char::is_whitespace).unwrap_or(target.len()));
    let path = match target.find("://") {
        Some(scheme) => {
            let after = &target[scheme + 3..];
            let (host, path) = after.split_at(after.find('/')?);
            // A placeholder host is a template; a real one is an example.
            if !host.starts_with('{') {
                return None;
            }
            path.to_owned()
        }
        None if target.starts_with('{') => target[target.find('/')?..].to_owned(),
        None => target,
    };
    let path = path
        .trim_end_matches([',', ';', '.', ')', '：', ':'])
        .to_owned();
    let plain = path.starts_with('/') && !path.chars().any(|c| c.is_whitespace() || c.is_control());
    plain.then_some((path, after_space))
}

/// Whether each `{` in `path` is closed by a `}` before the next opens.
fn braces_pair(path: &str) -> bool {
    let mut open = false;
    for c in path.chars() {
        match (c, open) {
            ('{', false) => open = true,
            ('}', true) => open = false,
            ('{' | '}', _) => return false,
            _ => {}
        }
    }
    !open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str, text: &str) -> Vec<(usize, String)> {
        let mut source = Source::new(text);
        source.rst = path.ends_with(".rst");
        find(&source, &Hidden::of(&source))
            .0
            .into_iter()
            .map(|op| (op.line, format!("{} {}", op.method, op.path)))
            .collect()
    }

    #[test]
    fn a_markdown_uri_section_in_its_forms() {
        let page = "# Deleting a User Group\n\n## URI<a name=\"s1\"></a>\n\n-   URI format\n\n    DELETE /v3/groups/\\{group\\_id\\}\n\n## Request\n\nGET /not/this\n";
        assert_eq!(
            read("a.md", page),
            [(7, "DELETE /v3/groups/{group_id}".to_owned())]
        );
        let several = "## URI\n\nPATCH /apis/apps/v1/x/\\{name\\}/scale \\(Supports only1.9\\)\n\nPATCH /apis/apps/v1beta1/x/\\{name\\}/scale \\(Compatible\\)\n\nGET /v2/repos?namespace=\\{namespace\\}&limit=\\{limit\\}\n\n>![](/images/icon-note.gif) **NOTE:**\n>GET  /v1/3ac26c59/waf/event\n\n```\nGET https://{Endpoint}/v2/repos?x=1\nGET https://example.com/v1/real\n```\nGET/\\{api\\_version\\}\n";
        assert_eq!(
            read("a.md", several),
            [
                (3, "PATCH /apis/apps/v1/x/{name}/scale".to_owned()),
                (5, "PATCH /apis/apps/v1beta1/x/{name}/scale".to_owned()),
                (7, "GET /v2/repos".to_owned()),
                (16, "GET /{api_version}".to_owned()),
            ]
        );
    }

    #[test]
    fn an_html_exports_section_title() {
        let page = "<html><body>\n<div class=\"section\"><h4 class=\"sectiontitle\">URI</h4><p id=\"p1\">POST /v1/{project_id}/cloudservers/{server_id}/resize</p>\n</div>\n<div class=\"section\"><h4 class=\"sectiontitle\">Request</h4><p>GET /no</p></div></body></html>\n";
        assert_eq!(
            read("a.html", page),
            [(
                2,
                "POST /v1/{project_id}/cloudservers/{server_id}/resize".to_owned()
            )]
        );
    }

    #[test]
    fn a_restructuredtext_uri_section_and_its_code_block() {
        let page = "Creating\n========\n\nURI\n---\n\n-  URI format\n\n   POST https://{*Endpoint*}/v3/{project_id}/backups\n\n.. code-block:: text\n\n   PUT /v2/images/{image_id}/tags/{tag}\n\nRequest\n-------\n\nGET /not/this\n";
        assert_eq!(
            read("a.rst", page),
            [
                (9, "POST /v3/{project_id}/backups".to_owned()),
                (13, "PUT /v2/images/{image_id}/tags/{tag}".to_owned())
            ]
        );
    }

    #[test]
    fn prose_and_pages_without_a_uri_section_state_none() {
        assert!(
            read(
                "a.md",
                "# Title\n\nGET /v1/x\n\n## Security\n\nPOST /v1/y\n"
            )
            .is_empty()
        );
        assert!(read("a.md", "## URI\n\nThe GET /v1/x call lists.\nGETS /v1/x\n").is_empty());
        assert!(
            matches!(operation("GET /v1/{a"), Read::Malformed(_)),
            "unbalanced braces"
        );
    }

    #[test]
    fn a_label_before_the_operation_is_passed_over() {
        assert_eq!(
            operation("URI format: DELETE /v1.0/\\{project\\_id\\}/instances"),
            Read::Operation("DELETE", "/v1.0/{project_id}/instances".to_owned())
        );
        assert_eq!(
            operation("Note: GET /v1/x"),
            Read::Other,
            "only a label that names the URI"
        );
    }

    #[test]
    fn a_uri_templates_query_ends_the_path() {
        // CTS (Markdown), IAM (reStructuredText, a space in the braces), ECS (HTML).
        assert_eq!(
            operation("GET /v1.0/\\{project\\_id\\}/trace\\{?trace\\_id,limit\\}"),
            Read::Operation("GET", "/v1.0/{project_id}/trace".to_owned())
        );
        assert_eq!(
            operation("GET /v3/endpoints{?interface, service_id}"),
            Read::Operation("GET", "/v3/endpoints".to_owned())
        );
        assert_eq!(
            operation("DELETE /v2.1/{project_id}/os-interface/{port_id}{?reserve_port}"),
            Read::Operation(
                "DELETE",
                "/v2.1/{project_id}/os-interface/{port_id}".to_owned()
            )
        );
    }

    #[test]
    fn a_uri_section_that_states_nothing_readable_is_reported_at_its_heading() {
        // BMS writes the method, then prose, then the path on a line of its own.
        let page = "# 查询\n\n## URI<a name=\"s\"></a>\n\nGET 参数说明请参见[表1](#t)。\n\n/v1/\\{project\\_id\\}/baremetalservers\n\n## 请求\n";
        let source = Source::new(page);
        let (operations, unread) = find(&source, &Hidden::of(&source));
        assert!(operations.is_empty());
        assert_eq!(unread.len(), 1);
        assert_eq!(unread[0].0, 3);
        assert!(
            unread[0]
                .1
                .starts_with("this URI section states no operation")
        );
    }
}
