//! Verdicts: what the record, through the model, says about each claim.
//!
//! One rule, the same for every claim and every scenario; no claim has
//! code of its own. It never looks at the hypotheses a reader has
//! switched on: a verdict is the record's.
//!
//! # The rule: ABC model choice over the assumption box
//!
//! The method is rejection ABC (approximate Bayesian computation;
//! Pritchard et al. 1999) used for model choice (Grelaud et al. 2009;
//! Toni et al. 2009), with the tolerance set as a quantile of the
//! simulated distances (Beaumont, Zhang & Balding 2002).
//!
//! 1. **Draws.** Points of the assumption box: every assumption with a
//!    range varies, record facts stay at their values
//!    ([`crate::support`] draws them by Latin hypercube sampling; one
//!    point, the defaults, gives the point verdict the widget's reader
//!    line and the tests start from).
//! 2. **Worlds.** At each draw, every combination of hypotheses (2ⁿ
//!    worlds) is simulated and checked. A pair (draw, world) is a
//!    *scenario*; its *distance* is the number of the record's
//!    observations it does not reproduce.
//! 3. **Plausible scenarios.** The tolerance ε is the smallest distance
//!    such that at least [`ACCEPT_SHARE`] of all pairs are within it
//!    (with one draw: the best-fitting worlds). The pairs within ε are
//!    the *plausible scenarios*. A world's weight is its share of them
//!    (its acceptance rate, as in ABC model choice).
//! 4. **A claim, in one plausible scenario.** Each thing the claim says
//!    is scored:
//!    - it asserts a hypothesis (a cause of the outage): *right* if that
//!      hypothesis is on in the world and *needed* there (switching it
//!      off loses an outage observation the world reproduces); *partly
//!      right* if it is on but not needed; *wrong* if the world does
//!      without it;
//!    - it denies a hypothesis played a part: *right* unless the
//!      hypothesis is on and needed, then *wrong*;
//!    - it cites a checked event: *right* if the world reproduces it,
//!      *wrong* if not.
//!
//!    The claim is **supported** there if everything is right,
//!    **contradicted** if everything is wrong, **partly supported**
//!    otherwise, and **not testable** if it asserts, denies and cites
//!    nothing the model can check.
//! 5. **The verdict** is the verdict that comes out in the most
//!    plausible scenarios; its *support* is that share. A tie between
//!    verdicts is called partly supported: mixed evidence.

use crate::checks::{check_all, pass_mask, CheckResult};
use crate::hypothesis::HypothesisSet;
use crate::params::Params;
use crate::rules::Topic;
use crate::scenario::{Claim, EventKind, Scenario};
use crate::sim::{simulate_into, Run};

/// The smallest share of all (draw, world) pairs the tolerance keeps.
pub const ACCEPT_SHARE: f64 = 0.05;

/// A claim's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// Everything the claim says agrees with the record.
    Supported,
    /// Some of it does.
    PartlySupported,
    /// None of it does.
    Contradicted,
    /// The claim says nothing the model can test.
    NotTestable,
}

impl Verdict {
    /// Every verdict, in display order.
    pub const ALL: [Verdict; 4] = [
        Verdict::Supported,
        Verdict::PartlySupported,
        Verdict::Contradicted,
        Verdict::NotTestable,
    ];

    /// `supported`, `partly-supported`, `contradicted`, `not-testable`.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::PartlySupported => "partly-supported",
            Verdict::Contradicted => "contradicted",
            Verdict::NotTestable => "not-testable",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// How one thing a claim says fares in one scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Score {
    /// It agrees.
    Right,
    /// It is on, but not needed.
    Partly,
    /// It disagrees.
    Wrong,
    /// A cited observation no world reproduces at this draw: the model
    /// cannot tell, so the item is left out there.
    Untested,
}

/// One thing a claim says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    /// A hypothesis (index) the claim says caused the outage.
    Asserts(usize),
    /// A hypothesis (index) the claim says played no part.
    Denies(usize),
    /// A checked event (index among the checked events) the claim says
    /// happened as the record has it.
    Cites(usize),
}

