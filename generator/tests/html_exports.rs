//! Plain HTML exports (`*.html` whole pages, no Markdown around them), one
//! rule a test, in the shape of `../shared/corpus-html` and the same
//! family's elb pages.

use http_returns_build::__private::extract;
use http_returns_build::__private::model::Group;

/// (code, group, label, description) of every row, in page order.
fn rows(page: &str) -> Vec<(u16, Option<Group>, Option<String>, String)> {
    let extraction = extract::document("page.html", page);
    extraction
        .document
        .rows()
        .map(|(table, row)| {
            (
                row.code,
                table.group,
                table.label.clone(),
                row.description.clone(),
            )
        })
        .collect()
}

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Returned Values</title></head>\n<body>\n{body}\n</body></html>\n"
    )
}

fn table(rows: &[(&str, &str)]) -> String {
    let mut out = String::from(
        "<div class=\"tablenoborder\"><table><thead align=\"left\"><tr><th><p>Returned Value</p></th><th><p>Description</p></th></tr></thead><tbody>\n",
    );
    for (code, description) in rows {
        out += &format!("<tr><td><p>{code}</p></td><td><p>{description}</p></td></tr>\n");
    }
    out + "</tbody></table></div>"
}

#[test]
fn list_items_name_the_group_of_the_table_inside_them() {
    let body = format!(
        "<ul><li>Normal{}</li>\n<li>Abnormal{}</li></ul>",
        table(&[("200", "OK.")]),
        table(&[("404 Not Found", "Missing.")])
    );
    assert_eq!(
        rows(&page(&body)),
        [
            (
                200,
                Some(Group::Normal),
                Some("Normal".into()),
                "OK.".into()
            ),
            (
                404,
                Some(Group::Abnormal),
                Some("Abnormal".into()),
                "Missing.".into()
            ),
        ]
    );
}

#[test]
fn a_caption_names_the_group() {
    let body = table(&[("500", "Broken.")]).replace(
        "<table>",
        "<table><caption><b>Table 1 </b>Error status codes</caption>",
    );
    let found = rows(&page(&body));
    assert_eq!(found[0].1, Some(Group::Abnormal), "{found:?}");
}

#[test]
fn a_section_title_names_the_group() {
    let body = format!(
        "<div class=\"section\"><h4 class=\"sectiontitle\">Normal</h4>{}</div>",
        table(&[("201", "Made.")])
    );
    let found = rows(&page(&body));
    assert_eq!(found[0].1, Some(Group::Normal), "{found:?}");
}

#[test]
fn bare_codes_in_a_list_item_beside_a_table_are_rows() {
    let body = format!(
        "<ul><li>Normal<p>200</p></li>\n<li>Error{}</li></ul>",
        table(&[("400", "Bad.")])
    );
    let found = rows(&page(&body));
    assert_eq!(
        found.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>(),
        [(200, Some(Group::Normal)), (400, Some(Group::Abnormal))],
        "{found:?}"
    );
}

#[test]
fn the_title_is_the_pages_title() {
    let extraction = extract::document("page.html", &page(&table(&[("200", "OK.")])));
    assert_eq!(
        extraction.document.title.as_deref(),
        Some("Returned Values")
    );
}
