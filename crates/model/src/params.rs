//! The model's parameters: what each one means, where its default comes
//! from, and the range a reader may explore.
//!
//! Every parameter is either **from the record** ([`Provenance::Record`]:
//! the 3 → 6 servers, the fix at about 22:00 on 9 Nov, the 10 Nov 00:00
//! deadline, the 17,000 users at 23:00 a week earlier, the normal US
//! share of 8.8–11.6 %) or an **assumption** ([`Provenance::Assumption`]:
//! the record gives no hourly traffic, no per-server capacity, no timeout
//! and no retry behaviour). Each spec carries one sentence, in English
//! and French, on why its range is what it is.
//!
//! [`Params`] can only be built valid: [`Params::default`], or changed
//! one value at a time through [`Params::with`] / [`Params::set`], which
//! reject an unknown name or an out-of-range value with a [`ParamError`]
//! naming the parameter, the value and the range.
//!
//! # How the defaults are calibrated
//!
//! Demand magnitudes are written as multiples of the record's one
//! absolute traffic figure, "just over 17,000 users" at 23:00 ET a week
//! before (Tuesday 1 Nov, the same weekday), which we read as users per
//! hour and call the *anchor*. The defaults were chosen, by hand and
//! once, so that the record's constraints hold together:
//!
//! - a week earlier three servers coped with the ordinary daily cycle, so
//!   the baseline's daily peak is far below three servers' capacity;
//! - at 23:00 on 8 Nov about 200,000 users got in (≈ 12× the anchor)
//!   while the site was failing, so three servers could serve at least
//!   that many an hour; about half were from the US, against a normal
//!   8.8–11.6 %, so a US surge and a non-US surge were both present;
//! - the site was degraded by 14:00 on 8 Nov, before any polls closed,
//!   so something other than the election pushed demand past three
//!   servers' capacity by early afternoon;
//! - it stayed down all of 9 Nov, and six servers held from 22:00 on
//!   9 Nov through all of 10 Nov, deadline day; so demand then was below
//!   six servers' capacity yet high enough to keep a retry storm alive
//!   on three.
//!
//! The numbers at the defaults (anchor 17,000 an hour = 283 a minute):
//!
//! - **Capacity.** One server serves 3,200 users a minute, so three serve
//!   9,600 and six 19,200. Ordinary traffic peaks at about 660 a minute,
//!   7 % of three servers: a week earlier they coped easily.
//! - **Served while failing.** When the queue is full, a newcomer waits
//!   the longest wait, 30 s, against a mean patience of 30 s, so a share
//!   e⁻¹ ≈ 37 % is still there when served: 9,600 × 0.37 × 60 ≈ 212,000
//!   users an hour got in, 12.5× the anchor, as the record says (≈ 12×).
//!   This ties `server_capacity_per_min`, `queue_max_wait_s` and
//!   `timeout_s` together; change one and the others must move for the
//!   23:00 check to hold.
//! - **The trigger.** The deadline rush (40× the anchor at the deadline,
//!   ≈ 73 % of that on 8 Nov with a ±15 % daily swing peaking at noon)
//!   plus ordinary traffic passes 9,600 a minute late on the morning of
//!   8 Nov (≈ 9,900 at 11:00), so the site is failing by 14:00.
//! - **Staying down.** With 55 % of failed users retrying, the collapsed
//!   state holds while fresh demand exceeds 9,600 × (1 − 0.55 × 0.63) ≈
//!   6,300 a minute; the rush never falls below ≈ 8,000 on 8–9 Nov, so
//!   the site stays down all of 9 Nov, with or without the US surge.
//! - **The fix.** With six servers the same threshold is ≈ 12,500; demand
//!   at 22:00 on 9 Nov is ≈ 11,400 and at most ≈ 11,400 on 10 Nov, so the
//!   site heals within minutes and holds through deadline day.
//! - **The US share.** The US surge (35× the anchor at its peak, 23:30)
//!   brings ≈ 8,900 a minute at 23:00 against ≈ 7,900 non-US, so about
//!   half of those who get in are American.
//!
//! The fix point bounds the deadline rush: if it had grown like 1/(T − t)
//! right up to the deadline, demand on 9–10 Nov would have been many
//! times that of 8 Nov morning and six servers would have failed too. The
//! record is only consistent with a rush that was already close to its
//! height on 8 Nov ("a few days earlier than planned"), which is why
//! `deadline_saturation_h` defaults to four days. The trigger is a
//! threshold: with `deadline_x` below about 38 the site holds on 8 Nov
//! and first fails on 9 Nov; the widget should let readers see that.
//!
//! The tests in `tests/pattern.rs` hold the defaults to these
//! constraints through the simulation, never by special cases.

