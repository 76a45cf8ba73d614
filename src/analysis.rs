//! The support analysis behind every verdict, run in the reader's
//! browser without blocking the page.
//!
//! The analysis ([`claimcheck_model::support`]) depends on the scenario
//! only, never on a reader's settings, so one run serves every widget on
//! the page that shows the same story. Two ways to run it:
//!
//! - **In Web Workers** (`claimcheck-worker.js`, next to the bundle),
//!   off the main thread, where the page allows it: the standalone page,
//!   the iframe page and a same-origin script embed. Up to
//!   [`MAX_WORKERS`] workers (one per spare core) share the draws, chunk
//!   by chunk, and post them back; the main thread only applies the
//!   verdict rule to them, in draw order, so the result does not depend
//!   on how many workers ran.
//! - **In slices on the main thread**, where it does not: a cross-origin
//!   script embed cannot start a worker from another origin, and a
//!   `blob:` worker would break a strict Content-Security-Policy. Each
//!   slice runs for at most [`SLICE_MS`] milliseconds as its own task
//!   (`setTimeout`), so input and rendering are never blocked for long.
//!
//! If a worker cannot start, reports an error, or goes [`STALL_MS`]
//! without the draws in order moving on (a worker that died without a
//! word), the job falls back to slices from where it got to, keeping the
//! chunks that already arrived, and says so in the console. Widgets are
//! told of progress and of partial results as draws come in; a job
//! nobody watches is cancelled.

use std::cell::RefCell;
use std::rc::Rc;

use claimcheck_model::support::{
    Analysis, Support, DEFAULT_DRAWS, DEFAULT_SEED,
};
use claimcheck_model::verdict::Draw;
use claimcheck_model::Scenario;
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::Shared;

/// The longest a slice of work may take, in milliseconds: well under
/// the 50 ms that counts as a long task.
pub const SLICE_MS: f64 = 12.0;

/// How often partial results are published, in milliseconds. Each
/// publication applies the verdict rule to every draw so far and
/// re-renders the claims, so it is kept rare enough to leave the main
/// thread free.
const PUBLISH_MS: f64 = 400.0;

/// The most workers one analysis starts.
pub const MAX_WORKERS: usize = 4;

/// How many times the slices start again after an error before giving
/// up (a failure that comes back every time is a bug, not bad luck).
const MAX_RESTARTS: u32 = 2;

/// Draws a worker simulates per message.
const WORKER_CHUNK: usize = 25;

/// How long the workers may go without the draws in order moving on
/// before the main thread takes over, in milliseconds. A chunk takes a
/// worker about 0.1 s on a laptop; the first also waits for the wasm
/// to load and compile, a few seconds on a slow phone.
const STALL_MS: f64 = 8000.0;

/// How the analysis runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// In a Web Worker.
    Worker,
    /// In slices on the main thread.
    Slices,
}

impl Mode {
    /// `worker` or `slices`.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Worker => "worker",
            Mode::Slices => "slices",
        }
    }
}

/// Appends a draw to a flat list of numbers: its pass masks (exact as
/// `f64` below 2⁵³, and a scenario checks at most 52 events), then each
/// world's measured values.
pub fn encode_draw(d: &Draw, out: &mut Vec<f64>) {
    out.extend(d.masks.iter().map(|&m| m as f64));
    for v in &d.values {
        out.extend_from_slice(v);
    }
}

/// The draws in a flat list written by [`encode_draw`], for a scenario
/// with `worlds` worlds and `bits` checked events.
pub fn decode_draws(data: &[f64], worlds: usize, bits: usize) -> Vec<Draw> {
    let per = worlds + worlds * bits;
    if per == 0 {
        return Vec::new();
    }
    data.chunks_exact(per)
        .map(|c| Draw {
            masks: c[..worlds].iter().map(|&m| m as u64).collect(),
            values: c[worlds..]
                .chunks(bits.max(1))
                .map(<[f64]>::to_vec)
                .collect(),
        })
        .collect()
}

