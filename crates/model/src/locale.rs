//! The one formatting layer: numbers, percentages, multiples, times of
//! day, dates, windows, durations, lists, counts and quotation marks, in
//! Canadian English (The Canadian Press) and Canadian French (OQLF).
//!
//! Every reader-visible number and time in the widget, the no-JavaScript
//! fallback and the command-line tool goes through here, so the copy
//! desk's rules (`shared/copy-style.md`) live in one place:
//!
//! - no trailing zero (`5 %`, not `5,0 %`), thousands grouped (`17,000`
//!   / `17 000` with a narrow no-break space), decimal comma in French;
//! - French takes a no-break space before `:`, `%`, `h` and inside
//!   « guillemets »; English takes “curly quotes”;
//! - `per cent` in English prose, `%` in tables and on the chart;
//! - `2 p.m.`, `11:30 p.m.`, `midnight`, `noon` / `14 h`, `21 h 30`;
//! - `Nov. 8` in labels and `2 p.m. Nov. 8` in prose / `8 nov.` in
//!   labels and `le 8 novembre à 14 h` in prose;
//! - `a, b and c` / `a, b et c`; numbers one to nine spelled out in
//!   English prose; `none of the 7` / `aucune des 7`, `all 7` / `les 7`.
//!
//! # Examples
//! ```
//! use claimcheck_model::locale::Lang;
//! assert_eq!(Lang::En.number(17000.0, 0), "17,000");
//! assert_eq!(Lang::Fr.number(17000.0, 0), "17\u{202f}000");
//! assert_eq!(Lang::Fr.percent(0.05), "5\u{a0}%");
//! assert_eq!(Lang::En.percent_prose(0.05), "5 per cent");
//! ```

use crate::time::LocalTime;

/// No-break space (U+00A0): French, before `:` `%` `h` and inside « ».
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space (U+202F): French thousands separator.
pub const NNBSP: char = '\u{202f}';

/// A reader's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Canadian English, The Canadian Press style.
    #[default]
    En,
    /// Canadian French, OQLF style.
    Fr,
}

/// The grammatical gender of a French noun, for `un`/`une`,
/// `aucun`/`aucune`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// Masculine.
    M,
    /// Feminine.
    F,
}

/// A countable noun in one language: singular and plural, and for French
/// its gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Noun {
    /// Singular, e.g. `observation`.
    pub one: &'static str,
    /// Plural, e.g. `observations`.
    pub many: &'static str,
    /// Gender (French; ignored in English).
    pub gender: Gender,
}

const MONTHS_EN: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
    "Oct.", "Nov.", "Dec.",
];
const MONTHS_FR_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août",
    "sept.", "oct.", "nov.", "déc.",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const SMALL_EN: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine",
];
const SMALL_FR: [&str; 10] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
    "neuf",
];

