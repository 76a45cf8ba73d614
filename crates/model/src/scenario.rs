//! Scenario files: one incident as data — its record, its model, its
//! hypotheses, its checks and its claims.
//!
//! A scenario is a JSON file in format `claimcheck-scenario/2`
//! (`scenarios/README.md` documents every field for authors). It holds:
//!
//! - the **record**: sources, background facts, dated events with
//!   verbatim quotes, figures, and the claims under test, each claim
//!   stated as its author made it;
//! - the **parameters**: every number the model uses, with its unit,
//!   default, range, whether it comes from the record or is an
//!   assumption, and why;
//! - the **model**: demand, capacity and cost components from a small
//!   vocabulary ([`crate::model`]), capacity, and behaviour (timeouts,
//!   queue, retries);
//! - the **hypotheses**, each switching components on or off;
//! - the **checks**: rules from a small vocabulary ([`crate::rules`]) on
//!   the events they test.
//!
//! The file is parsed and **validated once**, here, into typed structs;
//! after that the model and the widget assume it is consistent. Every
//! error names the file, the field (as a path such as
//! `events[3].checks[0].at_least`) and what was expected.

use std::collections::HashSet;
use std::fmt;

use serde_json::{Map, Value as Json};

use crate::model::{
    Behaviour, Capacity, Component, ComponentKind, Model, Rhythm, Shape, Value,
};
use crate::rules::{Band, Measure, Part, Relative, Rule, Stat};
use crate::time::{Clock, LocalTime, Minute};
use crate::units::{Dim, Unit};

/// The format tag every scenario file must carry.
pub const FORMAT: &str = "claimcheck-scenario/2";

/// How many hypotheses a scenario may have: the analysis runs every
/// combination (2ⁿ worlds).
pub const MAX_HYPOTHESES: usize = 4;

/// A sentence in English, with an optional French version.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    /// English.
    pub en: String,
    /// French (Canadian), where the scenario provides it.
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
    /// A fixed point in time, such as a deadline.
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
    /// A free translation into French, for an English quote (shown
    /// marked as a free translation, the original one tap away).
    pub translation_fr: Option<String>,
}

/// A source document.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Short id, e.g. `CBC-2017`.
    pub id: String,
    /// The outlet.
    pub publisher: Text,
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
    /// Where it was published.
    pub url: Option<String>,
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

/// A term and what it means, so the story uses one word per idea.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// The term ("eTA" / "AVE").
    pub term: Text,
    /// What it means, spelled out.
    pub meaning: Text,
}

/// An entry of the record's timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Stable id, used by claims, URLs and tests.
    pub id: String,
    /// What kind of entry this is.
    pub kind: EventKind,
    /// Where it sits on the time axis; `None` for statements made later.
    pub time: Option<TimeWindow>,
    /// A short name for sentences: "the 2 p.m. degradation".
    pub label: Text,
    /// When, in words, as the record puts it.
    pub when: Text,
    /// What happened, in the record's words.
    pub text: Text,
    /// Verbatim quotations.
    pub quotes: Vec<Quote>,
    /// Source ids.
    pub sources: Vec<String>,
    /// The rules that check a run against it; all must pass.
    pub checks: Vec<Rule>,
}

impl Event {
    /// Whether a run can be checked against this event.
    pub fn is_checked(&self) -> bool {
        !self.checks.is_empty()
    }
}

/// A number from the record a model can be held to.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Stable id.
    pub id: String,
    /// The value, in `unit`.
    pub value: f64,
    /// The unit (`users`, `fraction`, `servers`, `ratio`, ...).
    pub unit: String,
    /// The figure in words.
    pub text: Text,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A claim under test, stated as its author made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Stable id.
    pub id: String,
    /// The claim in our words (a paraphrase, never set in quotation
    /// marks), hedges included.
    pub text: Text,
    /// The author's own words.
    pub quotes: Vec<Quote>,
    /// Who made it.
    pub who: Text,
    /// When it was made.
    pub when: Text,
    /// When it was first published, as an ISO date (`2016-11-08` or
    /// `2017-03`), for fact-check markup.
    pub date: Option<String>,
    /// Hypotheses (indices) the claim says caused the outage.
    pub asserts: Vec<usize>,
    /// Hypotheses (indices) the claim says played no part in it.
    pub denies: Vec<usize>,
    /// Checked events the claim says happened as the record has them.
    pub events: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A hypothesis: a possible cause, switched on and off by the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct HypothesisInfo {
    /// Stable id, used in URLs, attributes and the CLI.
    pub id: String,
    /// A short label for its switch ("Deadline rush").
    pub label: Text,
    /// One line on what it means, including what "off" means.
    pub description: Text,
    /// A noun phrase for sentences ("the deadline rush").
    pub name: Text,
    /// What the world looks like without it ("without the deadline
    /// rush", "with six servers all along").
    pub without: Text,
    /// The components (indices) it switches.
    pub components: Vec<usize>,
}

/// A named set of hypotheses.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// Stable id.
    pub id: String,
    /// The button's label.
    pub label: Text,
    /// The hypotheses (indices) it switches on; all others go off.
    pub hypotheses: Vec<usize>,
}

/// Where a parameter's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// Stated in the documented record.
    Record,
    /// Not in the record: a modelling assumption with a plausible range.
    Assumption,
}

impl Provenance {
    /// `record` or `assumption`.
    pub fn id(self) -> &'static str {
        match self {
            Provenance::Record => "record",
            Provenance::Assumption => "assumption",
        }
    }
}

/// Which panel a parameter's slider sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Shaping one hypothesis (index): shown with its switch.
    Hypothesis(usize),
    /// Ordinary traffic.
    Traffic,
    /// Servers and their capacity.
    Capacity,
    /// How users and servers behave under overload.
    Behaviour,
    /// Thresholds and margins the checks use to read the record.
    Checks,
}

/// One parameter's declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamSpec {
    /// Stable name, e.g. `timeout_s`; used by the CLI, URLs and the JS
    /// API.
    pub id: String,
    /// Short label.
    pub label: Text,
    /// The unit of its value.
    pub unit: Unit,
    /// The default value.
    pub default: f64,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value; equal to `min` when the record fixes it.
    pub max: f64,
    /// A slider step.
    pub step: f64,
    /// Which panel it sits in.
    pub group: Group,
    /// Record or assumption.
    pub provenance: Provenance,
    /// Source ids, for record facts.
    pub sources: Vec<String>,
    /// What it means and why this range.
    pub why: Text,
}

impl ParamSpec {
    /// Whether the record fixes the value (`min == max`).
    pub fn is_fixed(&self) -> bool {
        self.min == self.max
    }

    /// Whether `value` is finite and inside `[min, max]`.
    pub fn accepts(&self, value: f64) -> bool {
        value.is_finite() && value >= self.min && value <= self.max
    }

    /// Whether the support analysis varies it: assumptions with a
    /// range. Record facts stay at their defaults.
    pub fn is_uncertain(&self) -> bool {
        self.provenance == Provenance::Assumption && !self.is_fixed()
    }
}

