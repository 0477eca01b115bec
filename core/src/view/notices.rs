//! What decoding an address dropped, said in words a reader understands,
//! bounded so a hostile address cannot flood the page.

/// The most distinct problems reported, so a URL with thousands of bad
/// parameters gives a readable notice rather than thousands.
pub(super) const MAX_NOTICES: usize = 8;

/// Collects notices, at most [`MAX_NOTICES`], plus a count of the rest.
#[derive(Default)]
pub(super) struct Notices {
    list: Vec<String>,
    more: usize,
}

impl Notices {
    pub(super) fn push(&mut self, msg: String) {
        if self.list.contains(&msg) {
            return;
        }
        if self.list.len() < MAX_NOTICES {
            self.list.push(msg);
        } else {
            self.more += 1;
        }
    }

    pub(super) fn finish(mut self) -> Vec<String> {
        if self.more > 0 {
            self.list
                .push(format!("… and {} more problems in the address.", self.more));
        }
        self.list
    }
}

/// Shortens untrusted text for quoting it back in a notice.
pub(super) fn quote(s: &str) -> String {
    let mut q: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if s.chars().count() > 40 {
        q.push('…');
    }
    format!("“{q}”")
}

/// A year as the codec accepts it (1900–2100).
pub(super) fn parse_year(v: &str) -> Option<u16> {
    v.trim()
        .parse::<u16>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}
