//! A compact binary form of validated scenarios, for the widget.
//!
//! The widget validates its bundled scenarios **at build time** (its
//! `build.rs` calls [`Scenario::parse`], so a bad file fails the build
//! with the parser's error) and embeds them packed: varints, raw `f64`s
//! and UTF-8 strings, with no field names. The WebAssembly bundle then
//! carries the data as bytes and a small decoder, but no JSON parser, and
//! a scenario is only decoded when a widget shows it. Adding a scenario
//! adds bytes, not code.
//!
//! # Examples
//! ```
//! use claimcheck_model::pack::{pack, unpack};
//! use claimcheck_model::bundled;
//! let s = bundled::default_scenario();
//! let bytes = pack(&s);
//! assert_eq!(unpack(&bytes)?, s);
//! # Ok::<(), claimcheck_model::pack::PackError>(())
//! ```

use std::fmt;

use crate::model::{
    Behaviour, Capacity, Component, ComponentKind, Model, Rhythm, Shape, Value,
};
use crate::rules::{Band, Measure, Part, Relative, Rule, Stat};
use crate::scenario::{
    Background, Claim, Event, EventKind, Figure, Group, HypothesisInfo,
    ParamSpec, Preset, Provenance, Quote, Scenario, Source, Term, Text,
    TimeWindow,
};
use crate::time::{Clock, LocalTime};
use crate::units::Unit;

/// Packed bytes that do not decode (a bug: the build packs them).
#[derive(Clone, Debug, PartialEq)]
pub struct PackError {
    /// Where decoding stopped.
    pub offset: usize,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "packed scenario is corrupt at byte {}", self.offset)
    }
}

impl std::error::Error for PackError {}

/// Packs a validated scenario.
pub fn pack(s: &Scenario) -> Vec<u8> {
    let mut out = Vec::new();
    s.put(&mut out);
    out
}

/// Unpacks what [`pack`] wrote.
pub fn unpack(bytes: &[u8]) -> Result<Scenario, PackError> {
    let mut r = Reader { bytes, at: 0 };
    let s = Scenario::take(&mut r)?;
    if r.at != bytes.len() {
        return Err(PackError { offset: r.at });
    }
    Ok(s)
}

/// Packs several scenarios into one buffer: a count, then each one's
/// length and bytes, so one can be decoded without the others.
pub fn pack_all(all: &[Scenario]) -> Vec<u8> {
    let mut out = Vec::new();
    (all.len() as u64).put(&mut out);
    for s in all {
        let b = pack(s);
        (b.len() as u64).put(&mut out);
        out.extend_from_slice(&b);
    }
    out
}

/// The packed scenarios of a [`pack_all`] buffer, still packed.
pub fn split_all(bytes: &[u8]) -> Result<Vec<&[u8]>, PackError> {
    let mut r = Reader { bytes, at: 0 };
    let n = u64::take(&mut r)? as usize;
    let mut out = Vec::with_capacity(n.min(64));
    for _ in 0..n {
        let len = u64::take(&mut r)? as usize;
        let end = r.at.checked_add(len).filter(|&e| e <= bytes.len());
        let end = end.ok_or(PackError { offset: r.at })?;
        out.push(&bytes[r.at..end]);
        r.at = end;
    }
    Ok(out)
}

/// Reads the id of a packed scenario without decoding the rest.
pub fn peek_id(bytes: &[u8]) -> Result<String, PackError> {
    String::take(&mut Reader { bytes, at: 0 })
}

/// Reads the id and whether it is the default, without decoding the
/// rest.
pub fn peek_head(bytes: &[u8]) -> Result<(String, bool), PackError> {
    let mut r = Reader { bytes, at: 0 };
    Ok((String::take(&mut r)?, bool::take(&mut r)?))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, PackError> {
        let b =
            *self.bytes.get(self.at).ok_or(PackError { offset: self.at })?;
        self.at += 1;
        Ok(b)
    }

    fn slice(&mut self, n: usize) -> Result<&[u8], PackError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(PackError { offset: self.at })?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn bad<T>(&self) -> Result<T, PackError> {
        Err(PackError { offset: self.at })
    }
}

trait Pack: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(r: &mut Reader) -> Result<Self, PackError>;
}

impl Pack for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        let mut v = *self;
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }
    fn take(r: &mut Reader) -> Result<u64, PackError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = r.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        r.bad()
    }
}

