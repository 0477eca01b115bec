//! What a page says about itself in its `<head>`, for the tools that read
//! it before (or instead of) running any code:
//!
//! - `<title>`, `<meta name="description">` and `<link rel="canonical">`;
//! - Highwire Press tags (`citation_title`, `citation_author`, …), which
//!   Zotero's connector and Google Scholar read;
//! - Open Graph and Twitter card tags, which chat apps and social sites
//!   read for a link's preview (speaker, date, title);
//! - JSON-LD (schema.org): the statement as a `CreativeWork` by a `Person`,
//!   recorded at an `Event` (the meeting), part of the corpus (a `Dataset`).
//!
//! Absolute addresses (`og:url`, `citation_public_url`, the canonical link,
//! JSON-LD `url`) need the site URL given to the build; without it the
//! canonical link is relative (valid HTML, resolved against the page) and
//! the tags that must be absolute are left out.

use crate::format::{statement_title, SITE_NAME};
use csto_core::analysis::cite::{inverted_name, iso_date, long_date};
use csto_core::analysis::cite_formats::un_symbol;
use csto_core::model::{Corpus, DatePrecision, Statement};
use csto_core::view::statement_path;
use serde_json::json;
use std::fmt::Write as _;

/// The corpus, as a whole that every statement is part of.
const CORPUS_NAME: &str = "Statements by CSTO officials, 2004–2024";
/// Longest description, in characters (what previews show).
const DESCRIPTION_CHARS: usize = 200;

/// A page's head: its title, description, and the tags added before
/// `</head>`.
pub struct Head {
    pub title: String,
    pub description: String,
    pub tags: String,
}

/// `s` escaped for HTML text and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s).into_owned()
}

/// JSON for a `<script type="application/ld+json">` block: `<` escaped, so
/// no text in it can close the script element.
fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// Up to `max` characters of `text`, cut at a word, with "…" when cut.
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// Who published the text cited: the United Nations for a UN document (as
/// the BibTeX and RIS records say), else the source the record names.
fn publisher(s: &Statement) -> &str {
    match un_symbol(&s.record) {
        Some(_) => "United Nations",
        None => &s.record,
    }
}

struct Tags(String);

impl Tags {
    fn name(&mut self, name: &str, content: &str) {
        let _ = writeln!(
            self.0,
            r#"<meta name="{name}" content="{}">"#,
            escape(content)
        );
    }
    fn property(&mut self, property: &str, content: &str) {
        let _ = writeln!(
            self.0,
            r#"<meta property="{property}" content="{}">"#,
            escape(content)
        );
    }
    fn canonical(&mut self, href: &str) {
        let _ = writeln!(self.0, r#"<link rel="canonical" href="{}">"#, escape(href));
    }
    fn json_ld(&mut self, value: &serde_json::Value) {
        let _ = writeln!(
            self.0,
            r#"<script type="application/ld+json">{}</script>"#,
            script_json(value)
        );
    }
}

/// What a statement page's head says of it, gathered once.
struct About<'a> {
    s: &'a Statement,
    speaker: &'a str,
    /// Its page, relative to the root.
    path: String,
    /// Its page's address, with a site URL.
    url: Option<String>,
    description: String,
}

impl<'a> About<'a> {
    fn new(corpus: &'a Corpus, s: &'a Statement, site: Option<&str>) -> About<'a> {
        let speaker = corpus.speaker(s.speaker).name.as_str();
        let path = statement_path(&s.id);
        let mut when = long_date(s);
        if s.date.precision == DatePrecision::Inferred {
            when.push_str(" (date inferred)");
        }
        let opening = s.passages.first().map_or("", |p| p.text.as_str());
        let description = shortened(
            &format!("{speaker}, {}, {when}. {}: {opening}", s.role, s.venue),
            DESCRIPTION_CHARS,
        );
        About {
            s,
            speaker,
            url: site.map(|site| format!("{site}{path}")),
            path,
            description,
        }
    }
}

/// The head of statement `s`'s page.
pub fn statement_page(corpus: &Corpus, s: &Statement, site: Option<&str>) -> Head {
    let about = About::new(corpus, s, site);
    let mut t = Tags(String::new());
    t.canonical(about.url.as_deref().unwrap_or(&about.path));
    highwire_tags(&mut t, &about);
    preview_tags(&mut t, &about);
    t.json_ld(&json_ld(&about));
    Head {
        title: statement_title(corpus, s),
        description: about.description,
        tags: t.0,
    }
}

