//! The inverted index: for every stemmed term, the papers holding it and how often in each
//! field, compressed: the gap from the previous paper as a LEB128 varint, then one byte
//! `field << 5 | count` when the term is in one field at most 31 times (the usual case), else
//! `0xFF`, a field mask and one count per field present. About 2 bytes per paper and term,
//! all terms in one buffer.
//!
//! Papers are added in order with [`IndexBuilder::add`], in as many steps as the caller
//! likes (so a large feed can be indexed between frames), and more can be appended later
//! with [`Index::into_builder`] when a source brings new papers.

pub mod file;
mod met;
mod positions;
mod prefixes;
mod recent;

use crate::paper::Paper;
use crate::search::analyze::{for_each_word, is_stop_word, stem};
use crate::search::query::Field;
use crate::search::words::WordTable;
use met::WordsMet;
use prefixes::ShortPrefixes;
use recent::RecentWords;

/// Field weights of BM25F: title > keywords > abstract > authors > organisation.
pub const FIELD_WEIGHTS: [f32; 5] = [3.0, 2.5, 1.0, 0.8, 0.5];
/// Length normalisation per field (BM25's `b`): keyword lists, names and organisations are
/// not normalised (a paper's keyword list is short whatever its length). Weights and `b` were
/// chosen on the Hugging Face archive's AI keywords (see tests/search.rs).
pub const FIELD_B: [f32; 5] = [0.75, 0.0, 0.75, 0.0, 0.0];
/// BM25's term-frequency saturation.
pub const K1: f32 = 1.2;

/// Surface word id of a stop word.
const STOP: u32 = u32::MAX;
/// Marks a posting in several fields (or counted 32 times or more).
const MANY_FIELDS: u8 = 0xFF;

#[derive(Debug, Clone, Default)]
struct Postings {
    /// Number of papers holding the term.
    df: u32,
    /// Last paper added (the next gap is counted from it).
    last: u32,
    bytes: Vec<u8>,
    /// Word positions of the postings added since (see [`positions`]).
    positions: Vec<u8>,
}

/// One paper holding a term: its number and the term's count in each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The paper's number (its position in the order papers were added).
    pub doc: u32,
    /// Occurrences per field, in [`Field::ALL`] order (capped at 255).
    pub tf: [u8; 5],
}

/// The searchable form of a list of papers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    /// Every folded word seen, with its term (prefix and typo search walk this).
    surfaces: WordTable,
    /// Stem → term.
    stems: WordTable,
    /// Every term's postings, one after the other.
    postings: Vec<u8>,
    /// Where each term's postings start in `postings` (one more entry than terms).
    offsets: Vec<u32>,
    /// Every term's word positions (see [`positions`]), one term after the other.
    positions: Vec<u8>,
    /// Where each term's positions start in `positions` (one more entry than terms).
    position_offsets: Vec<u32>,
    /// Papers holding each term.
    dfs: Vec<u32>,
    /// Last paper holding each term (appending continues from it).
    lasts: Vec<u32>,
    /// Field lengths (in words) per paper.
    lens: Vec<[u16; 5]>,
    /// Per paper and field: weight / (1 − b + b · len / average len).
    norms: Vec<[f32; 5]>,
    /// The most frequent terms of the first letters typed.
    short: ShortPrefixes,
}

/// Builds an [`Index`] paper by paper, from nothing or on top of an index.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// The index appended to, as it was (empty when building from nothing): its tables and
    /// postings are only read, and copied once, by [`IndexBuilder::finish`].
    base: Index,
    /// Surface words met since, with their terms (base words too, once looked up).
    surfaces: WordsMet,
    /// Stems of the terms added since.
    stems: WordsMet,
    /// Every term's counts, and its postings added since.
    terms: Vec<Postings>,
    /// Field lengths of every paper, the base's included.
    lens: Vec<[u16; 5]>,
    /// The paper being added: each word's term, field and position, packed by [`Occurrence`] so
    /// that one integer sort orders them.
    scratch: Vec<Occurrence>,
    /// The words met last, looked up before `surfaces`.
    recent: RecentWords,
}

/// One word of the paper being indexed: its term in the high 32 bits, then its field in 3
/// bits and its position in 29 (a position past that, half a billion words into one field,
/// counts as the last), so sorting the integers sorts by term, field and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Occurrence(u64);

