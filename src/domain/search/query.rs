//! The query language of the search box.
//!
//! | Syntax | Meaning |
//! |---|---|
//! | `diffusion models` | every word must match (title, abstract, authors, keywords, organisation) |
//! | `"exact phrase"` | the words next to each other, in this order (as stemmed: `models` also finds `model`) |
//! | `-survey` | leave out papers that match |
//! | `agents OR robots` | either (also `\|`) |
//! | `(a OR b) c` | grouping |
//! | `diffu*` | any word starting with `diffu` |
//! | `title:` `author:` `abstract:` `keyword:` `org:` | only in that field |
//! | `votes:>10` `votes:>=10` `votes:<5` `votes:10` | upvotes |
//! | `has:code` `has:project` `has:summary` | papers with a code repository, project page, AI summary |
//! | `2608.19880` `arXiv:2608.19880v2` a pasted arXiv, Hugging Face or alphaXiv link | that paper (any version) |
//!
//! Words are matched by their stem (`models` finds `model`), longer words also with a typo.
//! Invalid syntax never fails: the query is read as plain words and a hint says why.
//!
//! ```
//! use papersift_domain::search::query::Query;
//! let q = Query::parse("title:diffusion (agents OR robots) -survey votes:>10");
//! assert!(q.hint.is_none());
//! assert_eq!(q.to_string(), "title:diffusion (agents OR robots) -survey votes:>10");
//! let broken = Query::parse("\"unclosed (phrase");
//! assert_eq!(broken.to_string(), "unclosed phrase");
//! assert!(broken.hint.is_some());
//! ```

use std::fmt;

use crate::feed::arxiv::{from_url, parse_versioned};
use crate::search::analyze::fold;

/// A field of a paper a word can be restricted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The title.
    Title,
    /// AI keywords.
    Keywords,
    /// The abstract.
    Abstract,
    /// Author names.
    Authors,
    /// The submitting organisation.
    Org,
}

impl Field {
    /// All fields, in index order.
    pub const ALL: [Self; 5] = [Self::Title, Self::Keywords, Self::Abstract, Self::Authors, Self::Org];

    /// The name used in queries.
    pub fn key(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Keywords => "keyword",
            Self::Abstract => "abstract",
            Self::Authors => "author",
            Self::Org => "org",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        match key {
            "keywords" => Some(Self::Keywords),
            "authors" => Some(Self::Authors),
            _ => Self::ALL.into_iter().find(|f| f.key() == key),
        }
    }

    /// Position in per-field arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A comparison in `votes:` filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// exactly
    Eq,
}

impl Cmp {
    /// Whether `value` passes `self` against `bound`.
    pub fn test(self, value: u32, bound: u32) -> bool {
        match self {
            Self::Gt => value > bound,
            Self::Ge => value >= bound,
            Self::Lt => value < bound,
            Self::Le => value <= bound,
            Self::Eq => value == bound,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Eq => "",
        }
    }
}

/// What `has:` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// A code repository link.
    Code,
    /// A project page.
    Project,
    /// An AI summary.
    Summary,
}

impl Feature {
    fn key(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Project => "project",
            Self::Summary => "summary",
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// One word (folded), optionally a prefix, optionally in one field.
    Word { field: Option<Field>, text: String, prefix: bool },
    /// Words in this order.
    Phrase { field: Option<Field>, words: Vec<String> },
    /// Papers not matching the inner node.
    Not(Box<Node>),
    /// All must match (empty: everything).
    And(Vec<Node>),
    /// Any may match.
    Or(Vec<Node>),
    /// Upvotes compared with a number.
    Votes(Cmp, u32),
    /// Papers having a feature.
    Has(Feature),
    /// The paper with this arXiv id (without version): a bare id, or one pasted as a link.
    Id(String),
}

/// The arXiv id a researcher pastes: `2608.19880`, `arXiv:2608.19880v2`, or a link to its arXiv
/// abstract, PDF or HTML page, its Hugging Face page or its alphaXiv page (any version).
///
/// ```
/// use papersift_domain::search::query::pasted_id;
/// for text in ["2608.19880", "arXiv:2608.19880v2", "https://arxiv.org/pdf/2608.19880v1.pdf",
///              "huggingface.co/papers/2608.19880", "https://www.alphaxiv.org/abs/2608.19880"] {
///     assert_eq!(pasted_id(text).as_deref(), Some("2608.19880"), "{text}");
/// }
/// assert_eq!(pasted_id("2608"), None);
/// assert_eq!(pasted_id("https://example.org/papers/2608.19880"), None);
/// ```
pub fn pasted_id(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if let Some(id) = lower.strip_prefix("arxiv:") {
        return parse_versioned(id).map(|r| r.id);
    }
    if let Some(found) = from_url(text) {
        return Some(found.id);
    }
    for marker in ["arxiv.org/html/", "huggingface.co/papers/", "alphaxiv.org/abs/", "alphaxiv.org/overview/"]
    {
        if let Some(at) = lower.find(marker) {
            let rest = &text[at + marker.len()..];
            return parse_versioned(rest.split(['?', '#', '/']).next().unwrap_or(rest)).map(|r| r.id);
        }
    }
    parse_versioned(text).map(|r| r.id)
}

/// A query with the hint to show when part of it could not be read as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The parsed query (`And([])` for an empty one).
    pub root: Node,
    /// Why the query was read as plain words, if it was.
    pub hint: Option<String>,
}

