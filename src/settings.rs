//! The widget's settings as text: the one state format shared by the
//! page URL, embed attributes and the JS API.
//!
//! In a URL every key carries the prefix `cc-`, so the widget's keys
//! never collide with the host page's own query parameters; on an
//! element they are `data-` attributes:
//!
//! ```text
//! ?cc-scenario=eta-2016&cc-hypotheses=deadline&cc-timeout_s=45&cc-lang=fr
//! ```
//!
//! - `scenario`: a bundled scenario's id (default: the bundle's default);
//! - `hypotheses`: a comma-separated list of the scenario's hypothesis
//!   ids, or `none`; absent means all on;
//! - one key per parameter changed from its default, by its id
//!   (`timeout_s`), with a decimal number;
//! - `controls`: what this placement shows (see [`Controls`]);
//! - `view`: a panel to open (`evidence`, `tune`, `assumptions`,
//!   `record`, `data`, `share`);
//! - `lang`: `en` or `fr`; `theme`: `light`, `dark` or `auto`; the flags
//!   `static`, `plain`, `reporter`.
//!
//! Parsing never fails: a bad entry is ignored, the rest still applies,
//! and each ignored entry is reported with the reason so the widget can
//! show a polite notice.

use std::rc::Rc;

use claimcheck_model::locale::Lang;
use claimcheck_model::{HypothesisSet, ParamError, Params, Scenario};

use crate::data;
use crate::i18n;

/// The prefix of the widget's keys in a page URL.
pub const URL_PREFIX: &str = "cc-";

/// Light, dark, or following the reader's system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// `auto`, `light` or `dark`.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(text: &str) -> Option<Theme> {
        match text {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// How the widget is drawn, as Datawrapper's embeds have it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// No interaction: the given state, for print and screenshots.
    pub static_view: bool,
    /// No header (title) and no record panels.
    pub plain: bool,
    /// Reporter mode: the share panel with embed codes and exports.
    pub reporter: bool,
}

/// The panels behind the compact view, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    /// Each observation: the record, the check, the result.
    Evidence,
    /// The sliders.
    Tune,
    /// Every parameter: value, range, record or assumption, why.
    Assumptions,
    /// The record: timeline, background, sources.
    Record,
    /// The hourly data table.
    Data,
    /// Link, exports, embed codes, fact-check markup.
    Share,
}

impl Panel {
    /// Every panel, in tab order.
    pub const ALL: [Panel; 6] = [
        Panel::Evidence,
        Panel::Tune,
        Panel::Assumptions,
        Panel::Record,
        Panel::Data,
        Panel::Share,
    ];

    /// The id used in `view=` and `controls=`.
    pub fn id(self) -> &'static str {
        match self {
            Panel::Evidence => "evidence",
            Panel::Tune => "tune",
            Panel::Assumptions => "assumptions",
            Panel::Record => "record",
            Panel::Data => "data",
            Panel::Share => "share",
        }
    }

    /// The panel with this id.
    pub fn from_id(id: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// What one placement shows. An article can put one small widget beside
/// each paragraph, each with its own switches, panels and state.
#[derive(Clone, Debug, PartialEq)]
pub struct Controls {
    /// The hypothesis switches shown.
    pub switches: HypothesisSet,
    /// Whether the presets are shown.
    pub presets: bool,
    /// Whether the chart is shown.
    pub chart: bool,
    /// Whether the claims and their verdicts are shown.
    pub claims: bool,
    /// The panels offered.
    pub panels: Vec<Panel>,
}

impl Controls {
    /// Everything, for a scenario with `n` hypotheses.
    pub fn all(n: usize) -> Controls {
        Controls {
            switches: HypothesisSet::all(n),
            presets: true,
            chart: true,
            claims: true,
            panels: Panel::ALL.to_vec(),
        }
    }

    /// Whether every control is shown.
    pub fn is_all(&self, n: usize) -> bool {
        *self == Controls::all(n)
    }

    /// The control words, for messages.
    pub const WORDS: [&'static str; 7] = [
        "all",
        "switches",
        "presets",
        "chart",
        "claims",
        "panels",
        "a hypothesis or panel id",
    ];
}

/// Why an entry was ignored.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The key is not a setting the widget knows.
    UnknownKey,
    /// No bundled scenario has this id.
    UnknownScenario {
        /// The ids there are.
        known: Vec<String>,
    },
    /// A story of this build that is fetched on demand, and could not be
    /// (the network, or the bundle's `stories/` folder is missing).
    StoryUnavailable,
    /// The hypothesis list names something unknown.
    UnknownHypothesis {
        /// The unknown id.
        id: String,
        /// The ids there are.
        known: Vec<String>,
    },
    /// Not a number.
    NotANumber,
    /// A number outside the parameter's range.
    OutOfRange {
        /// The parameter's index.
        index: usize,
    },
    /// A language other than `en` or `fr`.
    UnknownLang,
    /// A theme other than `light`, `dark` or `auto`.
    UnknownTheme,
    /// A flag with a value other than empty, `true`, `false`, `1`, `0`.
    NotAFlag,
    /// A word in `controls` that is neither a control, a hypothesis nor
    /// a panel.
    UnknownControl {
        /// The word.
        word: String,
    },
    /// A `view` that is not a panel.
    UnknownView,
}

