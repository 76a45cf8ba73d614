//! The outage simulation: a scenario's model, a set of hypotheses and
//! parameter values in, an outage curve out.
//!
//! # The model, in words
//!
//! Time runs in one-minute steps across the scenario's window. Each
//! minute, people arrive at the site; the servers serve as many as they
//! can; the rest wait in a queue, and some of those who wait too long,
//! or find the queue full, give up and come back later. All quantities
//! are *users* (a visit) and rates are users per minute.
//!
//! **Fresh demand** is the sum of the scenario's demand components that
//! are on: always-on ones (ordinary traffic), and the ones a reader's
//! hypotheses switch on. Each has a shape ([`Shape`]): a daily cycle
//! anchored to a record figure, a deadline rush (the regularised
//! deadline law of Alfi, Parisi & Pietronero 2007), a news pulse with
//! onset, rise and half-life, or a step. A component may carry a share
//! of users from the scenario's *segment* (e.g. U.S. addresses).
//!
//! **Capacity** C(t) = servers(t) × users one server serves a minute ÷
//! the cost multiplier(t). Servers and cost components change it over a
//! window while they are on; "off" for a servers component means the
//! capacity the scenario declares as its counterfactual.
//!
//! **Queue.** Attempts (fresh arrivals plus returning retries) are served
//! at once while there is spare capacity. Beyond that they join a queue
//! that holds at most K = C × the longest wait; arrivals that find it
//! full get the error page at once (*blocked*). A user who joins the
//! queue faces a wait w = (queue ahead) / C. Users' patience is
//! exponential with mean `timeout` (as in the Erlang-A and Mandelbaum et
//! al. models), so a share exp(−w / timeout) is still there when served.
//! The others time out. The crucial detail, the sustaining effect of a
//! *metastable failure* (Bronson et al. 2021; Huang et al. 2022): the
//! server cannot tell that a queued user has left, so it still spends
//! capacity on their request. Under a long queue most of the capacity
//! goes to users who are already gone, and the useful throughput
//! collapses.
//!
//! **Retries.** A share of failed users (blocked or timed out) joins a
//! retry orbit R and returns at rate R / retry wait; the rest give up for
//! good. Each minute,
//!
//! - attempts A = fresh + returning retries;
//! - failures F = blocked + timed out; failure fraction f = F / A, the
//!   **outage curve**;
//! - R gains the retry share × F and loses the returning retries.
//!
//! The model tracks how many of the queued users will be served in time
//! and how many will not, and the segment's share of the retry orbit, so
//! the segment's share of arrivals includes its retriers.
//!
//! **Metastability.** Once the queue is long (w ≫ timeout), almost every
//! admitted user fails, so attempts settle near λ₀ / (1 − p) with p the
//! retry share. The site stays down, even after the trigger has passed,
//! as long as λ₀ / (1 − p) exceeds C; when fresh demand is below C but
//! above (1 − p)·C the site is *vulnerable*: healthy if it starts
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

use crate::hypothesis::HypothesisSet;
use crate::model::{Behaviour, ComponentKind, Model, Rhythm, Shape, Value};
use crate::params::{ParamError, Params};
use crate::scenario::Scenario;

/// Length of one step, in minutes.
pub const STEP_MIN: f64 = 1.0;

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
    /// Of which from the scenario's segment.
    orbit_us: f64,
    /// The step length `stay` was computed for.
    stay_h: f64,
    /// Share of the orbit that stays for a step of `stay_h`.
    stay: f64,
    /// 1 − `stay`: the share that comes back.
    go: f64,
    /// The capacity the following were computed for.
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
    /// A full queue's step at this capacity and step length, for a
    /// queue of `full.queue` users (NaN: none); see [`Full`].
    full: Full,
}

/// What a step of a full queue in overload does not depend on: with the
/// queue at `queue` users and arrivals above capacity, the servers admit
/// exactly their capacity and the queue stays where it is, so everything
/// but the retry orbit and the queue's make-up is the same from step to
/// step. Its make-up settles to a fixed point within a few steps; the
/// last step's is remembered (`ok_in` → `ok_out`, `drained_ok`), so a
/// settled queue costs no arithmetic at all.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Full {
    /// The queue length these are for (NaN: none).
    queue: f64,
    /// Admitted users who will be served in time.
    admitted_ok: f64,
    /// Admitted users who will have timed out.
    admitted_late: f64,
    /// The queue plus the admissions.
    pool: f64,
    /// Users the servers work off.
    drained: f64,
    /// 1 / `pool`.
    inv_pool: f64,
    /// The survival share at this length.
    survival: f64,
    /// The orbit's factor over a step: what stays, plus the retry share
    /// of what comes back (it fails again).
    orbit_keep: f64,
    /// The share of the pool left after the servers' work.
    keep: f64,
    /// `admitted_ok × keep`.
    admitted_ok_kept: f64,
    /// The last step's make-up of the queue before, after, and the
    /// served users it gave.
    ok_in: f64,
    /// See `ok_in`.
    ok_out: f64,
    /// See `ok_in`.
    drained_ok: f64,
}

impl Full {
    /// The queue's make-up after a step that starts with `queue_ok` users
    /// who will be served in time: (`queue_ok`, after, served). The
    /// servers drain the pool in proportion, so what stays is the share
    /// `keep` of the pool; written as one multiply-add on `queue_ok` for a
    /// short dependency chain.
    #[inline(always)]
    fn make_up(&self, queue_ok: f64) -> (f64, f64, f64) {
        let pool_ok = queue_ok + self.admitted_ok;
        let served = self.drained * (pool_ok * self.inv_pool);
        let after = (queue_ok * self.keep + self.admitted_ok_kept)
            .clamp(0.0, self.queue);
        (queue_ok, after, served)
    }

