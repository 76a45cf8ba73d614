//! Interface strings and time formats in English and French.
//!
//! Scenario sentences carry their own translations (`Text::get`); this
//! module holds only the widget's own words, and the formats of times
//! and dates: "2 p.m." in English, "14 h" in Canadian French.

use claimcheck_model::scenario::Text;
use claimcheck_model::time::LocalTime;
use web_sys::Element;

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Canadian French.
    Fr,
}

impl Lang {
    /// Reads a BCP 47 tag: anything starting with `fr` is French, every
    /// other tag English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "fr" || tag.starts_with("fr-") {
            Some(Lang::Fr)
        } else if tag == "en" || tag.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of `element`: its own `lang`, else the nearest
    /// ancestor's, else the document's, else English.
    pub fn of_element(element: &Element) -> Lang {
        let mut node = Some(element.clone());
        while let Some(el) = node {
            if let Some(lang) =
                el.get_attribute("lang").and_then(|t| Lang::from_tag(&t))
            {
                return lang;
            }
            node = el.parent_element();
        }
        gloo::utils::document()
            .document_element()
            .and_then(|root| root.get_attribute("lang"))
            .and_then(|t| Lang::from_tag(&t))
            .unwrap_or_default()
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr-CA",
        }
    }

    /// The key scenario texts use.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// A scenario text in this language.
    pub fn text(self, text: &Text) -> &str {
        text.get(self.key())
    }

    /// The model's language for number formats.
    pub fn model(self) -> claimcheck_model::checks::Lang {
        match self {
            Lang::En => claimcheck_model::checks::Lang::En,
            Lang::Fr => claimcheck_model::checks::Lang::Fr,
        }
    }

    /// A fraction as a percentage: `12.3 %` / `12,3 %`.
    pub fn percent(self, fraction: f64, decimals: usize) -> String {
        let v = if fraction.is_finite() { fraction * 100.0 } else { 0.0 };
        format!(
            "{} %",
            claimcheck_model::checks::num(v, decimals, self.model())
        )
    }

    /// A count with thousands separators (`4,100` / `4 100`), rounded to
    /// the nearest thousand above 10,000.
    pub fn compact(self, v: f64) -> String {
        claimcheck_model::checks::int(v, self.model())
    }

    /// A number with `decimals` decimals and the language's decimal mark.
    pub fn number(self, v: f64, decimals: usize) -> String {
        claimcheck_model::checks::num(v, decimals, self.model())
    }

    /// A parameter unit in this language.
    pub fn unit(self, unit: &'static str) -> &'static str {
        if self == Lang::En {
            return unit;
        }
        match unit {
            "h ET on 8 Nov" => "h HE le 8 nov.",
            "h ET" => "h HE",
            "h after 8 Nov 00:00" => "h après le 8 nov., 0 h",
            "servers" => "serveurs",
            "users/h" => "internautes/h",
            "users/min" => "internautes/min",
            "× anchor" => "× l'ancrage",
            "× normal" => "× la normale",
            other => other,
        }
    }

    /// "a, b and c" / "a, b et c".
    pub fn list(self, items: &[&str]) -> String {
        let and = self.ui().and;
        match items {
            [] => String::new(),
            [one] => one.to_string(),
            [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
        }
    }

    /// "It reproduces 5 of 7 observations in the record."
    pub fn reproduces(self, got: usize, of: usize) -> String {
        match self {
            Lang::En => format!(
                "It reproduces {got} of the record's {of} checkable observations."
            ),
            Lang::Fr => format!(
                "Il reproduit {got} des {of} observations vérifiables du dossier."
            ),
        }
    }

    /// The widget's own strings.
    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }

    /// A time of day: "2 p.m.", "2:30 p.m.", "midnight" / "14 h",
    /// "14 h 30".
    pub fn time_of_day(self, t: LocalTime) -> String {
        let (h, m) = (t.hour, t.minute);
        match self {
            Lang::En => {
                if h == 0 && m == 0 {
                    return "midnight".into();
                }
                if h == 12 && m == 0 {
                    return "noon".into();
                }
                let suffix = if h < 12 { "a.m." } else { "p.m." };
                let h12 = if h % 12 == 0 { 12 } else { h % 12 };
                if m == 0 {
                    format!("{h12} {suffix}")
                } else {
                    format!("{h12}:{m:02} {suffix}")
                }
            }
            Lang::Fr => {
                if m == 0 {
                    format!("{h} h")
                } else {
                    format!("{h} h {m:02}")
                }
            }
        }
    }

    /// A short date: "8 Nov" / "8 nov.".
    pub fn short_date(self, t: LocalTime) -> String {
        let i = usize::from(t.month.clamp(1, 12)) - 1;
        format!("{} {}", t.day, self.ui().months[i])
    }

    /// Date and time: "8 Nov, 2 p.m." / "8 nov., 14 h".
    pub fn date_time(self, t: LocalTime) -> String {
        format!("{}, {}", self.short_date(t), self.time_of_day(t))
    }
}

