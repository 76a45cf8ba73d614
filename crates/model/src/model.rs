//! The model a scenario declares: demand components with their shapes,
//! capacity and what changes it, and how users and servers behave.
//!
//! Nothing here names an incident. A scenario file lists
//! [`Component`]s from a small vocabulary, and its hypotheses switch
//! them on and off; [`crate::sim`] turns the components that are on into
//! an outage curve. Every number is a [`Value`]: a constant, or a
//! parameter converted to the model's canonical units (users per minute,
//! minutes, fractions) when the file was read. `scenarios/README.md`
//! documents the vocabulary for authors.

use crate::scenario::Text;

/// A number in the model's canonical unit: a constant, or a parameter
/// times the factor that converts its unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A constant.
    Const(f64),
    /// Parameter `index` × `scale`.
    Param {
        /// The parameter's index in the scenario's list.
        index: usize,
        /// Converts the parameter's unit to the canonical one.
        scale: f64,
    },
}

impl Value {
    /// The value with parameters `p` (canonical units).
    #[inline]
    pub fn get(self, p: &[f64]) -> f64 {
        match self {
            Value::Const(c) => c,
            Value::Param { index, scale } => p[index] * scale,
        }
    }

    /// The parameter this value reads, if any.
    pub fn param(self) -> Option<usize> {
        match self {
            Value::Const(_) => None,
            Value::Param { index, .. } => Some(index),
        }
    }
}

/// A daily rhythm: 1 + swing·cos(2π(t − peak)/24 h).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rhythm {
    /// How far the rate swings around its mean, as a fraction.
    pub swing: Value,
    /// When it peaks, minutes after midnight.
    pub peak: Value,
}

/// The time course of a demand component. Rates are users per minute,
/// times minutes since the window's start, durations minutes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// Ordinary traffic: a daily cycle whose rate at `anchor` (minutes
    /// after midnight) is the component's level; without an anchor, the
    /// level is its daily mean.
    DailyCycle {
        /// The hour of the day the level refers to.
        anchor: Option<Value>,
        /// The cycle.
        rhythm: Rhythm,
    },
    /// A rush before a deadline (Alfi, Parisi & Pietronero 2007): a
    /// logistic onset of width `onset_width` at `onset`, then urgency
    /// τ/(T − t + τ), 1 at the deadline T; after T it decays as
    /// exp(−(t − T)/`after`). The level is the rate at the deadline.
    DeadlineRush {
        /// When the rush sets in.
        onset: Value,
        /// The onset's time constant.
        onset_width: Value,
        /// τ: how long before the deadline the rush stops growing much.
        saturation: Value,
        /// T.
        deadline: Value,
        /// Decay time constant after the deadline.
        after: Value,
        /// The applicants' own daily rhythm (mean 1), if any.
        rhythm: Option<Rhythm>,
    },
    /// A news-driven pulse: zero before `onset`, a smooth rise over
    /// `rise` to the level, then halving every `half_life`.
    Pulse {
        /// When interest starts to rise.
        onset: Value,
        /// From onset to peak.
        rise: Value,
        /// Half-life after the peak.
        half_life: Value,
        /// A daily rhythm (mean 1), if any.
        rhythm: Option<Rhythm>,
    },
    /// A constant level from `from` until `until` (or the end).
    Step {
        /// Start.
        from: Value,
        /// End, if any.
        until: Option<Value>,
        /// A daily rhythm (mean 1), if any.
        rhythm: Option<Rhythm>,
    },
}

impl Shape {
    /// The id used in scenario files.
    pub fn id(&self) -> &'static str {
        match self {
            Shape::DailyCycle { .. } => "daily_cycle",
            Shape::DeadlineRush { .. } => "deadline_rush",
            Shape::Pulse { .. } => "pulse",
            Shape::Step { .. } => "step",
        }
    }
}

/// What a component does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ComponentKind {
    /// Fresh demand: users per minute arriving at the site.
    Demand {
        /// Its time course.
        shape: Shape,
        /// The rate the shape is scaled to, users/min; or, with
        /// `relative_to`, a multiple of that component's level.
        level: Value,
        /// The demand component (index into [`Model::components`])
        /// whose level `level` multiplies.
        relative_to: Option<usize>,
        /// The share of these users in the scenario's segment (e.g.
        /// from U.S. addresses), as a fraction.
        segment_share: Value,
    },
    /// A different number of servers while it is on, between `from`
    /// and `until` (either may be open).
    Servers {
        /// How many servers.
        servers: Value,
        /// Start, minutes.
        from: Option<Value>,
        /// End, minutes.
        until: Option<Value>,
    },
    /// Each request costs `multiplier` times the normal work while it is
    /// on (a heavy page, a costly query): capacity is divided by it.
    Cost {
        /// The multiplier.
        multiplier: Value,
        /// Start, minutes.
        from: Option<Value>,
        /// End, minutes.
        until: Option<Value>,
    },
}

/// One part of the model, switched on or off by at most one hypothesis.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    /// Stable id, e.g. `deadline` (also the key of its demand series).
    pub id: String,
    /// What readers see, e.g. "Deadline rush".
    pub label: Text,
    /// What it does.
    pub kind: ComponentKind,
    /// The hypothesis (index) that switches it; `None`: always on.
    pub hypothesis: Option<usize>,
}

impl Component {
    /// Whether this is a demand component.
    pub fn is_demand(&self) -> bool {
        matches!(self.kind, ComponentKind::Demand { .. })
    }
}

/// Capacity when no component changes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Capacity {
    /// Servers.
    pub servers: Value,
    /// Users per minute one server can serve.
    pub per_server: Value,
}

/// How users and servers behave under overload, in minutes and
/// fractions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Behaviour {
    /// Mean patience.
    pub timeout: Value,
    /// The queue limit, in minutes of service at the current capacity.
    pub queue_max_wait: Value,
    /// Share of failed users who try again.
    pub retry: Value,
    /// Mean time before a retry.
    pub retry_wait: Value,
    /// How much arrivals fluctuate within a minute, as a coefficient of
    /// variation (a share; 0: a smooth fluid).
    pub burst: Value,
}

/// The scenario's model.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// What the segment is called ("from the U.S."), if the scenario
    /// tracks one share of its users.
    pub segment: Option<Text>,
    /// Capacity before any component changes it.
    pub capacity: Capacity,
    /// Timeouts, queue and retries.
    pub behaviour: Behaviour,
    /// Demand, servers and cost components, in file order.
    pub components: Vec<Component>,
}

impl Model {
    /// The demand components, in file order, with their indices.
    pub fn demand(&self) -> impl Iterator<Item = (usize, &Component)> {
        self.components.iter().enumerate().filter(|(_, c)| c.is_demand())
    }

    /// The component with this id.
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }
}
