#!/usr/bin/env python3
"""The operations pages document, read independently of returns' extractor.

For `cargo xtask agree --operations FILE`: each page's `URI` section, read with
other tools than the product code uses, gives the operations it states
(`POST /v3/groups`). One JSON object per line and page that states one:
{"file": PATH, "operations": ["POST /v3/groups", ...]}, PATH relative to DIR.

    python3 xtask/peer/operations.py DIR > DIR.operations.jsonl

- reStructuredText: docutils parses the page (Sphinx roles and directives get
  stubs); the text of each section titled `URI`, paragraphs and literal
  blocks alike.
- HTML exports: html.parser; the text after an <h1>..<h6> whose text is `URI`
  up to the next heading, block elements ending lines.
- Markdown: the lines after a `#` heading whose text is `URI` up to the next
  one, tags removed and backslash escapes undone.

A line states an operation when it starts (after a list marker, and a label
naming the URI such as `URI format:`) with an HTTP method and a path, or a URL whose host is a `{placeholder}`; lines quoted
with `>` are notes. The query string is dropped, plain (`?x=1`) or as a URI
template (`{?x,y}`).
Requires: pip install docutils (tested with 0.19).
"""

import html.parser
import json
import os
import re
import sys

METHODS = "GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS"
LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:(?i:[^:：]{0,24}uri[^:：]{0,24})[:：]\s*)?`*(" + METHODS + r")(?:\s+|(?=/))(\S+)"
)


def operation(line):
    """'GET /v1/{id}?x=1' -> 'GET /v1/{id}', or None."""
    if line.lstrip().startswith(">"):
        return None
    m = LINE.match(line)
    if not m:
        return None
    method, target = m.group(1), m.group(2)
    target = target.replace("\\", "").replace("*", "").replace("`", "")
    # the query, plain or as a URI template (`{?limit,offset}`), ends the path
    target = re.split(r"\{[?&]|\?", target, maxsplit=1)[0]
    url = re.match(r"^https?://(\{[^/]*\})(/.*)$", target) or re.match(r"^(\{[^/]*\})(/.*)$", target)
    if url:
        target = url.group(2)
    elif "://" in target:
        return None  # a real host: an example
    target = target.rstrip(",;.):：")
    if not target.startswith("/") or target.count("{") != target.count("}"):
        return None
    return f"{method} {target}"


def unique(ops):
    seen = []
    for op in ops:
        if op and op not in seen:
            seen.append(op)
    return seen


# ---------------------------------------------------------------- Markdown
HEADING = re.compile(r"^#{1,6}\s+(.*)$")


def is_uri(text):
    text = re.sub(r"<[^>]*>", "", text)
    return text.strip(" *:：\t").upper() == "URI"


def markdown(text):
    ops, inside = [], False
    for raw in text.split("\n"):
        h = HEADING.match(raw)
        if h:
            inside = is_uri(h.group(1))
            continue
        if re.search(r"<h[1-6][\s>]", raw, re.I):
            # an HTML heading inside Markdown: read the line as HTML
            ops += html_page(raw)
            inside = bool(re.search(r"<h[1-6][^>]*>\s*URI\s*</h[1-6]>", raw, re.I))
            continue
        if inside:
            for piece in re.split(r"<[^>]*>", raw):
                ops.append(operation(piece))
    return unique(ops)


# -------------------------------------------------------------------- HTML
class Sections(html.parser.HTMLParser):
    BLOCKS = {"p", "div", "pre", "li", "br", "tr", "td", "th", "table", "ul", "ol", "section"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.heading = None  # text of the heading being read
        self.inside = False
        self.lines = [""]

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = ""
        elif tag in self.BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self.heading is not None:
            self.inside = is_uri(self.heading)
            self.heading = None
            self.lines.append("")
        elif tag in self.BLOCKS:
            self.lines.append("")

    def handle_data(self, data):
        if self.heading is not None:
            self.heading += data
        elif self.inside:
            parts = data.split("\n")
            self.lines[-1] += parts[0]
            self.lines.extend(parts[1:])


def html_page(text):
    parser = Sections()
    parser.feed(text)
    parser.close()
    return unique(operation(line) for line in parser.lines)


# ---------------------------------------------------------- reStructuredText
def rst(text):
    import docutils.core
    import docutils.nodes
    from docutils.parsers.rst import Directive, directives, roles

    def title_role(name, rawtext, text, lineno, inliner, options=None, content=None):
        shown = re.sub(r"\s*<[^>]*>$", "", text)
        return [docutils.nodes.Text(shown)], []

    for name in ("ref", "doc", "download", "term", "numref", "abbr", "guilabel", "menuselection"):
        roles.register_local_role(name, title_role)

    class Literal(Directive):
        has_content = True
        optional_arguments = 1
        final_argument_whitespace = True
        option_spec = None

        def run(self):
            return [docutils.nodes.literal_block("", "\n".join(self.content))]

    class Nothing(Directive):
        has_content = True
        optional_arguments = 10
        final_argument_whitespace = True
        option_spec = None

        def run(self):
            return []

    for name in ("code-block", "sourcecode", "code"):
        directives.register_directive(name, Literal)
    for name in ("toctree", "index", "only", "tabularcolumns", "highlight"):
        directives.register_directive(name, Nothing)

    tree = docutils.core.publish_doctree(
        text, settings_overrides={"report_level": 5, "halt_level": 5, "file_insertion_enabled": False}
    )
    ops = []
    for section in tree.traverse(docutils.nodes.section):
        title = section.next_node(docutils.nodes.title)
        if title is None or not is_uri(title.astext()):
            continue
        for node in section.traverse(lambda n: isinstance(n, (docutils.nodes.paragraph, docutils.nodes.literal_block))):
            # only this section's own text, not a subsection's
            parent = node.parent
            while parent is not None and not isinstance(parent, docutils.nodes.section):
                parent = parent.parent
            if parent is not section:
                continue
            for line in node.astext().split("\n"):
                ops.append(operation(line))
    return unique(ops)


def read(path):
    text = open(path, encoding="utf-8").read()
    lower = path.lower()
    if lower.endswith(".rst"):
        return rst(text)
    if lower.endswith((".html", ".htm")):
        return html_page(text)
    return markdown(text)


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: operations.py DIR")
    root = argv[1]
    paths = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("reference", "peer"))
        for name in files:
            if name.lower().endswith((".md", ".markdown", ".html", ".htm", ".rst")) and not name.startswith("."):
                if name in ("README.md", "SOURCES.md") and folder == root:
                    continue
                paths.append(os.path.join(folder, name))
    for path in sorted(paths):
        ops = read(path)
        if ops:
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            print(json.dumps({"file": rel, "operations": ops}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
