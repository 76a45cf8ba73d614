//! The record's events on the shared time axis, each at its time with
//! its uncertainty window, marked with whether the model reproduces it.
//!
//! Markers are numbered like footnotes (the list below uses the same
//! numbers), focusable, and selecting one (hover, focus or tap) shows
//! its quotes and source and moves the crosshair to its time. Pass and
//! fail are told by a word in the accessible name and a ✓ / ✗ glyph,
//! never by colour alone.

use claimcheck_model::scenario::{Event, EventKind, TimeWindow};
use claimcheck_model::time::Minute;
use yew::prelude::*;

use crate::app::{ResultsRef, ScenarioRef};
use crate::components::axis::{day_bands, fmt, vline, Axis};
use crate::i18n::Lang;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The model's results, for pass and fail.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
    /// The shared axis.
    pub axis: Axis,
    /// The id of the selected event.
    pub selected: Option<AttrValue>,
    /// Where the crosshair is.
    pub cursor: Option<Minute>,
    /// False for the static view: markers are not focusable.
    #[prop_or(true)]
    pub interactive: bool,
    /// Called with an event's id when it is hovered, focused or tapped.
    pub on_select: Callback<AttrValue>,
}

const TOP: f64 = 22.0;
const LANE_H: f64 = 34.0;
const MARKER_R: f64 = 12.0;

/// The event lanes.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let scenario = &props.scenario;
    let axis = props.axis;
    let x = |m: Minute| axis.x(f64::from(m));

    let timeline = scenario.timeline();
    let lanes = assign_lanes(&timeline, &x);
    let n_lanes = lanes.iter().copied().max().map_or(1, |l| l + 1);
    let height = TOP + LANE_H * n_lanes as f64 + 6.0;
    let lane_y = |lane: usize| TOP + LANE_H * lane as f64 + LANE_H / 2.0;

    let deadline = scenario.event("deadline").and_then(|e| e.time).map(|t| {
        vline(&axis, f64::from(t.at), 0.0, height, "cc-deadline-line")
    });

    let markers = timeline.iter().zip(&lanes).enumerate().map(|(i, (event, &lane))| {
        let Some(time) = event.time else { return html! {} };
        let selected = props.selected.as_deref() == Some(event.id.as_str());
        let check = props.results.check(&event.id);
        let status = match (event.kind, check) {
            (EventKind::Claim, Some(c)) => {
                if c.pass { "cc-claim-matches" } else { "cc-claim-differs" }
            }
            (_, Some(c)) => {
                if c.pass { "cc-pass" } else { "cc-fail" }
            }
            _ => "cc-unchecked",
        };
        let glyph = check.map(|c| if c.pass { "✓" } else { "✗" });
        let id = AttrValue::from(event.id.clone());
        let select = {
            let on_select = props.on_select.clone();
            move || on_select.emit(id.clone())
        };
        let (s1, s2, s3) = (select.clone(), select.clone(), select);
        let label = marker_label(i + 1, event, time, props);
        let (cx, cy) = (x(time.at), lane_y(lane));
        html! {
            <g
                class={classes!(
                    "cc-marker",
                    format!("cc-kind-{}", event.kind.id()),
                    status,
                    selected.then_some("cc-selected"),
                )}
                tabindex={props.interactive.then_some("0")}
                role={if props.interactive { "button" } else { "img" }}
                aria-label={label}
                aria-pressed={props.interactive.then(|| selected.to_string())}
                data-event={event.id.clone()}
                onmouseenter={Callback::from(move |_| s1())}
                onfocus={Callback::from(move |_| s2())}
                onclick={Callback::from(move |_| s3())}
            >
                { window_bar(time, cy, &x) }
                { marker_shape(event.kind, cx, cy) }
                <text class="cc-marker-num" x={fmt(cx)} y={fmt(cy + 4.0)}
                    text-anchor="middle" aria-hidden="true">
                    { i + 1 }
                </text>
                if let Some(g) = glyph {
                    <text class="cc-marker-glyph" x={fmt(cx + MARKER_R + 1.0)}
                        y={fmt(cy - 6.0)} aria-hidden="true">{ g }</text>
                }
            </g>
        }
    });

    let cursor = props
        .cursor
        .map(|m| vline(&axis, f64::from(m), 0.0, height, "cc-crosshair-line"));

    html! {
        <svg class="cc-timeline-svg" width={fmt(axis.width)} height={fmt(height)}
            viewBox={format!("0 0 {} {}", fmt(axis.width), fmt(height))}
            role="group" aria-label={ui.timeline_label}>
            { day_bands(&axis, &scenario.clock, lang, 0.0, height, true) }
            { for deadline }
            { for cursor }
            { for markers }
        </svg>
    }
}

