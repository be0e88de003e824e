//! Reading a feed while it downloads: a PaperSift feed decodes paper by paper as its bytes
//! arrive, so the first rows can be shown long before a large feed has finished; every other
//! format is kept whole and read by [`parse_feed`] at the end.
//!
//! The streaming path takes the layout the converter writes, `{"papersift_feed":1, …,
//! "papers":[…]}` with the version first; a body that starts any other way goes the whole
//! way. Both give the same papers, the same skips and an error for the same bodies.

use chrono::NaiveDate;

use super::papersift::{self, VERSION};
use super::{FeedError, FeedFormat, MAX_ENTRIES, ParsedFeed, SkipReason, Tally, limits, parse_feed};
use crate::paper::Paper;

/// Most papers [`FeedStream::preview`] offers while the first day is still arriving.
pub const PREVIEW_MAX: usize = 1_000;

/// A feed body read chunk by chunk.
///
/// ```
/// use papersift_domain::feed::stream::FeedStream;
/// use chrono::NaiveDate;
/// let today = NaiveDate::from_ymd_opt(2026, 8, 22).unwrap();
/// let body = br#"{"papersift_feed":1,"title":"T","papers":[
///   {"id":"a","title":"New","listed":"2026-08-21"},{"id":"b","title":"Old","listed":"2026-08-20"}]}"#;
/// let mut stream = FeedStream::new(today);
/// stream.push(&body[..91]).unwrap();
/// assert_eq!(stream.papers().len(), 1);
/// assert!(stream.preview().is_none()); // the first day may not be complete yet
/// stream.push(&body[91..]).unwrap();
/// assert_eq!(stream.preview().unwrap()[0].title, "New");
/// assert_eq!(stream.finish().unwrap().papers.len(), 2);
/// ```
#[derive(Debug)]
pub struct FeedStream {
    today: NaiveDate,
    mode: Mode,
}

#[derive(Debug)]
enum Mode {
    /// Too few bytes yet to tell the format.
    Sniffing(Vec<u8>),
    /// Not a PaperSift feed: read whole at the end.
    Whole(Vec<u8>),
    /// A PaperSift feed, decoded as it arrives.
    Streaming(Decoder),
}

/// The first key of every converter-written feed.
const MARK: &[u8] = br#""papersift_feed""#;
const BOM: &[u8] = b"\xEF\xBB\xBF";

impl FeedStream {
    /// An empty body; `today` sets the latest plausible date (see [`parse_feed`]).
    pub fn new(today: NaiveDate) -> Self {
        Self { today, mode: Mode::Sniffing(Vec::new()) }
    }

    /// Reads the next bytes of the body. A PaperSift feed fails here as soon as it is
    /// broken; other formats report their errors from [`FeedStream::finish`].
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), FeedError> {
        match &mut self.mode {
            Mode::Sniffing(head) => {
                head.extend_from_slice(chunk);
                match sniff(head) {
                    None => Ok(()),
                    Some(false) => {
                        self.mode = Mode::Whole(std::mem::take(head));
                        Ok(())
                    }
                    Some(true) => {
                        let head = std::mem::take(head);
                        let mut decoder = Decoder { today: self.today, ..Decoder::default() };
                        // Whitespace before the brace is allowed as parse_feed allows it.
                        let result = decoder.push(trim_start(head.strip_prefix(BOM).unwrap_or(&head)));
                        self.mode = Mode::Streaming(decoder);
                        result
                    }
                }
            }
            Mode::Whole(body) => {
                body.extend_from_slice(chunk);
                Ok(())
            }
            Mode::Streaming(decoder) => decoder.push(chunk),
        }
    }

    /// The papers decoded so far (none until the end, unless the feed is PaperSift's own).
    pub fn papers(&self) -> &[Paper] {
        match &self.mode {
            Mode::Streaming(decoder) => &decoder.tally.papers,
            Mode::Sniffing(_) | Mode::Whole(_) => &[],
        }
    }

    /// Where the feed's search index is, once its `index` member is read (the converter writes
    /// it before the papers), so that it can be fetched while the papers arrive.
    pub fn index(&self) -> Option<&str> {
        match &self.mode {
            Mode::Streaming(decoder) => decoder.index.as_ref()?.as_deref(),
            Mode::Sniffing(_) | Mode::Whole(_) => None,
        }
    }

    /// The papers worth showing before the body ends: the first listed day once it is whole
    /// (the converter writes the newest day first), or the first [`PREVIEW_MAX`] papers.
    pub fn preview(&self) -> Option<&[Paper]> {
        let papers = self.papers();
        let first = papers.first()?.listed;
        match papers.iter().position(|p| p.listed != first) {
            Some(end) => Some(&papers[..end.min(PREVIEW_MAX)]),
            None if papers.len() >= PREVIEW_MAX => Some(&papers[..PREVIEW_MAX]),
            None => None,
        }
    }

    /// The whole feed, once the body has ended.
    pub fn finish(self) -> Result<ParsedFeed, FeedError> {
        match self.mode {
            Mode::Sniffing(body) | Mode::Whole(body) => parse_feed(&body, self.today),
            Mode::Streaming(decoder) => decoder.finish(),
        }
    }
}

