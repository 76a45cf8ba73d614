//! The verdict rule (`verdict.rs`) on hand-made evidence: the layout of
//! the checks, scoring each thing a claim says, the verdict from the
//! scores, the tolerance (ACCEPT_SHARE quantile), world weights, how
//! often a hypothesis is needed, ties and claims that test nothing.
//!
//! The scenario is the small one of `common::MINI_JSON`. Its checked
//! events have bits 0 `outage` (observation, about the outage), 1
//! `busy` (observation, about traffic), 2 `after` (observation, about
//! the outage) and 3 `said` (a dated claim). Its hypotheses are 0
//! `surge` and 1 `half`, so worlds are 0 (none), 1 (surge), 2 (half)
//! and 3 (both).

mod common;

use claimcheck_model::checks::check_all;
use claimcheck_model::scenario::{Claim, Scenario, Text};
use claimcheck_model::sim::{simulate, Run};
use claimcheck_model::verdict::{
    judge, judge_point, mask_of, score_item, verdict_of, Draw, Item,
    Judgement, Layout, Score, Verdict, ACCEPT_SHARE,
};
use claimcheck_model::{HypothesisSet, Params};

use Score::{Partly, Right, Untested, Wrong};

const OUTAGE: u64 = 1 << 0;
const BUSY: u64 = 1 << 1;
const AFTER: u64 = 1 << 2;
const SAID: u64 = 1 << 3;
const ALL_OBS: u64 = OUTAGE | BUSY | AFTER;

const SURGE: usize = 0;
const HALF: usize = 1;

fn w(bits: u32) -> HypothesisSet {
    HypothesisSet::from_bits(bits)
}

/// A draw with these pass masks (worlds 0–3) and no measured values.
fn draw(masks: [u64; 4]) -> Draw {
    Draw { masks: masks.to_vec(), values: vec![vec![f64::NAN; 4]; 4] }
}

fn claim(asserts: &[usize], denies: &[usize], events: &[&str]) -> Claim {
    let t = || Text { en: "x".into(), fr: None };
    Claim {
        id: "c".into(),
        text: t(),
        quotes: Vec::new(),
        who: t(),
        when: t(),
        date: None,
        asserts: asserts.to_vec(),
        denies: denies.to_vec(),
        events: events.iter().map(|e| e.to_string()).collect(),
        sources: vec!["S".into()],
    }
}

/// The mini scenario with exactly these claims.
fn with_claims(claims: Vec<Claim>) -> Scenario {
    let mut s = common::mini();
    s.claims = claims;
    s
}

#[test]
fn verdict_ids_in_display_order() {
    let ids: Vec<&str> = Verdict::ALL.iter().map(|v| v.id()).collect();
    assert_eq!(
        ids,
        ["supported", "partly-supported", "contradicted", "not-testable"]
    );
}

#[test]
fn the_layout_skips_unchecked_events_and_sorts_bits_by_topic() {
    let s = common::mini();
    let l = Layout::new(&s);
    // Event 0 is the statement; the checked events are 1–4.
    assert_eq!(l.events, [1, 2, 3, 4]);
    assert_eq!(l.observations, ALL_OBS, "the claim does not count");
    assert_eq!(l.outage, OUTAGE | AFTER, "traffic does not count");
    assert_eq!(l.hypotheses, 2);
    assert_eq!(l.bit_of(0), None);
    assert_eq!(l.bit_of(1), Some(0));
    assert_eq!(l.bit_of(4), Some(3));
    assert_eq!(l.bit_of(5), None);
    assert_eq!(l.observation_count(), 3);
}

#[test]
fn distance_counts_missed_observations_only() {
    let l = Layout::new(&common::mini());
    assert_eq!(l.distance(ALL_OBS), 0);
    assert_eq!(l.distance(ALL_OBS | SAID), 0);
    assert_eq!(l.distance(0), 3);
    assert_eq!(l.distance(SAID), 3, "the claim is not an observation");
    assert_eq!(l.distance(OUTAGE), 2);
    assert_eq!(l.distance(BUSY | AFTER), 1);
}

