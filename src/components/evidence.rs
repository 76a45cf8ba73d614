//! The evidence panel: each checked event of the record, what the check
//! asks of the model, and what the reader's settings give.

use claimcheck_model::locale::Lang;
use claimcheck_model::scenario::EventKind;
use claimcheck_model::words::Words;
use yew::prelude::*;

use crate::app::{ResultsRef, ScenarioRef};
use crate::components::quote::Quote;
use crate::i18n::ui;

/// Props of [`Evidence`].
#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The reader's results.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
}

/// The panel.
#[function_component(Evidence)]
pub fn evidence(props: &EvidenceProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let scenario = &props.scenario;
    let w = Words::new(scenario, lang);
    let p = props.results.params.values();
    let items = props.results.checks.iter().map(|c| {
        let e = &scenario.events[c.event];
        let claimed = e.kind == EventKind::Claim;
        let rules = e.checks.iter().zip(&c.outcomes).map(|(rule, o)| html! {
            <li class={if o.pass { "cc-pass" } else { "cc-fail" }}>
                <span class="cc-check-mark" aria-hidden="true">{ if o.pass { "✓" } else { "✗" } }</span>
                { w.rule(rule, p) }{ " " }
                <span class="cc-check-result">{ w.outcome(rule, o) }</span>
            </li>
        });
        html! {
            <li class={classes!("cc-check", if c.pass { "cc-pass" } else { "cc-fail" }, claimed.then_some("cc-check-claimed"))}
                data-check={e.id.clone()} data-pass={c.pass.to_string()}>
                <h4 class="cc-check-head">
                    <span class="cc-check-mark" aria-hidden="true">{ if c.pass { "✓" } else { "✗" } }</span>
                    { Lang::capitalize(w.event_label(e)) }
                    <span class="cc-check-word">{ format!(" · {}", w.pass_word(c.pass)) }</span>
                    if claimed {
                        <span class="cc-badge">{ w.kind(EventKind::Claim) }</span>
                    }
                </h4>
                <p class="cc-check-what">
                    <strong>{ lang.colon(ui.the_record) }</strong>{ " " }
                    { format!("{}. ", e.when.get(lang.key())) }{ e.text.get(lang.key()) }
                </p>
                { for e.quotes.iter().take(1).map(|q| html! {
                    <Quote scenario={scenario.clone()} {lang} quote={q.clone()} />
                }) }
                <p class="cc-check-label"><strong>{ lang.colon(ui.the_check) }</strong></p>
                <ul class="cc-rules">{ for rules }</ul>
            </li>
        }
    });
    html! {
        <div class="cc-evidence">
            <p class="cc-intro">{ ui.evidence_intro }</p>
            <ul class="cc-checks">{ for items }</ul>
        </div>
    }
}
