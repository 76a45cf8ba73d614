//! The check vocabulary: rules that hold a simulated run to one thing
//! the record says, with windows and thresholds from the scenario file.
//!
//! Each checkable event of a scenario lists one or more [`Rule`]s; the
//! event is reproduced when all of them pass ([`crate::checks`]). A rule
//! reads only the run, the parameters and its own fields, so no Rust
//! names an incident. [`crate::words`] states every rule, and every
//! result, in words a reader understands.
//!
//! | rule | passes when |
//! |---|---|
//! | `failing` | the failure share's mean (or min, or max) over a window is at least `at_least` and/or below `below` |
//! | `healthy` | every minute of a window fails fewer than `below` |
//! | `onset` | the first minute failing at least `threshold` falls between `at − early_h` and `at + late_h` |
//! | `rising` | the mean over the last `span_h` of a window is at least `ends_at_least`, and at least `rise_at_least` above a reference window |
//! | `recovered` | every minute from `from` to the end fails fewer than `below` |
//! | `traffic` | users (served or arriving) in a window, per hour, in total, or as a multiple of normal traffic or of capacity, lie in a band |
//! | `share` | the segment's share of users in a window is within `within` of `target` |

use crate::model::Value;
use crate::time::Minute;

/// Which statistic of the failure share a `failing` rule reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stat {
    /// The mean over the window.
    Mean,
    /// The lowest minute.
    Min,
    /// The highest minute.
    Max,
}

/// Which users a traffic rule counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Users served in time (who got in).
    Served,
    /// Fresh users arriving (demand), before any failure.
    Demand,
}

/// Which part of the users a traffic rule counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Everyone.
    All,
    /// The scenario's segment (e.g. from U.S. addresses).
    Segment,
    /// Everyone outside the segment.
    Rest,
}

/// What a traffic rule's number is relative to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// A rate: users per minute averaged over the window (stated to
    /// readers per hour).
    PerHour,
    /// All users in the window.
    Total,
    /// A multiple of normal traffic: the always-on demand components,
    /// same part, same window.
    Normal,
    /// A multiple of capacity before any cost change (the design
    /// capacity), averaged over the window.
    Capacity,
}

/// A band for a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Band {
    /// Between two bounds (either may be open).
    Between {
        /// Lowest allowed.
        at_least: Option<Value>,
        /// Highest allowed.
        at_most: Option<Value>,
    },
    /// Within a factor of a target: `target / factor` to `target ×
    /// factor`.
    Around {
        /// The record's number.
        target: Value,
        /// The tolerance, a multiple ≥ 1.
        factor: Value,
    },
}

impl Band {
    /// The bounds with parameters `p`: `(low, high)`, open ends as ±∞.
    pub fn bounds(&self, p: &[f64]) -> (f64, f64) {
        match *self {
            Band::Between { at_least, at_most } => (
                at_least.map_or(f64::NEG_INFINITY, |v| v.get(p)),
                at_most.map_or(f64::INFINITY, |v| v.get(p)),
            ),
            Band::Around { target, factor } => {
                let (t, f) = (target.get(p), factor.get(p).max(1.0));
                (t / f, t * f)
            }
        }
    }
}

