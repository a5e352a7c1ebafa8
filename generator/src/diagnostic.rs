//! Problems found in the documents, reported as `file:line: severity: message`.

use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Skipped and reported; the run goes on and its output is still written.
    Warning,
    /// The run fails and no output file is touched.
    Error,
}

/// A problem with a file, located as precisely as the file allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// The file, as shown to the user.
    pub file: String,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// What is wrong, and where it helps, what to do.
    pub message: String,
}

impl Diagnostic {
    /// A warning about `file`, at `line` if known.
    pub fn warning(
        file: impl Into<String>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    /// An error about `file`, at `line` if known.
    pub fn error(file: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    /// Whether this problem stops the run.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.line {
            Some(line) => write!(f, "{}:{line}: {severity}: {}", self.file, self.message),
            None => write!(f, "{}: {severity}: {}", self.file, self.message),
        }
    }
}
