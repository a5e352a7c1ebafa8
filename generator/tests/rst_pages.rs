//! reStructuredText pages (the Open Telekom Cloud docs' Sphinx sources),
//! one rule a test, in the shape of `../shared/corpus-rst`.

use returns_build::extract;
use returns_build::model::Group;

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
