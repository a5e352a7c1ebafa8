//! `cargo xtask regen` and `extract` as a user runs them: the real binary,
//! on the bundled spec and on temporary copies of it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use xtask::workspace;

const SEED: &str = include_str!("../../generator/tests/fixtures/returned-values.md");

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary spec directory holding `files`, and an output path beside it.
fn spec_with(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("spec");
    for (name, content) in files {
        let path = spec.join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        fs::write(path, content).expect("write");
    }
    let out = dir.path().join("spec.rs");
    (dir, spec, out)
}

/// `path` as regen's messages and headers show it: relative to the
/// workspace, with `..` beside it, else absolute.
fn shown(path: &Path) -> String {
    http_returns_build::__private::paths::relative(&workspace::root(), path)
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// The seed without its `404 Not Found` row.
fn seed_without_404() -> String {
    let start = SEED
        .find("<tr id=\"row25914052111526\">")
        .expect("the 404 row");
    let end = start + SEED[start..].find("</tr>").expect("its end") + "</tr>\n".len();
    let removed = format!("{}{}", &SEED[..start], &SEED[end..]);
    assert!(!removed.contains("404 Not Found"));
    removed
}

#[test]
fn extract_json_prints_the_seventeen_rows_of_the_first_document() {
    let (_dir, spec, _) = spec_with(&[("returned-values.md", SEED)]);
    let output = xtask(&["extract", "--json", "--spec", arg(&spec)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "");
    let rows: Vec<serde_json::Value> = text(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    let codes: Vec<u64> = rows
        .iter()
        .map(|row| row["code"].as_u64().expect("a numeric code"))
        .collect();
    assert_eq!(
        codes,
        [
            200, 202, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504
        ]
    );
    for row in &rows {
        assert_eq!(row["file"], "returned-values.md");
        let normal = row["code"].as_u64() < Some(300);
        assert_eq!(row["group"], if normal { "normal" } else { "abnormal" });
        assert_eq!(row["label"], if normal { "Normal" } else { "Abnormal" });
        assert_eq!(
            row["reason"].is_null(),
            normal,
            "the normal codes are bare, the abnormal ones have phrases"
        );
    }
    assert_eq!(
        rows[0]["description"],
        "The task is successfully delivered."
    );
    assert_eq!(rows[2]["description"], rows[0]["description"]);
    assert_eq!(rows[3]["reason"], "Bad Request");
    assert_eq!(
        rows[3]["description"],
        "The server failed to process the request."
    );
    assert_eq!(rows[3]["line"], 39, "the line of its <tr>");
}

#[test]
fn extract_json_gives_each_rows_operation() {
    let page = "# Creating a User Group\n\n## URI\n\n-   URI format\n\n    POST /v3/groups\n\n## Returned Values\n\n| Status Code | Description |\n|---|---|\n| 201 | Created. |\n";
    let plain = "| Status Code | Description |\n|---|---|\n| 200 | OK. |\n";
    let (_dir, spec, _) = spec_with(&[("create.md", page), ("plain.md", plain)]);
    let output = xtask(&["extract", "--json", "--spec", arg(&spec)]);
    let rows: Vec<serde_json::Value> = text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(
        (
            &rows[0]["file"],
            &rows[0]["operation"],
            &rows[0]["operations"]
        ),
        (
            &serde_json::json!("create.md"),
            &serde_json::json!("POST /v3/groups"),
            &serde_json::json!(["POST /v3/groups"])
        )
    );
    assert_eq!(
        (
            &rows[1]["file"],
            &rows[1]["operation"],
            &rows[1]["operations"]
        ),
        (
            &serde_json::json!("plain.md"),
            &serde_json::Value::Null,
            &serde_json::json!([])
        )
    );
}

/// A held-out set, as the README runs it: no peer rows of status tables,
/// only the independent reader's operations given with `--operations`.
#[test]
fn agree_compares_a_held_out_sets_operations() {
    let page = "# Creating\n\n## URI\n\nPOST /v3/groups\n\n| Status Code | Description |\n|---|---|\n| 201 | Created. |\n";
    let other = "# Deleting\n\n## URI\n\nDELETE /v3/groups/\\{group\\_id\\}\n\n| Status Code | Description |\n|---|---|\n| 204 | Gone. |\n";
    let (dir, spec, _) = spec_with(&[("create.md", page), ("delete.md", other)]);
    let reference = dir.path().join("ops.jsonl");
    fs::write(
        &reference,
        "{\"file\": \"create.md\", \"operations\": [\"POST /v3/groups\"]}\n\
         {\"file\": \"delete.md\", \"operations\": [\"DELETE /v3/groups/{id}\"]}\n",
    )
    .expect("write the reference");
    let output = xtask(&[
        "agree",
        "--corpus",
        arg(&spec),
        "--operations",
        arg(&reference),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let shown = text(&output.stdout);
    assert!(
        shown.starts_with(
            "operations: the reference finds them on 2 pages; we read the same on 1 (50.000%)\n"
        ) && shown.contains(
            "1 differ, e.g. delete.md: ours [\"DELETE /v3/groups/{group_id}\"], the reference's [\"DELETE /v3/groups/{id}\"]"
        ),
        "{shown}"
    );
    // Nothing to compare: no rows and no operations is an error, not a pass.
    let output = xtask(&["agree", "--corpus", arg(&spec)]);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("nothing to compare"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn extract_shows_classes_as_classes() {
    let page = "<table><tr><th>状态码</th><th>描述</th></tr>\n<tr><td>2xx</td><td>成功</td></tr>\n<tr><td>404</td><td>无</td></tr></table>\n";
    let (_dir, spec, _) = spec_with(&[("obs.md", page)]);
    let output = xtask(&["extract", "--json", "--spec", arg(&spec)]);
    assert_eq!(text(&output.stderr), "");
    let rows: Vec<serde_json::Value> = text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (&rows[0]["code"], &rows[0]["form"]),
        (&serde_json::json!(404), &serde_json::json!("table"))
    );
    assert_eq!(
        (&rows[1]["code"], &rows[1]["class"], &rows[1]["form"]),
        (
            &serde_json::Value::Null,
            &serde_json::json!("2xx"),
            &serde_json::json!("class")
        )
    );
    assert_eq!(rows[1]["line"], 2);
    let table = text(&xtask(&["extract", "--spec", arg(&spec)]).stdout);
    assert!(
        table.contains("obs.md:2") && table.contains(" 2xx  -"),
        "{table}"
    );
}

#[test]
fn extract_prints_a_readable_table() {
    let (_dir, spec, _) = spec_with(&[("returned-values.md", SEED)]);
    let output = xtask(&["extract", "--spec", arg(&spec)]);
    assert!(output.status.success());
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("FILE:LINE"));
    assert!(
        lines[1].starts_with("returned-values.md:12") && lines[1].contains(" 200  normal "),
        "{}",
        lines[1]
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(" 409  abnormal  Conflict ")),
        "{stdout}"
    );
    assert_eq!(lines.last(), Some(&"1 document, 17 rows, 17 status codes"));
}

#[test]
fn check_fails_on_a_removed_row_naming_the_file_and_the_command() {
    let (_dir, spec, out) = spec_with(&[("returned-values.md", SEED)]);
    assert!(
        xtask(&["regen", "--spec", arg(&spec), "--out", arg(&out)])
            .status
            .success()
    );
    fs::write(spec.join("returned-values.md"), seed_without_404()).expect("edit");
    let before = fs::read(&out).expect("written");

    let output = xtask(&["regen", "--check", "--spec", arg(&spec), "--out", arg(&out)]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(&format!("error: {} is stale: from line ", shown(&out))),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "run `cargo xtask regen --spec {} --out {}`",
            shown(&spec),
            shown(&out)
        )),
        "{stderr}"
    );
    assert_eq!(
        fs::read(&out).expect("still there"),
        before,
        "--check writes nothing"
    );
}

#[test]
fn the_freshness_test_message_for_the_vendored_module_says_what_to_run() {
    let (_dir, spec, _) = spec_with(&[("returned-values.md", &seed_without_404())]);
    // The bundled configuration, reading the edited copy as its documents.
    let config = workspace::bundled()
        .spec(&spec)
        .command("cargo xtask regen");
    let failure = config
        .run(http_returns_build::Mode::Check)
        .expect_err("a removed row makes the vendored module stale");
    // A caller can tell a stale module from the other failures, and read
    // where it differs and what changed.
    let http_returns_build::Failure::Stale {
        first_difference,
        drift: http_returns_build::Drift::Changes(changes),
        ..
    } = &failure
    else {
        panic!("not a stale module with changes: {failure:?}");
    };
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].removed, [404]);
    let message = failure.message();
    assert!(message.contains(&format!("from line {first_difference} on")));
    assert!(
        message.starts_with("runtime/src/bundled.rs is stale: from line "),
        "{message}"
    );
    assert!(
        message.ends_with(
            "\n  run `cargo xtask regen` and commit runtime/src/bundled.rs\
             \n  what the documents changed:\
             \n    returned-values.md: -404"
        ),
        "{message}"
    );
}

