//! The pure model behind the claimcheck widget.
//!
//! It knows nothing of the web: it reads a scenario (the documented record
//! of an incident), turns hypotheses and parameters into a simulated outage
//! curve, checks that curve against the record's observations and derives a
//! verdict for each claim. Data flows one way:
//! scenario → parameters → simulation → checks → verdicts.

pub mod hypothesis;
pub mod scenario;
pub mod time;

pub use hypothesis::{Hypothesis, HypothesisSet};
pub use scenario::{Scenario, ScenarioError};