use std::fmt;

use crate::hypothesis::Hypothesis;

/// Where a parameter's default comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// Stated in the documented record.
    Record,
    /// Not in the record: a modelling assumption with a plausible range.
    Assumption,
}

impl Provenance {
    /// `record` or `assumption`, as printed by the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Provenance::Record => "record",
            Provenance::Assumption => "assumption",
        }
    }
}

/// Which part of the model a parameter belongs to, for grouping sliders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamGroup {
    /// Ordinary traffic, always on.
    Baseline,
    /// The eTA deadline surge.
    Deadline,
    /// The US election surge.
    Election,
    /// Servers and their capacity.
    Capacity,
    /// How users and servers behave under overload.
    Behaviour,
    /// Thresholds the checks use to read the curve.
    Checks,
}

impl ParamGroup {
    /// A stable lower-case id.
    pub fn id(self) -> &'static str {
        match self {
            ParamGroup::Baseline => "baseline",
            ParamGroup::Deadline => "deadline",
            ParamGroup::Election => "election",
            ParamGroup::Capacity => "capacity",
            ParamGroup::Behaviour => "behaviour",
            ParamGroup::Checks => "checks",
        }
    }
}

/// Identifies one parameter; its index in [`SPECS`] is `id as usize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParamId {
    /// Users per hour at 23:00 ET a week earlier (the anchor).
    BaselineUsersPerH,
    /// Size of the daily swing of ordinary traffic.
    BaselineSwing,
    /// Hour (ET) at which ordinary traffic peaks.
    BaselinePeakHour,
    /// Normal share of visitors from US addresses, in %.
    UsSharePct,
    /// Deadline rush level on deadline eve, × the anchor.
    DeadlineX,
    /// Hour (since 8 Nov 00:00 ET) when the deadline rush sets in.
    DeadlineOnsetH,
    /// How long before the deadline the rush stops growing much.
    DeadlineSaturationH,
    /// Size of the daily swing of deadline applicants.
    DeadlineSwing,
    /// Hour (ET) at which deadline applicants peak.
    DeadlinePeakHour,
    /// Time constant of the rush's decline after the deadline.
    DeadlineAfterH,
    /// The deadline, hours since 8 Nov 00:00 ET.
    DeadlineH,
    /// Peak of the US surge, × the anchor.
    ElectionX,
    /// Hour of 8 Nov (ET) when US interest starts to rise.
    ElectionOnsetHour,
    /// Hours from onset to peak.
    ElectionRiseH,
    /// Half-life of the US surge after its peak.
    ElectionHalfLifeH,
    /// Servers before the fix.
    ServersBefore,
    /// Servers after the fix.
    ServersAfter,
    /// The fix, hours since 8 Nov 00:00 ET.
    FixH,
    /// Users per minute one server can serve.
    ServerCapacityPerMin,
    /// Mean time a user waits before giving up.
    TimeoutS,
    /// Longest queue the site holds, in seconds of service.
    QueueMaxWaitS,
    /// Share of failed users who try again, in %.
    RetryPct,
    /// Mean time before a failed user tries again.
    RetryWaitS,
    /// Failure share at which the checks call the site degraded, in %.
    DegradedPct,
    /// Failure share at which the checks call the site down, in %.
    OutagePct,
    /// How far the 23:00 user count may be from the record's, as a factor.
    UsersRatioTolerance,
    /// Non-US demand, × normal, that counts as "significant volumes".
    EarlyVolumeX,
}

/// How many parameters there are.
pub const COUNT: usize = 27;

/// One parameter's declaration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    /// Which parameter.
    pub id: ParamId,
    /// Stable name with its unit, e.g. `timeout_s`; used by the CLI,
    /// URLs and [`Params::with`].
    pub name: &'static str,
    /// The unit, as shown next to the value.
    pub unit: &'static str,
    /// The default value.
    pub default: f64,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value. Equal to `min` when the record fixes it.
    pub max: f64,
    /// A slider step.
    pub step: f64,
    /// The hypothesis whose switch this parameter shapes, or `None` for
    /// baseline, shared behaviour and check thresholds.
    pub hypothesis: Option<Hypothesis>,
    /// Slider group.
    pub group: ParamGroup,
    /// Record or assumption.
    pub provenance: Provenance,
    /// Short label, English.
    pub label: &'static str,
    /// Short label, French.
    pub label_fr: &'static str,
    /// What it means and why this range, one sentence, English.
    pub why: &'static str,
    /// The same sentence in French.
    pub why_fr: &'static str,
}