/// Where the checked events sit in a pass mask, and which count.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Event index (in the scenario) of each bit.
    pub events: Vec<usize>,
    /// Bits of the record's observations (they count towards the fit).
    pub observations: u64,
    /// Of which about the outage (they make a hypothesis needed).
    pub outage: u64,
    /// How many hypotheses (worlds: 2ⁿ).
    pub hypotheses: usize,
}

impl Layout {
    /// The layout of `scenario`'s checks.
    pub fn new(scenario: &Scenario) -> Layout {
        let mut events = Vec::new();
        let (mut observations, mut outage) = (0u64, 0u64);
        for (k, (i, e)) in scenario
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_checked())
            .enumerate()
        {
            events.push(i);
            if e.kind == EventKind::Observation {
                observations |= 1 << k;
                if e.checks.iter().any(|r| r.topic() == Topic::Outage) {
                    outage |= 1 << k;
                }
            }
        }
        Layout {
            events,
            observations,
            outage,
            hypotheses: scenario.hypotheses.len(),
        }
    }

    /// The bit of the event with scenario index `event`, if checked.
    pub fn bit_of(&self, event: usize) -> Option<usize> {
        self.events.iter().position(|&e| e == event)
    }

    /// How many observations count.
    pub fn observation_count(&self) -> usize {
        self.observations.count_ones() as usize
    }

    /// Observations a world with pass mask `mask` misses.
    pub fn distance(&self, mask: u64) -> u32 {
        (self.observations & !mask).count_ones()
    }

    /// The outage observations world `world` reproduces that it loses
    /// with hypothesis `h` off (empty if `h` is off in it).
    pub fn lost_without(
        &self,
        masks: &[u64],
        world: HypothesisSet,
        h: usize,
    ) -> u64 {
        if !world.contains(h) {
            return 0;
        }
        let with = masks[world.bits() as usize];
        let without = masks[world.without(h).bits() as usize];
        with & !without & self.outage
    }

    /// The things `claim` says, in order: asserted, denied, cited.
    pub fn items(&self, scenario: &Scenario, claim: &Claim) -> Vec<Item> {
        let mut items: Vec<Item> =
            claim.asserts.iter().map(|&h| Item::Asserts(h)).collect();
        items.extend(claim.denies.iter().map(|&h| Item::Denies(h)));
        for id in &claim.events {
            let bit = scenario
                .events
                .iter()
                .position(|e| &e.id == id)
                .and_then(|i| self.bit_of(i));
            if let Some(b) = bit {
                items.push(Item::Cites(b));
            }
        }
        items
    }
}

/// Scores one item in world `world` of a draw whose worlds have pass
/// masks `masks` (indexed by world bits).
pub fn score_item(
    layout: &Layout,
    masks: &[u64],
    world: HypothesisSet,
    item: Item,
) -> Score {
    match item {
        Item::Asserts(h) if !world.contains(h) => Score::Wrong,
        Item::Asserts(h) if layout.lost_without(masks, world, h) != 0 => {
            Score::Right
        }
        Item::Asserts(_) => Score::Partly,
        Item::Denies(h) if layout.lost_without(masks, world, h) != 0 => {
            Score::Wrong
        }
        Item::Denies(_) => Score::Right,
        Item::Cites(b) if masks[world.bits() as usize] & (1 << b) != 0 => {
            Score::Right
        }
        Item::Cites(b)
            if layout.observations & (1 << b) != 0
                && masks.iter().all(|m| m & (1 << b) == 0) =>
        {
            Score::Untested
        }
        Item::Cites(_) => Score::Wrong,
    }
}

/// The verdict from the scores of a claim's items.
pub fn verdict_of(scores: &[Score]) -> Verdict {
    let tested: Vec<Score> =
        scores.iter().copied().filter(|&s| s != Score::Untested).collect();
    let scores = &tested[..];
    if scores.is_empty() {
        Verdict::NotTestable
    } else if scores.iter().all(|&s| s == Score::Right) {
        Verdict::Supported
    } else if scores.iter().all(|&s| s == Score::Wrong) {
        Verdict::Contradicted
    } else {
        Verdict::PartlySupported
    }
}

