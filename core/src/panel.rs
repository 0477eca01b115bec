//! An analysis view described as plain data: what the analysis worker
//! (`analyses/`) computes and sends, and what the page renders with a few
//! generic components. The analyses are off the first load (issue 10): the
//! page carries the explorer and draws whatever [`Node`] tree arrives.
//!
//! Safety by construction: an element's tag and its attributes' names are
//! closed enums ([`Tag`], [`Attr`]), text is text (the page never inserts
//! HTML), and a link is a view's query string that the page writes as
//! `?…` itself, so nothing the worker sends can become a script, a style
//! or a `javascript:` address.
//!
//! The messages between page and worker are [`Request`] and [`Reply`],
//! postcard-encoded; why a request has no answer is a [`Failure`].
//!
//! It is the vocabulary of the page's DOM and of the worker's messages,
//! which a core that knows nothing of either should not carry; issue 21
//! asks for a crate of its own. Measured (docs/view-digest.md, "Bytes"),
//! that crate cost 0.5 KiB of page wasm and 0.7 KiB of worker, so it stays
//! here, the top layer of the core, until those bytes are understood.

use crate::util::decimal;
use crate::view::{TableSort, ViewState, MAX_COMPARE};
use serde::{Deserialize, Serialize};

/// Declares a closed enum of names with their DOM spelling.
macro_rules! names {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $spelling:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name { $($variant),* }

        impl $name {
            /// How the DOM spells it.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $spelling),* }
            }
        }
    };
}

names! {
    /// The elements an analysis may describe: text structure, tables and
    /// the SVG of its charts. No script, style, iframe, form or image (a
    /// form of one field is a [`Node::Form`], drawn by the page).
    Tag {
        Section = "section", Div = "div", P = "p", Span = "span", H2 = "h2", H3 = "h3",
        Ul = "ul", Ol = "ol", Li = "li", Dl = "dl", Dt = "dt", Dd = "dd",
        Strong = "strong", Em = "em", Abbr = "abbr", Mark = "mark", Small = "small",
        Figure = "figure", Figcaption = "figcaption", Details = "details", Summary = "summary",
        Table = "table", Caption = "caption", Thead = "thead", Tbody = "tbody", Tfoot = "tfoot",
        Tr = "tr", Th = "th", Td = "td",
        Svg = "svg", G = "g", Rect = "rect", Line = "line", Circle = "circle",
        Polyline = "polyline", Path = "path", Text = "text", Title = "title",
        Br = "br",
    }
}

names! {
    /// The attributes an analysis may set. No event handler, `style`,
    /// `href` or `src`: links are [`Node::Link`].
    Attr {
        Class = "class", Id = "id", Role = "role", Title = "title", Tabindex = "tabindex",
        AriaLabel = "aria-label", AriaLabelledby = "aria-labelledby",
        AriaDescribedby = "aria-describedby", AriaHidden = "aria-hidden", AriaSort = "aria-sort",
        AriaLive = "aria-live",
        Scope = "scope", Colspan = "colspan", Open = "open",
        DataStatement = "data-statement", DataCount = "data-count", DataPara = "data-para",
        DataLabel = "data-label", DataX = "data-x", DataY = "data-y", DataValue = "data-value",
        DataTheme = "data-theme", DataSide = "data-side",
        ViewBox = "viewBox", PreserveAspectRatio = "preserveAspectRatio", Xmlns = "xmlns",
        Width = "width", Height = "height", X = "x", Y = "y",
        X1 = "x1", Y1 = "y1", X2 = "x2", Y2 = "y2", Cx = "cx", Cy = "cy", R = "r",
        D = "d", Points = "points", Transform = "transform", TextAnchor = "text-anchor",
        DominantBaseline = "dominant-baseline", VectorEffect = "vector-effect",
        Focusable = "focusable",
        DataCol = "data-col", DataSeries = "data-series",
    }
}

