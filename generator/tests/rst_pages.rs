//! reStructuredText pages (the Open Telekom Cloud docs' Sphinx sources),
//! one rule a test, in the shape of `../shared/corpus-rst`.

use http_returns_build::__private::extract;
use http_returns_build::__private::model::Group;

fn read(page: &str) -> extract::Extraction {
    extract::document("page.rst", page)
}

/// (line, code, group, description) of every row.
fn rows(page: &str) -> Vec<(usize, u16, Option<Group>, String)> {
    read(page)
        .document
        .rows()
        .map(|(table, row)| (row.line, row.code, table.group, row.description.clone()))
        .collect()
}

const PAGE: &str = "\
:original_name: x.html

Returned Values
===============

-  Normal

   200

-  Abnormal

   +-----------------+---------------------------------------+
   | Returned Value  | Description                           |
   +=================+=======================================+
   | 400 Bad Request | The server failed to process the      |
   |                 | request. See :ref:`Error Codes <x>`.  |
   +-----------------+---------------------------------------+

.. table:: **Table 2** Normal values

   =========== ===========
   Status Code Description
   =========== ===========
   201         **Created**
   =========== ===========

**Status code: 200**

.. table:: **Table 3** Response body parameters

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   id        String The ID.
   ========= ====== ===========
";

#[test]
fn grid_and_simple_tables_bare_codes_and_labels() {
    assert_eq!(
        rows(PAGE),
        [
            (8, 200, Some(Group::Normal), String::new()),
            (
                15,
                400,
                Some(Group::Abnormal),
                "The server failed to process the request. See Error Codes.".into()
            ),
            (24, 201, Some(Group::Normal), "Created".into()),
        ]
    );
}

#[test]
fn the_title_is_the_first_section_title() {
    assert_eq!(
        read(PAGE).document.title.as_deref(),
        Some("Returned Values")
    );
}

#[test]
fn a_table_without_its_bottom_border_is_read_and_reported() {
    let cut = &PAGE[..PAGE
        .find("   +-----------------+---------------------------------------+\n\n")
        .unwrap_or(0)];
    let extraction = read(cut);
    assert!(
        extraction.findings.iter().any(|finding| finding
            .clone()
            .in_file("page.rst")
            .to_string()
            .starts_with("page.rst:12: warning: this table has no bottom border")),
        "{:?}",
        extraction.findings
    );
    assert!(extraction.document.rows().any(|(_, row)| row.code == 400));
}

#[test]
fn ragged_and_tab_indented_tables_do_not_panic() {
    for page in [
        "+----+\n| 200 | x |\n+----+----+\n",
        "\t+------+------+\n\t| Code | Text |\n\t+======+======+\n\t| 200  | OK   |\n",
        "=====\n",
        "== ==\nStatus Code\n",
        "+=+\n|\n",
    ] {
        let _ = read(page);
    }
}

#[test]
fn list_and_csv_tables_with_their_captions_as_labels() {
    let page = "\
.. list-table:: **Table 1** Normal values
   :header-rows: 1

   * - Status Code
     - Description
   * - 201
     - Made.

.. csv-table:: **Table 2** Abnormal values
   :header: \"Returned Value\", \"Description\"

   404 Not Found, \"Missing, or gone.\"
";
    assert_eq!(
        rows(page),
        [
            (6, 201, Some(Group::Normal), "Made.".into()),
            (12, 404, Some(Group::Abnormal), "Missing, or gone.".into()),
        ]
    );
}

/// `findings` as `(line, message)`.
fn findings(page: &str) -> Vec<(Option<usize>, String)> {
    read(page)
        .findings
        .into_iter()
        .map(|finding| (finding.line, finding.message))
        .collect()
}

/// In the shape of ELB's "HTTP Status Codes of Shared Load Balancers": a
/// text column named `Possible Cause`, rows that continue a code with an
/// empty code cell, captions that name the group, and an error-code table.
const ELB: &str = r#"HTTP Status Codes
=================

.. table:: **Table 1** Normal response codes

   =========== ========== ========================================
   Status Code Type       Description
   =========== ========== ========================================
   200         OK         Normal response to GET and PUT requests.
   201         Created    Normal response to POST requests.
   =========== ========== ========================================

.. table:: **Table 2** Error codes

   +-------------+--------------+----------------------------------+
   | Status Code | Type         | Possible Cause                   |
   +=============+==============+==================================+
   | 400         | Bad request  | Malformed request URI or body.   |
   +-------------+--------------+----------------------------------+
   |             |              | Invalid parameters.              |
   +-------------+--------------+----------------------------------+
   |             |              | Batch operations are not allowed.|
   +-------------+--------------+----------------------------------+
   | 401         | Unauthorized | Authentication required.         |
   +-------------+--------------+----------------------------------+
   | 404         | Not Found    | The URI does not exist.          |
   +-------------+--------------+----------------------------------+
   |             |              | Invalid port ID.                 |
   +-------------+--------------+----------------------------------+
   | 503         | Unavailable  | Failed to assign the MAC address.|
   +-------------+--------------+----------------------------------+

.. table:: **Table 3** Error codes

   +-------------+------------+-----------------------+
   | Status Code | Error Code | Error Message         |
   +=============+============+=======================+
   | 400         | ELB.1001   | Invalid parameter.    |
   +-------------+------------+-----------------------+
   | 404         | ELB.1002   | Resource not found.   |
   +-------------+------------+-----------------------+
