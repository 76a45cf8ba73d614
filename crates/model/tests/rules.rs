//! The check vocabulary (`rules.rs`), rule by rule, on hand-built runs:
//! for each condition and threshold of each rule, one run that passes
//! and one that fails, chosen either side of it (at the threshold and
//! one floating-point step away), and thresholds read from parameters
//! that flip the result when the parameter changes.

use claimcheck_model::model::Value;
use claimcheck_model::rules::{
    Band, Measure, Outcome, Part, Relative, Rule, RunView, Stat, Topic,
};

/// A hand-built run: every series a rule reads, and the parameters.
#[derive(Clone, Default)]
struct Fake {
    ff: Vec<f64>,
    served: Vec<f64>,
    seg: Vec<f64>,
    demand: Vec<(Vec<f64>, f64, bool)>,
    cap: Vec<f64>,
    params: Vec<f64>,
}

impl Fake {
    /// A run whose failure fraction is `ff`, other series zero.
    fn failing(ff: Vec<f64>) -> Fake {
        let n = ff.len();
        Fake {
            ff,
            served: vec![0.0; n],
            seg: vec![0.0; n],
            cap: vec![0.0; n],
            ..Fake::default()
        }
    }

    fn with_params(mut self, params: &[f64]) -> Fake {
        self.params = params.to_vec();
        self
    }

    fn view(&self) -> RunView<'_> {
        RunView {
            failure_fraction: &self.ff,
            served: &self.served,
            segment_share: &self.seg,
            demand: self
                .demand
                .iter()
                .map(|(s, share, always)| (s.as_slice(), *share, *always))
                .collect(),
            nominal_capacity: &self.cap,
            params: &self.params,
        }
    }

    fn eval(&self, rule: Rule) -> Outcome {
        rule.evaluate(&self.view())
    }
}

fn c(x: f64) -> Value {
    Value::Const(x)
}

/// Parameter `index`, read as a percentage (scale 0.01).
fn pct(index: usize) -> Value {
    Value::Param { index, scale: 0.01 }
}

/// Parameter `index`, as is.
fn par(index: usize) -> Value {
    Value::Param { index, scale: 1.0 }
}

fn up(x: f64) -> f64 {
    x.next_up()
}

fn down(x: f64) -> f64 {
    x.next_down()
}

// ---------------------------------------------------------------------
// failing

/// Minutes 0–9. The window [2, 6) holds 0.125, 0.25, 0.375, 0.5 (mean
/// 0.3125, min 0.125, max 0.5, all exact in binary); the minutes just
/// outside it (1 and 6) fail 0.875, so a window read one minute too
/// wide on either side changes every statistic.
fn stairs() -> Fake {
    Fake::failing(vec![
        0.0, 0.875, 0.125, 0.25, 0.375, 0.5, 0.875, 0.0, 0.0, 0.0,
    ])
}

fn failing(stat: Stat, at_least: Option<f64>, below: Option<f64>) -> Rule {
    Rule::Failing {
        from: 2,
        to: 6,
        stat,
        at_least: at_least.map(c),
        below: below.map(c),
    }
}

#[test]
fn failing_reads_the_statistic_of_its_window_only() {
    let run = stairs();
    for (stat, v) in
        [(Stat::Mean, 0.3125), (Stat::Min, 0.125), (Stat::Max, 0.5)]
    {
        let o = run.eval(failing(stat, Some(0.0), None));
        assert_eq!(o.value, v, "{stat:?}");
        assert!(o.other.is_nan(), "{stat:?}: {o:?}");
    }
}

#[test]
fn failing_at_least_passes_at_the_threshold_and_fails_just_above_it() {
    let run = stairs();
    for (stat, v) in
        [(Stat::Mean, 0.3125), (Stat::Min, 0.125), (Stat::Max, 0.5)]
    {
        assert!(run.eval(failing(stat, Some(v), None)).pass, "{stat:?}");
        assert!(run.eval(failing(stat, Some(down(v)), None)).pass);
        assert!(!run.eval(failing(stat, Some(up(v)), None)).pass, "{stat:?}");
    }
}

