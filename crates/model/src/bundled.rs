//! The scenarios bundled with this build: every `*.json` file in the
//! repository's `scenarios/` folder (see `scenarios/README.md`).
//!
//! The files are validated by this crate's tests and, for the widget,
//! at build time, so parsing them here cannot fail in a released build.

use crate::scenario::{Scenario, ScenarioError};

include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));

/// Parses every bundled file, in file-name order.
pub fn parse_all() -> Result<Vec<Scenario>, ScenarioError> {
    FILES.iter().map(|(file, json)| Scenario::parse(file, json)).collect()
}

/// Every bundled scenario, the default one first.
///
/// # Panics
/// If a bundled file is invalid, which the tests rule out.
pub fn all() -> Vec<Scenario> {
    let mut all = match parse_all() {
        Ok(all) => all,
        Err(e) => panic!("a bundled scenario is invalid: {e}"),
    };
    all.sort_by_key(|s| !s.default);
    all
}

/// The bundled scenario with this id.
pub fn find(id: &str) -> Option<Scenario> {
    all().into_iter().find(|s| s.id == id)
}

/// The default scenario: the one marked `"default": true` (else the
/// first by file name).
pub fn default_scenario() -> Scenario {
    all().into_iter().next().expect("at least one bundled scenario")
}
