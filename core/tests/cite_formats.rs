//! BibTeX, RIS and CSL-JSON records (`csto_core::analysis::cite_formats`) against
//! records written out by hand: the 2016 statement and its paragraph 7 with
//! their real metadata (copied from `corpus/statements/2016-bordyuzha.toml`),
//! and a made-up statement with an inferred date and every character the
//! formats must escape. Then the CSL-JSON against the CSL 1.0.2 schema's
//! required fields and type list, the JSON string escaper against
//! serde_json's parser, and (with feature `compile`) every statement of the
//! seed corpus in every format.

use csto_core::analysis::cite_formats::{
    bibtex, citation_key, csl_json, json_string, ris, CiteFormat, Ymd,
};
use csto_core::model::*;
use proptest::prelude::*;

const ACCESSED: Ymd = Ymd::new(2026, 11, 22);
const VERSION: &str = "0123456789ab";
const PAGE: &str = "https://example.org/csto/statements/2016-bordyuzha/";
const PARA_7: &str = "https://example.org/csto/statements/2016-bordyuzha/?p=7";

/// The types of the CSL 1.0.2 schema (`csl-data.json`, item `type` enum).
const CSL_TYPES: &[&str] = &[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
];

fn one_statement_corpus(speaker: &str, s: Statement) -> Corpus {
    Corpus {
        statements: vec![s],
        speakers: vec![Speaker {
            id: "a".into(),
            name: speaker.into(),
        }],
        themes: vec![],
        aliases: vec![],
        entities: vec![],
    }
}

/// The 2016 statement's metadata as `corpus/statements/2016-bordyuzha.toml` has it.
fn bordyuzha() -> Corpus {
    let mut s = Statement::bare("2016-bordyuzha", 0, 2016, vec![]);
    s.title = "Statement to the Security Council on cooperation between the UN and the CSTO, \
               CIS and SCO in maintaining international peace and security"
        .into();
    s.role = "Secretary-General of the CSTO".into();
    s.date = Date {
        year: 2016,
        month: 10,
        day: 28,
        precision: DatePrecision::Exact,
        note: None,
    };
    s.venue = "UN Security Council debate on cooperation between the United Nations and the \
               CSTO, CIS and SCO"
        .into();
    s.record = "S/PV.7796".into();
    s.record_url = Some("https://undocs.org/S/PV.7796".into());
    s.kind = "statement, UN verbatim record".into();
    one_statement_corpus("Nikolai Bordyuzha", s)
}

/// Inferred date, a non-ASCII name, and in the title, role and note every
/// character BibTeX or JSON must escape, plus a tab, a newline and a
/// control character that no format should keep.
fn awkward() -> Corpus {
    let mut s = Statement::bare("2004-nunez", 0, 2004, vec![]);
    s.title = r#"Kanal & Proxy: 100% of $5 costs, case #1_a {draft} ~x^2 \ "quoted""#.into();
    s.role = "Envoy\tof the CSTO & OSCE\n(acting)".into();
    s.date = Date {
        year: 2004,
        month: 7,
        day: 19,
        precision: DatePrecision::Inferred,
        note: Some("From the UN calendar.".into()),
    };
    s.venue = r#"UN Security Council, 5000th meeting ("Threats")"#.into();
    s.record = "UN verbatim record (symbol not confirmed)".into();
    s.kind = "statement, UN verbatim record".into();
    s.note = Some("Control\u{1}char.".into());
    one_statement_corpus("José Núñez", s)
}

const AWKWARD_URL: &str = "https://h/x/?doc=2004-nunez&q=a%20b";
const AWKWARD_ACCESSED: Ymd = Ymd::new(2026, 5, 1);

/// RIS lines joined as the format wants them: CRLF after each.
fn crlf(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\r\n")).collect()
}

#[test]
fn bibtex_of_a_statement() {
    let c = bordyuzha();
    let expected = r"@misc{bordyuzha2016,
  author       = {Bordyuzha, Nikolai},
  title        = {Statement to the {Security Council} on cooperation between the {UN} and the {CSTO, CIS} and {SCO} in maintaining international peace and security},
  howpublished = {UN Security Council debate on cooperation between the United Nations and the CSTO, CIS and SCO},
  organization = {United Nations},
  type         = {Speech},
  number       = {S/PV.7796},
  date         = {2016-10-28},
  year         = {2016},
  month        = oct,
  url          = {https://example.org/csto/statements/2016-bordyuzha/},
  urldate      = {2026-11-22},
  note         = {Secretary-General of the CSTO. S/PV.7796. Corpus version 0123456789ab}
}
";
    assert_eq!(
        bibtex(&c, &c.statements[0], None, PAGE, ACCESSED, VERSION),
        expected
    );
}

