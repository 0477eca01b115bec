//! The query language, parsed in the core so the browser and the tests agree.
//!
//! | syntax            | meaning                                     |
//! |-------------------|---------------------------------------------|
//! | `drug trafficking`| every word must occur in the passage        |
//! | `"illegal migration"` | the words in this order                 |
//! | `migra*`          | any word starting with `migra`              |
//! | `*ism`, `*terror*`| any word ending with `ism`, containing `terror` |
//! | `drug NEAR/5 terrorism` | both within 5 words of each other, either order, in one passage |
//! | `-Afghanistan`    | leave out passages containing the word      |
//! | `Kanal OR Proxy`  | either word                                 |
//!
//! Matching is case- and diacritic-insensitive and stemmed ([`crate::text`]).
//! A word with inner punctuation (`counter-terrorism`, `73/331`) is a phrase.
//! Parsing never fails: stray quotes, lone `-` or `OR`, and symbols are
//! dropped, and what was dropped is reported so the UI can say so.
//!
//! ```
//! use csto_core::query::{Atom, Query};
//! let q = Query::parse("\"illegal migration\" -Afghanistan kanal OR proxy");
//! assert_eq!(q.clauses.len(), 3);
//! assert!(q.clauses[1].negated);
//! assert_eq!(q.clauses[2].alternatives.len(), 2);
//! assert!(matches!(q.clauses[0].alternatives[0], Atom::Phrase { .. }));
//! ```

use crate::text;

/// The longest query we evaluate; longer input is cut (with a notice).
pub const MAX_QUERY_CHARS: usize = 1000;
/// The most clauses we evaluate; more are dropped (with a notice).
pub const MAX_CLAUSES: usize = 32;

/// One searchable unit of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// A single word: its raw form as typed and its index term.
    Term { raw: String, term: String },
    /// Consecutive words, as index terms.
    Phrase { raw: String, terms: Vec<String> },
    /// Words starting with `folded` (lowercase, no diacritics, unstemmed).
    Prefix { raw: String, folded: String },
    /// Words ending with (`*ism`) or containing (`*terror*`) `folded`.
    Wildcard {
        raw: String,
        folded: String,
        /// `*x*`: anywhere in the word; otherwise at its end.
        infix: bool,
    },
    /// `left NEAR/within right`: both in one passage with at most `within`
    /// words from the end of the earlier to the start of the later
    /// (adjacent words are 1 apart), in either order.
    Near {
        raw: String,
        left: Box<Atom>,
        right: Box<Atom>,
        within: u8,
    },
}

/// The widest `NEAR/n` distance; larger values are cut to it (with a notice).
pub const MAX_NEAR: u8 = 50;

impl Atom {
    /// The text the user typed for this atom.
    pub fn raw(&self) -> &str {
        match self {
            Atom::Term { raw, .. }
            | Atom::Phrase { raw, .. }
            | Atom::Prefix { raw, .. }
            | Atom::Wildcard { raw, .. }
            | Atom::Near { raw, .. } => raw,
        }
    }
}

/// Alternatives joined by `OR`; a negated clause excludes passages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub negated: bool,
    pub alternatives: Vec<Atom>,
}

/// A parsed query: all non-negated clauses must match, no negated one may.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Human-readable remarks on input that was ignored.
    pub warnings: Vec<String>,
}

/// A lexical piece of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Word {
        text: String,
        negated: bool,
    },
    Quoted {
        text: String,
        negated: bool,
    },
    Or,
    /// `NEAR/n` (`NEAR` alone is `NEAR/5`).
    Near(u32),
}

/// The distance of `NEAR` written without one.
pub const DEFAULT_NEAR: u8 = 5;

/// `NEAR/n` or `NEAR` as an operator, with its distance.
fn near_operator(text: &str) -> Option<u32> {
    let rest = text.strip_prefix("NEAR")?;
    if rest.is_empty() {
        return Some(DEFAULT_NEAR as u32);
    }
    let n = rest.strip_prefix('/')?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .then(|| n.parse::<u32>().unwrap_or(u32::MAX))
}