/// Whether `head` starts like a converter-written feed; `None` while too short to tell.
fn sniff(head: &[u8]) -> Option<bool> {
    let head = head.strip_prefix(BOM).unwrap_or(head);
    let mut rest = trim_start(head);
    if rest.is_empty() || BOM.starts_with(head) {
        return None;
    }
    rest = match rest.strip_prefix(b"{") {
        Some(after) => trim_start(after),
        None => return Some(false),
    };
    let known = rest.len().min(MARK.len());
    if rest[..known] != MARK[..known] {
        Some(false)
    } else if known < MARK.len() {
        None
    } else {
        Some(true)
    }
}

fn is_json_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

/// Where the decoder stands in `{"papersift_feed":V, …, "papers":[E, …], …}`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Before the opening brace.
    #[default]
    Open,
    /// Expecting a key (or the closing brace, unless right after a comma).
    Key { after_comma: bool },
    /// Expecting the colon after a key.
    Colon(Member),
    /// Reading a member's value.
    Value(Member),
    /// Expecting a comma or the closing brace.
    AfterMember,
    /// Expecting a paper (or the closing bracket, unless right after a comma).
    Element { after_comma: bool },
    /// Expecting a comma or the closing bracket.
    AfterElement,
    /// After the closing brace: only whitespace may follow.
    Done,
}

/// The top-level members the decoder cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Member {
    Version,
    Papers,
    Index,
    Other,
}

/// A resumable scan of one JSON value, so a value split across chunks is not rescanned.
#[derive(Debug, Default, Clone, Copy)]
struct Scan {
    /// Bytes of the value looked at so far.
    len: usize,
    depth: u32,
    in_string: bool,
    escaped: bool,
}

#[derive(Debug, Default)]
struct Decoder {
    /// Bytes not consumed yet.
    buf: Vec<u8>,
    /// Where in `buf` the decoder is.
    at: usize,
    step: Step,
    scan: Scan,
    seen_version: bool,
    seen_papers: bool,
    /// The `index` member, once seen (`Some(None)`: not a string).
    index: Option<Option<String>>,
    tally: Tally,
    entries: usize,
    /// Dates papers' plausibility (see [`limits::bound`]).
    today: NaiveDate,
    /// Lines and the current column of the bytes already dropped from `buf`, for error positions.
    lines_before: usize,
    column_before: usize,
}

/// Whether the scan of a value ended, and where.
enum Scanned {
    /// The value is `buf[start..end]`.
    Complete { start: usize, end: usize },
    /// More bytes are needed.
    Incomplete,
}

impl Decoder {
    fn push(&mut self, chunk: &[u8]) -> Result<(), FeedError> {
        self.buf.extend_from_slice(chunk);
        let result = self.run(false);
        self.compact();
        result
    }

    fn finish(mut self) -> Result<ParsedFeed, FeedError> {
        self.run(true)?;
        if self.step != Step::Done {
            return Err(self.syntax(self.buf.len(), "EOF while parsing"));
        }
        if !self.seen_version {
            return Err(FeedError::UnknownFormat);
        }
        let mut feed = self.tally.finish(FeedFormat::PaperSift);
        feed.index = self.index.flatten();
        Ok(feed)
    }