    const NONE: Full = Full {
        queue: f64::NAN,
        admitted_ok: 0.0,
        admitted_late: 0.0,
        pool: 0.0,
        drained: 0.0,
        inv_pool: 0.0,
        survival: 0.0,
        orbit_keep: 0.0,
        keep: 0.0,
        admitted_ok_kept: 0.0,
        ok_in: f64::NAN,
        ok_out: 0.0,
        drained_ok: 0.0,
    };
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
    /// How much the arrival rate fluctuates within a minute, as a
    /// coefficient of variation (0: a perfectly smooth fluid).
    pub burst_cv: f64,
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
            burst_cv: 0.0,
        })
    }

    /// The configuration a model's behaviour describes with parameter
    /// values `p`.
    pub fn from_behaviour(b: &Behaviour, p: &[f64]) -> QueueConfig {
        QueueConfig {
            timeout_min: b.timeout.get(p).max(f64::MIN_POSITIVE),
            max_wait_min: b.queue_max_wait.get(p).max(f64::MIN_POSITIVE),
            retry_fraction: b.retry.get(p).clamp(0.0, 0.999),
            retry_wait_min: b.retry_wait.get(p).max(f64::MIN_POSITIVE),
            burst_cv: b.burst.get(p).clamp(0.0, 1.0),
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
            go: 0.0,
            cap: f64::NAN,
            inv_wait_scale: 0.0,
            limit: 0.0,
            full_h: f64::NAN,
            full_pool: f64::NAN,
            inv_full_pool: 0.0,
            exp_at: f64::NAN,
            exp_val: 1.0,
            full: Full::NONE,
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
        self.prepare(capacity, h);
        self.advance(fresh, fresh_us, capacity, h)
    }

    /// The share of the orbit that comes back in a step of `h`.
    #[inline(always)]
    fn go_for(&mut self, h: f64) -> f64 {
        if h != self.stay_h {
            self.stay_h = h;
            self.stay = (-h / self.cfg.retry_wait_min).exp();
            self.go = 1.0 - self.stay;
            self.full = Full::NONE;
        }
        self.go
    }

    /// Updates what depends only on the step length and the capacity.
    #[inline(always)]
    fn prepare(&mut self, capacity: f64, h: f64) {
        self.go_for(h);
        if capacity != self.cap || h != self.full_h {
            self.cap = capacity;
            self.full_h = h;
            self.inv_wait_scale = 1.0 / (capacity * self.cfg.timeout_min);
            self.limit = capacity * self.cfg.max_wait_min;
            self.full_pool = self.limit + capacity * h;
            self.inv_full_pool = 1.0 / self.full_pool;
            self.exp_at = f64::NAN;
            self.full = Full::NONE;
        }
    }

    /// One step, once [`FluidQueue::prepare`] has seen `capacity` and
    /// `h` (both non-negative, `fresh_us` within `fresh`). Inlined into
    /// the simulation's loop, where `h` is a constant.
    ///
    /// Performance notes: each step depends on the one before through
    /// the orbit, the queue and its make-up, so the length of those
    /// dependency chains, not the number of operations, sets the speed.
    /// The common cases are written to keep them short: a quiet minute
    /// only decays the orbit; a minute of a full queue in overload
    /// updates the orbit with one multiply-add (its other flows follow
    /// from it off the chain) and reuses everything else
    /// ([`Full`]); the segment's orbit is updated as one multiply-add
    /// too. The rest is the general fluid step.
    #[inline(always)]
    fn advance(
        &mut self,
        fresh: f64,
        fresh_us: f64,
        capacity: f64,
        h: f64,
    ) -> StepFlows {
        // Retries return at rate orbit / retry_wait: exact decay. (The
        // branch spares healthy runs a dependency chain through the
        // orbit.)
        let orbit = self.orbit;
        let orbit_us = self.orbit_us;
        let (retries, retries_us) = if orbit > 0.0 {
            (orbit * self.go, orbit_us * self.go)
        } else {
            (0.0, 0.0)
        };
        let attempts = fresh + retries;
        let attempts_us = fresh_us + retries_us;
        let queued = self.queue;
        let rate = if h > 0.0 { attempts / h } else { 0.0 };
        let retry = self.cfg.retry_fraction;

        // The common healthy case: no queue, demand within capacity.
        // A smooth fluid serves everyone; real arrivals come in bursts,
        // and what a burst brings above capacity fails at once (the
        // site's "temporary outages" before it tips over).
        if queued == 0.0 && rate < capacity {
            let lost = burst_overflow(rate, capacity, self.cfg.burst_cv) * h;
            if lost <= 0.0 {
                if orbit > 0.0 {
                    (self.orbit, self.orbit_us) =
                        flush(orbit - retries, orbit_us - retries_us);
                }
                return StepFlows {
                    retries,
                    attempts,
                    attempts_us,
                    served: attempts,
                    ..StepFlows::default()
                };
            }
            let lost = lost.min(attempts);
            let to_orbit = retry * lost;
            self.orbit = (orbit - retries) + to_orbit;
            // attempts > 0, since lost > 0.
            self.orbit_us =
                (orbit_us - retries_us) + to_orbit * (attempts_us / attempts);
            return StepFlows {
                retries,
                attempts,
                attempts_us,
                served: attempts - lost,
                blocked: lost,
                failures: lost,
                gave_up: lost - to_orbit,
                ..StepFlows::default()
            };
        }

        if queued >= self.limit
            && rate >= capacity
            && capacity > 0.0
            && h > 0.0
        {
            return self.full_step(
                (fresh, fresh_us),
                (retries, attempts, attempts_us),
                h,
            );
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
            // A queue that empties within the step ends it empty, not
            // holding the rounding residue of queued − (C − rate)·t,
            // which would keep the next step off the healthy path.
            let drain = capacity - rate;
            let (t_empty, low) = if queued < drain * h {
                (queued / drain, 0.0)
            } else {
                (h, (queued - drain * h).max(0.0))
            };
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
        let to_orbit = retry * failures;
        self.orbit = (orbit - retries) + to_orbit;
        self.orbit_us = orbit_us - retries_us;
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

    /// Makes [`FluidQueue::full`] describe the queue's current length.
    #[inline(always)]
    fn full_consts(&mut self, h: f64) {
        let queued = self.queue;
        if queued == self.full.queue {
            return;
        }
        let capacity = self.cap;
        let admitted = capacity * h;
        let survival = self.survival(queued, queued);
        let admitted_ok = admitted * survival;
        let pool = queued + admitted;
        let drained = (pool - queued).max(0.0);
        let inv_pool = if pool == self.full_pool {
            self.inv_full_pool
        } else {
            1.0 / pool
        };
        let keep = 1.0 - drained * inv_pool;
        self.full = Full {
            queue: queued,
            admitted_ok,
            admitted_late: admitted - admitted_ok,
            pool,
            drained,
            inv_pool,
            survival,
            orbit_keep: self.stay + self.cfg.retry_fraction * self.go,
            keep,
            admitted_ok_kept: admitted_ok * keep,
            ok_in: f64::NAN,
            ok_out: 0.0,
            drained_ok: 0.0,
        };
    }

    /// A step of a full queue (at least at its limit) while attempts
    /// reach capacity: the servers admit `capacity × h` users, the rest
    /// are blocked, and the queue keeps its length. The same fluid step
    /// as the general case with no time to fill, its arithmetic
    /// rearranged so that the orbit's chain is one multiply-add.
    #[inline(always)]
    fn full_step(
        &mut self,
        (fresh, fresh_us): (f64, f64),
        (retries, attempts, attempts_us): (f64, f64, f64),
        h: f64,
    ) -> StepFlows {
        let queued = self.queue;
        let capacity = self.cap;
        let retry = self.cfg.retry_fraction;
        self.full_consts(h);
        let c = &mut self.full;
        // The survival share at the queue's length is the exponential
        // the next general step may start from.
        self.exp_at = queued;
        self.exp_val = c.survival;
        if self.queue_ok != c.ok_in {
            (c.ok_in, c.ok_out, c.drained_ok) = c.make_up(self.queue_ok);
        }
        let drained_ok = c.drained_ok;
        self.queue_ok = c.ok_out;

        let blocked = (attempts / h - capacity) * h;
        let failures = blocked + c.admitted_late;
        let to_orbit = retry * failures;
        // orbit − retries + to_orbit, with retries = orbit × go and
        // to_orbit = retry × (fresh + retries − capacity·h + late).
        self.orbit = self.orbit * c.orbit_keep
            + retry * ((fresh - capacity * h) + c.admitted_late);
        // The same for the segment: it makes up attempts_us / attempts
        // of the users who join the orbit.
        let k = to_orbit / attempts;
        self.orbit_us =
            self.orbit_us * (self.stay + k * self.go) + k * fresh_us;
        StepFlows {
            retries,
            attempts,
            attempts_us,
            served: drained_ok,
            wasted: c.drained - drained_ok,
            blocked,
            timed_out: c.admitted_late,
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

    /// Runs the queue over a window of one-minute steps (the simulation's
    /// loop), writing each minute's flows as rates and adding up the
    /// totals.
    ///
    /// Each minute is what [`FluidQueue::step`] would give (to rounding),
    /// but the common stretches run in loops of their own that keep the
    /// state in registers and skip what cannot happen there:
    ///
    /// - *quiet*: no queue, no orbit, demand far below capacity: everyone
    ///   is served, and the minutes are independent of each other;
    /// - *healthy*: no queue and demand below capacity, with an orbit
    ///   decaying or bursts spilling over;
    /// - *full*: a full queue in overload at constant capacity.
    ///
    /// The minutes in between (a queue filling or draining) take the
    /// general step.
    fn run_minutes(&mut self, mut m: Minutes<'_>, totals: &mut Totals) {
        let n = m.fresh.len();
        let mut i = 0;
        while i < n {
            if self.queue == 0.0 {
                if self.orbit == 0.0 {
                    i = self.quiet_run(&mut m, i, totals);
                }
                let end = self.healthy_run(&mut m, i, totals);
                if end > i {
                    i = end;
                    continue;
                }
                if i >= n {
                    break;
                }
            }
            let c = m.cap[i].max(0.0);
            self.prepare(c, STEP_MIN);
            if self.queue >= self.limit && c > 0.0 {
                let end = self.full_run(&mut m, i, totals);
                if end > i {
                    i = end;
                    continue;
                }
            }
            let h = STEP_MIN;
            let fresh = m.fresh[i] * h;
            let f = self.step(fresh, m.fresh_us[i] * h, m.cap[i], h);
            m.retries[i] = f.retries / h;
            m.attempts[i] = f.attempts / h;
            m.served[i] = f.served / h;
            m.failures[i] = f.failures / h;
            m.attempts_us[i] = f.attempts_us / h;
            totals.fresh += fresh;
            totals.served += f.served;
            totals.gave_up += f.gave_up;
            totals.wasted += f.wasted;
            totals.timed_out += f.timed_out;
            i += 1;
        }
    }

    /// Quiet minutes from `from` on (no queue, no orbit): returns the
    /// first minute that is not quiet. A minute is quiet when demand is
    /// more than eight standard deviations below capacity, so that
    /// [`burst_overflow`] is zero; everyone is then served at once.
    fn quiet_run(
        &mut self,
        m: &mut Minutes<'_>,
        from: usize,
        totals: &mut Totals,
    ) -> usize {
        let h = STEP_MIN;
        let cv = self.cfg.burst_cv;
        let quiet = |f: f64, c: f64| {
            let (f, c) = ((f * h).max(0.0) / h, c.max(0.0));
            let sigma = cv * f;
            (f < c) & ((sigma <= 0.0) | (c - f > 8.0 * sigma))
        };
        // Eight minutes at a time, without branches, where it can.
        let n = m.fresh.len();
        let mut end = from;
        while end + 8 <= n {
            let all = m.fresh[end..end + 8]
                .iter()
                .zip(&m.cap[end..end + 8])
                .fold(true, |all, (&f, &c)| all & quiet(f, c));
            if !all {
                break;
            }
            end += 8;
        }
        while end < n && quiet(m.fresh[end], m.cap[end]) {
            end += 1;
        }
        let r = from..end;
        for ((((a, s), (re, fa)), us), (&x, &xu)) in m.attempts[r.clone()]
            .iter_mut()
            .zip(&mut m.served[r.clone()])
            .zip(
                m.retries[r.clone()]
                    .iter_mut()
                    .zip(&mut m.failures[r.clone()]),
            )
            .zip(&mut m.attempts_us[r.clone()])
            .zip(m.fresh[r.clone()].iter().zip(&m.fresh_us[r.clone()]))
        {
            let x = (x * h).max(0.0);
            *a = x / h;
            *s = x / h;
            *re = 0.0;
            *fa = 0.0;
            *us = (xu * h).max(0.0).min(x) / h;
        }
        totals.fresh += sum(&m.fresh[r.clone()]) * h;
        totals.served += sum(&m.served[r]) * h;
        end
    }

    /// Healthy minutes from `from` on (no queue, demand below capacity):
    /// returns the first minute whose attempts reach capacity.
    fn healthy_run(
        &mut self,
        m: &mut Minutes<'_>,
        from: usize,
        totals: &mut Totals,
    ) -> usize {
        let h = STEP_MIN;
        let (go, retry, cv) =
            (self.go_for(h), self.cfg.retry_fraction, self.cfg.burst_cv);
        let (mut orbit, mut orbit_us) = (self.orbit, self.orbit_us);
        let (mut t_fresh, mut t_served, mut t_gave_up) = (0.0, 0.0, 0.0);
        let ([fresh_s, fresh_us_s, cap], [o_re, o_at, o_se, o_fa, o_us]) =
            m.parts();
        let n = fresh_s.len();
        let mut i = from;
        while i < n {
            let raw = fresh_s[i] * h;
            let fresh = raw.max(0.0);
            let fresh_us = (fresh_us_s[i] * h).max(0.0).min(fresh);
            let c = cap[i].max(0.0);
            // An empty orbit gives 0 × go = 0: the same as no retries.
            let retries = orbit * go;
            let retries_us = orbit_us * go;
            let attempts = fresh + retries;
            let rate = attempts / h;
            if rate >= c || rate.is_nan() {
                break;
            }
            let attempts_us = fresh_us + retries_us;
            let lost = burst_overflow(rate, c, cv) * h;
            let (served, failures, gave_up);
            if lost <= 0.0 {
                orbit -= retries;
                orbit_us -= retries_us;
                (orbit, orbit_us) = flush(orbit, orbit_us);
                (served, failures, gave_up) = (attempts, 0.0, 0.0);
            } else {
                let lost = lost.min(attempts);
                let to_orbit = retry * lost;
                orbit = (orbit - retries) + to_orbit;
                orbit_us = (orbit_us - retries_us)
                    + to_orbit * (attempts_us / attempts);
                (served, failures, gave_up) =
                    (attempts - lost, lost, lost - to_orbit);
            }
            o_re[i] = retries / h;
            o_at[i] = attempts / h;
            o_se[i] = served / h;
            o_fa[i] = failures / h;
            o_us[i] = attempts_us / h;
            t_fresh += raw;
            t_served += served;
            t_gave_up += gave_up;
            i += 1;
        }
        (self.orbit, self.orbit_us) = (orbit, orbit_us);
        totals.fresh += t_fresh;
        totals.served += t_served;
        totals.gave_up += t_gave_up;
        i
    }

    /// Minutes of a full queue in overload from `from` on, at the
    /// capacity [`FluidQueue::prepare`] last saw: returns the first
    /// minute whose capacity differs or whose attempts fall below it.
    fn full_run(
        &mut self,
        m: &mut Minutes<'_>,
        from: usize,
        totals: &mut Totals,
    ) -> usize {
        let h = STEP_MIN;
        let c = self.cap;
        self.full_consts(h);
        let f = self.full;
        let (go, stay, retry) = (self.go, self.stay, self.cfg.retry_fraction);
        let (mut orbit, mut orbit_us) = (self.orbit, self.orbit_us);
        let mut queue_ok = self.queue_ok;
        let (mut ok_in, mut ok_out, mut ok_drained) =
            (f.ok_in, f.ok_out, f.drained_ok);
        let mut t = [0.0; 5];
        let ([fresh_s, fresh_us_s, cap], [o_re, o_at, o_se, o_fa, o_us]) =
            m.parts();
        let n = fresh_s.len();
        let mut i = from;
        while i < n && cap[i].max(0.0) == c {
            let raw = fresh_s[i] * h;
            let fresh = raw.max(0.0);
            let retries = orbit * go;
            let attempts = fresh + retries;
            let rate = attempts / h;
            if rate < c || rate.is_nan() {
                break;
            }
            // The queue's make-up: settled, or one more step towards it.
            if queue_ok != ok_in {
                (ok_in, ok_out, ok_drained) = f.make_up(queue_ok);
            }
            queue_ok = ok_out;
            let blocked = (rate - c) * h;
            let failures = blocked + f.admitted_late;
            let to_orbit = retry * failures;
            orbit = orbit * f.orbit_keep
                + retry * ((fresh - c * h) + f.admitted_late);
            o_re[i] = retries / h;
            o_at[i] = attempts / h;
            o_se[i] = ok_drained / h;
            o_fa[i] = failures / h;
            t[0] += raw;
            t[1] += ok_drained;
            t[2] += failures - to_orbit;
            t[3] += f.drained - ok_drained;
            t[4] += f.admitted_late;
            i += 1;
        }
        // The segment's orbit, in a pass of its own: a share attempts_us /
        // attempts of those who join the orbit are from the segment. Its
        // divisions do not wait on the orbit's chain here, so they run
        // ahead of the multiply-add chain.
        for k in from..i {
            let fresh = (fresh_s[k] * h).max(0.0);
            let fresh_us = (fresh_us_s[k] * h).max(0.0).min(fresh);
            o_us[k] = (fresh_us + orbit_us * go) / h;
            let share = retry * (o_fa[k] * h) / (o_at[k] * h);
            orbit_us = orbit_us * (stay + share * go) + share * fresh_us;
        }
        (self.orbit, self.orbit_us, self.queue_ok) =
            (orbit, orbit_us, queue_ok);
        (self.full.ok_in, self.full.ok_out, self.full.drained_ok) =
            (ok_in, ok_out, ok_drained);
        if i > from {
            self.exp_at = self.queue;
            self.exp_val = f.survival;
        }
        totals.fresh += t[0];
        totals.served += t[1];
        totals.gave_up += t[2];
        totals.wasted += t[3];
        totals.timed_out += t[4];
        i
    }
}

/// The rate lost to bursts when arrivals average `rate` per minute with
/// coefficient of variation `cv` against `capacity`: E[(X − C)⁺] for a
/// Gaussian X with mean `rate` and standard deviation `cv`·`rate`, the
/// Gaussian approximation of overflow in bufferless multiplexing
/// (Guérin, Ahmadi & Naghshineh 1991; Roberts, Mocci & Virtamo 1996).
/// Zero for a smooth fluid (`cv` = 0) and when capacity is more than
/// eight standard deviations away.
///
/// # Examples
/// ```
/// use claimcheck_model::sim::burst_overflow;
/// assert_eq!(burst_overflow(90.0, 100.0, 0.0), 0.0);
/// // At capacity, about 0.4 standard deviations are lost.
/// let at = burst_overflow(100.0, 100.0, 0.1);
/// assert!((at - 10.0 * 0.398_942).abs() < 1e-3);
/// assert!(burst_overflow(50.0, 100.0, 0.1) < 1e-12);
/// ```
#[inline]
pub fn burst_overflow(rate: f64, capacity: f64, cv: f64) -> f64 {
    let sigma = cv * rate;
    if sigma <= 0.0 {
        return 0.0;
    }
    let gap = capacity - rate;
    // β > 8, tested first without a division (2³·σ is exact).
    if gap > 8.0 * sigma {
        return 0.0;
    }
    let beta = gap / sigma;
    if beta > 8.0 {
        return 0.0;
    }
    // σ·φ(β) − (C − rate)·Q(β), with Q(β) = erfc(β/√2)/2 as in [`erfc`].
    // The work sits on the orbit's dependency chain in the minutes
    // before a site tips, so it is arranged for a short chain: one
    // exponential serves both φ and erfc (exp(−z²) = exp(−β²/2) for
    // z = β/√2), A&S's t = 1/(1 + p·z) comes straight from σ and the
    // gap, and the polynomial is evaluated in Estrin's scheme.
    let e = (-0.5 * beta * beta).exp();
    let t =
        sigma / (sigma + ERFC_P * std::f64::consts::FRAC_1_SQRT_2 * gap.abs());
    let poly = erfc_poly(t);
    let r = poly * e; // erfc(|β|/√2)
    let tail = if beta >= 0.0 { 0.5 * r } else { 1.0 - 0.5 * r };
    (sigma * (e * 0.398_942_280_401_432_7) - gap * tail).max(0.0)
}

/// A&S 7.1.26's coefficients: erfc(z) ≈ t·(a₁ + a₂t + a₃t² + a₄t³ +
/// a₅t⁴)·exp(−z²), t = 1/(1 + p·z), z ≥ 0.
const ERFC_P: f64 = 0.327_591_1;
const ERFC_A: [f64; 5] = [
    0.254_829_592,
    -0.284_496_736,
    1.421_413_741,
    -1.453_152_027,
    1.061_405_429,
];

/// t·(a₁ + a₂t + a₃t² + a₄t³ + a₅t⁴), in Estrin's scheme.
#[inline(always)]
fn erfc_poly(t: f64) -> f64 {
    let [a1, a2, a3, a4, a5] = ERFC_A;
    let t2 = t * t;
    let lo = a1 + a2 * t;
    let mid = a3 + a4 * t;
    t * ((lo + t2 * mid) + (t2 * t2) * a5)
}

/// The complementary error function, to about 1e-7 (Abramowitz &
/// Stegun 7.1.26, extended to negative arguments by symmetry).
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741
                    + t * (-1.453_152_027 + t * 1.061_405_429))));
    let r = poly * (-z * z).exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
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
/// index = minutes since the scenario window's start) and totals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    /// The hypotheses that were on.
    pub hypotheses: HypothesisSet,
    /// Fresh demand per component (index as in the model's components;
    /// empty for non-demand components and for demand that is off).
    pub demand: Vec<Vec<f64>>,
    /// Total fresh demand, users/min.
    pub fresh: Vec<f64>,
    /// Of which from the segment, users/min.
    pub fresh_segment: Vec<f64>,
    /// Failed users coming back, users/min.
    pub retries: Vec<f64>,
    /// Fresh demand plus retries, users/min.
    pub attempts: Vec<f64>,
    /// Capacity, users/min.
    pub capacity: Vec<f64>,
    /// Capacity before any cost change (servers × per-server), users/min.
    pub nominal_capacity: Vec<f64>,
    /// Users served in time (successes), users/min.
    pub served: Vec<f64>,
    /// Failed attempts (blocked or timed out), users/min.
    pub failures: Vec<f64>,
    /// Failures ÷ attempts, 0–1: the outage curve.
    pub failure_fraction: Vec<f64>,
    /// The segment's share of attempts, 0–1. Failures hit all attempts
    /// alike, so this is also its share of successful users.
    pub segment_share: Vec<f64>,
    /// Run-wide sums.
    pub totals: Totals,
}

