//! The widget's settings as text: the state format shared by the page
//! URL and (later) embed attributes.
//!
//! In a URL every key carries the prefix `cc-`, so the widget's keys
//! never collide with the host page's own query parameters:
//!
//! ```text
//! ?cc-hypotheses=deadline,underprovisioning&cc-timeout_s=45&cc-lang=fr
//! ```
//!
//! - `hypotheses`: a comma-separated list of `election`, `deadline`,
//!   `underprovisioning`, or `none`; absent means the default story;
//! - one key per parameter changed from its default, by its name
//!   (`timeout_s`), with a decimal number;
//! - `lang`: `en` or `fr`; `theme`: `light`, `dark` or `auto`.
//!
//! Parsing never fails: a bad entry is ignored, the rest still applies,
//! and each ignored entry is reported with the reason so the widget can
//! show a polite notice.

use claimcheck_model::params::{ParamError, ParamSpec, SPECS};
use claimcheck_model::{Hypothesis, HypothesisSet, Params};

use crate::i18n::Lang;

/// The prefix of the widget's keys in a page URL.
pub const URL_PREFIX: &str = "cc-";

/// The hypotheses a reader sees first: all three, so that switching one
/// off shows what it contributes.
pub const DEFAULT_HYPOTHESES: HypothesisSet = HypothesisSet::ALL;

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
    /// No header (title) or footer (background and sources).
    pub plain: bool,
    /// Reporter mode: an "Embed" button with both embed snippets.
    pub reporter: bool,
}

/// Why an entry was ignored.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The key is not a setting the widget knows.
    UnknownKey,
    /// The hypothesis list names something unknown.
    UnknownHypothesis(String),
    /// Not a number.
    NotANumber,
    /// A number outside the parameter's range.
    OutOfRange {
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
        /// The unit.
        unit: &'static str,
    },
    /// A language other than `en` or `fr`.
    UnknownLang,
    /// A theme other than `light`, `dark` or `auto`.
    UnknownTheme,
    /// A flag with a value other than empty, `true`, `false`, `1`, `0`.
    NotAFlag,
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
    pub fn message(&self, lang: Lang) -> String {
        let entry = format!("{}={}", self.key, self.value);
        let why = self.reason(lang);
        if lang == Lang::Fr {
            format!("« {entry} » ignoré : {why}.")
        } else {
            format!("Ignored “{entry}”: {why}.")
        }
    }

    /// What was wrong, without the entry.
    pub fn reason(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match &self.problem {
            Problem::UnknownKey if fr => "réglage inconnu".to_string(),
            Problem::UnknownKey => "unknown setting".to_string(),
            Problem::UnknownHypothesis(h) if fr => format!(
                "hypothèse « {h} » inconnue (attendu : election, \
                 deadline, underprovisioning ou none)"
            ),
            Problem::UnknownHypothesis(h) => format!(
                "unknown hypothesis “{h}” (expected election, deadline, \
                 underprovisioning or none)"
            ),
            Problem::NotANumber if fr => "ce n'est pas un nombre".into(),
            Problem::NotANumber => "not a number".into(),
            Problem::OutOfRange { min, max, unit } => {
                let (min, max) = (plain(*min), plain(*max));
                if fr {
                    format!("hors de la plage permise ({min} à {max} {unit})")
                } else {
                    format!(
                        "outside the allowed range ({min} to {max} {unit})"
                    )
                }
            }
            Problem::UnknownLang if fr => "langue attendue : en ou fr".into(),
            Problem::UnknownLang => "expected language en or fr".into(),
            Problem::UnknownTheme if fr => {
                "thème attendu : light, dark ou auto".into()
            }
            Problem::UnknownTheme => {
                "expected theme light, dark or auto".into()
            }
            Problem::NotAFlag if fr => {
                "attendu : rien, true, false, 1 ou 0".into()
            }
            Problem::NotAFlag => {
                "expected nothing, true, false, 1 or 0".into()
            }
        }
    }
}

/// Settings read from text, with what was ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
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
    /// Entries that were ignored, in the order given.
    pub ignored: Vec<Ignored>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            hypotheses: DEFAULT_HYPOTHESES,
            params: Params::default(),
            lang: None,
            theme: None,
            flags: Flags::default(),
            ignored: Vec::new(),
        }
    }
}

