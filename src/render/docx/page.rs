//! Page geometry in twentieths of a point (twips), for A4 and US Letter.

use crate::render::Paper;

/// Margins: 25 mm at the sides, 21 mm at the head, 23 mm at the foot (the footer sits in it).
const MARGIN_SIDE: u32 = 1418;
const MARGIN_TOP: u32 = 1191;
const MARGIN_BOTTOM: u32 = 1304;
/// Distance from the page edge to the footer's baseline area.
const FOOTER_DISTANCE: u32 = 624;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Page {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub bottom: u32,
    pub side: u32,
    pub footer: u32,
}

impl Page {
    pub(super) fn new(paper: Paper) -> Self {
        let (width, height) = match paper {
            Paper::A4 => (11906, 16838),
            Paper::Letter => (12240, 15840),
        };
        Self {
            width,
            height,
            top: MARGIN_TOP,
            bottom: MARGIN_BOTTOM,
            side: MARGIN_SIDE,
            footer: FOOTER_DISTANCE,
        }
    }

    /// The width of the text block.
    pub(super) fn measure(&self) -> u32 {
        self.width - 2 * self.side
    }

    pub(super) fn margin(&self) -> docx_rs::PageMargin {
        docx_rs::PageMargin::new()
            .top(self.top as i32)
            .bottom(self.bottom as i32)
            .left(self.side as i32)
            .right(self.side as i32)
            .header(self.footer as i32)
            .footer(self.footer as i32)
            .gutter(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_papers_have_a_sensible_measure() {
        // About 160 mm on A4 and 166 mm on Letter: roughly 80 characters of 10.5 pt text.
        assert_eq!(Page::new(Paper::A4).measure(), 9070);
        assert_eq!(Page::new(Paper::Letter).measure(), 9404);
    }
}