#[test]
fn lost_without_counts_outage_observations_the_world_loses() {
    let l = Layout::new(&common::mini());
    // Both on: everything. Without the surge: the repair and the crowd.
    // Without half: the outage and the repair, not the crowd.
    let masks = [AFTER, OUTAGE | AFTER, AFTER | BUSY, ALL_OBS];
    assert_eq!(l.lost_without(&masks, w(3), SURGE), OUTAGE);
    assert_eq!(l.lost_without(&masks, w(3), HALF), 0, "BUSY is traffic");
    // In the surge-only world, the surge carries the outage (world 0
    // reproduces only the repair).
    assert_eq!(l.lost_without(&masks, w(1), SURGE), OUTAGE);
    // A hypothesis that is off loses nothing.
    assert_eq!(l.lost_without(&masks, w(1), HALF), 0);
    assert_eq!(l.lost_without(&masks, w(0), SURGE), 0);
    // Switching off something that *gains* observations loses none.
    let masks = [ALL_OBS, 0, 0, 0];
    assert_eq!(l.lost_without(&masks, w(1), SURGE), 0);
    // Both outage bits at once.
    let masks = [0, OUTAGE | AFTER, 0, 0];
    assert_eq!(l.lost_without(&masks, w(1), SURGE), OUTAGE | AFTER);
}

#[test]
fn items_in_order_asserted_denied_cited() {
    let s = common::mini();
    let l = Layout::new(&s);
    let c = claim(&[HALF, SURGE], &[SURGE], &["said", "note", "x", "outage"]);
    // The statement has no checks and `x` does not exist: skipped.
    assert_eq!(
        l.items(&s, &c),
        [
            Item::Asserts(HALF),
            Item::Asserts(SURGE),
            Item::Denies(SURGE),
            Item::Cites(3),
            Item::Cites(0),
        ]
    );
    assert!(l.items(&s, &claim(&[], &[], &[])).is_empty());
}

#[test]
fn score_item_truth_table() {
    let l = Layout::new(&common::mini());
    // World 3 needs the surge for the outage; half is on but not
    // needed; world 1 has the surge on and needs it; world 2 has it off.
    let masks = [0, OUTAGE | SAID, 0, OUTAGE];
    let cases = [
        (w(3), Item::Asserts(SURGE), Right),
        (w(3), Item::Asserts(HALF), Partly),
        (w(1), Item::Asserts(SURGE), Right),
        (w(1), Item::Asserts(HALF), Wrong),
        (w(2), Item::Asserts(SURGE), Wrong),
        (w(0), Item::Asserts(SURGE), Wrong),
        (w(3), Item::Denies(SURGE), Wrong),
        (w(3), Item::Denies(HALF), Right),
        (w(2), Item::Denies(SURGE), Right),
        (w(1), Item::Denies(HALF), Right),
        (w(1), Item::Cites(3), Right),
        (w(3), Item::Cites(3), Wrong),
        (w(3), Item::Cites(0), Right),
        (w(0), Item::Cites(0), Wrong),
    ];
    for (world, item, expected) in cases {
        assert_eq!(
            score_item(&l, &masks, world, item),
            expected,
            "{item:?} in world {}",
            world.bits()
        );
    }
}

#[test]
fn a_cited_observation_no_world_reproduces_is_untested() {
    let l = Layout::new(&common::mini());
    // No world reproduces the repair (bit 2) or the dated claim (bit
    // 3); one world reproduces the outage (bit 0).
    let masks = [0, OUTAGE, BUSY, BUSY];
    for world in [w(0), w(1), w(2), w(3)] {
        let score = |b| score_item(&l, &masks, world, Item::Cites(b));
        assert_eq!(score(2), Untested, "world {}", world.bits());
        // A dated claim is not part of the record: it is simply wrong.
        assert_eq!(score(3), Wrong);
    }
    assert_eq!(score_item(&l, &masks, w(0), Item::Cites(0)), Wrong);
    assert_eq!(score_item(&l, &masks, w(1), Item::Cites(0)), Right);
    // Reproduced by one other world: wrong, for every bit.
    for b in 0..3 {
        let masks = [0, 1 << b, 0, 0];
        for world in [w(0), w(2), w(3)] {
            let score = score_item(&l, &masks, world, Item::Cites(b));
            assert_eq!(score, Wrong, "bit {b} in world {}", world.bits());
        }
    }
    // Hypotheses are never untested.
    assert_eq!(score_item(&l, &masks, w(0), Item::Asserts(SURGE)), Wrong);
    assert_eq!(score_item(&l, &masks, w(0), Item::Denies(SURGE)), Right);
}