#[test]
fn regen_writes_once_then_reports_unchanged() {
    let (_dir, spec, out) = spec_with(&[("returned-values.md", SEED)]);
    let first = xtask(&["regen", "--spec", arg(&spec), "--out", arg(&out)]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stdout).starts_with("regen: wrote "));
    // The vendored module, but for the documents' directory and the
    // command, which the module names (on its first line, and in its
    // `generated_module!` call).
    let written = fs::read_to_string(&out).expect("written");
    let vendored =
        fs::read_to_string(workspace::root().join("runtime/src/bundled.rs")).expect("vendored");
    assert!(written.starts_with(&format!(
        "// @generated by `cargo xtask regen --spec {} --out {}` from the documents in {}/.",
        shown(&spec),
        shown(&out),
        shown(&spec)
    )));
    // Word for word: prettyplease wraps a long line where the directory's
    // length makes it long.
    // The command is named in the module's table of operations too (an
    // unknown `op =` is told to run it).
    let command = format!(
        "cargo xtask regen --spec {} --out {}",
        shown(&spec),
        shown(&out)
    );
    let body = |module: &str, dir: &str| -> Vec<String> {
        module
            .replace(&command, "cargo xtask regen")
            .lines()
            .skip(1)
            .filter(|line| !line.starts_with("command = "))
            .flat_map(str::split_whitespace)
            .map(|word| word.replace(dir, "spec/"))
            // The tables' names hash the documents' directory and the command.
            .map(|word| match word.find("__http_returns_") {
                Some(at) => word[..at + "__http_returns_".len() + 4].to_owned(),
                None => word,
            })
            .collect()
    };
    assert_eq!(
        body(&written, &format!("{}/", shown(&spec))),
        body(&vendored, "spec/")
    );
    let second = xtask(&["regen", "--spec", arg(&spec), "--out", arg(&out)]);
    assert!(
        text(&second.stdout).starts_with("regen: unchanged: "),
        "{}",
        text(&second.stdout)
    );
}

