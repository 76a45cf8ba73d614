//! Words: every rule, check result and verdict as sentences a reader
//! understands, in English and French, built from structured results
//! (never from ids) through the one formatting layer, [`crate::locale`].
//!
//! The widget, the no-JavaScript fallback and the CLI all speak through
//! here, so a sentence reads the same wherever it appears.
//!
//! # Examples
//! ```
//! use claimcheck_model::locale::Lang;
//! use claimcheck_model::verdict::Verdict;
//! use claimcheck_model::words::Words;
//! use claimcheck_model::bundled;
//! let s = bundled::default_scenario();
//! let w = Words::new(&s, Lang::Fr);
//! assert_eq!(w.verdict(Verdict::PartlySupported), "Partiellement étayée");
//! ```

use crate::checks::CheckResult;
use crate::locale::{Gender, Lang, Noun};
use crate::model::Value;
use crate::rules::{Band, Measure, Outcome, Part, Relative, Rule, Stat};
use crate::scenario::{Event, EventKind, Scenario, Text};
use crate::time::{LocalTime, Minute};
use crate::verdict::{ClaimSupport, Item, ItemSupport, Judgement, Verdict};

/// Sentences about one scenario in one language.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The language.
    pub lang: Lang,
}

const OBSERVATION_EN: Noun =
    Noun { one: "observation", many: "observations", gender: Gender::F };
const OBSERVATION_FR: Noun =
    Noun { one: "observation", many: "observations", gender: Gender::F };

impl<'a> Words<'a> {
    /// Sentences about `scenario` in `lang`.
    pub fn new(scenario: &'a Scenario, lang: Lang) -> Words<'a> {
        Words { scenario, lang }
    }

    fn en(&self) -> bool {
        self.lang == Lang::En
    }

    /// A scenario text in this language.
    pub fn text(&self, t: &'a Text) -> &'a str {
        t.get(self.lang.key())
    }

    /// The local time of a minute of the scenario.
    pub fn local(&self, m: Minute) -> LocalTime {
        self.scenario.clock.local(m)
    }

    /// A minute as a moment in prose: `2 p.m. Nov. 8`.
    pub fn moment(&self, m: f64) -> String {
        self.lang.moment(self.local(m.round() as Minute))
    }

    /// A window in prose, capitalised at a sentence's start if `start`.
    pub fn window(&self, from: Minute, to: Minute) -> String {
        self.lang.window(self.local(from), self.local(to))
    }

    /// `between noon and 2:30 p.m. Nov. 8` / `le 8 novembre, entre midi
    /// et 14 h 30`.
    pub fn between(&self, from: f64, to: f64) -> String {
        let (a, b) = (
            self.local(from.round() as Minute),
            self.local(to.round() as Minute),
        );
        let same_day = (a.year, a.month, a.day) == (b.year, b.month, b.day);
        let (ca, cb) = (
            self.lang.clock(a.hour, a.minute),
            self.lang.clock(b.hour, b.minute),
        );
        match (self.lang, same_day) {
            (Lang::En, true) => {
                format!("between {ca} and {cb} {}", self.lang.day_prose(a))
            }
            (Lang::En, false) => {
                format!(
                    "between {} and {}",
                    self.lang.moment(a),
                    self.lang.moment(b)
                )
            }
            (Lang::Fr, true) => {
                format!("{}, entre {ca} et {cb}", self.lang.day_prose(a))
            }
            (Lang::Fr, false) => {
                format!(
                    "entre {} et {}",
                    self.lang.moment(a),
                    self.lang.moment(b)
                )
            }
        }
    }

    /// A verdict as a label: `Supported` / `Étayée`.
    pub fn verdict(&self, v: Verdict) -> &'static str {
        match (self.lang, v) {
            (Lang::En, Verdict::Supported) => "Supported",
            (Lang::En, Verdict::PartlySupported) => "Partly supported",
            (Lang::En, Verdict::Contradicted) => "Contradicted",
            (Lang::En, Verdict::NotTestable) => "Not testable",
            (Lang::Fr, Verdict::Supported) => "Étayée",
            (Lang::Fr, Verdict::PartlySupported) => "Partiellement étayée",
            (Lang::Fr, Verdict::Contradicted) => "Contredite",
            (Lang::Fr, Verdict::NotTestable) => "Non vérifiable",
        }
    }

    /// A verdict inside a sentence: `supported` / `étayée`.
    pub fn verdict_lower(&self, v: Verdict) -> String {
        Lang::uncapitalize(self.verdict(v))
    }

    fn share(&self, x: f64) -> String {
        self.lang.percent_prose(x)
    }

    fn share_value(&self, v: Value, p: &[f64]) -> String {
        self.share(v.get(p))
    }

    fn visits(&self) -> &'static str {
        if self.en() {
            "visits to the simulated site"
        } else {
            "des visites du site simulé"
        }
    }

    fn segment(&self) -> String {
        self.scenario
            .model
            .segment
            .as_ref()
            .map(|t| self.text(t).to_string())
            .unwrap_or_default()
    }

    fn users(&self, part: Part) -> String {
        let seg = self.segment();
        match (self.lang, part) {
            (Lang::En, Part::All) => "users".into(),
            (Lang::En, Part::Segment) => format!("users {seg}"),
            (Lang::En, Part::Rest) => format!("users other than those {seg}"),
            (Lang::Fr, Part::All) => "internautes".into(),
            (Lang::Fr, Part::Segment) => format!("internautes {seg}"),
            (Lang::Fr, Part::Rest) => {
                format!("internautes autres que ceux {seg}")
            }
        }
    }

