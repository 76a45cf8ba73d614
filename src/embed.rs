//! The JavaScript API and the placeholder mount used by the loader
//! (`www/claimcheck.js`).
//!
//! Every widget renders into an open shadow root on its host element,
//! with the widget's stylesheet adopted by that root: host CSS does not
//! reach in, and the widget's CSS does not leak out. No `style`
//! attribute and no inline script is ever written, so the widget runs
//! under a strict Content-Security-Policy.
//!
//! - `mountPlaceholder(element, baseUrl)`: for `<div data-claimcheck …>`;
//!   reads the `data-*` attributes leniently (bad entries are named in a
//!   notice in the widget and the console) and never throws.
//! - `mount(element, options)`: the public API; validates `options`
//!   strictly and throws an `Error` naming the field and what was
//!   expected. Returns a [`Handle`].

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::app::{App, Shared};
use crate::bridge::Bridge;
use crate::i18n::Lang;
use crate::results::Results;
use crate::settings::Settings;
use crate::state::Action;
use crate::{mount, Options};

/// The widget's stylesheet, adopted by every shadow root.
const CSS: &str = include_str!("../www/claimcheck.css");

thread_local! {
    static SHEET: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// A mounted widget, as the host page holds it.
#[wasm_bindgen]
pub struct Handle {
    app: RefCell<Option<AppHandle<App>>>,
    bridge: Shared<Bridge>,
    container: Element,
    callbacks: Rc<RefCell<Vec<js_sys::Function>>>,
}

#[wasm_bindgen]
impl Handle {
    /// Replaces hypotheses and parameters (parameters not given go back
    /// to their defaults). Throws on a bad option, changing nothing.
    pub fn set(&self, options: JsValue) -> Result<(), JsError> {
        let settings = strict_settings(&options)?;
        if !self.bridge.dispatch(Action::Load(
            settings.hypotheses,
            Box::new(settings.params),
        )) {
            return Err(JsError::new(
                "claimcheck: this widget has been destroyed",
            ));
        }
        self.bridge.preload(compute(&settings));
        Ok(())
    }

    /// The curve, checks and verdicts the widget shows now, as plain
    /// objects.
    pub fn results(&self) -> Result<JsValue, JsError> {
        let results = self.bridge.results().ok_or_else(|| {
            JsError::new("claimcheck: the widget has not rendered yet")
        })?;
        to_js(&results)
    }

    /// Calls `callback(results)` after every change. The only event is
    /// `"change"`.
    pub fn on(
        &self,
        event: &str,
        callback: js_sys::Function,
    ) -> Result<(), JsError> {
        if event != "change" {
            return Err(JsError::new(&format!(
                "claimcheck: unknown event `{event}`; expected \"change\""
            )));
        }
        self.callbacks.borrow_mut().push(callback);
        Ok(())
    }

    /// Removes the widget and frees it. Safe to call twice.
    pub fn destroy(&self) {
        self.bridge.detach();
        self.callbacks.borrow_mut().clear();
        if let Some(app) = self.app.borrow_mut().take() {
            app.destroy();
        }
        self.container.remove();
    }
}

/// Mounts a widget into `element` with `options` (see the README).
/// Throws an `Error` naming the field on a bad option.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(
    element: Element,
    options: JsValue,
) -> Result<Handle, JsError> {
    let settings = strict_settings(&options)?;
    let raw: JsOptions = parse_options(&options)?;
    let mut state = settings_pairs(&settings);
    if let Some(lang) = &raw.lang {
        state.push(("lang".into(), lang.clone()));
    }
    if let Some(theme) = &raw.theme {
        state.push(("theme".into(), theme.clone()));
    }
    for (flag, on) in [
        ("static", raw.static_view),
        ("plain", raw.plain),
        ("reporter", raw.reporter),
    ] {
        if on == Some(true) {
            state.push((flag.into(), String::new()));
        }
    }
    let handle = mount_in_shadow(&element, state, String::new(), raw.base_url);
    handle.bridge.preload(compute(&settings));
    Ok(handle)
}

/// The results for `settings`, as the widget will compute them.
fn compute(settings: &Settings) -> crate::app::ResultsRef {
    thread_local! {
        static SCENARIO: claimcheck_model::Scenario = crate::data::eta_2016();
    }
    SCENARIO.with(|s| {
        Shared(Rc::new(Results::compute(
            s,
            settings.hypotheses,
            &settings.params,
        )))
    })
}

/// Mounts a widget into a `data-claimcheck` placeholder, reading its
/// `data-*` attributes; `base_url` is the loader's folder. Never throws:
/// bad attributes are named in a notice.
#[wasm_bindgen(js_name = mountPlaceholder)]
pub fn mount_placeholder(element: Element, base_url: String) -> Handle {
    let attrs = element.attributes();
    let mut state = Vec::new();
    for i in 0..attrs.length() {
        if let Some(a) = attrs.item(i) {
            let name = a.name();
            if name.starts_with("data-")
                && name != "data-claimcheck"
                && name != "data-from-url"
            {
                state.push((name, a.value()));
            }
        }
    }
    let from_url = element.has_attribute("data-from-url");
    mount_with(&element, state, "data-".into(), Some(base_url), from_url)
}