thread_local! {
    static BASE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Where the bundle lives (the folder of `widget.js`), so the worker can
/// be started next to it.
pub fn set_base(url: &str) {
    BASE.with(|b| *b.borrow_mut() = Some(url.to_string()));
}

/// What a widget knows of the analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Draws done.
    pub done: usize,
    /// Draws planned.
    pub total: usize,
    /// The result so far (partial until `done == total`).
    pub support: Option<Shared<Support>>,
    /// How the analysis runs.
    pub mode: Mode,
    /// Once finished: how long it took, in milliseconds of wall time.
    pub ms: Option<f64>,
}

impl Progress {
    /// Whether every draw is done.
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

type Listener = Rc<dyn Fn(Progress)>;

/// A running worker and the callbacks it holds.
struct WorkerHandle {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Chunks of draws from the workers, by first draw.
type Chunks = std::collections::BTreeMap<usize, Vec<f64>>;

struct Job {
    scenario: Rc<Scenario>,
    analysis: Analysis,
    mode: Mode,
    workers: Vec<WorkerHandle>,
    /// Checks that the workers are still getting somewhere.
    watchdog: Option<gloo::timers::callback::Interval>,
    /// When the draws in order last moved on (or the workers started).
    last_advance: f64,
    /// Chunks that arrived ahead of the draws before them, by first draw.
    pending: Chunks,
    listeners: Vec<(usize, Listener)>,
    latest: Progress,
    timer: Option<Timeout>,
    /// A slice is simulating draws (with the analysis taken out of the
    /// job). Still set when the next slice starts: the last one was cut
    /// short by an error, and its draws are lost.
    busy: bool,
    /// How many times the slices started again after an error.
    restarts: u32,
    last_publish: f64,
    started: f64,
    finished_ms: Option<f64>,
}

thread_local! {
    /// One job per scenario shown on the page (a handful: a list, not a
    /// hash map, whose code the bundle would carry for nothing).
    static JOBS: RefCell<Vec<(String, Rc<RefCell<Job>>)>> = const { RefCell::new(Vec::new()) };
    static NEXT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Subscribes to the analysis of `scenario`, starting it if needed;
/// returns the subscription's id and the progress so far.
pub fn subscribe(
    scenario: &Rc<Scenario>,
    listener: Listener,
) -> (usize, Progress) {
    let id = NEXT.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    });
    let t = now();
    let job = JOBS.with(|jobs| {
        let mut jobs = jobs.borrow_mut();
        if let Some((_, job)) = jobs.iter().find(|(k, _)| *k == scenario.id) {
            return job.clone();
        }
        let job = {
            {
                let analysis =
                    Analysis::new(scenario, DEFAULT_DRAWS, DEFAULT_SEED);
                let (done, total) = analysis.progress();
                Rc::new(RefCell::new(Job {
                    scenario: scenario.clone(),
                    analysis,
                    mode: Mode::Slices,
                    workers: Vec::new(),
                    watchdog: None,
                    last_advance: t,
                    pending: Chunks::new(),
                    listeners: Vec::new(),
                    latest: Progress {
                        done,
                        total,
                        support: None,
                        mode: Mode::Slices,
                        ms: None,
                    },
                    timer: None,
                    busy: false,
                    restarts: 0,
                    last_publish: 0.0,
                    started: t,
                    finished_ms: None,
                }))
            }
        };
        jobs.push((scenario.id.clone(), job.clone()));
        job
    });
    let progress = {
        let mut j = job.borrow_mut();
        j.listeners.push((id, listener));
        j.latest.clone()
    };
    let fresh = {
        let j = job.borrow();
        j.workers.is_empty()
            && j.timer.is_none()
            && j.analysis.progress().0 == 0
            && j.mode == Mode::Slices
    };
    if !(fresh && start_workers(&job)) {
        schedule(&job);
    }
    (id, progress)
}

/// Ends a subscription; a job nobody watches is cancelled (its timer
/// dropped), and starts again from the beginning if asked for later.
pub fn unsubscribe(scenario_id: &str, id: usize) {
    JOBS.with(|jobs| {
        let mut jobs = jobs.borrow_mut();
        let empty = match jobs.iter().find(|(k, _)| k == scenario_id) {
            Some((_, job)) => {
                let mut j = job.borrow_mut();
                j.listeners.retain(|(k, _)| *k != id);
                j.listeners.is_empty() && !j.analysis.is_done()
            }
            None => false,
        };
        if empty {
            jobs.retain(|(k, _)| k != scenario_id);
        }
    });
}

/// How many workers to start: one per core but the page's own, at
/// least one and at most [`MAX_WORKERS`]. On two cores that is one: a
/// second worker finishes the analysis sooner but takes the core the
/// page needs to respond (Lighthouse's blocking time rose by a third).
fn worker_count() -> usize {
    let cores = gloo::utils::window().navigator().hardware_concurrency();
    let cores =
        if cores.is_finite() && cores >= 1.0 { cores as usize } else { 1 };
    cores.saturating_sub(1).clamp(1, MAX_WORKERS)
}

/// Starts the job in Web Workers; false where the page does not allow
/// one (the caller then runs it in slices).
fn start_workers(job: &Rc<RefCell<Job>>) -> bool {
    let Some(base) = BASE.with(|b| b.borrow().clone()) else {
        return false;
    };
    // A worker must come from the page's own origin.
    let window = gloo::utils::window();
    let same_origin = web_sys::Url::new(&base)
        .ok()
        .zip(window.location().origin().ok())
        .is_some_and(|(u, o)| u.origin() == o);
    if !same_origin {
        return false;
    }
    let n = worker_count();
    let mut started = Vec::new();
    for k in 0..n {
        match start_worker(job, &base, k, n) {
            Some(w) => started.push(w),
            // A worker that cannot start leaves its chunks undone: stop
            // the others (dropping them terminates them) and run in
            // slices.
            None => return false,
        }
    }
    let weak = Rc::downgrade(job);
    let watchdog = gloo::timers::callback::Interval::new(1000, move || {
        let Some(job) = weak.upgrade() else { return };
        let t = now();
        let stalled = job.try_borrow().is_ok_and(|j| {
            !j.workers.is_empty() && t - j.last_advance > STALL_MS
        });
        if stalled {
            fall_back(&job, "the analysis workers stopped sending draws");
        }
    });
    let t = now();
    let mut j = job.borrow_mut();
    j.mode = Mode::Worker;
    j.workers = started;
    j.last_advance = t;
    j.watchdog = Some(watchdog);
    true
}

/// Moves the chunks that continue the draws in order from `pending`
/// into the analysis; true if any did.
fn take_pending(
    analysis: &mut Analysis,
    pending: &mut Chunks,
    scenario: &Scenario,
) -> bool {
    let worlds = 1usize << scenario.hypotheses.len();
    let bits = scenario.checked().count();
    let mut moved = false;
    loop {
        let next = analysis.progress().0;
        let Some(data) = pending.remove(&next) else { break };
        let draws = decode_draws(&data, worlds, bits);
        if draws.is_empty() {
            break;
        }
        for d in draws {
            analysis.push(scenario, d);
        }
        moved = true;
    }
    moved
}

/// Starts worker `k` of `n`: it simulates chunks `k`, `k + n`, `k + 2n`…
fn start_worker(
    job: &Rc<RefCell<Job>>,
    base: &str,
    k: usize,
    n: usize,
) -> Option<WorkerHandle> {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(
        &format!("{base}claimcheck-worker.js"),
        &opts,
    )
    .ok()?;
    let (id, draws) = {
        let j = job.borrow();
        (j.scenario.id.clone(), j.analysis.progress().1)
    };
    let weak = Rc::downgrade(job);
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
        move |e: web_sys::MessageEvent| {
            let Some(job) = weak.upgrade() else { return };
            let msg = e.data();
            if let Some(error) = js_sys::Reflect::get(&msg, &"error".into())
                .ok()
                .and_then(|v| v.as_string())
            {
                fall_back(&job, &error);
                return;
            }
            let data = js_sys::Reflect::get(&msg, &"data".into())
                .ok()
                .and_then(|d| d.dyn_into::<js_sys::Float64Array>().ok())
                .map(|a| a.to_vec());
            let start = js_sys::Reflect::get(&msg, &"start".into())
                .ok()
                .and_then(|v| v.as_f64());
            let (Some(data), Some(start)) = (data, start) else {
                fall_back(&job, "a worker sent a message without draws");
                return;
            };
            let t = now();
            let publish = {
                let Ok(mut j) = job.try_borrow_mut() else { return };
                if j.workers.is_empty() {
                    // Fallen back already: the slices use what arrives.
                    j.pending.insert(start as usize, data);
                    return;
                }
                j.pending.insert(start as usize, data);
                let scenario = j.scenario.clone();
                // Keep the draws in order: a chunk waits for those before it.
                let Job { analysis, pending, .. } = &mut *j;
                if take_pending(analysis, pending, &scenario) {
                    j.last_advance = t;
                }
                prepare_publish(&mut j, &scenario, t)
            };
            if let Some((progress, listeners)) = publish {
                for l in listeners {
                    l(progress.clone());
                }
            }
            let finished = job.borrow().analysis.is_done();
            if finished {
                let mut j = job.borrow_mut();
                j.workers.clear();
                j.watchdog = None;
                j.pending.clear();
            }
        },
    );
    let weak = Rc::downgrade(job);
    let on_error =
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            if let Some(job) = weak.upgrade() {
                let why = e
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "a worker could not start".into());
                fall_back(&job, &why);
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let msg = js_sys::Object::new();
    for (key, v) in [
        ("scenario", JsValue::from_str(&id)),
        ("draws", JsValue::from_f64(draws as f64)),
        ("seed", JsValue::from_f64(DEFAULT_SEED as f64)),
        ("chunk", JsValue::from_f64(WORKER_CHUNK as f64)),
        ("first", JsValue::from_f64(k as f64)),
        ("every", JsValue::from_f64(n as f64)),
    ] {
        let _ = js_sys::Reflect::set(&msg, &key.into(), &v);
    }
    // A story this page fetched is not in the worker's wasm: it gets the
    // same bytes (crate::data).
    if let Some(bytes) = crate::data::fetched_bytes(&id) {
        let pack = js_sys::Uint8Array::from(bytes.as_slice());
        let _ = js_sys::Reflect::set(&msg, &"pack".into(), &pack);
    }
    let handle =
        WorkerHandle { worker, _on_message: on_message, _on_error: on_error };
    // Dropping the handle terminates the worker.
    handle.worker.post_message(&msg).ok()?;
    Some(handle)
}

