//! The support analysis (`support.rs`) end to end on every bundled
//! scenario, with few draws: the draws cover the assumptions' ranges
//! (a Latin hypercube) and leave record facts alone; the work can be
//! done in slices; its judgement is the verdict rule on the same
//! draws; and each testable claim names an assumption it hangs on.

mod common;

use claimcheck_model::bundled;
use claimcheck_model::sim::Run;
use claimcheck_model::support::{
    analyse, Analysis, Support, DEFAULT_DRAWS, DEFAULT_SEED,
};
use claimcheck_model::verdict::{judge, Draw, Verdict};
use claimcheck_model::{HypothesisSet, Params, Scenario};
use proptest::prelude::*;
use serde_json::{json, Value};

const DRAWS: usize = 12;

#[test]
fn draws_cover_the_uncertain_ranges_and_leave_the_rest_alone() {
    for s in common::scenarios() {
        let a = Analysis::new(s, DRAWS, 7);
        let defaults = Params::defaults(&s.params);
        let draws: Vec<Params> = (0..DRAWS).map(|i| a.params(s, i)).collect();
        for (j, spec) in s.params.iter().enumerate() {
            let values: Vec<f64> = draws.iter().map(|p| p.get(j)).collect();
            if !spec.is_uncertain() {
                assert!(values.iter().all(|&v| v == defaults.get(j)));
                continue;
            }
            // One draw in each of DRAWS equal slices of the range.
            let mut slices: Vec<usize> = values
                .iter()
                .map(|v| {
                    let u = (v - spec.min) / (spec.max - spec.min);
                    ((u * DRAWS as f64) as usize).min(DRAWS - 1)
                })
                .collect();
            slices.sort_unstable();
            assert_eq!(slices, (0..DRAWS).collect::<Vec<_>>(), "{}", spec.id);
        }
    }
}

#[test]
fn slices_of_work_give_the_same_result_as_one_run() {
    let s = common::eta();
    let mut a = Analysis::new(s, DRAWS, 3);
    assert_eq!(a.progress(), (0, DRAWS));
    assert!(!a.is_done());
    assert!(!a.step(s, 5));
    assert_eq!(a.progress(), (5, DRAWS));
    assert!(!a.step(s, 5));
    assert!(a.step(s, 5));
    assert!(a.is_done());
    assert_eq!(a.progress(), (DRAWS, DRAWS));
    let whole = analyse(s, DRAWS, 3);
    assert_eq!(format!("{:?}", a.result(s)), format!("{whole:?}"));
    // The same seed gives the same draws; another seed other ones.
    assert_eq!(format!("{whole:?}"), format!("{:?}", analyse(s, DRAWS, 3)));
    let b = Analysis::new(s, DRAWS, 4);
    assert_ne!(a.params(s, 0), b.params(s, 0));
}