/// The checks of every world at one draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Draw {
    /// Pass masks, indexed by world bits.
    pub masks: Vec<u64>,
    /// For each world and each checked event, its first rule's measured
    /// value (e.g. the first failing minute): `values[world][bit]`.
    pub values: Vec<Vec<f64>>,
}

impl Draw {
    /// Simulates and checks every world with `params`.
    pub fn run(scenario: &Scenario, params: &Params, buf: &mut Run) -> Draw {
        let n = scenario.hypotheses.len();
        let mut masks = Vec::with_capacity(1 << n);
        let mut values = Vec::with_capacity(1 << n);
        for world in HypothesisSet::every(n) {
            simulate_into(scenario, params, world, buf);
            let checks = check_all(scenario, params, buf);
            masks.push(mask_of(&checks));
            values.push(
                checks
                    .iter()
                    .map(|c| c.outcomes.first().map_or(f64::NAN, |o| o.value))
                    .collect(),
            );
        }
        Draw { masks, values }
    }

    /// Only the masks (faster; no measured values).
    pub fn masks(
        scenario: &Scenario,
        params: &Params,
        buf: &mut Run,
    ) -> Vec<u64> {
        HypothesisSet::every(scenario.hypotheses.len())
            .map(|world| {
                simulate_into(scenario, params, world, buf);
                pass_mask(scenario, params, buf)
            })
            .collect()
    }
}

/// The pass mask of a list of check results in file order.
pub fn mask_of(checks: &[CheckResult]) -> u64 {
    checks
        .iter()
        .enumerate()
        .filter(|(_, c)| c.pass)
        .fold(0, |m, (k, _)| m | 1 << k)
}

/// How one thing a claim says fares across the plausible scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemSupport {
    /// The item.
    pub item: Item,
    /// Share of plausible scenarios where it is right, partly right,
    /// wrong.
    pub right: f64,
    /// See `right`.
    pub partly: f64,
    /// See `right`.
    pub wrong: f64,
    /// For a cited observation: the share of plausible scenarios where
    /// no world reproduces it, so it is left out.
    pub untested: f64,
    /// For a hypothesis: the share of plausible scenarios in which its
    /// world has it on.
    pub present: f64,
    /// For a hypothesis: the outage observation (bit) most often lost
    /// without it, and the share of plausible scenarios that lose it.
    pub most_lost: Option<(usize, f64)>,
    /// For a cited event: the median of its first rule's measured value
    /// over the plausible scenarios (NaN if none has one).
    pub median_value: f64,
}

/// A claim's verdict across the plausible scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimSupport {
    /// The claim's index in the scenario.
    pub claim: usize,
    /// The verdict that comes out most often.
    pub verdict: Verdict,
    /// Share of plausible scenarios giving each verdict, in
    /// [`Verdict::ALL`] order.
    pub shares: [f64; 4],
    /// The headline verdict's share.
    pub support: f64,
    /// Each thing the claim says.
    pub items: Vec<ItemSupport>,
}

/// How close the runner-up verdict's share may come to the headline's
/// before the words call it too close to call: the convergence tests hold
/// every share to 3 points between N and 2N draws and between seeds, so
/// a gap under 5 points could go either way.
pub const CLOSE_CALL: f64 = 0.05;

impl ClaimSupport {
    /// The runner-up verdict and its share, when it comes within
    /// [`CLOSE_CALL`] of the headline's.
    pub fn close_call(&self) -> Option<(Verdict, f64)> {
        Verdict::ALL
            .iter()
            .zip(self.shares)
            .filter(|&(&v, share)| v != self.verdict && share > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|&(_, share)| self.support - share < CLOSE_CALL)
            .map(|(&v, share)| (v, share))
    }
}

/// Per world: how often it reproduces each observation.
#[derive(Clone, Debug, PartialEq)]
pub struct WorldSupport {
    /// The world.
    pub world: HypothesisSet,
    /// Share of draws reproducing each checked event (by bit).
    pub reproduces: Vec<f64>,
    /// Share of draws reproducing every observation.
    pub all: f64,
    /// Its weight: share of the plausible scenarios in this world.
    pub weight: f64,
}

