//! Preview images: a page of the PDF layout rasterised to a small PNG, in pure Rust.
//!
//! The download page shows a thumbnail of each pack's first page. It is painted from the
//! [`LaidOutDocument`] the PDF is written from (not from the PDF file), with the same paint
//! order: a white page, the shapes (tiny-skia), then every glyph as its outline from the
//! original font file (an exact-area rasteriser of its own, `coverage`, made slightly heavier
//! so that 5-pixel text stays legible). Each outline is read once per size (`outlines`) and
//! each glyph drawn once per quarter-pixel position (`tiles`), then copied wherever it recurs.
//! The same layout always gives the same PNG bytes.

use std::collections::BTreeMap;

mod coverage;
mod encode;
mod outlines;
mod tiles;

use tiny_skia::{
    Color, FillRule, LineCap, Paint, PathBuilder, Pixmap, Rect as SkRect, Stroke, Transform,
};

use super::pdf::{GlyphRun, LaidOutDocument, Page, Rgb, Shape};
use coverage::Coverage;
use outlines::Outlines;
use tiles::Tiles;

/// Width in pixels of the previews on the download page, which shows them at this width.
/// Twice as many pixels (crisp on high-density screens) would make each PNG about 60 KB
/// instead of about 21 KB.
pub const PREVIEW_WIDTH: u32 = 300;

/// The largest preview we make, in pixels on either side (a guard on memory, not a limit
/// anyone should meet).
const MAX_SIDE: u32 = 4096;

#[derive(Debug, thiserror::Error)]
pub enum PreviewError {
    #[error("the layout has no page {0}")]
    NoPage(usize),
    #[error("cannot make a preview {width} pixels wide of a page of {page_width}×{page_height} pt")]
    Size {
        width: u32,
        page_width: f32,
        page_height: f32,
    },
    #[error("cannot encode the preview as PNG: {0}")]
    Encode(String),
}

/// The first page of `document` as a PNG `width` pixels wide (the height follows the page).
pub fn first_page_png(document: &LaidOutDocument, width: u32) -> Result<Vec<u8>, PreviewError> {
    page_png(document, 0, width)
}

/// Page `index` (from 0) of `document` as a PNG `width` pixels wide.
pub fn page_png(
    document: &LaidOutDocument,
    index: usize,
    width: u32,
) -> Result<Vec<u8>, PreviewError> {
    encode::encode(&rasterise(document, index, width)?)
        .map_err(|e| PreviewError::Encode(e.to_string()))
}

/// Paints page `index` of `document` on a white pixmap `width` pixels wide.
fn rasterise(document: &LaidOutDocument, index: usize, width: u32) -> Result<Pixmap, PreviewError> {
    rasterise_placed(document, index, width, Placement::Rounded)
}

/// Where glyphs are drawn: [`Placement::Rounded`] to the nearest [`tiles::STEPS`] of a pixel
/// each way, from a copy drawn once (see [`tiles`]); `Exact`, each from its edges (the same
/// to within a level or two at the edges of strokes, several times the work).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Placement {
    Rounded,
    #[cfg_attr(not(test), allow(dead_code))]
    Exact,
}

fn rasterise_placed(
    document: &LaidOutDocument,
    index: usize,
    width: u32,
    placement: Placement,
) -> Result<Pixmap, PreviewError> {
    let page = document
        .pages
        .get(index)
        .ok_or(PreviewError::NoPage(index + 1))?;
    let (page_width, page_height) = document.page_size;
    let size_error = || PreviewError::Size {
        width,
        page_width,
        page_height,
    };
    if !(page_width > 0.0 && page_height > 0.0) {
        return Err(size_error());
    }
    let scale = width as f32 / page_width;
    let height = (page_height * scale).round();
    if width > MAX_SIDE || !(1.0..=MAX_SIDE as f32).contains(&height) {
        return Err(size_error());
    }
    let mut pixmap = Pixmap::new(width, height as u32).ok_or_else(size_error)?;
    pixmap.fill(Color::WHITE);
    paint_shapes(&mut pixmap, page, scale);
    paint_glyphs(&mut pixmap, document, page, scale, placement);
    Ok(pixmap)
}

fn paint(color: Rgb) -> Paint<'static> {
    let [r, g, b] = rgb8(color);
    let mut paint = Paint::default();
    paint.set_color_rgba8(r, g, b, 255);
    paint.anti_alias = true;
    paint
}

