//! Verdicts: what the checks say about each claim.
//!
//! One rule, applied to every claim the same way; no claim has code of
//! its own. A claim's verdict depends on the parameters (the
//! assumptions), never on which hypotheses the reader has switched on.
//!
//! # The rule
//!
//! 1. Simulate all eight combinations of hypotheses ("worlds") and run
//!    the checks on each. A world's *score* is the number of the record's
//!    observations it reproduces (outage and traffic checks; claimed
//!    events such as the 11 p.m. account do not count).
//! 2. The **best fit** is the world with the highest score; ties go to
//!    the world with fewer hypotheses (the simpler explanation), then to
//!    the first in [`HypothesisSet::every`] order.
//! 3. A hypothesis is a **cause of the outage** if it is on in the best
//!    fit and switching it off there makes at least one *outage* check
//!    fail that the best fit passes. Those checks are "the checks behind"
//!    it.
//! 4. Each thing the claim says is scored:
//!    - it asserts a hypothesis: *right* if that hypothesis is a cause of
//!      the outage; *partly right* if it is in the best fit but the
//!      outage checks pass without it (it only explains traffic); *wrong*
//!      if the best fit does without it;
//!    - it denies a hypothesis: *right* unless that hypothesis is a cause
//!      of the outage, then *wrong*;
//!    - it cites an event that has a check: *right* if the best fit
//!      passes that check, *wrong* if not.
//! 5. **Supported** if everything is right; **contradicted** if
//!    everything is wrong; **partly supported** otherwise; **not
//!    testable** if the claim asserts and denies nothing and cites no
//!    checked event (e.g. "the cause is unknown").

use crate::checks::{check_all, CheckKind, CheckResult};
use crate::hypothesis::{Hypothesis, HypothesisSet};
use crate::params::Params;
use crate::scenario::{Claim, Scenario};
use crate::sim::{simulate_into, Run};

/// A claim's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Everything the claim says agrees with the best fit.
    Supported,
    /// Some of it does.
    PartlySupported,
    /// None of it does.
    Contradicted,
    /// The claim says nothing the model can test.
    NotTestable,
}

impl Verdict {
    /// `supported`, `partly-supported`, `contradicted`, `not-testable`.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::PartlySupported => "partly-supported",
            Verdict::Contradicted => "contradicted",
            Verdict::NotTestable => "not-testable",
        }
    }

    /// A label in English.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::PartlySupported => "partly supported",
            Verdict::Contradicted => "contradicted",
            Verdict::NotTestable => "not testable",
        }
    }

    /// A label in French (for « l'affirmation »).
    pub fn label_fr(self) -> &'static str {
        match self {
            Verdict::Supported => "étayée",
            Verdict::PartlySupported => "partiellement étayée",
            Verdict::Contradicted => "contredite",
            Verdict::NotTestable => "non vérifiable",
        }
    }
}

/// The checks of one world.
#[derive(Clone, Debug, PartialEq)]
pub struct World {
    /// The hypotheses on in this world.
    pub hypotheses: HypothesisSet,
    /// Its check results.
    pub checks: Vec<CheckResult>,
}

impl World {
    /// How many of the record's observations this world reproduces.
    pub fn score(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| c.pass && c.kind != CheckKind::Claimed)
            .count()
    }

    fn passes(&self, id: &str) -> bool {
        self.checks.iter().any(|c| c.id == id && c.pass)
    }
}

/// The checks of all eight worlds, and the best fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// One entry per hypothesis set, in [`HypothesisSet::every`] order.
    pub worlds: Vec<World>,
    /// The best fit (see the module docs).
    pub best: HypothesisSet,
}

impl Evidence {
    /// Simulates and checks all eight worlds with `params`.
    pub fn gather(scenario: &Scenario, params: &Params) -> Evidence {
        let mut run = Run::new();
        let worlds = HypothesisSet::every()
            .map(|set| {
                simulate_into(params, set, &mut run);
                World {
                    hypotheses: set,
                    checks: check_all(scenario, params, &run),
                }
            })
            .collect();
        Evidence::from_worlds(worlds)
    }

