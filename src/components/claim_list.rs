//! The claims panel: every claim in the record with its verdict under
//! the reader's hypotheses, and why.

use claimcheck_model::verdict::Verdict;
use claimcheck_model::Hypothesis;
use yew::prelude::*;

use crate::app::{ResultsRef, ScenarioRef};
use crate::i18n::Lang;

/// Props of [`ClaimList`].
#[derive(Properties, PartialEq)]
pub struct ClaimListProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The model's results.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
}

/// The verdict's word in `lang`.
pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    if lang == Lang::Fr {
        v.label_fr()
    } else {
        v.label()
    }
}

/// The verdict's glyph: shape as well as colour.
pub fn verdict_glyph(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "✓",
        Verdict::PartlySupported => "◐",
        Verdict::Contradicted => "✗",
        Verdict::NotTestable => "?",
    }
}

/// The panel.
#[function_component(ClaimList)]
pub fn claim_list(props: &ClaimListProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let scenario = &props.scenario;
    let best: Vec<&str> = Hypothesis::ALL
        .into_iter()
        .filter(|&h| props.results.best.contains(h))
        .filter_map(|h| scenario.hypothesis(h))
        .map(|i| lang.text(&i.label))
        .collect();
    let items = scenario.claims.iter().map(|c| {
        let v = props.results.verdict(&c.id);
        html! {
            <li class={classes!("cc-claim", v.map(|v| format!("cc-verdict-{}", v.verdict.id())))}
                data-claim={c.id.clone()}
                data-verdict={v.map(|v| v.verdict.id())}>
                <p class="cc-claim-text">{ format!("“{}”", lang.text(&c.text)) }</p>
                <p class="cc-claim-who">
                    { format!("{} · {}", lang.text(&c.who), lang.text(&c.when)) }
                </p>
                if let Some(v) = v {
                    <p class="cc-verdict">
                        <span class="cc-verdict-mark" aria-hidden="true">
                            { verdict_glyph(v.verdict) }
                        </span>
                        <strong>{ format!("{}: {}", ui.verdict_word, verdict_label(v.verdict, lang)) }</strong>
                    </p>
                    <p class="cc-verdict-why">
                        { if lang == Lang::Fr { &v.why_fr } else { &v.why } }
                    </p>
                }
            </li>
        }
    });
    html! {
        <section class="cc-section cc-claims-panel">
            <h3>{ ui.claims_heading }</h3>
            <p class="cc-intro">{ ui.claims_intro }</p>
            <ul class="cc-claims">{ for items }</ul>
            <p class="cc-best">
                { format!("{}: {}.", ui.best_fit,
                    if best.is_empty() { ui.summary_nothing.to_string() } else { lang.list(&best) }) }
            </p>
        </section>
    }
}
