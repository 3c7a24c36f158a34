//! A minimal XML tree for the DOCX post-pass: parsed with quick-xml, written deterministically.
//!
//! Names are kept as qualified strings (`w:pPr`). The post-pass only reads parts that docx-rs or
//! this module wrote, and both use the conventional OOXML prefixes, so prefixes identify
//! namespaces here.

use quick_xml::Reader;
use quick_xml::events::Event;

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(super) struct XmlError(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub(super) fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Builder form of [`Element::set_attr`].
    pub(super) fn attr(mut self, name: &str, value: impl Into<String>) -> Self {
        self.set_attr(name, value);
        self
    }

    /// Builder form of [`Element::push`].
    pub(super) fn child(mut self, child: Element) -> Self {
        self.push(child);
        self
    }

    /// Builder form: appends a text node.
    pub(super) fn text_child(mut self, text: impl Into<String>) -> Self {
        self.children.push(Node::Text(text.into()));
        self
    }

    pub(super) fn get_attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets an attribute, replacing its value in place if it exists (attribute order is kept).
    pub(super) fn set_attr(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self.attrs.iter_mut().find(|(k, _)| k == name) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((name.to_owned(), value)),
        }
    }

    pub(super) fn remove_attr(&mut self, name: &str) {
        self.attrs.retain(|(k, _)| k != name);
    }

    pub(super) fn push(&mut self, child: Element) {
        self.children.push(Node::Element(child));
    }

    pub(super) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(super) fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(super) fn find(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The child `name`, appended if missing (the schema normaliser puts it in its place later).
    pub(super) fn ensure(&mut self, name: &str) -> &mut Element {
        let index = match self
            .children
            .iter()
            .position(|n| matches!(n, Node::Element(e) if e.name == name))
        {
            Some(index) => index,
            None => {
                self.push(Element::new(name));
                self.children.len() - 1
            }
        };
        match &mut self.children[index] {
            Node::Element(e) => e,
            Node::Text(_) => unreachable!("index points at an element"),
        }
    }

    /// Replaces the child `name` (or appends it) with `element`.
    pub(super) fn replace(&mut self, element: Element) {
        self.remove(&element.name);
        self.push(element);
    }

    pub(super) fn remove(&mut self, name: &str) {
        self.children
            .retain(|n| !matches!(n, Node::Element(e) if e.name == name));
    }

    /// Keeps only the child elements for which `keep` is true (text nodes stay).
    pub(super) fn retain_elements(&mut self, mut keep: impl FnMut(&Element) -> bool) {
        self.children.retain(|n| match n {
            Node::Element(e) => keep(e),
            Node::Text(_) => true,
        });
    }

    /// The concatenated text of every descendant text node.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }

    /// Calls `f` on this element and every descendant element, parents before children.
    pub(super) fn walk_mut(&mut self, f: &mut impl FnMut(&mut Element)) {
        f(self);
        for child in self.elements_mut() {
            child.walk_mut(f);
        }
    }

    /// Calls `f` on this element and every descendant element, parents before children.
    pub(super) fn walk(&self, f: &mut impl FnMut(&Element)) {
        f(self);
        for child in self.elements() {
            child.walk(f);
        }
    }
}

/// Parses one XML part into its root element. Comments, processing instructions and the XML
/// declaration are dropped; whitespace-only text between elements is dropped too (OOXML has no
/// mixed content outside text elements, which never hold only child elements).
pub(super) fn parse(bytes: &[u8]) -> Result<Element, XmlError> {
    let text =
        std::str::from_utf8(bytes).map_err(|e| XmlError(format!("part is not UTF-8: {e}")))?;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let error = |e: &dyn std::fmt::Display, reader: &Reader<&[u8]>| {
        XmlError(format!(
            "malformed XML at byte {}: {e}",
            reader.buffer_position()
        ))
    };
    loop {
        let event = reader.read_event().map_err(|e| error(&e, &reader))?;
        match event {
            Event::Start(start) => stack.push(open(&start).map_err(|e| error(&e, &reader))?),
            Event::Empty(start) => {
                let element = open(&start).map_err(|e| error(&e, &reader))?;
                attach(&mut stack, &mut root, element);
            }
            Event::End(_) => {
                let element = stack
                    .pop()
                    .ok_or_else(|| XmlError("unbalanced end tag".into()))?;
                attach(&mut stack, &mut root, element);
            }
            Event::Text(t) => {
                let content = t.xml10_content().map_err(|e| error(&e, &reader))?;
                push_text(&mut stack, &content);
            }
            Event::CData(t) => {
                let content = t.decode().map_err(|e| error(&e, &reader))?;
                push_text(&mut stack, &content);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| error(&e, &reader))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| error(&e, &reader))?;
                        predefined_entity(&name)
                            .ok_or_else(|| XmlError(format!("unknown entity `&{name};`")))?
                            .to_owned()
                    }
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(XmlError("unclosed element at end of part".into()));
    }
    let mut root = root.ok_or_else(|| XmlError("part has no root element".into()))?;
    drop_layout_whitespace(&mut root);
    Ok(root)
}