fn mount_in_shadow(
    element: &Element,
    state: Vec<(String, String)>,
    prefix: String,
    base: Option<String>,
) -> Handle {
    mount_with(element, state, prefix, base, false)
}

fn mount_with(
    element: &Element,
    state: Vec<(String, String)>,
    prefix: String,
    base: Option<String>,
    sync_url: bool,
) -> Handle {
    let document = gloo::utils::document();
    let container = document.create_element("div").expect("a div");
    let root = shadow_root(element);
    match &root {
        Some(shadow) => {
            let _ = shadow.append_child(&container);
        }
        None => {
            let _ = element.append_child(&container);
        }
    }
    let bridge = Shared(Rc::new(Bridge::default()));
    let callbacks: Rc<RefCell<Vec<js_sys::Function>>> = Rc::default();
    {
        let callbacks = callbacks.clone();
        bridge.on_change(Rc::new(move |results: &Results| {
            let Ok(value) = to_js(results) else { return };
            let list = callbacks.borrow().clone();
            for f in list {
                if let Err(e) = f.call1(&JsValue::NULL, &value) {
                    gloo::console::error!(
                        "claimcheck: a change listener threw",
                        e
                    );
                }
            }
        }));
    }
    // The language falls back to the host element's, across the shadow
    // boundary.
    let lang = Lang::of_element(element);
    let options = Options {
        lang: None,
        state: with_default_lang(state, &prefix, lang),
        prefix,
        sync_url,
        bridge: Some(bridge.clone()),
        embed_base: base,
    };
    let app = mount(container.clone(), options);
    Handle { app: RefCell::new(Some(app)), bridge, container, callbacks }
}

fn with_default_lang(
    mut state: Vec<(String, String)>,
    prefix: &str,
    lang: Lang,
) -> Vec<(String, String)> {
    let key = format!("{prefix}lang");
    if !state.iter().any(|(k, _)| *k == key) {
        state.insert(0, (key, lang.key().to_string()));
    }
    state
}

/// The element's open shadow root with the widget's stylesheet adopted,
/// created if needed; `None` where the browser has no shadow DOM.
fn shadow_root(element: &Element) -> Option<web_sys::ShadowRoot> {
    let shadow = match element.shadow_root() {
        Some(s) => s,
        None => element
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    if let Some(sheet) = stylesheet() {
        let sheets = js_sys::Array::of1(&sheet);
        let _ = js_sys::Reflect::set(
            &shadow,
            &"adoptedStyleSheets".into(),
            &sheets,
        );
    }
    Some(shadow)
}

/// One constructed stylesheet, shared by every widget on the page.
fn stylesheet() -> Option<JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Some(sheet.clone());
        }
        let sheet = web_sys::CssStyleSheet::new().ok()?;
        sheet.replace_sync(CSS).ok()?;
        let sheet: JsValue = sheet.unchecked_into();
        *cell.borrow_mut() = Some(sheet.clone());
        Some(sheet)
    })
}

/// The options the JS API accepts.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct JsOptions {
    #[serde(default)]
    hypotheses: Option<HypothesesOption>,
    #[serde(default)]
    params: Option<BTreeMap<String, f64>>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default, rename = "static")]
    static_view: Option<bool>,
    #[serde(default)]
    plain: Option<bool>,
    #[serde(default)]
    reporter: Option<bool>,
    #[serde(default)]
    base_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum HypothesesOption {
    List(String),
    Array(Vec<String>),
}

const EXPECTED: &str =
    "expected an object like {hypotheses: \"deadline,underprovisioning\" \
     or [\"deadline\"], params: {timeout_s: 45}, lang: \"en\"|\"fr\", theme: \
     \"light\"|\"dark\"|\"auto\", static: true, plain: true, reporter: true}";

/// The option names `mount` and `set` accept.
const OPTION_NAMES: [&str; 8] = [
    "hypotheses",
    "params",
    "lang",
    "theme",
    "static",
    "plain",
    "reporter",
    "baseUrl",
];

fn parse_options(options: &JsValue) -> Result<JsOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsOptions::default());
    }
    // serde-wasm-bindgen reads only the fields it knows, so a misspelt
    // option would pass silently: check the object's own keys first.
    if let Some(object) = options.dyn_ref::<js_sys::Object>() {
        for key in
            js_sys::Object::keys(object).iter().filter_map(|k| k.as_string())
        {
            if !OPTION_NAMES.contains(&key.as_str()) {
                return Err(JsError::new(&format!(
                    "claimcheck: unknown option `{key}`; expected one of {}",
                    OPTION_NAMES.join(", ")
                )));
            }
        }
    }
    serde_wasm_bindgen::from_value(options.clone()).map_err(|e| {
        let msg = e.to_string();
        let msg = if msg.contains("did not match any variant") {
            "invalid option `hypotheses`: expected a string such as \
             \"deadline,underprovisioning\" or an array of election, \
             deadline, underprovisioning"
                .to_string()
        } else {
            format!("invalid options: {msg}")
        };
        JsError::new(&format!("claimcheck: {msg}; {EXPECTED}"))
    })
}