/// The widget's own words in one language.
pub struct Ui {
    /// Short month names, January first.
    pub months: [&'static str; 12],
    /// Label of the timeline figure.
    pub timeline_label: &'static str,
    /// Heading of the list of events.
    pub events_heading: &'static str,
    /// Heading of the background section.
    pub background_heading: &'static str,
    /// Heading of the claims section.
    pub claims_heading: &'static str,
    /// Heading of the sources section.
    pub sources_heading: &'static str,
    /// Marks the 11 p.m. account as a claim.
    pub claim_badge: &'static str,
    /// Names the kinds of event.
    pub kind_observation: &'static str,
    /// Names the kinds of event.
    pub kind_statement: &'static str,
    /// Names the kinds of event.
    pub kind_milestone: &'static str,
    /// Label of the deadline line.
    pub deadline_label: &'static str,
    /// Prompt in the detail box before anything is chosen.
    pub detail_prompt: &'static str,
    /// "Source:".
    pub source: &'static str,
    /// Uncertainty window prefix.
    pub window: &'static str,
    /// Joins the two ends of a window.
    pub and: &'static str,
    /// Says times are local to the story.
    pub times_note: &'static str,
    /// Shown when the scenario cannot be loaded.
    pub error_heading: &'static str,
    /// Title of the failure panel.
    pub panel_failing: &'static str,
    /// Title of the load panel.
    pub panel_load: &'static str,
    /// Short titles for narrow charts.
    pub panel_failing_short: &'static str,
    /// Short titles for narrow charts.
    pub panel_load_short: &'static str,
    /// Label of the claimed 11 p.m. onset line.
    pub claimed_onset: &'static str,
    /// The model reproduces an observation.
    pub pass: &'static str,
    /// The model does not reproduce an observation.
    pub fail: &'static str,
    /// The model agrees with a dated claim.
    pub claim_matches: &'static str,
    /// The model disagrees with a dated claim.
    pub claim_differs: &'static str,
    /// Label of the time slider.
    pub time_slider: &'static str,
    /// Summary: capacity under the under-provisioning hypothesis.
    pub servers_three_then_six: &'static str,
    /// Summary: capacity without it.
    pub servers_six: &'static str,
    /// Summary: no demand hypothesis on.
    pub summary_nothing: &'static str,
    /// Summary: opening word.
    pub summary_with: &'static str,
    /// Summary: "the model's site fails".
    pub summary_fails: &'static str,
    /// Summary: "of requests at".
    pub summary_of_requests_at: &'static str,
    /// Summary: never degraded.
    pub summary_never_degraded: &'static str,
    /// Summary: degraded from.
    pub summary_degraded_from: &'static str,
    /// Summary: peaks at.
    pub summary_peaks: &'static str,
    /// Readout before any time is chosen.
    pub readout_prompt: &'static str,
    /// Readout: failing.
    pub readout_failing: &'static str,
    /// Readout: demand.
    pub readout_demand: &'static str,
    /// Readout: US share.
    pub readout_us_share: &'static str,
    /// Unit: users per minute.
    pub per_min: &'static str,
    /// Legend entries.
    pub legend_failing: &'static str,
    /// Legend entries.
    pub legend_baseline: &'static str,
    /// Legend entries.
    pub legend_deadline: &'static str,
    /// Legend entries.
    pub legend_election: &'static str,
    /// Legend entries.
    pub legend_attempts: &'static str,
    /// Legend entries.
    pub legend_capacity: &'static str,
    /// Legend entries.
    pub legend_pass: &'static str,
    /// Legend entries.
    pub legend_fail: &'static str,
    /// Controls heading.
    pub controls_heading: &'static str,
    /// Presets label.
    pub presets_label: &'static str,
    /// Reset button.
    pub reset_all: &'static str,
    /// Copy link button.
    pub copy_link: &'static str,
    /// After copying.
    pub link_copied: &'static str,
    /// When the clipboard refuses.
    pub copy_failed: &'static str,
    /// Reset one parameter (before its label).
    pub reset_param: &'static str,
    /// "default".
    pub default_word: &'static str,
    /// Disclosure of the shared assumptions' sliders.
    pub more_assumptions: &'static str,
    /// Provenance labels.
    pub record_fact: &'static str,
    /// Provenance labels.
    pub assumption: &'static str,
    /// Evidence panel heading.
    pub evidence_heading: &'static str,
    /// Evidence panel intro.
    pub evidence_intro: &'static str,
    /// Claims panel intro.
    pub claims_intro: &'static str,
    /// "Best fit".
    pub best_fit: &'static str,
    /// Assumptions panel heading.
    pub assumptions_heading: &'static str,
    /// Assumptions table columns.
    pub col_parameter: &'static str,
    /// Assumptions table columns.
    pub col_value: &'static str,
    /// Assumptions table columns.
    pub col_range: &'static str,
    /// Assumptions table columns.
    pub col_kind: &'static str,
    /// Assumptions table columns.
    pub col_why: &'static str,
    /// Data table disclosure.
    pub table_heading: &'static str,
    /// Data table columns.
    pub col_time: &'static str,
    /// Notice heading for ignored settings.
    pub notice_heading: &'static str,
    /// Live region: verdicts changed.
    pub verdicts_now: &'static str,
    /// Verdict word before the label.
    pub verdict_word: &'static str,
    /// Hypothesis switch state.
    pub on: &'static str,
    /// Hypothesis switch state.
    pub off: &'static str,
    /// Claim cites these checks.
    pub checks_behind: &'static str,
    /// Heading of the tuning section.
    pub tune_heading: &'static str,
    /// Legend of the shared assumptions' group.
    pub shared_assumptions: &'static str,
    /// Reporter mode.
    pub embed: &'static str,
    /// Reporter mode.
    pub embed_script: &'static str,
    /// Reporter mode.
    pub embed_iframe: &'static str,
    /// Reporter mode.
    pub copy_code: &'static str,
    /// Reporter mode.
    pub code_copied: &'static str,
    /// The iframe's title.
    pub iframe_title: &'static str,
    /// Served users column.
    pub served: &'static str,
    /// Theme and language control labels.
    pub theme_label: &'static str,
}

const EN: Ui = Ui {
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec",
    ],
    timeline_label: "Timeline of the documented record, 8 to 10 November 2016",
    events_heading: "What the record says happened",
    background_heading: "Background and later statements",
    claims_heading: "The claims under test",
    sources_heading: "Sources",
    claim_badge: "claim, not an observation",
    kind_observation: "observation",
    kind_statement: "statement",
    kind_milestone: "milestone",
    deadline_label: "eTA deadline",
    detail_prompt:
        "Hover over, tap or tab to an event to read what the record says.",
    source: "Source",
    window: "between",
    and: "and",
    times_note: "All times Eastern (UTC−5).",
    error_heading: "This widget could not load its data",
    panel_failing: "Requests the model's site fails",
    panel_load: "Demand and capacity, users per minute",
    panel_failing_short: "Requests failing",
    panel_load_short: "Demand, capacity (users/min)",
    claimed_onset: "claimed onset, 11 p.m.",
    pass: "— the model reproduces this",
    fail: "— the model does not reproduce this",
    claim_matches: "— the model's onset matches this claim",
    claim_differs: "— the model's onset does not match this claim",
    time_slider: "Time",
    servers_three_then_six: "three servers until the fix, six after",
    servers_six: "six servers all along",
    summary_nothing: "ordinary traffic only",
    summary_with: "With",
    summary_fails: "the model's site fails",
    summary_of_requests_at: "of requests at",
    summary_never_degraded: "it is never degraded",
    summary_degraded_from: "it is degraded from",
    summary_peaks: "and peaks at",
    readout_prompt: "Point at the chart or move the time slider to read the values at a moment.",
    readout_failing: "failing",
    readout_demand: "demand",
    readout_us_share: "US share",
    per_min: "users/min",
    legend_failing: "requests failing",
    legend_baseline: "ordinary traffic",
    legend_deadline: "deadline applicants",
    legend_election: "US election visitors",
    legend_attempts: "attempts incl. retries",
    legend_capacity: "capacity",
    legend_pass: "✓ reproduced",
    legend_fail: "✗ not reproduced",
    controls_heading: "Hypotheses",
    presets_label: "Presets",
    reset_all: "Reset",
    copy_link: "Copy link",
    link_copied: "Link copied.",
    copy_failed: "Could not copy; the link is in the address bar.",
    reset_param: "Reset",
    default_word: "default",
    more_assumptions: "More assumptions",
    record_fact: "record fact",
    assumption: "assumption",
    evidence_heading: "What the model reproduces",
    evidence_intro: "Each observation in the record, checked against the model's curve.",
    claims_intro: "Each claim, judged with the hypotheses switched on above.",
    best_fit: "Best fit with these assumptions",
    assumptions_heading: "Assumptions and record facts",
    col_parameter: "Parameter",
    col_value: "Value",
    col_range: "Range",
    col_kind: "Source",
    col_why: "Why",
    table_heading: "Hourly values (data table)",
    col_time: "Time",
    notice_heading: "Some settings were ignored",
    verdicts_now: "Verdicts now",
    verdict_word: "Verdict",
    on: "on",
    off: "off",
    checks_behind: "Checks",
    tune_heading: "Tune the hypotheses",
    shared_assumptions: "Traffic, servers, behaviour and thresholds",
    embed: "Embed",
    embed_script: "Script embed (the widget in the page)",
    embed_iframe: "Iframe embed (for CMSes that allow only iframes)",
    copy_code: "Copy code",
    code_copied: "Code copied.",
    iframe_title: "Claim checker: the IRCC website outage of November 2016",
    served: "served",
    theme_label: "Theme",
};

