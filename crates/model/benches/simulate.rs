//! Benchmarks the model's inner loops on the default scenario, with a
//! reused run buffer as the widget and the support analysis use it: one
//! run with every hypothesis on at the defaults, every world, one draw
//! of the verdict rule (`Draw::masks`: every world simulated and
//! checked), and a slice of the support analysis (100 of its draws,
//! simulated, checked and judged).

use claimcheck_model::sim::{simulate_into, Run};
use claimcheck_model::support::{analyse, DEFAULT_SEED};
use claimcheck_model::verdict::Draw;
use claimcheck_model::{bundled, HypothesisSet, Params};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let s = bundled::default_scenario();
    let params = Params::defaults(&s.params);
    let n = s.hypotheses.len();
    let mut run = Run::new();
    c.bench_function("simulate/all-on/defaults", |b| {
        b.iter(|| {
            simulate_into(
                black_box(&s),
                black_box(&params),
                HypothesisSet::all(n),
                &mut run,
            );
            black_box(run.totals.served)
        })
    });
    c.bench_function("simulate/every-world/defaults", |b| {
        b.iter(|| {
            let mut served = 0.0;
            for world in HypothesisSet::every(n) {
                simulate_into(
                    black_box(&s),
                    black_box(&params),
                    world,
                    &mut run,
                );
                served += run.totals.served;
            }
            black_box(served)
        })
    });
    c.bench_function("draw/masks/defaults", |b| {
        b.iter(|| black_box(Draw::masks(black_box(&s), &params, &mut run)))
    });
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    group.bench_function("100-draws", |b| {
        b.iter(|| black_box(analyse(black_box(&s), 100, DEFAULT_SEED)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
