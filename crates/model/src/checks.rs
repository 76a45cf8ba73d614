//! Checks: does a simulated run reproduce what the record says?
//!
//! Every event of a scenario that lists rules ([`crate::rules`]) is
//! checked; it is reproduced when all its rules pass. Observations count
//! towards how well a run fits the record. A dated *claim* (the "11 p.m."
//! account) is checked the same way but never counts as part of the
//! record: [`crate::verdict`] uses it to judge the claim that cites it.

use crate::model::ComponentKind;
use crate::params::Params;
use crate::rules::{Outcome, RunView, Topic};
use crate::scenario::{EventKind, Scenario};
use crate::sim::{component_on, Run};

/// The result of checking one event on one run.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    /// The event's index in the scenario.
    pub event: usize,
    /// Observation or dated claim.
    pub kind: EventKind,
    /// Outage if any rule is about the outage, else traffic.
    pub topic: Topic,
    /// Whether every rule passes.
    pub pass: bool,
    /// Each rule's outcome, in the event's order.
    pub outcomes: Vec<Outcome>,
}

impl CheckResult {
    /// Whether this check is one of the record's observations (it counts
    /// towards the fit).
    pub fn is_observation(&self) -> bool {
        self.kind == EventKind::Observation
    }
}

/// What a run's series and the parameters look like to the rules.
pub fn view<'a>(
    scenario: &'a Scenario,
    params: &'a Params,
    run: &'a Run,
) -> RunView<'a> {
    let model = &scenario.model;
    let p = params.values();
    let demand = model
        .components
        .iter()
        .enumerate()
        .filter_map(|(k, c)| match c.kind {
            ComponentKind::Demand { segment_share, .. } => {
                let series = run.demand_of(k);
                (!series.is_empty()).then(|| {
                    let share = segment_share.get(p).clamp(0.0, 1.0);
                    let always = component_on(model, k, Default::default());
                    (series, share, always)
                })
            }
            _ => None,
        })
        .collect();
    RunView {
        failure_fraction: &run.failure_fraction,
        served: &run.served,
        segment_share: &run.segment_share,
        demand,
        nominal_capacity: &run.nominal_capacity,
        params: p,
    }
}

/// Checks every checked event, in file order.
///
/// # Examples
/// ```
/// use claimcheck_model::checks::check_all;
/// use claimcheck_model::sim::simulate;
/// use claimcheck_model::{bundled, HypothesisSet, Params};
/// let s = bundled::default_scenario();
/// let params = Params::defaults(&s.params);
/// let run = simulate(&s, &params, HypothesisSet::NONE);
/// let checks = check_all(&s, &params, &run);
/// // Ordinary traffic alone reproduces no outage at all.
/// assert!(checks.iter().any(|c| !c.pass));
/// ```
pub fn check_all(
    scenario: &Scenario,
    params: &Params,
    run: &Run,
) -> Vec<CheckResult> {
    let v = view(scenario, params, run);
    scenario
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.is_checked())
        .map(|(i, e)| {
            let outcomes: Vec<Outcome> =
                e.checks.iter().map(|r| r.evaluate(&v)).collect();
            let topic = if e.checks.iter().any(|r| r.topic() == Topic::Outage)
            {
                Topic::Outage
            } else {
                Topic::Traffic
            };
            CheckResult {
                event: i,
                kind: e.kind,
                topic,
                pass: outcomes.iter().all(|o| o.pass),
                outcomes,
            }
        })
        .collect()
}

/// Which checked events a run reproduces, as bits over the scenario's
/// checked events in file order (bit k = the k-th checked event).
pub fn pass_mask(scenario: &Scenario, params: &Params, run: &Run) -> u64 {
    let v = view(scenario, params, run);
    let mut mask = 0;
    for (k, e) in scenario.checked().enumerate() {
        if e.checks.iter().all(|r| r.evaluate(&v).pass) {
            mask |= 1 << k;
        }
    }
    mask
}
