//! What a document in `spec/` says, as the generated module records it.

use crate::Status;

/// One document from `spec/`: its path, title and status-table rows.
///
/// Each document has a module in [`crate::spec`] whose `DOCUMENT` static is one
/// of these; [`crate::spec::DOCUMENTS`] lists them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    /// Path relative to `spec/`, with `/` separators (`returned-values.md`).
    pub path: &'static str,
    /// The page's first heading, if it has one.
    pub title: Option<&'static str>,
    /// Every row of the document's status tables, in page order. A code may
    /// appear more than once when the page lists it more than once.
    pub entries: &'static [Entry],
}

/// One row of a document's status table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The code.
    pub status: Status,
    /// The reason phrase as the page writes it beside the code, if it does
    /// (`Bad Request`); [`Status::reason`] is the canonical one.
    pub reason: Option<&'static str>,
    /// The group the page puts the code in, if it labels its tables.
    pub group: Option<Group>,
    /// The label the table sits under, as the page writes it (`Normal`).
    pub label: Option<&'static str>,
    /// The description, as plain text.
    pub description: &'static str,
}

/// Whether a document lists a code as a normal or an abnormal outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// The operation succeeded (`Normal`, `正常`).
    Normal,
    /// The operation failed (`Abnormal`, `Error`, `异常`, `错误`).
    Abnormal,
}

impl Document {
    /// The rows for `status`, in page order.
    pub fn entries_for(&self, status: Status) -> impl Iterator<Item = &'static Entry> + use<> {
        self.entries
            .iter()
            .filter(move |entry| entry.status == status)
    }

    /// Whether the document lists `status`.
    pub fn lists(&self, status: Status) -> bool {
        self.entries_for(status).next().is_some()
    }
}
