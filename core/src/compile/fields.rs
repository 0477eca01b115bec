//! Rules for the optional text fields of the hand-edited TOML files.

/// An optional field that is blank counts as absent, so `note = ""` in a
/// metadata file does not show an empty note in the app.
pub fn non_empty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}