    /// A rate of users: `228,000 users an hour`.
    fn per_hour(&self, per_min: f64, part: Part) -> String {
        let n = self.lang.count(per_min * 60.0);
        match self.lang {
            Lang::En => format!("{n} {} an hour", self.users(part)),
            Lang::Fr => format!("{n} {} à l'heure", self.users(part)),
        }
    }

    /// `between 35 and 65 per cent` / `de 35 à 65 %`.
    fn share_range(&self, lo: f64, hi: f64) -> String {
        let n = |x: f64| {
            let v = x * 100.0;
            self.lang.number(
                v,
                if v.abs() < 10.0 && (v - v.round()).abs() > 0.05 {
                    1
                } else {
                    0
                },
            )
        };
        match self.lang {
            Lang::En => format!("between {} and {} per cent", n(lo), n(hi)),
            Lang::Fr => format!("de {} à {}", n(lo), self.lang.percent(hi)),
        }
    }

    fn band(
        &self,
        band: &Band,
        p: &[f64],
        fmt: &dyn Fn(f64) -> String,
    ) -> String {
        let (lo, hi) = band.bounds(p);
        let (en, fr) = match (lo.is_finite(), hi.is_finite()) {
            (true, true) => (
                format!("between {} and {}", fmt(lo), fmt(hi)),
                format!("de {} à {}", fmt(lo), fmt(hi)),
            ),
            (true, false) => (
                format!("at least {}", fmt(lo)),
                format!("au moins {}", fmt(lo)),
            ),
            (false, true) => (
                format!("at most {}", fmt(hi)),
                format!("au plus {}", fmt(hi)),
            ),
            (false, false) => {
                ("any number".into(), "un nombre quelconque".into())
            }
        };
        if self.en() {
            en
        } else {
            fr
        }
    }