/// Highwire Press tags: what Zotero's connector and Google Scholar read.
fn highwire_tags(t: &mut Tags, about: &About) {
    let s = about.s;
    let slash_date = iso_date(s).replace('-', "/");
    t.name("citation_title", &s.title);
    t.name("citation_author", &inverted_name(about.speaker));
    t.name("citation_date", &slash_date);
    t.name("citation_publication_date", &slash_date);
    t.name("citation_publisher", publisher(s));
    if let Some(symbol) = un_symbol(&s.record) {
        t.name("citation_technical_report_number", symbol);
    }
    if let Some(url) = &about.url {
        t.name("citation_public_url", url);
    }
    t.name("citation_language", "en");
}

/// Open Graph and Twitter card tags: a link preview says who, when, what.
fn preview_tags(t: &mut Tags, about: &About) {
    let s = about.s;
    let who_when = format!("{} ({}), {}", about.speaker, s.role, long_date(s));
    let what = shortened(&s.title, DESCRIPTION_CHARS);
    t.property("og:type", "article");
    t.property("og:site_name", SITE_NAME);
    t.property("og:title", &who_when);
    t.property("og:description", &what);
    if let Some(url) = &about.url {
        t.property("og:url", url);
    }
    t.property("article:published_time", &iso_date(s));
    t.name("twitter:card", "summary");
    t.name("twitter:title", &who_when);
    t.name("twitter:description", &what);
}

/// schema.org: a `CreativeWork` by a `Person`, recorded at an `Event`,
/// part of the corpus. An inferred date is given as its year, with the
/// day as `temporalCoverage` and the reasoning as `comment`.
fn json_ld(about: &About) -> serde_json::Value {
    let s = about.s;
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": about.url.clone().unwrap_or_else(|| about.path.clone()),
        "name": s.title,
        "headline": s.title,
        "genre": s.kind,
        "inLanguage": "en",
        "author": { "@type": "Person", "name": about.speaker, "jobTitle": s.role },
        "dateCreated": iso_date(s),
        "recordedAt": { "@type": "Event", "name": s.venue, "startDate": iso_date(s) },
        "publisher": { "@type": "Organization", "name": publisher(s) },
        "isPartOf": { "@type": "Dataset", "name": CORPUS_NAME, "version": crate::corpus::CORPUS_VERSION },
        "description": about.description,
    });
    if let Some(url) = &about.url {
        ld["url"] = json!(url);
    }
    if let Some(symbol) = un_symbol(&s.record) {
        ld["identifier"] = json!(symbol);
    }
    if let Some(record_url) = &s.record_url {
        ld["sameAs"] = json!(record_url);
    }
    if s.date.precision == DatePrecision::Inferred {
        ld["dateCreated"] = json!(s.date.year.to_string());
        ld["temporalCoverage"] = json!(iso_date(s));
        let note = s.date.note.as_deref().unwrap_or("date inferred");
        ld["comment"] = json!(note);
    }
    ld
}

/// The head of the start page: the corpus as a `Dataset` of its statements.
pub fn start_page(corpus: &Corpus, site: Option<&str>) -> Head {
    let n = corpus.statements.len();
    let description = format!(
        "{n} statements by officials of the Collective Security Treaty Organization (CSTO), \
         2004–2024, at the UN Security Council and CSTO summits: read, search, filter and cite them."
    );
    let mut t = Tags(String::new());
    t.canonical(site.unwrap_or("./"));
    t.property("og:type", "website");
    t.property("og:site_name", SITE_NAME);
    t.property("og:title", SITE_NAME);
    t.property("og:description", &description);
    if let Some(site) = site {
        t.property("og:url", site);
    }
    t.name("twitter:card", "summary");
    let parts: Vec<_> = corpus
        .statements
        .iter()
        .map(|s| {
            let path = statement_path(&s.id);
            json!({
                "@type": "CreativeWork",
                "@id": site.map_or(path.clone(), |site| format!("{site}{path}")),
                "name": s.title,
                "author": { "@type": "Person", "name": corpus.speaker(s.speaker).name },
                "dateCreated": iso_date(s),
            })
        })
        .collect();
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": CORPUS_NAME,
        "description": description,
        "version": crate::corpus::CORPUS_VERSION,
        "hasPart": parts,
    });
    if let Some(site) = site {
        ld["url"] = json!(site);
    }
    t.json_ld(&ld);
    Head {
        title: SITE_NAME.to_string(),
        description,
        tags: t.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_cut_at_a_word() {
        assert_eq!(shortened("one two three", 20), "one two three");
        assert_eq!(shortened("one two, three", 9), "one two…");
    }

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let v = json!({ "t": "</script><script>alert(1)</script>" });
        assert!(!script_json(&v).contains('<'));
        let back: serde_json::Value = serde_json::from_str(&script_json(&v)).unwrap();
        assert_eq!(back, v);
    }
}
