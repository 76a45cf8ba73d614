//! The chart's legend: a swatch and a word for every mark.

use yew::prelude::*;

use crate::i18n::Lang;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The interface language.
    pub lang: Lang,
}

/// The legend.
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let ui = props.lang.ui();
    let items = [
        ("cc-sw-curve", ui.legend_failing),
        ("cc-sw-baseline", ui.legend_baseline),
        ("cc-sw-deadline", ui.legend_deadline),
        ("cc-sw-election", ui.legend_election),
        ("cc-sw-attempts", ui.legend_attempts),
        ("cc-sw-capacity", ui.legend_capacity),
        ("cc-sw-pass", ui.legend_pass),
        ("cc-sw-fail", ui.legend_fail),
        ("cc-sw-claimed", ui.claimed_onset),
        ("cc-sw-deadline-line", ui.deadline_label),
    ];
    html! {
        <ul class="cc-legend">
            { for items.iter().map(|(class, label)| html! {
                <li>
                    <svg class={classes!("cc-swatch", *class)} width="24" height="12"
                        aria-hidden="true">
                        <rect class="cc-sw-fill" x="0" y="2" width="24" height="8" rx="2" />
                        <line class="cc-sw-line" x1="0" x2="24" y1="6" y2="6" />
                    </svg>
                    { *label }
                </li>
            }) }
        </ul>
    }
}
