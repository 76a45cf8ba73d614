//! Below the chart: the sliders that tune each switched-on hypothesis,
//! and the shared assumptions in a disclosure.

use claimcheck_model::params::{ParamGroup, ParamSpec, SPECS};
use claimcheck_model::{Hypothesis, HypothesisSet, Params};
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::components::param_slider::ParamSlider;
use crate::i18n::Lang;
use crate::state::Action;

/// Props of [`Tuning`].
#[derive(Properties, PartialEq)]
pub struct TuningProps {
    /// The record (hypothesis labels).
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// The hypotheses switched on.
    pub hypotheses: HypothesisSet,
    /// The parameter values.
    pub params: Params,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
}

/// The tuning section.
#[function_component(Tuning)]
pub fn tuning(props: &TuningProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let slider = |spec: &'static ParamSpec| {
        let set = props.dispatch.clone();
        let reset = props.dispatch.clone();
        let id = spec.id;
        html! {
            <ParamSlider
                {spec}
                value={props.params.get(id)}
                {lang}
                on_change={Callback::from(move |v| set.emit(Action::Set(id, v)))}
                on_reset={Callback::from(move |()| reset.emit(Action::ResetParam(id)))}
            />
        }
    };
    let groups = Hypothesis::ALL
        .into_iter()
        .filter(|&h| props.hypotheses.contains(h))
        .map(|h| {
            let label = props
                .scenario
                .hypothesis(h)
                .map_or(h.id(), |i| lang.text(&i.label));
            let params = SPECS.iter().filter(|s| s.hypothesis == Some(h));
            html! {
                <fieldset class="cc-tune-group" data-hypothesis={h.id()}>
                    <legend>{ label }</legend>
                    { for params.map(slider) }
                </fieldset>
            }
        });
    let shared = SPECS.iter().filter(|s| {
        s.hypothesis.is_none()
            && matches!(
                s.group,
                ParamGroup::Baseline
                    | ParamGroup::Behaviour
                    | ParamGroup::Checks
                    | ParamGroup::Capacity
            )
    });
    html! {
        <section class="cc-section cc-tuning">
            <h3>{ ui.tune_heading }</h3>
            <div class="cc-tune-groups">{ for groups }</div>
            <details class="cc-more">
                <summary>{ ui.more_assumptions }</summary>
                <div class="cc-tune-groups">
                    <fieldset class="cc-tune-group">
                        <legend>{ ui.shared_assumptions }</legend>
                        { for shared.map(slider) }
                    </fieldset>
                </div>
            </details>
        </section>
    }
}
