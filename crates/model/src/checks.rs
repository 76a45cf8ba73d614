//! Checks: does a simulated run reproduce what the record observed?
//!
//! Each check is keyed by the id of an event in the scenario and reads
//! its time window from there ([`Scenario::event`]); the rule is code,
//! the window is data. A check whose event is missing from the scenario
//! is skipped. Every result is pass or fail plus one sentence with the
//! numbers, in English and French.
//!
//! The rules (thresholds are the assumption parameters `degraded_pct`,
//! `outage_pct`, `users_ratio_tolerance` and `early_volume_x`):
//!
//! - **early-volume** (traffic): over the event's window, mean non-US
//!   fresh demand is at least `early_volume_x` × the ordinary non-US
//!   traffic of the same hours.
//! - **degraded-2pm**, **ticket-5pm** (outage): the mean failure fraction
//!   over the event's window (±30 min) is at least `degraded_pct`.
//! - **worsened-evening** (outage): over the window (18:00–24:00 on
//!   8 Nov) the failure fraction rises (its last-hour mean exceeds its
//!   first-hour mean by at least one percentage point) and peaks at or
//!   above `outage_pct`.
//! - **users-11pm** (traffic): over the window (22:30–23:30), users
//!   served per hour divided by the record's week-earlier count is
//!   within a factor `users_ratio_tolerance` of the record's ratio
//!   (200,000 / 17,000), and the US share of users is within
//!   ±[`US_SHARE_BAND`] of the record's (≈ 50 %, so 35–65 %).
//! - **fell-apart** (outage): from the start of its window (9 Nov 00:00)
//!   until the time of the `fixed` event, the failure fraction never
//!   drops below `degraded_pct`.
//! - **fixed** (outage): the site is failing (mean ≥ `degraded_pct`) in
//!   the hour before the `fixed` event's time, and healthy (every minute
//!   below `degraded_pct`) from the end of its window (two hours later)
//!   to the end of the scenario.
//! - **official-11pm** (a *claimed* event, the official account): the
//!   first minute the site is degraded falls inside the event's window.
//!   It is reported but is not an observation, so it never counts
//!   towards how well a run fits the record; [`crate::verdict`] uses it
//!   to judge the claim that cites it.

use crate::params::{ParamId, Params};
use crate::scenario::{Scenario, TimeWindow};
use crate::sim::Run;
use crate::time::Minute;

/// How far the model's US share at 23:00 may be from the record's, as a
/// fraction (the issue's 35–65 % around the record's ≈ 50 %).
pub const US_SHARE_BAND: f64 = 0.15;

/// What a check is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckKind {
    /// The failure curve: whether and when the site was failing.
    Outage,
    /// Traffic: how many came, and from where.
    Traffic,
    /// Not an observation: a dated claim under test, checked the same
    /// way but never counted as part of the record.
    Claimed,
}

impl CheckKind {
    /// `outage`, `traffic` or `claimed`.
    pub fn id(self) -> &'static str {
        match self {
            CheckKind::Outage => "outage",
            CheckKind::Traffic => "traffic",
            CheckKind::Claimed => "claimed",
        }
    }
}

/// The result of one check on one run.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    /// The id of the event checked (the record's observation id).
    pub id: String,
    /// What the check is about.
    pub kind: CheckKind,
    /// Whether the run reproduces the observation.
    pub pass: bool,
    /// The main number the rule compares (a fraction, a ratio or a
    /// multiple, as the sentence says).
    pub measured: f64,
    /// One sentence with the numbers, English.
    pub why: String,
    /// The same sentence, French.
    pub why_fr: String,
}

/// The rules, in display order, each with the id of its event.
pub const CHECK_IDS: [&str; 8] = [
    "early-volume",
    "degraded-2pm",
    "ticket-5pm",
    "worsened-evening",
    "official-11pm",
    "users-11pm",
    "fell-apart",
    "fixed",
];