#[test]
fn verdict_of_truth_table() {
    let cases: [(&[Score], Verdict); 16] = [
        (&[Untested], Verdict::NotTestable),
        (&[Untested, Untested], Verdict::NotTestable),
        (&[Right, Untested], Verdict::Supported),
        (&[Untested, Wrong], Verdict::Contradicted),
        (&[Partly, Untested], Verdict::PartlySupported),
        (&[Untested, Right, Wrong], Verdict::PartlySupported),
        (&[], Verdict::NotTestable),
        (&[Right], Verdict::Supported),
        (&[Right, Right], Verdict::Supported),
        (&[Wrong], Verdict::Contradicted),
        (&[Wrong, Wrong], Verdict::Contradicted),
        (&[Partly], Verdict::PartlySupported),
        (&[Right, Wrong], Verdict::PartlySupported),
        (&[Wrong, Right], Verdict::PartlySupported),
        (&[Right, Partly], Verdict::PartlySupported),
        (&[Partly, Wrong], Verdict::PartlySupported),
    ];
    for (scores, expected) in cases {
        assert_eq!(verdict_of(scores), expected, "{scores:?}");
    }
}

#[test]
fn mask_of_sets_the_bits_of_passing_checks() {
    let s = common::mini();
    let p = Params::defaults(&s.params);
    for world in common::worlds(&s) {
        let run = simulate(&s, &p, world);
        let checks = check_all(&s, &p, &run);
        let mask = mask_of(&checks);
        for (k, c) in checks.iter().enumerate() {
            assert_eq!(mask & (1 << k) != 0, c.pass, "bit {k}");
        }
        assert_eq!(mask >> checks.len(), 0);
    }
}

// ---------------------------------------------------------------------
// The tolerance: the smallest distance keeping ACCEPT_SHARE of pairs.

/// `n` draws in which every world misses every observation, except the
/// worlds listed with their masks.
fn draws(n: usize, special: &[(usize, usize, u64)]) -> Vec<Draw> {
    let mut d: Vec<Draw> = (0..n).map(|_| draw([0; 4])).collect();
    for &(i, world, mask) in special {
        d[i].masks[world] = mask;
    }
    d
}

fn judged(draws: &[Draw]) -> Judgement {
    judge(&with_claims(Vec::new()), draws)
}

#[test]
fn the_tolerance_keeps_at_least_the_accept_share() {
    assert_eq!(ACCEPT_SHARE, 0.05);
    // 10 draws × 4 worlds = 40 pairs: the tolerance must keep 2.
    // One pair fits perfectly, three miss one observation: distance 0
    // keeps too few, so the tolerance is 1 and keeps all four.
    let one = BUSY | AFTER;
    let d =
        draws(10, &[(0, 3, ALL_OBS), (1, 3, one), (2, 1, one), (3, 3, one)]);
    let j = judged(&d);
    assert_eq!((j.draws, j.pairs), (10, 40));
    assert_eq!(j.tolerance, 1);
    assert_eq!(j.accepted, 4);
    assert_eq!(j.plausible, [(0, 3), (1, 3), (2, 1), (3, 3)]);
    // Two perfect pairs are exactly the share: the tolerance stays 0.
    let d = draws(10, &[(0, 3, ALL_OBS), (5, 2, ALL_OBS), (1, 3, one)]);
    let j = judged(&d);
    assert_eq!(j.tolerance, 0);
    assert_eq!(j.accepted, 2);
    assert_eq!(j.plausible, [(0, 3), (5, 2)]);
    // 20 draws, 80 pairs, 4 to keep: three perfect pairs and one
    // missing two observations; every pair at distance 3 otherwise.
    let d = draws(
        20,
        &[(0, 3, ALL_OBS), (1, 3, ALL_OBS), (2, 3, ALL_OBS), (3, 0, BUSY)],
    );
    let j = judged(&d);
    assert_eq!(j.tolerance, 2);
    assert_eq!(j.accepted, 4);
}

