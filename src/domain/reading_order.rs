//! The paper before or after the open one, in the order of the list shown: what the paper
//! view's Previous and Next buttons, and `j` and `k` with a paper open, go to.

/// The id `step` places after (before, when negative) `open` among `ids`, the list's order:
/// `None` past either end. When `open` is not in the list (a paper opened from a link), reading
/// on starts at the list's first id, and there is nothing before it.
///
/// ```
/// use papersift_domain::reading_order::neighbour;
/// let ids = ["a", "b", "c"];
/// assert_eq!(neighbour(ids, "b", 1), Some("c"));
/// assert_eq!(neighbour(ids, "b", -1), Some("a"));
/// assert_eq!(neighbour(ids, "c", 1), None);
/// assert_eq!(neighbour(ids, "elsewhere", 1), Some("a"));
/// assert_eq!(neighbour(ids, "elsewhere", -1), None);
/// ```
pub fn neighbour<'a>(ids: impl IntoIterator<Item = &'a str>, open: &str, step: i32) -> Option<&'a str> {
    let ids: Vec<&str> = ids.into_iter().collect();
    let Some(at) = ids.iter().position(|&id| id == open) else {
        return ids.first().copied().filter(|_| step > 0);
    };
    let to = i64::try_from(at).ok()? + i64::from(step);
    ids.get(usize::try_from(to).ok()?).copied()
}

#[cfg(test)]
mod tests {
    use super::neighbour;

    #[test]
    fn goes_one_paper_on_and_stops_at_the_ends() {
        let ids = ["a", "b", "c"];
        assert_eq!(neighbour(ids, "a", -1), None);
        assert_eq!(neighbour(ids, "a", 1), Some("b"));
        assert_eq!(neighbour(ids, "a", 2), Some("c"));
        assert_eq!(neighbour(ids, "a", i32::MIN), None);
        assert_eq!(neighbour(ids, "c", i32::MAX), None);
        assert_eq!(neighbour([], "a", 1), None, "an empty list");
    }
}
