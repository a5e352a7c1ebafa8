//! The `Status` enum's data: one variant per documented code, with its
//! reason and docs. The runtime's `status_enum!` turns it into the enum,
//! its const API and its conversions, in the crate that mounts the module
//! (which alone may implement traits for it).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::codes::Code;
use super::naming::{self, doc_text};
use crate::model::Page;

/// The enum, its `ALL`, `code`, `reason`, `from_code` and class
/// predicates, and its conversions. `runtime` is the path of `http-returns`,
/// `source` the documents' directory as docs show it.
pub fn tokens(
    documents: &[&Page],
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
    let table = codes.iter().map(|code| {
        let variant = code.ident();
        let value = Literal::u16_unsuffixed(code.code);
        let reason = code.reason.as_str();
        quote!(#variant = #value #reason,)
    });
    let enum_doc = [
        format!(" An HTTP status code that at least one document in {source} lists."),
        String::new(),
        " Variants are named by the code's canonical reason phrase and carry".to_owned(),
        " what each document says of the code.".to_owned(),
    ];
    // The enum and its table are data; the runtime's `status_impls!`
    // writes the methods and conversions, so changing them stales no module.
    quote! {
        #(#[doc = #enum_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u16)]
        pub enum Status {
            #(#variants)*
        }

        #runtime::__private::status_impls! { #(#table)* }
    }
}

/// `202 Accepted`, then one line per document row that lists the code.
fn variant_docs(documents: &[&Page], code: &Code) -> Vec<String> {
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
