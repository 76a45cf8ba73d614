//! The figure: a generated summary, the outage chart, the record's
//! event lanes beneath it on the same axis, a time slider that moves the
//! crosshair by keyboard, and a readout of the values at that time.

use claimcheck_model::locale::Lang;
use claimcheck_model::time::Minute;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, ResizeObserver};
use yew::prelude::*;

use crate::app::{ResultsRef, ScenarioRef};
use crate::components::axis::Axis;
use crate::components::chart::Chart;
use crate::components::legend::Legend;
use crate::components::next_id;
use crate::components::timeline::Timeline;
use crate::i18n::ui;

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
    /// The selected record event (index).
    pub selected: Option<usize>,
    /// Where the crosshair is.
    pub cursor: Option<Minute>,
    /// Called when an event is selected.
    pub on_select: Callback<usize>,
    /// The failure share the checks call failing.
    pub threshold: f64,
    /// Called when the crosshair moves.
    pub on_cursor: Callback<Option<Minute>>,
}

/// The figure.
#[function_component(Figure)]
pub fn figure(props: &FigureProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let container = use_node_ref();
    let width = use_container_width(&container);
    let axis = Axis::new(width, props.scenario.window_end);
    let summary_id = use_memo((), |_| next_id("cc-summary"));

    let _ = ui;

    html! {
        <figure class="cc-figure" ref={container}>
            <p class="cc-summary" id={(*summary_id).clone()}>
                { summary_of(props) }
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
                threshold={props.threshold}
            />
            <Timeline
                scenario={props.scenario.clone()}
                results={props.results.clone()}
                {lang}
                {axis}
                selected={props.selected}
                cursor={props.cursor}
                interactive={props.interactive}
                on_select={props.on_select.clone()}
            />
            <figcaption class="cc-figcaption">
                <Legend scenario={props.scenario.clone()} results={props.results.clone()} {lang} />
                <p class="cc-note">{ format!("{} ({}).", ui.times_in, props.scenario.zone.get(lang.key())) }</p>
            </figcaption>
        </figure>
    }
}

/// A sentence that says what the chart shows, for the chart's
/// accessible name and for everyone else: which causes are on, when the
/// simulated site starts to fail, its peak, and when it recovers.
pub fn summary(
    scenario: &claimcheck_model::Scenario,
    results: &crate::results::Results,
    threshold: f64,
    lang: Lang,
) -> String {
    let en = lang == Lang::En;
    let w = claimcheck_model::words::Words::new(scenario, lang);
    let ff = &results.run.failure_fraction;
    let causes: Vec<&str> = results
        .hypotheses
        .iter()
        .filter_map(|h| scenario.hypotheses.get(h))
        .map(|h| h.name.get(lang.key()))
        .collect();
    let with = if causes.is_empty() {
        if en {
            "With no cause switched on".to_string()
        } else {
            "Sans aucune cause".to_string()
        }
    } else if en {
        format!("With {}", lang.list(&causes))
    } else {
        format!("Avec {}", lang.list(&causes))
    };
    let (peak_i, peak) =
        ff.iter().copied().enumerate().fold((0, 0.0), |(bi, bv), (i, v)| {
            if v > bv {
                (i, v)
            } else {
                (bi, bv)
            }
        });
    let first = ff.iter().position(|&f| f >= threshold);
    let last = ff.iter().rposition(|&f| f >= threshold);
    let moment = |i: usize| w.moment(i as f64);
    let body = match (first, last) {
        (Some(a), Some(b)) => {
            let end = if b + 1 >= ff.len() {
                if en {
                    "and is still failing at the end".to_string()
                } else {
                    "et défaille encore à la fin".to_string()
                }
            } else if en {
                format!("and recovers at {}", moment(b + 1))
            } else {
                format!("et se rétablit {}", moment(b + 1))
            };
            if en {
                format!(
                    "the simulated site starts to fail at {}, peaks at {} of visits failing at {} {end}.",
                    moment(a), lang.percent_prose(peak), moment(peak_i)
                )
            } else {
                format!(
                    "le site simulé commence à défaillir {}, culmine à {} de visites échouées {} {end}.",
                    moment(a), lang.percent_prose(peak), moment(peak_i)
                )
            }
        }
        _ => {
            if en {
                format!(
                    "the simulated site never fails as many as {} of visits.",
                    lang.percent_prose(threshold)
                )
            } else {
                format!(
                    "le site simulé ne fait jamais échouer {} des visites.",
                    lang.percent_prose(threshold)
                )
            }
        }
    };
    format!("{with}, {body}")
}

fn summary_of(props: &FigureProps) -> String {
    summary(&props.scenario, &props.results, props.threshold, props.lang)
}

/// Props of [`TimeProbe`].
#[derive(Properties, PartialEq)]
pub struct TimeProbeProps {
    /// The incident.
    pub scenario: crate::app::ScenarioRef,
    /// The reader's results.
    pub results: ResultsRef,
    /// The interface language.
    pub lang: Lang,
    /// Where the crosshair is.
    pub cursor: Option<Minute>,
    /// Called when the crosshair moves.
    pub on_cursor: Callback<Option<Minute>>,
}

/// A time slider that moves the chart's crosshair by keyboard, and a
/// readout of the values at that time.
#[function_component(TimeProbe)]
pub fn time_probe(props: &TimeProbeProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
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
    let cursor = props.cursor.unwrap_or(props.scenario.window_end / 2);
    html! {
        <div class="cc-probe">
            <div class="cc-time-control">
                <label for={(*slider_id).clone()}>{ ui.time_slider }</label>
                <input id={(*slider_id).clone()} type="range" min="0"
                    max={props.scenario.window_end.to_string()} step="30"
                    value={cursor.to_string()}
                    aria-valuetext={lang.moment_label(props.scenario.clock.local(cursor))}
                    oninput={on_time} />
            </div>
            <p class="cc-readout" aria-live="polite">{ readout(props, props.cursor) }</p>
        </div>
    }
}

/// The values at the crosshair, in words.
fn readout(props: &TimeProbeProps, cursor: Option<Minute>) -> String {
    let lang = props.lang;
    let ui = ui(lang);
    let Some(m) = cursor else { return ui.readout_prompt.to_string() };
    let run = &props.results.run;
    let i =
        (m.max(0) as usize).min(run.failure_fraction.len().saturating_sub(1));
    let get = |v: &[f64]| v.get(i).copied().unwrap_or(0.0);
    let en = lang == Lang::En;
    let mut parts = vec![format!(
        "{} {}",
        lang.percent(get(&run.failure_fraction)),
        if en { "of visits fail" } else { "des visites échouent" }
    )];
    for (k, c) in props.scenario.model.demand() {
        let v = get(run.demand_of(k));
        if !run.demand_of(k).is_empty() {
            parts.push(format!(
                "{} {}",
                c.label.get(lang.key()),
                lang.count(v)
            ));
        }
    }
    parts.push(format!(
        "{} {}",
        ui.legend_attempts,
        lang.count(get(&run.attempts))
    ));
    parts.push(format!(
        "{} {}",
        ui.legend_capacity,
        lang.count(get(&run.capacity))
    ));
    format!(
        "{} {}",
        lang.colon(&lang.moment_label(props.scenario.clock.local(m))),
        parts.join(" · ")
    )
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
