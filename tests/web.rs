//! Browser tests: each mounts the real widget into its own container in
//! headless Chromium and checks, as a user story, what a reader sees.
#![cfg(target_arch = "wasm32")]

use claimcheck::{mount, Lang, Options};
use claimcheck_model::bundled;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{
    Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit,
    SvgElement,
};

wasm_bindgen_test_configure!(run_in_browser);

/// A widget in a fresh container, destroyed and removed on drop.
struct Mounted {
    container: Element,
    handle: Option<yew::AppHandle<claimcheck::App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.container.remove();
    }
}

impl Mounted {
    fn find(&self, selector: &str) -> Element {
        self.container
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.get(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    fn attr(&self, selector: &str, name: &str) -> String {
        self.find(selector).get_attribute(name).unwrap_or_default()
    }

    /// The outage curve's path data.
    fn curve(&self) -> String {
        self.attr("svg.cc-chart path.cc-curve", "d")
    }

    /// Every claim's verdict words, in order.
    fn verdicts(&self) -> Vec<String> {
        self.all("li.cc-claim .cc-verdict-word")
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    }

    /// Waits (bounded) until the analysis behind the verdicts is done.
    async fn analysed(&self) {
        for _ in 0..400 {
            if self.all(".cc-progress").is_empty()
                && !self.all(".cc-claim-more").is_empty()
            {
                return;
            }
            gloo::timers::future::TimeoutFuture::new(50).await;
        }
        panic!("the analysis did not finish within 20 s");
    }

    /// Opens a panel by its tab.
    async fn open(&self, panel: &str) {
        self.click(&format!(r#"button.cc-tab[data-panel="{panel}"]"#)).await;
    }

    /// Which hypothesis switches are on, as `id=true|false`.
    fn switches(&self) -> Vec<String> {
        self.all("button.cc-switch")
            .iter()
            .map(|b| {
                format!(
                    "{}={}",
                    b.get_attribute("data-hypothesis").unwrap_or_default(),
                    b.get_attribute("aria-checked").unwrap_or_default()
                )
            })
            .collect()
    }

    async fn click(&self, selector: &str) {
        self.find(selector).dyn_into::<HtmlElement>().unwrap().click();
        settle().await;
    }

    fn input(&self, selector: &str) -> HtmlInputElement {
        self.find(selector).dyn_into().unwrap()
    }
}

async fn mounted(options: Options) -> Mounted {
    let document = gloo::utils::document();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = mount(container.clone(), options);
    settle().await;
    Mounted { container, handle: Some(handle) }
}

fn english() -> Options {
    Options { lang: Some(Lang::En), ..Options::default() }
}

/// Lets Yew finish its scheduled renders.
async fn settle() {
    gloo::timers::future::TimeoutFuture::new(30).await;
}

/// Waits (at most 3 s) until `done()` holds: renders share the main
/// thread with the analysis' slices, so a fixed pause may be too short.
async fn eventually(done: impl Fn() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(30).await;
    }
}

/// Sets the page's query for the length of a test, then puts it back.
struct PageQuery(String);

impl PageQuery {
    fn set(query: &str) -> PageQuery {
        let location = gloo::utils::window().location();
        let old = format!(
            "{}{}",
            location.pathname().unwrap(),
            location.search().unwrap()
        );
        let history = gloo::utils::window().history().unwrap();
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(query))
            .unwrap();
        PageQuery(old)
    }

    fn current() -> String {
        gloo::utils::window().location().search().unwrap()
    }
}

impl Drop for PageQuery {
    fn drop(&mut self) {
        let history = gloo::utils::window().history().unwrap();
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&self.0));
    }
}

