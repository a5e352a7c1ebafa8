//! Which tables are status tables, and which columns hold the code and the description.

use super::code_cell;
use super::grid::{Grid, GridRow};
use super::text::{key, strip_tags};

/// A status table's columns and rows, found in a [`Grid`].
#[derive(Debug, PartialEq, Eq)]
pub struct StatusTable<'g> {
    /// The column of codes.
    pub code_column: usize,
    /// That column's header text (`Normal Status Code`).
    pub code_header: &'g str,
    /// The column of descriptions, if the table has one.
    pub description_column: Option<usize>,
    /// A column of reason phrases (`OK`, `Bad Request`) beside the codes,
    /// whatever its header says (Type, Status, Message, even Description).
    pub reason_column: Option<usize>,
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
        // Half the cells for a named status column; nearly all for a header
        // that only mentions status (EVS's mislabelled `错误码状态`).
        let code_share = |column: usize| {
            let (codes, counted) = coded_rows(&rows, column);
            codes as f64 / counted.max(1) as f64
        };
        let code_column = header
            .cells
            .iter()
            .enumerate()
            .position(|(column, title)| {
                (is_status_header(title) && code_share(column) >= 0.5)
                    || (mentions_status(title) && code_share(column) >= 0.9)
            })?;
        let others: Vec<usize> = (0..header.cells.len())
            .filter(|&column| column != code_column)
            .collect();
        if others
            .iter()
            .any(|&column| is_error_code_column(&header.cells[column], &rows, column))
        {
            return None;
        }
        // Decided by content: a column of the codes' reason phrases is the
        // reason, whatever its header; the description is the column named
        // so among the rest, else the one with the most text.
        let reason_column = match others.as_slice() {
            [_] => None,
            _ => others
                .iter()
                .copied()
                .find(|&column| is_reason_column(&rows, code_column, column)),
        };
        let rest: Vec<usize> = others
            .iter()
            .copied()
            .filter(|&column| Some(column) != reason_column)
            .collect();
        let description_column = rest
            .iter()
            .copied()
            .find(|&column| is_description_header(&header.cells[column]))
            .or_else(|| {
                rest.iter()
                    .copied()
                    .max_by_key(|&column| (text_length(&rows, column), std::cmp::Reverse(column)))
            });
        let code_header = header.cells[code_column].as_str();
        Some(StatusTable {
            code_column,
            code_header,
            description_column,
            reason_column,
            rows,
        })
    }
}

/// Why `grid` was not read as a status table, where a header cell names a
/// status column (`Status Code`) and so the table looks like one: too few
/// of that column's cells are codes, or another column holds service error
/// codes. `None` for a table that does not look like a status table.
pub fn why_not(grid: &Grid) -> Option<String> {
    let header_at = grid.rows.iter().position(|row| row.header).unwrap_or(0);
    let header = grid.rows.get(header_at)?;
    let column = header
        .cells
        .iter()
        .position(|title| is_status_header(title))?;
    let title = &header.cells[column];
    let rows: Vec<&GridRow> = grid.rows[header_at + 1..]
        .iter()
        .filter(|row| !row.header)
        .collect();
    if rows.is_empty() {
        return Some(format!(
            "not read as a status table: it is headed `{title}` but has no rows below its header"
        ));
    }
    let (codes, counted) = coded_rows(&rows, column);
    if codes * 2 < counted {
        return Some(format!(
            "not read as a status table: it is headed `{title}`, but only {codes} of its {counted} rows \
             hold a status code (like `404` or `404 Not Found`) in that column"
        ));
    }
    let error_column = (0..header.cells.len())
        .filter(|&other| other != column)
        .find(|&other| is_error_code_column(&header.cells[other], &rows, other))?;
    Some(format!(
        "not read as a status table: its `{}` column holds service error codes, so it lists errors \
         rather than the statuses an operation answers with",
        header.cells[error_column]
    ))
}