/// Runs every check whose event the scenario has, in [`CHECK_IDS`]
/// order.
///
/// # Examples
/// ```
/// use claimcheck_model::checks::check_all;
/// use claimcheck_model::sim::simulate;
/// use claimcheck_model::{HypothesisSet, Params, Scenario};
/// let scenario = Scenario::eta_2016();
/// let params = Params::default();
/// let run = simulate(&params, HypothesisSet::NONE);
/// let checks = check_all(&scenario, &params, &run);
/// let two = checks.iter().find(|c| c.id == "degraded-2pm").ok_or("no")?;
/// assert!(!two.pass); // ordinary traffic alone never degrades the site
/// # Ok::<(), &str>(())
/// ```
pub fn check_all(
    scenario: &Scenario,
    params: &Params,
    run: &Run,
) -> Vec<CheckResult> {
    CHECK_IDS
        .iter()
        .filter_map(|id| check_one(scenario, params, run, id))
        .collect()
}

/// Runs the check keyed by event `id`, if there is such a rule and the
/// scenario has the event with a time.
pub fn check_one(
    scenario: &Scenario,
    params: &Params,
    run: &Run,
    id: &str,
) -> Option<CheckResult> {
    let w = scenario.event(id)?.time?;
    let ctx = Ctx { scenario, params, run };
    match id {
        "early-volume" => Some(ctx.early_volume(id, w)),
        "degraded-2pm" => Some(ctx.degraded(id, w, "degraded", "dégradé")),
        "ticket-5pm" => {
            Some(ctx.degraded(id, w, "still broken", "toujours en panne"))
        }
        "worsened-evening" => Some(ctx.worsened(id, w)),
        "official-11pm" => Some(ctx.onset(id, w)),
        "users-11pm" => ctx.users(id, w),
        "fell-apart" => {
            let until = scenario.event("fixed")?.time?.at;
            Some(ctx.fell_apart(id, w, until))
        }
        "fixed" => Some(ctx.fixed(id, w)),
        _ => None,
    }
}

struct Ctx<'a> {
    scenario: &'a Scenario,
    params: &'a Params,
    run: &'a Run,
}

