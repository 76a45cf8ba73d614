//! The widget's components, one per file.

pub mod background;
pub mod claim_list;
pub mod event_detail;
pub mod event_list;
pub mod quote;
pub mod timeline;