    /// Evidence from worlds checked elsewhere; picks the best fit.
    pub fn from_worlds(worlds: Vec<World>) -> Evidence {
        let mut best: Option<&World> = None;
        for w in &worlds {
            let better = match best {
                None => true,
                Some(b) => {
                    let (ws, bs) = (w.score(), b.score());
                    ws > bs
                        || (ws == bs
                            && w.hypotheses.iter().count()
                                < b.hypotheses.iter().count())
                }
            };
            if better {
                best = Some(w);
            }
        }
        let best = best.map_or(HypothesisSet::NONE, |w| w.hypotheses);
        Evidence { worlds, best }
    }

    /// The world with these hypotheses.
    pub fn world(&self, set: HypothesisSet) -> Option<&World> {
        self.worlds.iter().find(|w| w.hypotheses == set)
    }

    /// The outage checks the best fit passes that fail with `h` switched
    /// off; empty if `h` is not in the best fit.
    pub fn caused_by(&self, h: Hypothesis) -> Vec<String> {
        self.lost_without(self.best, h, true)
    }

    /// The outage checks `world` passes that fail with `h` switched off
    /// in it; empty if `h` is not on in `world`.
    pub fn caused_by_in(
        &self,
        world: HypothesisSet,
        h: Hypothesis,
    ) -> Vec<String> {
        self.lost_without(world, h, true)
    }

    fn lost_without(
        &self,
        reference: HypothesisSet,
        h: Hypothesis,
        outage_only: bool,
    ) -> Vec<String> {
        if !reference.contains(h) {
            return Vec::new();
        }
        let mut without = reference;
        without.remove(h);
        let (Some(best), Some(other)) =
            (self.world(reference), self.world(without))
        else {
            return Vec::new();
        };
        best.checks
            .iter()
            .filter(|c| c.pass && c.kind != CheckKind::Claimed)
            .filter(|c| !outage_only || c.kind == CheckKind::Outage)
            .filter(|c| !other.passes(&c.id))
            .map(|c| c.id.clone())
            .collect()
    }
}

/// A claim's verdict with the checks behind it and one sentence on why.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimVerdict {
    /// The claim's id.
    pub id: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The ids of the checks behind the verdict.
    pub checks: Vec<String>,
    /// The best fit it was judged against.
    pub best: HypothesisSet,
    /// One sentence, English.
    pub why: String,
    /// One sentence, French.
    pub why_fr: String,
}