/// How many of `rows` hold a code (or class) in `column`, and how many
/// rows count: a row whose cell there is empty, after a row with a code,
/// continues that row (its code is carried down, as `rowspan` carries it,
/// `404 | The URI does not exist.` then ` | Invalid port ID.`), so it does
/// not count.
fn coded_rows(rows: &[&GridRow], column: usize) -> (usize, usize) {
    let (mut codes, mut counted, mut after_code) = (0, 0, false);
    for row in rows {
        let cell = row.cells.get(column).map_or("", String::as_str);
        if cell.trim().is_empty() && after_code {
            continue;
        }
        counted += 1;
        if code_cell::looks_like_code(cell) {
            codes += 1;
            after_code = true;
        }
    }
    (codes, counted)
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

const DESCRIPTION_HEADERS: &[&str] = &[
    "description",
    "descriptions",
    "meaning",
    "statuscodedescription",
    "描述",
    "说明",
    "状态说明",
    "含义",
];

/// Whether most cells of `column` are the reason phrase of their row's code
/// (`OK` beside 200, `BadRequest` beside 400), ignoring case and spacing.
fn is_reason_column(rows: &[&GridRow], code_column: usize, column: usize) -> bool {
    let mut registered = 0;
    let mut matching = 0;
    for row in rows {
        let code = row
            .cells
            .get(code_column)
            .and_then(|cell| match code_cell::parse(cell) {
                code_cell::CodeCell::Code { code, .. } => Some(code),
                code_cell::CodeCell::Class { .. } | code_cell::CodeCell::NotACode => None,
            });
        let Some(reason) =
            code.and_then(|code| http::StatusCode::from_u16(code).ok()?.canonical_reason())
        else {
            continue;
        };
        registered += 1;
        let cell = row.cells.get(column).map_or("", String::as_str);
        matching += usize::from(same_words(cell, reason));
    }
    registered > 0 && matching * 2 >= registered
}

/// `Bad Request` ~ `BadRequest` ~ `bad request`.
fn same_words(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

/// How much text `column` holds, to tell prose from short values.
fn text_length(rows: &[&GridRow], column: usize) -> usize {
    rows.iter()
        .filter_map(|row| row.cells.get(column))
        .map(|cell| cell.chars().count())
        .sum()
}

/// Whether a column holds service error codes (`VPC.0101`, `AccessDenied`):
/// headed "Error Code" with mostly short names, or mostly dotted codes
/// whatever its header. A table with such a column lists errors, not the
/// statuses of an operation. Judged by the values: a column headed "Error
/// Code" that holds sentences is a mislabelled description.
fn is_error_code_column(title: &str, rows: &[&GridRow], column: usize) -> bool {
    let cells: Vec<&str> = rows
        .iter()
        .filter_map(|row| row.cells.get(column))
        .map(String::as_str)
        .filter(|cell| !cell.is_empty())
        .collect();
    let most = |test: fn(&str) -> bool| {
        !cells.is_empty() && cells.iter().filter(|c| test(c)).count() * 2 > cells.len()
    };
    let headed = matches!(key(title).as_str(), "errorcode" | "errorcodes" | "错误码");
    // Names, not sentences: `AccessDenied`, `Bad Request`, `VPC.0101`.
    (headed && most(is_name)) || most(is_dotted_code)
}

/// A short name rather than a sentence: at most three words, no full stop.
fn is_name(cell: &str) -> bool {
    cell.split_whitespace().count() <= 3 && !cell.ends_with(['.', '。', '!', '?', '！', '？'])
}

/// `BMS.0001`, `APIGW.0101`: letters, a dot or underscore, digits.
fn is_dotted_code(cell: &str) -> bool {
    let Some((prefix, number)) = cell.split_once(['.', '_']) else {
        return false;
    };
    prefix.starts_with(|c: char| c.is_ascii_alphabetic())
        && prefix.chars().all(|c| c.is_ascii_alphanumeric())
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
}

/// Whether a table's raw first row (HTML, markup and all) could hold a status
/// header: a cheap look that lets most tables (parameter tables) skip the HTML
/// parser. It errs on the side of parsing: any mention of status, a status
/// header word, or a code-like word anywhere in that row keeps the table.
pub fn may_be_status_table(first_row: &str) -> bool {
    let text = key(&strip_tags(first_row));
    STATUS_HEADERS.iter().any(|header| text.contains(header))
        || text.contains("status")
        || text.contains("状态")
}

/// Whether a header cell mentions status at all (`Status`, `错误码状态`).
fn mentions_status(title: &str) -> bool {
    let key = key(title);
    key.contains("status") || key.contains("状态")
}

/// Whether a header cell names a column of status codes.
pub fn is_status_header(title: &str) -> bool {
    let key = key(title);
    let mut rest = key.as_str();
    while let Some(shorter) = QUALIFIERS.iter().find_map(|q| rest.strip_prefix(q)) {
        rest = shorter;
    }
    STATUS_HEADERS.contains(&rest)
}

fn is_description_header(title: &str) -> bool {
    DESCRIPTION_HEADERS.contains(&key(title).as_str())
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
    fn tables_of_service_error_codes_are_not_status_tables() {
        let by_header = grid(&[
            &["Status Code", "Error Code", "Description"],
            &["400", "DCS.4000", "Bad ID."],
            &["404", "NotFound", "Gone."],
        ]);
        assert_eq!(StatusTable::find(&by_header), None);
        let by_values = grid(&[
            &["状态码", "返回信息", "描述"],
            &["400", "VPC.0101", "a"],
            &["400", "VPC.0102", "b"],
        ]);
        assert_eq!(StatusTable::find(&by_values), None);
        let mislabelled = grid(&[
            &["Status Code", "Returned Value", "Error Code"],
            &["200", "OK", "The request succeeded."],
        ]);
        assert!(
            StatusTable::find(&mislabelled).is_some(),
            "sentences under \"Error Code\" are descriptions"
        );
        let reasons = grid(&[
            &["Return Code", "Type", "Description"],
            &["400", "BadRequest", "x"],
            &["500", "ServerTimeout", "y"],
        ]);
        assert!(
            StatusTable::find(&reasons).is_some(),
            "one-word reasons are not error codes"
        );
    }

    #[test]
    fn the_raw_first_row_tells_which_tables_to_parse() {
        assert!(may_be_status_table(
            "<tr><th><p><strong>Returned</strong> Value</p></th><th>Description</th></tr>"
        ));
        assert!(may_be_status_table(
            "<tr><th>错误码状态</th><th>描述</th></tr>"
        ));
        assert!(may_be_status_table(
            "<tr><td>HTTP Status&nbsp;Code</td></tr>"
        ));
        assert!(!may_be_status_table(
            "<tr><th>Parameter</th><th>Type</th><th>Description</th></tr>"
        ));
        assert!(!may_be_status_table(
            "<tr><th>参数</th><th>是否必选</th><th>参数类型</th><th>描述</th></tr>"
        ));
    }

    #[test]
    fn a_header_that_only_mentions_status_needs_a_column_of_codes() {
        let evs = grid(&[
            &["错误码状态", "描述"],
            &["200", "OK"],
            &["400", "Bad Request"],
        ]);
        assert_eq!(StatusTable::find(&evs).map(|t| t.code_column), Some(0));
        let mixed = grid(&[
            &["Status", "Description"],
            &["200", "OK"],
            &["active", "Running."],
        ]);
        assert_eq!(
            StatusTable::find(&mixed),
            None,
            "a status column of words is not one of codes"
        );
    }

    #[test]
    fn columns_are_chosen_by_content_not_header_alone() {
        let columns = |rows: &[&[&str]]| {
            let grid = grid(rows);
            StatusTable::find(&grid).map(|t| (t.reason_column, t.description_column))
        };
        // Description | Meaning: the "Description" holds the reason (waf).
        let waf = columns(&[
            &["Status Code", "Description", "Meaning"],
            &["200", "OK", "The request has succeeded."],
            &["204", "No Content", "Nothing."],
        ]);
        assert_eq!(waf, Some((Some(1), Some(2))));
        // Type holds reasons, Kubernetes-style too.
        let typed = columns(&[
            &["Return Code", "Type", "Description"],
            &["400", "BadRequest", "Bad."],
            &["500", "Internal Server Error", "Oops."],
        ]);
        assert_eq!(typed, Some((Some(1), Some(2))));
        // An extra column that is not the reason: the description is the named one.
        let after = columns(&[
            &["Status Code", "Description", "Returned After"],
            &["200", "Stored.", "PUT Object"],
        ]);
        assert_eq!(after, Some((None, Some(1))));
        // Mislabelled (vpcep): "Returned Value" is the reason, "Error Code" the prose.
        let vpcep = columns(&[
            &["Status Code", "Returned Value", "Error Code"],
            &["200", "OK", "The request succeeded."],
        ]);
        assert_eq!(vpcep, Some((Some(1), Some(2))));
        // Two columns: the other one is the description, even when it is only the reason.
        assert_eq!(
            columns(&[&["Status Code", "Description"], &["201", "OK"]]),
            Some((None, Some(1)))
        );
    }
}
