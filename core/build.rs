//! Generates the diacritic-folding table used by `text::fold`.
//!
//! Folding "António" to "antonio" needs Unicode canonical decomposition.
//! Linking unicode-normalization into the wasm would ship its tables (tens of
//! KB); instead the maintained crate runs here, at build time, over the
//! Latin blocks, and the core ships only the pairs it needs (~5 KB): a letter
//! with diacritics → its lowercase base letter.

use std::fmt::Write as _;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Latin-1 Supplement, Latin Extended-A and -B, IPA-adjacent Latin Extended
/// Additional (Vietnamese and others), and Greek with tonos/dialytika.
const RANGES: &[(u32, u32)] = &[
    (0x00C0, 0x024F),
    (0x0370, 0x03FF),
    (0x1E00, 0x1EFF),
    (0x1F00, 0x1FFF),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut table = String::from("/// (letter with diacritics, lowercase base letter), sorted.\npub(crate) static FOLD: &[(char, char)] = &[\n");
    for &(lo, hi) in RANGES {
        for cp in lo..=hi {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut base = String::new();
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    base.extend(d.to_lowercase());
                }
            });
            let mut chars = base.chars();
            if let (Some(b), None) = (chars.next(), chars.next()) {
                let lower: Vec<char> = c.to_lowercase().collect();
                if lower != [b] {
                    let _ = writeln!(table, "    ({c:?}, {b:?}),");
                }
            }
        }
    }
    table.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("fold_table.rs"), table).expect("OUT_DIR is writable");
}
