//! What a successful run returns: [`Generated`] (the module's text) and
//! [`Success`] (what [`Config::run`](crate::Config::run) did with it).

use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::drift::{self, Change};

/// The module that the documents give, from
/// [`Config::generate`](crate::Config::generate): nothing is written.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Generated {
    /// The module's Rust source, byte for byte what `run` writes.
    pub module: String,
    /// `1 document, 17 rows, 17 status codes`.
    pub summary: String,
    /// What was skipped in the documents, and why.
    pub warnings: Vec<Diagnostic>,
    /// Each page's operations and codes, to say what a rewrite changed.
    pub(crate) pages: Vec<drift::PageCodes>,
}

/// What [`Config::run`](crate::Config::run) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// [`Mode::Write`](crate::Mode::Write): the module changed and was written.
    Wrote,
    /// [`Mode::Write`](crate::Mode::Write): the module was already up to date; not touched.
    Unchanged,
    /// [`Mode::Check`](crate::Mode::Check): the module is up to date.
    Fresh,
}

/// A successful run: what happened, what was read, and the warnings met.
///
/// Its `Display` is the line `cargo xtask regen` prints:
/// `wrote src/statuses.rs (1 document, 17 rows, 17 status codes)`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Success {
    /// What happened to the module.
    pub outcome: Outcome,
    /// The module's path, as shown to the user.
    pub out: String,
    /// `1 document, 17 rows, 17 status codes`.
    pub summary: String,
    /// What was skipped in the documents, and why.
    pub warnings: Vec<Diagnostic>,
    /// What changed, per operation, where the module was rewritten.
    pub drift: Drift,
}

/// What a rewrite changed, per operation (or page), for the reviewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// Nothing was rewritten, or there was no module before.
    None,
    /// The previous module could not be read back: what changed is not
    /// known, and `why` says why not (another module format, edited by
    /// hand, too large or too deeply nested to read safely).
    Unknown {
        /// Why it could not be read back, as a sentence about the module.
        why: String,
    },
    /// Each page whose codes or operations changed.
    Changes(Vec<Change>),
    /// Only the module's first line changed: the command that made it.
    /// The documents did not.
    Header,
}

impl Drift {
    /// What changed from the module text `old` (if there was one) to
    /// `new`, the module written from the pages `pages`.
    pub(crate) fn between(old: Option<&str>, new: &str, pages: &[drift::PageCodes]) -> Drift {
        let Some(old) = old else {
            return Drift::None;
        };
        // Everything after the first line the same, line ends aside, as
        // freshness compares: only the header changed.
        if let (Some((_, old_body)), Some((_, new_body))) =
            (old.split_once('\n'), new.split_once('\n'))
        {
            if crate::module_file::same_but_line_ends(old_body.as_bytes(), new_body.as_bytes()) {
                return Drift::Header;
            }
        }
        match drift::read_module(old) {
            Ok(before) => Drift::Changes(drift::changes(&before, pages)),
            Err(why) => Drift::Unknown { why },
        }
    }

    /// One line each, indented under the outcome.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Drift::None => Vec::new(),
            Drift::Unknown { why } => vec![format!(
                "  (what changed is not listed: the previous module could not be read back: {why})"
            )],
            // The module changed, but no page's codes or operations did:
            // said, so that an empty list does not read as "nothing".
            Drift::Changes(changes) if changes.is_empty() => vec![
                "  (no page's codes or operations changed; other text of the module did, such as a \
                 description, a title or a label)"
                    .to_owned(),
            ],
            Drift::Header => vec![
                "  (only the module's first line changed, the command that made it: the documents \
                 did not)"
                    .to_owned(),
            ],
            Drift::Changes(changes) => changes.iter().map(|change| format!("  {change}")).collect(),
        }
    }
}

impl fmt::Display for Success {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Success { out, summary, .. } = self;
        match self.outcome {
            Outcome::Wrote => write!(f, "wrote {out} ({summary})"),
            Outcome::Unchanged => write!(f, "unchanged: {out} ({summary})"),
            Outcome::Fresh => write!(f, "{out} is up to date ({summary})"),
        }
    }
}
