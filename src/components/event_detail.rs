//! The record event the reader points at (a marker hovered, focused or
//! tapped), in one short block under the chart: when, what, and the
//! first verbatim quote with its source.

use claimcheck_model::locale::Lang;
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::components::quote::Quote;

/// Props of [`EventDetail`].
#[derive(Properties, PartialEq)]
pub struct EventDetailProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// The selected event's index.
    pub selected: Option<usize>,
}

/// The block, empty until an event is chosen.
#[function_component(EventDetail)]
pub fn event_detail(props: &EventDetailProps) -> Html {
    let lang = props.lang;
    let s = &props.scenario;
    let Some(e) = props.selected.and_then(|i| s.events.get(i)) else {
        return html! {};
    };
    html! {
        <div class="cc-detail" data-event={e.id.clone()}>
            <p>
                <span class="cc-detail-when">{ lang.colon(e.when.get(lang.key())) }</span>
                { " " }{ e.text.get(lang.key()) }
            </p>
            { for e.quotes.iter().take(1).map(|q| html! {
                <Quote scenario={s.clone()} {lang} quote={q.clone()} />
            }) }
        </div>
    }
}
