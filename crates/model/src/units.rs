//! Units: what a parameter's number means, and how the model converts it.
//!
//! Every parameter declares a [`Unit`]. Each unit belongs to one
//! [`Dim`]ension, and the model computes in one canonical unit per
//! dimension: rates in users per minute, times in minutes since the
//! scenario window's start, durations in minutes, shares as fractions
//! (0–1), hours of the day in minutes after midnight. A field of the
//! scenario accepts any parameter whose unit has the field's dimension,
//! and the conversion happens once, when the file is read.

use std::fmt;

/// A parameter's unit, as written in scenario files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Users per hour (a rate).
    UsersPerH,
    /// Users per minute (a rate).
    UsersPerMin,
    /// A multiple (`40` = forty times).
    Times,
    /// A share in per cent (0–100).
    Percent,
    /// A share as a fraction (0–1).
    Fraction,
    /// A difference of shares, in percentage points.
    Points,
    /// A duration in seconds.
    Seconds,
    /// A duration in minutes.
    Minutes,
    /// A duration in hours.
    Hours,
    /// A point in time, in hours since the scenario window's start.
    Time,
    /// An hour of the day (0–24), local time.
    HourOfDay,
    /// A number of servers.
    Servers,
    /// A number of users.
    Users,
}

/// What kind of quantity a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    /// Users per minute.
    Rate,
    /// A plain multiple.
    Multiple,
    /// A fraction, 0–1.
    Share,
    /// A difference of fractions.
    Points,
    /// Minutes.
    Duration,
    /// Minutes since the window's start.
    Time,
    /// Minutes after midnight.
    HourOfDay,
    /// A count.
    Count,
}

impl Unit {
    /// Every unit, in documentation order.
    pub const ALL: [Unit; 13] = [
        Unit::UsersPerH,
        Unit::UsersPerMin,
        Unit::Times,
        Unit::Percent,
        Unit::Fraction,
        Unit::Points,
        Unit::Seconds,
        Unit::Minutes,
        Unit::Hours,
        Unit::Time,
        Unit::HourOfDay,
        Unit::Servers,
        Unit::Users,
    ];

    /// The id used in scenario files.
    pub fn id(self) -> &'static str {
        match self {
            Unit::UsersPerH => "users_per_h",
            Unit::UsersPerMin => "users_per_min",
            Unit::Times => "times",
            Unit::Percent => "percent",
            Unit::Fraction => "fraction",
            Unit::Points => "points",
            Unit::Seconds => "seconds",
            Unit::Minutes => "minutes",
            Unit::Hours => "hours",
            Unit::Time => "time",
            Unit::HourOfDay => "hour_of_day",
            Unit::Servers => "servers",
            Unit::Users => "users",
        }
    }

    /// Parses an id written by [`Unit::id`].
    pub fn from_id(id: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.id() == id)
    }

    /// The dimension.
    pub fn dim(self) -> Dim {
        match self {
            Unit::UsersPerH | Unit::UsersPerMin => Dim::Rate,
            Unit::Times => Dim::Multiple,
            Unit::Percent | Unit::Fraction => Dim::Share,
            Unit::Points => Dim::Points,
            Unit::Seconds | Unit::Minutes | Unit::Hours => Dim::Duration,
            Unit::Time => Dim::Time,
            Unit::HourOfDay => Dim::HourOfDay,
            Unit::Servers | Unit::Users => Dim::Count,
        }
    }

    /// The factor from this unit to its dimension's canonical unit.
    pub fn scale(self) -> f64 {
        match self {
            Unit::UsersPerH => 1.0 / 60.0,
            Unit::UsersPerMin => 1.0,
            Unit::Times => 1.0,
            Unit::Percent | Unit::Points => 0.01,
            Unit::Fraction => 1.0,
            Unit::Seconds => 1.0 / 60.0,
            Unit::Minutes => 1.0,
            Unit::Hours | Unit::Time | Unit::HourOfDay => 60.0,
            Unit::Servers | Unit::Users => 1.0,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Dim {
    /// The units of this dimension, for error messages.
    pub fn units(self) -> Vec<&'static str> {
        Unit::ALL
            .into_iter()
            .filter(|u| u.dim() == self)
            .map(Unit::id)
            .collect()
    }

    /// The dimension in words, for error messages.
    pub fn describe(self) -> &'static str {
        match self {
            Dim::Rate => "a rate",
            Dim::Multiple => "a multiple",
            Dim::Share => "a share",
            Dim::Points => "a difference of shares",
            Dim::Duration => "a duration",
            Dim::Time => "a point in time",
            Dim::HourOfDay => "an hour of the day",
            Dim::Count => "a count",
        }
    }
}
