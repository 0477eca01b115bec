//! Citations for reference managers: BibTeX (biblatex), RIS and CSL-JSON of
//! a statement or of one of its 1-based paragraphs. [`cite`](super::cite)
//! writes the sentence a reader pastes into a text; this module writes the
//! record Zotero, JabRef, EndNote, pandoc or LaTeX import, from the same
//! metadata and with the same permalink, so the two never disagree.
//!
//! Each function takes what [`citation`](super::cite::citation) takes, but the
//! date of access as a [`Ymd`]: BibTeX's `urldate`, RIS's `Y2` and CSL's
//! `accessed` are machine dates, not the prose "22 November 2026".
//!
//! # What each record carries, and why
//!
//! | | BibTeX | RIS | CSL-JSON |
//! |---|---|---|---|
//! | speech (kind `statement…`) | `@misc`, `type = {Speech}` | `TY  - SLIDE`, `M3  - Speech` | `"type": "speech"` |
//! | press release | `@misc`, `type = {Press release}` | `TY  - RPRT`, `M3  - Press release` | `"type": "report"`, `"genre": "Press release"` |
//! | any other kind | `@misc` | `TY  - GEN` | `"type": "document"` |
//! | speaker | `author = {Family, Given}` | `AU  - Family, Given` | `"author": [{"family", "given"}]` |
//! | venue (the meeting) | `howpublished` | `T2` | `"event-title"` |
//! | UN symbol (`S/PV.7796`) | `number`, `organization = {United Nations}` | `M1`, `PB  - United Nations` | `"number"`, `"publisher": "United Nations"` |
//! | date | `date`, `year`, `month` | `DA  - 2016/10/28/`, `PY` | `"issued"`; inferred: `"circa": true` |
//! | permalink, accessed | `url`, `urldate` | `UR`, `Y2` | `"URL"`, `"accessed"` |
//! | role, record, caveat, "Date inferred", "Paragraph 7", corpus version | `note` | `N1` | `"note"` |
//! | paragraph | key `bordyuzha2016p7` | (`N1`, `UR`) | `"id": "bordyuzha2016p7"` |
//!
//! - **Types.** biblatex has no speech type; `@misc` with `type` is what it
//!   offers. RIS has no speech type either: neither `SPEECH` nor `PRESS` is
//!   in the type map of Zotero's RIS translator (zotero/translators
//!   `RIS.js`, 2023-07-28), which imports a type it does not know as its
//!   default, a journal article. So a speech is `SLIDE`, which Zotero
//!   reads as a *presentation* (with `T2` its meeting name and `M3` its type,
//!   "Speech"), and a press release is `RPRT` (a Zotero *report*) of type
//!   "Press release". CSL 1.0.2 has `speech`; for the press release,
//!   `report` with `genre` "Press release", which APA styles print as
//!   "[Press release]". A reference manager's `M1` for a presentation lands
//!   in Zotero's Extra field; the symbol is in the note as well.
//! - **The UN symbol** is a record number only when the text cited *is* that
//!   record (`record = "S/PV.7796"`). The 2024 text is the CSTO website's, so
//!   its record sentence, which names S/PV.9688, goes into the note instead.
//! - **No place** (`CY`, `event-place`, `location`): the model has none, and
//!   none is invented.
//! - **A paragraph** is the statement's record with the paragraph's
//!   permalink, "Paragraph N" in the note and `pN` on the key/id; the title
//!   stays the statement's. CSL's `locator` belongs to a citation, not to an
//!   item, so it is not used.
//! - **Keys** are the speaker's family name folded to ASCII letters, and the
//!   year: `bordyuzha2016`. Two statements of one speaker in one year get
//!   `a`, `b`, … in corpus order (`bordyuzha2016a`), so keys are unique in a
//!   corpus and stable while it does not change.
//! - **Inferred dates** say "Date inferred" in every note; CSL also marks the
//!   date `circa`, its only flag for an uncertain date.
//!
//! # BibTeX escaping
//!
//! `% & $ # _` become `\%` `\&` `\$` `\#` `\_`; `~ ^ \` become
//! `\textasciitilde{}`, `\textasciicircum{}`, `\textbackslash{}`; `{ }`
//! become `\textbraceleft{}` `\textbraceright{}`, because BibTeX matches
//! braces before TeX reads backslashes, so `\{` alone would unbalance the
//! field. In the title, each run of words with a capital letter (after the
//! first word) is wrapped in braces, `{UN Security Council}`, so styles that
//! lower-case titles keep names and acronyms. `url` is verbatim in biblatex
//! and is not escaped; only characters that would break the field (braces,
//! backslash, whitespace) are percent-encoded. Non-ASCII characters stay
//! UTF-8: the target is biblatex with biber (and Zotero, JabRef), which read
//! UTF-8; classic BibTeX prints them with `\usepackage[utf8]{inputenc}` but
//! may sort them oddly. The entry has `date` (biblatex) and `year`/`month`
//! (classic BibTeX styles, which know no `date`); biber may warn that
//! `date` overrides `year`, which is what it should do. Drop `year` and
//! `month` if only biblatex matters.
//!
//! # JSON
//!
//! The CSL-JSON is written by hand ([`json_string`] and one object writer),
//! not with serde_json: the core ships in the page's wasm, where serde_json's
//! serializer would be new code (the app's exports use the browser's
//! `JSON.stringify`), and the records are flat strings and integers. The
//! escaper writes `\"`, `\\`, `\n`, `\r`, `\t` and every other control
//! character as `\u00XX`, and is tested against serde_json's parser
//! (a dev-dependency). Measured on 2026-12-06 in a stand-alone wasm32
//! cdylib (opt-level "z", LTO) that renders one item: with serde_json's
//! `to_string_pretty` of a derived item struct instead of this writer, the
//! module grew from 46,323 to 57,154 bytes (brotli 18,033 to 21,792), and
//! that build leaves out this module's note and key code, so serde_json's
//! own share is at least the 10.6 KiB (3.7 KiB brotli) difference.
//!
//! # Shapes, paragraph 7 of the 2016 statement
//!
//! ```text
//! @misc{bordyuzha2016p7,
//!   author       = {Bordyuzha, Nikolai},
//!   title        = {Statement to the {Security Council} on cooperation between the {UN} and the {CSTO, CIS} and {SCO} in maintaining international peace and security},
//!   howpublished = {UN Security Council debate on cooperation between the United Nations and the CSTO, CIS and SCO},
//!   organization = {United Nations},
//!   type         = {Speech},
//!   number       = {S/PV.7796},
//!   date         = {2016-10-28},
//!   year         = {2016},
//!   month        = oct,
//!   url          = {https://example.org/csto/statements/2016-bordyuzha/?p=7},
//!   urldate      = {2026-11-22},
//!   note         = {Secretary-General of the CSTO. S/PV.7796. Paragraph 7. Corpus version 0123456789ab}
//! }
//! ```
//!
//! ```text
//! TY  - SLIDE
//! AU  - Bordyuzha, Nikolai
//! TI  - Statement to the Security Council on cooperation …
//! T2  - UN Security Council debate on cooperation …
//! M3  - Speech
//! DA  - 2016/10/28/
//! PY  - 2016
//! PB  - United Nations
//! M1  - S/PV.7796
//! UR  - https://example.org/csto/statements/2016-bordyuzha/?p=7
//! Y2  - 2026/11/22/
//! N1  - Secretary-General of the CSTO. S/PV.7796. Paragraph 7. Corpus version 0123456789ab
//! ER  -
//! ```
//!
//! (lines end in CRLF, as the RIS specification says), and CSL-JSON, an
//! array of one item as CSL processors read a file:
//!
//! ```text
//! [
//!   {
//!     "id": "bordyuzha2016p7",
//!     "type": "speech",
//!     "genre": "Speech",
//!     "title": "Statement to the Security Council on cooperation …",
//!     "author": [{"family": "Bordyuzha", "given": "Nikolai"}],
//!     "issued": {"date-parts": [[2016, 10, 28]]},
//!     "event-title": "UN Security Council debate on cooperation …",
//!     "publisher": "United Nations",
//!     "number": "S/PV.7796",
//!     "URL": "https://example.org/csto/statements/2016-bordyuzha/?p=7",
//!     "accessed": {"date-parts": [[2026, 11, 22]]},
//!     "note": "Secretary-General of the CSTO. S/PV.7796. Paragraph 7. Corpus version 0123456789ab"
//!   }
//! ]
//! ```
//!
//! ```
//! use csto_core::analysis::cite_formats::{citation_key, CiteFormat, Ymd};
//! use csto_core::model::{Corpus, Passage, Statement};
//! let corpus = Corpus::of(vec![Statement::bare("s", 0, 2016, vec![Passage::plain("Text.")])]);
//! let s = &corpus.statements[0];
//! assert_eq!(citation_key(&corpus, s, Some(1)), "x2016p1");
//! let ris = CiteFormat::Ris.render(&corpus, s, Some(1), "https://h/?p=1", Ymd::new(2026, 11, 22), "v1");
//! assert!(ris.starts_with("TY  - GEN\r\nAU  - X\r\n"));
//! ```

