//! Background facts, statements made after the window, and sources:
//! part of the record, not points on the time axis.

use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::components::quote::Quote;
use crate::i18n::Lang;

/// Props of [`Background`].
#[derive(Properties, PartialEq)]
pub struct BackgroundProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
}

/// Background, later statements and the source list.
#[function_component(Background)]
pub fn background(props: &BackgroundProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let s = &props.scenario;
    let facts = s.background.iter().map(|b| {
        html! {
            <li data-background={b.id.clone()}>
                <span class="cc-event-when">{ lang.text(&b.when) }</span>
                { " " }{ lang.text(&b.text) }
                { for b.quotes.iter().map(|q| html! {
                    <Quote scenario={s.clone()} {lang} quote={q.clone()} />
                }) }
            </li>
        }
    });
    let later = s.events.iter().filter(|e| e.time.is_none()).map(|e| {
        html! {
            <li data-event={e.id.clone()}>
                <span class="cc-event-when">{ lang.text(&e.when) }</span>
                { " " }{ lang.text(&e.text) }
                { for e.quotes.iter().map(|q| html! {
                    <Quote scenario={s.clone()} {lang} quote={q.clone()} />
                }) }
            </li>
        }
    });
    let sources = s.sources.iter().map(|src| {
        html! {
            <li id={format!("cc-source-{}", src.id)}>
                <strong>{ &src.id }</strong>
                { format!(" — {}", src.publisher) }
                if let Some(author) = &src.author {
                    { format!(", {author}") }
                }
                { ", " }
                <cite lang={src.title_lang.clone()}>{ &src.title }</cite>
                { format!(" ({})", lang.text(&src.date)) }
                if let Some(note) = &src.note {
                    { format!(". {}", lang.text(note)) }
                }
            </li>
        }
    });
    html! {
        <>
            <section class="cc-section">
                <h3>{ ui.background_heading }</h3>
                <ul class="cc-background">{ for facts }{ for later }</ul>
            </section>
            <section class="cc-section">
                <h3>{ ui.sources_heading }</h3>
                <ul class="cc-sources">{ for sources }</ul>
            </section>
        </>
    }
}
