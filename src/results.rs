//! Model results derived from the state: the run for the reader's
//! hypotheses, its checks, and the claims' verdicts.
//!
//! Computed in the browser on every input event, from scratch: nine
//! simulations (the reader's world plus the eight worlds the verdict
//! rule compares) at about 20 µs each natively.

use claimcheck_model::checks::CheckResult;
use claimcheck_model::params::ParamId;
use claimcheck_model::sim::{simulate_into, Run};
use claimcheck_model::verdict::{judge_in, ClaimVerdict, Evidence};
use claimcheck_model::{HypothesisSet, Params, Scenario};

/// Everything the view shows that the model computes.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// The reader's hypotheses.
    pub hypotheses: HypothesisSet,
    /// The parameters.
    pub params: Params,
    /// The simulated run for them.
    pub run: Run,
    /// Its checks against the record, in display order.
    pub checks: Vec<CheckResult>,
    /// Each claim's verdict, judged in the reader's world.
    pub verdicts: Vec<ClaimVerdict>,
    /// The combination of hypotheses that reproduces the most of the
    /// record with these parameters.
    pub best: HypothesisSet,
    /// How many of the record's observations the reader's world
    /// reproduces, and how many there are.
    pub score: (usize, usize),
    /// The failure fraction the checks call degraded (an assumption).
    pub threshold_degraded: f64,
}

impl Results {
    /// Runs the model for `hypotheses` and `params`.
    pub fn compute(
        scenario: &Scenario,
        hypotheses: HypothesisSet,
        params: &Params,
    ) -> Results {
        let gathered = Evidence::gather(scenario, params);
        let best = gathered.best;
        let mut run = Run::new();
        simulate_into(params, hypotheses, &mut run);
        let world = gathered.world(hypotheses);
        let checks = world.map(|w| w.checks.clone()).unwrap_or_default();
        let score = world.map_or(0, |w| w.score());
        let observations = checks
            .iter()
            .filter(|c| c.kind != claimcheck_model::checks::CheckKind::Claimed)
            .count();
        let verdicts = scenario
            .claims
            .iter()
            .map(|c| judge_in(c, &gathered, hypotheses))
            .collect();
        Results {
            hypotheses,
            params: *params,
            run,
            checks,
            verdicts,
            best,
            score: (score, observations),
            threshold_degraded: params.get(ParamId::DegradedPct) / 100.0,
        }
    }

    /// The check of the record event `id`, if it has one.
    pub fn check(&self, id: &str) -> Option<&CheckResult> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The verdict on claim `id`.
    pub fn verdict(&self, id: &str) -> Option<&ClaimVerdict> {
        self.verdicts.iter().find(|v| v.id == id)
    }
}
