//! The model's run time in WebAssembly, next to the native figure (issue 4,
//! item 10): the same `simulate_into` at default parameters with every
//! hypothesis on of the default scenario, and a reused run buffer, as
//! `crates/model/benches/simulate.rs` measures natively.
//!
//! A `#[wasm_bindgen_bench]` benchmark (the criterion subset that
//! wasm-bindgen-test carries), run in headless Chromium through
//! chromedriver:
//!
//! ```sh
//! cargo bench -p claimcheck --bench model_wasm \
//!     --target wasm32-unknown-unknown
//! ```
//!
//! `scripts/bench` runs it with the native bench and the interaction bench
//! and prints the figures side by side. Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use std::hint::black_box;
use std::time::Duration;

use claimcheck_model::sim::{simulate_into, Run};
use claimcheck_model::{bundled, HypothesisSet, Params};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_bench]
fn simulate_all_on_defaults(c: &mut Criterion) {
    // Shorter than the defaults (3 s warm-up, 5 s measurement): one run
    // takes microseconds, so 1 s + 3 s still gives many iterations per
    // sample, and the machine is shared.
    *c = std::mem::take(c)
        .with_location(file!(), module_path!())
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    let s = bundled::default_scenario();
    let params = Params::defaults(&s.params);
    let all = HypothesisSet::all(s.hypotheses.len());
    let mut run = Run::new();
    // The same name as the native bench, so the reports line up.
    c.bench_function("simulate/all-on/defaults", |b| {
        b.iter(|| {
            simulate_into(black_box(&s), black_box(&params), all, &mut run);
            black_box(run.totals.served)
        })
    });
}