/// A validated scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Stable id, e.g. `eta-2016`.
    pub id: String,
    /// Whether this is the bundle's default story.
    pub default: bool,
    /// The headline.
    pub title: Text,
    /// A line under the headline.
    pub subtitle: Option<Text>,
    /// The clock: minute 0 is the window start.
    pub clock: Clock,
    /// The window's end, in minutes since its start: the simulation's
    /// length.
    pub window_end: Minute,
    /// The time zone's abbreviation (ET / HNE).
    pub zone: Text,
    /// Source documents.
    pub sources: Vec<Source>,
    /// Every parameter, in display order.
    pub params: Vec<ParamSpec>,
    /// The model.
    pub model: Model,
    /// The hypotheses, in display order.
    pub hypotheses: Vec<HypothesisInfo>,
    /// Presets.
    pub presets: Vec<Preset>,
    /// Background facts.
    pub background: Vec<Background>,
    /// The story's terms, one per idea, with what each means.
    pub glossary: Vec<Term>,
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
    /// use claimcheck_model::bundled;
    /// use claimcheck_model::scenario::Scenario;
    /// let (file, json) = bundled::FILES[0];
    /// let s = Scenario::parse(file, json)?;
    /// assert!(!s.id.is_empty());
    /// # Ok::<(), claimcheck_model::ScenarioError>(())
    /// ```
    pub fn parse(file: &str, json: &str) -> Result<Scenario, ScenarioError> {
        let root: Json = serde_json::from_str(json).map_err(|e| {
            ScenarioError::new(
                file,
                String::new(),
                ErrorKind::Syntax { message: e.to_string() },
            )
        })?;
        Reader { file }.scenario(&root)
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

    /// The index of the hypothesis with this id.
    pub fn hypothesis_index(&self, id: &str) -> Option<usize> {
        self.hypotheses.iter().position(|h| h.id == id)
    }

    /// The index and spec of the parameter with this id.
    pub fn param(&self, id: &str) -> Option<(usize, &ParamSpec)> {
        self.params.iter().enumerate().find(|(_, s)| s.id == id)
    }

    /// The events that sit on the time axis, in time order.
    pub fn timeline(&self) -> Vec<&Event> {
        let mut v: Vec<&Event> =
            self.events.iter().filter(|e| e.time.is_some()).collect();
        v.sort_by_key(|e| e.time.map(|t| (t.at, t.from)));
        v
    }

    /// The checked events, in file order.
    pub fn checked(&self) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(|e| e.is_checked())
    }

    /// How many observations a run can reproduce (checked events of kind
    /// observation).
    pub fn observation_count(&self) -> usize {
        self.checked().filter(|e| e.kind == EventKind::Observation).count()
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
    pub kind: ErrorKind,
}

/// The classes of scenario error.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// Not JSON.
    Syntax {
        /// The parser's message, with line and column.
        message: String,
    },
    /// A required field is missing.
    Missing,
    /// A field the format does not have.
    UnknownField {
        /// The fields allowed here.
        expected: Vec<&'static str>,
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// What was expected, e.g. "a string".
        expected: &'static str,
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
    /// A window whose bounds do not contain its time, or one that is
    /// given both ways or neither way, or ends before it starts.
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
    /// A reference to an id the file does not list.
    UnknownId {
        /// What kind of id: `source`, `event`, `hypothesis`…
        what: &'static str,
        /// The id.
        id: String,
        /// The ids the file lists.
        known: Vec<String>,
    },
    /// Two entries share an id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A required text is empty.
    Empty,
    /// A word from a fixed vocabulary that is not in it.
    NotInVocabulary {
        /// The word.
        found: String,
        /// The vocabulary.
        expected: Vec<&'static str>,
    },
    /// A parameter whose unit does not fit the field.
    UnitMismatch {
        /// The parameter.
        param: String,
        /// Its unit.
        unit: Unit,
        /// What the field measures.
        dim: Dim,
    },
    /// A number outside what the field or parameter allows.
    BadNumber {
        /// What was wrong.
        message: String,
    },
    /// The parts of the file do not fit together.
    Inconsistent {
        /// What does not fit.
        message: String,
    },
}

impl ScenarioError {
    fn new(
        file: &str,
        field: impl Into<String>,
        kind: ErrorKind,
    ) -> ScenarioError {
        ScenarioError { file: file.to_string(), field: field.into(), kind }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        write!(f, "{}", self.file)?;
        if !self.field.is_empty() {
            write!(f, ": field `{}`", self.field)?;
        }
        f.write_str(": ")?;
        match &self.kind {
            Syntax { message } => write!(f, "not valid JSON: {message}"),
            Missing => f.write_str("is missing"),
            UnknownField { expected } => write!(
                f,
                "is not a field here; expected one of {}",
                expected.join(", ")
            ),
            WrongType { expected } => write!(f, "expected {expected}"),
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
            UnknownId { what, id, known } => {
                write!(f, "unknown {what} `{id}`; ")?;
                if known.is_empty() {
                    write!(f, "the file lists no {what}")
                } else {
                    write!(f, "expected one of {}", known.join(", "))
                }
            }
            DuplicateId { id } => {
                write!(f, "duplicate id `{id}`; ids must be unique")
            }
            Empty => f.write_str("is empty; expected some text"),
            NotInVocabulary { found, expected } => write!(
                f,
                "`{found}` is not allowed here; expected one of {}",
                expected.join(", ")
            ),
            UnitMismatch { param, unit, dim } => write!(
                f,
                "parameter `{param}` has unit {unit}, but this field is {}; \
                 expected a parameter in {}",
                dim.describe(),
                dim.units().join(" or ")
            ),
            BadNumber { message } | Inconsistent { message } => {
                f.write_str(message)
            }
        }
    }
}

impl std::error::Error for ScenarioError {}

// ---------------------------------------------------------------------
// Reading the file. `Obj` walks one JSON object, tracking the field path
// and which keys were read, so that unknown keys are named.

type Check<T> = Result<T, ScenarioError>;

struct Reader<'a> {
    file: &'a str,
}

struct Obj<'j> {
    map: &'j Map<String, Json>,
    path: String,
    allowed: Vec<&'static str>,
}