/// Most clauses kept from one query, so a pasted essay cannot make every keystroke slow.
pub const MAX_CLAUSES: usize = 32;

impl Query {
    /// Parses `input`; never fails (see the module docs).
    pub fn parse(input: &str) -> Self {
        let tokens = lex(input);
        let mut parser = Parser { tokens: &tokens, at: 0, clauses: 0 };
        match parser.or().and_then(|node| parser.finish(node)) {
            Ok(root) => Self { root: simplify(root), hint: None },
            Err(why) => {
                let words: Vec<Node> = input
                    .split(|c: char| c.is_whitespace() || "()\"|".contains(c))
                    .map(|w| w.trim_start_matches('-').trim_end_matches('*'))
                    .filter(|w| !w.is_empty() && *w != "OR" && *w != "|")
                    .take(MAX_CLAUSES)
                    .map(|w| plain(w.trim_end_matches(':')))
                    .collect();
                Self {
                    root: simplify(Node::And(words)),
                    hint: Some(format!("{why}: searched as plain words.")),
                }
            }
        }
    }

    /// Whether the query matches everything (nothing typed, or only stop words and spaces).
    pub fn is_empty(&self) -> bool {
        matches!(&self.root, Node::And(children) if children.is_empty())
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.root {
            Node::And(children) => write_joined(f, children, " "),
            other => write!(f, "{other}"),
        }
    }
}

fn write_joined(f: &mut fmt::Formatter<'_>, nodes: &[Node], sep: &str) -> fmt::Result {
    for (i, node) in nodes.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        write!(f, "{node}")?;
    }
    Ok(())
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = |f: &mut fmt::Formatter<'_>, field: &Option<Field>| match field {
            Some(field) => write!(f, "{}:", field.key()),
            None => Ok(()),
        };
        match self {
            Self::Word { field: fd, text, prefix } => {
                field(f, fd)?;
                if misread_bare(text) {
                    write!(f, "\"{text}\"")
                } else {
                    write!(f, "{text}{}", if *prefix { "*" } else { "" })
                }
            }
            Self::Phrase { field: fd, words } => {
                field(f, fd)?;
                write!(f, "\"{}\"", words.join(" "))
            }
            Self::Not(inner) => write!(f, "-{inner}"),
            Self::And(children) => {
                f.write_str("(")?;
                write_joined(f, children, " ")?;
                f.write_str(")")
            }
            Self::Or(children) => {
                f.write_str("(")?;
                write_joined(f, children, " OR ")?;
                f.write_str(")")
            }
            Self::Votes(cmp, n) => write!(f, "votes:{}{n}", cmp.symbol()),
            Self::Has(feature) => write!(f, "has:{}", feature.key()),
            Self::Id(id) => f.write_str(id),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    Or,
    Minus,
    /// A quoted phrase; `false` when the closing quote is missing.
    Quoted(String, bool),
    Bare(String),
}

fn lex(input: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' | '|' => {
                chars.next();
                tokens.push(match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    _ => Token::Or,
                });
            }
            '-' => {
                chars.next();
                tokens.push(Token::Minus);
            }
            '"' => {
                chars.next();
                let mut text = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '"' {
                        closed = true;
                        break;
                    }
                    text.push(c);
                }
                tokens.push(Token::Quoted(text, closed));
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || "()\"|".contains(c) {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                // A field followed by a phrase: `title:"a b"`.
                let field_key = word.strip_suffix(':').map(str::to_ascii_lowercase);
                if field_key.as_deref().and_then(Field::from_key).is_some() && chars.peek() == Some(&'"') {
                    chars.next();
                    let text: String = chars.by_ref().take_while(|&c| c != '"').collect();
                    tokens.push(Token::Bare(format!("{word}\"{text}\"")));
                    continue;
                }
                tokens.push(if word == "OR" { Token::Or } else { Token::Bare(word) });
            }
        }
    }
    tokens
}

struct Parser<'t> {
    tokens: &'t [Token],
    at: usize,
    clauses: usize,
}