/// Gathers the evidence and judges every claim of the scenario.
///
/// # Examples
/// ```
/// use claimcheck_model::verdict::{judge_all, Verdict};
/// use claimcheck_model::{Params, Scenario};
/// let scenario = Scenario::eta_2016();
/// let verdicts = judge_all(&scenario, &Params::default());
/// let unknown = verdicts.iter().find(|v| v.id == "claim-unknown");
/// assert_eq!(unknown.map(|v| v.verdict), Some(Verdict::NotTestable));
/// ```
pub fn judge_all(scenario: &Scenario, params: &Params) -> Vec<ClaimVerdict> {
    let evidence = Evidence::gather(scenario, params);
    scenario.claims.iter().map(|c| judge(c, &evidence)).collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Score {
    Right,
    Partly,
    Wrong,
}

/// Judges one claim against gathered evidence by the rule in the module
/// docs, in the best-fitting world.
pub fn judge(claim: &Claim, evidence: &Evidence) -> ClaimVerdict {
    judge_in(claim, evidence, evidence.best)
}

/// Judges one claim by the same rule, but in `world` instead of the best
/// fit: the widget uses it to judge claims under the hypotheses the
/// reader has switched on. Its sentences name the world ("the best fit"
/// or "with these hypotheses") and say which set it is.
///
/// # Examples
/// ```
/// use claimcheck_model::verdict::{judge_in, Evidence, Verdict};
/// use claimcheck_model::{Hypothesis, HypothesisSet, Params, Scenario};
/// let scenario = Scenario::eta_2016();
/// let evidence = Evidence::gather(&scenario, &Params::default());
/// let claim = scenario.claim("claim-election").ok_or("no claim")?;
/// let cbc = HypothesisSet::of(&[Hypothesis::Deadline, Hypothesis::Underprovisioning]);
/// let v = judge_in(claim, &evidence, cbc);
/// assert_eq!(v.verdict, Verdict::Contradicted);
/// assert!(v.why.contains("with these hypotheses"));
/// # Ok::<(), &str>(())
/// ```
pub fn judge_in(
    claim: &Claim,
    evidence: &Evidence,
    world: HypothesisSet,
) -> ClaimVerdict {
    let best = world;
    let (name, name_fr) = if world == evidence.best {
        ("the best fit", "le meilleur ajustement")
    } else {
        ("with these hypotheses, the model", "avec ces hypothèses, le modèle")
    };
    let mut scores = Vec::new();
    let mut checks: Vec<String> = Vec::new();
    let mut en = Vec::new();
    let mut fr = Vec::new();
    let note = |ids: &[String], checks: &mut Vec<String>| {
        for id in ids {
            if !checks.contains(id) {
                checks.push(id.clone());
            }
        }
    };

    for &h in &claim.asserts {
        let caused = evidence.caused_by_in(world, h);
        let lost = evidence.lost_without(world, h, false);
        if !caused.is_empty() {
            scores.push(Score::Right);
            note(&caused, &mut checks);
            let ids = caused.join(", ");
            en.push(format!("without {h}, {name} fails {ids}"));
            fr.push(format!("sans {h}, {name_fr} rate {ids}"));
        } else if best.contains(h) {
            scores.push(Score::Partly);
            note(&lost, &mut checks);
            let ids = if lost.is_empty() {
                String::from("-")
            } else {
                lost.join(", ")
            };
            en.push(format!(
                "{h} explains traffic ({ids}) but the outage checks pass \
                 without it"
            ));
            fr.push(format!(
                "{h} explique du trafic ({ids}) mais les contrôles de panne \
                 passent sans lui"
            ));
        } else {
            scores.push(Score::Wrong);
            en.push(format!("{name} does without {h}"));
            fr.push(format!("{name_fr} se passe de {h}"));
        }
    }
    for &h in &claim.denies {
        let caused = evidence.caused_by_in(world, h);
        if caused.is_empty() {
            scores.push(Score::Right);
            en.push(format!("the outage checks do not need {h}"));
            fr.push(format!("les contrôles de panne n'ont pas besoin de {h}"));
        } else {
            scores.push(Score::Wrong);
            note(&caused, &mut checks);
            let ids = caused.join(", ");
            en.push(format!("without {h}, {name} fails {ids}"));
            fr.push(format!("sans {h}, {name_fr} rate {ids}"));
        }
    }
    if let Some(world) = evidence.world(best) {
        for id in &claim.events {
            if let Some(c) = world.checks.iter().find(|c| &c.id == id) {
                note(std::slice::from_ref(id), &mut checks);
                if c.pass {
                    scores.push(Score::Right);
                    en.push(format!("{name} passes {id}"));
                    fr.push(format!("{name_fr} réussit {id}"));
                } else {
                    scores.push(Score::Wrong);
                    en.push(format!("{name} fails {id}"));
                    fr.push(format!("{name_fr} rate {id}"));
                }
            }
        }
    }

    let verdict = if scores.is_empty() {
        Verdict::NotTestable
    } else if scores.iter().all(|&s| s == Score::Right) {
        Verdict::Supported
    } else if scores.iter().all(|&s| s == Score::Wrong) {
        Verdict::Contradicted
    } else {
        Verdict::PartlySupported
    };
    let (why, why_fr) = if verdict == Verdict::NotTestable {
        (
            String::from(
                "not testable: the claim names no hypothesis and cites no \
                 observation the model can check",
            ),
            String::from(
                "non vérifiable: l'affirmation ne nomme aucune hypothèse et \
                 ne cite aucune observation que le modèle peut contrôler",
            ),
        )
    } else {
        (
            format!("{} ({best}): {}", verdict.label(), en.join("; ")),
            format!("{} ({best}) : {}", verdict.label_fr(), fr.join("; ")),
        )
    };
    ClaimVerdict { id: claim.id.clone(), verdict, checks, best, why, why_fr }
}
