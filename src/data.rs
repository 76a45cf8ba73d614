//! The bundled scenarios, validated at build time (`build.rs`) and
//! packed into the bundle. A scenario is decoded the first time a widget
//! on the page shows it, then shared by every widget that does.

use std::cell::RefCell;
use std::rc::Rc;

use claimcheck_model::pack;
use claimcheck_model::Scenario;

static PACKED: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/scenarios.bin"));

thread_local! {
    static CACHE: RefCell<Vec<(String, Rc<Scenario>)>> = const { RefCell::new(Vec::new()) };
}

/// Each bundled scenario's id and whether it is the default, in bundle
/// order.
pub fn catalog() -> Vec<(String, bool)> {
    pack::split_all(PACKED)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|b| pack::peek_head(b).ok())
        .collect()
}

/// The id of the default scenario.
pub fn default_id() -> String {
    let all = catalog();
    all.iter()
        .find(|(_, d)| *d)
        .or(all.first())
        .map(|(id, _)| id.clone())
        .unwrap_or_default()
}

/// The bundled scenario with this id, decoded once per page.
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