impl Ctx<'_> {
    fn degraded_threshold(&self) -> f64 {
        self.params.get(ParamId::DegradedPct) / 100.0
    }

    fn range(&self, from: Minute, to: Minute) -> (usize, usize) {
        let n = self.run.len();
        let a = (from.max(0) as usize).min(n);
        let b = (to.max(0) as usize).min(n).max(a);
        if a == b && a < n {
            (a, a + 1)
        } else {
            (a, b)
        }
    }

    fn mean(&self, v: &[f64], from: Minute, to: Minute) -> f64 {
        let (a, b) = self.range(from, to);
        if b <= a {
            return 0.0;
        }
        v[a..b].iter().sum::<f64>() / (b - a) as f64
    }

    fn max(&self, v: &[f64], from: Minute, to: Minute) -> f64 {
        let (a, b) = self.range(from, to);
        v[a..b].iter().copied().fold(0.0, f64::max)
    }

    fn min(&self, v: &[f64], from: Minute, to: Minute) -> f64 {
        let (a, b) = self.range(from, to);
        if b <= a {
            return 0.0;
        }
        v[a..b].iter().copied().fold(f64::INFINITY, f64::min)
    }

    fn time(&self, m: Minute, lang: Lang) -> String {
        let t = self.scenario.clock.local(m);
        let months = match lang {
            Lang::En => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                "Oct", "Nov", "Dec",
            ],
            Lang::Fr => [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.",
                "août", "sept.", "oct.", "nov.", "déc.",
            ],
        };
        let month = months[usize::from(t.month.clamp(1, 12)) - 1];
        match lang {
            Lang::En => {
                format!("{:02}:{:02} on {} {month}", t.hour, t.minute, t.day)
            }
            Lang::Fr if t.minute == 0 => {
                format!("{} h le {} {month}", t.hour, t.day)
            }
            Lang::Fr => {
                format!("{} h {:02} le {} {month}", t.hour, t.minute, t.day)
            }
        }
    }

    fn early_volume(&self, id: &str, w: TimeWindow) -> CheckResult {
        let us = self.params.get(ParamId::UsSharePct) / 100.0;
        let x = self.params.get(ParamId::EarlyVolumeX);
        let (a, b) = self.range(w.from, w.to);
        let (mut non_us, mut normal) = (0.0, 0.0);
        for i in a..b {
            let base = self.run.demand_baseline[i];
            normal += base * (1.0 - us);
            non_us += base * (1.0 - us) + self.run.demand_deadline[i];
        }
        let ratio = if normal > 0.0 { non_us / normal } else { 0.0 };
        let pass = ratio >= x;
        let (from, to) =
            (self.time(w.from, Lang::En), self.time(w.to, Lang::En));
        let (from_fr, to_fr) =
            (self.time(w.from, Lang::Fr), self.time(w.to, Lang::Fr));
        CheckResult {
            id: id.into(),
            kind: CheckKind::Traffic,
            pass,
            measured: ratio,
            why: format!(
                "from {from} to {to} the model's non-US traffic is {}× \
                 normal; the record says significant volumes (at least {}×)",
                num(ratio, 1, Lang::En),
                num(x, 1, Lang::En)
            ),
            why_fr: format!(
                "de {from_fr} à {to_fr}, le trafic non américain du modèle \
                 vaut {} fois la normale; le dossier parle de volumes \
                 importants (au moins {} fois)",
                num(ratio, 1, Lang::Fr),
                num(x, 1, Lang::Fr)
            ),
        }
    }

    fn degraded(
        &self,
        id: &str,
        w: TimeWindow,
        says: &str,
        says_fr: &str,
    ) -> CheckResult {
        let th = self.degraded_threshold();
        let f = self.mean(&self.run.failure_fraction, w.from, w.to);
        let pass = f >= th;
        CheckResult {
            id: id.into(),
            kind: CheckKind::Outage,
            pass,
            measured: f,
            why: format!(
                "around {} the model fails {} of visits; the record says \
                 {says} (at least {})",
                self.time(w.at, Lang::En),
                pct(f, Lang::En),
                pct(th, Lang::En)
            ),
            why_fr: format!(
                "vers {}, le modèle fait échouer {} des visites; le dossier \
                 dit {says_fr} (au moins {})",
                self.time(w.at, Lang::Fr),
                pct(f, Lang::Fr),
                pct(th, Lang::Fr)
            ),
        }
    }

    fn worsened(&self, id: &str, w: TimeWindow) -> CheckResult {
        let out = self.params.get(ParamId::OutagePct) / 100.0;
        let ff = &self.run.failure_fraction;
        let first = self.mean(ff, w.from, w.from + 60);
        let last = self.mean(ff, w.to - 60, w.to);
        let peak = self.max(ff, w.from, w.to);
        let pass = last >= first + 0.01 && peak >= out;
        CheckResult {
            id: id.into(),
            kind: CheckKind::Outage,
            pass,
            measured: peak,
            why: format!(
                "from {} to {} the model's failures go from {} to {}, \
                 peaking at {}; the record says they worsened until the \
                 site crashed (rising, to at least {})",
                self.time(w.from, Lang::En),
                self.time(w.to, Lang::En),
                pct(first, Lang::En),
                pct(last, Lang::En),
                pct(peak, Lang::En),
                pct(out, Lang::En)
            ),
            why_fr: format!(
                "de {} à {}, les échecs du modèle passent de {} à {}, avec \
                 un sommet à {}; le dossier dit qu'ils se sont aggravés \
                 jusqu'à la panne (en hausse, jusqu'à au moins {})",
                self.time(w.from, Lang::Fr),
                self.time(w.to, Lang::Fr),
                pct(first, Lang::Fr),
                pct(last, Lang::Fr),
                pct(peak, Lang::Fr),
                pct(out, Lang::Fr)
            ),
        }
    }

    fn onset(&self, id: &str, w: TimeWindow) -> CheckResult {
        let th = self.degraded_threshold();
        let first = self
            .run
            .failure_fraction
            .iter()
            .position(|&f| f >= th)
            .map(|i| i as Minute);
        let pass = first.is_some_and(|m| m >= w.from && m <= w.to);
        let (en, fr) = match first {
            Some(m) => (
                format!(
                    "the model's site first fails {} of visits at {}",
                    pct(th, Lang::En),
                    self.time(m, Lang::En)
                ),
                format!(
                    "le site du modèle fait échouer {} des visites pour la \
                     première fois à {}",
                    pct(th, Lang::Fr),
                    self.time(m, Lang::Fr)
                ),
            ),
            None => (
                format!(
                    "the model's site never fails {} of visits",
                    pct(th, Lang::En)
                ),
                format!(
                    "le site du modèle ne fait jamais échouer {} des visites",
                    pct(th, Lang::Fr)
                ),
            ),
        };
        CheckResult {
            id: id.into(),
            kind: CheckKind::Claimed,
            pass,
            measured: first.map_or(-1.0, f64::from),
            why: format!(
                "{en}; the official account says the difficulties started \
                 around {}",
                self.time(w.at, Lang::En)
            ),
            why_fr: format!(
                "{fr}; la version officielle situe le début des difficultés \
                 vers {}",
                self.time(w.at, Lang::Fr)
            ),
        }
    }

    fn users(&self, id: &str, w: TimeWindow) -> Option<CheckResult> {
        let total = self.scenario.figure("users-11pm-total")?.value;
        let before = self.scenario.figure("users-week-before")?.value;
        let us_record = self.scenario.figure("us-share-11pm")?.value;
        if before <= 0.0 {
            return None;
        }
        let tol = self.params.get(ParamId::UsersRatioTolerance);
        let per_h = self.mean(&self.run.served, w.from, w.to) * 60.0;
        let ratio = per_h / before;
        let record_ratio = total / before;
        let us = self.mean(&self.run.us_share, w.from, w.to);
        let ratio_ok =
            ratio >= record_ratio / tol && ratio <= record_ratio * tol;
        let us_ok = (us - us_record).abs() <= US_SHARE_BAND;
        Some(CheckResult {
            id: id.into(),
            kind: CheckKind::Traffic,
            pass: ratio_ok && us_ok,
            measured: ratio,
            why: format!(
                "around {} the model lets in {} users an hour, {}× the week \
                 before, {} from the US; the record says about {} ({}×, \
                 allowed {}–{}×), about {} from the US (allowed {}–{})",
                self.time(w.at, Lang::En),
                int(per_h, Lang::En),
                num(ratio, 1, Lang::En),
                pct(us, Lang::En),
                int(total, Lang::En),
                num(record_ratio, 1, Lang::En),
                num(record_ratio / tol, 1, Lang::En),
                num(record_ratio * tol, 1, Lang::En),
                pct(us_record, Lang::En),
                pct(us_record - US_SHARE_BAND, Lang::En),
                pct(us_record + US_SHARE_BAND, Lang::En)
            ),
            why_fr: format!(
                "vers {}, le modèle laisse entrer {} utilisateurs par heure, \
                 {} fois la semaine précédente, dont {} des États-Unis; le \
                 dossier dit environ {} ({} fois, permis de {} à {} fois), \
                 dont environ {} des États-Unis (permis de {} à {})",
                self.time(w.at, Lang::Fr),
                int(per_h, Lang::Fr),
                num(ratio, 1, Lang::Fr),
                pct(us, Lang::Fr),
                int(total, Lang::Fr),
                num(record_ratio, 1, Lang::Fr),
                num(record_ratio / tol, 1, Lang::Fr),
                num(record_ratio * tol, 1, Lang::Fr),
                pct(us_record, Lang::Fr),
                pct(us_record - US_SHARE_BAND, Lang::Fr),
                pct(us_record + US_SHARE_BAND, Lang::Fr)
            ),
        })
    }

    fn fell_apart(
        &self,
        id: &str,
        w: TimeWindow,
        until: Minute,
    ) -> CheckResult {
        let th = self.degraded_threshold();
        let lowest = self.min(&self.run.failure_fraction, w.from, until);
        let pass = lowest >= th;
        CheckResult {
            id: id.into(),
            kind: CheckKind::Outage,
            pass,
            measured: lowest,
            why: format!(
                "from {} until the fix at {} the model never fails fewer \
                 than {} of visits; the record says the site was still \
                 overwhelmed (at least {} throughout)",
                self.time(w.from, Lang::En),
                self.time(until, Lang::En),
                pct(lowest, Lang::En),
                pct(th, Lang::En)
            ),
            why_fr: format!(
                "de {} jusqu'à la correction à {}, le modèle ne fait jamais \
                 échouer moins de {} des visites; le dossier dit que le site \
                 était toujours débordé (au moins {} en tout temps)",
                self.time(w.from, Lang::Fr),
                self.time(until, Lang::Fr),
                pct(lowest, Lang::Fr),
                pct(th, Lang::Fr)
            ),
        }
    }

    fn fixed(&self, id: &str, w: TimeWindow) -> CheckResult {
        let th = self.degraded_threshold();
        let ff = &self.run.failure_fraction;
        let before = self.mean(ff, w.at - 60, w.at);
        let end = self.scenario.window_end.min(self.run.len() as Minute);
        let after = self.max(ff, w.to, end);
        let pass = before >= th && after < th;
        CheckResult {
            id: id.into(),
            kind: CheckKind::Outage,
            pass,
            measured: after,
            why: format!(
                "the model fails {} of visits in the hour before {} and at \
                 most {} from {} to the end; the record says capacity was \
                 doubled then and the site held (failing before, under {} \
                 after)",
                pct(before, Lang::En),
                self.time(w.at, Lang::En),
                pct(after, Lang::En),
                self.time(w.to, Lang::En),
                pct(th, Lang::En)
            ),
            why_fr: format!(
                "le modèle fait échouer {} des visites dans l'heure avant {} \
                 et au plus {} de {} à la fin; le dossier dit que la \
                 capacité a alors été doublée et que le site a tenu (en \
                 échec avant, sous {} après)",
                pct(before, Lang::Fr),
                self.time(w.at, Lang::Fr),
                pct(after, Lang::Fr),
                self.time(w.to, Lang::Fr),
                pct(th, Lang::Fr)
            ),
        }
    }
}

