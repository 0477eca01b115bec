//! [`ViewState`]: every parameter of the address, read (never failing),
//! written canonically, and resolved against the corpus.

use super::choices::{Axis, Keyed, Scale, TableSort};
use super::facet::{Facet, YearBound};
use super::notices::{parse_year, quote, Notices};
use super::registry::{Number, Tab, NGRAMS_MIN, NGRAM_LENGTH, WINDOW_LEFT, WINDOW_RIGHT};
use super::subcorpus::Subcorpus;
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
    /// The analysis views' parameters (word list, n-grams, collocates,
    /// compare, trends' scale).
    pub params: Params,
}

/// The analysis views' parameters; each view reads those it uses, and the
/// defaults are omitted from the URL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params {
    /// Table order (`tsort`); `None` is the view's default.
    pub table_sort: Option<TableSort>,
    /// Word list: group word forms by stem (`stem=1`).
    pub by_stem: bool,
    /// Show stop words (`stop=show|hide`); `None` is the view's default
    /// (shown in the word and n-gram lists, hidden among collocates).
    pub stop_words: Option<bool>,
    /// N-gram length (`n`, [`NGRAM_LENGTH`]); `None` is the default.
    pub n: Option<u8>,
    /// Minimum frequency (`min`); `None` is the view's default
    /// ([`super::WORDS_MIN`], [`NGRAMS_MIN`], [`super::COLLOCATES_MIN`]).
    pub min_freq: Option<u32>,
    /// Collocation window left and right (`l`, `r`: [`WINDOW_LEFT`],
    /// [`WINDOW_RIGHT`]); `None` is the default.
    pub left: Option<u8>,
    pub right: Option<u8>,
    /// N-grams: only those containing a word of the query (`with=1`).
    pub with_query: bool,
    /// Compare: side A (`a=year:2004`) and side B (`b=…`; `None` is the rest).
    pub side_a: Option<Subcorpus>,
    pub side_b: Option<Subcorpus>,
    /// Trends: per 10,000 words or raw counts (`scale=raw`).
    pub scale: Scale,
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

/// Sets `slot` to the choice spelled `value`, or says why not.
fn choose<T: Keyed>(slot: &mut Option<T>, value: &str, key: &str, why: &str, n: &mut Notices) {
    match T::from_key(value) {
        Some(v) => *slot = Some(v),
        None => n.push(format!("Ignored {key} {}: {why}.", quote(value))),
    }
}

/// A whole number in the limits of `number`, or a notice.
fn number<T: std::str::FromStr + PartialOrd + Copy + std::fmt::Display>(
    slot: &mut Option<T>,
    value: &str,
    number: Number<T>,
    n: &mut Notices,
) {
    let (key, range) = (number.key, number.range());
    match value.trim().parse::<T>() {
        Ok(x) if range.contains(&x) => *slot = Some(x),
        _ => n.push(format!(
            "Ignored {key} {}: use a whole number from {} to {}.",
            quote(value),
            range.start(),
            range.end()
        )),
    }
}

/// `1`/`0` (and `true`/`false`, `show`/`hide`) as a switch.
fn switch(value: &str, key: &str, n: &mut Notices) -> Option<bool> {
    match value.trim() {
        "1" | "true" | "show" | "on" => Some(true),
        "0" | "false" | "hide" | "off" => Some(false),
        _ => {
            n.push(format!("Ignored {key} {}: use 1 or 0.", quote(value)));
            None
        }
    }
}

impl Params {
    /// The analysis parameters; `false` if `key` is none of them.
    fn decode(&mut self, key: &str, value: &str, n: &mut Notices) -> bool {
        match key {
            "tsort" => choose(&mut self.table_sort, value, key, "unknown order", n),
            "stem" => self.by_stem = switch(value, key, n).unwrap_or(self.by_stem),
            "with" => self.with_query = switch(value, key, n).unwrap_or(self.with_query),
            "stop" => self.stop_words = switch(value, key, n).or(self.stop_words),
            "n" => number(&mut self.n, value, NGRAM_LENGTH, n),
            "min" => number(&mut self.min_freq, value, NGRAMS_MIN, n),
            "l" => number(&mut self.left, value, WINDOW_LEFT, n),
            "r" => number(&mut self.right, value, WINDOW_RIGHT, n),
            "a" => self.side_a = Subcorpus::decode("a", value, n).or(self.side_a.take()),
            "b" => self.side_b = Subcorpus::decode("b", value, n).or(self.side_b.take()),
            "scale" => {
                let mut s = None;
                choose(&mut s, value, key, "use raw or per10k", n);
                self.scale = s.unwrap_or(self.scale);
            }
            _ => return false,
        }
        true
    }

