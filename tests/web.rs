//! Browser tests: each mounts the real widget into its own container in
//! headless Chromium and checks what a reader would see.
#![cfg(target_arch = "wasm32")]

use claimcheck::{mount, Lang, Options};
use claimcheck_model::Scenario;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, SvgElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the page, removed again by [`Mounted`]'s drop.
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
    fn query_all(&self, selector: &str) -> Vec<Element> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.get(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.container
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .text_content()
            .unwrap_or_default()
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

/// Lets Yew finish its scheduled renders.
async fn settle() {
    gloo::timers::future::TimeoutFuture::new(20).await;
}

#[wasm_bindgen_test]
async fn shows_the_record_from_the_scenario_data() {
    let scenario = Scenario::eta_2016();
    let w = mounted(Options { lang: Some(Lang::En) }).await;

    assert_eq!(w.text(".cc-title"), scenario.title.en);

    let on_axis = scenario.timeline().len();
    assert_eq!(on_axis, 11);
    assert_eq!(w.query_all(".cc-timeline-svg .cc-marker").len(), on_axis);
    assert_eq!(w.query_all(".cc-events > li").len(), on_axis);

    let quote = "SSC has indicated that ticket is pending and there's \
                 nothing that can be done";
    let item = w.text(r#".cc-events li[data-event="ticket-5pm"]"#);
    assert!(item.contains(quote), "quote missing from: {item}");
    let lang = w
        .container
        .query_selector(r#"li[data-event="ticket-5pm"] blockquote"#)
        .unwrap()
        .unwrap()
        .get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn focusing_a_marker_shows_its_quote_and_source() {
    let w = mounted(Options { lang: Some(Lang::En) }).await;
    let marker: SvgElement = w
        .container
        .query_selector(r#".cc-marker[data-event="fell-apart"]"#)
        .unwrap()
        .expect("fell-apart marker")
        .dyn_into()
        .unwrap();
    assert_eq!(marker.get_attribute("tabindex").as_deref(), Some("0"));
    marker.focus().unwrap();
    settle().await;

    let detail = w.text(".cc-detail");
    assert!(
        detail.contains("subsequently the thing fell apart"),
        "detail: {detail}"
    );
    assert!(detail.contains("CBC News"), "detail: {detail}");
    assert_eq!(marker.get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn the_claimed_11pm_onset_is_marked_as_a_claim() {
    let w = mounted(Options { lang: Some(Lang::En) }).await;
    let marker = w
        .container
        .query_selector(r#".cc-marker[data-event="official-11pm"]"#)
        .unwrap()
        .unwrap();
    let class = marker.get_attribute("class").unwrap_or_default();
    assert!(class.split(' ').any(|c| c == "cc-kind-claim"), "{class}");
    let label = marker.get_attribute("aria-label").unwrap();
    assert!(label.contains("claim, not an observation"), "{label}");
}

#[wasm_bindgen_test]
async fn french_renders_french_and_keeps_quotes_in_english() {
    let scenario = Scenario::eta_2016();
    let w = mounted(Options { lang: Some(Lang::Fr) }).await;
    assert_eq!(w.text(".cc-title"), scenario.title.fr.clone().unwrap());
    let when =
        w.text(r#".cc-events li[data-event="degraded-2pm"] .cc-event-when"#);
    assert!(when.contains("14 h"), "{when}");
    let item = w.text(r#".cc-events li[data-event="ticket-5pm"]"#);
    assert!(item.contains("there's nothing that can be done"), "{item}");
}
