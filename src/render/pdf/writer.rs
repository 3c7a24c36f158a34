//! Serialisation: the laid-out document as printpdf pages, then the lopdf finishing pass.

use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, FontId, Line, LineCapStyle, LinePoint,
    LinkAnnotation, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Polygon, PolygonRing, Pt, Rect as PdfRect, TextItem, TextMatrix, WindingOrder,
};

use super::document::{GlyphRun, LaidOutDocument, Page, Rgb, Shape};
use super::postpass;
use super::subset::{EmbeddedFont, embed_fonts};
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
    for page in &document.pages {
        let ops = page_ops(page, &fonts, &mut remaining, height);
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
    postpass::finish(doc, document, options)
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

fn page_ops(
    page: &Page,
    fonts: &[Option<EmbeddedFont>],
    remaining: &mut [Vec<u32>],
    height: f32,
) -> Vec<Op> {
    let mut ops = Vec::new();
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

    ops.push(Op::StartTextSection);
    let mut current_font: Option<(usize, f32)> = None;
    let mut current_color: Option<Rgb> = None;
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
        // ISO 32000-1, 14.8.2.3.3: show strings in reverse order are marked `ReversedChars`,
        // so a reader knows to reverse them for the logical order (pdftotext needs no help:
        // it orders right-to-left text itself).
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
    }
    ops
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
