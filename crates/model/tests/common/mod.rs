//! Helpers shared by the model's integration tests: the bundled
//! scenarios, parsed once, and points of their parameter boxes.

#![allow(dead_code)]

use std::sync::LazyLock;

use claimcheck_model::scenario::Scenario;
use claimcheck_model::{bundled, HypothesisSet, Params};
use proptest::prelude::*;

/// Every bundled scenario, parsed once per test binary.
pub static ALL: LazyLock<Vec<Scenario>> = LazyLock::new(bundled::all);

/// Every bundled scenario.
pub fn scenarios() -> &'static [Scenario] {
    &ALL
}

/// The eTA story (`scenarios/eta-2016.json`).
pub fn eta() -> &'static Scenario {
    ALL.iter().find(|s| s.id == "eta-2016").expect("eta-2016 is bundled")
}

/// The point of `s`'s box at `u` (one number in [0, 1] per parameter,
/// extra numbers ignored, missing ones 0.5): min + u·(max − min).
pub fn point(s: &Scenario, u: &[f64]) -> Params {
    let values = s
        .params
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let x = u.get(i).copied().unwrap_or(0.5);
            (spec.min + x * (spec.max - spec.min)).clamp(spec.min, spec.max)
        })
        .collect();
    Params::from_values(&s.params, values).expect("inside the box")
}

/// The defaults and the two extreme corners of `s`'s box (every
/// parameter at its min, every one at its max).
pub fn corners(s: &Scenario) -> Vec<Params> {
    let n = s.params.len();
    vec![
        Params::defaults(&s.params),
        point(s, &vec![0.0; n]),
        point(s, &vec![1.0; n]),
    ]
}

/// Every world (set of hypotheses) of `s`.
pub fn worlds(s: &Scenario) -> impl Iterator<Item = HypothesisSet> {
    HypothesisSet::every(s.hypotheses.len())
}

/// The world with every hypothesis of `s` on.
pub fn all_on(s: &Scenario) -> HypothesisSet {
    HypothesisSet::all(s.hypotheses.len())
}

/// A bundled scenario (its index), a point of its box and a world.
pub fn any_case() -> impl Strategy<Value = (usize, Params, HypothesisSet)> {
    let n = scenarios().len();
    (0..n, proptest::collection::vec(0.0..=1.0f64, 64), any::<u32>()).prop_map(
        |(k, u, bits)| {
            let s = &scenarios()[k];
            let world = bits & ((1u32 << s.hypotheses.len()) - 1);
            (k, point(s, &u), HypothesisSet::from_bits(world))
        },
    )
}

/// The index of the parameter `id` of `s`.
pub fn param(s: &Scenario, id: &str) -> usize {
    s.param(id).unwrap_or_else(|| panic!("{}: no parameter {id}", s.id)).0
}

/// The index of hypothesis `id` of `s`.
pub fn hyp(s: &Scenario, id: &str) -> usize {
    s.hypothesis_index(id)
        .unwrap_or_else(|| panic!("{}: no hypothesis {id}", s.id))
}

/// The world of `s` with exactly these hypotheses on.
pub fn world(s: &Scenario, ids: &[&str]) -> HypothesisSet {
    let idx: Vec<usize> = ids.iter().map(|id| hyp(s, id)).collect();
    HypothesisSet::of(&idx)
}

/// `s`'s defaults with `id` set to `v`.
pub fn with(s: &Scenario, id: &str, v: f64) -> Params {
    Params::defaults(&s.params).with(&s.params, id, v).expect("in range")
}