impl Occurrence {
    const AT: u32 = (1 << 29) - 1;

    fn new(term: u32, field: Field, at: u32) -> Self {
        Self(u64::from(term) << 32 | (field as u64) << 29 | u64::from(at.min(Self::AT)))
    }

    fn term(self) -> u32 {
        (self.0 >> 32) as u32
    }

    fn field(self) -> u8 {
        (self.0 >> 29) as u8 & 7
    }

    fn at(self) -> u32 {
        self.0 as u32 & Self::AT
    }
}

fn push_varint(bytes: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        bytes.push((n as u8) | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of papers added so far.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// Whether no paper was added.
    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    fn term_of(&mut self, surface: &str) -> u32 {
        if let Some(id) = self.recent.get(surface) {
            return id;
        }
        if let Some(id) = self.surfaces.get(surface) {
            self.recent.put(surface, id);
            return id;
        }
        let id = if let Some(id) = self.base.surfaces.get(surface) {
            id
        } else if is_stop_word(surface) {
            STOP
        } else {
            let stemmed = stem(surface);
            match self.stems.get(&stemmed).or_else(|| self.base.stems.get(&stemmed)) {
                Some(id) => id,
                None => {
                    let id = u32::try_from(self.terms.len()).unwrap_or(STOP - 1);
                    self.stems.insert(&stemmed, id);
                    self.terms.push(Postings::default());
                    id
                }
            }
        };
        self.surfaces.insert(surface, id);
        self.recent.put(surface, id);
        id
    }

    /// Adds the next paper; its number is the count of papers added before it.
    pub fn add(&mut self, paper: &Paper) {
        let doc = u32::try_from(self.lens.len()).unwrap_or(u32::MAX);
        let mut lens = [0u16; 5];
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        // Each field's positions count from 0; the values of a list (keywords, authors) are
        // kept apart by a gap, so that no phrase runs from one name into the next.
        let mut next = [0u32; 5];
        let mut field_text = |field: Field, text: &str, this: &mut Self| {
            let base = next[field.index()];
            for_each_word(text, |word, _, position, _| {
                lens[field.index()] = lens[field.index()].saturating_add(1);
                let at = base.saturating_add(position);
                next[field.index()] = next[field.index()].max(at.saturating_add(1 + positions::GAP));
                let term = this.term_of(word);
                if term != STOP {
                    scratch.push(Occurrence::new(term, field, at));
                }
            });
        };
        field_text(Field::Title, &paper.title, self);
        for keyword in &paper.ai_keywords {
            field_text(Field::Keywords, keyword, self);
        }
        field_text(Field::Abstract, &paper.abstract_text, self);
        for author in &paper.authors {
            field_text(Field::Authors, author, self);
        }
        if let Some(org) = &paper.organization {
            field_text(Field::Org, org, self);
        }
        scratch.sort_unstable();
        let mut i = 0;
        while i < scratch.len() {
            let term = scratch[i].term();
            let postings = &mut self.terms[term as usize];
            let mut tf = [0u8; 5];
            let mut previous = (u8::MAX, 0);
            while i < scratch.len() && scratch[i].term() == term {
                let (field, at) = (scratch[i].field(), scratch[i].at());
                let slot = &mut tf[usize::from(field)];
                // Counts stop at 255, and so do the positions kept.
                if *slot < u8::MAX {
                    *slot += 1;
                    let from = if previous.0 == field { previous.1 } else { 0 };
                    push_varint(&mut postings.positions, at - from);
                    previous = (field, at);
                }
                i += 1;
            }
            let gap = if postings.df == 0 { doc } else { doc - postings.last };
            push_varint(&mut postings.bytes, gap);
            let mut present = tf.iter().enumerate().filter(|(_, n)| **n > 0);
            match (present.next(), present.next()) {
                (Some((f, &n)), None) if n < 32 => postings.bytes.push((f as u8) << 5 | n),
                _ => {
                    let mask =
                        tf.iter().enumerate().fold(0u8, |m, (f, &n)| if n > 0 { m | 1 << f } else { m });
                    postings.bytes.push(MANY_FIELDS);
                    postings.bytes.push(mask);
                    postings.bytes.extend(tf.iter().filter(|&&n| n > 0));
                }
            }
            postings.df += 1;
            postings.last = doc;
        }
        self.scratch = scratch;
        self.lens.push(lens);
    }

    /// The finished index.
    pub fn finish(self) -> Index {
        let base = self.base;
        let surfaces = base.surfaces.merged(self.surfaces.pairs());
        let total: usize = base.postings.len() + self.terms.iter().map(|t| t.bytes.len()).sum::<usize>();
        let mut postings = Vec::with_capacity(total);
        let mut offsets = Vec::with_capacity(self.terms.len() + 1);
        let total: usize = base.positions.len() + self.terms.iter().map(|t| t.positions.len()).sum::<usize>();
        let mut positions = Vec::with_capacity(total);
        let mut position_offsets = Vec::with_capacity(self.terms.len() + 1);
        offsets.push(0);
        position_offsets.push(0);
        let end = |buffer: &Vec<u8>| u32::try_from(buffer.len()).unwrap_or(u32::MAX);
        for (t, term) in self.terms.iter().enumerate() {
            // A base term's postings, then those added since (their first gap counts from its last).
            if let (Some(&start), Some(&stop)) = (base.offsets.get(t), base.offsets.get(t + 1)) {
                postings.extend_from_slice(&base.postings[start as usize..stop as usize]);
            }
            postings.extend_from_slice(&term.bytes);
            offsets.push(end(&postings));
            if let (Some(&start), Some(&stop)) =
                (base.position_offsets.get(t), base.position_offsets.get(t + 1))
            {
                positions.extend_from_slice(&base.positions[start as usize..stop as usize]);
            }
            positions.extend_from_slice(&term.positions);
            position_offsets.push(end(&positions));
        }
        let dfs: Vec<u32> = self.terms.iter().map(|t| t.df).collect();
        let lasts = self.terms.iter().map(|t| t.last).collect();
        let stems = base.stems.merged(self.stems.pairs());
        Index {
            surfaces,
            stems,
            postings,
            offsets,
            positions,
            position_offsets,
            dfs,
            lasts,
            lens: self.lens,
            ..Index::default()
        }
        .derived()
    }
}

fn norms(lens: &[[u16; 5]]) -> Vec<[f32; 5]> {
    let mut total = [0f64; 5];
    for l in lens {
        for f in 0..5 {
            total[f] += f64::from(l[f]);
        }
    }
    // Averages only scale the normalisation; f32 is ample.
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    let avg: [f32; 5] = std::array::from_fn(|f| ((total[f] / lens.len().max(1) as f64) as f32).max(1.0));
    lens.iter()
        .map(|l| {
            std::array::from_fn(|f| {
                FIELD_WEIGHTS[f] / (1.0 - FIELD_B[f] + FIELD_B[f] * f32::from(l[f]) / avg[f])
            })
        })
        .collect()
}

impl Index {
    /// Indexes `papers` in one go.
    pub fn build(papers: &[Paper]) -> Self {
        let mut builder = IndexBuilder::new();
        papers.iter().for_each(|p| builder.add(p));
        builder.finish()
    }

    /// This index with its first `docs` papers only, as if they alone had been indexed: the
    /// postings and positions of later papers are cut off, and the lengths and norms are
    /// those of the papers kept. Words met only in papers cut off keep their terms, held by
    /// no paper. A catalog whose first papers are unchanged (a source after them refreshed or
    /// switched off) so needs only the rest indexed again. At `docs` ≥ [`Index::docs`], a copy.
    pub fn truncated(&self, docs: usize) -> Index {
        if docs >= self.docs() {
            return self.clone();
        }
        let terms = self.dfs.len();
        let (mut postings, mut positions) = (Vec::new(), Vec::new());
        let (mut offsets, mut position_offsets) = (vec![0], vec![0]);
        let (mut dfs, mut lasts) = (Vec::with_capacity(terms), Vec::with_capacity(terms));
        let end = |buffer: &Vec<u8>| u32::try_from(buffer.len()).unwrap_or(u32::MAX);
        for t in 0..terms {
            let term = u32::try_from(t).unwrap_or(u32::MAX);
            let (mut df, mut last, mut bytes, mut counted) = (0, 0, 0, 0usize);
            for (posting, after) in self.posting_ends(term) {
                if posting.doc as usize >= docs {
                    break;
                }
                (df, last, bytes) = (df + 1, posting.doc, after);
                counted += posting.tf.iter().map(|&n| usize::from(n)).sum::<usize>();
            }
            let start = self.offsets[t] as usize;
            postings.extend_from_slice(&self.postings[start..start + bytes]);
            offsets.push(end(&postings));
            // As many positions as the postings kept count: a varint ends at a byte under 0x80.
            let from = self.position_offsets[t] as usize;
            let held = &self.positions[from..self.position_offsets[t + 1] as usize];
            let cut = held.iter().scan(counted, |left, &b| {
                let more = *left > 0;
                *left -= usize::from(more && b < 0x80);
                Some(more)
            });
            let kept = cut.take_while(|&more| more).count();
            positions.extend_from_slice(&held[..kept]);
            position_offsets.push(end(&positions));
            dfs.push(df);
            lasts.push(last);
        }
        Index {
            surfaces: self.surfaces.clone(),
            stems: self.stems.clone(),
            postings,
            offsets,
            positions,
            position_offsets,
            dfs,
            lasts,
            lens: self.lens[..docs].to_vec(),
            ..Index::default()
        }
        .derived()
    }

    /// This index with what follows from the rest worked out: each paper's norms from the
    /// field lengths, the short prefixes from the words and their terms' counts.
    fn derived(mut self) -> Self {
        self.norms = norms(&self.lens);
        self.short =
            ShortPrefixes::of(&self.surfaces, STOP, |t| self.dfs.get(t as usize).copied().unwrap_or(0));
        self
    }

    /// A builder holding this index, to append more papers. Cheap: the index is kept as it
    /// is, and only what is added is tracked until [`IndexBuilder::finish`] joins the two.
    pub fn into_builder(mut self) -> IndexBuilder {
        let terms = self
            .dfs
            .iter()
            .zip(&self.lasts)
            .map(|(&df, &last)| Postings { df, last, ..Postings::default() })
            .collect();
        let lens = std::mem::take(&mut self.lens);
        self.norms = Vec::new();
        IndexBuilder { base: self, terms, lens, ..IndexBuilder::default() }
    }

    /// Number of papers indexed.
    pub fn docs(&self) -> usize {
        self.lens.len()
    }

    /// The term of a stem, if any paper holds it.
    pub fn term(&self, stem: &str) -> Option<u32> {
        self.stems.get(stem)
    }

    /// The term a folded word is indexed under (`None` for stop words and unseen words).
    pub fn term_of_word(&self, word: &str) -> Option<u32> {
        match self.surfaces.get(word) {
            Some(t) => Some(t).filter(|&t| t != STOP),
            None => self.term(&stem(word)),
        }
    }

    /// Folded words starting with `prefix` (in sorted order) with their terms.
    pub fn words_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, u32)> + 'a {
        self.surfaces.with_prefix(prefix).filter(|(_, t)| *t != STOP)
    }

    /// The `n` most frequent terms of the folded words starting with `prefix` (stop words
    /// left out), most frequent first, ties to the lower term.
    pub fn frequent_terms_with_prefix(&self, prefix: &str, n: usize) -> Vec<u32> {
        match self.short.get(prefix, n) {
            Some(kept) => kept.to_vec(),
            None => {
                prefixes::most_frequent(self.words_with_prefix(prefix).map(|(_, t)| t), n, |t| self.df(t))
            }
        }
    }

    /// Number of papers holding `term`.
    pub fn df(&self, term: u32) -> u32 {
        self.dfs.get(term as usize).copied().unwrap_or(0)
    }

    /// BM25's inverse document frequency, `ln(1 + (N − df + 0.5) / (df + 0.5))` (as in Lucene:
    /// never negative).
    #[allow(clippy::cast_precision_loss)]
    pub fn idf(&self, term: u32) -> f32 {
        let n = self.docs() as f32;
        let df = self.df(term) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The papers holding `term`, in ascending order.
    pub fn postings(&self, term: u32) -> impl Iterator<Item = Posting> + '_ {
        self.posting_ends(term).map(|(posting, _)| posting)
    }

    /// [`Index::postings`], each with where it ends in the term's bytes.
    fn posting_ends(&self, term: u32) -> impl Iterator<Item = (Posting, usize)> + '_ {
        let t = term as usize;
        let bytes = match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&start), Some(&end)) => &self.postings[start as usize..end as usize],
            _ => &[][..],
        };
        let mut at = 0;
        let mut doc = 0u32;
        let mut first = true;
        std::iter::from_fn(move || {
            if at >= bytes.len() {
                return None;
            }
            let mut gap = 0u32;
            let mut shift = 0;
            loop {
                let b = bytes[at];
                at += 1;
                gap |= u32::from(b & 0x7F) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
            doc = if first { gap } else { doc + gap };
            first = false;
            let head = bytes[at];
            at += 1;
            let mut tf = [0u8; 5];
            if head == MANY_FIELDS {
                let mask = bytes[at];
                at += 1;
                for (f, slot) in tf.iter_mut().enumerate() {
                    if mask & (1 << f) != 0 {
                        *slot = bytes[at];
                        at += 1;
                    }
                }
            } else {
                tf[usize::from(head >> 5)] = head & 31;
            }
            Some((Posting { doc, tf }, at))
        })
    }

    /// Counts of (surface words, terms, posting bytes), for the benchmark's report.
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.surfaces.len(), self.dfs.len(), self.postings.len())
    }

    /// Calls `each(paper, tf̃)` for every paper holding `term` (in `field`, or any), where
    /// `tf̃` is BM25F's weighted, length-normalised term frequency. The hot loop of every
    /// query, so it decodes in place rather than through [`Index::postings`].
    pub fn weighted_postings(&self, term: u32, field: Option<Field>, mut each: impl FnMut(u32, f32)) {
        let t = term as usize;
        let (Some(&start), Some(&end)) = (self.offsets.get(t), self.offsets.get(t + 1)) else { return };
        let bytes = &self.postings[start as usize..end as usize];
        let only = field.map(Field::index);
        let mut at = 0;
        let mut doc = 0u32;
        let mut first = true;
        while at < bytes.len() {
            let mut gap = 0u32;
            let mut shift = 0;
            loop {
                let b = bytes[at];
                at += 1;
                gap |= u32::from(b & 0x7F) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
            doc = if first { gap } else { doc + gap };
            first = false;
            let norms = &self.norms[doc as usize];
            let head = bytes[at];
            at += 1;
            let tf = if head == MANY_FIELDS {
                let mask = bytes[at];
                at += 1;
                let mut tf = 0.0;
                for (f, norm) in norms.iter().enumerate() {
                    if mask & (1 << f) != 0 {
                        if only.is_none_or(|o| o == f) {
                            tf += f32::from(bytes[at]) * norm;
                        }
                        at += 1;
                    }
                }
                tf
            } else {
                let f = usize::from(head >> 5);
                if only.is_some_and(|o| o != f) { 0.0 } else { f32::from(head & 31) * norms[f] }
            };
            if tf > 0.0 {
                each(doc, tf);
            }
        }
    }

    /// The weighted, length-normalised term frequency of `term` in each field of paper
    /// `doc` (the parts of [`Index::weighted_postings`]' `tf̃`), for explaining a score.
    pub fn field_tfs(&self, term: u32, doc: u32) -> [f32; 5] {
        let Some(posting) = self.postings(term).find(|p| p.doc == doc) else { return [0.0; 5] };
        let norms = self.norms[doc as usize];
        std::array::from_fn(|f| f32::from(posting.tf[f]) * norms[f])
    }

    /// Approximate heap bytes held (for the benchmark's memory figure).
    pub fn heap_bytes(&self) -> usize {
        let postings = self.postings.capacity() + self.positions.capacity() + self.dfs.len() * 16;
        self.surfaces.heap_bytes() + self.stems.heap_bytes() + postings + self.lens.len() * (10 + 20)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn paper(id: &str, title: &str, abstract_text: &str) -> Paper {
        let mut p = Paper::new(id, title, NaiveDate::MIN);
        p.abstract_text = abstract_text.into();
        p
    }

    #[test]
    fn postings_round_trip_with_counts_per_field() {
        let mut papers: Vec<Paper> = (0..300).map(|i| paper(&i.to_string(), "filler", "nothing")).collect();
        papers[0] = paper("0", "Diffusion models", "Diffusion of diffusion.");
        papers[1] = paper("1", "Agents", &"diffusion ".repeat(40));
        papers[299] = paper("299", "Agents", "diffusing");
        let index = Index::build(&papers);
        let term = index.term_of_word("diffusion").expect("indexed");
        let postings: Vec<Posting> = index.postings(term).collect();
        let expected = [
            Posting { doc: 0, tf: [1, 0, 2, 0, 0] },
            Posting { doc: 1, tf: [0, 0, 40, 0, 0] },
            Posting { doc: 299, tf: [0, 0, 1, 0, 0] },
        ];
        assert_eq!(postings, expected, "one field, several fields, a count over 31");
        assert_eq!(index.df(term), 3);
        assert_eq!(index.term_of_word("the"), None);
        assert_eq!(index.term_of_word("diffused"), Some(term), "unseen word found by its stem");
        let words: Vec<&str> = index.words_with_prefix("diffu").map(|(w, _)| w).collect();
        assert_eq!(words, ["diffusing", "diffusion"]);
    }

    #[test]
    fn truncating_equals_building_the_first_papers_and_appending_goes_on_from_there() {
        let text = |i: usize| format!("word{} shared {}", i % 7, "echo ".repeat(i % 40));
        let papers: Vec<Paper> = (0..60)
            .map(|i| {
                let mut p = paper(&i.to_string(), &format!("title{} shared", i % 5), &text(i));
                p.authors = vec![format!("Author{}", i % 3)];
                p
            })
            .collect();
        let whole = Index::build(&papers);
        for keep in [0, 1, 25, 59, 60] {
            let cut = whole.truncated(keep);
            let fresh = Index::build(&papers[..keep]);
            assert_eq!((cut.docs(), &cut.lens, &cut.norms), (keep, &fresh.lens, &fresh.norms), "{keep}");
            let slice = |bytes: &[u8], offsets: &[u32], t: usize| {
                bytes[offsets[t] as usize..offsets[t + 1] as usize].to_vec()
            };
            for t in 0..cut.dfs.len() {
                // Terms are numbered as first met, so the first papers' terms keep their numbers.
                let (postings, positions) =
                    (slice(&cut.postings, &cut.offsets, t), slice(&cut.positions, &cut.position_offsets, t));
                if t < fresh.dfs.len() {
                    assert_eq!(postings, slice(&fresh.postings, &fresh.offsets, t), "{keep} {t}");
                    assert_eq!(positions, slice(&fresh.positions, &fresh.position_offsets, t));
                    assert_eq!((cut.dfs[t], cut.lasts[t]), (fresh.dfs[t], fresh.lasts[t]));
                } else {
                    assert_eq!((postings.len(), positions.len(), cut.dfs[t]), (0, 0, 0), "{keep} {t}");
                }
            }
        }
        // Other papers after the first 25: as if built at once from those.
        let mut other = papers[..25].to_vec();
        other.extend((0..10).map(|i| paper(&format!("new{i}"), "fresh shared", "echo echo")));
        let mut builder = whole.truncated(25).into_builder();
        other[25..].iter().for_each(|p| builder.add(p));
        let appended = builder.finish();
        let at_once = Index::build(&other);
        for word in ["shared", "echo", "fresh", "word3", "author1", "title4"] {
            let docs =
                |index: &Index| index.term_of_word(word).map(|t| index.postings(t).collect::<Vec<_>>());
            assert_eq!(docs(&appended), docs(&at_once), "{word}");
        }
        assert_eq!(appended.norms, at_once.norms);
    }

    #[test]
    fn appending_equals_building_at_once() {
        let papers: Vec<Paper> =
            (0..50).map(|i| paper(&i.to_string(), &format!("word{} shared", i % 7), "x")).collect();
        let whole = Index::build(&papers);
        let mut builder = Index::build(&papers[..20]).into_builder();
        papers[20..].iter().for_each(|p| builder.add(p));
        let appended = builder.finish();
        let term = whole.term_of_word("shared").expect("indexed");
        assert_eq!(whole.postings(term).collect::<Vec<_>>(), appended.postings(term).collect::<Vec<_>>());
        let weighted = |index: &Index| {
            let mut all = Vec::new();
            index.weighted_postings(term, None, |doc, tf| all.push((doc, tf)));
            all
        };
        assert_eq!(weighted(&whole), weighted(&appended));
        assert_eq!(weighted(&whole).len(), 50);
    }
}
