//! Metastability and monotonicity. See: issue 3, item 5.

use claimcheck_model::params::{ParamId, Params, SPECS};
use claimcheck_model::sim::{simulate, FluidQueue, QueueConfig};
use claimcheck_model::HypothesisSet;
use proptest::prelude::*;

const C: f64 = 1000.0; // users/min

/// Drives a queue for `minutes` at constant fresh demand and capacity,
/// returning the failure fraction of the last minute.
fn hold(q: &mut FluidQueue, demand: f64, capacity: f64, minutes: u32) -> f64 {
    let mut f = 0.0;
    for _ in 0..minutes {
        let s = q.step(demand, 0.0, capacity, 1.0);
        f = if s.attempts > 0.0 { s.failures / s.attempts } else { 0.0 };
    }
    f
}

/// A queue whose users have little patience next to the queue length, so
/// that a full queue serves almost no one in time (survival e^-20): the
/// regime in which the notes' analytic condition λ₀ / (1 − p) vs C holds.
fn impatient(p: f64) -> FluidQueue {
    FluidQueue::new(QueueConfig::new(0.05, 1.0, p, 1.0).unwrap())
}

#[test]
fn with_retries_a_passed_trigger_leaves_the_site_down() {
    // p = 0.5, λ₀ = 0.7 C after the trigger: λ₀ / (1 − p) = 1.4 C > C.
    let mut q = impatient(0.5);
    assert_eq!(hold(&mut q, 0.7 * C, C, 120), 0.0, "healthy before");
    hold(&mut q, 1.5 * C, C, 60); // the trigger
    let f = hold(&mut q, 0.7 * C, C, 24 * 60);
    assert!(f > 0.9, "still down a day later: {f}");
    // More capacity ends it: λ₀ / (1 − p) = 1.4 C < 2 C.
    let f = hold(&mut q, 0.7 * C, 2.0 * C, 120);
    assert_eq!(f, 0.0, "recovered after doubling");
}

#[test]
fn without_retries_the_site_recovers_when_the_trigger_ends() {
    let mut q = impatient(0.0);
    hold(&mut q, 1.5 * C, C, 60);
    assert!(hold(&mut q, 1.5 * C, C, 1) > 0.3, "down during the trigger");
    let f = hold(&mut q, 0.7 * C, C, 60);
    assert_eq!(f, 0.0, "recovered: {f}");
}

#[test]
fn with_retries_but_low_demand_the_site_recovers() {
    // λ₀ / (1 − p) = 0.8 C < C: no bad equilibrium.
    let mut q = impatient(0.5);
    hold(&mut q, 1.5 * C, C, 60);
    assert_eq!(hold(&mut q, 0.4 * C, C, 6 * 60), 0.0);
}

#[test]
fn the_threshold_matches_the_analytic_condition() {
    // With survival s at a full queue, the bad state holds while
    // λ₀ > C·(1 − p·(1 − s)); for impatient users s ≈ 0, which is the
    // notes' λ₀ / (1 − p) > C. Check both sides of it, for several p.
    for p in [0.2, 0.4, 0.6, 0.8] {
        let threshold = (1.0 - p) * C;
        for (factor, down) in [(1.03, true), (0.97, false)] {
            let mut q = impatient(p);
            hold(&mut q, 2.0 * C, C, 60);
            let f = hold(&mut q, factor * threshold, C, 48 * 60);
            assert_eq!(f > 0.5, down, "p={p} λ₀={factor}×(1−p)C: f={f}");
        }
    }
}

#[test]
fn the_threshold_with_patient_users_includes_their_survival() {
    // Patience equal to the queue's longest wait: survival e^-1 at a
    // full queue, so the bad state needs λ₀ > C·(1 − p·(1 − e^-1)).
    let p = 0.5;
    let s = (-1.0f64).exp();
    let threshold = C * (1.0 - p * (1.0 - s));
    for (factor, down) in [(1.03, true), (0.97, false)] {
        let cfg = QueueConfig::new(1.0, 1.0, p, 1.0).unwrap();
        let mut q = FluidQueue::new(cfg);
        hold(&mut q, 2.0 * C, C, 60);
        let f = hold(&mut q, factor * threshold, C, 48 * 60);
        assert_eq!(f > 0.3, down, "λ₀ = {factor}×threshold: f={f}");
    }
}