impl Lang {
    /// Reads a BCP 47 tag: `fr`, `fr-CA`… are French; `en`, `en-CA`…
    /// English; anything else `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let base = tag.split(['-', '_']).next().unwrap_or("");
        match base {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag: `en-CA` / `fr-CA`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-CA",
            Lang::Fr => "fr-CA",
        }
    }

    /// The key scenario texts use: `en` / `fr`.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// A number rounded to at most `decimals` decimals, without trailing
    /// zeros, thousands grouped.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::locale::Lang;
    /// assert_eq!(Lang::En.number(1.50, 2), "1.5");
    /// assert_eq!(Lang::Fr.number(1.25, 2), "1,25");
    /// assert_eq!(Lang::En.number(5.0, 1), "5");
    /// assert_eq!(Lang::En.number(212_345.0, 0), "212,345");
    /// ```
    pub fn number(self, x: f64, decimals: usize) -> String {
        let x = if x.is_finite() { x } else { 0.0 };
        let s = fixed(x, decimals.min(6));
        let (neg, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, s),
        };
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => {
                (i.to_string(), f.trim_end_matches('0').to_string())
            }
            None => (s.clone(), String::new()),
        };
        let negative =
            neg && (int.bytes().any(|b| b != b'0') || !frac.is_empty());
        let sep = match self {
            Lang::En => ',',
            Lang::Fr => NNBSP,
        };
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        let n = int.len();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (n - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(match self {
                Lang::En => '.',
                Lang::Fr => ',',
            });
            out.push_str(&frac);
        }
        out
    }

    /// A number with as many decimals as it needs to show its size: none
    /// from 10 up, one below 10, two below 1 (so `0.35`, `2.5`, `17`).
    pub fn number_auto(self, x: f64) -> String {
        let a = x.abs();
        let d = if a >= 10.0 {
            0
        } else if a >= 1.0 {
            1
        } else {
            2
        };
        self.number(x, d)
    }

    /// A count rounded for prose: to the nearest thousand from 10,000
    /// up, else to a whole number; `212,000` / `212 000`.
    pub fn count(self, x: f64) -> String {
        let x = if x.is_finite() { x.max(0.0) } else { 0.0 };
        let x = if x >= 10_000.0 {
            (x / 1000.0).round() * 1000.0
        } else {
            x.round()
        };
        self.number(x, 0)
    }

    /// A fraction as a percentage for tables, labels and the chart:
    /// `5%` / `5 %` (no-break space). One decimal below 10 %, none above.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::locale::Lang;
    /// assert_eq!(Lang::En.percent(0.003), "0.3%");
    /// assert_eq!(Lang::En.percent(0.5), "50%");
    /// assert_eq!(Lang::Fr.percent(0.123), "12\u{a0}%");
    /// ```
    pub fn percent(self, fraction: f64) -> String {
        let v = pct_value(fraction);
        match self {
            Lang::En => format!("{}%", self.number(v, pct_decimals(v))),
            Lang::Fr => format!("{}{NBSP}%", self.number(v, pct_decimals(v))),
        }
    }

    /// A fraction as a percentage in running prose: `5 per cent` /
    /// `5 %`.
    pub fn percent_prose(self, fraction: f64) -> String {
        let v = pct_value(fraction);
        match self {
            Lang::En => {
                format!("{} per cent", self.number(v, pct_decimals(v)))
            }
            Lang::Fr => self.percent(fraction),
        }
    }

    /// Percentage points in prose: `20 percentage points` / `20 points de
    /// pourcentage`.
    pub fn points_prose(self, fraction: f64) -> String {
        let v = pct_value(fraction);
        let n = self.number(v, pct_decimals(v));
        match self {
            Lang::En if v == 1.0 => format!("{n} percentage point"),
            Lang::En => format!("{n} percentage points"),
            Lang::Fr if v < 2.0 => format!("{n}{NBSP}point de pourcentage"),
            Lang::Fr => format!("{n}{NBSP}points de pourcentage"),
        }
    }

    /// A multiple: `1.5 times` / `1,5 fois`.
    pub fn times(self, x: f64) -> String {
        let n = self.number_auto(x);
        match self {
            Lang::En => format!("{n} times"),
            Lang::Fr => format!("{n}{NBSP}fois"),
        }
    }

    /// A whole count in prose: one to nine spelled out (`seven`, `sept`),
    /// larger ones in digits. French `un` is masculine; pass `Gender::F`
    /// for `une`.
    pub fn small(self, n: usize, gender: Gender) -> String {
        match (self, n) {
            (Lang::Fr, 1) if gender == Gender::F => "une".into(),
            (Lang::En, 0..=9) => SMALL_EN[n].into(),
            (Lang::Fr, 0..=9) => SMALL_FR[n].into(),
            _ => self.number(n as f64, 0),
        }
    }

    /// `n` nouns in prose: `no observations`, `one observation`, `seven
    /// observations` / `aucune observation`, `une observation`, `sept
    /// observations`.
    pub fn counted(self, n: usize, noun: Noun) -> String {
        match (self, n) {
            (Lang::En, 0) => format!("no {}", noun.many),
            (Lang::Fr, 0) => format!("{} {}", aucun(noun.gender), noun.one),
            (_, 1) => format!("{} {}", self.small(1, noun.gender), noun.one),
            _ => format!("{} {}", self.small(n, noun.gender), noun.many),
        }
    }

    /// `k` of `n` nouns: `4 of the 7 observations`, `none of the 7
    /// observations`, `all 7 observations` / `4 des 7 observations`,
    /// `aucune des 7 observations`, `les 7 observations`.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::locale::{Gender, Lang, Noun};
    /// let obs = Noun { one: "observation", many: "observations", gender: Gender::F };
    /// assert_eq!(Lang::En.k_of_n(0, 7, obs), "none of the seven observations");
    /// assert_eq!(Lang::Fr.k_of_n(7, 7, obs), "les sept observations");
    /// assert_eq!(Lang::Fr.k_of_n(4, 7, obs), "quatre des sept observations");
    /// ```
    pub fn k_of_n(self, k: usize, n: usize, noun: Noun) -> String {
        let all = self.small(n, noun.gender);
        let part = self.small(k, noun.gender);
        match self {
            Lang::En if n == 1 && k == 1 => format!("the one {}", noun.one),
            Lang::En if n == 1 => format!("not the one {}", noun.one),
            Lang::En if k == 0 => format!("none of the {all} {}", noun.many),
            Lang::En if k == n => format!("all {all} {}", noun.many),
            Lang::En => format!("{part} of the {all} {}", noun.many),
            Lang::Fr if n == 1 && k == 1 => format!("la seule {}", noun.one)
                .replace(
                    "la seule",
                    if noun.gender == Gender::F {
                        "la seule"
                    } else {
                        "le seul"
                    },
                ),
            Lang::Fr if k == 0 => {
                format!("{} des {all} {}", aucun(noun.gender), noun.many)
            }
            Lang::Fr if k == n => format!("les {all} {}", noun.many),
            Lang::Fr => format!("{part} des {all} {}", noun.many),
        }
    }

    /// A time of day: `2 p.m.`, `2:30 p.m.`, `midnight`, `noon` / `14 h`,
    /// `14 h 30`, `0 h`.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::locale::Lang;
    /// assert_eq!(Lang::En.clock(21, 30), "9:30 p.m.");
    /// assert_eq!(Lang::Fr.clock(21, 30), "21\u{a0}h\u{a0}30");
    /// assert_eq!(Lang::En.clock(0, 0), "midnight");
    /// ```
    pub fn clock(self, hour: u8, minute: u8) -> String {
        let (h, m) = (hour % 24, minute % 60);
        match self {
            Lang::En => {
                if h == 0 && m == 0 {
                    return "midnight".into();
                }
                if h == 12 && m == 0 {
                    return "noon".into();
                }
                let suffix = if h < 12 { "a.m." } else { "p.m." };
                let h12 = if h % 12 == 0 { 12 } else { h % 12 };
                if m == 0 {
                    format!("{h12} {suffix}")
                } else {
                    format!("{h12}:{m:02} {suffix}")
                }
            }
            Lang::Fr => {
                if m == 0 {
                    format!("{h}{NBSP}h")
                } else {
                    format!("{h}{NBSP}h{NBSP}{m:02}")
                }
            }
        }
    }

    /// A time of day given as fractional hours (`14.5` → `2:30 p.m.`).
    pub fn clock_hours(self, hours: f64) -> String {
        let m =
            if hours.is_finite() { (hours * 60.0).round() as i64 } else { 0 };
        let m = m.rem_euclid(24 * 60);
        self.clock((m / 60) as u8, (m % 60) as u8)
    }

    /// A date for labels and the chart: `Nov. 8` / `8 nov.`.
    pub fn date_label(self, t: LocalTime) -> String {
        let i = month_index(t);
        match self {
            Lang::En => format!("{} {}", MONTHS_EN[i], t.day),
            Lang::Fr if t.day == 1 => {
                format!("1er{NBSP}{}", MONTHS_FR_SHORT[i])
            }
            Lang::Fr => format!("{}{NBSP}{}", t.day, MONTHS_FR_SHORT[i]),
        }
    }

    /// A date in prose, with its year: `Nov. 8, 2016` / `le 8 novembre
    /// 2016`.
    pub fn date_prose(self, t: LocalTime) -> String {
        let i = month_index(t);
        match self {
            Lang::En => format!("{} {}, {}", MONTHS_EN[i], t.day, t.year),
            Lang::Fr => {
                format!("le {} {} {}", fr_day(t.day), MONTHS_FR[i], t.year)
            }
        }
    }

    /// A date in prose without its year: `Nov. 8` / `le 8 novembre`.
    pub fn day_prose(self, t: LocalTime) -> String {
        let i = month_index(t);
        match self {
            Lang::En => format!("{} {}", MONTHS_EN[i], t.day),
            Lang::Fr => format!("le {} {}", fr_day(t.day), MONTHS_FR[i]),
        }
    }

    /// A moment in prose: `2 p.m. Nov. 8` / `le 8 novembre à 14 h`.
    pub fn moment(self, t: LocalTime) -> String {
        match self {
            Lang::En => format!(
                "{} {}",
                self.clock(t.hour, t.minute),
                self.day_prose(t)
            ),
            Lang::Fr => format!(
                "{} à {}",
                self.day_prose(t),
                self.clock(t.hour, t.minute)
            ),
        }
    }

    /// A moment for labels: `Nov. 8, 2 p.m.` / `8 nov., 14 h`.
    pub fn moment_label(self, t: LocalTime) -> String {
        format!("{}, {}", self.date_label(t), self.clock(t.hour, t.minute))
    }

    /// A window in prose. Within one day: `from 2 to 5 p.m. Nov. 8` /
    /// `le 8 novembre, de 14 h à 17 h`; a window that ends at midnight
    /// counts as ending that day. Across days: `from 6 p.m. Nov. 8 to
    /// 10 p.m. Nov. 9` / `du 8 novembre à 18 h au 9 novembre à 22 h`.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::locale::Lang;
    /// use claimcheck_model::time::LocalTime;
    /// let a = LocalTime::parse("2016-11-08T14:00")?;
    /// let b = LocalTime::parse("2016-11-08T17:00")?;
    /// assert_eq!(Lang::En.window(a, b), "from 2 to 5 p.m. Nov. 8");
    /// assert_eq!(Lang::Fr.window(a, b), "le 8 novembre, de 14\u{a0}h à 17\u{a0}h");
    /// # Ok::<(), String>(())
    /// ```
    pub fn window(self, from: LocalTime, to: LocalTime) -> String {
        let ends_at_midnight = to.hour == 0 && to.minute == 0;
        let to_day = if ends_at_midnight {
            LocalTime::from_minutes_since_epoch(to.minutes_since_epoch() - 1)
        } else {
            to
        };
        let same_day = (from.year, from.month, from.day)
            == (to_day.year, to_day.month, to_day.day);
        let (fc, tc) = (
            self.clock(from.hour, from.minute),
            self.clock(to.hour, to.minute),
        );
        // A whole day, midnight to midnight.
        if same_day && from.hour == 0 && from.minute == 0 && ends_at_midnight {
            return match self {
                Lang::En => format!("all day {}", self.day_prose(from)),
                Lang::Fr => format!(
                    "toute la journée du {}",
                    self.day_prose(from).trim_start_matches("le ")
                ),
            };
        }
        match self {
            Lang::En if same_day => {
                let am = |t: LocalTime| t.hour < 12;
                let plain = |t: LocalTime| {
                    !(t.hour.is_multiple_of(12) && t.minute == 0)
                };
                // "from 2 to 5 p.m." when both ends share a.m./p.m.
                let from_text =
                    if plain(from) && plain(to) && am(from) == am(to) {
                        let h12 = if from.hour.is_multiple_of(12) {
                            12
                        } else {
                            from.hour % 12
                        };
                        if from.minute == 0 {
                            format!("{h12}")
                        } else {
                            format!("{h12}:{:02}", from.minute)
                        }
                    } else {
                        fc
                    };
                format!("from {from_text} to {tc} {}", self.day_prose(from))
            }
            Lang::En => {
                format!("from {} to {}", self.moment(from), self.moment(to))
            }
            Lang::Fr if same_day => {
                let tc =
                    if ends_at_midnight { "minuit".to_string() } else { tc };
                format!("{}, de {fc} à {tc}", self.day_prose(from))
            }
            Lang::Fr => format!(
                "du {} à {fc} au {} à {tc}",
                self.day_prose(from).trim_start_matches("le "),
                self.day_prose(to).trim_start_matches("le ")
            ),
        }
    }

    /// A duration in minutes, in prose: `45 minutes`, `1.5 hours`, `32
    /// hours` / `45 minutes`, `1,5 heure`, `32 heures`.
    pub fn duration(self, minutes: f64) -> String {
        let m = if minutes.is_finite() { minutes.abs() } else { 0.0 };
        if m < 60.0 {
            let n = self.number(m, 0);
            return match (self, m.round() == 1.0) {
                (Lang::En, true) => format!("{n} minute"),
                (Lang::En, false) => format!("{n} minutes"),
                (Lang::Fr, true) => format!("{n}{NBSP}minute"),
                (Lang::Fr, false) => format!("{n}{NBSP}minutes"),
            };
        }
        let h = m / 60.0;
        let n = self.number(h, 1);
        match (self, h < 2.0) {
            (Lang::En, _) if n == "1" => "one hour".into(),
            (Lang::En, _) => format!("{n} hours"),
            (Lang::Fr, true) => format!("{n}{NBSP}heure"),
            (Lang::Fr, false) => format!("{n}{NBSP}heures"),
        }
    }

    /// A duration in seconds for readouts: `30 s`.
    pub fn seconds(self, s: f64) -> String {
        if s >= 120.0 {
            return self.duration(s / 60.0);
        }
        format!("{}{NBSP}s", self.number(s, 1))
    }

    /// `a, b and c` / `a, b et c`.
    pub fn list<S: AsRef<str>>(self, items: &[S]) -> String {
        let and = match self {
            Lang::En => "and",
            Lang::Fr => "et",
        };
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [init @ .., last] => {
                let init: Vec<&str> =
                    init.iter().map(|s| s.as_ref()).collect();
                format!("{} {and} {}", init.join(", "), last.as_ref())
            }
        }
    }

    /// Quotation marks: `“words”` / `« words »`.
    pub fn quote(self, words: &str) -> String {
        match self {
            Lang::En => format!("\u{201c}{words}\u{201d}"),
            Lang::Fr => format!("«{NBSP}{words}{NBSP}»"),
        }
    }

    /// A label followed by a colon: `Source:` / `Source :`.
    pub fn colon(self, label: &str) -> String {
        match self {
            Lang::En => format!("{label}:"),
            Lang::Fr => format!("{label}{NBSP}:"),
        }
    }

    /// `words` with its first letter upper-cased (sentence start).
    pub fn capitalize(words: &str) -> String {
        let mut c = words.chars();
        match c.next() {
            Some(f) => std::iter::once(upper(f)).chain(c).collect(),
            None => String::new(),
        }
    }

    /// `words` with its first letter lower-cased (inside a sentence).
    pub fn uncapitalize(words: &str) -> String {
        let mut c = words.chars();
        match c.next() {
            Some(f) => std::iter::once(lower(f)).chain(c).collect(),
            None => String::new(),
        }
    }
}

