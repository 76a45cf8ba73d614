//! The shared time axis: minutes → pixels, day bands and hour ticks.
//!
//! The outage chart and the record's event lanes use one `Axis`, so the
//! same minute is at the same x in both.

use claimcheck_model::time::{Clock, Minute};
use yew::prelude::*;

use claimcheck_model::locale::Lang;

/// Horizontal margins of the plot, in CSS pixels.
pub const MARGIN_LEFT: f64 = 52.0;
/// Right margin.
pub const MARGIN_RIGHT: f64 = 16.0;

/// Maps minutes since the window start to x in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// Width of the drawing.
    pub width: f64,
    /// Left edge of the plot.
    pub x0: f64,
    /// Right edge of the plot.
    pub x1: f64,
    /// The window's last minute.
    pub end: Minute,
}

impl Axis {
    /// An axis for a drawing `width` pixels wide over `0..=end`.
    pub fn new(width: f64, end: Minute) -> Axis {
        let x0 = MARGIN_LEFT;
        let x1 = (width - MARGIN_RIGHT).max(x0 + 100.0);
        Axis { width, x0, x1, end: end.max(1) }
    }

    /// The x of minute `m`.
    pub fn x(&self, m: f64) -> f64 {
        self.x0 + (self.x1 - self.x0) * m / f64::from(self.end)
    }

    /// The minute at pixel `x`, clamped to the window.
    pub fn minute_at(&self, x: f64) -> Minute {
        let m = (x - self.x0) / (self.x1 - self.x0) * f64::from(self.end);
        (m.round() as Minute).clamp(0, self.end)
    }

    /// Hours between ticks: every 6 h when there is room, else 12 h.
    pub fn tick_hours(&self) -> Minute {
        if self.x1 - self.x0 >= 640.0 {
            6
        } else {
            12
        }
    }

    /// Minutes per plotted point: about one point per two pixels.
    pub fn bucket(&self) -> usize {
        let points = ((self.x1 - self.x0) / 2.0).max(60.0);
        ((f64::from(self.end) / points).ceil() as usize).max(1)
    }
}

/// Alternating day backgrounds from `top` to `bottom`, with the date
/// at the top of each when `labels` is set.
pub fn day_bands(
    axis: &Axis,
    clock: &Clock,
    lang: Lang,
    top: f64,
    bottom: f64,
    labels: bool,
) -> Html {
    let start = clock.start;
    let offset = i32::from(start.hour) * 60 + i32::from(start.minute);
    let first = if offset == 0 { 0 } else { 1440 - offset };
    let mut edges: Vec<Minute> = vec![0];
    edges.extend((first..axis.end).step_by(1440).filter(|&m| m > 0));
    let days = edges.iter().map(|&m| {
        let end = (m + 1440 - if m == 0 { offset } else { 0 }).min(axis.end);
        let (xa, xb) = (axis.x(f64::from(m)), axis.x(f64::from(end)));
        let alt = ((m + offset) / 1440) % 2 == 1;
        html! {
            <g class="cc-day">
                <rect class={classes!("cc-day-band", alt.then_some("cc-day-band-alt"))}
                    x={fmt(xa)} y={fmt(top)} width={fmt(xb - xa)}
                    height={fmt(bottom - top)} />
                if labels {
                    <text class="cc-day-label" x={fmt(xa + 6.0)}
                        y={fmt(top + 15.0)}>
                        { lang.date_label(clock.local(m)) }
                    </text>
                }
            </g>
        }
    });
    days.collect::<Html>()
}

/// The time axis line at `y` with hour ticks and their labels.
pub fn time_ticks(axis: &Axis, clock: &Clock, lang: Lang, y: f64) -> Html {
    let step = axis.tick_hours() * 60;
    // On a narrow axis only midnights are labelled, with their date.
    let hours_labelled = axis.tick_hours() < 12;
    // Ticks fall on whole hours of the local clock.
    let offset =
        i32::from(clock.start.hour) * 60 + i32::from(clock.start.minute);
    let first = (step - offset.rem_euclid(step)) % step;
    let first = if first == 0 { step } else { first };
    let ticks = (first..axis.end).step_by(step as usize).map(|m| {
        let t = clock.local(m);
        let x = axis.x(f64::from(m));
        let label = if t.hour == 0 {
            lang.date_label(t)
        } else if hours_labelled {
            lang.clock(t.hour, t.minute)
        } else {
            String::new()
        };
        html! {
            <g class="cc-tick">
                <line x1={fmt(x)} x2={fmt(x)} y1={fmt(y)} y2={fmt(y + 5.0)} />
                <text x={fmt(x)} y={fmt(y + 18.0)} text-anchor="middle">
                    { label }
                </text>
            </g>
        }
    });
    html! {
        <g class="cc-time-axis">
            <line class="cc-axis" x1={fmt(axis.x0)} x2={fmt(axis.x1)}
                y1={fmt(y)} y2={fmt(y)} />
            { for ticks }
        </g>
    }
}

/// A vertical line at minute `m` from `top` to `bottom`.
pub fn vline(
    axis: &Axis,
    m: f64,
    top: f64,
    bottom: f64,
    class: &'static str,
) -> Html {
    let x = fmt(axis.x(m));
    html! {
        <line class={class} x1={x.clone()} x2={x} y1={fmt(top)} y2={fmt(bottom)} />
    }
}

/// A coordinate for an SVG attribute, to a tenth of a pixel.
///
/// Integer arithmetic, not `format!("{:.1}")`: it is faster, and on the
/// hot path of every redraw.
pub fn fmt(v: f64) -> String {
    let tenths = if v.is_finite() { (v * 10.0).round() as i64 } else { 0 };
    let mut out = String::with_capacity(8);
    push_coord(&mut out, tenths);
    out
}

/// Appends a coordinate given in tenths of a pixel.
pub fn push_coord(out: &mut String, tenths: i64) {
    use std::fmt::Write;
    if tenths < 0 {
        out.push('-');
    }
    let abs = tenths.unsigned_abs();
    let _ = write!(out, "{}.{}", abs / 10, abs % 10);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_round_to_tenths() {
        assert_eq!(fmt(12.345), "12.3");
        assert_eq!(fmt(-0.26), "-0.3");
        assert_eq!(fmt(0.0), "0.0");
        assert_eq!(fmt(699.96), "700.0");
        assert_eq!(fmt(f64::NAN), "0.0");
    }

    #[test]
    fn minutes_and_pixels_map_both_ways() {
        let axis = Axis::new(1000.0, 4320);
        assert_eq!(axis.x(0.0), MARGIN_LEFT);
        assert_eq!(axis.x(4320.0), 1000.0 - MARGIN_RIGHT);
        assert_eq!(axis.minute_at(axis.x(840.0)), 840);
        assert_eq!(axis.minute_at(-50.0), 0);
        assert_eq!(axis.minute_at(5000.0), 4320);
    }
}
