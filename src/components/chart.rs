//! The outage chart: the model's failure curve, and demand by component
//! against capacity, on the shared time axis.
//!
//! It is one SVG with `role="img"`, labelled by the generated summary
//! above it; the values behind it are in the data table and the readout.

use claimcheck_model::time::Minute;
use yew::prelude::*;

use claimcheck_model::locale::Lang;
use claimcheck_model::rules::Rule;
use claimcheck_model::scenario::EventKind;

use crate::app::{ResultsRef, ScenarioRef};
use crate::components::axis::{
    day_bands, fmt, push_coord, time_ticks, vline, Axis,
};
use crate::i18n::ui;

/// Vertical layout, in CSS pixels.
const FAIL_TOP: f64 = 22.0;
const FAIL_H: f64 = 78.0;
const LOAD_TOP: f64 = FAIL_TOP + FAIL_H + 32.0;
const LOAD_H: f64 = 96.0;
/// The height of the chart.
pub const HEIGHT: f64 = LOAD_TOP + LOAD_H + 26.0;

/// Props of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The model's results.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
    /// The shared axis.
    pub axis: Axis,
    /// Where the crosshair is.
    pub cursor: Option<Minute>,
    /// Called with the minute under the pointer.
    pub on_cursor: Callback<Option<Minute>>,
    /// False for the static view: no crosshair.
    #[prop_or(true)]
    pub interactive: bool,
    /// The id of the element that describes the chart.
    pub described_by: AttrValue,
    /// The failure share the checks call failing, drawn as a line.
    pub threshold: f64,
}

/// The chart.
#[function_component(Chart)]
pub fn chart(props: &ChartProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let axis = props.axis;
    let run = &props.results.run;
    let scenario = &props.scenario;
    let bucket = axis.bucket();
    let bottom = LOAD_TOP + LOAD_H;
    let narrow = axis.width < 560.0;

    // The failure curve, 0–100 %.
    let y_fail = |f: f64| FAIL_TOP + FAIL_H * (1.0 - f.clamp(0.0, 1.0));
    let fail = averaged(&run.failure_fraction, bucket);
    let fail_line = line_path(&axis, &fail, bucket, &y_fail);
    let fail_area = area_path(&axis, &fail, None, bucket, &y_fail);

    // Demand stacked by component, with capacity and attempts.
    let demand: Vec<(usize, Vec<f64>)> = scenario
        .model
        .demand()
        .map(|(k, _)| (k, averaged(run.demand_of(k), bucket)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let mut stacked: Vec<(usize, Vec<f64>, Vec<f64>)> = Vec::new();
    let mut lower = vec![0.0; run.len().div_ceil(bucket.max(1))];
    for (k, v) in demand {
        let upper: Vec<f64> =
            lower.iter().zip(&v).map(|(a, b)| a + b).collect();
        stacked.push((k, lower.clone(), upper.clone()));
        lower = upper;
    }
    let total = lower;
    let cap = averaged(&run.capacity, bucket);
    let attempts = averaged(&run.attempts, bucket);
    let top = total
        .iter()
        .chain(&cap)
        .chain(&attempts)
        .fold(1.0_f64, |m, &v| if v.is_finite() { m.max(v) } else { m });
    let (y_max, step) = nice_scale(top * 1.05);
    let y_load =
        |v: f64| LOAD_TOP + LOAD_H * (1.0 - (v / y_max).clamp(0.0, 1.0));

    let load_grid = (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|v| *v <= y_max + 1e-9)
        .map(|v| {
            let y = fmt(y_load(v));
            html! {
                <g class="cc-grid">
                    <line x1={fmt(axis.x0)} x2={fmt(axis.x1)} y1={y.clone()} y2={y.clone()} />
                    <text x={fmt(axis.x0 - 6.0)} y={y} dy="4" text-anchor="end">
                        { lang.count(v) }
                    </text>
                </g>
            }
        });
    let fail_grid = [0.0, 0.5, 1.0].map(|f| {
        let y = fmt(y_fail(f));
        html! {
            <g class="cc-grid">
                <line x1={fmt(axis.x0)} x2={fmt(axis.x1)} y1={y.clone()} y2={y.clone()} />
                <text x={fmt(axis.x0 - 6.0)} y={y} dy="4" text-anchor="end">
                    { lang.percent(f) }
                </text>
            </g>
        }
    });

    let degraded = props.threshold;
    let threshold = {
        let y = fmt(y_fail(degraded));
        html! {
            <line class="cc-threshold" x1={fmt(axis.x0)} x2={fmt(axis.x1)}
                y1={y.clone()} y2={y} />
        }
    };

    // Milestones are drawn as lines; a dated claim about when trouble
    // started, at its claimed time.
    let milestones: Vec<f64> = scenario
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Milestone)
        .filter_map(|e| e.time.map(|t| f64::from(t.at)))
        .collect();
    let claimed: Vec<f64> = scenario
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Claim)
        .flat_map(|e| e.checks.iter())
        .filter_map(|r| match r {
            Rule::Onset { at, .. } => Some(f64::from(*at)),
            _ => None,
        })
        .collect();
    let cursor = props.cursor.map(|m| {
        let i = (m.max(0) as usize).min(run.failure_fraction.len().saturating_sub(1));
        let f = run.failure_fraction.get(i).copied().unwrap_or(0.0);
        html! {
            <g class="cc-crosshair">
                { vline(&axis, f64::from(m), FAIL_TOP, bottom, "cc-crosshair-line") }
                <circle cx={fmt(axis.x(f64::from(m)))} cy={fmt(y_fail(f))} r="4" />
            </g>
        }
    });

    let on_move = {
        let on_cursor = props.on_cursor.clone();
        let interactive = props.interactive;
        Callback::from(move |e: PointerEvent| {
            if !interactive {
                return;
            }
            let Some(target) = e.current_target() else { return };
            let Ok(el) =
                wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target)
            else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            let x = f64::from(e.client_x()) - rect.left();
            on_cursor.emit(Some(axis.minute_at(x)));
        })
    };

    html! {
        <svg class="cc-chart" width={fmt(axis.width)} height={fmt(HEIGHT)}
            viewBox={format!("0 0 {} {}", fmt(axis.width), fmt(HEIGHT))}
            role="img" aria-labelledby={props.described_by.clone()}
            onpointermove={on_move}>
            { day_bands(&axis, &scenario.clock, lang, FAIL_TOP - 6.0, bottom, false) }
            <text class="cc-panel-title" x="4" y="16">
                { if narrow { ui.panel_failing_short } else { ui.panel_failing } }
            </text>
            { for fail_grid }
            { threshold }
            <path class="cc-fail-area" d={fail_area} />
            <path class="cc-curve" d={fail_line} />
            <text class="cc-panel-title" x="4" y={fmt(LOAD_TOP - 10.0)}>
                { if narrow { ui.panel_load_short } else { ui.panel_load } }
            </text>
            { for load_grid }
            { for stacked.iter().enumerate().map(|(i, (_, lo, hi))| html! {
                <path class={format!("cc-area cc-series-{}", i.min(5))}
                    d={area_path(&axis, hi, Some(lo), bucket, &y_load)} />
            }) }
            <path class="cc-attempts" d={line_path(&axis, &attempts, bucket, &y_load)} />
            <path class="cc-capacity" d={line_path(&axis, &cap, bucket, &y_load)} />
            { for claimed.iter().map(|&at| html! {
                <g>
                    { vline(&axis, at, FAIL_TOP, bottom, "cc-claimed-line") }
                    <text class="cc-claimed-label" x={fmt(axis.x(at) + 4.0)}
                        y={fmt(FAIL_TOP + 12.0)}>
                        { ui.claimed_start }
                    </text>
                </g>
            }) }
            { for milestones.iter().map(|&at| vline(&axis, at, FAIL_TOP - 6.0, bottom, "cc-deadline-line")) }
            { time_ticks(&axis, &scenario.clock, lang, bottom) }
            { for cursor }
        </svg>
    }
}

