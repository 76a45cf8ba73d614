//! The support analysis behind every verdict, run in the reader's
//! browser without blocking the page.
//!
//! The analysis ([`claimcheck_model::support`]) depends on the scenario
//! only, never on a reader's settings, so one run serves every widget on
//! the page that shows the same story. It runs on the main thread in
//! slices of at most [`SLICE_MS`] milliseconds, each scheduled as its own
//! task (`setTimeout`), so input and rendering are never blocked for
//! long: this works in every embed, including a cross-origin script
//! under a strict Content-Security-Policy, where a worker cannot be
//! started. Widgets are told of progress and of partial results as draws
//! come in; a job nobody watches any more is cancelled.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use claimcheck_model::support::{
    Analysis, Support, DEFAULT_DRAWS, DEFAULT_SEED,
};
use claimcheck_model::Scenario;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::Shared;

/// The longest a slice of work may take, in milliseconds: well under
/// the 50 ms that counts as a long task.
pub const SLICE_MS: f64 = 12.0;

/// How often partial results are published, in milliseconds.
const PUBLISH_MS: f64 = 150.0;

/// What a widget knows of the analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Draws done.
    pub done: usize,
    /// Draws planned.
    pub total: usize,
    /// The result so far (partial until `done == total`).
    pub support: Option<Shared<Support>>,
}

impl Progress {
    /// Whether every draw is done.
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

type Listener = Rc<dyn Fn(Progress)>;

struct Job {
    scenario: Rc<Scenario>,
    analysis: Analysis,
    listeners: Vec<(usize, Listener)>,
    latest: Progress,
    timer: Option<Timeout>,
    last_publish: f64,
    started: f64,
    finished_ms: Option<f64>,
}

thread_local! {
    static JOBS: RefCell<HashMap<String, Rc<RefCell<Job>>>> = RefCell::new(HashMap::new());
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
    let job = JOBS.with(|jobs| {
        jobs.borrow_mut()
            .entry(scenario.id.clone())
            .or_insert_with(|| {
                let analysis =
                    Analysis::new(scenario, DEFAULT_DRAWS, DEFAULT_SEED);
                let (done, total) = analysis.progress();
                Rc::new(RefCell::new(Job {
                    scenario: scenario.clone(),
                    analysis,
                    listeners: Vec::new(),
                    latest: Progress { done, total, support: None },
                    timer: None,
                    last_publish: 0.0,
                    started: now(),
                    finished_ms: None,
                }))
            })
            .clone()
    });
    let progress = {
        let mut j = job.borrow_mut();
        j.listeners.push((id, listener));
        j.latest.clone()
    };
    schedule(&job);
    (id, progress)
}

/// Ends a subscription; a job nobody watches is cancelled (its timer
/// dropped), and starts again from the beginning if asked for later.
pub fn unsubscribe(scenario_id: &str, id: usize) {
    JOBS.with(|jobs| {
        let mut jobs = jobs.borrow_mut();
        let empty = match jobs.get(scenario_id) {
            Some(job) => {
                let mut j = job.borrow_mut();
                j.listeners.retain(|(k, _)| *k != id);
                j.listeners.is_empty() && !j.analysis.is_done()
            }
            None => false,
        };
        if empty {
            jobs.remove(scenario_id);
        }
    });
}

/// How long the last finished analysis of `scenario_id` took, in
/// milliseconds of wall time (for the benchmark).
pub fn duration_ms(scenario_id: &str) -> Option<f64> {
    JOBS.with(|jobs| {
        jobs.borrow().get(scenario_id).and_then(|j| j.borrow().finished_ms)
    })
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
    let publish = {
        let mut j = job.borrow_mut();
        j.timer = None;
        let start = now();
        let scenario = j.scenario.clone();
        // One draw at a time until the slice's budget is spent.
        while !j.analysis.is_done() && now() - start < SLICE_MS {
            j.analysis.step(&scenario, 1);
        }
        let t = now();
        let done = j.analysis.is_done();
        if done
            || t - j.last_publish >= PUBLISH_MS
            || j.latest.support.is_none()
        {
            j.last_publish = t;
            let (d, total) = j.analysis.progress();
            let support = Shared(Rc::new(j.analysis.result(&scenario)));
            j.latest = Progress { done: d, total, support: Some(support) };
            if done {
                j.finished_ms = Some(t - j.started);
            }
            Some((
                j.latest.clone(),
                j.listeners.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>(),
            ))
        } else {
            None
        }
    };
    if let Some((progress, listeners)) = publish {
        for l in listeners {
            l(progress.clone());
        }
    }
    schedule(job);
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
        .unwrap_or(Progress { done: 0, total: DEFAULT_DRAWS, support: None })
}
