//! Text analysis shared by the index, the query and highlighting: words are split at
//! anything that is not a letter or digit, folded (lower case, Latin diacritics removed)
//! and stemmed with Snowball English; common English words are stop words.
//!
//! Hyphenated words (`β-DPO`, `Llama3-70B`, `GPT-4o`) yield their parts and, as an extra
//! token at the same position, the parts joined (`gpt4o`), so `gpt4o`, `GPT-4o` and
//! `"gpt 4o"` all find the same papers.
//!
//! ```
//! use papersift_domain::search::analyze::{fold_words, stem};
//! let words: Vec<String> = fold_words("Élan of GPT-4o").into_iter().map(|w| w.text).collect();
//! assert_eq!(words, ["elan", "of", "gpt", "4o", "gpt4o"]);
//! assert_eq!(stem("models"), "model");
//! ```

use std::borrow::Cow;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};

/// Longest word indexed, in bytes; longer runs (base64, hashes) are cut.
pub const MAX_WORD: usize = 40;

/// A folded word of a text, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower-cased, diacritics removed.
    pub text: String,
    /// Byte range in the original text (for joined compounds: the whole compound).
    pub span: Range<usize>,
    /// Position in the word sequence; a joined compound shares its first part's position.
    pub position: u32,
    /// Whether this is the joined form of a hyphenated compound.
    pub joined: bool,
}

/// Whether `word` (folded) is too common to index: searching for it alone matches everything.
pub fn is_stop_word(word: &str) -> bool {
    const STOP: [&str; 40] = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "into",
        "is", "it", "its", "of", "on", "or", "our", "s", "such", "that", "the", "their", "these", "this",
        "to", "via", "was", "we", "were", "which", "while", "with", "both", "also", "than",
    ];
    STOP.contains(&word)
}

/// The Snowball English stem of a folded word; words with digits or non-ASCII letters
/// (`4o`, `β`) are kept whole.
pub fn stem(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase()) && word.len() > 2 {
        Stemmer::create(Algorithm::English).stem(word)
    } else {
        Cow::Borrowed(word)
    }
}

/// Folds one character: lower case, and Latin letters with diacritics to their base
/// letter (a table rather than Unicode decomposition, which would weigh on the download).
#[inline]
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        fold_other(c, out);
    }
}

/// [`fold_char`] of a character outside ASCII.
fn fold_other(c: char, out: &mut String) {
    // U+00C0..U+017F: Latin-1 Supplement letters and Latin Extended-A, base letter per code point
    // ('\0' keeps the character as it lower-cases).
    const LATIN: &str = concat!(
        "aaaaaaaceeeeiiii",
        "dnooooo\0ouuuuyts",
        "aaaaaaaceeeeiiii",
        "dnooooo\0ouuuuyty",
        "aaaaaaccccccccdd",
        "ddeeeeeeeeeegggg",
        "gggghhhhiiiiiiii",
        "iijjjjkkklllllll",
        "lllnnnnnnnnnoooo",
        "oooorrrrrrssssss",
        "ssttttttuuuuuuuu",
        "uuuuwwyyyzzzzzzs",
    );
    let code = c as u32;
    if (0xC0..0x180).contains(&code) {
        let base = LATIN.as_bytes()[(code - 0xC0) as usize];
        if base != 0 {
            out.push(char::from(base));
            if matches!(code, 0xC6 | 0xE6) {
                out.push('e'); // æ
            } else if code == 0xDF {
                out.push('s'); // ß
            }
            return;
        }
    }
    for lower in c.to_lowercase() {
        // A sign that lower-cases to a Latin letter (Å, U+212B, to å) folds like that letter.
        if lower != c && (0xC0..0x180).contains(&(lower as u32)) {
            fold_char(lower, out);
        } else {
            out.push(lower);
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The word character starting at byte `at` of `text`, if one does (ASCII without decoding:
/// most of a paper is).
fn word_char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)).filter(char::is_ascii_alphanumeric),
        _ => text[at..].chars().next().filter(|&c| is_word_char(c)),
    }
}