#[test]
fn failing_below_fails_at_the_threshold_and_passes_just_above_it() {
    let run = stairs();
    for (stat, v) in
        [(Stat::Mean, 0.3125), (Stat::Min, 0.125), (Stat::Max, 0.5)]
    {
        assert!(!run.eval(failing(stat, None, Some(v))).pass, "{stat:?}");
        assert!(!run.eval(failing(stat, None, Some(down(v)))).pass);
        assert!(run.eval(failing(stat, None, Some(up(v)))).pass, "{stat:?}");
    }
}

#[test]
fn failing_with_both_bounds_needs_both() {
    // "Degraded, not crashed": mean at least 0.3, max below 0.6.
    let run = stairs();
    let rule = |lo: f64, hi: f64| Rule::Failing {
        from: 2,
        to: 6,
        stat: Stat::Mean,
        at_least: Some(c(lo)),
        below: Some(c(hi)),
    };
    assert!(run.eval(rule(0.3, 0.4)).pass);
    assert!(!run.eval(rule(0.35, 0.4)).pass, "mean too low");
    assert!(!run.eval(rule(0.3, 0.3125)).pass, "mean not below");
    assert!(!run.eval(rule(0.35, 0.3)).pass, "both wrong");
}

#[test]
fn failing_thresholds_are_read_from_parameters() {
    // Parameter 0 in per cent, parameter 1 as a fraction.
    let rule = Rule::Failing {
        from: 2,
        to: 6,
        stat: Stat::Mean,
        at_least: Some(pct(0)),
        below: Some(par(1)),
    };
    let at = |lo: f64, hi: f64| stairs().with_params(&[lo, hi]).eval(rule);
    assert!(at(31.0, 0.5).pass);
    assert!(!at(31.5, 0.5).pass, "at_least ignores its parameter");
    assert!(!at(31.0, 0.3).pass, "below ignores its parameter");
    assert!(at(5.0, 0.32).pass);
}

#[test]
fn an_empty_window_reads_the_minute_it_starts_at() {
    // from == to: the one minute at `from`.
    let run = stairs();
    let rule = |m: i32, stat: Stat| Rule::Failing {
        from: m,
        to: m,
        stat,
        at_least: Some(c(0.0)),
        below: None,
    };
    for stat in [Stat::Mean, Stat::Min, Stat::Max] {
        assert_eq!(run.eval(rule(4, stat)).value, 0.375, "{stat:?}");
        assert_eq!(run.eval(rule(1, stat)).value, 0.875, "{stat:?}");
        // The last minute of the run.
        assert_eq!(run.eval(rule(9, stat)).value, 0.0, "{stat:?}");
    }
}

#[test]
fn a_window_past_the_end_of_the_run_reads_zero_not_nan() {
    let run = Fake::failing(vec![0.5; 10]);
    for stat in [Stat::Mean, Stat::Min, Stat::Max] {
        for (from, to) in [(10, 10), (10, 20), (12, 30)] {
            let o = run.eval(Rule::Failing {
                from,
                to,
                stat,
                at_least: None,
                below: Some(c(0.1)),
            });
            assert_eq!(o.value, 0.0, "{stat:?} [{from}, {to})");
            assert!(o.pass);
        }
    }
    // A window running past the end is clipped to the run.
    let run = stairs();
    let o = run.eval(Rule::Failing {
        from: 5,
        to: 50,
        stat: Stat::Mean,
        at_least: None,
        below: Some(c(1.0)),
    });
    assert_eq!(o.value, (0.5 + 0.875) / 5.0);
}

// ---------------------------------------------------------------------
// healthy

