//! Tf-idf features of word unigrams and bigrams, as a sparse matrix with one
//! L2-normalised row per paper.
//!
//! Documents are first interned as token sequences ([`Corpus`]); [`Features::fit`] then
//! counts document frequencies, keeps the terms seen in at least `min_df` documents and in
//! at most a `max_df` share of them, and weights each kept term `tf × idf` with
//! `idf = ln((1 + n) / (1 + df)) + 1` (scikit-learn's smooth idf) and, when `sublinear`,
//! `tf = 1 + ln(count)`.
//!
//! ```
//! use papersift_domain::foryou::features::{Config, Corpus, Features};
//! let mut corpus = Corpus::default();
//! for text in ["robot grasping policy", "robot grasping in clutter", "language model scaling"] {
//!     corpus.begin();
//!     text.split(' ').for_each(|w| corpus.word(w));
//! }
//! let config = Config { min_df: 2, max_df: 1.0, ..Config::default() };
//! let features = Features::fit(corpus, &config);
//! let terms: Vec<String> = (0..features.len() as u16).map(|f| features.term(f)).collect();
//! assert_eq!(terms, ["robot", "grasping", "robot grasping"]);
//! assert_eq!(features.row(2).0.len(), 0); // nothing it shares with the others
//! ```

use rustc_hash::FxHashMap;

/// Marks the end of a run of words: no bigram spans it.
const BREAK: u32 = u32::MAX;

/// Pair counts are split among this many maps, so that no single map's growth (a copy of
/// all its entries) holds a step for long: one map of 2.5M pairs took a 65 ms step in
/// the browser.
const PAIR_SHARDS: usize = 16;

/// Interned strings freed per document of a step once the fit is done (freeing the 75k
/// papers' ~400k strings at once took 73 ms natively).
const RELEASED_PER_DOC: usize = 10;

/// Most terms kept: columns are stored in 16 bits, and more terms did not rank better in
/// the offline evaluation (`cargo bench --bench foryou`).
pub const MAX_FEATURES: usize = 50_000;

/// The documents as interned token sequences, before any counting.
#[derive(Debug, Default)]
pub struct Corpus {
    ids: FxHashMap<Box<str>, u32>,
    /// Token of each form already seen, so a form's key (its stem) is computed once.
    forms: FxHashMap<Box<str>, u32>,
    /// How each interned word is shown: the first form seen (`models` for `model`).
    words: Vec<Box<str>>,
    tokens: Vec<u32>,
    starts: Vec<u32>,
    /// Weight of each word added by [`Corpus::tag`].
    tags: FxHashMap<u32, f32>,
}

impl Corpus {
    /// Starts the next document.
    pub fn begin(&mut self) {
        self.starts.push(self.tokens.len() as u32);
    }

    /// Appends a word to the current run of the current document.
    pub fn word(&mut self, word: &str) {
        let id = self.intern(word, word);
        self.tokens.push(id);
    }

    /// Appends the word `form`, counted under `key(form)` (its stem) and shown as the first
    /// form seen with that key; `key` runs once per distinct form.
    pub fn word_keyed(&mut self, form: &str, key: impl FnOnce(&str) -> String) {
        let id = match self.forms.get(form) {
            Some(&id) => id,
            None => {
                let id = self.intern(&key(form), form);
                self.forms.insert(form.into(), id);
                id
            }
        };
        self.tokens.push(id);
    }

    fn intern(&mut self, key: &str, shown: &str) -> u32 {
        match self.ids.get(key) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.words.push(shown.into());
                self.ids.insert(key.into(), id);
                id
            }
        }
    }

    /// Ends the current run: the next word starts a new one (no bigram across fields).
    pub fn split(&mut self) {
        if self.tokens.last().is_some_and(|&t| t != BREAK) {
            self.tokens.push(BREAK);
        }
    }

    /// A token that stands alone (an author name, a category): never part of a bigram,
    /// kept however many documents have it (`max_df` is for words, and a tag shared by a
    /// fifth of them still tells), and its tf-idf multiplied by `weight`.
    pub fn tag(&mut self, token: &str, weight: f32) {
        self.split();
        let id = self.intern(token, token);
        self.tokens.push(id);
        self.tags.insert(id, weight);
        self.split();
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there is no document.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    fn doc(&self, d: usize) -> &[u32] {
        let end = self.starts.get(d + 1).map_or(self.tokens.len(), |&e| e as usize);
        &self.tokens[self.starts[d] as usize..end]
    }
}

