//! Our reading of the 1182-page corpus against an independent extractor's
//! (`../shared/corpus/reference/corpus.jsonl` for table rows and
//! `corpus.nontable.jsonl` for codes written under a label; BeautifulSoup +
//! lxml).
//!
//! The peer is not ground truth. Where the two differ, the kinds below are
//! what remains, each with why our reading is the one a reader of the page
//! would expect:
//!
//! - `DescriptionSpacing`: the peer joins a cell's text nodes with spaces, so
//!   `see <a>Error Codes</a>.` reads `see Error Codes .`; we keep the text as
//!   the page shows it, `see Error Codes.` (ims, dms, css, dds pages).
//! - `GroupOnlyOurs`: a label stands right above the table and the peer reads
//!   none: a `-   正常` / `-   异常` bullet or a `正常返回值：` paragraph above a
//!   pipe table (bms), a `Normal values` line above an HTML table (bms), a
//!   `-   Abnormal` bullet above a table that is not indented under it (ims).
//! - `GroupOnlyPeer`: none left: the header-cell qualifier (`Normal Status
//!   Code`, `错误返回码`) is read as the group when no label stands above.
//!
//!
//! The HTML exports (`../shared/corpus-html`, the peer run on each page as
//! if it were Markdown) differ in one kind: `GroupOnlyOurs`, the tables
//! under `<li>Normal` and `<li>Abnormal`, labels the peer looks for only on
//! Markdown lines (its README says so).
//!
//! Run `cargo xtask agree [--corpus DIR]` for the figures and an example of
//! each kind.

use xtask::agreement::{self, Agreement, Kind};
use xtask::{operation_agreement, workspace};

/// Our reading of the corpus `name` against the peer's, or None where the
/// corpus is not beside the checkout (a failure under `CI=true`).
fn compare(name: &str) -> Option<Agreement> {
    let corpus = &workspace::shared_corpus(name)?;
    let peer = agreement::read_peer_of(corpus).expect("the peer's rows");
    let loaded = agreement::load(corpus).unwrap_or_else(|e| panic!("{e}"));
    let result = agreement::compare(&loaded.documents, &peer);
    println!("{}", result.render());
    // #18: the operations each page states, against an independent reader
    // (`xtask/peer/operations.py`), on at least 98% of its pages.
    let reference = operation_agreement::reference_for(corpus)
        .expect("xtask/peer/reference holds the reader's operations for each corpus");
    let pages = operation_agreement::read_reference(&reference).expect("the reference");
    let operations = operation_agreement::compare(&loaded.documents, &pages);
    println!("{}", operations.render());
    assert!(operations.reference_pages > 100, "{}", operations.render());
    assert!(operations.on_pages() >= 0.98, "{}", operations.render());
    Some(result)
}

/// The levels #10 asks of every corpus: (file, code) 99%, descriptions
/// 98%, groups 98% where the peer has one.
fn meets_issue_10(result: &Agreement) {
    assert!(result.on_code() >= 0.99, "{}", result.render());
    assert!(result.on_description() >= 0.98, "{}", result.render());
    assert!(result.on_peer_group() >= 0.98, "{}", result.render());
}

/// No difference of these kinds: each would need its own explanation.
fn only_explained(result: &Agreement, unexplained: &[Kind]) {
    for &kind in unexplained {
        let examples: Vec<_> = result
            .differences
            .iter()
            .filter(|d| d.kind == kind)
            .take(5)
            .collect();
        assert!(examples.is_empty(), "unexplained {kind:?}: {examples:?}");
    }
}

#[test]
fn agreement_with_the_peer_on_the_corpus() {
    let Some(result) = compare("corpus") else {
        return;
    };
    // The issue asks for 98% and 95%; we hold what we reached, so a
    // regression fails here.
    assert!(
        result.on_code() >= 0.999,
        "(file, code): {}",
        result.render()
    );
    assert!(
        result.on_description() >= 0.99,
        "(file, code, description): {}",
        result.render()
    );
    assert!(result.on_group() >= 0.92, "group: {}", result.render());
    assert!(result.on_peer_group() >= 0.98, "group: {}", result.render());
    only_explained(
        &result,
        &[
            Kind::OnlyPeer,
            Kind::OnlyOurs,
            Kind::DescriptionText,
            Kind::GroupDiffers,
        ],
    );
    assert!(
        result.count(Kind::DescriptionSpacing) <= 30,
        "{}",
        result.render()
    );
}

#[test]
fn agreement_with_the_peer_on_the_html_exports() {
    let Some(result) = compare("corpus-html") else {
        return;
    };
    assert_eq!((result.our_rows, result.peer_rows), (50, 50));
    meets_issue_10(&result);
    only_explained(
        &result,
        &[
            Kind::OnlyPeer,
            Kind::OnlyOurs,
            Kind::DescriptionText,
            Kind::DescriptionSpacing,
            Kind::GroupDiffers,
            Kind::GroupOnlyPeer,
        ],
    );
}

/// The reStructuredText pages (`../shared/corpus-rst`), read by the peer
/// through docutils' HTML. The two kinds that remain are its known soft
/// spots (the corpus README lists them): a space at inline tags
/// (`**Hibernation**,` reads `Hibernation ,`), and no label for a table
/// under `-  Abnormal` that docutils does not nest in the list item.
#[test]
fn agreement_with_the_peer_on_the_rst_pages() {
    let Some(result) = compare("corpus-rst") else {
        return;
    };
    meets_issue_10(&result);
    // #17's levels: the held-out pages' forms (a text column named
    // otherwise, notes in cells, class captions) must not cost these.
    assert!(result.on_code() >= 0.995, "{}", result.render());
    assert!(result.on_description() >= 0.995, "{}", result.render());
    assert!(result.on_peer_label() >= 0.99, "{}", result.render());
    only_explained(
        &result,
        &[
            Kind::OnlyPeer,
            Kind::OnlyOurs,
            Kind::DescriptionText,
            Kind::GroupDiffers,
            Kind::GroupOnlyPeer,
        ],
    );
}
