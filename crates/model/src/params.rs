//! Parameter values: a complete, validated set of numbers for a
//! scenario's parameters.
//!
//! A scenario declares its parameters ([`ParamSpec`]: unit, default,
//! range, record or assumption, why); [`Params`] holds one value for
//! each, and can only be changed through methods that reject an unknown
//! name or an out-of-range value with a [`ParamError`] naming the
//! parameter, the value and the range.

use std::fmt;

use crate::scenario::ParamSpec;

/// A parameter value was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamError {
    /// No parameter has this name.
    Unknown {
        /// The name given.
        name: String,
        /// The scenario's parameter names.
        known: Vec<String>,
    },
    /// The value is outside the declared range, or not finite.
    OutOfRange {
        /// The parameter.
        name: String,
        /// The value given.
        value: f64,
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
    },
    /// The value is not a number.
    Malformed {
        /// The parameter.
        name: String,
        /// The text given.
        text: String,
    },
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamError::Unknown { name, known } => write!(
                f,
                "unknown parameter `{name}`; expected one of {}",
                known.join(", ")
            ),
            ParamError::OutOfRange { name, value, min, max } => {
                if min == max {
                    write!(
                        f,
                        "parameter `{name}` = {value} is out of range; the \
                         record fixes it at {min}"
                    )
                } else {
                    write!(
                        f,
                        "parameter `{name}` = {value} is out of range; \
                         expected {min} to {max}"
                    )
                }
            }
            ParamError::Malformed { name, text } => write!(
                f,
                "parameter `{name}` has value `{text}`, which is not a \
                 number; expected a decimal number such as 1.5"
            ),
        }
    }
}

impl std::error::Error for ParamError {}

/// One value per parameter of a scenario, every one inside its range.
///
/// # Examples
/// ```
/// use claimcheck_model::{bundled, Params};
/// let s = bundled::default_scenario();
/// let p = Params::defaults(&s.params).with(&s.params, "timeout_s", 45.0)?;
/// assert_eq!(p.value(&s.params, "timeout_s"), Some(45.0));
/// assert!(p.clone().with(&s.params, "timeout_s", 1e6).is_err());
/// # Ok::<(), claimcheck_model::ParamError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    values: Vec<f64>,
}

impl Params {
    /// Every parameter at its default.
    pub fn defaults(specs: &[ParamSpec]) -> Params {
        Params { values: specs.iter().map(|s| s.default).collect() }
    }

    /// Values in the order of `specs`, each checked against its range.
    pub fn from_values(
        specs: &[ParamSpec],
        values: Vec<f64>,
    ) -> Result<Params, ParamError> {
        let mut p = Params::defaults(specs);
        for (i, v) in values.into_iter().enumerate().take(specs.len()) {
            p.set(specs, i, v)?;
        }
        Ok(p)
    }

    /// The values, in the order of the scenario's parameters.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The value of parameter `index`.
    pub fn get(&self, index: usize) -> f64 {
        self.values[index]
    }

    /// Sets one value in place, if valid; on error nothing changes.
    pub fn set(
        &mut self,
        specs: &[ParamSpec],
        index: usize,
        value: f64,
    ) -> Result<(), ParamError> {
        let spec = &specs[index];
        if !spec.accepts(value) {
            return Err(ParamError::OutOfRange {
                name: spec.id.clone(),
                value,
                min: spec.min,
                max: spec.max,
            });
        }
        self.values[index] = value;
        Ok(())
    }

    /// The index of the parameter called `name`.
    pub fn index(
        specs: &[ParamSpec],
        name: &str,
    ) -> Result<usize, ParamError> {
        specs.iter().position(|s| s.id == name).ok_or_else(|| {
            ParamError::Unknown {
                name: name.to_string(),
                known: specs.iter().map(|s| s.id.clone()).collect(),
            }
        })
    }

    /// A copy with `name` set to `value`, if valid.
    pub fn with(
        mut self,
        specs: &[ParamSpec],
        name: &str,
        value: f64,
    ) -> Result<Params, ParamError> {
        let i = Params::index(specs, name)?;
        self.set(specs, i, value)?;
        Ok(self)
    }

    /// A copy with `name` set to the number written in `text`, if valid;
    /// for command lines, URLs and attributes.
    pub fn with_text(
        self,
        specs: &[ParamSpec],
        name: &str,
        text: &str,
    ) -> Result<Params, ParamError> {
        let i = Params::index(specs, name)?;
        let value =
            crate::locale::parse_number(text.trim()).ok_or_else(|| {
                ParamError::Malformed {
                    name: specs[i].id.clone(),
                    text: text.to_string(),
                }
            })?;
        self.with(specs, name, value)
    }

    /// The value of the parameter called `name`.
    pub fn value(&self, specs: &[ParamSpec], name: &str) -> Option<f64> {
        Params::index(specs, name).ok().map(|i| self.values[i])
    }
}
