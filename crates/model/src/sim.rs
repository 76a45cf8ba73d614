//! The outage simulation: hypotheses and parameters in, an outage curve
//! out.
//!
//! # The model, in words
//!
//! Time runs in one-minute steps from 00:00 ET on Tuesday 8 Nov 2016 to
//! 00:00 ET on Friday 11 Nov (4,320 steps). Each minute, people arrive
//! at the IRCC site; the servers serve as many as they can; the rest
//! wait in a queue, and some of those who wait too long, or find the
//! queue full, give up and come back later. All quantities are *users*
//! (a visit) and rates are users per minute.
//!
//! **Fresh demand** is the sum of three parts (an additive variant of
//! λ₀ = baseline·(1 + deadline + election), chosen because each surge
//! has its own clock: US news interest does not follow IRCC's ordinary
//! visiting hours, and overseas applicants are awake when North America
//! sleeps):
//!
//! - *baseline* (always on): ordinary traffic with a daily cycle,
//!   1 + swing·cos(2π(t − peak)/24 h), scaled so that 23:00 gives the
//!   record's 17,000 users an hour (8 Nov was a Tuesday, like the week
//!   before). A share `us_share_pct` of it is from the US;
//! - *deadline* (eTA applicants, none from the US): level × onset(t) ×
//!   urgency(t) × rhythm(t). Onset is a smooth step (a logistic with a
//!   one-hour time constant) at `deadline_onset_h`. Urgency is the
//!   regularised deadline law of Alfi, Parisi & Pietronero (2007),
//!   τ / (T − t + τ), which reaches 1 at the deadline T; after T it
//!   decays as exp(−(t − T)/`deadline_after_h`), the travellers flying
//!   on 10 Nov. Rhythm is the applicants' own daily cycle;
//! - *election* (US visitors): zero before `election_onset_hour`, a
//!   smooth rise over `election_rise_h` to its peak, then halving every
//!   `election_half_life_h` hours.
//!
//! Off means zero for a surge. For under-provisioning, off means the
//! counterfactual: the site had its post-fix six servers all along.
//!
//! **Capacity** C(t) = servers(t) × `server_capacity_per_min`.
//!
//! **Queue.** Attempts (fresh arrivals plus returning retries) are served
//! at once while there is spare capacity. Beyond that they join a queue
//! that holds at most K = C × `queue_max_wait_s` users; arrivals that
//! find it full get the error page at once (*blocked*). A user who joins
//! the queue faces a wait w = (queue ahead) / C. Users' patience is
//! exponential with mean `timeout_s` (as in the Erlang-A and
//! Mandelbaum et al. models), so a share exp(−w / timeout) is still
//! there when served. The others time out. The crucial detail, the
//! sustaining effect of a *metastable failure* (Bronson et al. 2021;
//! Huang et al. 2022): the server cannot tell that a queued user has
//! left, so it still spends capacity on their request. Under a long
//! queue most of the capacity goes to users who are already gone, and
//! the useful throughput collapses.
//!
//! **Retries.** A share `retry_pct` of failed users (blocked or timed
//! out) joins a retry orbit R and returns at rate R / `retry_wait_s`;
//! the rest give up for good. Each minute,
//!
//! - attempts A = fresh + returning retries;
//! - failures F = blocked + timed out; failure fraction f = F / A, the
//!   **outage curve**;
//! - R gains `retry_pct` × F and loses the returning retries.
//!
//! The model tracks how many of the queued users will be served in time
//! and how many will not, and the US share of the retry orbit, so the
//! US share of arrivals includes US retriers.
//!
//! **Metastability.** Once the queue is long (w ≫ timeout), almost every
//! admitted user fails, so attempts settle near λ₀ / (1 − p) with
//! p = `retry_pct`. The site stays down, even after the trigger has
//! passed, as long as λ₀ / (1 − p) exceeds C; when fresh demand is below
//! C but above (1 − p)·C the site is *vulnerable*: healthy if it starts
//! healthy, down if pushed over. Only more capacity, or demand falling
//! below (1 − p)·C, ends it. `tests/dynamics.rs` checks this against
//! the simulation.
//!
//! # Numerics
//!
//! Each minute is one step of a mass-conserving update: every flow is a
//! share of a stock that exists, so stocks never go negative and nothing
//! blows up for any rate in the parameter box. The retry orbit's decay
//! is integrated exactly (a factor exp(−h / retry_wait) per step), the
//! patience law is applied as an exact survival share, and all
//! quantities are conserved to rounding:
//!
//! fresh arrivals = served + given up for good + Δ(queued users who
//! will be served) + Δ(retry orbit).
//!
//! Simplifications a reader should know: a queued user's fate is decided
//! when they join, from the wait they face then; the queue is served in
//! proportion to its make-up rather than strictly first come first
//! served; and a fluid has no randomness, so below capacity it never
//! queues (see [`crate::erlang`] for what that misses).