#[test]
fn healthy_needs_every_minute_of_its_window_below() {
    let run = stairs();
    let rule = |below: f64| Rule::Healthy { from: 2, to: 6, below: c(below) };
    let o = run.eval(rule(up(0.5)));
    assert!(o.pass);
    assert_eq!(o.value, 0.5, "the worst minute");
    assert!(o.other.is_nan());
    assert!(!run.eval(rule(0.5)).pass, "a minute at the threshold");
    assert!(!run.eval(rule(0.2)).pass);
    // Parameter threshold, in per cent.
    let rule = Rule::Healthy { from: 2, to: 6, below: pct(0) };
    assert!(stairs().with_params(&[51.0]).eval(rule).pass);
    assert!(!stairs().with_params(&[49.0]).eval(rule).pass);
}

// ---------------------------------------------------------------------
// onset

/// Healthy until minute 100, which fails exactly 0.0625; minute 99
/// fails one step less.
fn tipping() -> Fake {
    let mut ff = vec![0.0; 200];
    ff[99] = down(0.0625);
    for f in &mut ff[100..] {
        *f = 0.0625;
    }
    ff[150] = 0.5;
    Fake::failing(ff)
}

fn onset(at: i32, early: f64, late: f64, threshold: f64) -> Rule {
    Rule::Onset { at, early: c(early), late: c(late), threshold: c(threshold) }
}

#[test]
fn onset_is_the_first_minute_at_the_threshold() {
    let run = tipping();
    let o = run.eval(onset(100, 0.0, 0.0, 0.0625));
    assert_eq!(o.value, 100.0);
    assert!(o.pass);
    assert!(o.other.is_nan());
    // Just below the threshold, minute 99 counts.
    assert_eq!(run.eval(onset(100, 1.0, 0.0, down(0.0625))).value, 99.0);
    // Just above it, only minute 150 does.
    assert_eq!(run.eval(onset(100, 0.0, 0.0, up(0.0625))).value, 150.0);
}

#[test]
fn onset_window_edges_are_inclusive_one_minute_each_side() {
    let run = tipping();
    // Onset at 100. Early edge: at − early.
    assert!(run.eval(onset(120, 20.0, 0.0, 0.0625)).pass, "on the edge");
    assert!(run.eval(onset(120, 21.0, 0.0, 0.0625)).pass, "inside");
    assert!(!run.eval(onset(120, 19.0, 0.0, 0.0625)).pass, "too early");
    // Late edge: at + late.
    assert!(run.eval(onset(80, 0.0, 20.0, 0.0625)).pass, "on the edge");
    assert!(run.eval(onset(80, 0.0, 21.0, 0.0625)).pass, "inside");
    assert!(!run.eval(onset(80, 0.0, 19.0, 0.0625)).pass, "too late");
    // Early does not excuse late, nor late early.
    assert!(!run.eval(onset(80, 100.0, 19.0, 0.0625)).pass);
    assert!(!run.eval(onset(120, 19.0, 100.0, 0.0625)).pass);
}

#[test]
fn a_run_that_never_fails_has_no_onset() {
    let run = Fake::failing(vec![0.01; 100]);
    let o = run.eval(onset(50, 1000.0, 1000.0, 0.05));
    assert!(!o.pass);
    assert!(o.value.is_nan());
    assert!(o.other.is_nan());
}

#[test]
fn onset_margins_and_threshold_are_read_from_parameters() {
    // Parameters: early (minutes), late (minutes), threshold (per cent).
    let rule = Rule::Onset {
        at: 120,
        early: par(0),
        late: par(1),
        threshold: par(2),
    };
    let at = |p: &[f64]| tipping().with_params(p).eval(rule);
    assert!(at(&[20.0, 0.0, 0.0625]).pass);
    assert!(!at(&[19.0, 0.0, 0.0625]).pass, "early ignores its parameter");
    // Threshold 0.5: the onset is minute 150, 30 minutes late.
    assert_eq!(at(&[20.0, 0.0, 0.5]).value, 150.0);
    assert!(!at(&[20.0, 29.0, 0.5]).pass);
    assert!(at(&[20.0, 30.0, 0.5]).pass, "late ignores its parameter");
}

// ---------------------------------------------------------------------
// rising

