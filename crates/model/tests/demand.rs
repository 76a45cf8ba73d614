//! The demand series equal their documented formulas everywhere in the
//! box, and each surge is zero when its hypothesis is off.

use claimcheck_model::params::{Params, SPECS};
use claimcheck_model::sim::{
    baseline_at, deadline_at, election_at, simulate, STEPS,
};
use claimcheck_model::HypothesisSet;
use proptest::prelude::*;

fn any_params() -> impl Strategy<Value = Params> {
    let unit = proptest::collection::vec(0.0..=1.0f64, SPECS.len());
    unit.prop_map(|u| {
        let mut p = Params::default();
        for (spec, x) in SPECS.iter().zip(u) {
            let v = spec.min + x * (spec.max - spec.min);
            p.set(spec.id, v.clamp(spec.min, spec.max)).unwrap();
        }
        p
    })
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * scale.max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn demand_recurrences_match_the_formulas(p in any_params()) {
        let run = simulate(&p, HypothesisSet::ALL);
        let scale = run.demand_baseline.iter().copied().fold(0.0, f64::max);
        for i in 0..STEPS {
            let t = i as f64 + 0.5;
            prop_assert!(close(run.demand_baseline[i], baseline_at(&p, t),
                scale), "baseline at {i}");
            let d = deadline_at(&p, t);
            prop_assert!(close(run.demand_deadline[i], d, d.max(scale)),
                "deadline at {i}: {} vs {d}", run.demand_deadline[i]);
            let e = election_at(&p, t);
            prop_assert!(close(run.demand_election[i], e, e.max(scale)),
                "election at {i}");
        }
    }
}

#[test]
fn off_means_zero() {
    let run = simulate(&Params::default(), HypothesisSet::NONE);
    assert!(run.demand_deadline.iter().all(|&d| d == 0.0));
    assert!(run.demand_election.iter().all(|&e| e == 0.0));
    assert!(run.demand_baseline.iter().all(|&b| b > 0.0));
}

#[test]
fn the_election_surge_starts_at_its_onset() {
    let p = Params::default();
    let run = simulate(&p, HypothesisSet::ALL);
    let onset = (p.get(claimcheck_model::params::ParamId::ElectionOnsetHour)
        * 60.0) as usize;
    assert!(run.demand_election[..onset].iter().all(|&e| e == 0.0));
    assert!(run.demand_election[onset + 1] > 0.0);
}

#[test]
fn capacity_series_follows_capacity_at() {
    use claimcheck_model::sim::capacity_at;
    for fix_h in [45.0, 45.9, 46.0, 46.25, 47.0] {
        let p = Params::default().with("fix_h", fix_h).unwrap();
        for set in HypothesisSet::every() {
            let run = simulate(&p, set);
            for (i, &c) in run.capacity.iter().enumerate() {
                assert_eq!(c, capacity_at(&p, set, i as f64), "{set} {i}");
            }
        }
    }
}
