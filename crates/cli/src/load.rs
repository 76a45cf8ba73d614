//! Finding a scenario: a bundled one by id, or a file by path.

use claimcheck_model::{bundled, Scenario, ScenarioError};

use crate::Failure;

/// The bundled scenarios of this build, each parsed on its own so that
/// one broken file does not hide the others.
pub struct Bundled {
    /// The valid ones, in file-name order.
    pub scenarios: Vec<Scenario>,
    /// The invalid ones (a build defect the model's tests rule out).
    pub errors: Vec<ScenarioError>,
}

impl Bundled {
    /// The id of the default scenario: the one marked `"default": true`,
    /// else the first by file name.
    pub fn default_id(&self) -> &str {
        self.scenarios
            .iter()
            .find(|s| s.default)
            .or(self.scenarios.first())
            .map_or("", |s| s.id.as_str())
    }

    /// The ids, the default first, for error messages.
    pub fn ids(&self) -> Vec<&str> {
        let default = self.default_id();
        let mut ids: Vec<&str> =
            self.scenarios.iter().map(|s| s.id.as_str()).collect();
        ids.sort_by_key(|id| *id != default);
        ids
    }

    /// A bundled invalid file as an error, if there is one.
    fn broken(&self) -> Option<Failure> {
        self.errors.first().map(|e| {
            Failure::input(format!("a bundled scenario is invalid: {e}"))
        })
    }
}

/// Parses every bundled scenario file.
pub fn bundled() -> Bundled {
    let mut scenarios = Vec::new();
    let mut errors = Vec::new();
    for (file, json) in bundled::FILES {
        match Scenario::parse(file, json) {
            Ok(s) => scenarios.push(s),
            Err(e) => errors.push(e),
        }
    }
    Bundled { scenarios, errors }
}

/// Reads and validates a scenario file.
pub fn file(path: &str) -> Result<Scenario, Failure> {
    let json = std::fs::read_to_string(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::InvalidData => "not UTF-8 text".to_string(),
            _ => e.to_string(),
        };
        Failure::input(format!("cannot read scenario file `{path}`: {why}"))
    })?;
    Scenario::parse(path, &json).map_err(|e| Failure::input(e.to_string()))
}

/// The scenario `--scenario` names: a bundled id, or else a file path;
/// without the option, the default bundled scenario.
pub fn scenario(choice: Option<&str>) -> Result<Scenario, Failure> {
    let mut list = bundled();
    let Some(choice) = choice else {
        let default = list.default_id().to_string();
        return match list.scenarios.iter().position(|s| s.id == default) {
            Some(i) => Ok(list.scenarios.swap_remove(i)),
            None => Err(list.broken().unwrap_or_else(|| {
                Failure::input("this build bundles no scenario")
            })),
        };
    };
    if let Some(i) = list.scenarios.iter().position(|s| s.id == choice) {
        return Ok(list.scenarios.swap_remove(i));
    }
    let path = std::path::Path::new(choice);
    let looks_like_path = choice.contains(['/', '\\'])
        || path.extension().is_some_and(|x| x == "json");
    if looks_like_path || path.exists() {
        return file(choice);
    }
    let ids = list.ids();
    let mut message = format!(
        "unknown scenario `{choice}`; expected the id of a bundled \
         scenario ({}) or the path of a scenario file",
        ids.join(", ")
    );
    if let Some(e) = list.errors.first() {
        message.push_str(&format!(
            "; note that a bundled scenario is invalid: {e}"
        ));
    }
    Err(Failure::input(message))
}
