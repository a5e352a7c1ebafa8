//! `cargo xtask extract`: what was read from the documents, printed as a
//! table or as JSON lines.

use std::io::Write;
use std::path::PathBuf;

use returns_build::diagnostic::Diagnostic;
use returns_build::model::Document;
use returns_build::regen::{self, Loaded};
use returns_build::{plural as count, summary};
use unicode_width::UnicodeWidthStr;

/// Reads the documents at `spec` and prints every row: one JSON object a
/// line with `json`, else a table. Warnings go to stderr.
pub fn extract(spec: PathBuf, json: bool) -> Result<(), String> {
    let loaded = load(&spec, "extract")?;
    report(&loaded.warnings);
    let mut stdout = std::io::stdout().lock();
    let written = if json {
        print_json(&mut stdout, &loaded.documents)
    } else {
        print_table(&mut stdout, &loaded)
    };
    match written {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(format!("cannot write the output: {error}")),
    }
}

fn print_json(out: &mut impl Write, documents: &[Document]) -> std::io::Result<()> {
    for document in documents {
        // The page's operations, on each of its rows: `operation` the
        // first (`POST /v3/groups`) or null, `operations` all of them.
        let operations: Vec<String> = document
            .operations
            .iter()
            .map(ToString::to_string)
            .collect();
        for (index, table) in document.tables.iter().enumerate() {
            let row = |line: usize,
                       code: Option<u16>,
                       class: Option<String>,
                       reason: &Option<String>,
                       description: &str| {
                let form = match (&class, table.bare) {
                    (Some(_), _) => "class",
                    (None, true) => "bare",
                    (None, false) => "table",
                };
                serde_json::json!({
                    "file": document.path,
                    "line": line,
                    "table": index,
                    "code": code,
                    "class": class,
                    "reason": reason,
                    // A bare code, or an empty cell, has none.
                    "description": (!description.is_empty()).then_some(description),
                    "group": table.group.map(|g| g.as_str()),
                    "label": table.label,
                    "form": form,
                    "operation": operations.first(),
                    "operations": operations,
                })
            };
            for r in &table.rows {
                writeln!(
                    out,
                    "{}",
                    row(r.line, Some(r.code), None, &r.reason, &r.description)
                )?;
            }
            for c in &table.classes {
                writeln!(
                    out,
                    "{}",
                    row(
                        c.line,
                        None,
                        Some(format!("{}xx", c.class)),
                        &c.reason,
                        &c.description
                    )
                )?;
            }
        }
    }
    Ok(())
}

fn print_table(out: &mut impl Write, loaded: &Loaded) -> std::io::Result<()> {
    // (place, code, group, reason, description) for every row and class.
    let mut lines: Vec<(String, String, &str, &str, &str)> = Vec::new();
    for document in &loaded.documents {
        for table in &document.tables {
            let group = table.group.map_or("-", |g| g.as_str());
            let rows = table
                .rows
                .iter()
                .map(|r| (r.line, r.code.to_string(), &r.reason, &r.description));
            let classes = table
                .classes
                .iter()
                .map(|c| (c.line, format!("{}xx", c.class), &c.reason, &c.description));
            for (line, code, reason, description) in rows.chain(classes) {
                let place = format!("{}:{line}", document.path);
                let reason = reason.as_deref().unwrap_or("-");
                lines.push((place, code, group, reason, description));
            }
        }
    }
    // Widths as a terminal shows them: a Chinese file name is twice as wide
    // as its character count.
    let place_width = lines
        .iter()
        .map(|l| l.0.width())
        .max()
        .unwrap_or(0)
        .max("FILE:LINE".len());
    let reason_width = lines
        .iter()
        .map(|l| l.3.width())
        .max()
        .unwrap_or(0)
        .max("REASON".len());
    writeln!(
        out,
        "{}  CODE  GROUP     {}  DESCRIPTION",
        pad("FILE:LINE", place_width),
        pad("REASON", reason_width)
    )?;
    for (place, code, group, reason, description) in &lines {
        writeln!(
            out,
            "{}  {code:>4}  {group:<8}  {}  {description}",
            pad(place, place_width),
            pad(reason, reason_width)
        )?;
    }
    writeln!(out, "{}", summary(loaded))
}

/// `text` and spaces up to display `width`.
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

/// Every document under `spec`; on errors, prints them and says that
/// `command` stopped.
pub fn load(spec: &std::path::Path, command: &str) -> Result<Loaded, String> {
    regen::load(spec).map_err(|errors| {
        report(&errors);
        format!("{command} stopped on {}", count(errors.len(), "error"))
    })
}

fn report(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
}