/// Per hypothesis: how often it is needed.
#[derive(Clone, Debug, PartialEq)]
pub struct HypothesisSupport {
    /// The hypothesis' index.
    pub hypothesis: usize,
    /// Share of draws in which switching it off in the world with every
    /// hypothesis on loses an outage observation.
    pub needed: f64,
    /// The posterior probability that it is part of the explanation:
    /// the summed weight of the worlds that have it on.
    pub included: f64,
}

/// The analysis across draws: the tolerance, the worlds, the
/// hypotheses and each claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// How many draws.
    pub draws: usize,
    /// The tolerance: observations a plausible scenario may miss.
    pub tolerance: u32,
    /// How many (draw, world) pairs are plausible.
    pub accepted: usize,
    /// Of how many.
    pub pairs: usize,
    /// Per world, in [`HypothesisSet::every`] order.
    pub worlds: Vec<WorldSupport>,
    /// Per hypothesis.
    pub hypotheses: Vec<HypothesisSupport>,
    /// Per claim, in the scenario's order.
    pub claims: Vec<ClaimSupport>,
    /// The plausible pairs, as (draw, world bits), for sensitivity.
    pub plausible: Vec<(usize, u32)>,
}

/// Applies the rule to draws already simulated.
pub fn judge(scenario: &Scenario, draws: &[Draw]) -> Judgement {
    let layout = Layout::new(scenario);
    let n_worlds = 1usize << layout.hypotheses;
    let pairs = draws.len() * n_worlds;
    // The tolerance: the smallest distance keeping ACCEPT_SHARE.
    let mut by_distance = vec![0usize; 65];
    for d in draws {
        for &m in &d.masks {
            by_distance[layout.distance(m) as usize] += 1;
        }
    }
    let need = ((ACCEPT_SHARE * pairs as f64).ceil() as usize).max(1);
    let mut tolerance = 0u32;
    let mut running = 0;
    for (dist, &count) in by_distance.iter().enumerate() {
        running += count;
        if running >= need {
            tolerance = dist as u32;
            break;
        }
    }
    let plausible: Vec<(usize, u32)> = draws
        .iter()
        .enumerate()
        .flat_map(|(i, d)| {
            d.masks
                .iter()
                .enumerate()
                .filter(|(_, &m)| layout.distance(m) <= tolerance)
                .map(move |(w, _)| (i, w as u32))
        })
        .collect();
    let accepted = plausible.len();
    let frac =
        |k: usize, of: usize| if of == 0 { 0.0 } else { k as f64 / of as f64 };

    let bits = layout.events.len();
    let worlds = HypothesisSet::every(layout.hypotheses)
        .map(|world| {
            let w = world.bits() as usize;
            let reproduces = (0..bits)
                .map(|b| {
                    frac(
                        draws
                            .iter()
                            .filter(|d| d.masks[w] & (1 << b) != 0)
                            .count(),
                        draws.len(),
                    )
                })
                .collect();
            let all = frac(
                draws
                    .iter()
                    .filter(|d| layout.distance(d.masks[w]) == 0)
                    .count(),
                draws.len(),
            );
            let weight = frac(
                plausible.iter().filter(|&&(_, pw)| pw as usize == w).count(),
                accepted,
            );
            WorldSupport { world, reproduces, all, weight }
        })
        .collect::<Vec<_>>();

    let full = HypothesisSet::all(layout.hypotheses);
    let hypotheses = (0..layout.hypotheses)
        .map(|h| HypothesisSupport {
            hypothesis: h,
            needed: frac(
                draws
                    .iter()
                    .filter(|d| layout.lost_without(&d.masks, full, h) != 0)
                    .count(),
                draws.len(),
            ),
            included: worlds
                .iter()
                .filter(|w| w.world.contains(h))
                .map(|w| w.weight)
                .sum(),
        })
        .collect();

    let claims = scenario
        .claims
        .iter()
        .enumerate()
        .map(|(ci, claim)| {
            judge_claim(scenario, &layout, ci, claim, draws, &plausible)
        })
        .collect();

    Judgement {
        draws: draws.len(),
        tolerance,
        accepted,
        pairs,
        worlds,
        hypotheses,
        claims,
        plausible,
    }
}

