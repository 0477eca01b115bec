//! Where a view lives in the address bar. Every statement has a page of its
//! own, `statements/<id>/` under the app's root, prerendered at build time so
//! that it shows its text before any code runs and can be cited, saved by
//! Zotero and archived as a page. The rest of a view stays in the query
//! string, and the paragraph is the fragment, `#p7`, which a browser scrolls
//! to by itself (with or without JavaScript) and which keeps one page per
//! statement for archives and link previews:
//!
//! | view | address, relative to the root |
//! |---|---|
//! | the start page | `./` |
//! | a search, an analysis | `?q=kanal&view=concordance` |
//! | a statement | `statements/2016-bordyuzha/` |
//! | its paragraph 7, with the hits of a query | `statements/2016-bordyuzha/?q=kanal#p7` |
//!
//! Older links (`?doc=2016-bordyuzha&p=7`) still open the same view.
//!
//! ```
//! use csto_core::view::ViewState;
//! let (v, notices) = ViewState::decode_address("statements/2016-bordyuzha/", "q=kanal", "p7");
//! assert!(notices.is_empty());
//! assert_eq!((v.doc.as_deref(), v.para), (Some("2016-bordyuzha"), Some(7)));
//! assert_eq!(v.href(), "statements/2016-bordyuzha/?q=kanal#p7");
//! ```

use super::notices::{quote, Notices};
use super::state::ViewState;
use crate::util::slug::is_slug;

/// The folder of the statement pages under the app's root.
pub const STATEMENTS_DIR: &str = "statements";

/// The path of statement `id`'s page, relative to the app's root.
pub fn statement_path(id: &str) -> String {
    format!("{STATEMENTS_DIR}/{id}/")
}

/// The statement a path (relative to the root) is the page of:
/// `statements/<id>/`, also without the slash or as `…/index.html`.
/// `Ok(None)` for the start page, `Err` for a path that is neither.
fn statement_of_path(path: &str) -> Result<Option<&str>, ()> {
    let path = path.trim_start_matches('/');
    if path.is_empty() || path == "index.html" {
        return Ok(None);
    }
    let rest = path
        .strip_prefix(STATEMENTS_DIR)
        .and_then(|r| r.strip_prefix('/'));
    let id = rest.map(|r| {
        let r = r.strip_suffix("index.html").unwrap_or(r);
        r.strip_suffix('/').unwrap_or(r)
    });
    match id {
        Some(id) if is_slug(id) => Ok(Some(id)),
        _ => Err(()),
    }
}

/// The paragraph a fragment names: `p7` → 7.
fn paragraph_of_fragment(fragment: &str) -> Option<u16> {
    let n = fragment.trim_start_matches('#').strip_prefix('p')?;
    n.parse::<u16>().ok().filter(|p| *p >= 1)
}

impl ViewState {
    /// Reads an address split as the browser gives it: the path relative to
    /// the app's root, the query string and the fragment (each with or
    /// without its `?`/`#`). Never fails: what cannot be used is dropped and
    /// described in the returned notices. A fragment that names no
    /// paragraph (`#main`) is no part of the view and is ignored.
    pub fn decode_address(path: &str, query: &str, fragment: &str) -> (ViewState, Vec<String>) {
        let mut n = Notices::default();
        let mut v = ViewState::decode_query(query, &mut n);
        match statement_of_path(path) {
            Ok(None) => {}
            Ok(Some(id)) => {
                if v.doc.as_deref().is_some_and(|d| d != id) {
                    n.push(format!(
                        "Ignored doc {}: this is the page of {}.",
                        quote(v.doc.as_deref().unwrap_or_default()),
                        quote(id)
                    ));
                }
                v.doc = Some(id.to_string());
            }
            Err(()) => n.push(format!(
                "Ignored the path {}: not a page of this site.",
                quote(path)
            )),
        }
        if v.para.is_none() {
            v.para = paragraph_of_fragment(fragment);
        }
        v.drop_stray_paragraph(&mut n);
        (v, n.finish())
    }

    /// The link to this view relative to the app's root: `./` for the start
    /// page, `?…` for a search or an analysis, `statements/<id>/?…#p7` for a
    /// statement (the table in this module's docs).
    pub fn href(&self) -> String {
        let Some(doc) = &self.doc else {
            let qs = self.encode();
            return if qs.is_empty() {
                "./".to_string()
            } else {
                format!("?{qs}")
            };
        };
        let mut out = statement_path(doc);
        let qs = self.encode_without_statement();
        if !qs.is_empty() {
            out.push('?');
            out.push_str(&qs);
        }
        if let Some(p) = self.para {
            out.push_str(&format!("#p{p}"));
        }
        out
    }

    /// The address of this view under the app's root (an absolute URL or a
    /// path ending in `/`). Permalinks, exports and the address bar all
    /// use it.
    pub fn address_at(&self, root: &str) -> String {
        let href = self.href();
        let href = href.strip_prefix("./").unwrap_or(&href);
        format!("{root}{href}")
    }

    /// The key of the page this view is shown on: the view without its
    /// paragraph (only where the browser scrolls to), encoded. The
    /// prerenderer writes it into `#app[data-view]`; the app hydrates the
    /// markup when its address has the same key.
    pub fn page_key(&self) -> String {
        self.without_paragraph().encode()
    }

