//! Compiles `corpus/` into the bundle: reads the statements, their metadata,
//! the themes and aliases through the core crate (the same code the app
//! searches with), indexes them, and writes `corpus.bin` into `OUT_DIR` for
//! `include_bytes!`. A malformed corpus fails the build with a message that
//! names the file and the field.
//!
//! It also sets `CSTO_CORPUS_VERSION`: the first 12 hex digits of the
//! SHA-256 of those bytes. The page footer, every export and every citation
//! carry it, so a figure in a paper can be traced to the exact data.
//!
//! `CSTO_CORPUS_DIR` points the build at another corpus (e.g. a generated
//! one for scale tests); the default is `corpus/`.

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=CSTO_CORPUS_DIR");
    let dir = std::env::var_os("CSTO_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("corpus"));
    println!("cargo:rerun-if-changed={}", dir.display());

    let corpus = match csto_core::compile::source::load_corpus(&dir) {
        Ok(corpus) => corpus,
        Err(err) => {
            eprintln!("error: malformed corpus: {err}");
            std::process::exit(1);
        }
    };
    let bytes = csto_core::bundle::Bundle::new(corpus).to_bytes();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let digest = Sha256::digest(&bytes);
    let version = digest[..6].iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    println!("cargo:rustc-env=CSTO_CORPUS_VERSION={version}");
    std::fs::write(out.join("corpus.bin"), bytes).expect("OUT_DIR is writable");
}