fn pct_value(fraction: f64) -> f64 {
    if fraction.is_finite() {
        fraction * 100.0
    } else {
        0.0
    }
}

fn pct_decimals(v: f64) -> usize {
    let a = v.abs();
    if a == 0.0 || a >= 10.0 || (a - a.round()).abs() < 0.05 {
        0
    } else {
        1
    }
}

fn month_index(t: LocalTime) -> usize {
    usize::from(t.month.clamp(1, 12)) - 1
}

fn fr_day(day: u8) -> String {
    if day == 1 {
        "1er".into()
    } else {
        day.to_string()
    }
}

fn aucun(g: Gender) -> &'static str {
    match g {
        Gender::M => "aucun",
        Gender::F => "aucune",
    }
}

/// `x` with `decimals` decimals (at most 22), as `format!("{x:.N}")`
/// writes it: the exact binary value rounded half to even, a `-` for any
/// negative value (also when it rounds to zero), no grouping. Not
/// `format!`: float formatting brings core's Grisu and Dragon code and
/// tables into the wasm. Exact for |x| below 2^75 (6 × 10^22); larger
/// values and infinities come out as their integer part saturated, NaN
/// as `NaN`.
pub fn fixed(x: f64, decimals: usize) -> String {
    fixed_rounding(x, decimals, false)
}

