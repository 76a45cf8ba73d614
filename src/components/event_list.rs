//! The timeline as a plain numbered list, for screen readers and for
//! anyone who prefers to read.

use claimcheck_model::scenario::{Event, EventKind, Scenario};
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::components::quote::Quote;
use crate::i18n::Lang;

/// Props of [`EventList`].
#[derive(Properties, PartialEq)]
pub struct EventListProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
}

/// Every dated event, numbered as on the axis.
#[function_component(EventList)]
pub fn event_list(props: &EventListProps) -> Html {
    let lang = props.lang;
    let scenario = &props.scenario;
    let items = scenario.timeline().into_iter().map(|e| {
        html! {
            <li class={classes!("cc-event", format!("cc-kind-{}", e.kind.id()))}
                data-event={e.id.clone()}>
                <p class="cc-event-when">
                    { when_line(scenario, lang, e) }
                    { kind_badge(lang, e.kind) }
                </p>
                <p>{ lang.text(&e.text) }</p>
                { for e.quotes.iter().map(|q| html! {
                    <Quote scenario={scenario.clone()} {lang} quote={q.clone()} />
                }) }
            </li>
        }
    });
    html! {
        <section class="cc-section cc-events-section">
            <h3>{ lang.ui().events_heading }</h3>
            <ol class="cc-events">{ for items }</ol>
        </section>
    }
}

/// "8 Nov, about 2 p.m. — 1:30 p.m. to 2:30 p.m.": the record's words
/// and the window the widget draws.
pub fn when_line(scenario: &Scenario, lang: Lang, event: &Event) -> String {
    let words = lang.text(&event.when);
    let Some(t) = event.time else { return words.to_string() };
    if t.from == t.to {
        return words.to_string();
    }
    let from = scenario.clock.local(t.from);
    let to = scenario.clock.local(t.to);
    let ui = lang.ui();
    let (from, to) =
        if (from.year, from.month, from.day) == (to.year, to.month, to.day) {
            (lang.time_of_day(from), lang.time_of_day(to))
        } else {
            (lang.date_time(from), lang.date_time(to))
        };
    format!("{words} · {} {from} {} {to}", ui.window, ui.and)
}

fn kind_badge(lang: Lang, kind: EventKind) -> Html {
    let ui = lang.ui();
    let text = match kind {
        EventKind::Observation => ui.kind_observation,
        EventKind::Claim => ui.claim_badge,
        EventKind::Statement => ui.kind_statement,
        EventKind::Milestone => ui.kind_milestone,
    };
    html! { <span class="cc-badge">{ text }</span> }
}
