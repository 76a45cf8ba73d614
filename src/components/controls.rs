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

    // On a phone the presets are one select instead of a row of buttons
    // (CSS shows one or the other).
    let current = scenario
        .presets
        .iter()
        .position(|p| HypothesisSet::of(&p.hypotheses) == props.hypotheses);
    let select_id = format!("cc-preset-select-{}", scenario.id);
    let on_select = {
        let d = dispatch.clone();
        let sets: Vec<HypothesisSet> = scenario
            .presets
            .iter()
            .map(|p| HypothesisSet::of(&p.hypotheses))
            .collect();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(set) =
                select.value().parse::<usize>().ok().and_then(|i| sets.get(i))
            {
                d.emit(Action::Preset(*set));
            }
        })
    };
    html! {
        <section class="cc-controls" aria-label={ui.causes_heading}>
            if props.presets && !scenario.presets.is_empty() {
                <div class="cc-presets" role="group" aria-label={ui.presets_label}>
                    <span class="cc-presets-label" aria-hidden="true">{ lang.colon(ui.presets_label) }</span>
                    { for presets }
                </div>
                <div class="cc-preset-select">
                    <label for={select_id.clone()}>{ lang.colon(ui.presets_label) }</label>
                    <select id={select_id} onchange={on_select}>
                        if current.is_none() {
                            <option value="" selected=true>{ "—" }</option>
                        }
                        { for scenario.presets.iter().enumerate().map(|(i, p)| html! {
                            <option value={i.to_string()} selected={current == Some(i)}>{ p.label.get(lang.key()) }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="cc-switches" role="group" aria-label={ui.causes_heading}>{ for switches }</div>
        </section>
    }
}
