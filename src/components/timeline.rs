//! The time axis: every dated event of the record at its time, with its
//! uncertainty window, and the eTA deadline.
//!
//! The SVG is drawn at the container's real width (measured with a
//! `ResizeObserver`), so text keeps its size from phones to desktops.
//! Markers are numbered like footnotes; the list below uses the same
//! numbers. Each marker is focusable and selecting it (hover, focus or
//! tap) shows its quotes and source in the detail box.

use claimcheck_model::scenario::{Event, EventKind, TimeWindow};
use claimcheck_model::time::Minute;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::i18n::Lang;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// The id of the selected event.
    pub selected: Option<AttrValue>,
    /// Called with an event's id when it is hovered, focused or tapped.
    pub on_select: Callback<AttrValue>,
}

/// Geometry of the drawing, in CSS pixels.
const MARGIN_X: f64 = 16.0;
const TOP: f64 = 44.0;
const LANE_H: f64 = 34.0;
const MARKER_R: f64 = 12.0;
const AXIS_GAP: f64 = 14.0;
const BOTTOM: f64 = 26.0;

/// The timeline figure.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let scenario = &props.scenario;
    let container = use_node_ref();
    let width = use_container_width(&container);

    let end = scenario.window_end;
    let x0 = MARGIN_X;
    let x1 = (width - MARGIN_X).max(x0 + 100.0);
    let x = move |m: Minute| x0 + (x1 - x0) * f64::from(m) / f64::from(end);

    let timeline = scenario.timeline();
    let lanes = assign_lanes(&timeline, &x);
    let n_lanes = lanes.iter().copied().max().map_or(1, |l| l + 1);
    let axis_y = TOP + LANE_H * n_lanes as f64 + AXIS_GAP;
    let height = axis_y + BOTTOM;
    let lane_y = |lane: usize| TOP + LANE_H * lane as f64 + LANE_H / 2.0;

    // Day bands and hour ticks.
    let step_h = if x1 - x0 >= 640.0 { 6 } else { 12 };
    let mut days = Vec::new();
    let mut ticks = Vec::new();
    let mut m = 0;
    while m <= end {
        let t = scenario.clock.local(m);
        if t.hour == 0 && m < end {
            let day_end = (m + 1440).min(end);
            let shade = (m / 1440) % 2 == 1;
            days.push(html! {
                <g class="cc-day">
                    <rect
                        class={classes!("cc-day-band", shade.then_some("cc-day-band-alt"))}
                        x={fmt(x(m))} y="0"
                        width={fmt(x(day_end) - x(m))} height={fmt(axis_y)}
                    />
                    <text class="cc-day-label" x={fmt(x(m) + 6.0)} y="18">
                        { lang.short_date(t) }
                    </text>
                </g>
            });
        }
        if m > 0 && m < end && t.hour != 0 {
            ticks.push(html! {
                <g class="cc-tick">
                    <line x1={fmt(x(m))} x2={fmt(x(m))}
                        y1={fmt(axis_y)} y2={fmt(axis_y + 5.0)} />
                    <text x={fmt(x(m))} y={fmt(axis_y + 18.0)}
                        text-anchor="middle">
                        { lang.time_of_day(t) }
                    </text>
                </g>
            });
        }
        m += step_h * 60;
    }

    let deadline = scenario.event("deadline").and_then(|e| e.time);
    let deadline_mark = deadline.map(|t| {
        html! {
            <g class="cc-deadline" aria-hidden="true">
                <line x1={fmt(x(t.at))} x2={fmt(x(t.at))}
                    y1="28" y2={fmt(axis_y)} />
                <text x={fmt(x(t.at) - 4.0)} y="38" text-anchor="end">
                    { ui.deadline_label }
                </text>
            </g>
        }
    });

    let markers =
        timeline.iter().zip(&lanes).enumerate().map(|(i, (event, &lane))| {
            let Some(time) = event.time else { return html! {} };
            let selected =
                props.selected.as_deref() == Some(event.id.as_str());
            let on_select = props.on_select.clone();
            let id = AttrValue::from(event.id.clone());
            let select = {
                let id = id.clone();
                let on_select = on_select.clone();
                move || on_select.emit(id.clone())
            };
            let (s1, s2, s3) = (select.clone(), select.clone(), select);
            let label = marker_label(i + 1, event, time, props);
            html! {
                <g
                    class={classes!(
                        "cc-marker",
                        format!("cc-kind-{}", event.kind.id()),
                        selected.then_some("cc-selected"),
                    )}
                    tabindex="0"
                    role="button"
                    aria-label={label}
                    aria-pressed={selected.to_string()}
                    data-event={event.id.clone()}
                    onmouseenter={Callback::from(move |_| s1())}
                    onfocus={Callback::from(move |_| s2())}
                    onclick={Callback::from(move |_| s3())}
                >
                    { window_bar(time, lane_y(lane), &x) }
                    { marker_shape(event.kind, x(time.at), lane_y(lane)) }
                    <text class="cc-marker-num" x={fmt(x(time.at))}
                        y={fmt(lane_y(lane) + 4.0)} text-anchor="middle"
                        aria-hidden="true">
                        { i + 1 }
                    </text>
                </g>
            }
        });

    html! {
        <figure class="cc-timeline" ref={container}>
            <svg
                class="cc-timeline-svg"
                width={fmt(width)}
                height={fmt(height)}
                viewBox={format!("0 0 {} {}", fmt(width), fmt(height))}
                role="group"
                aria-label={ui.timeline_label}
            >
                { for days }
                <line class="cc-axis" x1={fmt(x0)} x2={fmt(x1)}
                    y1={fmt(axis_y)} y2={fmt(axis_y)} />
                { for ticks }
                { for deadline_mark }
                { for markers }
            </svg>
            <figcaption class="cc-note">{ ui.times_note }</figcaption>
        </figure>
    }
}

