//! Paths as the user typed them and as messages show them.

use std::path::{Component, Path, PathBuf};

/// `path` read from `cwd`, with `.` and `..` folded away where they can be.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in cwd.join(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `root`, with one `..` where it lies beside it
/// (`../shared/corpus`): both are folded with [`absolute`] first. None
/// further out, where the absolute path says more.
/// A relative `root` and `path` are compared as written (both are read
/// from the same place): the current directory is not read.
pub fn relative(root: &Path, path: &Path) -> Option<PathBuf> {
    let root = absolute(Path::new(""), root);
    let path = absolute(Path::new(""), path);
    let common = root
        .components()
        .zip(path.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 || root.components().count() > common + 1 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in root.components().skip(common) {
        out.push("..");
    }
    for component in path.components().skip(common) {
        out.push(component);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_from_the_root_even_outside_it() {
        let root = Path::new("/work/main");
        assert_eq!(
            relative(root, Path::new("/work/main/spec/a.md")),
            Some(PathBuf::from("spec/a.md"))
        );
        assert_eq!(
            relative(root, Path::new("/work/main/xtask/../../shared/corpus")),
            Some(PathBuf::from("../shared/corpus"))
        );
        assert_eq!(relative(root, root), Some(PathBuf::new()));
        assert_eq!(
            relative(root, Path::new("/tmp/x")),
            None,
            "far out: absolute"
        );
    }
}
