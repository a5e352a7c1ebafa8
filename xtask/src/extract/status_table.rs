//! Which tables are status tables, and which columns hold the code and the description.

use super::code_cell;
use super::grid::{Grid, GridRow, collapse_whitespace};

/// A status table's columns and rows, found in a [`Grid`].
#[derive(Debug, PartialEq, Eq)]
pub struct StatusTable<'g> {
    /// The column of codes.
    pub code_column: usize,
    /// The column of descriptions, if the table has one.
    pub description_column: Option<usize>,
    /// The body rows.
    pub rows: Vec<&'g GridRow>,
}

impl<'g> StatusTable<'g> {
    /// Reads `grid` as a status table: a header cell names a status column
    /// (`Status Code`, `Returned Value`, `状态码` ...) and at least half of
    /// that column's cells read as codes. Any other table gives `None`.
    pub fn find(grid: &'g Grid) -> Option<Self> {
        let header_at = grid.rows.iter().position(|row| row.header).unwrap_or(0);
        let header = grid.rows.get(header_at)?;
        let rows: Vec<&GridRow> = grid.rows[header_at + 1..]
            .iter()
            .filter(|row| !row.header)
            .collect();
        if rows.is_empty() {
            return None;
        }
        let code_column = header
            .cells
            .iter()
            .enumerate()
            .position(|(column, title)| {
                is_status_header(title) && {
                    let codes = rows.iter().filter(|row| {
                        row.cells
                            .get(column)
                            .is_some_and(|c| code_cell::looks_like_code(c))
                    });
                    codes.count() * 2 >= rows.len()
                }
            })?;
        let others: Vec<usize> = (0..header.cells.len())
            .filter(|&column| column != code_column)
            .collect();
        let description_column = match others.as_slice() {
            [only] => Some(*only),
            _ => others
                .iter()
                .copied()
                .find(|&column| is_description_header(&header.cells[column]))
                .or(others.last().copied()),
        };
        Some(StatusTable {
            code_column,
            description_column,
            rows,
        })
    }
}

/// Header texts that name a status column, lower case, without spaces or
/// punctuation, after any `Normal`/`Error`/`HTTP` qualifier.
const STATUS_HEADERS: &[&str] = &[
    "statuscode",
    "statuscodes",
    "returnedvalue",
    "returnedvalues",
    "returnvalue",
    "returnvalues",
    "returncode",
    "returncodes",
    "responsecode",
    "responsecodes",
    "状态码",
    "返回值",
    "返回码",
    "响应码",
];

/// Qualifiers that may stand before a status header: `Normal/Error Status Code`, `HTTP状态码`.
const QUALIFIERS: &[&str] = &[
    "normal", "abnormal", "error", "http", "正常", "异常", "错误",
];

const DESCRIPTION_HEADERS: &[&str] = &["description", "descriptions", "描述", "说明", "状态说明"];

/// Whether a header cell names a column of status codes.
pub fn is_status_header(title: &str) -> bool {
    let key = header_key(title);
    let mut rest = key.as_str();
    while let Some(shorter) = QUALIFIERS.iter().find_map(|q| rest.strip_prefix(q)) {
        rest = shorter;
    }
    STATUS_HEADERS.contains(&rest)
}

fn is_description_header(title: &str) -> bool {
    DESCRIPTION_HEADERS.contains(&header_key(title).as_str())
}

/// `Normal/Error Status Code` → `normalerrorstatuscode`.
fn header_key(title: &str) -> String {
    collapse_whitespace(title)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            rows: rows
                .iter()
                .enumerate()
                .map(|(index, cells)| GridRow {
                    index,
                    header: index == 0,
                    cells: cells.iter().map(|c| c.to_string()).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn status_headers_in_english_and_chinese() {
        for title in [
            "Returned Value",
            "Returned Values",
            "Status Code",
            "Status code",
            "Return Code",
            "Normal Response Code",
            "Normal/Error Status Code",
            "Error Response Code",
            "HTTP Status Code",
            "状态码",
            "返回值",
            "正常/错误返回码",
            "HTTP状态码",
        ] {
            assert!(is_status_header(title), "{title:?}");
        }
        for title in [
            "Parameter",
            "Description",
            "返回值类型",
            "Error Code",
            "Status",
            "Code",
            "错误码",
        ] {
            assert!(!is_status_header(title), "{title:?}");
        }
    }

    #[test]
    fn a_status_table_needs_a_status_header_over_a_column_of_codes() {
        let status = grid(&[
            &["Returned Value", "Description"],
            &["200", "OK."],
            &["400 Bad Request", "Bad."],
        ]);
        let table = StatusTable::find(&status).expect("a status table");
        assert_eq!(
            (
                table.code_column,
                table.description_column,
                table.rows.len()
            ),
            (0, Some(1), 2)
        );

        let parameters = grid(&[
            &["Parameter", "Type", "Description"],
            &["200", "Integer", "A number."],
        ]);
        assert_eq!(StatusTable::find(&parameters), None, "no status header");

        let error_codes = grid(&[
            &["返回值", "说明"],
            &["BMS.0001", "x"],
            &["BMS.0002", "y"],
            &["200", "z"],
        ]);
        assert_eq!(
            StatusTable::find(&error_codes),
            None,
            "fewer than half the cells are codes"
        );

        let header_only = grid(&[&["Status Code", "Description"]]);
        assert_eq!(StatusTable::find(&header_only), None);
    }

    #[test]
    fn the_description_is_the_column_headed_so_else_the_last() {
        let three = grid(&[
            &["Status Code", "Description", "Returned After"],
            &["200", "OK", "PUT"],
        ]);
        assert_eq!(
            StatusTable::find(&three).and_then(|t| t.description_column),
            Some(1)
        );
        let unnamed = grid(&[&["Status Code", "Type", "Meaning"], &["200", "OK", "Fine."]]);
        assert_eq!(
            StatusTable::find(&unnamed).and_then(|t| t.description_column),
            Some(2)
        );
    }
}
