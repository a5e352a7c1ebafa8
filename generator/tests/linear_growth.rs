//! Extraction time grows linearly with a page: reading one grid table of
//! 4N rows takes about four times as long as N rows, where a quadratic
//! reader takes sixteen. Timed here as a ratio within one run (the fastest
//! of three runs of each size), so that the machine's speed cancels out;
//! the bound, 8x, sits between the two.

use std::time::{Duration, Instant};

use http_returns_build::__private::extract;

/// A page with one grid table of `rows` status rows, each on two lines.
fn grid_page(rows: usize) -> String {
    let border = "+-------------+----------------------------------+\n";
    let mut page = format!(
        "Status Codes\n============\n\n{border}| Status Code | Description                      |\n+=============+==================================+\n"
    );
    for i in 0..rows {
        page.push_str(&format!(
            "| {:<11} | Row {:<6} of the table,          |\n|             | read across two lines.           |\n{border}",
            200 + i % 300,
            i
        ));
    }
    page
}

/// A page with one simple table of `rows` rows.
fn simple_page(rows: usize) -> String {
    let border = "=========== ==================================\n";
    let mut page = format!("{border}Status Code Description\n{border}");
    for i in 0..rows {
        page.push_str(&format!("{:<11} Row {i} of the table.\n", 200 + i % 300));
    }
    page.push_str(border);
    page
}

/// The fastest of three extractions of `page`, checking it reads `rows` rows.
fn fastest(page: &str, rows: usize) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let extraction = extract::document("page.rst", page);
            let elapsed = start.elapsed();
            let read: usize = extraction
                .document
                .tables
                .iter()
                .map(|t| t.rows.len())
                .sum();
            assert_eq!(read, rows);
            elapsed
        })
        .min()
        .unwrap_or_default()
}

fn assert_linear(page: fn(usize) -> String, what: &str) {
    let n = 2_000;
    let small = fastest(&page(n), n);
    let large = fastest(&page(4 * n), 4 * n);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
    // Shown with `cargo test --test linear_growth -- --nocapture`.
    println!(
        "{what}: {n} rows {small:?}, {} rows {large:?}: {ratio:.1}x",
        4 * n
    );
    assert!(
        ratio < 8.0,
        "{what}: {} rows took {large:?}, {n} rows {small:?}: {ratio:.1}x for 4x the rows, \
         where linear time gives about 4x and quadratic 16x",
        4 * n
    );
}

#[test]
fn grid_tables_take_linear_time() {
    assert_linear(grid_page, "a grid table");
}

#[test]
fn simple_tables_take_linear_time() {
    assert_linear(simple_page, "a simple table");
}
