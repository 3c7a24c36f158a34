//! Glyph outlines read and cut into edges once per (face, size, glyph), then drawn wherever they recur.
//!
//! A page of text is thousands of glyphs but only about a hundred distinct ones: reading each
//! outline from the font file, scaling it and cutting its curves into lines every time it is
//! drawn was most of a preview's cost. The edges are kept relative to the glyph's origin;
//! drawing one more copy only moves them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use rustybuzz::ttf_parser::{self, GlyphId, OutlineBuilder};

use super::coverage::{Edge, GlyphPen};

/// The edges of the glyphs drawn so far, for the fonts of one document at one scale.
pub(super) struct Outlines<'a> {
    fonts: Vec<&'a [u8]>,
    /// Each font parsed when first used: `None` not yet, `Some(None)` unreadable.
    faces: Vec<Option<Option<ttf_parser::Face<'a>>>>,
    /// Pixels per point.
    scale: f32,
    /// Where the edges of (font, size in points as bits, glyph id) are in `edges`. Only looked
    /// up, never iterated, so its order is never seen.
    index: HashMap<(usize, u32, u16), Range<usize>, Quick>,
    edges: Vec<Edge>,
}

/// Hashing for the few small integers of a glyph's key, looked up for every glyph drawn:
/// FxHash's multiply and rotate, a fraction of the default SipHash's work (which guards
/// against keys chosen to collide, which a page's glyph ids are not). No random seed either.
pub(super) type Quick = BuildHasherDefault<QuickHasher>;

#[derive(Default)]
pub(super) struct QuickHasher(u64);

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

impl<'a> Outlines<'a> {
    /// Outlines of glyphs of `fonts` (font file contents, as [`GlyphRun::font`] indexes them)
    /// at `scale` pixels per point.
    ///
    /// [`GlyphRun::font`]: crate::render::pdf::GlyphRun::font
    pub(super) fn new(fonts: Vec<&'a [u8]>, scale: f32) -> Self {
        Self {
            faces: vec![None; fonts.len()],
            fonts,
            scale,
            index: HashMap::default(),
            edges: Vec::new(),
        }
    }

    /// The edges of glyph `id` of font `font` at `size` points, in pixels from its origin (y
    /// down); none for a glyph without an outline (a space) or a font that cannot be read.
    pub(super) fn edges(&mut self, font: usize, size: f32, id: u16) -> &[Edge] {
        let key = (font, size.to_bits(), id);
        if let Some(range) = self.index.get(&key) {
            return &self.edges[range.clone()];
        }
        let start = self.edges.len();
        let face = match (self.faces.get_mut(font), self.fonts.get(font)) {
            (Some(slot), Some(data)) => slot
                .get_or_insert_with(|| ttf_parser::Face::parse(data, 0).ok())
                .as_ref(),
            _ => None,
        };
        if let Some(face) = face {
            let units = f32::from(face.units_per_em().max(1));
            let mut pen = GlyphPen::new(&mut self.edges, 0.0, 0.0, size / units * self.scale);
            face.outline_glyph(GlyphId(id), &mut pen);
            pen.close();
        }
        let range = start..self.edges.len();
        self.index.insert(key, range.clone());
        &self.edges[range]
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::coverage::Coverage;
    use super::*;
    use crate::fonts::{FaceStyle, FontLibrary};

    fn noto_sans() -> Vec<u8> {
        let fonts =
            FontLibrary::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts")).unwrap();
        let face = fonts.family("Noto Sans").unwrap().face(FaceStyle::Regular);
        face.data.to_vec()
    }

    const W: u32 = 120;
    const H: u32 = 60;

    fn pixels(coverage: &Coverage) -> Vec<u8> {
        let mut out = vec![0; (W * H) as usize];
        coverage.write(&mut out, |c| c);
        out
    }

    #[test]
    fn a_glyph_from_its_kept_edges_is_the_glyph_read_from_the_font_there() {
        let data = noto_sans();
        let face = ttf_parser::Face::parse(&data, 0).unwrap();
        let mut outlines = Outlines::new(vec![&data], 2.0);
        for (c, size, origin) in [
            ('e', 10.0, (3.3, 39.71)),
            ('g', 10.0, (27.05, 28.5)),
            ('@', 24.0, (60.5, 45.25)),
            ('e', 10.0, (100.9, 24.02)),
        ] {
            let id = face.glyph_index(c).unwrap();
            let mut kept = Coverage::new(W, H);
            for edge in outlines.edges(0, size, id.0) {
                kept.edge(edge, origin.0, origin.1);
            }
            let mut edges = Vec::new();
            let scale = size / f32::from(face.units_per_em()) * 2.0;
            let mut pen = GlyphPen::new(&mut edges, origin.0, origin.1, scale);
            face.outline_glyph(id, &mut pen);
            pen.close();
            let mut read = Coverage::new(W, H);
            for edge in &edges {
                read.edge(edge, 0.0, 0.0);
            }
            let (a, b) = (pixels(&kept), pixels(&read));
            assert!(a.contains(&255), "{c} is drawn");
            // The same lines, moved after scaling rather than before: the same coverage but
            // for rounding.
            let most = a.iter().zip(&b).map(|(a, b)| a.abs_diff(*b)).max();
            assert!(most <= Some(1), "{c} at {origin:?}: {most:?}");
        }
    }

    #[test]
    fn each_glyph_is_read_once_per_size() {
        let data = noto_sans();
        let id = ttf_parser::Face::parse(&data, 0)
            .unwrap()
            .glyph_index('a')
            .unwrap()
            .0;
        let mut outlines = Outlines::new(vec![&data], 0.5);
        let first = outlines.edges(0, 10.0, id).to_vec();
        assert!(!first.is_empty());
        let kept = outlines.edges.len();
        assert_eq!(outlines.edges(0, 10.0, id), first);
        assert_eq!(outlines.edges.len(), kept, "read again");
        // Another size, other edges.
        assert_ne!(outlines.edges(0, 20.0, id), first);
        // No such font, or no outline: nothing to draw.
        assert!(outlines.edges(1, 10.0, id).is_empty());
        assert!(outlines.edges(0, 10.0, u16::MAX).is_empty());
    }
}