    /// Whether this is a view the build prerenders as a page of its own: the
    /// start page, or a statement with nothing else chosen.
    pub fn is_prerendered_page(&self) -> bool {
        let place = match &self.doc {
            Some(doc) => ViewState::statement(doc, None),
            None => ViewState::default(),
        };
        self.page_key() == place.encode()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        address: (&'static str, &'static str, &'static str),
        href: &'static str,
        notices: usize,
    }

    #[test]
    fn addresses_read_and_write_both_ways() {
        let cases = [
            Case {
                name: "start page",
                address: ("", "", ""),
                href: "./",
                notices: 0,
            },
            Case {
                name: "index.html",
                address: ("index.html", "", ""),
                href: "./",
                notices: 0,
            },
            Case {
                name: "search",
                address: ("", "q=kanal&view=concordance", ""),
                href: "?q=kanal&view=concordance",
                notices: 0,
            },
            Case {
                name: "statement",
                address: ("statements/2016-bordyuzha/", "", ""),
                href: "statements/2016-bordyuzha/",
                notices: 0,
            },
            Case {
                name: "no slash",
                address: ("statements/2016-bordyuzha", "", ""),
                href: "statements/2016-bordyuzha/",
                notices: 0,
            },
            Case {
                name: "file",
                address: ("/statements/2016-bordyuzha/index.html", "", ""),
                href: "statements/2016-bordyuzha/",
                notices: 0,
            },
            Case {
                name: "paragraph",
                address: ("statements/2016-bordyuzha/", "", "#p7"),
                href: "statements/2016-bordyuzha/#p7",
                notices: 0,
            },
            Case {
                name: "query and paragraph",
                address: ("statements/2016-bordyuzha/", "?q=kanal", "p7"),
                href: "statements/2016-bordyuzha/?q=kanal#p7",
                notices: 0,
            },
            Case {
                name: "p= wins over the fragment",
                address: ("statements/2016-bordyuzha/", "p=3", "p7"),
                href: "statements/2016-bordyuzha/#p3",
                notices: 0,
            },
            Case {
                name: "old link",
                address: ("", "doc=2016-bordyuzha&p=7&q=kanal", ""),
                href: "statements/2016-bordyuzha/?q=kanal#p7",
                notices: 0,
            },
            Case {
                name: "other fragment",
                address: ("statements/2016-bordyuzha/", "", "main"),
                href: "statements/2016-bordyuzha/",
                notices: 0,
            },
            Case {
                name: "p0 is no paragraph",
                address: ("statements/2016-bordyuzha/", "", "p0"),
                href: "statements/2016-bordyuzha/",
                notices: 0,
            },
            Case {
                name: "fragment without statement",
                address: ("", "q=x", "p7"),
                href: "?q=x",
                notices: 1,
            },
            Case {
                name: "doc disagrees with path",
                address: ("statements/2016-bordyuzha/", "doc=2019-semerikov", ""),
                href: "statements/2016-bordyuzha/",
                notices: 1,
            },
            Case {
                name: "foreign path",
                address: ("admin/", "q=x", ""),
                href: "?q=x",
                notices: 1,
            },
            Case {
                name: "not an id",
                address: ("statements/../x/", "", ""),
                href: "./",
                notices: 1,
            },
        ];
        for c in cases {
            let (path, query, fragment) = c.address;
            let (v, notices) = ViewState::decode_address(path, query, fragment);
            assert_eq!(v.href(), c.href, "{}", c.name);
            assert_eq!(notices.len(), c.notices, "{}: {notices:?}", c.name);
            // What href wrote reads back as the same view.
            let (path, rest) = c.href.split_once('?').unwrap_or((c.href, ""));
            let (path, frag) = path.split_once('#').unwrap_or((path, ""));
            let (query, frag2) = rest.split_once('#').unwrap_or((rest, frag));
            let path = path.trim_start_matches("./");
            let (again, notices) = ViewState::decode_address(path, query, frag2);
            assert_eq!(again, v, "{}: round trip", c.name);
            assert!(notices.is_empty(), "{}: {notices:?}", c.name);
        }
    }

    #[test]
    fn address_at_puts_the_href_under_the_root() {
        let (v, _) = ViewState::decode_address("statements/2016-bordyuzha/", "", "p9");
        assert_eq!(
            v.address_at("https://h/tools/csto/"),
            "https://h/tools/csto/statements/2016-bordyuzha/#p9"
        );
        assert_eq!(ViewState::default().address_at("/x/"), "/x/");
        assert_eq!(ViewState::decode("q=a").0.address_at("/x/"), "/x/?q=a");
    }

    #[test]
    fn prerendered_pages_are_the_start_page_and_bare_statements() {
        let page =
            |p: &str, q: &str, f: &str| ViewState::decode_address(p, q, f).0.is_prerendered_page();
        assert!(page("", "", ""));
        assert!(page("statements/2016-bordyuzha/", "", ""));
        assert!(page("statements/2016-bordyuzha/", "", "p4"));
        assert!(!page("statements/2016-bordyuzha/", "q=kanal", ""));
        assert!(!page("", "q=kanal", ""));
        assert!(!page("", "view=trends", ""));
        assert!(!page("", "sort=date-desc", ""));
    }
}
