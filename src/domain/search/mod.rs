//! The search engine: text analysis, the inverted index, the query language, matching
//! with BM25F relevance, and highlighting. See [`query`] for the syntax.

pub mod analyze;
pub mod bitset;
pub mod highlight;
pub mod index;
pub mod matcher;
pub mod query;
pub mod words;
