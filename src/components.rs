//! The widget's components, one per file.

pub mod assumptions;
pub mod axis;
pub mod background;
pub mod chart;
pub mod claim_list;
pub mod controls;
pub mod data_table;
pub mod embed_panel;
pub mod event_detail;
pub mod event_list;
pub mod evidence;
pub mod figure;
pub mod legend;
pub mod param_slider;
pub mod quote;
pub mod timeline;
pub mod tuning;
