//! The widget's components, one per file.

pub mod assumptions;
pub mod axis;
pub mod chart;
pub mod claim_list;
pub mod controls;
pub mod data_table;
pub mod event_detail;
pub mod evidence;
pub mod figure;
pub mod legend;
pub mod panels;
pub mod param_slider;
pub mod quote;
pub mod record;
pub mod share;
pub mod timeline;
pub mod tuning;

/// Ids unique within the page, so several widgets can share a page.
pub fn next_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