/// A worker failed (blocked by the page's policy, or stopped without a
/// word): stop them all and finish the job in slices from where the
/// draws in order got to, using the chunks that already arrived. Says
/// why in the console, once.
fn fall_back(job: &Rc<RefCell<Job>>, why: &str) {
    {
        let mut j = job.borrow_mut();
        if j.mode == Mode::Worker && !j.analysis.is_done() {
            web_sys::console::warn_1(
                &format!(
                    "claimcheck: {why}; the claims are checked on the page \
                     instead (slower, from draw {} of {}).",
                    j.analysis.progress().0,
                    j.analysis.progress().1
                )
                .into(),
            );
        }
        j.workers.clear();
        j.watchdog = None;
        j.mode = Mode::Slices;
    }
    schedule(job);
}

type Publish = (Progress, Vec<Listener>);

/// After new draws: the progress to publish, if it is time to.
/// `t` is [`now`], read before the job was borrowed: no call into the
/// page happens while it is.
fn prepare_publish(
    j: &mut Job,
    scenario: &Scenario,
    t: f64,
) -> Option<Publish> {
    let done = j.analysis.is_done();
    if done || t - j.last_publish >= PUBLISH_MS || j.latest.support.is_none() {
        j.last_publish = t;
        let (d, total) = j.analysis.progress();
        let support = Shared(Rc::new(j.analysis.result(scenario)));
        j.latest = Progress {
            done: d,
            total,
            support: Some(support),
            mode: j.mode,
            ms: None,
        };
        if done {
            j.finished_ms = Some(t - j.started);
            j.latest.ms = j.finished_ms;
        }
        Some((
            j.latest.clone(),
            j.listeners.iter().map(|(_, l)| l.clone()).collect(),
        ))
    } else {
        None
    }
}