fn lex(input: &str) -> (Vec<Piece>, bool) {
    let mut pieces = Vec::new();
    let mut unbalanced = false;
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            chars.next();
            negated = true;
        }
        match chars.peek() {
            Some('"') | Some('“') | Some('”') => {
                chars.next();
                let mut text = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if matches!(c, '"' | '“' | '”') {
                        closed = true;
                        break;
                    }
                    text.push(c);
                }
                unbalanced |= !closed;
                pieces.push(Piece::Quoted { text, negated });
            }
            _ => {
                let mut text = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '"' | '“' | '”') {
                        break;
                    }
                    text.push(c);
                    chars.next();
                }
                if text == "OR" && !negated {
                    pieces.push(Piece::Or);
                } else if let Some(n) = near_operator(&text).filter(|_| !negated) {
                    pieces.push(Piece::Near(n));
                } else if !text.is_empty() {
                    pieces.push(Piece::Word { text, negated });
                }
            }
        }
    }
    (pieces, unbalanced)
}

/// Turns typed words into an atom, or `None` when they hold no word at all.
fn atom(text: &str, quoted: bool) -> Option<Atom> {
    let trimmed = text.trim();
    if !quoted {
        if let Some(inner) = trimmed.strip_prefix('*') {
            let infix = inner.ends_with('*');
            let inner = inner.trim_end_matches('*');
            let words: Vec<String> = text::word_spans(inner)
                .map(|(s, e)| text::fold(&inner[s..e]))
                .collect();
            // One word: `*counter-ter*` keeps its first word's part.
            let folded = if infix { words.first() } else { words.last() };
            return folded.filter(|w| !w.is_empty()).map(|w| Atom::Wildcard {
                raw: trimmed.to_string(),
                folded: w.clone(),
                infix,
            });
        }
        if let Some(stem) = trimmed.strip_suffix('*') {
            let words: Vec<String> = text::word_spans(stem)
                .map(|(s, e)| text::fold(&stem[s..e]))
                .collect();
            // A prefix is one word; `counter-ter*` becomes its last word's prefix.
            if let Some(folded) = words.last().filter(|w| !w.is_empty()) {
                return Some(Atom::Prefix {
                    raw: trimmed.to_string(),
                    folded: folded.clone(),
                });
            }
        }
    }
    let terms: Vec<String> = text::tokens(trimmed).map(|t| t.term).collect();
    match terms.len() {
        0 => None,
        1 if !quoted || trimmed.split_whitespace().count() == 1 => Some(Atom::Term {
            raw: trimmed.to_string(),
            term: terms.into_iter().next().unwrap_or_default(),
        }),
        _ => Some(Atom::Phrase {
            raw: trimmed.to_string(),
            terms,
        }),
    }
}

/// What is said of a `NEAR` without an atom on each side.
const NEAR_ALONE: &str = "NEAR needs a word on each side; it was ignored.";

/// `input` cut to its first [`MAX_QUERY_CHARS`] characters, saying so in
/// `warnings` when it was longer.
fn cut<'a>(input: &'a str, warnings: &mut Vec<String>) -> &'a str {
    if input.chars().count() <= MAX_QUERY_CHARS {
        return input;
    }
    warnings.push(format!(
        "The query was cut to its first {MAX_QUERY_CHARS} characters."
    ));
    let end = input
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(input.len(), |(i, _)| i);
    &input[..end]
}

/// The clauses read so far, and what the last operator asks of the next
/// atom.
struct Parser {
    clauses: Vec<Clause>,
    /// `OR` after a clause that is not negated: the next atom is one of
    /// its alternatives.
    join_next: bool,
    /// `NEAR/n` after an atom: the next atom pairs with it.
    near_next: Option<u32>,
    /// Words with nothing searchable in them, for one warning.
    dropped: Vec<String>,
    warnings: Vec<String>,
}