impl Pack for usize {
    fn put(&self, out: &mut Vec<u8>) {
        (*self as u64).put(out)
    }
    fn take(r: &mut Reader) -> Result<usize, PackError> {
        usize::try_from(u64::take(r)?).or_else(|_| r.bad())
    }
}

impl Pack for i32 {
    fn put(&self, out: &mut Vec<u8>) {
        // Zigzag, so small negative numbers stay small.
        (((*self << 1) ^ (*self >> 31)) as u32 as u64).put(out)
    }
    fn take(r: &mut Reader) -> Result<i32, PackError> {
        let z = u32::try_from(u64::take(r)?).or_else(|_| r.bad())?;
        Ok(((z >> 1) as i32) ^ -((z & 1) as i32))
    }
}

impl Pack for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self)
    }
    fn take(r: &mut Reader) -> Result<u8, PackError> {
        r.byte()
    }
}

impl Pack for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self))
    }
    fn take(r: &mut Reader) -> Result<bool, PackError> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => r.bad(),
        }
    }
}

impl Pack for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        // Whole numbers are the common case (minutes, counts): tag 0 and
        // a zigzag varint; anything else tag 1 and the 8 raw bytes.
        if self.fract() == 0.0
            && self.abs() < 1e15
            && !(*self == 0.0 && self.is_sign_negative())
        {
            out.push(0);
            let i = *self as i64;
            (((i << 1) ^ (i >> 63)) as u64).put(out);
        } else {
            out.push(1);
            out.extend_from_slice(&self.to_le_bytes());
        }
    }
    fn take(r: &mut Reader) -> Result<f64, PackError> {
        match r.byte()? {
            0 => {
                let z = u64::take(r)?;
                Ok((((z >> 1) as i64) ^ -((z & 1) as i64)) as f64)
            }
            1 => {
                let b = r.slice(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Ok(f64::from_le_bytes(a))
            }
            _ => r.bad(),
        }
    }
}

impl Pack for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader) -> Result<String, PackError> {
        let n = usize::take(r)?;
        let at = r.at;
        let b = r.slice(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| PackError { offset: at })
    }
}

impl<T: Pack> Pack for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Option<T>, PackError> {
        match r.byte()? {
            0 => Ok(None),
            1 => Ok(Some(T::take(r)?)),
            _ => r.bad(),
        }
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for v in self {
            v.put(out);
        }
    }
    fn take(r: &mut Reader) -> Result<Vec<T>, PackError> {
        let n = usize::take(r)?;
        if n > r.bytes.len() {
            return r.bad();
        }
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::take(r)?);
        }
        Ok(v)
    }
}

impl<A: Pack, B: Pack> Pack for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(r: &mut Reader) -> Result<(A, B), PackError> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

/// Implements [`Pack`] for a struct by listing every field. Building the
/// struct in `take` names every field, so a field left out of the list
/// is a compile error.
macro_rules! pack_struct {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl Pack for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $( self.$field.put(out); )*
            }
            fn take(r: &mut Reader) -> Result<$t, PackError> {
                Ok($t { $( $field: Pack::take(r)?, )* })
            }
        }
    };
}

/// Implements [`Pack`] for a fieldless enum as one byte.
macro_rules! pack_enum {
    ($t:ident { $($v:ident),* $(,)? }) => {
        impl Pack for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let all = [$($t::$v),*];
                let i = all.iter().position(|x| x == self).unwrap_or(0);
                out.push(i as u8);
            }
            fn take(r: &mut Reader) -> Result<$t, PackError> {
                let all = [$($t::$v),*];
                let i = usize::from(r.byte()?);
                match all.get(i) {
                    Some(v) => Ok(*v),
                    None => r.bad(),
                }
            }
        }
    };
}

pack_enum!(EventKind { Observation, Claim, Statement, Milestone });
pack_enum!(Provenance { Record, Assumption });
pack_enum!(Stat { Mean, Min, Max });
pack_enum!(Measure { Served, Demand });
pack_enum!(Part { All, Segment, Rest });
pack_enum!(Relative { PerHour, Total, Normal, Capacity });

impl Pack for Unit {
    fn put(&self, out: &mut Vec<u8>) {
        let i = Unit::ALL.iter().position(|u| u == self).unwrap_or(0);
        out.push(i as u8);
    }
    fn take(r: &mut Reader) -> Result<Unit, PackError> {
        match Unit::ALL.get(usize::from(r.byte()?)) {
            Some(u) => Ok(*u),
            None => r.bad(),
        }
    }
}