#[test]
fn bibtex_of_a_paragraph() {
    let c = bordyuzha();
    let expected = r"@misc{bordyuzha2016p7,
  author       = {Bordyuzha, Nikolai},
  title        = {Statement to the {Security Council} on cooperation between the {UN} and the {CSTO, CIS} and {SCO} in maintaining international peace and security},
  howpublished = {UN Security Council debate on cooperation between the United Nations and the CSTO, CIS and SCO},
  organization = {United Nations},
  type         = {Speech},
  number       = {S/PV.7796},
  date         = {2016-10-28},
  year         = {2016},
  month        = oct,
  url          = {https://example.org/csto/statements/2016-bordyuzha/?p=7},
  urldate      = {2026-11-22},
  note         = {Secretary-General of the CSTO. S/PV.7796. Paragraph 7. Corpus version 0123456789ab}
}
";
    assert_eq!(
        bibtex(&c, &c.statements[0], Some(7), PARA_7, ACCESSED, VERSION),
        expected
    );
}

#[test]
fn bibtex_escapes_specials_keeps_utf8_and_says_the_date_is_inferred() {
    let c = awkward();
    let expected = r#"@misc{nunez2004p3,
  author       = {Núñez, José},
  title        = {Kanal \& {Proxy:} 100\% of \$5 costs, case \#1\_a \textbraceleft{}draft\textbraceright{} \textasciitilde{}x\textasciicircum{}2 \textbackslash{} "quoted"},
  howpublished = {UN Security Council, 5000th meeting ("Threats")},
  type         = {Speech},
  date         = {2004-07-19},
  year         = {2004},
  month        = jul,
  url          = {https://h/x/?doc=2004-nunez&q=a%20b},
  urldate      = {2026-05-01},
  note         = {Envoy of the CSTO \& OSCE (acting). UN verbatim record (symbol not confirmed). Control char. Date inferred. Paragraph 3. Corpus version v1}
}
"#;
    assert_eq!(
        bibtex(
            &c,
            &c.statements[0],
            Some(3),
            AWKWARD_URL,
            AWKWARD_ACCESSED,
            "v1"
        ),
        expected
    );
}

#[test]
fn ris_of_a_statement() {
    let c = bordyuzha();
    let expected = crlf(&[
        "TY  - SLIDE",
        "AU  - Bordyuzha, Nikolai",
        "TI  - Statement to the Security Council on cooperation between the UN and the CSTO, CIS and SCO in maintaining international peace and security",
        "T2  - UN Security Council debate on cooperation between the United Nations and the CSTO, CIS and SCO",
        "M3  - Speech",
        "DA  - 2016/10/28/",
        "PY  - 2016",
        "PB  - United Nations",
        "M1  - S/PV.7796",
        "UR  - https://example.org/csto/statements/2016-bordyuzha/",
        "Y2  - 2026/11/22/",
        "N1  - Secretary-General of the CSTO. S/PV.7796. Corpus version 0123456789ab",
        "ER  - ",
    ]);
    assert_eq!(
        ris(&c, &c.statements[0], None, PAGE, ACCESSED, VERSION),
        expected
    );
}

#[test]
fn ris_of_a_paragraph() {
    let c = bordyuzha();
    let expected = crlf(&[
        "TY  - SLIDE",
        "AU  - Bordyuzha, Nikolai",
        "TI  - Statement to the Security Council on cooperation between the UN and the CSTO, CIS and SCO in maintaining international peace and security",
        "T2  - UN Security Council debate on cooperation between the United Nations and the CSTO, CIS and SCO",
        "M3  - Speech",
        "DA  - 2016/10/28/",
        "PY  - 2016",
        "PB  - United Nations",
        "M1  - S/PV.7796",
        "UR  - https://example.org/csto/statements/2016-bordyuzha/?p=7",
        "Y2  - 2026/11/22/",
        "N1  - Secretary-General of the CSTO. S/PV.7796. Paragraph 7. Corpus version 0123456789ab",
        "ER  - ",
    ]);
    assert_eq!(
        ris(&c, &c.statements[0], Some(7), PARA_7, ACCESSED, VERSION),
        expected
    );
}

#[test]
fn ris_keeps_text_as_is_on_one_line_and_says_the_date_is_inferred() {
    let c = awkward();
    let expected = crlf(&[
        "TY  - SLIDE",
        "AU  - Núñez, José",
        r#"TI  - Kanal & Proxy: 100% of $5 costs, case #1_a {draft} ~x^2 \ "quoted""#,
        r#"T2  - UN Security Council, 5000th meeting ("Threats")"#,
        "M3  - Speech",
        "DA  - 2004/07/19/",
        "PY  - 2004",
        "UR  - https://h/x/?doc=2004-nunez&q=a%20b",
        "Y2  - 2026/05/01/",
        "N1  - Envoy of the CSTO & OSCE (acting). UN verbatim record (symbol not confirmed). Control char. Date inferred. Corpus version v1",
        "ER  - ",
    ]);
    assert_eq!(
        ris(
            &c,
            &c.statements[0],
            None,
            AWKWARD_URL,
            AWKWARD_ACCESSED,
            "v1"
        ),
        expected
    );
}

#[test]
fn csl_json_of_a_statement() {
    let c = bordyuzha();
    let expected = r#"[
  {
    "id": "bordyuzha2016",
    "type": "speech",
    "genre": "Speech",
    "title": "Statement to the Security Council on cooperation between the UN and the CSTO, CIS and SCO in maintaining international peace and security",
    "author": [{"family": "Bordyuzha", "given": "Nikolai"}],
    "issued": {"date-parts": [[2016, 10, 28]]},
    "event-title": "UN Security Council debate on cooperation between the United Nations and the CSTO, CIS and SCO",
    "publisher": "United Nations",
    "number": "S/PV.7796",
    "URL": "https://example.org/csto/statements/2016-bordyuzha/",
    "accessed": {"date-parts": [[2026, 11, 22]]},
    "note": "Secretary-General of the CSTO. S/PV.7796. Corpus version 0123456789ab"
  }
]
"#;
    assert_eq!(
        csl_json(&c, &c.statements[0], None, PAGE, ACCESSED, VERSION),
        expected
    );
}