    /// What a rule asks of a run, as one sentence.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::locale::Lang;
    /// use claimcheck_model::words::Words;
    /// use claimcheck_model::{bundled, Params};
    /// let s = bundled::default_scenario();
    /// let p = Params::defaults(&s.params);
    /// let e = s.checked().next().ok_or("no check")?;
    /// let sentence = Words::new(&s, Lang::En).rule(&e.checks[0], p.values());
    /// assert!(sentence.ends_with('.'));
    /// assert!(sentence.chars().next().is_some_and(char::is_uppercase));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn rule(&self, rule: &Rule, p: &[f64]) -> String {
        let en = self.en();
        let s = match *rule {
            Rule::Failing { from, to, stat, at_least, below } => {
                let w = self.window(from, to);
                let clause = match (stat, at_least, below) {
                    (Stat::Mean, Some(a), Some(b)) => {
                        if en {
                            format!("on average at least {} of {} fail, but fewer than {}", self.share_value(a, p), self.visits(), self.share_value(b, p))
                        } else {
                            format!("en moyenne, au moins {} {} échouent, mais moins de {}", self.share_value(a, p), self.visits(), self.share_value(b, p))
                        }
                    }
                    (Stat::Mean, Some(a), None) => {
                        if en {
                            format!(
                                "on average at least {} of {} fail",
                                self.share_value(a, p),
                                self.visits()
                            )
                        } else {
                            format!(
                                "en moyenne, au moins {} {} échouent",
                                self.share_value(a, p),
                                self.visits()
                            )
                        }
                    }
                    (Stat::Mean, None, Some(b)) => {
                        if en {
                            format!(
                                "on average fewer than {} of {} fail",
                                self.share_value(b, p),
                                self.visits()
                            )
                        } else {
                            format!(
                                "en moyenne, moins de {} {} échouent",
                                self.share_value(b, p),
                                self.visits()
                            )
                        }
                    }
                    (Stat::Min, Some(a), _) => {
                        if en {
                            format!(
                                "at least {} of {} fail at every moment",
                                self.share_value(a, p),
                                self.visits()
                            )
                        } else {
                            format!(
                                "au moins {} {} échouent à tout moment",
                                self.share_value(a, p),
                                self.visits()
                            )
                        }
                    }
                    (Stat::Max, _, Some(b)) => {
                        if en {
                            format!(
                                "the share of failed {} never reaches {}",
                                self.visits(),
                                self.share_value(b, p)
                            )
                        } else {
                            format!(
                                "la part {} qui échouent n'atteint jamais {}",
                                self.visits(),
                                self.share_value(b, p)
                            )
                        }
                    }
                    (Stat::Max, Some(a), None) => {
                        if en {
                            format!("the share of failed {} reaches {} at some point", self.visits(), self.share_value(a, p))
                        } else {
                            format!("la part {} qui échouent atteint {} à un moment", self.visits(), self.share_value(a, p))
                        }
                    }
                    (Stat::Min, None, Some(b)) => {
                        if en {
                            format!("the share of failed {} dips below {} at some point", self.visits(), self.share_value(b, p))
                        } else {
                            format!("la part {} qui échouent passe sous {} à un moment", self.visits(), self.share_value(b, p))
                        }
                    }
                    _ => String::new(),
                };
                format!("{}, {clause}.", Lang::capitalize(&w))
            }
            Rule::Healthy { from, to, below } => {
                let w = Lang::capitalize(&self.window(from, to));
                if en {
                    format!(
                        "{w}, the share of failed {} stays below {}.",
                        self.visits(),
                        self.share_value(below, p)
                    )
                } else {
                    format!(
                        "{w}, la part {} qui échouent reste sous {}.",
                        self.visits(),
                        self.share_value(below, p)
                    )
                }
            }
            Rule::Recovered { from, below } => {
                let m = self.moment(f64::from(from));
                if en {
                    format!("From {m} to the end of the simulation, the share of failed {} stays below {}.", self.visits(), self.share_value(below, p))
                } else {
                    format!("Du {} jusqu'à la fin de la simulation, la part {} qui échouent reste sous {}.", m.trim_start_matches("le "), self.visits(), self.share_value(below, p))
                }
            }
            Rule::Onset { at, early, late, threshold } => {
                let lo = f64::from(at) - early.get(p);
                let hi = f64::from(at) + late.get(p);
                let when = self.between(lo, hi);
                if en {
                    format!("The simulated site starts to fail, with at least {} of visits failing, {when}.", self.share_value(threshold, p))
                } else {
                    format!("Le site simulé commence à défaillir, avec au moins {} de visites échouées, {when}.", self.share_value(threshold, p))
                }
            }
            Rule::Rising {
                from,
                to,
                span,
                ends_at_least,
                above,
                rise_at_least,
            } => {
                let span = span.get(p).round().max(1.0) as Minute;
                let last = Lang::capitalize(&self.window(to - span, to));
                let (rf, rt) = above.unwrap_or((from, from + span));
                let reference = self.window(rf, rt);
                if en {
                    format!(
                        "{last}, on average at least {} of {} fail, at least {} more than {reference}.",
                        self.share_value(ends_at_least, p),
                        self.visits(),
                        self.lang.points_prose(rise_at_least.get(p))
                    )
                } else {
                    format!(
                        "{last}, en moyenne, au moins {} {} échouent, soit au moins {} de plus que {reference}.",
                        self.share_value(ends_at_least, p),
                        self.visits(),
                        self.lang.points_prose(rise_at_least.get(p))
                    )
                }
            }
            Rule::Traffic { from, to, measure, part, relative, band } => {
                let w = Lang::capitalize(&self.window(from, to));
                let users = self.users(part);
                match relative {
                    Relative::PerHour => {
                        let b = self
                            .band(&band, p, &|x| self.lang.count(x * 60.0));
                        match (self.lang, measure) {
                            (Lang::En, Measure::Served) => format!("{w}, the simulated site lets in {b} {users} an hour."),
                            (Lang::En, Measure::Demand) => format!("{w}, {b} {users} an hour arrive at the simulated site."),
                            (Lang::Fr, Measure::Served) => format!("{w}, le site simulé laisse entrer {b} {users} à l'heure."),
                            (Lang::Fr, Measure::Demand) => format!("{w}, {b} {users} à l'heure arrivent au site simulé."),
                        }
                    }
                    Relative::Total => {
                        let b = self.band(&band, p, &|x| self.lang.count(x));
                        match (self.lang, measure) {
                            (Lang::En, Measure::Served) => format!("{w}, the simulated site lets in {b} {users} in all."),
                            (Lang::En, Measure::Demand) => format!("{w}, {b} {users} in all arrive at the simulated site."),
                            (Lang::Fr, Measure::Served) => format!("{w}, le site simulé laisse entrer {b} {users} en tout."),
                            (Lang::Fr, Measure::Demand) => format!("{w}, {b} {users} en tout arrivent au site simulé."),
                        }
                    }
                    Relative::Normal => {
                        let b = self.band(&band, p, &|x| self.lang.times(x));
                        let what = if en {
                            match measure {
                                Measure::Demand => {
                                    format!("arrivals of {users}")
                                }
                                Measure::Served => format!("{users} let in"),
                            }
                        } else {
                            match measure {
                                Measure::Demand => {
                                    format!("les arrivées d'{users}")
                                }
                                Measure::Served => {
                                    format!("les {users} admis")
                                }
                            }
                        };
                        if en {
                            format!("{w}, {what} at the simulated site are {b} normal.")
                        } else {
                            format!("{w}, {what} au site simulé valent {b} la normale.")
                        }
                    }
                    Relative::Capacity => {
                        let (lo, hi) = band.bounds(p);
                        let b = if lo.is_finite() && hi.is_finite() {
                            self.share_range(lo, hi)
                        } else {
                            self.band(&band, p, &|x| self.share(x))
                        };
                        match (self.lang, measure) {
                            (Lang::En, Measure::Demand) => format!("{w}, users arrive at {b} of the rate the site was built to serve."),
                            (Lang::En, Measure::Served) => format!("{w}, the site lets users in at {b} of the rate it was built to serve."),
                            (Lang::Fr, Measure::Demand) => format!("{w}, le débit des arrivées représente {b} de celui pour lequel le site a été conçu."),
                            (Lang::Fr, Measure::Served) => format!("{w}, le débit des internautes admis représente {b} de celui pour lequel le site a été conçu."),
                        }
                    }
                }
            }
            Rule::Share { from, to, measure, target, within } => {
                let w = Lang::capitalize(&self.window(from, to));
                let (t, d) = (target.get(p), within.get(p));
                let b = self.share_range((t - d).max(0.0), (t + d).min(1.0));
                let seg = self.users(Part::Segment);
                match (self.lang, measure) {
                    (Lang::En, Measure::Served) => format!("{w}, {b} of the users the simulated site lets in are {seg}."),
                    (Lang::En, Measure::Demand) => format!("{w}, {b} of the users arriving at the simulated site are {seg}."),
                    (Lang::Fr, Measure::Served) => format!("{w}, {b} des internautes que le site simulé laisse entrer sont des {seg}."),
                    (Lang::Fr, Measure::Demand) => format!("{w}, {b} des internautes qui arrivent au site simulé sont des {seg}."),
                }
            }
        };
        s
    }

    /// What a run shows for a rule, as a clause without a capital or a
    /// period: `the simulated site starts to fail at 1:05 p.m. Nov. 8`.
    pub fn outcome_clause(&self, rule: &Rule, o: &Outcome) -> String {
        let en = self.en();
        match *rule {
            Rule::Onset { .. } if o.value.is_nan() => {
                if en {
                    "the simulated site never starts to fail".into()
                } else {
                    "le site simulé ne défaille jamais".into()
                }
            }
            Rule::Onset { .. } => {
                let m = self.moment(o.value);
                if en {
                    format!("the simulated site starts to fail at {m}")
                } else {
                    format!("le site simulé commence à défaillir {m}")
                }
            }
            Rule::Failing { stat, .. } => {
                let v = self.share(o.value);
                match (self.lang, stat) {
                    (Lang::En, Stat::Mean) => {
                        format!("on average {v} of visits fail")
                    }
                    (Lang::En, Stat::Min) => {
                        format!("the share of failed visits dips to {v}")
                    }
                    (Lang::En, Stat::Max) => {
                        format!("the share of failed visits peaks at {v}")
                    }
                    (Lang::Fr, Stat::Mean) => {
                        format!("en moyenne, {v} des visites échouent")
                    }
                    (Lang::Fr, Stat::Min) => {
                        format!("la part des visites échouées descend à {v}")
                    }
                    (Lang::Fr, Stat::Max) => {
                        format!("la part des visites échouées culmine à {v}")
                    }
                }
            }
            Rule::Healthy { .. } | Rule::Recovered { .. }
                if o.value <= 0.0 =>
            {
                if en {
                    "no visits fail".into()
                } else {
                    "aucune visite n'échoue".into()
                }
            }
            Rule::Healthy { .. } | Rule::Recovered { .. } => {
                let v = self.share(o.value);
                if en {
                    format!("the share of failed visits peaks at {v}")
                } else {
                    format!("la part des visites échouées culmine à {v}")
                }
            }
            Rule::Rising { from, to, span, above, .. } => {
                let (v, r) = (self.share(o.value), self.share(o.other));
                let span_m = match span {
                    Value::Const(c) => c.round().max(1.0) as Minute,
                    _ => 60,
                };
                let last = self.window(to - span_m, to);
                let (rf, rt) = above.unwrap_or((from, from + span_m));
                let reference = self.window(rf, rt);
                if en {
                    format!("on average {v} of visits fail {last}, against {r} {reference}")
                } else {
                    format!("en moyenne, {v} des visites échouent {last}, contre {r} {reference}")
                }
            }
            Rule::Traffic { measure, part, relative, .. } => match relative {
                Relative::PerHour => {
                    let r = self.per_hour(o.value, part);
                    match (self.lang, measure) {
                        (Lang::En, Measure::Served) => {
                            format!("the simulated site lets in {r}")
                        }
                        (Lang::En, Measure::Demand) => format!("{r} arrive"),
                        (Lang::Fr, Measure::Served) => {
                            format!("le site simulé laisse entrer {r}")
                        }
                        (Lang::Fr, Measure::Demand) => format!("{r} arrivent"),
                    }
                }
                Relative::Total => {
                    let n = self.lang.count(o.value);
                    let u = self.users(part);
                    match (self.lang, measure) {
                        (Lang::En, Measure::Served) => {
                            format!("the simulated site lets in {n} {u}")
                        }
                        (Lang::En, Measure::Demand) => {
                            format!("{n} {u} arrive")
                        }
                        (Lang::Fr, Measure::Served) => {
                            format!("le site simulé laisse entrer {n} {u}")
                        }
                        (Lang::Fr, Measure::Demand) => {
                            format!("{n} {u} arrivent")
                        }
                    }
                }
                Relative::Normal => {
                    let x = self.lang.times(o.value);
                    if en {
                        format!("they are {x} normal")
                    } else {
                        format!("elles valent {x} la normale")
                    }
                }
                Relative::Capacity => {
                    let x = self.share(o.value);
                    match (self.lang, measure) {
                        (Lang::En, Measure::Demand) => format!("users arrive at {x} of that rate"),
                        (Lang::En, Measure::Served) => format!("the site lets users in at {x} of that rate"),
                        (Lang::Fr, Measure::Demand) => format!("le débit des arrivées représente {x} de ce débit"),
                        (Lang::Fr, Measure::Served) => format!("le débit des internautes admis représente {x} de ce débit"),
                    }
                }
            },
            Rule::Share { .. } => {
                let v = self.share(o.value);
                if en {
                    format!("{v} of them are {}", self.users(Part::Segment))
                } else {
                    format!(
                        "{v} d'entre eux sont des {}",
                        self.users(Part::Segment)
                    )
                }
            }
        }
    }

    /// What a run shows for a rule, as a sentence: `In the model, the
    /// simulated site starts to fail at 1:05 p.m. Nov. 8.`
    pub fn outcome(&self, rule: &Rule, o: &Outcome) -> String {
        let c = self.outcome_clause(rule, o);
        if self.en() {
            format!("Result: {c}.")
        } else {
            format!("Résultat\u{a0}: {c}.")
        }
    }

    /// `Reproduced` / `Not reproduced` (`Reproduite` / `Non reproduite`
    /// for an observation in French).
    pub fn pass_word(&self, pass: bool) -> &'static str {
        match (self.lang, pass) {
            (Lang::En, true) => "Reproduced",
            (Lang::En, false) => "Not reproduced",
            (Lang::Fr, true) => "Reproduite",
            (Lang::Fr, false) => "Non reproduite",
        }
    }

    /// One check as sentences: what each rule asks, and what the model
    /// shows.
    pub fn check(&self, c: &CheckResult, p: &[f64]) -> String {
        let event = &self.scenario.events[c.event];
        let mut parts = Vec::new();
        for (rule, o) in event.checks.iter().zip(&c.outcomes) {
            parts.push(self.rule(rule, p));
            parts.push(self.outcome(rule, o));
        }
        parts.join(" ")
    }

    /// The first rule of a check that fails, with its outcome.
    fn first_miss<'c>(
        &self,
        c: &'c CheckResult,
    ) -> Option<(&'a Rule, &'c Outcome)> {
        let event = &self.scenario.events[c.event];
        event.checks.iter().zip(&c.outcomes).find(|(_, o)| !o.pass)
    }

    fn observation_noun(&self) -> Noun {
        if self.en() {
            OBSERVATION_EN
        } else {
            OBSERVATION_FR
        }
    }

    /// The reader's own line: how many observations their settings
    /// reproduce, and the first they miss.
    ///
    /// `With your settings, the model reproduces four of the seven
    /// observations. It misses the 2 p.m. degradation: the simulated
    /// site starts to fail at 10 p.m. Nov. 8.`
    pub fn reader_line(&self, checks: &[CheckResult]) -> String {
        let obs: Vec<&CheckResult> =
            checks.iter().filter(|c| c.is_observation()).collect();
        let got = obs.iter().filter(|c| c.pass).count();
        let k_of_n = self.lang.k_of_n(got, obs.len(), self.observation_noun());
        let head = match (self.lang, got) {
            (Lang::En, _) => {
                format!("With your settings, the model reproduces {k_of_n}.")
            }
            (Lang::Fr, 0) => {
                format!("Avec vos réglages, le modèle ne reproduit {k_of_n}.")
            }
            (Lang::Fr, _) => {
                format!("Avec vos réglages, le modèle reproduit {k_of_n}.")
            }
        };
        // The first missed observation in time order.
        let missed = obs.iter().filter(|c| !c.pass).min_by_key(|c| {
            self.scenario.events[c.event].time.map_or(Minute::MAX, |t| t.at)
        });
        match missed.and_then(|c| self.first_miss(c).map(|m| (c, m))) {
            Some((c, (rule, o))) => {
                let label = self.text(&self.scenario.events[c.event].label);
                let clause = self.outcome_clause(rule, o);
                if self.en() {
                    format!("{head} It misses {label}: {clause}.")
                } else {
                    format!(
                        "{head} Il ne reproduit pas {label}\u{a0}: {clause}."
                    )
                }
            }
            None => head,
        }
    }

    /// How often, in words: `in all of them`, `in 9 of 10`, `in almost
    /// none`.
    pub fn how_often(&self, share: f64) -> String {
        let en = self.en();
        if share >= 1.0 {
            return if en {
                "in all of them".into()
            } else {
                "dans tous".into()
            };
        }
        if share <= 0.0 {
            return if en {
                "in none of them".into()
            } else {
                "dans aucun".into()
            };
        }
        if share >= 0.95 {
            return if en {
                "in almost all of them".into()
            } else {
                "dans presque tous".into()
            };
        }
        if share < 0.05 {
            return if en {
                "in almost none of them".into()
            } else {
                "dans presque aucun".into()
            };
        }
        let k = (share * 10.0).round().clamp(1.0, 9.0) as usize;
        if en {
            format!("in {} of 10", self.lang.small(k, Gender::M))
        } else {
            format!("dans {} sur 10", self.lang.small(k, Gender::M))
        }
    }

    fn scenarios_phrase(&self, share: f64) -> String {
        let en = self.en();
        if share >= 1.0 {
            return if en {
                "in all plausible scenarios".into()
            } else {
                "dans tous les scénarios plausibles".into()
            };
        }
        if share >= 0.95 {
            return if en {
                "in almost all plausible scenarios".into()
            } else {
                "dans presque tous les scénarios plausibles".into()
            };
        }
        if share < 0.05 {
            return if en {
                "in almost no plausible scenario".into()
            } else {
                "dans presque aucun scénario plausible".into()
            };
        }
        let k = (share * 10.0).round().clamp(1.0, 9.0) as usize;
        if en {
            format!(
                "in {} of 10 plausible scenarios",
                self.lang.small(k, Gender::M)
            )
        } else {
            format!(
                "dans {} scénarios plausibles sur 10",
                self.lang.small(k, Gender::M)
            )
        }
    }

    fn hyp(&self, h: usize) -> &'a crate::scenario::HypothesisInfo {
        &self.scenario.hypotheses[h]
    }

    fn event_of_bit(&self, j: &Judgement, bit: usize) -> Option<&'a Event> {
        let _ = j;
        let idx = self
            .scenario
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_checked())
            .nth(bit)?
            .0;
        self.scenario.events.get(idx)
    }

    /// One reason, for one thing a claim says: how often (among the
    /// plausible scenarios), then what happens.
    fn reason(&self, j: &Judgement, it: &ItemSupport) -> String {
        let en = self.en();
        let often = |share: f64| Lang::capitalize(&self.how_often(share));
        match it.item {
            Item::Asserts(h) | Item::Denies(h) => {
                let hyp = self.hyp(h);
                let without = self.text(&hyp.without);
                let name = self.text(&hyp.name);
                let needed = if matches!(it.item, Item::Asserts(_)) {
                    it.right
                } else {
                    it.wrong
                };
                if needed >= 0.5 {
                    let lost = it
                        .most_lost
                        .and_then(|(b, _)| self.event_of_bit(j, b))
                        .map(|e| self.text(&e.label).to_string())
                        .unwrap_or_default();
                    if en {
                        format!(
                            "{}, {without}, {lost} does not happen",
                            often(needed)
                        )
                    } else {
                        format!(
                            "{}, {without}, {lost} ne se produit pas",
                            often(needed)
                        )
                    }
                } else if it.present < 0.5 {
                    let absent = 1.0 - it.present;
                    if en {
                        format!(
                            "{}, the record is reproduced without {name}",
                            often(absent)
                        )
                    } else {
                        format!(
                            "{}, le dossier est reproduit sans {name}",
                            often(absent)
                        )
                    }
                } else if en {
                    format!("{}, {name} is part of the scenario, but the outage happens without it too", often(1.0 - needed))
                } else {
                    format!("{}, {name} fait partie du scénario, mais la panne se produit aussi sans cette cause", often(1.0 - needed))
                }
            }
            Item::Cites(b) => {
                let Some(e) = self.event_of_bit(j, b) else {
                    return String::new();
                };
                let label = self.text(&e.label);
                let onset_at = match e.checks.first() {
                    Some(Rule::Onset { at, .. }) => Some(*at),
                    _ => None,
                };
                if it.untested >= 0.5 {
                    if en {
                        format!(
                            "{}, no mix of causes reproduces {label}, so it \
                             cannot count",
                            often(it.untested)
                        )
                    } else {
                        format!(
                            "{}, aucune combinaison de causes ne reproduit \
                             {label}, qui ne peut donc pas compter",
                            often(it.untested)
                        )
                    }
                } else if it.right >= 0.5 {
                    if en {
                        format!(
                            "{}, the model reproduces {label}",
                            often(it.right)
                        )
                    } else {
                        format!(
                            "{}, le modèle reproduit {label}",
                            often(it.right)
                        )
                    }
                } else if let (Some(at), true) =
                    (onset_at, it.median_value.is_finite())
                {
                    let m = self.around(it.median_value);
                    let claimed = self.around(f64::from(at));
                    if en {
                        format!("{}, the simulated site starts to fail {m}, not {claimed}", often(it.wrong))
                    } else {
                        format!("{}, le site simulé commence à défaillir {m}, et non {claimed}", often(it.wrong))
                    }
                } else if en {
                    format!(
                        "{}, the model does not reproduce {label}",
                        often(it.wrong)
                    )
                } else {
                    format!(
                        "{}, le modèle ne reproduit pas {label}",
                        often(it.wrong)
                    )
                }
            }
        }
    }

    /// `around 1:05 p.m. Nov. 8` / `le 8 novembre vers 13 h 05`.
    pub fn around(&self, m: f64) -> String {
        let t = self.local(m.round() as Minute);
        let c = self.lang.clock(t.hour, t.minute);
        match self.lang {
            Lang::En => format!("around {c} {}", self.lang.day_prose(t)),
            Lang::Fr => format!("{} vers {c}", self.lang.day_prose(t)),
        }
    }

    /// A claim's verdict with its support and reasons, in plain words:
    /// `Partly supported in 9 of 10 plausible scenarios. Without the
    /// election surge, the evening crash does not happen in all of them.
    /// The simulated site starts to fail around 1:05 p.m. Nov. 8, not as
    /// the start of the trouble at 11 p.m. has it, in all of them.`
    pub fn claim(&self, j: &Judgement, cs: &ClaimSupport) -> String {
        let head = self.claim_head(cs);
        let reasons = self.claim_reasons(j, cs);
        if reasons.is_empty() {
            head
        } else {
            format!("{head} {}", reasons.join(" "))
        }
    }

    /// The support in a few words, after the verdict: `in 9 of 10
    /// plausible scenarios (86%)`, and the runner-up when it comes close:
    /// `in five of 10 plausible scenarios (50%); supported in 49%: too
    /// close to call`.
    pub fn support_short(&self, cs: &ClaimSupport) -> String {
        let base = format!(
            "{} ({})",
            self.scenarios_phrase(cs.support),
            self.lang.percent(cs.support)
        );
        match self.close_call(cs, false) {
            Some(close) => format!("{base}{}{close}", self.semicolon()),
            None => base,
        }
    }

    /// `; ` in English, ` ; ` (a narrow no-break space before) in French.
    fn semicolon(&self) -> &'static str {
        if self.en() {
            "; "
        } else {
            "\u{202f}; "
        }
    }

    /// The runner-up verdict when it comes within [`CLOSE_CALL`] of the
    /// headline: `supported in 49%: too close to call` (`49 per cent`
    /// in `prose`).
    ///
    /// [`CLOSE_CALL`]: crate::verdict::CLOSE_CALL
    pub fn close_call(
        &self,
        cs: &ClaimSupport,
        prose: bool,
    ) -> Option<String> {
        let (v, share) = cs.close_call()?;
        let word = self.verdict_lower(v);
        let pct = if prose {
            self.lang.percent_prose(share)
        } else {
            self.lang.percent(share)
        };
        Some(if self.en() {
            format!("{word} in {pct}: too close to call")
        } else {
            format!("{word} dans {pct}\u{a0}: trop serré pour trancher")
        })
    }

    /// The verdict with its support, as one sentence: `Supported in 9
    /// of 10 plausible scenarios.`
    pub fn claim_head(&self, cs: &ClaimSupport) -> String {
        if cs.verdict == Verdict::NotTestable {
            return if self.en() {
                "Not testable: the claim names no cause the model switches and cites no observation it checks.".into()
            } else {
                "Non vérifiable\u{a0}: l'affirmation ne nomme aucune cause que le modèle fait varier et ne cite aucune observation qu'il vérifie.".into()
            };
        }
        let head = format!(
            "{} {}",
            self.verdict(cs.verdict),
            self.scenarios_phrase(cs.support)
        );
        match self.close_call(cs, true) {
            Some(close) => format!("{head}{}{close}.", self.semicolon()),
            None => format!("{head}."),
        }
    }

    /// The reasons, one sentence for each thing the claim says, in the
    /// claim's order: asserted causes, denied causes, cited events.
    pub fn claim_reasons(
        &self,
        j: &Judgement,
        cs: &ClaimSupport,
    ) -> Vec<String> {
        cs.items
            .iter()
            .map(|it| self.reason(j, it))
            .filter(|r| !r.is_empty())
            // A label may end in an abbreviation ("at 5 p.m.").
            .map(|r| if r.ends_with('.') { r } else { format!("{r}.") })
            .collect()
    }

    /// The assumption a verdict hangs on, as a sentence: `It depends
    /// most on how early the rush levels off: the verdict comes out where
    /// it averages 42 times, against 27 times elsewhere.`
    pub fn hangs_on(&self, s: &crate::support::Sensitivity) -> String {
        let spec = &self.scenario.params[s.param];
        let label = spec.label.get(self.lang.key());
        let prose = |v: f64| match spec.unit {
            crate::units::Unit::Time => self.around(v * 60.0),
            crate::units::Unit::HourOfDay => self.lang.clock_hours(v),
            _ => self.value(spec, v),
        };
        let (a, b) = (prose(s.mean_in), prose(s.mean_out));
        match (self.lang, s.by_verdict) {
            (Lang::En, true) => format!(
                "The verdict depends most on one assumption, {}: it comes out where that averages {a}, against {b} in the other plausible scenarios.",
                self.lang.quote(label)
            ),
            (Lang::Fr, true) => format!(
                "Le verdict dépend surtout d'une hypothèse, {}\u{a0}: il ressort là où elle vaut en moyenne {a}, contre {b} dans les autres scénarios plausibles.",
                self.lang.quote(label)
            ),
            (Lang::En, false) => format!(
                "Every plausible scenario gives this verdict. Which scenarios are plausible depends most on {}: {a} on average among them, against {b} among all draws.",
                self.lang.quote(label)
            ),
            (Lang::Fr, false) => format!(
                "Tous les scénarios plausibles donnent ce verdict. Ce qui rend un scénario plausible dépend surtout de {}\u{a0}: {a} en moyenne parmi eux, contre {b} parmi tous les tirages.",
                self.lang.quote(label)
            ),
        }
    }

    /// How many scenarios the verdict rests on, in words: `It keeps the
    /// 380 of 3,200 simulated scenarios that miss at most four of the
    /// seven observations.`
    pub fn acceptance(&self, j: &Judgement) -> String {
        let obs = self.observation_noun();
        let n_obs =
            crate::verdict::Layout::new(self.scenario).observation_count();
        let miss = if j.tolerance == 0 {
            if self.en() {
                format!(
                    "reproduce all {} {}",
                    self.lang.small(n_obs, obs.gender),
                    obs.many
                )
            } else {
                format!(
                    "reproduisent les {} {}",
                    self.lang.small(n_obs, obs.gender),
                    obs.many
                )
            }
        } else if self.en() {
            format!(
                "miss at most {} of the {} {}",
                self.lang.small(j.tolerance as usize, obs.gender),
                self.lang.small(n_obs, obs.gender),
                obs.many
            )
        } else {
            format!(
                "manquent au plus {} des {} {}",
                self.lang.small(j.tolerance as usize, obs.gender),
                self.lang.small(n_obs, obs.gender),
                obs.many
            )
        };
        let (k, n) = (
            self.lang.number(j.accepted as f64, 0),
            self.lang.number(j.pairs as f64, 0),
        );
        if self.en() {
            format!("The verdicts rest on the {k} of {n} simulated scenarios (mixes of causes at {} points of the assumption ranges) that {miss}.", self.lang.number(j.draws as f64, 0))
        } else {
            format!("Les verdicts reposent sur les {k} scénarios simulés sur {n} (des combinaisons de causes en {} points des plages d'hypothèses) qui {miss}.", self.lang.number(j.draws as f64, 0))
        }
    }

    /// `the 2 p.m. degradation` for a checked event, or its `when`.
    pub fn event_label(&self, e: &'a Event) -> &'a str {
        self.text(&e.label)
    }

    /// The kind of an event, as a short label.
    pub fn kind(&self, k: EventKind) -> &'static str {
        match (self.lang, k) {
            (Lang::En, EventKind::Observation) => "Observation",
            (Lang::En, EventKind::Claim) => "Claim under test",
            (Lang::En, EventKind::Statement) => "Statement",
            (Lang::En, EventKind::Milestone) => "Milestone",
            (Lang::Fr, EventKind::Observation) => "Observation",
            (Lang::Fr, EventKind::Claim) => "Affirmation mise à l'épreuve",
            (Lang::Fr, EventKind::Statement) => "Déclaration",
            (Lang::Fr, EventKind::Milestone) => "Jalon",
        }
    }

    /// A parameter's value in words, with its unit: `17,000 users an
    /// hour`, `2 p.m. Nov. 8`, `17 times`, `55%`, `30 s`, `3 servers`.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::locale::Lang;
    /// use claimcheck_model::words::Words;
    /// use claimcheck_model::bundled;
    /// let s = bundled::default_scenario();
    /// let (_, spec) = s.param("timeout_s").ok_or("no timeout")?;
    /// assert_eq!(Words::new(&s, Lang::Fr).value(spec, 30.0), "30\u{a0}s");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn value(&self, spec: &crate::scenario::ParamSpec, v: f64) -> String {
        use crate::units::Unit;
        let l = self.lang;
        let en = self.en();
        let nbsp = crate::locale::NBSP;
        match spec.unit {
            Unit::UsersPerH => {
                if en {
                    format!("{} users an hour", l.number(v, 0))
                } else {
                    format!("{} internautes à l'heure", l.number(v, 0))
                }
            }
            Unit::UsersPerMin => {
                if en {
                    format!("{} users a minute", l.number(v, 0))
                } else {
                    format!("{} internautes à la minute", l.number(v, 0))
                }
            }
            Unit::Times => l.times(v),
            Unit::Percent => self.percent_value(v, spec.step),
            Unit::Fraction => self.percent_value(v * 100.0, spec.step * 100.0),
            Unit::Points => {
                let n = l.number(v, 1);
                if en {
                    format!("{n} points")
                } else {
                    format!("{n}{nbsp}points")
                }
            }
            Unit::Seconds => l.seconds(v),
            Unit::Minutes => l.duration(v),
            Unit::Hours => l.duration(v * 60.0),
            Unit::Time => {
                let m = (v * 60.0).round() as crate::time::Minute;
                l.moment_label(self.local(m))
            }
            Unit::HourOfDay => l.clock_hours(v),
            Unit::Servers => {
                let n = l.number(v, 0);
                match (en, v == 1.0) {
                    (true, true) => format!("{n} server"),
                    (true, false) => format!("{n} servers"),
                    (false, true) => format!("{n}{nbsp}serveur"),
                    (false, false) => format!("{n}{nbsp}serveurs"),
                }
            }
            Unit::Users => {
                let n = l.number(v, 0);
                if en {
                    format!("{n} users")
                } else {
                    format!("{n}{nbsp}internautes")
                }
            }
        }
    }

    /// A parameter's range in words: `from 10 s to 2 minutes`.
    pub fn range(&self, spec: &crate::scenario::ParamSpec) -> String {
        let (a, b) = (self.value(spec, spec.min), self.value(spec, spec.max));
        // "from 17,000 to 18,000 users an hour": the unit once, when both
        // ends share it.
        let split = |s: &str| -> (String, String) {
            match s.find(|c: char| {
                !(c.is_ascii_digit()
                    || matches!(c, ',' | '.' | '\u{202f}' | '-'))
            }) {
                Some(i) if i > 0 => (s[..i].to_string(), s[i..].to_string()),
                _ => (s.to_string(), String::new()),
            }
        };
        let ((na, ua), (nb, ub)) = (split(&a), split(&b));
        let numeric = matches!(
            spec.unit,
            crate::units::Unit::UsersPerH
                | crate::units::Unit::UsersPerMin
                | crate::units::Unit::Times
                | crate::units::Unit::Percent
                | crate::units::Unit::Fraction
                | crate::units::Unit::Points
                | crate::units::Unit::Servers
                | crate::units::Unit::Users
        );
        let (a, b) = if numeric && !ua.is_empty() && ua == ub {
            (na, format!("{nb}{ub}"))
        } else {
            (a, b)
        };
        if self.en() {
            format!("from {a} to {b}")
        } else {
            format!("de {a} à {b}")
        }
    }

    /// A percentage with as many decimals as the step: `10.2%`.
    fn percent_value(&self, pct: f64, step_pct: f64) -> String {
        let mut d = 0;
        let mut s = step_pct.abs();
        while d < 3 && (s - s.round()).abs() > 1e-9 {
            s *= 10.0;
            d += 1;
        }
        let n = self.lang.number(pct, d);
        match self.lang {
            Lang::En => format!("{n}%"),
            Lang::Fr => format!("{n}{}%", crate::locale::NBSP),
        }
    }
}
