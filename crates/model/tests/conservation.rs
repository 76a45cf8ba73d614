//! Conservation and numerical sanity over the whole declared parameter
//! box. See: issue 3, item 5 ("Conservation").

use claimcheck_model::params::{Params, SPECS};
use claimcheck_model::sim::{simulate, simulate_into, Run, STEPS};
use claimcheck_model::HypothesisSet;
use proptest::prelude::*;

/// Any point of the declared box (fixed parameters stay at their value).
fn any_params() -> impl Strategy<Value = Params> {
    let unit = proptest::collection::vec(0.0..=1.0f64, SPECS.len());
    unit.prop_map(|u| {
        let mut p = Params::default();
        for (spec, x) in SPECS.iter().zip(u) {
            let v = spec.min + x * (spec.max - spec.min);
            p.set(spec.id, v.clamp(spec.min, spec.max))
                .expect("inside the box");
        }
        p
    })
}

fn any_set() -> impl Strategy<Value = HypothesisSet> {
    (0usize..8).prop_map(|i| HypothesisSet::every().nth(i).unwrap())
}

/// Every corner of the box where all assumptions sit at their min or max
/// together, plus defaults: the extremes a random draw rarely hits.
fn corners() -> Vec<Params> {
    let mut out = vec![Params::default()];
    for hi in [false, true] {
        let mut p = Params::default();
        for s in SPECS.iter() {
            p.set(s.id, if hi { s.max } else { s.min }).unwrap();
        }
        out.push(p);
    }
    out
}

fn assert_sane(run: &Run) {
    let t = &run.totals;
    let err = t.conservation_error();
    assert!(err < 1e-9, "conservation error {err:e} for {}", run.hypotheses);
    // The servers' side: every late admission was either worked off
    // (wasted capacity) or is still queued.
    let late = t.timed_out - t.wasted - t.queue_late_end;
    assert!(late.abs() <= 1e-9 * t.fresh.max(1.0), "late balance {late}");
    for (name, v) in [
        ("demand_baseline", &run.demand_baseline),
        ("demand_deadline", &run.demand_deadline),
        ("demand_election", &run.demand_election),
        ("retries", &run.retries),
        ("attempts", &run.attempts),
        ("capacity", &run.capacity),
        ("served", &run.served),
        ("failures", &run.failures),
    ] {
        assert_eq!(v.len(), STEPS);
        assert!(
            v.iter().all(|x| x.is_finite() && *x >= 0.0),
            "{name} has a negative, NaN or infinite value"
        );
    }
    for v in [&run.failure_fraction, &run.us_share] {
        assert!(v.iter().all(|x| x.is_finite() && (0.0..=1.0).contains(x)));
    }
    for i in 0..STEPS {
        let fresh = run.fresh(i);
        let a = run.attempts[i];
        assert!((a - fresh - run.retries[i]).abs() <= 1e-9 * a.max(1.0));
        assert!(run.failures[i] <= a * (1.0 + 1e-12));
        assert!(run.served[i] <= run.capacity[i] * (1.0 + 1e-12) + 1e-9);
    }
}

#[test]
fn conservation_holds_at_the_corners_of_the_box() {
    let mut run = Run::new();
    for p in corners() {
        for set in HypothesisSet::every() {
            simulate_into(&p, set, &mut run);
            assert_sane(&run);
        }
    }
}

#[test]
fn reusing_a_run_gives_the_same_result_as_a_fresh_one() {
    let p = Params::default();
    let mut run = Run::new();
    simulate_into(&p, HypothesisSet::NONE, &mut run);
    simulate_into(&p, HypothesisSet::ALL, &mut run);
    assert_eq!(run, simulate(&p, HypothesisSet::ALL));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn conservation_holds_everywhere_in_the_box(
        p in any_params(),
        set in any_set(),
    ) {
        let run = simulate(&p, set);
        assert_sane(&run);
        prop_assert!(run.totals.fresh > 0.0);
    }
}
