//! A service adopts `http-returns` exactly as the README's "Use it in your own
//! service" says, outside this repository. Each file that section shows
//! (a block whose first line names it) is written as shown into a fresh
//! `my-service/`, beside a `returns/` that is this checkout, with the three
//! pages of `examples/user-groups/docs/` as its `docs/`. Then the section's
//! commands run there, as a user runs them, and what the section says
//! follows holds: the rows `extract` prints, the coverage the service
//! prints on start, a plain
//! `cargo test` failing on a stale module with the message shown (what
//! changed, per operation, included), regen listing what it changed, and a
//! build failing at a code its operation's page no longer lists.
//!
//! Then the same service on actix-web, as the section "On actix-web" shows
//! it: its dependencies and `src/main.rs` in place of the axum ones, its
//! tests (the contract check through `actix_web::test`) and its binary,
//! whose middleware reports the router's 405 as shown.
//!
//! Everything builds with `RUSTFLAGS="-D warnings"`: the binary mounts a
//! module of three pages and uses one, which must not warn.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use xtask::workspace;

/// What the README's section shows: its files, commands and outputs.
struct Section {
    /// `(path, text)`, for each block whose first line names a file.
    files: Vec<(String, String)>,
    /// The lines of its `sh` blocks, without their comments.
    commands: Vec<String>,
    /// Its `text` blocks.
    outputs: Vec<String>,
}

/// Reads the README's section "Use it in your own service".
fn section() -> Section {
    section_titled("## Use it in your own service")
}

/// Reads the README's section that starts with `title`.
fn section_titled(title: &str) -> Section {
    let readme = fs::read_to_string(workspace::root().join("README.md")).expect("README.md");
    let start = readme.find(title).expect("the section");
    let rest = &readme[start + 1..];
    let text = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    let mut section = Section {
        files: Vec::new(),
        commands: Vec::new(),
        outputs: Vec::new(),
    };
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(language) = line.strip_prefix("```") else {
            continue;
        };
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        let named = body.first().and_then(|first| {
            first
                .strip_prefix("# ")
                .or_else(|| first.strip_prefix("// "))
                .filter(|name| !name.contains(' ') && name.contains('.'))
        });
        match (language, named) {
            ("toml" | "rust", Some(name)) => section
                .files
                .push((name.to_owned(), format!("{}\n", body.join("\n")))),
            ("sh", _) => section.commands.extend(body.iter().map(|command| {
                command
                    .split('#')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            })),
            ("text", _) => section.outputs.push(body.join("\n")),
            _ => {}
        }
    }
    section
}