/// Ten hours. The first hour fails 0.125 for half an hour, then 0.375
/// (mean 0.25); hours 2–8 fail 0.0625; the last hour fails 0.5 for its
/// first half and 1.0 for its second (mean 0.75). Hours 5–6 fail 0.0625
/// then 0.1875 (mean 0.125; a reference window).
fn evening() -> Fake {
    let mut ff = vec![0.0625; 600];
    ff[..30].fill(0.125);
    ff[30..60].fill(0.375);
    ff[330..360].fill(0.1875);
    ff[540..570].fill(0.5);
    ff[570..].fill(1.0);
    Fake::failing(ff)
}

fn rising(ends: f64, rise: f64) -> Rule {
    Rule::Rising {
        from: 0,
        to: 600,
        span: c(60.0),
        ends_at_least: c(ends),
        above: None,
        rise_at_least: c(rise),
    }
}

#[test]
fn rising_compares_the_last_span_with_the_first() {
    let o = evening().eval(rising(0.0, 0.0));
    assert_eq!(o.value, 0.75, "the last hour's mean");
    assert_eq!(o.other, 0.25, "the first hour's mean");
    assert!(o.pass);
}

#[test]
fn rising_end_level_either_side() {
    let run = evening();
    assert!(run.eval(rising(0.75, 0.0)).pass, "at the level");
    assert!(!run.eval(rising(up(0.75), 0.0)).pass, "just above it");
}

#[test]
fn rising_margin_either_side() {
    // 0.75 − 0.25 = 0.5 points of rise.
    let run = evening();
    assert!(run.eval(rising(0.0, 0.5)).pass, "at the margin");
    assert!(!run.eval(rising(0.0, up(0.5))).pass, "just above it");
    // Both conditions must hold.
    assert!(!run.eval(rising(up(0.75), 0.5)).pass);
    assert!(!run.eval(rising(0.75, up(0.5))).pass);
}

#[test]
fn rising_against_an_explicit_reference_window() {
    let rule = |rise: f64| Rule::Rising {
        from: 0,
        to: 600,
        span: c(60.0),
        ends_at_least: c(0.5),
        above: Some((300, 360)),
        rise_at_least: c(rise),
    };
    let o = evening().eval(rule(0.625));
    assert_eq!(o.other, 0.125);
    assert!(o.pass);
    assert!(!evening().eval(rule(up(0.625))).pass);
}

#[test]
fn rising_span_sets_both_windows() {
    // Half an hour: the end is the last 30 minutes (1.0), the reference
    // the first 30 (0.125).
    let rule = |span: f64| Rule::Rising {
        from: 0,
        to: 600,
        span: c(span),
        ends_at_least: c(0.0),
        above: None,
        rise_at_least: c(0.0),
    };
    let o = evening().eval(rule(30.0));
    assert_eq!((o.value, o.other), (1.0, 0.125));
    // Spans are rounded to whole minutes...
    let o = evening().eval(rule(29.6));
    assert_eq!((o.value, o.other), (1.0, 0.125));
    // ... and are at least one minute.
    let o = evening().eval(rule(0.2));
    assert_eq!((o.value, o.other), (1.0, 0.125));
    // A reference window that starts at `from`, not at 0.
    let o = evening().eval(Rule::Rising {
        from: 300,
        to: 600,
        span: c(60.0),
        ends_at_least: c(0.0),
        above: None,
        rise_at_least: c(0.0),
    });
    assert_eq!((o.value, o.other), (0.75, 0.125));
}

#[test]
fn rising_thresholds_and_span_are_read_from_parameters() {
    let rule = Rule::Rising {
        from: 0,
        to: 600,
        span: par(0),
        ends_at_least: pct(1),
        above: None,
        rise_at_least: pct(2),
    };
    let at = |p: &[f64]| evening().with_params(p).eval(rule);
    assert!(at(&[60.0, 74.0, 49.0]).pass);
    assert!(!at(&[60.0, 80.0, 49.0]).pass, "ends_at_least ignored");
    assert!(!at(&[60.0, 74.0, 55.0]).pass, "rise_at_least ignored");
    assert_eq!(at(&[30.0, 74.0, 49.0]).value, 1.0, "span ignored");
}