impl Run {
    /// An empty run; [`simulate_into`] sizes it.
    pub fn new() -> Run {
        Run::default()
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.failure_fraction.len()
    }

    /// Whether the run has no steps.
    pub fn is_empty(&self) -> bool {
        self.failure_fraction.is_empty()
    }

    /// Fresh demand of component `index` (all zero if it is off or not
    /// a demand component).
    pub fn demand_of(&self, index: usize) -> &[f64] {
        self.demand.get(index).map_or(&[][..], Vec::as_slice)
    }
}

/// Simulates `scenario` with parameter values `params` and the
/// hypotheses in `on`.
///
/// # Examples
/// ```
/// use claimcheck_model::sim::simulate;
/// use claimcheck_model::{bundled, HypothesisSet, Params};
/// let s = bundled::default_scenario();
/// let run = simulate(&s, &Params::defaults(&s.params), HypothesisSet::NONE);
/// // Ordinary traffic alone never troubles the site.
/// assert!(run.failure_fraction.iter().all(|&f| f == 0.0));
/// ```
pub fn simulate(
    scenario: &Scenario,
    params: &Params,
    on: HypothesisSet,
) -> Run {
    let mut run = Run::new();
    simulate_into(scenario, params, on, &mut run);
    run
}

/// Simulates into `run`, reusing its buffers: no allocation once `run`
/// has been used for the same scenario.
pub fn simulate_into(
    scenario: &Scenario,
    params: &Params,
    on: HypothesisSet,
    run: &mut Run,
) {
    let n = scenario.window_end.max(0) as usize;
    let model = &scenario.model;
    let p = params.values();
    for v in [
        &mut run.fresh,
        &mut run.fresh_segment,
        &mut run.retries,
        &mut run.attempts,
        &mut run.capacity,
        &mut run.nominal_capacity,
        &mut run.served,
        &mut run.failures,
        &mut run.failure_fraction,
        &mut run.segment_share,
    ] {
        v.resize(n, 0.0);
    }
    run.demand.resize_with(model.components.len(), Vec::new);
    run.hypotheses = on;
    let start_minute_of_day = usize::from(scenario.clock.start.hour) * 60
        + usize::from(scenario.clock.start.minute);
    fill_demand(model, p, on, start_minute_of_day, run);
    fill_capacity(model, p, on, run);

    let mut queue =
        FluidQueue::new(QueueConfig::from_behaviour(&model.behaviour, p));
    let mut totals = Totals::default();
    // Slicing every series to n up front lets the compiler drop the
    // bounds checks inside the loops.
    let fresh_s = &run.fresh[..n];
    let seg_s = &run.fresh_segment[..n];
    let cap = &run.capacity[..n];
    let retries = &mut run.retries[..n];
    let attempts = &mut run.attempts[..n];
    let served = &mut run.served[..n];
    let failures = &mut run.failures[..n];
    let attempts_seg = &mut run.segment_share[..n];
    queue.run_minutes(
        Minutes {
            fresh: fresh_s,
            fresh_us: seg_s,
            cap,
            retries,
            attempts,
            served,
            failures,
            attempts_us: attempts_seg,
        },
        &mut totals,
    );
    // Branch-free so that it vectorises: with no attempts there are no
    // failures and no segment attempts either, so 0 × (1 / tiny) = 0.
    for ((ff, seg), (&a, &f)) in run
        .failure_fraction
        .iter_mut()
        .zip(run.segment_share.iter_mut())
        .zip(run.attempts.iter().zip(run.failures.iter()))
    {
        let inv = 1.0 / a.max(f64::MIN_POSITIVE);
        *ff = (f * inv).min(1.0);
        *seg = (*seg * inv).min(1.0);
    }
    totals.queue_ok_end = queue.queue_ok();
    totals.queue_late_end = queue.queue_late();
    totals.orbit_end = queue.orbit();
    run.totals = totals;
}

