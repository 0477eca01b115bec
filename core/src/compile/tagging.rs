//! Theme tagging of the loaded corpus: every passage tagged by the theme
//! rules, seeing the entity mentions of its paragraph and of the one
//! before, and each statement's themes weighed from its passages'.

use super::themes::{weights, Mentioned, Paragraph, ThemeMatcher, ThemeRules};
use crate::model::{Corpus, EntityKind};

/// Tags every passage with themes, seeing the entity mentions of its
/// paragraph and the paragraph before it, and weighs each statement's themes.
pub(super) fn tag_themes(corpus: &mut Corpus, rules: &[ThemeRules]) {
    let matcher = ThemeMatcher::with_rules(&corpus.themes, rules);
    // mentions[statement][paragraph]
    let mut mentions: Vec<Vec<Vec<Mentioned>>> = corpus
        .statements
        .iter()
        .map(|s| vec![Vec::new(); s.passages.len()])
        .collect();
    for e in &corpus.entities {
        let name = matches!(e.kind, EntityKind::Organization | EntityKind::Operation);
        for m in &e.mentions {
            mentions[m.statement as usize][m.paragraph as usize].push(Mentioned {
                start: m.start as usize,
                end: m.end as usize,
                key: &e.key,
                name,
            });
        }
    }
    let tags: Vec<_> = corpus
        .statements
        .iter()
        .zip(&mentions)
        .map(|(s, mentions)| {
            let paragraphs: Vec<Paragraph> = s
                .passages
                .iter()
                .zip(mentions)
                .map(|(p, m)| Paragraph {
                    text: &p.text,
                    mentions: m,
                })
                .collect();
            matcher.tag_statement(&paragraphs)
        })
        .collect();
    let n_themes = corpus.themes.len();
    for (statement, tags) in corpus.statements.iter_mut().zip(tags) {
        for (passage, tags) in statement.passages.iter_mut().zip(tags) {
            passage.themes = tags;
        }
        statement.themes = weights(&statement.passages, n_themes);
    }
}