/// One node of a described view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Node {
    /// Text, inserted as text.
    Text(String),
    Element(Element),
    /// A link to another view (an `<a href="?…">` that pushes a history entry).
    Link(Link),
    /// A labelled group of links, one per choice of a URL parameter.
    Choices(Choices),
    /// A labelled `<select>` whose every option opens a view.
    Select(Select),
    /// "How this is computed": paragraphs, followed by the provenance the page adds.
    Method(Vec<Node>),
    /// A table with typed columns, paging, sort links and CSV/JSON export.
    Table(Table),
    /// CSV and JSON download buttons for rows of a table the view lays out
    /// itself (Compare's term and theme tables).
    Export(Export),
    /// A `<button type="button">` that opens the view `to` (an action on
    /// the view, such as removing a compared term, rather than a place to
    /// go); `label` is its `aria-label`, `current` is not used.
    Button(Link),
    /// A one-field form whose submission opens a view made from the typed text.
    Form(Form),
}

/// An element from the closed lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Element {
    pub tag: Tag,
    pub attrs: Vec<(Attr, String)>,
    pub children: Vec<Node>,
}

/// A link to the view encoded as `to` (a query string, `""` for the start).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub to: String,
    pub class: String,
    /// `aria-label`, when the content is not its name (an SVG tick).
    pub label: Option<String>,
    /// `aria-current="true"`: the choice in effect.
    pub current: bool,
    pub children: Vec<Node>,
    /// Further attributes from the closed list: a `title`, `data-*`.
    pub attrs: Vec<(Attr, String)>,
}

/// A form of one text field and a submit button: submitted with some text,
/// it opens `to` with that text put in as `put` says (the page does it,
/// with [`Form::submit`]); with none, nothing happens. The field is emptied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    /// The `<form>`'s class.
    pub class: String,
    /// The field's id (its `<label for>`).
    pub id: String,
    pub label: String,
    pub placeholder: String,
    /// The submit button's text.
    pub button: String,
    /// Field and button are disabled (nothing more can be put in).
    pub disabled: bool,
    /// The view the form opens, encoded, before the text is put in.
    pub to: String,
    pub put: Put,
}

/// Where a [`Form`] puts the typed text in the view it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Put {
    /// Appended to the compared terms (`t=`), unless already there or
    /// [`MAX_COMPARE`] are.
    Compare,
}

impl Put {
    /// The URL parameter it fills: the field's `name`.
    pub fn name(self) -> &'static str {
        match self {
            Put::Compare => "t",
        }
    }
}

impl Form {
    /// The view opened when `typed` is submitted, or `None` if it is blank.
    pub fn submit(&self, typed: &str) -> Option<ViewState> {
        let term = typed.trim();
        if term.is_empty() {
            return None;
        }
        let mut view = ViewState::decode(&self.to).0;
        match self.put {
            Put::Compare => {
                if !view.compare.iter().any(|t| t == term) && view.compare.len() < MAX_COMPARE {
                    view.compare.push(term.to_string());
                }
            }
        }
        Some(view)
    }
}

/// One choice of a [`Choices`] group or a [`Select`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub label: String,
    /// The view it opens, encoded.
    pub to: String,
    pub current: bool,
}

impl Choice {
    /// The choice opening `to`.
    pub fn new(label: impl Into<String>, to: &ViewState, current: bool) -> Choice {
        Choice {
            label: label.into(),
            to: to.encode(),
            current,
        }
    }
}

/// A segmented control of links (stop words shown or hidden, n = 2…5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choices {
    /// The id of the group's label, also the list's class.
    pub id: String,
    pub label: String,
    pub choices: Vec<Choice>,
}

/// A `<select>` of choices (the collocates' window).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Select {
    pub id: String,
    pub label: String,
    pub choices: Vec<Choice>,
}

/// A table column: its export key, its heading, and how it sorts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// The CSV header and JSON key (`freq`, `log_dice`); also the cells' class.
    pub key: String,
    pub label: String,
    /// A longer name for the heading (`<abbr title>`), e.g. "log-likelihood".
    pub title: Option<String>,
    /// Right-aligned figures.
    pub numeric: bool,
    /// The cells of this column head their rows (`<th scope="row">`).
    pub row_header: bool,
    /// The URL order this column's heading sets, if it sorts.
    pub sort: Option<TableSort>,
}