#[test]
fn csl_json_of_a_paragraph() {
    let c = bordyuzha();
    let expected = r#"[
  {
    "id": "bordyuzha2016p7",
    "type": "speech",
    "genre": "Speech",
    "title": "Statement to the Security Council on cooperation between the UN and the CSTO, CIS and SCO in maintaining international peace and security",
    "author": [{"family": "Bordyuzha", "given": "Nikolai"}],
    "issued": {"date-parts": [[2016, 10, 28]]},
    "event-title": "UN Security Council debate on cooperation between the United Nations and the CSTO, CIS and SCO",
    "publisher": "United Nations",
    "number": "S/PV.7796",
    "URL": "https://example.org/csto/statements/2016-bordyuzha/?p=7",
    "accessed": {"date-parts": [[2026, 11, 22]]},
    "note": "Secretary-General of the CSTO. S/PV.7796. Paragraph 7. Corpus version 0123456789ab"
  }
]
"#;
    assert_eq!(
        csl_json(&c, &c.statements[0], Some(7), PARA_7, ACCESSED, VERSION),
        expected
    );
}

#[test]
fn csl_json_escapes_quotes_and_backslashes_and_marks_an_inferred_date_circa() {
    let c = awkward();
    let expected = r#"[
  {
    "id": "nunez2004",
    "type": "speech",
    "genre": "Speech",
    "title": "Kanal & Proxy: 100% of $5 costs, case #1_a {draft} ~x^2 \\ \"quoted\"",
    "author": [{"family": "Núñez", "given": "José"}],
    "issued": {"date-parts": [[2004, 7, 19]], "circa": true},
    "event-title": "UN Security Council, 5000th meeting (\"Threats\")",
    "URL": "https://h/x/?doc=2004-nunez&q=a%20b",
    "accessed": {"date-parts": [[2026, 5, 1]]},
    "note": "Envoy of the CSTO & OSCE (acting). UN verbatim record (symbol not confirmed). Control char. Date inferred. Corpus version v1"
  }
]
"#;
    assert_eq!(
        csl_json(
            &c,
            &c.statements[0],
            None,
            AWKWARD_URL,
            AWKWARD_ACCESSED,
            "v1"
        ),
        expected
    );
}