    /// Appends the parameters that differ from their defaults.
    fn encode(&self, out: &mut form_urlencoded::Serializer<String>) {
        if let Some(s) = self.table_sort {
            out.append_pair("tsort", s.key());
        }
        if self.by_stem {
            out.append_pair("stem", "1");
        }
        if let Some(s) = self.stop_words {
            out.append_pair("stop", if s { "show" } else { "hide" });
        }
        if let Some(x) = self.n {
            out.append_pair("n", &x.to_string());
        }
        if let Some(x) = self.min_freq {
            out.append_pair("min", &x.to_string());
        }
        if let Some(x) = self.left {
            out.append_pair("l", &x.to_string());
        }
        if let Some(x) = self.right {
            out.append_pair("r", &x.to_string());
        }
        if self.with_query {
            out.append_pair("with", "1");
        }
        if let Some(a) = &self.side_a {
            out.append_pair("a", &a.encode());
        }
        if let Some(b) = &self.side_b {
            out.append_pair("b", &b.encode());
        }
        if self.scale != Scale::default() {
            out.append_pair("scale", self.scale.key());
        }
    }
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Never fails:
    /// what cannot be used is dropped and described in the returned notices.
    pub fn decode(query_string: &str) -> (ViewState, Vec<String>) {
        let mut n = Notices::default();
        let mut v = ViewState::decode_query(query_string, &mut n);
        v.drop_stray_paragraph(&mut n);
        (v, n.finish())
    }

    /// [`ViewState::decode`] without the checks that need the whole
    /// address (a paragraph needs a statement, which may be in the path).
    pub(super) fn decode_query(query_string: &str, n: &mut Notices) -> ViewState {
        let qs = query_string.strip_prefix('?').unwrap_or(query_string);
        let mut v = ViewState::default();
        let mut keywords_of = None;
        for (key, value) in form_urlencoded::parse(qs.as_bytes()) {
            if key.contains('\u{FFFD}') || value.contains('\u{FFFD}') {
                n.push(
                    "Some characters in the address were not valid text and were replaced.".into(),
                );
            }
            if key == "kw" {
                keywords_of = Some(value.into_owned());
                continue;
            }
            let known = v.decode_filter(&key, &value, n)
                || v.decode_view(&key, &value, n)
                || v.params.decode(&key, &value, n);
            if !known {
                n.push(format!("Ignored unknown parameter {}.", quote(&key)));
            }
        }
        if let Some(kw) = keywords_of {
            v.decode_keywords_link(&kw, n);
        }
        crate::util::order::sort(&mut v.years);
        if let (Some(f), Some(t)) = (v.year_from, v.year_to) {
            if f > t {
                n.push(format!("The year range {f}–{t} was reversed to {t}–{f}."));
                (v.year_from, v.year_to) = (Some(t), Some(f));
            }
        }
        v
    }

    /// A paragraph means nothing without an open statement.
    pub(super) fn drop_stray_paragraph(&mut self, n: &mut Notices) {
        if self.para.is_some() && self.doc.is_none() {
            n.push("Ignored p: no statement is open.".into());
            self.para = None;
        }
    }

    /// The query, the facets and the year range; `false` if `key` is none
    /// of them.
    fn decode_filter(&mut self, key: &str, value: &str, n: &mut Notices) -> bool {
        match key {
            "q" => {
                if value.chars().count() > MAX_Q_CHARS {
                    n.push(format!("The query was cut to {MAX_Q_CHARS} characters."));
                    self.q = value.chars().take(MAX_Q_CHARS).collect();
                } else {
                    self.q = value.to_owned();
                }
            }
            // The ends of the year range ([`YearBound`]'s keys, spelled
            // out: a match on them is smaller wasm than a lookup).
            "from" | "to" => match parse_year(value) {
                Some(y) if key == "from" => self.year_from = Some(y),
                Some(y) => self.year_to = Some(y),
                None => n.push(format!("Ignored {key} {}: not a year.", quote(value))),
            },
            _ => match Facet::from_key(key) {
                Some(facet) => self.decode_facet(facet, value, n),
                None => return false,
            },
        }
        true
    }

