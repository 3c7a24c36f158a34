//! The laid-out document: pages of positioned glyphs, shapes and links, independent of PDF.
//!
//! This is the contract between layout and every consumer: the PDF writer serialises it,
//! a rasteriser can paint page 1 of it (glyph outlines from [`LaidOutDocument::fonts`]), and
//! benches read [`LineBox`]es to measure word gaps.
//!
//! Coordinates are PostScript points (1/72 inch) with the origin at the **top-left** corner of
//! the page and y growing **downwards**; a glyph sits on its run's baseline. Colours are sRGB
//! in `0.0..=1.0`.

use std::ops::Range;
use std::sync::Arc;

use crate::fonts::FontFace;
use crate::model::Direction;
use crate::render::Paper;

/// A whole pack, laid out.
#[derive(Debug, Clone)]
pub struct LaidOutDocument {
    /// BCP 47 tag of the pack (`/Lang` in the PDF).
    pub locale: String,
    /// The pack's base direction.
    pub direction: Direction,
    pub paper: Paper,
    /// Page width and height in points (every page has the same size).
    pub page_size: (f32, f32),
    /// Every face a [`GlyphRun`] refers to, by index. Glyph ids are those of these faces
    /// (the original font files, before any subsetting).
    pub(crate) fonts: Vec<Arc<FontFace>>,
    pub pages: Vec<Page>,
    /// The outline, in document order.
    pub bookmarks: Vec<Bookmark>,
    /// The structure tree in reading order; element 0 is the document. Runs and links name
    /// their element by index ([`GlyphRun::tag`], [`Link::tag`]).
    pub structure: Vec<StructElem>,
    pub title: String,
    pub subject: Option<String>,
    pub author: Option<String>,
    /// Messages with a word wider than the measure, broken anywhere to stay on the page
    /// (sorted, each once): the build warns about them.
    pub forced_breaks: Vec<String>,
}

/// One page. Paint order: `shapes`, then `runs`; `links` are clickable areas on top.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Backgrounds, rules and bullets.
    pub shapes: Vec<Shape>,
    /// Text, line by line in reading order; within a line, runs and their glyphs go left to
    /// right (the order text extractors expect of a content stream). [`GlyphRun::rtl`] tells
    /// the runs whose reading order is right to left.
    pub runs: Vec<GlyphRun>,
    pub links: Vec<Link>,
    /// Every line of text on the page, in reading order, with its justification metrics.
    pub lines: Vec<LineBox>,
    /// The characters every glyph stands for, each line in logical (reading) order;
    /// [`Glyph::text`] indexes into it.
    pub text: String,
}

/// Glyphs of one face, size and colour on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// Index into [`LaidOutDocument::fonts`].
    pub font: usize,
    /// Font size in points.
    pub size: f32,
    pub color: Rgb,
    /// y of the baseline.
    pub baseline: f32,
    /// Whether the run is right-to-left text: its glyphs, left to right on the page, are then
    /// in reverse reading order.
    pub rtl: bool,
    /// Left to right.
    pub glyphs: Vec<Glyph>,
    /// The structure element the run's text belongs to (an index into
    /// [`LaidOutDocument::structure`]); `None` for the running footer, an artifact.
    pub tag: Option<usize>,
}

/// One positioned glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face's font file.
    pub id: u16,
    /// x of the glyph origin (pen position plus the shaper's x offset).
    pub x: f32,
    /// Shift above the baseline (positive up), for marks the shaper raised or lowered.
    pub rise: f32,
    /// Distance the pen moves after the glyph, justification included.
    pub advance: f32,
    /// The characters this glyph represents, in [`Page::text`]. Empty for the second and
    /// later glyphs of a cluster whose characters the first glyph already carries.
    pub text: Range<usize>,
    /// Whether the glyph is the mirror image of its character (paired punctuation in
    /// right-to-left text): `text` then holds the character the glyph depicts.
    pub mirrored: bool,
}

/// Vector shapes.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A filled rectangle (tinted boxes).
    Rect { rect: Rect, fill: Rgb },
    /// A straight stroked line (rules, lines to write on).
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    /// A filled circle (list bullets).
    Disc {
        center: (f32, f32),
        radius: f32,
        fill: Rgb,
    },
}

/// An axis-aligned rectangle: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// A clickable area that opens `uri` (`mailto:`, `https:` or `tel:`).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub rect: Rect,
    pub uri: String,
    /// The `Link` structure element of the annotation and its text.
    pub tag: Option<usize>,
}

/// One element of the structure tree (ISO 32000-1, 14.7), of a standard type (14.8.4).
#[derive(Debug, Clone, PartialEq)]
pub struct StructElem {
    pub role: Role,
    /// The enclosing element; `None` only for the document.
    pub parent: Option<usize>,
    /// A title for the element (`/T`): a letter's entry in the outline.
    pub title: Option<String>,
}

/// Standard structure types the packs use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Document,
    /// A letter, titled with its outline entry.
    Sect,
    H1,
    H2,
    H3,
    P,
    /// A list, of bulleted items or of addresses.
    L,
    LI,
    LBody,
    Link,
    /// A right-to-left run, with its text in logical order (`/ActualText`).
    Span,
}

impl Role {
    /// The structure type's name in the PDF.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Sect => "Sect",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::LBody => "LBody",
            Role::Link => "Link",
            Role::Span => "Span",
        }
    }
}

/// An outline entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub title: String,
    /// 0 for top-level entries, 1 for their children.
    pub level: u8,
    /// Page index, from 0.
    pub page: usize,
    /// y of the top of the target.
    pub y: f32,
}

/// One line of text, for measuring typographic colour.
#[derive(Debug, Clone, PartialEq)]
pub struct LineBox {
    /// The paragraph the line belongs to: its index in reading order across the document.
    pub paragraph: usize,
    pub baseline: f32,
    /// Left and right edge of the inked line.
    pub x: Range<f32>,
    /// Left and right edge of the measure the line was set in.
    pub measure: Range<f32>,
    pub font_size: f32,
    /// Whether the line was stretched or shrunk to fill the measure (justified, not last).
    pub justified: bool,
    /// Number of inter-word spaces.
    pub spaces: usize,
    /// Natural width of one space, in points.
    pub natural_space: f32,
    /// Width of each space as set (natural plus justification), in points.
    pub set_space: f32,
    /// Letter spacing added between the clusters of a loose line, in points (0 for most).
    pub tracking: f32,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl LaidOutDocument {
    /// The text of a page's glyph, as extraction should give it back.
    pub fn glyph_text<'a>(&self, page: &'a Page, glyph: &Glyph) -> &'a str {
        &page.text[glyph.text.clone()]
    }
}

impl LineBox {
    /// How much wider each space was set than its natural width (1.0 = natural).
    pub fn space_ratio(&self) -> f32 {
        if self.natural_space > 0.0 {
            self.set_space / self.natural_space
        } else {
            1.0
        }
    }
}