impl Parser {
    /// Reads the next piece: an operator sets what the next atom joins; a
    /// word or phrase becomes an atom, added as the operator before it says.
    fn piece(&mut self, piece: Piece) {
        let (text, negated, quoted) = match piece {
            Piece::Or => {
                self.join_next = self.clauses.last().is_some_and(|c| !c.negated);
                return;
            }
            Piece::Near(n) => {
                let joins = self
                    .clauses
                    .last()
                    .and_then(|c| c.alternatives.last())
                    .is_some_and(|a| !matches!(a, Atom::Near { .. }));
                if joins {
                    self.near_next = Some(n);
                } else {
                    self.warnings.push(NEAR_ALONE.into());
                }
                return;
            }
            Piece::Word { text, negated } => (text, negated, false),
            Piece::Quoted { text, negated } => (text, negated, true),
        };
        let Some(atom) = atom(&text, quoted) else {
            if !text.trim().is_empty() {
                self.dropped.push(text);
            }
            self.join_next = false;
            self.near_next = None;
            return;
        };
        let atom = match self.near_next.take() {
            None => atom,
            Some(n) => {
                let atom = if negated {
                    atom
                } else {
                    match self.pair_near(n, atom) {
                        Ok(()) => return,
                        Err(atom) => atom,
                    }
                };
                self.warnings.push(NEAR_ALONE.into());
                atom
            }
        };
        match self.clauses.last_mut() {
            Some(last) if self.join_next && !negated => last.alternatives.push(atom),
            _ => self.clauses.push(Clause {
                negated,
                alternatives: vec![atom],
            }),
        }
        self.join_next = false;
    }

    /// Replaces the last atom with `last NEAR/n atom` (`n` cut to
    /// [`MAX_NEAR`], with a warning, and at least 1); gives `atom` back
    /// when there is no last atom.
    fn pair_near(&mut self, n: u32, atom: Atom) -> Result<(), Atom> {
        let Some(last) = self.clauses.last_mut().and_then(|c| c.alternatives.pop()) else {
            return Err(atom);
        };
        let within = if n > MAX_NEAR as u32 {
            self.warnings
                .push(format!("NEAR/{n} was cut to NEAR/{MAX_NEAR}."));
            MAX_NEAR
        } else {
            n.max(1) as u8
        };
        let raw = format!("{} NEAR/{within} {}", last.raw(), atom.raw());
        let near = Atom::Near {
            raw,
            left: Box::new(last),
            right: Box::new(atom),
            within,
        };
        if let Some(c) = self.clauses.last_mut() {
            c.alternatives.push(near);
        }
        self.join_next = false;
        Ok(())
    }

    /// The query, with the warnings of the end: a `NEAR` with nothing
    /// after it, the words dropped, the clauses past [`MAX_CLAUSES`].
    fn finish(self) -> Query {
        let Parser {
            mut clauses,
            near_next,
            dropped,
            mut warnings,
            ..
        } = self;
        if near_next.is_some() {
            warnings.push(NEAR_ALONE.into());
        }
        if !dropped.is_empty() {
            warnings.push(format!(
                "Ignored (no searchable word): {}",
                dropped.join(" ")
            ));
        }
        if clauses.len() > MAX_CLAUSES {
            clauses.truncate(MAX_CLAUSES);
            warnings.push(format!(
                "Only the first {MAX_CLAUSES} search terms were used."
            ));
        }
        Query { clauses, warnings }
    }
}

impl Query {
    /// Parses `input`; never fails. See the module docs for the syntax.
    pub fn parse(input: &str) -> Query {
        let mut warnings = Vec::new();
        let input = cut(input, &mut warnings);
        let (pieces, unbalanced) = lex(input);
        if unbalanced {
            warnings.push("A quotation mark was not closed; the phrase runs to the end.".into());
        }
        let mut parser = Parser {
            clauses: Vec::new(),
            join_next: false,
            near_next: None,
            dropped: Vec::new(),
            warnings,
        };
        for piece in pieces {
            parser.piece(piece);
        }
        parser.finish()
    }

