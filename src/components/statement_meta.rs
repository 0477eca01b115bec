//! A statement's provenance: speaker, role, date (with its precision), venue,
//! record. Used in the result list and the reader, so both say the same.

use crate::corpus::bundle;
use csto_core::analysis::cite::{iso_date, long_date};
use csto_core::model::{DatePrecision, StatementId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatementProps {
    pub id: StatementId,
}

/// The date, marked when inferred, with the reasoning one click away.
#[component]
pub fn StatementDate(props: &StatementProps) -> Html {
    statement_date(props.id)
}

/// [`StatementDate`] without a component of its own.
fn statement_date(id: StatementId) -> Html {
    let s = &bundle().corpus.statements[id as usize];
    let inferred = s.date.precision == DatePrecision::Inferred;
    html! {
        <span class="date">
            <time datetime={iso_date(s)}>{ long_date(s) }</time>
            if inferred {
                { " " }
                <span class="inferred" title={s.date.note.clone()}>{ "(date inferred)" }</span>
            }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct MetaProps {
    pub id: StatementId,
    /// Full provenance (reader) or a compact line (result list).
    #[prop_or_default]
    pub full: bool,
}

#[component]
pub fn StatementMeta(props: &MetaProps) -> Html {
    if !props.full {
        return meta_line(props.id);
    }
    let corpus = &bundle().corpus;
    let s = &corpus.statements[props.id as usize];
    let speaker = corpus.speaker(s.speaker);
    html! {
        <dl class="provenance">
            <dt>{ "Speaker" }</dt><dd class="speaker">{ speaker.name.clone() }</dd>
            <dt>{ "Role" }</dt><dd class="role">{ s.role.clone() }</dd>
            <dt>{ "Date" }</dt>
            <dd>
                <StatementDate id={props.id} />
                if let Some(note) = &s.date.note {
                    <div class="date-note">{ note.clone() }</div>
                }
            </dd>
            <dt>{ "Venue" }</dt><dd class="venue">{ s.venue.clone() }</dd>
            <dt>{ "Record" }</dt><dd class="record">{ record(props.id) }</dd>
            <dt>{ "Kind of text" }</dt><dd>{ s.kind.clone() }</dd>
            if let Some(note) = &s.note {
                <dt>{ "Note" }</dt><dd class="note">{ note.clone() }</dd>
            }
            if let Some(lead) = &s.lead {
                <dt>{ "As recorded" }</dt><dd class="lead">{ lead.clone() }</dd>
            }
            if let Some(heading) = &s.heading {
                <dt>{ "Source heading" }</dt><dd class="heading">{ heading.clone() }</dd>
            }
            <dt>{ "Source file" }</dt><dd><code>{ s.source_file.clone() }</code></dd>
        </dl>
    }
}

/// The compact provenance line of the result list, without a component of
/// its own: a page of results renders fifty of them on most keystrokes.
pub fn meta_line(id: StatementId) -> Html {
    let corpus = &bundle().corpus;
    let s = &corpus.statements[id as usize];
    let speaker = corpus.speaker(s.speaker);
    html! {
        // Who, then when and where: two short lines rather than one run-on
        // paragraph, which on a phone wrapped to eight lines.
        <div class="meta">
            <p class="meta-who">
                <span class="speaker">{ speaker.name.clone() }</span>{ ", " }
                <span class="role">{ s.role.clone() }</span>
            </p>
            <p class="meta-where">
                { statement_date(id) }{ " · " }
                <span class="venue">{ s.venue.clone() }</span>{ " · " }
                <span class="record">{ record(id) }</span>
            </p>
        </div>
    }
}

/// The record the statement is in, linked when it has an address.
fn record(id: StatementId) -> Html {
    let s = &bundle().corpus.statements[id as usize];
    match &s.record_url {
        Some(url) => {
            html! { <a href={url.clone()} rel="noopener noreferrer">{ s.record.clone() }</a> }
        }
        None => html! { { s.record.clone() } },
    }
}
