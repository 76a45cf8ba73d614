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
use std::rc::Rc;

use claimcheck_model::locale::Lang;
use claimcheck_model::verdict::Verdict;
use claimcheck_model::words::Words;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::analysis::Progress;
use crate::app::{App, ResultsRef, Shared};
use crate::bridge::Bridge;
use crate::results::Results;
use crate::settings::Settings;
use crate::state::Action;
use crate::{mount, Options};

thread_local! {
    /// The widget's stylesheet, built by the loader from
    /// `claimcheck.css` and shared by every shadow root on the page.
    static SHEET: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Called by the loader (`claimcheck.js`) with a `CSSStyleSheet` it
/// built from `claimcheck.css`, fetched next to it in parallel with the
/// wasm: every shadow root adopts it. The stylesheet is a file, not a
/// string in the wasm (22 KB smaller, and cached on its own).
#[wasm_bindgen(js_name = adoptStylesheet)]
pub fn adopt_stylesheet(sheet: JsValue) {
    SHEET.with(|cell| *cell.borrow_mut() = Some(sheet));
}

/// A mounted widget, as the host page holds it.
#[wasm_bindgen]
pub struct Handle {
    /// Empty until the widget is mounted (after its story is fetched, for
    /// a story fetched on demand) and after `destroy`.
    app: Rc<RefCell<Option<AppHandle<App>>>>,
    destroyed: Rc<std::cell::Cell<bool>>,
    bridge: Shared<Bridge>,
    container: Element,
    callbacks: Rc<RefCell<Vec<js_sys::Function>>>,
    /// The bundle's folder, where stories fetched on demand live.
    base: String,
}

#[wasm_bindgen]
impl Handle {
    /// Replaces hypotheses and parameters (parameters not given go back
    /// to their defaults). Throws on a bad option, changing nothing.
    ///
    /// A `scenario` fetched on demand (not in the wasm) is fetched first:
    /// the widget changes when it arrives, and an option that turns out
    /// to be bad for that story is named in the console then.
    pub fn set(&self, options: JsValue) -> Result<(), JsError> {
        let raw = parse_options(&options)?;
        if !self.destroyed.get() && self.app.borrow().is_none() {
            return Err(JsError::new(
                "claimcheck: this widget is still loading its story; call \
                 set() once results() answers",
            ));
        }
        let id = raw.scenario.filter(|id| crate::data::needs_fetch(id));
        if id.is_none() {
            return apply_set(&self.bridge, &options);
        }
        // After the fetch: an option bad for that story (or the story
        // missing) is said in the console.
        let bridge = self.bridge.clone();
        crate::after_story(id, self.base.clone(), move || {
            if let Err(e) = apply_set(&bridge, &options) {
                web_sys::console::error_1(&JsValue::from(e));
            }
        });
        Ok(())
    }

    /// The curve, checks and verdicts the widget shows now, as plain
    /// objects.
    pub fn results(&self) -> Result<JsValue, JsError> {
        let results = self.bridge.results().ok_or_else(|| {
            JsError::new("claimcheck: the widget has not rendered yet")
        })?;
        to_js(&results, self.bridge.progress().as_ref())
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
        self.destroyed.set(true);
        self.bridge.detach();
        self.callbacks.borrow_mut().clear();
        if let Some(app) = self.app.borrow_mut().take() {
            app.destroy();
        }
        self.container.remove();
    }
}

/// `set`'s work once the story is there: strict, then the widget.
fn apply_set(
    bridge: &Shared<Bridge>,
    options: &JsValue,
) -> Result<(), JsError> {
    let settings = strict_settings(options)?;
    if !bridge.dispatch(Action::Load(
        Shared(settings.scenario.clone()),
        settings.hypotheses,
        Box::new(settings.params.clone()),
    )) {
        return Err(JsError::new(
            "claimcheck: this widget has been destroyed",
        ));
    }
    bridge.preload(compute(&settings));
    Ok(())
}

/// Adds a story fetched by the page or a worker (`stories/<id>.bin`, as
/// `claimcheck pack` writes it); returns its id. Throws on bytes that do
/// not decode to a story of this build.
#[wasm_bindgen(js_name = addStory)]
pub fn add_story(bytes: Vec<u8>) -> Result<String, JsError> {
    crate::data::add(bytes)
        .map_err(|e| JsError::new(&format!("claimcheck: {e}")))
}

/// Mounts a widget into `element` with `options` (see the README).
/// Throws an `Error` naming the field on a bad option. A `scenario`
/// fetched on demand (not in the wasm) is fetched first: the widget
/// appears when it arrives, and an option that is bad for that story is
/// named in the widget's notice and the console, not thrown.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(
    element: Element,
    options: JsValue,
) -> Result<Handle, JsError> {
    let raw: JsOptions = parse_options(&options)?;
    let pending =
        raw.scenario.as_deref().is_some_and(crate::data::needs_fetch);
    let settings =
        if pending { None } else { Some(strict_settings(&options)?) };
    let mut state = match &settings {
        Some(settings) => settings_pairs(settings),
        None => raw_pairs(&raw),
    };
    if let Some(c) = &raw.controls {
        state.push(("controls".into(), c.clone()));
    }
    if let Some(v) = &raw.view {
        state.push(("view".into(), v.clone()));
    }
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
    if let Some(settings) = &settings {
        handle.bridge.preload(compute(settings));
    }
    Ok(handle)
}

