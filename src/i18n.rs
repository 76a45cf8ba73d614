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
