//! Calibration search for a story's defaults: minimises how far one
//! world (a mix of causes) misses the record's observations, varying only
//! the model's free assumptions, never a check's thresholds or a
//! documented figure; then, once every observation passes, moves to the
//! point that passes them by the widest margin.
//!
//! ```text
//! cargo run --release -p claimcheck-model --example calibrate -- \
//!     scenarios/my-story.json 7 20
//! ```
//!
//! The arguments: a scenario file or bundled id, the world as a bitset of
//! its hypotheses in file order (7 = the first three on), the number of
//! random restarts. It prints the values to write as the defaults; the
//! verdicts then come from the support analysis across the ranges, not
//! from this one point.
use claimcheck_model::checks::check_all;
use claimcheck_model::rules::Rule;
use claimcheck_model::scenario::{EventKind, Group, Provenance};
use claimcheck_model::sim::{simulate_into, Run};
use claimcheck_model::{bundled, HypothesisSet, Params, Scenario};

fn violation(
    s: &Scenario,
    p: &Params,
    world: HypothesisSet,
    run: &mut Run,
) -> (f64, usize) {
    simulate_into(s, p, world, run);
    let v = p.values();
    let checks = check_all(s, p, run);
    let mut total = 0.0;
    let mut passed = 0;
    for c in &checks {
        if !c.is_observation() {
            continue;
        }
        if c.pass {
            passed += 1;
        }
        for (rule, o) in s.events[c.event].checks.iter().zip(&c.outcomes) {
            if o.pass {
                continue;
            }
            total += match *rule {
                Rule::Onset { at, early, late, .. } => {
                    let (lo, hi) =
                        (at as f64 - early.get(v), at as f64 + late.get(v));
                    if o.value.is_nan() {
                        30.0
                    } else if o.value < lo {
                        (lo - o.value) / 60.0
                    } else {
                        (o.value - hi) / 60.0
                    }
                }
                Rule::Failing { at_least, below, .. } => {
                    let a = at_least
                        .map_or(0.0, |a| (a.get(v) - o.value).max(0.0));
                    let b =
                        below.map_or(0.0, |b| (o.value - b.get(v)).max(0.0));
                    10.0 * (a + b) + 0.5
                }
                Rule::Healthy { below, .. }
                | Rule::Recovered { below, .. } => {
                    10.0 * (o.value - below.get(v)).max(0.0) + 0.5
                }
                Rule::Rising { ends_at_least, rise_at_least, .. } => {
                    10.0 * ((ends_at_least.get(v) - o.value).max(0.0)
                        + (rise_at_least.get(v) - (o.value - o.other))
                            .max(0.0))
                        + 0.5
                }
                Rule::Traffic { band, .. } => {
                    let (lo, hi) = band.bounds(v);
                    let x = o.value.max(1e-9);
                    (if x < lo { (lo / x).ln() } else { (x / hi).ln() }) * 3.0
                        + 0.5
                }
                Rule::Share { target, within, .. } => {
                    10.0 * ((o.value - target.get(v)).abs() - within.get(v))
                        .max(0.0)
                        + 0.5
                }
            };
        }
    }
    (total, passed)
}