impl Settings {
    /// Reads `key=value` pairs. Only keys that start with `prefix` are
    /// the widget's; the prefix is stripped before matching. Later
    /// entries win over earlier ones.
    ///
    /// # Examples
    /// ```
    /// use claimcheck::settings::Settings;
    /// use claimcheck_model::{Hypothesis, HypothesisSet};
    /// let s = Settings::parse(
    ///     [("cc-hypotheses", "deadline"), ("cc-timeout_s", "oops")],
    ///     "cc-",
    /// );
    /// assert_eq!(s.hypotheses, HypothesisSet::of(&[Hypothesis::Deadline]));
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
        let mut s = Settings::default();
        for (key, value) in pairs {
            let (key, value) = (key.as_ref(), value.as_ref());
            let Some(name) = key.strip_prefix(prefix) else { continue };
            let ignore = |problem| Ignored {
                key: key.to_string(),
                value: value.to_string(),
                problem,
            };
            let v = value.trim();
            match name {
                "hypotheses" => match HypothesisSet::parse(v) {
                    Ok(set) => s.hypotheses = set,
                    Err(_) => {
                        let bad = v
                            .split(',')
                            .map(str::trim)
                            .find(|id| {
                                *id != "none"
                                    && Hypothesis::from_id(id).is_none()
                            })
                            .unwrap_or(v);
                        s.ignored.push(ignore(Problem::UnknownHypothesis(
                            bad.to_string(),
                        )));
                    }
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
                    let on = match v {
                        "" | "true" | "1" => true,
                        "false" | "0" => false,
                        _ => {
                            s.ignored.push(ignore(Problem::NotAFlag));
                            continue;
                        }
                    };
                    match name {
                        "static" => s.flags.static_view = on,
                        "plain" => s.flags.plain = on,
                        _ => s.flags.reporter = on,
                    }
                }
                _ => match s.params.with_text(name, v) {
                    Ok(p) => s.params = p,
                    Err(ParamError::Unknown { .. }) => {
                        s.ignored.push(ignore(Problem::UnknownKey))
                    }
                    Err(ParamError::Malformed { .. }) => {
                        s.ignored.push(ignore(Problem::NotANumber))
                    }
                    Err(ParamError::OutOfRange { min, max, .. }) => {
                        let unit =
                            ParamSpec::find(name).map_or("", |s| s.unit);
                        s.ignored.push(ignore(Problem::OutOfRange {
                            min,
                            max,
                            unit,
                        }))
                    }
                },
            }
        }
        s
    }
}

/// The `key=value` pairs that describe a state: the hypotheses always,
/// then every parameter that differs from its default; keys carry
/// `prefix`.
pub fn encode(
    hypotheses: HypothesisSet,
    params: &Params,
    prefix: &str,
) -> Vec<(String, String)> {
    let mut pairs =
        vec![(format!("{prefix}hypotheses"), hypotheses.to_string())];
    for (spec, value) in params.iter() {
        if value != spec.default {
            pairs.push((format!("{prefix}{}", spec.name), plain(value)));
        }
    }
    pairs
}

/// A number as plain text that parses back to the same `f64`, without
/// a trailing `.0` (`45`, `2.5`).
pub fn plain(value: f64) -> String {
    let s = value.to_string();
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The names of all parameters, for error messages and docs.
pub fn parameter_names() -> impl Iterator<Item = &'static str> {
    SPECS.iter().map(|s| s.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_through_pairs() {
        let on = HypothesisSet::of(&[Hypothesis::Deadline]);
        let params =
            Params::new(&[("timeout_s", 45.0), ("retry_pct", 62.5)]).unwrap();
        let pairs = encode(on, &params, URL_PREFIX);
        let back = Settings::parse(pairs, URL_PREFIX);
        assert_eq!(back.hypotheses, on);
        assert_eq!(back.params, params);
        assert!(back.ignored.is_empty());
    }

    #[test]
    fn only_changed_parameters_are_written() {
        let pairs = encode(HypothesisSet::NONE, &Params::default(), "cc-");
        assert_eq!(pairs, [("cc-hypotheses".into(), "none".into())]);
    }

    #[test]
    fn bad_entries_are_ignored_with_reasons_and_the_rest_applies() {
        let s = Settings::parse(
            [
                ("cc-hypotheses", "election,aliens"),
                ("cc-timeout_s", "100000"),
                ("cc-retry_pct", "abc"),
                ("cc-nonsense", "1"),
                ("cc-lang", "de"),
                ("cc-theme", "dark"),
                ("utm_source", "newsletter"),
            ],
            URL_PREFIX,
        );
        assert_eq!(s.hypotheses, DEFAULT_HYPOTHESES);
        assert_eq!(s.params, Params::default());
        assert_eq!(s.theme, Some(Theme::Dark));
        let problems: Vec<&Problem> =
            s.ignored.iter().map(|i| &i.problem).collect();
        assert!(matches!(
            problems.as_slice(),
            [
                Problem::UnknownHypothesis(h),
                Problem::OutOfRange { .. },
                Problem::NotANumber,
                Problem::UnknownKey,
                Problem::UnknownLang,
            ] if h == "aliens"
        ));
        let msg = s.ignored[1].message(Lang::En);
        assert!(msg.starts_with("Ignored “cc-timeout_s=100000”"), "{msg}");
        assert!(msg.contains("allowed range"), "{msg}");
        assert!(s.ignored[1].message(Lang::Fr).contains("ignoré"));
    }

    #[test]
    fn plain_numbers_parse_back_exactly() {
        for v in [45.0, 2.5, 0.1, 17_000.0, 1e-3] {
            assert_eq!(plain(v).parse::<f64>().unwrap(), v);
        }
        assert_eq!(plain(45.0), "45");
    }
}
