//! Word positions, for phrases: beside each term's postings, for each paper in the same
//! order, its positions field by field (fields in [`Field::ALL`] order, as many as the
//! posting counts in each), the first of a field as is and the others as the gap from the
//! previous one, LEB128 varints. A position counts every word of its field, stop words
//! included, so `"survey of diffusion"` is `survey` then `diffusion` two words later.
//!
//! A phrase is then found from the index alone: reading every candidate paper's text, as
//! before, cost ~40 ms for `"language models"` at 75k papers (24k papers to read).

use super::{Index, Posting};
use crate::search::bitset::DocSet;
use crate::search::query::Field;

/// Positions left between the values of a list field (two keywords, two authors).
pub const GAP: u32 = 16;

/// Reads one term's positions along its postings.
struct TermPositions<'a, P: Iterator<Item = Posting>> {
    postings: std::iter::Peekable<P>,
    bytes: &'a [u8],
    at: usize,
}

impl<P: Iterator<Item = Posting>> TermPositions<'_, P> {
    fn varint(&mut self) -> u32 {
        let (mut value, mut shift) = (0u32, 0);
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            value |= u32::from(b & 0x7F).checked_shl(shift).unwrap_or(0);
            shift += 7;
            if b < 0x80 {
                break;
            }
        }
        value
    }

    /// Moves to paper `doc` and reads its positions per field into `out`; false if the term
    /// is not in it.
    fn seek(&mut self, doc: u32, out: &mut [Vec<u32>; 5]) -> bool {
        while let Some(posting) = self.postings.next_if(|p| p.doc <= doc) {
            let here = posting.doc == doc;
            for (f, &count) in posting.tf.iter().enumerate() {
                let mut at = 0u32;
                out[f].clear();
                for _ in 0..count {
                    // Skipping still reads: the gaps are varints.
                    at = at.saturating_add(self.varint());
                    if here {
                        out[f].push(at);
                    }
                }
            }
            if here {
                return true;
            }
        }
        false
    }
}

impl Index {
    /// Papers of `candidates` holding each `(term, offset)` of `parts` at its offset in one
    /// field (`field`, or any): the words of a phrase, offsets counted from its first word.
    pub fn with_phrase(&self, parts: &[(u32, u32)], field: Option<Field>, candidates: &DocSet) -> DocSet {
        let mut found = DocSet::empty(candidates.capacity());
        let Some(&(_, first_offset)) = parts.first() else { return candidates.clone() };
        let mut readers: Vec<_> = parts
            .iter()
            .map(|&(term, _)| {
                let t = term as usize;
                let bytes = match (self.position_offsets.get(t), self.position_offsets.get(t + 1)) {
                    (Some(&start), Some(&end)) => &self.positions[start as usize..end as usize],
                    _ => &[][..],
                };
                TermPositions { postings: self.postings(term).peekable(), bytes, at: 0 }
            })
            .collect();
        let mut positions: Vec<[Vec<u32>; 5]> = vec![Default::default(); parts.len()];
        let fields = field.map_or(0..5, |f| f.index()..f.index() + 1);
        for doc in candidates.iter() {
            let doc32 = u32::try_from(doc).unwrap_or(u32::MAX);
            if !readers.iter_mut().zip(&mut positions).all(|(r, out)| r.seek(doc32, out)) {
                continue;
            }
            let holds = fields.clone().any(|f| {
                positions[0][f].iter().filter_map(|&p| p.checked_sub(first_offset)).any(|start| {
                    parts.iter().zip(&positions).skip(1).all(|(&(_, offset), at)| {
                        start.checked_add(offset).is_some_and(|want| at[f].binary_search(&want).is_ok())
                    })
                })
            });
            if holds {
                found.insert(doc);
            }
        }
        found
    }
}