use std::sync::OnceLock;

use crate::hypothesis::{Hypothesis, HypothesisSet};
use crate::params::{ParamError, ParamId, Params};

/// Minutes in the simulated window, 8 Nov 00:00 to 11 Nov 00:00 ET.
pub const STEPS: usize = 4320;

/// Length of one step, in minutes.
pub const STEP_MIN: f64 = 1.0;

/// The minute at which 23:00 ET falls on each day (relative to
/// midnight), where the baseline is anchored to the record.
pub const ANCHOR_MINUTE_OF_DAY: f64 = 23.0 * 60.0;

/// The time constant of the deadline rush's onset, in minutes.
pub const DEADLINE_ONSET_WIDTH_MIN: f64 = 60.0;

const DAY_MIN: f64 = 1440.0;
const MINUTES_PER_DAY: usize = 1440;

/// The stocks of the fluid queue and retry orbit, and the rules that
/// move users between them. [`simulate_into`] drives one of these; tests
/// also drive it directly at constant demand.
///
/// # Examples
/// ```
/// use claimcheck_model::sim::{FluidQueue, QueueConfig};
/// let cfg = QueueConfig::new(0.5, 2.0, 0.0, 1.0)?;
/// let mut q = FluidQueue::new(cfg);
/// // Half of capacity: everyone is served at once.
/// let flows = q.step(50.0, 0.0, 100.0, 1.0);
/// assert_eq!(flows.failures, 0.0);
/// assert_eq!(flows.served, 50.0);
/// # Ok::<(), claimcheck_model::ParamError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FluidQueue {
    cfg: QueueConfig,
    /// Queued users who will still be there when served.
    queue_ok: f64,
    /// All queued users; those who will have timed out when served are
    /// `queue - queue_ok`. Kept whole so that a full queue stays exactly
    /// at its limit from step to step.
    queue: f64,
    /// Users in the retry orbit.
    orbit: f64,
    /// Of which from the US.
    orbit_us: f64,
    /// The step length `stay` was computed for.
    stay_h: f64,
    /// Share of the orbit that stays for a step of `stay_h`.
    stay: f64,
    /// The capacity the following three were computed for.
    cap: f64,
    /// 1 / (capacity × timeout): queue length to waits in patiences.
    inv_wait_scale: f64,
    /// The queue limit, users.
    limit: f64,
    /// The step length `full_pool` was computed for.
    full_h: f64,
    /// A full queue plus one step of admissions at capacity, users.
    full_pool: f64,
    /// 1 / `full_pool`.
    inv_full_pool: f64,
    /// The queue length whose survival exp(−x · inv_wait_scale) is
    /// `exp_val` (NaN: none).
    exp_at: f64,
    /// See `exp_at`.
    exp_val: f64,
}

/// The behaviour parameters of a [`FluidQueue`], in minutes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QueueConfig {
    /// Mean patience, minutes.
    pub timeout_min: f64,
    /// Queue limit, in minutes of service at the current capacity.
    pub max_wait_min: f64,
    /// Share of failed users who retry, 0–1.
    pub retry_fraction: f64,
    /// Mean time before a retry, minutes.
    pub retry_wait_min: f64,
}

