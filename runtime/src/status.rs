//! What every [`Status`] can do beyond its generated table: conversions,
//! formatting and class predicates, all derived from `code()` and `reason()`.

use core::fmt;

use crate::Status;

impl Status {
    /// Whether the code is 1xx.
    pub const fn is_informational(self) -> bool {
        matches!(self.code(), 100..=199)
    }

    /// Whether the code is 2xx.
    pub const fn is_success(self) -> bool {
        matches!(self.code(), 200..=299)
    }

    /// Whether the code is 3xx.
    pub const fn is_redirection(self) -> bool {
        matches!(self.code(), 300..=399)
    }

    /// Whether the code is 4xx.
    pub const fn is_client_error(self) -> bool {
        matches!(self.code(), 400..=499)
    }

    /// Whether the code is 5xx.
    pub const fn is_server_error(self) -> bool {
        matches!(self.code(), 500..=599)
    }
}

/// `202 Accepted`; the code alone where no reason is known.
impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reason() {
            "" => write!(f, "{}", self.code()),
            reason => write!(f, "{} {reason}", self.code()),
        }
    }
}

/// The error of `Status::try_from(u16)`: no document in `spec/` lists the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndocumentedStatus(pub u16);

impl fmt::Display for UndocumentedStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP status code {} is not documented in spec/", self.0)
    }
}

impl std::error::Error for UndocumentedStatus {}

impl TryFrom<u16> for Status {
    type Error = UndocumentedStatus;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        Status::from_code(code).ok_or(UndocumentedStatus(code))
    }
}

impl From<Status> for u16 {
    fn from(status: Status) -> u16 {
        status.code()
    }
}

impl From<Status> for http::StatusCode {
    fn from(status: Status) -> http::StatusCode {
        match http::StatusCode::from_u16(status.code()) {
            Ok(code) => code,
            // `cargo xtask regen` only generates codes in 100..=599, all valid here.
            Err(_) => unreachable!(
                "generated status code {} is outside 100..=599",
                status.code()
            ),
        }
    }
}

impl PartialEq<http::StatusCode> for Status {
    fn eq(&self, other: &http::StatusCode) -> bool {
        self.code() == other.as_u16()
    }
}
