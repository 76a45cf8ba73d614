//! The figure: a generated summary, the outage chart, the record's
//! event lanes beneath it on the same axis, a time slider that moves the
//! crosshair by keyboard, and a readout of the values at that time.

use claimcheck_model::time::Minute;
use claimcheck_model::Hypothesis;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, ResizeObserver};
use yew::prelude::*;

use crate::app::{ResultsRef, ScenarioRef};
use crate::components::axis::Axis;
use crate::components::chart::Chart;
use crate::components::legend::Legend;
use crate::components::timeline::Timeline;
use crate::i18n::Lang;

/// Props of [`Figure`].
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The model's results.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
    /// False for the static view: no crosshair, no time slider.
    #[prop_or(true)]
    pub interactive: bool,
    /// The selected record event.
    pub selected: Option<AttrValue>,
    /// Where the crosshair is.
    pub cursor: Option<Minute>,
    /// Called when an event is selected.
    pub on_select: Callback<AttrValue>,
    /// Called when the crosshair moves.
    pub on_cursor: Callback<Option<Minute>>,
}

/// The figure.
#[function_component(Figure)]
pub fn figure(props: &FigureProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let container = use_node_ref();
    let width = use_container_width(&container);
    let axis = Axis::new(width, props.scenario.window_end);
    let summary_id = use_memo((), |_| next_id("cc-summary"));
    let slider_id = use_memo((), |_| next_id("cc-time"));

    let on_time = {
        let on_cursor = props.on_cursor.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(m) = input.value().parse::<Minute>() {
                on_cursor.emit(Some(m));
            }
        })
    };
    let cursor = props.cursor.unwrap_or(14 * 60);
    let readout = readout(props, props.cursor);

    html! {
        <figure class="cc-figure" ref={container}>
            <p class="cc-summary" id={(*summary_id).clone()}>
                { summary(props) }
            </p>
            <Chart
                scenario={props.scenario.clone()}
                results={props.results.clone()}
                {lang}
                {axis}
                cursor={props.cursor}
                on_cursor={props.on_cursor.clone()}
                interactive={props.interactive}
                described_by={AttrValue::from((*summary_id).clone())}
            />
            <Timeline
                scenario={props.scenario.clone()}
                results={props.results.clone()}
                {lang}
                {axis}
                selected={props.selected.clone()}
                cursor={props.cursor}
                interactive={props.interactive}
                on_select={props.on_select.clone()}
            />
            <figcaption class="cc-figcaption">
                <Legend {lang} />
                if props.interactive {
                <div class="cc-time-control">
                    <label for={(*slider_id).clone()}>{ ui.time_slider }</label>
                    <input id={(*slider_id).clone()} type="range" min="0"
                        max={props.scenario.window_end.to_string()} step="30"
                        value={cursor.to_string()}
                        aria-valuetext={lang.date_time(props.scenario.clock.local(cursor))}
                        oninput={on_time} />
                </div>
                <p class="cc-readout">{ readout }</p>
                }
                <p class="cc-note">{ ui.times_note }</p>
            </figcaption>
        </figure>
    }
}

/// A sentence that says what the chart shows, for the chart's
/// accessible name and for everyone else.
fn summary(props: &FigureProps) -> String {
    let lang = props.lang;
    let ui = lang.ui();
    let scenario = &props.scenario;
    let r = &props.results;
    let run = &r.run;
    let demand: Vec<String> = [Hypothesis::Deadline, Hypothesis::Election]
        .into_iter()
        .filter(|&h| r.hypotheses.contains(h))
        .filter_map(|h| scenario.hypothesis(h))
        .map(|i| lower_first(lang.text(&i.label)))
        .collect();
    let demand: Vec<&str> = demand.iter().map(String::as_str).collect();
    let demand = if demand.is_empty() {
        ui.summary_nothing.to_string()
    } else {
        lang.list(&demand)
    };
    let servers = if r.hypotheses.contains(Hypothesis::Underprovisioning) {
        ui.servers_three_then_six
    } else {
        ui.servers_six
    };
    let at = |m: Minute| {
        let i = (m.max(0) as usize)
            .min(run.failure_fraction.len().saturating_sub(1));
        run.failure_fraction.get(i).copied().unwrap_or(0.0)
    };
    let when = |m: Minute| lang.date_time(scenario.clock.local(m));
    let probe = scenario
        .event("degraded-2pm")
        .and_then(|e| e.time)
        .map_or(14 * 60, |t| t.at);
    let (peak_i, peak) =
        run.failure_fraction.iter().copied().enumerate().fold(
            (0, 0.0),
            |(bi, bv), (i, v)| if v > bv { (i, v) } else { (bi, bv) },
        );
    let first_bad =
        run.failure_fraction.iter().position(|&f| f >= r.threshold_degraded);
    let mut s = format!(
        "{} {demand}, {servers}: {} {} {} {}",
        ui.summary_with,
        ui.summary_fails,
        lang.percent(at(probe), 1),
        ui.summary_of_requests_at,
        when(probe),
    );
    match first_bad {
        None => s.push_str(&format!("; {}", ui.summary_never_degraded)),
        Some(i) => s.push_str(&format!(
            "; {} {} {} {} ({})",
            ui.summary_degraded_from,
            when(i as Minute),
            ui.summary_peaks,
            lang.percent(peak, 0),
            when(peak_i as Minute)
        )),
    }
    let (got, of) = r.score;
    s.push_str(&format!(". {}", lang.reproduces(got, of)));
    s
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The values at the crosshair, in words.
fn readout(props: &FigureProps, cursor: Option<Minute>) -> String {
    let lang = props.lang;
    let ui = lang.ui();
    let Some(m) = cursor else { return ui.readout_prompt.to_string() };
    let run = &props.results.run;
    let i =
        (m.max(0) as usize).min(run.failure_fraction.len().saturating_sub(1));
    let get = |v: &Vec<f64>| v.get(i).copied().unwrap_or(0.0);
    let fresh = get(&run.demand_baseline)
        + get(&run.demand_deadline)
        + get(&run.demand_election);
    format!(
        "{}: {} {} · {} {} {} ({} {} · {} {} · {} {}) · {} {} · {} {} · {} {}",
        lang.date_time(props.scenario.clock.local(m)),
        ui.readout_failing,
        lang.percent(get(&run.failure_fraction), 1),
        ui.readout_demand,
        lang.compact(fresh),
        ui.per_min,
        ui.legend_baseline,
        lang.compact(get(&run.demand_baseline)),
        ui.legend_deadline,
        lang.compact(get(&run.demand_deadline)),
        ui.legend_election,
        lang.compact(get(&run.demand_election)),
        ui.legend_attempts,
        lang.compact(get(&run.attempts)),
        ui.legend_capacity,
        lang.compact(get(&run.capacity)),
        ui.readout_us_share,
        lang.percent(get(&run.us_share), 0),
    )
}

/// Ids unique within the page, so several widgets can share a page.
pub fn next_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The width of the element behind `node`, kept current by a
/// `ResizeObserver`. Starts at a desktop width until measured.
#[hook]
fn use_container_width(node: &NodeRef) -> f64 {
    let width = use_state_eq(|| 720.0_f64);
    {
        let width = width.clone();
        let node = node.clone();
        use_effect_with((), move |_| {
            let mut cleanup: Option<(ResizeObserver, Closure<dyn FnMut()>)> =
                None;
            if let Some(element) = node.cast::<Element>() {
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
