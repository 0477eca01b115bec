//! The core's import rule, checked on every `cargo test`: concept modules
//! import one way, from the leaves up, and build-time code is imported by no
//! run-time module. Also the size rule that the whole wasm program sorts
//! through `util::order` only (one sort instantiation instead of dozens).
//!
//! Both are read from the source text (`crate::…` paths outside comments and
//! before a file's `#[cfg(test)]` module), so a violation is reported with
//! its file and line, and a cycle can never come back silently.

use std::fs;
use std::path::{Path, PathBuf};

/// The run-time modules from the bottom up: each may use only those before it.
const LAYERS: &[&str] = &[
    "util", "text", "model", "index", "bundle", "query", "search", "analysis", "view", "panel",
];
/// Build-time code: may use any run-time module; none may use it.
const BUILD_TIME: &str = "compile";

/// Calls that instantiate a std sort. Everything sorts through
/// `util::order` instead; build-time code and tests are exempt.
const STD_SORTS: &[&str] = &[
    ".sort()",
    ".sort_by(",
    ".sort_by_key(",
    ".sort_by_cached_key(",
    ".sort_unstable(",
    ".sort_unstable_by(",
    ".sort_unstable_by_key(",
];
/// The one file allowed to call a std sort: it is the program's sort.
const THE_SORT: &str = "util/order.rs";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The lines of a file that count: up to its test module, without comments.
fn code_lines(source: &str) -> impl Iterator<Item = (usize, &str)> {
    source
        .lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or(l)))
}

/// The top-level module a path such as `search/searcher.rs` belongs to.
fn module_of(rel: &str) -> &str {
    rel.split('/').next().unwrap().trim_end_matches(".rs")
}

/// Every module named as `crate::name` in a line, including each name of a
/// grouped `crate::{a::x, b}`.
fn crate_paths(line: &str) -> Vec<&str> {
    let ident_end = |s: &str| {
        s.find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len())
    };
    let mut out = Vec::new();
    for (i, _) in line.match_indices("crate::") {
        let before = line[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `csto_crate::`
        }
        let rest = &line[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && (c.is_alphanumeric() || c == '_') => {
                        out.push(&group[j..j + ident_end(&group[j..])]);
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let end = ident_end(rest);
            if end > 0 {
                out.push(&rest[..end]);
            }
        }
    }
    out
}

/// The violations of the import rule in one file, as `file:line: message`.
fn import_violations(rel: &str, source: &str) -> Vec<String> {
    let own = module_of(rel);
    if own == "lib" {
        return Vec::new(); // the table of contents and compatibility re-exports
    }
    let rank = |m: &str| LAYERS.iter().position(|&l| l == m);
    let mut out = Vec::new();
    for (n, line) in code_lines(source) {
        for target in crate_paths(line) {
            let problem = if target == own {
                None
            } else if target == BUILD_TIME {
                Some(format!(
                    "run-time module `{own}` imports build-time `{BUILD_TIME}`"
                ))
            } else if own == BUILD_TIME {
                rank(target).is_none().then(|| {
                    format!("`crate::{target}` is not a module of the core; use its canonical path")
                })
            } else {
                match (rank(own), rank(target)) {
                    (Some(a), Some(b)) if b < a => None,
                    (Some(_), Some(_)) => Some(format!(
                        "`{own}` imports `{target}`, which is above it (order: {})",
                        LAYERS.join(" ← ")
                    )),
                    (None, _) => Some(format!(
                        "`{own}` is not in the layer table of tests/layers.rs"
                    )),
                    (_, None) => Some(format!(
                        "`crate::{target}` is not a module of the core; use its canonical path"
                    )),
                }
            };
            if let Some(p) = problem {
                out.push(format!("core/src/{rel}:{n}: {p}"));
            }
        }
    }
    out
}

/// Std sorts called outside the one sort, as `file:line: call`.
fn sort_violations(shown: &str, source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in code_lines(source) {
        for call in STD_SORTS {
            if line.contains(call) {
                out.push(format!(
                    "{shown}:{n}: `{call}` instantiates a std sort; use util::order"
                ));
            }
        }
    }
    out
}

fn sources(root: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn core_imports_run_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&root);
    assert!(
        files.len() > 20,
        "found only {} files under {}",
        files.len(),
        root.display()
    );
    let violations: Vec<String> = files
        .iter()
        .flat_map(|(rel, src)| import_violations(rel, src))
        .collect();
    assert!(
        violations.is_empty(),
        "imports against the direction:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_wasm_sorts_through_one_sort() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut violations = Vec::new();
    for (rel, src) in sources(&manifest.join("src")) {
        if rel != THE_SORT && module_of(&rel) != BUILD_TIME {
            violations.extend(sort_violations(&format!("core/src/{rel}"), &src));
        }
    }
    // The app crate, one directory up, is all wasm.
    let app = manifest.join("../src");
    if app.is_dir() {
        for (rel, src) in sources(&app) {
            violations.extend(sort_violations(&format!("src/{rel}"), &src));
        }
    }
    assert!(
        violations.is_empty(),
        "std sorts outside util::order:\n{}",
        violations.join("\n")
    );
}

/// The checker itself: each rule fires on a planted violation, with the
/// file and line, and stays quiet on the allowed forms.
#[test]
fn the_checker_finds_planted_violations() {
    let table = [
        ("index/inverted.rs", "use crate::search::Hit;", true),
        ("index/inverted.rs", "use crate::model::PassageId;", false),
        (
            "model/corpus.rs",
            "    let x = crate::bundle::Bundle::new(c);",
            true,
        ),
        ("search/searcher.rs", "use crate::compile::source;", true),
        ("compile/source.rs", "use crate::search::Searcher;", false),
        ("analysis/trends.rs", "use crate::order;", true),
        (
            "analysis/trends.rs",
            "// see crate::view for the URL",
            false,
        ),
        (
            "view.rs",
            "use crate::analysis::concordance::KwicSort;",
            false,
        ),
        (
            "search/searcher.rs",
            "use crate::search::types::Hit;",
            false,
        ),
        (
            "index/inverted.rs",
            "use crate::{model::Corpus, search::Hit};",
            true,
        ),
        (
            "search/searcher.rs",
            "use crate::{model::{Corpus, Passage}, text};",
            false,
        ),
    ];
    for (file, line, bad) in table {
        let found = import_violations(file, line);
        assert_eq!(!found.is_empty(), bad, "{file}: {line} → {found:?}");
        if bad {
            assert!(
                found[0].starts_with(&format!("core/src/{file}:1: ")),
                "{found:?}"
            );
        }
    }
    assert_eq!(
        sort_violations("a.rs", "v.sort_by(|a, b| a.cmp(b));").len(),
        1
    );
    assert!(sort_violations("a.rs", "order::sort_by(&mut v, |a, b| a.cmp(b));").is_empty());
    assert!(sort_violations("a.rs", "#[cfg(test)]\nmod t { fn f() { v.sort(); } }").is_empty());
}

/// Every module is reachable by one path: the crate root declares its
/// modules and re-exports none of them (nor their items) under a second,
/// flat path (issue 21).
#[test]
fn every_module_has_one_path() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let flat: Vec<String> = code_lines(&lib)
        .filter(|(_, l)| l.trim_start().starts_with("pub use"))
        .map(|(n, l)| format!("src/lib.rs:{n}: {}", l.trim()))
        .collect();
    assert!(flat.is_empty(), "flat re-exports:\n{}", flat.join("\n"));
}
