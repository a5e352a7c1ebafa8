//! A service adopts `returns` as a user would, outside this repository: the
//! `user-groups` example is copied into a workspace of its own that depends
//! on `returns` and `returns-build` by path, with `cargo xtask` aliased to
//! its own xtask. Then the README's steps: the module is fresh; a page
//! changes and a plain `cargo test` fails, naming the command; the command
//! rewrites the module; and the handler that declared the removed code no
//! longer compiles, at that code.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use xtask::workspace;

/// Copies `from` into `to`, skipping build output.
fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("list") {
        let entry = entry.expect("entry");
        let path = entry.path();
        if entry.file_name() == "target" {
            continue;
        }
        if path.is_dir() {
            copy_tree(&path, &to.join(entry.file_name()));
        } else {
            fs::copy(&path, to.join(entry.file_name())).expect("copy");
        }
    }
}

/// The user's workspace: the service, its xtask, the `cargo xtask` alias,
/// and `returns` from this checkout.
fn users_workspace() -> (tempfile::TempDir, PathBuf) {
    let root = workspace::root();
    let dir = tempfile::tempdir().expect("temp dir");
    let user = dir.path().to_path_buf();
    copy_tree(
        &root.join("examples/user-groups"),
        &user.join("user-groups"),
    );
    let manifest = format!(
        r#"[workspace]
members = ["user-groups", "user-groups/xtask"]
resolver = "3"

[workspace.package]
version = "0.1.0"
edition = "2024"
rust-version = "1.85"
license = "MIT OR Apache-2.0"

[workspace.lints.rust]
missing_docs = "warn"

[workspace.dependencies]
returns = {{ path = {runtime:?} }}
returns-build = {{ path = {generator:?} }}
"#,
        runtime = root.join("runtime").display().to_string(),
        generator = root.join("generator").display().to_string(),
    );
    fs::write(user.join("Cargo.toml"), manifest).expect("manifest");
    fs::create_dir_all(user.join(".cargo")).expect("mkdir");
    fs::write(
        user.join(".cargo/config.toml"),
        "[alias]\nxtask = \"run --quiet --package user-groups-xtask --\"\n",
    )
    .expect("alias");
    // The same versions as this workspace, so that the build needs no network.
    fs::copy(root.join("Cargo.lock"), user.join("Cargo.lock")).expect("lock");
    (dir, user)
}

fn cargo(user: &Path, args: &[&str]) -> Output {
    xtask::cargo::command()
        .args(args)
        .env("CARGO_NET_OFFLINE", "true")
        .current_dir(user.join("user-groups"))
        // Kept between runs: the second run rebuilds only what changed.
        .env("CARGO_TARGET_DIR", workspace::target_dir().join("adoption"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

fn all_output(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn a_service_regenerates_checks_and_is_held_to_its_own_documents() {
    let (_dir, user) = users_workspace();

    let check = cargo(&user, &["xtask", "regen", "--check"]);
    assert!(check.status.success(), "{}", all_output(&check));
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        "regen: src/returns_spec.rs is up to date (3 documents, 15 rows, 8 status codes)\n"
    );

    // The page for creating a group stops listing 409.
    let page = user.join("user-groups/docs/creating-a-user-group.md");
    let text = fs::read_to_string(&page).expect("page");
    let start = text
        .find("<tr id=\"row2520892414217\">")
        .expect("the 409 row");
    let end = start + text[start..].find("</tr>").expect("its end") + "</tr>".len();
    fs::write(&page, format!("{}{}", &text[..start], &text[end..])).expect("edit");

    let stale = cargo(&user, &["test", "-p", "user-groups-xtask"]);
    let output = all_output(&stale);
    assert!(!stale.status.success(), "{output}");
    assert!(
        output.contains("src/returns_spec.rs is stale: from line ")
            && output.contains(
                "run `cargo run -p user-groups-xtask -- regen` and commit src/returns_spec.rs"
            ),
        "{output}"
    );

    let regen = cargo(&user, &["xtask", "regen"]);
    assert_eq!(
        String::from_utf8_lossy(&regen.stdout),
        // 409 was on that page only.
        "regen: wrote src/returns_spec.rs (3 documents, 14 rows, 7 status codes)\n",
        "{}",
        all_output(&regen)
    );

    let build = cargo(&user, &["check", "-p", "user-groups", "--lib"]);
    let output = all_output(&build);
    assert!(!build.status.success(), "{output}");
    assert!(
        output.contains("error[E0277]: HTTP status code 409 is not documented in `creating-a-user-group.md`")
            && output.contains("#[returns(201, 400, 409, spec = creating_a_user_group)]")
            && output.contains("`creating-a-user-group.md` lists: 201 Created, 400 Bad Request, 401 Unauthorized, 403 Forbidden"),
        "{output}"
    );
}
