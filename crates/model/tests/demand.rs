//! The demand and capacity series equal their documented formulas
//! (`sim::demand_at`, `sim::capacity_at`) for every component of every
//! bundled scenario, anywhere in its box; components that are off
//! contribute nothing.

mod common;

use claimcheck_model::model::ComponentKind;
use claimcheck_model::scenario::Scenario;
use claimcheck_model::sim::{capacity_at, demand_at, simulate};
use claimcheck_model::units::Unit;
use claimcheck_model::{HypothesisSet, Params};
use proptest::prelude::*;

fn start_minute_of_day(s: &Scenario) -> f64 {
    f64::from(s.clock.start.hour) * 60.0 + f64::from(s.clock.start.minute)
}

/// Every demand series of the all-on run at `p` against the formula at
/// the middle of each minute, to 1e-9 of the series' scale.
fn assert_demand_matches(s: &Scenario, p: &Params) {
    let run = simulate(s, p, common::all_on(s));
    let start = start_minute_of_day(s);
    for (k, c) in s.model.demand() {
        let series = run.demand_of(k);
        assert_eq!(series.len(), s.window_end as usize, "{}", c.id);
        let scale = series.iter().copied().fold(1.0, f64::max);
        for (i, &x) in series.iter().enumerate() {
            let f = demand_at(&s.model, k, p.values(), start, i as f64 + 0.5);
            assert!(
                (x - f).abs() <= 1e-9 * scale,
                "{}: {} at minute {i}: {x} vs {f}",
                s.id,
                c.id
            );
        }
    }
}

#[test]
fn demand_matches_the_formulas_at_the_corners() {
    for s in common::scenarios() {
        for p in common::corners(s) {
            assert_demand_matches(s, &p);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn demand_matches_the_formulas_anywhere(
        (k, p, _) in common::any_case(),
    ) {
        assert_demand_matches(&common::scenarios()[k], &p);
    }
}

#[test]
fn fresh_demand_is_the_sum_of_the_components_that_are_on() {
    for s in common::scenarios() {
        let p = Params::defaults(&s.params);
        for world in common::worlds(s) {
            let run = simulate(s, &p, world);
            let mut fresh = vec![0.0; run.len()];
            let mut segment = vec![0.0; run.len()];
            for (k, c) in s.model.demand() {
                let on = c.hypothesis.is_none_or(|h| world.contains(h));
                let series = run.demand_of(k);
                assert_eq!(series.is_empty(), !on, "{}: {}", s.id, c.id);
                let ComponentKind::Demand { segment_share, .. } = c.kind
                else {
                    unreachable!()
                };
                let share = segment_share.get(p.values()).clamp(0.0, 1.0);
                for (i, x) in series.iter().enumerate() {
                    fresh[i] += x;
                    segment[i] += x * share;
                }
            }
            for i in 0..run.len() {
                assert!((run.fresh[i] - fresh[i]).abs() <= 1e-9 * fresh[i]);
                let d = (run.fresh_segment[i] - segment[i]).abs();
                assert!(d <= 1e-9 * fresh[i].max(1.0));
            }
            // Components that are not demand have no series.
            for (k, c) in s.model.components.iter().enumerate() {
                if !c.is_demand() {
                    assert!(run.demand_of(k).is_empty());
                }
            }
        }
    }
}

#[test]
fn capacity_follows_capacity_at_wherever_its_times_fall() {
    // Every parameter that is a time (when servers change, for
    // instance), at its min, its max and a point between minutes.
    for s in common::scenarios() {
        let times: Vec<usize> = (0..s.params.len())
            .filter(|&i| s.params[i].unit == Unit::Time)
            .collect();
        let mut points = vec![Params::defaults(&s.params)];
        for &i in &times {
            let spec = &s.params[i];
            for x in [0.0, 0.37, 1.0] {
                let mut p = Params::defaults(&s.params);
                p.set(&s.params, i, spec.min + x * (spec.max - spec.min))
                    .unwrap();
                points.push(p);
            }
        }
        for p in &points {
            for world in common::worlds(s) {
                let run = simulate(s, p, world);
                for i in 0..run.len() {
                    let (nominal, cap) =
                        capacity_at(&s.model, p.values(), world, i as f64);
                    assert_eq!(run.capacity[i], cap, "{} minute {i}", s.id);
                    assert_eq!(run.nominal_capacity[i], nominal);
                }
            }
        }
    }
}

#[test]
fn the_eta_election_surge_starts_at_its_onset() {
    let s = common::eta();
    for onset_h in [18.0, 22.0, 23.5] {
        let p = common::with(s, "election_onset_hour", onset_h);
        let run = simulate(s, &p, common::all_on(s));
        let k = s.model.components.iter().position(|c| c.id == "election");
        let e = run.demand_of(k.unwrap());
        let onset = (onset_h * 60.0) as usize;
        assert!(e[..onset].iter().all(|&x| x == 0.0), "{onset_h}");
        assert!(e[onset] > 0.0, "{onset_h}");
    }
    // Off, it is not there at all.
    let run = simulate(s, &Params::defaults(&s.params), HypothesisSet::NONE);
    let k = s.model.components.iter().position(|c| c.id == "election");
    assert!(run.demand_of(k.unwrap()).is_empty());
}