    /// The values of `facet` in `value` (comma-separated), added to its list.
    fn decode_facet(&mut self, facet: Facet, value: &str, n: &mut Notices) {
        let key = facet.key();
        match facet {
            Facet::Speaker => push_list(&mut self.speakers, value, key, n),
            Facet::Theme => push_list(&mut self.themes, value, key, n),
            Facet::Entity => push_list(&mut self.entities, value, key, n),
            Facet::Year => {
                for y in value.split(',').filter(|y| !y.trim().is_empty()) {
                    match parse_year(y) {
                        Some(y) if !self.years.contains(&y) && self.years.len() < MAX_VALUES => {
                            self.years.push(y)
                        }
                        Some(_) => {}
                        None => n.push(format!("Ignored year {}: not a year.", quote(y))),
                    }
                }
            }
        }
    }

    /// Which view, its order and the open statement; `false` if `key` is
    /// none of them.
    fn decode_view(&mut self, key: &str, value: &str, n: &mut Notices) -> bool {
        match key {
            "sort" => choose(&mut self.sort, value, "sort", "unknown order", n),
            "ksort" => choose(&mut self.kwic_sort, value, "ksort", "unknown order", n),
            "view" if value == "keywords" => self.tab = Tab::Compare,
            "view" => {
                let mut tab = None;
                choose(&mut tab, value, "view", "unknown view", n);
                self.tab = tab.unwrap_or(self.tab);
            }
            "by" => {
                let mut axis = None;
                choose(&mut axis, value, "by", "use year or statement", n);
                self.axis = axis.unwrap_or(self.axis);
            }
            "doc" => {
                let d = value.trim().to_ascii_lowercase();
                if is_slug(&d) {
                    self.doc = Some(d);
                } else {
                    n.push(format!("Ignored doc {}: not a statement id.", quote(value)));
                }
            }
            "p" => match value.trim().parse::<u16>() {
                Ok(p) if p >= 1 => self.para = Some(p),
                _ => n.push(format!(
                    "Ignored p {}: not a paragraph number.",
                    quote(value)
                )),
            },
            "t" => {
                let t: String = value.chars().take(MAX_TERM_CHARS).collect();
                if t.trim().is_empty() {
                } else if self.compare.len() >= MAX_COMPARE {
                    n.push(format!(
                        "Only {MAX_COMPARE} terms can be compared; the rest were ignored."
                    ));
                } else if !self.compare.contains(&t) {
                    self.compare.push(t);
                }
            }
            _ => return false,
        }
        true
    }

    /// `kw=2019` or `kw=bordyuzha` from links to the former distinctive-terms
    /// view: side A of a comparison against the rest.
    fn decode_keywords_link(&mut self, kw: &str, n: &mut Notices) {
        let k = kw.trim().to_ascii_lowercase();
        let kind = if parse_year(&k).is_some() {
            "year"
        } else {
            "speaker"
        };
        if let Some(side) = Subcorpus::decode("kw", &format!("{kind}:{k}"), n) {
            self.params.side_a = Some(side);
            self.params.side_b = None;
        }
    }

    /// The canonical query string (without `?`), defaults omitted. The
    /// open statement is `doc=` and its paragraph `p=` here; in the address
    /// bar they are the statement's page and `#p7` ([`ViewState::href`]).
    pub fn encode(&self) -> String {
        let mut out = self.serialize_params();
        if let Some(d) = &self.doc {
            out.append_pair("doc", d);
            if let Some(p) = self.para {
                out.append_pair("p", &p.to_string());
            }
        }
        readable(out.finish())
    }

    /// The query string without the open statement and its paragraph: what
    /// follows `statements/<id>/` in a statement page's address.
    pub fn encode_without_statement(&self) -> String {
        readable(self.serialize_params().finish())
    }

