//! The URL-state codec: the whole view a researcher is looking at, as a short
//! readable query string, e.g.
//! `?q=kanal&speaker=bordyuzha,semerikov&theme=drug-trafficking&sort=date`.
//!
//! The URL is the single store of shareable state, so decoding must accept
//! anything (a mangled link, a hostile one) and say what it dropped, and
//! `encode(decode(x))` must be stable. Repeated values are comma-joined; a
//! repeated parameter (`speaker=a&speaker=b`) is accepted too.
//!
//! ```
//! use csto_core::view::ViewState;
//! let (v, notices) = ViewState::decode("q=kanal&speaker=bordyuzha,semerikov&sort=date");
//! assert!(notices.is_empty());
//! assert_eq!(v.speakers, ["bordyuzha", "semerikov"]);
//! assert_eq!(v.encode(), "q=kanal&speaker=bordyuzha,semerikov&sort=date");
//! ```
//!
//! - `state`: [`ViewState`] and its analysis [`Params`]: decode, encode, resolve.
//! - `address`: where a view lives (`statements/<id>/` pages, `#p7`).
//! - `registry`: every view ([`VIEWS`]: its [`Tab`], key, label, URL
//!   parameters, needs) and the limits of its whole-number parameters.
//! - `choices`: the closed choices ([`Axis`], [`TableSort`], …) and
//!   their URL spellings.
//! - `subcorpus`: the statements the URL picks for a side of a comparison
//!   ([`Subcorpus`]).
//! - `facet`: the list filters ([`Facet`]) and the year range's ends.
//! - `transitions`: the views a link or control opens from this one.
//! - `resolved`: a view resolved against the corpus ([`ResolvedView`]).
//! - `notices`: what decoding dropped, bounded.

mod address;
mod choices;
mod facet;
mod notices;
mod registry;
mod resolved;
mod state;
mod subcorpus;
mod transitions;

pub use address::{statement_path, STATEMENTS_DIR};
pub use choices::{Axis, Keyed, Scale, TableSort};
pub use facet::{Facet, YearBound};
pub use registry::{
    Number, Tab, ViewSpec, COLLOCATES_MIN, NGRAMS_MIN, NGRAM_LENGTH, VIEWS, WINDOW_LEFT,
    WINDOW_RIGHT, WORDS_MIN,
};
pub use resolved::ResolvedView;
pub use state::{Params, ViewState, MAX_COMPARE};
pub use subcorpus::{Subcorpus, SubcorpusKind};
