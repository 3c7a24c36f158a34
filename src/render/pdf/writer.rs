//! Serialisation: the laid-out document as printpdf pages, then the lopdf finishing pass.

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, DictItem, FontId, Line, LineCapStyle,
    LinePoint, LinkAnnotation, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Polygon, PolygonRing, Pt, Rect as PdfRect, TextItem, TextMatrix, WindingOrder,
};

use super::document::{GlyphRun, LaidOutDocument, Page, Rgb, Shape};
use super::postpass;
use super::shaping::mirrored;
use super::subset::{EmbeddedFont, embed_fonts};
use super::tagging::{Marked, PageTags};
use crate::render::RenderOptions;

/// Writes `document` as PDF bytes.
pub(super) fn write(
    document: &LaidOutDocument,
    options: &RenderOptions,
) -> Result<Vec<u8>, String> {
    let mut fonts = embed_fonts(document)?;
    let mut pdf = PdfDocument::new(&document.title);
    for font in fonts.iter_mut().flatten() {
        let id = FontId(font.resource.clone());
        let parsed = font.font.take().expect("each font is handed over once");
        pdf.resources
            .fonts
            .map
            .insert(id, printpdf::PdfFont::new(parsed));
    }
    // How many times each glyph is drawn, so its last occurrence can be told.
    let mut remaining: Vec<Vec<u32>> = fonts
        .iter()
        .map(|f| vec![0; f.as_ref().map_or(0, |f| f.remap.len() + 1)])
        .collect();
    for run in document.pages.iter().flat_map(|p| &p.runs) {
        if let Some(Some(font)) = fonts.get(run.font) {
            for glyph in &run.glyphs {
                let gid = font.remap.get(&glyph.id).copied().unwrap_or(0);
                remaining[run.font][usize::from(gid)] += 1;
            }
        }
    }
    let (width, height) = document.page_size;
    let mut tags = Vec::with_capacity(document.pages.len());
    for page in &document.pages {
        let (ops, page_tags) = page_ops(document, page, &fonts, &mut remaining, height);
        tags.push(page_tags);
        let mut pdf_page = PdfPage::new(printpdf::Mm(0.0), printpdf::Mm(0.0), ops);
        let media = PdfRect::from_wh(Pt(width), Pt(height));
        pdf_page.media_box = media.clone();
        pdf_page.trim_box = media.clone();
        pdf_page.crop_box = media;
        pdf.pages.push(pdf_page);
    }
    let save = PdfSaveOptions {
        // Streams are compressed in the post-pass, at a faster level.
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    // printpdf's object tree goes straight to the finishing pass: serialising it and parsing
    // it back gave the same objects at twice the cost.
    let doc = pdf.to_lopdf_document(&save, &mut warnings);
    if let Some(error) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(format!("printpdf: {}", error.msg));
    }
    postpass::finish(doc, document, &tags, options)
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// Points rounded to 1/100: invisible, and keeps the content streams short.
fn q(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn point(x: f32, y: f32, height: f32) -> Point {
    Point {
        x: Pt(q(x)),
        y: Pt(q(height - y)),
    }
}

/// A page's content stream, and what its marked content and links stand for in the structure.
/// Shapes (rules, bullets, tints, lines to write on) are one artifact; the text of each
/// structure element is marked content with an MCID, the footer an artifact.
fn page_ops(
    document: &LaidOutDocument,
    page: &Page,
    fonts: &[Option<EmbeddedFont>],
    remaining: &mut [Vec<u32>],
    height: f32,
) -> (Vec<Op>, PageTags) {
    let mut ops = Vec::new();
    let mut tags = PageTags::default();
    if !page.shapes.is_empty() {
        ops.push(Op::BeginMarkedContent {
            tag: "Artifact".into(),
        });
    }
    for shape in &page.shapes {
        match *shape {
            Shape::Rect { rect, fill } => {
                ops.push(Op::SetFillColor { col: color(fill) });
                let mut r = PdfRect::from_xywh(
                    Pt(q(rect.x)),
                    Pt(q(height - rect.y - rect.height)),
                    Pt(q(rect.width)),
                    Pt(q(rect.height)),
                );
                r.mode = Some(PaintMode::Fill);
                ops.push(Op::DrawRectangle { rectangle: r });
            }
            Shape::Line {
                from,
                to,
                width,
                color: c,
            } => {
                ops.push(Op::SetOutlineColor { col: color(c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(width) });
                ops.push(Op::SetLineCapStyle {
                    cap: LineCapStyle::Butt,
                });
                let points = vec![
                    LinePoint {
                        p: point(from.0, from.1, height),
                        bezier: false,
                    },
                    LinePoint {
                        p: point(to.0, to.1, height),
                        bezier: false,
                    },
                ];
                ops.push(Op::DrawLine {
                    line: Line {
                        points,
                        is_closed: false,
                    },
                });
            }
            Shape::Disc {
                center,
                radius,
                fill,
            } => {
                ops.push(Op::SetFillColor { col: color(fill) });
                ops.push(Op::DrawPolygon {
                    polygon: disc(center, radius, height),
                });
            }
        }
    }
    if !page.shapes.is_empty() {
        ops.push(Op::EndMarkedContent);
    }

    ops.push(Op::StartTextSection);
    let mut current_font: Option<(usize, f32)> = None;
    let mut current_color: Option<Rgb> = None;
    // The element whose marked content is open: consecutive runs of one element share it.
    let mut open: Option<Option<usize>> = None;
    for run in &page.runs {
        let Some(Some(font)) = fonts.get(run.font) else {
            continue;
        };
        if current_color != Some(run.color) {
            ops.push(Op::SetFillColor {
                col: color(run.color),
            });
            current_color = Some(run.color);
        }
        if current_font != Some((run.font, run.size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(FontId(font.resource.clone())),
                size: Pt(run.size),
            });
            current_font = Some((run.font, run.size));
        }
        let tagged = run.tag.filter(|&t| t < document.structure.len());
        // ISO 32000-1, 14.8.2.3.3: show strings in reverse order are marked `ReversedChars`,
        // so a reader knows to reverse them for the logical order (pdftotext needs no help:
        // it orders right-to-left text itself). A right-to-left run of an element is its own
        // marked content, inside the `ReversedChars` sequence: poppler ends an MCID's text at
        // the first `EMC` met inside it, whichever sequence that closes.
        // A left-to-right run that would read wrong from its glyphs (a vowel sign drawn before
        // its consonant) is its own marked content too, for its `/ActualText`.
        let misread = reads_wrong(page, run, font);
        if (run.rtl && tagged.is_some()) || misread {
            if open.take().is_some() {
                ops.push(Op::EndMarkedContent);
            }
            if run.rtl {
                ops.push(Op::BeginMarkedContent {
                    tag: "ReversedChars".into(),
                });
            }
            ops.push(begin_marked(document, page, run, misread, &mut tags));
            run_ops(run, font, &mut remaining[run.font], height, &mut ops);
            ops.push(Op::EndMarkedContent);
            if run.rtl {
                ops.push(Op::EndMarkedContent);
            }
            continue;
        }
        if open != Some(tagged) {
            if open.is_some() {
                ops.push(Op::EndMarkedContent);
            }
            ops.push(begin_marked(document, page, run, false, &mut tags));
            open = Some(tagged);
        } else if let (Some(order), Some(last)) = (text_start(run), tags.marked.last_mut())
            && tagged.is_some()
        {
            last.order = last.order.min(order);
        }
        if run.rtl {
            ops.push(Op::BeginMarkedContent {
                tag: "ReversedChars".into(),
            });
        }
        run_ops(run, font, &mut remaining[run.font], height, &mut ops);
        if run.rtl {
            ops.push(Op::EndMarkedContent);
        }
    }
    if open.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    ops.push(Op::EndTextSection);

    for link in &page.links {
        let rect = PdfRect::from_xywh(
            Pt(q(link.rect.x)),
            Pt(q(height - link.rect.y - link.rect.height)),
            Pt(q(link.rect.width)),
            Pt(q(link.rect.height)),
        );
        let annotation = LinkAnnotation::new(
            rect,
            Actions::uri(link.uri.clone()),
            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
            Some(ColorArray::Transparent),
            None,
        );
        ops.push(Op::LinkAnnotation { link: annotation });
        tags.links.push((link.tag, link_text(page, link.tag)));
    }
    (ops, tags)
}

/// Opens the marked content of a run's element (`/P <</MCID 3>> BDC`), numbered in stream
/// order, or of the running footer, an artifact. A right-to-left run gets a `Span` of its own
/// with its text in logical order as `/ActualText`: its glyphs are drawn in visual order, and
/// a reader that follows the structure should not have to reverse them. So does a
/// left-to-right run that `misread`s ([`reads_wrong`]), and there the marked content carries
/// the `/ActualText` too (ISO 32000-1, 14.9.4), for readers that do not follow the structure
/// (pdftotext). Right-to-left runs need no such help (readers reverse them themselves), so
/// their bytes stay as they were.
fn begin_marked(
    document: &LaidOutDocument,
    page: &Page,
    run: &GlyphRun,
    misread: bool,
    tags: &mut PageTags,
) -> Op {
    let actual_text = (run.rtl || misread).then(|| logical_text(page, run));
    let mut properties = BTreeMap::new();
    if misread && let Some(text) = &actual_text {
        properties.insert("ActualText".to_owned(), text_string(text));
    }
    let Some(element) = run.tag.filter(|&t| t < document.structure.len()) else {
        properties.insert("Type".to_owned(), DictItem::Name(b"Pagination".to_vec()));
        properties.insert("Subtype".to_owned(), DictItem::Name(b"Footer".to_vec()));
        return Op::BeginMarkedContentWithProperties {
            tag: "Artifact".into(),
            properties: DictItem::Dict { map: properties },
        };
    };
    let mcid = tags.marked.len();
    let role = if actual_text.is_some() {
        "Span"
    } else {
        document.structure[element].role.name()
    };
    tags.marked.push(Marked {
        element,
        order: text_start(run).unwrap_or(usize::MAX),
        actual_text,
    });
    properties.insert("MCID".to_owned(), DictItem::Int(mcid as i64));
    Op::BeginMarkedContentWithProperties {
        tag: role.into(),
        properties: DictItem::Dict { map: properties },
    }
}

/// Whether a left-to-right run's glyphs, read in drawing order through ToUnicode, would not
/// give its text: a glyph drawn before one whose text comes earlier (reordered clusters:
/// Devanagari's pre-base vowel signs, and Khmer's, Myanmar's, Sinhala's), or a glyph whose
/// ToUnicode, which has one text per glyph (the first met), is not the text it stands for
/// here (a conjunct's half form that carries its whole cluster in one place and nothing in
/// another). Allocates nothing: it runs for every run of every pack.
fn reads_wrong(page: &Page, run: &GlyphRun, font: &EmbeddedFont) -> bool {
    if run.rtl {
        return false;
    }
    let mut last = 0;
    run.glyphs.iter().any(|g| {
        let own = page.text.get(g.text.clone()).unwrap_or_default();
        let gid = font.remap.get(&g.id).copied().unwrap_or(0);
        let mapped = font.to_unicode.get(&gid).map_or("", String::as_str);
        let early = !g.text.is_empty() && g.text.start < last;
        if !g.text.is_empty() {
            last = last.max(g.text.start);
        }
        early || own != mapped
    })
}

/// A run's characters in reading order. Paired punctuation drawn mirrored maps to the
/// character it depicts (decision 0002): the logical text has the other one.
fn logical_text(page: &Page, run: &GlyphRun) -> String {
    let mut glyphs: Vec<_> = run.glyphs.iter().collect();
    glyphs.sort_by_key(|g| g.text.start);
    glyphs
        .into_iter()
        .filter_map(|g| Some((page.text.get(g.text.clone())?, g.mirrored)))
        .flat_map(|(text, mirror)| {
            text.chars()
                .map(move |c| if mirror { mirrored(c).unwrap_or(c) } else { c })
        })
        .collect()
}

/// A PDF text string (ISO 32000-1, 7.9.2.2): UTF-16BE with its byte order mark.
fn text_string(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    DictItem::String {
        data,
        literal: false,
    }
}

/// Where a run's text starts in its page's logical text.
fn text_start(run: &GlyphRun) -> Option<usize> {
    run.glyphs
        .iter()
        .filter(|g| !g.text.is_empty())
        .map(|g| g.text.start)
        .min()
}

/// The text of a link as read (its glyphs' characters in logical order), for the
/// annotation's `/Contents`.
fn link_text(page: &Page, tag: Option<usize>) -> Option<String> {
    let tag = tag?;
    let ranges = page
        .runs
        .iter()
        .filter(|r| r.tag == Some(tag))
        .flat_map(|r| &r.glyphs)
        .map(|g| g.text.clone())
        .filter(|r| !r.is_empty());
    let (start, end) = ranges.fold((usize::MAX, 0), |(s, e), r| (s.min(r.start), e.max(r.end)));
    let text = page.text.get(start..end)?.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// One glyph run: a text matrix at its first glyph, then the glyphs with TJ adjustments that
/// put each at its laid-out x. The viewer advances by the `/W` widths, so the adjustments are
/// computed against exactly those integers. Raised or lowered marks use the text rise.
fn run_ops(
    run: &GlyphRun,
    font: &EmbeddedFont,
    remaining: &mut [u32],
    height: f32,
    ops: &mut Vec<Op>,
) {
    let Some(first) = run.glyphs.first() else {
        return;
    };
    let origin = q(first.x);
    ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(Pt(origin), Pt(q(height - run.baseline))),
    });
    let per_point = 1000.0 / run.size;
    // Pen position relative to the origin, in 1/1000 em.
    let mut pen = 0.0f32;
    let mut rise = 0.0f32;
    let mut items: Vec<Codepoint> = Vec::new();
    for glyph in &run.glyphs {
        let target = (glyph.x - origin) * per_point;
        let kern = (pen - target).round();
        // The adjustment belongs after the previous glyph; the first glyph is at the origin.
        if kern != 0.0
            && let Some(last) = items.last_mut()
        {
            last.offset = kern;
            pen -= kern;
        }
        if glyph.rise != rise {
            flush(&mut items, ops);
            ops.push(Op::SetLineOffset {
                multiplier: q(glyph.rise),
            });
            rise = glyph.rise;
        }
        let gid = font.remap.get(&glyph.id).copied().unwrap_or(0);
        // printpdf builds ToUnicode from the text of a glyph's last occurrence: only that one
        // carries it (one allocation per glyph of the font, not per glyph drawn).
        let left = &mut remaining[usize::from(gid)];
        *left = left.saturating_sub(1);
        let text = if *left == 0 {
            font.to_unicode.get(&gid).cloned().unwrap_or_default()
        } else {
            String::new()
        };
        items.push(Codepoint::with_cid(gid, 0.0, text));
        pen += font.widths.get(&gid).copied().unwrap_or(0) as f32;
    }
    flush(&mut items, ops);
    if rise != 0.0 {
        ops.push(Op::SetLineOffset { multiplier: 0.0 });
    }
}

fn flush(items: &mut Vec<Codepoint>, ops: &mut Vec<Op>) {
    if !items.is_empty() {
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(std::mem::take(items))],
        });
    }
}

/// A circle as four Bézier arcs.
fn disc(center: (f32, f32), r: f32, height: f32) -> Polygon {
    const K: f32 = 0.552_284_8;
    let (cx, cy) = center;
    let k = r * K;
    let p = |x: f32, y: f32, bezier: bool| LinePoint {
        p: point(x, y, height),
        bezier,
    };
    let points = vec![
        p(cx + r, cy, false),
        p(cx + r, cy - k, true),
        p(cx + k, cy - r, true),
        p(cx, cy - r, false),
        p(cx - k, cy - r, true),
        p(cx - r, cy - k, true),
        p(cx - r, cy, false),
        p(cx - r, cy + k, true),
        p(cx - k, cy + r, true),
        p(cx, cy + r, false),
        p(cx + k, cy + r, true),
        p(cx + r, cy + k, true),
        p(cx + r, cy, false),
    ];
    Polygon {
        rings: vec![PolygonRing { points }],
        mode: PaintMode::Fill,
        winding_order: WindingOrder::NonZero,
    }
}
