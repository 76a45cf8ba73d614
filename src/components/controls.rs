//! The controls above the chart: presets, one switch per hypothesis,
//! and the link and reset buttons. The sliders that tune each
//! hypothesis are below the chart ([`crate::components::tuning`]), so
//! the chart comes right after the switches at every width and the
//! reading order is the visual order.

use claimcheck_model::{Hypothesis, HypothesisSet};
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::i18n::Lang;
use crate::state::Action;

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The record (labels of hypotheses and presets).
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// The hypotheses switched on.
    pub hypotheses: HypothesisSet,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
    /// Called when the reader asks to copy the link.
    pub on_copy: Callback<()>,
    /// What the last copy did, if anything.
    pub copy_status: Option<AttrValue>,
}

/// The controls.
#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let dispatch = &props.dispatch;

    let presets = props.scenario.presets.iter().map(|p| {
        let set = HypothesisSet::of(&p.hypotheses);
        let active = set == props.hypotheses;
        let d = dispatch.clone();
        html! {
            <button type="button" class="cc-preset" data-preset={p.id.clone()}
                aria-pressed={active.to_string()}
                onclick={Callback::from(move |_| d.emit(Action::Preset(set)))}>
                { lang.text(&p.label) }
            </button>
        }
    });

    let switches = Hypothesis::ALL.into_iter().map(|h| {
        let on = props.hypotheses.contains(h);
        let info = props.scenario.hypothesis(h);
        let label = info.map_or(h.id(), |i| lang.text(&i.label));
        let description = info.map_or("", |i| lang.text(&i.description));
        let d = dispatch.clone();
        let toggle = Callback::from(move |_: MouseEvent| d.emit(Action::Switch(h, !on)));
        html! {
            <div class={classes!("cc-hypothesis", on.then_some("cc-on"))}
                data-hypothesis={h.id()}>
                <button type="button" role="switch" class="cc-switch"
                    data-hypothesis={h.id()} aria-checked={on.to_string()}
                    onclick={toggle}>
                    <span class="cc-switch-track" aria-hidden="true">
                        <span class="cc-switch-thumb"></span>
                    </span>
                    <span class="cc-switch-label">{ label }</span>
                    <span class="cc-switch-state">{ if on { ui.on } else { ui.off } }</span>
                </button>
                <p class="cc-switch-description">{ description }</p>
            </div>
        }
    });

    let copy = {
        let cb = props.on_copy.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let reset = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::ResetAll))
    };

    html! {
        <section class="cc-controls" aria-label={ui.controls_heading}>
            <h3 class="cc-controls-heading">{ ui.controls_heading }</h3>
            <div class="cc-presets" role="group" aria-label={ui.presets_label}>
                { for presets }
            </div>
            <div class="cc-switches">{ for switches }</div>
            <div class="cc-actions">
                <button type="button" class="cc-button cc-copy" onclick={copy}>
                    { ui.copy_link }
                </button>
                <button type="button" class="cc-button cc-reset" onclick={reset}>
                    { ui.reset_all }
                </button>
                <span class="cc-copy-status" role="status">
                    { props.copy_status.clone().unwrap_or_default() }
                </span>
            </div>
        </section>
    }
}
