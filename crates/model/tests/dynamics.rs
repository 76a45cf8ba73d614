//! Metastability (Bronson et al. 2021): with retries, an overload
//! outlasts its trigger exactly when λ₀ / (1 − p) exceeds capacity; and
//! monotonicity: more capacity never raises the outage curve, more
//! demand never lowers it.

mod common;

use claimcheck_model::model::Value;
use claimcheck_model::scenario::Scenario;
use claimcheck_model::sim::{
    burst_overflow, simulate, FluidQueue, QueueConfig,
};
use claimcheck_model::{HypothesisSet, Params};
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
    assert!(q.orbit() > 0.0);
    // More capacity ends it: λ₀ / (1 − p) = 1.4 C < 2 C.
    let f = hold(&mut q, 0.7 * C, 2.0 * C, 120);
    assert_eq!(f, 0.0, "recovered after doubling");
    assert_eq!(q.queue_ok() + q.queue_late(), 0.0);
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

#[test]
fn bursts_fail_a_few_visits_below_capacity() {
    // A smooth fluid at 90 % of capacity fails nobody; with bursts
    // (coefficient of variation 10 %) the Gaussian overflow above
    // capacity fails, and that share rises with the load.
    let mut cfg = QueueConfig::new(1.0, 1.0, 0.0, 1.0).unwrap();
    assert_eq!(cfg.burst_cv, 0.0);
    cfg.burst_cv = 0.1;
    let mut last = 0.0;
    for load in [0.8, 0.9, 0.95, 0.99] {
        let mut q = FluidQueue::new(cfg);
        let f = hold(&mut q, load * C, C, 10);
        let expected = burst_overflow(load * C, C, 0.1) / (load * C);
        assert!((f - expected).abs() < 1e-12, "{load}: {f} vs {expected}");
        assert!(f > last, "{load}");
        last = f;
    }
    assert!(last < 0.05, "{last}");
    // Far below capacity bursts never reach it.
    let mut q = FluidQueue::new(cfg);
    assert_eq!(hold(&mut q, 0.3 * C, C, 10), 0.0);
}

fn assert_not_above(lower: &[f64], higher: &[f64], what: &str) {
    for (i, (a, b)) in lower.iter().zip(higher).enumerate() {
        assert!(a <= &(b + 1e-9), "{what}: minute {i}: {a} > {b}");
    }
}

/// The parameter a value reads, if it is one and has a range.
fn ranged(s: &Scenario, v: Value) -> Option<usize> {
    v.param().filter(|&i| !s.params[i].is_fixed())
}

/// `p` with parameter `i` multiplied by `factor`, kept in range.
fn scaled(s: &Scenario, p: &Params, i: usize, factor: f64) -> Params {
    let spec = &s.params[i];
    let mut q = p.clone();
    q.set(&s.params, i, (p.get(i) * factor).clamp(spec.min, spec.max))
        .unwrap();
    q
}

/// The parameters that set demand levels, in every demand component.
fn level_params(s: &Scenario) -> Vec<usize> {
    s.model
        .demand()
        .filter_map(|(_, c)| match c.kind {
            claimcheck_model::model::ComponentKind::Demand {
                level, ..
            } => ranged(s, level),
            _ => None,
        })
        .collect()
}

/// `s` as a smooth fluid: no bursts. With bursts, a site just below
/// capacity loses the Gaussian overflow at once, while just above it
/// an empty queue absorbs the excess: the failure share can dip, for a
/// few minutes, as demand crosses capacity. The smooth fluid is
/// monotone.
fn smooth(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    s.model.behaviour.burst = Value::Const(0.0);
    s
}

fn assert_monotone(s: &Scenario, p: &Params, world: HypothesisSet, bump: f64) {
    let s = &smooth(s);
    let base = simulate(s, p, world).failure_fraction;
    if let Some(i) = ranged(s, s.model.capacity.per_server) {
        let more = simulate(s, &scaled(s, p, i, bump), world);
        let what = format!("{}: more {}", s.id, s.params[i].id);
        assert_not_above(&more.failure_fraction, &base, &what);
    }
    for i in level_params(s) {
        let up = simulate(s, &scaled(s, p, i, bump), world);
        let what = format!("{}: more {}", s.id, s.params[i].id);
        assert_not_above(&base, &up.failure_fraction, &what);
    }
}

#[test]
fn monotone_at_the_defaults_in_every_world() {
    for s in common::scenarios() {
        let p = Params::defaults(&s.params);
        for world in common::worlds(s) {
            assert_monotone(s, &p, world, 1.25);
        }
    }
}

#[test]
fn switching_on_a_demand_cause_never_lowers_the_curve() {
    for s in common::scenarios() {
        let p = Params::defaults(&s.params);
        for (h, info) in s.hypotheses.iter().enumerate() {
            let demand_only = info
                .components
                .iter()
                .all(|&k| s.model.components[k].is_demand());
            if !demand_only {
                continue;
            }
            for world in common::worlds(s).filter(|w| !w.contains(h)) {
                let mut with = world;
                with.insert(h);
                let off = simulate(s, &p, world).failure_fraction;
                let on = simulate(s, &p, with).failure_fraction;
                assert_not_above(&off, &on, &format!("{}: {}", s.id, info.id));
            }
        }
    }
}

#[test]
fn three_servers_never_do_better_than_six() {
    // eTA: switching off under-provisioning means six servers all
    // along, never a higher curve.
    let s = common::eta();
    let p = Params::defaults(&s.params);
    let h = common::hyp(s, "underprovisioning");
    for world in common::worlds(s) {
        let six = simulate(s, &p, world.without(h)).failure_fraction;
        let mut three = world;
        three.insert(h);
        let three = simulate(s, &p, three).failure_fraction;
        assert_not_above(&six, &three, &format!("world {}", world.bits()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn monotone_anywhere_in_every_box(
        (k, p, world) in common::any_case(),
        bump in 1.05..1.5f64,
    ) {
        let s = &common::scenarios()[k];
        assert_monotone(s, &p, world, bump);
    }
}