/// Which terms become features, and how they are weighted.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Keep terms found in at least this many documents.
    pub min_df: u32,
    /// Drop terms found in more than this share of the documents.
    pub max_df: f32,
    /// Keep at most this many terms (at most [`MAX_FEATURES`]), the most frequent in the
    /// whole corpus first.
    pub max_features: usize,
    /// Add pairs of adjacent words.
    pub bigrams: bool,
    /// `1 + ln(count)` instead of the raw count.
    pub sublinear: bool,
}

impl Default for Config {
    /// The arxiv-sanity-lite settings, with PaperSift's cap of [`MAX_FEATURES`] terms
    /// (arxiv-sanity-lite keeps 20,000).
    fn default() -> Self {
        Self { min_df: 5, max_df: 0.1, max_features: MAX_FEATURES, bigrams: true, sublinear: true }
    }
}

/// A kept term: one word, or two adjacent words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    Word(u32),
    Pair(u32, u32),
}

/// The fitted vocabulary and the tf-idf matrix of the corpus it was fitted on.
#[derive(Debug, Default, Clone)]
pub struct Features {
    words: Vec<Box<str>>,
    terms: Vec<Term>,
    idf: Vec<f32>,
    starts: Vec<u32>,
    columns: Vec<u16>,
    values: Vec<f32>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Count {
    df: u32,
    tf: u32,
    last: u32,
}

impl Count {
    fn add(&mut self, doc: u32) {
        self.tf += 1;
        if self.df == 0 || self.last != doc {
            self.df += 1;
            self.last = doc;
        }
    }
}

fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// A fit under way, done in steps of a number of documents so that a large corpus never
/// holds the page for long: count words, count pairs, choose the terms, compute the rows.
#[derive(Debug)]
pub struct Fitting {
    corpus: Corpus,
    config: Config,
    stage: Stage,
    next: usize,
    words: Vec<Count>,
    pairs: Vec<FxHashMap<u64, Count>>,
    word_column: Vec<u32>,
    pair_column: FxHashMap<u64, u32>,
    features: Features,
    /// The corpus's strings, freed a part at a time once the rows are computed.
    garbage: Vec<Box<str>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Words,
    Pairs,
    Rows,
    Release,
    Done,
}

fn pair_shard(key: u64) -> usize {
    key as usize % PAIR_SHARDS
}

impl Fitting {
    /// Starts fitting `corpus`.
    pub fn new(corpus: Corpus, config: &Config) -> Self {
        Self {
            words: vec![Count::default(); corpus.words.len()],
            corpus,
            config: config.clone(),
            stage: Stage::Words,
            next: 0,
            pairs: vec![FxHashMap::default(); PAIR_SHARDS],
            word_column: Vec::new(),
            pair_column: FxHashMap::default(),
            features: Features::default(),
            garbage: Vec::new(),
        }
    }