#[test]
fn with_one_draw_the_best_fitting_worlds_are_plausible() {
    // Four pairs: the tolerance keeps one, so it is the best distance
    // and every world at that distance is plausible.
    let j = judged(&[draw([0, BUSY, BUSY | OUTAGE, BUSY | AFTER])]);
    assert_eq!(j.tolerance, 1);
    assert_eq!(j.plausible, [(0, 2), (0, 3)]);
    assert_eq!(j.worlds[2].weight, 0.5);
    assert_eq!(j.worlds[3].weight, 0.5);
    assert_eq!(j.worlds[0].weight + j.worlds[1].weight, 0.0);
}

#[test]
fn world_weights_and_reproduction_shares() {
    // Four draws. World 3 fits in three of them, world 1 in one; world
    // 1 also reproduces the crowd in two draws.
    let d = vec![
        draw([0, ALL_OBS, 0, ALL_OBS]),
        draw([0, BUSY, 0, ALL_OBS]),
        draw([0, BUSY, 0, ALL_OBS | SAID]),
        draw([0, 0, 0, OUTAGE]),
    ];
    let j = judged(&d);
    // 16 pairs, 0.8 → keep 1: distance 0 has four.
    assert_eq!(j.tolerance, 0);
    assert_eq!(j.accepted, 4);
    let weights: Vec<f64> = j.worlds.iter().map(|w| w.weight).collect();
    assert_eq!(weights, [0.0, 0.25, 0.0, 0.75]);
    assert_eq!(j.worlds[1].reproduces, [0.25, 0.75, 0.25, 0.0]);
    assert_eq!(j.worlds[3].reproduces, [1.0, 0.75, 0.75, 0.25]);
    assert_eq!(j.worlds[1].all, 0.25);
    assert_eq!(j.worlds[3].all, 0.75);
    assert_eq!(j.worlds[0].all, 0.0);
    let order: Vec<u32> = j.worlds.iter().map(|w| w.world.bits()).collect();
    assert_eq!(order, [0, 1, 2, 3]);
}

#[test]
fn needed_and_included_per_hypothesis() {
    // Draw 0: with both on, switching off the surge loses the outage
    // (world 2 misses it); switching off half loses nothing. Draw 1:
    // half is needed for the repair (world 1 misses it), the surge is
    // not. Draw 2: neither is needed.
    let d = vec![
        draw([0, ALL_OBS, AFTER, ALL_OBS]),
        draw([0, OUTAGE | BUSY, ALL_OBS, ALL_OBS]),
        draw([ALL_OBS, ALL_OBS, ALL_OBS, ALL_OBS]),
    ];
    let j = judged(&d);
    assert_eq!(j.hypotheses[SURGE].needed, 1.0 / 3.0);
    assert_eq!(j.hypotheses[HALF].needed, 1.0 / 3.0);
    // Losing only traffic does not make a hypothesis needed.
    let j2 = judged(&[draw([0, OUTAGE | AFTER, BUSY, ALL_OBS])]);
    assert_eq!(j2.hypotheses[SURGE].needed, 1.0);
    assert_eq!(j2.hypotheses[HALF].needed, 0.0, "only BUSY lost");
    // Included: the summed weight of the worlds that have it on. 12
    // pairs, keep 1; distance 0 has 8 pairs: world 3 ×3, world 1 ×2
    // (draws 0 and 2), world 2 ×2 (draws 1 and 2), world 0 ×1.
    assert_eq!(j.tolerance, 0);
    assert_eq!(j.accepted, 8);
    let weights: Vec<f64> = j.worlds.iter().map(|w| w.weight).collect();
    assert_eq!(weights, [0.125, 0.25, 0.25, 0.375]);
    assert_eq!(j.hypotheses[SURGE].included, 0.625);
    assert_eq!(j.hypotheses[HALF].included, 0.625);
    assert_eq!(j.hypotheses[SURGE].hypothesis, SURGE);
    assert_eq!(j.hypotheses[HALF].hypothesis, HALF);
}

