//! No point of any bundled scenario's parameter box makes the model
//! panic or produce NaN: the simulation, the checks and the verdict
//! rule at one point (`judge_point`), in every world.

mod common;

use claimcheck_model::checks::check_all;
use claimcheck_model::rules::{Rule, Topic};
use claimcheck_model::scenario::Scenario;
use claimcheck_model::sim::simulate;
use claimcheck_model::verdict::{judge_point, Judgement};
use claimcheck_model::{HypothesisSet, Params};
use proptest::prelude::*;

fn unit(x: f64) -> bool {
    (0.0..=1.0).contains(&x)
}

fn assert_checks_sane(s: &Scenario, p: &Params, world: HypothesisSet) {
    let run = simulate(s, p, world);
    assert!(run.failure_fraction.iter().all(|f| unit(*f)));
    assert!(run.served.iter().all(|x| x.is_finite()));
    for c in check_all(s, p, &run) {
        let e = &s.events[c.event];
        for (rule, o) in e.checks.iter().zip(&c.outcomes) {
            match rule {
                // An onset is NaN exactly when the run never fails at
                // the threshold: then it cannot pass.
                Rule::Onset { .. } => {
                    assert!(o.value.is_finite() || !o.pass, "{}", e.id);
                }
                _ => assert!(o.value.is_finite(), "{}: {o:?}", e.id),
            }
            match rule {
                Rule::Rising { .. } => assert!(o.other.is_finite()),
                _ => assert!(o.other.is_nan()),
            }
            if rule.topic() == Topic::Outage
                && !matches!(rule, Rule::Onset { .. })
            {
                assert!(unit(o.value), "{}: {o:?}", e.id);
            }
        }
    }
}

fn assert_judgement_sane(s: &Scenario, j: &Judgement) {
    assert_eq!(j.draws, 1);
    assert_eq!(j.pairs, 1 << s.hypotheses.len());
    // One draw: the best-fitting worlds are plausible, at least one.
    assert!(j.accepted >= 1 && j.accepted == j.plausible.len());
    let total: f64 = j.worlds.iter().map(|w| w.weight).sum();
    assert!((total - 1.0).abs() < 1e-12, "weights sum to {total}");
    for w in &j.worlds {
        assert!(unit(w.weight) && unit(w.all));
        assert!(w.reproduces.iter().all(|x| unit(*x)));
    }
    for h in &j.hypotheses {
        assert!(unit(h.needed) && unit(h.included));
    }
    for c in &j.claims {
        let sum: f64 = c.shares.iter().sum();
        assert!(c.shares.iter().all(|x| unit(*x)));
        assert!(sum <= 1.0 + 1e-12 && (sum == 0.0 || sum > 1.0 - 1e-12));
        assert!(unit(c.support));
        for it in &c.items {
            for x in [it.right, it.partly, it.wrong, it.untested, it.present] {
                assert!(unit(x), "{it:?}");
            }
            if let Some((_, share)) = it.most_lost {
                assert!(share > 0.0 && share <= 1.0);
            }
            assert!(it.median_value.is_nan() || it.median_value.is_finite());
        }
    }
}

#[test]
fn the_corners_of_every_box() {
    for s in common::scenarios() {
        for p in common::corners(s) {
            for world in common::worlds(s) {
                assert_checks_sane(s, &p, world);
            }
            assert_judgement_sane(s, &judge_point(s, &p));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn anywhere_in_every_box((k, p, world) in common::any_case()) {
        let s = &common::scenarios()[k];
        assert_checks_sane(s, &p, world);
        assert_judgement_sane(s, &judge_point(s, &p));
    }
}