// ---------------------------------------------------------------------
// recovered

#[test]
fn recovered_reads_every_minute_to_the_end() {
    let mut ff = vec![0.0; 100];
    ff[59] = 0.9; // before `from`: ignored
    ff[99] = 0.25; // the very last minute counts
    let run = Fake::failing(ff);
    let rule = |below: f64| Rule::Recovered { from: 60, below: c(below) };
    let o = run.eval(rule(up(0.25)));
    assert!(o.pass);
    assert_eq!(o.value, 0.25);
    assert!(o.other.is_nan());
    assert!(!run.eval(rule(0.25)).pass, "a minute at the threshold");
    // From the end of the run: nothing left to fail.
    let o = run.eval(Rule::Recovered { from: 100, below: c(0.01) });
    assert!(o.pass);
    assert_eq!(o.value, 0.0);
    // Parameter threshold.
    let rule = Rule::Recovered { from: 60, below: pct(0) };
    assert!(run.clone().with_params(&[26.0]).eval(rule).pass);
    assert!(!run.with_params(&[24.0]).eval(rule).pass);
}

// ---------------------------------------------------------------------
// traffic

/// Ten minutes. Served: 100 a minute, the segment's share 0.25, except
/// minutes 0 and 9 (1,000 a minute, share 1), outside the window
/// [1, 9). Demand: an always-on component (10 a minute, share 0.5) and
/// a switched one (30 a minute, share 0). Nominal capacity 200 a
/// minute (400 at minutes 0 and 9).
fn traffic_run() -> Fake {
    let n = 10;
    let mut served = vec![100.0; n];
    let mut seg = vec![0.25; n];
    let mut cap = vec![200.0; n];
    for i in [0, n - 1] {
        served[i] = 1000.0;
        seg[i] = 1.0;
        cap[i] = 400.0;
    }
    let mut normal = vec![10.0; n];
    let mut surge = vec![30.0; n];
    normal[0] = 1e6;
    surge[n - 1] = 1e6;
    Fake {
        ff: vec![0.0; n],
        served,
        seg,
        demand: vec![(normal, 0.5, true), (surge, 0.0, false)],
        cap,
        params: Vec::new(),
    }
}

fn traffic(
    measure: Measure,
    part: Part,
    relative: Relative,
    band: Band,
) -> Rule {
    Rule::Traffic { from: 1, to: 9, measure, part, relative, band }
}

fn any() -> Band {
    Band::Between { at_least: None, at_most: None }
}

#[test]
fn traffic_measures_each_part_per_hour_total_normal_and_capacity() {
    use Measure::{Demand, Served};
    use Part::{All, Rest, Segment};
    use Relative::{Capacity, Normal, PerHour, Total};
    let run = traffic_run();
    // Window [1, 9): eight minutes.
    let cases = [
        (Served, All, Total, 800.0),
        (Served, Segment, Total, 200.0),
        (Served, Rest, Total, 600.0),
        (Served, All, PerHour, 100.0),
        (Served, Segment, PerHour, 25.0),
        (Served, All, Capacity, 0.5),
        // Served users against normal demand (the always-on component,
        // same part): 800 / 80, 200 / 40, 600 / 40.
        (Served, All, Normal, 10.0),
        (Served, Segment, Normal, 5.0),
        (Served, Rest, Normal, 15.0),
        (Demand, All, Total, 320.0),
        (Demand, Segment, Total, 40.0),
        (Demand, Rest, Total, 280.0),
        (Demand, All, PerHour, 40.0),
        (Demand, Rest, PerHour, 35.0),
        (Demand, All, Normal, 4.0),
        (Demand, Segment, Normal, 1.0),
        (Demand, Rest, Normal, 7.0),
        (Demand, All, Capacity, 0.2),
    ];
    for (measure, part, relative, v) in cases {
        let o = run.eval(traffic(measure, part, relative, any()));
        assert_eq!(o.value, v, "{measure:?} {part:?} {relative:?}");
        assert!(o.pass);
        assert!(o.other.is_nan());
    }
}