impl ParamSpec {
    /// Whether the record fixes the value (`min == max`).
    pub fn is_fixed(&self) -> bool {
        self.min == self.max
    }

    /// Whether `value` is finite and inside `[min, max]`.
    pub fn accepts(&self, value: f64) -> bool {
        value.is_finite() && value >= self.min && value <= self.max
    }

    /// The spec with this name.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::params::ParamSpec;
    /// let s = ParamSpec::find("timeout_s").ok_or("missing")?;
    /// assert_eq!(s.unit, "s");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn find(name: &str) -> Option<&'static ParamSpec> {
        SPECS.iter().find(|s| s.name == name)
    }

    /// The spec of `id`.
    pub fn of(id: ParamId) -> &'static ParamSpec {
        &SPECS[id as usize]
    }
}

/// Every parameter, in display order (the order of [`ParamId`]).
pub static SPECS: [ParamSpec; COUNT] = [
    ParamSpec {
        id: ParamId::BaselineUsersPerH,
        name: "baseline_users_per_h",
        unit: "users/h",
        default: 17_000.0,
        min: 17_000.0,
        max: 18_000.0,
        step: 100.0,
        hypothesis: None,
        group: ParamGroup::Baseline,
        provenance: Provenance::Record,
        label: "Ordinary traffic at 23:00",
        label_fr: "Trafic ordinaire à 23 h",
        why: "The record gives just over 17,000 users at 23:00 ET one week \
              earlier; we read it as users per hour on an ordinary Tuesday \
              and anchor the daily cycle to it.",
        why_fr: "Le dossier indique un peu plus de 17 000 utilisateurs à \
                 23 h HE une semaine plus tôt; nous le lisons comme des \
                 utilisateurs par heure un mardi ordinaire et y ancrons le \
                 cycle quotidien.",
    },
    ParamSpec {
        id: ParamId::BaselineSwing,
        name: "baseline_swing",
        unit: "×",
        default: 0.5,
        min: 0.2,
        max: 0.8,
        step: 0.05,
        hypothesis: None,
        group: ParamGroup::Baseline,
        provenance: Provenance::Assumption,
        label: "Daily swing of ordinary traffic",
        label_fr: "Variation quotidienne du trafic ordinaire",
        why: "The record has no hourly traffic; government sites typically \
              swing by ±20–80 % between daytime peak and night trough.",
        why_fr: "Le dossier ne donne aucun trafic horaire; les sites \
                 gouvernementaux varient typiquement de ±20 à 80 % entre \
                 le pic de jour et le creux de nuit.",
    },
    ParamSpec {
        id: ParamId::BaselinePeakHour,
        name: "baseline_peak_hour",
        unit: "h ET",
        default: 14.0,
        min: 10.0,
        max: 18.0,
        step: 0.5,
        hypothesis: None,
        group: ParamGroup::Baseline,
        provenance: Provenance::Assumption,
        label: "Peak hour of ordinary traffic",
        label_fr: "Heure de pointe du trafic ordinaire",
        why: "Most ordinary visitors are in North America, so we assume the \
              daily peak falls in the ET working day, 10:00–18:00.",
        why_fr: "La plupart des visiteurs ordinaires sont en Amérique du \
                 Nord; nous supposons donc un pic pendant la journée de \
                 travail HE, de 10 h à 18 h.",
    },
    ParamSpec {
        id: ParamId::UsSharePct,
        name: "us_share_pct",
        unit: "%",
        default: 10.2,
        min: 8.8,
        max: 11.6,
        step: 0.1,
        hypothesis: None,
        group: ParamGroup::Baseline,
        provenance: Provenance::Record,
        label: "Normal share of US visitors",
        label_fr: "Part normale de visiteurs américains",
        why: "The record says 8.8–11.6 % of visitors normally come from US \
              addresses; the default is the middle of that range.",
        why_fr: "Le dossier indique que 8,8 à 11,6 % des visiteurs viennent \
                 normalement d'adresses américaines; la valeur par défaut \
                 est le milieu de cette plage.",
    },
    ParamSpec {
        id: ParamId::DeadlineX,
        name: "deadline_x",
        unit: "× anchor",
        default: 40.0,
        min: 2.0,
        max: 60.0,
        step: 0.5,
        hypothesis: Some(Hypothesis::Deadline),
        group: ParamGroup::Deadline,
        provenance: Provenance::Assumption,
        label: "Deadline rush at its height",
        label_fr: "Ruée de l'échéance à son sommet",
        why: "Three servers were failing by 14:00 on 8 Nov, before any \
              polls closed, so the rush alone outran them; non-US users who \
              got in at 23:00 were 6–7× normal while most attempts failed, \
              so 2–60× the anchor.",
        why_fr: "Trois serveurs défaillaient dès 14 h le 8 novembre, avant \
                 la fermeture des bureaux de vote, donc la ruée seule les \
                 dépassait; les utilisateurs non américains entrés à 23 h \
                 valaient 6 à 7 fois la normale alors que la plupart des \
                 tentatives échouaient, d'où 2 à 60 fois l'ancrage.",
    },
    ParamSpec {
        id: ParamId::DeadlineOnsetH,
        name: "deadline_onset_h",
        unit: "h after 8 Nov 00:00",
        default: 6.0,
        min: -24.0,
        max: 14.0,
        step: 1.0,
        hypothesis: Some(Hypothesis::Deadline),
        group: ParamGroup::Deadline,
        provenance: Provenance::Assumption,
        label: "When the deadline rush sets in",
        label_fr: "Début de la ruée de l'échéance",
        why: "IRCC saw significant volumes on the afternoon of 8 Nov, a few \
              days earlier than planned, so the rush began between 7 Nov \
              and 14:00 on 8 Nov.",
        why_fr: "IRCC a constaté des volumes importants l'après-midi du \
                 8 nov., quelques jours plus tôt que prévu; la ruée a donc \
                 commencé entre le 7 nov. et le 8 nov. à 14 h.",
    },
    ParamSpec {
        id: ParamId::DeadlineSaturationH,
        name: "deadline_saturation_h",
        unit: "h",
        default: 96.0,
        min: 6.0,
        max: 168.0,
        step: 1.0,
        hypothesis: Some(Hypothesis::Deadline),
        group: ParamGroup::Deadline,
        provenance: Provenance::Assumption,
        label: "How early the rush levels off",
        label_fr: "Précocité du plateau de la ruée",
        why: "Deadline rushes grow like 1/(time left + this), after Alfi et \
              al. (2007); six servers held on deadline day, which needs a \
              rush already near its height days before, so a long time.",
        why_fr: "Les ruées d'échéance croissent comme 1/(temps restant + \
                 cette durée), d'après Alfi et al. (2007); six serveurs ont \
                 tenu le jour de l'échéance, ce qui exige une ruée déjà \
                 proche de son sommet des jours avant, donc une longue \
                 durée.",
    },
    ParamSpec {
        id: ParamId::DeadlineSwing,
        name: "deadline_swing",
        unit: "×",
        default: 0.15,
        min: 0.0,
        max: 0.8,
        step: 0.05,
        hypothesis: Some(Hypothesis::Deadline),
        group: ParamGroup::Deadline,
        provenance: Provenance::Assumption,
        label: "Daily swing of deadline applicants",
        label_fr: "Variation quotidienne des demandeurs",
        why: "Applicants are spread over Europe, Asia and Oceania, whose \
              daytimes overlap little, so their combined daily swing is \
              smaller than one region's; 0–80 %.",
        why_fr: "Les demandeurs sont répartis entre l'Europe, l'Asie et \
                 l'Océanie, dont les journées se chevauchent peu; leur \
                 variation quotidienne combinée est donc plus faible que \
                 celle d'une seule région, de 0 à 80 %.",
    },
    ParamSpec {
        id: ParamId::DeadlinePeakHour,
        name: "deadline_peak_hour",
        unit: "h ET",
        default: 12.0,
        min: 0.0,
        max: 23.5,
        step: 0.5,
        hypothesis: Some(Hypothesis::Deadline),
        group: ParamGroup::Deadline,
        provenance: Provenance::Assumption,
        label: "Peak hour of deadline applicants",
        label_fr: "Heure de pointe des demandeurs",
        why: "The record does not say where applicants were; noon ET is \
              evening in Europe, and any hour is allowed because Asia and \
              Oceania peak during the ET night.",
        why_fr: "Le dossier ne dit pas où étaient les demandeurs; midi HE \
                 est le soir en Europe, et toute heure est permise car \
                 l'Asie et l'Océanie culminent pendant la nuit HE.",
    },
    ParamSpec {
        id: ParamId::DeadlineAfterH,
        name: "deadline_after_h",
        unit: "h",
        default: 12.0,
        min: 3.0,
        max: 48.0,
        step: 1.0,
        hypothesis: Some(Hypothesis::Deadline),
        group: ParamGroup::Deadline,
        provenance: Provenance::Assumption,
        label: "Decline after the deadline",
        label_fr: "Déclin après l'échéance",
        why: "Travellers flying on 10 Nov still had to apply that day, so \
              the rush fades over hours to two days after the deadline.",
        why_fr: "Les voyageurs partant le 10 nov. devaient encore faire \
                 leur demande ce jour-là; la ruée s'éteint donc en quelques \
                 heures à deux jours après l'échéance.",
    },
    ParamSpec {
        id: ParamId::DeadlineH,
        name: "deadline_h",
        unit: "h after 8 Nov 00:00",
        default: 48.0,
        min: 48.0,
        max: 48.0,
        step: 1.0,
        hypothesis: Some(Hypothesis::Deadline),
        group: ParamGroup::Deadline,
        provenance: Provenance::Record,
        label: "eTA deadline",
        label_fr: "Échéance de l'AVE",
        why: "The eTA requirement came into force at 00:00 ET on 10 Nov \
              2016, 48 hours after the window opens.",
        why_fr: "L'exigence d'AVE est entrée en vigueur le 10 nov. 2016 à \
                 0 h HE, 48 heures après le début de la fenêtre.",
    },
    ParamSpec {
        id: ParamId::ElectionX,
        name: "election_x",
        unit: "× anchor",
        default: 35.0,
        min: 2.0,
        max: 60.0,
        step: 0.5,
        hypothesis: Some(Hypothesis::Election),
        group: ParamGroup::Election,
        provenance: Provenance::Assumption,
        label: "US surge at its peak",
        label_fr: "Afflux américain à son sommet",
        why: "About half of 200,000 users at 23:00 were American, 50–60× \
              the normal US level, and more tried and failed; 2–60× the \
              anchor covers that.",
        why_fr: "Environ la moitié des 200 000 utilisateurs de 23 h étaient \
                 américains, 50 à 60 fois le niveau normal, et d'autres ont \
                 échoué; 2 à 60 fois l'ancrage couvre cela largement.",
    },
    ParamSpec {
        id: ParamId::ElectionOnsetHour,
        name: "election_onset_hour",
        unit: "h ET on 8 Nov",
        default: 21.0,
        min: 19.0,
        max: 24.0,
        step: 0.5,
        hypothesis: Some(Hypothesis::Election),
        group: ParamGroup::Election,
        provenance: Provenance::Assumption,
        label: "When US interest starts",
        label_fr: "Début de l'intérêt américain",
        why: "The first polls closed at 19:00 ET and the result became clear \
              around 23:00, so US interest rose somewhere between 19:00 and \
              midnight.",
        why_fr: "Les premiers bureaux de vote ont fermé à 19 h HE et le \
                 résultat s'est dessiné vers 23 h; l'intérêt américain a \
                 donc monté entre 19 h et minuit.",
    },
    ParamSpec {
        id: ParamId::ElectionRiseH,
        name: "election_rise_h",
        unit: "h",
        default: 2.5,
        min: 0.5,
        max: 5.0,
        step: 0.25,
        hypothesis: Some(Hypothesis::Election),
        group: ParamGroup::Election,
        provenance: Provenance::Assumption,
        label: "Rise time of the US surge",
        label_fr: "Montée de l'afflux américain",
        why: "News-driven surges build over the hour or hours in which a \
              story breaks; here, as the results came in.",
        why_fr: "Les afflux liés à l'actualité montent en une heure ou \
                 quelques heures, le temps que la nouvelle éclate; ici, au \
                 fil des résultats.",
    },
    ParamSpec {
        id: ParamId::ElectionHalfLifeH,
        name: "election_half_life_h",
        unit: "h",
        default: 8.0,
        min: 1.0,
        max: 48.0,
        step: 0.5,
        hypothesis: Some(Hypothesis::Election),
        group: ParamGroup::Election,
        provenance: Provenance::Assumption,
        label: "Half-life of US interest",
        label_fr: "Demi-vie de l'intérêt américain",
        why: "News attention halves in about an hour on Digg to a few hours \
              for links, but US interest stayed high through 9 Nov, so \
              1–48 hours.",
        why_fr: "L'attention à une nouvelle diminue de moitié en une heure \
                 environ sur Digg à quelques heures pour les liens, mais \
                 l'intérêt américain est resté élevé le 9 nov., d'où 1 à \
                 48 heures.",
    },
    ParamSpec {
        id: ParamId::ServersBefore,
        name: "servers_before",
        unit: "servers",
        default: 3.0,
        min: 3.0,
        max: 3.0,
        step: 1.0,
        hypothesis: Some(Hypothesis::Underprovisioning),
        group: ParamGroup::Capacity,
        provenance: Provenance::Record,
        label: "Servers before the fix",
        label_fr: "Serveurs avant la correction",
        why: "The fix doubled the servers to six, so there were three \
              before; with under-provisioning off the site has six all \
              along.",
        why_fr: "La correction a doublé les serveurs à six, il y en avait \
                 donc trois; sans sous-provisionnement, le site en a six \
                 dès le début.",
    },
    ParamSpec {
        id: ParamId::ServersAfter,
        name: "servers_after",
        unit: "servers",
        default: 6.0,
        min: 6.0,
        max: 6.0,
        step: 1.0,
        hypothesis: None,
        group: ParamGroup::Capacity,
        provenance: Provenance::Record,
        label: "Servers after the fix",
        label_fr: "Serveurs après la correction",
        why: "The record says the servers were doubled to six; this is also \
              the counterfactual capacity when under-provisioning is off.",
        why_fr: "Le dossier indique que les serveurs ont été doublés à six; \
                 c'est aussi la capacité contrefactuelle quand le \
                 sous-provisionnement est désactivé.",
    },
    ParamSpec {
        id: ParamId::FixH,
        name: "fix_h",
        unit: "h after 8 Nov 00:00",
        default: 46.0,
        min: 45.0,
        max: 47.0,
        step: 0.25,
        hypothesis: Some(Hypothesis::Underprovisioning),
        group: ParamGroup::Capacity,
        provenance: Provenance::Record,
        label: "When capacity was doubled",
        label_fr: "Doublement de la capacité",
        why: "The record puts the fix at about 22:00 on 9 Nov, less than two \
              hours before the deadline, so 21:00–23:00.",
        why_fr: "Le dossier situe la correction vers 22 h le 9 nov., moins \
                 de deux heures avant l'échéance, donc entre 21 h et 23 h.",
    },
    ParamSpec {
        id: ParamId::ServerCapacityPerMin,
        name: "server_capacity_per_min",
        unit: "users/min",
        default: 3200.0,
        min: 1000.0,
        max: 6000.0,
        step: 50.0,
        hypothesis: None,
        group: ParamGroup::Capacity,
        provenance: Provenance::Assumption,
        label: "Users one server can serve",
        label_fr: "Utilisateurs servis par un serveur",
        why: "The record gives no per-server figure, but three failing \
              servers let about 200,000 users in around 23:00, at least \
              1,100 a minute each, so 1,000–6,000.",
        why_fr: "Le dossier ne donne aucun chiffre par serveur, mais trois \
                 serveurs défaillants ont laissé entrer environ 200 000 \
                 utilisateurs vers 23 h, au moins 1 100 par minute chacun, \
                 d'où 1 000 à 6 000.",
    },
    ParamSpec {
        id: ParamId::TimeoutS,
        name: "timeout_s",
        unit: "s",
        default: 30.0,
        min: 10.0,
        max: 120.0,
        step: 5.0,
        hypothesis: None,
        group: ParamGroup::Behaviour,
        provenance: Provenance::Assumption,
        label: "How long users wait for a page",
        label_fr: "Patience des utilisateurs",
        why: "Web users abandon slow pages within seconds to a couple of \
              minutes, and browsers and proxies time out within minutes.",
        why_fr: "Les internautes abandonnent une page lente en quelques \
                 secondes à deux minutes, et navigateurs et mandataires \
                 expirent en quelques minutes.",
    },
    ParamSpec {
        id: ParamId::QueueMaxWaitS,
        name: "queue_max_wait_s",
        unit: "s",
        default: 30.0,
        min: 10.0,
        max: 300.0,
        step: 5.0,
        hypothesis: None,
        group: ParamGroup::Behaviour,
        provenance: Provenance::Assumption,
        label: "Longest queue the servers hold",
        label_fr: "File d'attente maximale des serveurs",
        why: "Web servers queue thousands of requests before refusing more, \
              which at these rates is seconds to minutes of work.",
        why_fr: "Les serveurs Web mettent en file des milliers de requêtes \
                 avant d'en refuser, soit à ces débits de quelques secondes \
                 à quelques minutes de travail.",
    },
    ParamSpec {
        id: ParamId::RetryPct,
        name: "retry_pct",
        unit: "%",
        default: 55.0,
        min: 10.0,
        max: 80.0,
        step: 5.0,
        hypothesis: None,
        group: ParamGroup::Behaviour,
        provenance: Provenance::Assumption,
        label: "Failed users who try again",
        label_fr: "Utilisateurs qui réessaient",
        why: "Someone who needs an eTA before flying, or wants to read about \
              moving to Canada, often reloads; but many give up, so \
              10–80 %.",
        why_fr:
            "Qui a besoin d'une AVE avant de voler, ou veut se renseigner \
                 sur l'immigration, recharge souvent la page; mais beaucoup \
                 abandonnent, d'où 10 à 80 %.",
    },
    ParamSpec {
        id: ParamId::RetryWaitS,
        name: "retry_wait_s",
        unit: "s",
        default: 60.0,
        min: 5.0,
        max: 600.0,
        step: 5.0,
        hypothesis: None,
        group: ParamGroup::Behaviour,
        provenance: Provenance::Assumption,
        label: "Time before trying again",
        label_fr: "Délai avant de réessayer",
        why: "People reload within seconds or come back after some minutes; \
              5 s to 10 min.",
        why_fr: "Les gens rechargent en quelques secondes ou reviennent \
                 quelques minutes plus tard; de 5 s à 10 min.",
    },
    ParamSpec {
        id: ParamId::DegradedPct,
        name: "degraded_pct",
        unit: "%",
        default: 5.0,
        min: 1.0,
        max: 20.0,
        step: 0.5,
        hypothesis: None,
        group: ParamGroup::Checks,
        provenance: Provenance::Assumption,
        label: "Failures that count as degraded",
        label_fr: "Échecs comptés comme dégradé",
        why: "The record says \"degraded\" with \"temporary outages\" but \
              gives no error rate, so we call 1–20 % failed visits \
              degraded.",
        why_fr: "Le dossier parle de service « dégradé » avec des « pannes \
                 temporaires » sans taux d'erreur; nous appelons dégradé de \
                 1 à 20 % de visites échouées.",
    },
    ParamSpec {
        id: ParamId::OutagePct,
        name: "outage_pct",
        unit: "%",
        default: 50.0,
        min: 20.0,
        max: 80.0,
        step: 5.0,
        hypothesis: None,
        group: ParamGroup::Checks,
        provenance: Provenance::Assumption,
        label: "Failures that count as an outage",
        label_fr: "Échecs comptés comme une panne",
        why: "\"Crashed\" and \"fell apart\" mean most visits failed; we \
              read that as 20–80 % failed.",
        why_fr: "« En panne » et « s'est effondré » signifient que la \
                 plupart des visites échouaient; nous lisons cela comme 20 \
                 à 80 % d'échecs.",
    },
    ParamSpec {
        id: ParamId::UsersRatioTolerance,
        name: "users_ratio_tolerance",
        unit: "×",
        default: 1.5,
        min: 1.2,
        max: 2.5,
        step: 0.1,
        hypothesis: None,
        group: ParamGroup::Checks,
        provenance: Provenance::Assumption,
        label: "Tolerance on the 23:00 user count",
        label_fr: "Tolérance sur le nombre d'utilisateurs à 23 h",
        why: "The record's 200,000 and 17,000 are rounded counts of an \
              unstated kind, so the model's ratio may be off by a factor \
              1.2–2.5.",
        why_fr: "Les 200 000 et 17 000 du dossier sont des comptes arrondis \
                 de nature non précisée; le rapport du modèle peut donc \
                 s'écarter d'un facteur 1,2 à 2,5.",
    },
    ParamSpec {
        id: ParamId::EarlyVolumeX,
        name: "early_volume_x",
        unit: "× normal",
        default: 2.0,
        min: 1.5,
        max: 5.0,
        step: 0.1,
        hypothesis: None,
        group: ParamGroup::Checks,
        provenance: Provenance::Assumption,
        label: "Non-US traffic that counts as significant",
        label_fr: "Trafic non américain jugé important",
        why: "IRCC called the early eTA traffic \"significant volumes\" \
              without a number; we read that as 1.5–5× normal non-US \
              traffic.",
        why_fr: "IRCC a qualifié le trafic précoce de « volumes \
                 importants » sans chiffre; nous lisons cela comme 1,5 à 5 \
                 fois le trafic non américain normal.",
    },
];