impl QueueConfig {
    /// Validates and builds a configuration: times must be positive and
    /// finite, the retry fraction in [0, 1).
    pub fn new(
        timeout_min: f64,
        max_wait_min: f64,
        retry_fraction: f64,
        retry_wait_min: f64,
    ) -> Result<QueueConfig, ParamError> {
        let positive = |name: &str, v: f64| {
            if v.is_finite() && v > 0.0 {
                Ok(())
            } else {
                Err(ParamError::OutOfRange {
                    name: name.into(),
                    value: v,
                    min: f64::MIN_POSITIVE,
                    max: f64::MAX,
                })
            }
        };
        positive("timeout_min", timeout_min)?;
        positive("max_wait_min", max_wait_min)?;
        positive("retry_wait_min", retry_wait_min)?;
        if !(0.0..1.0).contains(&retry_fraction) {
            return Err(ParamError::OutOfRange {
                name: "retry_fraction".into(),
                value: retry_fraction,
                min: 0.0,
                max: 0.999,
            });
        }
        Ok(QueueConfig {
            timeout_min,
            max_wait_min,
            retry_fraction,
            retry_wait_min,
        })
    }

    /// The configuration the parameters describe.
    pub fn from_params(p: &Params) -> QueueConfig {
        QueueConfig {
            timeout_min: p.get(ParamId::TimeoutS) / 60.0,
            max_wait_min: p.get(ParamId::QueueMaxWaitS) / 60.0,
            retry_fraction: p.get(ParamId::RetryPct) / 100.0,
            retry_wait_min: p.get(ParamId::RetryWaitS) / 60.0,
        }
    }
}

/// What happened in one step of a [`FluidQueue`], in users (not rates).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StepFlows {
    /// Users returning from the retry orbit.
    pub retries: f64,
    /// Fresh arrivals plus retries.
    pub attempts: f64,
    /// Of the attempts, from the US.
    pub attempts_us: f64,
    /// Users served while still waiting (successes).
    pub served: f64,
    /// Capacity spent on users who had already timed out.
    pub wasted: f64,
    /// Attempts that found the queue full.
    pub blocked: f64,
    /// Attempts that joined the queue but will time out.
    pub timed_out: f64,
    /// Blocked plus timed out.
    pub failures: f64,
    /// Failed users who gave up for good.
    pub gave_up: f64,
}

impl FluidQueue {
    /// An empty queue and orbit.
    pub fn new(cfg: QueueConfig) -> FluidQueue {
        FluidQueue {
            cfg,
            queue_ok: 0.0,
            queue: 0.0,
            orbit: 0.0,
            orbit_us: 0.0,
            stay_h: f64::NAN,
            stay: 1.0,
            cap: f64::NAN,
            inv_wait_scale: 0.0,
            limit: 0.0,
            full_h: f64::NAN,
            full_pool: f64::NAN,
            inv_full_pool: 0.0,
            exp_at: f64::NAN,
            exp_val: 1.0,
        }
    }

    /// Queued users who will be served in time.
    pub fn queue_ok(&self) -> f64 {
        self.queue_ok
    }

    /// Queued users who will have timed out when served.
    pub fn queue_late(&self) -> f64 {
        (self.queue - self.queue_ok).max(0.0)
    }

    /// Users waiting to retry.
    pub fn orbit(&self) -> f64 {
        self.orbit
    }

