//! Closed-form queueing results: Erlang B, Erlang C and M/M/c/K.
//!
//! These are the textbook steady-state formulas for a call centre or a
//! web server pool with `c` identical servers, Poisson arrivals and
//! exponential service times. The simulation in [`crate::sim`] is a
//! *fluid* model, which is exact only in the limits of light load (no
//! queue, no loss) and heavy overload (throughput equals capacity). The
//! tests in `tests/closed_form.rs` use these functions to check both
//! limits, and the published vector (a = 10 erlangs, c = 14 agents:
//! P(wait) = 0.1741319335950498, service level at 20 s = 0.88835,
//! occupancy = 0.714286) to check the functions themselves.
//!
//! Where a fluid model can't agree: at moderate load (here a/c ≈ 0.7)
//! random bunching of arrivals makes some callers wait even though the
//! mean load is below capacity. A fluid has no randomness, so below
//! capacity it never queues: it says P(wait) = 0 where Erlang C says
//! 0.17. The gap closes as load moves away from capacity in either
//! direction, which is what the tests check.
//!
//! Every function validates its input and returns a [`ParamError`]
//! naming the offending argument instead of panicking.

use crate::params::ParamError;

/// Erlang B: the probability that an arrival finds all `servers` busy
/// and is lost, for an offered load of `offered_load` erlangs
/// (arrival rate × mean service time), with no waiting room.
///
/// Uses the stable recursion B₀ = 1, Bₖ = a·Bₖ₋₁ / (k + a·Bₖ₋₁).
///
/// # Examples
/// ```
/// use claimcheck_model::erlang::erlang_b;
/// let b = erlang_b(14, 10.0)?;
/// assert!((b - 0.0568).abs() < 1e-3);
/// # Ok::<(), claimcheck_model::ParamError>(())
/// ```
pub fn erlang_b(servers: u32, offered_load: f64) -> Result<f64, ParamError> {
    check_servers(servers)?;
    check_load(offered_load)?;
    let a = offered_load;
    let mut b = 1.0;
    for k in 1..=servers {
        b = a * b / (f64::from(k) + a * b);
    }
    Ok(b)
}

/// Erlang C: the probability that an arrival has to wait, with
/// `servers` servers, unlimited waiting room and `offered_load` erlangs.
///
/// C = c·B / (c − a·(1 − B)). At or above capacity (a ≥ c) every
/// arrival waits, so the result is 1.
///
/// # Examples
/// ```
/// use claimcheck_model::erlang::erlang_c;
/// let p = erlang_c(14, 10.0)?;
/// assert!((p - 0.1741319335950498).abs() < 1e-12);
/// # Ok::<(), claimcheck_model::ParamError>(())
/// ```
pub fn erlang_c(servers: u32, offered_load: f64) -> Result<f64, ParamError> {
    let b = erlang_b(servers, offered_load)?;
    let c = f64::from(servers);
    let a = offered_load;
    if a >= c {
        return Ok(1.0);
    }
    Ok(c * b / (c - a * (1.0 - b)))
}

/// The service level: the fraction of arrivals answered within
/// `target_s` seconds, for mean handling time `handle_s` seconds.
///
/// SL = 1 − C·exp(−(c − a)·target / handle). Zero at or above capacity.
///
/// # Examples
/// ```
/// use claimcheck_model::erlang::service_level;
/// let sl = service_level(14, 10.0, 180.0, 20.0)?;
/// assert!((sl - 0.88835).abs() < 5e-6);
/// # Ok::<(), claimcheck_model::ParamError>(())
/// ```
pub fn service_level(
    servers: u32,
    offered_load: f64,
    handle_s: f64,
    target_s: f64,
) -> Result<f64, ParamError> {
    let pw = erlang_c(servers, offered_load)?;
    positive("handle_s", handle_s)?;
    non_negative("target_s", target_s)?;
    let c = f64::from(servers);
    if offered_load >= c {
        return Ok(0.0);
    }
    Ok(1.0 - pw * (-(c - offered_load) * target_s / handle_s).exp())
}