#[test]
fn traffic_without_normal_traffic_or_capacity_reads_zero() {
    let mut run = traffic_run();
    run.demand[0].2 = false; // nothing always on
    run.cap.fill(0.0);
    for (measure, relative) in [
        (Measure::Demand, Relative::Normal),
        (Measure::Served, Relative::Normal),
        (Measure::Served, Relative::Capacity),
        (Measure::Demand, Relative::Capacity),
    ] {
        let o = run.eval(traffic(measure, Part::All, relative, any()));
        assert_eq!(o.value, 0.0, "{measure:?} {relative:?}");
    }
    // Past the end of the run, a rate is zero, not NaN.
    let o = traffic_run().eval(Rule::Traffic {
        from: 10,
        to: 12,
        measure: Measure::Served,
        part: Part::All,
        relative: Relative::PerHour,
        band: any(),
    });
    assert_eq!(o.value, 0.0);
}

fn between(lo: Option<f64>, hi: Option<f64>) -> Band {
    Band::Between { at_least: lo.map(c), at_most: hi.map(c) }
}

#[test]
fn traffic_bands_include_their_bounds() {
    // 100 users a minute served.
    let run = traffic_run();
    let pass = |band: Band| {
        run.eval(traffic(Measure::Served, Part::All, Relative::PerHour, band))
            .pass
    };
    assert!(pass(between(Some(100.0), None)), "at_least at the value");
    assert!(!pass(between(Some(up(100.0)), None)), "at_least above it");
    assert!(pass(between(None, Some(100.0))), "at_most at the value");
    assert!(!pass(between(None, Some(down(100.0)))), "at_most below it");
    assert!(pass(between(Some(100.0), Some(100.0))));
    assert!(!pass(between(Some(50.0), Some(down(100.0)))));
    assert!(!pass(between(Some(up(100.0)), Some(200.0))));
    // Target and tolerance: 50 × 2 and 200 / 2 reach 100 exactly.
    let around = |t: f64, f: f64| Band::Around { target: c(t), factor: c(f) };
    assert!(pass(around(50.0, 2.0)), "at target × factor");
    assert!(pass(around(200.0, 2.0)), "at target / factor");
    assert!(!pass(around(down(50.0), 2.0)), "just under target × factor");
    assert!(!pass(around(up(200.0), 2.0)), "just over target / factor");
    assert!(pass(around(100.0, 1.0)), "exact, no tolerance");
    assert!(!pass(around(99.0, 1.0)));
    // A tolerance under 1 means none: it does not turn the band around.
    assert!(pass(around(100.0, 0.5)));
    assert!(!pass(around(150.0, 0.5)));
}

#[test]
fn band_bounds() {
    let p = [3.0, 40.0];
    assert_eq!(
        between(None, None).bounds(&p),
        (f64::NEG_INFINITY, f64::INFINITY)
    );
    assert_eq!(between(Some(1.0), Some(2.0)).bounds(&p), (1.0, 2.0));
    let b = Band::Around { target: par(1), factor: par(0) };
    assert_eq!(b.bounds(&p), (40.0 / 3.0, 120.0));
    let b = Band::Between { at_least: Some(par(0)), at_most: Some(par(1)) };
    assert_eq!(b.bounds(&p), (3.0, 40.0));
}