/// An orbit decayed into subnormal numbers is empty: arithmetic on them
/// is very slow, and they hold fewer than 1e-307 users. An empty orbit
/// has no segment share either.
#[inline(always)]
fn flush(orbit: f64, orbit_us: f64) -> (f64, f64) {
    if orbit < f64::MIN_POSITIVE {
        (0.0, 0.0)
    } else if orbit_us < f64::MIN_POSITIVE {
        (orbit, 0.0)
    } else {
        (orbit, orbit_us)
    }
}

/// The per-minute series [`FluidQueue::run_minutes`] reads and writes,
/// all of one length.
struct Minutes<'a> {
    fresh: &'a [f64],
    fresh_us: &'a [f64],
    cap: &'a [f64],
    retries: &'a mut [f64],
    attempts: &'a mut [f64],
    served: &'a mut [f64],
    failures: &'a mut [f64],
    attempts_us: &'a mut [f64],
}

impl Minutes<'_> {
    /// Every series cut to the same length, so that the compiler can see
    /// that one bounds check covers them all.
    #[inline(always)]
    fn parts(&mut self) -> ([&[f64]; 3], [&mut [f64]; 5]) {
        let n = self.fresh.len();
        (
            [&self.fresh[..n], &self.fresh_us[..n], &self.cap[..n]],
            [
                &mut self.retries[..n],
                &mut self.attempts[..n],
                &mut self.served[..n],
                &mut self.failures[..n],
                &mut self.attempts_us[..n],
            ],
        )
    }
}