    /// Advances one step of `h` minutes with `fresh` new users (of whom
    /// `fresh_us` from the US) and capacity `capacity` users/min.
    ///
    /// Inputs are clamped to be non-negative; a non-positive capacity or
    /// step serves nobody.
    #[inline]
    pub fn step(
        &mut self,
        fresh: f64,
        fresh_us: f64,
        capacity: f64,
        h: f64,
    ) -> StepFlows {
        let fresh = fresh.max(0.0);
        let fresh_us = fresh_us.clamp(0.0, fresh);
        let capacity = capacity.max(0.0);
        let h = h.max(0.0);
        if h != self.stay_h {
            self.stay_h = h;
            self.stay = (-h / self.cfg.retry_wait_min).exp();
        }
        if capacity != self.cap || h != self.full_h {
            self.cap = capacity;
            self.full_h = h;
            self.inv_wait_scale = 1.0 / (capacity * self.cfg.timeout_min);
            self.limit = capacity * self.cfg.max_wait_min;
            self.full_pool = self.limit + capacity * h;
            self.inv_full_pool = 1.0 / self.full_pool;
            self.exp_at = f64::NAN;
        }

        // Retries return at rate orbit / retry_wait: exact decay. (The
        // branch spares healthy runs a dependency chain through the
        // orbit.)
        let (mut retries, mut retries_us) = (0.0, 0.0);
        if self.orbit > 0.0 {
            retries = self.orbit * (1.0 - self.stay);
            retries_us = self.orbit_us * (1.0 - self.stay);
            self.orbit -= retries;
            self.orbit_us -= retries_us;
        }
        let attempts = fresh + retries;
        let attempts_us = fresh_us + retries_us;
        let queued = self.queue;
        let rate = if h > 0.0 { attempts / h } else { 0.0 };

        // The common healthy case: no queue, demand within capacity.
        if queued == 0.0 && rate < capacity {
            return StepFlows {
                retries,
                attempts,
                attempts_us,
                served: attempts,
                ..StepFlows::default()
            };
        }

        // Within the step, attempts arrive at a constant rate and the
        // queue changes linearly: the exact fluid path. Users admitted
        // while the queue is at length x face a wait x / capacity.
        let limit = self.limit;
        let mut direct = 0.0; // served at once, no wait
        let admitted; // joined the queue
        let admitted_ok; // of which will be served in time
        let mut blocked = 0.0;
        let end;
        if capacity <= 0.0 || h <= 0.0 {
            admitted = 0.0;
            admitted_ok = 0.0;
            blocked = attempts;
            end = queued;
        } else if rate >= capacity {
            // The queue grows until it is full, then new attempts are
            // admitted only as fast as the servers free room.
            let growth = rate - capacity;
            let t_full = if queued >= limit {
                0.0
            } else if growth > 0.0 {
                ((limit - queued) / growth).min(h)
            } else {
                h
            };
            let top = queued.max(limit.min(queued + growth * t_full));
            let ramp = rate * t_full;
            let full = capacity * (h - t_full);
            let ramp_ok = if ramp > 0.0 {
                ramp * self.survival(queued, top)
            } else {
                0.0
            };
            let full_ok =
                if full > 0.0 { full * self.survival(top, top) } else { 0.0 };
            admitted = ramp + full;
            admitted_ok = ramp_ok + full_ok;
            blocked = growth * (h - t_full);
            end = top;
        } else {
            // The queue shrinks; once empty, attempts are served at once.
            let t_empty = (queued / (capacity - rate)).min(h);
            let low = (queued - (capacity - rate) * t_empty).max(0.0);
            admitted = rate * t_empty;
            admitted_ok = if admitted > 0.0 {
                admitted * self.survival(queued, low)
            } else {
                0.0
            };
            direct = rate * (h - t_empty);
            end = low;
        }
        let admitted_late = admitted - admitted_ok;

        // The servers work through the queue; they cannot tell who has
        // left, so they drain both kinds in proportion.
        let pool_ok = self.queue_ok + admitted_ok;
        let pool = queued + admitted;
        let drained = (pool - end).max(0.0);
        // A full queue in overload has the same pool every step; its
        // inverse is cached to keep a division off the critical path.
        let inv_pool = if pool == self.full_pool {
            self.inv_full_pool
        } else {
            1.0 / pool
        };
        let (drained_ok, drained_late) = if pool > 0.0 {
            let ok = drained * (pool_ok * inv_pool);
            (ok, drained - ok)
        } else {
            (0.0, 0.0)
        };
        self.queue = end;
        self.queue_ok = (pool_ok - drained_ok).clamp(0.0, end);

        let failures = blocked + admitted_late;
        let to_orbit = self.cfg.retry_fraction * failures;
        self.orbit += to_orbit;
        if attempts > 0.0 {
            self.orbit_us += to_orbit * (attempts_us / attempts);
        }
        StepFlows {
            retries,
            attempts,
            attempts_us,
            served: direct + drained_ok,
            wasted: drained_late,
            blocked,
            timed_out: admitted_late,
            failures,
            gave_up: failures - to_orbit,
        }
    }

