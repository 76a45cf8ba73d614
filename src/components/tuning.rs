//! The "Tune the causes" panel: the sliders of each switched-on cause,
//! and the shared assumptions (traffic, capacity, behaviour, check
//! thresholds), each with its unit, range, default and a reset button.

use claimcheck_model::locale::Lang;
use claimcheck_model::scenario::Group;
use claimcheck_model::{HypothesisSet, Params};
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::components::param_slider::ParamSlider;
use crate::i18n::ui;
use crate::state::Action;

/// Props of [`Tuning`].
#[derive(Properties, PartialEq)]
pub struct TuningProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// The hypotheses switched on.
    pub hypotheses: HypothesisSet,
    /// The causes this placement shows.
    pub switches: HypothesisSet,
    /// The parameter values.
    pub params: Params,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
}

/// The panel.
#[function_component(Tuning)]
pub fn tuning(props: &TuningProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let scenario = &props.scenario;
    let slider = |index: usize| {
        let set = props.dispatch.clone();
        let reset = props.dispatch.clone();
        html! {
            <ParamSlider
                scenario={scenario.clone()}
                {index}
                value={props.params.get(index)}
                {lang}
                on_change={Callback::from(move |v| set.emit(Action::Set(index, v)))}
                on_reset={Callback::from(move |()| reset.emit(Action::ResetParam(index)))}
            />
        }
    };
    let of_group = |g: Group| -> Vec<usize> {
        scenario
            .params
            .iter()
            .enumerate()
            .filter(|(_, p)| p.group == g)
            .map(|(i, _)| i)
            .collect()
    };
    let groups = scenario.hypotheses.iter().enumerate().filter(|(h, _)| props.switches.contains(*h)).map(|(h, info)| {
        let on = props.hypotheses.contains(h);
        html! {
            <fieldset class="cc-tune-group" data-hypothesis={info.id.clone()}>
                <legend>{ info.label.get(lang.key()) }</legend>
                if on {
                    { for of_group(Group::Hypothesis(h)).into_iter().map(slider) }
                } else {
                    <p class="cc-muted">{ ui.cause_off }</p>
                }
            </fieldset>
        }
    });
    let shared: Vec<usize> =
        [Group::Traffic, Group::Capacity, Group::Behaviour, Group::Checks]
            .into_iter()
            .flat_map(of_group)
            .collect();
    html! {
        <div class="cc-tuning">
            <p class="cc-intro">{ ui.tune_intro }</p>
            <div class="cc-tune-groups">
                { for groups }
                <fieldset class="cc-tune-group cc-tune-shared">
                    <legend>{ ui.tune_shared }</legend>
                    { for shared.into_iter().map(slider) }
                </fieldset>
            </div>
        </div>
    }
}
