//! Citations: what a researcher pastes into a paper. Built in the core so
//! the reader, the exports and the tests all cite a passage the same way.
//!
//! The shape: `Bordyuzha, Nikolai (Secretary-General of the CSTO). “Title.”
//! Venue, 28 October 2016. S/PV.7796, para. 7. <permalink> (accessed 22
//! November 2026).`

use crate::model::{Corpus, DatePrecision, Statement};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "28 October 2016" from day, month (1–12) and year.
pub fn date_text(day: u32, month: u32, year: u32) -> String {
    let name = MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    format!("{day} {name} {year}")
}

/// A statement's date as "28 October 2016".
pub fn long_date(s: &Statement) -> String {
    date_text(s.date.day.into(), s.date.month.into(), s.date.year.into())
}

/// A statement's date as "2016-10-28", for `<time datetime>` and exports.
pub fn iso_date(s: &Statement) -> String {
    format!("{:04}-{:02}-{:02}", s.date.year, s.date.month, s.date.day)
}

/// ("Nikolai", "Bordyuzha"): the last word is the family name; a one-word
/// name is all family. The one rule every citation format splits names by.
pub fn name_parts(name: &str) -> (&str, &str) {
    let name = name.trim();
    match name.rsplit_once(' ') {
        Some((given, family)) => (given.trim_end(), family),
        None => ("", name),
    }
}

/// "Bordyuzha, Nikolai": family name first, as reference lists sort (and
/// RIS's `AU` and Highwire's `citation_author` want).
pub fn inverted_name(name: &str) -> String {
    match name_parts(name) {
        ("", family) => family.to_string(),
        (given, family) => format!("{family}, {given}"),
    }
}

/// A citation of statement `s` (or of its 1-based paragraph `para`) with a
/// permalink, the date it was accessed (if known: a page prerendered at
/// build time cannot know when it is read) and the corpus version it was
/// read in (so the text cited can be traced to the data). An inferred date
/// is marked so.
pub fn citation(
    corpus: &Corpus,
    s: &Statement,
    para: Option<u16>,
    permalink: &str,
    accessed: Option<&str>,
    corpus_version: &str,
) -> String {
    let speaker = &corpus.speaker(s.speaker).name;
    let inferred = if s.date.precision == DatePrecision::Inferred {
        " (date inferred)"
    } else {
        ""
    };
    let para = para.map(|p| format!(", para. {p}")).unwrap_or_default();
    let accessed = accessed
        .map(|date| format!(" (accessed {date})"))
        .unwrap_or_default();
    format!(
        "{} ({}). “{}.” {}, {}{}. {}{}. {}{}. Corpus version {}.",
        inverted_name(speaker),
        s.role,
        s.title.trim_end_matches('.'),
        s.venue,
        long_date(s),
        inferred,
        s.record,
        para,
        permalink,
        accessed,
        corpus_version
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn cites_speaker_role_venue_date_record_paragraph_and_link() {
        let mut s = Statement::bare("2004-kazykhanov", 0, 2004, vec![]);
        s.title = "Statement.".into();
        s.role = "Permanent Representative".into();
        s.date = Date {
            year: 2004,
            month: 7,
            day: 19,
            precision: DatePrecision::Inferred,
            note: None,
        };
        s.venue = "UN Security Council".into();
        s.record = "UN verbatim record".into();
        let corpus = Corpus {
            statements: vec![],
            speakers: vec![Speaker {
                id: "k".into(),
                name: "Yerzhan Kazykhanov".into(),
            }],
            themes: vec![],
            aliases: vec![],
            entities: vec![],
        };
        assert_eq!(
            citation(
                &corpus,
                &s,
                Some(3),
                "https://h/x/statements/2004-kazykhanov/#p3",
                Some("1 May 2026"),
                "0123456789ab"
            ),
            "Kazykhanov, Yerzhan (Permanent Representative). “Statement.” UN Security Council, \
             19 July 2004 (date inferred). UN verbatim record, para. 3. \
             https://h/x/statements/2004-kazykhanov/#p3 (accessed 1 May 2026). Corpus version 0123456789ab."
        );
        // Prerendered: no reader, no access date.
        assert!(
            citation(&corpus, &s, None, "statements/2004-kazykhanov/", None, "v")
                .ends_with("UN verbatim record. statements/2004-kazykhanov/. Corpus version v.")
        );
    }
}
