//! The design of a pack: page geometry, type sizes, spacing and colours, in one place.

use super::document::Rgb;
use crate::render::Paper;

/// Page geometry in points (public: where [`layout`](super::layout) puts the text block, for a
/// tool that draws or checks pages itself). The same margins serve A4 and US Letter: the measure
/// differs by 17 pt and the text height by 50 pt, both absorbed by reflow.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// Baseline of the running footer, from the top of the page.
    pub footer_baseline: f32,
}

impl Geometry {
    pub fn new(paper: Paper) -> Self {
        let (width, height) = paper.size_pt();
        // 25 mm sides: about 75 characters of Noto Sans 10.5 pt per line on A4.
        let side = 70.0;
        Self {
            width,
            height,
            left: side,
            right: side,
            top: 64.0,
            bottom: 72.0,
            footer_baseline: height - 40.0,
        }
    }

    /// Width of the text block.
    pub(crate) fn measure(&self) -> f32 {
        self.width - self.left - self.right
    }

    /// y of the bottom of the text block.
    pub(crate) fn text_bottom(&self) -> f32 {
        self.height - self.bottom
    }
}

/// A text style: size, leading, weight, slant and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub size: f32,
    /// Distance between baselines.
    pub leading: f32,
    pub bold: bool,
    pub italic: bool,
    pub color: Rgb,
}

impl TextStyle {
    pub(crate) const fn new(size: f32, leading: f32, color: Rgb) -> Self {
        Self {
            size,
            leading,
            bold: false,
            italic: false,
            color,
        }
    }

    pub(crate) const fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
}

pub(crate) const INK: Rgb = Rgb(0.11, 0.11, 0.12);
/// Headings and the title: a deep, sober blue.
pub(crate) const ACCENT: Rgb = Rgb(0.09, 0.22, 0.38);
pub(crate) const MUTED: Rgb = Rgb(0.40, 0.42, 0.45);
/// Links: distinguishable from the text, quiet enough for print.
pub(crate) const LINK: Rgb = Rgb(0.08, 0.32, 0.58);
pub(crate) const RULE: Rgb = Rgb(0.62, 0.66, 0.70);
pub(crate) const TINT: Rgb = Rgb(0.93, 0.95, 0.975);

pub(crate) const BODY: TextStyle = TextStyle::new(10.5, 15.0, INK);
pub(crate) const TITLE: TextStyle = TextStyle::new(20.0, 25.0, ACCENT).bold();
pub(crate) const SUBTITLE: TextStyle = TextStyle::new(12.0, 16.0, MUTED);
pub(crate) const HEADING: TextStyle = TextStyle::new(13.0, 17.0, ACCENT).bold();
pub(crate) const BAND_KIND: TextStyle = TextStyle::new(10.5, 14.0, ACCENT).bold();
pub(crate) const BAND: TextStyle = TextStyle::new(9.0, 14.0, MUTED);
pub(crate) const FOOTER: TextStyle = TextStyle::new(8.5, 12.0, MUTED);
pub(crate) const LABEL: TextStyle = TextStyle::new(9.0, 13.0, MUTED);
pub(crate) const POST_HEADING: TextStyle = TextStyle::new(9.0, 13.0, ACCENT).bold();
pub(crate) const POST: TextStyle = TextStyle::new(10.0, 14.0, INK);

/// Vertical rhythm, in points.
pub(crate) const PARAGRAPH_GAP: f32 = 7.0;
pub(crate) const LIST_ITEM_GAP: f32 = 4.0;
pub(crate) const HEADING_ABOVE: f32 = 20.0;
pub(crate) const HEADING_BELOW: f32 = 6.0;
/// Indent of list text from the start edge; the bullet hangs in it.
pub(crate) const LIST_INDENT: f32 = 18.0;
pub(crate) const BULLET_RADIUS: f32 = 1.6;
/// Space above the signature lines, from the top of the row: with the closing's line box above,
/// a little over 22 mm between the closing and the line, room for a signature.
pub(crate) const SIGNATURE_GAP: f32 = 60.0;
pub(crate) const SIGNATURE_COLUMN_GAP: f32 = 18.0;
/// The sender's block and the date line: a column at the end side of the letter, each row a
/// label and a line to write on, far enough apart to write by hand (18 pt is 6.4 mm).
pub(crate) const FORM_WIDTH: f32 = 230.0;
pub(crate) const FORM_ROW: f32 = 18.0;
/// Space between the label and its line.
pub(crate) const FORM_LABEL_GAP: f32 = 4.0;
/// Space above the date line, the recipient's block and the subject.
pub(crate) const DATE_GAP: f32 = 6.0;
pub(crate) const RECIPIENT_GAP: f32 = 16.0;
pub(crate) const SUBJECT_GAP: f32 = 16.0;
/// Padding of the band at the top of page 1.
pub(crate) const BAND_PADDING: f32 = 8.0;
pub(crate) const POST_GAP: f32 = 16.0;
pub(crate) const POST_PADDING: f32 = 10.0;

/// Size adjustment per font family, as CSS `font-size-adjust` would do: Naskh's letters are
/// small for their em, so Arabic set at the Latin size reads a size smaller.
pub(crate) fn size_adjust(family: &str) -> f32 {
    match family {
        "Noto Naskh Arabic" => 1.2,
        _ => 1.0,
    }
}

/// Extra leading for packs whose main family needs it (Naskh's tall ascenders and deep
/// descenders, and its marks).
pub(crate) fn leading_adjust(family: &str) -> f32 {
    match family {
        "Noto Naskh Arabic" => 1.2,
        _ => 1.0,
    }
}