impl Pack for Group {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Group::Traffic => out.push(0),
            Group::Capacity => out.push(1),
            Group::Behaviour => out.push(2),
            Group::Checks => out.push(3),
            Group::Hypothesis(h) => {
                out.push(4);
                h.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Group, PackError> {
        Ok(match r.byte()? {
            0 => Group::Traffic,
            1 => Group::Capacity,
            2 => Group::Behaviour,
            3 => Group::Checks,
            4 => Group::Hypothesis(usize::take(r)?),
            _ => return r.bad(),
        })
    }
}

impl Pack for Value {
    fn put(&self, out: &mut Vec<u8>) {
        match *self {
            Value::Const(c) => {
                out.push(0);
                c.put(out);
            }
            Value::Param { index, scale } => {
                out.push(1);
                index.put(out);
                scale.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Value, PackError> {
        Ok(match r.byte()? {
            0 => Value::Const(f64::take(r)?),
            1 => Value::Param { index: usize::take(r)?, scale: f64::take(r)? },
            _ => return r.bad(),
        })
    }
}

impl Pack for Shape {
    fn put(&self, out: &mut Vec<u8>) {
        match *self {
            Shape::DailyCycle { anchor, rhythm } => {
                out.push(0);
                anchor.put(out);
                rhythm.put(out);
            }
            Shape::DeadlineRush {
                onset,
                onset_width,
                saturation,
                deadline,
                after,
                rhythm,
            } => {
                out.push(1);
                onset.put(out);
                onset_width.put(out);
                saturation.put(out);
                deadline.put(out);
                after.put(out);
                rhythm.put(out);
            }
            Shape::Pulse { onset, rise, half_life, rhythm } => {
                out.push(2);
                onset.put(out);
                rise.put(out);
                half_life.put(out);
                rhythm.put(out);
            }
            Shape::Step { from, until, rhythm } => {
                out.push(3);
                from.put(out);
                until.put(out);
                rhythm.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Shape, PackError> {
        Ok(match r.byte()? {
            0 => Shape::DailyCycle {
                anchor: Pack::take(r)?,
                rhythm: Pack::take(r)?,
            },
            1 => Shape::DeadlineRush {
                onset: Pack::take(r)?,
                onset_width: Pack::take(r)?,
                saturation: Pack::take(r)?,
                deadline: Pack::take(r)?,
                after: Pack::take(r)?,
                rhythm: Pack::take(r)?,
            },
            2 => Shape::Pulse {
                onset: Pack::take(r)?,
                rise: Pack::take(r)?,
                half_life: Pack::take(r)?,
                rhythm: Pack::take(r)?,
            },
            3 => Shape::Step {
                from: Pack::take(r)?,
                until: Pack::take(r)?,
                rhythm: Pack::take(r)?,
            },
            _ => return r.bad(),
        })
    }
}

impl Pack for ComponentKind {
    fn put(&self, out: &mut Vec<u8>) {
        match *self {
            ComponentKind::Demand {
                shape,
                level,
                relative_to,
                segment_share,
            } => {
                out.push(0);
                shape.put(out);
                level.put(out);
                relative_to.put(out);
                segment_share.put(out);
            }
            ComponentKind::Servers { servers, from, until } => {
                out.push(1);
                servers.put(out);
                from.put(out);
                until.put(out);
            }
            ComponentKind::Cost { multiplier, from, until } => {
                out.push(2);
                multiplier.put(out);
                from.put(out);
                until.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<ComponentKind, PackError> {
        Ok(match r.byte()? {
            0 => ComponentKind::Demand {
                shape: Pack::take(r)?,
                level: Pack::take(r)?,
                relative_to: Pack::take(r)?,
                segment_share: Pack::take(r)?,
            },
            1 => ComponentKind::Servers {
                servers: Pack::take(r)?,
                from: Pack::take(r)?,
                until: Pack::take(r)?,
            },
            2 => ComponentKind::Cost {
                multiplier: Pack::take(r)?,
                from: Pack::take(r)?,
                until: Pack::take(r)?,
            },
            _ => return r.bad(),
        })
    }
}

impl Pack for Band {
    fn put(&self, out: &mut Vec<u8>) {
        match *self {
            Band::Between { at_least, at_most } => {
                out.push(0);
                at_least.put(out);
                at_most.put(out);
            }
            Band::Around { target, factor } => {
                out.push(1);
                target.put(out);
                factor.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Band, PackError> {
        Ok(match r.byte()? {
            0 => Band::Between {
                at_least: Pack::take(r)?,
                at_most: Pack::take(r)?,
            },
            1 => {
                Band::Around { target: Pack::take(r)?, factor: Pack::take(r)? }
            }
            _ => return r.bad(),
        })
    }
}

impl Pack for Rule {
    fn put(&self, out: &mut Vec<u8>) {
        match *self {
            Rule::Failing { from, to, stat, at_least, below } => {
                out.push(0);
                (from, to).put(out);
                stat.put(out);
                at_least.put(out);
                below.put(out);
            }
            Rule::Healthy { from, to, below } => {
                out.push(1);
                (from, to).put(out);
                below.put(out);
            }
            Rule::Onset { at, early, late, threshold } => {
                out.push(2);
                at.put(out);
                early.put(out);
                late.put(out);
                threshold.put(out);
            }
            Rule::Rising {
                from,
                to,
                span,
                ends_at_least,
                above,
                rise_at_least,
            } => {
                out.push(3);
                (from, to).put(out);
                span.put(out);
                ends_at_least.put(out);
                above.put(out);
                rise_at_least.put(out);
            }
            Rule::Recovered { from, below } => {
                out.push(4);
                from.put(out);
                below.put(out);
            }
            Rule::Traffic { from, to, measure, part, relative, band } => {
                out.push(5);
                (from, to).put(out);
                measure.put(out);
                part.put(out);
                relative.put(out);
                band.put(out);
            }
            Rule::Share { from, to, measure, target, within } => {
                out.push(6);
                (from, to).put(out);
                measure.put(out);
                target.put(out);
                within.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<Rule, PackError> {
        let tag = r.byte()?;
        Ok(match tag {
            0 => {
                let (from, to) = Pack::take(r)?;
                Rule::Failing {
                    from,
                    to,
                    stat: Pack::take(r)?,
                    at_least: Pack::take(r)?,
                    below: Pack::take(r)?,
                }
            }
            1 => {
                let (from, to) = Pack::take(r)?;
                Rule::Healthy { from, to, below: Pack::take(r)? }
            }
            2 => Rule::Onset {
                at: Pack::take(r)?,
                early: Pack::take(r)?,
                late: Pack::take(r)?,
                threshold: Pack::take(r)?,
            },
            3 => {
                let (from, to) = Pack::take(r)?;
                Rule::Rising {
                    from,
                    to,
                    span: Pack::take(r)?,
                    ends_at_least: Pack::take(r)?,
                    above: Pack::take(r)?,
                    rise_at_least: Pack::take(r)?,
                }
            }
            4 => {
                Rule::Recovered { from: Pack::take(r)?, below: Pack::take(r)? }
            }
            5 => {
                let (from, to) = Pack::take(r)?;
                Rule::Traffic {
                    from,
                    to,
                    measure: Pack::take(r)?,
                    part: Pack::take(r)?,
                    relative: Pack::take(r)?,
                    band: Pack::take(r)?,
                }
            }
            6 => {
                let (from, to) = Pack::take(r)?;
                Rule::Share {
                    from,
                    to,
                    measure: Pack::take(r)?,
                    target: Pack::take(r)?,
                    within: Pack::take(r)?,
                }
            }
            _ => return r.bad(),
        })
    }
}

pack_struct!(Text { en, fr });
pack_struct!(Term { term, meaning });
pack_struct!(TimeWindow { at, from, to });
pack_struct!(Quote { text, lang, source, speaker, translation_fr });
pack_struct!(Source {
    id,
    publisher,
    author,
    date,
    title,
    title_lang,
    note,
    url
});
pack_struct!(Background { id, when, text, quotes, sources });
pack_struct!(Event {
    id,
    kind,
    time,
    label,
    when,
    text,
    quotes,
    sources,
    checks
});
pack_struct!(Figure { id, value, unit, text, sources });
pack_struct!(Claim {
    id,
    text,
    quotes,
    who,
    when,
    date,
    asserts,
    denies,
    events,
    sources
});
pack_struct!(HypothesisInfo {
    id,
    label,
    description,
    name,
    without,
    components
});
pack_struct!(Preset { id, label, hypotheses });
pack_struct!(ParamSpec {
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
    why
});
pack_struct!(Rhythm { swing, peak });
pack_struct!(Component { id, label, kind, hypothesis });
pack_struct!(Capacity { servers, per_server });
pack_struct!(Behaviour { timeout, queue_max_wait, retry, retry_wait, burst });
pack_struct!(Model { segment, capacity, behaviour, components });
pack_struct!(LocalTime { year, month, day, hour, minute });
pack_struct!(Clock { start, utc_offset_min });
pack_struct!(Scenario {
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
});
