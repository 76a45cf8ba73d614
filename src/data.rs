//! The scenarios of this build, validated at build time (`build.rs`).
//!
//! The default story is packed into the wasm. Every other story is a file
//! of the bundle, `stories/<id>.bin` in the same packed form, which a
//! widget fetches the first time it shows that story ([`fetch`]): a page
//! that shows the eTA story does not download the census story, and a new
//! story adds nothing to the pages that do not show it. The catalog of
//! every id is compiled in, so a widget can tell a story still to fetch
//! from an unknown id without asking the network. A scenario is decoded
//! once per page, then shared by every widget that shows it.

use std::cell::RefCell;
use std::rc::Rc;

use claimcheck_model::pack;
use claimcheck_model::Scenario;

static PACKED: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/scenarios.bin"));

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// Where a story that is not in the wasm lives, relative to the bundle's
/// folder.
pub const STORY_DIR: &str = "stories/";

thread_local! {
    static CACHE: RefCell<Vec<(String, Rc<Scenario>)>> = const { RefCell::new(Vec::new()) };
    /// The packed bytes of the stories fetched on this page, for the
    /// analysis workers (each loads its own copy of the wasm).
    static FETCHED: RefCell<Vec<(String, Rc<Vec<u8>>)>> = const { RefCell::new(Vec::new()) };
}

/// Each scenario's id and whether it is the default, in file-name order.
pub fn catalog() -> Vec<(String, bool)> {
    CATALOG.iter().map(|(id, d)| (id.to_string(), *d)).collect()
}

/// The id of the default scenario.
pub fn default_id() -> String {
    CATALOG
        .iter()
        .find(|(_, d)| *d)
        .or(CATALOG.first())
        .map(|(id, _)| id.to_string())
        .unwrap_or_default()
}

/// Whether `id` names a scenario of this build.
pub fn is_known(id: &str) -> bool {
    CATALOG.iter().any(|(k, _)| *k == id)
}

/// Whether `id` is a story of this build that must be fetched before a
/// widget can show it (known, not in the wasm, not fetched yet).
pub fn needs_fetch(id: &str) -> bool {
    is_known(id) && load(id).is_none()
}

/// The scenario with this id, decoded once per page: from the wasm, or
/// from a fetched story. `None` for an unknown id or a story not fetched.
pub fn load(id: &str) -> Option<Rc<Scenario>> {
    if let Some(s) = CACHE.with(|c| {
        c.borrow().iter().find(|(k, _)| k == id).map(|(_, s)| s.clone())
    }) {
        return Some(s);
    }
    let bytes = pack::split_all(PACKED)
        .ok()?
        .into_iter()
        .find(|b| pack::peek_id(b).is_ok_and(|k| k == id))?;
    let scenario = Rc::new(pack::unpack(bytes).ok()?);
    CACHE.with(|c| c.borrow_mut().push((id.to_string(), scenario.clone())));
    Some(scenario)
}

/// The default scenario.
pub fn default_scenario() -> Rc<Scenario> {
    load(&default_id()).expect("the bundle holds its default scenario")
}

/// Adds a fetched story (one packed scenario, as `claimcheck pack` writes
/// it) and returns its id. Refuses bytes that do not decode, or a
/// scenario this build does not list.
pub fn add(bytes: Vec<u8>) -> Result<String, String> {
    let id = pack::peek_id(&bytes).map_err(|e| e.to_string())?;
    if !is_known(&id) {
        return Err(format!("`{id}` is not a story of this build"));
    }
    if CACHE.with(|c| c.borrow().iter().any(|(k, _)| *k == id)) {
        return Ok(id);
    }
    let scenario = Rc::new(pack::unpack(&bytes).map_err(|e| e.to_string())?);
    CACHE.with(|c| c.borrow_mut().push((id.clone(), scenario)));
    FETCHED.with(|f| f.borrow_mut().push((id.clone(), Rc::new(bytes))));
    Ok(id)
}

