//! What every generated `Status` shares: its behaviour, written once here
//! (the generated module holds only the data: each code, its variant, its
//! reason and its docs), and the error of its `TryFrom<u16>`.

use core::fmt;

/// The error of a generated `Status::try_from(u16)`: no document lists the
/// code. As `http`'s `InvalidStatusCode`, it says which code, and nothing
/// else can build one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndocumentedStatus {
    code: u16,
}

impl UndocumentedStatus {
    /// What generated modules build.
    pub(crate) const fn new(code: u16) -> UndocumentedStatus {
        UndocumentedStatus { code }
    }

    /// The code no document lists.
    ///
    /// ```
    /// use http_returns::bundled::Status;
    ///
    /// let error = Status::try_from(418).unwrap_err();
    /// assert_eq!(error.code(), 418);
    /// assert_eq!(error.to_string(), "HTTP status code 418 is not documented");
    /// ```
    pub const fn code(&self) -> u16 {
        self.code
    }
}

impl fmt::Display for UndocumentedStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP status code {} is not documented", self.code)
    }
}

impl std::error::Error for UndocumentedStatus {}

/// What a generated `Status::try_from` calls for a code no document lists.
pub const fn undocumented(code: u16) -> UndocumentedStatus {
    UndocumentedStatus::new(code)
}

/// The behaviour of a generated module's `Status` enum, from its table:
/// `Variant = code "Reason",` for each documented code. The module writes
/// the enum (its variants and their docs, which are data); the methods,
/// `Display` and conversions are written here, once, so that changing them
/// makes no committed module stale.
#[doc(hidden)]
#[macro_export]
macro_rules! __status_impls {
    ($( $variant:ident = $code:literal $reason:literal, )+) => {
        impl Status {
            /// Every documented status, in ascending order of code.
            pub const ALL: &'static [Status] = &[$(Status::$variant),+];

            /// The numeric code: `Status::Accepted.code() == 202`.
            pub const fn code(self) -> u16 {
                self as u16
            }

            /// The canonical reason phrase (`"Accepted"`): IANA's where it has
            /// one, else the one the documents use; empty if neither has one.
            pub const fn reason(self) -> &'static str {
                match self {
                    $(Status::$variant => $reason,)+
                }
            }

            /// The status for `code`, if a document lists it.
            pub const fn from_code(code: u16) -> ::core::option::Option<Status> {
                match code {
                    $($code => ::core::option::Option::Some(Status::$variant),)+
                    _ => ::core::option::Option::None,
                }
            }

            /// Whether the code is 1xx.
            pub const fn is_informational(self) -> bool {
                self.code() / 100 == 1
            }

            /// Whether the code is 2xx.
            pub const fn is_success(self) -> bool {
                self.code() / 100 == 2
            }

            /// Whether the code is 3xx.
            pub const fn is_redirection(self) -> bool {
                self.code() / 100 == 3
            }

            /// Whether the code is 4xx.
            pub const fn is_client_error(self) -> bool {
                self.code() / 100 == 4
            }

            /// Whether the code is 5xx.
            pub const fn is_server_error(self) -> bool {
                self.code() / 100 == 5
            }
        }

        /// `202 Accepted`; the code alone where no reason is known.
        impl ::core::fmt::Display for Status {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.reason() {
                    "" => ::core::write!(f, "{}", self.code()),
                    reason => ::core::write!(f, "{} {}", self.code(), reason),
                }
            }
        }

        /// The status for a code a document lists; any other is an error.
        impl ::core::convert::TryFrom<u16> for Status {
            type Error = $crate::UndocumentedStatus;

            fn try_from(code: u16) -> ::core::result::Result<Self, Self::Error> {
                match Status::from_code(code) {
                    ::core::option::Option::Some(status) => ::core::result::Result::Ok(status),
                    ::core::option::Option::None => {
                        ::core::result::Result::Err($crate::__private::undocumented(code))
                    }
                }
            }
        }

        impl ::core::convert::From<Status> for u16 {
            fn from(status: Status) -> u16 {
                status.code()
            }
        }

        impl ::core::convert::From<Status> for $crate::http::StatusCode {
            fn from(status: Status) -> Self {
                match $crate::http::StatusCode::from_u16(status.code()) {
                    ::core::result::Result::Ok(code) => code,
                    // Generated codes are in 100..=599, all valid here.
                    ::core::result::Result::Err(_) => ::core::unreachable!(),
                }
            }
        }

        impl ::core::cmp::PartialEq<$crate::http::StatusCode> for Status {
            fn eq(&self, other: &$crate::http::StatusCode) -> bool {
                self.code() == other.as_u16()
            }
        }

        impl ::core::cmp::PartialEq<Status> for $crate::http::StatusCode {
            fn eq(&self, other: &Status) -> bool {
                self.as_u16() == other.code()
            }
        }
    };
}