    /// Every parameter but `doc` and `p`, in their canonical order.
    fn serialize_params(&self) -> form_urlencoded::Serializer<'static, String> {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            out.append_pair("q", &self.q);
        }
        if !self.speakers.is_empty() {
            out.append_pair(Facet::Speaker.key(), &self.speakers.join(","));
        }
        if !self.years.is_empty() {
            let ys: Vec<String> = self.years.iter().map(u16::to_string).collect();
            out.append_pair(Facet::Year.key(), &ys.join(","));
        }
        if let Some(f) = self.year_from {
            out.append_pair(YearBound::From.key(), &f.to_string());
        }
        if let Some(t) = self.year_to {
            out.append_pair(YearBound::To.key(), &t.to_string());
        }
        if !self.themes.is_empty() {
            out.append_pair(Facet::Theme.key(), &self.themes.join(","));
        }
        if let Some(s) = self.sort {
            out.append_pair("sort", Keyed::key(s));
        }
        if !self.entities.is_empty() {
            out.append_pair(Facet::Entity.key(), &self.entities.join(","));
        }
        if self.tab != Tab::default() {
            out.append_pair("view", Keyed::key(self.tab));
        }
        if let Some(k) = self.kwic_sort {
            out.append_pair("ksort", k.key());
        }
        for t in &self.compare {
            out.append_pair("t", t);
        }
        if self.axis != Axis::default() {
            out.append_pair("by", Keyed::key(self.axis));
        }
        self.params.encode(&mut out);
        out
    }

    /// Drops ids the corpus does not know, with notices, and returns the
    /// facet filters as corpus ids. Notices come in the order speakers,
    /// themes, open statement, entities, sides of a comparison.
    pub fn resolve(&mut self, corpus: &Corpus) -> (Filters, Vec<String>) {
        let mut n = Notices::default();
        let speakers = known_ids(
            &mut self.speakers,
            Facet::Speaker,
            "not in the corpus",
            &|id| {
                corpus
                    .speakers
                    .iter()
                    .position(|s| s.id == id)
                    .map(|i| i as SpeakerId)
            },
            &mut n,
        );
        let themes = known_ids(
            &mut self.themes,
            Facet::Theme,
            "not in the taxonomy",
            &|id| {
                corpus
                    .themes
                    .iter()
                    .position(|t| t.id == id)
                    .map(|i| i as ThemeId)
            },
            &mut n,
        );
        self.resolve_doc(corpus, &mut n);
        let entities: Vec<EntityId> = known_ids(
            &mut self.entities,
            Facet::Entity,
            "not found in the corpus",
            &|key| corpus.entity_by_key(key).map(|(i, _)| i),
            &mut n,
        );
        self.resolve_sides(corpus, &mut n);
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

    /// Drops a side of a comparison naming nothing the corpus knows (and
    /// the values it does not know of a side kept), with notices.
    fn resolve_sides(&mut self, corpus: &Corpus, n: &mut Notices) {
        for (name, side) in [
            ("a", &mut self.params.side_a),
            ("b", &mut self.params.side_b),
        ] {
            if side.as_mut().is_some_and(|s| !s.resolve(name, corpus, n)) {
                *side = None;
            }
        }
    }

    /// Drops an open statement the corpus does not have, or a paragraph
    /// it does not have, with a notice.
    fn resolve_doc(&mut self, corpus: &Corpus, n: &mut Notices) {
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
    }

    /// Whether this view is an analysis (a tab other than the results, no
    /// statement open): what the analysis worker computes.
    pub fn shows_analysis(&self) -> bool {
        self.doc.is_none() && self.tab != Tab::Results
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

/// The corpus ids of the values of `list` (ids of `facet`) that `find`
/// knows; each other value is dropped from `list` with the notice "Ignored
/// `facet` `value`: `why`."
fn known_ids(
    list: &mut Vec<String>,
    facet: Facet,
    why: &str,
    find: &dyn Fn(&str) -> Option<u16>,
    n: &mut Notices,
) -> Vec<u16> {
    let mut ids = Vec::new();
    list.retain(|value| match find(value) {
        Some(i) => {
            ids.push(i);
            true
        }
        None => {
            n.push(format!("Ignored {} {}: {why}.", facet.key(), quote(value)));
            false
        }
    });
    ids
}

/// Commas and colons are safe in a query string (RFC 3986) and far more
/// readable unescaped.
fn readable(encoded: String) -> String {
    encoded.replace("%2C", ",").replace("%3A", ":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_analysis_is_a_tab_other_than_results_with_no_statement_open() {
        let shows = |qs: &str| ViewState::decode(qs).0.shows_analysis();
        assert!(shows("view=trends&t=terrorism"));
        assert!(shows("q=kanal&view=collocates"));
        assert!(!shows(""));
        assert!(!shows("view=results&q=kanal"));
        assert!(!shows("view=trends&doc=2016-bordyuzha"));
        assert!(!shows("view=nonsense"));
    }

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
            "view=compare&a=speaker:bordyuzha",
            "view=compare&a=year:2004&b=year:2024",
            "q=terrorism&tsort=logdice&stop=show&min=3&l=3&r=0",
            "tsort=range&stem=1&stop=hide",
            "q=afghanistan&n=3&min=1&with=1",
            "view=trends&scale=raw",
            "view=compare&a=doc:2016-bordyuzha&b=theme:peacekeeping,counter-terrorism",
            "view=words&tsort=alpha&stem=1&stop=hide&min=3",
            "q=terrorism&view=ngrams&tsort=range&stop=show&n=3&min=1&with=1",
            "speaker=bordyuzha&view=summary",
            "q=terrorism&view=collocates",
            "q=terrorism&view=collocates&tsort=mi&stop=show&min=3&l=2&r=8",
            "q=afghanistan&speaker=bordyuzha&view=dispersion",
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
            params: Params {
                table_sort: Some(TableSort::Mi),
                by_stem: true,
                stop_words: Some(false),
                n: Some(4),
                min_freq: Some(7),
                left: Some(0),
                right: Some(10),
                with_query: true,
                side_a: Some(Subcorpus {
                    kind: super::super::subcorpus::SubcorpusKind::Year,
                    values: vec!["2004".into(), "2007".into()],
                }),
                side_b: Some(Subcorpus {
                    kind: super::super::subcorpus::SubcorpusKind::Speaker,
                    values: vec!["bordyuzha".into()],
                }),
                scale: Scale::Raw,
            },
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

    /// Links to the former distinctive-terms view open the comparison of
    /// that speaker or year against the rest.
    #[test]
    fn keywords_links_open_compare() {
        for (old, new) in [
            ("view=keywords&kw=2019", "view=compare&a=year:2019"),
            (
                "kw=Bordyuzha&view=keywords",
                "view=compare&a=speaker:bordyuzha",
            ),
            ("view=keywords", "view=compare"),
        ] {
            let (v, notices) = ViewState::decode(old);
            assert!(notices.is_empty(), "{old}: {notices:?}");
            assert_eq!(v.encode(), new, "{old}");
        }
    }

    #[test]
    fn bad_analysis_parameters_give_notices() {
        let cases = [
            ("n=1", 1),
            ("n=6&l=11&r=-1", 3),
            ("min=0&min=x", 2),
            ("tsort=random&stem=maybe&scale=log", 3),
            ("a=nonsense", 1),
            ("a=planet:mars", 1),
            ("a=year:abc", 2),
            ("b=speaker:%3Cb%3E", 2),
        ];
        for (qs, count) in cases {
            let (v, notices) = ViewState::decode(qs);
            assert_eq!(v.params, Params::default(), "{qs}");
            assert_eq!(notices.len(), count, "{qs}: {notices:?}");
        }
    }

    #[test]
    fn thousands_of_parameters_give_a_bounded_notice_list() {
        let qs: String = (0..5000).map(|i| format!("k{i}=v&")).collect();
        let (v, notices) = ViewState::decode(&qs);
        assert_eq!(v, ViewState::default());
        assert_eq!(notices.len(), super::super::notices::MAX_NOTICES + 1);
        let qs = format!("q={}", "a".repeat(100_000));
        let (v, notices) = ViewState::decode(&qs);
        assert_eq!(v.q.len(), MAX_Q_CHARS);
        assert_eq!(notices.len(), 1);
    }
}