/// A sum in four interleaved parts, so that the additions do not wait
/// for each other.
fn sum(v: &[f64]) -> f64 {
    let mut acc = [0.0; 4];
    let mut chunks = v.chunks_exact(4);
    for c in &mut chunks {
        for (a, &x) in acc.iter_mut().zip(c) {
            *a += x;
        }
    }
    let rest: f64 = chunks.remainder().iter().sum();
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + rest
}

/// Whether component `index` is on under `on`: always-on components
/// are, the others when their hypothesis is.
pub fn component_on(model: &Model, index: usize, on: HypothesisSet) -> bool {
    model.components[index].hypothesis.is_none_or(|h| on.contains(h))
}

/// The level of demand component `index` in users/min (a relative
/// level times the level it refers to).
pub fn level_of(model: &Model, index: usize, p: &[f64]) -> f64 {
    match model.components[index].kind {
        ComponentKind::Demand { level, relative_to: None, .. } => level.get(p),
        ComponentKind::Demand { level, relative_to: Some(r), .. } => {
            level.get(p) * level_of(model, r, p)
        }
        _ => 0.0,
    }
}

fn phase(minutes: f64) -> f64 {
    std::f64::consts::TAU * minutes / DAY_MIN
}

/// Demand component `index` at minute `t` (since the window's start),
/// users/min, by its formula; [`simulate_into`] computes the same
/// without a transcendental function per step (the test
/// `demand_recurrences_match_the_formulas` holds them together).
pub fn demand_at(
    model: &Model,
    index: usize,
    p: &[f64],
    start_minute_of_day: f64,
    t: f64,
) -> f64 {
    let ComponentKind::Demand { shape, .. } = model.components[index].kind
    else {
        return 0.0;
    };
    let level = level_of(model, index, p);
    let day = |m: f64| m + start_minute_of_day;
    let rhythm = |r: Option<Rhythm>, m: f64| {
        r.map_or(1.0, |r| {
            1.0 + r.swing.get(p) * phase(day(m) - r.peak.get(p)).cos()
        })
    };
    match shape {
        Shape::DailyCycle { anchor, rhythm: r } => {
            let swing = r.swing.get(p);
            let peak = r.peak.get(p);
            let norm = anchor
                .map_or(1.0, |a| 1.0 + swing * phase(a.get(p) - peak).cos());
            level * (1.0 + swing * phase(day(t) - peak).cos()) / norm
        }
        Shape::DeadlineRush {
            onset,
            onset_width,
            saturation,
            deadline,
            after,
            rhythm: r,
        } => {
            let onset_f =
                1.0 / (1.0 + (-(t - onset.get(p)) / onset_width.get(p)).exp());
            let (tau, dl) = (saturation.get(p), deadline.get(p));
            let urgency = if t <= dl {
                tau / (dl - t + tau)
            } else {
                (-(t - dl) / after.get(p)).exp()
            };
            level * onset_f * urgency * rhythm(r, t)
        }
        Shape::Pulse { onset, rise, half_life, rhythm: r } => {
            let (on, rise) = (onset.get(p), rise.get(p));
            let x = (t - on) / rise;
            let shape = if x <= 0.0 {
                0.0
            } else if x < 1.0 {
                x * x * (3.0 - 2.0 * x)
            } else {
                (-(t - on - rise) / half_life.get(p) * std::f64::consts::LN_2)
                    .exp()
            };
            level * shape * rhythm(r, t)
        }
        Shape::Step { from, until, rhythm: r } => {
            let inside =
                t >= from.get(p) && until.is_none_or(|u| t < u.get(p));
            if inside {
                level * rhythm(r, t)
            } else {
                0.0
            }
        }
    }
}

