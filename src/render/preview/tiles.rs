//! Glyphs drawn once per quarter-pixel position, then added wherever they recur at that position.
//!
//! Coverage is a sum of the cells each edge touches, so adding the cells of a glyph drawn on
//! its own is drawing it there. A page has thousands of glyphs of a hundred or so ids; with
//! origins rounded to a quarter of a pixel each way (as browsers round text across the line),
//! most are a copy of one drawn before: a few dozen additions instead of a few hundred
//! instructions per edge. A glyph too close to the page's edge to fit is drawn exactly.

use std::collections::HashMap;
use std::ops::Range;

use super::coverage::{Coverage, Edge};
use super::outlines::Quick;

/// Positions per pixel the origins are rounded to, each way.
pub(super) const STEPS: f32 = 4.0;

/// The glyphs drawn so far, each at the positions it was met at.
pub(super) struct Tiles {
    /// (font, size as bits, glyph id, x step, y step) to its tile. Only looked up, never
    /// iterated, so its order is never seen.
    index: HashMap<(usize, u32, u16, u8, u8), Tile, Quick>,
    cells: Vec<f32>,
}

/// A glyph drawn on its own: cells `cells` of `Tiles::cells`, rows of `width + 1`, whose top
/// left is at `left`, `top` pixels from the glyph's rounded origin.
#[derive(Clone)]
struct Tile {
    left: i32,
    top: i32,
    width: usize,
    cells: Range<usize>,
}

impl Tiles {
    pub(super) fn new() -> Self {
        Self {
            index: HashMap::default(),
            cells: Vec::new(),
        }
    }

    /// Adds to `coverage` the glyph `key` (font, size as bits, glyph id) with the edges
    /// `edges`, its origin at `x`, `y` pixels rounded to the nearest step.
    pub(super) fn draw(
        &mut self,
        coverage: &mut Coverage,
        key: (usize, u32, u16),
        edges: &[Edge],
        (x, y): (f32, f32),
    ) {
        if edges.is_empty() {
            return;
        }
        let (Some((column, step_x)), Some((row, step_y))) = (split(x), split(y)) else {
            return;
        };
        let tile_key = (key.0, key.1, key.2, step_x, step_y);
        let tile = match self.index.get(&tile_key) {
            Some(tile) => tile.clone(),
            None => {
                let tile = self.tile(edges, step_x, step_y);
                self.index.insert(tile_key, tile.clone());
                tile
            }
        };
        let cells = &self.cells[tile.cells];
        if !coverage.add(cells, tile.width, column + tile.left, row + tile.top) {
            // Partly off the page: drawn where it is.
            for edge in edges {
                coverage.edge(edge, x, y);
            }
        }
    }

    /// `edges` drawn with their origin `step_x`, `step_y` steps right of and below a pixel
    /// corner.
    fn tile(&mut self, edges: &[Edge], step_x: u8, step_y: u8) -> Tile {
        let (dx, dy) = (f32::from(step_x) / STEPS, f32::from(step_y) / STEPS);
        let [l, t, r, b] = Edge::bounds(edges).unwrap_or_default();
        let (left, top) = ((l + dx).floor(), (t + dy).floor());
        // One column more than the ink reaches: an edge on the last pixel boundary still has
        // a pixel to be counted in.
        let width = ((r + dx).ceil() - left) as u32 + 1;
        let height = ((b + dy).ceil() - top).max(1.0) as u32;
        let mut coverage = Coverage::new(width, height);
        for edge in edges {
            coverage.edge(edge, dx - left, dy - top);
        }
        let start = self.cells.len();
        self.cells.extend_from_slice(coverage.cells());
        Tile {
            left: left as i32,
            top: top as i32,
            width: width as usize,
            cells: start..self.cells.len(),
        }
    }
}

/// A coordinate in pixels as a whole pixel and the step after it it rounds to; `None` far
/// off the page.
fn split(v: f32) -> Option<(i32, u8)> {
    // False for NaN too.
    let near = v.abs() < 1.0e6;
    near.then(|| {
        let steps = (v * STEPS).round() as i64;
        let whole = steps.div_euclid(STEPS as i64);
        (whole as i32, steps.rem_euclid(STEPS as i64) as u8)
    })
}