#[test]
fn a_claim_across_plausible_scenarios() {
    // The claim asserts the surge and cites the dated claim `said`.
    let s = with_claims(vec![claim(&[SURGE], &[], &["said"])]);
    // Three draws, each with one plausible world (3, 3, 1):
    // draw 0: surge needed (world 2 lacks the outage), said passes
    //   → supported;
    // draw 1: surge needed, said fails → partly supported;
    // draw 2: world 1, surge needed (world 0 lacks it), said fails
    //   → partly supported.
    let mut d = vec![
        draw([0, 0, BUSY | AFTER, ALL_OBS | SAID]),
        draw([0, 0, BUSY | AFTER, ALL_OBS]),
        draw([0, ALL_OBS, 0, 0]),
    ];
    d[0].values[3][3] = 900.0;
    d[1].values[3][3] = 700.0;
    d[2].values[1][3] = 800.0;
    let j = judge(&s, &d);
    assert_eq!(j.accepted, 3);
    let c = &j.claims[0];
    assert_eq!(c.claim, 0);
    assert_eq!(c.verdict, Verdict::PartlySupported);
    assert_eq!(c.shares, [1.0 / 3.0, 2.0 / 3.0, 0.0, 0.0]);
    assert_eq!(c.support, 2.0 / 3.0);
    let [asserts, cites] = &c.items[..] else { panic!("{:?}", c.items) };
    assert_eq!(asserts.item, Item::Asserts(SURGE));
    assert_eq!(
        (asserts.right, asserts.partly, asserts.wrong),
        (1.0, 0.0, 0.0)
    );
    assert_eq!(asserts.present, 1.0);
    assert_eq!(asserts.most_lost, Some((0, 1.0)));
    assert!(asserts.median_value.is_nan(), "no value for a hypothesis");
    assert_eq!(cites.item, Item::Cites(3));
    assert_eq!(
        (cites.right, cites.partly, cites.wrong),
        (1.0 / 3.0, 0.0, 2.0 / 3.0)
    );
    assert_eq!(cites.present, 0.0);
    assert_eq!(cites.most_lost, None);
    // The median of 700, 800, 900.
    assert_eq!(cites.median_value, 800.0);
}

#[test]
fn partly_right_and_absent_hypotheses() {
    // Asserting half where it is on but not needed: partly right; where
    // it is off: wrong, and absent.
    let s = with_claims(vec![claim(&[HALF], &[], &[])]);
    let d =
        vec![draw([0, ALL_OBS, 0, ALL_OBS]), draw([0, ALL_OBS, 0, ALL_OBS])];
    let j = judge(&s, &d);
    let c = &j.claims[0];
    assert_eq!(c.shares, [0.0, 0.5, 0.5, 0.0]);
    // A tie between partly supported and contradicted: partly.
    assert_eq!(c.verdict, Verdict::PartlySupported);
    let it = &c.items[0];
    assert_eq!((it.right, it.partly, it.wrong), (0.0, 0.5, 0.5));
    assert_eq!(it.present, 0.5);
    assert_eq!(it.most_lost, None);
}

#[test]
fn a_tie_between_supported_and_contradicted_is_partly_supported() {
    // Denying the surge: right in draw 0 (not needed: world 2 keeps
    // the outage and the repair), wrong in draw 1 (needed).
    let s = with_claims(vec![claim(&[], &[SURGE], &[])]);
    let right = || draw([0, 0, OUTAGE | AFTER, ALL_OBS]);
    let wrong = || draw([0, 0, BUSY | AFTER, ALL_OBS]);
    let d = vec![right(), wrong()];
    let c = &judge(&s, &d).claims[0];
    assert_eq!(c.shares, [0.5, 0.0, 0.5, 0.0]);
    assert_eq!(c.verdict, Verdict::PartlySupported);
    assert_eq!(c.support, 0.0, "no tallied scenario was partly supported");
    // Without the tie, the majority wins.
    let d = vec![right(), wrong(), right()];
    let c = &judge(&s, &d).claims[0];
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.support, 2.0 / 3.0);
    let d = vec![right(), wrong(), wrong()];
    let c = &judge(&s, &d).claims[0];
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert_eq!(c.support, 2.0 / 3.0);
}

