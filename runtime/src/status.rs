//! What every generated `Status` shares: the error of its `TryFrom<u16>`.

use core::fmt;

/// The error of a generated `Status::try_from(u16)`: no document lists the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndocumentedStatus(pub u16);

impl fmt::Display for UndocumentedStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP status code {} is not documented", self.0)
    }
}

impl std::error::Error for UndocumentedStatus {}