/// One entry that was ignored, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Ignored {
    /// The key as written, prefix included.
    pub key: String,
    /// The value as written.
    pub value: String,
    /// What was wrong.
    pub problem: Problem,
}

impl Ignored {
    /// One sentence for the notice and the console.
    pub fn message(&self, scenario: &Scenario, lang: Lang) -> String {
        let entry = lang.quote(&format!("{}={}", self.key, self.value));
        let why = i18n::ignored_reason(&self.problem, scenario, lang);
        match lang {
            Lang::En => format!("Ignored {entry}: {why}."),
            Lang::Fr => format!("Réglage {entry} ignoré\u{a0}: {why}."),
        }
    }
}

/// Settings read from text, with what was ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The scenario.
    pub scenario: Rc<Scenario>,
    /// The hypotheses switched on.
    pub hypotheses: HypothesisSet,
    /// Parameter values; defaults where nothing valid was given.
    pub params: Params,
    /// The language, if one was given.
    pub lang: Option<Lang>,
    /// The theme, if one was given.
    pub theme: Option<Theme>,
    /// Render flags.
    pub flags: Flags,
    /// What this placement shows.
    pub controls: Controls,
    /// The panel to open, if any.
    pub view: Option<Panel>,
    /// Entries that were ignored, in the order given.
    pub ignored: Vec<Ignored>,
}

impl Settings {
    /// The defaults of `scenario`: every hypothesis on, every parameter
    /// at its default, every control shown.
    pub fn defaults(scenario: Rc<Scenario>) -> Settings {
        let n = scenario.hypotheses.len();
        Settings {
            hypotheses: HypothesisSet::all(n),
            params: Params::defaults(&scenario.params),
            lang: None,
            theme: None,
            flags: Flags::default(),
            controls: Controls::all(n),
            view: None,
            ignored: Vec::new(),
            scenario,
        }
    }