    /// Drops consumed bytes, remembering their lines for error positions.
    fn compact(&mut self) {
        let start = self.at;
        if start < 64 * 1024 && start * 2 < self.buf.len() {
            return;
        }
        let dropped = &self.buf[..start];
        match memchr::memrchr(b'\n', dropped) {
            Some(last) => {
                self.lines_before += memchr::memchr_iter(b'\n', dropped).count();
                self.column_before = start - last - 1;
            }
            None => self.column_before += start,
        }
        self.buf.drain(..start);
        self.at = 0;
    }

    fn run(&mut self, at_end: bool) -> Result<(), FeedError> {
        loop {
            if !matches!(self.step, Step::Value(_) | Step::Element { .. }) || self.scan.len == 0 {
                self.skip_whitespace();
            }
            let Some(&byte) = self.buf.get(self.at) else {
                return Ok(());
            };
            self.step = match self.step {
                Step::Open if byte == b'{' => self.advance(Step::Key { after_comma: false }),
                Step::Key { after_comma: false } if byte == b'}' => self.advance(Step::Done),
                Step::Key { .. } if byte == b'"' => match self.scan_value(at_end)? {
                    Scanned::Incomplete => return Ok(()),
                    Scanned::Complete { start, end } => {
                        let member = self.member(start, end)?;
                        self.at = end;
                        Step::Colon(member)
                    }
                },
                Step::Key { .. } => return Err(self.syntax(self.at, "key must be a string")),
                Step::Colon(member) if byte == b':' => self.advance(Step::Value(member)),
                Step::Colon(_) => return Err(self.syntax(self.at, "expected `:`")),
                Step::Value(Member::Papers) if byte == b'[' => {
                    if std::mem::replace(&mut self.seen_papers, true) {
                        return Err(self.syntax(self.at, "duplicate field `papers`"));
                    }
                    self.advance(Step::Element { after_comma: false })
                }
                Step::Value(member) => match self.scan_value(at_end)? {
                    Scanned::Incomplete => return Ok(()),
                    Scanned::Complete { start, end } => {
                        self.member_value(member, start, end)?;
                        self.at = end;
                        Step::AfterMember
                    }
                },
                Step::AfterMember if byte == b',' => self.advance(Step::Key { after_comma: true }),
                Step::AfterMember if byte == b'}' => self.advance(Step::Done),
                Step::AfterMember => return Err(self.syntax(self.at, "expected `,` or `}`")),
                Step::Element { after_comma: false } if byte == b']' => self.advance(Step::AfterMember),
                Step::Element { .. } => match self.scan_value(at_end)? {
                    Scanned::Incomplete => return Ok(()),
                    Scanned::Complete { start, end } => {
                        self.element(start, end)?;
                        self.at = end;
                        Step::AfterElement
                    }
                },
                Step::AfterElement if byte == b',' => self.advance(Step::Element { after_comma: true }),
                Step::AfterElement if byte == b']' => self.advance(Step::AfterMember),
                Step::AfterElement => return Err(self.syntax(self.at, "expected `,` or `]`")),
                Step::Open | Step::Done => return Err(self.syntax(self.at, "trailing characters")),
            };
        }
    }

    fn advance(&mut self, next: Step) -> Step {
        self.at += 1;
        next
    }

    fn skip_whitespace(&mut self) {
        while self.buf.get(self.at).copied().is_some_and(is_json_whitespace) {
            self.at += 1;
        }
    }

