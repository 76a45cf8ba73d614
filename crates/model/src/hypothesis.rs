//! Sets of hypotheses: which of a scenario's possible causes are on.
//!
//! A scenario declares its hypotheses (at most
//! [`crate::scenario::MAX_HYPOTHESES`]); a set is a bitset over their
//! indices, and a *world* is one such set. The analysis runs every world.

/// The hypotheses that are switched on, as bits over their indices.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
pub struct HypothesisSet(u32);

impl HypothesisSet {
    /// No hypothesis on.
    pub const NONE: HypothesisSet = HypothesisSet(0);

    /// All of `n` hypotheses on.
    pub fn all(n: usize) -> HypothesisSet {
        HypothesisSet(((1u64 << n) - 1) as u32)
    }

    /// The set with exactly these hypotheses on.
    pub fn of(indices: &[usize]) -> HypothesisSet {
        let mut set = HypothesisSet::NONE;
        for &i in indices {
            set.insert(i);
        }
        set
    }

    /// The set with these bits.
    pub fn from_bits(bits: u32) -> HypothesisSet {
        HypothesisSet(bits)
    }

    /// The bits: hypothesis `i` is bit `i`. Also the world's index in
    /// [`HypothesisSet::every`] order.
    pub fn bits(self) -> u32 {
        self.0
    }

    /// All 2ⁿ sets of `n` hypotheses, from none to all.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::HypothesisSet;
    /// assert_eq!(HypothesisSet::every(3).count(), 8);
    /// ```
    pub fn every(n: usize) -> impl Iterator<Item = HypothesisSet> {
        (0..(1u32 << n)).map(HypothesisSet)
    }

    /// Whether hypothesis `i` is on.
    pub fn contains(self, i: usize) -> bool {
        i < 32 && self.0 & (1 << i) != 0
    }

    /// Switches `i` on.
    pub fn insert(&mut self, i: usize) {
        self.0 |= 1 << i;
    }

    /// Switches `i` off.
    pub fn remove(&mut self, i: usize) {
        self.0 &= !(1 << i);
    }

    /// A copy with `i` off.
    pub fn without(mut self, i: usize) -> HypothesisSet {
        self.remove(i);
        self
    }

    /// Switches `i` on or off.
    pub fn set(&mut self, i: usize, on: bool) {
        if on {
            self.insert(i)
        } else {
            self.remove(i)
        }
    }

    /// The indices that are on, in order.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..32).filter(move |&i| self.contains(i))
    }

    /// How many are on.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether none is on.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Parses a comma-separated list of ids from `ids` (the scenario's
    /// hypotheses, in order); `none` or an empty string is the empty set.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::HypothesisSet;
    /// let ids = ["election", "deadline"];
    /// let set = HypothesisSet::parse("deadline", &ids)?;
    /// assert!(set.contains(1) && !set.contains(0));
    /// assert_eq!(HypothesisSet::parse("none", &ids)?, HypothesisSet::NONE);
    /// assert!(HypothesisSet::parse("aliens", &ids).is_err());
    /// # Ok::<(), String>(())
    /// ```
    pub fn parse<S: AsRef<str>>(
        list: &str,
        ids: &[S],
    ) -> Result<HypothesisSet, String> {
        let list = list.trim();
        let mut set = HypothesisSet::NONE;
        if list.is_empty() || list == "none" {
            return Ok(set);
        }
        for part in list.split(',') {
            let part = part.trim();
            match ids.iter().position(|id| id.as_ref() == part) {
                Some(i) => set.insert(i),
                None => {
                    let known: Vec<&str> =
                        ids.iter().map(|s| s.as_ref()).collect();
                    return Err(format!(
                        "unknown hypothesis `{part}`; expected a \
                         comma-separated list of {}, or `none`",
                        known.join(", ")
                    ));
                }
            }
        }
        Ok(set)
    }

    /// The ids that are on, comma-separated; `none` for the empty set.
    pub fn ids<S: AsRef<str>>(self, ids: &[S]) -> String {
        let on: Vec<&str> = self
            .iter()
            .filter_map(|i| ids.get(i).map(|s| s.as_ref()))
            .collect();
        if on.is_empty() {
            "none".into()
        } else {
            on.join(",")
        }
    }
}
