//! [`Extract`]: what was read from the documents, one row per status-table
//! row, as a table or as JSON lines.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use unicode_width::UnicodeWidthStr;

use crate::config::Config;
use crate::documents::{self, Loaded, summary};
use crate::model::{Page, Table};

/// `extract [--spec DIR|FILE] [--json]`: shows every row read from the
/// documents, to check what regen will see. Embed it beside
/// [`Regen`](super::Regen) in your xtask's `clap` command.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Extract {
    /// `--spec DIR|FILE`: the documents, instead of the configured ones.
    pub spec: Option<PathBuf>,
    /// `--json`: one JSON object per row instead of a table.
    pub json: bool,
}

impl clap::FromArgMatches for Extract {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Ok(Extract {
            spec: matches.get_one::<PathBuf>("spec").cloned(),
            json: matches.get_flag("json"),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Extract::from_arg_matches(matches)?;
        Ok(())
    }
}

/// By hand, as for [`Regen`](super::Regen): no clap derive.
impl clap::Args for Extract {
    fn augment_args(command: clap::Command) -> clap::Command {
        use clap::{Arg, ArgAction, value_parser};
        command
            .arg(
                Arg::new("spec")
                    .long("spec")
                    .value_name("DIR|FILE")
                    .value_parser(value_parser!(PathBuf))
                    .help("The documents: a directory or one page [default: the project's]"),
            )
            .arg(
                Arg::new("json")
                    .long("json")
                    .action(ArgAction::SetTrue)
                    .help(
                        "One JSON object per row, with file, line, table, code, class, reason, \
                 description, group, label, form (table, bare or class), operation and \
                 operations",
                    ),
            )
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Extract::augment_args(command)
    }
}

impl Extract {
    /// Reads the documents of `defaults` (or `--spec`, from the current
    /// directory) and prints every row on stdout; warnings and errors go to
    /// stderr as `file:line: severity: message`. Exit status 1 on an error.
    pub fn run(&self, defaults: Config) -> ExitCode {
        let spec = match &self.spec {
            Some(spec) => super::from_current_dir(spec),
            None => defaults.spec_path(),
        };
        let loaded = match documents::load(&spec, defaults.thread_count()) {
            Ok(loaded) => loaded,
            Err(diagnostics) => {
                for diagnostic in &diagnostics {
                    eprintln!("{diagnostic}");
                }
                eprintln!("error: {}", documents::stopped("extract", &diagnostics));
                return ExitCode::FAILURE;
            }
        };
        for warning in &loaded.warnings {
            eprintln!("{warning}");
        }
        let text = if self.json {
            json_lines(&loaded.documents)
        } else {
            table(&loaded)
        };
        match std::io::stdout().lock().write_all(text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            // A closed pipe (`| head`) is the reader's choice, not a failure.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: cannot write the output: {error}");
                ExitCode::FAILURE
            }
        }
    }
}

/// One JSON object a line and row, keys in alphabetical order.
fn json_lines(documents: &[Page]) -> String {
    let mut out = String::new();
    for document in documents {
        // The page's operations, on each of its rows: `operation` the
        // first (`POST /v3/groups`) or null, `operations` all of them.
        let operations: Vec<String> = document
            .operations
            .iter()
            .map(ToString::to_string)
            .collect();
        for (index, table) in document.tables.iter().enumerate() {
            for Line {
                line,
                code,
                class,
                reason,
                description,
            } in lines(table)
            {
                let form = match (&class, table.bare) {
                    (Some(_), _) => "class",
                    (None, true) => "bare",
                    (None, false) => "table",
                };
                let group = table.group.map(|g| g.as_str());
                // A bare code, or an empty cell, has no description.
                let description = (!description.is_empty()).then_some(description);
                let _ = writeln!(
                    out,
                    "{{\"class\":{},\"code\":{},\"description\":{},\"file\":{},\"form\":{},\
                     \"group\":{},\"label\":{},\"line\":{line},\"operation\":{},\
                     \"operations\":[{}],\"reason\":{},\"table\":{index}}}",
                    json_or_null(class.as_deref()),
                    code.map_or("null".to_owned(), |code| code.to_string()),
                    json_or_null(description),
                    json(&document.path),
                    json(form),
                    json_or_null(group),
                    json_or_null(table.label.as_deref()),
                    json_or_null(operations.first().map(String::as_str)),
                    operations
                        .iter()
                        .map(|o| json(o))
                        .collect::<Vec<_>>()
                        .join(","),
                    json_or_null(reason),
                );
            }
        }
    }
    out
}

/// One line of a table as extract shows it: a coded row, or a class row
/// (`2xx`).
struct Line<'a> {
    line: usize,
    code: Option<u16>,
    class: Option<String>,
    reason: Option<&'a str>,
    description: &'a str,
}

/// A table's coded rows, then its class rows.
fn lines(table: &Table) -> impl Iterator<Item = Line<'_>> {
    let rows = table.rows.iter().map(|r| Line {
        line: r.line,
        code: Some(r.code),
        class: None,
        reason: r.reason.as_deref(),
        description: &r.description,
    });
    let classes = table.classes.iter().map(|c| Line {
        line: c.line,
        code: None,
        class: Some(format!("{}xx", c.class)),
        reason: c.reason.as_deref(),
        description: &c.description,
    });
    rows.chain(classes)
}

/// `text` as a JSON string. Written here rather than with serde_json, this
/// one use of it costing every user's first build 3 CPU-seconds.
fn json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_or_null(text: Option<&str>) -> String {
    text.map_or("null".to_owned(), json)
}

/// A table a terminal shows aligned, and the summary line.
fn table(loaded: &Loaded) -> String {
    // (place, code, group, reason, description) for every row and class.
    let mut shown: Vec<(String, String, &str, &str, &str)> = Vec::new();
    for document in &loaded.documents {
        for table in &document.tables {
            let group = table.group.map_or("-", |g| g.as_str());
            for line in lines(table) {
                let place = format!("{}:{}", document.path, line.line);
                let code = match (line.code, line.class) {
                    (Some(code), _) => code.to_string(),
                    (None, class) => class.unwrap_or_default(),
                };
                let reason = line.reason.unwrap_or("-");
                shown.push((place, code, group, reason, line.description));
            }
        }
    }
    // Widths as a terminal shows them: a Chinese file name is twice as wide
    // as its character count.
    let width = |cells: &mut dyn Iterator<Item = &str>, title: &str| {
        cells
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
            .max(title.len())
    };
    let place_width = width(&mut shown.iter().map(|l| l.0.as_str()), "FILE:LINE");
    let reason_width = width(&mut shown.iter().map(|l| l.3), "REASON");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  CODE  GROUP     {}  DESCRIPTION",
        pad("FILE:LINE", place_width),
        pad("REASON", reason_width)
    );
    for (place, code, group, reason, description) in &shown {
        let _ = writeln!(
            out,
            "{}  {code:>4}  {group:<8}  {}  {description}",
            pad(place, place_width),
            pad(reason, reason_width)
        );
    }
    let _ = writeln!(out, "{}", summary(&loaded.documents));
    out
}

/// `text` and spaces up to display `width`.
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_strings_escape_what_json_requires_and_nothing_else() {
        assert_eq!(
            super::json("a \"b\" \\ c\n\t\u{1}é/ü 正常"),
            r#""a \"b\" \\ c\n\t\u0001é/ü 正常""#
        );
    }
}