/// Occupancy: the fraction of time a server is busy, a / c, capped at 1.
///
/// # Examples
/// ```
/// use claimcheck_model::erlang::occupancy;
/// assert!((occupancy(14, 10.0)? - 0.714286).abs() < 1e-6);
/// # Ok::<(), claimcheck_model::ParamError>(())
/// ```
pub fn occupancy(servers: u32, offered_load: f64) -> Result<f64, ParamError> {
    check_servers(servers)?;
    check_load(offered_load)?;
    Ok((offered_load / f64::from(servers)).min(1.0))
}

/// M/M/c/K: the probability that an arrival is blocked because all
/// `capacity` places (servers plus waiting room, K ≥ c) are taken.
///
/// pₙ ∝ aⁿ/n! for n ≤ c and aⁿ/(c!·cⁿ⁻ᶜ) for c < n ≤ K; blocking = p_K.
/// Computed with running ratios, so large K and a do not overflow.
///
/// # Examples
/// ```
/// use claimcheck_model::erlang::{erlang_b, mmck_blocking};
/// // With no waiting room, M/M/c/c is Erlang B.
/// let a = mmck_blocking(5, 5, 4.0)?;
/// assert!((a - erlang_b(5, 4.0)?).abs() < 1e-12);
/// # Ok::<(), claimcheck_model::ParamError>(())
/// ```
pub fn mmck_blocking(
    servers: u32,
    capacity: u32,
    offered_load: f64,
) -> Result<f64, ParamError> {
    check_servers(servers)?;
    check_load(offered_load)?;
    if capacity < servers {
        return Err(ParamError::OutOfRange {
            name: "capacity".into(),
            value: f64::from(capacity),
            min: f64::from(servers),
            max: f64::from(u32::MAX),
        });
    }
    // Work with terms relative to the largest so far, rescaling as we
    // go, so that aⁿ/n! never overflows.
    let a = offered_load;
    let c = f64::from(servers);
    let mut term = 1.0_f64;
    let mut sum = 1.0_f64;
    for n in 1..=capacity {
        let div = if n <= servers { f64::from(n) } else { c };
        term *= a / div;
        sum += term;
        if sum > 1e200 {
            term /= sum;
            sum = 1.0;
        }
    }
    Ok(term / sum)
}

/// M/M/c/K: the carried throughput, arrivals per unit time that get in,
/// λ·(1 − p_K), for arrival rate `arrival_rate` and service rate per
/// server `service_rate` (same time unit).
///
/// # Examples
/// ```
/// use claimcheck_model::erlang::mmck_throughput;
/// // Far overloaded, throughput approaches c·μ.
/// let x = mmck_throughput(3, 30, 300.0, 1.0)?;
/// assert!((x - 3.0).abs() < 1e-6);
/// # Ok::<(), claimcheck_model::ParamError>(())
/// ```
pub fn mmck_throughput(
    servers: u32,
    capacity: u32,
    arrival_rate: f64,
    service_rate: f64,
) -> Result<f64, ParamError> {
    positive("service_rate", service_rate)?;
    non_negative("arrival_rate", arrival_rate)?;
    let blocking =
        mmck_blocking(servers, capacity, arrival_rate / service_rate)?;
    Ok(arrival_rate * (1.0 - blocking))
}

fn check_servers(servers: u32) -> Result<(), ParamError> {
    if servers == 0 {
        return Err(ParamError::OutOfRange {
            name: "servers".into(),
            value: 0.0,
            min: 1.0,
            max: f64::from(u32::MAX),
        });
    }
    Ok(())
}

fn check_load(a: f64) -> Result<(), ParamError> {
    non_negative("offered_load", a)
}

fn non_negative(name: &str, x: f64) -> Result<(), ParamError> {
    if x.is_finite() && x >= 0.0 {
        Ok(())
    } else {
        Err(ParamError::OutOfRange {
            name: name.into(),
            value: x,
            min: 0.0,
            max: f64::MAX,
        })
    }
}

fn positive(name: &str, x: f64) -> Result<(), ParamError> {
    if x.is_finite() && x > 0.0 {
        Ok(())
    } else {
        Err(ParamError::OutOfRange {
            name: name.into(),
            value: x,
            min: f64::MIN_POSITIVE,
            max: f64::MAX,
        })
    }
}
