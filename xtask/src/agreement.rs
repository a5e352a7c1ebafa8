//! How our reading of the corpus compares with an independent extractor's
//! (`reference/corpus.jsonl` beside the corpus): `cargo xtask agree`.
//!
//! Rows are paired by file, code, form (in a table, or bare under a label)
//! and occurrence (the second `400` of a page with the peer's second `400`
//! of that page). Agreement is counted on
//! (file, code), on (file, code, description) with whitespace collapsed,
//! and on the group the row's label normalises to.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use http_returns_build::__private::extract::group_named_by;
use http_returns_build::__private::extract::text::collapse_whitespace;
use http_returns_build::__private::model::{Group, Page};

/// One row as the peer read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerRow {
    /// Path relative to the corpus.
    pub file: String,
    /// The code.
    pub code: u16,
    /// The description.
    pub description: String,
    /// The peer's label, normalised as ours are.
    pub group: Option<Group>,
    /// Whether the peer has a label at all (one may name no group).
    pub labelled: bool,
    /// A code written as text under a label (the peer's `corpus.nontable.jsonl`).
    pub bare: bool,
}

/// Why a paired row differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A row only the peer has.
    OnlyPeer,
    /// A row only we have.
    OnlyOurs,
    /// The descriptions differ only in spaces (`see Error Codes .`).
    DescriptionSpacing,
    /// The descriptions differ otherwise.
    DescriptionText,
    /// We read a group where the peer reads none.
    GroupOnlyOurs,
    /// The peer reads a group where we read none.
    GroupOnlyPeer,
    /// Both read a group, not the same one.
    GroupDiffers,
}

/// One difference, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Its kind.
    pub kind: Kind,
    /// The file.
    pub file: String,
    /// The code.
    pub code: u16,
}

/// The comparison.
#[derive(Debug, Default)]
pub struct Agreement {
    /// The peer's rows (codes only; classes like `2xx` are not codes).
    pub peer_rows: usize,
    /// Our rows.
    pub our_rows: usize,
    /// Rows paired on (file, code).
    pub paired: usize,
    /// Paired rows whose descriptions agree.
    pub same_description: usize,
    /// Paired rows whose groups agree.
    pub same_group: usize,
    /// Paired rows where the peer has a group.
    pub peer_grouped: usize,
    /// Of those, the rows whose groups agree.
    pub same_peer_group: usize,
    /// Paired rows where the peer has a label, naming a group or not.
    pub peer_labelled: usize,
    /// Of those, the rows whose groups agree (none with none included).
    pub same_peer_label: usize,
    /// Every difference.
    pub differences: Vec<Difference>,
}

/// Every document of `corpus`, read; the errors, if any, printed.
pub fn load(corpus: &Path) -> Result<http_returns_build::__private::documents::Loaded, String> {
    let threads = http_returns_build::__private::parallel::every_core();
    http_returns_build::__private::documents::load(corpus, threads).map_err(|diagnostics| {
        for diagnostic in &diagnostics {
            eprintln!("{diagnostic}");
        }
        http_returns_build::__private::documents::stopped("agree", &diagnostics)
    })
}

/// `../shared/corpus` beside the workspace, where the corpus is shared.
pub fn default_corpus() -> std::path::PathBuf {
    crate::workspace::corpus()
}

/// The peer's rows beside `corpus`: every `reference/*.jsonl`, its table
/// rows, and its bare codes from the files named `*.nontable.jsonl`
/// (`corpus.jsonl` and `corpus.nontable.jsonl` for the Markdown corpus,
/// `corpus-html.jsonl` for the HTML exports).
pub fn read_peer_of(corpus: &Path) -> Result<Vec<PeerRow>, String> {
    let dir = corpus.join("reference");
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no peer rows (*.jsonl) here", dir.display()));
    }
    let mut rows = Vec::new();
    for file in files {
        let bare = file.to_string_lossy().ends_with(".nontable.jsonl");
        rows.extend(read_peer(&file, bare)?);
    }
    Ok(rows)
}

/// Reads the peer's JSON lines; `bare` says which file it is.
pub fn read_peer(path: &Path, bare: bool) -> Result<Vec<PeerRow>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (index, line) in text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
    {
        let at = || format!("{}:{}", path.display(), index + 1);
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}: not JSON: {e}", at()))?;
        let field = |name: &str| value.get(name).and_then(serde_json::Value::as_str);
        let Some(code) = field("code").and_then(|code| code.parse::<u16>().ok()) else {
            continue; // a class such as `2xx`
        };
        let file = field("file")
            .ok_or_else(|| format!("{}: no \"file\"", at()))?
            .to_owned();
        let description = field("description").unwrap_or_default().to_owned();
        let label = field("group_label");
        rows.push(PeerRow {
            file,
            code,
            description,
            group: label.and_then(group_named_by),
            labelled: label.is_some(),
            bare,
        });
    }
    Ok(rows)
}

