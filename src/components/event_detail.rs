//! The detail box: the selected event's quotes and source.

use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::components::event_list::when_line;
use crate::components::quote::Quote;
use crate::i18n::Lang;

/// Props of [`EventDetail`].
#[derive(Properties, PartialEq)]
pub struct EventDetailProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// The id of the selected event, if any.
    pub selected: Option<AttrValue>,
}

/// Shows what the record says about the selected event.
#[function_component(EventDetail)]
pub fn event_detail(props: &EventDetailProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let scenario = &props.scenario;
    let event = props.selected.as_deref().and_then(|id| scenario.event(id));
    let Some(event) = event else {
        return html! {
            <div class="cc-detail cc-detail-empty">
                <p>{ ui.detail_prompt }</p>
            </div>
        };
    };
    let sources =
        event.sources.iter().filter_map(|id| scenario.source(id)).map(|s| {
            html! {
                <li>
                    { format!("{}, ", s.publisher) }
                    <cite lang={s.title_lang.clone()}>{ &s.title }</cite>
                    { format!(" ({})", lang.text(&s.date)) }
                </li>
            }
        });
    html! {
        <div class="cc-detail" data-event={event.id.clone()}>
            <p class="cc-detail-when">{ when_line(scenario, lang, event) }</p>
            <p class="cc-detail-text">{ lang.text(&event.text) }</p>
            { for event.quotes.iter().map(|q| html! {
                <Quote scenario={scenario.clone()} {lang} quote={q.clone()} />
            }) }
            <p class="cc-detail-source">{ format!("{}:", ui.source) }</p>
            <ul class="cc-source-list">{ for sources }</ul>
        </div>
    }
}