/// The state entries of options not checked against their story yet
/// (a story fetched on demand): the widget's own parse names any bad one.
fn raw_pairs(raw: &JsOptions) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if let Some(id) = &raw.scenario {
        pairs.push(("scenario".to_string(), id.clone()));
    }
    match &raw.hypotheses {
        Some(HypothesesOption::List(s)) => {
            pairs.push(("hypotheses".into(), s.clone()))
        }
        Some(HypothesesOption::Array(v)) => pairs.push((
            "hypotheses".into(),
            if v.is_empty() { "none".into() } else { v.join(",") },
        )),
        None => {}
    }
    for (name, value) in raw.params.iter().flatten() {
        pairs.push((name.clone(), crate::settings::plain(*value)));
    }
    pairs
}

/// The results for `settings`, as the widget will compute them.
fn compute(settings: &Settings) -> ResultsRef {
    Shared(Rc::new(Results::compute(
        &settings.scenario,
        settings.hypotheses,
        &settings.params,
    )))
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
    container.set_class_name("cc-host");
    let root = shadow_root(element, base.as_deref());
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
        bridge.on_change(Rc::new(
            move |results: &ResultsRef, progress: &Progress| {
                let Ok(value) = to_js(results, Some(progress)) else { return };
                let list = callbacks.borrow().clone();
                for f in list {
                    if let Err(e) = f.call1(&JsValue::NULL, &value) {
                        gloo::console::error!(
                            "claimcheck: a change listener threw",
                            e
                        );
                    }
                }
            },
        ));
    }
    // The language falls back to the host element's, across the shadow
    // boundary.
    let lang = crate::i18n::lang_of(element);
    let base = base.unwrap_or_else(crate::url::page_folder);
    let options = Options {
        lang: None,
        state: with_default_lang(state, &prefix, lang),
        prefix,
        sync_url,
        bridge: Some(bridge.clone()),
        embed_base: Some(base.clone()),
    };
    let app = Rc::new(RefCell::new(None));
    let destroyed = Rc::new(std::cell::Cell::new(false));
    let story = crate::story_to_fetch(&options);
    if story.is_some() {
        // Said while the story is fetched (the fallback is out of sight
        // behind the shadow root).
        container.set_inner_html(&format!(
            "<p class=\"cc-loading\" role=\"status\">{}</p>",
            crate::i18n::ui(lang).loading_story
        ));
    }
    {
        let (app, destroyed, container) =
            (app.clone(), destroyed.clone(), container.clone());
        crate::after_story(story, base.clone(), move || {
            if destroyed.get() {
                return;
            }
            container.set_inner_html("");
            *app.borrow_mut() = Some(mount(container, options));
        });
    }
    Handle { app, destroyed, bridge, container, callbacks, base }
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
/// created if needed; `None` where the browser has no shadow DOM. Without
/// a stylesheet from the loader (no constructable stylesheets, or the
/// fetch failed), a `<link>` to `claimcheck.css` in `base` styles it
/// instead (`style-src` allows it where it allows the loader's origin).
fn shadow_root(
    element: &Element,
    base: Option<&str>,
) -> Option<web_sys::ShadowRoot> {
    let shadow = match element.shadow_root() {
        Some(s) => s,
        None => element
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    if let Some(sheet) = SHEET.with(|cell| cell.borrow().clone()) {
        let sheets = js_sys::Array::of1(&sheet);
        let _ = js_sys::Reflect::set(
            &shadow,
            &"adoptedStyleSheets".into(),
            &sheets,
        );
    } else if let Some(base) = base {
        if shadow.query_selector("link").ok().flatten().is_none() {
            let link = gloo::utils::document().create_element("link").ok()?;
            let _ = link.set_attribute("rel", "stylesheet");
            let _ =
                link.set_attribute("href", &format!("{base}claimcheck.css"));
            let _ = shadow.append_child(&link);
        }
    }
    Some(shadow)
}

/// The options the JS API accepts.
#[derive(Default)]
struct JsOptions {
    scenario: Option<String>,
    hypotheses: Option<HypothesesOption>,
    controls: Option<String>,
    view: Option<String>,
    params: Option<Vec<(String, f64)>>,
    lang: Option<String>,
    theme: Option<String>,
    static_view: Option<bool>,
    plain: Option<bool>,
    reporter: Option<bool>,
    base_url: Option<String>,
}

enum HypothesesOption {
    List(String),
    Array(Vec<String>),
}

const EXPECTED: &str =
    "expected an object like {scenario: \"<id>\", hypotheses: \"<id>,<id>\" \
     or [\"<id>\"] or \"none\", params: {<name>: <number>}, controls: \
     \"chart,<id>\", view: \"evidence\", lang: \"en\"|\"fr\", theme: \
     \"light\"|\"dark\"|\"auto\", static: true, plain: true, reporter: true}";

/// The option names `mount` and `set` accept.
const OPTION_NAMES: [&str; 11] = [
    "scenario",
    "hypotheses",
    "controls",
    "view",
    "params",
    "lang",
    "theme",
    "static",
    "plain",
    "reporter",
    "baseUrl",
];

/// Reads the options object field by field, naming the field of any
/// unknown name or value of the wrong type. (By hand, not with
/// serde-wasm-bindgen: every field needs its own check and message
/// anyway, and serde's deserializer and error formatting cost the
/// bundle about 4 KB gzip for nothing more.)
fn parse_options(options: &JsValue) -> Result<JsOptions, JsError> {
    let mut out = JsOptions::default();
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    let invalid = |what: &str| {
        JsError::new(&format!("claimcheck: invalid option {what}"))
    };
    // typeof, not instanceof: an object made in another realm (a frame,
    // a test driver's sandbox) is an object too.
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(JsError::new(&format!(
            "claimcheck: invalid options: not an object; {EXPECTED}"
        )));
    }
    let object: &js_sys::Object = options.unchecked_ref();
    for key in
        js_sys::Object::keys(object).iter().filter_map(|k| k.as_string())
    {
        if !OPTION_NAMES.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "claimcheck: unknown option `{key}`; expected one of {}",
                OPTION_NAMES.join(", ")
            )));
        }
        let value = js_sys::Reflect::get(object, &JsValue::from_str(&key))
            .unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() || value.is_null() {
            continue;
        }
        let string = || {
            value
                .as_string()
                .ok_or_else(|| invalid(&format!("`{key}`: expected a string")))
        };
        let boolean = || {
            value.as_bool().ok_or_else(|| {
                invalid(&format!("`{key}`: expected true or false"))
            })
        };
        match key.as_str() {
            "scenario" => out.scenario = Some(string()?),
            "controls" => out.controls = Some(string()?),
            "view" => out.view = Some(string()?),
            "lang" => out.lang = Some(string()?),
            "theme" => out.theme = Some(string()?),
            "baseUrl" => out.base_url = Some(string()?),
            "static" => out.static_view = Some(boolean()?),
            "plain" => out.plain = Some(boolean()?),
            "reporter" => out.reporter = Some(boolean()?),
            "hypotheses" => {
                let list = if let Some(s) = value.as_string() {
                    Some(HypothesesOption::List(s))
                } else if js_sys::Array::is_array(&value) {
                    let ids: Option<Vec<String>> = js_sys::Array::from(&value)
                        .iter()
                        .map(|v| v.as_string())
                        .collect();
                    ids.map(HypothesesOption::Array)
                } else {
                    None
                };
                out.hypotheses = Some(list.ok_or_else(|| {
                    invalid(
                        "`hypotheses`: expected a comma-separated string of \
                         the story's hypothesis ids, \"none\", or an array of ids",
                    )
                })?);
            }
            "params" => {
                if !value.is_object() || js_sys::Array::is_array(&value) {
                    return Err(invalid(
                        "`params`: expected an object of parameter names and numbers",
                    ));
                }
                let params: &js_sys::Object = value.unchecked_ref();
                let mut map = Vec::new();
                for name in js_sys::Object::keys(params)
                    .iter()
                    .filter_map(|k| k.as_string())
                {
                    let v = js_sys::Reflect::get(
                        params,
                        &JsValue::from_str(&name),
                    )
                    .unwrap_or(JsValue::UNDEFINED);
                    match v.as_f64().filter(|x| x.is_finite()) {
                        Some(x) => map.push((name, x)),
                        None => {
                            return Err(invalid(&format!(
                                "`params.{name}`: expected a number"
                            )))
                        }
                    }
                }
                out.params = Some(map);
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Validates options strictly: any entry the settings would ignore is
/// an error naming it.
fn strict_settings(options: &JsValue) -> Result<Settings, JsError> {
    let raw = parse_options(options)?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Some(id) = &raw.scenario {
        pairs.push(("scenario".into(), id.clone()));
    }
    if let Some(c) = &raw.controls {
        pairs.push(("controls".into(), c.clone()));
    }
    if let Some(v) = &raw.view {
        pairs.push(("view".into(), v.clone()));
    }
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
        let top =
            ["scenario", "hypotheses", "controls", "view", "lang", "theme"];
        let field = if top.contains(&bad.key.as_str()) {
            bad.key.clone()
        } else {
            format!("params.{}", bad.key)
        };
        let names: Vec<&str> =
            settings.scenario.params.iter().map(|p| p.id.as_str()).collect();
        let hint = if bad.problem == crate::settings::Problem::UnknownKey {
            format!("; expected one of {}", names.join(", "))
        } else {
            String::new()
        };
        return Err(JsError::new(&format!(
            "claimcheck: invalid option `{field}` = \"{}\": {}{hint}",
            bad.value,
            crate::i18n::ignored_reason(
                &bad.problem,
                &settings.scenario,
                Lang::En
            )
        )));
    }
    Ok(settings)
}

/// The settings as `key=value` pairs for [`mount`].
fn settings_pairs(s: &Settings) -> Vec<(String, String)> {
    let mut pairs =
        crate::settings::encode(&s.scenario, s.hypotheses, &s.params, "");
    if !pairs.iter().any(|(k, _)| k == "scenario") {
        pairs.insert(0, ("scenario".into(), s.scenario.id.clone()));
    }
    pairs
}

fn set(obj: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

fn floats(v: &[f64]) -> JsValue {
    js_sys::Float64Array::from(v).into()
}

fn strings<'a>(v: impl Iterator<Item = &'a str>) -> JsValue {
    v.map(JsValue::from_str).collect::<js_sys::Array>().into()
}

/// The results as plain objects (built directly, without a serializer):
/// the reader's own run and checks, and the verdicts from the analysis
/// (`null` until it has results).
fn to_js(
    r: &Results,
    progress: Option<&Progress>,
) -> Result<JsValue, JsError> {
    let out = js_sys::Object::new();
    let scenario = crate::data::load(&r.scenario_id)
        .ok_or_else(|| JsError::new("claimcheck: unknown scenario"))?;
    let s = &*scenario;
    let ids: Vec<&str> = s.hypotheses.iter().map(|h| h.id.as_str()).collect();
    set(&out, "scenario", s.id.as_str());
    set(&out, "hypotheses", strings(r.hypotheses.iter().map(|h| ids[h])));
    set(&out, "reproduced", r.score.0 as f64);
    set(&out, "observations", r.score.1 as f64);
    let (w_en, w_fr) = (Words::new(s, Lang::En), Words::new(s, Lang::Fr));
    set(&out, "reader", w_en.reader_line(&r.checks));
    set(&out, "reader_fr", w_fr.reader_line(&r.checks));
    let p = r.params.values();
    let checks: js_sys::Array = r
        .checks
        .iter()
        .map(|c| {
            let o = js_sys::Object::new();
            set(&o, "id", s.events[c.event].id.as_str());
            set(&o, "kind", s.events[c.event].kind.id());
            set(&o, "pass", c.pass);
            set(&o, "why", w_en.check(c, p));
            set(&o, "why_fr", w_fr.check(c, p));
            JsValue::from(o)
        })
        .collect();
    set(&out, "checks", checks);
    let support = progress.and_then(|p| p.support.clone());
    let claims: js_sys::Array = s
        .claims
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            let o = js_sys::Object::new();
            set(&o, "id", claim.id.as_str());
            match support
                .as_ref()
                .and_then(|sup| sup.judgement.claims.get(i).map(|c| (sup, c)))
            {
                Some((sup, c)) => {
                    set(&o, "verdict", c.verdict.id());
                    set(&o, "support", c.support);
                    let shares = js_sys::Object::new();
                    for v in Verdict::ALL {
                        set(&shares, v.id(), c.shares[v as usize]);
                    }
                    set(&o, "shares", shares);
                    set(&o, "why", w_en.claim(&sup.judgement, c));
                    set(&o, "why_fr", w_fr.claim(&sup.judgement, c));
                    let hangs =
                        sup.claims.get(i).and_then(|h| h.hangs_on.as_ref());
                    set(
                        &o,
                        "hangs_on",
                        hangs.map_or(JsValue::NULL, |h| {
                            JsValue::from_str(&s.params[h.param].id)
                        }),
                    );
                }
                None => set(&o, "verdict", JsValue::NULL),
            }
            JsValue::from(o)
        })
        .collect();
    set(&out, "claims", claims);
    let analysis = js_sys::Object::new();
    let (done, total) = progress.map_or((0, 0), |p| (p.done, p.total));
    set(&analysis, "done", done as f64);
    set(&analysis, "total", total as f64);
    set(
        &analysis,
        "finished",
        progress.is_some_and(|p| p.finished() && p.support.is_some()),
    );
    set(&out, "analysis", analysis);
    let run = &r.run;
    let series = js_sys::Object::new();
    set(&series, "start", s.clock.iso8601(0));
    set(&series, "step_min", 1.0);
    set(&series, "failure_fraction", floats(&run.failure_fraction));
    set(&series, "capacity", floats(&run.capacity));
    set(&series, "attempts", floats(&run.attempts));
    set(&series, "served", floats(&run.served));
    set(&series, "segment_share", floats(&run.segment_share));
    let demand = js_sys::Object::new();
    for (k, c) in s.model.demand() {
        let v = run.demand_of(k);
        if v.is_empty() {
            set(&demand, &c.id, floats(&vec![0.0; run.len()]));
        } else {
            set(&demand, &c.id, floats(v));
        }
    }
    set(&series, "demand", demand);
    set(&out, "series", series);
    Ok(out.into())
}

