//! Scenario files: the documented record of one incident, as data.
//!
//! A scenario is a JSON file (format `claimcheck-scenario/1`) holding the
//! record's sources, background facts, dated events, figures and claims,
//! plus the labels of the hypotheses and presets the widget offers. It is
//! parsed and **validated once**, here, into typed structs; after that the
//! rest of the model and the widget assume it is consistent.
//!
//! Validation rejects, with an error naming the file, the field and what
//! was expected:
//! - malformed JSON, a missing field or a value of the wrong type;
//! - a time that is not `YYYY-MM-DDTHH:MM`, or an uncertainty window that
//!   does not contain its own time;
//! - an event on the time axis outside the scenario window;
//! - a quote without a source, or any reference to an unknown source id;
//! - an unknown hypothesis, event or duplicate id.
//!
//! Events with a `time` are points on the time axis. Background facts
//! and statements made later (e.g. Shared Services Canada's 2017 "cause
//! unknown") belong to the record but have no `time`.
//!
//! The eTA 2016 scenario is compiled in: [`Scenario::eta_2016`].

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;

use crate::hypothesis::Hypothesis;
use crate::time::{Clock, LocalTime, Minute};

/// The format tag every scenario file must carry.
pub const FORMAT: &str = "claimcheck-scenario/1";

/// The bundled eTA 2016 scenario file, as text.
pub const ETA_2016_JSON: &str = include_str!("../data/eta-2016.json");

/// A sentence in English, with an optional French version.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Text {
    /// English.
    pub en: String,
    /// French (Canadian), where the scenario provides it.
    #[serde(default)]
    pub fr: Option<String>,
}

impl Text {
    /// The text in `lang` (`"fr"` or anything else for English), falling
    /// back to English where no French version exists.
    pub fn get(&self, lang: &str) -> &str {
        match (lang, &self.fr) {
            ("fr", Some(fr)) => fr,
            _ => &self.en,
        }
    }
}

/// A time on the axis with its uncertainty: `from ≤ at ≤ to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeWindow {
    /// The stated time ("~2 p.m." is 14:00).
    pub at: Minute,
    /// The earliest time the record allows.
    pub from: Minute,
    /// The latest time the record allows.
    pub to: Minute,
}

/// What kind of entry an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// Something the record says happened; a model can reproduce it.
    Observation,
    /// A dated account under test (the "11 p.m." version), not a fact.
    Claim,
    /// Something someone said, not a state of the site.
    Statement,
    /// A fixed point in time, such as the eTA deadline.
    Milestone,
}

impl EventKind {
    /// The id used in scenario files.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Observation => "observation",
            EventKind::Claim => "claim",
            EventKind::Statement => "statement",
            EventKind::Milestone => "milestone",
        }
    }
}

/// A verbatim quotation with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The words, verbatim.
    pub text: String,
    /// The language of the words (BCP 47, e.g. `en`).
    pub lang: String,
    /// The id of the source that printed it.
    pub source: String,
    /// Who said or wrote it, where the record says.
    pub speaker: Option<Text>,
}

/// A source document.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Short id, e.g. `CBC-2017`.
    pub id: String,
    /// The outlet.
    pub publisher: String,
    /// The author, where known.
    pub author: Option<String>,
    /// When it was published.
    pub date: Text,
    /// The headline, in its original language.
    pub title: String,
    /// The headline's language.
    pub title_lang: String,
    /// What the source is based on.
    pub note: Option<Text>,
}

