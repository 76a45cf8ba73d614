//! Wall-clock times in a scenario's local time zone.
//!
//! A scenario states its times as local wall-clock times (for the eTA
//! story, Eastern Time, which was UTC−5 throughout 8–11 Nov 2016) and
//! one fixed UTC offset. Inside the model a time is a [`Minute`]: whole
//! minutes since the start of the scenario window. That keeps the
//! simulation's step index and the record's timestamps on one axis.

use std::fmt;

/// Minutes since the start of the scenario window.
pub type Minute = i32;

/// A local date and time to the minute, as written in a scenario file
/// (`2016-11-08T14:00`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalTime {
    /// Year, e.g. 2016.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
}

impl LocalTime {
    /// Parses `YYYY-MM-DDTHH:MM`, rejecting impossible dates and times.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::time::LocalTime;
    /// let t = LocalTime::parse("2016-11-08T14:00")?;
    /// assert_eq!((t.day, t.hour), (8, 14));
    /// assert!(LocalTime::parse("2016-11-31T14:00").is_err());
    /// # Ok::<(), String>(())
    /// ```
    pub fn parse(text: &str) -> Result<LocalTime, String> {
        let expected = || {
            format!(
                "`{text}` is not a local time; expected YYYY-MM-DDTHH:MM, \
                 e.g. 2016-11-08T14:00"
            )
        };
        let b = text.as_bytes();
        if b.len() != 16
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
        {
            return Err(expected());
        }
        let num = |range: std::ops::Range<usize>| -> Result<i32, String> {
            let s = &text[range];
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse::<i32>().map_err(|_| expected())
            } else {
                Err(expected())
            }
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute) = (num(11..13)?, num(14..16)?);
        if !(1..=12).contains(&month) {
            return Err(format!("`{text}` has month {month}; expected 1–12"));
        }
        let days = days_in_month(year, month as u8);
        if day < 1 || day > days as i32 {
            return Err(format!(
                "`{text}` has day {day}; that month has {days} days"
            ));
        }
        if hour > 23 || minute > 59 {
            return Err(format!(
                "`{text}` has time {hour}:{minute:02}; expected 00:00–23:59"
            ));
        }
        Ok(LocalTime {
            year,
            month: month as u8,
            day: day as u8,
            hour: hour as u8,
            minute: minute as u8,
        })
    }

    /// Minutes since 1970-01-01T00:00 on the same wall clock.
    pub fn minutes_since_epoch(self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute)
    }

    /// The local time `minutes` after 1970-01-01T00:00.
    pub fn from_minutes_since_epoch(minutes: i64) -> LocalTime {
        let days = minutes.div_euclid(1440);
        let rem = minutes.rem_euclid(1440);
        let (year, month, day) = civil_from_days(days);
        LocalTime {
            year,
            month,
            day,
            hour: (rem / 60) as u8,
            minute: (rem % 60) as u8,
        }
    }

    /// Day of the week, 0 = Sunday.
    pub fn weekday(self) -> u8 {
        (days_from_civil(self.year, self.month, self.day) + 4).rem_euclid(7)
            as u8
    }
}

impl fmt::Display for LocalTime {
    /// Formats as `YYYY-MM-DDTHH:MM`, the form [`LocalTime::parse`] reads.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }
}

/// A scenario's clock: where its window starts and its UTC offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// The local time at [`Minute`] 0.
    pub start: LocalTime,
    /// The offset from UTC in minutes (Eastern Standard Time: −300).
    pub utc_offset_min: i32,
}

impl Clock {
    /// The [`Minute`] of a local time on this clock.
    pub fn minute_of(&self, t: LocalTime) -> Minute {
        (t.minutes_since_epoch() - self.start.minutes_since_epoch()) as Minute
    }

    /// The local time of a [`Minute`] on this clock.
    pub fn local(&self, m: Minute) -> LocalTime {
        LocalTime::from_minutes_since_epoch(
            self.start.minutes_since_epoch() + i64::from(m),
        )
    }

    /// ISO 8601 with the offset, e.g. `2016-11-08T14:00:00-05:00`.
    pub fn iso8601(&self, m: Minute) -> String {
        let off = self.utc_offset_min;
        let sign = if off < 0 { '-' } else { '+' };
        let off = off.unsigned_abs();
        format!("{}:00{sign}{:02}:{:02}", self.local(m), off / 60, off % 60)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil: days since 1970-01-01.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5
        + i64::from(day)
        - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_minutes() {
        for text in
            ["2016-11-08T00:00", "2016-02-29T23:59", "1999-12-31T12:30"]
        {
            let t = LocalTime::parse(text).unwrap();
            let back =
                LocalTime::from_minutes_since_epoch(t.minutes_since_epoch());
            assert_eq!(back.to_string(), text);
        }
    }

    #[test]
    fn election_day_2016_was_a_tuesday() {
        let t = LocalTime::parse("2016-11-08T14:00").unwrap();
        assert_eq!(t.weekday(), 2);
    }

    #[test]
    fn clock_counts_minutes_from_the_window_start() {
        let clock = Clock {
            start: LocalTime::parse("2016-11-08T00:00").unwrap(),
            utc_offset_min: -300,
        };
        let fix = LocalTime::parse("2016-11-09T22:00").unwrap();
        assert_eq!(clock.minute_of(fix), 2760);
        assert_eq!(clock.iso8601(2760), "2016-11-09T22:00:00-05:00");
    }

    #[test]
    fn rejects_malformed_times() {
        for bad in ["2016-11-08", "2016-13-01T00:00", "2016-11-08T24:00", "x"]
        {
            assert!(LocalTime::parse(bad).is_err(), "{bad} parsed");
        }
    }
}
