//! The tests' PDF oracle: text read back from a PDF in pure Rust, each page's content stream
//! decoded through the fonts' ToUnicode maps. It proves the round trip; it reads what this writer
//! writes (glyph ids, Identity-H, lines left to right, right-to-left runs in `ReversedChars`
//! marked content, `/ActualText` on marked content, every paragraph in the document's
//! direction).

use std::collections::BTreeMap;
use std::ops::Range;

use lopdf::content::Content;
use lopdf::{Document, Object};

use unicode_bidi_mirroring::get_mirrored as mirrored;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// Combining marks (general category M), which the reader attaches to their base.
fn is_mark(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Mark
}

/// The text of one line, or of one of several separate pieces on one baseline (the fields
/// of a signature row), in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Baseline, in PDF user space (from the bottom of the page).
    pub y: f32,
    /// Left and right end of the glyphs' advances.
    pub x: Range<f32>,
    pub text: String,
}

/// A font's ToUnicode map and glyph widths (1/1000 em).
struct FontInfo {
    to_unicode: BTreeMap<u16, String>,
    widths: BTreeMap<u16, f32>,
    default_width: f32,
}

/// One show-text operation, decoded: the text of each glyph, a combining mark's joined to
/// the glyph before it (the writer shows a mark after its base).
struct Shown {
    y: f32,
    x: Range<f32>,
    units: Vec<String>,
}

impl Shown {
    fn text(&self) -> String {
        self.units.concat()
    }

    /// Reading order of a right-to-left run: its glyphs (with their marks) reversed, and
    /// paired punctuation, drawn mirrored, mirrored back.
    fn reversed_text(&self) -> String {
        self.units
            .iter()
            .rev()
            .flat_map(|u| u.chars())
            .map(|c| mirrored(c).unwrap_or(c))
            .collect()
    }
}

/// A line being collected: its runs left to right, each with its reading-order text and
/// whether it reads right to left.
struct Collected {
    y: f32,
    x: Range<f32>,
    runs: Vec<(bool, String)>,
}

impl Collected {
    /// UAX #9's reordering, undone: with the paragraph direction known and each run's level
    /// parity marked, reversing the runs of the line (right-to-left paragraph) and then each
    /// sequence of runs of the other direction gives back the reading order.
    fn finish(mut self, rtl: bool) -> TextLine {
        if rtl {
            self.runs.reverse();
        }
        let mut text = String::new();
        let mut i = 0;
        while i < self.runs.len() {
            let mut j = i + 1;
            if self.runs[i].0 != rtl {
                while j < self.runs.len() && self.runs[j].0 == self.runs[i].0 {
                    j += 1;
                }
                self.runs[i..j].reverse();
            }
            for (_, t) in &self.runs[i..j] {
                text.push_str(t);
            }
            i = j;
        }
        TextLine {
            y: self.y,
            x: self.x,
            text,
        }
    }
}

