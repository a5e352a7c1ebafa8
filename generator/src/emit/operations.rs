//! What `#[returns(.., op = "POST /v3/groups")]` reads: the module's
//! `__operation!` macro, one arm per documented operation, which names that
//! operation's page. A user knows the operation; a page's module name,
//! made from a file name such as `cn.zh-cn__API参考__APP授权.md`, is no
//! name to type.
//!
//! ```text
//! macro_rules! __operation {
//!     ([$($module:tt)*] $mode:ident "POST /v3/groups" $op:literal) => {
//!         ::http_returns::__private::operation_page!($mode [$($module)*] creating_a_user_group)
//!     };
//!     // an operation two pages document: an error at the user's string
//!     // any other: an error at the user's string, naming the nearest
//! }
//! pub(crate) use __operation;
//! ```
//!
//! The attribute passes the status module's path (`[crate::statuses]`),
//! since a `macro_rules!` cannot name its own module, and writes the
//! operation both normalised (parameter names as `{}`) and as the user
//! wrote it, for the message. [`normal`] is the rule; `http-returns-macros`
//! applies the same one to what the user writes.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::model::Page;

/// `POST /v3/groups/{group_id}` → `POST /v3/groups/{}`: what an operation
/// is matched by. Parameter names do not matter, in braces or axum's
/// `:name`; a catch-all (`{*rest}`, `*rest`) is `{*}`; everything else must
/// be equal. The path's shape is the runtime's own rule, the one its routes
/// find their pages by; `http-returns-macros`' `operation::normal` (for what the
/// user writes in `op =`) holds a copy, since the runtime depends on it.
pub fn normal(method: &str, path: &str) -> String {
    format!(
        "{} {}",
        method.to_ascii_uppercase(),
        http_returns::__private::template_shape(path)
    )
}

/// A page's path and its module's name.
type PageName<'a> = (&'a str, &'a str);

/// The `__operation!` and `__page!` tables for `documents` (in path
/// order), whose modules are `names`; `source` is the documents' directory
/// as shown, `command` the one that regenerates the module.
pub fn tokens(
    documents: &[&Page],
    names: &[String],
    runtime: &TokenStream,
    source: &str,
    command: &str,
) -> Tables {
    // Each normalised operation: how the first page writes it, and the
    // pages that document it, as (path, module).
    let mut by_operation: BTreeMap<String, (String, Vec<PageName<'_>>)> = BTreeMap::new();
    for (document, name) in documents.iter().zip(names) {
        for operation in &document.operations {
            let key = normal(&operation.method, &operation.path);
            let entry = by_operation
                .entry(key)
                .or_insert_with(|| (operation.to_string(), Vec::new()));
            if !entry.1.iter().any(|(path, _)| *path == document.path) {
                entry.1.push((document.path.as_str(), name.as_str()));
            }
        }
    }
    let mut arms = Vec::new();
    let mut listed = Vec::new();
    for (key, (written, pages)) in &by_operation {
        let key = Literal::string(key);
        let written_literal = Literal::string(written);
        match pages.as_slice() {
            [(path, name)] => {
                let module = format_ident!("{name}");
                arms.push(quote! {
                    ([$($module:tt)*] $mode:ident #key $op:literal) => {
                        #runtime::__private::operation_page!($mode [$($module)*] #module)
                    };
                });
                listed.push(quote!(#written_literal #path));
            }
            _ => {
                let paths: Vec<&str> = pages.iter().map(|(path, _)| *path).collect();
                arms.push(quote! {
                    ([$($module:tt)*] $mode:ident #key $op:literal) => {
                        #runtime::__private::ambiguous_operation!($mode $op [#runtime] #written_literal [#(#paths)*])
                    };
                });
                for (path, _) in pages {
                    listed.push(quote!(#written_literal #path));
                }
            }
        }
    }
    let id = table_id(source, command);
    let operation_macro = format_ident!("__http_returns_operation_{id}");
    let page_macro = format_ident!("__http_returns_page_{id}");
    let doc = format!(
        " The page that documents an operation: what `#[returns(.., op = \"POST /path\")]` \
         names (the operations stated under the `URI` headings of the documents in {source})."
    );
    let page_doc = format!(
        " The page module `#[returns(.., page = module)]` names, among the documents in {source}."
    );
    let page_arms = names.iter().map(|name| {
        let module = format_ident!("{name}");
        quote! {
            ([$($module:tt)*] $mode:ident #module) => {
                #runtime::__private::operation_page!($mode [$($module)*] #module)
            };
        }
    });
    let pages_listed = documents.iter().zip(names).map(|(document, name)| {
        let path = document.path.as_str();
        quote!(#name #path)
    });
    Tables {
        // Defined beside the format gate, not in it: a `#[macro_export]`
        // made by a macro cannot be named by path, and by path is how
        // another crate that mounts this module (`pub use other::statuses;`)
        // reaches it.
        outside: quote! {
            #[doc = #doc]
            #[doc(hidden)]
            #[macro_export]
            macro_rules! #operation_macro {
                #(#arms)*
                ([$($module:tt)*] $mode:ident $normal:literal $op:literal) => {
                    #runtime::__private::no_such_operation!($mode $op [#runtime] #source #command [#(#listed)*])
                };
            }
            #[doc = #page_doc]
            #[doc(hidden)]
            #[macro_export]
            macro_rules! #page_macro {
                #(#page_arms)*
                ([$($module:tt)*] $mode:ident $page:ident) => {
                    #runtime::__private::no_such_page!($mode $page [#runtime] #source #command [#(#pages_listed)*])
                };
            }
        },
        inside: quote! {
            #[doc(hidden)]
            #[allow(unused_imports)]
            pub use crate::#operation_macro as __operation;
            #[doc(hidden)]
            #[allow(unused_imports)]
            pub use crate::#page_macro as __page;
        },
    }
}

/// The two tables of a module: the macros, defined outside its format
/// gate, and their names inside it.
pub struct Tables {
    /// `#[macro_export]` macros, at the end of the file.
    pub outside: TokenStream,
    /// `pub use`s that name them in the module.
    pub inside: TokenStream,
}

/// A name for a module's tables, unique to its documents and command
/// (the macros are exported at the crate root, where two modules' tables
/// would otherwise clash), and the same on every run (FNV-1a).
fn table_id(source: &str, command: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in source.bytes().chain([0]).chain(command.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::normal;

    /// The cases `http-returns-macros` and `http-returns` hold their copies of the rule to.
    #[test]
    fn parameter_names_do_not_matter() {
        assert_eq!(normal("get", "/v3/groups/{group_id}"), "GET /v3/groups/{}");
        assert_eq!(normal("GET", "/v3/groups/:id"), "GET /v3/groups/{}");
        assert_eq!(normal("GET", "/v1/{a}-{b}.json"), "GET /v1/{}-{}.json");
        assert_eq!(normal("GET", "/files/{*rest}"), "GET /files/{*}");
        assert_eq!(normal("GET", "/files/*rest"), "GET /files/{*}");
        assert_eq!(normal("GET", "/"), "GET /");
        assert_eq!(normal("GET", "/x/{open"), "GET /x/{open");
    }
}