    /// The share of users still waiting when served, averaged over users
    /// admitted while the queue moves linearly from `from` to `to` users:
    /// patience is exponential with mean `timeout`, and the wait at
    /// length x is x / capacity. Remembers the last exponential, which
    /// the next step usually starts from.
    #[inline]
    fn survival(&mut self, from: f64, to: f64) -> f64 {
        let a = from * self.inv_wait_scale;
        let b = to * self.inv_wait_scale;
        let ea = if from == self.exp_at { self.exp_val } else { (-a).exp() };
        let d = b - a;
        if d.abs() < 1e-9 {
            self.exp_at = from;
            self.exp_val = ea;
            return ea;
        }
        let eb = if to == 0.0 { 1.0 } else { (-b).exp() };
        self.exp_at = to;
        self.exp_val = eb;
        // Mean of exp(−x) over [a, b].
        (ea - eb) / d
    }
}

/// Run-wide sums, for the conservation identity. All in users.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    /// Fresh arrivals.
    pub fresh: f64,
    /// Users served in time.
    pub served: f64,
    /// Failed users who gave up for good.
    pub gave_up: f64,
    /// Capacity spent on users already gone.
    pub wasted: f64,
    /// Users who joined the queue but timed out.
    pub timed_out: f64,
    /// Queued users who will be served in time, at the end (start: 0).
    pub queue_ok_end: f64,
    /// Queued users who will have timed out, at the end (start: 0).
    pub queue_late_end: f64,
    /// The retry orbit at the end (start: 0).
    pub orbit_end: f64,
}

impl Totals {
    /// fresh − (served + gave up + Δqueue_ok + Δorbit), relative to
    /// fresh: zero up to rounding.
    pub fn conservation_error(&self) -> f64 {
        let out =
            self.served + self.gave_up + self.queue_ok_end + self.orbit_end;
        (self.fresh - out).abs() / self.fresh.max(f64::MIN_POSITIVE)
    }
}

/// One simulated run: per-minute series (rates in users per minute,
/// index = minutes since 8 Nov 00:00 ET) and totals.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The hypotheses that were on.
    pub hypotheses: HypothesisSet,
    /// Fresh ordinary demand, users/min.
    pub demand_baseline: Vec<f64>,
    /// Fresh deadline demand, users/min (0 when off).
    pub demand_deadline: Vec<f64>,
    /// Fresh election demand, users/min (0 when off).
    pub demand_election: Vec<f64>,
    /// Failed users coming back, users/min.
    pub retries: Vec<f64>,
    /// Fresh demand plus retries, users/min.
    pub attempts: Vec<f64>,
    /// Capacity, users/min.
    pub capacity: Vec<f64>,
    /// Users served in time (successes), users/min.
    pub served: Vec<f64>,
    /// Failed attempts (blocked or timed out), users/min.
    pub failures: Vec<f64>,
    /// Failures ÷ attempts, 0–1: the outage curve.
    pub failure_fraction: Vec<f64>,
    /// Share of attempts from US addresses, 0–1. Failures hit all
    /// attempts alike, so this is also the US share of successful users.
    pub us_share: Vec<f64>,
    /// Run-wide sums.
    pub totals: Totals,
}

impl Default for Run {
    fn default() -> Run {
        Run::new()
    }
}

impl Run {
    /// A run with buffers for [`STEPS`] steps, all zero; fill it with
    /// [`simulate_into`].
    pub fn new() -> Run {
        let v = || vec![0.0; STEPS];
        Run {
            hypotheses: HypothesisSet::NONE,
            demand_baseline: v(),
            demand_deadline: v(),
            demand_election: v(),
            retries: v(),
            attempts: v(),
            capacity: v(),
            served: v(),
            failures: v(),
            failure_fraction: v(),
            us_share: v(),
            totals: Totals::default(),
        }
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.failure_fraction.len()
    }

    /// Whether the run has no steps (never, for a simulated run).
    pub fn is_empty(&self) -> bool {
        self.failure_fraction.is_empty()
    }