/// The text lines of every page of a file whose paragraphs run right to left if `rtl`.
pub fn extract(bytes: &[u8], rtl: bool) -> Result<Vec<Vec<TextLine>>, String> {
    let doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let mut fonts: BTreeMap<Vec<u8>, FontInfo> = BTreeMap::new();
        for (name, font) in doc.get_page_fonts(page_id).map_err(|e| e.to_string())? {
            let info = font_info(&doc, font)
                .map_err(|e| format!("font {}: {e}", String::from_utf8_lossy(&name)))?;
            fonts.insert(name, info);
        }
        let content = Content::decode(&doc.get_page_content(page_id)).map_err(|e| e.to_string())?;
        let mut lines: Vec<Collected> = Vec::new();
        let mut font: Option<&FontInfo> = None;
        let mut size = 0.0f32;
        let (mut x, mut y) = (0.0f32, 0.0f32);
        // The marked-content sequences open at this point, innermost last.
        let mut marked: Vec<MarkedKind> = Vec::new();
        // The `/ActualText` being shown, and where its glyphs are drawn.
        let mut actual: Option<Actual> = None;
        // A right-to-left run may be shown in several operations (raised marks): they are
        // collected and reversed together.
        let mut pending: Option<Shown> = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    let name = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .unwrap_or_default();
                    font = fonts.get(name);
                    size = op.operands.get(1).and_then(number).unwrap_or(0.0);
                }
                "Tm" => {
                    x = op.operands.get(4).and_then(number).unwrap_or(0.0);
                    y = op.operands.get(5).and_then(number).unwrap_or(0.0);
                }
                "BMC" | "BDC" => {
                    let tag = op.operands.first().and_then(|o| o.as_name().ok());
                    let text = op
                        .operands
                        .get(1)
                        .and_then(|o| o.as_dict().ok())
                        .and_then(|d| d.get(b"ActualText").ok())
                        .and_then(|o| o.as_str().ok());
                    // As poppler does: the outermost `/ActualText` stands for everything
                    // drawn inside it.
                    if let Some(text) = text
                        && actual.is_none()
                    {
                        actual = Some(Actual {
                            text: text_string(text),
                            rtl: marked.contains(&MarkedKind::Reversed),
                            y,
                            x: None,
                        });
                        marked.push(MarkedKind::Actual);
                    } else if tag == Some(b"ReversedChars".as_slice()) {
                        marked.push(MarkedKind::Reversed);
                    } else {
                        marked.push(MarkedKind::Other);
                    }
                }
                "EMC" => match marked.pop() {
                    Some(MarkedKind::Reversed) => {
                        if let Some(shown) = pending.take() {
                            let text = shown.reversed_text();
                            add(&mut lines, shown.y, shown.x, (true, text), size);
                        }
                    }
                    Some(MarkedKind::Actual) => {
                        if let Some(a) = actual.take() {
                            let x = a.x.unwrap_or(x..x);
                            add(&mut lines, a.y, x, (a.rtl, a.text), size);
                        }
                    }
                    _ => {}
                },
                "TJ" | "Tj" => {
                    let Some(font) = font else { continue };
                    let reversed = marked.contains(&MarkedKind::Reversed) || actual.is_some();
                    let mut start = x;
                    let mut units: Vec<String> = Vec::new();
                    let items: Vec<&Object> = match op.operands.first() {
                        Some(Object::Array(items)) => items.iter().collect(),
                        Some(other) => vec![other],
                        None => Vec::new(),
                    };
                    let (mut low, mut high) = (x, x);
                    for item in items {
                        match item {
                            Object::String(codes, _) => {
                                for code in codes.chunks(2) {
                                    let code =
                                        u16::from_be_bytes([code[0], *code.get(1).unwrap_or(&0)]);
                                    if let Some(t) = font.to_unicode.get(&code) {
                                        match units.last_mut() {
                                            Some(last) if t.chars().all(is_mark) => {
                                                last.push_str(t)
                                            }
                                            _ => units.push(t.clone()),
                                        }
                                    }
                                    x += font
                                        .widths
                                        .get(&code)
                                        .copied()
                                        .unwrap_or(font.default_width)
                                        / 1000.0
                                        * size;
                                    high = high.max(x);
                                }
                            }
                            other => {
                                let before = x;
                                x -= number(other).unwrap_or(0.0) / 1000.0 * size;
                                // printpdf joins the runs of one baseline into one operation;
                                // a jump of more than three ems separates pieces (the fields
                                // of a signature row).
                                if !reversed && x - before > 3.0 * size {
                                    let text = std::mem::take(&mut units).concat();
                                    add(&mut lines, y, low.min(start)..high, (false, text), size);
                                    (low, high, start) = (x, x, x);
                                    continue;
                                }
                            }
                        }
                        low = low.min(x);
                    }
                    let shown = Shown {
                        y,
                        x: low.min(start)..high,
                        units,
                    };
                    if let Some(a) = &mut actual {
                        // Only where the glyphs are drawn counts: the text is the span's.
                        a.y = shown.y;
                        a.x = Some(match a.x.take() {
                            Some(r) => r.start.min(shown.x.start)..r.end.max(shown.x.end),
                            None => shown.x,
                        });
                    } else if reversed {
                        match &mut pending {
                            Some(p) => {
                                let mut units = shown.units.into_iter().peekable();
                                // A mark shown on its own (raised) belongs to the glyph before.
                                if let (Some(last), Some(first)) =
                                    (p.units.last_mut(), units.peek())
                                    && first.chars().all(is_mark)
                                {
                                    last.push_str(first);
                                    units.next();
                                }
                                p.units.extend(units);
                                p.x = p.x.start.min(shown.x.start)..p.x.end.max(shown.x.end);
                            }
                            None => pending = Some(shown),
                        }
                    } else {
                        let text = shown.text();
                        add(&mut lines, shown.y, shown.x, (false, text), size);
                    }
                }
                _ => {}
            }
        }
        pages.push(lines.into_iter().map(|l| l.finish(rtl)).collect());
    }
    Ok(pages)
}