thread_local! {
    /// The analysis a worker is running, kept between chunks.
    static WORKER_JOB: RefCell<Option<(String, usize, u64, claimcheck_model::support::Analysis)>> =
        const { RefCell::new(None) };
}

/// For the analysis worker (`claimcheck-worker.js`): simulates draws
/// `start..start + count` of the analysis of `scenario` planned with
/// `draws` and `seed`, flattened (see [`crate::analysis::decode_draws`]).
#[wasm_bindgen(js_name = analysisDraws)]
pub fn analysis_draws(
    scenario: &str,
    draws: usize,
    seed: f64,
    start: usize,
    count: usize,
) -> Result<Vec<f64>, JsError> {
    let s = crate::data::load(scenario)
        .ok_or_else(|| JsError::new("claimcheck: unknown scenario"))?;
    let seed = seed as u64;
    WORKER_JOB.with(|job| {
        let mut job = job.borrow_mut();
        let fresh = !matches!(&*job, Some((id, d, sd, _)) if id == scenario && *d == draws && *sd == seed);
        if fresh {
            *job = Some((
                scenario.to_string(),
                draws,
                seed,
                claimcheck_model::support::Analysis::new(&s, draws, seed),
            ));
        }
        let Some((_, _, _, analysis)) = job.as_mut() else {
            return Err(JsError::new("claimcheck: no analysis"));
        };
        let mut out = Vec::new();
        for i in start..(start + count).min(draws) {
            crate::analysis::encode_draw(&analysis.compute(&s, i), &mut out);
        }
        Ok(out)
    })
}