/// A language for sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English: `12.5`, `212,000`, `14:00 on 8 Nov`.
    En,
    /// French: `12,5`, `212 000`, `14 h le 8 nov.`.
    Fr,
}

/// Formats `x` with `decimals` decimals in `lang`'s style (decimal comma
/// in French).
///
/// # Examples
/// ```
/// use claimcheck_model::checks::{num, Lang};
/// assert_eq!(num(12.345, 1, Lang::En), "12.3");
/// assert_eq!(num(12.345, 1, Lang::Fr), "12,3");
/// ```
pub fn num(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{x:.decimals$}");
    match lang {
        Lang::En => s,
        Lang::Fr => s.replace('.', ","),
    }
}

/// Formats a fraction as a percentage with one decimal: `0.003` →
/// `0.3 %` (English) or `0,3 %` (French).
///
/// # Examples
/// ```
/// use claimcheck_model::checks::{pct, Lang};
/// assert_eq!(pct(0.003, Lang::En), "0.3 %");
/// assert_eq!(pct(0.5, Lang::Fr), "50,0 %");
/// ```
pub fn pct(fraction: f64, lang: Lang) -> String {
    format!("{} %", num(fraction * 100.0, 1, lang))
}

/// Formats a count rounded to the nearest thousand above 10,000, with
/// thousands separators (`,` in English, a narrow no-break space in
/// French).
///
/// # Examples
/// ```
/// use claimcheck_model::checks::{int, Lang};
/// assert_eq!(int(212_345.0, Lang::En), "212,000");
/// assert_eq!(int(17_000.0, Lang::Fr), "17\u{202f}000");
/// ```
pub fn int(x: f64, lang: Lang) -> String {
    let x = if x.is_finite() { x.max(0.0) } else { 0.0 };
    let rounded =
        if x >= 10_000.0 { (x / 1000.0).round() * 1000.0 } else { x.round() };
    let digits = format!("{rounded:.0}");
    let sep = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202f}",
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}
