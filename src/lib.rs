//! PaperSift: a trending-papers reader that runs entirely in the browser.
//!
//! Layers, each importing only from the ones above it:
//! 1. [`domain`]: pure Rust (paper model, feed parsers, periods, ranking), tested natively;
//!    the `papersift-domain` crate (`src/domain/`), so it cannot import layers 2 and 3.
//! 2. `web`: thin adapters to the browser (fetch, clock, the engine worker's client),
//!    tested in headless Chromium.
//! 3. `feeds` (loading the sources into the engine), `screen` (what the engine says the
//!    screen shows), `app` and `components`: small Leptos views that wire signals to the
//!    domain. The catalog, its index and For you live in the engine worker
//!    (`src/bin/engine.rs`, [`domain::engine`]), not on the page.
//!
//! Layers 2 and 3 only exist on `wasm32`, so native builds and tests stay lean.

pub use papersift_domain as domain;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod backup_import;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod contexts;
#[cfg(target_arch = "wasm32")]
mod drawn_rows;
#[cfg(target_arch = "wasm32")]
mod feeds;
#[cfg(target_arch = "wasm32")]
mod for_you;
#[cfg(target_arch = "wasm32")]
mod new_papers;
#[cfg(target_arch = "wasm32")]
mod panels;
#[cfg(target_arch = "wasm32")]
mod reader_data;
#[cfg(target_arch = "wasm32")]
mod screen;
#[cfg(target_arch = "wasm32")]
mod view_signals;
#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(target_arch = "wasm32")]
pub use app::App;
