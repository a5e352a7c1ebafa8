//! What a regen changes, per operation (or per page where a page states
//! none): `POST /v3/groups (creating-a-user-group.md): +409 -404`. A
//! reviewer reads what the documents' change means for the service, in the
//! regen's output and in a failing `--check`.
//!
//! The module on disk is read back with syn: each page module's `DOCUMENT`
//! static gives its path, its operations and its codes. A module this
//! generator cannot read that way (another format, edited by hand) gives
//! no list, and the caller says so.

use std::collections::BTreeSet;
use std::fmt;

use crate::model::Page;

/// One page's operations and codes, as a module holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCodes {
    /// Path relative to the documents' directory.
    pub path: String,
    /// `POST /v3/groups`, in page order.
    pub operations: Vec<String>,
    /// Every code the page lists.
    pub codes: BTreeSet<u16>,
}

/// How one page changed between two modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The page's path.
    pub path: String,
    /// Its operations (the new module's, else the old one's).
    pub operations: Vec<String>,
    /// Whether the page is new, gone, or changed.
    pub kind: ChangeKind,
    /// Codes the page now lists that it did not.
    pub added: Vec<u16>,
    /// Codes the page listed that it no longer does.
    pub removed: Vec<u16>,
}

/// Whether a page came, went or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// The page is new.
    Added,
    /// The page is gone.
    Removed,
    /// The page's codes or operations changed.
    Changed,
}

/// The pages of `documents`, as the module written from them holds them.
pub fn pages(documents: &[Page]) -> Vec<PageCodes> {
    documents
        .iter()
        .map(|document| PageCodes {
            path: document.path.clone(),
            operations: document
                .operations
                .iter()
                .map(ToString::to_string)
                .collect(),
            codes: document.rows().map(|(_, row)| row.code).collect(),
        })
        .collect()
}

/// The most bytes of a module that are read back: a module of 1,200 pages
/// is under 6 MB, and syn holds several times a file's size while it reads.
pub const MAX_READ_BACK: usize = 32 << 20;

/// The pages a generated module holds, read from its text; else why they
/// cannot be: written in another module format, too large or too deep to
/// read safely, or text this generator did not write in this shape.
pub fn read_module(text: &str) -> Result<Vec<PageCodes>, String> {
    if let Some(format) = format_of(text) {
        if format != http_returns::__private::FORMAT.to_string() {
            return Err(format!(
                "it was written in module format {format}, and this http-returns-build writes and reads format {}",
                http_returns::__private::FORMAT
            ));
        }
    }
    if text.len() > MAX_READ_BACK {
        return Err(format!(
            "it is {} MB, more than the {} MB read back",
            text.len() >> 20,
            MAX_READ_BACK >> 20
        ));
    }
    if let Some(line) = crate::module_depth::too_deep(text) {
        return Err(format!(
            "its brackets nest more than {} deep at line {line}, as no generated module does: reading stopped there",
            crate::module_depth::MAX_DEPTH
        ));
    }
    let file = crate::emit::items(text)?;
    let unreadable = || {
        "it does not hold each page's `DOCUMENT` as this http-returns-build writes it".to_owned()
    };
    let mut pages = Vec::new();
    for item in &file.items {
        let syn::Item::Mod(module) = item else {
            continue;
        };
        let (_, items) = module.content.as_ref().ok_or_else(unreadable)?;
        let document = items
            .iter()
            .find_map(|item| match item {
                syn::Item::Static(s) if s.ident == "DOCUMENT" => Some(&*s.expr),
                _ => None,
            })
            .ok_or_else(unreadable)?;
        pages.push(page(document).ok_or_else(unreadable)?);
    }
    Ok(pages)
}

/// The `format = N` a module states at its start, as written.
fn format_of(text: &str) -> Option<&str> {
    let call = text.find("generated_module!")?;
    let after = text[call..].find("format")? + call + "format".len();
    let rest = text[after..].trim_start().strip_prefix('=')?.trim_start();
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// A `Page { path, operations, entries, .. }` expression, read.
fn page(expr: &syn::Expr) -> Option<PageCodes> {
    let syn::Expr::Struct(document) = expr else {
        return None;
    };
    let path = string(field(document, "path")?)?;
    let operations = array(field(document, "operations")?)?
        .iter()
        .map(|operation| {
            let syn::Expr::Struct(operation) = operation else {
                return None;
            };
            let method = string(field(operation, "method")?)?;
            let path = string(field(operation, "path")?)?;
            Some(format!("{method} {path}"))
        })
        .collect::<Option<Vec<_>>>()?;
    let codes = array(field(document, "entries")?)?
        .iter()
        .map(|entry| {
            // `entry(code, ..)`; before format 3, `Entry { code, .. }`.
            let code = match entry {
                syn::Expr::Call(call) => call.args.first()?,
                syn::Expr::Struct(entry) => field(entry, "code")?,
                _ => return None,
            };
            match code {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Int(code),
                    ..
                }) => code.base10_parse::<u16>().ok(),
                _ => None,
            }
        })
        .collect::<Option<BTreeSet<_>>>()?;
    Some(PageCodes {
        path,
        operations,
        codes,
    })
}

