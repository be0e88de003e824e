//! An index written to bytes, so that a large feed can ship its index beside it and the app
//! loads it instead of analysing every paper again (the converter's `--index`).
//!
//! Layout, little-endian: `PSIX`, a version byte, the number of papers (u32), the
//! [`fingerprint`] of the papers it was built from (u64); the surface-word table and the stem
//! table (each: word count, text length, the text, the words' ends, their terms); the term
//! count, one postings offset per term and one more, the postings; as many offsets and the
//! word positions (see `positions.rs`); five field lengths (u16) per paper. Everything read
//! is checked (a damaged or hostile file is refused with an error, never trusted to index
//! past an array), in steps (each table, then the postings and positions a number of terms
//! at a time) so that a large file never holds the page for long.
//!
//! ```
//! use papersift_domain::paper::Paper;
//! use papersift_domain::search::index::{Index, file};
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
//! let papers = vec![Paper::new("1", "Diffusion policies", day), Paper::new("2", "Robot hands", day)];
//! let index = Index::build(&papers);
//! let bytes = file::write(&index, file::fingerprint(&papers));
//! let mut reading = file::Reading::new(bytes.clone()).unwrap();
//! while !reading.step(1).unwrap() {}
//! let (loaded, fingerprint) = reading.finish().unwrap();
//! assert_eq!((loaded, fingerprint), (index, file::fingerprint(&papers)));
//! assert!(file::Reading::new(bytes[..bytes.len() - 1].to_vec()).is_err());
//! ```

use super::{Index, MANY_FIELDS, STOP, ShortPrefixes, norms};
use crate::paper::Paper;
use crate::search::words::WordTable;

const MAGIC: &[u8; 4] = b"PSIX";
/// The layout this build writes and reads.
pub const VERSION: u8 = 2;

/// Why an index file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexFileError {
    /// Not an index file at all.
    #[error("not a PaperSift index file")]
    NotAnIndex,
    /// Written in another layout (by an older or a newer PaperSift).
    #[error("index file version {0}, where this app reads version {VERSION}")]
    Version(u8),
    /// Cut short, or inconsistent inside.
    #[error("the index file is damaged ({0})")]
    Damaged(&'static str),
    /// Written for other papers (another version of the feed).
    #[error("the index file was written for another version of the feed")]
    OtherPapers,
}

/// A fingerprint of the papers an index was built from: their ids and the lengths of the
/// indexed fields, in order. It tells an index written for another version of a feed from
/// the right one without reading every text again (a file that matches it but lies about
/// the texts can only make search results wrong, not break anything).
pub fn fingerprint(papers: &[Paper]) -> u64 {
    // FNV-1a's steps on whole words: the same on every platform (unlike hashers that depend
    // on usize), and quick enough for 75k papers in one slice.
    let mix = |hash: u64, word: u64| (hash ^ word).wrapping_mul(0x0100_0000_01b3);
    papers.iter().fold(0xcbf2_9ce4_8422_2325u64, |mut hash, p| {
        for chunk in p.id.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            hash = mix(hash, u64::from_le_bytes(word));
        }
        let lens = [
            p.id.len(),
            p.title.len(),
            p.abstract_text.len(),
            p.ai_keywords.iter().map(String::len).sum(),
            p.authors.iter().map(String::len).sum(),
            p.organization.as_ref().map_or(0, String::len),
            p.ai_keywords.len(),
            p.authors.len(),
        ];
        lens.iter().fold(hash, |hash, &n| mix(hash, n as u64))
    })
}

/// The bytes of `index`, built from papers with this `fingerprint`.
pub fn write(index: &Index, fingerprint: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(index.postings.len() + index.heap_bytes() / 2);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    put(&mut out, index.docs());
    out.extend_from_slice(&fingerprint.to_le_bytes());
    for table in [&index.surfaces, &index.stems] {
        let (text, ends, values) = table.parts();
        put(&mut out, ends.len());
        put(&mut out, text.len());
        out.extend_from_slice(text.as_bytes());
        ends.iter().chain(values).for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    }
    put(&mut out, index.dfs.len());
    index.offsets.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    out.extend_from_slice(&index.postings);
    index.position_offsets.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    out.extend_from_slice(&index.positions);
    index.lens.iter().flatten().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    out
}