/// A colour in 8 bits per channel: how glyphs are grouped by colour, in a stable order.
fn rgb8(Rgb(r, g, b): Rgb) -> [u8; 3] {
    [r, g, b].map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// Backgrounds, rules and bullets, in points scaled to pixels.
fn paint_shapes(pixmap: &mut Pixmap, page: &Page, scale: f32) {
    let transform = Transform::from_scale(scale, scale);
    for shape in &page.shapes {
        match *shape {
            Shape::Rect { rect, fill } => {
                if let Some(rect) = SkRect::from_xywh(rect.x, rect.y, rect.width, rect.height) {
                    pixmap.fill_rect(rect, &paint(fill), transform, None);
                }
            }
            Shape::Line {
                from,
                to,
                width,
                color,
            } => {
                let mut path = PathBuilder::new();
                path.move_to(from.0, from.1);
                path.line_to(to.0, to.1);
                if let Some(path) = path.finish() {
                    // At least a pixel wide: a hairline rule thinner than that would fade to
                    // nothing in a thumbnail (viewers do the same).
                    let stroke = Stroke {
                        width: width.max(1.0 / scale),
                        line_cap: LineCap::Butt,
                        ..Stroke::default()
                    };
                    pixmap.stroke_path(&path, &paint(color), &stroke, transform, None);
                }
            }
            Shape::Disc {
                center,
                radius,
                fill,
            } => {
                if let Some(path) = PathBuilder::from_circle(center.0, center.1, radius) {
                    pixmap.fill_path(&path, &paint(fill), FillRule::Winding, transform, None);
                }
            }
        }
    }
}

/// Every glyph of the page as its outline, colour by colour: the coverage of all the glyphs
/// of one colour (see [`coverage`]), [`darken`]ed, then that colour painted through it.
fn paint_glyphs(
    pixmap: &mut Pixmap,
    document: &LaidOutDocument,
    page: &Page,
    scale: f32,
    placement: Placement,
) {
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut by_color: BTreeMap<[u8; 3], Vec<&GlyphRun>> = BTreeMap::new();
    for run in &page.runs {
        by_color.entry(rgb8(run.color)).or_default().push(run);
    }
    let fonts = document.fonts.iter().map(|f| &f.data[..]).collect();
    let mut outlines = Outlines::new(fonts, scale);
    let mut tiles = Tiles::new();
    let mut coverage = Coverage::new(width, height);
    for (color, runs) in by_color {
        coverage.clear();
        for run in runs {
            for glyph in &run.glyphs {
                let (x, y) = (glyph.x * scale, (run.baseline - glyph.rise) * scale);
                let edges = outlines.edges(run.font, run.size, glyph.id);
                if placement == Placement::Rounded {
                    let key = (run.font, run.size.to_bits(), glyph.id);
                    tiles.draw(&mut coverage, key, edges, (x, y));
                } else {
                    for edge in edges {
                        coverage.edge(edge, x, y);
                    }
                }
            }
        }
        coverage.paint(pixmap.data_mut(), color, &DARKEN);
    }
}

/// [`darken`] of every coverage.
const DARKEN: [u8; 256] = {
    let mut table = [0; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = darken(c as u8);
        c += 1;
    }
    table
};

/// Coverage of text made heavier: `c + c (1 - c) / 2`, so full coverage stays full and none stays
/// none, while the partly covered pixels of strokes thinner than a pixel (body text is
/// 5 px tall at the release width) grow darker, the way hinted rasterisers (pdftoppm, PDF
/// viewers) keep small text legible. Integer arithmetic, so the bytes are the same everywhere.
const fn darken(coverage: u8) -> u8 {
    let c = coverage as u32;
    let dark = (c * (765 - c) + 255) / 510;
    // In LEVELS steps: the eye does not tell more apart at this size, and a page of a few
    // inks then stays within a PNG palette, which compresses far better than RGB.
    ((dark * (LEVELS - 1) + 127) / 255 * 255 / (LEVELS - 1)) as u8
}

/// Levels of coverage of text, from none to full.
const LEVELS: u32 = 16;

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use rustybuzz::ttf_parser;

    use super::*;
    use crate::fonts::{FaceStyle, FontFace, FontLibrary};
    use crate::model::Direction;
    use crate::render::Paper;
    use crate::render::pdf::{Glyph, GlyphRun, Rect};

    const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
    const RED: Rgb = Rgb(0.8, 0.0, 0.0);
    const TINT: Rgb = Rgb(0.85, 0.9, 1.0);

    fn noto_sans() -> Arc<FontFace> {
        let fonts =
            FontLibrary::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts")).unwrap();
        fonts
            .family("Noto Sans")
            .unwrap()
            .face(FaceStyle::Regular)
            .clone()
    }

    fn glyph_id(face: &FontFace, c: char) -> u16 {
        ttf_parser::Face::parse(&face.data, 0)
            .unwrap()
            .glyph_index(c)
            .unwrap()
            .0
    }

    fn run(face: &FontFace, text: &str, x: f32, baseline: f32, rise: f32, color: Rgb) -> GlyphRun {
        let glyphs = text
            .chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                id: glyph_id(face, c),
                x: x + i as f32 * 30.0,
                rise,
                advance: 30.0,
                text: i..i + 1,
                mirrored: false,
            })
            .collect();
        GlyphRun {
            font: 0,
            size: 40.0,
            color,
            baseline,
            rtl: false,
            glyphs,
            tag: None,
        }
    }

    /// A 200 × 100 pt page: a tinted band at the top, then `runs`.
    fn document(runs: Vec<GlyphRun>) -> LaidOutDocument {
        let page = Page {
            shapes: vec![Shape::Rect {
                rect: Rect {
                    x: 0.0,
                    y: 0.0,
                    width: 200.0,
                    height: 10.0,
                },
                fill: TINT,
            }],
            runs,
            ..Page::default()
        };
        LaidOutDocument {
            locale: "en".into(),
            direction: Direction::Ltr,
            paper: Paper::A4,
            page_size: (200.0, 100.0),
            fonts: vec![noto_sans()],
            pages: vec![page],
            bookmarks: Vec::new(),
            structure: Vec::new(),
            title: "Test".into(),
            subject: None,
            author: None,
            forced_breaks: Vec::new(),
        }
    }

    /// (r, g, b) of a pixel; the page is opaque, so premultiplied is plain.
    fn rgb(pixmap: &Pixmap, x: u32, y: u32) -> (u8, u8, u8) {
        let p = pixmap.pixel(x, y).unwrap();
        assert_eq!(p.alpha(), 255, "the page is opaque");
        (p.red(), p.green(), p.blue())
    }

    /// Rows and columns (min and max) of the pixels with a channel below 128.
    fn ink_box(pixmap: &Pixmap, dark: impl Fn((u8, u8, u8)) -> bool) -> Option<[u32; 4]> {
        let mut found: Option<[u32; 4]> = None;
        for y in 0..pixmap.height() {
            for x in 0..pixmap.width() {
                if dark(rgb(pixmap, x, y)) {
                    let b = found.get_or_insert([x, y, x, y]);
                    *b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
                }
            }
        }
        found
    }

    fn is_black(c: (u8, u8, u8)) -> bool {
        c.0 < 96 && c.1 < 96 && c.2 < 96
    }

    #[test]
    fn paints_a_white_page_its_shapes_and_its_text() {
        let face = noto_sans();
        let doc = document(vec![run(&face, "HH", 20.0, 70.0, 0.0, BLACK)]);
        let pixmap = rasterise(&doc, 0, 400).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (400, 200));
        // White where nothing is drawn: corners under the band, the right half.
        for (x, y) in [(0, 199), (399, 199), (399, 60), (300, 150)] {
            assert_eq!(rgb(&pixmap, x, y), (255, 255, 255), "pixel {x},{y}");
        }
        // The band, in its colour.
        assert_eq!(rgb(&pixmap, 200, 10), (217, 230, 255));
        // Text: black ink, at 2 px per point, between the cap height and the baseline of
        // two letters starting at x = 20 pt.
        let [left, top, right, bottom] = ink_box(&pixmap, is_black).expect("some text");
        // The left side bearing of Noto Sans's H is 0.09 em: 3.7 pt.
        assert!((46..=49).contains(&left), "left edge {left}");
        // The last inked row is the one just above the baseline, at 140 px.
        assert_eq!(bottom, 139, "baseline");
        // Noto Sans's cap height is 0.714 em: 28.6 pt above the baseline.
        assert!((82..=84).contains(&top), "cap height {top}");
        // The second H, 30 pt further: its right stem ends 0.62 em after its origin.
        assert!((148..=153).contains(&right), "right edge {right}");
        // The stems are solid, the counter between them is not.
        let stem_row = 120;
        let inked = (left..=right)
            .filter(|&x| is_black(rgb(&pixmap, x, stem_row)))
            .count();
        assert!(inked > 10 && inked < (right - left) as usize, "{inked}");
    }

    #[test]
    fn honours_rise_and_colour() {
        let face = noto_sans();
        let plain = rasterise(
            &document(vec![run(&face, "H", 20.0, 70.0, 0.0, RED)]),
            0,
            400,
        )
        .unwrap();
        let raised = rasterise(
            &document(vec![run(&face, "H", 20.0, 70.0, 5.0, RED)]),
            0,
            400,
        )
        .unwrap();
        let red = |(r, g, b): (u8, u8, u8)| r > 150 && g < 80 && b < 80;
        let a = ink_box(&plain, red).expect("red text");
        let b = ink_box(&raised, red).expect("red text");
        assert!(ink_box(&plain, is_black).is_none(), "no black ink");
        // 5 pt up is 10 px up; same columns.
        assert_eq!((b[0], b[2]), (a[0], a[2]));
        assert_eq!((b[1] + 10, b[3] + 10), (a[1], a[3]));
    }

    #[test]
    fn glyphs_added_from_copies_look_like_glyphs_drawn_where_they_are() {
        let face = noto_sans();
        // Body text as a preview draws it, 5 px to the em, at positions of every fraction.
        let runs: Vec<GlyphRun> = (0..8)
            .map(|line| {
                let mut run = run(&face, "Hamburgefonstiv @&%", 0.0, 0.0, 0.0, BLACK);
                run.size = 10.0;
                run.baseline = 20.0 + line as f32 * 9.37;
                for (i, glyph) in run.glyphs.iter_mut().enumerate() {
                    glyph.x = 4.1 + line as f32 * 0.29 + i as f32 * 5.43;
                }
                run
            })
            .collect();
        let doc = document(runs);
        let ink = |p: &Pixmap| -> Vec<i32> {
            p.pixels()
                .iter()
                .map(|c| 255 - i32::from(c.red()))
                .collect()
        };
        let rounded = ink(&rasterise_placed(&doc, 0, 240, Placement::Rounded).unwrap());
        let exact = ink(&rasterise_placed(&doc, 0, 240, Placement::Exact).unwrap());
        let differences: Vec<i32> = rounded
            .iter()
            .zip(&exact)
            .map(|(a, b)| (a - b).abs())
            .collect();
        let most = differences.iter().max().unwrap();
        let mean = differences.iter().sum::<i32>() as f32 / differences.len() as f32;
        // A glyph moves by at most an eighth of a pixel each way: a few levels at the sides
        // of its strokes, never a pixel's worth; all in all the same ink.
        assert!(*most <= 4 * 17, "{most}");
        assert!(mean < 3.0, "{mean}");
        let (a, b): (i32, i32) = (rounded.iter().sum(), exact.iter().sum());
        assert!(b > 100_000, "text is drawn: {b}");
        assert!((a - b).abs() * 100 < b, "{a} against {b}");
        // Rounded, the same every time.
        assert_eq!(
            rounded,
            ink(&rasterise_placed(&doc, 0, 240, Placement::Rounded).unwrap())
        );
    }

    #[test]
    fn the_png_is_the_page_and_the_same_every_time() {
        let face = noto_sans();
        let doc = document(vec![run(&face, "HH", 20.0, 70.0, 0.0, BLACK)]);
        let png = first_page_png(&doc, 300).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(png, first_page_png(&doc, 300).unwrap());
        // A palette image, and lossless: it decodes to the pixels painted.
        let mut decoder = png::Decoder::new(std::io::Cursor::new(&png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        assert_eq!(reader.info().color_type, png::ColorType::Indexed);
        let mut decoded = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut decoded).unwrap();
        assert_eq!((frame.width, frame.height), (300, 150));
        assert_eq!(frame.color_type, png::ColorType::Rgb);
        let painted: Vec<u8> = rasterise(&doc, 0, 300)
            .unwrap()
            .pixels()
            .iter()
            .flat_map(|p| [p.red(), p.green(), p.blue()])
            .collect();
        assert!(
            decoded[..frame.buffer_size()] == painted[..],
            "the PNG is the page"
        );
    }

    #[test]
    fn no_page_or_no_pixels_is_an_error() {
        let mut doc = document(Vec::new());
        assert_eq!(
            first_page_png(&doc, 0).unwrap_err().to_string(),
            "cannot make a preview 0 pixels wide of a page of 200×100 pt"
        );
        assert!(first_page_png(&doc, 100_000).is_err());
        doc.pages.clear();
        assert_eq!(
            first_page_png(&doc, 300).unwrap_err().to_string(),
            "the layout has no page 1"
        );
    }
}