    /// Goes through up to `docs` more documents; true once the fit is done.
    pub fn step(&mut self, docs: usize) -> bool {
        let n = self.corpus.len();
        let (from, to) = (self.next, self.next.saturating_add(docs.max(1)).min(n));
        match self.stage {
            Stage::Words => {
                for d in from..to {
                    for &t in self.corpus.doc(d).iter().filter(|&&t| t != BREAK) {
                        self.words[t as usize].add(d as u32);
                    }
                }
            }
            Stage::Pairs => {
                let min_df = self.config.min_df;
                let words = &self.words;
                // A pair is never in more documents than either word, so rare words need no pair count.
                let frequent_enough = |t: u32| t != BREAK && words[t as usize].df >= min_df;
                for d in from..to {
                    for w in self.corpus.doc(d).windows(2) {
                        if frequent_enough(w[0]) && frequent_enough(w[1]) {
                            let key = pair_key(w[0], w[1]);
                            self.pairs[pair_shard(key)].entry(key).or_default().add(d as u32);
                        }
                    }
                }
            }
            Stage::Rows => {
                let mut row: Vec<u32> = Vec::new();
                for d in from..to {
                    row.clear();
                    let doc = self.corpus.doc(d);
                    row.extend(doc.iter().filter(|&&t| t != BREAK).map(|&t| self.word_column[t as usize]));
                    if self.config.bigrams {
                        let pairs = &self.pair_column;
                        row.extend(doc.windows(2).filter_map(|w| pairs.get(&pair_key(w[0], w[1])).copied()));
                    }
                    row.retain(|&c| c != u32::MAX);
                    self.features.push_row(&mut row, self.config.sublinear);
                }
            }
            Stage::Release => {
                let kept = self.garbage.len().saturating_sub(docs.max(1).saturating_mul(RELEASED_PER_DOC));
                self.garbage.truncate(kept);
                if self.garbage.is_empty() {
                    self.stage = Stage::Done;
                }
                return self.stage == Stage::Done;
            }
            Stage::Done => return true,
        }
        self.next = to;
        if to == n {
            self.next = 0;
            self.stage = match self.stage {
                Stage::Words if self.config.bigrams => Stage::Pairs,
                Stage::Words | Stage::Pairs => {
                    self.choose_terms();
                    Stage::Rows
                }
                Stage::Rows | Stage::Release | Stage::Done => {
                    self.release();
                    Stage::Release
                }
            };
        }
        self.stage == Stage::Done
    }

    /// Sets the corpus's strings aside to be freed in the next steps, and frees what holds
    /// no string (each at once: one allocation apiece).
    fn release(&mut self) {
        let corpus = &mut self.corpus;
        self.garbage = std::mem::take(&mut corpus.words);
        self.garbage.extend(std::mem::take(&mut corpus.ids).into_keys());
        self.garbage.extend(std::mem::take(&mut corpus.forms).into_keys());
        corpus.tokens = Vec::new();
        self.words = Vec::new();
        self.word_column = Vec::new();
        self.pair_column = FxHashMap::default();
    }

    /// Runs the remaining steps at once.
    pub fn finish(mut self) -> Features {
        while !self.step(usize::MAX) {}
        self.features
    }