/// Compares our documents with the peer's rows.
pub fn compare(documents: &[Page], peer: &[PeerRow]) -> Agreement {
    type Key<'a> = (&'a str, u16);
    let mut ours: BTreeMap<Key<'_>, Vec<(&str, Option<Group>)>> = BTreeMap::new();
    for document in documents {
        for (table, row) in document.rows() {
            ours.entry((&document.path, row.code))
                .or_default()
                .push((&row.description, table.group));
        }
    }
    let mut theirs: BTreeMap<Key<'_>, Vec<&PeerRow>> = BTreeMap::new();
    for row in peer {
        theirs.entry((&row.file, row.code)).or_default().push(row);
    }
    let mut agreement = Agreement {
        peer_rows: peer.len(),
        our_rows: ours.values().map(Vec::len).sum(),
        ..Agreement::default()
    };
    let mut differ =
        |kind, (file, code): Key<'_>| agreement_push(&mut agreement.differences, kind, file, code);
    let keys: std::collections::BTreeSet<Key<'_>> =
        ours.keys().chain(theirs.keys()).copied().collect();
    let (mut paired, mut same_description, mut same_group) = (0, 0, 0);
    for key in keys {
        let mine = ours.get(&key).map_or(&[][..], Vec::as_slice);
        let peers = theirs.get(&key).map_or(&[][..], Vec::as_slice);
        for pair in 0..mine.len().max(peers.len()) {
            match (mine.get(pair), peers.get(pair)) {
                (Some((description, group)), Some(peer)) => {
                    paired += 1;
                    let (a, b) = (
                        collapse_whitespace(description),
                        collapse_whitespace(&peer.description),
                    );
                    if a == b {
                        same_description += 1;
                    } else if a.replace(' ', "") == b.replace(' ', "") {
                        differ(Kind::DescriptionSpacing, key);
                    } else {
                        differ(Kind::DescriptionText, key);
                    }
                    if peer.group.is_some() {
                        agreement.peer_grouped += 1;
                        agreement.same_peer_group += usize::from(*group == peer.group);
                    }
                    if peer.labelled {
                        agreement.peer_labelled += 1;
                        agreement.same_peer_label += usize::from(*group == peer.group);
                    }
                    match (*group, peer.group) {
                        (a, b) if a == b => same_group += 1,
                        (Some(_), None) => differ(Kind::GroupOnlyOurs, key),
                        (None, Some(_)) => differ(Kind::GroupOnlyPeer, key),
                        _ => differ(Kind::GroupDiffers, key),
                    }
                }
                (Some(_), None) => differ(Kind::OnlyOurs, key),
                (None, Some(_)) => differ(Kind::OnlyPeer, key),
                (None, None) => {}
            }
        }
    }
    agreement.paired = paired;
    agreement.same_description = same_description;
    agreement.same_group = same_group;
    agreement
}

fn agreement_push(differences: &mut Vec<Difference>, kind: Kind, file: &str, code: u16) {
    differences.push(Difference {
        kind,
        file: file.to_owned(),
        code,
    });
}

impl Agreement {
    /// Share of the peer's rows we read too, on (file, code).
    pub fn on_code(&self) -> f64 {
        ratio(self.paired, self.peer_rows.max(self.our_rows))
    }

    /// Share of the peer's rows we read with the same description.
    pub fn on_description(&self) -> f64 {
        ratio(self.same_description, self.peer_rows.max(self.our_rows))
    }

    /// Share of paired rows in the same group.
    pub fn on_group(&self) -> f64 {
        ratio(self.same_group, self.paired)
    }

    /// Share of the paired rows the peer gives a group to that are in the
    /// same group: the peer reads no label above some tables.
    pub fn on_peer_group(&self) -> f64 {
        ratio(self.same_peer_group, self.peer_grouped)
    }

    /// Share of the paired rows the peer has a label for that are in the
    /// group that label names (or in none, where it names none).
    pub fn on_peer_label(&self) -> f64 {
        ratio(self.same_peer_label, self.peer_labelled)
    }

    /// How many differences of `kind`.
    pub fn count(&self, kind: Kind) -> usize {
        self.differences.iter().filter(|d| d.kind == kind).count()
    }

    /// The figures, then each kind of difference with an example.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "rows: ours {}, peer {}, paired {}",
            self.our_rows, self.peer_rows, self.paired
        );
        let _ = writeln!(
            out,
            "agreement on (file, code):              {:>7.3}%",
            100.0 * self.on_code()
        );
        let _ = writeln!(
            out,
            "agreement on (file, code, description): {:>7.3}%",
            100.0 * self.on_description()
        );
        let _ = writeln!(
            out,
            "agreement on group, of paired rows:     {:>7.3}%",
            100.0 * self.on_group()
        );
        let _ = writeln!(
            out,
            "  where the peer has a group ({:>5}):   {:>7.3}%",
            self.peer_grouped,
            100.0 * self.on_peer_group()
        );
        let _ = writeln!(
            out,
            "  where the peer has a label ({:>5}):   {:>7.3}%",
            self.peer_labelled,
            100.0 * self.on_peer_label()
        );
        let mut kinds: BTreeMap<Kind, (usize, &Difference)> = BTreeMap::new();
        for difference in &self.differences {
            kinds.entry(difference.kind).or_insert((0, difference)).0 += 1;
        }
        for (kind, (count, example)) in kinds {
            let _ = writeln!(
                out,
                "  {count:>5} {kind:?}, e.g. {} {}",
                example.file, example.code
            );
        }
        out
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}
