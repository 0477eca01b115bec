//! A subcorpus as the URL picks it for a side of a comparison
//! (`a=year:2004`, `b=speaker:tasmagambetov`): a set of statements named by
//! statement id, speaker, year or theme. A missing B is "the rest": every
//! filtered statement not on side A. (Which side a compared term leans to,
//! A or B, is `analysis::Side`.)

use super::notices::{parse_year, quote, Notices};
use crate::model::{Corpus, StatementId};
use crate::util::slug::is_slug;

/// How a subcorpus names its statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubcorpusKind {
    /// Statement ids (`doc:2016-bordyuzha`).
    Statement,
    /// Speaker ids (`speaker:bordyuzha`).
    Speaker,
    /// Years (`year:2004,2007`).
    Year,
    /// Theme ids (`theme:peacekeeping`): the statements with a paragraph
    /// tagged with one of them.
    Theme,
}

impl SubcorpusKind {
    const ALL: [SubcorpusKind; 4] = [
        SubcorpusKind::Statement,
        SubcorpusKind::Speaker,
        SubcorpusKind::Year,
        SubcorpusKind::Theme,
    ];

    /// The URL prefix (`year` in `a=year:2004`).
    pub fn key(self) -> &'static str {
        match self {
            SubcorpusKind::Statement => "doc",
            SubcorpusKind::Speaker => "speaker",
            SubcorpusKind::Year => "year",
            SubcorpusKind::Theme => "theme",
        }
    }
}

/// The statements the URL picks for one side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subcorpus {
    pub kind: SubcorpusKind,
    /// Ids (or years as text), at least one, without repeats.
    pub values: Vec<String>,
}

/// The most values one subcorpus may name.
const MAX_SIDE_VALUES: usize = 32;

impl Subcorpus {
    /// Reads `kind:v1,v2`; `None` with a notice when it is not one.
    pub(super) fn decode(name: &str, value: &str, n: &mut Notices) -> Option<Subcorpus> {
        let Some((kind, list)) = value.split_once(':') else {
            n.push(format!(
                "Ignored {name} {}: write it as year:2004, speaker:…, doc:… or theme:….",
                quote(value)
            ));
            return None;
        };
        let kind = kind.trim().to_ascii_lowercase();
        let Some(kind) = SubcorpusKind::ALL.into_iter().find(|k| k.key() == kind) else {
            n.push(format!(
                "Ignored {name} {}: a side is chosen by doc, speaker, year or theme.",
                quote(value)
            ));
            return None;
        };
        let mut values: Vec<String> = Vec::new();
        for v in list.split(',').map(str::trim).filter(|v| !v.is_empty()) {
            let v = v.to_ascii_lowercase();
            let ok = match kind {
                SubcorpusKind::Year => parse_year(&v).is_some(),
                _ => is_slug(&v),
            };
            if !ok {
                n.push(format!(
                    "Ignored {name} value {}: not a valid name.",
                    quote(&v)
                ));
            } else if values.len() < MAX_SIDE_VALUES && !values.contains(&v) {
                values.push(v);
            }
        }
        if values.is_empty() {
            n.push(format!(
                "Ignored {name} {}: it names nothing.",
                quote(value)
            ));
            return None;
        }
        Some(Subcorpus { kind, values })
    }

    /// `kind:v1,v2`.
    pub fn encode(&self) -> String {
        format!("{}:{}", self.kind.key(), self.values.join(","))
    }

    /// Drops values the corpus does not know (with notices); `false` when
    /// none is left.
    pub(super) fn resolve(&mut self, name: &str, corpus: &Corpus, n: &mut Notices) -> bool {
        let kind = self.kind;
        self.values.retain(|v| {
            let known = match kind {
                SubcorpusKind::Statement => corpus.statement_by_key(v).is_some(),
                SubcorpusKind::Speaker => corpus.speakers.iter().any(|s| &s.id == v),
                SubcorpusKind::Year => corpus
                    .statements
                    .iter()
                    .any(|s| s.date.year.to_string() == *v),
                SubcorpusKind::Theme => corpus.themes.iter().any(|t| &t.id == v),
            };
            if !known {
                n.push(format!(
                    "Ignored {name} {} {}: not in the corpus.",
                    kind.key(),
                    quote(v)
                ));
            }
            known
        });
        !self.values.is_empty()
    }

    /// Whether statement `s` is on this side.
    pub fn contains(&self, corpus: &Corpus, s: StatementId) -> bool {
        let st = &corpus.statements[s as usize];
        match self.kind {
            SubcorpusKind::Statement => self.values.contains(&st.id),
            SubcorpusKind::Speaker => self.values.contains(&corpus.speaker(st.speaker).id),
            SubcorpusKind::Year => self.values.contains(&st.date.year.to_string()),
            SubcorpusKind::Theme => st.passages.iter().any(|p| {
                p.themes
                    .iter()
                    .any(|t| self.values.contains(&corpus.theme(t.theme).id))
            }),
        }
    }

    /// A short label for headings: `2004`, `Bordyuzha`, `2016-bordyuzha`.
    pub fn label(&self, corpus: &Corpus) -> String {
        let names: Vec<String> = self
            .values
            .iter()
            .map(|v| match self.kind {
                SubcorpusKind::Speaker => corpus
                    .speakers
                    .iter()
                    .find(|s| &s.id == v)
                    .map_or_else(|| v.clone(), |s| s.name.clone()),
                SubcorpusKind::Theme => corpus
                    .themes
                    .iter()
                    .find(|t| &t.id == v)
                    .map_or_else(|| v.clone(), |t| t.label.clone()),
                SubcorpusKind::Statement | SubcorpusKind::Year => v.clone(),
            })
            .collect();
        names.join(" + ")
    }
}
