//! The claims, one line each: the verdict mark and word, the claim as
//! its author made it, and one plain sentence with its support. The
//! reasons, the assumption the verdict hangs on, the author's own words
//! and the sources are one tap away.
//!
//! The verdicts come from the analysis across every mix of causes and
//! the plausible assumptions; the reader's switches never move them.

use claimcheck_model::locale::Lang;
use claimcheck_model::verdict::Verdict;
use claimcheck_model::words::Words;
use yew::prelude::*;

use crate::analysis::Progress;
use crate::app::ScenarioRef;
use crate::components::quote::Quote;
use crate::i18n::ui;

/// Props of [`ClaimList`].
#[derive(Properties, PartialEq)]
pub struct ClaimListProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The analysis so far.
    pub progress: Progress,
    /// The interface language.
    pub lang: Lang,
}

/// The glyph of a verdict: never told by colour alone.
pub fn mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "✓",
        Verdict::PartlySupported => "◐",
        Verdict::Contradicted => "✗",
        Verdict::NotTestable => "?",
    }
}

/// The list.
#[function_component(ClaimList)]
pub fn claim_list(props: &ClaimListProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let scenario = &props.scenario;
    let w = Words::new(scenario, lang);
    let p = &props.progress;
    let support = p.support.as_ref();
    let pct = if p.total == 0 {
        100.0
    } else {
        100.0 * p.done as f64 / p.total as f64
    };
    let status = (!p.finished()).then(|| {
        html! {
            <p class="cc-progress" role="status">
                <span>{ format!("{} ({})", ui.checking, lang.percent(pct / 100.0)) }</span>
                <progress max={p.total.to_string()} value={p.done.to_string()} aria-hidden="true"></progress>
            </p>
        }
    });

    let items = scenario.claims.iter().enumerate().map(|(i, claim)| {
        let cs = support.and_then(|s| s.judgement.claims.get(i));
        let verdict_class = cs.map_or("cc-verdict-pending".to_string(), |c| format!("cc-verdict-{}", c.verdict.id()));
        let line = match (cs, support) {
            (Some(cs), Some(s)) => {
                let reasons = w.claim_reasons(&s.judgement, cs);
                let first = reasons.first().cloned().unwrap_or_else(|| w.claim_head(cs));
                let hangs = s.claims.get(i).and_then(|h| h.hangs_on.as_ref()).map(|h| w.hangs_on(h));
                html! {
                    <details class="cc-claim-more">
                        <summary>
                            <span class="cc-verdict">
                                <span class="cc-mark" aria-hidden="true">{ mark(cs.verdict) }</span>
                                <strong class="cc-verdict-word">{ w.verdict(cs.verdict) }</strong>
                                if cs.verdict != Verdict::NotTestable {
                                    <span class="cc-support">{ w.support_short(cs) }</span>
                                }
                                if cs.verdict == Verdict::NotTestable {
                                    <span class="cc-why-link">{ ui.more }</span>
                                }
                            </span>
                            if cs.verdict != Verdict::NotTestable {
                                <span class="cc-verdict-why">{ first }{ " " }<span class="cc-why-link">{ ui.more }</span></span>
                            }
                        </summary>
                        <div class="cc-claim-detail">
                            <p class="cc-claim-by">{ format!("{} {}, {}", lang.colon(ui.claim_by), claim.who.get(lang.key()), claim.when.get(lang.key())) }</p>
                            <ul class="cc-reasons">
                                if cs.verdict == Verdict::NotTestable { <li>{ w.claim_head(cs) }</li> }
                                { for reasons.iter().skip(1).map(|r| html! { <li>{ r.clone() }</li> }) }
                                if let Some(h) = hangs { <li>{ h }</li> }
                            </ul>
                            { for claim.quotes.iter().map(|q| html! {
                                <Quote scenario={scenario.clone()} {lang} quote={q.clone()} />
                            }) }
                        </div>
                    </details>
                }
            }
            _ => html! {
                <p class="cc-verdict">
                    <span class="cc-mark" aria-hidden="true">{ "…" }</span>
                    <strong class="cc-verdict-word">{ ui.checking }</strong>
                </p>
            },
        };
        html! {
            <li class={classes!("cc-claim", verdict_class)} data-claim={claim.id.clone()}>
                <p class="cc-claim-text">
                    { claim.text.get(lang.key()) }
                    <span class="cc-claim-who">{ format!(" — {}, {}", claim.who.get(lang.key()), claim.when.get(lang.key())) }</span>
                </p>
                { line }
            </li>
        }
    });

    html! {
        <section class="cc-claims" aria-label={ui.claims_heading}>
            <h3 class="cc-claims-heading">{ ui.claims_heading }</h3>
            { for status }
            <ol class="cc-claim-list">{ for items }</ol>
        </section>
    }
}
