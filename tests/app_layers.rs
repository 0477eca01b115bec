//! The app's imports run one way: `main.rs` → `app.rs` (the root component)
//! → `views/` → `components/`, `state`, `routing`, `hooks`, `format`… Read
//! from every `.rs` file under `src/`, the rules are:
//!
//! 1. nothing names `crate::app` (only `main.rs` mounts it, as `app::App`);
//! 2. only `app.rs` names `crate::views`;
//! 3. in `views/`, `super::` never climbs out of the file's own view, so no
//!    view imports another.
//!
//! A violation fails the test with its file and line.

use std::path::Path;

/// The violations of one file (`rel` is its path under `src/`), as
/// "src/…:line: what".
fn violations(rel: &str, text: &str) -> Vec<String> {
    // A view's module path below views/: "trends/data.rs" → [trends, data].
    let view_path: Option<Vec<&str>> = rel.strip_prefix("views/").map(|p| {
        let p = p.strip_suffix(".rs").unwrap_or(p);
        p.split('/').filter(|c| *c != "mod").collect()
    });
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut say =
            |what: &str| out.push(format!("src/{rel}:{}: {what}: {}", i + 1, line.trim()));
        if names(code, "crate::app") {
            say("imports app.rs");
        }
        if rel != "app.rs" && names(code, "crate::views") {
            say("imports a view (only app.rs may)");
        }
        if let Some(path) = &view_path {
            // From views/x.rs `super::` leaves the view; from views/x/y.rs
            // `super::super::` does, and so on.
            if !path.is_empty() && climbs_in_a_row(code, path.len()) {
                say("imports another view");
            }
        }
    }
    out
}

/// Whether `code` names the module `path` (not a longer name that starts
/// with it).
fn names(code: &str, path: &str) -> bool {
    code.match_indices(path).any(|(at, _)| {
        !code[at + path.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    })
}

/// Whether `code` has `n` `super::` in a row.
fn climbs_in_a_row(code: &str, n: usize) -> bool {
    code.contains(&"super::".repeat(n))
}

fn rs_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn app_imports_run_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    assert!(files.len() > 10, "found the app's files under {src:?}");
    let mut found = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        found.extend(violations(&rel, &std::fs::read_to_string(path).unwrap()));
    }
    assert!(
        found.is_empty(),
        "imports against the app's layers:\n{}",
        found.join("\n")
    );
}

#[test]
fn planted_back_imports_are_caught() {
    let cases = [
        ("views/results.rs", "use crate::app::mark;", 1),
        ("state.rs", "    crate::app::mark(\"x\");", 1),
        ("views/results.rs", "use crate::views::Reader;", 1),
        ("components/facets.rs", "use crate::views::trends::X;", 1),
        ("views/results.rs", "use super::reader::Cite;", 1),
        ("views/trends/mod.rs", "use super::theme_grid::X;", 1),
        ("views/trends/chart.rs", "use super::super::keywords::X;", 1),
        // Allowed: within one view, the app itself, look-alikes, comments.
        ("views/trends/chart.rs", "use super::data::Chart;", 0),
        ("views/reader/hits.rs", "use super::scroll_to;", 0),
        ("app.rs", "use crate::views::{Export, Reader};", 0),
        ("state.rs", "use crate::application::X;", 0),
        ("state.rs", "// not crate::app::mark", 0),
        ("views/mod.rs", "mod trends;", 0),
    ];
    for (rel, line, expected) in cases {
        assert_eq!(violations(rel, line).len(), expected, "{rel}: {line}");
    }
}