/// A background fact: part of the record, not on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Background {
    /// Stable id.
    pub id: String,
    /// When, in words.
    pub when: Text,
    /// The fact.
    pub text: Text,
    /// Quotations that support it.
    pub quotes: Vec<Quote>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// An entry of the record's timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Stable id, used by checks, URLs and tests.
    pub id: String,
    /// What kind of entry this is.
    pub kind: EventKind,
    /// Where it sits on the time axis; `None` for statements made later.
    pub time: Option<TimeWindow>,
    /// When, in words, as the record puts it.
    pub when: Text,
    /// What happened, in the record's words.
    pub text: Text,
    /// Verbatim quotations.
    pub quotes: Vec<Quote>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A number from the record a model can be held to.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Stable id.
    pub id: String,
    /// The value, in `unit`.
    pub value: f64,
    /// The unit (`users`, `fraction`, `servers`, `minute`, ...).
    pub unit: String,
    /// The figure in words.
    pub text: Text,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A claim under test and the hypotheses it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Stable id.
    pub id: String,
    /// The claim.
    pub text: Text,
    /// Who made it.
    pub who: Text,
    /// When it was made.
    pub when: Text,
    /// Hypotheses the claim says were at work.
    pub asserts: Vec<Hypothesis>,
    /// Hypotheses the claim says were not.
    pub denies: Vec<Hypothesis>,
    /// Events the claim is about.
    pub events: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// The label and description of a hypothesis in this story.
#[derive(Clone, Debug, PartialEq)]
pub struct HypothesisInfo {
    /// Which hypothesis.
    pub hypothesis: Hypothesis,
    /// A short label for its switch.
    pub label: Text,
    /// One line on what it means.
    pub description: Text,
}

/// A named set of hypotheses.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// Stable id.
    pub id: String,
    /// The button's label.
    pub label: Text,
    /// The hypotheses it switches on; all others go off.
    pub hypotheses: Vec<Hypothesis>,
}

/// A validated scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Stable id, e.g. `eta-2016`.
    pub id: String,
    /// The headline.
    pub title: Text,
    /// A line under the headline.
    pub subtitle: Option<Text>,
    /// The clock: minute 0 is the window start.
    pub clock: Clock,
    /// The window's end, in minutes since its start.
    pub window_end: Minute,
    /// The time zone's abbreviation (ET / HE).
    pub zone: Text,
    /// Source documents.
    pub sources: Vec<Source>,
    /// The hypotheses' labels, in display order.
    pub hypotheses: Vec<HypothesisInfo>,
    /// Presets.
    pub presets: Vec<Preset>,
    /// Background facts.
    pub background: Vec<Background>,
    /// The timeline, in file order.
    pub events: Vec<Event>,
    /// Figures a model can be held to.
    pub figures: Vec<Figure>,
    /// The claims under test.
    pub claims: Vec<Claim>,
}

impl Scenario {
    /// Parses and validates a scenario file. `file` names it in errors.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::scenario::{Scenario, ETA_2016_JSON};
    /// let s = Scenario::parse("eta-2016.json", ETA_2016_JSON)?;
    /// assert_eq!(s.id, "eta-2016");
    /// # Ok::<(), claimcheck_model::ScenarioError>(())
    /// ```
    pub fn parse(file: &str, json: &str) -> Result<Scenario, ScenarioError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let raw: RawScenario =
            serde_path_to_error::deserialize(de).map_err(|e| {
                let field = e.path().to_string();
                ScenarioError::new(
                    file,
                    if field == "." { String::new() } else { field },
                    ScenarioErrorKind::Syntax {
                        message: e.inner().to_string(),
                    },
                )
            })?;
        Validator { file }.scenario(raw)
    }

    /// The bundled eTA 2016 scenario.
    ///
    /// The file is validated by this crate's tests, so this cannot fail
    /// for a released build; should it ever, the error is printed in the
    /// panic message.
    pub fn eta_2016() -> Scenario {
        match Scenario::parse("eta-2016.json", ETA_2016_JSON) {
            Ok(s) => s,
            Err(e) => panic!("bundled scenario is invalid: {e}"),
        }
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The figure with this id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// The label and description of a hypothesis.
    pub fn hypothesis(&self, h: Hypothesis) -> Option<&HypothesisInfo> {
        self.hypotheses.iter().find(|i| i.hypothesis == h)
    }

    /// The events that sit on the time axis, in time order.
    pub fn timeline(&self) -> Vec<&Event> {
        let mut v: Vec<&Event> =
            self.events.iter().filter(|e| e.time.is_some()).collect();
        v.sort_by_key(|e| e.time.map(|t| (t.at, t.from)));
        v
    }
}