// The demand series are the formulas of `demand_at`, evaluated
// mid-minute, but computed without a transcendental function per step: a
// table for the daily cycles and constant factors for exponentials. Each
// shape is filled in a few passes over its series that the compiler can
// vectorise: its pieces (before and after a deadline, a pulse's rise and
// decay) are split at the index where the formula changes, and the
// exponentials are geometric sequences computed in blocks.
fn fill_demand(
    model: &Model,
    p: &[f64],
    on: HypothesisSet,
    start_minute_of_day: usize,
    run: &mut Run,
) {
    let n = run.fresh.len();
    let h = STEP_MIN;
    let t0 = 0.5 * h;
    let time = |i: usize| t0 + i as f64 * h;
    // The first step whose mid-point is past `t` (by the same arithmetic
    // as `time`), within 0..=n.
    let first_after = |t: f64| {
        let guess = ((t - t0) / h).floor();
        let mut i = if guess.is_nan() {
            0
        } else {
            (guess.max(-1.0) + 1.0).min(n as f64) as usize
        };
        while i > 0 && time(i - 1) > t {
            i -= 1;
        }
        while i < n && time(i) <= t {
            i += 1;
        }
        i
    };
    let mut any = false;
    for (k, comp) in model.components.iter().enumerate() {
        let ComponentKind::Demand { shape, segment_share, .. } = comp.kind
        else {
            run.demand[k].clear();
            continue;
        };
        let d = &mut run.demand[k];
        if !component_on(model, k, on) {
            d.clear();
            continue;
        }
        d.resize(n, 0.0);
        let d = &mut d[..n];
        let level = level_of(model, k, p);
        let cycle =
            |r: Rhythm| DailyCycle::new(r.peak.get(p), start_minute_of_day);
        let rhythm = |r: Option<Rhythm>, d: &mut [f64]| {
            if let Some(r) = r {
                let s = r.swing.get(p);
                cycle(r).apply(d, |x, c| x * (1.0 + s * c));
            }
        };
        match shape {
            Shape::DailyCycle { anchor, rhythm } => {
                let swing = rhythm.swing.get(p);
                let peak = rhythm.peak.get(p);
                let norm = anchor.map_or(1.0, |a| {
                    1.0 + swing * phase(a.get(p) - peak).cos()
                });
                let scale = level / norm;
                cycle(rhythm).apply(d, |_, c| scale * (1.0 + swing * c));
            }
            Shape::DeadlineRush {
                onset,
                onset_width,
                saturation,
                deadline,
                after,
                rhythm: r,
            } => {
                let onset_min = onset.get(p);
                let width = onset_width.get(p).max(f64::MIN_POSITIVE);
                let tau = saturation.get(p);
                let dl = deadline.get(p);
                let after = after.get(p).max(f64::MIN_POSITIVE);
                // exp(−(t − onset)/width), falling by a constant factor a
                // step.
                geometric(
                    d,
                    (-(t0 - onset_min) / width).exp(),
                    (-h / width).exp(),
                );
                // Before the deadline, onset × urgency share one
                // division; after it, urgency decays.
                let split = first_after(dl);
                let (before, later) = d.split_at_mut(split);
                for (i, x) in before.iter_mut().enumerate() {
                    let den = (dl - time(i) + tau) * (1.0 + *x);
                    *x = level * tau / den;
                }
                if !later.is_empty() {
                    // The onset factors, then the decay in place.
                    for x in later.iter_mut() {
                        *x += 1.0;
                    }
                    let first = (-(time(split) - dl) / after).exp();
                    let step = (-h / after).exp();
                    geometric_div(later, first, step, level);
                }
                rhythm(r, d);
            }
            Shape::Pulse { onset, rise, half_life, rhythm: r } => {
                let on = onset.get(p);
                let rise = rise.get(p).max(f64::MIN_POSITIVE);
                let rate = std::f64::consts::LN_2
                    / half_life.get(p).max(f64::MIN_POSITIVE);
                let inv_rise = 1.0 / rise;
                let u = |i: usize| (time(i) - on) * inv_rise;
                // Zero until u > 0, a smooth rise while u < 1, then a
                // decay.
                let mut a = first_after(on).min(n);
                while a > 0 && u(a - 1) > 0.0 {
                    a -= 1;
                }
                while a < n && u(a) <= 0.0 {
                    a += 1;
                }
                let mut b = a;
                while b < n && u(b) < 1.0 {
                    b += 1;
                }
                d[..a].fill(0.0);
                for (i, x) in d[a..b].iter_mut().enumerate() {
                    let u = u(a + i);
                    *x = level * (u * u * (3.0 - 2.0 * u));
                }
                if b < n {
                    let first = (-(time(b) - on - rise) * rate).exp();
                    geometric(&mut d[b..], first, (-h * rate).exp());
                    for x in d[b..].iter_mut() {
                        *x *= level;
                    }
                }
                rhythm(r, d);
            }
            Shape::Step { from, until, rhythm: r } => {
                let (a, b) =
                    (from.get(p), until.map_or(f64::INFINITY, |u| u.get(p)));
                for (i, x) in d.iter_mut().enumerate() {
                    let t = time(i);
                    *x = if t >= a && t < b { level } else { 0.0 };
                }
                rhythm(r, d);
            }
        }
        let share = segment_share.get(p).clamp(0.0, 1.0);
        let fresh = &mut run.fresh[..n];
        let seg = &mut run.fresh_segment[..n];
        if any {
            for ((f, s), &x) in fresh.iter_mut().zip(seg.iter_mut()).zip(&*d) {
                *f += x;
                *s += x * share;
            }
        } else {
            for ((f, s), &x) in fresh.iter_mut().zip(seg.iter_mut()).zip(&*d) {
                *f = x;
                *s = x * share;
            }
            any = true;
        }
    }
    if !any {
        run.fresh.fill(0.0);
        run.fresh_segment.fill(0.0);
    }
}