/// A parameter value was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamError {
    /// No parameter has this name.
    Unknown {
        /// The name given.
        name: String,
    },
    /// The value is outside the declared range, or not finite.
    OutOfRange {
        /// The parameter (or function argument).
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
            ParamError::Unknown { name } => {
                let names: Vec<&str> = SPECS.iter().map(|s| s.name).collect();
                write!(
                    f,
                    "unknown parameter `{name}`; expected one of {}",
                    names.join(", ")
                )
            }
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

/// A complete, validated set of parameter values.
///
/// # Examples
/// ```
/// use claimcheck_model::params::{ParamId, Params};
/// let p = Params::default().with("timeout_s", 45.0)?;
/// assert_eq!(p.get(ParamId::TimeoutS), 45.0);
/// assert!(Params::default().with("timeout_s", 1e6).is_err());
/// # Ok::<(), claimcheck_model::ParamError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    values: [f64; COUNT],
}

impl Default for Params {
    /// Every parameter at its default.
    fn default() -> Params {
        let mut values = [0.0; COUNT];
        for (v, s) in values.iter_mut().zip(SPECS.iter()) {
            *v = s.default;
        }
        Params { values }
    }
}

impl Params {
    /// Defaults with the named values replaced.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::params::Params;
    /// let p = Params::new(&[("retry_pct", 20.0), ("timeout_s", 60.0)])?;
    /// assert_eq!(p.value("retry_pct"), Some(20.0));
    /// # Ok::<(), claimcheck_model::ParamError>(())
    /// ```
    pub fn new(values: &[(&str, f64)]) -> Result<Params, ParamError> {
        let mut p = Params::default();
        for &(name, value) in values {
            p = p.with(name, value)?;
        }
        Ok(p)
    }