    /// Total fresh demand at step `i`, users/min.
    pub fn fresh(&self, i: usize) -> f64 {
        self.demand_baseline[i]
            + self.demand_deadline[i]
            + self.demand_election[i]
    }
}

/// Simulates the window with the hypotheses in `on`.
///
/// # Examples
/// ```
/// use claimcheck_model::sim::simulate;
/// use claimcheck_model::{HypothesisSet, Params};
/// let run = simulate(&Params::default(), HypothesisSet::NONE);
/// // Ordinary traffic alone never troubles the site.
/// assert!(run.failure_fraction.iter().all(|&f| f == 0.0));
/// ```
pub fn simulate(params: &Params, on: HypothesisSet) -> Run {
    let mut run = Run::new();
    simulate_into(params, on, &mut run);
    run
}

/// Simulates into `run`, reusing its buffers: no allocation once `run`
/// has [`STEPS`] steps (as [`Run::new`] makes it).
pub fn simulate_into(params: &Params, on: HypothesisSet, run: &mut Run) {
    for v in [
        &mut run.demand_baseline,
        &mut run.demand_deadline,
        &mut run.demand_election,
        &mut run.retries,
        &mut run.attempts,
        &mut run.capacity,
        &mut run.served,
        &mut run.failures,
        &mut run.failure_fraction,
        &mut run.us_share,
    ] {
        v.resize(STEPS, 0.0);
    }
    run.hypotheses = on;
    fill_demand(params, on, run);
    fill_capacity(params, on, &mut run.capacity);

    let us = params.get(ParamId::UsSharePct) / 100.0;
    let mut queue = FluidQueue::new(QueueConfig::from_params(params));
    let mut totals = Totals::default();
    let h = STEP_MIN;
    // Slicing every series to STEPS up front lets the compiler drop the
    // bounds checks inside the loop.
    let base = &run.demand_baseline[..STEPS];
    let dead = &run.demand_deadline[..STEPS];
    let elec = &run.demand_election[..STEPS];
    let cap = &run.capacity[..STEPS];
    let retries = &mut run.retries[..STEPS];
    let attempts = &mut run.attempts[..STEPS];
    let served = &mut run.served[..STEPS];
    let failures = &mut run.failures[..STEPS];
    let attempts_us = &mut run.us_share[..STEPS];
    for i in 0..STEPS {
        let (b, e) = (base[i], elec[i]);
        let fresh = (b + dead[i] + e) * h;
        let fresh_us = (b * us + e) * h;
        let f = queue.step(fresh, fresh_us, cap[i], h);
        retries[i] = f.retries / h;
        attempts[i] = f.attempts / h;
        served[i] = f.served / h;
        failures[i] = f.failures / h;
        // Shares are divided out below, off the loop's critical path.
        attempts_us[i] = f.attempts_us / h;
        totals.fresh += fresh;
        totals.served += f.served;
        totals.gave_up += f.gave_up;
        totals.wasted += f.wasted;
        totals.timed_out += f.timed_out;
    }
    // Branch-free so that it vectorises: with no attempts there are no
    // failures and no US attempts either, so 0 × (1 / tiny) = 0.
    for ((ff, us), (&a, &f)) in run
        .failure_fraction
        .iter_mut()
        .zip(run.us_share.iter_mut())
        .zip(run.attempts.iter().zip(run.failures.iter()))
    {
        let inv = 1.0 / a.max(f64::MIN_POSITIVE);
        *ff = (f * inv).min(1.0);
        *us = (*us * inv).min(1.0);
    }
    totals.queue_ok_end = queue.queue_ok();
    totals.queue_late_end = queue.queue_late();
    totals.orbit_end = queue.orbit();
    run.totals = totals;
}

/// The capacity in users/min at minute `t` under hypotheses `on`.
///
/// With under-provisioning on: `servers_before` until `fix_h`, then
/// `servers_after`. Off: `servers_after` throughout (the counterfactual).
pub fn capacity_at(params: &Params, on: HypothesisSet, t: f64) -> f64 {
    let per = params.get(ParamId::ServerCapacityPerMin);
    let fix = params.get(ParamId::FixH) * 60.0;
    let servers = if on.contains(Hypothesis::Underprovisioning) && t < fix {
        params.get(ParamId::ServersBefore)
    } else {
        params.get(ParamId::ServersAfter)
    };
    servers * per
}