/// The one item of a CSL-JSON array, checked against the CSL 1.0.2 schema's
/// required fields (`type`, `id`) and the ones the issue asks for (`title`,
/// `author`, `issued`), each of its schema type.
fn check_csl_item(json: &str) -> serde_json::Value {
    let parsed: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    let items = parsed.as_array().expect("an array of items");
    assert_eq!(items.len(), 1, "{json}");
    let item = &items[0];
    let ty = item["type"].as_str().expect("type is a string");
    assert!(CSL_TYPES.contains(&ty), "type {ty} is not a CSL 1.0.2 type");
    assert!(item["id"].is_string(), "{json}");
    assert!(!item["title"].as_str().expect("title").is_empty());
    let authors = item["author"].as_array().expect("author is an array");
    assert!(!authors.is_empty());
    for a in authors {
        assert!(
            a["family"].is_string() || a["literal"].is_string(),
            "{json}"
        );
    }
    let parts = item["issued"]["date-parts"][0]
        .as_array()
        .expect("issued.date-parts[0]");
    assert!((1..=3).contains(&parts.len()) && parts.iter().all(|p| p.is_u64()));
    item.clone()
}

#[test]
fn csl_json_parses_and_has_the_schemas_required_fields() {
    for (c, url) in [(bordyuzha(), PARA_7), (awkward(), AWKWARD_URL)] {
        for para in [None, Some(1)] {
            let json = csl_json(&c, &c.statements[0], para, url, ACCESSED, VERSION);
            let item = check_csl_item(&json);
            // what was escaped comes back as it was
            assert_eq!(item["title"], c.statements[0].title.as_str());
            assert_eq!(item["URL"], url);
        }
    }
}