    /// A copy with `name` set to `value`, if valid.
    pub fn with(
        mut self,
        name: &str,
        value: f64,
    ) -> Result<Params, ParamError> {
        let spec = ParamSpec::find(name)
            .ok_or_else(|| ParamError::Unknown { name: name.to_string() })?;
        self.set(spec.id, value)?;
        Ok(self)
    }

    /// A copy with `name` set to the number written in `text`, if valid;
    /// for command lines and URLs.
    ///
    /// # Examples
    /// ```
    /// use claimcheck_model::params::Params;
    /// assert!(Params::default().with_text("timeout_s", "45").is_ok());
    /// assert!(Params::default().with_text("timeout_s", "soon").is_err());
    /// ```
    pub fn with_text(
        self,
        name: &str,
        text: &str,
    ) -> Result<Params, ParamError> {
        let spec = ParamSpec::find(name)
            .ok_or_else(|| ParamError::Unknown { name: name.to_string() })?;
        let value: f64 =
            text.trim().parse().map_err(|_| ParamError::Malformed {
                name: spec.name.to_string(),
                text: text.to_string(),
            })?;
        self.with(name, value)
    }

    /// Sets one value in place, if valid; on error nothing changes.
    pub fn set(&mut self, id: ParamId, value: f64) -> Result<(), ParamError> {
        let spec = ParamSpec::of(id);
        if !spec.accepts(value) {
            return Err(ParamError::OutOfRange {
                name: spec.name.to_string(),
                value,
                min: spec.min,
                max: spec.max,
            });
        }
        self.values[id as usize] = value;
        Ok(())
    }

    /// The value of `id`.
    pub fn get(&self, id: ParamId) -> f64 {
        self.values[id as usize]
    }

    /// The value of the parameter called `name`.
    pub fn value(&self, name: &str) -> Option<f64> {
        ParamSpec::find(name).map(|s| self.get(s.id))
    }

    /// Every parameter with its value, in display order.
    pub fn iter(
        &self,
    ) -> impl Iterator<Item = (&'static ParamSpec, f64)> + '_ {
        SPECS.iter().zip(self.values.iter().copied())
    }
}
