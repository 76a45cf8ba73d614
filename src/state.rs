//! The widget's state as plain data, and the actions that change it.
//!
//! Components never change state directly: they dispatch an [`Action`]
//! and the reducer returns the next [`State`]. Model results are derived
//! from the state (see [`crate::results`]), never stored in it.

use std::rc::Rc;

use claimcheck_model::{HypothesisSet, Params, Scenario};
use yew::prelude::*;

use crate::app::Shared;
use crate::settings::Panel;

/// What the reader has chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The incident.
    pub scenario: Shared<Scenario>,
    /// The hypotheses switched on.
    pub hypotheses: HypothesisSet,
    /// The parameter values; always valid for the scenario.
    pub params: Params,
    /// The record event (index) the reader last pointed at, if any.
    pub selected: Option<usize>,
    /// The minute the crosshair is at, if shown.
    pub cursor: Option<i32>,
    /// The open panel, if any.
    pub panel: Option<Panel>,
}

impl State {
    /// The defaults of `scenario`: every hypothesis on, every parameter
    /// at its default.
    pub fn new(scenario: Rc<Scenario>) -> State {
        State {
            hypotheses: HypothesisSet::all(scenario.hypotheses.len()),
            params: Params::defaults(&scenario.params),
            scenario: Shared(scenario),
            selected: None,
            cursor: None,
            panel: None,
        }
    }
}

/// Everything a reader (or the host page) can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch hypothesis `i` on or off.
    Switch(usize, bool),
    /// Set parameter `i`; values outside its range are clamped into it.
    Set(usize, f64),
    /// Put parameter `i` back to its default.
    ResetParam(usize),
    /// Switch on exactly these hypotheses.
    Preset(HypothesisSet),
    /// Back to the default story: every hypothesis on, defaults.
    ResetAll,
    /// Replace scenario, hypotheses and parameters at once (the JS API's
    /// `set`); the parameters must belong to the scenario.
    Load(Shared<Scenario>, HypothesisSet, Box<Params>),
    /// Point at a record event.
    Select(usize),
    /// Move the crosshair, or hide it.
    Cursor(Option<i32>),
    /// Open a panel, or close the open one.
    Open(Option<Panel>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let specs = &self.scenario.params;
        match action {
            Action::Switch(h, on) => {
                if h < self.scenario.hypotheses.len() {
                    next.hypotheses.set(h, on)
                }
            }
            Action::Set(i, value) => {
                if let Some(spec) = specs.get(i) {
                    let value = if value.is_finite() {
                        value.clamp(spec.min, spec.max)
                    } else {
                        spec.default
                    };
                    // Clamped into range, so this cannot be rejected.
                    let _ = next.params.set(specs, i, value);
                }
            }
            Action::ResetParam(i) => {
                if let Some(spec) = specs.get(i) {
                    let _ = next.params.set(specs, i, spec.default);
                }
            }
            Action::Preset(set) => next.hypotheses = set,
            Action::ResetAll => {
                next.hypotheses =
                    HypothesisSet::all(self.scenario.hypotheses.len());
                next.params = Params::defaults(specs);
            }
            Action::Load(scenario, hypotheses, params) => {
                if scenario != self.scenario {
                    next.selected = None;
                    next.cursor = None;
                }
                next.scenario = scenario;
                next.hypotheses = hypotheses;
                next.params = *params;
            }
            Action::Select(id) => next.selected = Some(id),
            Action::Cursor(m) => next.cursor = m,
            Action::Open(p) => next.panel = p,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn apply(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn a_preset_sets_exactly_its_hypotheses() {
        let only = HypothesisSet::of(&[1]);
        let s =
            apply(State::new(data::default_scenario()), Action::Preset(only));
        assert_eq!(s.hypotheses, only);
    }

    #[test]
    fn out_of_range_values_are_clamped() {
        let s0 = State::new(data::default_scenario());
        let i = s0.scenario.params.iter().position(|p| !p.is_fixed()).unwrap();
        let (max, default) =
            (s0.scenario.params[i].max, s0.scenario.params[i].default);
        let s = apply(s0, Action::Set(i, 1e12));
        assert_eq!(s.params.get(i), max);
        let s = apply(s, Action::ResetParam(i));
        assert_eq!(s.params.get(i), default);
    }

    #[test]
    fn reset_restores_the_default_story() {
        let s0 = State::new(data::default_scenario());
        let s = apply(s0.clone(), Action::Switch(0, false));
        assert!(!s.hypotheses.contains(0));
        let s = apply(s, Action::ResetAll);
        assert_eq!(s, s0);
    }
}
