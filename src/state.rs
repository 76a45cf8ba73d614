//! The widget's state as plain data, and the actions that change it.
//!
//! Components never change state directly: they dispatch an [`Action`]
//! and the reducer returns the next [`State`]. Model results are derived
//! from the state (see [`crate::results`]), never stored in it.

use std::rc::Rc;

use claimcheck_model::params::ParamId;
use claimcheck_model::params::ParamSpec;
use claimcheck_model::{Hypothesis, HypothesisSet, Params};
use yew::prelude::*;

use crate::settings::DEFAULT_HYPOTHESES;

/// What the reader has chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The hypotheses switched on.
    pub hypotheses: HypothesisSet,
    /// The parameter values; always valid.
    pub params: Params,
    /// The record event the reader last pointed at, if any.
    pub selected: Option<AttrValue>,
    /// The minute the crosshair is at, if shown.
    pub cursor: Option<i32>,
}

impl Default for State {
    fn default() -> State {
        State {
            hypotheses: DEFAULT_HYPOTHESES,
            params: Params::default(),
            selected: None,
            cursor: None,
        }
    }
}

/// Everything a reader can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch a hypothesis on or off.
    Switch(Hypothesis, bool),
    /// Set a parameter; values outside its range are clamped into it.
    Set(ParamId, f64),
    /// Put one parameter back to its default.
    ResetParam(ParamId),
    /// Switch on exactly these hypotheses.
    Preset(HypothesisSet),
    /// Back to the default story: default hypotheses and parameters.
    ResetAll,
    /// Replace hypotheses and parameters at once (the JS API's `set`).
    Load(HypothesisSet, Box<Params>),
    /// Point at a record event.
    Select(AttrValue),
    /// Move the crosshair, or hide it.
    Cursor(Option<i32>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Switch(h, on) => next.hypotheses.set(h, on),
            Action::Set(id, value) => {
                let spec = ParamSpec::of(id);
                let value = if value.is_finite() {
                    value.clamp(spec.min, spec.max)
                } else {
                    spec.default
                };
                // Clamped into range, so this cannot be rejected.
                let _ = next.params.set(id, value);
            }
            Action::ResetParam(id) => {
                let _ = next.params.set(id, ParamSpec::of(id).default);
            }
            Action::Preset(set) => next.hypotheses = set,
            Action::ResetAll => {
                next.hypotheses = DEFAULT_HYPOTHESES;
                next.params = Params::default();
            }
            Action::Load(hypotheses, params) => {
                next.hypotheses = hypotheses;
                next.params = *params;
            }
            Action::Select(id) => next.selected = Some(id),
            Action::Cursor(m) => next.cursor = m,
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

    fn apply(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn a_preset_sets_exactly_its_hypotheses() {
        let only = HypothesisSet::of(&[Hypothesis::Deadline]);
        let s = apply(State::default(), Action::Preset(only));
        assert_eq!(s.hypotheses, only);
    }

    #[test]
    fn out_of_range_values_are_clamped() {
        let s = apply(State::default(), Action::Set(ParamId::TimeoutS, 1e9));
        let spec = ParamSpec::of(ParamId::TimeoutS);
        assert_eq!(s.params.get(ParamId::TimeoutS), spec.max);
        let s = apply(s, Action::ResetParam(ParamId::TimeoutS));
        assert_eq!(s.params.get(ParamId::TimeoutS), spec.default);
    }

    #[test]
    fn reset_restores_the_default_story() {
        let s = apply(
            State::default(),
            Action::Switch(Hypothesis::Election, false),
        );
        assert!(!s.hypotheses.contains(Hypothesis::Election));
        let s = apply(s, Action::ResetAll);
        assert_eq!(s, State::default());
    }
}