/// The accessible name of a marker: number, time and what happened.
fn marker_label(
    n: usize,
    event: &Event,
    time: TimeWindow,
    props: &TimelineProps,
) -> String {
    let lang = props.lang;
    let when = lang.date_time(props.scenario.clock.local(time.at));
    let kind = match event.kind {
        EventKind::Claim => format!(" ({})", lang.ui().claim_badge),
        _ => String::new(),
    };
    format!("{n}. {when}{kind}: {}", lang.text(&event.text))
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
            let right = x(t.to).max(x(t.at) + MARKER_R);
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
            <circle class="cc-marker-shape" cx={fmt(cx)} cy={fmt(cy)}
                r={fmt(r)} />
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

/// A coordinate for an SVG attribute, to a tenth of a pixel.
///
/// Integer arithmetic, not `format!("{:.1}")`: Rust's float formatting
/// machinery costs about 10 KB of WebAssembly.
fn fmt(v: f64) -> String {
    let tenths = if v.is_finite() { (v * 10.0).round() as i64 } else { 0 };
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

#[cfg(test)]
mod tests {
    use super::fmt;

    #[test]
    fn coordinates_round_to_tenths() {
        assert_eq!(fmt(12.345), "12.3");
        assert_eq!(fmt(-0.26), "-0.3");
        assert_eq!(fmt(0.0), "0.0");
        assert_eq!(fmt(699.96), "700.0");
        assert_eq!(fmt(f64::NAN), "0.0");
    }
}

/// The width of the element behind `node`, kept current by a
/// `ResizeObserver`. Starts at a desktop width until the first
/// measurement.
#[hook]
fn use_container_width(node: &NodeRef) -> f64 {
    let width = use_state_eq(|| 720.0_f64);
    {
        let width = width.clone();
        let node = node.clone();
        use_effect_with((), move |_| {
            let element: Option<Element> = node.cast::<Element>();
            let mut cleanup: Option<(ResizeObserver, Closure<dyn FnMut()>)> =
                None;
            if let Some(element) = element {
                width.set(f64::from(element.client_width().max(1)));
                let measured = element.clone();
                let on_resize = Closure::<dyn FnMut()>::new(move || {
                    width.set(f64::from(measured.client_width().max(1)));
                });
                if let Ok(observer) =
                    ResizeObserver::new(on_resize.as_ref().unchecked_ref())
                {
                    observer.observe(&element);
                    cleanup = Some((observer, on_resize));
                }
            }
            move || {
                if let Some((observer, _closure)) = cleanup {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}