#[test]
fn the_most_lost_observation_breaks_ties_by_the_first_bit() {
    let s = with_claims(vec![claim(&[SURGE], &[], &[])]);
    // Draw 0 loses both outage bits without the surge, draw 1 only the
    // repair (bit 2), draw 2 only the outage (bit 0): a tie, 2 each.
    let d = vec![
        draw([0, 0, BUSY, ALL_OBS]),
        draw([0, 0, OUTAGE | BUSY, ALL_OBS]),
        draw([0, 0, BUSY | AFTER, ALL_OBS]),
    ];
    let it = &judge(&s, &d).claims[0].items[0];
    assert_eq!(it.most_lost, Some((0, 2.0 / 3.0)));
    // One more loss of the repair: it wins.
    let mut d = d;
    d.push(draw([0, 0, OUTAGE | BUSY, ALL_OBS]));
    let it = &judge(&s, &d).claims[0].items[0];
    assert_eq!(it.most_lost, Some((2, 0.75)));
}

#[test]
fn the_median_skips_scenarios_without_a_value() {
    let s = with_claims(vec![claim(&[], &[], &["outage"])]);
    let mut d: Vec<Draw> = (0..4).map(|_| draw([0, 0, 0, ALL_OBS])).collect();
    d[0].values[3][0] = 5.0;
    d[2].values[3][0] = 1.0;
    d[3].values[3][0] = 3.0;
    let it = &judge(&s, &d).claims[0].items[0];
    assert_eq!(it.median_value, 3.0, "the middle of 1, 3, 5");
    d[1].values[3][0] = 10.0;
    let it = &judge(&s, &d).claims[0].items[0];
    assert_eq!(it.median_value, 5.0, "the upper middle of 1, 3, 5, 10");
    let d = vec![draw([0, 0, 0, ALL_OBS])];
    let it = &judge(&s, &d).claims[0].items[0];
    assert!(it.median_value.is_nan());
}

#[test]
fn a_claim_that_says_nothing_testable_is_not_testable() {
    let s = with_claims(vec![
        claim(&[], &[], &[]),
        claim(&[], &[], &["note"]),
        claim(&[SURGE], &[], &[]),
    ]);
    let j = judge(&s, &[draw([0, 0, 0, ALL_OBS])]);
    for c in &j.claims[..2] {
        assert_eq!(c.verdict, Verdict::NotTestable);
        assert_eq!(c.shares, [0.0, 0.0, 0.0, 1.0]);
        assert_eq!(c.support, 1.0);
        assert!(c.items.is_empty());
    }
    assert_eq!(j.claims[2].verdict, Verdict::Supported);
}

#[test]
fn untested_items_are_left_out_of_the_tally() {
    // The claim cites the repair (an observation) and the outage. Three
    // plausible pairs, all at distance 1 (each world misses one
    // observation): in draw 0 no world reproduces the repair, in draw 1
    // world 3 does.
    let s = with_claims(vec![
        claim(&[], &[], &["after"]),
        claim(&[], &[], &["after", "outage"]),
    ]);
    let d = vec![
        draw([0, OUTAGE | BUSY, 0, OUTAGE | BUSY]),
        draw([0, 0, 0, OUTAGE | AFTER]),
    ];
    let j = judge(&s, &d);
    assert_eq!(j.tolerance, 1);
    assert_eq!(j.plausible, [(0, 1), (0, 3), (1, 3)]);
    // Citing the repair alone: draw 0's two pairs test nothing and are
    // not tallied; draw 1's pair supports it.
    let c = &j.claims[0];
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.shares, [1.0, 0.0, 0.0, 0.0]);
    assert_eq!(c.support, 1.0);
    let it = &c.items[0];
    assert_eq!(it.right, 1.0);
    assert_eq!(it.untested, 2.0 / 3.0, "a share of all plausible pairs");
    // With the outage too, every pair tests something: draw 0's pairs
    // are supported on the outage alone, draw 1's on both.
    let c = &j.claims[1];
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.shares, [1.0, 0.0, 0.0, 0.0]);
    assert_eq!(c.items[0].untested, 2.0 / 3.0);
    assert_eq!(c.items[0].right, 1.0 / 3.0);
    assert_eq!(c.items[1].right, 1.0);
    assert_eq!(c.items[1].untested, 0.0);
}