#[test]
fn the_vulnerable_site_stays_healthy_if_never_pushed() {
    // (1 − p)·C < λ₀ < C: healthy from a healthy start.
    let mut q = impatient(0.5);
    assert_eq!(hold(&mut q, 0.9 * C, C, 48 * 60), 0.0);
}

fn assert_not_above(lower: &[f64], higher: &[f64], what: &str) {
    for (i, (a, b)) in lower.iter().zip(higher).enumerate() {
        assert!(a <= &(b + 1e-9), "{what}: minute {i}: {a} > {b}");
    }
}

fn with(p: &Params, id: ParamId, v: f64) -> Params {
    let mut q = *p;
    q.set(id, v).unwrap();
    q
}

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

fn any_set() -> impl Strategy<Value = HypothesisSet> {
    (0usize..8).prop_map(|i| HypothesisSet::every().nth(i).unwrap())
}

#[test]
fn more_capacity_never_raises_the_curve_at_defaults() {
    let p = Params::default();
    for set in HypothesisSet::every() {
        let mut last = simulate(&p, set).failure_fraction;
        for cap in [3300.0, 3600.0, 4500.0, 6000.0] {
            let f =
                simulate(&with(&p, ParamId::ServerCapacityPerMin, cap), set)
                    .failure_fraction;
            assert_not_above(&f, &last, &format!("{set} capacity {cap}"));
            last = f;
        }
    }
}

#[test]
fn switching_off_underprovisioning_never_raises_the_curve() {
    let p = Params::default();
    for set in HypothesisSet::every() {
        let mut six = set;
        six.remove(claimcheck_model::Hypothesis::Underprovisioning);
        let mut three = set;
        three.insert(claimcheck_model::Hypothesis::Underprovisioning);
        let f6 = simulate(&p, six).failure_fraction;
        let f3 = simulate(&p, three).failure_fraction;
        assert_not_above(&f6, &f3, &format!("{set}"));
    }
}

#[test]
fn more_demand_never_lowers_the_curve_at_defaults() {
    let p = Params::default();
    for (id, values) in [
        (ParamId::DeadlineX, [20.0, 30.0, 40.0, 50.0]),
        (ParamId::ElectionX, [10.0, 20.0, 35.0, 50.0]),
    ] {
        let mut last = simulate(&with(&p, id, values[0]), HypothesisSet::ALL)
            .failure_fraction;
        for v in &values[1..] {
            let f = simulate(&with(&p, id, *v), HypothesisSet::ALL)
                .failure_fraction;
            assert_not_above(&last, &f, &format!("{id:?} = {v}"));
            last = f;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn monotone_anywhere_in_the_box(
        p in any_params(),
        set in any_set(),
        bump in 1.05..1.5f64,
    ) {
        let base = simulate(&p, set).failure_fraction;
        let cap = p.get(ParamId::ServerCapacityPerMin);
        let spec = claimcheck_model::params::ParamSpec::of(
            ParamId::ServerCapacityPerMin,
        );
        let more = with(&p, ParamId::ServerCapacityPerMin,
            (cap * bump).min(spec.max));
        assert_not_above(&simulate(&more, set).failure_fraction, &base,
            "capacity");
        for id in [ParamId::DeadlineX, ParamId::ElectionX] {
            let spec = claimcheck_model::params::ParamSpec::of(id);
            let up = with(&p, id, (p.get(id) * bump).min(spec.max));
            assert_not_above(&base, &simulate(&up, set).failure_fraction,
                &format!("{id:?}"));
        }
    }
}
