//! Checks (`checks.rs`): which events are checked, in which order, what
//! the rules see of a run, and the two ways of computing pass masks.

mod common;

use claimcheck_model::checks::{check_all, pass_mask, view};
use claimcheck_model::rules::{Rule, Topic};
use claimcheck_model::scenario::EventKind;
use claimcheck_model::sim::simulate;
use claimcheck_model::verdict::mask_of;
use claimcheck_model::Params;

#[test]
fn every_checked_event_in_file_order_with_all_its_rules() {
    for s in common::scenarios() {
        for p in common::corners(s) {
            for world in common::worlds(s) {
                let run = simulate(s, &p, world);
                let results = check_all(s, &p, &run);
                let checked: Vec<usize> = s
                    .events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| !e.checks.is_empty())
                    .map(|(i, _)| i)
                    .collect();
                let events: Vec<usize> =
                    results.iter().map(|c| c.event).collect();
                assert_eq!(events, checked, "{}", s.id);
                for c in &results {
                    let e = &s.events[c.event];
                    assert_eq!(c.kind, e.kind);
                    assert_eq!(
                        c.is_observation(),
                        e.kind == EventKind::Observation
                    );
                    assert_eq!(c.outcomes.len(), e.checks.len());
                    // Each outcome is its rule's, evaluated on the run.
                    let v = view(s, &p, &run);
                    for (r, o) in e.checks.iter().zip(&c.outcomes) {
                        let again = r.evaluate(&v);
                        assert_eq!(again.pass, o.pass);
                        assert_eq!(again.value.to_bits(), o.value.to_bits());
                    }
                    assert_eq!(c.pass, c.outcomes.iter().all(|o| o.pass));
                }
                // The fast mask agrees with the full results.
                assert_eq!(
                    pass_mask(s, &p, &run),
                    mask_of(&results),
                    "{} in world {}",
                    s.id,
                    world.bits()
                );
            }
        }
    }
}

#[test]
fn an_event_is_about_the_outage_if_any_of_its_rules_is() {
    for s in common::scenarios() {
        let p = Params::defaults(&s.params);
        let run = simulate(s, &p, common::all_on(s));
        for c in check_all(s, &p, &run) {
            let rules = &s.events[c.event].checks;
            let outage = rules.iter().any(|r| r.topic() == Topic::Outage);
            let expected = if outage { Topic::Outage } else { Topic::Traffic };
            assert_eq!(c.topic, expected, "{}", s.events[c.event].id);
        }
    }
    // In the eTA story: the afternoon's heavy traffic and the 11 p.m.
    // users are about traffic; the rest about the outage.
    let s = common::eta();
    let p = Params::defaults(&s.params);
    let run = simulate(s, &p, common::all_on(s));
    let topics: Vec<(&str, Topic)> = check_all(s, &p, &run)
        .iter()
        .map(|c| (s.events[c.event].id.as_str(), c.topic))
        .collect();
    assert_eq!(
        topics,
        [
            ("early-volume", Topic::Traffic),
            ("degraded-2pm", Topic::Outage),
            ("ticket-5pm", Topic::Outage),
            ("worsened-evening", Topic::Outage),
            ("official-11pm", Topic::Outage),
            ("users-11pm", Topic::Traffic),
            ("fell-apart", Topic::Outage),
            ("fixed", Topic::Outage),
        ]
    );
}

#[test]
fn a_mixed_event_is_about_the_outage_and_fails_if_one_rule_fails() {
    // Give the eTA 11 p.m. users a failing rule that cannot pass: the
    // event turns into an outage event, and fails, whatever the run.
    let mut s = common::eta().clone();
    let k = s.events.iter().position(|e| e.id == "users-11pm").unwrap();
    s.events[k].checks.push(Rule::Recovered {
        from: 0,
        below: claimcheck_model::model::Value::Const(0.0),
    });
    let p = Params::defaults(&s.params);
    let run = simulate(&s, &p, common::all_on(&s));
    let c =
        check_all(&s, &p, &run).into_iter().find(|c| c.event == k).unwrap();
    assert_eq!(c.topic, Topic::Outage);
    assert!(c.outcomes[0].pass, "the traffic rule alone passes");
    assert!(!c.pass);
    assert_eq!(pass_mask(&s, &p, &run) & (1 << 5), 0);
}

#[test]
fn the_view_shows_each_demand_component_that_is_on() {
    let s = common::eta();
    let p = Params::defaults(&s.params);
    let comp =
        |id: &str| s.model.components.iter().position(|c| c.id == id).unwrap();
    // All on: the three demand components, with their segment shares
    // (U.S. share of ordinary traffic, none of the deadline rush, all
    // of the election surge) and whether they are always on.
    let run = simulate(s, &p, common::all_on(s));
    let v = view(s, &p, &run);
    assert_eq!(v.demand.len(), 3);
    let shares: Vec<(f64, bool)> =
        v.demand.iter().map(|&(_, share, on)| (share, on)).collect();
    assert_eq!(shares, [(10.2 * 0.01, true), (0.0, false), (1.0, false)]);
    for (k, (series, _, _)) in
        [comp("baseline"), comp("deadline"), comp("election")]
            .into_iter()
            .zip(&v.demand)
    {
        assert_eq!(*series, run.demand_of(k));
    }
    assert_eq!(v.failure_fraction, &run.failure_fraction[..]);
    assert_eq!(v.served, &run.served[..]);
    assert_eq!(v.segment_share, &run.segment_share[..]);
    assert_eq!(v.nominal_capacity, &run.nominal_capacity[..]);
    assert_eq!(v.params, p.values());
    // Nothing on: ordinary traffic only.
    let run = simulate(s, &p, claimcheck_model::HypothesisSet::NONE);
    let v = view(s, &p, &run);
    assert_eq!(v.demand.len(), 1);
    assert_eq!(v.demand[0].0, run.demand_of(comp("baseline")));
    // The U.S. share follows its parameter.
    let p = common::with(s, "us_share_pct", 8.8);
    let v = view(s, &p, &run);
    assert_eq!(v.demand[0].1, 8.8 * 0.01);
}

#[test]
fn the_view_marks_components_without_a_hypothesis_as_always_on() {
    for s in common::scenarios() {
        let p = Params::defaults(&s.params);
        let run = simulate(s, &p, common::all_on(s));
        let v = view(s, &p, &run);
        let always: Vec<bool> =
            s.model.demand().map(|(_, c)| c.hypothesis.is_none()).collect();
        let seen: Vec<bool> = v.demand.iter().map(|d| d.2).collect();
        assert_eq!(seen, always, "{}", s.id);
    }
}
