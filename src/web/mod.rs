//! Thin adapters between the browser and the domain; each is tested in headless Chromium.

pub mod cards;
pub mod channel;
pub mod clock;
pub mod engine_client;
pub mod engine_fetch;
pub mod engine_message;
pub mod feed_url;
pub mod fetch;
pub mod files;
pub mod idb;
pub mod load_feed;
pub mod location;
pub mod near_screen;
pub mod notify;
pub mod pending;
pub mod preview;
pub mod reading_place;
pub mod seen_observer;
pub mod service_worker;
pub mod shipped_index;
pub mod timing;
