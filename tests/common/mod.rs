//! Helpers shared by the native integration tests.
#![allow(dead_code, reason = "each test file uses only some of these helpers")]

use std::path::PathBuf;

use chrono::NaiveDate;

/// The "today" tests pass to parsers, for feeds that give no date.
pub const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();

/// `tests/fixtures/<rel>` inside this repository.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

/// The shared data set (`../shared/data`, or `$PAPERSIFT_DATA`), when present.
///
/// Tests over the full data set say so and pass when it is absent: the repository's
/// own fixtures cover the same formats.
pub fn shared_data(rel: &str) -> Option<PathBuf> {
    let root = std::env::var_os("PAPERSIFT_DATA")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"), PathBuf::from);
    let path = root.join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} not found (set PAPERSIFT_DATA to the shared data folder)", path.display());
        None
    }
}

/// The `*.json` files of a folder, sorted by name.
pub fn json_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}
