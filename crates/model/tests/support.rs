//! The support analysis (`support.rs`) end to end on every bundled
//! scenario, with few draws: the draws cover the assumptions' ranges
//! (a Latin hypercube) and leave record facts alone; the work can be
//! done in slices; its judgement is the verdict rule on the same
//! draws; and each testable claim names an assumption it hangs on.

mod common;

use claimcheck_model::sim::Run;
use claimcheck_model::support::{analyse, Analysis};
use claimcheck_model::verdict::{judge, Draw, Verdict};
use claimcheck_model::Params;

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