#[test]
fn traffic_bounds_are_read_from_parameters() {
    let run = traffic_run().with_params(&[100.0, 1.5, 40.0]);
    let eval = |band: Band, relative: Relative| {
        run.eval(traffic(Measure::Served, Part::All, relative, band)).pass
    };
    let lo = Band::Between { at_least: Some(par(0)), at_most: None };
    let hi = Band::Between { at_least: None, at_most: Some(par(0)) };
    assert!(eval(lo, Relative::PerHour) && eval(hi, Relative::PerHour));
    let run2 = traffic_run().with_params(&[101.0, 1.5, 40.0]);
    assert!(
        !run2
            .eval(traffic(Measure::Served, Part::All, Relative::PerHour, lo))
            .pass
    );
    let run3 = traffic_run().with_params(&[99.0, 1.5, 40.0]);
    assert!(
        !run3
            .eval(traffic(Measure::Served, Part::All, Relative::PerHour, hi))
            .pass
    );
    // 100 a minute is within 1.5× of 80 (53–120) but not within 1.2×.
    let around = Band::Around { target: par(2), factor: par(1) };
    let run = traffic_run().with_params(&[0.0, 1.5, 80.0]);
    assert!(
        run.eval(traffic(
            Measure::Served,
            Part::All,
            Relative::PerHour,
            around
        ))
        .pass
    );
    let run = traffic_run().with_params(&[0.0, 1.2, 80.0]);
    assert!(
        !run.eval(traffic(
            Measure::Served,
            Part::All,
            Relative::PerHour,
            around
        ))
        .pass
    );
}

// ---------------------------------------------------------------------
// share

fn share(measure: Measure, target: f64, within: f64) -> Rule {
    Rule::Share {
        from: 1,
        to: 9,
        measure,
        target: c(target),
        within: c(within),
    }
}

#[test]
fn share_of_the_segment_within_its_band() {
    let run = traffic_run();
    // Served: 200 of 800 (the edge minutes, all segment, are outside).
    let o = run.eval(share(Measure::Served, 0.5, 0.25));
    assert_eq!(o.value, 0.25);
    assert!(o.pass, "at the edge of the band, from above");
    assert!(o.other.is_nan());
    assert!(run.eval(share(Measure::Served, 0.0, 0.25)).pass, "from below");
    assert!(!run.eval(share(Measure::Served, 0.5, down(0.25))).pass);
    assert!(!run.eval(share(Measure::Served, 0.0, down(0.25))).pass);
    assert!(run.eval(share(Measure::Served, 0.25, 0.0)).pass, "exact");
    // Demand: 40 of 320.
    let o = run.eval(share(Measure::Demand, 0.125, 0.0));
    assert_eq!(o.value, 0.125);
    assert!(o.pass);
    // No users at all: share zero.
    let mut empty = traffic_run();
    empty.served.fill(0.0);
    let o = empty.eval(share(Measure::Served, 0.0, 0.0));
    assert_eq!(o.value, 0.0);
    assert!(o.pass);
}

#[test]
fn share_target_and_band_are_read_from_parameters() {
    let rule = Rule::Share {
        from: 1,
        to: 9,
        measure: Measure::Served,
        target: pct(0),
        within: pct(1),
    };
    let at = |p: &[f64]| traffic_run().with_params(p).eval(rule).pass;
    assert!(at(&[50.0, 26.0]));
    assert!(!at(&[50.0, 24.0]), "within ignores its parameter");
    assert!(!at(&[60.0, 26.0]), "target ignores its parameter");
    assert!(at(&[30.0, 6.0]));
}

// ---------------------------------------------------------------------
// names and topics

#[test]
fn every_rule_has_its_file_name_and_topic() {
    let span = (0, 1);
    let rules = [
        (failing(Stat::Mean, None, None), "failing", Topic::Outage),
        (
            Rule::Healthy { from: span.0, to: span.1, below: c(0.1) },
            "healthy",
            Topic::Outage,
        ),
        (onset(0, 0.0, 0.0, 0.1), "onset", Topic::Outage),
        (rising(0.0, 0.0), "rising", Topic::Outage),
        (
            Rule::Recovered { from: 0, below: c(0.1) },
            "recovered",
            Topic::Outage,
        ),
        (
            traffic(Measure::Served, Part::All, Relative::Total, any()),
            "traffic",
            Topic::Traffic,
        ),
        (share(Measure::Served, 0.5, 0.1), "share", Topic::Traffic),
    ];
    for (rule, id, topic) in rules {
        assert_eq!(rule.id(), id);
        assert_eq!(rule.topic(), topic, "{id}");
    }
}