fn schedule(job: &Rc<RefCell<Job>>) {
    let mut j = job.borrow_mut();
    if j.timer.is_some() || j.analysis.is_done() {
        return;
    }
    let weak = Rc::downgrade(job);
    j.timer = Some(Timeout::new(0, move || {
        if let Some(job) = weak.upgrade() {
            slice(&job);
        }
    }));
}

fn slice(job: &Rc<RefCell<Job>>) {
    // The draws are simulated with the analysis taken out of the job, so
    // that an error that cuts the slice short (no Rust code unwinds in the
    // wasm) leaves no borrow of the job behind, and the next slice,
    // already scheduled, can tell and start again.
    let (mut analysis, mut pending, scenario) = {
        let Ok(mut j) = job.try_borrow_mut() else { return };
        j.timer = None;
        if !j.workers.is_empty() || j.analysis.is_done() {
            return;
        }
        let scenario = j.scenario.clone();
        // Not the analysis' own count: a slice cut short leaves a placeholder.
        let draws = j.latest.total;
        if j.busy {
            j.restarts += 1;
            if j.restarts > MAX_RESTARTS {
                web_sys::console::error_1(
                    &"claimcheck: the analysis keeps failing; the verdicts \
                      are not available."
                        .into(),
                );
                return;
            }
            web_sys::console::warn_1(
                &"claimcheck: a slice of the analysis stopped with an error; \
                  the claims are checked again from the first draw."
                    .into(),
            );
            j.analysis = Analysis::new(&scenario, draws, DEFAULT_SEED);
        }
        j.busy = true;
        // One draw to plan: cheap, and never done, so the timer below is set.
        let placeholder = Analysis::new(&scenario, 0, DEFAULT_SEED);
        let pending = std::mem::take(&mut j.pending);
        (std::mem::replace(&mut j.analysis, placeholder), pending, scenario)
    };
    schedule(job);
    let start = now();
    // One draw at a time until the slice's budget is spent, taking the
    // chunks a worker sent before it stopped as they come up.
    take_pending(&mut analysis, &mut pending, &scenario);
    while !analysis.is_done() && now() - start < SLICE_MS {
        analysis.step(&scenario, 1);
        take_pending(&mut analysis, &mut pending, &scenario);
    }
    let t = now();
    let publish = {
        let Ok(mut j) = job.try_borrow_mut() else { return };
        j.analysis = analysis;
        j.pending = pending;
        j.busy = false;
        if j.analysis.is_done() {
            j.timer = None;
        }
        prepare_publish(&mut j, &scenario, t)
    };
    if let Some((progress, listeners)) = publish {
        for l in listeners {
            l(progress.clone());
        }
    }
}

/// The analysis of `scenario`, as this component sees it: re-renders on
/// progress.
#[hook]
pub fn use_support(scenario: &Shared<Scenario>) -> Progress {
    let state = use_state(|| None::<Progress>);
    {
        let state = state.clone();
        use_effect_with(scenario.clone(), move |scenario| {
            let s = state.clone();
            let (id, progress) =
                subscribe(&scenario.0, Rc::new(move |p| s.set(Some(p))));
            state.set(Some(progress));
            let sid = scenario.id.clone();
            move || unsubscribe(&sid, id)
        });
    }
    (*state)
        .clone()
        .filter(|p| {
            p.support.as_ref().is_none_or(|s| {
                s.judgement.claims.len() == scenario.claims.len()
            })
        })
        .unwrap_or(Progress {
            done: 0,
            total: DEFAULT_DRAWS,
            support: None,
            mode: Mode::Slices,
            ms: None,
        })
}