use super::cite::{inverted_name, name_parts};
use crate::model::{Corpus, DatePrecision, Statement};
use crate::text::fold;

/// A calendar day: the date a permalink was accessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ymd {
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Ymd {
    pub const fn new(year: u16, month: u8, day: u8) -> Ymd {
        Ymd { year, month, day }
    }

    /// "2026-11-22".
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "2026/11/22/": RIS's date format (year/month/day/other).
    fn ris(self) -> String {
        format!("{:04}/{:02}/{:02}/", self.year, self.month, self.day)
    }

    /// `{"date-parts": [[2026, 11, 22]]}`, with `"circa": true` if asked.
    fn csl(self, circa: bool) -> String {
        let circa = if circa { ", \"circa\": true" } else { "" };
        format!(
            "{{\"date-parts\": [[{}, {}, {}]]{circa}}}",
            self.year, self.month, self.day
        )
    }
}

/// The three record formats, with what a download of each needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteFormat {
    BibTex,
    Ris,
    CslJson,
}

impl CiteFormat {
    pub const ALL: [CiteFormat; 3] = [CiteFormat::BibTex, CiteFormat::Ris, CiteFormat::CslJson];

    /// The name readers know it by: "BibTeX", "RIS", "CSL-JSON".
    pub fn label(self) -> &'static str {
        match self {
            CiteFormat::BibTex => "BibTeX",
            CiteFormat::Ris => "RIS",
            CiteFormat::CslJson => "CSL-JSON",
        }
    }

    /// File extension without the dot: `bib`, `ris`, `json`.
    pub fn extension(self) -> &'static str {
        match self {
            CiteFormat::BibTex => "bib",
            CiteFormat::Ris => "ris",
            CiteFormat::CslJson => "json",
        }
    }

    /// MIME type for a download.
    pub fn mime(self) -> &'static str {
        match self {
            CiteFormat::BibTex => "application/x-bibtex",
            CiteFormat::Ris => "application/x-research-info-systems",
            CiteFormat::CslJson => "application/vnd.citationstyles.csl+json",
        }
    }

    /// The record of statement `s` (or its paragraph `para`) in this format.
    pub fn render(
        self,
        corpus: &Corpus,
        s: &Statement,
        para: Option<u16>,
        permalink: &str,
        accessed: Ymd,
        corpus_version: &str,
    ) -> String {
        let render = match self {
            CiteFormat::BibTex => bibtex,
            CiteFormat::Ris => ris,
            CiteFormat::CslJson => csl_json,
        };
        render(corpus, s, para, permalink, accessed, corpus_version)
    }
}