    /// Reads `key=value` pairs. Only keys that start with `prefix` are
    /// the widget's; the prefix is stripped before matching. Later
    /// entries win over earlier ones; the scenario is read first, since
    /// the other keys depend on it.
    ///
    /// # Examples
    /// ```
    /// use claimcheck::settings::Settings;
    /// let s = Settings::parse(
    ///     [("cc-hypotheses", "none"), ("cc-timeout_s", "oops")],
    ///     "cc-",
    /// );
    /// assert!(s.hypotheses.is_empty());
    /// assert_eq!(s.ignored.len(), 1);
    /// ```
    pub fn parse<K, V>(
        pairs: impl IntoIterator<Item = (K, V)>,
        prefix: &str,
    ) -> Settings
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let pairs: Vec<(String, String)> = pairs
            .into_iter()
            .filter_map(|(k, v)| {
                let k = k.as_ref();
                k.strip_prefix(prefix)
                    .map(|_| (k.to_string(), v.as_ref().trim().to_string()))
            })
            .collect();
        let name = |k: &str| k[prefix.len()..].to_string();
        let mut ignored = Vec::new();
        let mut scenario = None;
        for (k, v) in &pairs {
            if name(k) == "scenario" {
                match data::load(v) {
                    Some(s) => scenario = Some(s),
                    None if data::is_known(v) => ignored.push(Ignored {
                        key: k.clone(),
                        value: v.clone(),
                        problem: Problem::StoryUnavailable,
                    }),
                    None => ignored.push(Ignored {
                        key: k.clone(),
                        value: v.clone(),
                        problem: Problem::UnknownScenario {
                            known: data::catalog()
                                .into_iter()
                                .map(|(id, _)| id)
                                .collect(),
                        },
                    }),
                }
            }
        }
        let mut s = Settings::defaults(
            scenario.unwrap_or_else(data::default_scenario),
        );
        s.ignored = ignored;
        let ids: Vec<&str> =
            s.scenario.hypotheses.iter().map(|h| h.id.as_str()).collect();
        let known = || ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for (key, v) in &pairs {
            let ignore = |problem| Ignored {
                key: key.clone(),
                value: v.clone(),
                problem,
            };
            let n = name(key);
            match n.as_str() {
                "scenario" => {}
                "hypotheses" => match HypothesisSet::parse(v, &ids) {
                    Ok(set) => s.hypotheses = set,
                    Err(_) => {
                        let bad = v
                            .split(',')
                            .map(str::trim)
                            .find(|id| *id != "none" && !ids.contains(id))
                            .unwrap_or(v);
                        s.ignored.push(ignore(Problem::UnknownHypothesis {
                            id: bad.to_string(),
                            known: known(),
                        }));
                    }
                },
                "controls" => match parse_controls(v, &s.scenario) {
                    Ok(c) => s.controls = c,
                    Err(word) => s
                        .ignored
                        .push(ignore(Problem::UnknownControl { word })),
                },
                "view" => match Panel::from_id(v) {
                    Some(p) => s.view = Some(p),
                    None => s.ignored.push(ignore(Problem::UnknownView)),
                },
                "lang" => match Lang::from_tag(v) {
                    Some(lang) => s.lang = Some(lang),
                    None => s.ignored.push(ignore(Problem::UnknownLang)),
                },
                "theme" => match Theme::parse(v) {
                    Some(theme) => s.theme = Some(theme),
                    None => s.ignored.push(ignore(Problem::UnknownTheme)),
                },
                "static" | "plain" | "reporter" => {
                    let on = match v.as_str() {
                        "" | "true" | "1" => true,
                        "false" | "0" => false,
                        _ => {
                            s.ignored.push(ignore(Problem::NotAFlag));
                            continue;
                        }
                    };
                    match n.as_str() {
                        "static" => s.flags.static_view = on,
                        "plain" => s.flags.plain = on,
                        _ => s.flags.reporter = on,
                    }
                }
                _ => {
                    match s.params.clone().with_text(&s.scenario.params, &n, v)
                    {
                        Ok(p) => s.params = p,
                        Err(ParamError::Unknown { .. }) => {
                            s.ignored.push(ignore(Problem::UnknownKey))
                        }
                        Err(ParamError::Malformed { .. }) => {
                            s.ignored.push(ignore(Problem::NotANumber))
                        }
                        Err(ParamError::OutOfRange { .. }) => {
                            let index = Params::index(&s.scenario.params, &n)
                                .unwrap_or(0);
                            s.ignored
                                .push(ignore(Problem::OutOfRange { index }))
                        }
                    }
                }
            }
        }
        s
    }
}

fn parse_controls(
    text: &str,
    scenario: &Scenario,
) -> Result<Controls, String> {
    let n = scenario.hypotheses.len();
    let words: Vec<&str> =
        text.split(',').map(str::trim).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words == ["all"] {
        return Ok(Controls::all(n));
    }
    let mut c = Controls {
        switches: HypothesisSet::NONE,
        presets: false,
        chart: false,
        claims: false,
        panels: Vec::new(),
    };
    for w in words {
        match w {
            "all" => return Ok(Controls::all(n)),
            "switches" => c.switches = HypothesisSet::all(n),
            "presets" => c.presets = true,
            "chart" => c.chart = true,
            "claims" => c.claims = true,
            "panels" => c.panels = Panel::ALL.to_vec(),
            _ => {
                if let Some(h) = scenario.hypothesis_index(w) {
                    c.switches.insert(h);
                } else if let Some(p) = Panel::from_id(w) {
                    if !c.panels.contains(&p) {
                        c.panels.push(p);
                    }
                } else {
                    return Err(w.to_string());
                }
            }
        }
    }
    Ok(c)
}