    /// Continues the scan of the value starting at `at`. Strings and containers end at
    /// their closing byte; numbers and literals at the next delimiter.
    fn scan_value(&mut self, at_end: bool) -> Result<Scanned, FeedError> {
        let start = self.at;
        let mut scan = self.scan;
        let bytes = &self.buf[start..];
        while scan.len < bytes.len() {
            if scan.in_string {
                if scan.escaped {
                    scan.escaped = false;
                    scan.len += 1;
                    continue;
                }
                // Most of a paper is string content: jump to the next quote or backslash.
                let Some(found) = memchr::memchr2(b'"', b'\\', &bytes[scan.len..]) else {
                    scan.len = bytes.len();
                    break;
                };
                scan.len += found + 1;
                if bytes[scan.len - 1] == b'\\' {
                    scan.escaped = true;
                } else {
                    scan.in_string = false;
                    if scan.depth == 0 {
                        return Ok(self.complete(start, start + scan.len));
                    }
                }
                continue;
            }
            let (here, byte) = (scan.len, bytes[scan.len]);
            scan.len += 1;
            match byte {
                b'"' => scan.in_string = true,
                b'{' | b'[' => scan.depth += 1,
                b'}' | b']' | b',' if scan.depth == 0 => {
                    if here == 0 {
                        return Err(self.syntax(start, "expected value"));
                    }
                    return Ok(self.complete(start, start + here));
                }
                b'}' | b']' => {
                    scan.depth -= 1;
                    if scan.depth == 0 {
                        return Ok(self.complete(start, start + scan.len));
                    }
                }
                b if is_json_whitespace(b) && scan.depth == 0 => {
                    return Ok(self.complete(start, start + here));
                }
                _ => {}
            }
        }
        self.scan = scan;
        if at_end && scan.depth == 0 && !scan.in_string && scan.len > 0 {
            return Ok(self.complete(start, start + scan.len));
        }
        Ok(Scanned::Incomplete)
    }

    fn complete(&mut self, start: usize, end: usize) -> Scanned {
        self.scan = Scan::default();
        Scanned::Complete { start, end }
    }

    fn member(&self, start: usize, end: usize) -> Result<Member, FeedError> {
        let key = serde_json::from_slice::<String>(&self.buf[start..end])
            .map_err(|e| self.json_error(start, &e))?;
        Ok(match key.as_str() {
            "papersift_feed" => Member::Version,
            "papers" => Member::Papers,
            "index" => Member::Index,
            _ => Member::Other,
        })
    }

    fn member_value(&mut self, member: Member, start: usize, end: usize) -> Result<(), FeedError> {
        let raw = &self.buf[start..end];
        match member {
            Member::Version if self.seen_version => {
                Err(self.syntax(start, "duplicate field `papersift_feed`"))
            }
            Member::Version => match serde_json::from_slice::<Option<u64>>(raw) {
                Ok(Some(version)) if version > VERSION => Err(FeedError::UnsupportedVersion(version)),
                Ok(Some(_)) => {
                    self.seen_version = true;
                    Ok(())
                }
                Ok(None) => Err(FeedError::UnknownFormat),
                Err(e) if e.is_data() => Err(FeedError::UnknownFormat),
                Err(e) => Err(self.json_error(start, &e)),
            },
            // Not an array: the whole-body reader calls this a foreign shape too.
            Member::Papers => Err(FeedError::UnknownFormat),
            // Read as the whole-body reader does: any valid JSON, kept only if a string.
            Member::Index if self.index.is_some() => Err(FeedError::UnknownFormat),
            Member::Index => match serde_json::from_slice::<&serde_json::value::RawValue>(raw) {
                Ok(value) => {
                    self.index = Some(papersift::index_location(value));
                    Ok(())
                }
                Err(e) => Err(self.json_error(start, &e)),
            },
            Member::Other => serde_json::from_slice::<serde::de::IgnoredAny>(raw)
                .map(drop)
                .map_err(|e| self.json_error(start, &e)),
        }
    }

