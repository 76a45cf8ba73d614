//! What the model computes for the reader's own settings: the run for
//! their mix of causes, its checks against the record, and how many
//! observations it reproduces.
//!
//! Computed in the browser on every input event, from scratch: one
//! simulation. The claims' verdicts do not depend on the reader's
//! settings; they come from the analysis across the assumption space
//! ([`crate::analysis`]).

use claimcheck_model::checks::{check_all, CheckResult};
use claimcheck_model::sim::{simulate_into, Run};
use claimcheck_model::{HypothesisSet, Params, Scenario};

/// Everything the view shows about the reader's own settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// The scenario's id.
    pub scenario_id: String,
    /// The reader's hypotheses.
    pub hypotheses: HypothesisSet,
    /// The parameters.
    pub params: Params,
    /// The simulated run for them.
    pub run: Run,
    /// Its checks against the record, in file order.
    pub checks: Vec<CheckResult>,
    /// How many of the record's observations it reproduces, and how many
    /// there are.
    pub score: (usize, usize),
}

impl Results {
    /// Runs the model for `hypotheses` and `params`.
    pub fn compute(
        scenario: &Scenario,
        hypotheses: HypothesisSet,
        params: &Params,
    ) -> Results {
        let mut run = Run::new();
        simulate_into(scenario, params, hypotheses, &mut run);
        let checks = check_all(scenario, params, &run);
        let obs: Vec<&CheckResult> =
            checks.iter().filter(|c| c.is_observation()).collect();
        let score = (obs.iter().filter(|c| c.pass).count(), obs.len());
        Results {
            scenario_id: scenario.id.clone(),
            hypotheses,
            params: params.clone(),
            run,
            checks,
            score,
        }
    }

    /// The check of the event with index `event`, if it has one.
    pub fn check(&self, event: usize) -> Option<&CheckResult> {
        self.checks.iter().find(|c| c.event == event)
    }
}
