//! A channel between the host page and one mounted widget: the JS API
//! drives the widget through it and reads its results back.
//!
//! The widget stays the only owner of its state: the bridge can only
//! dispatch the same [`Action`]s a reader's clicks do, and it is told the
//! results after each change.

use std::cell::RefCell;
use std::rc::Rc;

use claimcheck_model::{HypothesisSet, Params};
use yew::Callback;

use crate::analysis::Progress;
use crate::app::ResultsRef;
use crate::state::Action;

/// A listener for result changes.
pub type Listener = Rc<dyn Fn(&ResultsRef, &Progress)>;

/// The channel. Create one, pass it in [`crate::Options`], keep a clone.
#[derive(Default)]
pub struct Bridge {
    dispatch: RefCell<Option<Callback<Action>>>,
    latest: RefCell<Option<ResultsRef>>,
    progress: RefCell<Option<Progress>>,
    listeners: RefCell<Vec<Listener>>,
    published: std::cell::Cell<bool>,
    /// The state of preloaded results the widget has not rendered yet.
    expected: RefCell<Option<(HypothesisSet, Params)>>,
}

impl Bridge {
    /// Dispatches an action to the widget; false if it is not mounted.
    pub fn dispatch(&self, action: Action) -> bool {
        let dispatch = self.dispatch.borrow().clone();
        match dispatch {
            Some(d) => {
                d.emit(action);
                true
            }
            None => false,
        }
    }

    /// The results the widget shows now, once it has rendered.
    pub fn results(&self) -> Option<ResultsRef> {
        self.latest.borrow().clone()
    }

    /// The analysis behind the verdicts, as the widget last saw it.
    pub fn progress(&self) -> Option<Progress> {
        self.progress.borrow().clone()
    }

    /// Calls `listener` after every change of the results.
    pub fn on_change(&self, listener: Listener) {
        self.listeners.borrow_mut().push(listener);
    }

    /// Called by the widget on every render.
    pub(crate) fn attach(&self, dispatch: Callback<Action>) {
        *self.dispatch.borrow_mut() = Some(dispatch);
    }

    /// Stores results computed ahead of the widget's next render, so a
    /// caller sees them at once; listeners hear of them when the widget
    /// has rendered them.
    pub fn preload(&self, results: ResultsRef) {
        *self.expected.borrow_mut() =
            Some((results.hypotheses, results.params.clone()));
        *self.latest.borrow_mut() = Some(results);
    }

    /// Called by the widget after its results or the analysis changed.
    pub(crate) fn publish(&self, results: &ResultsRef, progress: &Progress) {
        *self.progress.borrow_mut() = Some(progress.clone());
        // A render of an older state than the one preloaded is stale.
        let expected = self.expected.borrow().clone();
        if let Some(state) = expected {
            if state != (results.hypotheses, results.params.clone()) {
                return;
            }
            *self.expected.borrow_mut() = None;
        }
        let first = !self.published.replace(true);
        *self.latest.borrow_mut() = Some(results.clone());
        if first {
            return;
        }
        let listeners = self.listeners.borrow().clone();
        for l in listeners {
            l(results, progress);
        }
    }

    /// Forgets the widget and its listeners, so later calls report it
    /// is gone.
    pub fn detach(&self) {
        *self.dispatch.borrow_mut() = None;
        self.listeners.borrow_mut().clear();
    }
}