const FR: Ui = Ui {
    months: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août",
        "sept.", "oct.", "nov.", "déc.",
    ],
    timeline_label: "Chronologie du dossier documenté, du 8 au 10 novembre 2016",
    events_heading: "Ce que le dossier rapporte",
    background_heading: "Contexte et déclarations ultérieures",
    claims_heading: "Les affirmations mises à l'épreuve",
    sources_heading: "Sources",
    claim_badge: "affirmation, pas une observation",
    kind_observation: "observation",
    kind_statement: "déclaration",
    kind_milestone: "jalon",
    deadline_label: "échéance de l'AVE",
    detail_prompt: "Survolez, touchez ou atteignez un événement au clavier pour lire ce que dit le dossier.",
    source: "Source",
    window: "entre",
    and: "et",
    times_note: "Heures de l'Est (UTC−5).",
    error_heading: "Ce module n'a pas pu charger ses données",
    panel_failing: "Requêtes rejetées par le site du modèle",
    panel_load: "Demande et capacité, internautes par minute",
    panel_failing_short: "Requêtes rejetées",
    panel_load_short: "Demande, capacité (par min)",
    claimed_onset: "début allégué, 23 h",
    pass: "— le modèle le reproduit",
    fail: "— le modèle ne le reproduit pas",
    claim_matches: "— le début selon le modèle concorde avec cette affirmation",
    claim_differs: "— le début selon le modèle ne concorde pas avec cette affirmation",
    time_slider: "Heure",
    servers_three_then_six: "trois serveurs jusqu'à la réparation, six ensuite",
    servers_six: "six serveurs dès le départ",
    summary_nothing: "le trafic ordinaire seul",
    summary_with: "Avec",
    summary_fails: "le site du modèle rejette",
    summary_of_requests_at: "des requêtes le",
    summary_never_degraded: "il n'est jamais dégradé",
    summary_degraded_from: "il est dégradé dès le",
    summary_peaks: "et culmine à",
    readout_prompt: "Pointez le graphique ou déplacez le curseur d'heure pour lire les valeurs à un moment donné.",
    readout_failing: "rejets",
    readout_demand: "demande",
    readout_us_share: "part américaine",
    per_min: "internautes/min",
    legend_failing: "requêtes rejetées",
    legend_baseline: "trafic ordinaire",
    legend_deadline: "demandeurs avant l'échéance",
    legend_election: "visiteurs américains (élection)",
    legend_attempts: "tentatives, relances comprises",
    legend_capacity: "capacité",
    legend_pass: "✓ reproduit",
    legend_fail: "✗ non reproduit",
    controls_heading: "Hypothèses",
    presets_label: "Préréglages",
    reset_all: "Réinitialiser",
    copy_link: "Copier le lien",
    link_copied: "Lien copié.",
    copy_failed: "Copie impossible; le lien est dans la barre d'adresse.",
    reset_param: "Réinitialiser",
    default_word: "par défaut",
    more_assumptions: "Autres hypothèses de travail",
    record_fact: "fait du dossier",
    assumption: "hypothèse de travail",
    evidence_heading: "Ce que le modèle reproduit",
    evidence_intro: "Chaque observation du dossier, confrontée à la courbe du modèle.",
    claims_intro: "Chaque affirmation, jugée avec les hypothèses activées ci-dessus.",
    best_fit: "Meilleur ajustement avec ces hypothèses de travail",
    assumptions_heading: "Hypothèses de travail et faits du dossier",
    col_parameter: "Paramètre",
    col_value: "Valeur",
    col_range: "Plage",
    col_kind: "Source",
    col_why: "Pourquoi",
    table_heading: "Valeurs horaires (tableau de données)",
    col_time: "Heure",
    notice_heading: "Certains réglages ont été ignorés",
    verdicts_now: "Verdicts actuels",
    verdict_word: "Verdict",
    on: "activée",
    off: "désactivée",
    checks_behind: "Contrôles",
    tune_heading: "Régler les hypothèses",
    shared_assumptions: "Trafic, serveurs, comportement et seuils",
    embed: "Intégrer",
    embed_script: "Intégration par script (le module dans la page)",
    embed_iframe: "Intégration par iframe (pour les CMS qui n'acceptent que les iframes)",
    copy_code: "Copier le code",
    code_copied: "Code copié.",
    iframe_title: "Vérificateur d'affirmations : la panne du site d'IRCC, novembre 2016",
    served: "servis",
    theme_label: "Thème",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> LocalTime {
        LocalTime::parse(s).unwrap()
    }

    #[test]
    fn times_follow_each_language() {
        assert_eq!(Lang::En.time_of_day(t("2016-11-08T14:00")), "2 p.m.");
        assert_eq!(Lang::Fr.time_of_day(t("2016-11-08T14:00")), "14 h");
        assert_eq!(Lang::Fr.time_of_day(t("2016-11-08T14:30")), "14 h 30");
        assert_eq!(Lang::En.time_of_day(t("2016-11-10T00:00")), "midnight");
        assert_eq!(Lang::Fr.date_time(t("2016-11-09T22:00")), "9 nov., 22 h");
    }

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
    }
}