/// Why a scenario file was rejected, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError {
    /// The file's name.
    pub file: String,
    /// The offending field, as a path (`events[3].time.at`); empty for
    /// the file as a whole.
    pub field: String,
    /// What was wrong.
    pub kind: ScenarioErrorKind,
}

/// The classes of scenario error.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioErrorKind {
    /// Not JSON, a missing field, or a value of the wrong type.
    Syntax {
        /// The parser's message, with line and column.
        message: String,
    },
    /// The `format` tag is not [`FORMAT`].
    UnsupportedFormat {
        /// What the file says.
        found: String,
    },
    /// A time that does not parse or is impossible.
    BadTime {
        /// What was wrong.
        message: String,
    },
    /// A window whose bounds do not contain its time, or an
    /// event window given both ways or neither way.
    BadWindow {
        /// What was wrong.
        message: String,
    },
    /// A time-axis event outside the scenario window.
    OutsideWindow {
        /// The offending time.
        time: String,
        /// The window's start.
        start: String,
        /// The window's end.
        end: String,
    },
    /// A quote with no source.
    QuoteWithoutSource,
    /// A reference to a source id the file does not list.
    UnknownSource {
        /// The id.
        id: String,
        /// The ids the file lists.
        known: Vec<String>,
    },
    /// A hypothesis id the model does not know.
    UnknownHypothesis {
        /// The id.
        id: String,
    },
    /// A hypothesis the model knows that the file gives no label for.
    MissingHypothesis {
        /// The id.
        id: String,
    },
    /// A reference to an event id the file does not list.
    UnknownEvent {
        /// The id.
        id: String,
    },
    /// Two entries share an id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A required text is empty.
    Empty,
}

impl ScenarioError {
    fn new(
        file: &str,
        field: impl Into<String>,
        kind: ScenarioErrorKind,
    ) -> ScenarioError {
        ScenarioError { file: file.to_string(), field: field.into(), kind }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ScenarioErrorKind::*;
        write!(f, "{}", self.file)?;
        if !self.field.is_empty() {
            write!(f, ": field `{}`", self.field)?;
        }
        f.write_str(": ")?;
        match &self.kind {
            Syntax { message } => write!(f, "{message}"),
            UnsupportedFormat { found } => {
                write!(f, "unsupported format `{found}`; expected `{FORMAT}`")
            }
            BadTime { message } | BadWindow { message } => {
                f.write_str(message)
            }
            OutsideWindow { time, start, end } => write!(
                f,
                "time {time} is outside the scenario window; expected \
                 between {start} and {end}"
            ),
            QuoteWithoutSource => f.write_str(
                "quote has no source; expected `source` with a source id",
            ),
            UnknownSource { id, known } => write!(
                f,
                "unknown source id `{id}`; expected one of {}",
                known.join(", ")
            ),
            UnknownHypothesis { id } => write!(
                f,
                "unknown hypothesis `{id}`; expected one of election, \
                 deadline, underprovisioning"
            ),
            MissingHypothesis { id } => write!(
                f,
                "no entry for hypothesis `{id}`; expected one for each of \
                 election, deadline, underprovisioning"
            ),
            UnknownEvent { id } => write!(
                f,
                "unknown event id `{id}`; expected the id of an entry in \
                 `events`"
            ),
            DuplicateId { id } => {
                write!(f, "duplicate id `{id}`; ids must be unique")
            }
            Empty => f.write_str("is empty; expected some text"),
        }
    }
}

impl std::error::Error for ScenarioError {}