    fn element(&mut self, start: usize, end: usize) -> Result<(), FeedError> {
        // The whole-body reader refuses a paper that is not UTF-8 even where serde would skip
        // the bytes (an unknown field, a paper found malformed, one past the limit): so does this.
        let text = std::str::from_utf8(&self.buf[start..end])
            .map_err(|e| self.syntax(start + e.valid_up_to(), "invalid unicode code point"))?;
        if self.entries >= MAX_ENTRIES {
            self.tally.over_limit(1);
            return serde_json::from_str::<serde::de::IgnoredAny>(text)
                .map(drop)
                .map_err(|e| self.json_error(start, &e));
        }
        self.entries += 1;
        let entry = match serde_json::from_str::<Paper>(text) {
            Ok(paper) => papersift::check(paper).and_then(|p| limits::bound(p, self.today)),
            // A paper of the wrong shape is skipped, but only if it is valid JSON at all.
            Err(e) if e.is_data() => match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => Err(SkipReason::Malformed),
                Err(e) => return Err(self.json_error(start, &e)),
            },
            Err(e) => return Err(self.json_error(start, &e)),
        };
        self.tally.push_bounded(entry);
        Ok(())
    }

    /// serde_json's error on the value at `start`, placed in the whole body.
    fn json_error(&self, start: usize, e: &serde_json::Error) -> FeedError {
        let (line, column) = self.position(start);
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
        let column = if e.line() <= 1 { column + e.column().saturating_sub(1) } else { e.column() };
        FeedError::InvalidJson { line: line + e.line().saturating_sub(1), column, message }
    }

    fn syntax(&self, at: usize, message: &str) -> FeedError {
        let (line, column) = self.position(at);
        FeedError::InvalidJson { line, column, message: message.to_owned() }
    }

    /// 1-based line and column of `buf[at]` in the whole body.
    fn position(&self, at: usize) -> (usize, usize) {
        let before = &self.buf[..at.min(self.buf.len())];
        let lines = memchr::memchr_iter(b'\n', before).count();
        let column = match memchr::memrchr(b'\n', before) {
            Some(last) => at - last,
            None => self.column_before + at + 1,
        };
        (self.lines_before + lines + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 8, 22).unwrap();

    fn feed(days: &[(&str, usize)]) -> Vec<u8> {
        let papers: Vec<String> = days
            .iter()
            .enumerate()
            .flat_map(|(d, &(day, n))| {
                (0..n).map(move |i| format!(r#"{{"id":"{d}.{i}","title":"Paper {d}.{i}","listed":"{day}"}}"#))
            })
            .collect();
        format!("{{\"papersift_feed\":1,\"title\":\"T\",\"papers\":[\n{}\n]}}", papers.join(",\n"))
            .into_bytes()
    }

    fn streamed(body: &[u8], chunk: usize) -> Result<ParsedFeed, FeedError> {
        let mut stream = FeedStream::new(TODAY);
        for part in body.chunks(chunk.max(1)) {
            stream.push(part)?;
        }
        stream.finish()
    }

    #[test]
    fn any_split_reads_as_the_whole_body() {
        let body = feed(&[("2026-08-21", 3), ("2026-08-20", 2)]);
        let whole = parse_feed(&body, TODAY).unwrap();
        assert_eq!(whole.papers.len(), 5);
        for chunk in 1..=body.len() {
            assert_eq!(streamed(&body, chunk), Ok(whole.clone()), "chunks of {chunk} bytes");
        }
    }

    #[test]
    fn preview_waits_for_the_first_day_to_be_whole() {
        let body = feed(&[("2026-08-21", 3), ("2026-08-20", 2)]);
        let mut stream = FeedStream::new(TODAY);
        let mut previews = Vec::new();
        for byte in &body {
            stream.push(std::slice::from_ref(byte)).unwrap();
            previews.push(stream.preview().map(<[Paper]>::len));
        }
        assert_eq!(previews.iter().flatten().min(), Some(&3));
        assert_eq!(previews.iter().flatten().max(), Some(&3));
        // None until the fourth paper (the next day) is decoded.
        let first = previews.iter().position(Option::is_some).unwrap();
        assert!(body[..=first].ends_with(br#""listed":"2026-08-20"}"#));
    }

    #[test]
    fn preview_of_a_long_first_day_is_capped() {
        let mut stream = FeedStream::new(TODAY);
        stream.push(&feed(&[("2026-08-21", PREVIEW_MAX + 5)])).unwrap();
        assert_eq!(stream.preview().map(<[Paper]>::len), Some(PREVIEW_MAX));
        let mut short = FeedStream::new(TODAY);
        short.push(&feed(&[("2026-08-21", 4)])).unwrap();
        assert_eq!(short.preview(), None);
    }

    #[test]
    fn other_formats_are_read_at_the_end() {
        let body = br#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"x","title":"T","date_published":"2026-08-21T00:00:00Z"}]}"#;
        let mut stream = FeedStream::new(TODAY);
        stream.push(&body[..40]).unwrap();
        stream.push(&body[40..]).unwrap();
        assert!(stream.papers().is_empty());
        let feed = stream.finish().unwrap();
        assert_eq!((feed.format, feed.papers.len()), (FeedFormat::JsonFeed, 1));
        assert_eq!(FeedStream::new(TODAY).finish(), Err(FeedError::Empty));
    }

    #[test]
    fn a_broken_feed_fails_as_soon_as_it_is_broken() {
        let mut stream = FeedStream::new(TODAY);
        stream
            .push(br#"{"papersift_feed":1,"papers":[{"id":"a","title":"A","listed":"2026-08-21"},"#)
            .unwrap();
        assert_eq!(stream.papers().len(), 1);
        assert!(matches!(stream.push(br#"{"id":}"#), Err(FeedError::InvalidJson { .. })));
        let mut newer = FeedStream::new(TODAY);
        assert_eq!(newer.push(br#"{"papersift_feed":2,"#), Err(FeedError::UnsupportedVersion(2)));
    }

    #[test]
    fn errors_name_the_line_of_the_whole_body() {
        let mut body = feed(&[("2026-08-21", 2_000)]);
        // The colon after the last paper's "listed".
        let at = body.len() - 17;
        assert_eq!(body[at], b':');
        body[at] = b'#';
        let Err(FeedError::InvalidJson { line, .. }) = parse_feed(&body, TODAY) else {
            panic!("not an error")
        };
        let Err(FeedError::InvalidJson { line: streamed_line, .. }) = streamed(&body, 1_000) else {
            panic!("not an error")
        };
        assert_eq!((line, streamed_line), (2_001, 2_001));
    }

    #[test]
    fn skips_and_failures_match_the_whole_body_reader() {
        let cases: [&[u8]; 17] = [
            br#"{"papersift_feed":1,"papers":[{"id":"a","title":"","listed":"2026-08-21"},7,{"id":"b","title":"B","listed":"2026-08-21"}]}"#,
            br#"{"papersift_feed":1,"papers":[{"title":5,"x":tru}]}"#,
            br#"{"papersift_feed":1,"papers":[]}{"x":1}"#,
            br#"{"papersift_feed":1,"papers":[],"papers":[]}"#,
            br#"{"papersift_feed":1,"papers":{}}"#,
            br#"{"papersift_feed":1,"title":"x"}"#,
            br#"{"papersift_feed":null,"papers":[]}"#,
            b"\xEF\xBB\xBF \n{ \"papersift_feed\" : 1 , \"papers\" : [ ] } \n",
            // Not UTF-8 where serde would only skip: a malformed paper, an unknown field.
            b"{\"papersift_feed\":1,\"papers\":[{\"id\":\"a\",\"listed\":\"#\x80\"}]}",
            b"{\"papersift_feed\":1,\"papers\":[{\"id\":\"a\",\"title\":\"A\",\"listed\":\"2026-08-21\",\"z\":\"\x80\"}]}",
            b"{\"papersift_feed\":1,\"title\":\"\x80\",\"papers\":[]}",
            // The index's location: a string, anything else ignored, twice refused, broken fatal.
            br#"{"papersift_feed":1,"index":"all.index","papers":[]}"#,
            br#"{"papersift_feed":1,"papers":[],"index":{"a":[1,null]}}"#,
            br#"{"papersift_feed":1,"index":null,"papers":[]}"#,
            br#"{"papersift_feed":1,"index":"a","index":"b","papers":[]}"#,
            br#"{"papersift_feed":1,"index":[tru],"papers":[]}"#,
            b"{\"papersift_feed\":1,\"index\":[\"\x80\"],\"papers\":[]}",
        ];
        assert_eq!(streamed(cases[11], 2).unwrap().index.as_deref(), Some("all.index"));
        let mut stream = FeedStream::new(TODAY);
        stream.push(&cases[11][..br#"{"papersift_feed":1,"index":"all.index","#.len()]).unwrap();
        assert_eq!(stream.index(), Some("all.index"), "known before the papers");
        for body in cases {
            let (whole, streamed) = (parse_feed(body, TODAY), streamed(body, 3));
            assert_eq!(whole.is_ok(), streamed.is_ok(), "{}", String::from_utf8_lossy(body));
            if let Ok(whole) = whole {
                assert_eq!(Ok(whole), streamed);
            }
        }
    }
}