type Parsed = Result<Node, &'static str>;

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn finish(&self, node: Node) -> Parsed {
        match self.peek() {
            None => Ok(node),
            Some(Token::Close) => Err("A “)” has no “(”"),
            Some(_) => Err("The query could not be read"),
        }
    }

    fn or(&mut self) -> Parsed {
        let mut options = vec![self.and()?];
        if self.peek() == Some(&Token::Or) && options[0] == Node::And(Vec::new()) {
            return Err("OR needs something on both sides");
        }
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            if matches!(self.peek(), None | Some(Token::Close | Token::Or)) {
                return Err("OR needs something on both sides");
            }
            options.push(self.and()?);
        }
        Ok(if options.len() == 1 { options.remove(0) } else { Node::Or(options) })
    }

    fn and(&mut self) -> Parsed {
        let mut all = Vec::new();
        while let Some(token) = self.peek() {
            if matches!(token, Token::Close | Token::Or) {
                break;
            }
            all.push(self.unary()?);
        }
        if all.is_empty() && self.at > 0 && self.at < self.tokens.len() {
            return Err("Empty brackets or a missing word");
        }
        Ok(Node::And(all))
    }

    fn unary(&mut self) -> Parsed {
        if self.peek() == Some(&Token::Minus) {
            self.at += 1;
            return match self.peek() {
                None | Some(Token::Close | Token::Or | Token::Minus) => {
                    Err("A “-” must come right before a word")
                }
                Some(_) => Ok(Node::Not(Box::new(self.unary()?))),
            };
        }
        self.primary()
    }

    fn primary(&mut self) -> Parsed {
        let Some(token) = self.tokens.get(self.at) else { return Err("The query ends too early") };
        self.at += 1;
        self.clauses += 1;
        if self.clauses > MAX_CLAUSES {
            return Err("Too many words (at most 32)");
        }
        match token {
            Token::Open => {
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err("A “(” is not closed");
                }
                self.at += 1;
                Ok(inner)
            }
            Token::Quoted(text, closed) => {
                if !closed {
                    return Err("A quote is not closed");
                }
                Ok(phrase(None, text))
            }
            Token::Bare(word) => bare(word),
            Token::Close | Token::Or | Token::Minus => Err("The query could not be read"),
        }
    }
}

/// Whether a word printed bare would be read back as something else (words from phrases can
/// hold any character).
fn misread_bare(text: &str) -> bool {
    text.contains(|c: char| "()\"|".contains(c))
        || text.starts_with('-')
        || text.ends_with('*')
        || text == "OR"
        || pasted_id(text).is_some()
        || text.split_once(':').is_some_and(|(key, _)| {
            let key = key.to_ascii_lowercase();
            key == "votes" || key == "has" || Field::from_key(&key).is_some()
        })
}

fn phrase(field: Option<Field>, text: &str) -> Node {
    // Punctuation alone never matches a word, so it is dropped from phrases.
    let words: Vec<String> =
        text.split_whitespace().map(fold).filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    match words.len() {
        0 => Node::And(Vec::new()),
        1 => Node::Word { field, text: words.into_iter().next().unwrap_or_default(), prefix: false },
        _ => Node::Phrase { field, words },
    }
}

fn bare(word: &str) -> Parsed {
    // Before the fields: a link holds a colon too.
    if let Some(id) = pasted_id(word) {
        return Ok(Node::Id(id));
    }
    if let Some((key, value)) = word.split_once(':') {
        let key = key.to_ascii_lowercase();
        if key == "votes" {
            return votes(value).ok_or("votes: takes a number, as in votes:>10");
        }
        if key == "has" {
            return match value.to_ascii_lowercase().as_str() {
                "code" => Ok(Node::Has(Feature::Code)),
                "project" => Ok(Node::Has(Feature::Project)),
                "summary" => Ok(Node::Has(Feature::Summary)),
                _ => Err("has: takes code, project or summary"),
            };
        }
        if let Some(field) = Field::from_key(&key) {
            if let Some(quoted) = value.strip_prefix('"') {
                return Ok(phrase(Some(field), quoted.trim_end_matches('"')));
            }
            return match plain(value) {
                Node::Word { text, prefix, .. } => Ok(Node::Word { field: Some(field), text, prefix }),
                _ => Err("A field needs a word after the colon"),
            };
        }
    }
    Ok(plain(word))
}

fn plain(word: &str) -> Node {
    let (text, prefix) = match word.strip_suffix('*') {
        Some(stem) => (stem.trim_end_matches('*'), true),
        None => (word, false),
    };
    let text = fold(text);
    if text.chars().any(char::is_alphanumeric) {
        Node::Word { field: None, text, prefix }
    } else {
        Node::And(Vec::new())
    }
}

