//! # csto-analyses
//!
//! The analysis views of the explorer (word list, n-grams, …), computed
//! with the core and described as plain data ([`csto_core::panel::Node`]).
//! They run in a Web Worker (`main.rs`), so their code is off the page's
//! first load and a long analysis never blocks typing; the page renders
//! what arrives with a few generic components.
//!
//! Each file of `views/` is one view: `describe(&Context) -> Node`, pure and
//! tested natively (`tests/`). What a view is (its tab, URL key, label,
//! parameters, needs) is its entry in the core's registry
//! (`csto_core::view::VIEWS`); [`run`] joins each entry to its
//! `describe` and its `tables` (its rows as data, which its downloads
//! write). [`Analyses::describe`] picks the view from the URL;
//! [`Analyses::export`] (`export.rs`) makes every download the page
//! offers. The page's side of the worker is `src/analyses.rs`; the messages
//! are `csto_core::panel::{Request, Reply}`.

mod context;
mod export;
mod views;

pub use context::Context;
pub use export::ExportData;
pub use views::common::TableData;

use csto_core::bundle::Bundle;
use csto_core::panel::{Failure, Message, Node, Reply, Request};
use csto_core::search::Searcher;
use csto_core::view::{Tab, ViewState};

/// The corpus with its index and searcher: everything the views compute from.
pub struct Analyses {
    bundle: &'static Bundle,
    searcher: Searcher<'static>,
}

impl Analyses {
    /// Decodes the corpus the page sends (the bytes it embeds); the index
    /// is built by the first view, once, for the worker's lifetime.
    pub fn from_bytes(bytes: &[u8]) -> Result<Analyses, Failure> {
        let bundle = Bundle::from_bytes(bytes).map_err(|e| Failure::Corpus(e.to_string()))?;
        Ok(Analyses::new(Box::leak(Box::new(bundle))))
    }

    /// The analyses of `bundle`.
    pub fn new(bundle: &'static Bundle) -> Analyses {
        Analyses {
            bundle,
            searcher: Searcher::new(bundle),
        }
    }

    /// The view encoded as `query`, described; or why it has no description
    /// here (the page's own views: results, reader).
    pub fn describe(&self, query: &str) -> Result<Node, Failure> {
        self.describe_at(query, None)
    }

    /// [`Analyses::describe`], for a page with `width` CSS pixels for the view.
    pub fn describe_at(&self, query: &str, width: Option<u32>) -> Result<Node, Failure> {
        let mut cx = self.context(query);
        cx.width = width;
        match run(cx.view.tab, Job::Describe(&cx)) {
            Some(Output::Described(node)) => Ok(node),
            _ => Err(Failure::NotAnAnalysis(cx.view.tab.key().to_string())),
        }
    }

    /// The tables of the view encoded as `query`, as data: every row its
    /// description draws and its downloads write.
    pub fn tables(&self, query: &str) -> Result<Vec<TableData>, Failure> {
        let cx = self.context(query);
        match run(cx.view.tab, Job::Tables(&cx)) {
            Some(Output::Tables(tables)) => Ok(tables),
            _ => Err(Failure::NotAnAnalysis(cx.view.tab.key().to_string())),
        }
    }

    /// Derives what the view encoded as `query` will need (the index, and
    /// the token table if the view reads it), so that describing it later
    /// is only the view's own work.
    pub fn prepare(&self, query: &str) {
        self.context(query);
        self.bundle.index();
    }

    /// The view encoded as `query`, resolved and ready to compute.
    fn context(&self, query: &str) -> Context<'_> {
        let view = ViewState::decode(query).0;
        // The token table is made by the index build: a view that reads it
        // asks for it first, so the index comes with it. (The other views
        // leave it out, a tenth of the build at 1,000 statements; asked for
        // after the index, it costs one more build.)
        if view.tab.reads_token_table() {
            self.bundle.token_table();
        }
        Context::new(self.bundle, &self.searcher, view)
    }
}

/// The worker between messages: the analyses once the corpus has arrived,
/// or why they could not be made. `main.rs` hands it each message; it is
/// plain Rust, so the protocol is tested natively.
#[derive(Default)]
pub struct Worker {
    analyses: Option<Result<Analyses, Failure>>,
}

