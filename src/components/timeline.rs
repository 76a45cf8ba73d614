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

use claimcheck_model::locale::Lang;
use claimcheck_model::words::Words;

use crate::app::{ResultsRef, ScenarioRef};
use crate::components::axis::{day_bands, fmt, vline, Axis};
use crate::i18n::ui;

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
    /// The index of the selected event.
    pub selected: Option<usize>,
    /// Where the crosshair is.
    pub cursor: Option<Minute>,
    /// False for the static view: markers are not focusable.
    #[prop_or(true)]
    pub interactive: bool,
    /// Called with an event's index when it is hovered, focused or
    /// tapped.
    pub on_select: Callback<usize>,
}

const TOP: f64 = 20.0;

/// The event lanes.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let scenario = &props.scenario;
    let axis = props.axis;
    let x = |m: Minute| axis.x(f64::from(m));

    // Smaller markers on a narrow axis, so the lanes stay few.
    let narrow = axis.width < 480.0;
    let lane_h = if narrow { 17.0 } else { 24.0 };
    let marker_r = if narrow { 7.0 } else { 9.0 };
    let timeline = scenario.timeline();
    let lanes = assign_lanes(&timeline, &x, marker_r);
    let n_lanes = lanes.iter().copied().max().map_or(1, |l| l + 1);
    let height = TOP + lane_h * n_lanes as f64 + 6.0;
    let lane_y = |lane: usize| TOP + lane_h * lane as f64 + lane_h / 2.0;

    let milestones = scenario
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Milestone)
        .filter_map(|e| e.time)
        .map(|t| {
            vline(&axis, f64::from(t.at), 0.0, height, "cc-deadline-line")
        });

    let markers = timeline.iter().zip(&lanes).enumerate().map(|(i, (event, &lane))| {
        let Some(time) = event.time else { return html! {} };
        let index = scenario.events.iter().position(|e| e.id == event.id).unwrap_or(0);
        let selected = props.selected == Some(index);
        let check = props.results.check(index);
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
        let select = {
            let on_select = props.on_select.clone();
            move || on_select.emit(index)
        };
        let (s1, s2, s3) = (select.clone(), select.clone(), select);
        let label = marker_label(i + 1, index, event, time, props);
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
                { marker_shape(event.kind, cx, cy, marker_r) }
                <text class="cc-marker-num" x={fmt(cx)} y={fmt(cy + 3.5)}
                    text-anchor="middle" aria-hidden="true">
                    { i + 1 }
                </text>
                if let Some(g) = glyph {
                    <text class="cc-marker-glyph" x={fmt(cx + marker_r + 1.0)}
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
            { for milestones }
            { for cursor }
            { for markers }
        </svg>
    }
}

/// The accessible name of a marker, short: number, time, the event's
/// name, and whether the model reproduces it with the reader's settings.
fn marker_label(
    n: usize,
    index: usize,
    event: &Event,
    time: TimeWindow,
    props: &TimelineProps,
) -> String {
    let lang = props.lang;
    let w = Words::new(&props.scenario, lang);
    let when = lang.moment_label(props.scenario.clock.local(time.at));
    let name = match event.kind {
        EventKind::Observation | EventKind::Claim if event.is_checked() => {
            Lang::capitalize(w.event_label(event))
        }
        _ => w.kind(event.kind).to_string(),
    };
    let status = match props.results.check(index) {
        Some(c) => format!(
            ", {}",
            claimcheck_model::locale::lowercase(w.pass_word(c.pass))
        ),
        None => String::new(),
    };
    format!(
        "{n}. {when}{} {name}{status}",
        if lang == Lang::Fr { "\u{a0}:" } else { ":" }
    )
}

/// Places each event in the first lane where its marker and window do
/// not overlap the previous one, in time order.
fn assign_lanes(
    events: &[&Event],
    x: &impl Fn(Minute) -> f64,
    r: f64,
) -> Vec<usize> {
    let mut lane_ends: Vec<f64> = Vec::new();
    events
        .iter()
        .map(|e| {
            let Some(t) = e.time else { return 0 };
            // Lanes keep markers apart; uncertainty windows may overlap
            // a neighbour's, drawn thin behind the markers.
            let _ = (t.from, t.to);
            let left = x(t.at) - r;
            let right = x(t.at) + r + 10.0;
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
        <rect class="cc-window" x={fmt(x(t.from))} y={fmt(y - 2.0)}
            width={fmt(x(t.to) - x(t.from))} height="4" rx="2" />
    }
}

fn marker_shape(kind: EventKind, cx: f64, cy: f64, r: f64) -> Html {
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