/// Means of `series` over consecutive buckets of `bucket` minutes.
pub fn averaged(series: &[f64], bucket: usize) -> Vec<f64> {
    series
        .chunks(bucket.max(1))
        .map(|c| c.iter().sum::<f64>() / c.len() as f64)
        .collect()
}

/// The x of bucket `k`: its middle minute.
fn bucket_x(axis: &Axis, k: usize, bucket: usize) -> f64 {
    axis.x((k * bucket) as f64 + bucket as f64 / 2.0)
}

fn tenths(v: f64) -> i64 {
    if v.is_finite() {
        (v * 10.0).round() as i64
    } else {
        0
    }
}

/// An SVG path through the bucket means.
fn line_path(
    axis: &Axis,
    values: &[f64],
    bucket: usize,
    y: &impl Fn(f64) -> f64,
) -> String {
    let mut d = String::with_capacity(values.len() * 14);
    for (k, &v) in values.iter().enumerate() {
        d.push(if k == 0 { 'M' } else { 'L' });
        push_coord(&mut d, tenths(bucket_x(axis, k, bucket)));
        d.push(' ');
        push_coord(&mut d, tenths(y(v)));
    }
    d
}

/// A closed area between `upper` and `lower` (or the zero line).
fn area_path(
    axis: &Axis,
    upper: &[f64],
    lower: Option<&[f64]>,
    bucket: usize,
    y: &impl Fn(f64) -> f64,
) -> String {
    if upper.is_empty() {
        return String::new();
    }
    let mut d = line_path(axis, upper, bucket, y);
    let n = upper.len();
    for k in (0..n).rev() {
        let v = lower.and_then(|l| l.get(k)).copied().unwrap_or(0.0);
        d.push('L');
        push_coord(&mut d, tenths(bucket_x(axis, k, bucket)));
        d.push(' ');
        push_coord(&mut d, tenths(y(v)));
    }
    d.push('Z');
    d
}

/// A round maximum and tick step (1, 2 or 5 × 10ⁿ) covering `max`.
pub fn nice_scale(max: f64) -> (f64, f64) {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_are_round() {
        assert_eq!(nice_scale(3400.0), (4000.0, 1000.0));
        assert_eq!(nice_scale(95.0), (100.0, 50.0));
        assert_eq!(nice_scale(0.0), (1.0, 0.5));
    }

    #[test]
    fn buckets_average_and_keep_the_tail() {
        assert_eq!(averaged(&[1.0, 3.0, 5.0, 7.0, 9.0], 2), [2.0, 6.0, 9.0]);
    }
}