/// [`fixed`], with a tie rounded up instead of to even when `tie_up`.
fn fixed_rounding(x: f64, decimals: usize, tie_up: bool) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let d = decimals.min(22);
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = u128::from(bits & ((1u64 << 52) - 1));
    // |x| = m × 2^e exactly.
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    // |x| × 10^d = n × 2^e, n < 2^53 × 10^22 < 2^127.
    let n = m * 10u128.pow(d as u32);
    let q = if e >= 0 {
        n.checked_shl(e as u32)
            .filter(|v| v >> (e as u32) == n)
            .unwrap_or(u128::MAX)
    } else if e <= -128 {
        0 // below 2^-8 of a unit in the last decimal: rounds to 0
    } else {
        let s = (-e) as u32;
        let q = n >> s;
        let rest = n & ((1u128 << s) - 1);
        let half = 1u128 << (s - 1);
        if rest > half || (rest == half && (tie_up || q & 1 == 1)) {
            q + 1
        } else {
            q
        }
    };
    let digits = q.to_string();
    let mut out = String::with_capacity(digits.len() + 3);
    if x.is_sign_negative() {
        out.push('-');
    }
    if d == 0 {
        out.push_str(&digits);
        return out;
    }
    if digits.len() <= d {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', d - digits.len()));
        out.push_str(&digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - d);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `x` as `x.to_string()` writes it: the fewest decimals that read back
/// as `x` (with [`parse_number`]), no exponent, a tie rounded up as
/// `to_string` does. Without core's float
/// formatting (see [`fixed`]); for |x| from 10^-5 to 2^75 (smaller
/// numbers keep 22 decimals).
pub fn shortest(x: f64) -> String {
    if x == 0.0 {
        return if x.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    (0..=22)
        .map(|d| fixed_rounding(x, d, true))
        .find(|s| parse_number(s) == Some(x))
        .unwrap_or_else(|| fixed(x, 22))
}

/// The number written in `text` (`-2.5`, `.5`, `17000`, `1e-3`, `+4`),
/// if it is one and finite; what `str::parse::<f64>` reads, less `inf`
/// and `NaN`. Not `str::parse`: its correctly rounded algorithm carries
/// a 21 KB table of powers of five into the wasm. This one is exact too
/// (the nearest double, ties to even) for up to 19 significant digits and
/// exponents from -30 to 19, which covers every number the widget writes
/// or a reader types; beyond that it is within a few units in the last
/// place.
pub fn parse_number(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0; // significant digits kept in `mantissa`
    let mut exponent: i64 = 0;
    let mut seen = false;
    let mut point = false;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                seen = true;
                if mantissa == 0 && d == b'0' {
                    // A leading zero: significant only after the point.
                    if point {
                        exponent -= 1;
                    }
                } else if digits < 19 {
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    digits += 1;
                    if point {
                        exponent -= 1;
                    }
                } else if !point {
                    exponent += 1; // a digit past the 19th, dropped
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    if i < b.len() {
        if b[i] != b'e' && b[i] != b'E' {
            return None;
        }
        i += 1;
        let sign = match b.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut e: i64 = 0;
        while i < b.len() && b[i].is_ascii_digit() {
            e = (e * 10 + i64::from(b[i] - b'0')).min(100_000);
            i += 1;
        }
        if i == start || i < b.len() {
            return None;
        }
        exponent += sign * e;
    }
    let magnitude = if mantissa == 0 {
        0.0
    } else if (0..=19).contains(&exponent) {
        // Exact in 128 bits; the conversion rounds once, to nearest.
        (u128::from(mantissa) * 10u128.pow(exponent as u32)) as f64
    } else if (-30..0).contains(&exponent) {
        // mantissa / 10^k = (mantissa × 2^shift / 5^k) × 2^-(shift + k):
        // the quotient in 128 bits has at least 57 significant bits and a
        // sticky bit for the remainder, so the conversion rounds once,
        // and the power of two is exact.
        let k = (-exponent) as u32;
        let shift = mantissa.leading_zeros() + 63;
        let n = u128::from(mantissa) << shift;
        let d = 5u128.pow(k);
        let q = (n / d) | u128::from(!n.is_multiple_of(d));
        (q as f64) * f64::from_bits(u64::from(1023 - shift - k) << 52)
    } else {
        (mantissa as f64) * 10f64.powi(exponent.clamp(-400, 400) as i32)
    };
    let value = if negative { -magnitude } else { magnitude };
    value.is_finite().then_some(value)
}

/// The upper case of the letters French and English text uses: ASCII,
/// Latin-1 (à–þ, but ÷), œ and ÿ. Any other character is returned as it
/// is. Not `char::to_uppercase`: its full Unicode tables weigh about 7 KB
/// in the wasm, for two languages that never need them (ß, which has no
/// one-letter upper case, stays ß).
pub fn upper(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        'à'..='þ' if c != '÷' => {
            char::from_u32(c as u32 - 0x20).unwrap_or(c)
        }
        'œ' => 'Œ',
        'ÿ' => 'Ÿ',
        _ => c,
    }
}

/// The lower case, for the same letters as [`upper`].
pub fn lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => {
            char::from_u32(c as u32 + 0x20).unwrap_or(c)
        }
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// `text` in lower case, for the letters of [`lower`].
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 200,000 numbers in [1, 10) × 10^-12 … 10^12, from a fixed seed:
    /// written with at most 17 significant digits, exponents -29 to 12.
    fn numbers(mut seed: u64) -> impl Iterator<Item = f64> {
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 11
        };
        (0..200_000).map(move |_| {
            let unit = 1.0 + 9.0 * (next() as f64 / (1u64 << 53) as f64);
            let exp = (next() % 25) as i32 - 12;
            unit * 10f64.powi(exp)
        })
    }

    /// `fixed` and `shortest` write what `format!` and `to_string` write,
    /// over thirty orders of magnitude, ties included.
    #[test]
    fn fixed_and_shortest_are_std_formatting() {
        for x in numbers(0x2016_0502) {
            for x in [x, -x, (x * 8.0).round() / 8.0] {
                if x.abs() >= 1e-5 {
                    assert_eq!(shortest(x), x.to_string(), "shortest {x:e}");
                }
                for d in [0, 1, 2, 3, 6, 12] {
                    assert_eq!(
                        fixed(x, d),
                        format!("{x:.d$}"),
                        "{x:e} to {d}"
                    );
                }
            }
        }
        for (x, d) in [
            (0.5, 0),
            (1.5, 0),
            (2.5, 0),
            (0.125, 2),
            (0.375, 2),
            (-0.04, 1),
            (-0.0, 2),
            (0.0, 0),
            (1e21, 0),
            (5e-324, 3),
            (1.0e-7, 7),
        ] {
            assert_eq!(fixed(x, d), format!("{x:.d$}"), "{x:e} to {d}");
        }
        for x in [
            0.0,
            -0.0,
            1e-7,
            0.1,
            0.30000000000000004,
            45.0,
            17_000.0,
            1e21,
            123456.789,
        ] {
            assert_eq!(shortest(x), x.to_string());
        }
        assert_eq!(fixed(f64::NAN, 2), "NaN");
    }

    /// `parse_number` reads what `str::parse::<f64>` reads, to the bit,
    /// for the numbers the widget writes (shortest and fixed forms) over
    /// thirty orders of magnitude, and for the forms people type.
    #[test]
    fn parse_number_is_str_parse() {
        for x in numbers(0x2016_1108) {
            for text in [
                x.to_string(),
                format!("{x:.3}"),
                format!("{x:.6}"),
                format!("{x:e}"),
                format!("-{x}"),
            ] {
                let want: f64 = text.parse().unwrap();
                assert_eq!(
                    parse_number(&text).map(f64::to_bits),
                    Some(want.to_bits()),
                    "{text}"
                );
            }
        }
        for (text, want) in [
            ("45", Some(45.0)),
            ("+4", Some(4.0)),
            ("-2.5", Some(-2.5)),
            (".5", Some(0.5)),
            ("5.", Some(5.0)),
            ("0.1", Some(0.1)),
            ("1e-3", Some(0.001)),
            ("1E3", Some(1000.0)),
            ("17000", Some(17000.0)),
            ("0000.000", Some(0.0)),
            ("123456789012345678901234", Some(123456789012345678901234.0)),
            // 20 digits: past the 19 kept (and past u64).
            ("99999999999999999999", Some(1e20)),
            ("2.5e+3", Some(2500.0)),
            ("1e5x", None),
            ("", None),
            (".", None),
            ("-", None),
            ("1e", None),
            ("1e+", None),
            ("1.2.3", None),
            ("1,5", None),
            (" 1", None),
            ("1 ", None),
            ("0x10", None),
            ("inf", None),
            ("NaN", None),
            ("1e999", None),
        ] {
            assert_eq!(parse_number(text), want, "{text:?}");
        }
        // Outside the exact range, within a few units in the last place.
        for text in ["7e25", "3.5e-40", "-1.25e31"] {
            let want: f64 = text.parse().unwrap();
            let got = parse_number(text).unwrap();
            assert!(
                ((got - want) / want).abs() < 1e-15,
                "{text}: {got:e} for {want:e}"
            );
        }
    }

    /// Every letter `upper` and `lower` know maps as Unicode maps it, and
    /// the two are inverse; others are left alone.
    #[test]
    fn case_of_french_and_english_letters_is_unicode_case() {
        let known = ('A'..='Z')
            .chain('a'..='z')
            .chain('\u{c0}'..='\u{ff}')
            .chain(['Œ', 'œ', 'Ÿ']);
        let mut changed = 0;
        for c in known {
            let up: Vec<char> = c.to_uppercase().collect();
            let low: Vec<char> = c.to_lowercase().collect();
            if up.len() == 1 {
                assert_eq!(upper(c), up[0], "upper({c})");
            } else {
                assert_eq!(upper(c), c, "upper({c}) has no one-letter form");
            }
            assert_eq!(lower(c), low[0], "lower({c})");
            if upper(c) != c {
                changed += 1;
                assert_eq!(lower(upper(c)), c, "lower(upper({c}))");
            }
        }
        // 26 ASCII, 30 Latin-1 (à–þ but ÷), œ and ÿ.
        assert_eq!(changed, 26 + 30 + 2);
        for c in ['ß', '÷', '×', 'ı', 'Σ', 'σ', '1', ' '] {
            assert_eq!((upper(c), lower(c)), (c, c), "{c} is left alone");
        }
        assert_eq!(Lang::capitalize("étayée"), "Étayée");
        assert_eq!(Lang::uncapitalize("Œuvre"), "œuvre");
        assert_eq!(lowercase("Reproduced À PEU"), "reproduced à peu");
        assert_eq!(Lang::capitalize(""), "");
    }

    fn t(s: &str) -> LocalTime {
        LocalTime::parse(s).expect("time")
    }

    // The examples are the findings of shared/copy-style.md, wrong → right.
    #[test]
    fn numbers_follow_the_copy_desk() {
        assert_eq!(Lang::Fr.percent(0.05), "5\u{a0}%"); // not 5,0 %
        assert_eq!(Lang::Fr.times(1.0), "1\u{a0}fois"); // not 1,0 fois
        assert_eq!(Lang::Fr.number(17000.0, 0), "17\u{202f}000"); // not 17000
        assert_eq!(Lang::Fr.number(1.2, 2), "1,2"); // not 1.2
        assert_eq!(Lang::En.percent(0.0), "0%"); // not 0.0 %
        assert_eq!(Lang::En.percent_prose(0.35), "35 per cent"); // not 35.0 %
        assert_eq!(Lang::En.number(-0.0001, 2), "0");
        assert_eq!(Lang::En.count(212_345.0), "212,000");
        assert_eq!(Lang::En.times(40.0), "40 times");
    }

    #[test]
    fn times_and_dates_follow_the_copy_desk() {
        assert_eq!(Lang::Fr.clock(14, 0), "14\u{a0}h"); // not 14,0 h
        assert_eq!(Lang::Fr.clock(21, 30), "21\u{a0}h\u{a0}30"); // not 21,5 h
        assert_eq!(Lang::En.clock(12, 0), "noon");
        assert_eq!(Lang::En.clock(0, 0), "midnight"); // not 12 a.m.
        assert_eq!(Lang::En.clock_hours(14.5), "2:30 p.m.");
        assert_eq!(Lang::En.date_label(t("2016-11-08T14:00")), "Nov. 8");
        assert_eq!(Lang::En.date_label(t("2016-09-08T14:00")), "Sept. 8");
        assert_eq!(Lang::En.date_label(t("2016-07-08T14:00")), "July 8");
        assert_eq!(
            Lang::Fr.date_label(t("2016-07-08T14:00")),
            "8\u{a0}juill."
        ); // not juil.
        assert_eq!(Lang::En.moment(t("2016-11-08T14:00")), "2 p.m. Nov. 8");
        assert_eq!(
            Lang::Fr.moment(t("2016-11-08T14:00")),
            "le 8 novembre à 14\u{a0}h"
        ); // not 8 nov., 14 h in a sentence
        assert_eq!(Lang::En.date_prose(t("2016-11-08T14:00")), "Nov. 8, 2016");
        assert_eq!(Lang::Fr.day_prose(t("2016-08-01T00:00")), "le 1er août");
    }

    #[test]
    fn windows_that_cross_midnight_read_as_prose() {
        let (a, b) = (t("2016-11-08T18:00"), t("2016-11-09T00:00"));
        assert_eq!(Lang::En.window(a, b), "from 6 p.m. to midnight Nov. 8");
        assert_eq!(
            Lang::Fr.window(a, b),
            "le 8 novembre, de 18\u{a0}h à minuit"
        );
        let (a, b) = (t("2016-11-08T18:00"), t("2016-11-09T22:00"));
        assert_eq!(
            Lang::En.window(a, b),
            "from 6 p.m. Nov. 8 to 10 p.m. Nov. 9"
        );
        assert_eq!(
            Lang::Fr.window(a, b),
            "du 8 novembre à 18\u{a0}h au 9 novembre à 22\u{a0}h"
        );
        let (a, b) = (t("2016-11-08T11:00"), t("2016-11-08T14:00"));
        assert_eq!(Lang::En.window(a, b), "from 11 a.m. to 2 p.m. Nov. 8");
    }

    #[test]
    fn lists_plurals_and_zero() {
        let obs = Noun {
            one: "observation",
            many: "observations",
            gender: Gender::F,
        };
        assert_eq!(Lang::En.list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(Lang::Fr.list(&["a", "b", "c"]), "a, b et c");
        assert_eq!(Lang::Fr.k_of_n(0, 7, obs), "aucune des sept observations"); // not 0 des 7
        assert_eq!(Lang::Fr.k_of_n(7, 7, obs), "les sept observations"); // not 7 des 7
        assert_eq!(Lang::En.k_of_n(7, 7, obs), "all seven observations");
        assert_eq!(Lang::En.k_of_n(12, 14, obs), "12 of the 14 observations");
        assert_eq!(Lang::En.counted(0, obs), "no observations");
        assert_eq!(Lang::Fr.counted(1, obs), "une observation");
    }

    #[test]
    fn quotes_and_colons() {
        assert_eq!(Lang::Fr.quote("dégradé"), "«\u{a0}dégradé\u{a0}»"); // not “dégradé”
        assert_eq!(Lang::En.quote("degraded"), "\u{201c}degraded\u{201d}");
        assert_eq!(Lang::Fr.colon("Verdict"), "Verdict\u{a0}:"); // not Verdict:
        assert_eq!(Lang::En.duration(32.0 * 60.0), "32 hours");
        assert_eq!(Lang::Fr.duration(90.0), "1,5\u{a0}heure");
    }
}
