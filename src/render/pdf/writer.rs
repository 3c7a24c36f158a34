//! Serialisation: page content streams written as bytes, printpdf's document objects, then
//! the lopdf finishing pass.

use lopdf::Object;
use printpdf::{
    Actions, BorderArray, Codepoint, ColorArray, FontId, LinkAnnotation, Op, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Pt, Rect as PdfRect, TextItem,
};

use super::content::Content;
use super::document::{GlyphRun, LaidOutDocument, Page, Shape};
use super::postpass;
use super::shaping::mirrored;
use super::subset::{EmbeddedFont, embed_fonts};
use super::tagging::{Marked, PageTags};
use crate::chars::is_joiner;
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
    let (width, height) = document.page_size;
    let mut tags = Vec::with_capacity(document.pages.len());
    let mut contents = Vec::with_capacity(document.pages.len());
    for (index, page) in document.pages.iter().enumerate() {
        let (content, page_tags) = page_content(document, page, &fonts, height);
        contents.push(content);
        // printpdf sees only what it still writes: the link annotations, and on the first
        // page the glyphs of each font, from which it builds `/W` and ToUnicode.
        let mut ops = if index == 0 {
            glyph_inventory(&fonts)
        } else {
            Vec::new()
        };
        ops.extend(link_annotations(page, height));
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
    let mut doc = pdf.to_lopdf_document(&save, &mut warnings);
    if let Some(error) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(format!("printpdf: {}", error.msg));
    }
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    for (page, content) in pages.into_iter().zip(contents) {
        let stream = doc
            .get_dictionary(page)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(|e| format!("printpdf wrote a page without contents: {e}"))?;
        match doc.get_object_mut(stream) {
            Ok(Object::Stream(stream)) => stream.set_content(content),
            _ => return Err("printpdf wrote a page without a content stream".into()),
        }
    }
    postpass::finish(doc, document, &tags, options)
}

/// Every glyph of each font once, with the text ToUnicode maps it to: all printpdf needs
/// to write the font's `/W` and ToUnicode as it did from the pages' own text.
fn glyph_inventory(fonts: &[Option<EmbeddedFont>]) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for font in fonts.iter().flatten() {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(font.resource.clone())),
            size: Pt(1.0),
        });
        let glyphs = font
            .remap
            .values()
            .map(|gid| {
                let text = font.to_unicode.get(gid).cloned().unwrap_or_default();
                Codepoint::with_cid(*gid, 0.0, text)
            })
            .collect();
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// The page's links, for printpdf to write as annotations.
fn link_annotations(page: &Page, height: f32) -> impl Iterator<Item = Op> + '_ {
    page.links.iter().map(move |link| {
        let rect = PdfRect::from_xywh(
            Pt(q(link.rect.x)),
            Pt(q(height - link.rect.y - link.rect.height)),
            Pt(q(link.rect.width)),
            Pt(q(link.rect.height)),
        );
        let link = LinkAnnotation::new(
            rect,
            Actions::uri(link.uri.clone()),
            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
            Some(ColorArray::Transparent),
            None,
        );
        Op::LinkAnnotation { link }
    })
}

