//! The causes: presets and one switch per hypothesis, above the chart,
//! so a reader flips a switch and sees the curve and their own fit line
//! change right below it.

use claimcheck_model::locale::Lang;
use claimcheck_model::HypothesisSet;
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::i18n::ui;
use crate::state::Action;

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// The hypotheses switched on.
    pub hypotheses: HypothesisSet,
    /// The switches this placement shows.
    pub switches: HypothesisSet,
    /// Whether this placement shows the presets.
    pub presets: bool,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
}

/// The controls.
#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let dispatch = &props.dispatch;
    let scenario = &props.scenario;

    let presets = props.scenario.presets.iter().map(|p| {
        let set = HypothesisSet::of(&p.hypotheses);
        let active = set == props.hypotheses;
        let d = dispatch.clone();
        html! {
            <button type="button" class="cc-preset" data-preset={p.id.clone()}
                aria-pressed={active.to_string()}
                onclick={Callback::from(move |_| d.emit(Action::Preset(set)))}>
                { p.label.get(lang.key()) }
            </button>
        }
    });

    let switches = scenario.hypotheses.iter().enumerate().filter(|(h, _)| props.switches.contains(*h)).map(|(h, info)| {
        let on = props.hypotheses.contains(h);
        let d = dispatch.clone();
        let toggle = Callback::from(move |_: MouseEvent| d.emit(Action::Switch(h, !on)));
        let desc_id = format!("cc-sw-{}-{}", info.id, scenario.id);
        html! {
            <div class={classes!("cc-hypothesis", on.then_some("cc-on"))} data-hypothesis={info.id.clone()}>
                <button type="button" role="switch" class="cc-switch"
                    data-hypothesis={info.id.clone()} aria-checked={on.to_string()}
                    aria-describedby={desc_id.clone()}
                    onclick={toggle}>
                    <span class="cc-switch-track" aria-hidden="true">
                        <span class="cc-switch-thumb"></span>
                    </span>
                    <span class="cc-switch-label">{ info.label.get(lang.key()) }</span>
                    <span class="cc-switch-state" aria-hidden="true">{ if on { ui.on } else { ui.off } }</span>
                </button>
                <p class="cc-switch-description" id={desc_id}>{ info.description.get(lang.key()) }</p>
            </div>
        }
    });

    html! {
        <section class="cc-controls" aria-label={ui.causes_heading}>
            if props.presets && !scenario.presets.is_empty() {
                <div class="cc-presets" role="group" aria-label={ui.presets_label}>
                    <span class="cc-presets-label" aria-hidden="true">{ lang.colon(ui.presets_label) }</span>
                    { for presets }
                </div>
            }
            <div class="cc-switches" role="group" aria-label={ui.causes_heading}>{ for switches }</div>
        </section>
    }
}
