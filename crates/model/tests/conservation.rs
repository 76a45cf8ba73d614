//! Conservation and numerical sanity over the whole declared parameter
//! box of every bundled scenario, in every world: the users who arrive
//! are served, give up, or are still queued or waiting to retry, to
//! rounding; no series is NaN, infinite or negative; failure fractions
//! and segment shares lie in [0, 1].

mod common;

use claimcheck_model::scenario::Scenario;
use claimcheck_model::sim::{simulate, simulate_into, Run};
use claimcheck_model::Params;
use proptest::prelude::*;

fn assert_sane(s: &Scenario, run: &Run) {
    let n = s.window_end as usize;
    let t = &run.totals;
    let err = t.conservation_error();
    assert!(
        err <= 1e-9,
        "{}: conservation error {err:e} in world {}",
        s.id,
        run.hypotheses.bits()
    );
    assert!(t.fresh > 0.0, "{}: nobody arrives", s.id);
    // The servers' side: every late admission was either worked off
    // (wasted capacity) or is still queued.
    let late = t.timed_out - t.wasted - t.queue_late_end;
    assert!(late.abs() <= 1e-9 * t.fresh, "late balance {late}");
    for (name, v) in [
        ("fresh", &run.fresh),
        ("fresh_segment", &run.fresh_segment),
        ("retries", &run.retries),
        ("attempts", &run.attempts),
        ("capacity", &run.capacity),
        ("nominal_capacity", &run.nominal_capacity),
        ("served", &run.served),
        ("failures", &run.failures),
    ] {
        assert_eq!(v.len(), n, "{name}");
        assert!(
            v.iter().all(|x| x.is_finite() && *x >= 0.0),
            "{}: {name} has a negative, NaN or infinite value",
            s.id
        );
    }
    for (name, v) in [
        ("failure_fraction", &run.failure_fraction),
        ("segment_share", &run.segment_share),
    ] {
        assert_eq!(v.len(), n, "{name}");
        assert!(
            v.iter().all(|x| (0.0..=1.0).contains(x)),
            "{}: {name} outside [0, 1]",
            s.id
        );
    }
    for i in 0..n {
        let a = run.attempts[i];
        let tol = 1e-9 * a.max(1.0);
        assert!(
            (a - run.fresh[i] - run.retries[i]).abs() <= tol,
            "minute {i}"
        );
        assert!(run.failures[i] <= a + tol);
        assert!(run.served[i] <= run.capacity[i] * (1.0 + 1e-12) + 1e-9);
        assert!(run.fresh_segment[i] <= run.fresh[i] + tol);
        if a > 0.0 {
            let f = run.failures[i] / a;
            assert!((run.failure_fraction[i] - f.min(1.0)).abs() <= 1e-12);
        }
    }
}

#[test]
fn conservation_holds_at_the_corners_of_every_box_in_every_world() {
    let mut run = Run::new();
    for s in common::scenarios() {
        for p in common::corners(s) {
            for world in common::worlds(s) {
                simulate_into(s, &p, world, &mut run);
                assert_sane(s, &run);
            }
        }
    }
}

#[test]
fn reusing_a_run_gives_the_same_result_as_a_fresh_one() {
    for s in common::scenarios() {
        let p = Params::defaults(&s.params);
        let mut run = Run::new();
        simulate_into(s, &p, common::all_on(s), &mut run);
        simulate_into(s, &p, claimcheck_model::HypothesisSet::NONE, &mut run);
        let fresh = simulate(s, &p, claimcheck_model::HypothesisSet::NONE);
        assert_eq!(run, fresh, "{}", s.id);
        assert_eq!(run.len(), s.window_end as usize);
        assert!(!run.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn conservation_holds_everywhere_in_every_box(
        (k, p, world) in common::any_case(),
    ) {
        let s = &common::scenarios()[k];
        assert_sane(s, &simulate(s, &p, world));
    }
}