/// The smallest margin by which the world passes its observations' rules
/// (negative: fails), each rule's margin scaled to about one for a
/// comfortable pass.
fn margin(
    s: &Scenario,
    p: &Params,
    world: HypothesisSet,
    run: &mut Run,
) -> f64 {
    simulate_into(s, p, world, run);
    let v = p.values();
    let checks = check_all(s, p, run);
    let mut worst = f64::INFINITY;
    for c in &checks {
        if !c.is_observation() {
            continue;
        }
        for (rule, o) in s.events[c.event].checks.iter().zip(&c.outcomes) {
            let m = match *rule {
                Rule::Onset { at, early, late, .. } => {
                    let (lo, hi) =
                        (at as f64 - early.get(v), at as f64 + late.get(v));
                    if o.value.is_nan() {
                        -10.0
                    } else {
                        (o.value - lo).min(hi - o.value) / 30.0
                    }
                }
                Rule::Failing { at_least, below, .. } => {
                    let a = at_least.map_or(f64::INFINITY, |a| {
                        (o.value - a.get(v)) / a.get(v).max(0.01)
                    });
                    let b = below
                        .map_or(f64::INFINITY, |b| (b.get(v) - o.value) / 0.2);
                    a.min(b)
                }
                Rule::Healthy { below, .. }
                | Rule::Recovered { below, .. } => {
                    (below.get(v) - o.value) / below.get(v).max(0.01)
                }
                Rule::Rising { ends_at_least, rise_at_least, .. } => {
                    ((o.value - ends_at_least.get(v)) / 0.2)
                        .min((o.value - o.other - rise_at_least.get(v)) / 0.2)
                }
                Rule::Traffic { band, .. } => {
                    let (lo, hi) = band.bounds(v);
                    let x = o.value.max(1e-9);
                    (x / lo).ln().min((hi / x).ln()) / 0.3
                }
                Rule::Share { target, within, .. } => {
                    (within.get(v) - (o.value - target.get(v)).abs()) / 0.1
                }
            };
            worst = worst.min(m);
        }
    }
    worst
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let id = args.get(1).map(String::as_str).unwrap_or("eta-2016");
    let world = HypothesisSet::from_bits(
        args.get(2).and_then(|s| s.parse().ok()).unwrap_or(7),
    );
    let restarts: usize =
        args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20);
    let s = if id.ends_with(".json") {
        let json =
            std::fs::read_to_string(id).expect("read the scenario file");
        match claimcheck_model::Scenario::parse(id, &json) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2)
            }
        }
    } else {
        bundled::find(id).expect("no bundled scenario with this id")
    };
    let free: Vec<usize> = s
        .params
        .iter()
        .enumerate()
        .filter(|(_, sp)| {
            sp.provenance == Provenance::Assumption
                && !sp.is_fixed()
                && sp.group != Group::Checks
        })
        .map(|(i, _)| i)
        .collect();
    let observations = s
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Observation && e.is_checked())
        .count();
    let mut run = Run::new();
    let mut rng: u64 = 987654321;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut best_overall = (f64::INFINITY, 0, Params::defaults(&s.params));
    for r in 0..restarts {
        let mut p = Params::defaults(&s.params);
        if r > 0 {
            for &i in &free {
                let sp = &s.params[i];
                p.set(&s.params, i, sp.min + next() * (sp.max - sp.min))
                    .unwrap();
            }
        }
        let (mut cur, mut passed) = violation(&s, &p, world, &mut run);
        let mut scale = 0.25;
        for _it in 0..3000 {
            let mut q = p.clone();
            let k = 1 + (next() * 3.0) as usize;
            for _ in 0..k {
                let i = free[(next() * free.len() as f64) as usize];
                let sp = &s.params[i];
                let x = (q.get(i)
                    + (next() - 0.5) * 2.0 * scale * (sp.max - sp.min))
                    .clamp(sp.min, sp.max);
                q.set(&s.params, i, x).unwrap();
            }
            let (c, ps) = violation(&s, &q, world, &mut run);
            if c < cur {
                cur = c;
                passed = ps;
                p = q;
            }
            scale = (scale * 0.999).max(0.02);
            if cur == 0.0 {
                break;
            }
        }
        if cur == 0.0 {
            // Phase 2: the most robust feasible point nearby.
            let mut m = margin(&s, &p, world, &mut run);
            let mut scale = 0.1;
            for _ in 0..2000 {
                let mut q = p.clone();
                let i = free[(next() * free.len() as f64) as usize];
                let sp = &s.params[i];
                let x = (q.get(i)
                    + (next() - 0.5) * 2.0 * scale * (sp.max - sp.min))
                    .clamp(sp.min, sp.max);
                q.set(&s.params, i, x).unwrap();
                let mq = margin(&s, &q, world, &mut run);
                if mq > m {
                    m = mq;
                    p = q;
                }
                scale = (scale * 0.999).max(0.01);
            }
            eprintln!("restart {r}: feasible, margin {m:.3}");
            if -m < best_overall.0 {
                best_overall = (-m, observations, p.clone());
            }
            continue;
        }
        eprintln!("restart {r}: violation {cur:.3} passed {passed}");
        if cur < best_overall.0 {
            best_overall = (cur, passed, p.clone());
        }
    }
    let (c, passed, p) = best_overall;
    println!("best objective {c:.3} (negative: the margin when every observation passes); observations passed: {passed} of {observations}");
    for &i in &free {
        println!("  {} = {:.3}", s.params[i].id, p.get(i));
    }
}