#[wasm_bindgen_test]
async fn shows_the_record_from_the_scenario_data() {
    let scenario = bundled::default_scenario();
    let w = mounted(english()).await;

    assert_eq!(w.text(".cc-title"), scenario.title.en);
    let on_axis = scenario.timeline().len();
    assert_eq!(w.all(".cc-timeline-svg .cc-marker").len(), on_axis);

    w.open("record").await;
    assert_eq!(w.all(".cc-events > li").len(), on_axis);
    let quote = "SSC has indicated that ticket is pending and there's \
                 nothing that can be done";
    let item = w.text(r#".cc-events li[data-event="ticket-5pm"]"#);
    assert!(item.contains(quote), "quote missing from: {item}");
    let lang = w.attr(r#"li[data-event="ticket-5pm"] blockquote"#, "lang");
    assert_eq!(lang, "en");
}

#[wasm_bindgen_test]
async fn focusing_a_marker_shows_its_quote_and_moves_the_crosshair() {
    let w = mounted(english()).await;
    let marker: SvgElement =
        w.find(r#".cc-marker[data-event="fell-apart"]"#).dyn_into().unwrap();
    assert_eq!(marker.get_attribute("tabindex").as_deref(), Some("0"));
    assert!(w.all(".cc-crosshair").is_empty());
    marker.focus().unwrap();
    settle().await;

    let detail = w.text(".cc-detail");
    assert!(detail.contains("subsequently the thing fell apart"), "{detail}");
    assert!(detail.contains("CBC News"), "detail: {detail}");
    assert_eq!(marker.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(!w.all(".cc-crosshair").is_empty(), "no crosshair");
    // The time probe in the data panel reads that time (Nov. 9, noon).
    w.open("data").await;
    let readout = w.text(".cc-readout");
    assert!(readout.starts_with("Nov. 9, noon:"), "{readout}");
}

#[wasm_bindgen_test]
async fn the_claimed_11pm_start_is_marked_as_a_claim() {
    let w = mounted(english()).await;
    let class = w.attr(r#".cc-marker[data-event="official-11pm"]"#, "class");
    assert!(class.split(' ').any(|c| c == "cc-kind-claim"), "{class}");
    let label =
        w.attr(r#".cc-marker[data-event="official-11pm"]"#, "aria-label");
    assert!(label.contains("start of the trouble at 11 p.m."), "{label}");
    assert!(!w.all("svg.cc-chart .cc-claimed-line").is_empty());
}

// See the issue "Verdicts that hold under uncertainty": the verdict is the
// record's; a switch moves only the reader's own line and the curve.
#[wasm_bindgen_test]
async fn switching_a_hypothesis_changes_the_curve_and_the_readers_line_but_not_the_verdicts(
) {
    let w = mounted(english()).await;
    w.analysed().await;
    let (curve, verdicts) = (w.curve(), w.verdicts());
    let line = w.text(".cc-reader-line");
    assert_eq!(verdicts.len(), 4);
    assert!(line.contains("reproduces all seven observations"), "{line}");

    w.click(r#"button.cc-switch[data-hypothesis="deadline"]"#).await;

    assert_eq!(
        w.attr(
            r#"button.cc-switch[data-hypothesis="deadline"]"#,
            "aria-checked"
        ),
        "false"
    );
    assert_ne!(w.curve(), curve, "the curve did not change");
    assert_ne!(w.text(".cc-reader-line"), line, "the line did not move");
    assert_eq!(w.verdicts(), verdicts, "a verdict followed the switch");
    let live = w.text(r#"[aria-live="polite"]"#);
    assert!(live.starts_with("With your settings"), "live region: {live}");
}

#[wasm_bindgen_test]
async fn a_preset_sets_exactly_its_hypotheses() {
    let w = mounted(english()).await;
    w.click(r#"button.cc-preset[data-preset="cbc-documents"]"#).await;
    assert_eq!(
        w.switches(),
        ["election=false", "deadline=true", "underprovisioning=true"]
    );
    assert_eq!(
        w.attr(
            r#"button.cc-preset[data-preset="cbc-documents"]"#,
            "aria-pressed"
        ),
        "true"
    );
    w.click(r#"button.cc-preset[data-preset="election-night"]"#).await;
    assert_eq!(
        w.switches(),
        ["election=true", "deadline=false", "underprovisioning=true"]
    );
    w.click(r#"button.cc-preset[data-preset="nothing"]"#).await;
    assert_eq!(
        w.switches(),
        ["election=false", "deadline=false", "underprovisioning=false"]
    );
}

#[wasm_bindgen_test]
async fn keyboard_on_a_slider_changes_the_value_and_the_curve() {
    let w = mounted(english()).await;
    w.open("tune").await;
    assert_eq!(
        w.attr(r#"button.cc-tab[data-panel="tune"]"#, "aria-expanded"),
        "true"
    );
    let selector = r#"input[type="range"][data-param="timeout_s"]"#;
    let before = w.curve();
    assert_eq!(w.input(selector).value(), "90");
    assert_eq!(w.attr(selector, "aria-valuetext"), "90\u{a0}s");

    let press = |key: &str| {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event =
            KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
                .unwrap();
        w.input(selector).dispatch_event(&event).unwrap();
    };
    press("End");
    eventually(|| w.input(selector).value() == "120").await;
    assert_eq!(w.input(selector).value(), "120");
    assert_ne!(w.curve(), before, "the curve did not change");
    press("ArrowLeft");
    eventually(|| w.input(selector).value() == "115").await;
    assert_eq!(w.input(selector).value(), "115");
    press("Home");
    eventually(|| w.input(selector).value() == "10").await;
    assert_eq!(w.input(selector).value(), "10");
}

#[wasm_bindgen_test]
async fn a_url_state_round_trips() {
    let _query = PageQuery::set(
        "?utm_source=x&cc-hypotheses=deadline,underprovisioning&cc-timeout_s=45&cc-view=tune",
    );
    let options =
        Options { lang: Some(Lang::En), sync_url: true, ..Options::default() };
    let w = mounted(options.clone()).await;
    assert_eq!(
        w.switches(),
        ["election=false", "deadline=true", "underprovisioning=true"]
    );
    assert_eq!(
        w.input(r#"input[type="range"][data-param="timeout_s"]"#).value(),
        "45"
    );
    assert!(w.all(".cc-notice").is_empty());

    // A change is written back into the URL (debounced).
    w.click(r#"button.cc-switch[data-hypothesis="election"]"#).await;
    gloo::timers::future::TimeoutFuture::new(400).await;
    let query = PageQuery::current();
    assert!(query.contains("utm_source=x"), "{query}");
    assert!(query.contains("cc-timeout_s=45"), "{query}");
    assert!(query.contains("cc-view=tune"), "{query}");
    assert!(
        query
            .contains("cc-hypotheses=election%2Cdeadline%2Cunderprovisioning"),
        "{query}"
    );
    let summary = w.text(".cc-summary");
    drop(w);

    // A reader opening that URL sees exactly the same state.
    let again = mounted(options).await;
    assert_eq!(
        again.switches(),
        ["election=true", "deadline=true", "underprovisioning=true"]
    );
    assert_eq!(
        again.input(r#"input[type="range"][data-param="timeout_s"]"#).value(),
        "45"
    );
    assert_eq!(again.text(".cc-summary"), summary);
}

#[wasm_bindgen_test]
async fn invalid_url_state_shows_a_notice_and_keeps_the_defaults() {
    let _query = PageQuery::set(
        "?cc-hypotheses=aliens&cc-timeout_s=99999&cc-scenario=atlantis",
    );
    let options =
        Options { lang: Some(Lang::En), sync_url: true, ..Options::default() };
    let w = mounted(options).await;
    let notice = w.text(".cc-notice");
    assert!(notice.contains("cc-hypotheses=aliens"), "{notice}");
    assert!(notice.contains("cc-timeout_s=99999"), "{notice}");
    assert!(notice.contains("from 10\u{a0}s to 2 minutes"), "{notice}");
    assert!(notice.contains("cc-scenario=atlantis"), "{notice}");
    assert!(notice.contains("the default story is shown"), "{notice}");
    assert_eq!(w.attr(".cc-notice", "role"), "status");
    assert_eq!(w.text(".cc-title"), bundled::default_scenario().title.en);
    assert_eq!(
        w.switches(),
        ["election=true", "deadline=true", "underprovisioning=true"]
    );
}

#[wasm_bindgen_test]
async fn french_renders_french_and_keeps_original_quotes_one_tap_away() {
    let scenario = bundled::default_scenario();
    let w =
        mounted(Options { lang: Some(Lang::Fr), ..Options::default() }).await;
    assert_eq!(w.text(".cc-title"), scenario.title.fr.clone().unwrap());
    assert_eq!(w.attr(".cc-root", "lang"), "fr-CA");
    assert_eq!(w.text(r#"button.cc-tab[data-panel="evidence"]"#), "Preuves");
    let summary = w.text(".cc-summary");
    assert!(
        summary.contains("le site simulé commence à défaillir"),
        "{summary}"
    );
    assert!(summary.contains("le 8 novembre à 13\u{a0}h"), "{summary}");
    w.open("record").await;
    let item = w.text(r#".cc-events li[data-event="ticket-5pm"]"#);
    assert!(item.contains("traduction libre"), "{item}");
    let original = w.text(
        r#".cc-events li[data-event="ticket-5pm"] .cc-original blockquote"#,
    );
    assert!(
        original.contains("there's nothing that can be done"),
        "{original}"
    );
    assert_eq!(
        w.attr(r#".cc-events li[data-event="ticket-5pm"] .cc-original blockquote"#, "lang"),
        "en"
    );
}

#[wasm_bindgen_test]
async fn a_scenario_is_chosen_by_its_id() {
    let all = bundled::all();
    let Some(other) = all.iter().find(|s| !s.default) else {
        // Only one story bundled: nothing to choose between.
        assert_eq!(all.len(), 1);
        return;
    };
    let options = Options {
        lang: Some(Lang::En),
        state: vec![("scenario".into(), other.id.clone())],
        ..Options::default()
    };
    // Only the default story is in the wasm: before the other one is
    // fetched, the widget says it could not load it and shows the default.
    assert!(claimcheck::data::needs_fetch(&other.id));
    let w = mounted(options.clone()).await;
    assert_eq!(w.text(".cc-title"), bundled::default_scenario().title.en);
    let notice = w.text(".cc-notice");
    assert!(notice.contains("could not be loaded"), "{notice}");
    // Once its bytes are there (as the page fetches them), it is shown.
    let id =
        claimcheck::data::add(claimcheck_model::pack::pack(other)).unwrap();
    assert_eq!(id, other.id);
    let w = mounted(options).await;
    assert_eq!(w.text(".cc-title"), other.title.en);
    assert_eq!(w.all("button.cc-switch").len(), other.hypotheses.len());
    assert_eq!(w.attr(".cc-root", "data-scenario"), other.id);
}

#[wasm_bindgen_test]
async fn a_placement_shows_only_its_controls() {
    let options = Options {
        lang: Some(Lang::En),
        state: vec![("controls".into(), "deadline,chart".into())],
        ..Options::default()
    };
    let w = mounted(options).await;
    assert_eq!(w.switches(), ["deadline=true"]);
    assert!(w.all(".cc-claims").is_empty());
    assert!(w.all(".cc-tab").is_empty());
    assert!(w.all(".cc-preset").is_empty());
    assert!(!w.curve().is_empty());
}

/// A placeholder element as a host page writes it.
fn placeholder(attrs: &[(&str, &str)]) -> Element {
    let document = gloo::utils::document();
    let el = document.create_element("div").unwrap();
    el.set_attribute("data-claimcheck", "").unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    document.body().unwrap().append_child(&el).unwrap();
    el
}

fn in_shadow(el: &Element, selector: &str) -> Option<Element> {
    el.shadow_root()?.query_selector(selector).ok()?
}

#[wasm_bindgen_test]
async fn a_placeholder_renders_in_its_own_shadow_root_with_a_notice_for_bad_attributes(
) {
    let good = placeholder(&[
        ("data-hypotheses", "deadline,underprovisioning"),
        ("data-lang", "fr"),
    ]);
    let bad = placeholder(&[
        ("data-hypotheses", "aliens"),
        ("data-timeout_s", "99999"),
    ]);
    let h1 = claimcheck::embed::mount_placeholder(
        good.clone(),
        "https://x.test/cc/".into(),
    );
    let h2 = claimcheck::embed::mount_placeholder(
        bad.clone(),
        "https://x.test/cc/".into(),
    );
    settle().await;

    let title = in_shadow(&good, ".cc-title").expect("good widget renders");
    assert_eq!(
        title.text_content().unwrap(),
        bundled::default_scenario().title.fr.unwrap()
    );
    assert!(in_shadow(&good, ".cc-notice").is_none());
    let notice =
        in_shadow(&bad, ".cc-notice").expect("bad widget shows a card");
    let text = notice.text_content().unwrap();
    assert!(text.contains("data-hypotheses=aliens"), "{text}");
    assert!(text.contains("data-timeout_s=99999"), "{text}");
    // The bad one still works, from the defaults.
    assert!(in_shadow(&bad, "svg.cc-chart path.cc-curve").is_some());

    h1.destroy();
    h2.destroy();
    assert!(in_shadow(&good, ".cc-root").is_none(), "destroy leaves nothing");
    good.remove();
    bad.remove();
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

#[wasm_bindgen_test]
async fn the_js_api_drives_the_rendered_widget_and_rejects_bad_options() {
    let el = placeholder(&[]);
    let options = js_sys::JSON::parse(
        r#"{"hypotheses": ["deadline"], "params": {"timeout_s": 45}}"#,
    )
    .unwrap();
    let handle = claimcheck::embed::mount_js(el.clone(), options)
        .unwrap_or_else(|_| panic!("mounts"));
    settle().await;
    let switches = |el: &Element| -> Vec<String> {
        let root = el.shadow_root().unwrap();
        let list = root.query_selector_all("button.cc-switch").unwrap();
        (0..list.length())
            .filter_map(|i| list.get(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .map(|b| b.get_attribute("aria-checked").unwrap_or_default())
            .collect()
    };
    let curve = |el: &Element| {
        in_shadow(el, "svg.cc-chart path.cc-curve")
            .and_then(|p| p.get_attribute("d"))
            .unwrap_or_default()
    };
    // The rendered widget follows the options, not just results().
    assert_eq!(switches(&el), ["false", "true", "false"]);
    let before = curve(&el);

    let results = handle.results().unwrap_or_else(|_| panic!("results"));
    let hyps = get(&results, "hypotheses");
    assert_eq!(js_sys::JSON::stringify(&hyps).unwrap(), "[\"deadline\"]");
    assert!(js_sys::Array::from(&get(&results, "checks")).length() >= 7);

    let all = js_sys::JSON::parse(
        r#"{"hypotheses": "deadline,election,underprovisioning"}"#,
    )
    .unwrap();
    handle.set(all).unwrap_or_else(|_| panic!("set"));
    settle().await;
    assert_eq!(switches(&el), ["true", "true", "true"]);
    assert_ne!(curve(&el), before, "set() did not redraw the curve");
    let after = handle.results().unwrap_or_else(|_| panic!("results"));
    assert_eq!(js_sys::Array::from(&get(&after, "hypotheses")).length(), 3);

    for (bad, field) in [
        (r#"{"hypotheses": "aliens"}"#, "`hypotheses`"),
        (r#"{"params": {"timeout_s": 9999}}"#, "`params.timeout_s`"),
        (r#"{"params": {"nope": 1}}"#, "`params.nope`"),
        (r#"{"hypothesis": "deadline"}"#, "`hypothesis`"),
        (r#"{"scenario": "atlantis"}"#, "`scenario`"),
        (r#"{"controls": "teleport"}"#, "`controls`"),
    ] {
        let err = claimcheck::embed::mount_js(
            el.clone(),
            js_sys::JSON::parse(bad).unwrap(),
        )
        .err()
        .unwrap_or_else(|| panic!("{bad} must be rejected"));
        let err: JsValue = err.into();
        let message = js_sys::Reflect::get(&err, &"message".into())
            .unwrap()
            .as_string()
            .unwrap();
        assert!(message.contains(field), "{bad}: {message}");
        assert!(err.is_instance_of::<js_sys::Error>());
    }
    handle.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_story_that_cannot_be_fetched_is_an_error_naming_its_url() {
    // Nothing listens there: the fetch fails, and says where it looked.
    let e =
        claimcheck::data::fetch("census-2016", "http://127.0.0.1:9/nowhere/")
            .await
            .unwrap_err();
    assert!(
        e.contains("http://127.0.0.1:9/nowhere/stories/census-2016.bin"),
        "{e}"
    );
}
