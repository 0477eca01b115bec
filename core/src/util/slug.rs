//! The one rule for keys that appear in URLs and file names (`2016-bordyuzha`,
//! `drug-trafficking`, `sc-1373`): lower-case ASCII letters and digits in
//! groups joined by single hyphens, so a key is safe in a URL path or query
//! without escaping and has exactly one spelling.

/// Longest key the URL codec accepts; longer values are not keys.
pub const MAX_SLUG_LEN: usize = 64;

/// Whether `s` is a key: `[a-z0-9]+(-[a-z0-9]+)*`, at most
/// [`MAX_SLUG_LEN`] bytes.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        for ok in ["a", "2016-bordyuzha", "sc-1373", "doc-a-73-pv-13"] {
            assert!(is_slug(ok), "{ok}");
        }
        let long = "a".repeat(MAX_SLUG_LEN + 1);
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a_b",
            "é",
            "a b",
            long.as_str(),
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