impl Column {
    /// A text column.
    pub fn text(key: &str, label: &str) -> Column {
        Column {
            key: key.to_string(),
            label: label.to_string(),
            title: None,
            numeric: false,
            row_header: false,
            sort: None,
        }
    }

    /// A figures column.
    pub fn number(key: &str, label: &str) -> Column {
        Column {
            numeric: true,
            ..Column::text(key, label)
        }
    }

    /// This column heads its rows.
    pub fn heads_rows(self) -> Column {
        Column {
            row_header: true,
            ..self
        }
    }

    /// Its heading sets order `sort`.
    pub fn sorts_by(self, sort: TableSort) -> Column {
        Column {
            sort: Some(sort),
            ..self
        }
    }

    /// Its heading is an abbreviation of `title`.
    pub fn titled(self, title: &str) -> Column {
        Column {
            title: Some(title.to_string()),
            ..self
        }
    }
}

/// One cell: what is shown, and what an export writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Text(String),
    /// Text that opens another view (encoded): a search, a concordance, a paragraph.
    Link(String, String),
    /// A whole number (shown with thousands separators).
    Count(u64),
    /// A figure shown rounded, exported as is.
    Figure {
        shown: String,
        value: f64,
    },
}

impl Cell {
    /// Text opening `to`.
    pub fn link(text: impl Into<String>, to: &ViewState) -> Cell {
        Cell::Link(text.into(), to.encode())
    }

    /// A figure shown with `decimals` places.
    pub fn figure(value: f64, decimals: u32) -> Cell {
        Cell::Figure {
            shown: decimal::fixed(value, decimals),
            value,
        }
    }

    /// What an export writes for this cell.
    pub fn export_text(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Link(t, _) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Figure { value, .. } => decimal::trimmed(*value, 6),
        }
    }
}

/// A table of an analysis: caption, columns, every row (the page shows a
/// page of them at a time and exports them all).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// The view it belongs to, encoded: its sort links and the export's address.
    pub view: String,
    /// CSS class of the `<table>`.
    pub class: String,
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// The order in effect, marked on its column.
    pub sorted_by: Option<TableSort>,
    /// Download file name without extension, e.g. `csto-words`.
    pub export_name: String,
}

/// The CSV/JSON buttons of a table laid out as elements. The worker makes
/// the file when asked ([`ExportKind::Table`]), finding the rows here in
/// its own description: they are not sent to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// The view they belong to, encoded: the JSON's address.
    pub view: String,
    #[serde(skip)]
    pub columns: Vec<Column>,
    #[serde(skip)]
    pub rows: Vec<Vec<Cell>>,
    /// Download file name without extension, e.g. `csto-compare-terms`.
    pub export_name: String,
}

impl Node {
    /// The nodes inside this one (an element's, a link's or a button's
    /// content, the method's paragraphs); none for the others.
    pub fn children(&self) -> &[Node] {
        match self {
            Node::Element(e) => &e.children,
            Node::Link(l) | Node::Button(l) => &l.children,
            Node::Method(paragraphs) => paragraphs,
            _ => &[],
        }
    }

    /// This node and every node inside it, depth first (document order).
    pub fn walk(&self) -> Vec<&Node> {
        let mut out = vec![self];
        for child in self.children() {
            out.extend(child.walk());
        }
        out
    }

    /// Every element in the tree, in document order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.walk().into_iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The text of the tree, as the DOM's `textContent` reads it (the
    /// page's own components, such as tables, left out).
    pub fn text_content(&self) -> String {
        self.walk()
            .into_iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }
}

impl Element {
    /// The value of attribute `a`, if set.
    pub fn get(&self, a: Attr) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == a)
            .map(|(_, v)| v.as_str())
    }

    /// The text inside it, as `textContent` reads it.
    pub fn text_content(&self) -> String {
        self.children.iter().map(Node::text_content).collect()
    }

    /// Whether `class` is one of its classes.
    pub fn has_class(&self, class: &str) -> bool {
        self.get(Attr::Class)
            .is_some_and(|c| c.split(' ').any(|c| c == class))
    }
}