/// What a marked-content sequence is to the extractor.
#[derive(Debug, Clone, Copy, PartialEq)]
enum MarkedKind {
    /// `ReversedChars`: its glyphs are in reverse reading order.
    Reversed,
    /// It carries the `/ActualText` being shown.
    Actual,
    Other,
}

/// An `/ActualText` of marked content: the text, read in place of the glyphs drawn inside it,
/// at their place.
struct Actual {
    text: String,
    /// Inside a `ReversedChars` sequence: a right-to-left run, its text in reading order.
    rtl: bool,
    y: f32,
    x: Option<Range<f32>>,
}

/// A PDF text string: UTF-16BE after its byte order mark, else PDFDocEncoding (taken as
/// Latin-1, which it is for the printable characters).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Appends a run to the current line when it is on the same baseline and touches it, else
/// starts a line.
fn add(lines: &mut Vec<Collected>, y: f32, x: Range<f32>, run: (bool, String), size: f32) {
    let touches = |l: &Collected| {
        (l.y - y).abs() < 0.01 && x.start <= l.x.end + 0.5 * size && x.end >= l.x.start - 0.5 * size
    };
    match lines.last_mut() {
        Some(line) if touches(line) => {
            line.runs.push(run);
            line.x = line.x.start.min(x.start)..line.x.end.max(x.end);
        }
        _ => lines.push(Collected {
            y,
            x,
            runs: vec![run],
        }),
    }
}

fn font_info(doc: &Document, font: &lopdf::Dictionary) -> Result<FontInfo, String> {
    let resolve = |o: &Object| -> Result<Object, String> {
        match o {
            Object::Reference(id) => doc.get_object(*id).cloned().map_err(|e| e.to_string()),
            other => Ok(other.clone()),
        }
    };
    let stream = font
        .get(b"ToUnicode")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_object(id))
        .and_then(Object::as_stream)
        .map_err(|e| format!("no ToUnicode map: {e}"))?;
    let data = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let to_unicode = parse_cmap(&String::from_utf8_lossy(&data));
    let descendant = font
        .get(b"DescendantFonts")
        .map_err(|e| e.to_string())
        .and_then(resolve)?;
    let descendant = match descendant {
        Object::Array(items) => items
            .first()
            .map(resolve)
            .transpose()?
            .ok_or("no descendant font")?,
        other => other,
    };
    let descendant = descendant.as_dict().map_err(|e| e.to_string())?;
    let default_width = descendant
        .get(b"DW")
        .ok()
        .and_then(number)
        .unwrap_or(1000.0);
    let mut widths = BTreeMap::new();
    if let Ok(w) = descendant
        .get(b"W")
        .map_err(|e| e.to_string())
        .and_then(resolve)
        && let Ok(w) = w.as_array()
    {
        let mut i = 0;
        while i + 1 < w.len() {
            let first = number(&w[i]).unwrap_or(0.0) as u16;
            match &w[i + 1] {
                Object::Array(list) => {
                    for (k, width) in list.iter().enumerate() {
                        widths.insert(first + k as u16, number(width).unwrap_or(0.0));
                    }
                    i += 2;
                }
                last => {
                    let (last, width) = (
                        number(last).unwrap_or(0.0) as u16,
                        w.get(i + 2).and_then(number).unwrap_or(0.0),
                    );
                    for code in first..=last {
                        widths.insert(code, width);
                    }
                    i += 3;
                }
            }
        }
    }
    Ok(FontInfo {
        to_unicode,
        widths,
        default_width,
    })
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// The `bfchar` entries of a ToUnicode CMap (all this writer emits).
fn parse_cmap(cmap: &str) -> BTreeMap<u16, String> {
    let mut map = BTreeMap::new();
    let mut rest = cmap;
    while let Some(start) = rest.find("beginbfchar") {
        let block = &rest[start + "beginbfchar".len()..];
        let end = block.find("endbfchar").unwrap_or(block.len());
        let hexes: Vec<&str> = block[..end]
            .split(['<', '>'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        for pair in hexes.chunks(2) {
            if let [code, target] = pair
                && let Ok(code) = u16::from_str_radix(code, 16)
            {
                let units: Vec<u16> = target
                    .as_bytes()
                    .chunks(4)
                    .filter_map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
                    .collect();
                map.insert(code, String::from_utf16_lossy(&units));
            }
        }
        rest = &block[end..];
    }
    map
}
