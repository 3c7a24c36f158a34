//! Reading text back from a PDF in pure Rust: each page's content stream decoded through the
//! fonts' ToUnicode maps, in stream order. Used by tests to prove the round trip, and usable
//! on any file this renderer writes (glyph ids, Identity-H, one text object per page).

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Document, Object};
use unicode_bidi::{Level, ParagraphBidiInfo};

use super::shaping::mirrored;

/// One line of extracted text: glyphs shown on the same baseline, in content order (visual
/// order, left to right, for this writer's files; see [`logical`]).
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Baseline, in PDF user space (from the bottom of the page).
    pub y: f32,
    pub text: String,
}

/// The lines of every page.
pub fn extract(bytes: &[u8]) -> Result<Vec<Vec<TextLine>>, String> {
    let doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let mut maps: BTreeMap<Vec<u8>, BTreeMap<u16, String>> = BTreeMap::new();
        for (name, font) in doc.get_page_fonts(page_id).map_err(|e| e.to_string())? {
            let stream = font
                .get(b"ToUnicode")
                .and_then(Object::as_reference)
                .and_then(|id| doc.get_object(id))
                .and_then(Object::as_stream)
                .map_err(|e| {
                    format!(
                        "font {} has no ToUnicode map: {e}",
                        String::from_utf8_lossy(&name)
                    )
                })?;
            let data = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            maps.insert(name, parse_cmap(&String::from_utf8_lossy(&data)));
        }
        let content = Content::decode(&doc.get_page_content(page_id)).map_err(|e| e.to_string())?;
        let mut lines: Vec<TextLine> = Vec::new();
        let mut font: Option<&BTreeMap<u16, String>> = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    let name = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .unwrap_or_default();
                    font = maps.get(name);
                }
                "Tm" => {
                    let y = op.operands.get(5).and_then(number).unwrap_or(0.0);
                    if lines.last().is_none_or(|l| (l.y - y).abs() > 0.01) {
                        lines.push(TextLine {
                            y,
                            text: String::new(),
                        });
                    }
                }
                "TJ" | "Tj" => {
                    let strings: Vec<&[u8]> = match op.operands.first() {
                        Some(Object::Array(items)) => {
                            items.iter().filter_map(|o| o.as_str().ok()).collect()
                        }
                        Some(Object::String(s, _)) => vec![s.as_slice()],
                        _ => Vec::new(),
                    };
                    let Some(line) = lines.last_mut() else {
                        continue;
                    };
                    for s in strings {
                        for code in s.chunks(2) {
                            let code = u16::from_be_bytes([code[0], *code.get(1).unwrap_or(&0)]);
                            if let Some(text) = font.and_then(|m| m.get(&code)) {
                                line.text.push_str(text);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        pages.push(lines);
    }
    Ok(pages)
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

/// The reading order of a line extracted in visual order: right-to-left runs (UAX #9, with
/// `rtl` as the paragraph direction) are reversed and their paired punctuation mirrored back.
pub fn logical(visual: &str, rtl: bool) -> String {
    if visual.is_empty() {
        return String::new();
    }
    let bidi = ParagraphBidiInfo::new(visual, Some(if rtl { Level::rtl() } else { Level::ltr() }));
    let (levels, runs) = bidi.visual_runs(0..visual.len());
    let mut out = String::with_capacity(visual.len());
    for run in runs {
        let text = &visual[run.clone()];
        if levels[run.start].is_rtl() {
            out.extend(text.chars().rev().map(|c| mirrored(c).unwrap_or(c)));
        } else {
            out.push_str(text);
        }
    }
    out
}
