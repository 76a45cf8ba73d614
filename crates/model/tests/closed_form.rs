//! The closed forms against the published vector, and the fluid queue
//! against the closed forms where the fluid limit is exact.

use claimcheck_model::erlang::{
    erlang_b, erlang_c, mmck_blocking, mmck_throughput, occupancy,
    service_level,
};
use claimcheck_model::sim::{FluidQueue, QueueConfig};
use claimcheck_model::ParamError;

// The published vector (pyworkforce, R package ErlangC): 100 calls per
// 30 minutes, 3-minute handling time (a = 10 erlangs), 14 agents.
const A: f64 = 10.0;
const C: u32 = 14;

#[test]
fn erlang_c_matches_the_published_probability_of_waiting() {
    let p = erlang_c(C, A).unwrap();
    assert!((p - 0.1741319335950498).abs() < 1e-12, "P(wait) = {p}");
}

#[test]
fn service_level_matches_the_published_value() {
    let sl = service_level(C, A, 180.0, 20.0).unwrap();
    assert!((sl - 0.88835).abs() < 5e-6, "service level = {sl}");
}

#[test]
fn occupancy_matches_the_published_value() {
    let occ = occupancy(C, A).unwrap();
    assert!((occ - 0.714286).abs() < 5e-7, "occupancy = {occ}");
}

#[test]
fn erlang_b_follows_its_definition_for_small_cases() {
    // B(1, a) = a / (1 + a); B(2, a) = a²/2 / (1 + a + a²/2).
    let a = 3.0;
    assert!((erlang_b(1, a).unwrap() - a / (1.0 + a)).abs() < 1e-15);
    let b2 = (a * a / 2.0) / (1.0 + a + a * a / 2.0);
    assert!((erlang_b(2, a).unwrap() - b2).abs() < 1e-15);
}

#[test]
fn mmck_without_waiting_room_is_erlang_b() {
    for (c, a) in [(1, 0.5), (5, 4.0), (14, 10.0), (50, 60.0)] {
        let k = mmck_blocking(c, c, a).unwrap();
        let b = erlang_b(c, a).unwrap();
        assert!((k - b).abs() < 1e-12, "c={c} a={a}: {k} vs {b}");
    }
}

#[test]
fn mmck_blocking_falls_as_waiting_room_grows() {
    let mut last = 1.0;
    for k in [14, 20, 40, 80] {
        let b = mmck_blocking(C, k, A).unwrap();
        assert!(b < last, "K={k}: {b} not below {last}");
        last = b;
    }
}

#[test]
fn bad_arguments_are_errors_not_panics() {
    assert!(matches!(erlang_b(0, 1.0), Err(ParamError::OutOfRange { .. })));
    assert!(erlang_c(3, f64::NAN).is_err());
    assert!(erlang_c(3, -1.0).is_err());
    assert!(mmck_blocking(5, 4, 1.0).is_err());
    assert!(service_level(3, 1.0, 0.0, 20.0).is_err());
    assert!(mmck_throughput(3, 10, 1.0, 0.0).is_err());
    let msg = erlang_b(0, 1.0).unwrap_err().to_string();
    assert!(msg.contains("servers") && msg.contains('0'), "{msg}");
}

/// Runs a fluid queue at constant demand with no retries and (nearly)
/// infinite patience until steady, and returns (blocked fraction,
/// throughput per minute) over the last step.
fn fluid_steady(
    arrivals_per_min: f64,
    capacity_per_min: f64,
    max_wait_min: f64,
) -> (f64, f64) {
    let cfg = QueueConfig::new(1e12, max_wait_min, 0.0, 1.0).unwrap();
    let mut q = FluidQueue::new(cfg);
    let mut last = Default::default();
    for _ in 0..600 {
        last = q.step(arrivals_per_min, 0.0, capacity_per_min, 1.0);
    }
    let blocked = last.blocked / last.attempts;
    (blocked, last.served + last.wasted)
}

#[test]
fn light_load_fluid_loses_nothing_like_large_erlang_systems() {
    // 1,000 servers at 50 % load: the closed forms say essentially no
    // one waits or is lost, and the fluid says exactly none.
    let (c, a) = (1000, 500.0);
    let (blocked, throughput) = fluid_steady(a, f64::from(c), 0.5);
    assert_eq!(blocked, 0.0);
    assert!((throughput - a).abs() < 1e-9);
    assert!(erlang_c(c, a).unwrap() < 1e-12);
    assert!(mmck_blocking(c, c + 500, a).unwrap() < 1e-12);
}

#[test]
fn heavy_load_throughput_equals_capacity_as_in_mmck() {
    // Twice the capacity: the fluid serves exactly the capacity and
    // blocks the rest; M/M/c/K agrees to within a tenth of a percent.
    let (c, k, lambda, mu) = (1000u32, 1500u32, 2000.0, 1.0);
    let (blocked, throughput) = fluid_steady(lambda, f64::from(c), 0.5);
    assert!((throughput - f64::from(c)).abs() < 1e-9, "{throughput}");
    assert!((blocked - 0.5).abs() < 1e-12, "{blocked}");
    let x = mmck_throughput(c, k, lambda, mu).unwrap();
    assert!((x / f64::from(c) - 1.0).abs() < 1e-3, "M/M/c/K: {x}");
    let pk = mmck_blocking(c, k, lambda / mu).unwrap();
    assert!((pk - blocked).abs() < 1e-3, "M/M/c/K blocking {pk}");
}

#[test]
fn at_moderate_load_the_fluid_cannot_see_random_waits() {
    // The documented disagreement: at a = 10, c = 14 (71 % load) Erlang C
    // says 17 % of callers wait; a fluid below capacity never queues.
    let cfg = QueueConfig::new(1.0, 1.0, 0.0, 1.0).unwrap();
    let mut q = FluidQueue::new(cfg);
    let flows = q.step(A, 0.0, f64::from(C), 1.0);
    assert_eq!(flows.failures, 0.0);
    assert_eq!(q.queue_ok() + q.queue_late(), 0.0);
    assert!(erlang_c(C, A).unwrap() > 0.17);
    // The gap closes as the system grows at the same load, which is the
    // limit in which the fluid model is exact.
    let mut last = 1.0;
    for c in [14u32, 140, 1400] {
        let p = erlang_c(c, 0.714286 * f64::from(c)).unwrap();
        assert!(p < last, "c={c}: {p}");
        last = p;
    }
    assert!(last < 1e-6, "{last}");
}
