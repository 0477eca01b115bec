//! Function lengths in the shipped code (`core/src`, `analyses/src`,
//! `src/`; not tests, examples or build-time code): issue
//! 21 asks that no function be over 80 lines, each part with one job and a
//! stated contract. Read from the source text as rustfmt lays it out (a
//! function ends at the first `}` back at its own indentation).
//!
//! `cargo test --test function_lengths -- --nocapture` prints the longest.
//! The test is a ratchet: a function over [`MAX_LINES`] fails unless it is
//! one of [`KNOWN_LONG`], none of which may grow; splitting one means
//! removing (or lowering) its line here.

use std::fs;
use std::path::{Path, PathBuf};

/// The most lines a function may have.
const MAX_LINES: usize = 80;

/// The functions over [`MAX_LINES`] when the ratchet was set (issue 21),
/// as "file:function" and their length then: still to be split.
const KNOWN_LONG: &[(&str, usize)] = &[];

/// The directories of shipped code, from the workspace root.
const ROOTS: &[&str] = &["core/src", "analyses/src", "src"];

/// Build-time code (feature `compile`): not shipped, not counted.
const SKIP: &[&str] = &["core/src/compile"];

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

/// The name of the function a line starts, if it starts one.
fn fn_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

/// Every function of `text` (up to its test module) with its first line
/// and its length in lines.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text
        .lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line) else { continue };
        let indent = line.len() - line.trim_start().len();
        if line.trim_end().ends_with(';') {
            continue; // a declaration (trait item without a body)
        }
        if line.trim_end().ends_with('}') {
            out.push((name.to_string(), i + 1, 1)); // on one line
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        let end = lines[i..]
            .iter()
            .position(|l| l.trim_end() == close)
            .map_or(lines.len() - 1, |k| i + k);
        out.push((name.to_string(), i + 1, end - i + 1));
    }
    out
}

#[test]
fn no_function_grows_past_the_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    for dir in ROOTS {
        let mut files = Vec::new();
        rust_files(&root.join(dir), &mut files);
        for file in files {
            let rel = file
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if SKIP.iter().any(|s| rel.starts_with(s)) {
                continue;
            }
            for (name, line, len) in functions(&fs::read_to_string(&file).unwrap()) {
                all.push((len, format!("{rel}:{name}"), line));
            }
        }
    }
    all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    println!("the longest functions (lines, file:function, first line):");
    for (len, name, line) in all.iter().take(25) {
        println!("{len:5}  {name} (line {line})");
    }
    let mut failures = Vec::new();
    for (len, name, _) in all.iter().filter(|(len, ..)| *len > MAX_LINES) {
        match KNOWN_LONG.iter().find(|(n, _)| n == name) {
            Some((_, ceiling)) if len <= ceiling => {}
            Some((_, ceiling)) => failures.push(format!("{name}: {len} lines, was {ceiling}")),
            None => failures.push(format!("{name}: {len} lines (at most {MAX_LINES})")),
        }
    }
    assert!(failures.is_empty(), "too long:\n{}", failures.join("\n"));
}
