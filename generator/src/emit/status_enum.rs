//! The `Status` enum: one variant per documented code, its const API and
//! conversions. All of it is generated: the enum belongs to the crate that
//! mounts the module, which alone may implement traits for it.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::codes::Code;
use super::naming::{self, doc_text};
use crate::model::Document;

/// The enum, its `ALL`, `code`, `reason`, `from_code` and class
/// predicates, and its conversions. `runtime` is the path of `http-returns`,
/// `source` the documents' directory as docs show it.
pub fn tokens(
    documents: &[&Document],
    codes: &[Code],
    runtime: &TokenStream,
    source: &str,
) -> TokenStream {
    let variants = codes.iter().map(|code| {
        let variant = code.ident();
        let value = Literal::u16_unsuffixed(code.code);
        let docs = variant_docs(documents, code);
        quote! {
            #(#[doc = #docs])*
            #variant = #value,
        }
    });
    let names: Vec<_> = codes.iter().map(Code::ident).collect();
    let values = codes.iter().map(|code| Literal::u16_unsuffixed(code.code));
    let reasons = codes.iter().map(|code| code.reason.as_str());
    let enum_doc = [
        format!(" An HTTP status code that at least one document in {source} lists."),
        String::new(),
        " Variants are named by the code's canonical reason phrase and carry".to_owned(),
        " what each document says of the code.".to_owned(),
    ];
    quote! {
        #(#[doc = #enum_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u16)]
        pub enum Status {
            #(#variants)*
        }

        impl Status {
            /// Every documented status, in ascending order of code.
            pub const ALL: &'static [Status] = &[#(Status::#names),*];

            /// The numeric code: `Status::Accepted.code() == 202`.
            pub const fn code(self) -> u16 {
                self as u16
            }

            /// The canonical reason phrase (`"Accepted"`): IANA's where it has
            /// one, else the one the documents use; empty if neither has one.
            pub const fn reason(self) -> &'static str {
                match self {
                    #(Status::#names => #reasons,)*
                }
            }

            /// The status for `code`, if a document lists it.
            pub const fn from_code(code: u16) -> ::core::option::Option<Status> {
                match code {
                    #(#values => ::core::option::Option::Some(Status::#names),)*
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
            type Error = #runtime::__private::UndocumentedStatus;

            fn try_from(code: u16) -> ::core::result::Result<Self, Self::Error> {
                match Status::from_code(code) {
                    ::core::option::Option::Some(status) => ::core::result::Result::Ok(status),
                    ::core::option::Option::None => {
                        ::core::result::Result::Err(#runtime::__private::UndocumentedStatus(code))
                    }
                }
            }
        }

        impl ::core::convert::From<Status> for u16 {
            fn from(status: Status) -> u16 {
                status.code()
            }
        }

        impl ::core::convert::From<Status> for #runtime::http::StatusCode {
            fn from(status: Status) -> Self {
                match #runtime::http::StatusCode::from_u16(status.code()) {
                    ::core::result::Result::Ok(code) => code,
                    // Generated codes are in 100..=599, all valid here.
                    ::core::result::Result::Err(_) => ::core::unreachable!(),
                }
            }
        }

        impl ::core::cmp::PartialEq<#runtime::http::StatusCode> for Status {
            fn eq(&self, other: &#runtime::http::StatusCode) -> bool {
                self.code() == other.as_u16()
            }
        }

        impl ::core::cmp::PartialEq<Status> for #runtime::http::StatusCode {
            fn eq(&self, other: &Status) -> bool {
                self.as_u16() == other.code()
            }
        }
    }
}

/// `202 Accepted`, then one line per document row that lists the code.
fn variant_docs(documents: &[&Document], code: &Code) -> Vec<String> {
    let title = format!("{} {}", code.code, code.reason);
    let mut docs = vec![format!(" {}", doc_text(title.trim_end())), String::new()];
    let rows = documents.iter().flat_map(|document| {
        document
            .rows()
            .filter(|(_, row)| row.code == code.code)
            .map(move |(table, row)| (document, table, row))
    });
    let mut more = 0;
    for (document, table, row) in rows {
        // A large docs tree mentions a code hundreds of times: quote a few.
        if docs.len() >= 2 + QUOTED_ROWS {
            more += 1;
            continue;
        }
        let group = table.group.map(|g| format!(" ({g})")).unwrap_or_default();
        let description = if row.description.is_empty() {
            "(no description)".to_owned()
        } else {
            doc_text(&row.description)
        };
        docs.push(format!(
            " - {}{group}: {description}",
            naming::doc_code(&document.path)
        ));
    }
    if more > 0 {
        docs.push(format!(" - and {more} more rows: see [`DOCUMENTS`]"));
    }
    docs
}

/// How many document rows a variant's rustdoc quotes.
const QUOTED_ROWS: usize = 8;