/// The block length of [`geometric`]: the sequence advances by a
/// constant factor per block, and within a block each term is the
/// block's first times a power of the ratio, so the terms of a block are
/// independent of each other.
const BLOCK: usize = 8;

/// `out[i] = first · ratioⁱ`.
fn geometric(out: &mut [f64], first: f64, ratio: f64) {
    let mut pow = [1.0; BLOCK];
    for j in 1..BLOCK {
        pow[j] = pow[j - 1] * ratio;
    }
    let jump = pow[BLOCK - 1] * ratio;
    let mut base = first;
    let mut chunks = out.chunks_exact_mut(BLOCK);
    for chunk in &mut chunks {
        for (x, &q) in chunk.iter_mut().zip(&pow) {
            *x = base * q;
        }
        base *= jump;
    }
    for (x, &q) in chunks.into_remainder().iter_mut().zip(&pow) {
        *x = base * q;
    }
}

/// `out[i] = level · first · ratioⁱ / out[i]`.
fn geometric_div(out: &mut [f64], first: f64, ratio: f64, level: f64) {
    let mut pow = [1.0; BLOCK];
    for j in 1..BLOCK {
        pow[j] = pow[j - 1] * ratio;
    }
    let jump = pow[BLOCK - 1] * ratio;
    let mut base = first;
    let mut chunks = out.chunks_exact_mut(BLOCK);
    for chunk in &mut chunks {
        for (x, &q) in chunk.iter_mut().zip(&pow) {
            *x = level * (base * q) / *x;
        }
        base *= jump;
    }
    for (x, &q) in chunks.into_remainder().iter_mut().zip(&pow) {
        *x = level * (base * q) / *x;
    }
}