/// The `key=value` pairs that describe a state: the scenario when it is
/// not the default, the hypotheses, then every parameter that differs
/// from its default; keys carry `prefix`.
pub fn encode(
    scenario: &Scenario,
    hypotheses: HypothesisSet,
    params: &Params,
    prefix: &str,
) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if !scenario.default {
        pairs.push((format!("{prefix}scenario"), scenario.id.clone()));
    }
    let ids: Vec<&str> =
        scenario.hypotheses.iter().map(|h| h.id.as_str()).collect();
    pairs.push((format!("{prefix}hypotheses"), hypotheses.ids(&ids)));
    for (spec, &value) in scenario.params.iter().zip(params.values()) {
        if value != spec.default {
            pairs.push((format!("{prefix}{}", spec.id), plain(value)));
        }
    }
    pairs
}

/// A number as plain text that parses back to the same `f64`, without
/// a trailing `.0` (`45`, `2.5`), for URLs and attributes.
pub fn plain(value: f64) -> String {
    claimcheck_model::locale::shortest(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eta() -> Rc<Scenario> {
        data::default_scenario()
    }

    #[test]
    fn state_round_trips_through_pairs() {
        let s = eta();
        let on = HypothesisSet::of(&[1]);
        let params = Params::defaults(&s.params)
            .with(&s.params, &s.params[0].id, s.params[0].max)
            .unwrap();
        let pairs = encode(&s, on, &params, URL_PREFIX);
        let back = Settings::parse(pairs, URL_PREFIX);
        assert_eq!(back.hypotheses, on);
        assert_eq!(back.params, params);
        assert!(back.ignored.is_empty());
    }

    #[test]
    fn only_changed_parameters_are_written() {
        let s = eta();
        let pairs = encode(
            &s,
            HypothesisSet::NONE,
            &Params::defaults(&s.params),
            "cc-",
        );
        assert_eq!(pairs, [("cc-hypotheses".into(), "none".into())]);
    }

    #[test]
    fn bad_entries_are_ignored_with_reasons_and_the_rest_applies() {
        let s = Settings::parse(
            [
                ("cc-hypotheses", "aliens"),
                ("cc-nonsense", "1"),
                ("cc-lang", "de"),
                ("cc-theme", "dark"),
                ("cc-scenario", "nowhere"),
                ("cc-controls", "chart,teleport"),
                ("cc-view", "kitchen"),
                ("utm_source", "newsletter"),
            ],
            URL_PREFIX,
        );
        assert_eq!(s.scenario.id, data::default_id());
        assert_eq!(
            s.hypotheses,
            HypothesisSet::all(s.scenario.hypotheses.len())
        );
        assert_eq!(s.theme, Some(Theme::Dark));
        let problems: Vec<&Problem> =
            s.ignored.iter().map(|i| &i.problem).collect();
        assert!(
            matches!(
                problems.as_slice(),
                [
                    Problem::UnknownScenario { .. },
                    Problem::UnknownHypothesis { id, .. },
                    Problem::UnknownKey,
                    Problem::UnknownLang,
                    Problem::UnknownControl { word },
                    Problem::UnknownView,
                ] if id == "aliens" && word == "teleport"
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn controls_pick_switches_and_panels() {
        let s = eta();
        let h = s.hypotheses[1].id.clone();
        let c = parse_controls(&format!("{h},chart,evidence"), &s).unwrap();
        assert_eq!(c.switches, HypothesisSet::of(&[1]));
        assert!(c.chart && !c.claims && !c.presets);
        assert_eq!(c.panels, [Panel::Evidence]);
        assert!(parse_controls("all", &s).unwrap().is_all(s.hypotheses.len()));
    }

    #[test]
    fn plain_numbers_parse_back_exactly() {
        for v in [45.0, 2.5, 0.1, 17_000.0, 1e-3] {
            assert_eq!(plain(v).parse::<f64>().unwrap(), v);
        }
        assert_eq!(plain(45.0), "45");
    }
}
