//! What a document says, as a generated status module records it.

/// One document: its path, title and status-table rows.
///
/// Each document has a module in the generated status module whose
/// `DOCUMENT` static is one of these; the module's `DOCUMENTS` lists them
/// all (for the bundled documents, [`crate::bundled::DOCUMENTS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    /// Path relative to the documents' directory, with `/` separators
    /// (`returned-values.md`).
    pub path: &'static str,
    /// The page's module in the generated module (`returned_values`), as
    /// `#[returns(.., page = returned_values)]` names it.
    pub module: &'static str,
    /// The page's first heading, if it has one.
    pub title: Option<&'static str>,
    /// The operations the page documents, as its `URI` section states
    /// them (`POST /v3/groups`); empty for a page that states none.
    pub operations: &'static [Operation],
    /// Every row of the document's status tables, in page order. A code may
    /// appear more than once when the page lists it more than once.
    pub entries: &'static [Entry],
}

/// An operation a page documents: a method and a path template as the
/// page writes it, escapes removed (`GET /v3/groups/{group_id}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The method, upper case.
    pub method: &'static str,
    /// The path template.
    pub path: &'static str,
}

impl core::fmt::Display for Operation {
    /// `GET /v3/groups/{group_id}`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// One row of a document's status table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The code, in 100..=599.
    pub code: u16,
    /// The reason phrase as the page writes it beside the code, if it does
    /// (`Bad Request`); the generated `Status::reason` is the canonical one.
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

impl Group {
    /// `normal` or `abnormal`, as the generator's JSON and docs write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Normal => "normal",
            Group::Abnormal => "abnormal",
        }
    }
}

/// `normal` or `abnormal`.
impl core::fmt::Display for Group {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Document {
    /// The rows for `code`, in page order.
    pub fn entries_for(&self, code: u16) -> impl Iterator<Item = &'static Entry> + use<> {
        self.entries.iter().filter(move |entry| entry.code == code)
    }

    /// Whether the document lists `code`.
    pub fn lists(&self, code: u16) -> bool {
        self.entries_for(code).next().is_some()
    }
}
