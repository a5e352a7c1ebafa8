//! One module per document: its rows as data, and its own `Documented<N>`
//! trait for `#[returns(.., page = module)]`.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::codes::Code;
use super::documented;
use super::naming::{self, Names, doc_text};
use crate::model::{Group, Page};

/// Each document's module name, in path order.
pub fn names(documents: &[&Page]) -> Vec<String> {
    module_names(documents)
}

/// The `DOCUMENTS` static, listing each module's `DOCUMENT`.
pub fn documents_static(names: &[String], runtime: &TokenStream, source: &str) -> TokenStream {
    let names = names.iter().map(|name| format_ident!("{name}"));
    let doc = format!(" Every document in {source}, in path order.");
    quote! {
        #[doc = #doc]
        pub static DOCUMENTS: &[&#runtime::Document] = &[#(&#names::DOCUMENT),*];
    }
}

/// Each document's module name, from its path alone: `api/returned-values.md`
/// → `api_returned_values`. Paths that want the same name each get a short
/// hash of their own path, so a name never depends on the other documents'
/// order (it changes only when a same-named document comes or goes).
fn module_names(documents: &[&Page]) -> Vec<String> {
    let wanted: Vec<String> = documents
        .iter()
        .map(|document| {
            let stem = document
                .path
                .rsplit_once('.')
                .map_or(document.path.as_str(), |(stem, _)| stem);
            naming::module_name(stem).unwrap_or_else(|| "doc".to_owned())
        })
        .collect();
    let mut names = Names::default();
    wanted
        .iter()
        .zip(documents)
        .map(|(name, document)| {
            let shared = wanted.iter().filter(|other| *other == name).count() > 1;
            let name = if shared {
                // `self_` (a keyword's name) + hash must not make `self__..`,
                // which rustc's snake-case lint rejects.
                format!(
                    "{}_{}",
                    name.trim_end_matches('_'),
                    naming::short_hash(&document.path)
                )
            } else {
                name.clone()
            };
            names.unique(name)
        })
        .collect()
}

/// One document's module: its rows, its marker and its `Documented<N>`.
pub fn module(document: &Page, name: &str, codes: &[Code], runtime: &TokenStream) -> TokenStream {
    let name = format_ident!("{name}");
    let path = document.path.as_str();
    let shown = naming::doc_code(path);
    let title = match &document.title {
        Some(title) => quote!(Some(#title)),
        None => quote!(None),
    };
    let mut listed = BTreeSet::new();
    let entries = document.rows().map(|(table, row)| {
        let reason = codes
            .iter()
            .find(|code| code.code == row.code)
            .map_or("", |code| code.reason.as_str());
        listed.insert((row.code, reason));
        let reason = option(row.reason.as_deref());
        let label = option(table.label.as_deref());
        let group = match table.group {
            Some(Group::Normal) => quote!(Some(#runtime::Group::Normal)),
            Some(Group::Abnormal) => quote!(Some(#runtime::Group::Abnormal)),
            None => quote!(None),
        };
        let description = row.description.as_str();
        let code = proc_macro2::Literal::u16_unsuffixed(row.code);
        // Positional: field names, repeated in every row, were a fifth of
        // a large module.
        quote!(#runtime::__private::entry(#code, #reason, #group, #label, #description))
    });
    let entries: Vec<TokenStream> = entries.collect();
    let listed: Vec<(u16, &str)> = listed.into_iter().collect();
    // One line: the rows are in `DOCUMENT`, and each code's in `Status`.
    let summary = format!(
        " What {shown} lists{}: {}.",
        match &document.title {
            Some(title) => format!(" under \"{}\"", doc_text(title)),
            None => String::new(),
        },
        listed
            .iter()
            .map(|(code, _)| code.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let documented = documented::tokens(
        documented::Scope::Page(path),
        &quote!(ThisDocument),
        &listed,
        runtime,
    );
    let module = name.to_string();
    let operations = document.operations.iter().map(|operation| {
        let (method, path) = (operation.method.as_str(), operation.path.as_str());
        quote!(#runtime::Operation { method: #method, path: #path })
    });
    quote! {
        #[doc = #summary]
        pub mod #name {
            pub static DOCUMENT: #runtime::Document = #runtime::Document {
                path: #path,
                module: #module,
                title: #title,
                operations: &[#(#operations),*],
                entries: &[#(#entries),*],
            };

            #[derive(Debug, Clone, Copy)]
            pub enum ThisDocument {}

            #documented
        }
    }
}

fn option(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}
