//! The `Status` enum: one variant per documented code, and its const API.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::codes::Code;
use super::naming::{self, doc_text};
use crate::model::Document;

/// The enum and its `ALL`, `code`, `reason` and `from_code`.
pub fn tokens(documents: &[&Document], codes: &[Code]) -> TokenStream {
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
    quote! {
        /// An HTTP status code that at least one document in `spec/` lists.
        ///
        /// Variants are named by the code's canonical reason phrase and carry
        /// what each document says of the code.
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
            pub const fn from_code(code: u16) -> Option<Status> {
                match code {
                    #(#values => Some(Status::#names),)*
                    _ => None,
                }
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
