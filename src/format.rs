//! How counts and names are written across the app, so every view says
//! them the same way.

use crate::corpus::bundle;
use csto_core::model::StatementId;
use csto_core::view::Axis;

/// "1 statement", "3 statements".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// [`plural`] with the thousands separated: "1,234 occurrences".
pub fn plural_thousands(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The last word of a name: "Nikolai Bordyuzha" → "Bordyuzha".
pub fn surname(name: &str) -> &str {
    name.split_whitespace().next_back().unwrap_or(name)
}

/// "2016 Bordyuzha": how a statement is named on axes and column headers.
pub fn statement_label(id: StatementId) -> String {
    let corpus = &bundle().corpus;
    let s = &corpus.statements[id as usize];
    format!(
        "{} {}",
        s.date.year,
        surname(&corpus.speaker(s.speaker).name)
    )
}

/// What one column of an axis is: "year" or "statement".
pub fn axis_unit(axis: Axis) -> &'static str {
    match axis {
        Axis::Year => "year",
        Axis::Statement => "statement",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names() {
        for (n, expected) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (1234567, "1,234,567"),
        ] {
            assert_eq!(thousands(n), expected);
        }
        assert_eq!(plural(1, "line", "lines"), "1 line");
        assert_eq!(plural(1500, "line", "lines"), "1500 lines");
        assert_eq!(plural_thousands(1, "line", "lines"), "1 line");
        assert_eq!(plural_thousands(1500, "line", "lines"), "1,500 lines");
        assert_eq!(surname("Nikolai Bordyuzha"), "Bordyuzha");
        assert_eq!(surname("Bordyuzha"), "Bordyuzha");
    }
}
