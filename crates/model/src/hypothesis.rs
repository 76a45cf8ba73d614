//! The three hypotheses a reader can switch on and off.

use std::fmt;

/// One hypothesis about why the IRCC site failed.
///
/// The baseline traffic is not a hypothesis: it is always on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hypothesis {
    /// Foreign travellers rushing to get an eTA before the 10 Nov deadline.
    Deadline,
    /// US visitors arriving as the election result became clear.
    Election,
    /// Three servers until the fix, six after. Off: six all along.
    Underprovisioning,
}

impl Hypothesis {
    /// Every hypothesis, in display order.
    pub const ALL: [Hypothesis; 3] = [
        Hypothesis::Election,
        Hypothesis::Deadline,
        Hypothesis::Underprovisioning,
    ];

    /// The stable id used in scenario files, URLs, attributes and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Hypothesis::Deadline => "deadline",
            Hypothesis::Election => "election",
            Hypothesis::Underprovisioning => "underprovisioning",
        }
    }

    /// Parses an id as written by [`Hypothesis::id`].
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::Hypothesis;
    /// assert_eq!(Hypothesis::from_id("election"), Some(Hypothesis::Election));
    /// assert_eq!(Hypothesis::from_id("aliens"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<Hypothesis> {
        Hypothesis::ALL.into_iter().find(|h| h.id() == id)
    }

    fn bit(self) -> u8 {
        match self {
            Hypothesis::Deadline => 1,
            Hypothesis::Election => 2,
            Hypothesis::Underprovisioning => 4,
        }
    }
}

impl fmt::Display for Hypothesis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A set of hypotheses that are switched on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct HypothesisSet(u8);

impl HypothesisSet {
    /// No hypothesis on.
    pub const NONE: HypothesisSet = HypothesisSet(0);
    /// All three on.
    pub const ALL: HypothesisSet = HypothesisSet(7);

    /// Builds a set from hypotheses.
    pub fn of(hypotheses: &[Hypothesis]) -> HypothesisSet {
        let mut set = HypothesisSet::NONE;
        for &h in hypotheses {
            set.insert(h);
        }
        set
    }

    /// All 8 subsets, from none to all.
    pub fn every() -> impl Iterator<Item = HypothesisSet> {
        (0u8..8).map(HypothesisSet)
    }

    /// Whether `h` is on.
    pub fn contains(self, h: Hypothesis) -> bool {
        self.0 & h.bit() != 0
    }

    /// Switches `h` on.
    pub fn insert(&mut self, h: Hypothesis) {
        self.0 |= h.bit();
    }

    /// Switches `h` off.
    pub fn remove(&mut self, h: Hypothesis) {
        self.0 &= !h.bit();
    }

    /// Switches `h` on or off.
    pub fn set(&mut self, h: Hypothesis, on: bool) {
        if on {
            self.insert(h)
        } else {
            self.remove(h)
        }
    }

    /// The hypotheses that are on, in display order.
    pub fn iter(self) -> impl Iterator<Item = Hypothesis> {
        Hypothesis::ALL.into_iter().filter(move |&h| self.contains(h))
    }

    /// Parses a comma-separated list of ids; `none` or an empty string is
    /// the empty set.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::{Hypothesis, HypothesisSet};
    /// let set = HypothesisSet::parse("deadline,underprovisioning")?;
    /// assert!(set.contains(Hypothesis::Deadline));
    /// assert!(!set.contains(Hypothesis::Election));
    /// assert_eq!(HypothesisSet::parse("none")?, HypothesisSet::NONE);
    /// # Ok::<(), String>(())
    /// ```
    pub fn parse(list: &str) -> Result<HypothesisSet, String> {
        let list = list.trim();
        if list.is_empty() || list == "none" {
            return Ok(HypothesisSet::NONE);
        }
        let mut set = HypothesisSet::NONE;
        for id in list.split(',').map(str::trim) {
            match Hypothesis::from_id(id) {
                Some(h) => set.insert(h),
                None => {
                    return Err(format!(
                        "unknown hypothesis `{id}`; expected one of \
                         election, deadline, underprovisioning, or none"
                    ))
                }
            }
        }
        Ok(set)
    }
}

impl fmt::Display for HypothesisSet {
    /// Comma-separated ids, or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            return f.write_str("none");
        }
        let ids: Vec<&str> = self.iter().map(Hypothesis::id).collect();
        f.write_str(&ids.join(","))
    }
}
