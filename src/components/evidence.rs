//! The evidence panel: every check with pass or fail, its sentence with
//! the numbers, and the observation it checks (quote and source).

use claimcheck_model::checks::CheckKind;
use yew::prelude::*;

use crate::app::{ResultsRef, ScenarioRef};
use crate::components::quote::Quote;
use crate::i18n::Lang;

/// Props of [`Evidence`].
#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The model's results.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
}

/// The panel.
#[function_component(Evidence)]
pub fn evidence(props: &EvidenceProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let scenario = &props.scenario;
    let items = props.results.checks.iter().map(|c| {
        let event = scenario.event(&c.id);
        let why = if lang == Lang::Fr { &c.why_fr } else { &c.why };
        let (glyph, word) = match (c.kind, c.pass) {
            (CheckKind::Claimed, true) => ("✓", ui.claim_matches),
            (CheckKind::Claimed, false) => ("✗", ui.claim_differs),
            (_, true) => ("✓", ui.legend_pass),
            (_, false) => ("✗", ui.legend_fail),
        };
        let word = word.trim_start_matches(['—', ' ', '✓', '✗']);
        html! {
            <li class={classes!("cc-check", if c.pass { "cc-pass" } else { "cc-fail" },
                    (c.kind == CheckKind::Claimed).then_some("cc-check-claimed"))}
                data-check={c.id.clone()} data-pass={c.pass.to_string()}>
                <p class="cc-check-head">
                    <span class="cc-check-mark" aria-hidden="true">{ glyph }</span>
                    <span class="cc-check-word">{ word }</span>
                    if let Some(e) = event {
                        <span class="cc-check-when">{ lang.text(&e.when) }</span>
                    }
                </p>
                if let Some(e) = event {
                    <p class="cc-check-what">{ lang.text(&e.text) }</p>
                }
                <p class="cc-check-why">{ why }</p>
                if let Some(e) = event {
                    { for e.quotes.iter().take(1).map(|q| html! {
                        <Quote scenario={scenario.clone()} {lang} quote={q.clone()} />
                    }) }
                }
            </li>
        }
    });
    html! {
        <section class="cc-section cc-evidence">
            <h3>{ ui.evidence_heading }</h3>
            <p class="cc-intro">{ ui.evidence_intro }</p>
            <ul class="cc-checks">{ for items }</ul>
        </section>
    }
}