fn votes(value: &str) -> Option<Node> {
    let (cmp, number) = [(">=", Cmp::Ge), ("<=", Cmp::Le), (">", Cmp::Gt), ("<", Cmp::Lt), ("=", Cmp::Eq)]
        .into_iter()
        .find_map(|(sym, cmp)| value.strip_prefix(sym).map(|rest| (cmp, rest)))
        .unwrap_or((Cmp::Eq, value));
    number.parse::<u32>().ok().map(|n| Node::Votes(cmp, n))
}

/// Flattens nested And/Or and drops empty clauses, so that printing and parsing agree.
fn simplify(node: Node) -> Node {
    match node {
        Node::And(children) => {
            let mut flat = Vec::new();
            for child in children.into_iter().map(simplify) {
                match child {
                    Node::And(inner) => flat.extend(inner),
                    other => flat.push(other),
                }
            }
            if flat.len() == 1 { flat.remove(0) } else { Node::And(flat) }
        }
        Node::Or(children) => {
            let mut flat = Vec::new();
            for child in children.into_iter().map(simplify) {
                match child {
                    Node::Or(inner) => flat.extend(inner),
                    Node::And(inner) if inner.is_empty() => {}
                    other => flat.push(other),
                }
            }
            match flat.len() {
                0 => Node::And(flat),
                1 => flat.remove(0),
                _ => Node::Or(flat),
            }
        }
        Node::Not(inner) => match simplify(*inner) {
            Node::And(inner) if inner.is_empty() => Node::And(inner),
            Node::Not(twice) => *twice,
            other => Node::Not(Box::new(other)),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Node {
        Node::Word { field: None, text: text.into(), prefix: false }
    }

    #[test]
    fn reads_every_construct() {
        let q = Query::parse(
            "Diffusion \"Large  Language models\" -survey (a OR b | c) diffu* author:Hinton votes:>=5 has:code",
        );
        assert_eq!(q.hint, None);
        let Node::And(parts) = q.root else { panic!("expected And") };
        assert_eq!(parts[0], word("diffusion"));
        assert_eq!(
            parts[1],
            Node::Phrase { field: None, words: vec!["large".into(), "language".into(), "models".into()] }
        );
        assert_eq!(parts[2], Node::Not(Box::new(word("survey"))));
        assert_eq!(parts[3], Node::Or(vec![word("a"), word("b"), word("c")]));
        assert_eq!(parts[4], Node::Word { field: None, text: "diffu".into(), prefix: true });
        assert_eq!(
            parts[5],
            Node::Word { field: Some(Field::Authors), text: "hinton".into(), prefix: false }
        );
        assert_eq!(parts[6], Node::Votes(Cmp::Ge, 5));
        assert_eq!(parts[7], Node::Has(Feature::Code));
    }

    #[test]
    fn field_phrases_and_words_with_colons() {
        let q = Query::parse("title:\"flow matching\" arXiv:2401.1 ");
        assert_eq!(q.to_string(), "title:\"flow matching\" arxiv:2401.1");
        assert_eq!(q.hint, None);
    }

    #[test]
    fn broken_syntax_degrades_to_words_with_a_hint() {
        for input in
            ["(a b", "a)", "a OR", "OR a", "-", "a -", "\"a b", "votes:>x", "has:gold", "()", "title:"]
        {
            let q = Query::parse(input);
            assert!(q.hint.is_some(), "{input:?} gave no hint");
        }
        assert_eq!(Query::parse("(a b").to_string(), "a b");
        assert_eq!(Query::parse("a OR").to_string(), "a");
    }

    #[test]
    fn empty_and_punctuation_only_queries_match_everything() {
        for input in ["", "   ", "*", "-*", "\"\""] {
            assert!(Query::parse(input).is_empty(), "{input:?}");
        }
    }

    #[test]
    fn too_many_clauses_are_cut() {
        let long = "word ".repeat(100);
        let q = Query::parse(&long);
        assert!(q.hint.is_some());
        assert!(matches!(q.root, Node::And(ref c) if c.len() == MAX_CLAUSES));
    }

    #[test]
    fn a_pasted_arxiv_id_or_link_is_read_as_that_paper() {
        let q = Query::parse("https://huggingface.co/papers/2608.19880?x=1 -arXiv:2608.00001v2");
        assert_eq!(
            q.root,
            Node::And(vec![
                Node::Id("2608.19880".into()),
                Node::Not(Box::new(Node::Id("2608.00001".into())))
            ])
        );
        assert_eq!(q.to_string(), "2608.19880 -2608.00001");
        // A quoted id stays a word, and is printed quoted so that it reads back as one.
        let quoted = Query::parse("\"2608.19880\"");
        assert!(matches!(quoted.root, Node::Word { .. }));
        assert_eq!(Query::parse(&quoted.to_string()).root, quoted.root);
    }
}
