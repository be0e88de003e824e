//! Small text helpers for display: whitespace, author lists, previews, counts.

/// Collapses every run of whitespace (including feed line wraps) into one space and trims.
///
/// ```
/// use papersift_domain::display::collapse_whitespace;
/// assert_eq!(collapse_whitespace("  Deep\n   Learning \t"), "Deep Learning");
/// assert_eq!(collapse_whitespace("a\u{a0}b\u{2009}c é"), "a b c é");
/// ```
pub fn collapse_whitespace(text: &str) -> String {
    // This runs on every abstract of every feed, so the common cases use SIMD scans
    // (memchr). Unicode whitespace beyond ASCII always starts with one of these UTF-8 lead
    // bytes (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000).
    let bytes = text.as_bytes();
    let rare = memchr::memchr3(0xC2, 0xE1, 0xE2, bytes).is_some()
        || memchr::memchr3(0xE3, b'\t', b'\r', bytes).is_some()
        || memchr::memchr2(0x0B, 0x0C, bytes).is_some();
    if !rare {
        // Only spaces and line feeds: line feeds become spaces, and if that leaves no
        // double or edge spaces, the text is done.
        let joined = if bytes.contains(&b'\n') { text.replace('\n', " ") } else { text.to_owned() };
        if memchr::memmem::find(joined.as_bytes(), b"  ").is_none()
            && !joined.starts_with(' ')
            && !joined.ends_with(' ')
        {
            return joined;
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Joins author names, keeping the first `keep` and the last one when the list is long.
///
/// ```
/// use papersift_domain::display::short_authors;
/// let names: Vec<String> = ["A", "B", "C", "D", "E"].map(String::from).into();
/// assert_eq!(short_authors(&names, 2), "A, B, … (+2), E");
/// assert_eq!(short_authors(&names[..3], 3), "A, B, C");
/// ```
pub fn short_authors(names: &[String], keep: usize) -> String {
    // Keeping the last author too matters: in many fields it names the lab.
    if names.len() <= keep + 1 {
        return names.join(", ");
    }
    let hidden = names.len() - keep - 1;
    let mut out = names[..keep].join(", ");
    out.push_str(&format!(", … (+{hidden}), "));
    out.push_str(&names[names.len() - 1]);
    out
}

/// The beginning of `text` shown while a card's abstract is folded: at most `max_chars`
/// characters, cut after a word (within the last fifth, else mid-word) and ended with "…";
/// the whole text when it is that short.
///
/// ```
/// use papersift_domain::display::preview;
/// assert_eq!(preview("Deep learning for robots", 100), "Deep learning for robots");
/// assert_eq!(preview("Deep learning for robots", 16), "Deep learning…");
/// assert_eq!(preview("Überraschungsei", 5), "Überr…");
/// ```
pub fn preview(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else { return text.into() };
    let head = &text[..cut];
    // At the last space within the last fifth: the word it would cut starts the next line.
    let word_end = head
        .char_indices()
        .rev()
        .take(max_chars / 5)
        .find(|(_, c)| c.is_whitespace())
        .map_or(head.len(), |(i, _)| i);
    format!("{}…", head[..word_end].trim_end()).into()
}

/// `"1 paper"`, `"494 papers"`: a count with its noun, for status lines.
///
/// ```
/// use papersift_domain::display::count_noun;
/// assert_eq!(count_noun(1, "paper"), "1 paper");
/// assert_eq!(count_noun(494, "paper"), "494 papers");
/// ```
pub fn count_noun(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// A count shortened for badges: `999`, `1.2k`, `12k`, `3.4M`.
///
/// ```
/// use papersift_domain::display::compact_count;
/// assert_eq!(compact_count(999), "999");
/// assert_eq!(compact_count(1_234), "1.2k");
/// assert_eq!(compact_count(12_345), "12k");
/// assert_eq!(compact_count(3_400_000), "3.4M");
/// ```
pub fn compact_count(n: u32) -> String {
    let (scaled, unit) = match n {
        0..=999 => return n.to_string(),
        1_000..=999_999 => (f64::from(n) / 1e3, "k"),
        _ => (f64::from(n) / 1e6, "M"),
    };
    if scaled < 10.0 {
        format!("{:.1}{unit}", (scaled * 10.0).floor() / 10.0)
    } else {
        format!("{:.0}{unit}", scaled.floor())
    }
}