/// What kind of item a statement is, in each format's terms.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Speech,
    PressRelease,
    Other,
}

impl Kind {
    fn of(s: &Statement) -> Kind {
        let kind = s.kind.trim_start().to_ascii_lowercase();
        if kind.starts_with("statement") || kind.starts_with("speech") {
            Kind::Speech
        } else if kind.starts_with("press release") {
            Kind::PressRelease
        } else {
            Kind::Other
        }
    }

    /// BibTeX `type`, RIS `M3`, CSL `genre`.
    fn genre(self) -> Option<&'static str> {
        match self {
            Kind::Speech => Some("Speech"),
            Kind::PressRelease => Some("Press release"),
            Kind::Other => None,
        }
    }
}

/// The fields every format draws from, worked out once.
struct Record<'a> {
    key: String,
    kind: Kind,
    given: &'a str,
    family: &'a str,
    title: &'a str,
    venue: &'a str,
    /// The UN document symbol, when the text cited is that document.
    symbol: Option<&'a str>,
    date: Ymd,
    inferred: bool,
    note: String,
}

impl<'a> Record<'a> {
    fn new(corpus: &'a Corpus, s: &'a Statement, para: Option<u16>, version: &str) -> Record<'a> {
        let (given, family) = name_parts(&corpus.speaker(s.speaker).name);
        let inferred = s.date.precision == DatePrecision::Inferred;
        let para_text = para.map(|p| format!("Paragraph {p}"));
        let version_text = format!("Corpus version {version}");
        let mut parts: Vec<&str> = vec![&s.role, &s.record];
        parts.extend(s.note.as_deref());
        if inferred {
            parts.push("Date inferred");
        }
        parts.extend(para_text.as_deref());
        parts.push(&version_text);
        let note = parts
            .iter()
            .map(|p| one_line(p.trim().trim_end_matches('.')))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(". ");
        Record {
            key: citation_key(corpus, s, para),
            kind: Kind::of(s),
            given,
            family,
            title: s.title.trim(),
            venue: s.venue.trim(),
            symbol: un_symbol(&s.record),
            date: Ymd::new(s.date.year, s.date.month, s.date.day),
            inferred,
            note,
        }
    }
}

