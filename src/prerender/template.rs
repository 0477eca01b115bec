//! The built `index.html` as the template of every page: trunk wrote its
//! scripts, styles and their integrity hashes, so each page is a copy with
//! its `<base>`, title, description, head tags and the App's markup put in
//! place. Found by their tags, not by line, since trunk minifies the HTML
//! (attribute quotes may be gone); a template without one of them fails
//! the build naming it. Filling is idempotent: the head tags are marked,
//! and `#app` is the last element of the body.

use super::meta::{escape, Head};
use std::ops::Range;
use std::path::Path;

/// Marks the head tags a page was given, so a second run replaces them.
const HEAD_START: &str = "<!--prerendered-->";
const HEAD_END: &str = "<!--/prerendered-->";

/// Where trunk's loader (an inline module script) fetches and starts the wasm.
const LOADER_INIT: &str = "const wasm = await init(";
/// Put before [`LOADER_INIT`]: on a page that shows its own prerendered
/// view, the wasm is fetched once that view has been painted, so the
/// page's content does not share the first round trips with 190 KiB of
/// code it does not need to be read (Lighthouse's simulated LCP counted
/// the wasm in: 2.1 s). On an address the page was not prerendered for
/// (`app-pending`, index.html), nothing waits: the view needs the app.
const PAINT_FIRST: &str = "if (!document.documentElement.classList.contains('app-pending')) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));\n";

/// What one page puts into the template.
pub struct Page<'a> {
    /// The way back to the app's root from the page's directory (`./`,
    /// `../../`): every relative address in the page is resolved against it.
    pub base: &'a str,
    /// `#app[data-view]`: the view the markup shows (`lib.rs` compares it).
    pub view_key: &'a str,
    /// The App's markup.
    pub app: &'a str,
    pub head: &'a Head,
}

pub struct Template {
    html: String,
    source: String,
}

/// The byte range of the first start tag `<name …>` whose text satisfies `pred`.
fn start_tag(html: &str, name: &str, pred: impl Fn(&str) -> bool) -> Option<Range<usize>> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = html[from..].find(&open) {
        let at = from + i;
        let after = html[at + open.len()..].chars().next();
        if matches!(after, Some(c) if c.is_whitespace() || c == '>' || c == '/') {
            let end = at + html[at..].find('>')? + 1;
            if pred(&html[at..end]) {
                return Some(at..end);
            }
        }
        from = at + open.len();
    }
    None
}

/// Whether a tag's text has `name=value`, quoted or not.
fn has_attr(tag: &str, name: &str, value: &str) -> bool {
    [
        format!("{name}=\"{value}\""),
        format!("{name}='{value}'"),
        format!("{name}={value}"),
    ]
    .iter()
    .any(|a| {
        tag.match_indices(a.as_str()).any(|(i, _)| {
            let before_ok = tag[..i].ends_with(char::is_whitespace);
            let after = tag[i + a.len()..].chars().next();
            before_ok && matches!(after, Some(c) if c.is_whitespace() || c == '>' || c == '/')
        })
    })
}

impl Template {
    pub fn read(path: &Path) -> Result<Template, String> {
        let html = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let template = Template {
            html,
            source: path.display().to_string(),
        };
        // Fail now, naming what is missing, rather than write broken pages.
        template.parts()?;
        Ok(template)
    }

    /// The ranges to replace: `<base>`, the title's text, the description
    /// tag, where the head tags go, `#app`'s start tag and its content.
    fn parts(&self) -> Result<[Range<usize>; 6], String> {
        let html = &self.html;
        let missing =
            |what: &str| format!("{}: no {what} (is this trunk's index.html?)", self.source);
        let base = start_tag(html, "base", |_| true).ok_or_else(|| missing("<base>"))?;
        let title_open = start_tag(html, "title", |_| true).ok_or_else(|| missing("<title>"))?;
        let title_close = html[title_open.end..]
            .find("</title>")
            .map(|i| title_open.end + i)
            .ok_or_else(|| missing("</title>"))?;
        let description = start_tag(html, "meta", |t| has_attr(t, "name", "description"))
            .ok_or_else(|| missing("<meta name=description>"))?;
        let head = match (html.find(HEAD_START), html.find(HEAD_END)) {
            (Some(a), Some(b)) if a < b => a..b + HEAD_END.len(),
            _ => {
                let at = html
                    .find("</head>")
                    .or_else(|| start_tag(html, "body", |_| true).map(|r| r.start))
                    .ok_or_else(|| missing("</head> or <body>"))?;
                at..at
            }
        };
        let app = start_tag(html, "div", |t| has_attr(t, "id", "app"))
            .ok_or_else(|| missing("<div id=app>"))?;
        // #app is the body's last element: its content runs to the last
        // closing div.
        let close = html
            .rfind("</div>")
            .filter(|&i| i >= app.end)
            .ok_or_else(|| missing("#app's </div>"))?;
        let ordered = base.end <= title_open.start || title_close <= base.start;
        if !ordered || head.start > app.start {
            return Err(format!(
                "{}: <head> and #app are not where expected",
                self.source
            ));
        }
        Ok([
            base,
            title_open.end..title_close,
            description,
            head,
            app.clone(),
            app.end..close,
        ])
    }

