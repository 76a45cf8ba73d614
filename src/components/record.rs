//! The record panel: the timeline as a plain list (numbered as on the
//! axis), statements made later, background facts, and the sources.

use claimcheck_model::locale::Lang;
use claimcheck_model::scenario::{Event, Scenario};
use claimcheck_model::words::Words;
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::components::quote::Quote;
use crate::i18n::ui;

/// Props of [`Record`].
#[derive(Properties, PartialEq)]
pub struct RecordProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// Whether to show the background and sources too (not in plain
    /// mode).
    #[prop_or(true)]
    pub full: bool,
}

/// "Nov. 8, about 2 p.m.": the record's own words for when.
fn when(scenario: &Scenario, lang: Lang, e: &Event) -> String {
    let _ = scenario;
    e.when.get(lang.key()).to_string()
}

/// The panel.
#[function_component(Record)]
pub fn record(props: &RecordProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let s = &props.scenario;
    let w = Words::new(s, lang);
    let event = |e: &Event| {
        html! {
            <li class={classes!("cc-event", format!("cc-kind-{}", e.kind.id()))} data-event={e.id.clone()}>
                <p class="cc-event-when">
                    { when(s, lang, e) }{ " " }
                    <span class="cc-badge">{ w.kind(e.kind) }</span>
                </p>
                <p>{ e.text.get(lang.key()) }</p>
                { for e.quotes.iter().map(|q| html! {
                    <Quote scenario={s.clone()} {lang} quote={q.clone()} />
                }) }
            </li>
        }
    };
    let timeline = s.timeline().into_iter().map(event);
    let later: Vec<Html> =
        s.events.iter().filter(|e| e.time.is_none()).map(event).collect();
    let facts = s.background.iter().map(|b| {
        html! {
            <li data-background={b.id.clone()}>
                <span class="cc-event-when">{ b.when.get(lang.key()) }</span>
                { " " }{ b.text.get(lang.key()) }
                { for b.quotes.iter().map(|q| html! {
                    <Quote scenario={s.clone()} {lang} quote={q.clone()} />
                }) }
            </li>
        }
    });
    let terms = s.glossary.iter().map(|t| {
        html! {
            <div class="cc-term">
                <dt>{ t.term.get(lang.key()) }</dt>
                <dd>{ t.meaning.get(lang.key()) }</dd>
            </div>
        }
    });
    let own = crate::i18n::glossary(lang).iter().map(|(t, m)| {
        html! {
            <div class="cc-term"><dt>{ *t }</dt><dd>{ *m }</dd></div>
        }
    });
    let sources = s.sources.iter().map(|src| html! {
        <li>
            <strong>{ src.publisher.get(lang.key()) }</strong>
            if let Some(author) = &src.author { { format!(", {author}") } }
            { ", " }
            if let Some(url) = &src.url {
                <a href={url.clone()} rel="noopener" target="_blank"><cite lang={src.title_lang.clone()}>{ &src.title }</cite></a>
            } else {
                <cite lang={src.title_lang.clone()}>{ &src.title }</cite>
            }
            { format!(", {}.", src.date.get(lang.key())) }
            if let Some(note) = &src.note { { format!(" {}", note.get(lang.key())) } }
        </li>
    });
    html! {
        <div class="cc-record">
            <h4>{ ui.timeline_heading }</h4>
            <ol class="cc-events">{ for timeline }</ol>
            if props.full {
                <h4>{ ui.background_heading }</h4>
                <ul class="cc-background">{ for facts }{ for later.into_iter() }</ul>
                <h4>{ ui.sources_heading }</h4>
                <ul class="cc-sources">{ for sources }</ul>
                <h4>{ ui.terms_heading }</h4>
                <dl class="cc-glossary">{ for terms }{ for own }</dl>
            }
        </div>
    }
}
