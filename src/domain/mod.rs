//! The pure core: paper model, feed parsers, periods, ranking and the list selection.
//!
//! Nothing here touches the browser or the UI framework: time comes in as a parameter,
//! and everything is tested natively with `cargo test`.

pub mod backup;
pub mod bibtex;
pub mod cache;
pub mod calendar;
pub mod catalog;
pub mod chips;
pub mod digest;
pub mod display;
pub mod display_prefs;
pub mod engine;
pub mod explain;
pub mod feed;
pub mod foryou;
pub mod marks;
pub mod mutes;
pub mod paper;
pub mod period;
pub mod publish;
pub mod rank;
pub mod reading_order;
pub mod ris;
pub mod row_window;
pub mod search;
pub mod seen;
pub mod source_list;
pub mod sources;
pub mod topics;
pub mod view_state;
