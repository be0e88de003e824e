//! "For you": a ranking learned on the device from the reader's own marks.
//!
//! Papers become tf-idf vectors of word unigrams and bigrams ([`features`], words from
//! [`text`]); a linear SVM ([`svm`]) learns from the saved and liked papers (positives)
//! against the disliked ones and a sample of the others (negatives), as arxiv-sanity-lite
//! does; [`model`] ranks, explains and finds similar papers; [`library`] does it by paper id
//! for the app.

pub mod features;
pub mod library;
pub mod model;
pub mod sample;
pub mod svm;
pub mod target;
pub mod text;