fn put(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], IndexFileError> {
        if n > self.0.len() {
            return Err(IndexFileError::Damaged("cut short"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, IndexFileError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn count(&mut self) -> Result<usize, IndexFileError> {
        self.u32().map(|n| n as usize)
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, IndexFileError> {
        let bytes = self.take(n.checked_mul(4).ok_or(IndexFileError::Damaged("cut short"))?)?;
        Ok(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
    }

    /// A word table's parts, checked by [`Reading::step`].
    fn table(&mut self, kind: Table) -> Result<RawTable, IndexFileError> {
        let words = self.count()?;
        let text_len = self.count()?;
        let text = std::str::from_utf8(self.take(text_len)?).map_err(|_| IndexFileError::Damaged("words"))?;
        let ends = self.u32s(words)?;
        let values = self.u32s(words)?;
        Ok(RawTable { kind, text: text.to_owned(), ends, values })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Surfaces,
    Stems,
}

/// A word table as read, before its checks.
#[derive(Debug)]
struct RawTable {
    kind: Table,
    text: String,
    ends: Vec<u32>,
    values: Vec<u32>,
}

/// An index file being read: its parts are read at once, then checked in steps (each word
/// table, then the postings a number of terms at a time), and a last step works out what
/// the file does not hold (the terms of the first letters typed).
#[derive(Debug)]
pub struct Reading {
    index: Index,
    fingerprint: u64,
    /// The file, until its postings and positions are copied out.
    file: Vec<u8>,
    /// Where the postings and the positions are in `file`, while still to copy (the next
    /// last): a step each, as copying tens of megabytes takes a while.
    copies: Vec<(Part, std::ops::Range<usize>)>,
    /// Word tables still to check, the next last.
    tables: Vec<RawTable>,
    /// Terms whose postings are checked.
    checked: usize,
    /// Whether the last step is done.
    done: bool,
}

/// A large part of an index file.
#[derive(Debug, Clone, Copy)]
enum Part {
    Postings,
    Positions,
}

impl Reading {
    /// Reads the file's small parts, checking only the sizes of all.
    pub fn new(file: Vec<u8>) -> Result<Self, IndexFileError> {
        let bytes = &file[..];
        let mut at = Cursor(bytes);
        let here = |at: &Cursor| bytes.len() - at.0.len();
        if at.take(4).map_err(|_| IndexFileError::NotAnIndex)? != MAGIC {
            return Err(IndexFileError::NotAnIndex);
        }
        match at.take(1)?[0] {
            VERSION => {}
            other => return Err(IndexFileError::Version(other)),
        }
        let docs = at.count()?;
        let b = at.take(8)?;
        let fingerprint = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        let surfaces = at.table(Table::Surfaces)?;
        let stems = at.table(Table::Stems)?;
        let terms = at.count()?;
        let offsets = at.u32s(terms.checked_add(1).ok_or(IndexFileError::Damaged("terms"))?)?;
        let postings_len = offsets.last().map_or(0, |&o| o as usize);
        if offsets[0] != 0 || offsets.windows(2).any(|w| w[0] > w[1]) {
            return Err(IndexFileError::Damaged("postings offsets"));
        }
        let start = here(&at);
        at.take(postings_len)?;
        let postings = start..here(&at);
        let position_offsets = at.u32s(terms + 1)?;
        if position_offsets[0] != 0 || position_offsets.windows(2).any(|w| w[0] > w[1]) {
            return Err(IndexFileError::Damaged("positions offsets"));
        }
        let start = here(&at);
        at.take(position_offsets.last().map_or(0, |&o| o as usize))?;
        let positions = start..here(&at);
        let lens: Vec<[u16; 5]> = at
            .take(docs.checked_mul(10).ok_or(IndexFileError::Damaged("cut short"))?)?
            .chunks_exact(10)
            .map(|b| std::array::from_fn(|f| u16::from_le_bytes([b[2 * f], b[2 * f + 1]])))
            .collect();
        if !at.0.is_empty() {
            return Err(IndexFileError::Damaged("bytes after the end"));
        }
        let norms = norms(&lens);
        let index = Index {
            surfaces: WordTable::default(),
            stems: WordTable::default(),
            postings: Vec::new(),
            offsets,
            positions: Vec::new(),
            position_offsets,
            dfs: Vec::with_capacity(terms),
            lasts: Vec::with_capacity(terms),
            lens,
            norms,
            short: ShortPrefixes::default(),
        };
        Ok(Self {
            index,
            fingerprint,
            file,
            copies: vec![(Part::Positions, positions), (Part::Postings, postings)],
            tables: vec![stems, surfaces],
            checked: 0,
            done: false,
        })
    }

    /// Checks the next word table (sorted, within its text, naming known terms), or copies
    /// out the postings or the positions, or else checks the postings and positions of up to
    /// `terms` more terms (every paper number within the index, ascending, every field count
    /// well formed, one position per count), or else takes the last step; true once all is
    /// done.
    pub fn step(&mut self, terms: usize) -> Result<bool, IndexFileError> {
        let total = self.index.offsets.len() - 1;
        if let Some(RawTable { kind, text, ends, values }) = self.tables.pop() {
            let known = |t: u32| (t as usize) < total || (kind == Table::Surfaces && t == STOP);
            if !values.iter().all(|&t| known(t)) {
                return Err(IndexFileError::Damaged("unknown term"));
            }
            let table = WordTable::from_parts(text, ends, values).ok_or(IndexFileError::Damaged("words"))?;
            match kind {
                Table::Surfaces => self.index.surfaces = table,
                Table::Stems => self.index.stems = table,
            }
            return Ok(false);
        }
        if let Some((part, range)) = self.copies.pop() {
            let bytes = self.file[range].to_vec();
            match part {
                Part::Postings => self.index.postings = bytes,
                Part::Positions => self.index.positions = bytes,
            }
            if self.copies.is_empty() {
                self.file = Vec::new();
            }
            return Ok(false);
        }
        if self.checked == total {
            self.index.short = ShortPrefixes::of(&self.index.surfaces, STOP, |t| self.index.df(t));
            self.done = true;
            return Ok(true);
        }
        let end = self.checked.saturating_add(terms.max(1)).min(total);
        for t in self.checked..end {
            let (start, stop) = (self.index.offsets[t] as usize, self.index.offsets[t + 1] as usize);
            let (df, last, positions) = check_postings(&self.index.postings[start..stop], self.index.docs())
                .ok_or(IndexFileError::Damaged("postings"))?;
            let (start, stop) =
                (self.index.position_offsets[t] as usize, self.index.position_offsets[t + 1] as usize);
            if !check_positions(&self.index.positions[start..stop], positions) {
                return Err(IndexFileError::Damaged("positions"));
            }
            self.index.dfs.push(df);
            self.index.lasts.push(last);
        }
        self.checked = end;
        Ok(false)
    }

    /// The index, once every step is done, if it was written for `papers`.
    pub fn finish_for(self, papers: &[Paper]) -> Result<Index, IndexFileError> {
        let (index, written_for) = self.finish()?;
        match index.docs() == papers.len() && written_for == fingerprint(papers) {
            true => Ok(index),
            false => Err(IndexFileError::OtherPapers),
        }
    }

    /// The index and the fingerprint of its papers, once every step is done.
    pub fn finish(self) -> Result<(Index, u64), IndexFileError> {
        match self.done {
            true => Ok((self.index, self.fingerprint)),
            false => Err(IndexFileError::Damaged("not all postings checked")),
        }
    }
}

/// The number of papers, the last paper and the number of positions of well-formed
/// postings, `None` otherwise.
fn check_postings(bytes: &[u8], docs: usize) -> Option<(u32, u32, usize)> {
    let (mut at, mut df, mut doc, mut positions) = (0, 0u32, 0u64, 0usize);
    while at < bytes.len() {
        let mut gap = 0u64;
        for shift in (0..35).step_by(7) {
            let b = *bytes.get(at)?;
            at += 1;
            gap |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                break;
            }
            if shift == 28 {
                return None;
            }
        }
        if df > 0 && gap == 0 {
            return None;
        }
        doc = if df == 0 { gap } else { doc + gap };
        if doc >= docs as u64 {
            return None;
        }
        let head = *bytes.get(at)?;
        at += 1;
        if head == MANY_FIELDS {
            let mask = *bytes.get(at)?;
            at += 1;
            if mask == 0 || mask >= 1 << 5 {
                return None;
            }
            let counts = bytes.get(at..at + mask.count_ones() as usize)?;
            positions += counts.iter().map(|&n| usize::from(n)).sum::<usize>();
            at += counts.len();
        } else if head >> 5 >= 5 || head & 31 == 0 {
            return None;
        } else {
            positions += usize::from(head & 31);
        }
        df += 1;
    }
    Some((df, u32::try_from(doc).ok()?, positions))
}

/// Whether `bytes` are exactly `count` varints of at most 32 bits.
fn check_positions(bytes: &[u8], count: usize) -> bool {
    let mut read = 0;
    let mut length = 0;
    for &b in bytes {
        length += 1;
        if length == 5 && b >= 0x10 {
            return false;
        }
        if b < 0x80 {
            read += 1;
            length = 0;
        }
    }
    read == count && length == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn papers() -> Vec<Paper> {
        let day = NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
        let mut papers: Vec<Paper> =
            (0..200).map(|i| Paper::new(i.to_string(), format!("Paper {i} on diffusion"), day)).collect();
        papers[7].abstract_text = "diffusion ".repeat(40);
        papers[9].authors = vec!["Ada Lovelace".into()];
        papers[11].organization = Some("Université".into());
        papers
    }

    fn read(bytes: &[u8]) -> Result<(Index, u64), IndexFileError> {
        let mut reading = Reading::new(bytes.to_vec())?;
        while !reading.step(7)? {}
        reading.finish()
    }

    #[test]
    fn an_index_reads_back_equal_and_keeps_growing() {
        let papers = papers();
        let index = Index::build(&papers[..150]);
        let (loaded, fingerprint) = read(&write(&index, fingerprint(&papers[..150]))).unwrap();
        assert_eq!(loaded, index);
        assert_eq!(fingerprint, super::fingerprint(&papers[..150]));
        let reading = |bytes: &[u8]| {
            let mut reading = Reading::new(bytes.to_vec()).unwrap();
            while !reading.step(7).unwrap() {}
            reading
        };
        let bytes = write(&index, super::fingerprint(&papers[..150]));
        assert_eq!(reading(&bytes).finish_for(&papers[..150]).as_ref(), Ok(&index));
        assert_eq!(reading(&bytes).finish_for(&papers[1..151]), Err(IndexFileError::OtherPapers));
        assert_eq!(reading(&bytes).finish_for(&papers[..149]), Err(IndexFileError::OtherPapers));
        let mut builder = loaded.into_builder();
        papers[150..].iter().for_each(|p| builder.add(p));
        assert_eq!(builder.finish(), Index::build(&papers), "appending to a loaded index");
    }

    #[test]
    fn the_fingerprint_follows_ids_order_and_texts() {
        let papers = papers();
        let mut swapped = papers.clone();
        swapped.swap(0, 1);
        let mut longer = papers.clone();
        longer[3].abstract_text.push('!');
        let all = [&papers, &swapped, &longer, &papers[..199].to_vec()].map(|p| fingerprint(p));
        assert!(all[1..].iter().all(|&f| f != all[0]), "{all:?}");
    }

    #[test]
    fn damaged_files_are_refused() {
        let bytes = write(&Index::build(&papers()), 1);
        assert_eq!(read(b"{\"papers\":[]}"), Err(IndexFileError::NotAnIndex));
        let mut newer = bytes.clone();
        newer[4] = VERSION + 1;
        assert_eq!(read(&newer), Err(IndexFileError::Version(VERSION + 1)));
        let mut older = bytes.clone();
        older[4] = 1;
        assert_eq!(
            read(&older).unwrap_err().to_string(),
            "index file version 1, where this app reads version 2",
            "files written before word positions"
        );
        for cut in [5, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(read(&longer), Err(IndexFileError::Damaged("bytes after the end")));
        // The paper count says one paper fewer: the last paper's postings point past it.
        let mut fewer = bytes[..bytes.len() - 10].to_vec();
        fewer[5..9].copy_from_slice(&199u32.to_le_bytes());
        assert_eq!(read(&fewer), Err(IndexFileError::Damaged("postings")));
    }

    #[test]
    fn postings_checks_catch_each_kind_of_damage() {
        assert_eq!(check_postings(&[0, 1 << 5 | 1, 2, 2], 3), Some((2, 2, 3)));
        assert_eq!(check_postings(&[], 3), Some((0, 0, 0)));
        assert_eq!(check_postings(&[3, 1], 3), None, "paper past the end");
        assert_eq!(check_postings(&[0, 1, 0, 1], 3), None, "the same paper twice");
        assert_eq!(check_postings(&[0, 0], 3), None, "a count of zero");
        assert_eq!(check_postings(&[0, 5 << 5 | 1], 3), None, "a sixth field");
        assert_eq!(check_postings(&[0, MANY_FIELDS, 0b11, 1], 3), None, "a count missing");
        assert_eq!(check_postings(&[0, MANY_FIELDS, 0b11, 1, 4], 3), Some((1, 0, 5)));
        assert_eq!(check_postings(&[0, MANY_FIELDS, 1 << 5], 3), None, "an unknown field");
        assert_eq!(check_postings(&[0x80, 0x80, 0x80, 0x80, 0x80, 0], 3), None, "a varint too long");
        assert_eq!(check_postings(&[0x81], 3), None, "cut inside a varint");
    }

    #[test]
    fn positions_checks_count_whole_varints() {
        assert!(check_positions(&[3, 0x81, 1, 0], 3));
        assert!(check_positions(&[], 0));
        assert!(!check_positions(&[3, 0x81, 1], 3), "one missing");
        assert!(!check_positions(&[3, 0x81], 1), "cut inside a varint");
        assert!(check_positions(&[0xFF, 0xFF, 0xFF, 0xFF, 0x0F], 1));
        assert!(!check_positions(&[0xFF, 0xFF, 0xFF, 0xFF, 0x10], 1), "past 32 bits");
    }
}