    /// True when nothing is searched for (browse mode), negations aside.
    pub fn is_browse(&self) -> bool {
        self.clauses.iter().all(|c| c.negated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show_atom(a: &Atom) -> String {
        match a {
            Atom::Term { term, .. } => term.clone(),
            Atom::Phrase { terms, .. } => format!("\"{}\"", terms.join(" ")),
            Atom::Prefix { folded, .. } => format!("{folded}*"),
            Atom::Wildcard { folded, infix, .. } => {
                format!("*{folded}{}", if *infix { "*" } else { "" })
            }
            Atom::Near {
                left,
                right,
                within,
                ..
            } => format!("({} ~{within} {})", show_atom(left), show_atom(right)),
        }
    }

    fn show(q: &Query) -> String {
        q.clauses
            .iter()
            .map(|c| {
                let alts: Vec<String> = c.alternatives.iter().map(show_atom).collect();
                format!("{}{}", if c.negated { "-" } else { "" }, alts.join("|"))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn parse_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("Kanal", "kanal"),
            ("terrorist", "terror"),
            ("António", "antonio"),
            ("drug trafficking", "drug traffick"),
            ("\"illegal migration\"", "\"illeg migrat\""),
            ("“illegal migration”", "\"illeg migrat\""),
            ("\"Kanal\"", "kanal"),
            ("migra*", "migra*"),
            ("Migra*", "migra*"),
            ("-Afghanistan", "-afghanistan"),
            ("kanal OR proxy", "kanal|proxi"),
            ("kanal OR proxy OR nayomnik", "kanal|proxi|nayomnik"),
            ("kanal or proxy", "kanal or proxi"),
            ("OR kanal", "kanal"),
            ("kanal OR", "kanal"),
            ("-kanal OR proxy", "-kanal proxi"),
            ("counter-terrorism", "\"counter terror\""),
            ("73/331", "\"73 331\""),
            (
                "<img src=x onerror=alert(1)>",
                "img \"src x\" \"onerror alert 1\"",
            ),
            ("--- *** \"\"", ""),
            ("\"unclosed phrase", "\"unclos phrase\""),
            ("a\u{0}b", "\"a b\""),
            ("*ism", "*ism"),
            ("*Terror*", "*terror*"),
            ("*", ""),
            ("drug NEAR/3 terrorism", "(drug ~3 terror)"),
            ("drug NEAR terrorism", "(drug ~5 terror)"),
            (
                "\"drug trafficking\" NEAR/10 afghan*",
                "(\"drug traffick\" ~10 afghan*)",
            ),
            ("kanal OR proxy NEAR/2 drug", "kanal|(proxi ~2 drug)"),
            ("a NEAR/2 b NEAR/2 c", "(a ~2 b) c"),
            ("NEAR/2 drug", "drug"),
            ("drug NEAR/2", "drug"),
            ("drug NEAR/0 terrorism", "(drug ~1 terror)"),
            ("drug NEAR/999 terrorism", "(drug ~50 terror)"),
            ("drug near/2 terrorism", "drug \"near 2\" terror"),
            ("drug NEAR/x terrorism", "drug \"near x\" terror"),
            ("drug -NEAR/2 terrorism", "drug -\"near 2\" terror"),
        ];
        for (input, expected) in cases {
            assert_eq!(show(&Query::parse(input)), *expected, "parse({input:?})");
        }
    }

    #[test]
    fn warnings_say_what_was_dropped() {
        assert!(Query::parse("kanal").warnings.is_empty());
        assert!(!Query::parse("\"open").warnings.is_empty());
        assert!(!Query::parse("kanal ***").warnings.is_empty());
        let long = "word ".repeat(20_000);
        let q = Query::parse(&long);
        assert_eq!(q.clauses.len(), MAX_CLAUSES);
        assert_eq!(q.warnings.len(), 2);
    }

    #[test]
    fn near_without_two_sides_says_so() {
        for q in ["NEAR/2 drug", "drug NEAR/2", "a NEAR/2 b NEAR/2 c"] {
            assert_eq!(Query::parse(q).warnings.len(), 1, "{q}");
        }
        assert_eq!(Query::parse("a NEAR/99 b").warnings.len(), 1);
        assert!(Query::parse("a NEAR/9 b").warnings.is_empty());
    }

    #[test]
    fn browse_mode() {
        assert!(Query::parse("").is_browse());
        assert!(Query::parse("-kanal").is_browse());
        assert!(!Query::parse("kanal").is_browse());
    }
}
