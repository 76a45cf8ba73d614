//! The root component: holds the state, derives the reader's results,
//! subscribes to the analysis behind the verdicts, keeps the URL in
//! step, and lays out the compact, verdict-first view.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use claimcheck_model::locale::Lang;
use claimcheck_model::rules::Rule;
use claimcheck_model::scenario::Scenario;
use claimcheck_model::time::Minute;
use claimcheck_model::words::Words;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::analysis::use_support;
use crate::bridge::Bridge;
use crate::components::assumptions::Assumptions;
use crate::components::claim_list::ClaimList;
use crate::components::controls::Controls;
use crate::components::data_table::DataTable;
use crate::components::event_detail::EventDetail;
use crate::components::evidence::Evidence;
use crate::components::figure::Figure;
use crate::components::panels::Panels;
use crate::components::record::Record;
use crate::components::share::Share;
use crate::components::tuning::Tuning;
use crate::i18n::ui;
use crate::results::Results;
use crate::settings::{Flags, Ignored, Panel, Settings, Theme};
use crate::state::{Action, State};
use crate::url;

/// The widget's properties.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The interface language.
    pub lang: Lang,
    /// Light, dark or auto.
    #[prop_or_default]
    pub theme: Theme,
    /// The scenario, hypotheses, parameters and controls to start from.
    pub initial: Settings,
    /// Entries of the given settings that were ignored, to show in a
    /// notice.
    #[prop_or_default]
    pub ignored: Vec<Ignored>,
    /// Whether to write the state into the page URL as it changes.
    #[prop_or_default]
    pub sync_url: bool,
    /// Static, plain and reporter flags.
    #[prop_or_default]
    pub flags: Flags,
    /// The host page's channel to this widget, if it has one.
    #[prop_or_default]
    pub bridge: Option<Shared<Bridge>>,
    /// Where the embed files live (`claimcheck.js`, `embed.html`), for
    /// the embed codes reporter mode shows.
    #[prop_or_default]
    pub embed_base: Option<AttrValue>,
}

/// A shared, immutable value compared by identity, so that passing it
/// to a component never compares its contents.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Shared(..)")
    }
}

/// The scenario, shared.
pub type ScenarioRef = Shared<Scenario>;
/// The reader's results, shared.
pub type ResultsRef = Shared<Results>;

/// How long the URL waits for input to settle before it is rewritten.
const URL_DEBOUNCE_MS: u32 = 250;

