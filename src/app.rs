//! The root component: holds the state, derives the model's results,
//! keeps the URL in step, and lays out the view.

use std::cell::RefCell;
use std::rc::Rc;

use claimcheck_model::scenario::Scenario;
use claimcheck_model::time::Minute;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::bridge::Bridge;
use crate::components::embed_panel::EmbedPanel;
use crate::components::{
    assumptions::Assumptions, background::Background,
    claim_list::verdict_label, claim_list::ClaimList, controls::Controls,
    data_table::DataTable, event_detail::EventDetail, event_list::EventList,
    evidence::Evidence, figure::Figure, tuning::Tuning,
};
use crate::data;
use crate::i18n::Lang;
use crate::results::Results;
use crate::settings::{Flags, Ignored, Settings, Theme};
use crate::state::{Action, State};
use crate::url;

/// The widget's properties.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// Light, dark or auto.
    #[prop_or_default]
    pub theme: Theme,
    /// The hypotheses and parameters to start from.
    #[prop_or_default]
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

/// The scenario, shared.
pub type ScenarioRef = Shared<Scenario>;
/// The model's results, shared.
pub type ResultsRef = Shared<Results>;

/// How long the URL waits for input to settle before it is rewritten.
const URL_DEBOUNCE_MS: u32 = 250;

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let scenario = use_memo((), |_| Shared(Rc::new(data::eta_2016())));
    let scenario: ScenarioRef = (*scenario).clone();
    let state = use_reducer(|| State {
        hypotheses: props.initial.hypotheses,
        params: props.initial.params,
        ..State::default()
    });
    let results = {
        let scenario = scenario.clone();
        use_memo((state.hypotheses, state.params), move |(h, p)| {
            Shared(Rc::new(Results::compute(&scenario, *h, p)))
        })
    };
    let results: ResultsRef = (*results).clone();

    // Report ignored settings once, in the console as well as the page.
    {
        let ignored = props.ignored.clone();
        use_effect_with((), move |_| {
            for i in &ignored {
                gloo::console::warn!(format!(
                    "claimcheck: {}",
                    i.message(Lang::En)
                ));
            }
        });
    }

    // Keep the URL in step, debounced.
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None).clone();
    {
        let sync = props.sync_url;
        use_effect_with((state.hypotheses, state.params), move |(h, p)| {
            if sync {
                let (h, p) = (*h, *p);
                let timeout = Timeout::new(URL_DEBOUNCE_MS, move || {
                    url::replace_state(h, &p);
                });
                // Dropping the previous timeout cancels it.
                *pending.borrow_mut() = Some(timeout);
            }
        });
    }

    // Announce verdict changes: the live region stays empty on load and
    // speaks each time the verdicts' sentence changes.
    let spoken = use_mut_ref(|| (None::<String>, String::new()));
    let announcement = {
        let text = verdict_sentence(&scenario, &results, lang);
        let mut spoken = spoken.borrow_mut();
        match &spoken.0 {
            None => spoken.0 = Some(text),
            Some(last) if *last != text => {
                spoken.1 = text.clone();
                spoken.0 = Some(text);
            }
            Some(_) => {}
        }
        spoken.1.clone()
    };

    let copy_status = use_state(|| None::<AttrValue>);
    let on_copy = {
        let copy_status = copy_status.clone();
        let (h, p) = (state.hypotheses, state.params);
        Callback::from(move |()| {
            let status = copy_status.clone();
            let link = url::share_link(h, &p);
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
        use_effect_with(results.clone(), move |results| {
            if let Some(bridge) = bridge {
                bridge.publish(results);
            }
        });
    }

    let on_select = {
        let state = state.clone();
        let scenario = scenario.clone();
        Callback::from(move |id: AttrValue| {
            if let Some(t) = scenario.event(&id).and_then(|e| e.time) {
                state.dispatch(Action::Cursor(Some(t.at)));
            }
            state.dispatch(Action::Select(id));
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
                    { for props.ignored.iter().map(|i| html! { <li>{ i.message(lang) }</li> }) }
                </ul>
            </div>
        }
    });

    let flags = props.flags;
    let interactive = !flags.static_view;
    let embed = (flags.reporter && interactive).then(|| {
        html! {
            <EmbedPanel
                {lang}
                hypotheses={state.hypotheses}
                params={state.params}
                base={props.embed_base.clone().unwrap_or_default()}
            />
        }
    });

    html! {
        <article
            class={classes!(
                "cc-root",
                format!("cc-theme-{}", props.theme.id()),
                flags.static_view.then_some("cc-static"),
                flags.plain.then_some("cc-plain"),
            )}
            lang={lang.tag()}>
            if !flags.plain {
                <header class="cc-header">
                    <h2 class="cc-title">{ lang.text(&scenario.title) }</h2>
                    if let Some(sub) = &scenario.subtitle {
                        <p class="cc-subtitle">{ lang.text(sub) }</p>
                    }
                </header>
            }
            { for notice }
            if interactive {
                <Controls
                    scenario={scenario.clone()}
                    {lang}
                    hypotheses={state.hypotheses}
                    dispatch={dispatch.clone()}
                    on_copy={on_copy}
                    copy_status={(*copy_status).clone()}
                />
                { for embed }
            }
            <div class="cc-viz">
                <Figure
                    scenario={scenario.clone()}
                    results={results.clone()}
                    {lang}
                    {interactive}
                    selected={state.selected.clone()}
                    cursor={state.cursor}
                    on_select={on_select}
                    on_cursor={on_cursor}
                />
                if interactive {
                    <EventDetail
                        scenario={scenario.clone()}
                        {lang}
                        selected={state.selected.clone()}
                    />
                }
            </div>
            if interactive {
                <Tuning
                    scenario={scenario.clone()}
                    {lang}
                    hypotheses={state.hypotheses}
                    params={state.params}
                    {dispatch}
                />
            }
            <div class="cc-panels">
                <ClaimList scenario={scenario.clone()} results={results.clone()} {lang} />
                <Evidence scenario={scenario.clone()} results={results.clone()} {lang} />
            </div>
            if interactive {
                <DataTable scenario={scenario.clone()} results={results.clone()} {lang} />
            }
            <Assumptions params={state.params} {lang} />
            <EventList scenario={scenario.clone()} {lang} />
            if !flags.plain {
                <Background scenario={scenario} {lang} />
            }
            <div class="cc-visually-hidden" aria-live="polite" aria-atomic="true">
                { announcement }
            </div>
        </article>
    }
}

/// "Verdicts now: “claim…”: supported; …", for the live region.
fn verdict_sentence(
    scenario: &Scenario,
    results: &Results,
    lang: Lang,
) -> String {
    let parts: Vec<String> = results
        .verdicts
        .iter()
        .filter_map(|v| {
            let claim = scenario.claim(&v.id)?;
            Some(format!(
                "“{}”: {}",
                lang.text(&claim.text),
                verdict_label(v.verdict, lang)
            ))
        })
        .collect();
    format!("{}: {}", lang.ui().verdicts_now, parts.join("; "))
}