/// `S/PV.7796` when the record is a UN document symbol and nothing else: one
/// word, a capital letter first, a slash inside. (A record that only names
/// a symbol, as a text taken from a website, is not that document.) The
/// pages' `citation_technical_report_number` follows the same rule.
pub fn un_symbol(record: &str) -> Option<&str> {
    let r = record.trim();
    let looks = !r.is_empty()
        && !r.contains(char::is_whitespace)
        && r.starts_with(|c: char| c.is_ascii_uppercase())
        && r.contains('/');
    looks.then_some(r)
}

/// Runs of whitespace and control characters (newlines included) as one
/// space, ends trimmed: every format here keeps a value on one line, and a
/// control character means nothing in a reference.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The family name folded to ASCII letters and digits, lowercase:
/// "Bordyuzha" → `bordyuzha`, "Núñez" → `nunez`.
fn key_name(family: &str) -> String {
    let key: String = fold(family)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    if key.is_empty() {
        "anon".to_string()
    } else {
        key
    }
}

/// `a`, `b`, … `z`, `aa`, `ab`, …: the n-th (0-based) suffix that tells
/// apart statements sharing a key.
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The citation key (BibTeX key, CSL `id`) of statement `s` or of its
/// paragraph `para`: `bordyuzha2016`, `bordyuzha2016p7`; `bordyuzha2016a`
/// and `bordyuzha2016b` when one speaker has two statements in a year.
pub fn citation_key(corpus: &Corpus, s: &Statement, para: Option<u16>) -> String {
    let base = |st: &Statement| {
        let (_, family) = name_parts(&corpus.speaker(st.speaker).name);
        (key_name(family), st.date.year)
    };
    let mine = base(s);
    let mut key = format!("{}{}", mine.0, mine.1);
    let same: Vec<&Statement> = corpus
        .statements
        .iter()
        .filter(|t| t.speaker == s.speaker && t.date.year == s.date.year && base(t) == mine)
        .collect();
    if same.len() > 1 {
        if let Some(i) = same.iter().position(|t| t.id == s.id) {
            key.push_str(&letters(i));
        }
    }
    if let Some(p) = para {
        key.push_str(&format!("p{p}"));
    }
    key
}

// ---------------------------------------------------------------- BibTeX

const BIB_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `text` with BibTeX/LaTeX's special characters escaped (see the module
/// docs); line breaks become spaces.
pub fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A title escaped, with each run of capitalized words after the first word
/// braced so that sentence-casing styles keep it: `Statement to the
/// {Security Council} on …`. The first word is braced only if it has a
/// capital after its first letter (an acronym).
fn bibtex_title(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let protect = |i: usize, w: &str| {
        let mut upper = w.char_indices().filter(|(_, c)| c.is_uppercase());
        if i == 0 {
            upper.any(|(at, _)| at > 0)
        } else {
            upper.next().is_some()
        }
    };
    let mut out = String::with_capacity(title.len() + 16);
    let mut open = false;
    for (i, w) in words.iter().enumerate() {
        let p = protect(i, w);
        if i > 0 {
            if open && !p {
                out.push('}');
                open = false;
            }
            out.push(' ');
        }
        if p && !open {
            out.push('{');
            open = true;
        }
        out.push_str(&bibtex_escape(w));
    }
    if open {
        out.push('}');
    }
    out
}