#[test]
fn a_claim_whose_observations_no_world_reproduces_is_not_testable() {
    // Nowhere is the repair reproduced: nothing the claim says can be
    // tested, so it is not testable (not a four-way tie of zeros).
    let s = with_claims(vec![claim(&[], &[], &["after"])]);
    let j = judge(&s, &[draw([0, OUTAGE | BUSY, 0, OUTAGE | BUSY])]);
    let c = &j.claims[0];
    assert_eq!(c.verdict, Verdict::NotTestable);
    assert_eq!(c.shares, [0.0; 4]);
    assert_eq!(c.items[0].untested, 1.0);
    assert_eq!(c.items[0].right + c.items[0].wrong, 0.0);
}

#[test]
fn no_draws_give_no_plausible_scenario_and_no_nan() {
    let s = with_claims(vec![claim(&[SURGE], &[], &["said"])]);
    let j = judge(&s, &[]);
    assert_eq!((j.draws, j.pairs, j.accepted, j.tolerance), (0, 0, 0, 0));
    for w in &j.worlds {
        assert_eq!((w.weight, w.all), (0.0, 0.0));
    }
    for h in &j.hypotheses {
        assert_eq!((h.needed, h.included), (0.0, 0.0));
    }
    let c = &j.claims[0];
    assert_eq!(c.shares, [0.0; 4]);
    assert_eq!(c.verdict, Verdict::NotTestable, "nothing was tested");
    assert_eq!(c.support, 0.0);
    assert_eq!(c.items[0].untested, 0.0);
}

// ---------------------------------------------------------------------
// Draws from the simulation.

#[test]
fn a_draw_runs_every_world_and_keeps_the_first_rules_value() {
    let s = common::mini();
    let p = Params::defaults(&s.params);
    let mut buf = Run::new();
    let d = Draw::run(&s, &p, &mut buf);
    assert_eq!(d.masks.len(), 4);
    assert_eq!(d.masks, Draw::masks(&s, &p, &mut buf));
    for world in common::worlds(&s) {
        let run = simulate(&s, &p, world);
        let checks = check_all(&s, &p, &run);
        let k = world.bits() as usize;
        assert_eq!(d.masks[k], mask_of(&checks), "world {k}");
        let first: Vec<f64> =
            checks.iter().map(|c| c.outcomes[0].value).collect();
        assert_eq!(d.values[k].len(), first.len());
        for (a, b) in d.values[k].iter().zip(&first) {
            assert!(a == b || (a.is_nan() && b.is_nan()), "{a} vs {b}");
        }
    }
    // The mini scenario's physics: ordinary traffic (100 a minute) fits
    // in one server (150); the surge (500 a minute) overloads even two
    // (300). So the outage needs the surge; the crowd (5× normal) too;
    // and the site is healthy after 6 p.m. in every world.
    assert_eq!(d.masks[0], AFTER);
    assert_eq!(d.masks[2], AFTER);
    assert_eq!(d.masks[1] & ALL_OBS, ALL_OBS);
    assert_eq!(d.masks[3] & ALL_OBS, ALL_OBS);
    // It tips at noon, not near 3 p.m.: `said` fails.
    assert_eq!(d.masks[1] & SAID, 0);
    assert_eq!(d.values[1][3], 720.0);
}

#[test]
fn judge_point_is_judge_on_one_draw() {
    let s = common::mini();
    let p = Params::defaults(&s.params);
    let j = judge_point(&s, &p);
    let d = Draw::run(&s, &p, &mut Run::new());
    // NaN medians make `==` fail; the debug forms compare them too.
    assert_eq!(format!("{j:?}"), format!("{:?}", judge(&s, &[d])));
    assert_eq!(j.draws, 1);
    // The surge is needed, half is not: worlds 1 and 3 both fit.
    assert_eq!(j.plausible, [(0, 1), (0, 3)]);
    let c = &j.claims[0];
    assert_eq!(c.verdict, Verdict::PartlySupported);
    assert_eq!(c.items[0].right, 1.0);
    assert_eq!(c.items[1].wrong, 1.0);
}