    #[allow(clippy::cast_precision_loss, reason = "document counts are far below 2^24")]
    fn choose_terms(&mut self) {
        let (n, config) = (self.corpus.len(), &self.config);
        let max_df = (config.max_df * n as f32).floor().max(1.0) as u32;
        let tags = &self.corpus.tags;
        let keep = |c: &Count| c.df >= config.min_df && c.df <= max_df;
        let keep_word =
            |t: usize, c: &Count| keep(c) || (c.df >= config.min_df && tags.contains_key(&(t as u32)));
        let mut kept: Vec<(Term, Count)> = self
            .words
            .iter()
            .enumerate()
            .filter(|&(t, c)| keep_word(t, c))
            .map(|(t, c)| (Term::Word(t as u32), *c))
            .chain(
                self.pairs
                    .iter()
                    .flatten()
                    .filter(|(_, c)| keep(c))
                    .map(|(&k, c)| (Term::Pair((k >> 32) as u32, k as u32), *c)),
            )
            .collect();
        let cap = config.max_features.min(MAX_FEATURES);
        if kept.len() > cap {
            // The `cap` most frequent, without sorting them all (a total order: the same set).
            kept.select_nth_unstable_by(cap, |a, b| b.1.tf.cmp(&a.1.tf).then_with(|| term_order(a.0, b.0)));
            kept.truncate(cap);
        }
        kept.sort_unstable_by(|a, b| term_order(a.0, b.0));
        // A tag's weight scales its idf, so every row weighs it alike.
        let weight = |t: &Term| match t {
            Term::Word(w) => tags.get(w).copied().unwrap_or(1.0),
            Term::Pair(..) => 1.0,
        };
        let idf = kept
            .iter()
            .map(|(t, c)| weight(t) * (((1.0 + n as f32) / (1.0 + c.df as f32)).ln() + 1.0))
            .collect();
        // Keep only the words kept terms spell, renumbered.
        let mut renumber: FxHashMap<u32, u32> = FxHashMap::default();
        let mut kept_words: Vec<Box<str>> = Vec::new();
        let all_words = &self.corpus.words;
        let mut word_of = |t: u32| {
            *renumber.entry(t).or_insert_with(|| {
                kept_words.push(all_words[t as usize].clone());
                kept_words.len() as u32 - 1
            })
        };
        let terms: Vec<Term> = kept
            .iter()
            .map(|(t, _)| match *t {
                Term::Word(w) => Term::Word(word_of(w)),
                Term::Pair(a, b) => Term::Pair(word_of(a), word_of(b)),
            })
            .collect();
        self.word_column = vec![u32::MAX; self.corpus.words.len()];
        for (column, (term, _)) in kept.iter().enumerate() {
            match *term {
                Term::Word(t) => self.word_column[t as usize] = column as u32,
                Term::Pair(a, b) => {
                    self.pair_column.insert(pair_key(a, b), column as u32);
                }
            }
        }
        self.pairs = Vec::new();
        self.features = Features { words: kept_words, terms, idf, ..Features::default() };
    }
}

impl Features {
    /// Fits the vocabulary on `corpus` and computes its rows, at once (see [`Fitting`]).
    pub fn fit(corpus: Corpus, config: &Config) -> Self {
        Fitting::new(corpus, config).finish()
    }

    #[allow(clippy::cast_precision_loss, reason = "term counts are small")]
    fn push_row(&mut self, columns: &mut [u32], sublinear: bool) {
        self.starts.push(self.columns.len() as u32);
        columns.sort_unstable();
        let start = self.values.len();
        let mut i = 0;
        while i < columns.len() {
            let column = columns[i];
            let count = columns[i..].iter().take_while(|&&c| c == column).count();
            let tf = if sublinear { 1.0 + (count as f32).ln() } else { count as f32 };
            self.columns.push(column as u16);
            self.values.push(tf * self.idf[column as usize]);
            i += count;
        }
        let norm = self.values[start..].iter().map(|v| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            self.values[start..].iter_mut().for_each(|v| *v /= norm);
        }
    }

    /// Number of features (kept terms).
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether no term was kept.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Number of rows (documents).
    pub fn rows(&self) -> usize {
        self.starts.len()
    }

    /// Row `d`: its feature columns (ascending) and their weights (unit length).
    pub fn row(&self, d: usize) -> (&[u16], &[f32]) {
        let start = self.starts[d] as usize;
        let end = self.starts.get(d + 1).map_or(self.columns.len(), |&e| e as usize);
        (&self.columns[start..end], &self.values[start..end])
    }

    /// The term of feature `column`, as text (`"robot grasping"` for a pair).
    pub fn term(&self, column: u16) -> String {
        match self.terms[column as usize] {
            Term::Word(t) => self.words[t as usize].to_string(),
            Term::Pair(a, b) => format!("{} {}", self.words[a as usize], self.words[b as usize]),
        }
    }