/// One rule. Times are minutes since the window's start; shares are
/// fractions; durations minutes; traffic rates users per minute (or, for
/// [`Relative::Total`], users; for multiples, plain numbers).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// The failure share over `[from, to)` is in a band.
    Failing {
        /// Window start.
        from: Minute,
        /// Window end.
        to: Minute,
        /// Which statistic.
        stat: Stat,
        /// At least this share.
        at_least: Option<Value>,
        /// Below this share.
        below: Option<Value>,
    },
    /// Every minute of `[from, to)` fails fewer than `below`.
    Healthy {
        /// Window start.
        from: Minute,
        /// Window end.
        to: Minute,
        /// The threshold.
        below: Value,
    },
    /// The run first fails at least `threshold` between `at − early`
    /// and `at + late`.
    Onset {
        /// The record's time.
        at: Minute,
        /// How much earlier still counts.
        early: Value,
        /// How much later still counts.
        late: Value,
        /// The failure share that counts as failing.
        threshold: Value,
    },
    /// The failure share rises to `ends_at_least` by the end of
    /// `[from, to)`, `rise_at_least` above a reference window.
    Rising {
        /// Window start.
        from: Minute,
        /// Window end.
        to: Minute,
        /// The length of the window's end that is averaged.
        span: Value,
        /// The level the end must reach.
        ends_at_least: Value,
        /// The reference window; `None`: the first `span` of the window.
        above: Option<(Minute, Minute)>,
        /// How far above the reference the end must be.
        rise_at_least: Value,
    },
    /// Every minute from `from` to the end of the run fails fewer than
    /// `below`.
    Recovered {
        /// From when.
        from: Minute,
        /// The threshold.
        below: Value,
    },
    /// Traffic in `[from, to)` lies in a band.
    Traffic {
        /// Window start.
        from: Minute,
        /// Window end.
        to: Minute,
        /// Served or arriving.
        measure: Measure,
        /// Which users.
        part: Part,
        /// Per hour, total, or a multiple of what.
        relative: Relative,
        /// The band.
        band: Band,
    },
    /// The segment's share of users in `[from, to)` is within `within`
    /// of `target`.
    Share {
        /// Window start.
        from: Minute,
        /// Window end.
        to: Minute,
        /// Served or arriving.
        measure: Measure,
        /// The record's share.
        target: Value,
        /// How far off may it be (a fraction).
        within: Value,
    },
}

/// What a check is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Whether and when the site was failing.
    Outage,
    /// How many users came, and from where.
    Traffic,
}

impl Rule {
    /// The id used in scenario files.
    pub fn id(&self) -> &'static str {
        match self {
            Rule::Failing { .. } => "failing",
            Rule::Healthy { .. } => "healthy",
            Rule::Onset { .. } => "onset",
            Rule::Rising { .. } => "rising",
            Rule::Recovered { .. } => "recovered",
            Rule::Traffic { .. } => "traffic",
            Rule::Share { .. } => "share",
        }
    }

    /// Whether the rule is about the outage or about traffic.
    pub fn topic(&self) -> Topic {
        match self {
            Rule::Traffic { .. } | Rule::Share { .. } => Topic::Traffic,
            _ => Topic::Outage,
        }
    }
}

/// The series a rule reads, and the parameters.
pub struct RunView<'a> {
    /// Failures ÷ attempts, per minute.
    pub failure_fraction: &'a [f64],
    /// Users served in time, per minute.
    pub served: &'a [f64],
    /// The segment's share of attempts (and of those served).
    pub segment_share: &'a [f64],
    /// Fresh demand per demand component, users/min, each with its
    /// segment share (a fraction) and whether it is always on.
    pub demand: Vec<(&'a [f64], f64, bool)>,
    /// Capacity before cost changes, users/min.
    pub nominal_capacity: &'a [f64],
    /// Parameter values.
    pub params: &'a [f64],
}

/// The result of one rule on one run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Whether the run satisfies the rule.
    pub pass: bool,
    /// The main number the rule read: a share, a rate (users/min), a
    /// total, a multiple, or for `onset` the first failing minute (NaN
    /// when the run never fails).
    pub value: f64,
    /// A second number: for `rising` the reference window's mean, for
    /// `failing`/`healthy`/`recovered` nothing (NaN).
    pub other: f64,
}

