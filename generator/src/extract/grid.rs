//! One HTML table as a grid of plain-text cells, spans expanded.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::text::collapse_whitespace;

/// The HTML limits on spans: larger values are read as these.
const MAX_ROWSPAN: usize = 65_534;
const MAX_COLSPAN: usize = 1_000;

/// A table's rows, each cell as plain text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// Rows in document order, `<thead>` rows first as HTML orders them.
    pub rows: Vec<GridRow>,
}

/// One row of a [`Grid`].
#[derive(Debug, PartialEq, Eq)]
pub struct GridRow {
    /// Index of the row among the table's own rows, to find its line.
    pub index: usize,
    /// Whether the row is a header row: in `<thead>`, or made of `<th>` only.
    pub header: bool,
    /// One text per column; a spanning cell's text fills every column and row it spans.
    pub cells: Vec<String>,
}

impl Grid {
    /// Parses `html`, which starts with a `<table>` tag.
    pub fn parse(html: &str) -> Grid {
        let fragment = Html::parse_fragment(html);
        let Some(table) = fragment
            .root_element()
            .descendent_elements()
            .find(|e| e.value().name() == "table")
        else {
            return Grid::default();
        };
        let mut grid = Grid::default();
        // A cell spanning rows below it: (column, text, rows still to fill).
        let mut pending: Vec<(usize, String, usize)> = Vec::new();
        for (index, (row, in_head)) in own_rows(table).enumerate() {
            let mut cells: Vec<String> = Vec::new();
            let mut all_th = true;
            let mut any_cell = false;
            let fill_pending =
                |cells: &mut Vec<String>, pending: &mut Vec<(usize, String, usize)>| {
                    while let Some(slot) = pending
                        .iter_mut()
                        .find(|(column, _, _)| *column == cells.len())
                    {
                        cells.push(slot.1.clone());
                        slot.2 -= 1;
                    }
                    pending.retain(|(_, _, left)| *left > 0);
                };
            for cell in row.child_elements() {
                let name = cell.value().name();
                if name != "td" && name != "th" {
                    continue;
                }
                any_cell = true;
                all_th &= name == "th";
                fill_pending(&mut cells, &mut pending);
                let text = cell_text(cell);
                let rowspan = span(cell, "rowspan", MAX_ROWSPAN);
                for _ in 0..span(cell, "colspan", MAX_COLSPAN) {
                    if rowspan > 1 {
                        pending.push((cells.len(), text.clone(), rowspan - 1));
                    }
                    cells.push(text.clone());
                }
            }
            // Spans from above that reach past this row's last cell.
            while pending.iter().any(|(column, _, _)| *column >= cells.len()) {
                let next = pending
                    .iter()
                    .map(|(column, _, _)| *column)
                    .filter(|&c| c >= cells.len())
                    .min();
                if let Some(column) = next {
                    cells.resize(column, String::new());
                }
                fill_pending(&mut cells, &mut pending);
            }
            grid.rows.push(GridRow {
                index,
                header: in_head || (any_cell && all_th),
                cells,
            });
        }
        grid
    }
}

/// The table's own `<tr>` elements, with whether each sits in `<thead>`.
fn own_rows(table: ElementRef<'_>) -> impl Iterator<Item = (ElementRef<'_>, bool)> {
    table.child_elements().flat_map(|child| {
        let name = child.value().name();
        let rows: Vec<(ElementRef<'_>, bool)> = match name {
            "tr" => vec![(child, false)],
            "thead" | "tbody" | "tfoot" => child
                .child_elements()
                .filter(|row| row.value().name() == "tr")
                .map(|row| (row, name == "thead"))
                .collect(),
            _ => Vec::new(),
        };
        rows
    })
}

/// A span attribute, read as HTML does: absent, zero or garbage is 1.
fn span(cell: ElementRef<'_>, attribute: &str, max: usize) -> usize {
    cell.attr(attribute)
        .and_then(|value| value.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .map_or(1, |n| n.min(max))
}

/// The cell's text with markup removed and whitespace collapsed; block
/// elements (`<p>`, `<li>`, `<br>` ...) separate words as they do on the page.
pub fn cell_text(cell: ElementRef<'_>) -> String {
    let mut raw = String::new();
    for edge in cell.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => raw.push_str(text),
                Node::Element(element) if is_block(element.name()) => raw.push(' '),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if is_block(element.name()) {
                        raw.push(' ');
                    }
                }
            }
        }
    }
    collapse_whitespace(&raw)
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "blockquote"
            | "hr"
    )
}

#[cfg(test)]
impl Grid {
    /// Each row's cell texts, for comparing in tests.
    pub(crate) fn texts(&self) -> Vec<Vec<&str>> {
        self.rows
            .iter()
            .map(|row| row.cells.iter().map(String::as_str).collect())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_and_body_rows_as_plain_text() {
        let grid = Grid::parse(
            "<table><thead align=\"left\"><tr><th><p><a name=\"x\"></a><strong>Returned</strong> Value</p></th><th>Description</th></tr></thead>\n\
             <tbody><tr><td><p>400 Bad Request</p></td><td><p>The  server\n   failed</p><p>to process&nbsp;it.</p></td></tr></tbody></table>",
        );
        assert_eq!(
            grid.texts(),
            vec![
                vec!["Returned Value", "Description"],
                vec!["400 Bad Request", "The server failed to process it."]
            ]
        );
        assert!(grid.rows[0].header);
        assert!(!grid.rows[1].header);
        assert_eq!(grid.rows[1].index, 1);
    }

    #[test]
    fn a_row_of_th_is_a_header_even_outside_thead() {
        let grid = Grid::parse("<table><tr><th>Status Code</th></tr><tr><td>200</td></tr></table>");
        assert_eq!(
            grid.rows.iter().map(|row| row.header).collect::<Vec<_>>(),
            [true, false]
        );
    }

    #[test]
    fn lists_and_links_in_a_cell_keep_their_words_apart() {
        let grid = Grid::parse(
            "<table><tr><td><ul><li>one</li><li>two</li></ul>see <a href=\"#\">here</a><em>!</em></td></tr></table>",
        );
        assert_eq!(grid.texts(), vec![vec!["one two see here!"]]);
    }

    #[test]
    fn rowspan_and_colspan_fill_every_slot_they_cover() {
        let grid = Grid::parse(
            "<table><tr><td rowspan=\"3\">400</td><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr>\
             <tr><td colspan=\"2\">wide</td></tr><tr><td>x</td><td rowspan=\"2\">y</td></tr><tr><td>z</td></tr></table>",
        );
        assert_eq!(
            grid.texts(),
            vec![
                vec!["400", "a"],
                vec!["400", "b"],
                vec!["400", "c"],
                vec!["wide", "wide"],
                vec!["x", "y"],
                vec!["z", "y"],
            ]
        );
    }

    #[test]
    fn absurd_spans_are_capped_not_allocated() {
        let grid = Grid::parse(
            "<table><tr><td rowspan=\"4294967296\" colspan=\"999999999\">a</td></tr><tr></tr></table>",
        );
        assert_eq!(grid.rows[0].cells.len(), MAX_COLSPAN);
        assert_eq!(grid.rows[1].cells.len(), MAX_COLSPAN);
    }

    #[test]
    fn nested_tables_stay_inside_their_cell() {
        let grid = Grid::parse(
            "<table><tr><td>200</td><td><table><tr><td>inner</td></tr></table></td></tr></table>",
        );
        assert_eq!(grid.texts(), vec![vec!["200", "inner"]]);
    }
}
