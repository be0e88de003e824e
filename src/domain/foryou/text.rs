//! The words of a paper that the For-you model learns from.

use super::features::Corpus;
use crate::paper::Paper;
use crate::search::analyze::{fold, for_each_word, is_stop_word, stem};

/// How much more a category weighs than a word of the same tf-idf: twice ranked 0.936 in
/// precision@20 on the offline evaluation when its papers kept their categories, 0.589 once
/// and 0.989 four times (`cargo bench --bench foryou`); twice leaves the text its say.
pub const CATEGORY_WEIGHT: f32 = 2.0;

/// Interns `papers` in order, see [`add`].
pub fn corpus(papers: &[Paper]) -> Corpus {
    let mut corpus = Corpus::default();
    papers.iter().for_each(|p| add(&mut corpus, p));
    corpus
}

/// Adds a paper as the next document: stemmed words of the title, the abstract and the AI
/// keywords, each a run of its own (so bigrams stay within a field), and every author's
/// name as one token (`@ada lovelace`), since readers follow people as much as subjects,
/// and every subject category as one token (`cs.RO`, as the feed spells it, so it never
/// meets a folded word), since arXiv's own classification is the surest sign of a topic.
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
        corpus.tag(&format!("@{}", fold(author.trim())), 1.0);
    }
    for category in &paper.categories {
        corpus.tag(category, CATEGORY_WEIGHT);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foryou::features::{Config, Features};

    #[test]
    fn categories_are_tags_that_weigh_more_than_words() {
        let paper = |title: &str, category: &str| Paper {
            categories: vec![category.into()],
            ..Paper::new(title, title, chrono::NaiveDate::default())
        };
        let papers =
            [paper("Robot hands", "cs.RO"), paper("Robot legs", "cs.RO"), paper("Audio codecs", "cs.SD")];
        let features =
            Features::fit(corpus(&papers), &Config { min_df: 2, max_df: 1.0, ..Config::default() });
        let term = |c: &u16| features.term(*c);
        let (columns, values) = features.row(0);
        assert_eq!(columns.iter().map(term).collect::<Vec<_>>(), ["robot", "cs.RO"]);
        assert!(
            (values[1] / values[0] - CATEGORY_WEIGHT).abs() < 1e-5,
            "same df, so only the weight differs"
        );
    }
}
