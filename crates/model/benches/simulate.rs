//! Benchmarks one full simulation at default parameters, and all eight
//! hypothesis sets, with a reused run buffer (the widget's inner loop).

use claimcheck_model::sim::{simulate_into, Run};
use claimcheck_model::{HypothesisSet, Params};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let params = Params::default();
    let mut run = Run::new();
    c.bench_function("simulate/all-three/defaults", |b| {
        b.iter(|| {
            simulate_into(black_box(&params), HypothesisSet::ALL, &mut run);
            black_box(run.totals.served)
        })
    });
    c.bench_function("simulate/none/defaults", |b| {
        b.iter(|| {
            simulate_into(black_box(&params), HypothesisSet::NONE, &mut run);
            black_box(run.totals.served)
        })
    });
    c.bench_function("simulate/all-8-sets/defaults", |b| {
        b.iter(|| {
            let mut served = 0.0;
            for set in HypothesisSet::every() {
                simulate_into(black_box(&params), set, &mut run);
                served += run.totals.served;
            }
            black_box(served)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