fn judge_claim(
    scenario: &Scenario,
    layout: &Layout,
    ci: usize,
    claim: &Claim,
    draws: &[Draw],
    plausible: &[(usize, u32)],
) -> ClaimSupport {
    let items = layout.items(scenario, claim);
    let n = plausible.len();
    let mut counts = [0usize; 4];
    let mut item_counts = vec![[0usize; 4]; items.len()];
    let mut tallied = 0usize;
    let mut present = vec![0usize; items.len()];
    let mut lost_counts = vec![vec![0usize; layout.events.len()]; items.len()];
    let mut values: Vec<Vec<f64>> = vec![Vec::new(); items.len()];
    let mut scores = Vec::with_capacity(items.len());
    for &(d, w) in plausible {
        let world = HypothesisSet::from_bits(w);
        let masks = &draws[d].masks;
        scores.clear();
        for (k, &item) in items.iter().enumerate() {
            let s = score_item(layout, masks, world, item);
            scores.push(s);
            item_counts[k][s as usize] += 1;
            match item {
                Item::Asserts(h) | Item::Denies(h) => {
                    if world.contains(h) {
                        present[k] += 1;
                    }
                    let lost = layout.lost_without(masks, world, h);
                    for (b, c) in lost_counts[k].iter_mut().enumerate() {
                        if lost & (1 << b) != 0 {
                            *c += 1;
                        }
                    }
                }
                Item::Cites(b) => {
                    let v = draws[d].values[w as usize][b];
                    if v.is_finite() {
                        values[k].push(v);
                    }
                }
            }
        }
        if !items.is_empty() && scores.iter().all(|&s| s == Score::Untested) {
            continue;
        }
        tallied += 1;
        counts[verdict_of(&scores).index()] += 1;
    }
    let n = if items.is_empty() { n } else { tallied };
    let frac = |k: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    let shares =
        [frac(counts[0]), frac(counts[1]), frac(counts[2]), frac(counts[3])];
    let best = *counts.iter().max().unwrap_or(&0);
    let tied: Vec<Verdict> = Verdict::ALL
        .into_iter()
        .filter(|v| counts[v.index()] == best)
        .collect();
    // Nothing the claim says was tested in any plausible scenario (its
    // cited observations are reproduced by no world): not testable,
    // rather than a four-way tie of zeros.
    let verdict = if items.is_empty() || tallied == 0 {
        Verdict::NotTestable
    } else if tied.len() == 1 {
        tied[0]
    } else {
        Verdict::PartlySupported
    };
    let items = items
        .iter()
        .enumerate()
        .map(|(k, &item)| {
            let most_lost = lost_counts[k]
                .iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .max_by_key(|(b, &c)| (c, std::cmp::Reverse(*b)))
                .map(|(b, &c)| (b, frac(c)));
            let v = &mut values[k];
            v.sort_by(f64::total_cmp);
            let median_value =
                if v.is_empty() { f64::NAN } else { v[v.len() / 2] };
            ItemSupport {
                item,
                right: frac(item_counts[k][0]),
                partly: frac(item_counts[k][1]),
                wrong: frac(item_counts[k][2]),
                // Over all plausible scenarios: the ones where every
                // item is untested are not in the tally.
                untested: if plausible.is_empty() {
                    0.0
                } else {
                    item_counts[k][3] as f64 / plausible.len() as f64
                },
                present: frac(present[k]),
                most_lost,
                median_value,
            }
        })
        .collect();
    ClaimSupport {
        claim: ci,
        verdict,
        shares,
        support: shares[verdict.index()],
        items,
    }
}

/// The rule at one point of the box: every world simulated with
/// `params`, the best-fitting worlds plausible.
///
/// # Examples
/// ```
/// use claimcheck_model::verdict::{judge_point, Verdict};
/// use claimcheck_model::{bundled, Params};
/// let s = bundled::default_scenario();
/// let j = judge_point(&s, &Params::defaults(&s.params));
/// assert_eq!(j.claims.len(), s.claims.len());
/// ```
pub fn judge_point(scenario: &Scenario, params: &Params) -> Judgement {
    let mut buf = Run::new();
    judge(scenario, &[Draw::run(scenario, params, &mut buf)])
}