#[test]
fn the_output_does_not_depend_on_the_order_files_are_created_in() {
    let other = "# Other\n\n<table><tr><th>Status Code</th><th>Description</th></tr><tr><td>201</td><td>Made.</td></tr></table>\n";
    // The same paths both times: the module names its directory and command.
    let (_dir, spec, out) = spec_with(&[("returned-values.md", SEED), ("z/other.md", other)]);
    let regen = || {
        let output = xtask(&["regen", "--spec", arg(&spec), "--out", arg(&out)]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        fs::read_to_string(&out).expect("written")
    };
    let module = regen();
    fs::remove_dir_all(&spec).expect("remove");
    fs::remove_file(&out).expect("remove");
    for (name, content) in [("z/other.md", other), ("returned-values.md", SEED)] {
        let path = spec.join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        fs::write(path, content).expect("write");
    }
    assert_eq!(module, regen());
    assert!(
        module.contains("Created = 201") && module.contains("pub mod z_other"),
        "both documents are in"
    );
}

#[test]
fn a_document_without_status_tables_warns_and_regen_goes_on() {
    let (_dir, spec, out) = spec_with(&[
        ("returned-values.md", SEED),
        ("intro.md", "# Intro\n\nNo tables.\n"),
    ]);
    let output = xtask(&["regen", "--spec", arg(&spec), "--out", arg(&out)]);
    assert!(output.status.success());
    let warning = format!(
        "{}: warning: no status table found",
        spec.join("intro.md").display()
    );
    assert!(
        text(&output.stderr).starts_with(&warning),
        "{}",
        text(&output.stderr)
    );
    assert!(out.exists());
}

#[test]
fn an_error_fails_and_leaves_the_output_as_it_was() {
    let (_dir, spec, out) = spec_with(&[("returned-values.md", SEED), ("bad.md", "")]);
    fs::write(spec.join("bad.md"), b"line\n\xff\n").expect("write");
    fs::write(&out, "// the module as it was\n").expect("write");
    let output = xtask(&["regen", "--spec", arg(&spec), "--out", arg(&out)]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("bad.md:2: error: not valid UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(&format!(
            "error: reading the documents stopped on 1 error; {} was not touched\n",
            shown(&out)
        )),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(&out).expect("still there"),
        "// the module as it was\n"
    );
}