/// The packed bytes of a story this page fetched, for a worker.
pub fn fetched_bytes(id: &str) -> Option<Rc<Vec<u8>>> {
    FETCHED.with(|f| {
        f.borrow().iter().find(|(k, _)| k == id).map(|(_, b)| b.clone())
    })
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The fetches under way, by id: a promise each settles when its
    /// fetch is over, so widgets that ask at the same time share one.
    static IN_FLIGHT: RefCell<Vec<(String, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches `<base>stories/<id>.bin` and adds it, once per page however
/// many widgets ask at the same time. An error says what went wrong (the
/// HTTP status, a network error, bytes that do not decode).
#[cfg(target_arch = "wasm32")]
pub async fn fetch(id: &str, base: &str) -> Result<(), String> {
    use wasm_bindgen_futures::JsFuture;
    let url = format!("{base}{STORY_DIR}{id}.bin");
    let waiting = IN_FLIGHT.with(|f| {
        f.borrow().iter().find(|(k, _)| k == id).map(|(_, p)| p.clone())
    });
    if let Some(promise) = waiting {
        let _ = JsFuture::from(promise).await;
        return match load(id) {
            Some(_) => Ok(()),
            None => Err(format!("{url}: could not be loaded")),
        };
    }
    let mut settle = None;
    let promise =
        js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve));
    IN_FLIGHT.with(|f| f.borrow_mut().push((id.to_string(), promise)));
    let result = fetch_once(id, &url).await;
    IN_FLIGHT.with(|f| f.borrow_mut().retain(|(k, _)| k != id));
    if let Some(resolve) = settle {
        let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
    }
    result
}

#[cfg(target_arch = "wasm32")]
async fn fetch_once(id: &str, url: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let said = |e: wasm_bindgen::JsValue| {
        format!(
            "{url}: {}",
            js_sys::Error::from(e).message().as_string().unwrap_or_default()
        )
    };
    let window = gloo::utils::window();
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(url))
            .await
            .map_err(said)?
            .unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(said)?)
        .await
        .map_err(said)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let got = add(bytes).map_err(|e| format!("{url}: {e}"))?;
    if got != id {
        return Err(format!("{url}: holds `{got}`, not `{id}`"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_lists_every_story_and_the_wasm_holds_the_default() {
        let ids: Vec<String> =
            catalog().into_iter().map(|(id, _)| id).collect();
        assert!(ids.contains(&"eta-2016".to_string()), "{ids:?}");
        assert!(ids.contains(&"census-2016".to_string()), "{ids:?}");
        assert_eq!(default_id(), "eta-2016");
        assert!(load("eta-2016").is_some());
        assert!(!needs_fetch("eta-2016"));
        // Census is a file of the bundle, not in the wasm.
        assert!(load("census-2016").is_none());
        assert!(needs_fetch("census-2016"));
        assert!(!needs_fetch("nowhere"));
        assert!(!is_known("nowhere"));
    }

    #[test]
    fn a_fetched_story_is_added_once_and_kept_for_the_workers() {
        let census = claimcheck_model::bundled::find("census-2016").unwrap();
        let bytes = pack::pack(&census);
        assert_eq!(add(bytes.clone()), Ok("census-2016".to_string()));
        assert!(!needs_fetch("census-2016"));
        assert_eq!(load("census-2016").unwrap().id, "census-2016");
        assert_eq!(fetched_bytes("census-2016").as_deref(), Some(&bytes));
        // A second copy changes nothing.
        assert_eq!(add(bytes), Ok("census-2016".to_string()));
        assert_eq!(FETCHED.with(|f| f.borrow().len()), 1);
    }

    #[test]
    fn bad_or_foreign_story_bytes_are_refused() {
        assert!(add(vec![1, 2, 3]).is_err());
        let mut other =
            claimcheck_model::bundled::find("census-2016").unwrap();
        other.id = "elsewhere".into();
        let e = add(pack::pack(&other)).unwrap_err();
        assert!(e.contains("elsewhere"), "{e}");
        assert!(load("elsewhere").is_none());
    }
}