/// A claim whose shares are `shares` (in `Verdict::ALL` order), with its
/// headline the largest.
fn support_with(shares: [f64; 4]) -> claimcheck_model::verdict::ClaimSupport {
    let (i, &support) =
        shares.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).unwrap();
    claimcheck_model::verdict::ClaimSupport {
        claim: 0,
        verdict: Verdict::ALL[i],
        shares,
        support,
        items: Vec::new(),
    }
}

#[test]
fn a_runner_up_within_five_points_is_a_close_call() {
    use claimcheck_model::verdict::CLOSE_CALL;
    assert_eq!(CLOSE_CALL, 0.05);
    // The eTA capacity claim at 3,000 draws: 49.8% partly, 48.6% supported.
    let near = support_with([0.486, 0.498, 0.016, 0.0]);
    assert_eq!(near.close_call(), Some((Verdict::Supported, 0.486)));
    // The runner-up is the largest of the others, not the first.
    let two = support_with([0.30, 0.34, 0.32, 0.04]);
    assert_eq!(two.close_call(), Some((Verdict::Contradicted, 0.32)));
    // More than five points apart: the headline stands alone.
    assert_eq!(support_with([0.44, 0.50, 0.06, 0.0]).close_call(), None);
    assert!(support_with([0.46, 0.50, 0.04, 0.0]).close_call().is_some());
    assert_eq!(support_with([0.1, 0.8, 0.1, 0.0]).close_call(), None);
    // A verdict no scenario gives is never the runner-up, even when no
    // draw was tallied at all (every share 0, so a gap of 0).
    assert_eq!(support_with([1.0, 0.0, 0.0, 0.0]).close_call(), None);
    assert_eq!(support_with([0.0; 4]).close_call(), None);
    // Exactly five points apart is not "within five": the gap must be
    // under CLOSE_CALL. Shares chosen so the gap is exactly CLOSE_CALL in
    // binary, and a hair less for the control.
    let (runner, head) = (1..64)
        .map(|k| f64::from(k) / 1024.0)
        .map(|x| (x, x + CLOSE_CALL))
        .find(|&(r, h)| h - r == CLOSE_CALL)
        .expect("a pair of shares exactly CLOSE_CALL apart");
    assert_eq!(support_with([runner, head, 0.0, 0.0]).close_call(), None);
    let closer = runner + f64::EPSILON;
    assert!(head - closer < CLOSE_CALL);
    assert_eq!(
        support_with([closer, head, 0.0, 0.0]).close_call(),
        Some((Verdict::Supported, closer))
    );
}

#[test]
fn a_close_call_is_said_in_both_languages() {
    use claimcheck_model::locale::Lang;
    use claimcheck_model::words::Words;
    let s = claimcheck_model::bundled::find("eta-2016").unwrap();
    let near = support_with([0.486, 0.498, 0.016, 0.0]);
    let en = Words::new(&s, Lang::En);
    let fr = Words::new(&s, Lang::Fr);
    assert_eq!(
        en.claim_head(&near),
        "Partly supported in five of 10 plausible scenarios; supported in 49 per cent: too close to call."
    );
    assert_eq!(
        en.support_short(&near),
        "in five of 10 plausible scenarios (50%); supported in 49%: too close to call"
    );
    assert_eq!(
        fr.claim_head(&near),
        "Partiellement étayée dans cinq scénarios plausibles sur 10\u{202f}; étayée dans 49\u{a0}%\u{a0}: trop serré pour trancher."
    );
    let clear = support_with([0.84, 0.08, 0.08, 0.0]);
    assert_eq!(
        en.claim_head(&clear),
        "Supported in eight of 10 plausible scenarios."
    );
    assert_eq!(
        en.support_short(&clear),
        "in eight of 10 plausible scenarios (84%)"
    );
}