/// Starts an element: `el(Tag::P).class("what").text("…")`.
#[inline(never)]
pub fn el(tag: Tag) -> Element {
    Element {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// A text node.
pub fn text(s: impl Into<String>) -> Node {
    Node::Text(s.into())
}

/// A link to `to` showing `children`.
pub fn link(to: &ViewState, children: impl Into<Node>) -> Link {
    Link {
        to: to.encode(),
        class: String::new(),
        label: None,
        current: false,
        children: vec![children.into()],
        attrs: Vec::new(),
    }
}

impl Element {
    /// Sets attribute `a`.
    #[inline(never)]
    pub fn attr(mut self, a: Attr, value: impl Into<String>) -> Element {
        self.attrs.push((a, value.into()));
        self
    }

    /// Sets `class`.
    #[inline(never)]
    pub fn class(self, class: impl Into<String>) -> Element {
        self.attr(Attr::Class, class)
    }

    /// Sets `id`.
    #[inline(never)]
    pub fn id(self, id: impl Into<String>) -> Element {
        self.attr(Attr::Id, id)
    }

    /// Adds a child.
    #[inline(never)]
    pub fn child(mut self, child: impl Into<Node>) -> Element {
        self.children.push(child.into());
        self
    }

    /// Adds a text child.
    #[inline(never)]
    pub fn text(self, s: impl Into<String>) -> Element {
        self.child(Node::Text(s.into()))
    }

    /// Adds children.
    pub fn children<N: Into<Node>>(mut self, children: impl IntoIterator<Item = N>) -> Element {
        self.children.extend(children.into_iter().map(Into::into));
        self
    }
}

impl Link {
    /// Sets the link's class.
    #[inline(never)]
    pub fn class(self, class: impl Into<String>) -> Link {
        Link {
            class: class.into(),
            ..self
        }
    }

    /// Marks the link as the choice in effect.
    #[inline(never)]
    pub fn current(self, current: bool) -> Link {
        Link { current, ..self }
    }

    /// Sets the link's accessible name.
    #[inline(never)]
    pub fn label(self, label: impl Into<String>) -> Link {
        Link {
            label: Some(label.into()),
            ..self
        }
    }

    /// Adds a child.
    #[inline(never)]
    pub fn child(mut self, child: impl Into<Node>) -> Link {
        self.children.push(child.into());
        self
    }

    /// Sets attribute `a` (a `title`, `data-*`).
    #[inline(never)]
    pub fn attr(mut self, a: Attr, value: impl Into<String>) -> Link {
        self.attrs.push((a, value.into()));
        self
    }
}

// The widgets drawn both in a described view (by the worker) and by the
// page's own components: written once here, as elements, so their markup
// cannot drift apart. The page renders them with the same renderer as a
// described view, adding its own children where it needs behaviour.

/// A labelled group of segmented links (`items`, each an `<li>`): `id`
/// names the label, `class` is added to the list's. [`Choices`] is the same
/// group when every link is a plain choice.
pub fn seg_group(id: impl Into<String>, class: &str, label: &str, items: Vec<Node>) -> Node {
    let id = id.into();
    el(Tag::Div)
        .class("seg-group")
        .child(el(Tag::Span).class("seg-label").id(id.clone()).text(label))
        .child(
            el(Tag::Ul)
                .class(if class.is_empty() {
                    "segmented".to_string()
                } else {
                    format!("segmented {class}")
                })
                .attr(Attr::AriaLabelledby, id)
                .children(items),
        )
        .into()
}

impl Choices {
    /// The group as elements ([`seg_group`]): each choice an `<li>` with a
    /// link of class `seg`, the list classed by the group's id.
    pub fn to_node(&self) -> Node {
        let items = self
            .choices
            .iter()
            .map(|c| {
                let link = Link {
                    to: c.to.clone(),
                    class: "seg".to_string(),
                    label: None,
                    current: c.current,
                    children: vec![Node::Text(c.label.clone())],
                    attrs: Vec::new(),
                };
                el(Tag::Li).child(link).into()
            })
            .collect();
        seg_group(self.id.clone(), &self.id, &self.label, items)
    }
}

/// A scrolling region named `label`, for a table wider than a phone: it is
/// focusable so the keyboard can scroll it (axe
/// `scrollable-region-focusable`). The caller adds the table.
pub fn scroll_region(label: &str) -> Element {
    el(Tag::Div)
        .class("table-scroll")
        .attr(Attr::Tabindex, "0")
        .attr(Attr::Role, "region")
        .attr(Attr::AriaLabel, label)
}

/// The empty state: why there is nothing to show (the caller may add
/// hints or suggestions after it).
pub fn empty_state(why: impl Into<String>) -> Element {
    el(Tag::Div).class("empty").child(el(Tag::P).text(why))
}

impl From<Element> for Node {
    fn from(e: Element) -> Node {
        Node::Element(e)
    }
}

impl From<Link> for Node {
    fn from(l: Link) -> Node {
        Node::Link(l)
    }
}

impl From<Choices> for Node {
    fn from(c: Choices) -> Node {
        Node::Choices(c)
    }
}

impl From<Select> for Node {
    fn from(s: Select) -> Node {
        Node::Select(s)
    }
}

impl From<Form> for Node {
    fn from(f: Form) -> Node {
        Node::Form(f)
    }
}

impl From<Table> for Node {
    fn from(t: Table) -> Node {
        Node::Table(t)
    }
}

impl From<Export> for Node {
    fn from(x: Export) -> Node {
        Node::Export(x)
    }
}

impl From<String> for Node {
    fn from(s: String) -> Node {
        Node::Text(s)
    }
}

impl From<&str> for Node {
    fn from(s: &str) -> Node {
        Node::Text(s.to_string())
    }
}

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The compiled corpus, as the page embeds it (sent once, first): the
    /// worker never downloads it again. Encoded as one byte string.
    Corpus(#[serde(with = "serde_bytes")] Vec<u8>),
    /// Describe the view encoded as `query` (an analysis tab); `width` is
    /// the room the page has for it, in CSS pixels, for a view laid out to
    /// it (the trends chart).
    Describe {
        seq: u32,
        query: String,
        width: Option<u32>,
    },
    /// A file for download, of the view encoded as `query`.
    Export {
        seq: u32,
        query: String,
        kind: ExportKind,
        json: bool,
        source: Source,
    },
    /// Derive now what the view encoded as `query` will need (the index):
    /// the page knows the view of a shared link before it can ask for it
    /// (a view laid out to the page's width asks after the page's first
    /// render). Not answered.
    Prepare { query: String },
}

/// What a download holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportKind {
    /// The export menu: one row per statement of the results.
    Statements,
    /// The export menu: one row per matching passage.
    Passages,
    /// The export menu: one row per concordance line.
    Concordance,
    /// Every row of the view's table with this `export_name`.
    Table(String),
}

/// Where a file comes from, written into it so a figure can be traced:
/// the app's root address (where permalinks point, see
/// [`ViewState::address_at`](crate::view::ViewState::address_at)), the
/// corpus version (`build.rs`'s hash) and the app's version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub page: String,
    pub corpus_version: String,
    pub app_version: String,
}