/// An element with its attributes, from a start or empty tag.
fn open(start: &quick_xml::events::BytesStart<'_>) -> Result<Element, quick_xml::Error> {
    let mut element = Element::new(String::from_utf8_lossy(start.name().as_ref()).into_owned());
    for attr in start.attributes() {
        let attr = attr?;
        let value = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)?;
        element.attrs.push((
            String::from_utf8_lossy(attr.key.as_ref()).into_owned(),
            value.into_owned(),
        ));
    }
    Ok(element)
}

fn predefined_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    })
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, element: Element) {
    match stack.last_mut() {
        Some(parent) => parent.push(element),
        None => *root = Some(element),
    }
}

/// Appends text, joining it with a preceding text node (entities split text into pieces).
fn push_text(stack: &mut [Element], content: &str) {
    let Some(parent) = stack.last_mut() else {
        return;
    };
    match parent.children.last_mut() {
        Some(Node::Text(existing)) => existing.push_str(content),
        _ => parent.children.push(Node::Text(content.to_owned())),
    }
}

fn drop_layout_whitespace(element: &mut Element) {
    let has_elements = element.elements().next().is_some();
    if has_elements {
        element
            .children
            .retain(|n| !matches!(n, Node::Text(t) if t.trim().is_empty()));
    }
    for child in element.elements_mut() {
        drop_layout_whitespace(child);
    }
}

/// Writes a part: XML declaration, then the tree with no added whitespace.
pub(super) fn write(root: &Element) -> Vec<u8> {
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
    write_element(root, &mut out);
    out.into_bytes()
}

fn write_element(element: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&element.name);
    for (key, value) in &element.attrs {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        escape_into(value, true, out);
        out.push('"');
    }
    if element.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in &element.children {
        match child {
            Node::Element(e) => write_element(e, out),
            Node::Text(t) => escape_into(t, false, out),
        }
    }
    out.push_str("</");
    out.push_str(&element.name);
    out.push('>');
}

/// Whether XML 1.0 allows `c` in a document at all.
pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes markup characters; `>` is always escaped so `]]>` can never appear. Characters XML
/// 1.0 forbids are dropped here as a last line of defence (the text layer already strips them).
fn escape_into(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_entities_and_empty_elements() {
        let source = r#"<?xml version="1.0"?><w:p a="x &amp; &quot;y&quot;"><w:r><w:t xml:space="preserve">a &lt;b&gt; ]]&gt; &#x2068;c</w:t></w:r><w:x/></w:p>"#;
        let root = parse(source.as_bytes()).unwrap();
        assert_eq!(root.get_attr("a"), Some("x & \"y\""));
        assert_eq!(root.text(), "a <b> ]]> \u{2068}c");
        assert_eq!(root.elements().count(), 2);
        let written = String::from_utf8(write(&root)).unwrap();
        let expected = r#"<w:p a="x &amp; &quot;y&quot;"><w:r><w:t xml:space="preserve">a &lt;b&gt; ]]&gt; FSIc</w:t></w:r><w:x/></w:p>"#;
        assert!(written.ends_with(&expected.replace("FSI", "\u{2068}")));
        assert_eq!(parse(written.as_bytes()).unwrap(), root);
    }

    #[test]
    fn layout_whitespace_goes_but_text_stays() {
        let root = parse(b"<a>\n  <b> </b>\n</a>").unwrap();
        assert_eq!(root.children.len(), 1);
        assert_eq!(root.text(), " ");
    }

    #[test]
    fn forbidden_characters_are_never_written() {
        let root = Element::new("t").text_child("a\u{1}b\u{FFFF}c");
        assert!(
            String::from_utf8(write(&root))
                .unwrap()
                .ends_with("<t>abc</t>")
        );
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        assert!(parse(b"<a><b></a>").is_err());
        assert!(parse(b"<a>").is_err());
        assert!(parse(b"").is_err());
    }
}