impl Reader<'_> {
    fn err<T>(&self, field: impl Into<String>, kind: ErrorKind) -> Check<T> {
        Err(ScenarioError::new(self.file, field, kind))
    }

    fn obj<'j>(&self, v: &'j Json, path: &str) -> Check<Obj<'j>> {
        match v {
            Json::Object(map) => {
                Ok(Obj { map, path: path.to_string(), allowed: Vec::new() })
            }
            _ => {
                self.err(path, ErrorKind::WrongType { expected: "an object" })
            }
        }
    }

    fn field(&self, o: &Obj, key: &str) -> String {
        if o.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", o.path)
        }
    }

    fn opt<'j>(&self, o: &mut Obj<'j>, key: &'static str) -> Option<&'j Json> {
        o.allowed.push(key);
        o.map.get(key).filter(|v| !v.is_null())
    }

    fn req<'j>(&self, o: &mut Obj<'j>, key: &'static str) -> Check<&'j Json> {
        match self.opt(o, key) {
            Some(v) => Ok(v),
            None => self.err(self.field(o, key), ErrorKind::Missing),
        }
    }

    /// Rejects keys that were never asked for.
    fn done(&self, o: Obj) -> Check<()> {
        for key in o.map.keys() {
            if !o.allowed.contains(&key.as_str()) {
                let mut expected = o.allowed.clone();
                expected.sort_unstable();
                return self.err(
                    self.field(&o, key),
                    ErrorKind::UnknownField { expected },
                );
            }
        }
        Ok(())
    }

    fn string(&self, v: &Json, path: &str) -> Check<String> {
        match v {
            Json::String(s) => Ok(s.clone()),
            _ => self.err(path, ErrorKind::WrongType { expected: "a string" }),
        }
    }

    fn req_str(&self, o: &mut Obj, key: &'static str) -> Check<String> {
        let v = self.req(o, key)?;
        self.string(v, &self.field(o, key))
    }

    fn opt_str(
        &self,
        o: &mut Obj,
        key: &'static str,
    ) -> Check<Option<String>> {
        match self.opt(o, key) {
            Some(v) => self.string(v, &self.field(o, key)).map(Some),
            None => Ok(None),
        }
    }

    fn id(&self, o: &mut Obj, ids: &mut HashSet<String>) -> Check<String> {
        let id = self.req_str(o, "id")?;
        let path = self.field(o, "id");
        if id.trim().is_empty() {
            return self.err(path, ErrorKind::Empty);
        }
        if !ids.insert(id.clone()) {
            return self.err(path, ErrorKind::DuplicateId { id });
        }
        Ok(id)
    }

    fn number(&self, v: &Json, path: &str) -> Check<f64> {
        match v.as_f64() {
            Some(x) if x.is_finite() => Ok(x),
            _ => self.err(path, ErrorKind::WrongType { expected: "a number" }),
        }
    }

    fn req_num(&self, o: &mut Obj, key: &'static str) -> Check<f64> {
        let v = self.req(o, key)?;
        self.number(v, &self.field(o, key))
    }

    fn opt_bool(&self, o: &mut Obj, key: &'static str) -> Check<bool> {
        match self.opt(o, key) {
            None => Ok(false),
            Some(Json::Bool(b)) => Ok(*b),
            Some(_) => self.err(
                self.field(o, key),
                ErrorKind::WrongType { expected: "true or false" },
            ),
        }
    }

    fn array<'j>(&self, v: &'j Json, path: &str) -> Check<&'j [Json]> {
        match v {
            Json::Array(a) => Ok(a),
            _ => self.err(path, ErrorKind::WrongType { expected: "an array" }),
        }
    }

    fn req_arr<'j>(
        &self,
        o: &mut Obj<'j>,
        key: &'static str,
    ) -> Check<&'j [Json]> {
        let v = self.req(o, key)?;
        self.array(v, &self.field(o, key))
    }

    fn opt_arr<'j>(
        &self,
        o: &mut Obj<'j>,
        key: &'static str,
    ) -> Check<&'j [Json]> {
        match self.opt(o, key) {
            Some(v) => self.array(v, &self.field(o, key)),
            None => Ok(&[]),
        }
    }

    fn strings(&self, o: &mut Obj, key: &'static str) -> Check<Vec<String>> {
        let path = self.field(o, key);
        self.opt_arr(o, key)?
            .iter()
            .enumerate()
            .map(|(i, v)| self.string(v, &format!("{path}[{i}]")))
            .collect()
    }

    fn text(&self, v: &Json, path: &str) -> Check<Text> {
        let mut o = self.obj(v, path)?;
        let en = self.req_str(&mut o, "en")?;
        let fr = self.opt_str(&mut o, "fr")?;
        if en.trim().is_empty() {
            return self.err(format!("{path}.en"), ErrorKind::Empty);
        }
        if fr.as_deref().is_some_and(|f| f.trim().is_empty()) {
            return self.err(format!("{path}.fr"), ErrorKind::Empty);
        }
        self.done(o)?;
        Ok(Text { en, fr })
    }

    fn req_text(&self, o: &mut Obj, key: &'static str) -> Check<Text> {
        let v = self.req(o, key)?;
        self.text(v, &self.field(o, key))
    }

    fn opt_text(&self, o: &mut Obj, key: &'static str) -> Check<Option<Text>> {
        match self.opt(o, key) {
            Some(v) => self.text(v, &self.field(o, key)).map(Some),
            None => Ok(None),
        }
    }

    fn vocab<T: Copy>(
        &self,
        o: &mut Obj,
        key: &'static str,
        words: &[(&'static str, T)],
        default: Option<T>,
    ) -> Check<T> {
        let path = self.field(o, key);
        let found = match (self.opt(o, key), default) {
            (None, Some(d)) => return Ok(d),
            (None, None) => return self.err(path, ErrorKind::Missing),
            (Some(v), _) => self.string(v, &path)?,
        };
        match words.iter().find(|(w, _)| *w == found) {
            Some((_, t)) => Ok(*t),
            None => self.err(
                path,
                ErrorKind::NotInVocabulary {
                    found,
                    expected: words.iter().map(|(w, _)| *w).collect(),
                },
            ),
        }
    }

    fn local_time(&self, text: &str, path: &str) -> Check<LocalTime> {
        LocalTime::parse(text)
            .or_else(|message| self.err(path, ErrorKind::BadTime { message }))
    }
}

/// What the reader needs to resolve a [`Value`]: the parameters and
/// figures, and the clock for timestamps.
struct Env<'a> {
    params: &'a [ParamSpec],
    figures: &'a [Figure],
    clock: Clock,
    window_end: Minute,
}

/// How a field reads a plain number: its dimension and the factor from
/// the number as written to canonical units.
#[derive(Clone, Copy)]
struct FieldUnit {
    dim: Dim,
    literal: f64,
}

const RATE: FieldUnit = FieldUnit { dim: Dim::Rate, literal: 1.0 };
const RATE_PER_H: FieldUnit =
    FieldUnit { dim: Dim::Rate, literal: 1.0 / 60.0 };
const MULTIPLE: FieldUnit = FieldUnit { dim: Dim::Multiple, literal: 1.0 };
const SHARE_PCT: FieldUnit = FieldUnit { dim: Dim::Share, literal: 0.01 };
const POINTS: FieldUnit = FieldUnit { dim: Dim::Points, literal: 0.01 };
const HOURS: FieldUnit = FieldUnit { dim: Dim::Duration, literal: 60.0 };
const SECONDS: FieldUnit =
    FieldUnit { dim: Dim::Duration, literal: 1.0 / 60.0 };
const TIME: FieldUnit = FieldUnit { dim: Dim::Time, literal: 60.0 };
const HOUR_OF_DAY: FieldUnit =
    FieldUnit { dim: Dim::HourOfDay, literal: 60.0 };
const COUNT: FieldUnit = FieldUnit { dim: Dim::Count, literal: 1.0 };

const GROUPS: [&str; 4] = ["traffic", "capacity", "behaviour", "checks"];

