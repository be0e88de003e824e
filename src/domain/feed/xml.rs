//! A small XML tree built with quick-xml, with hard caps on depth and size, for the
//! Atom and RSS parsers. Namespaces are matched by local name (`arxiv:comment` → `comment`),
//! which is all feed formats need and keeps hostile prefixes harmless.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::FeedError;

/// Deepest element nesting accepted (real feeds need fewer than 10 levels).
pub const MAX_DEPTH: usize = 64;
/// Most elements accepted in one document.
pub const MAX_ELEMENTS: usize = 4_000_000;

/// One element: its local name, attributes, text and child elements.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Element {
    /// Local name, without namespace prefix.
    pub name: String,
    /// Namespace prefix, if any (`arxiv` in `arxiv:comment`).
    pub prefix: Option<String>,
    /// Attributes by local name, unescaped.
    pub attrs: Vec<(String, String)>,
    /// Text and CDATA directly inside the element, concatenated.
    pub text: String,
    /// Child elements in order.
    pub children: Vec<Element>,
}

impl Element {
    /// The first child with local name `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child with local name `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The text of the first child named `name`, trimmed, if not empty.
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.trim()).filter(|t| !t.is_empty())
    }

    /// The value of attribute `name` (local name).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

fn split_name(qualified: &str) -> (Option<String>, String) {
    match qualified.split_once(':') {
        Some((prefix, local)) => (Some(prefix.to_owned()), local.to_owned()),
        None => (None, qualified.to_owned()),
    }
}

fn open(start: &BytesStart) -> Element {
    let (prefix, name) = split_name(start.name().as_ref());
    let attrs = start
        .attributes()
        .flatten()
        .filter_map(|a| {
            let (_, key) = split_name(a.key.as_ref());
            let value = a.normalized_value(XmlVersion::Implicit1_0).ok()?.into_owned();
            Some((key, value))
        })
        .collect();
    Element { name, prefix, attrs, ..Element::default() }
}

/// Adds a closed element to its parent, through `visit` when the parent is the root.
fn adopt(
    stack: &mut [Element],
    element: Element,
    visit: &mut impl FnMut(&Element, Element) -> Option<Element>,
) {
    if let [root] = stack {
        if let Some(kept) = visit(root, element) {
            root.children.push(kept);
        }
    } else if let Some(parent) = stack.last_mut() {
        parent.children.push(element);
    }
}

fn invalid(reader: &Reader<&[u8]>, message: impl std::fmt::Display) -> FeedError {
    FeedError::InvalidXml { position: reader.buffer_position(), message: message.to_string() }
}

/// Parses `body` into its root element.
pub fn parse(body: &[u8]) -> Result<Element, FeedError> {
    parse_with(body, |_, child| Some(child))
}

/// Parses `body`, handing each child of the root to `visit` as soon as it closes, with the
/// root as read so far; the root keeps the children `visit` gives back. A feed's entries
/// can so be read one by one and dropped, instead of building the whole tree first.
pub fn parse_with(
    body: &[u8],
    mut visit: impl FnMut(&Element, Element) -> Option<Element>,
) -> Result<Element, FeedError> {
    let mut reader = Reader::from_reader(body);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut elements = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| invalid(&reader, e))?;
        match event {
            Event::Start(start) => {
                elements += 1;
                if stack.len() >= MAX_DEPTH {
                    return Err(FeedError::TooDeep { limit: MAX_DEPTH });
                }
                if elements > MAX_ELEMENTS {
                    return Err(FeedError::TooManyElements { limit: MAX_ELEMENTS });
                }
                stack.push(open(&start));
            }
            Event::Empty(start) => {
                elements += 1;
                if elements > MAX_ELEMENTS {
                    return Err(FeedError::TooManyElements { limit: MAX_ELEMENTS });
                }
                let element = open(&start);
                if stack.is_empty() {
                    return Ok(element);
                }
                adopt(&mut stack, element, &mut visit);
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(invalid(&reader, "closing tag without an opening tag"));
                };
                if stack.is_empty() {
                    return Ok(done);
                }
                adopt(&mut stack, done, &mut visit);
            }
            Event::Text(text) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&text.xml10_content());
                }
            }
            Event::CData(data) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&data.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(top) = stack.last_mut() {
                    let name: &str = &reference;
                    match reference.resolve_char_ref() {
                        Ok(Some(c)) => top.text.push(c),
                        // Entities HTML-minded feeds use without declaring them.
                        Ok(None) => match super::clean::entity(name) {
                            Some(c) => top.text.push(c),
                            None => top.text.push_str(&format!("&{name};")),
                        },
                        Err(e) => return Err(invalid(&reader, e)),
                    }
                }
            }
            Event::Eof => {
                return Err(if stack.is_empty() {
                    invalid(&reader, "no root element")
                } else {
                    invalid(&reader, "the document ends before its elements are closed")
                });
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_with_text_entities_and_cdata() {
        let root = parse(
            br#"<?xml version="1.0"?><feed xmlns:arxiv="x"><entry a="1&amp;2">
            <title>A &amp; B &#946; &hellip; &bogus;</title><arxiv:comment><![CDATA[<b>x</b>]]></arxiv:comment>
            <link href="h"/></entry></feed>"#,
        )
        .unwrap();
        let entry = root.child("entry").unwrap();
        assert_eq!(entry.attr("a"), Some("1&2"));
        assert_eq!(entry.child_text("title"), Some("A & B β … &bogus;"));
        assert_eq!(entry.child_text("comment"), Some("<b>x</b>"));
        assert_eq!(entry.child("comment").unwrap().prefix.as_deref(), Some("arxiv"));
        assert_eq!(entry.child("link").unwrap().attr("href"), Some("h"));
    }

    #[test]
    fn truncated_mismatched_and_deep_documents_are_errors() {
        assert!(matches!(parse(b"<rss><channel><item>"), Err(FeedError::InvalidXml { .. })));
        assert!(matches!(parse(b"<a><b></a>"), Err(FeedError::InvalidXml { .. })));
        assert!(matches!(parse(b""), Err(FeedError::InvalidXml { .. })));
        let deep = "<a>".repeat(10_000);
        assert_eq!(parse(deep.as_bytes()), Err(FeedError::TooDeep { limit: MAX_DEPTH }));
    }
}