/// Held by each test for its whole run: both build a `my-service` and its
/// `xtask` in the one target directory (so the dependencies build once),
/// and an `xtask` binary knows its service's directory from the build that
/// made it; run at once, one test's `regen` could write into the other's.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// What a user adds to try the crates from a checkout before a release.
const PATCH: &str = "
[patch.crates-io]
http-returns = { path = \"../http-returns/runtime\" }
http-returns-macros = { path = \"../http-returns/codegen\" }
http-returns-build = { path = \"../http-returns/generator\" }
";

/// The user's directory: `http-returns/` (this checkout) and `my-service/`,
/// written from the section, with `docs/` and this workspace's lock file
/// (the same versions, so that the build needs no network).
fn users_directory(section: &Section) -> (tempfile::TempDir, PathBuf) {
    let root = workspace::root();
    let dir = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(&root, dir.path().join("http-returns")).expect("link http-returns/");
    let service = dir.path().join("my-service");
    for (name, text) in &section.files {
        let path = service.join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        fs::write(&path, text).expect("write a file");
    }
    // The README's registry dependencies, served from this checkout.
    let manifest = service.join("Cargo.toml");
    let text = fs::read_to_string(&manifest).expect("Cargo.toml");
    fs::write(&manifest, format!("{text}{PATCH}")).expect("patch Cargo.toml");
    fs::create_dir_all(service.join("docs")).expect("mkdir docs");
    for entry in fs::read_dir(root.join("examples/user-groups/docs")).expect("the pages") {
        let page = entry.expect("a page").path();
        fs::copy(
            &page,
            service.join("docs").join(page.file_name().expect("a name")),
        )
        .expect("copy a page");
    }
    fs::copy(root.join("Cargo.lock"), service.join("Cargo.lock")).expect("lock");
    (dir, service)
}

/// Runs `command` (`cargo xtask regen`) in `service`, with the cargo that
/// runs these tests.
fn run(service: &Path, command: &str) -> Output {
    let mut words = command.split_whitespace();
    assert_eq!(words.next(), Some("cargo"), "{command}");
    xtask::cargo::command()
        .args(words)
        .current_dir(service)
        .env("CARGO_NET_OFFLINE", "true")
        // Kept between runs: each run rebuilds only what changed.
        .env("CARGO_TARGET_DIR", target())
        .env("RUSTFLAGS", "-D warnings")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

fn target() -> PathBuf {
    workspace::target_dir().join("adoption")
}

fn all_output(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The section's `text` block that starts with `start`.
fn output_starting<'a>(section: &'a Section, start: &str) -> &'a str {
    section
        .outputs
        .iter()
        .find(|output| output.starts_with(start))
        .unwrap_or_else(|| panic!("the section shows an output starting with {start:?}"))
}

/// `page` with `edit` applied to its text.
fn edit(page: &Path, edit: impl FnOnce(&str) -> String) {
    let text = fs::read_to_string(page).expect("the page");
    fs::write(page, edit(&text)).expect("edit the page");
}

/// The 409 row of `creating-a-user-group.md`: where it starts and ends.
fn row_409(text: &str) -> std::ops::Range<usize> {
    let start = text
        .find("<tr id=\"row2520892414217\">")
        .expect("the 409 row");
    let end = start + text[start..].find("</tr>").expect("its end") + "</tr>".len();
    start..end
}

/// A child process that is stopped when dropped: a failing assertion
/// leaves no server behind holding the test's output open.
struct Stopped(std::process::Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port nothing listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

/// `GET path` from the service on `port`, raw HTTP/1.1: the whole answer.
fn get(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let request = format!("GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("an answer");
    answer
}

/// The service's binary on a free port: the process, the port, the first
/// `lines` it printed (joined), and its stderr.
fn serve(lines: usize) -> (Stopped, u16, String, BufReader<std::process::ChildStderr>) {
    let port = free_port();
    let mut child = Stopped(
        Command::new(target().join("debug/my-service"))
            .arg(format!("127.0.0.1:{port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the service starts"),
    );
    let stdout = BufReader::new(child.0.stdout.take().expect("stdout"));
    let printed: Vec<String> = stdout
        .lines()
        .take(lines)
        .map(|line| line.expect("a line"))
        .collect();
    let stderr = BufReader::new(child.0.stderr.take().expect("stderr"));
    (child, port, printed.join("\n"), stderr)
}

/// Sends `PUT /v3/groups` (raw HTTP/1.1) until the service listens and
/// answers, then reads its first line on `stderr`.
fn put_until_reported(port: u16, stderr: &mut impl BufRead) -> String {
    use std::io::{Read, Write};
    for _ in 0..100 {
        let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
            std::thread::sleep(std::time::Duration::from_millis(100));
            continue;
        };
        let request = "PUT /v3/groups HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
        stream.write_all(request.as_bytes()).expect("send");
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 405"), "{answer}");
        let mut line = String::new();
        stderr.read_line(&mut line).expect("a line on stderr");
        return line;
    }
    panic!("the service never listened on port {port}");
}

#[test]
fn a_service_follows_the_readme() {
    let _alone = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let section = section();
    let names: Vec<&str> = section
        .files
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Cargo.toml",
            ".cargo/config.toml",
            "xtask/Cargo.toml",
            "xtask/src/main.rs",
            "tests/statuses.rs",
            "src/main.rs"
        ]
    );
    assert_eq!(
        section.commands,
        ["cargo xtask regen", "cargo xtask extract", "cargo test"]
    );
    let (_dir, service) = users_directory(&section);

    // The section's commands, as shown.
    let regen = run(&service, &section.commands[0]);
    assert_eq!(
        String::from_utf8_lossy(&regen.stdout),
        "regen: wrote src/statuses.rs (3 documents, 18 rows, 9 status codes)\n",
        "{}",
        all_output(&regen)
    );
    // `extract` prints the rows the section shows, then the summary.
    let extract = run(&service, &section.commands[1]);
    assert!(extract.status.success(), "{}", all_output(&extract));
    let rows = String::from_utf8_lossy(&extract.stdout);
    assert!(
        rows.starts_with(output_starting(&section, "FILE:LINE"))
            && rows.ends_with("3 documents, 18 rows, 9 status codes\n"),
        "{}",
        all_output(&extract)
    );
    let test = run(&service, &section.commands[2]);
    assert!(test.status.success(), "{}", all_output(&test));
    let stdout = String::from_utf8_lossy(&test.stdout);
    assert!(
        stdout.contains("test status_module_is_fresh ... ok")
            && stdout.contains("test the_service_answers_only_what_its_pages_list ... ok"),
        "{}",
        all_output(&test)
    );

    // The same command spelled with the flag its xtask sets already
    // changes nothing: the module, and so plain `cargo test`, stay as they are.
    let spelled = run(&service, "cargo xtask regen --spec docs");
    assert!(
        String::from_utf8_lossy(&spelled.stdout).starts_with("regen: unchanged: src/statuses.rs"),
        "{}",
        all_output(&spelled)
    );
    let check = run(&service, "cargo xtask regen --check --spec ./docs");
    assert!(check.status.success(), "{}", all_output(&check));

    // On start, the service prints its coverage as shown.
    let coverage = output_starting(&section, "2 of 3 documented operations");
    let (child, port, printed, mut stderr) = serve(coverage.lines().count());
    assert_eq!(printed, coverage);
    // Out of the box, its first report reaches stderr, as shown.
    let report = output_starting(&section, "WARN ");
    let first = put_until_reported(port, &mut stderr);
    // It serves its OpenAPI document, each operation's responses its codes.
    let openapi = get(port, "/openapi.json");
    drop(child);
    assert!(openapi.starts_with("HTTP/1.1 200"), "{openapi}");
    assert!(
        openapi.contains("\"/v3/groups/{id}\"") && openapi.contains("\"409\""),
        "{openapi}"
    );
    assert!(
        first.contains(report),
        "the README shows\n{report}\nthe service printed\n{first}"
    );

    // A row for 500 joins the page: plain `cargo test` fails, as shown.
    let page = service.join("docs/creating-a-user-group.md");
    edit(&page, |text| {
        let row = &text[row_409(text)];
        let added = row
            .replace(">409<", ">500<")
            .replace("A resource conflict occurs.", "The server failed.");
        text.replacen(row, &format!("{row}\n{added}"), 1)
    });
    let stale = output_starting(&section, "src/statuses.rs is stale");
    let (before, after) = stale
        .split_once("from line ")
        .expect("the message names a line");
    let after = after.split_once(' ').map_or("", |(_, rest)| rest);
    for (command, label) in [
        ("cargo test", "test"),
        ("cargo xtask regen --check", "--check"),
    ] {
        let output = run(&service, command);
        let text = all_output(&output);
        assert!(!output.status.success(), "{label}: {text}");
        assert!(
            text.contains(before) && text.contains(after),
            "{label} does not say, as the README shows,\n{stale}\n---\n{text}"
        );
    }
    let line = stale
        .split("from line ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .expect("a line number");
    let text = all_output(&run(&service, "cargo test"));
    assert!(
        text.contains(&format!("from line {line} on")),
        "the README shows the line this change gives: {text}"
    );

    // The page drops 409 too: regen says what changed, per operation, and
    // the handler that declares 409 fails at that code.
    edit(&page, |text| {
        let range = row_409(text);
        format!("{}{}", &text[..range.start], &text[range.end..])
    });
    let regen = run(&service, "cargo xtask regen");
    assert!(regen.status.success(), "{}", all_output(&regen));
    assert_eq!(
        String::from_utf8_lossy(&regen.stdout).trim_end(),
        output_starting(&section, "regen: wrote "),
        "{}",
        all_output(&regen)
    );
    let build = run(&service, "cargo build");
    let text = all_output(&build);
    assert!(!build.status.success(), "{text}");
    let error = output_starting(&section, "error[E0277]");
    assert!(
        text.contains(error)
            && text.contains("#[returns(201, 400, 409, op = \"POST /v3/groups\")]"),
        "{text}"
    );
}

/// `manifest` with its `[dependencies]` table replaced by `dependencies`
/// (a table, header included).
fn with_dependencies(manifest: &str, dependencies: &str) -> String {
    let start = manifest
        .find("[dependencies]")
        .expect("a [dependencies] table");
    let end = start + 1 + manifest[start + 1..].find("\n[").expect("a table after it");
    format!("{}{}{}", &manifest[..start], dependencies, &manifest[end..])
}

#[test]
fn an_actix_service_follows_the_readme() {
    let _alone = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let axum = section();
    let actix = section_titled("## On actix-web");
    let names: Vec<&str> = actix.files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["Cargo.toml", "src/main.rs"]);
    let (_dir, service) = users_directory(&axum);
    let manifest = service.join("Cargo.toml");
    let text = fs::read_to_string(&manifest).expect("Cargo.toml");
    let dependencies = &actix.files[0].1;
    fs::write(&manifest, with_dependencies(&text, dependencies)).expect("write Cargo.toml");
    fs::write(service.join("src/main.rs"), &actix.files[1].1).expect("write src/main.rs");

    // The same commands: regen, then the tests (freshness, contract check).
    let regen = run(&service, &axum.commands[0]);
    assert!(regen.status.success(), "{}", all_output(&regen));
    let test = run(&service, "cargo test");
    assert!(test.status.success(), "{}", all_output(&test));
    let stdout = String::from_utf8_lossy(&test.stdout);
    assert!(
        stdout.contains("test status_module_is_fresh ... ok")
            && stdout.contains("test the_service_answers_only_what_its_pages_list ... ok"),
        "{}",
        all_output(&test)
    );

    // The binary prints the coverage the axum one prints, serves its
    // OpenAPI document, and its middleware reports the router's 405.
    let coverage = output_starting(&axum, "2 of 3 documented operations");
    let (child, port, printed, mut stderr) = serve(coverage.lines().count());
    assert_eq!(printed, coverage);
    let report = output_starting(&actix, "WARN ");
    // actix-web's own start-up lines come first: the first warning is ours.
    let mut first = put_until_reported(port, &mut stderr);
    while !first.contains(" WARN ") {
        first.clear();
        stderr.read_line(&mut first).expect("a line on stderr");
    }
    let openapi = get(port, "/openapi.json");
    drop(child);
    assert!(openapi.starts_with("HTTP/1.1 200"), "{openapi}");
    assert!(
        openapi.contains("\"/v3/groups/{id}\"") && openapi.contains("\"409\""),
        "{openapi}"
    );
    assert!(
        first.contains(report),
        "the README shows\n{report}\nthe service printed\n{first}"
    );
}
