//! One entry per documented code: its canonical reason and its variant name.

use std::collections::BTreeMap;

use proc_macro2::Ident;
use quote::format_ident;

use super::naming::{self, Names};
use crate::model::Page;

/// A code that at least one document lists.
pub struct Code {
    /// The code, in 100..=599.
    pub code: u16,
    /// The IANA reason where there is one, else the phrase the documents use
    /// most, else empty.
    pub reason: String,
    /// The `Status` variant's name (a `String`: codes are shared across
    /// threads, which proc-macro2's types cannot be).
    pub variant: String,
}

impl Code {
    /// The `Status` variant, as an identifier.
    pub fn ident(&self) -> Ident {
        format_ident!("{}", self.variant)
    }
}

/// Every code the documents list, in ascending order.
pub fn collect(documents: &[&Page]) -> Vec<Code> {
    let mut phrases: BTreeMap<u16, BTreeMap<&str, usize>> = BTreeMap::new();
    for (_, row) in documents.iter().flat_map(|document| document.rows()) {
        let counts = phrases.entry(row.code).or_default();
        if let Some(reason) = &row.reason {
            *counts.entry(reason.as_str()).or_default() += 1;
        }
    }
    let mut names = Names::default();
    phrases
        .into_iter()
        .map(|(code, counts)| {
            let reason = canonical_reason(code)
                .map(str::to_owned)
                .unwrap_or_else(|| most_used(&counts));
            let wanted = naming::upper_camel(&reason).unwrap_or_else(|| format!("Code{code}"));
            let variant = names.unique_or(wanted.clone(), || format!("{wanted}{code}"));
            Code {
                code,
                reason,
                variant,
            }
        })
        .collect()
}

/// The IANA reason phrase, as the `http` crate records it.
fn canonical_reason(code: u16) -> Option<&'static str> {
    http::StatusCode::from_u16(code).ok()?.canonical_reason()
}

/// The phrase written most often; ties go to the first in byte order.
fn most_used(counts: &BTreeMap<&str, usize>) -> String {
    let best = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
    best.map(|(phrase, _)| (*phrase).to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Row, Table};

    fn document(rows: &[(u16, Option<&str>)]) -> Page {
        let rows = rows
            .iter()
            .map(|&(code, reason)| Row {
                line: 1,
                code,
                reason: reason.map(Into::into),
                description: String::new(),
            })
            .collect();
        Page {
            path: "a.md".into(),
            title: None,
            operations: Vec::new(),
            tables: vec![Table {
                line: 1,
                label: None,
                group: None,
                rows,
                bare: false,
                classes: Vec::new(),
            }],
        }
    }

    fn summary(codes: &[Code]) -> Vec<(u16, &str, String)> {
        codes
            .iter()
            .map(|c| (c.code, c.reason.as_str(), c.variant.to_string()))
            .collect()
    }

    #[test]
    fn iana_reasons_win_over_the_pages_spelling() {
        let codes = collect(&[&document(&[
            (404, Some("FlavorNotFound")),
            (200, None),
            (400, Some("Bad request")),
        ])]);
        assert_eq!(
            summary(&codes),
            [
                (200, "OK", "Ok".into()),
                (400, "Bad Request", "BadRequest".into()),
                (404, "Not Found", "NotFound".into())
            ]
        );
    }

    #[test]
    fn unregistered_codes_take_the_pages_most_used_phrase_or_a_numbered_name() {
        let codes = collect(&[&document(&[
            (499, Some("Client Closed")),
            (499, Some("Client Closed")),
            (499, Some("Gone Away")),
            (599, None),
            (598, Some("网络错误")),
        ])]);
        assert_eq!(
            summary(&codes),
            [
                (499, "Client Closed", "ClientClosed".into()),
                (598, "网络错误", "Code598".into()),
                (599, "", "Code599".into())
            ]
        );
    }

    #[test]
    fn a_phrase_that_names_another_code_gets_the_code_appended() {
        let codes = collect(&[&document(&[(404, None), (499, Some("not-found"))])]);
        assert_eq!(summary(&codes)[1], (499, "not-found", "NotFound499".into()));
    }
}