"#;

#[test]
fn a_status_table_reads_whatever_its_text_column_is_called() {
    let read = rows(ELB);
    let codes: Vec<(u16, Option<Group>)> = read.iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(
        codes,
        [
            (200, Some(Group::Normal)),
            (201, Some(Group::Normal)),
            (400, Some(Group::Abnormal)),
            (400, Some(Group::Abnormal)),
            (400, Some(Group::Abnormal)),
            (401, Some(Group::Abnormal)),
            (404, Some(Group::Abnormal)),
            (404, Some(Group::Abnormal)),
            (503, Some(Group::Abnormal)),
        ]
    );
    // A row with an empty code cell carries the code down, with its own text.
    assert_eq!((read[3].0, read[3].3.as_str()), (20, "Invalid parameters."));
    let reasons: Vec<Option<String>> = read_reasons(ELB);
    assert_eq!(reasons[2].as_deref(), Some("Bad request"));
    assert_eq!(reasons[3], None);
}

fn read_reasons(page: &str) -> Vec<Option<String>> {
    read(page)
        .document
        .rows()
        .map(|(_, row)| row.reason.clone())
        .collect()
}

#[test]
fn a_table_that_looks_like_a_status_table_but_is_not_read_says_why() {
    assert_eq!(
        findings(ELB),
        [(
            Some(35),
            "not read as a status table: its `Error Code` column holds service error codes, so it \
             lists errors rather than the statuses an operation answers with"
                .to_owned()
        )]
    );
    let few_codes = "=========== ===========\nStatus Code Description\n=========== ===========\n200         OK.\nsee below   More.\nn/a         Other.\n=========== ===========\n";
    assert_eq!(
        findings(few_codes),
        [
            (
                Some(1),
                "not read as a status table: it is headed `Status Code`, but only 1 of its 3 rows \
                 hold a status code (like `404` or `404 Not Found`) in that column"
                    .to_owned()
            ),
            (None, read(few_codes).findings[1].message.clone()),
        ]
    );
}

/// In the shape of DCS's "Creating a DCS Instance": a note in a cell.
const DCS: &str = r#"Status Codes
------------

+-------------+----------------------------------------------------------------+
| Status Code | Description                                                    |
+=============+================================================================+
| 200         | The instance creation task is submitted successfully.          |
|             |                                                                |
|             | .. note::                                                      |
|             |                                                                |
|             |    If the instance status is **RUNNING**, it has been created. |
+-------------+----------------------------------------------------------------+
| 400         | Invalid request.                                               |
+-------------+----------------------------------------------------------------+
"#;

#[test]
fn a_note_in_a_cell_reads_as_docutils_renders_it() {
    assert_eq!(
        rows(DCS)[0].3,
        "The instance creation task is submitted successfully. Note If the instance status is \
         RUNNING, it has been created."
    );
}

/// docutils: "Malformed table. Text in column margin in table line 5."
const MARGIN: &str = r#"Status Codes
------------

=========  ==========
Status     Description
=========  ==========
400        Invalid request.
401    Invalid authentication information.
=========  ==========
"#;

#[test]
fn text_in_a_simple_tables_margin_is_read_as_meant_and_reported_at_its_line() {
    let read = rows(MARGIN);
    assert_eq!(
        (read[1].0, read[1].1, read[1].3.as_str()),
        (8, 401, "Invalid authentication information.")
    );
    assert_eq!(read_reasons(MARGIN)[1], None, "no reason `Inval`");
    let found = findings(MARGIN);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Some(8));
    assert!(
        found[0].1.starts_with("text in column margin: `Invalid`"),
        "{found:?}"
    );
}

/// Two comments, each holding a status table: docutils publishes neither.
const COMMENT: &str = r#"Status Codes
------------

=========== ================
Status Code Description
=========== ================
200         OK.
=========== ================

..
   =========== ================
   Status Code Description
   =========== ================
   500         Retired.
   =========== ================

.. The old table, kept for reference:

   =========== ================
   Status Code Description
   =========== ================
   503         Retired too.
   =========== ================
"#;

#[test]
fn status_tables_in_comments_are_not_read() {
    let codes: Vec<u16> = rows(COMMENT).iter().map(|r| r.1).collect();
    assert_eq!(codes, [200]);
    let lines: Vec<Option<usize>> = findings(COMMENT).iter().map(|f| f.0).collect();
    assert_eq!(lines, [Some(10), Some(17)]);
    assert!(findings(COMMENT)[0].1.contains("inside a comment"));
}

/// Borders aligned as an editor aligns them around Chinese text, where
/// each character takes two columns; docutils reads it without a message.
const WIDE: &str = r#"状态码
======

+--------+----------------------+
| 状态码 | 描述                 |
+========+======================+
| 200    | 请求成功。           |
+--------+----------------------+
| 404    | 未找到请求的资源。   |
+--------+----------------------+
"#;

#[test]
fn wide_characters_take_two_columns() {
    let read = rows(WIDE);
    let texts: Vec<(u16, &str)> = read.iter().map(|r| (r.1, r.3.as_str())).collect();
    assert_eq!(texts, [(200, "请求成功。"), (404, "未找到请求的资源。")]);
    assert!(findings(WIDE).is_empty(), "{:?}", findings(WIDE));
}