/// A file to download.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct File {
    pub name: String,
    pub mime: String,
    pub content: String,
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The view of request `seq`, or why it could not be described.
    Described {
        seq: u32,
        panel: Result<Node, Message>,
    },
    /// The file of export request `seq`, or why there is none.
    Exported {
        seq: u32,
        file: Result<File, Message>,
    },
    /// A request the worker could not read, so cannot answer by its `seq`:
    /// the page fails what it was waiting for, with this message.
    Failed(Message),
}

/// Why a request has no answer, as the page receives it and shows it: a
/// [`Failure`]'s message (or one the page says itself, when the worker
/// could not be started or crashed). One string, so the page's decoder and
/// bytes stay those of a string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message(pub String);

impl From<Failure> for Message {
    fn from(failure: Failure) -> Message {
        Message(failure.to_string())
    }
}

/// Why the worker has no answer to a request, typed where it is found
/// (the worker, `csto_analyses`); it reaches the page as its [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The page's own view (results, reader), with its URL key.
    NotAnAnalysis(String),
    /// The view has no table of this download name.
    NoTable(String),
    /// A view or download was asked for before the corpus arrived.
    NoCorpus,
    /// The corpus the page sent could not be decoded: why.
    Corpus(String),
    /// A request could not be read: why.
    UnreadableRequest(String),
    /// A reply could not be written: why.
    Unwritable(String),
}