/// The next word character at or after byte `*at` of `text` with where it starts; `*at`
/// moves past it.
fn word_char_from(text: &str, at: &mut usize) -> Option<(usize, char)> {
    while *at < text.len() {
        let start = *at;
        match word_char_at(text, start) {
            Some(c) => {
                *at += c.len_utf8();
                return Some((start, c));
            }
            // Past the character that is not a word's (a UTF-8 lead byte says its length).
            None => *at += text[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    None
}

/// Calls `each(folded, span, position, joined)` for every word of `text`, without
/// allocating per word (the index calls this on every paper).
pub fn for_each_word(text: &str, mut each: impl FnMut(&str, Range<usize>, u32, bool)) {
    let mut position = 0u32;
    let mut word = String::new();
    let mut joined = String::new();
    // (start of the compound being read, its first position)
    let mut compound: Option<(usize, u32)> = None;
    let mut at = 0;
    while let Some((start, c)) = word_char_from(text, &mut at) {
        word.clear();
        fold_char(c, &mut word);
        let mut end = at;
        while let Some(c) = word_char_at(text, end) {
            if word.len() < MAX_WORD {
                fold_char(c, &mut word);
            }
            end += c.len_utf8();
        }
        at = end;
        each(&word, start..end, position, false);
        // A hyphen (or a dot between digits) directly followed by a word character continues the compound.
        let mut after = text[end..].chars();
        let continues = match (after.next(), after.next()) {
            (Some('-' | '‐' | '_'), Some(next)) => is_word_char(next),
            (Some('.'), Some(next)) => {
                next.is_ascii_digit() && text[..end].chars().next_back().is_some_and(|c| c.is_ascii_digit())
            }
            _ => false,
        };
        // Only a compound's words are copied into `joined`: most words stand alone.
        compound = match (compound, continues) {
            (None, false) => None,
            (None, true) => {
                joined.clear();
                joined.push_str(&word);
                Some((start, position))
            }
            (Some(first), true) => {
                joined.push_str(&word);
                Some(first)
            }
            (Some((first, first_position)), false) => {
                joined.push_str(&word);
                if joined.len() <= MAX_WORD {
                    each(&joined, first..end, first_position, true);
                }
                None
            }
        };
        position += 1;
    }
}

/// The words of `text`, folded (stop words included, not stemmed).
pub fn fold_words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    for_each_word(text, |w, span, position, joined| {
        words.push(Word { text: w.to_owned(), span, position, joined });
    });
    words
}

/// `text` folded as one string (what a query word is compared with).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(String, u32)> {
        fold_words(s).into_iter().map(|w| (w.text, w.position)).collect()
    }

    #[test]
    fn compounds_yield_parts_and_joined_form() {
        let words = texts("β-DPO beats Llama3-70B");
        let expected =
            [("β", 0), ("dpo", 1), ("βdpo", 0), ("beats", 2), ("llama3", 3), ("70b", 4), ("llama370b", 3)];
        assert_eq!(words, expected.map(|(w, p)| (w.to_owned(), p)));
        assert_eq!(texts("GPT-3.5 and 3.5x")[..3], [("gpt".into(), 0), ("3".into(), 1), ("5".into(), 2)]);
        assert_eq!(texts("end-")[..], [("end".into(), 0)]);
    }

    #[test]
    fn folding_removes_case_and_latin_diacritics() {
        assert_eq!(fold("Ærø Straße NAÏVE Łódź"), "aero strasse naive lodz");
        assert_eq!(fold("ΑΒΓ"), "αβγ");
        assert_eq!(fold("\u{212B}ngström"), "angstrom", "the Angstrom sign folds like Å");
        let spans: Vec<_> = fold_words("Ünïcode wörds").into_iter().map(|w| w.span).collect();
        assert_eq!(spans, [0..9, 10..16]);
    }

    #[test]
    fn stems_english_words_only() {
        assert_eq!(stem("diffusion"), "diffus");
        assert_eq!(stem("agents"), "agent");
        assert_eq!(stem("4o"), "4o");
        assert_eq!(stem("β"), "β");
        assert!(is_stop_word("the") && !is_stop_word("model"));
    }

    #[test]
    fn long_runs_are_cut() {
        let long = "x".repeat(500);
        assert_eq!(fold_words(&long)[0].text.len(), MAX_WORD);
    }
}