/// A permalink as a BibTeX `url`: verbatim, with only what would break the
/// field (braces, backslash, whitespace) percent-encoded.
fn bibtex_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

/// A biblatex `@misc` entry of statement `s` or of its paragraph `para`.
pub fn bibtex(
    corpus: &Corpus,
    s: &Statement,
    para: Option<u16>,
    permalink: &str,
    accessed: Ymd,
    corpus_version: &str,
) -> String {
    let r = Record::new(corpus, s, para, corpus_version);
    let author = if r.given.is_empty() {
        // one name: an organization or a single name, kept whole
        format!("{{{}}}", bibtex_escape(r.family))
    } else {
        format!("{}, {}", bibtex_escape(r.family), bibtex_escape(r.given))
    };
    let month = BIB_MONTHS
        .get(usize::from(r.date.month).wrapping_sub(1))
        .copied();
    let mut fields: Vec<(&str, String)> = vec![
        ("author", format!("{{{author}}}")),
        ("title", format!("{{{}}}", bibtex_title(r.title))),
    ];
    if !r.venue.is_empty() {
        fields.push(("howpublished", format!("{{{}}}", bibtex_escape(r.venue))));
    }
    if r.symbol.is_some() {
        fields.push(("organization", "{United Nations}".to_string()));
    }
    if let Some(genre) = r.kind.genre() {
        fields.push(("type", format!("{{{genre}}}")));
    }
    if let Some(symbol) = r.symbol {
        fields.push(("number", format!("{{{}}}", bibtex_escape(symbol))));
    }
    fields.push(("date", format!("{{{}}}", r.date.iso())));
    fields.push(("year", format!("{{{}}}", r.date.year)));
    if let Some(m) = month {
        fields.push(("month", m.to_string()));
    }
    fields.push(("url", format!("{{{}}}", bibtex_url(permalink))));
    fields.push(("urldate", format!("{{{}}}", accessed.iso())));
    fields.push(("note", format!("{{{}}}", bibtex_escape(&r.note))));
    let mut out = format!("@misc{{{},\n", r.key);
    let last = fields.len() - 1;
    for (i, (name, value)) in fields.iter().enumerate() {
        let comma = if i == last { "" } else { "," };
        out.push_str(&format!("  {name:<12} = {value}{comma}\n"));
    }
    out.push_str("}\n");
    out
}

// ---------------------------------------------------------------- RIS

/// A RIS record of statement `s` or of its paragraph `para`: `TAG  - value`
/// lines ending in CRLF, from `TY` to `ER`.
pub fn ris(
    corpus: &Corpus,
    s: &Statement,
    para: Option<u16>,
    permalink: &str,
    accessed: Ymd,
    corpus_version: &str,
) -> String {
    let r = Record::new(corpus, s, para, corpus_version);
    let ty = match r.kind {
        Kind::Speech => "SLIDE",
        Kind::PressRelease => "RPRT",
        Kind::Other => "GEN",
    };
    let author = inverted_name(&corpus.speaker(s.speaker).name);
    let mut lines: Vec<(&str, String)> = vec![
        ("TY", ty.to_string()),
        ("AU", author),
        ("TI", r.title.to_string()),
        ("T2", r.venue.to_string()),
        ("M3", r.kind.genre().unwrap_or_default().to_string()),
        ("DA", r.date.ris()),
        ("PY", r.date.year.to_string()),
    ];
    if let Some(symbol) = r.symbol {
        lines.push(("PB", "United Nations".to_string()));
        lines.push(("M1", symbol.to_string()));
    }
    lines.push(("UR", permalink.to_string()));
    lines.push(("Y2", accessed.ris()));
    lines.push(("N1", r.note));
    let mut out = String::new();
    for (tag, value) in &lines {
        let value = one_line(value);
        if !value.is_empty() {
            out.push_str(&format!("{tag}  - {value}\r\n"));
        }
    }
    out.push_str("ER  - \r\n");
    out
}