impl Reader<'_> {
    fn scenario(&self, root: &Json) -> Check<Scenario> {
        let mut o = self.obj(root, "")?;
        let format = self.req_str(&mut o, "format")?;
        if format != FORMAT {
            return self.err(
                "format",
                ErrorKind::UnsupportedFormat { found: format },
            );
        }
        let mut ids = HashSet::new();
        let id = self.req_str(&mut o, "id")?;
        if id.trim().is_empty() {
            return self.err("id", ErrorKind::Empty);
        }
        let default = self.opt_bool(&mut o, "default")?;
        let title = self.req_text(&mut o, "title")?;
        let subtitle = self.opt_text(&mut o, "subtitle")?;

        // The window.
        let mut w = self.obj(self.req(&mut o, "window")?, "window")?;
        let start_text = self.req_str(&mut w, "start")?;
        let start = self.local_time(&start_text, "window.start")?;
        let end_text = self.req_str(&mut w, "end")?;
        let end = self.local_time(&end_text, "window.end")?;
        let offset = self.req_num(&mut w, "utc_offset_min")?;
        let zone = self.req_text(&mut w, "zone")?;
        self.done(w)?;
        if offset.fract() != 0.0 || offset.abs() > 14.0 * 60.0 {
            return self.err(
                "window.utc_offset_min",
                ErrorKind::BadNumber {
                    message: format!(
                        "{offset} is not a UTC offset; expected whole \
                         minutes between -840 and 840"
                    ),
                },
            );
        }
        let clock = Clock { start, utc_offset_min: offset as i32 };
        let window_end = clock.minute_of(end);
        if window_end <= 0 || window_end > 14 * 24 * 60 {
            return self.err(
                "window.end",
                ErrorKind::BadWindow {
                    message: format!(
                        "window ends at {end}, {} its start {start}; \
                         expected an end after the start, at most 14 days \
                         later",
                        if window_end <= 0 {
                            "not after"
                        } else {
                            "too long after"
                        }
                    ),
                },
            );
        }

        // Sources first: everything else refers to them.
        let mut sources = Vec::new();
        for (i, v) in self.req_arr(&mut o, "sources")?.iter().enumerate() {
            sources.push(self.source(
                v,
                &format!("sources[{i}]"),
                &mut ids,
            )?);
        }
        let known_sources: Vec<String> =
            sources.iter().map(|s| s.id.clone()).collect();

        // Figures: values may refer to them.
        let mut figures = Vec::new();
        for (i, v) in self.opt_arr(&mut o, "figures")?.iter().enumerate() {
            let path = format!("figures[{i}]");
            let mut f = self.obj(v, &path)?;
            let fid = self.id(&mut f, &mut ids)?;
            let value = self.req_num(&mut f, "value")?;
            let unit = self.req_str(&mut f, "unit")?;
            let text = self.req_text(&mut f, "text")?;
            let srcs = self.source_refs(&mut f, &known_sources)?;
            self.done(f)?;
            figures.push(Figure { id: fid, value, unit, text, sources: srcs });
        }

        // Hypotheses' ids, for parameter groups; read in full below.
        let hyp_json = self.req_arr(&mut o, "hypotheses")?;
        let mut hyp_ids = Vec::new();
        for (i, v) in hyp_json.iter().enumerate() {
            let path = format!("hypotheses[{i}]");
            let h = self.obj(v, &path)?;
            let hid = h.map.get("id").and_then(Json::as_str).unwrap_or("");
            hyp_ids.push(hid.to_string());
        }

        let mut params = Vec::new();
        for (i, v) in self.req_arr(&mut o, "parameters")?.iter().enumerate() {
            params.push(self.param(
                v,
                &format!("parameters[{i}]"),
                &mut ids,
                &hyp_ids,
                &known_sources,
            )?);
        }

        let env =
            Env { params: &params, figures: &figures, clock, window_end };
        // Components and hypotheses each have their own namespace: a
        // hypothesis may share its id with the component it switches.
        let mut model =
            self.model(self.req(&mut o, "model")?, &env, &mut HashSet::new())?;
        let mut hyp_id_set = HashSet::new();

        // Hypotheses, now that components exist.
        let mut hypotheses: Vec<HypothesisInfo> = Vec::new();
        for (i, v) in hyp_json.iter().enumerate() {
            let path = format!("hypotheses[{i}]");
            let mut h = self.obj(v, &path)?;
            let hid = self.id(&mut h, &mut hyp_id_set)?;
            let label = self.req_text(&mut h, "label")?;
            let description = self.req_text(&mut h, "description")?;
            let name = self.req_text(&mut h, "name")?;
            let without = self.req_text(&mut h, "without")?;
            let comp_ids = self.strings(&mut h, "components")?;
            if comp_ids.is_empty() {
                return self
                    .err(format!("{path}.components"), ErrorKind::Empty);
            }
            let mut components = Vec::new();
            for (j, cid) in comp_ids.iter().enumerate() {
                let field = format!("{path}.components[{j}]");
                let k = self.lookup(
                    &field,
                    "component",
                    cid,
                    model.components.iter().map(|c| c.id.as_str()),
                )?;
                if let Some(other) = model.components[k].hypothesis {
                    return self.err(
                        field,
                        ErrorKind::Inconsistent {
                            message: format!(
                                "component `{cid}` is already switched by \
                                 hypothesis `{}`; expected each component \
                                 in at most one hypothesis",
                                hypotheses[other].id
                            ),
                        },
                    );
                }
                model.components[k].hypothesis = Some(i);
                components.push(k);
            }
            self.done(h)?;
            hypotheses.push(HypothesisInfo {
                id: hid,
                label,
                description,
                name,
                without,
                components,
            });
        }
        if hypotheses.is_empty() || hypotheses.len() > MAX_HYPOTHESES {
            return self.err(
                "hypotheses",
                ErrorKind::BadNumber {
                    message: format!(
                        "{} hypotheses; expected 1 to {MAX_HYPOTHESES}",
                        hypotheses.len()
                    ),
                },
            );
        }
        let hyp_names: Vec<&str> =
            hypotheses.iter().map(|h| h.id.as_str()).collect();

        let mut presets = Vec::new();
        for (i, v) in self.opt_arr(&mut o, "presets")?.iter().enumerate() {
            let path = format!("presets[{i}]");
            let mut p = self.obj(v, &path)?;
            let pid = self.id(&mut p, &mut ids)?;
            let label = self.req_text(&mut p, "label")?;
            let hs = self.hypothesis_refs(&mut p, "hypotheses", &hyp_names)?;
            self.done(p)?;
            presets.push(Preset { id: pid, label, hypotheses: hs });
        }

        let mut glossary = Vec::new();
        for (i, v) in self.opt_arr(&mut o, "glossary")?.iter().enumerate() {
            let path = format!("glossary[{i}]");
            let mut g = self.obj(v, &path)?;
            let term = self.req_text(&mut g, "term")?;
            let meaning = self.req_text(&mut g, "meaning")?;
            self.done(g)?;
            glossary.push(Term { term, meaning });
        }

        let mut background = Vec::new();
        for (i, v) in self.opt_arr(&mut o, "background")?.iter().enumerate() {
            let path = format!("background[{i}]");
            let mut b = self.obj(v, &path)?;
            let bid = self.id(&mut b, &mut ids)?;
            let when = self.req_text(&mut b, "when")?;
            let text = self.req_text(&mut b, "text")?;
            let quotes = self.quotes(&mut b, &known_sources)?;
            let srcs = self.source_refs(&mut b, &known_sources)?;
            self.done(b)?;
            background.push(Background {
                id: bid,
                when,
                text,
                quotes,
                sources: srcs,
            });
        }

        let mut events = Vec::new();
        for (i, v) in self.req_arr(&mut o, "events")?.iter().enumerate() {
            events.push(self.event(
                v,
                &format!("events[{i}]"),
                &mut ids,
                &env,
                &known_sources,
            )?);
        }

        let mut claims = Vec::new();
        for (i, v) in self.opt_arr(&mut o, "claims")?.iter().enumerate() {
            let path = format!("claims[{i}]");
            let mut c = self.obj(v, &path)?;
            let cid = self.id(&mut c, &mut ids)?;
            let text = self.req_text(&mut c, "text")?;
            let quotes = self.quotes(&mut c, &known_sources)?;
            let who = self.req_text(&mut c, "who")?;
            let when = self.req_text(&mut c, "when")?;
            let date = self.opt_str(&mut c, "date")?;
            if let Some(d) = &date {
                let ok = (d.len() == 10 || d.len() == 7)
                    && LocalTime::parse(&format!(
                        "{}T00:00",
                        if d.len() == 7 {
                            format!("{d}-01")
                        } else {
                            d.clone()
                        }
                    ))
                    .is_ok();
                if !ok {
                    return self.err(
                        format!("{path}.date"),
                        ErrorKind::BadTime {
                            message: format!("`{d}` is not a date; expected YYYY-MM-DD or YYYY-MM"),
                        },
                    );
                }
            }
            let asserts =
                self.hypothesis_refs(&mut c, "asserts", &hyp_names)?;
            let denies = self.hypothesis_refs(&mut c, "denies", &hyp_names)?;
            if let Some(h) = asserts.iter().find(|h| denies.contains(h)) {
                return self.err(
                    format!("{path}.denies"),
                    ErrorKind::Inconsistent {
                        message: format!(
                            "hypothesis `{}` is both asserted and denied",
                            hyp_names[*h]
                        ),
                    },
                );
            }
            let event_ids = self.strings(&mut c, "events")?;
            for (j, eid) in event_ids.iter().enumerate() {
                let field = format!("{path}.events[{j}]");
                let k = self.lookup(
                    &field,
                    "event",
                    eid,
                    events.iter().map(|e: &Event| e.id.as_str()),
                )?;
                if !events[k].is_checked() {
                    return self.err(
                        field,
                        ErrorKind::Inconsistent {
                            message: format!(
                                "event `{eid}` has no checks; expected a \
                                 claim to cite events the model can check"
                            ),
                        },
                    );
                }
            }
            let srcs = self.source_refs(&mut c, &known_sources)?;
            self.done(c)?;
            claims.push(Claim {
                id: cid,
                text,
                quotes,
                who,
                when,
                date,
                asserts,
                denies,
                events: event_ids,
                sources: srcs,
            });
        }
        self.done(o)?;

        if !events
            .iter()
            .any(|e| e.kind == EventKind::Observation && e.is_checked())
        {
            return self.err(
                "events",
                ErrorKind::Inconsistent {
                    message: "no observation has checks; expected at least \
                              one checked observation"
                        .into(),
                },
            );
        }

        Ok(Scenario {
            id,
            default,
            title,
            subtitle,
            clock,
            window_end,
            zone,
            sources,
            params,
            model,
            hypotheses,
            presets,
            background,
            glossary,
            events,
            figures,
            claims,
        })
    }

    fn lookup<'s>(
        &self,
        field: &str,
        what: &'static str,
        id: &str,
        known: impl Iterator<Item = &'s str> + Clone,
    ) -> Check<usize> {
        match known.clone().position(|k| k == id) {
            Some(k) => Ok(k),
            None => self.err(
                field,
                ErrorKind::UnknownId {
                    what,
                    id: id.into(),
                    known: known.map(String::from).collect(),
                },
            ),
        }
    }

    fn source(
        &self,
        v: &Json,
        path: &str,
        ids: &mut HashSet<String>,
    ) -> Check<Source> {
        let mut s = self.obj(v, path)?;
        let id = self.id(&mut s, ids)?;
        let publisher = self.req_text(&mut s, "publisher")?;
        let author = self.opt_str(&mut s, "author")?;
        let date = self.req_text(&mut s, "date")?;
        let title = self.req_str(&mut s, "title")?;
        let title_lang = self.req_str(&mut s, "title_lang")?;
        let note = self.opt_text(&mut s, "note")?;
        let url = self.opt_str(&mut s, "url")?;
        self.done(s)?;
        Ok(Source {
            id,
            publisher,
            author,
            date,
            title,
            title_lang,
            note,
            url,
        })
    }

    fn source_refs(
        &self,
        o: &mut Obj,
        known: &[String],
    ) -> Check<Vec<String>> {
        let path = self.field(o, "sources");
        let refs = self.strings(o, "sources")?;
        if refs.is_empty() {
            return self.err(path, ErrorKind::Empty);
        }
        for (i, r) in refs.iter().enumerate() {
            self.lookup(
                &format!("{path}[{i}]"),
                "source",
                r,
                known.iter().map(String::as_str),
            )?;
        }
        Ok(refs)
    }

    fn quotes(&self, o: &mut Obj, known: &[String]) -> Check<Vec<Quote>> {
        let path = self.field(o, "quotes");
        let mut out = Vec::new();
        for (i, v) in self.opt_arr(o, "quotes")?.iter().enumerate() {
            let qp = format!("{path}[{i}]");
            let mut q = self.obj(v, &qp)?;
            let text = self.req_str(&mut q, "text")?;
            if text.trim().is_empty() {
                return self.err(format!("{qp}.text"), ErrorKind::Empty);
            }
            let lang = self.req_str(&mut q, "lang")?;
            let source = self.req_str(&mut q, "source")?;
            self.lookup(
                &format!("{qp}.source"),
                "source",
                &source,
                known.iter().map(String::as_str),
            )?;
            let speaker = self.opt_text(&mut q, "speaker")?;
            let translation_fr = self.opt_str(&mut q, "translation_fr")?;
            self.done(q)?;
            out.push(Quote { text, lang, source, speaker, translation_fr });
        }
        Ok(out)
    }

    fn hypothesis_refs(
        &self,
        o: &mut Obj,
        key: &'static str,
        known: &[&str],
    ) -> Check<Vec<usize>> {
        let path = self.field(o, key);
        let mut out = Vec::new();
        for (j, id) in self.strings(o, key)?.iter().enumerate() {
            let k = self.lookup(
                &format!("{path}[{j}]"),
                "hypothesis",
                id,
                known.iter().copied(),
            )?;
            if !out.contains(&k) {
                out.push(k);
            }
        }
        Ok(out)
    }

    fn param(
        &self,
        v: &Json,
        path: &str,
        ids: &mut HashSet<String>,
        hypotheses: &[String],
        known_sources: &[String],
    ) -> Check<ParamSpec> {
        let mut p = self.obj(v, path)?;
        let id = self.id(&mut p, ids)?;
        let label = self.req_text(&mut p, "label")?;
        let unit_path = self.field(&p, "unit");
        let unit_text = self.req_str(&mut p, "unit")?;
        let unit = Unit::from_id(&unit_text).ok_or_else(|| {
            ScenarioError::new(
                self.file,
                unit_path.clone(),
                ErrorKind::NotInVocabulary {
                    found: unit_text.clone(),
                    expected: Unit::ALL.iter().map(|u| u.id()).collect(),
                },
            )
        })?;
        let default = self.req_num(&mut p, "default")?;
        let min = self.req_num(&mut p, "min")?;
        let max = self.req_num(&mut p, "max")?;
        let step = self.req_num(&mut p, "step")?;
        let group_path = self.field(&p, "group");
        let group_text = self.req_str(&mut p, "group")?;
        let group = match GROUPS.iter().position(|g| *g == group_text) {
            Some(0) => Group::Traffic,
            Some(1) => Group::Capacity,
            Some(2) => Group::Behaviour,
            Some(_) => Group::Checks,
            None => match hypotheses.iter().position(|h| *h == group_text) {
                Some(k) => Group::Hypothesis(k),
                None => {
                    let mut expected: Vec<&'static str> = GROUPS.to_vec();
                    expected.push("a hypothesis id");
                    return self.err(
                        group_path,
                        ErrorKind::NotInVocabulary {
                            found: group_text,
                            expected,
                        },
                    );
                }
            },
        };
        let provenance = self.vocab(
            &mut p,
            "provenance",
            &[
                ("record", Provenance::Record),
                ("assumption", Provenance::Assumption),
            ],
            None,
        )?;
        let sources = if provenance == Provenance::Record {
            self.source_refs(&mut p, known_sources)?
        } else {
            let s = self.strings(&mut p, "sources")?;
            for (i, r) in s.iter().enumerate() {
                self.lookup(
                    &format!("{path}.sources[{i}]"),
                    "source",
                    r,
                    known_sources.iter().map(String::as_str),
                )?;
            }
            s
        };
        let why = self.req_text(&mut p, "why")?;
        self.done(p)?;
        let bad = |message: String| {
            self.err(
                format!("{path}.default"),
                ErrorKind::BadNumber { message },
            )
        };
        if min > max {
            return self.err(
                format!("{path}.max"),
                ErrorKind::BadNumber {
                    message: format!("max {max} is below min {min}"),
                },
            );
        }
        if !(min..=max).contains(&default) {
            return bad(format!(
                "default {default} is outside the range {min} to {max}"
            ));
        }
        if step <= 0.0 {
            return self.err(
                format!("{path}.step"),
                ErrorKind::BadNumber {
                    message: format!(
                        "step {step}; expected a positive number"
                    ),
                },
            );
        }
        Ok(ParamSpec {
            id,
            label,
            unit,
            default,
            min,
            max,
            step,
            group,
            provenance,
            sources,
            why,
        })
    }

    /// A value: a number (in the field's literal unit), a parameter id,
    /// a timestamp (time fields), or `{"figure": id}`.
    fn value(
        &self,
        v: &Json,
        path: &str,
        unit: FieldUnit,
        env: &Env,
    ) -> Check<Value> {
        match v {
            Json::Number(_) => {
                let x = self.number(v, path)?;
                Ok(Value::Const(x * unit.literal))
            }
            Json::String(s) if unit.dim == Dim::Time && LocalTime::parse(s).is_ok() => {
                let m = self.moment(s, path, env)?;
                Ok(Value::Const(f64::from(m)))
            }
            Json::String(s) => {
                let k = self.lookup(
                    path,
                    "parameter",
                    s,
                    env.params.iter().map(|p| p.id.as_str()),
                )?;
                let spec = &env.params[k];
                if spec.unit.dim() != unit.dim {
                    return self.err(
                        path,
                        ErrorKind::UnitMismatch {
                            param: s.clone(),
                            unit: spec.unit,
                            dim: unit.dim,
                        },
                    );
                }
                Ok(Value::Param { index: k, scale: spec.unit.scale() })
            }
            Json::Object(map) if map.contains_key("figure") => {
                let mut o = self.obj(v, path)?;
                let fid = self.req_str(&mut o, "figure")?;
                self.done(o)?;
                let k = self.lookup(
                    &format!("{path}.figure"),
                    "figure",
                    &fid,
                    env.figures.iter().map(|f| f.id.as_str()),
                )?;
                let f = &env.figures[k];
                let scale = match (unit.dim, f.unit.as_str()) {
                    (Dim::Share, "fraction") => 1.0,
                    (Dim::Share, "percent") => 0.01,
                    (Dim::Time, "minute") => 1.0 / 60.0 * unit.literal,
                    _ => unit.literal,
                };
                Ok(Value::Const(f.value * scale))
            }
            _ => self.err(
                path,
                ErrorKind::WrongType {
                    expected: if unit.dim == Dim::Time {
                        "a number of hours since the window's start, a time \
                         (YYYY-MM-DDTHH:MM), a parameter id or {\"figure\": id}"
                    } else {
                        "a number, a parameter id or {\"figure\": id}"
                    },
                },
            ),
        }
    }

    fn req_value(
        &self,
        o: &mut Obj,
        key: &'static str,
        unit: FieldUnit,
        env: &Env,
    ) -> Check<Value> {
        let v = self.req(o, key)?;
        self.value(v, &self.field(o, key), unit, env)
    }

    fn opt_value(
        &self,
        o: &mut Obj,
        key: &'static str,
        unit: FieldUnit,
        env: &Env,
    ) -> Check<Option<Value>> {
        match self.opt(o, key) {
            Some(v) => self.value(v, &self.field(o, key), unit, env).map(Some),
            None => Ok(None),
        }
    }

    /// A timestamp inside the window, as a minute.
    fn moment(&self, text: &str, path: &str, env: &Env) -> Check<Minute> {
        let t = self.local_time(text, path)?;
        let m = env.clock.minute_of(t);
        if m < 0 || m > env.window_end {
            return self.err(
                path,
                ErrorKind::OutsideWindow {
                    time: t.to_string(),
                    start: env.clock.local(0).to_string(),
                    end: env.clock.local(env.window_end).to_string(),
                },
            );
        }
        Ok(m)
    }

    fn req_moment(
        &self,
        o: &mut Obj,
        key: &'static str,
        env: &Env,
    ) -> Check<Minute> {
        let text = self.req_str(o, key)?;
        self.moment(&text, &self.field(o, key), env)
    }

    /// `from` and `to` timestamps of a rule, `from` before `to`.
    fn span(&self, o: &mut Obj, env: &Env) -> Check<(Minute, Minute)> {
        let from = self.req_moment(o, "from", env)?;
        let to = self.req_moment(o, "to", env)?;
        if to <= from {
            return self.err(
                self.field(o, "to"),
                ErrorKind::BadWindow {
                    message: format!(
                        "window ends at {}, not after its start {}",
                        env.clock.local(to),
                        env.clock.local(from)
                    ),
                },
            );
        }
        Ok((from, to))
    }

    fn model(
        &self,
        v: &Json,
        env: &Env,
        ids: &mut HashSet<String>,
    ) -> Check<Model> {
        let mut o = self.obj(v, "model")?;
        let segment = self.opt_text(&mut o, "segment")?;

        let mut c =
            self.obj(self.req(&mut o, "capacity")?, "model.capacity")?;
        let capacity = Capacity {
            servers: self.req_value(&mut c, "servers", COUNT, env)?,
            per_server: self.req_value(&mut c, "per_server", RATE, env)?,
        };
        self.done(c)?;

        let mut b =
            self.obj(self.req(&mut o, "behaviour")?, "model.behaviour")?;
        let behaviour = Behaviour {
            timeout: self.req_value(
                &mut b,
                "give_up_after_s",
                SECONDS,
                env,
            )?,
            queue_max_wait: self.req_value(
                &mut b,
                "queue_limit_s",
                SECONDS,
                env,
            )?,
            retry: self.req_value(
                &mut b,
                "retry_share_pct",
                SHARE_PCT,
                env,
            )?,
            retry_wait: self.req_value(
                &mut b,
                "retry_after_s",
                SECONDS,
                env,
            )?,
            burst: self
                .opt_value(&mut b, "burstiness_pct", SHARE_PCT, env)?
                .unwrap_or(Value::Const(0.0)),
        };
        self.done(b)?;

        let list = self.req_arr(&mut o, "components")?;
        let comp_ids: Vec<&str> = list
            .iter()
            .map(|v| v.get("id").and_then(Json::as_str).unwrap_or(""))
            .collect();
        let mut components = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let path = format!("model.components[{i}]");
            components
                .push(self.component(v, &path, env, ids, &comp_ids, list)?);
        }
        self.done(o)?;
        if !components.iter().any(Component::is_demand) {
            return self.err(
                "model.components",
                ErrorKind::Inconsistent {
                    message: "no demand component; expected at least one \
                              with \"kind\": \"demand\""
                        .into(),
                },
            );
        }
        // A relative level must point at a demand component that is
        // itself absolute, so levels resolve in one step.
        for (i, comp) in components.iter().enumerate() {
            if let ComponentKind::Demand { relative_to: Some(r), .. } =
                comp.kind
            {
                let ok = matches!(
                    components[r].kind,
                    ComponentKind::Demand { relative_to: None, .. }
                );
                if !ok {
                    return self.err(
                        format!("model.components[{i}].relative_to"),
                        ErrorKind::Inconsistent {
                            message: format!(
                                "`{}` is not a demand component with an \
                                 absolute level; expected the id of one",
                                components[r].id
                            ),
                        },
                    );
                }
            }
        }
        Ok(Model { segment, capacity, behaviour, components })
    }

    fn component(
        &self,
        v: &Json,
        path: &str,
        env: &Env,
        ids: &mut HashSet<String>,
        comp_ids: &[&str],
        list: &[Json],
    ) -> Check<Component> {
        let mut o = self.obj(v, path)?;
        let id = self.id(&mut o, ids)?;
        let label = self.req_text(&mut o, "label")?;
        #[derive(Clone, Copy)]
        enum K {
            Demand,
            Servers,
            Cost,
        }
        let kind = self.vocab(
            &mut o,
            "kind",
            &[
                ("demand", K::Demand),
                ("servers", K::Servers),
                ("cost", K::Cost),
            ],
            None,
        )?;
        let kind = match kind {
            K::Demand => {
                let relative_to = match self.opt_str(&mut o, "relative_to")? {
                    None => None,
                    Some(r) => {
                        let field = self.field(&o, "relative_to");
                        let k = self.lookup(
                            &field,
                            "component",
                            &r,
                            comp_ids.iter().copied(),
                        )?;
                        let is_demand =
                            list[k].get("kind").and_then(Json::as_str)
                                == Some("demand");
                        if !is_demand {
                            return self.err(
                                field,
                                ErrorKind::Inconsistent {
                                    message: format!(
                                        "`{r}` is not a demand component"
                                    ),
                                },
                            );
                        }
                        Some(k)
                    }
                };
                let level_unit =
                    if relative_to.is_some() { MULTIPLE } else { RATE };
                let level =
                    self.req_value(&mut o, "level", level_unit, env)?;
                let segment_share = self
                    .opt_value(&mut o, "segment_share", SHARE_PCT, env)?
                    .unwrap_or(Value::Const(0.0));
                let shape = self.shape(&mut o, path, env)?;
                ComponentKind::Demand {
                    shape,
                    level,
                    relative_to,
                    segment_share,
                }
            }
            K::Servers => ComponentKind::Servers {
                servers: self.req_value(&mut o, "servers", COUNT, env)?,
                from: self.opt_value(&mut o, "from", TIME, env)?,
                until: self.opt_value(&mut o, "until", TIME, env)?,
            },
            K::Cost => ComponentKind::Cost {
                multiplier: self.req_value(
                    &mut o,
                    "multiplier",
                    MULTIPLE,
                    env,
                )?,
                from: self.opt_value(&mut o, "from", TIME, env)?,
                until: self.opt_value(&mut o, "until", TIME, env)?,
            },
        };
        self.done(o)?;
        Ok(Component { id, label, kind, hypothesis: None })
    }

    fn rhythm(&self, o: &mut Obj, env: &Env) -> Check<Option<Rhythm>> {
        let Some(v) = self.opt(o, "rhythm") else { return Ok(None) };
        let path = self.field(o, "rhythm");
        let mut r = self.obj(v, &path)?;
        let rhythm = Rhythm {
            swing: self.req_value(&mut r, "swing", SHARE_PCT, env)?,
            peak: self.req_value(&mut r, "peak_hour", HOUR_OF_DAY, env)?,
        };
        self.done(r)?;
        Ok(Some(rhythm))
    }

    fn shape(&self, o: &mut Obj, path: &str, env: &Env) -> Check<Shape> {
        #[derive(Clone, Copy)]
        enum S {
            Daily,
            Deadline,
            Pulse,
            Step,
        }
        let s = self.vocab(
            o,
            "shape",
            &[
                ("daily_cycle", S::Daily),
                ("deadline_rush", S::Deadline),
                ("pulse", S::Pulse),
                ("step", S::Step),
            ],
            None,
        )?;
        let _ = path;
        Ok(match s {
            S::Daily => Shape::DailyCycle {
                anchor: self.opt_value(o, "anchor_hour", HOUR_OF_DAY, env)?,
                rhythm: Rhythm {
                    swing: self.req_value(o, "swing", SHARE_PCT, env)?,
                    peak: self.req_value(o, "peak_hour", HOUR_OF_DAY, env)?,
                },
            },
            S::Deadline => Shape::DeadlineRush {
                onset: self.req_value(o, "onset", TIME, env)?,
                onset_width: self
                    .opt_value(o, "onset_width_h", HOURS, env)?
                    .unwrap_or(Value::Const(60.0)),
                saturation: self.req_value(o, "saturation_h", HOURS, env)?,
                deadline: self.req_value(o, "due_at", TIME, env)?,
                after: self.req_value(o, "after_h", HOURS, env)?,
                rhythm: self.rhythm(o, env)?,
            },
            S::Pulse => Shape::Pulse {
                onset: self.req_value(o, "onset", TIME, env)?,
                rise: self.req_value(o, "rise_h", HOURS, env)?,
                half_life: self.req_value(o, "half_life_h", HOURS, env)?,
                rhythm: self.rhythm(o, env)?,
            },
            S::Step => Shape::Step {
                from: self.req_value(o, "from", TIME, env)?,
                until: self.opt_value(o, "until", TIME, env)?,
                rhythm: self.rhythm(o, env)?,
            },
        })
    }

    fn event(
        &self,
        v: &Json,
        path: &str,
        ids: &mut HashSet<String>,
        env: &Env,
        known: &[String],
    ) -> Check<Event> {
        let mut e = self.obj(v, path)?;
        let id = self.id(&mut e, ids)?;
        let kind = self.vocab(
            &mut e,
            "kind",
            &[
                ("observation", EventKind::Observation),
                ("claim", EventKind::Claim),
                ("statement", EventKind::Statement),
                ("milestone", EventKind::Milestone),
            ],
            None,
        )?;
        let time = match self.opt(&mut e, "time") {
            Some(t) => {
                Some(self.time_window(t, &format!("{path}.time"), env)?)
            }
            None => None,
        };
        let when = self.req_text(&mut e, "when")?;
        let label = self.opt_text(&mut e, "label")?;
        let text = self.req_text(&mut e, "text")?;
        let quotes = self.quotes(&mut e, known)?;
        let sources = self.source_refs(&mut e, known)?;
        let mut checks = Vec::new();
        let check_path = self.field(&e, "checks");
        for (i, c) in self.opt_arr(&mut e, "checks")?.iter().enumerate() {
            checks.push(self.rule(c, &format!("{check_path}[{i}]"), env)?);
        }
        self.done(e)?;
        if !checks.is_empty() {
            if !matches!(kind, EventKind::Observation | EventKind::Claim) {
                return self.err(
                    check_path,
                    ErrorKind::Inconsistent {
                        message: format!(
                            "a {} cannot be checked; expected checks only \
                             on observations and dated claims",
                            kind.id()
                        ),
                    },
                );
            }
            if label.is_none() {
                return self.err(
                    format!("{path}.label"),
                    ErrorKind::Inconsistent {
                        message: "a checked event needs a `label`, a short \
                                  name for sentences"
                            .into(),
                    },
                );
            }
        }
        let label = label.unwrap_or_else(|| when.clone());
        Ok(Event {
            id,
            kind,
            time,
            label,
            when,
            text,
            quotes,
            sources,
            checks,
        })
    }

    fn time_window(
        &self,
        v: &Json,
        path: &str,
        env: &Env,
    ) -> Check<TimeWindow> {
        let mut t = self.obj(v, path)?;
        let at = self.req_moment(&mut t, "at", env)?;
        let pm = self.opt(&mut t, "plus_minus_min");
        let from = self.opt_str(&mut t, "from")?;
        let to = self.opt_str(&mut t, "to")?;
        let bad =
            |message: String| self.err(path, ErrorKind::BadWindow { message });
        let (from, to) = match (pm, from, to) {
            (Some(pm), None, None) => {
                let pm = self.number(pm, &format!("{path}.plus_minus_min"))?;
                if pm < 0.0 || pm.fract() != 0.0 {
                    return bad(format!(
                        "plus_minus_min {pm}; expected whole minutes, 0 or more"
                    ));
                }
                let pm = pm as Minute;
                (at - pm, at + pm)
            }
            (None, Some(from), Some(to)) => (
                self.moment(&from, &format!("{path}.from"), env)?,
                self.moment(&to, &format!("{path}.to"), env)?,
            ),
            _ => {
                return bad("expected either `plus_minus_min`, or both \
                            `from` and `to`"
                    .into())
            }
        };
        self.done(t)?;
        if !(from <= at && at <= to) {
            return bad(format!(
                "window {} – {} does not contain its time {}",
                env.clock.local(from),
                env.clock.local(to),
                env.clock.local(at)
            ));
        }
        for (name, m) in [("from", from), ("to", to)] {
            if m < 0 || m > env.window_end {
                return self.err(
                    format!("{path}.{name}"),
                    ErrorKind::OutsideWindow {
                        time: env.clock.local(m).to_string(),
                        start: env.clock.local(0).to_string(),
                        end: env.clock.local(env.window_end).to_string(),
                    },
                );
            }
        }
        Ok(TimeWindow { at, from, to })
    }

    fn rule(&self, v: &Json, path: &str, env: &Env) -> Check<Rule> {
        let mut o = self.obj(v, path)?;
        #[derive(Clone, Copy)]
        enum R {
            Failing,
            Healthy,
            Onset,
            Rising,
            Recovered,
            Traffic,
            Share,
        }
        let r = self.vocab(
            &mut o,
            "rule",
            &[
                ("failing", R::Failing),
                ("healthy", R::Healthy),
                ("onset", R::Onset),
                ("rising", R::Rising),
                ("recovered", R::Recovered),
                ("traffic", R::Traffic),
                ("share", R::Share),
            ],
            None,
        )?;
        let measure_words =
            [("served", Measure::Served), ("demand", Measure::Demand)];
        let rule = match r {
            R::Failing => {
                let (from, to) = self.span(&mut o, env)?;
                let stat = self.vocab(
                    &mut o,
                    "stat",
                    &[
                        ("mean", Stat::Mean),
                        ("min", Stat::Min),
                        ("max", Stat::Max),
                    ],
                    Some(Stat::Mean),
                )?;
                let at_least =
                    self.opt_value(&mut o, "at_least", SHARE_PCT, env)?;
                let below = self.opt_value(&mut o, "below", SHARE_PCT, env)?;
                if at_least.is_none() && below.is_none() {
                    return self
                        .err(format!("{path}.at_least"), ErrorKind::Missing);
                }
                Rule::Failing { from, to, stat, at_least, below }
            }
            R::Healthy => {
                let (from, to) = self.span(&mut o, env)?;
                let below = self.req_value(&mut o, "below", SHARE_PCT, env)?;
                Rule::Healthy { from, to, below }
            }
            R::Onset => Rule::Onset {
                at: self.req_moment(&mut o, "at", env)?,
                early: self.req_value(&mut o, "early_h", HOURS, env)?,
                late: self.req_value(&mut o, "late_h", HOURS, env)?,
                threshold: self.req_value(
                    &mut o,
                    "threshold",
                    SHARE_PCT,
                    env,
                )?,
            },
            R::Rising => {
                let (from, to) = self.span(&mut o, env)?;
                let span = self
                    .opt_value(&mut o, "span_h", HOURS, env)?
                    .unwrap_or(Value::Const(60.0));
                let ends_at_least =
                    self.req_value(&mut o, "ends_at_least", SHARE_PCT, env)?;
                let above = match self.opt(&mut o, "above") {
                    None => None,
                    Some(a) => {
                        let ap = self.field(&o, "above");
                        let mut ao = self.obj(a, &ap)?;
                        let s = self.span(&mut ao, env)?;
                        self.done(ao)?;
                        Some(s)
                    }
                };
                let rise_at_least =
                    self.req_value(&mut o, "rise_at_least", POINTS, env)?;
                Rule::Rising {
                    from,
                    to,
                    span,
                    ends_at_least,
                    above,
                    rise_at_least,
                }
            }
            R::Recovered => Rule::Recovered {
                from: self.req_moment(&mut o, "from", env)?,
                below: self.req_value(&mut o, "below", SHARE_PCT, env)?,
            },
            R::Traffic => {
                let (from, to) = self.span(&mut o, env)?;
                let measure =
                    self.vocab(&mut o, "measure", &measure_words, None)?;
                let part = self.vocab(
                    &mut o,
                    "part",
                    &[
                        ("all", Part::All),
                        ("segment", Part::Segment),
                        ("rest", Part::Rest),
                    ],
                    Some(Part::All),
                )?;
                let relative = self.vocab(
                    &mut o,
                    "per",
                    &[
                        ("hour", Relative::PerHour),
                        ("total", Relative::Total),
                        ("normal", Relative::Normal),
                        ("capacity", Relative::Capacity),
                    ],
                    None,
                )?;
                let unit = match relative {
                    Relative::PerHour => RATE_PER_H,
                    Relative::Total => COUNT,
                    Relative::Normal => MULTIPLE,
                    Relative::Capacity => SHARE_PCT,
                };
                // Rates are written per hour and kept per minute.
                let at_least =
                    self.opt_value(&mut o, "at_least", unit, env)?;
                let at_most = self.opt_value(&mut o, "at_most", unit, env)?;
                let target = self.opt_value(&mut o, "target", unit, env)?;
                let factor =
                    self.opt_value(&mut o, "tolerance_x", MULTIPLE, env)?;
                let band = match (at_least, at_most, target, factor) {
                    (a, b, None, None) if a.is_some() || b.is_some() => {
                        Band::Between { at_least: a, at_most: b }
                    }
                    (None, None, Some(target), Some(factor)) => {
                        Band::Around { target, factor }
                    }
                    _ => {
                        return self.err(
                            path,
                            ErrorKind::Inconsistent {
                                message: "expected either `at_least` and/or \
                                          `at_most`, or both `target` and \
                                          `tolerance_x`"
                                    .into(),
                            },
                        )
                    }
                };
                if part != Part::All && relative == Relative::Capacity {
                    return self.err(
                        format!("{path}.part"),
                        ErrorKind::Inconsistent {
                            message:
                                "a multiple of capacity counts all users; \
                                      expected `part`: `all`"
                                    .into(),
                        },
                    );
                }
                Rule::Traffic { from, to, measure, part, relative, band }
            }
            R::Share => {
                let (from, to) = self.span(&mut o, env)?;
                let measure =
                    self.vocab(&mut o, "measure", &measure_words, None)?;
                Rule::Share {
                    from,
                    to,
                    measure,
                    target: self
                        .req_value(&mut o, "target", SHARE_PCT, env)?,
                    within: self.req_value(
                        &mut o,
                        "within_pts",
                        POINTS,
                        env,
                    )?,
                }
            }
        };
        self.done(o)?;
        Ok(rule)
    }
}
