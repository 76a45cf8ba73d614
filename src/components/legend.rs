//! The chart's legend: a swatch and a word for every mark, including one
//! per demand component of the scenario.

use claimcheck_model::locale::Lang;
use claimcheck_model::scenario::EventKind;
use yew::prelude::*;

use crate::app::{ResultsRef, ScenarioRef};
use crate::i18n::ui;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The reader's results: components that are off are left out.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
}

/// The legend.
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let run = &props.results.run;
    // (class, label, minor): minor entries are explained by the chart's
    // own labels and glyphs, and give way on a phone.
    let mut items: Vec<(String, String, bool)> =
        vec![("cc-sw-curve".into(), ui.legend_failing.into(), false)];
    let on: Vec<_> = props
        .scenario
        .model
        .demand()
        .filter(|(k, _)| !run.demand_of(*k).is_empty())
        .collect();
    for (i, (_, c)) in on.iter().enumerate() {
        items.push((
            format!("cc-sw-area cc-series-{}", i.min(5)),
            c.label.get(lang.key()).to_string(),
            false,
        ));
    }
    items.push(("cc-sw-attempts".into(), ui.legend_attempts.into(), false));
    items.push(("cc-sw-capacity".into(), ui.legend_capacity.into(), false));
    items.push(("cc-sw-threshold".into(), ui.legend_threshold.into(), true));
    items.push(("cc-sw-pass".into(), ui.legend_pass.into(), true));
    items.push(("cc-sw-fail".into(), ui.legend_fail.into(), true));
    let events = &props.scenario.events;
    if events.iter().any(|e| e.kind == EventKind::Claim && e.is_checked()) {
        items.push(("cc-sw-claimed".into(), ui.claimed_start.into(), true));
    }
    html! {
        <ul class="cc-legend">
            { for items.into_iter().map(|(class, label, minor)| html! {
                <li class={minor.then_some("cc-legend-minor")}>
                    <svg class={classes!("cc-swatch", class)} width="24" height="12"
                        aria-hidden="true">
                        <rect class="cc-sw-fill" x="0" y="2" width="24" height="8" rx="2" />
                        <line class="cc-sw-line" x1="0" x2="24" y1="6" y2="6" />
                    </svg>
                    { label }
                </li>
            }) }
        </ul>
    }
}