#[test]
fn json_string_escapes_quotes_backslashes_and_control_characters() {
    for (input, expected) in [
        ("plain", r#""plain""#),
        ("a\"b", r#""a\"b""#),
        ("a\\b", r#""a\\b""#),
        ("\n\r\t", r#""\n\r\t""#),
        ("\u{0}\u{1}\u{1f}\u{7f}", r#""\u0000\u0001\u001f\u007f""#),
        ("Núñez — “CSTO” 🕊", "\"Núñez — “CSTO” 🕊\""),
        ("/ and \u{2028}", "\"/ and \u{2028}\""),
    ] {
        assert_eq!(json_string(input), expected, "{input:?}");
        let back: String = serde_json::from_str(&json_string(input)).unwrap();
        assert_eq!(back, input);
    }
}

proptest! {
    #[test]
    fn json_string_round_trips_through_serde_json(s in any::<String>()) {
        let back: String = serde_json::from_str(&json_string(&s)).unwrap();
        prop_assert_eq!(back, s);
    }
}

#[test]
fn keys_tell_apart_two_statements_of_a_speaker_in_a_year() {
    let mut c = bordyuzha();
    let mut second = c.statements[0].clone();
    second.id = "2016-bordyuzha-2".into();
    c.statements.push(second);
    assert_eq!(citation_key(&c, &c.statements[0], None), "bordyuzha2016a");
    assert_eq!(
        citation_key(&c, &c.statements[1], Some(2)),
        "bordyuzha2016bp2"
    );
}

#[test]
fn formats_name_their_files() {
    let names: Vec<_> = CiteFormat::ALL
        .iter()
        .map(|f| (f.label(), f.extension(), f.mime()))
        .collect();
    assert_eq!(
        names,
        [
            ("BibTeX", "bib", "application/x-bibtex"),
            ("RIS", "ris", "application/x-research-info-systems"),
            (
                "CSL-JSON",
                "json",
                "application/vnd.citationstyles.csl+json"
            ),
        ]
    );
}

/// Braces balance, counted as BibTeX counts them (a backslash does not
/// hide a brace).
fn braces_balance(bib: &str) -> bool {
    let mut depth = 0i32;
    for c in bib.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// Every line `XX  - value` with CRLF, `TY` first and `ER` last.
fn ris_well_formed(ris: &str) -> bool {
    let Some(body) = ris.strip_suffix("\r\n") else {
        return false;
    };
    let lines: Vec<&str> = body.split("\r\n").collect();
    lines.first().is_some_and(|l| l.starts_with("TY  - "))
        && lines.last() == Some(&"ER  - ")
        && lines.iter().all(|l| {
            let b = l.as_bytes();
            b.len() >= 6
                && b[0].is_ascii_uppercase()
                && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
                && &b[2..6] == b"  - "
                && !l.contains('\n')
                && !l.contains('\r')
        })
}

#[test]
fn records_are_well_formed() {
    for c in [bordyuzha(), awkward()] {
        let s = &c.statements[0];
        assert!(braces_balance(&bibtex(
            &c,
            s,
            Some(2),
            AWKWARD_URL,
            ACCESSED,
            "v"
        )));
        assert!(ris_well_formed(&ris(
            &c,
            s,
            Some(2),
            AWKWARD_URL,
            ACCESSED,
            "v"
        )));
    }
}

/// Every statement of the seed corpus, in every format, for the statement
/// and its first and last paragraphs.
#[cfg(feature = "compile")]
#[test]
fn every_seed_statement_renders_in_every_format() {
    use std::collections::HashSet;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let corpus = csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(corpus.statements.len(), 5);
    let mut keys = HashSet::new();
    for s in &corpus.statements {
        let family = surname(&corpus.speaker(s.speaker).name);
        let year = s.date.year.to_string();
        let last = u16::try_from(s.passages.len()).unwrap();
        assert!(last > 0, "{}", s.id);
        for para in [None, Some(1), Some(last)] {
            let link = match para {
                Some(p) => format!("https://example.org/csto/statements/{}/?p={p}", s.id),
                None => format!("https://example.org/csto/statements/{}/", s.id),
            };
            for f in CiteFormat::ALL {
                let out = f.render(&corpus, s, para, &link, ACCESSED, VERSION);
                for needed in [family, year.as_str(), link.as_str()] {
                    assert!(
                        out.contains(needed),
                        "{} {para:?} {}: no {needed}\n{out}",
                        s.id,
                        f.label()
                    );
                }
                match f {
                    CiteFormat::BibTex => assert!(braces_balance(&out), "{out}"),
                    CiteFormat::Ris => assert!(ris_well_formed(&out), "{out}"),
                    CiteFormat::CslJson => {
                        let item = check_csl_item(&out);
                        assert_eq!(item["URL"], link.as_str());
                        assert_eq!(item["author"][0]["family"], family);
                    }
                }
            }
            assert!(keys.insert(citation_key(&corpus, s, para)), "{}", s.id);
        }
        let inferred = s.date.precision == DatePrecision::Inferred;
        let ris_out = ris(&corpus, s, None, "u", ACCESSED, VERSION);
        assert_eq!(ris_out.contains("Date inferred"), inferred, "{}", s.id);
        let csl_out = csl_json(&corpus, s, None, "u", ACCESSED, VERSION);
        assert_eq!(csl_out.contains("\"circa\": true"), inferred, "{}", s.id);
    }
    // The kinds of the seed corpus, as the module docs map them.
    let types: Vec<String> = corpus
        .statements
        .iter()
        .map(|s| {
            let item = check_csl_item(&csl_json(&corpus, s, None, "u", ACCESSED, VERSION));
            let ty = ris(&corpus, s, None, "u", ACCESSED, VERSION);
            format!(
                "{} {} {}",
                s.id,
                item["type"].as_str().unwrap(),
                &ty[6..ty.find('\r').unwrap()]
            )
        })
        .collect();
    assert_eq!(
        types,
        [
            "2004-kazykhanov speech SLIDE",
            "2007-nazarbayev report RPRT",
            "2016-bordyuzha speech SLIDE",
            "2019-semerikov speech SLIDE",
            "2024-tasmagambetov speech SLIDE",
        ]
    );
    // A UN symbol is a record number only where the text cited is that record.
    let numbered: Vec<&str> = corpus
        .statements
        .iter()
        .filter(|s| bibtex(&corpus, s, None, "u", ACCESSED, VERSION).contains("  number "))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(numbered, ["2016-bordyuzha", "2019-semerikov"]);
}