impl Failure {
    /// The message as three pieces: text, the detail, text. One table of
    /// texts and one way of writing them (not a format per variant: this
    /// is in the page's first load).
    fn pieces(&self) -> (&'static str, &str, &'static str) {
        match self {
            Failure::NotAnAnalysis(key) => ("“", key, "” is not an analysis view"),
            Failure::NoTable(name) => ("this view has no table “", name, "”"),
            Failure::NoCorpus => ("the corpus has not arrived", "", ""),
            Failure::Corpus(why) => ("the corpus could not be read (", why, ")"),
            Failure::UnreadableRequest(why) => ("unreadable request: ", why, ""),
            Failure::Unwritable(why) => ("the answer could not be written (", why, ")"),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (before, detail, after) = self.pieces();
        f.write_str(before)?;
        f.write_str(detail)?;
        f.write_str(after)
    }
}

impl Request {
    /// The message's bytes. A request that cannot be written is sent as
    /// no bytes, which the worker cannot read: it answers
    /// [`Reply::Failed`], so the page shows a message rather than wait.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// A message from its bytes, or why not.
    pub fn from_bytes(bytes: &[u8]) -> Result<Request, Failure> {
        postcard::from_bytes(bytes).map_err(|e| Failure::UnreadableRequest(e.to_string()))
    }
}

impl Reply {
    /// The message's bytes. A reply that cannot be written is replaced
    /// by one that says so, for the same request, so the page shows why
    /// rather than receive nothing.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_else(|e| {
            let why = Message::from(Failure::Unwritable(e.to_string()));
            let failed = match self {
                Reply::Described { seq, .. } => Reply::Described {
                    seq: *seq,
                    panel: Err(why),
                },
                Reply::Exported { seq, .. } => Reply::Exported {
                    seq: *seq,
                    file: Err(why),
                },
                Reply::Failed(_) => Reply::Failed(why),
            };
            postcard::to_allocvec(&failed).unwrap_or_default()
        })
    }

    /// A message from its bytes, or why not.
    pub fn from_bytes(bytes: &[u8]) -> Result<Reply, Message> {
        postcard::from_bytes(bytes).map_err(|e| Message(format!("unreadable reply: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A group of choices is drawn as the markup the worker's own groups
    /// have: `div.seg-group > span.seg-label#id + ul.segmented.id > li > a.seg`.
    #[test]
    fn choices_are_a_segmented_group() {
        let (stop, _) = ViewState::decode("stop=hide");
        let c = Choices {
            id: "stop".into(),
            label: "Stop words".into(),
            choices: vec![
                Choice::new("Shown", &ViewState::default(), false),
                Choice::new("Hidden", &stop, true),
            ],
        };
        let Node::Element(group) = c.to_node() else {
            panic!("an element")
        };
        assert!(group.has_class("seg-group"));
        let [Node::Element(label), Node::Element(list)] = &group.children[..] else {
            panic!("a label and a list")
        };
        assert_eq!(label.get(Attr::Id), Some("stop"));
        assert_eq!(label.text_content(), "Stop words");
        assert_eq!(list.get(Attr::Class), Some("segmented stop"));
        assert_eq!(list.get(Attr::AriaLabelledby), Some("stop"));
        let links: Vec<&Link> = list
            .children
            .iter()
            .map(|li| match li {
                Node::Element(li) => match &li.children[..] {
                    [Node::Link(l)] => l,
                    _ => panic!("a link in each item"),
                },
                _ => panic!("an item"),
            })
            .collect();
        assert_eq!(links.len(), 2);
        assert!(links.iter().all(|l| l.class == "seg"));
        assert_eq!(
            (links[1].to.as_str(), links[1].current),
            ("stop=hide", true)
        );
        assert_eq!(links[0].children, [Node::Text("Shown".into())]);
    }

    #[test]
    fn a_described_view_survives_the_message() {
        let view = ViewState::decode("q=terrorism&view=collocates").0;
        let node: Node = el(Tag::Section)
            .class("collocates-view")
            .child(el(Tag::H2).text("Collocates"))
            .child(link(&view, "the collocates of terrorism").class("seg"))
            .child(Table {
                view: view.encode(),
                class: "collocates-table".into(),
                caption: "Collocates".into(),
                columns: vec![Column::number("freq", "Frequency").sorts_by(TableSort::Frequency)],
                rows: vec![vec![Cell::figure(1.25, 2)]],
                sorted_by: Some(TableSort::Frequency),
                export_name: "csto-collocates".into(),
            })
            .into();
        let reply = Reply::Described {
            seq: 7,
            panel: Ok(node),
        };
        assert_eq!(Reply::from_bytes(&reply.to_bytes()).unwrap(), reply);
        let request = Request::Describe {
            seq: 7,
            query: view.encode(),
            width: Some(640),
        };
        assert_eq!(Request::from_bytes(&request.to_bytes()).unwrap(), request);
        assert!(Request::from_bytes(&[0xff, 0xff]).is_err());
        let failed = Reply::Described {
            seq: 8,
            panel: Err(Failure::NotAnAnalysis("results".into()).into()),
        };
        assert_eq!(Reply::from_bytes(&failed.to_bytes()).unwrap(), failed);
        assert_eq!(
            failed,
            Reply::Described {
                seq: 8,
                panel: Err(Message("“results” is not an analysis view".into())),
            }
        );
        assert_eq!(
            Failure::NotAnAnalysis("results".into()).to_string(),
            "“results” is not an analysis view"
        );
    }

    #[test]
    fn a_form_puts_the_typed_term_in() {
        let form = Form {
            class: "compare-form".into(),
            id: "compare-term".into(),
            label: "Compare term".into(),
            placeholder: String::new(),
            button: "Add".into(),
            disabled: false,
            to: "q=terrorism&view=trends&t=terrorism".into(),
            put: Put::Compare,
        };
        assert_eq!(form.submit("  "), None);
        let added = form.submit(" migration ").unwrap();
        assert_eq!(added.compare, ["terrorism", "migration"]);
        assert_eq!(
            added.encode(),
            "q=terrorism&view=trends&t=terrorism&t=migration"
        );
        assert_eq!(form.submit("terrorism").unwrap().compare, ["terrorism"]);
        let full = Form {
            to: (0..MAX_COMPARE)
                .map(|i| format!("t=w{i}"))
                .collect::<Vec<_>>()
                .join("&"),
            ..form
        };
        assert_eq!(full.submit("more").unwrap().compare.len(), MAX_COMPARE);
    }

    #[test]
    fn a_description_is_walked_in_document_order() {
        let view = ViewState::default();
        let node: Node = el(Tag::Div)
            .class("a b")
            .text("one ")
            .child(link(&view, "two").child(el(Tag::Strong).text(" three")))
            .child(Node::Method(vec![el(Tag::P).text(" four").into()]))
            .into();
        assert_eq!(node.text_content(), "one two three four");
        let tags: Vec<Tag> = node.elements().map(|e| e.tag).collect();
        assert_eq!(tags, [Tag::Div, Tag::Strong, Tag::P]);
        let Node::Element(div) = &node else {
            panic!("an element")
        };
        assert_eq!(div.get(Attr::Class), Some("a b"));
        assert!(div.has_class("b") && !div.has_class("a b"));
        assert_eq!(div.get(Attr::Id), None);
    }

    #[test]
    fn names_are_the_dom_spellings() {
        assert_eq!(Tag::Figcaption.name(), "figcaption");
        assert_eq!(Attr::ViewBox.name(), "viewBox");
        assert_eq!(Attr::AriaLabelledby.name(), "aria-labelledby");
    }
}
