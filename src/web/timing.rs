//! User Timing marks and measures, on the page and in the engine worker, which the benchmarks
//! read (`tests/bench/keystroke.mjs`, `tests/bench/first-rows.mjs`). Each measure runs from a
//! mark to now, and its mark is cleared, so marks do not pile up over a long visit.

use web_sys::Performance;

/// Marks `name` now (a browser without User Timing measures nothing).
pub fn mark(performance: Option<&Performance>, name: &str) {
    if let Some(performance) = performance {
        let _ = performance.mark(name);
    }
}

/// Records `measure` from the mark `from` to now and clears the mark; nothing when there is
/// no such mark (a screen sent unasked answers a look already measured).
pub fn measure_since(performance: Option<&Performance>, measure: &str, from: &str) {
    if let Some(performance) = performance
        && performance.measure_with_start_mark(measure, from).is_ok()
    {
        performance.clear_marks_with_mark_name(from);
    }
}

/// Clears the mark `name` without a measure (the work it started proved to be none).
pub fn forget(performance: Option<&Performance>, name: &str) {
    if let Some(performance) = performance {
        performance.clear_marks_with_mark_name(name);
    }
}