/// The anchor: the record's ordinary traffic at 23:00, in users/min.
pub fn anchor_per_min(params: &Params) -> f64 {
    params.get(ParamId::BaselineUsersPerH) / 60.0
}

/// Ordinary demand at minute `t`, users/min.
pub fn baseline_at(params: &Params, t: f64) -> f64 {
    let swing = params.get(ParamId::BaselineSwing);
    let peak = params.get(ParamId::BaselinePeakHour) * 60.0;
    let cycle = |m: f64| 1.0 + swing * phase(m - peak).cos();
    anchor_per_min(params) * cycle(t) / cycle(ANCHOR_MINUTE_OF_DAY)
}

/// Deadline demand at minute `t` if the hypothesis is on, users/min.
pub fn deadline_at(params: &Params, t: f64) -> f64 {
    let level = params.get(ParamId::DeadlineX) * anchor_per_min(params);
    let onset_min = params.get(ParamId::DeadlineOnsetH) * 60.0;
    let tau = params.get(ParamId::DeadlineSaturationH) * 60.0;
    let deadline = params.get(ParamId::DeadlineH) * 60.0;
    let after = params.get(ParamId::DeadlineAfterH) * 60.0;
    let swing = params.get(ParamId::DeadlineSwing);
    let peak = params.get(ParamId::DeadlinePeakHour) * 60.0;
    let onset =
        1.0 / (1.0 + (-(t - onset_min) / DEADLINE_ONSET_WIDTH_MIN).exp());
    let urgency = if t <= deadline {
        tau / (deadline - t + tau)
    } else {
        (-(t - deadline) / after).exp()
    };
    let rhythm = 1.0 + swing * phase(t - peak).cos();
    level * onset * urgency * rhythm
}

/// Election demand at minute `t` if the hypothesis is on, users/min.
pub fn election_at(params: &Params, t: f64) -> f64 {
    let level = params.get(ParamId::ElectionX) * anchor_per_min(params);
    let onset = params.get(ParamId::ElectionOnsetHour) * 60.0;
    let rise = params.get(ParamId::ElectionRiseH) * 60.0;
    let half_life = params.get(ParamId::ElectionHalfLifeH) * 60.0;
    let x = (t - onset) / rise;
    let shape = if x <= 0.0 {
        0.0
    } else if x < 1.0 {
        x * x * (3.0 - 2.0 * x)
    } else {
        (-(t - onset - rise) / half_life * std::f64::consts::LN_2).exp()
    };
    level * shape
}

fn phase(minutes: f64) -> f64 {
    std::f64::consts::TAU * minutes / DAY_MIN
}