/// Points rounded to 1/100: invisible, and keeps the content streams short.
fn q(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// A page's content stream, and what its marked content and links stand for in the structure.
/// Shapes (rules, bullets, tints, lines to write on) are one artifact; the text of each
/// structure element is marked content with an MCID, the footer an artifact.
fn page_content(
    document: &LaidOutDocument,
    page: &Page,
    fonts: &[Option<EmbeddedFont>],
    height: f32,
) -> (Vec<u8>, PageTags) {
    // About 20 bytes a glyph: its code and, often, a kern.
    let glyphs: usize = page.runs.iter().map(|r| r.glyphs.len()).sum();
    let mut out = Content::with_capacity(1024 + 20 * glyphs);
    let mut tags = PageTags::default();
    if !page.shapes.is_empty() {
        out.begin_marked("Artifact");
    }
    for shape in &page.shapes {
        match *shape {
            Shape::Rect { rect, fill } => {
                out.fill_rgb(fill.0, fill.1, fill.2);
                out.fill_rect(
                    q(rect.x),
                    q(height - rect.y - rect.height),
                    q(rect.width),
                    q(rect.height),
                );
            }
            Shape::Line {
                from,
                to,
                width,
                color: c,
            } => {
                out.stroke_rgb(c.0, c.1, c.2);
                out.line_width(width);
                out.butt_cap();
                out.move_to(q(from.0), q(height - from.1));
                out.line_to(q(to.0), q(height - to.1));
                out.stroke();
            }
            Shape::Disc {
                center,
                radius,
                fill,
            } => {
                out.fill_rgb(fill.0, fill.1, fill.2);
                disc(&mut out, center, radius, height);
            }
        }
    }
    if !page.shapes.is_empty() {
        out.end_marked();
    }

    out.begin_text();
    let mut current_font: Option<(usize, f32)> = None;
    let mut current_color = None;
    // The element whose marked content is open: consecutive runs of one element share it.
    let mut open: Option<Option<usize>> = None;
    let mut glyphs = Vec::new();
    for run in &page.runs {
        let Some(Some(font)) = fonts.get(run.font) else {
            continue;
        };
        if current_color != Some(run.color) {
            out.fill_rgb(run.color.0, run.color.1, run.color.2);
            current_color = Some(run.color);
        }
        if current_font != Some((run.font, run.size)) {
            out.set_font(run.font, &font.resource, run.size);
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
                out.end_marked();
            }
            if run.rtl {
                out.begin_marked("ReversedChars");
            }
            begin_marked(document, page, run, misread, &mut tags, &mut out);
            run_content(run, font, height, &page.text, &mut glyphs, &mut out);
            out.end_marked();
            if run.rtl {
                out.end_marked();
            }
            continue;
        }
        if open != Some(tagged) {
            if open.is_some() {
                out.end_marked();
            }
            begin_marked(document, page, run, false, &mut tags, &mut out);
            open = Some(tagged);
        } else if let (Some(order), Some(last)) = (text_start(run), tags.marked.last_mut())
            && tagged.is_some()
        {
            last.order = last.order.min(order);
        }
        if run.rtl {
            out.begin_marked("ReversedChars");
        }
        run_content(run, font, height, &page.text, &mut glyphs, &mut out);
        if run.rtl {
            out.end_marked();
        }
    }
    if open.is_some() {
        out.end_marked();
    }
    out.end_text();

    for link in &page.links {
        tags.links.push((link.tag, link_text(page, link.tag)));
    }
    (out.finish(), tags)
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
    out: &mut Content,
) {
    let actual_text = (run.rtl || misread).then(|| logical_text(page, run));
    // Only on the marked content of a misread run: right-to-left runs keep their bytes.
    let actual = actual_text.clone().filter(|_| misread);
    let Some(element) = run.tag.filter(|&t| t < document.structure.len()) else {
        out.begin_footer_artifact(actual.as_deref());
        return;
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
    out.begin_marked_mcid(role, mcid, actual.as_deref());
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
        let mapped = font.text(g.id);
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
/// `glyphs` is a buffer kept across runs.
fn run_content(
    run: &GlyphRun,
    font: &EmbeddedFont,
    height: f32,
    text: &str,
    glyphs: &mut Vec<(u16, i64, f32)>,
    out: &mut Content,
) {
    let Some(first) = run.glyphs.first() else {
        return;
    };
    let origin = q(first.x);
    out.text_matrix(origin, q(height - run.baseline));
    let per_point = 1000.0 / run.size;
    // Pen position relative to the origin, in 1/1000 em.
    let mut pen = 0.0f32;
    let mut rise = 0.0f32;
    // The joiners' glyphs are shown invisible: they are there for the text layer (a copied
    // روزنامه‌نگار keeps its ZWNJ), and Noto Naskh Arabic and Noto Sans Devanagari draw them
    // as a visible bar, a picture of the invisible character.
    let mut hidden = false;
    glyphs.clear();
    for glyph in &run.glyphs {
        let target = (glyph.x - origin) * per_point;
        let kern = (pen - target).round();
        // The adjustment belongs after the previous glyph; the first glyph is at the origin.
        if kern != 0.0
            && let Some(last) = glyphs.last_mut()
        {
            last.2 = kern;
            pen -= kern;
        }
        if glyph.rise != rise {
            out.show(glyphs);
            glyphs.clear();
            out.rise(q(glyph.rise));
            rise = glyph.rise;
        }
        let joiner = !glyph.text.is_empty()
            && text
                .get(glyph.text.clone())
                .is_some_and(|t| t.chars().all(is_joiner));
        if joiner != hidden {
            out.show(glyphs);
            glyphs.clear();
            out.invisible(joiner);
            hidden = joiner;
        }
        let (code, width) = font.glyph(glyph.id);
        glyphs.push((code, width, 0.0));
        pen += width as f32;
    }
    out.show(glyphs);
    if hidden {
        out.invisible(false);
    }
    if rise != 0.0 {
        out.rise(0.0);
    }
}

/// A circle as four Bézier arcs, filled.
fn disc(out: &mut Content, center: (f32, f32), r: f32, height: f32) {
    const K: f32 = 0.552_284_8;
    let (cx, cy) = center;
    let k = r * K;
    let p = |x: f32, y: f32| [q(x), q(height - y)];
    let arc = |a: [f32; 2], b: [f32; 2], c: [f32; 2]| [a[0], a[1], b[0], b[1], c[0], c[1]];
    let start = p(cx + r, cy);
    out.move_to(start[0], start[1]);
    out.curve_to(arc(p(cx + r, cy - k), p(cx + k, cy - r), p(cx, cy - r)));
    out.curve_to(arc(p(cx - k, cy - r), p(cx - r, cy - k), p(cx - r, cy)));
    out.curve_to(arc(p(cx - r, cy + k), p(cx - k, cy + r), p(cx, cy + r)));
    out.curve_to(arc(p(cx + k, cy + r), p(cx + r, cy + k), p(cx + r, cy)));
    out.close_fill();
}
