//! The pure model behind the claimcheck widget.
//!
//! It knows nothing of the web: it reads a scenario (the documented record
//! of an incident), turns hypotheses and parameters into a simulated outage
//! curve, checks that curve against the record's observations and derives a
//! verdict for each claim. Data flows one way:
//! scenario → parameters → simulation → checks → verdicts.

pub mod checks;
pub mod codegen;
pub mod erlang;
pub mod hypothesis;
pub mod params;
pub mod scenario;
pub mod sim;
pub mod time;
pub mod verdict;

pub use hypothesis::{Hypothesis, HypothesisSet};
pub use params::{ParamError, Params};
pub use scenario::{Scenario, ScenarioError};