// The demand series are the formulas of `baseline_at`, `deadline_at` and
// `election_at`, evaluated mid-minute, but computed without a
// transcendental function per step: a table for the daily cycles and
// constant factors for exponentials. The test
// `demand_recurrences_match_the_formulas` holds them to 1e-9.
fn fill_demand(params: &Params, on: HypothesisSet, run: &mut Run) {
    let h = STEP_MIN;
    let t0 = 0.5 * h;
    let anchor = anchor_per_min(params);

    let swing = params.get(ParamId::BaselineSwing);
    let peak = params.get(ParamId::BaselinePeakHour) * 60.0;
    let scale =
        anchor / (1.0 + swing * phase(ANCHOR_MINUTE_OF_DAY - peak).cos());
    let cycle = DailyCycle::new(peak);
    for (i, b) in run.demand_baseline.iter_mut().enumerate() {
        *b = scale * (1.0 + swing * cycle.cos(i));
    }

    if on.contains(Hypothesis::Deadline) {
        let level = params.get(ParamId::DeadlineX) * anchor;
        let onset_min = params.get(ParamId::DeadlineOnsetH) * 60.0;
        let tau = params.get(ParamId::DeadlineSaturationH) * 60.0;
        let deadline = params.get(ParamId::DeadlineH) * 60.0;
        let after = params.get(ParamId::DeadlineAfterH) * 60.0;
        let swing = params.get(ParamId::DeadlineSwing);
        let peak = params.get(ParamId::DeadlinePeakHour) * 60.0;
        let rhythm = DailyCycle::new(peak);
        // exp(−(t − onset)/width), falling by a constant factor a step.
        let mut onset_exp =
            (-(t0 - onset_min) / DEADLINE_ONSET_WIDTH_MIN).exp();
        let onset_step = (-h / DEADLINE_ONSET_WIDTH_MIN).exp();
        let mut decay = f64::NAN; // exp(−(t − T)/after), set after T
        let decay_step = (-h / after).exp();
        for (i, d) in run.demand_deadline.iter_mut().enumerate() {
            let t = t0 + i as f64 * h;
            // Before the deadline, onset × urgency share one division.
            let (num, den) = if t <= deadline {
                (tau, (deadline - t + tau) * (1.0 + onset_exp))
            } else {
                if decay.is_nan() {
                    decay = (-(t - deadline) / after).exp();
                } else {
                    decay *= decay_step;
                }
                (decay, 1.0 + onset_exp)
            };
            *d = level * num / den * (1.0 + swing * rhythm.cos(i));
            onset_exp *= onset_step;
        }
    } else {
        run.demand_deadline.fill(0.0);
    }

    if on.contains(Hypothesis::Election) {
        let level = params.get(ParamId::ElectionX) * anchor;
        let onset = params.get(ParamId::ElectionOnsetHour) * 60.0;
        let rise = params.get(ParamId::ElectionRiseH) * 60.0;
        let half_life = params.get(ParamId::ElectionHalfLifeH) * 60.0;
        let rate = std::f64::consts::LN_2 / half_life;
        let inv_rise = 1.0 / rise;
        let mut decay = f64::NAN;
        let decay_step = (-h * rate).exp();
        for (i, e) in run.demand_election.iter_mut().enumerate() {
            let t = t0 + i as f64 * h;
            let x = (t - onset) * inv_rise;
            let shape = if x <= 0.0 {
                0.0
            } else if x < 1.0 {
                x * x * (3.0 - 2.0 * x)
            } else {
                if decay.is_nan() {
                    decay = (-(t - onset - rise) * rate).exp();
                } else {
                    decay *= decay_step;
                }
                decay
            };
            *e = level * shape;
        }
    } else {
        run.demand_election.fill(0.0);
    }
}

/// cos(2π(t − peak)/day) at the middle of each minute-step, from a
/// table of the day's minutes shifted by the peak: cos(θ − φ) =
/// cos θ·cos φ + sin θ·sin φ, so no step depends on the one before.
struct DailyCycle {
    table: &'static [(f64, f64)],
    cos_peak: f64,
    sin_peak: f64,
}

impl DailyCycle {
    fn new(peak_min: f64) -> DailyCycle {
        static TABLE: OnceLock<Vec<(f64, f64)>> = OnceLock::new();
        let table = TABLE.get_or_init(|| {
            (0..MINUTES_PER_DAY)
                .map(|k| {
                    let (sin, cos) =
                        phase(k as f64 + 0.5 * STEP_MIN).sin_cos();
                    (cos, sin)
                })
                .collect()
        });
        let (sin_peak, cos_peak) = phase(peak_min).sin_cos();
        DailyCycle { table, cos_peak, sin_peak }
    }

    #[inline]
    fn cos(&self, step: usize) -> f64 {
        let (c, s) = self.table[step % MINUTES_PER_DAY];
        c * self.cos_peak + s * self.sin_peak
    }
}

fn fill_capacity(params: &Params, on: HypothesisSet, capacity: &mut [f64]) {
    // Capacity is a step function; find where it changes once.
    let before = capacity_at(params, on, 0.0);
    let after = capacity_at(params, on, f64::INFINITY);
    let fix = params.get(ParamId::FixH) * 60.0;
    // Step i has before-capacity while i < fix, i.e. i < ceil(fix).
    let split = if before == after {
        0
    } else {
        (fix.ceil().max(0.0) as usize).min(capacity.len())
    };
    capacity[..split].fill(before);
    capacity[split..].fill(after);
}
