//! Helpers shared by the native integration tests.
#![allow(dead_code, reason = "each test file uses only some of these helpers")]

use std::path::PathBuf;

use chrono::NaiveDate;

/// The "today" tests pass to parsers: papers dated after the day after it are skipped.
pub const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();

/// `tests/fixtures/<rel>` inside this repository.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

/// A path in the shared data set (`$PAPERSIFT_DATA`, else `../shared/data`).
///
/// Every test over the shared data is ignored by default; `scripts/test.sh` runs them
/// (`--include-ignored`) when the data is there and says how many it skipped when it is not.
/// Only tests marked `#[ignore = "needs the shared corpus (PAPERSIFT_DATA)"]` call this, and
/// it panics when the data is absent: a test that cannot check what it claims must fail,
/// never pass on missing data.
pub fn shared_data(rel: &str) -> PathBuf {
    let root = std::env::var_os("PAPERSIFT_DATA")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"), PathBuf::from);
    let path = root.join(rel);
    assert!(path.exists(), "{} not found: set PAPERSIFT_DATA to the shared data folder", path.display());
    path
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