// ---------------------------------------------------------------------
// The file as written. Fields that validation must judge (times, source
// references) are kept loose here so that their errors can be specific.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    format: String,
    id: String,
    title: Text,
    #[serde(default)]
    subtitle: Option<Text>,
    window: RawWindow,
    sources: Vec<RawSource>,
    hypotheses: Vec<RawHypothesis>,
    #[serde(default)]
    presets: Vec<RawPreset>,
    #[serde(default)]
    background: Vec<RawBackground>,
    events: Vec<RawEvent>,
    #[serde(default)]
    figures: Vec<RawFigure>,
    #[serde(default)]
    claims: Vec<RawClaim>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWindow {
    start: String,
    end: String,
    utc_offset_min: i32,
    zone: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    publisher: String,
    #[serde(default)]
    author: Option<String>,
    date: Text,
    title: String,
    title_lang: String,
    #[serde(default)]
    note: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHypothesis {
    id: String,
    label: Text,
    description: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPreset {
    id: String,
    label: Text,
    hypotheses: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuote {
    text: String,
    lang: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    speaker: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBackground {
    id: String,
    when: Text,
    text: Text,
    #[serde(default)]
    quotes: Vec<RawQuote>,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTime {
    at: String,
    #[serde(default)]
    plus_minus_min: Option<u32>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawKind {
    Observation,
    Claim,
    Statement,
    Milestone,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    kind: RawKind,
    #[serde(default)]
    time: Option<RawTime>,
    when: Text,
    text: Text,
    #[serde(default)]
    quotes: Vec<RawQuote>,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: String,
    value: f64,
    unit: String,
    text: Text,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: String,
    text: Text,
    who: Text,
    when: Text,
    asserts: Vec<String>,
    #[serde(default)]
    denies: Vec<String>,
    #[serde(default)]
    events: Vec<String>,
    sources: Vec<String>,
}

struct Validator<'a> {
    file: &'a str,
}

type Check<T> = Result<T, ScenarioError>;

impl Validator<'_> {
    fn err<T>(&self, field: String, kind: ScenarioErrorKind) -> Check<T> {
        Err(ScenarioError::new(self.file, field, kind))
    }

    fn scenario(&self, raw: RawScenario) -> Check<Scenario> {
        if raw.format != FORMAT {
            return self.err(
                "format".into(),
                ScenarioErrorKind::UnsupportedFormat { found: raw.format },
            );
        }
        self.nonempty("id", &raw.id)?;
        self.text("title", &raw.title)?;
        let start = self.time("window.start", &raw.window.start)?;
        let end = self.time("window.end", &raw.window.end)?;
        let clock = Clock { start, utc_offset_min: raw.window.utc_offset_min };
        let window_end = clock.minute_of(end);
        if window_end <= 0 {
            return self.err(
                "window.end".into(),
                ScenarioErrorKind::BadWindow {
                    message: format!(
                        "window ends at {end}, not after its start {start}"
                    ),
                },
            );
        }

        let mut ids = HashSet::new();
        let mut sources = Vec::new();
        for (i, s) in raw.sources.into_iter().enumerate() {
            let field = format!("sources[{i}]");
            self.unique(&mut ids, &format!("{field}.id"), &s.id)?;
            sources.push(Source {
                id: s.id,
                publisher: s.publisher,
                author: s.author,
                date: s.date,
                title: s.title,
                title_lang: s.title_lang,
                note: s.note,
            });
        }
        let known: Vec<String> =
            sources.iter().map(|s| s.id.clone()).collect();
        let refs = SourceRefs { known: &known };

        let mut hypotheses = Vec::new();
        for (i, h) in raw.hypotheses.into_iter().enumerate() {
            let field = format!("hypotheses[{i}]");
            let hypothesis = self.hypothesis(&format!("{field}.id"), &h.id)?;
            self.text(&format!("{field}.label"), &h.label)?;
            hypotheses.push(HypothesisInfo {
                hypothesis,
                label: h.label,
                description: h.description,
            });
        }
        for h in Hypothesis::ALL {
            if !hypotheses.iter().any(|i| i.hypothesis == h) {
                return self.err(
                    "hypotheses".into(),
                    ScenarioErrorKind::MissingHypothesis { id: h.id().into() },
                );
            }
        }

        let mut presets = Vec::new();
        for (i, p) in raw.presets.into_iter().enumerate() {
            let field = format!("presets[{i}]");
            self.unique(&mut ids, &format!("{field}.id"), &p.id)?;
            let mut hs = Vec::new();
            for (j, id) in p.hypotheses.iter().enumerate() {
                hs.push(
                    self.hypothesis(&format!("{field}.hypotheses[{j}]"), id)?,
                );
            }
            presets.push(Preset { id: p.id, label: p.label, hypotheses: hs });
        }

        let mut background = Vec::new();
        for (i, b) in raw.background.into_iter().enumerate() {
            let field = format!("background[{i}]");
            self.unique(&mut ids, &format!("{field}.id"), &b.id)?;
            self.text(&format!("{field}.text"), &b.text)?;
            let quotes = self.quotes(&field, &refs, b.quotes)?;
            self.sources(&field, &refs, &b.sources)?;
            background.push(Background {
                id: b.id,
                when: b.when,
                text: b.text,
                quotes,
                sources: b.sources,
            });
        }

        let mut events = Vec::new();
        for (i, e) in raw.events.into_iter().enumerate() {
            let field = format!("events[{i}]");
            self.unique(&mut ids, &format!("{field}.id"), &e.id)?;
            self.text(&format!("{field}.text"), &e.text)?;
            let time = match &e.time {
                Some(t) => Some(self.window(
                    &format!("{field}.time"),
                    t,
                    &clock,
                    window_end,
                )?),
                None => None,
            };
            let quotes = self.quotes(&field, &refs, e.quotes)?;
            self.sources(&field, &refs, &e.sources)?;
            let kind = match e.kind {
                RawKind::Observation => EventKind::Observation,
                RawKind::Claim => EventKind::Claim,
                RawKind::Statement => EventKind::Statement,
                RawKind::Milestone => EventKind::Milestone,
            };
            events.push(Event {
                id: e.id,
                kind,
                time,
                when: e.when,
                text: e.text,
                quotes,
                sources: e.sources,
            });
        }

        let mut figures = Vec::new();
        for (i, f) in raw.figures.into_iter().enumerate() {
            let field = format!("figures[{i}]");
            self.unique(&mut ids, &format!("{field}.id"), &f.id)?;
            if !f.value.is_finite() {
                return self.err(
                    format!("{field}.value"),
                    ScenarioErrorKind::Syntax {
                        message: "expected a finite number".into(),
                    },
                );
            }
            self.sources(&field, &refs, &f.sources)?;
            figures.push(Figure {
                id: f.id,
                value: f.value,
                unit: f.unit,
                text: f.text,
                sources: f.sources,
            });
        }

        let mut claims = Vec::new();
        for (i, c) in raw.claims.into_iter().enumerate() {
            let field = format!("claims[{i}]");
            self.unique(&mut ids, &format!("{field}.id"), &c.id)?;
            self.text(&format!("{field}.text"), &c.text)?;
            let mut asserts = Vec::new();
            for (j, id) in c.asserts.iter().enumerate() {
                asserts.push(
                    self.hypothesis(&format!("{field}.asserts[{j}]"), id)?,
                );
            }
            let mut denies = Vec::new();
            for (j, id) in c.denies.iter().enumerate() {
                denies.push(
                    self.hypothesis(&format!("{field}.denies[{j}]"), id)?,
                );
            }
            for (j, id) in c.events.iter().enumerate() {
                if !events.iter().any(|e: &Event| &e.id == id) {
                    return self.err(
                        format!("{field}.events[{j}]"),
                        ScenarioErrorKind::UnknownEvent { id: id.clone() },
                    );
                }
            }
            self.sources(&field, &refs, &c.sources)?;
            claims.push(Claim {
                id: c.id,
                text: c.text,
                who: c.who,
                when: c.when,
                asserts,
                denies,
                events: c.events,
                sources: c.sources,
            });
        }

        Ok(Scenario {
            id: raw.id,
            title: raw.title,
            subtitle: raw.subtitle,
            clock,
            window_end,
            zone: raw.window.zone,
            sources,
            hypotheses,
            presets,
            background,
            events,
            figures,
            claims,
        })
    }

    fn nonempty(&self, field: &str, s: &str) -> Check<()> {
        if s.trim().is_empty() {
            return self.err(field.into(), ScenarioErrorKind::Empty);
        }
        Ok(())
    }

    fn text(&self, field: &str, t: &Text) -> Check<()> {
        self.nonempty(&format!("{field}.en"), &t.en)?;
        if let Some(fr) = &t.fr {
            self.nonempty(&format!("{field}.fr"), fr)?;
        }
        Ok(())
    }

    fn unique(
        &self,
        ids: &mut HashSet<String>,
        field: &str,
        id: &str,
    ) -> Check<()> {
        self.nonempty(field, id)?;
        if !ids.insert(id.to_string()) {
            return self.err(
                field.into(),
                ScenarioErrorKind::DuplicateId { id: id.into() },
            );
        }
        Ok(())
    }

    fn time(&self, field: &str, text: &str) -> Check<LocalTime> {
        LocalTime::parse(text).or_else(|message| {
            self.err(field.into(), ScenarioErrorKind::BadTime { message })
        })
    }

    fn hypothesis(&self, field: &str, id: &str) -> Check<Hypothesis> {
        match Hypothesis::from_id(id) {
            Some(h) => Ok(h),
            None => self.err(
                field.into(),
                ScenarioErrorKind::UnknownHypothesis { id: id.into() },
            ),
        }
    }

    fn window(
        &self,
        field: &str,
        t: &RawTime,
        clock: &Clock,
        window_end: Minute,
    ) -> Check<TimeWindow> {
        let at = clock.minute_of(self.time(&format!("{field}.at"), &t.at)?);
        let bad = |message: String| {
            self.err(field.into(), ScenarioErrorKind::BadWindow { message })
        };
        let (from, to) = match (t.plus_minus_min, &t.from, &t.to) {
            (Some(pm), None, None) => {
                let pm = pm.min(i32::MAX as u32) as i32;
                (at.saturating_sub(pm), at.saturating_add(pm))
            }
            (None, Some(from), Some(to)) => (
                clock.minute_of(self.time(&format!("{field}.from"), from)?),
                clock.minute_of(self.time(&format!("{field}.to"), to)?),
            ),
            _ => {
                return bad("expected either `plus_minus_min`, or both \
                            `from` and `to`"
                    .into())
            }
        };
        if !(from <= at && at <= to) {
            return bad(format!(
                "window {} – {} does not contain its time {}",
                clock.local(from),
                clock.local(to),
                clock.local(at)
            ));
        }
        for (name, m) in [("at", at), ("from", from), ("to", to)] {
            if m < 0 || m > window_end {
                return self.err(
                    format!("{field}.{name}"),
                    ScenarioErrorKind::OutsideWindow {
                        time: clock.local(m).to_string(),
                        start: clock.local(0).to_string(),
                        end: clock.local(window_end).to_string(),
                    },
                );
            }
        }
        Ok(TimeWindow { at, from, to })
    }

    fn quotes(
        &self,
        field: &str,
        refs: &SourceRefs,
        raw: Vec<RawQuote>,
    ) -> Check<Vec<Quote>> {
        let mut out = Vec::new();
        for (i, q) in raw.into_iter().enumerate() {
            let f = format!("{field}.quotes[{i}]");
            self.nonempty(&format!("{f}.text"), &q.text)?;
            let source = match q.source {
                Some(s) if !s.trim().is_empty() => s,
                _ => {
                    return self.err(
                        format!("{f}.source"),
                        ScenarioErrorKind::QuoteWithoutSource,
                    )
                }
            };
            refs.check(self, &format!("{f}.source"), &source)?;
            out.push(Quote {
                text: q.text,
                lang: q.lang,
                source,
                speaker: q.speaker,
            });
        }
        Ok(out)
    }

    fn sources(
        &self,
        field: &str,
        refs: &SourceRefs,
        ids: &[String],
    ) -> Check<()> {
        if ids.is_empty() {
            return self
                .err(format!("{field}.sources"), ScenarioErrorKind::Empty);
        }
        for (i, id) in ids.iter().enumerate() {
            refs.check(self, &format!("{field}.sources[{i}]"), id)?;
        }
        Ok(())
    }
}

struct SourceRefs<'a> {
    known: &'a [String],
}

impl SourceRefs<'_> {
    fn check(&self, v: &Validator, field: &str, id: &str) -> Check<()> {
        if self.known.iter().any(|k| k == id) {
            return Ok(());
        }
        v.err(
            field.into(),
            ScenarioErrorKind::UnknownSource {
                id: id.into(),
                known: self.known.to_vec(),
            },
        )
    }
}