/// The accessible name of a marker: number, time, what happened, and
/// whether the model reproduces it.
fn marker_label(
    n: usize,
    event: &Event,
    time: TimeWindow,
    props: &TimelineProps,
) -> String {
    let lang = props.lang;
    let ui = lang.ui();
    let when = lang.date_time(props.scenario.clock.local(time.at));
    let kind = match event.kind {
        EventKind::Claim => format!(" ({})", ui.claim_badge),
        _ => String::new(),
    };
    let status = match (event.kind, props.results.check(&event.id)) {
        (EventKind::Claim, Some(c)) => {
            format!(
                " {}",
                if c.pass { ui.claim_matches } else { ui.claim_differs }
            )
        }
        (_, Some(c)) => format!(" {}", if c.pass { ui.pass } else { ui.fail }),
        _ => String::new(),
    };
    format!("{n}. {when}{kind}: {}{status}", lang.text(&event.text))
}

/// Places each event in the first lane where its marker and window do
/// not overlap the previous one, in time order.
fn assign_lanes(events: &[&Event], x: &impl Fn(Minute) -> f64) -> Vec<usize> {
    let mut lane_ends: Vec<f64> = Vec::new();
    events
        .iter()
        .map(|e| {
            let Some(t) = e.time else { return 0 };
            let left = x(t.from).min(x(t.at) - MARKER_R);
            let right = x(t.to).max(x(t.at) + MARKER_R + 12.0);
            let lane = lane_ends
                .iter()
                .position(|&end| end + 4.0 < left)
                .unwrap_or(lane_ends.len());
            if lane == lane_ends.len() {
                lane_ends.push(right);
            } else {
                lane_ends[lane] = right;
            }
            lane
        })
        .collect()
}

fn window_bar(t: TimeWindow, y: f64, x: &impl Fn(Minute) -> f64) -> Html {
    if t.to <= t.from {
        return html! {};
    }
    html! {
        <rect class="cc-window" x={fmt(x(t.from))} y={fmt(y - 4.0)}
            width={fmt(x(t.to) - x(t.from))} height="8" rx="4" />
    }
}

fn marker_shape(kind: EventKind, cx: f64, cy: f64) -> Html {
    let r = MARKER_R;
    match kind {
        EventKind::Observation => html! {
            <circle class="cc-marker-shape" cx={fmt(cx)} cy={fmt(cy)} r={fmt(r)} />
        },
        EventKind::Claim => html! {
            <path class="cc-marker-shape"
                d={format!(
                    "M{} {}L{} {}L{} {}L{} {}Z",
                    fmt(cx), fmt(cy - r - 2.0), fmt(cx + r + 2.0), fmt(cy),
                    fmt(cx), fmt(cy + r + 2.0), fmt(cx - r - 2.0), fmt(cy)
                )} />
        },
        EventKind::Statement | EventKind::Milestone => html! {
            <rect class="cc-marker-shape" x={fmt(cx - r)} y={fmt(cy - r)}
                width={fmt(2.0 * r)} height={fmt(2.0 * r)} rx="4" />
        },
    }
}
