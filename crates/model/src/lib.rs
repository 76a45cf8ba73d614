//! The pure model behind the claimcheck widget.
//!
//! It knows nothing of the web, and nothing of any one incident: it reads
//! a scenario (the documented record of an incident, its model, its
//! hypotheses, its checks and its claims, all as data), turns hypotheses
//! and parameters into a simulated outage curve, checks that curve
//! against the record's observations and derives a verdict for each
//! claim across the plausible assumptions. Data flows one way:
//! scenario → parameters → simulation → checks → verdicts → words.

pub mod bundled;
pub mod checks;
pub mod claimreview;

pub mod erlang;
pub mod hypothesis;
pub mod locale;
pub mod model;
pub mod pack;
pub mod params;
pub mod rules;
pub mod scenario;
pub mod sim;
pub mod support;
pub mod time;
pub mod units;
pub mod verdict;
pub mod words;

pub use hypothesis::HypothesisSet;
pub use params::{ParamError, Params};
pub use scenario::{Scenario, ScenarioError};
