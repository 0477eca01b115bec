//! The URL-state codec: the whole view a researcher is looking at, as a short
//! readable query string, e.g.
//! `?q=kanal&speaker=bordyuzha,semerikov&theme=drug-trafficking&sort=date`.
//!
//! The URL is the single store of shareable state, so decoding must accept
//! anything (a mangled link, a hostile one) and say what it dropped, and
//! `encode(decode(x))` must be stable. Repeated values are comma-joined; a
//! repeated parameter (`speaker=a&speaker=b`) is accepted too.
//!
//! ```
//! use csto_core::view::ViewState;
//! let (v, notices) = ViewState::decode("q=kanal&speaker=bordyuzha,semerikov&sort=date");
//! assert!(notices.is_empty());
//! assert_eq!(v.speakers, ["bordyuzha", "semerikov"]);
//! assert_eq!(v.encode(), "q=kanal&speaker=bordyuzha,semerikov&sort=date");
//! ```

use crate::analysis::concordance::KwicSort;
use crate::model::{Corpus, EntityId, SpeakerId, ThemeId};
use crate::search::{Filters, Sort};
use crate::util::slug::is_slug;

/// The most values kept for one list parameter.
const MAX_VALUES: usize = 64;
/// The longest query string kept for `q` (in characters): what the parser
/// evaluates, so a long query is cut (and reported) once.
const MAX_Q_CHARS: usize = crate::query::MAX_QUERY_CHARS;
/// The most terms compared in one trends chart.
pub const MAX_COMPARE: usize = 8;
/// The longest compared term kept.
const MAX_TERM_CHARS: usize = 200;
/// The most distinct problems reported, so a URL with thousands of bad
/// parameters gives a readable notice rather than thousands.
const MAX_NOTICES: usize = 8;

/// Which main view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Statements with their best passages.
    #[default]
    Results,
    /// Keyword in context: every hit as an aligned line.
    Concordance,
    /// Frequency per year or statement, per 10,000 words.
    Trends,
    /// Themes × years (or statements) grid.
    Themes,
    /// Distinctive terms of a speaker or a year (log-likelihood).
    Keywords,
}

impl Tab {
    /// Every tab, in the order the UI shows them.
    pub const ALL: [Tab; 5] = [
        Tab::Results,
        Tab::Concordance,
        Tab::Trends,
        Tab::Themes,
        Tab::Keywords,
    ];

    /// The URL spelling (`view=concordance`).
    pub fn key(self) -> &'static str {
        match self {
            Tab::Results => "results",
            Tab::Concordance => "concordance",
            Tab::Trends => "trends",
            Tab::Themes => "themes",
            Tab::Keywords => "keywords",
        }
    }

    /// What the UI calls it.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Results => "Results",
            Tab::Concordance => "Concordance",
            Tab::Trends => "Trends",
            Tab::Themes => "Theme overview",
            Tab::Keywords => "Distinctive terms",
        }
    }

    pub fn from_key(key: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// What trends and the theme overview count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Axis {
    #[default]
    Year,
    Statement,
}

impl Axis {
    pub fn key(self) -> &'static str {
        match self {
            Axis::Year => "year",
            Axis::Statement => "statement",
        }
    }
    pub fn from_key(key: &str) -> Option<Axis> {
        [Axis::Year, Axis::Statement]
            .into_iter()
            .find(|a| a.key() == key)
    }
}

impl Sort {
    /// The URL spelling of a sort order.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::DateAsc => "date",
            Sort::DateDesc => "date-desc",
        }
    }
    pub fn from_key(key: &str) -> Option<Sort> {
        [Sort::Relevance, Sort::DateAsc, Sort::DateDesc]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// Everything shareable about the current view. Ids are the URL keys
/// (speaker and theme slugs, statement ids), resolved against the corpus by
/// [`ViewState::resolve`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub q: String,
    pub speakers: Vec<String>,
    pub years: Vec<u16>,
    pub year_from: Option<u16>,
    pub year_to: Option<u16>,
    pub themes: Vec<String>,
    /// `None` means the default: relevance with a query, date without.
    pub sort: Option<Sort>,
    pub tab: Tab,
    /// The open statement, by id.
    pub doc: Option<String>,
    /// 1-based paragraph of the open statement.
    pub para: Option<u16>,
    /// Entity filters (`sc-1373`, `op-kanal`), passage level like themes.
    pub entities: Vec<String>,
    /// Concordance order; `None` is corpus order.
    pub kwic_sort: Option<KwicSort>,
    /// Terms compared in the trends chart (`t=terrorism&t=migration`); empty
    /// means the current query, or the themes when there is no query.
    pub compare: Vec<String>,
    /// Trends and theme overview: per year or per statement.
    pub axis: Axis,
    /// Distinctive terms of: a speaker id, or a year.
    pub kw: Option<String>,
}

