//! [`Failure`]: why a run wrote nothing, as a caller can match it.

use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::documents::stopped;
use crate::success::Drift;

/// A failed run. The module is left byte for byte as it was.
///
/// Its `Display` is what `cargo xtask regen` prints: every diagnostic,
/// one a line, then what failed and what to do.
#[derive(Debug)]
#[non_exhaustive]
pub enum Failure {
    /// The documents have errors: each is in `diagnostics`, with the
    /// warnings, as `file:line: severity: message`.
    Documents {
        /// Every problem found, errors and warnings.
        diagnostics: Vec<Diagnostic>,
        /// The module's path, as shown to the user.
        out: String,
    },
    /// [`Mode::Check`](crate::Mode::Check): the module is not what the
    /// documents give.
    Stale {
        /// The module's path, as shown to the user.
        out: String,
        /// The first line, 1-based, where the two differ.
        first_difference: usize,
        /// The documents, as shown to the user.
        spec: String,
        /// The command that rewrites it.
        command: String,
        /// What the documents changed, per operation.
        drift: Drift,
        /// What was skipped in the documents, and why.
        warnings: Vec<Diagnostic>,
    },
    /// [`Mode::Check`](crate::Mode::Check): there is no module yet.
    Missing {
        /// The module's path, as shown to the user.
        out: String,
        /// The command that writes it.
        command: String,
        /// What was skipped in the documents, and why.
        warnings: Vec<Diagnostic>,
    },
    /// The module could not be read or written.
    Io {
        /// The module's path, as shown to the user.
        out: String,
        /// `read` or `write`.
        action: &'static str,
        /// What the system said.
        error: std::io::Error,
        /// What was skipped in the documents, and why.
        warnings: Vec<Diagnostic>,
    },
}

impl Failure {
    /// Every diagnostic met: the documents' errors, and warnings.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Failure::Documents { diagnostics, .. } => diagnostics,
            Failure::Stale { warnings, .. }
            | Failure::Missing { warnings, .. }
            | Failure::Io { warnings, .. } => warnings,
        }
    }

    /// What failed, and what to do, without the diagnostics: for a stale
    /// or missing module, the command to run and what the documents
    /// changed.
    pub fn message(&self) -> String {
        match self {
            Failure::Documents { diagnostics, out } => {
                format!(
                    "{}; {out} was not touched",
                    stopped("reading the documents", diagnostics)
                )
            }
            Failure::Io {
                out, action, error, ..
            } => format!("cannot {action} {out}: {error}"),
            Failure::Missing { out, command, .. } => {
                format!("{out} does not exist\n  run `{command}` and commit {out}")
            }
            Failure::Stale {
                out,
                first_difference,
                spec,
                command,
                drift,
                ..
            } => {
                let mut message = format!(
                    "{out} is stale: from line {first_difference} on it differs from what the \
                     documents in {spec} give\n  run `{command}` and commit {out}"
                );
                let lines = drift.lines();
                if !lines.is_empty() {
                    message.push_str("\n  what the documents changed:");
                    for line in lines {
                        message.push_str(&format!("\n  {line}"));
                    }
                }
                message
            }
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in self.diagnostics() {
            writeln!(f, "{diagnostic}")?;
        }
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Failure::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}
