//! The build step that makes every statement a page: after trunk has
//! written the bundle, the start page and each statement's reading view are
//! rendered by the App itself (yew's server renderer, `crate::render_view`)
//! into copies of the built `index.html`, with the metadata that Zotero,
//! link previews and archives read (`meta`). The browser then hydrates
//! them (`crate::mount`).
//!
//! ```text
//! dist/index.html                        the start page: every statement listed
//! dist/statements/<id>/index.html        a statement: text, paragraphs, provenance, citation
//! dist/sitemap.xml                       with a site URL only
//! ```
//!
//! Run by `scripts/post-build.sh` (the `prerender` binary); idempotent.

mod meta;
mod template;

use crate::corpus::bundle;
use csto_core::view::{statement_path, ViewState};
use std::fmt::Write as _;
use std::path::Path;
use template::{Page, Template};

/// What was written, for the build's log.
pub struct Summary {
    pages: usize,
    bytes: usize,
    largest: (usize, String),
    sitemap: Option<String>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "prerender: {} pages, {} bytes of HTML (largest {} bytes: {})",
            self.pages, self.bytes, self.largest.0, self.largest.1
        )?;
        match &self.sitemap {
            Some(site) => write!(f, "; sitemap.xml for {site}"),
            None => write!(f, "; no sitemap.xml (no site URL given)"),
        }
    }
}

/// The address the bundle is served at, normalized to end in `/`.
fn site_root(site: &str) -> Result<String, String> {
    let site = site.trim();
    if !(site.starts_with("https://") || site.starts_with("http://"))
        || site.contains(['"', '<', '>', ' '])
    {
        return Err(format!("the site URL {site:?} is not an http(s) address"));
    }
    Ok(if site.ends_with('/') {
        site.to_string()
    } else {
        format!("{site}/")
    })
}

/// Renders every page into `dist` (a built bundle: its `index.html` is the
/// template). `site` is the address the bundle will be served at, if known.
pub fn run(dist: &Path, site: Option<&str>) -> Result<Summary, String> {
    let site = site.map(site_root).transpose()?;
    if let Some(site) = &site {
        // The citations in the pages point there.
        let _ = crate::routing::PRERENDER_SITE.set(site.clone());
    }
    let index = dist.join("index.html");
    let template = Template::read(&index)?;
    let corpus = &bundle().corpus;
    let mut summary = Summary {
        pages: 0,
        bytes: 0,
        largest: (0, String::new()),
        sitemap: site.clone(),
    };
    let mut write = |rel: &str, html: String| -> Result<(), String> {
        let path = dist.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        summary.pages += 1;
        summary.bytes += html.len();
        if html.len() > summary.largest.0 {
            summary.largest = (html.len(), rel.to_string());
        }
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))
    };

    let start = ViewState::default();
    write(
        "index.html",
        page(
            &template,
            start,
            "./",
            meta::start_page(corpus, site.as_deref()),
        )?,
    )?;
    for s in &corpus.statements {
        let view = ViewState::statement(&s.id, None);
        let rel = format!("{}index.html", statement_path(&s.id));
        let head = meta::statement_page(corpus, s, site.as_deref());
        write(&rel, page(&template, view, "../../", head)?)?;
    }
    if let Some(site) = &site {
        std::fs::write(dist.join("sitemap.xml"), sitemap(site, corpus))
            .map_err(|e| format!("sitemap.xml: {e}"))?;
    } else {
        // A sitemap from an earlier run with a site URL would be stale.
        let _ = std::fs::remove_file(dist.join("sitemap.xml"));
    }
    Ok(summary)
}

/// One page: `view` rendered by the App into the template, under `base`
/// (the way back to the root from the page's directory).
fn page(
    template: &Template,
    view: ViewState,
    base: &str,
    head: meta::Head,
) -> Result<String, String> {
    debug_assert!(view.is_prerendered_page());
    let (app, key) = crate::render_view(view);
    template.fill(&Page {
        base,
        view_key: &key,
        app: &app,
        head: &head,
    })
}

/// `sitemap.xml`: the start page and every statement's page.
fn sitemap(site: &str, corpus: &csto_core::model::Corpus) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |loc: &str| {
        let _ = writeln!(out, "  <url><loc>{}</loc></url>", meta::escape(loc));
    };
    url(site);
    for s in &corpus.statements {
        url(&format!("{site}{}", statement_path(&s.id)));
    }
    out.push_str("</urlset>\n");
    out
}