/// The failure share the scenario's checks call failing: the threshold
/// of its first onset rule, with the defaults (for the chart's line and
/// summary).
pub fn failing_threshold(scenario: &Scenario, params: &[f64]) -> f64 {
    scenario
        .checked()
        .flat_map(|e| e.checks.iter())
        .find_map(|r| match r {
            Rule::Onset { threshold, .. } => Some(threshold.get(params)),
            _ => None,
        })
        .unwrap_or(0.05)
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let state = use_reducer(|| State {
        hypotheses: props.initial.hypotheses,
        params: props.initial.params.clone(),
        panel: props.initial.view,
        ..State::new(props.initial.scenario.clone())
    });
    let scenario: ScenarioRef = state.scenario.clone();
    let results = {
        let scenario = scenario.clone();
        use_memo(
            (scenario.clone(), state.hypotheses, state.params.clone()),
            move |(_, h, p)| {
                Shared(Rc::new(Results::compute(&scenario, *h, p)))
            },
        )
    };
    let results: ResultsRef = (*results).clone();
    let progress = use_support(&scenario);
    let threshold = failing_threshold(&scenario, state.params.values());

    // Report ignored settings once, in the console as well as the page.
    {
        let ignored = props.ignored.clone();
        let scenario = scenario.clone();
        use_effect_with((), move |_| {
            for i in &ignored {
                gloo::console::warn!(format!(
                    "claimcheck: {}",
                    i.message(&scenario, Lang::En)
                ));
            }
        });
    }

    // Keep the URL in step, debounced.
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None).clone();
    {
        let sync = props.sync_url;
        use_effect_with(
            (
                scenario.clone(),
                state.hypotheses,
                state.params.clone(),
                state.panel,
            ),
            move |(s, h, p, panel)| {
                if sync {
                    let (s, h, p, panel) = (s.clone(), *h, p.clone(), *panel);
                    let timeout = Timeout::new(URL_DEBOUNCE_MS, move || {
                        url::replace_state(&s, h, &p, panel);
                    });
                    // Dropping the previous timeout cancels it.
                    *pending.borrow_mut() = Some(timeout);
                }
            },
        );
    }

    // The live region speaks when the reader's line changes, and once
    // when the verdicts are ready; it is silent on load.
    let words = Words::new(&scenario, lang);
    let reader_line = words.reader_line(&results.checks);
    let spoken = use_mut_ref(|| (None::<String>, String::new(), false));
    let announcement = {
        let mut spoken = spoken.borrow_mut();
        match &spoken.0 {
            None => spoken.0 = Some(reader_line.clone()),
            Some(last) if *last != reader_line => {
                spoken.1 = reader_line.clone();
                spoken.0 = Some(reader_line.clone());
            }
            Some(_) => {}
        }
        if progress.finished() && progress.support.is_some() && !spoken.2 {
            spoken.2 = true;
        }
        spoken.1.clone()
    };

    let copy_status = use_state(|| None::<AttrValue>);
    let on_copy = {
        let copy_status = copy_status.clone();
        let (s, h, p) =
            (scenario.clone(), state.hypotheses, state.params.clone());
        Callback::from(move |()| {
            let status = copy_status.clone();
            let link = url::share_link(&s, h, &p, None);
            wasm_bindgen_futures::spawn_local(async move {
                let ok = url::copy_to_clipboard(&link).await;
                let msg = if ok { ui.link_copied } else { ui.copy_failed };
                status.set(Some(AttrValue::from(msg)));
            });
        })
    };

    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    if let Some(bridge) = &props.bridge {
        bridge.attach(dispatch.clone());
    }
    {
        let bridge = props.bridge.clone();
        use_effect_with(
            (results.clone(), progress.clone()),
            move |(results, progress)| {
                if let Some(bridge) = bridge {
                    bridge.publish(results, progress);
                }
            },
        );
    }

    let on_select = {
        let state = state.clone();
        let scenario = scenario.clone();
        Callback::from(move |i: usize| {
            if let Some(t) = scenario.events.get(i).and_then(|e| e.time) {
                state.dispatch(Action::Cursor(Some(t.at)));
            }
            state.dispatch(Action::Select(i));
        })
    };
    let on_cursor = {
        let state = state.clone();
        Callback::from(move |m: Option<Minute>| {
            state.dispatch(Action::Cursor(m))
        })
    };

    let notice = (!props.ignored.is_empty()).then(|| {
        html! {
            <div class="cc-notice cc-error-card" role="status">
                <p class="cc-notice-title">{ ui.notice_heading }</p>
                <ul>
                    { for props.ignored.iter().map(|i| html! { <li>{ i.message(&scenario, lang) }</li> }) }
                </ul>
            </div>
        }
    });

    let flags = props.flags;
    let interactive = !flags.static_view;
    let controls = &props.initial.controls;
    let show_controls =
        interactive && (controls.presets || !controls.switches.is_empty());
    let panels: Vec<Panel> = if interactive {
        controls
            .panels
            .iter()
            .copied()
            .filter(|p| *p != Panel::Record || !flags.plain)
            .collect()
    } else {
        Vec::new()
    };
    let panel_body = match state.panel {
        Some(Panel::Evidence) => {
            html! { <Evidence scenario={scenario.clone()} results={results.clone()} {lang} /> }
        }
        Some(Panel::Tune) => html! {
            <Tuning scenario={scenario.clone()} {lang} hypotheses={state.hypotheses}
                switches={controls.switches} params={state.params.clone()} dispatch={dispatch.clone()} />
        },
        Some(Panel::Assumptions) => {
            html! { <Assumptions scenario={scenario.clone()} params={state.params.clone()} {lang} /> }
        }
        Some(Panel::Record) => {
            html! { <Record scenario={scenario.clone()} {lang} full={!flags.plain} /> }
        }
        Some(Panel::Data) => {
            html! {
                <DataTable scenario={scenario.clone()} results={results.clone()} {lang}
                    cursor={state.cursor} on_cursor={on_cursor.clone()} />
            }
        }
        Some(Panel::Share) => html! {
            <Share scenario={scenario.clone()} results={results.clone()} progress={progress.clone()} {lang}
                reporter={flags.reporter} base={props.embed_base.clone().unwrap_or_default()}
                on_copy={on_copy.clone()} copy_status={(*copy_status).clone()} />
        },
        None => html! {},
    };
    let layout = classes!(
        "cc-main",
        (!controls.claims).then_some("cc-main-single"),
        (!controls.chart).then_some("cc-main-nochart"),
    );

    html! {
        <article
            class={classes!(
                "cc-root",
                format!("cc-theme-{}", props.theme.id()),
                flags.static_view.then_some("cc-static"),
                flags.plain.then_some("cc-plain"),
            )}
            lang={lang.tag()}
            data-scenario={scenario.id.clone()}
            data-analysis={progress.mode.id()}
            data-analysis-ms={progress.ms.map(|t| claimcheck_model::locale::fixed(t, 0))}>
            if !flags.plain {
                <header class="cc-header">
                    <h2 class="cc-title">{ scenario.title.get(lang.key()) }</h2>
                    if let Some(sub) = &scenario.subtitle {
                        <p class="cc-subtitle">{ sub.get(lang.key()) }</p>
                    }
                </header>
            }
            { for notice }
            if show_controls {
                <Controls
                    scenario={scenario.clone()}
                    {lang}
                    hypotheses={state.hypotheses}
                    switches={controls.switches}
                    presets={controls.presets}
                    dispatch={dispatch.clone()}
                />
            }
            <div class={layout}>
                if controls.chart {
                    <div class="cc-viz">
                        <Figure
                            scenario={scenario.clone()}
                            results={results.clone()}
                            {lang}
                            {interactive}
                            selected={state.selected}
                            cursor={state.cursor}
                            on_select={on_select}
                            on_cursor={on_cursor.clone()}
                            {threshold}
                        />
                        if interactive {
                            <EventDetail scenario={scenario.clone()} {lang} selected={state.selected} />
                        }
                        <p class="cc-reader-line" data-reader-line="">{ reader_line.clone() }</p>
                    </div>
                }
                if controls.claims {
                    <ClaimList scenario={scenario.clone()} progress={progress.clone()} {lang} />
                }
            </div>
            if !panels.is_empty() {
                <Panels panels={panels} open={state.panel} {lang} dispatch={dispatch.clone()}>
                    { panel_body }
                </Panels>
            }
            <div class="cc-visually-hidden" aria-live="polite" aria-atomic="true">
                { announcement }
            </div>
        </article>
    }
}