/// cos(2π(t − peak)/day) at the middle of each minute-step, from a
/// table of the day's minutes shifted by the peak: cos(θ − φ) =
/// cos θ·cos φ + sin θ·sin φ, so no step depends on the one before.
struct DailyCycle {
    offset: usize,
    cos_peak: f64,
    sin_peak: f64,
}

/// cos and sin of the middle of each minute of the day.
fn day_table() -> &'static ([f64; MINUTES_PER_DAY], [f64; MINUTES_PER_DAY]) {
    static TABLE: OnceLock<
        Box<([f64; MINUTES_PER_DAY], [f64; MINUTES_PER_DAY])>,
    > = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Box::new(([0.0; MINUTES_PER_DAY], [0.0; MINUTES_PER_DAY]));
        for k in 0..MINUTES_PER_DAY {
            let (sin, cos) = phase(k as f64 + 0.5 * STEP_MIN).sin_cos();
            t.0[k] = cos;
            t.1[k] = sin;
        }
        t
    })
}

impl DailyCycle {
    fn new(peak_min: f64, start_minute_of_day: usize) -> DailyCycle {
        let (sin_peak, cos_peak) = phase(peak_min).sin_cos();
        DailyCycle {
            offset: start_minute_of_day % MINUTES_PER_DAY,
            cos_peak,
            sin_peak,
        }
    }

    /// `out[i] = f(out[i], cos at step i)`, a day's stretch at a time.
    #[inline(always)]
    fn apply(&self, out: &mut [f64], f: impl Fn(f64, f64) -> f64) {
        let (cos, sin) = day_table();
        let (cp, sp) = (self.cos_peak, self.sin_peak);
        let mut k = self.offset;
        let mut rest = out;
        while !rest.is_empty() {
            let len = (MINUTES_PER_DAY - k).min(rest.len());
            let (now, next) = rest.split_at_mut(len);
            for ((x, &c), &s) in
                now.iter_mut().zip(&cos[k..k + len]).zip(&sin[k..k + len])
            {
                *x = f(*x, c * cp + s * sp);
            }
            rest = next;
            k = 0;
        }
    }
}

/// Servers and capacity at minute `t` under `on`: (nominal capacity,
/// capacity after cost changes), users/min.
pub fn capacity_at(
    model: &Model,
    p: &[f64],
    on: HypothesisSet,
    t: f64,
) -> (f64, f64) {
    let inside = |from: Option<Value>, until: Option<Value>| {
        from.is_none_or(|f| t >= f.get(p))
            && until.is_none_or(|u| t < u.get(p))
    };
    let mut servers = model.capacity.servers.get(p);
    let mut cost = 1.0;
    for (k, c) in model.components.iter().enumerate() {
        if !component_on(model, k, on) {
            continue;
        }
        match c.kind {
            ComponentKind::Servers { servers: s, from, until }
                if inside(from, until) =>
            {
                servers = s.get(p);
            }
            ComponentKind::Cost { multiplier, from, until }
                if inside(from, until) =>
            {
                cost *= multiplier.get(p).max(f64::MIN_POSITIVE);
            }
            _ => {}
        }
    }
    let nominal = servers.max(0.0) * model.capacity.per_server.get(p).max(0.0);
    (nominal, nominal / cost)
}

fn fill_capacity(model: &Model, p: &[f64], on: HypothesisSet, run: &mut Run) {
    // Capacity is piecewise constant: it can change only where a
    // component's window starts or ends.
    let n = run.capacity.len();
    let mut edges: Vec<f64> = vec![0.0];
    for c in &model.components {
        if let ComponentKind::Servers { from, until, .. }
        | ComponentKind::Cost { from, until, .. } = c.kind
        {
            edges.extend(
                from.iter()
                    .chain(until.iter())
                    .map(|v| v.get(p).ceil().max(0.0)),
            );
        }
    }
    edges.push(n as f64);
    edges.sort_by(f64::total_cmp);
    edges.dedup();
    for w in edges.windows(2) {
        let (a, b) = ((w[0] as usize).min(n), (w[1] as usize).min(n));
        if a >= b {
            continue;
        }
        let (nominal, cap) = capacity_at(model, p, on, a as f64);
        run.nominal_capacity[a..b].fill(nominal);
        run.capacity[a..b].fill(cap);
    }
}

/// Builds a [`QueueConfig`] from parameter values, for tests.
pub fn queue_config(behaviour: &Behaviour, params: &Params) -> QueueConfig {
    QueueConfig::from_behaviour(behaviour, params.values())
}
