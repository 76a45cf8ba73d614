//! The page URL and the clipboard: reading the state from the query,
//! writing it back with `history.replaceState`, and copying a link.

use claimcheck_model::{HypothesisSet, Params, Scenario};
use wasm_bindgen::JsValue;
use web_sys::{Url, UrlSearchParams};

use crate::settings::{encode, Panel, URL_PREFIX};

/// The page's query as `key=value` pairs.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let Ok(params) = UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    let iter = js_sys::try_iter(&params).ok().flatten();
    for entry in iter.into_iter().flatten().flatten() {
        let arr = js_sys::Array::from(&entry);
        if let (Some(k), Some(v)) =
            (arr.get(0).as_string(), arr.get(1).as_string())
        {
            pairs.push((k, v));
        }
    }
    pairs
}

/// The page URL with the widget's state in its query: the host page's
/// own parameters and the widget's `lang`, `theme` and `controls` are
/// kept, state keys are replaced; `view` names the open panel.
pub fn share_link(
    scenario: &Scenario,
    hypotheses: HypothesisSet,
    params: &Params,
    view: Option<Panel>,
) -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    let Ok(url) = Url::new(&href) else { return href };
    let search = url.search_params();
    let ours: Vec<String> = query_pairs()
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| k.starts_with(URL_PREFIX))
        .filter(|k| {
            !matches!(&k[URL_PREFIX.len()..], "lang" | "theme" | "controls")
        })
        .collect();
    for k in ours {
        search.delete(&k);
    }
    for (k, v) in encode(scenario, hypotheses, params, URL_PREFIX) {
        search.set(&k, &v);
    }
    if let Some(p) = view {
        search.set(&format!("{URL_PREFIX}view"), p.id());
    }
    url.href()
}

/// Writes the state into the address bar without a navigation.
pub fn replace_state(
    scenario: &Scenario,
    hypotheses: HypothesisSet,
    params: &Params,
    view: Option<Panel>,
) {
    let link = share_link(scenario, hypotheses, params, view);
    if let Ok(history) = gloo::utils::window().history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&link));
    }
}

/// Copies `text` to the clipboard; false if the browser refused.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// The URL of the folder of the current page, ending in `/`.
pub fn page_folder() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    match Url::new_with_base(".", &href) {
        Ok(u) => u.href(),
        Err(_) => String::new(),
    }
}
