//! The pattern the record implies, at default parameters, reached
//! through the dynamics; and the record-derived defaults against the
//! scenario's figures. See: issue 3, item 5 ("The pattern").

use std::collections::BTreeSet;

use claimcheck_model::checks::{check_all, CheckKind};
use claimcheck_model::params::{ParamId, ParamSpec, Params, Provenance};
use claimcheck_model::sim::simulate;
use claimcheck_model::{Hypothesis, HypothesisSet, Scenario};

use Hypothesis::{Deadline, Election, Underprovisioning};

/// The observation checks a hypothesis set passes at defaults.
fn passed(hypotheses: &[Hypothesis]) -> BTreeSet<String> {
    let scenario = Scenario::eta_2016();
    let params = Params::default();
    let run = simulate(&params, HypothesisSet::of(hypotheses));
    check_all(&scenario, &params, &run)
        .into_iter()
        .filter(|c| c.pass && c.kind != CheckKind::Claimed)
        .map(|c| c.id)
        .collect()
}

#[test]
fn nothing_on_is_healthy_throughout() {
    let run = simulate(&Params::default(), HypothesisSet::NONE);
    let worst = run.failure_fraction.iter().copied().fold(0.0, f64::max);
    assert_eq!(worst, 0.0);
    let outage = passed(&[]);
    for id in ["degraded-2pm", "ticket-5pm", "fell-apart", "fixed"] {
        assert!(!outage.contains(id), "{id} passed with nothing on");
    }
}

#[test]
fn election_and_underprovisioning_start_the_trouble_in_the_evening() {
    let p = passed(&[Election, Underprovisioning]);
    assert!(!p.contains("degraded-2pm"), "{p:?}");
    assert!(!p.contains("ticket-5pm"), "{p:?}");
    let run = simulate(
        &Params::default(),
        HypothesisSet::of(&[Election, Underprovisioning]),
    );
    let first = run.failure_fraction.iter().position(|&f| f > 0.05);
    // The first failures come after 19:00 on 8 Nov, when polls closed.
    assert!(first.is_some_and(|m| m >= 19 * 60), "{first:?}");
}

#[test]
fn deadline_alone_with_six_servers_copes() {
    let run = simulate(&Params::default(), HypothesisSet::of(&[Deadline]));
    let worst = run.failure_fraction.iter().copied().fold(0.0, f64::max);
    assert_eq!(worst, 0.0);
    assert!(!passed(&[Deadline]).contains("degraded-2pm"));
}

#[test]
fn deadline_and_underprovisioning_reproduce_the_outage() {
    let p = passed(&[Deadline, Underprovisioning]);
    for id in ["degraded-2pm", "ticket-5pm", "fell-apart", "fixed"] {
        assert!(p.contains(id), "{id} failed: passed {p:?}");
    }
    // No US surge: the US share at 23:00 stays near normal.
    assert!(!p.contains("users-11pm"), "{p:?}");
}

#[test]
fn all_three_pass_the_most_checks_including_the_us_share() {
    let all = passed(&[Deadline, Election, Underprovisioning]);
    assert!(all.contains("users-11pm"), "{all:?}");
    for set in HypothesisSet::every() {
        let hs: Vec<Hypothesis> = set.iter().collect();
        let other = passed(&hs);
        assert!(
            other.len() <= all.len(),
            "{set} passes {other:?}, more than all three {all:?}"
        );
        if set != HypothesisSet::ALL {
            assert!(other.len() < all.len(), "{set} ties: {other:?}");
        }
    }
}

fn figure(id: &str) -> f64 {
    Scenario::eta_2016().figure(id).map(|f| f.value).expect(id)
}

#[test]
fn record_defaults_equal_the_scenario_figures() {
    let p = Params::default();
    assert_eq!(p.get(ParamId::ServersBefore), figure("servers-before"));
    assert_eq!(p.get(ParamId::ServersAfter), figure("servers-after"));
    assert_eq!(p.get(ParamId::FixH) * 60.0, figure("fix-time"));
    assert_eq!(p.get(ParamId::DeadlineH) * 60.0, figure("deadline-time"));
    assert_eq!(p.get(ParamId::BaselineUsersPerH), figure("users-week-before"));
    let us = p.get(ParamId::UsSharePct) / 100.0;
    let spec = ParamSpec::of(ParamId::UsSharePct);
    assert!((spec.min / 100.0 - figure("us-share-normal-low")).abs() < 1e-12);
    assert!((spec.max / 100.0 - figure("us-share-normal-high")).abs() < 1e-12);
    assert!(us >= spec.min / 100.0 && us <= spec.max / 100.0);
    for id in [
        ParamId::ServersBefore,
        ParamId::ServersAfter,
        ParamId::FixH,
        ParamId::DeadlineH,
        ParamId::BaselineUsersPerH,
        ParamId::UsSharePct,
    ] {
        assert_eq!(ParamSpec::of(id).provenance, Provenance::Record);
    }
    // The record's events sit where the parameters say.
    let s = Scenario::eta_2016();
    let at = |id: &str| s.event(id).and_then(|e| e.time).map(|t| t.at);
    assert_eq!(at("fixed"), Some((p.get(ParamId::FixH) * 60.0) as i32));
    assert_eq!(
        at("deadline"),
        Some((p.get(ParamId::DeadlineH) * 60.0) as i32)
    );
}

#[test]
fn ordinary_traffic_at_23h_is_the_record_anchor() {
    let run = simulate(&Params::default(), HypothesisSet::NONE);
    // Minute 1380 is 23:00 on 8 Nov. Demand is evaluated mid-minute, so
    // 23:00 itself is the mean of the minutes either side; users/min.
    let b = &run.demand_baseline;
    let per_h = 0.5 * (b[1379] + b[1380]) * 60.0;
    let ratio = per_h / figure("users-week-before");
    assert!((ratio - 1.0).abs() < 1e-5, "{ratio}");
}