impl Worker {
    /// Answers the message `bytes`; `None` when it wants no answer (the
    /// corpus, a prepare). A message that cannot be read is answered with
    /// [`Reply::Failed`], so the page does not wait for ever. `to_json`
    /// writes a JSON download (in the browser, its own `JSON.stringify`).
    pub fn answer(
        &mut self,
        bytes: &[u8],
        to_json: impl FnOnce(&ExportData) -> String,
    ) -> Option<Reply> {
        let request = match Request::from_bytes(bytes) {
            Ok(request) => request,
            Err(why) => return Some(Reply::Failed(why.into())),
        };
        match request {
            Request::Corpus(corpus) => {
                self.analyses = Some(Analyses::from_bytes(&corpus));
                None
            }
            Request::Prepare { query } => {
                if let Ok(analyses) = self.analyses() {
                    analyses.prepare(&query);
                }
                None
            }
            Request::Describe { seq, query, width } => {
                let panel = self
                    .analyses()
                    .and_then(|a| a.describe_at(&query, width))
                    .map_err(Message::from);
                Some(Reply::Described { seq, panel })
            }
            Request::Export {
                seq,
                query,
                kind,
                json,
                source,
            } => {
                let file = self
                    .analyses()
                    .and_then(|a| a.export(&query, &kind, &source))
                    .map(|data| data.file(json, to_json))
                    .map_err(Message::from);
                Some(Reply::Exported { seq, file })
            }
        }
    }

    /// The analyses, or why there are none.
    fn analyses(&self) -> Result<&Analyses, Failure> {
        match &self.analyses {
            None => Err(Failure::NoCorpus),
            Some(Ok(analyses)) => Ok(analyses),
            Some(Err(why)) => Err(why.clone()),
        }
    }
}

/// What the worker does with an analysis view: describe it, or compute
/// its tables as data (what its downloads hold, without describing it);
/// `Check` only asks whether it is one.
pub enum Job<'c, 'a> {
    Describe(&'c Context<'a>),
    Tables(&'c Context<'a>),
    Check,
}

/// What a [`Job`] gives back.
pub enum Output {
    Described(Node),
    Tables(Vec<TableData>),
    /// The view is an analysis view ([`Job::Check`]).
    Exists,
}

/// Runs `job` on the analysis view `tab`; `None` for the page's own view.
/// The one list of the worker's views, each with its `describe` and its
/// `tables`, called directly. The match is exhaustive, so a view added to
/// the registry does not compile until it is written here (or said to be
/// the page's).
pub fn run(tab: Tab, job: Job) -> Option<Output> {
    use views::*;
    macro_rules! view {
        ($describe:path, $tables:path) => {
            Some(match job {
                Job::Describe(cx) => Output::Described($describe(cx)),
                Job::Tables(cx) => Output::Tables($tables(cx)),
                Job::Check => Output::Exists,
            })
        };
    }
    match tab {
        Tab::Results => None,
        Tab::Concordance => view!(concordance::describe, no_tables),
        Tab::Trends => view!(trends::describe, no_tables),
        Tab::Themes => view!(theme_grid::describe, no_tables),
        Tab::Compare => view!(compare::describe, compare::tables),
        Tab::Words => view!(word_list::describe, word_list::tables),
        Tab::Ngrams => view!(ngrams::describe, ngrams::tables),
        Tab::Summary => view!(summary::describe, summary::tables),
        Tab::Collocates => view!(collocates::describe, collocates::tables),
        Tab::Dispersion => view!(dispersion::describe, dispersion::tables),
    }
}

/// The tables of a view that lays none out.
fn no_tables(_: &Context) -> Vec<TableData> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::{run, Job};
    use csto_core::view::{ViewSpec, VIEWS};

    /// Every view the registry calls an analysis is described by the
    /// worker, and only those.
    fn incomplete(views: &[ViewSpec]) -> Vec<&'static str> {
        views
            .iter()
            .filter(|spec| run(spec.tab, Job::Check).is_some() != spec.analysis)
            .map(|spec| spec.key)
            .collect()
    }

    #[test]
    fn every_analysis_view_is_described() {
        assert_eq!(incomplete(VIEWS), Vec::<&str>::new());
    }

    #[test]
    fn a_view_the_worker_does_not_describe_fails() {
        // The registry's results list, claimed as an analysis view.
        let mut views = VIEWS.to_vec();
        views[0].analysis = true;
        assert_eq!(incomplete(&views), ["results"]);
    }
}