    /// Cosine similarity of rows `a` and `b` (rows have unit length).
    pub fn cosine(&self, a: usize, b: usize) -> f32 {
        let ((ca, va), (cb, vb)) = (self.row(a), self.row(b));
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < ca.len() && j < cb.len() {
            match ca[i].cmp(&cb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += va[i] * vb[j];
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// Bytes held by the matrix and vocabulary (for the benchmark's memory figure).
    pub fn heap_bytes(&self) -> usize {
        self.words.iter().map(|w| w.len() + 16).sum::<usize>()
            + self.terms.len() * size_of::<Term>()
            + (self.idf.len() + self.values.len()) * 4
            + self.starts.len() * 4
            + self.columns.len() * 2
    }
}

fn term_order(a: Term, b: Term) -> std::cmp::Ordering {
    let key = |t: Term| match t {
        Term::Word(w) => (0, w, 0),
        Term::Pair(x, y) => (1, x, y),
    };
    key(a).cmp(&key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let mut corpus = Corpus::default();
        for text in ["a b c", "a b d", "b c d e", "a b", "e f", "a c e", "b d f"] {
            corpus.begin();
            text.split(' ').for_each(|w| corpus.word(w));
            corpus.tag("@ada", 1.0);
        }
        corpus
    }

    #[test]
    fn fitting_in_steps_gives_the_same_features() {
        let config = Config { min_df: 2, max_df: 0.6, ..Config::default() };
        let whole = Features::fit(corpus(), &config);
        let mut fitting = Fitting::new(corpus(), &config);
        let mut steps = 1;
        while !fitting.step(2) {
            steps += 1;
        }
        assert_eq!(steps, 13, "4 steps for each of 3 passes, then one to free the corpus's strings");
        let stepped = fitting.finish();
        assert_eq!(whole.len(), stepped.len());
        for d in 0..whole.rows() {
            assert_eq!(whole.row(d), stepped.row(d));
        }
        assert!((0..whole.len() as u16).any(|c| whole.term(c) == "@ada"), "a tag in every document is kept");
        assert!((0..whole.len() as u16).all(|c| whole.term(c) != "b"), "a word in 5 of 7 is over max_df");
    }

    #[test]
    fn the_corpus_strings_are_freed_a_part_per_step() {
        let mut corpus = Corpus::default();
        for d in 0..50 {
            corpus.begin();
            corpus.word(&format!("w{d}"));
        }
        let mut fitting = Fitting::new(corpus, &Config { min_df: 1, max_df: 1.0, ..Config::default() });
        let mut steps = 1;
        while !fitting.step(1) {
            steps += 1;
        }
        // 50 words, each once as shown and once as a key: 100 strings, 10 per document of a step.
        assert_eq!(steps, 3 * 50 + 10);
        assert_eq!(fitting.finish().len(), 50);
    }

    #[test]
    fn a_tag_weighs_as_its_weight_says() {
        let fit = |weight| {
            let mut corpus = Corpus::default();
            for text in ["robot arm", "robot leg", "audio"] {
                corpus.begin();
                text.split(' ').for_each(|w| corpus.word(w));
                corpus.tag("cs.RO", weight);
            }
            let features = Features::fit(corpus, &Config { min_df: 2, max_df: 0.7, ..Config::default() });
            let column = (0..features.len() as u16).find(|&c| features.term(c) == "cs.RO").unwrap();
            let (columns, values) = features.row(2);
            let at = columns.iter().position(|&c| c == column).unwrap();
            (features.len(), values[at])
        };
        let (terms, once) = fit(1.0);
        assert_eq!(terms, 2, "robot (2 of 3) and cs.RO (3 of 3, over max_df but a tag)");
        assert!((once - 1.0).abs() < 1e-6, "alone in its row: unit length");
        let (_, twice) = fit(2.0);
        assert!((twice - 1.0).abs() < 1e-6, "still alone: weights only change rows with other terms");
        let with_robot = |weight| {
            let mut corpus = Corpus::default();
            for _ in 0..2 {
                corpus.begin();
                corpus.word("robot");
                corpus.tag("cs.RO", weight);
            }
            let features = Features::fit(corpus, &Config { min_df: 1, max_df: 1.0, ..Config::default() });
            let (_, values) = features.row(0);
            values[1] / values[0]
        };
        assert!((with_robot(1.0) - 1.0).abs() < 1e-6 && (with_robot(3.0) - 3.0).abs() < 1e-6);
    }
}
