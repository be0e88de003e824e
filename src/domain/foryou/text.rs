//! The words of a paper that the For-you model learns from.

use super::features::Corpus;
use crate::paper::Paper;
use crate::search::analyze::{fold, for_each_word, is_stop_word, stem};

/// Interns `papers` in order, see [`add`].
pub fn corpus(papers: &[Paper]) -> Corpus {
    let mut corpus = Corpus::default();
    papers.iter().for_each(|p| add(&mut corpus, p));
    corpus
}

/// Adds a paper as the next document: stemmed words of the title, the abstract and the AI
/// keywords, each a run of its own (so bigrams stay within a field), and every author's
/// name as one token (`@ada lovelace`), since readers follow people as much as subjects.
pub fn add(corpus: &mut Corpus, paper: &Paper) {
    corpus.begin();
    words(corpus, &paper.title);
    corpus.split();
    words(corpus, &paper.abstract_text);
    for keyword in &paper.ai_keywords {
        corpus.split();
        words(corpus, keyword);
    }
    for author in &paper.authors {
        corpus.tag(&format!("@{}", fold(author.trim())));
    }
}

fn words(corpus: &mut Corpus, text: &str) {
    for_each_word(text, |word, _, _, joined| {
        // Bare numbers and single letters carry no topic.
        if !joined && word.len() > 1 && !is_stop_word(word) && !word.bytes().all(|b| b.is_ascii_digit()) {
            corpus.word_keyed(word, |w| stem(w).into_owned());
        }
    });
}
