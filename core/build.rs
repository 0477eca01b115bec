//! Generates the folding table used by `text::fold`.
//!
//! Folding "António" to "antonio" and "ОДКБ" to "одкб" needs Unicode
//! canonical decomposition and lowercase mappings. Linking them into the wasm
//! would ship unicode-normalization's tables and the standard library's
//! lowercase table (tens of KB); instead both run here, at build time, and
//! the core ships one sorted table of the pairs it needs, as `u16` code
//! points (~2,000 pairs, 8 KB):
//!
//! - a letter of the Latin and Greek blocks with diacritics → its lowercase
//!   base letter (canonical decomposition without the combining marks);
//! - any other letter of the Basic Multilingual Plane whose lowercase is one
//!   letter → that letter (Cyrillic, Greek, Armenian, Georgian, fullwidth…).
//!
//! ASCII is left to `to_ascii_lowercase`; letters outside the BMP (Deseret,
//! Osage, …) are kept as they are.

use std::fmt::Write as _;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Latin-1 Supplement, Latin Extended-A and -B, Greek with tonos/dialytika,
/// Latin Extended Additional (Vietnamese and others), Greek Extended: where
/// diacritics are stripped.
const STRIP_DIACRITICS: &[(u32, u32)] = &[
    (0x00C0, 0x024F),
    (0x0370, 0x03FF),
    (0x1E00, 0x1EFF),
    (0x1F00, 0x1FFF),
];

/// What `c` folds to, if it is not itself.
fn folded(c: char) -> Option<char> {
    let cp = c as u32;
    if STRIP_DIACRITICS
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&cp))
    {
        let mut base = String::new();
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                base.extend(d.to_lowercase());
            }
        });
        let mut chars = base.chars();
        if let (Some(b), None) = (chars.next(), chars.next()) {
            return (b != c).then_some(b);
        }
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l != c => Some(l),
        _ => None,
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut table = String::from(
        "/// (letter, its folded form) as BMP code points, sorted: see build.rs.\npub(crate) static FOLD: &[(u16, u16)] = &[\n",
    );
    for cp in 0x80..=0xFFFF_u32 {
        let Some(c) = char::from_u32(cp) else {
            continue; // surrogates
        };
        if let Some(f) = folded(c).filter(|&f| (f as u32) <= 0xFFFF) {
            let _ = writeln!(table, "    (0x{cp:04X}, 0x{:04X}),", f as u32);
        }
    }
    table.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("fold_table.rs"), table).expect("OUT_DIR is writable");
}