/// The value of the field `name` in a struct expression.
fn field<'e>(expr: &'e syn::ExprStruct, name: &str) -> Option<&'e syn::Expr> {
    expr.fields.iter().find_map(|field| match &field.member {
        syn::Member::Named(ident) if ident == name => Some(&field.expr),
        _ => None,
    })
}

fn string(expr: &syn::Expr) -> Option<String> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => Some(text.value()),
        _ => None,
    }
}

/// The elements of `&[a, b]`.
fn array(expr: &syn::Expr) -> Option<Vec<&syn::Expr>> {
    let syn::Expr::Reference(reference) = expr else {
        return None;
    };
    let syn::Expr::Array(array) = &*reference.expr else {
        return None;
    };
    Some(array.elems.iter().collect())
}

/// What changed from `old` to `new`, page by page in path order; pages
/// that did not change are left out.
pub fn changes(old: &[PageCodes], new: &[PageCodes]) -> Vec<Change> {
    let paths: BTreeSet<&str> = old
        .iter()
        .chain(new)
        .map(|page| page.path.as_str())
        .collect();
    let mut out = Vec::new();
    for path in paths {
        let before = old.iter().find(|page| page.path == path);
        let after = new.iter().find(|page| page.path == path);
        let (kind, operations) = match (before, after) {
            (None, Some(after)) => (ChangeKind::Added, &after.operations),
            (Some(before), None) => (ChangeKind::Removed, &before.operations),
            (Some(before), Some(after)) if before == after => continue,
            (Some(_), Some(after)) => (ChangeKind::Changed, &after.operations),
            (None, None) => continue,
        };
        let empty = BTreeSet::new();
        let was = before.map_or(&empty, |page| &page.codes);
        let is = after.map_or(&empty, |page| &page.codes);
        out.push(Change {
            path: path.to_owned(),
            operations: operations.clone(),
            kind,
            added: is.difference(was).copied().collect(),
            removed: was.difference(is).copied().collect(),
        });
    }
    out
}

/// `POST /v3/groups (creating-a-user-group.md): +409 -404`; a page without
/// operations by its path; a new or gone page says so.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.operations.is_empty() {
            write!(f, "{}", self.path)?;
        } else {
            write!(f, "{} ({})", self.operations.join(", "), self.path)?;
        }
        write!(f, ":")?;
        match self.kind {
            ChangeKind::Added => write!(f, " new page")?,
            ChangeKind::Removed => write!(f, " page removed")?,
            ChangeKind::Changed => {}
        }
        for code in &self.added {
            write!(f, " +{code}")?;
        }
        for code in &self.removed {
            write!(f, " -{code}")?;
        }
        if self.kind == ChangeKind::Changed && self.added.is_empty() && self.removed.is_empty() {
            write!(f, " same codes; its operations changed")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{emit, extract};

    fn page(path: &str, ops: &[&str], codes: &[u16]) -> PageCodes {
        PageCodes {
            path: path.to_owned(),
            operations: ops.iter().map(|s| (*s).to_owned()).collect(),
            codes: codes.iter().copied().collect(),
        }
    }

    #[test]
    fn changes_are_listed_per_operation() {
        let old = [
            page("a.md", &["POST /v3/groups"], &[201, 404]),
            page("b.md", &[], &[200]),
            page("gone.md", &["GET /x"], &[200]),
        ];
        let new = [
            page("a.md", &["POST /v3/groups"], &[201, 409]),
            page("b.md", &[], &[200]),
            page("new.md", &[], &[204]),
        ];
        let lines: Vec<String> = changes(&old, &new)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "POST /v3/groups (a.md): +409 -404",
                "GET /x (gone.md): page removed -200",
                "new.md: new page +204"
            ]
        );
    }

    #[test]
    fn a_module_is_read_back_as_it_was_written() {
        let text = "# Creating\n\n## URI\n\nPOST /v3/groups\n\n| Status Code | Description |\n|---|---|\n| 201 | Created. |\n| 409 | Conflict. |\n";
        let documents = vec![extract::document("a.md", text).document];
        let module =
            emit::module(&documents, &crate::Config::new("").emit_options()).expect("a module");
        assert_eq!(read_module(&module), Ok(pages(&documents)));
        assert!(read_module("fn main() {}").is_err());
        let other = module.replace("format = 4,", "format = 999,");
        assert_eq!(
            read_module(&other),
            Err("it was written in module format 999, and this http-returns-build writes and reads format 4".to_owned())
        );
        let deep = format!("{module}\nfn f() {{ {} }}", "(".repeat(2000));
        let why = read_module(&deep).expect_err("too deep");
        assert!(
            why.starts_with("its brackets nest more than 128 deep at line"),
            "{why}"
        );
    }
}