#[test]
fn the_judgement_is_the_verdict_rule_on_the_same_draws() {
    for s in common::scenarios() {
        let a = Analysis::new(s, DRAWS, 11);
        let mut buf = Run::new();
        let draws: Vec<Draw> = (0..DRAWS)
            .map(|i| Draw::run(s, &a.params(s, i), &mut buf))
            .collect();
        let support = analyse(s, DRAWS, 11);
        assert_eq!(
            format!("{:?}", support.judgement),
            format!("{:?}", judge(s, &draws))
        );
        assert_eq!(support.judgement.draws, DRAWS);
        let uncertain: Vec<usize> = (0..s.params.len())
            .filter(|&i| s.params[i].is_uncertain())
            .collect();
        assert_eq!(support.uncertain, uncertain);
        // Each testable claim hangs on one of the uncertain assumptions.
        assert_eq!(support.claims.len(), s.claims.len());
        for (c, h) in support.judgement.claims.iter().zip(&support.claims) {
            assert_eq!(h.claim, c.claim);
            match &h.hangs_on {
                None => assert_eq!(c.verdict, Verdict::NotTestable),
                Some(x) => {
                    assert!(uncertain.contains(&x.param));
                    assert!((0.0..=1.0).contains(&x.distance));
                    let spec = &s.params[x.param];
                    for m in [x.mean_in, x.mean_out] {
                        assert!(m >= spec.min && m <= spec.max, "{m}");
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------
// Validation: the figures the widget and the CLI show are estimates from
// DEFAULT_DRAWS draws. They must have converged (N and 2N draws agree),
// must not depend on the seed, must find what a scenario built to show
// it shows, and no draw may break the analysis.
// ---------------------------------------------------------------------

/// The largest difference allowed between two estimates of one share:
/// three percentage points.
const AGREE: f64 = 0.03;

/// Every share the analysis reports, each with a name: per world, the
/// share of draws reproducing each check and all observations; per
/// hypothesis, the share of draws needing it; per claim, the share of
/// plausible scenarios giving each verdict.
fn shares(s: &Scenario, sup: &Support) -> Vec<(String, f64)> {
    let j = &sup.judgement;
    let ids: Vec<&str> = s.hypotheses.iter().map(|h| h.id.as_str()).collect();
    let mut out = Vec::new();
    for w in &j.worlds {
        let name = w.world.ids(&ids);
        for (b, x) in w.reproduces.iter().enumerate() {
            out.push((format!("world {name}: check #{b}"), *x));
        }
        out.push((format!("world {name}: all observations"), w.all));
    }
    for h in &j.hypotheses {
        out.push((format!("{} needed", ids[h.hypothesis]), h.needed));
    }
    for c in &j.claims {
        for v in Verdict::ALL {
            out.push((
                format!("{}: {}", s.claims[c.claim].id, v.id()),
                c.shares[v as usize],
            ));
        }
    }
    out
}

/// The largest difference between two analyses' shares, and where.
fn largest_gap(s: &Scenario, a: &Support, b: &Support) -> (f64, String) {
    let (x, y) = (shares(s, a), shares(s, b));
    assert_eq!(x.len(), y.len());
    x.iter()
        .zip(&y)
        .map(|((name, p), (_, q))| ((p - q).abs(), name.clone()))
        .fold((0.0, String::new()), |m, g| if g.0 > m.0 { g } else { m })
}

#[test]
fn the_estimates_have_converged_at_the_default_number_of_draws() {
    for s in common::scenarios() {
        let n = analyse(s, DEFAULT_DRAWS, DEFAULT_SEED);
        let twice = analyse(s, 2 * DEFAULT_DRAWS, DEFAULT_SEED);
        let (gap, at) = largest_gap(s, &n, &twice);
        assert!(
            gap <= AGREE,
            "{}: {DEFAULT_DRAWS} and {} draws differ by {:.1} points on {at}",
            s.id,
            2 * DEFAULT_DRAWS,
            gap * 100.0
        );
    }
}

#[test]
fn the_estimates_do_not_depend_on_the_seed() {
    for s in common::scenarios() {
        let base = analyse(s, DEFAULT_DRAWS, DEFAULT_SEED);
        for seed in [1, 7, 42] {
            let other = analyse(s, DEFAULT_DRAWS, seed);
            let (gap, at) = largest_gap(s, &base, &other);
            assert!(
                gap <= AGREE,
                "{}: seeds {DEFAULT_SEED} and {seed} differ by {:.1} points \
                 on {at}",
                s.id,
                gap * 100.0
            );
        }
    }
}

/// The eTA file rebuilt so that its hypotheses are unambiguous: the
/// election hypothesis switches a cost that divides capacity by a
/// thousand all along (the site is down whatever the assumptions, so it
/// is needed in every draw), the deadline hypothesis a demand of zero
/// users (it changes nothing, so it is never needed).
fn synthetic() -> Scenario {
    let (_, text) = bundled::FILES
        .iter()
        .find(|(name, _)| *name == "eta-2016.json")
        .expect("eta-2016.json is bundled");
    let mut v: Value = serde_json::from_str(text).expect("valid JSON");
    let label = json!({"en": "A test component", "fr": "Un élément d'essai"});
    let comps = v["model"]["components"].as_array_mut().expect("components");
    comps.retain(|c| c["id"] != "election" && c["id"] != "deadline");
    comps.push(json!({
        "id": "crippling-cost", "label": label, "kind": "cost",
        "multiplier": 1000,
    }));
    comps.push(json!({
        "id": "nobody", "label": label, "kind": "demand",
        "shape": "step", "from": "2016-11-08T00:00",
        "level": 0, "relative_to": "baseline",
    }));
    for h in v["hypotheses"].as_array_mut().expect("hypotheses") {
        match h["id"].as_str() {
            Some("election") => h["components"] = json!(["crippling-cost"]),
            Some("deadline") => h["components"] = json!(["nobody"]),
            _ => {}
        }
    }
    v["id"] = json!("synthetic");
    v["default"] = json!(false);
    Scenario::parse("synthetic.json", &v.to_string())
        .unwrap_or_else(|e| panic!("the synthetic scenario is valid: {e}"))
}

#[test]
fn a_cause_needed_everywhere_shows_100_per_cent_and_one_never_needed_0() {
    let s = synthetic();
    let sup = analyse(&s, 40, DEFAULT_SEED);
    let needed = |id: &str| {
        let h = s.hypothesis_index(id).expect("hypothesis");
        sup.judgement.hypotheses[h].needed
    };
    assert_eq!(needed("election"), 1.0, "the crippling cost");
    assert_eq!(needed("deadline"), 0.0, "a demand of nobody");
    // A demand of nobody changes no check: the world with it alone
    // reproduces what the world with nothing does, draw for draw.
    let h = s.hypothesis_index("deadline").expect("hypothesis");
    let worlds = &sup.judgement.worlds;
    assert_eq!(
        worlds[HypothesisSet::of(&[h]).bits() as usize].reproduces,
        worlds[HypothesisSet::NONE.bits() as usize].reproduces,
    );
    // The crippled site fails in every draw, so the world with the
    // cost alone reproduces some outage observation every time.
    let e = s.hypothesis_index("election").expect("hypothesis");
    let crippled = &worlds[HypothesisSet::of(&[e]).bits() as usize];
    assert!(crippled.reproduces.contains(&1.0), "{crippled:?}");
}

/// Every figure of an analysis is a number, and every share a share.
fn assert_finite(s: &Scenario, sup: &Support) {
    for (name, x) in shares(s, sup) {
        assert!((0.0..=1.0).contains(&x), "{}: {name} = {x}", s.id);
    }
    let j = &sup.judgement;
    for w in &j.worlds {
        assert!((0.0..=1.0).contains(&w.weight), "{}: weight", s.id);
    }
    for h in &j.hypotheses {
        assert!((0.0..=1.0 + 1e-12).contains(&h.included), "{}", s.id);
    }
    for c in &j.claims {
        assert!((0.0..=1.0).contains(&c.support), "{}: support", s.id);
        for it in &c.items {
            for x in [it.right, it.partly, it.wrong, it.present] {
                assert!(x.is_finite(), "{}: item share {x}", s.id);
            }
        }
    }
    for h in sup.claims.iter().filter_map(|c| c.hangs_on.as_ref()) {
        for x in [h.distance, h.mean_in, h.mean_out] {
            assert!(x.is_finite(), "{}: sensitivity {x}", s.id);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Draws anywhere in the boxes: a handful of draws with a random
    /// seed puts every assumption at random points of its range.
    #[test]
    fn no_draw_in_any_box_breaks_the_analysis(
        k in 0..common::scenarios().len(),
        seed in any::<u64>(),
        draws in 1usize..6,
    ) {
        let s = &common::scenarios()[k];
        let sup = analyse(s, draws, seed);
        prop_assert_eq!(sup.judgement.draws, draws);
        assert_finite(s, &sup);
    }
}