/// Collects notices, at most [`MAX_NOTICES`], plus a count of the rest.
#[derive(Default)]
struct Notices {
    list: Vec<String>,
    more: usize,
}

impl Notices {
    fn push(&mut self, msg: String) {
        if self.list.contains(&msg) {
            return;
        }
        if self.list.len() < MAX_NOTICES {
            self.list.push(msg);
        } else {
            self.more += 1;
        }
    }
    fn finish(mut self) -> Vec<String> {
        if self.more > 0 {
            self.list
                .push(format!("… and {} more problems in the address.", self.more));
        }
        self.list
    }
}

/// Shortens untrusted text for quoting it back in a notice.
fn quote(s: &str) -> String {
    let mut q: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if s.chars().count() > 40 {
        q.push('…');
    }
    format!("“{q}”")
}

fn parse_year(v: &str) -> Option<u16> {
    v.trim()
        .parse::<u16>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

fn push_list(list: &mut Vec<String>, value: &str, key: &str, notices: &mut Notices) {
    for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        let v = v.to_ascii_lowercase();
        if !is_slug(&v) {
            notices.push(format!("Ignored {key} {}: not a valid name.", quote(&v)));
        } else if list.len() >= MAX_VALUES {
            notices.push(format!("Too many {key} values; the rest were ignored."));
        } else if !list.contains(&v) {
            list.push(v);
        }
    }
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Never fails:
    /// what cannot be used is dropped and described in the returned notices.
    pub fn decode(query_string: &str) -> (ViewState, Vec<String>) {
        let qs = query_string.strip_prefix('?').unwrap_or(query_string);
        let mut v = ViewState::default();
        let mut n = Notices::default();
        for (key, value) in form_urlencoded::parse(qs.as_bytes()) {
            if key.contains('\u{FFFD}') || value.contains('\u{FFFD}') {
                n.push(
                    "Some characters in the address were not valid text and were replaced.".into(),
                );
            }
            match key.as_ref() {
                "q" => {
                    if value.chars().count() > MAX_Q_CHARS {
                        n.push(format!("The query was cut to {MAX_Q_CHARS} characters."));
                        v.q = value.chars().take(MAX_Q_CHARS).collect();
                    } else {
                        v.q = value.into_owned();
                    }
                }
                "speaker" => push_list(&mut v.speakers, &value, "speaker", &mut n),
                "theme" => push_list(&mut v.themes, &value, "theme", &mut n),
                "year" => {
                    for y in value.split(',').filter(|y| !y.trim().is_empty()) {
                        match parse_year(y) {
                            Some(y) if !v.years.contains(&y) && v.years.len() < MAX_VALUES => {
                                v.years.push(y)
                            }
                            Some(_) => {}
                            None => n.push(format!("Ignored year {}: not a year.", quote(y))),
                        }
                    }
                }
                "from" | "to" => match parse_year(&value) {
                    Some(y) if key == "from" => v.year_from = Some(y),
                    Some(y) => v.year_to = Some(y),
                    None => n.push(format!("Ignored {key} {}: not a year.", quote(&value))),
                },
                "sort" => match Sort::from_key(&value) {
                    Some(s) => v.sort = Some(s),
                    None => n.push(format!("Ignored sort {}: unknown order.", quote(&value))),
                },
                "view" => match Tab::from_key(&value) {
                    Some(t) => v.tab = t,
                    None => n.push(format!("Ignored view {}: unknown view.", quote(&value))),
                },
                "doc" => {
                    let d = value.trim().to_ascii_lowercase();
                    if is_slug(&d) {
                        v.doc = Some(d);
                    } else {
                        n.push(format!(
                            "Ignored doc {}: not a statement id.",
                            quote(&value)
                        ));
                    }
                }
                "entity" => push_list(&mut v.entities, &value, "entity", &mut n),
                "ksort" => match KwicSort::from_key(&value) {
                    Some(k) => v.kwic_sort = Some(k),
                    None => n.push(format!("Ignored ksort {}: unknown order.", quote(&value))),
                },
                "t" => {
                    let t: String = value.chars().take(MAX_TERM_CHARS).collect();
                    if t.trim().is_empty() {
                    } else if v.compare.len() >= MAX_COMPARE {
                        n.push(format!(
                            "Only {MAX_COMPARE} terms can be compared; the rest were ignored."
                        ));
                    } else if !v.compare.contains(&t) {
                        v.compare.push(t);
                    }
                }
                "by" => match Axis::from_key(&value) {
                    Some(a) => v.axis = a,
                    None => n.push(format!(
                        "Ignored by {}: use year or statement.",
                        quote(&value)
                    )),
                },
                "kw" => {
                    let k = value.trim().to_ascii_lowercase();
                    if is_slug(&k) {
                        v.kw = Some(k);
                    } else {
                        n.push(format!(
                            "Ignored kw {}: not a speaker or a year.",
                            quote(&value)
                        ));
                    }
                }
                "p" => match value.trim().parse::<u16>() {
                    Ok(p) if p >= 1 => v.para = Some(p),
                    _ => n.push(format!(
                        "Ignored p {}: not a paragraph number.",
                        quote(&value)
                    )),
                },
                other => n.push(format!("Ignored unknown parameter {}.", quote(other))),
            }
        }
        crate::util::order::sort(&mut v.years);
        if let (Some(f), Some(t)) = (v.year_from, v.year_to) {
            if f > t {
                n.push(format!("The year range {f}–{t} was reversed to {t}–{f}."));
                (v.year_from, v.year_to) = (Some(t), Some(f));
            }
        }
        if v.para.is_some() && v.doc.is_none() {
            n.push("Ignored p: no statement is open.".into());
            v.para = None;
        }
        (v, n.finish())
    }

    /// The canonical query string (without `?`), defaults omitted.
    pub fn encode(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            out.append_pair("q", &self.q);
        }
        if !self.speakers.is_empty() {
            out.append_pair("speaker", &self.speakers.join(","));
        }
        if !self.years.is_empty() {
            let ys: Vec<String> = self.years.iter().map(u16::to_string).collect();
            out.append_pair("year", &ys.join(","));
        }
        if let Some(f) = self.year_from {
            out.append_pair("from", &f.to_string());
        }
        if let Some(t) = self.year_to {
            out.append_pair("to", &t.to_string());
        }
        if !self.themes.is_empty() {
            out.append_pair("theme", &self.themes.join(","));
        }
        if let Some(s) = self.sort {
            out.append_pair("sort", s.key());
        }
        if !self.entities.is_empty() {
            out.append_pair("entity", &self.entities.join(","));
        }
        if self.tab != Tab::default() {
            out.append_pair("view", self.tab.key());
        }
        if let Some(k) = self.kwic_sort {
            out.append_pair("ksort", k.key());
        }
        for t in &self.compare {
            out.append_pair("t", t);
        }
        if self.axis != Axis::default() {
            out.append_pair("by", self.axis.key());
        }
        if let Some(k) = &self.kw {
            out.append_pair("kw", k);
        }
        if let Some(d) = &self.doc {
            out.append_pair("doc", d);
            if let Some(p) = self.para {
                out.append_pair("p", &p.to_string());
            }
        }
        // Commas are safe in a query string and far more readable unescaped.
        out.finish().replace("%2C", ",")
    }

    /// Drops ids the corpus does not know, with notices, and returns the
    /// facet filters as corpus ids.
    pub fn resolve(&mut self, corpus: &Corpus) -> (Filters, Vec<String>) {
        let mut n = Notices::default();
        let mut speakers: Vec<SpeakerId> = Vec::new();
        self.speakers.retain(
            |id| match corpus.speakers.iter().position(|s| &s.id == id) {
                Some(i) => {
                    speakers.push(i as SpeakerId);
                    true
                }
                None => {
                    n.push(format!("Ignored speaker {}: not in the corpus.", quote(id)));
                    false
                }
            },
        );
        let mut themes: Vec<ThemeId> = Vec::new();
        self.themes
            .retain(|id| match corpus.themes.iter().position(|t| &t.id == id) {
                Some(i) => {
                    themes.push(i as ThemeId);
                    true
                }
                None => {
                    n.push(format!("Ignored theme {}: not in the taxonomy.", quote(id)));
                    false
                }
            });
        if let Some(doc) = &self.doc {
            match corpus.statement_by_key(doc) {
                None => {
                    n.push(format!("Ignored doc {}: no such statement.", quote(doc)));
                    self.doc = None;
                    self.para = None;
                }
                Some((_, s)) => {
                    if self.para.is_some_and(|p| p as usize > s.passages.len()) {
                        n.push(format!(
                            "Ignored p={}: that statement has {} paragraphs.",
                            self.para.unwrap_or_default(),
                            s.passages.len()
                        ));
                        self.para = None;
                    }
                }
            }
        }
        let mut entities: Vec<EntityId> = Vec::new();
        self.entities.retain(|key| match corpus.entity_by_key(key) {
            Some((i, _)) => {
                entities.push(i);
                true
            }
            None => {
                n.push(format!(
                    "Ignored entity {}: not found in the corpus.",
                    quote(key)
                ));
                false
            }
        });
        if let Some(kw) = &self.kw {
            let known = corpus.speakers.iter().any(|s| &s.id == kw)
                || corpus
                    .statements
                    .iter()
                    .any(|s| s.date.year.to_string() == *kw);
            if !known {
                n.push(format!(
                    "Ignored kw {}: no such speaker or year.",
                    quote(kw)
                ));
                self.kw = None;
            }
        }
        let filters = Filters {
            entities,
            speakers,
            years: self.years.clone(),
            year_from: self.year_from,
            year_to: self.year_to,
            themes,
        };
        (filters, n.finish())
    }

    /// The sort in effect: the explicit one, else relevance with a query and
    /// date (oldest first) without.
    pub fn effective_sort(&self) -> Sort {
        self.sort.unwrap_or(if self.q.trim().is_empty() {
            Sort::DateAsc
        } else {
            Sort::Relevance
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_table() {
        let cases = [
            "",
            "q=kanal",
            "q=%22illegal+migration%22+-Afghanistan",
            "q=kanal&speaker=bordyuzha,semerikov&theme=drug-trafficking",
            "year=2016,2019&from=2004&to=2020&sort=date-desc",
            "q=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E",
            "doc=2016-bordyuzha&p=7",
            "q=Ant%C3%B3nio&sort=relevance&doc=2024-tasmagambetov",
            "q=peacekeeping&view=concordance&ksort=right",
            "view=trends&t=terrorism&t=%22drug+trafficking%22&by=statement",
            "entity=sc-1373,op-kanal&view=themes",
            "view=keywords&kw=bordyuzha",
        ];
        for qs in cases {
            let (v, notices) = ViewState::decode(qs);
            assert!(notices.is_empty(), "{qs}: {notices:?}");
            assert_eq!(v.encode(), qs, "encode(decode({qs:?}))");
            assert_eq!(ViewState::decode(&v.encode()).0, v);
        }
    }

    #[test]
    fn state_to_url_to_state() {
        let v = ViewState {
            q: "a,b & c=d %".into(),
            speakers: vec!["x".into(), "y-z".into()],
            years: vec![2004, 2024],
            year_from: Some(2000),
            year_to: None,
            themes: vec!["peacekeeping".into()],
            sort: Some(Sort::DateAsc),
            tab: Tab::Trends,
            doc: Some("2016-bordyuzha".into()),
            para: Some(3),
            entities: vec!["sc-1373".into()],
            kwic_sort: Some(KwicSort::Right),
            compare: vec!["terrorism".into(), "\"drug trafficking\"".into()],
            axis: Axis::Statement,
            kw: Some("2016".into()),
        };
        assert_eq!(ViewState::decode(&v.encode()), (v, vec![]));
    }

    #[test]
    fn bad_input_gives_notices_and_a_sane_state() {
        struct Case {
            qs: &'static str,
            expect: ViewState,
            notices: usize,
        }
        let cases = [
            Case {
                qs: "?foo=bar",
                expect: ViewState::default(),
                notices: 1,
            },
            Case {
                qs: "year=abc,2016,-5,99999",
                expect: ViewState {
                    years: vec![2016],
                    ..Default::default()
                },
                notices: 3,
            },
            Case {
                qs: "from=2020&to=2004",
                expect: ViewState {
                    year_from: Some(2004),
                    year_to: Some(2020),
                    ..Default::default()
                },
                notices: 1,
            },
            Case {
                qs: "sort=random&view=%3Cscript%3E",
                expect: ViewState::default(),
                notices: 2,
            },
            Case {
                qs: "speaker=%3Cb%3E,ok",
                expect: ViewState {
                    speakers: vec!["ok".into()],
                    ..Default::default()
                },
                notices: 1,
            },
            Case {
                qs: "p=7",
                expect: ViewState::default(),
                notices: 1,
            },
            Case {
                qs: "doc=../../etc&p=0",
                expect: ViewState::default(),
                notices: 2,
            },
            Case {
                qs: "q=%FF%FE",
                expect: ViewState {
                    q: "\u{FFFD}\u{FFFD}".into(),
                    ..Default::default()
                },
                notices: 1,
            },
            Case {
                qs: "&&==&",
                expect: ViewState::default(),
                notices: 1,
            },
        ];
        for c in cases {
            let (v, notices) = ViewState::decode(c.qs);
            assert_eq!(v, c.expect, "{}", c.qs);
            assert_eq!(notices.len(), c.notices, "{}: {notices:?}", c.qs);
        }
    }

    #[test]
    fn thousands_of_parameters_give_a_bounded_notice_list() {
        let qs: String = (0..5000).map(|i| format!("k{i}=v&")).collect();
        let (v, notices) = ViewState::decode(&qs);
        assert_eq!(v, ViewState::default());
        assert_eq!(notices.len(), MAX_NOTICES + 1);
        let qs = format!("q={}", "a".repeat(100_000));
        let (v, notices) = ViewState::decode(&qs);
        assert_eq!(v.q.len(), MAX_Q_CHARS);
        assert_eq!(notices.len(), 1);
    }
}