// ---------------------------------------------------------------- CSL-JSON

/// `text` as a JSON string literal, quotes included: `"` and `\` escaped,
/// `\n`, `\r`, `\t` by name, every other control character (U+0000–U+001F,
/// U+007F) as `\u00XX`; everything else, non-ASCII included, as is (JSON
/// is UTF-8).
pub fn json_string(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let b = c as u32 as usize;
                out.push_str("\\u00");
                out.push(HEX[b >> 4] as char);
                out.push(HEX[b & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One JSON object, one member per line at two spaces' indent, members in
/// the order given; values are JSON already. The one place the CSL-JSON's
/// layout is decided, so a JSON library could replace it.
fn json_object(members: &[(&str, String)], indent: &str) -> String {
    let mut out = format!("{indent}{{\n");
    let last = members.len().saturating_sub(1);
    for (i, (name, value)) in members.iter().enumerate() {
        let comma = if i == last { "" } else { "," };
        out.push_str(&format!(
            "{indent}  {}: {value}{comma}\n",
            json_string(name)
        ));
    }
    out.push_str(indent);
    out.push('}');
    out
}

/// A CSL-JSON array holding the one item of statement `s` or of its
/// paragraph `para` (CSL 1.0.2 item schema).
pub fn csl_json(
    corpus: &Corpus,
    s: &Statement,
    para: Option<u16>,
    permalink: &str,
    accessed: Ymd,
    corpus_version: &str,
) -> String {
    let r = Record::new(corpus, s, para, corpus_version);
    let ty = match r.kind {
        Kind::Speech => "speech",
        Kind::PressRelease => "report",
        Kind::Other => "document",
    };
    let author = if r.given.is_empty() {
        format!("[{{\"literal\": {}}}]", json_string(r.family))
    } else {
        format!(
            "[{{\"family\": {}, \"given\": {}}}]",
            json_string(r.family),
            json_string(r.given)
        )
    };
    let mut members: Vec<(&str, String)> =
        vec![("id", json_string(&r.key)), ("type", json_string(ty))];
    if let Some(genre) = r.kind.genre() {
        members.push(("genre", json_string(genre)));
    }
    members.push(("title", json_string(&one_line(r.title))));
    members.push(("author", author));
    members.push(("issued", r.date.csl(r.inferred)));
    if !r.venue.is_empty() {
        members.push(("event-title", json_string(&one_line(r.venue))));
    }
    if let Some(symbol) = r.symbol {
        members.push(("publisher", json_string("United Nations")));
        members.push(("number", json_string(symbol)));
    }
    members.push(("URL", json_string(permalink.trim())));
    members.push(("accessed", accessed.csl(false)));
    members.push(("note", json_string(&r.note)));
    format!("[\n{}\n]\n", json_object(&members, "  "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_names_and_tell_apart_one_speakers_statements_in_a_year() {
        assert_eq!(key_name("Núñez-Ortega"), "nunezortega");
        assert_eq!(key_name("—"), "anon");
        let names: Vec<String> = [0, 1, 25, 26, 27, 701, 702].map(letters).into();
        assert_eq!(names, ["a", "b", "z", "aa", "ab", "zz", "aaa"]);
    }

    #[test]
    fn un_symbols_are_single_words_with_a_slash() {
        assert_eq!(un_symbol(" S/PV.7796 "), Some("S/PV.7796"));
        assert_eq!(un_symbol("A/RES/77/13"), Some("A/RES/77/13"));
        assert_eq!(un_symbol("Text on the CSTO website; S/PV.9688"), None);
        assert_eq!(un_symbol("press release"), None);
        assert_eq!(un_symbol(""), None);
    }

    #[test]
    fn titles_brace_runs_of_capitalized_words() {
        for (input, expected) in [
            (
                "Statement to the Security Council",
                "Statement to the {Security Council}",
            ),
            ("CSTO at the UN", "{CSTO} at the {UN}"),
            (
                "Remarks: the CSTO, CIS and SCO",
                "Remarks: the {CSTO, CIS} and {SCO}",
            ),
            ("50% & more_", "50\\% \\& more\\_"),
            ("A {b}", "A \\textbraceleft{}b\\textbraceright{}"),
        ] {
            assert_eq!(bibtex_title(input), expected, "{input}");
        }
    }
}