impl Rule {
    /// Evaluates the rule on a run.
    pub fn evaluate(&self, run: &RunView) -> Outcome {
        let p = run.params;
        let ff = run.failure_fraction;
        match *self {
            Rule::Failing { from, to, stat, at_least, below } => {
                let v = match stat {
                    Stat::Mean => mean(ff, from, to),
                    Stat::Min => min(ff, from, to),
                    Stat::Max => max(ff, from, to),
                };
                let lo_ok = at_least.is_none_or(|a| v >= a.get(p));
                let hi_ok = below.is_none_or(|b| v < b.get(p));
                Outcome { pass: lo_ok && hi_ok, value: v, other: f64::NAN }
            }
            Rule::Healthy { from, to, below } => {
                let v = max(ff, from, to);
                Outcome { pass: v < below.get(p), value: v, other: f64::NAN }
            }
            Rule::Onset { at, early, late, threshold } => {
                let th = threshold.get(p);
                let first = ff.iter().position(|&f| f >= th);
                let lo = f64::from(at) - early.get(p);
                let hi = f64::from(at) + late.get(p);
                match first {
                    Some(m) => {
                        let m = m as f64;
                        Outcome {
                            pass: m >= lo && m <= hi,
                            value: m,
                            other: f64::NAN,
                        }
                    }
                    None => Outcome {
                        pass: false,
                        value: f64::NAN,
                        other: f64::NAN,
                    },
                }
            }
            Rule::Rising {
                from,
                to,
                span,
                ends_at_least,
                above,
                rise_at_least,
            } => {
                let span = span.get(p).round().max(1.0) as Minute;
                let end = mean(ff, to - span, to);
                let (rf, rt) = above.unwrap_or((from, from + span));
                let reference = mean(ff, rf, rt);
                let pass = end >= ends_at_least.get(p)
                    && end - reference >= rise_at_least.get(p);
                Outcome { pass, value: end, other: reference }
            }
            Rule::Recovered { from, below } => {
                let v = max(ff, from, ff.len() as Minute);
                Outcome { pass: v < below.get(p), value: v, other: f64::NAN }
            }
            Rule::Traffic { from, to, measure, part, relative, band } => {
                let v = traffic(run, from, to, measure, part, relative);
                let (lo, hi) = band.bounds(p);
                Outcome { pass: v >= lo && v <= hi, value: v, other: f64::NAN }
            }
            Rule::Share { from, to, measure, target, within } => {
                let seg = traffic(
                    run,
                    from,
                    to,
                    measure,
                    Part::Segment,
                    Relative::Total,
                );
                let all = traffic(
                    run,
                    from,
                    to,
                    measure,
                    Part::All,
                    Relative::Total,
                );
                let v = if all > 0.0 { seg / all } else { 0.0 };
                let pass = (v - target.get(p)).abs() <= within.get(p);
                Outcome { pass, value: v, other: f64::NAN }
            }
        }
    }
}

fn traffic(
    run: &RunView,
    from: Minute,
    to: Minute,
    measure: Measure,
    part: Part,
    relative: Relative,
) -> f64 {
    let (a, b) = range(run.served.len(), from, to);
    let share = |s: f64| match part {
        Part::All => 1.0,
        Part::Segment => s,
        Part::Rest => 1.0 - s,
    };
    let mut total = 0.0;
    // Normal traffic is the always-on demand, whichever users are
    // counted: served users are a multiple of it too.
    let mut normal = 0.0;
    for &(series, s, always) in &run.demand {
        let sum: f64 = series[a..b].iter().sum::<f64>() * share(s);
        if measure == Measure::Demand {
            total += sum;
        }
        if always {
            normal += sum;
        }
    }
    if measure == Measure::Served {
        for i in a..b {
            total += run.served[i] * share(run.segment_share[i]);
        }
    }
    let minutes = (b - a) as f64;
    match relative {
        Relative::Total => total,
        Relative::PerHour if minutes > 0.0 => total / minutes,
        Relative::Normal if normal > 0.0 => total / normal,
        Relative::Capacity => {
            let cap: f64 = run.nominal_capacity[a..b].iter().sum();
            if cap > 0.0 {
                total / cap
            } else {
                0.0
            }
        }
        _ => 0.0,
    }
}

/// The index range of `[from, to)` clipped to a run of `n` minutes; an
/// empty window reads the one minute at `from`.
fn range(n: usize, from: Minute, to: Minute) -> (usize, usize) {
    let a = (from.max(0) as usize).min(n);
    let b = (to.max(0) as usize).min(n).max(a);
    if a == b && a < n {
        (a, a + 1)
    } else {
        (a, b)
    }
}

fn mean(v: &[f64], from: Minute, to: Minute) -> f64 {
    let (a, b) = range(v.len(), from, to);
    if b <= a {
        return 0.0;
    }
    v[a..b].iter().sum::<f64>() / (b - a) as f64
}

fn max(v: &[f64], from: Minute, to: Minute) -> f64 {
    let (a, b) = range(v.len(), from, to);
    v[a..b].iter().copied().fold(0.0, f64::max)
}

fn min(v: &[f64], from: Minute, to: Minute) -> f64 {
    let (a, b) = range(v.len(), from, to);
    if b <= a {
        return 0.0;
    }
    v[a..b].iter().copied().fold(f64::INFINITY, f64::min)
}