    /// The template with `page` in place, and trunk's loader made to wait
    /// for the first paint ([`PAINT_FIRST`]; its `<link rel=preload>` of the
    /// wasm, which would fetch it at once, removed).
    pub fn fill(&self, page: &Page) -> Result<String, String> {
        let [base, title, description, head, app_tag, app_content] = self.parts()?;
        let mut edits = vec![
            (base, format!(r#"<base href="{}">"#, escape(page.base))),
            (title, escape(&page.head.title)),
            (
                description,
                format!(
                    r#"<meta name="description" content="{}">"#,
                    escape(&page.head.description)
                ),
            ),
            (head, format!("{HEAD_START}\n{}{HEAD_END}", page.head.tags)),
            (
                app_tag,
                format!(
                    r#"<div id="app" class="app" data-view="{}">"#,
                    escape(page.view_key)
                ),
            ),
            (app_content, page.app.to_string()),
        ];
        // From the end, so earlier ranges stay valid.
        csto_core::util::order::sort_by_key(&mut edits, |(r, _)| std::cmp::Reverse(r.start));
        let mut html = self.html.clone();
        for (range, text) in edits {
            html.replace_range(range, &text);
        }
        self.paint_first(html)
    }

    fn paint_first(&self, mut html: String) -> Result<String, String> {
        let preload = start_tag(&html, "link", |t| {
            has_attr(t, "rel", "preload") && t.contains("_bg.wasm")
        });
        if let Some(range) = preload {
            html.replace_range(range, "");
        }
        if !html.contains(PAINT_FIRST) {
            let at = html
                .find(LOADER_INIT)
                .ok_or_else(|| format!("{}: no trunk loader ({LOADER_INIT}…)", self.source))?;
            html.insert_str(at, PAINT_FIRST);
        }
        Ok(html)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head() -> Head {
        Head {
            title: "T & co".into(),
            description: "D \"quoted\"".into(),
            tags: "<meta name=\"x\" content=\"y\">\n".into(),
        }
    }

    #[test]
    fn fills_a_minified_template_and_again_its_own_output() {
        let minified = "<!doctype html><html lang=en><head><meta charset=utf-8><title>Old</title>\
            <meta content=\"old\" name=description><base href=./><link as=fetch href=./a_bg.wasm rel=preload><script type=module>const wasm = await init(x);</script></head>\
            <body><header><p>static</p></header><div class=app id=app><p class=shell-loading>Loading</p>\
            <noscript><p>no</p></noscript></div></body></html>";
        let t = Template {
            html: minified.into(),
            source: "t".into(),
        };
        let page = Page {
            base: "../../",
            view_key: "doc=a",
            app: "<div><p>text</p></div>",
            head: &head(),
        };
        let once = t.fill(&page).unwrap();
        assert!(once.contains(r#"<base href="../../">"#), "{once}");
        assert!(once.contains("<title>T &amp; co</title>"), "{once}");
        assert!(
            once.contains(r#"<meta name="description" content="D &quot;quoted&quot;">"#),
            "{once}"
        );
        assert!(
            once.contains(
                r#"<div id="app" class="app" data-view="doc=a"><div><p>text</p></div></div></body>"#
            ),
            "{once}"
        );
        assert!(
            once.contains(
                "<!--prerendered-->\n<meta name=\"x\" content=\"y\">\n<!--/prerendered--></head>"
            ),
            "{once}"
        );
        assert!(!once.contains("rel=preload"), "{once}");
        assert!(
            once.contains(&format!(
                "<script type=module>{PAINT_FIRST}{LOADER_INIT}x);"
            )),
            "{once}"
        );
        let twice = Template {
            html: once.clone(),
            source: "t".into(),
        }
        .fill(&page)
        .unwrap();
        assert_eq!(twice, once);
    }

    #[test]
    fn a_template_without_app_fails_naming_it() {
        let t = Template { html: "<html><head><base href=./><title>x</title><meta name=description content=x></head><body></body></html>".into(), source: "dist/index.html".into() };
        let page = Page {
            base: "./",
            view_key: "",
            app: "",
            head: &head(),
        };
        let err = t.fill(&page).unwrap_err();
        assert!(
            err.contains("dist/index.html") && err.contains("<div id=app>"),
            "{err}"
        );
    }

    #[test]
    fn attributes_are_matched_whole() {
        assert!(has_attr("<div id=app class=x>", "id", "app"));
        assert!(has_attr("<div class=\"x\" id=\"app\">", "id", "app"));
        assert!(!has_attr("<div id=apple>", "id", "app"));
        assert!(!has_attr("<div data-id=app>", "id", "app"));
    }
}