#[test]
fn a_missing_or_empty_spec_directory_is_an_error() {
    let (dir, spec, out) = spec_with(&[]);
    let output = xtask(&["regen", "--spec", arg(&spec), "--out", arg(&out)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("the documents' directory does not exist"),
        "{}",
        text(&output.stderr)
    );
    fs::create_dir(&spec).expect("mkdir");
    let output = xtask(&["extract", "--spec", arg(&spec)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("no documents here"),
        "{}",
        text(&output.stderr)
    );
    assert!(!out.exists());
    drop(dir);
}

#[test]
fn help_names_the_commands_and_bad_flags_exit_with_usage() {
    let help = xtask(&["--help"]);
    assert!(help.status.success());
    let help = text(&help.stdout);
    assert!(help.contains("regen") && help.contains("extract"), "{help}");
    let regen_help = text(&xtask(&["regen", "--help"]).stdout);
    assert!(
        regen_help.contains("--check")
            && regen_help.contains("--spec <DIR|FILE>")
            && regen_help.contains("--out <FILE>")
            && regen_help.contains("--runtime <PATH>"),
        "{regen_help}"
    );
    let typo = xtask(&["regn"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        text(&typo.stderr).contains("tip: a similar subcommand exists: 'regen'"),
        "{}",
        text(&typo.stderr)
    );
    let version = xtask(&["--version"]);
    assert!(
        text(&version.stdout).starts_with("cargo xtask "),
        "{}",
        text(&version.stdout)
    );
    let bad = xtask(&["regen", "--frobnicate"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("unexpected argument '--frobnicate'"));
}

#[test]
fn the_output_is_the_same_across_runs_threads_locales_and_time_zones() {
    let other = |code: u16| format!("|状态码|描述|\n|--|--|\n|{code}|描述 {code}|\n");
    let files: Vec<(String, String)> = (0..40)
        .map(|n| (format!("d{n:02}/页{n}.md"), other(200 + n)))
        .collect();
    let mut all: Vec<(&str, &str)> = files
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    all.push(("returned-values.md", SEED));
    let (_dir, spec, out) = spec_with(&all);
    let mut outputs = Vec::new();
    let settings = [
        ("C", "UTC"),
        ("zh_CN.UTF-8", "Asia/Shanghai"),
        ("tr_TR.UTF-8", "America/St_Johns"),
    ];
    for (lang, tz) in settings {
        let _ = fs::remove_file(&out);
        let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(["regen", "--spec", arg(&spec), "--out", arg(&out)])
            .env("LC_ALL", lang)
            .env("LANG", lang)
            .env("TZ", tz)
            .output()
            .expect("xtask runs");
        assert!(output.status.success(), "{}", text(&output.stderr));
        outputs.push(fs::read(&out).expect("written"));
    }
    // The same again through the library, on 1, 2 and 7 threads, with the
    // command the binary wrote into the module.
    let command = format!(
        "cargo xtask regen --spec {} --out {}",
        shown(&spec),
        shown(&out)
    );
    for threads in [1, 2, 7] {
        let config = http_returns_build::Config::new(workspace::root())
            .spec(&spec)
            .out(&out)
            .command(command.as_str())
            .threads(threads);
        let generated = config.generate().unwrap_or_else(|e| panic!("{e}"));
        outputs.push(generated.module.into_bytes());
    }
    assert!(
        outputs.windows(2).all(|pair| pair[0] == pair[1]),
        "byte-identical whatever the locale, the clock and the threads"
    );
}

#[test]
fn the_extract_table_stays_aligned_with_wide_names_and_long_reasons() {
    use unicode_width::UnicodeWidthStr;
    let zh = "|状态码|描述|\n|--|--|\n|404|未找到|\n";
    let long = "<table><tr><th>Status Code</th><th>Description</th></tr>\
                <tr><td>407 Proxy Authentication Required For Real</td><td>Log in.</td></tr></table>\n";
    let (_dir, spec, _) = spec_with(&[("状态码说明.md", zh), ("a.md", long)]);
    let output = xtask(&["extract", "--spec", arg(&spec)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let code_end = lines[0].find("CODE").expect("a header") + "CODE".len();
    let description = lines[0].find("DESCRIPTION").expect("a header");
    for (line, code) in [(lines[1], "407"), (lines[2], "404")] {
        let at = line.find(&format!(" {code}  ")).expect("the code") + 1 + code.len();
        assert_eq!(line[..at].width(), code_end, "{stdout}");
        let text_at = line
            .find(if code == "407" {
                "Log in."
            } else {
                "未找到"
            })
            .expect("text");
        assert_eq!(line[..text_at].width(), description, "{stdout}");
    }
}

#[test]
fn a_bare_code_has_no_description_in_json() {
    let page = "# Page\n\n-   Normal\n\n    200\n";
    let (_dir, spec, _) = spec_with(&[("bare.md", page)]);
    let output = xtask(&["extract", "--json", "--spec", arg(&spec)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let row: serde_json::Value =
        serde_json::from_str(text(&output.stdout).trim()).expect("one JSON row");
    assert_eq!(
        (&row["code"], &row["form"]),
        (&serde_json::json!(200), &serde_json::json!("bare"))
    );
    assert!(row["description"].is_null(), "{row}");
}

#[test]
fn regen_reads_one_page_given_as_spec() {
    let other = "<table><tr><th>Status Code</th><th>Description</th></tr><tr><td>201</td><td>Made.</td></tr></table>\n";
    let (_dir, spec, out) = spec_with(&[("returned-values.md", SEED), ("other.md", other)]);
    let page = spec.join("returned-values.md");
    let output = xtask(&["regen", "--spec", arg(&page), "--out", arg(&out)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        format!(
            "regen: wrote {} (1 document, 17 rows, 17 status codes)\n",
            shown(&out)
        )
    );
    let module = fs::read_to_string(&out).expect("written");
    assert!(module.starts_with(&format!(
        "// @generated by `cargo xtask regen --spec {} --out {}` from the documents in {}.",
        shown(&page),
        shown(&out),
        shown(&page)
    )));
    assert!(module.contains("pub mod returned_values {"));
    assert!(
        !module.contains("Created = 201"),
        "the other page is not read"
    );
    let check = xtask(&["regen", "--check", "--spec", arg(&page), "--out", arg(&out)]);
    assert!(check.status.success(), "{}", text(&check.stderr));
}

/// `--json` is written without serde: each line must still parse, and give
/// back the page's text, whatever characters it holds.
#[test]
fn extract_json_gives_back_any_text_as_json() {
    let description = "He said \"no\" to C:\\temp\\new, \u{1}then {ok} [é/正常]";
    let page = format!(
        "-   Normal\n\n    <table><tr><th>Status Code</th><th>Description</th></tr>\
         <tr><td>200</td><td>{description}</td></tr></table>\n"
    );
    let (_dir, spec, _) = spec_with(&[("odd \"name\".md", &page)]);
    let output = xtask(&["extract", "--json", "--spec", arg(&spec)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let rows: Vec<serde_json::Value> = text(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["description"], description);
    assert_eq!(rows[0]["file"], "odd \"name\".md");
    assert_eq!(rows[0]["group"], "normal");
}

/// Every row of the reStructuredText corpus, as `--json`, parses.
#[test]
fn extract_json_of_a_real_corpus_parses() {
    let Some(corpus) = workspace::shared_corpus("corpus-rst") else {
        return;
    };
    let output = xtask(&["extract", "--json", "--spec", arg(&corpus)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for line in stdout.lines() {
        let row: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(row["file"].is_string() && row["line"].is_u64(), "{line}");
    }
    assert!(
        stdout.lines().count() > 1500,
        "{} rows",
        stdout.lines().count()
    );
}

/// Whatever module is on disk (nested 2,000 deep, written in another
/// format, checked out with CRLF line ends, 50 MB of brackets), regen and
/// `--check` end with a message that is true and names the command, never
/// with a crash.
#[test]
fn a_module_on_disk_is_read_back_within_bounds_and_described_truly() {
    let (_dir, spec, out) = spec_with(&[("returned-values.md", SEED)]);
    let regen = |check: bool| {
        let mut args = vec!["regen", "--spec", arg(&spec), "--out", arg(&out)];
        if check {
            args.push("--check");
        }
        xtask(&args)
    };
    assert!(regen(false).status.success());
    let fresh = fs::read_to_string(&out).expect("written");
    let command = format!(
        "run `cargo xtask regen --spec {} --out {}`",
        shown(&spec),
        shown(&out)
    );

    // 2,000 parentheses appended: --check says so, naming the line.
    fs::write(
        &out,
        format!("{fresh}{}{}", "(".repeat(2000), ")".repeat(2000)),
    )
    .expect("edit");
    let output = regen(true);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&command), "{stderr}");
    let last = fresh.lines().count() + 1;
    assert!(
        stderr.contains(&format!(
            "(what changed is not listed: the previous module could not be read back: its brackets \
             nest more than 128 deep at line {last}, as no generated module does: reading stopped there)"
        )),
        "{stderr}"
    );
    // regen rewrites it, and says the same.
    let output = regen(false);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(fs::read_to_string(&out).expect("rewritten"), fresh);

    // Another first line (made by another command): said, not a documents change.
    let (_, body) = fresh.split_once('\n').expect("a first line");
    fs::write(
        &out,
        format!("// @generated by `cargo run -p other`\n{body}"),
    )
    .expect("edit");
    let stderr = text(&regen(true).stderr);
    assert!(
        stderr.contains("(only the module's first line changed, the command that made it: the documents did not)"),
        "{stderr}"
    );

    // Another format: said, not "descriptions changed".
    fs::write(&out, fresh.replace("format = 4,", "format = 999,")).expect("edit");
    let stderr = text(&regen(true).stderr);
    assert!(
        stderr.contains(
            "the previous module could not be read back: it was written in module format 999"
        ),
        "{stderr}"
    );
    assert!(
        !stderr.contains("descriptions, titles or labels"),
        "{stderr}"
    );

    // CRLF line ends, as a `core.autocrlf` checkout has them: fresh.
    fs::write(&out, fresh.replace('\n', "\r\n")).expect("edit");
    let output = regen(true);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = regen(false);
    assert!(
        text(&output.stdout).starts_with("regen: unchanged"),
        "{}",
        text(&output.stdout)
    );
    assert!(
        fs::read_to_string(&out).expect("kept").contains("\r\n"),
        "not rewritten"
    );

    // Not UTF-8 (a UTF-16 editor's save): stale, said, never a crash.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(fresh.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(&out, utf16).expect("edit");
    let output = regen(true);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&command) && stderr.contains("could not be read back"),
        "{stderr}"
    );

    // 50 MB of brackets: refused at once, with the command.
    fs::write(&out, "(".repeat(50 << 20)).expect("edit");
    let output = regen(true);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&command), "{stderr}");
    assert!(stderr.contains("could not be read back"), "{stderr}");
}