/// A small valid scenario for tests that need full control: one day,
/// ordinary traffic (100 a minute) on 2 × 150 a minute of capacity; a
/// `surge` hypothesis (4× ordinary traffic from noon to 6 p.m., all in
/// the segment) and a `half` hypothesis (one server all day). Its
/// events, in file order: a statement (`note`, unchecked), then the
/// checked ones, whose bits are: 0 `outage` (observation: failing from
/// noon to 6 p.m.), 1 `busy` (observation: demand at least twice
/// normal from noon to 6 p.m.), 2 `after` (observation: recovered from
/// 8 p.m.), 3 `said` (a dated claim: onset near 3 p.m.).
pub const MINI_JSON: &str = r#"{
  "format": "claimcheck-scenario/2",
  "id": "mini",
  "title": { "en": "Did it fail?", "fr": "A-t-il flanché ?" },
  "window": { "start": "2020-01-01T00:00", "end": "2020-01-02T00:00",
              "utc_offset_min": 0, "zone": { "en": "UTC", "fr": "UTC" } },
  "sources": [ { "id": "S", "publisher": { "en": "P", "fr": "P" },
                 "date": { "en": "Jan. 2", "fr": "2 janvier" },
                 "title": "It failed", "title_lang": "en" } ],
  "parameters": [
    { "id": "level_per_min", "label": { "en": "Level", "fr": "Niveau" },
      "unit": "users_per_min", "default": 100, "min": 50, "max": 200,
      "step": 1, "group": "traffic", "provenance": "assumption",
      "why": { "en": "A guess.", "fr": "Une supposition." } },
    { "id": "cap_per_min", "label": { "en": "Capacity", "fr": "Capacité" },
      "unit": "users_per_min", "default": 150, "min": 100, "max": 400,
      "step": 1, "group": "capacity", "provenance": "assumption",
      "why": { "en": "A guess.", "fr": "Une supposition." } },
    { "id": "degraded_pct", "label": { "en": "Degraded", "fr": "Dégradé" },
      "unit": "percent", "default": 5, "min": 1, "max": 20, "step": 1,
      "group": "checks", "provenance": "assumption",
      "why": { "en": "A guess.", "fr": "Une supposition." } }
  ],
  "model": {
    "capacity": { "servers": 2, "per_server": "cap_per_min" },
    "behaviour": { "give_up_after_s": 60, "queue_limit_s": 30,
                   "retry_share_pct": 0, "retry_after_s": 60 },
    "components": [
      { "id": "base", "label": { "en": "Base", "fr": "Base" },
        "kind": "demand", "shape": "daily_cycle", "level": "level_per_min",
        "swing": 0, "peak_hour": 12 },
      { "id": "surge", "label": { "en": "Surge", "fr": "Afflux" },
        "kind": "demand", "shape": "step", "level": 4,
        "relative_to": "base", "from": "2020-01-01T12:00",
        "until": "2020-01-01T18:00", "segment_share": 100 },
      { "id": "one-server", "label": { "en": "One", "fr": "Un" },
        "kind": "servers", "servers": 1 }
    ]
  },
  "hypotheses": [
    { "id": "surge", "label": { "en": "Surge", "fr": "Afflux" },
      "description": { "en": "A surge.", "fr": "Un afflux." },
      "name": { "en": "the surge", "fr": "l'afflux" },
      "without": { "en": "without the surge", "fr": "sans l'afflux" },
      "components": ["surge"] },
    { "id": "half", "label": { "en": "Half", "fr": "Moitié" },
      "description": { "en": "One server.", "fr": "Un serveur." },
      "name": { "en": "one server", "fr": "un serveur" },
      "without": { "en": "with two servers", "fr": "avec deux serveurs" },
      "components": ["one-server"] }
  ],
  "events": [
    { "id": "note", "kind": "statement",
      "when": { "en": "Later", "fr": "Plus tard" },
      "text": { "en": "Someone spoke.", "fr": "Quelqu'un a parlé." },
      "sources": ["S"] },
    { "id": "outage", "kind": "observation",
      "time": { "at": "2020-01-01T15:00", "from": "2020-01-01T12:00",
                "to": "2020-01-01T18:00" },
      "label": { "en": "the outage", "fr": "la panne" },
      "when": { "en": "Afternoon", "fr": "Après-midi" },
      "text": { "en": "It failed.", "fr": "Il a flanché." },
      "sources": ["S"],
      "checks": [ { "rule": "failing", "from": "2020-01-01T12:00",
                    "to": "2020-01-01T18:00", "at_least": "degraded_pct" } ] },
    { "id": "busy", "kind": "observation",
      "time": { "at": "2020-01-01T15:00", "plus_minus_min": 60 },
      "label": { "en": "the crowd", "fr": "la foule" },
      "when": { "en": "Afternoon", "fr": "Après-midi" },
      "text": { "en": "It was busy.", "fr": "Il y avait foule." },
      "sources": ["S"],
      "checks": [ { "rule": "traffic", "from": "2020-01-01T12:00",
                    "to": "2020-01-01T18:00", "measure": "demand",
                    "per": "normal", "at_least": 2 } ] },
    { "id": "after", "kind": "observation",
      "time": { "at": "2020-01-01T20:00", "plus_minus_min": 0 },
      "label": { "en": "the repair", "fr": "la réparation" },
      "when": { "en": "Evening", "fr": "Soir" },
      "text": { "en": "It worked.", "fr": "Il a marché." },
      "sources": ["S"],
      "checks": [ { "rule": "recovered", "from": "2020-01-01T20:00",
                    "below": "degraded_pct" } ] },
    { "id": "said", "kind": "claim",
      "time": { "at": "2020-01-01T15:00", "plus_minus_min": 30 },
      "label": { "en": "the 3 p.m. start", "fr": "le début à 15 h" },
      "when": { "en": "3 p.m.", "fr": "15 h" },
      "text": { "en": "It started at 3.", "fr": "Début à 15 h." },
      "sources": ["S"],
      "checks": [ { "rule": "onset", "at": "2020-01-01T15:00",
                    "early_h": 0.5, "late_h": 0.5,
                    "threshold": "degraded_pct" } ] }
  ],
  "claims": [
    { "id": "claim-surge", "text": { "en": "The surge.", "fr": "L'afflux." },
      "who": { "en": "Them", "fr": "Eux" }, "when": { "en": "Then", "fr": "Alors" },
      "asserts": ["surge"], "events": ["said"], "sources": ["S"] }
  ]
}"#;

/// [`MINI_JSON`], parsed.
pub fn mini() -> Scenario {
    Scenario::parse("mini.json", MINI_JSON).expect("the mini scenario")
}
