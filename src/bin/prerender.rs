//! Writes the prerendered pages into a built `dist/` (run by
//! `scripts/post-build.sh` on trunk's staging directory):
//!
//! ```sh
//! cargo run --features ssr --bin prerender -- DIST [--site-url https://host/path/]
//! ```
//!
//! `--site-url` (or the environment variable `CSTO_SITE_URL`) is the address
//! the bundle will be served at; with it the pages carry absolute canonical
//! links, `og:url` and `citation_public_url`, and a `sitemap.xml` is written.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dist = None;
    let mut site = std::env::var("CSTO_SITE_URL")
        .ok()
        .filter(|s| !s.is_empty());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--site-url" => site = args.next(),
            _ if dist.is_none() && !arg.starts_with('-') => dist = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("usage: prerender DIST [--site-url URL]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dist) = dist else {
        eprintln!("usage: prerender DIST [--site-url URL]");
        return ExitCode::from(2);
    };
    match csto_explorer::prerender::run(&dist, site.as_deref()) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
