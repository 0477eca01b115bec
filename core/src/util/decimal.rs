//! Numbers with a fixed count of decimals, for display, and counts written
//! out ("1,234 occurrences") the same way by the page and the analysis worker.
//!
//! `format!("{:.1}", x)` links the standard library's exact float printing
//! (Grisu and Dragon4 with their bignum tables, ~20 KB of wasm) for what the
//! explorer shows: rates per 10,000 words, G² scores, SVG coordinates. Those
//! need a handful of digits, which integer arithmetic gives exactly enough:
//! the value is scaled, rounded half away from zero, and printed as integers.

/// `value` with `places` decimals (at most 6), e.g. `fixed(2.345, 1)` =
/// "2.3", `fixed(-0.04, 1)` = "0.0" (no negative zero). Values beyond ±2⁵³
/// lose digits; NaN and infinities print as "–".
pub fn fixed(value: f64, places: u32) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let places = places.min(6);
    let scale = 10u64.pow(places);
    // `as` saturates: absurd magnitudes clamp instead of wrapping
    let scaled = (value.abs() * scale as f64).round() as u64;
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&(scaled / scale).to_string());
    if places > 0 {
        let frac = (scaled % scale).to_string();
        out.push('.');
        for _ in frac.len()..places as usize {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

/// `value` rounded to `places` decimals with trailing zeros dropped, e.g.
/// 2.50 → "2.5", 3.00 → "3" (axis labels).
pub fn trimmed(value: f64, places: u32) -> String {
    let s = fixed(value, places);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_the_standard_formatter_away_from_ties() {
        for &(v, p) in &[
            (0.0, 1),
            (2.345, 1),
            (2.36, 1),
            (9.96, 1),
            (1234.5678, 2),
            (0.0005, 3),
            (-1.23456, 3),
            (100.0, 0),
            (640.4, 0),
            (12.0, 2),
            (0.1234, 3),
        ] {
            assert_eq!(
                fixed(v, p),
                format!("{v:.*}", p as usize),
                "{v} to {p} places"
            );
        }
    }

    #[test]
    fn odd_values() {
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 2), "–");
        assert_eq!(fixed(f64::INFINITY, 0), "–");
        assert_eq!(fixed(0.25, 1), "0.3"); // half away from zero
        assert_eq!(fixed(1.0, 9), "1.000000"); // places capped at 6
    }

    #[test]
    fn trims_trailing_zeros() {
        assert_eq!(trimmed(2.5, 2), "2.5");
        assert_eq!(trimmed(3.0, 2), "3");
        assert_eq!(trimmed(0.125, 2), "0.13");
        assert_eq!(trimmed(-0.001, 2), "0");
        assert_eq!(trimmed(40.0, 0), "40");
    }

    #[test]
    fn counts_written_out() {
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
    }
}