/// Validates options strictly: any entry the settings would ignore is
/// an error naming it.
fn strict_settings(options: &JsValue) -> Result<Settings, JsError> {
    let raw = parse_options(options)?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    match &raw.hypotheses {
        Some(HypothesesOption::List(s)) => {
            pairs.push(("hypotheses".into(), s.clone()))
        }
        Some(HypothesesOption::Array(v)) => {
            let list =
                if v.is_empty() { "none".to_string() } else { v.join(",") };
            pairs.push(("hypotheses".into(), list));
        }
        None => {}
    }
    for (name, value) in raw.params.iter().flatten() {
        pairs.push((name.clone(), crate::settings::plain(*value)));
    }
    if let Some(lang) = &raw.lang {
        pairs.push(("lang".into(), lang.clone()));
    }
    if let Some(theme) = &raw.theme {
        pairs.push(("theme".into(), theme.clone()));
    }
    let settings = Settings::parse(pairs, "");
    if let Some(bad) = settings.ignored.first() {
        let field = if bad.problem == crate::settings::Problem::UnknownKey {
            format!("params.{}", bad.key)
        } else if ["hypotheses", "lang", "theme"].contains(&bad.key.as_str()) {
            bad.key.clone()
        } else {
            format!("params.{}", bad.key)
        };
        let names: Vec<&str> = crate::settings::parameter_names().collect();
        let hint = if bad.problem == crate::settings::Problem::UnknownKey {
            format!("; expected one of {}", names.join(", "))
        } else {
            String::new()
        };
        return Err(JsError::new(&format!(
            "claimcheck: invalid option `{field}` = {:?}: {}{hint}",
            bad.value,
            bad.reason(Lang::En)
        )));
    }
    Ok(settings)
}

/// The settings as `key=value` pairs for [`mount`].
fn settings_pairs(s: &Settings) -> Vec<(String, String)> {
    crate::settings::encode(s.hypotheses, &s.params, "")
}

#[derive(Serialize)]
struct JsCheck<'a> {
    id: &'a str,
    pass: bool,
    why: &'a str,
    why_fr: &'a str,
}

#[derive(Serialize)]
struct JsClaim<'a> {
    id: &'a str,
    verdict: &'a str,
    why: &'a str,
    why_fr: &'a str,
    checks: &'a [String],
}

#[derive(Serialize)]
struct JsDemand<'a> {
    baseline: &'a [f64],
    deadline: &'a [f64],
    election: &'a [f64],
}

#[derive(Serialize)]
struct JsSeries<'a> {
    start: &'static str,
    step_min: u32,
    failure_fraction: &'a [f64],
    capacity: &'a [f64],
    attempts: &'a [f64],
    served: &'a [f64],
    demand: JsDemand<'a>,
    us_share: &'a [f64],
}

#[derive(Serialize)]
struct JsResults<'a> {
    hypotheses: Vec<&'static str>,
    best_fit: Vec<&'static str>,
    reproduced: usize,
    observations: usize,
    checks: Vec<JsCheck<'a>>,
    claims: Vec<JsClaim<'a>>,
    series: JsSeries<'a>,
}

fn to_js(r: &Results) -> Result<JsValue, JsError> {
    let ids = |set: claimcheck_model::HypothesisSet| {
        set.iter().map(|h| h.id()).collect()
    };
    let run = &r.run;
    let out = JsResults {
        hypotheses: ids(r.hypotheses),
        best_fit: ids(r.best),
        reproduced: r.score.0,
        observations: r.score.1,
        checks: r
            .checks
            .iter()
            .map(|c| JsCheck {
                id: &c.id,
                pass: c.pass,
                why: &c.why,
                why_fr: &c.why_fr,
            })
            .collect(),
        claims: r
            .verdicts
            .iter()
            .map(|v| JsClaim {
                id: &v.id,
                verdict: v.verdict.id(),
                why: &v.why,
                why_fr: &v.why_fr,
                checks: &v.checks,
            })
            .collect(),
        series: JsSeries {
            start: "2016-11-08T00:00:00-05:00",
            step_min: 1,
            failure_fraction: &run.failure_fraction,
            capacity: &run.capacity,
            attempts: &run.attempts,
            served: &run.served,
            demand: JsDemand {
                baseline: &run.demand_baseline,
                deadline: &run.demand_deadline,
                election: &run.demand_election,
            },
            us_share: &run.us_share,
        },
    };
    serde_wasm_bindgen::to_value(&out)
        .map_err(|e| JsError::new(&e.to_string()))
}
