//! Anti-aliased coverage of glyph outlines by exact signed area, cheap enough for thousands of tiny glyphs.
//!
//! A page of body text at thumbnail size is thousands of glyphs a few pixels tall: a
//! general-purpose path filler (tiny-skia's supersampling scanline, with its edge lists and
//! sorts) spends most of its time on setup per path. Here every outline segment adds, to the
//! cells it crosses, the signed area it closes to its right; a running sum along each row then
//! gives each pixel's exact coverage, with no sorting and no supersampling. Overlapping
//! contours that wind the same way (a font's contours, joined Arabic letters) saturate at full
//! coverage, as under the non-zero rule.

use rustybuzz::ttf_parser::OutlineBuilder;

/// Largest distance, in pixels, between a curve and the lines that stand for it.
const TOLERANCE: f32 = 0.15;
/// Most lines a curve is cut into (a guard against absurd coordinates).
const MAX_PIECES: u32 = 64;

/// Signed area per cell of a `width` × `height` pixel area, one spare cell at the end of each
/// row for what spills past the right edge.
pub(super) struct Coverage {
    width: usize,
    height: usize,
    cells: Vec<f32>,
    /// Rows touched, to sum only those: `top..bottom`.
    top: usize,
    bottom: usize,
}

impl Coverage {
    pub(super) fn new(width: u32, height: u32) -> Self {
        let (width, height) = (width as usize, height as usize);
        Self {
            width,
            height,
            cells: vec![0.0; (width + 1) * height],
            top: height,
            bottom: 0,
        }
    }

    /// The rows with any ink: `top..bottom` (empty when nothing was drawn).
    pub(super) fn rows(&self) -> std::ops::Range<usize> {
        self.top..self.bottom.max(self.top)
    }

    /// Forgets everything drawn, to draw again.
    pub(super) fn clear(&mut self) {
        let stride = self.width + 1;
        let rows = self.rows();
        self.cells[rows.start * stride..rows.end * stride].fill(0.0);
        self.top = self.height;
        self.bottom = 0;
    }

    /// Coverage of each pixel, row by row, 0 to 255, passed through `curve`; written into
    /// `out` (`width * height` bytes), rows outside [`Coverage::rows`] left as they are.
    pub(super) fn write(&self, out: &mut [u8], curve: impl Fn(u8) -> u8) {
        let stride = self.width + 1;
        for y in self.rows() {
            let row = &self.cells[y * stride..y * stride + self.width];
            let pixels = &mut out[y * self.width..(y + 1) * self.width];
            let mut sum = 0.0f32;
            for (cell, pixel) in row.iter().zip(pixels) {
                sum += cell;
                let alpha = (sum.abs().min(1.0) * 255.0 + 0.5) as u8;
                *pixel = curve(alpha);
            }
        }
    }

    /// Adds the line from `a` to `b` (pixels, y down).
    pub(super) fn line(&mut self, a: (f32, f32), b: (f32, f32)) {
        // Downward lines add area, upward ones take it away; walk both from the top.
        let (sign, (x0, y0), (x1, y1)) = if a.1 < b.1 { (1.0, a, b) } else { (-1.0, b, a) };
        let top = y0.max(0.0);
        let bottom = y1.min(self.height as f32);
        let finite = [x0, x1, top, bottom].iter().all(|v| v.is_finite());
        if !finite || top >= bottom {
            return;
        }
        let slope = (x1 - x0) / (y1 - y0);
        let first = top as usize;
        let last = (ceil(bottom) as usize).min(self.height);
        self.top = self.top.min(first);
        self.bottom = self.bottom.max(last);
        for row in first..last {
            // The part of the line inside this row.
            let ya = top.max(row as f32);
            let yb = bottom.min(row as f32 + 1.0);
            let xa = x0 + (ya - y0) * slope;
            let xb = x0 + (yb - y0) * slope;
            self.row_span(row, xa, xb, sign * (yb - ya));
        }
    }

    /// A piece of line within one row, from `xa` to `xb`, of signed height `dy`: cut at the
    /// pixel columns it crosses, each part added to its column.
    fn row_span(&mut self, row: usize, xa: f32, xb: f32, dy: f32) {
        let (left, right) = if xa <= xb { (xa, xb) } else { (xb, xa) };
        let width = right - left;
        if floor(left) == floor(right) || width < 1e-6 {
            self.cell(row, 0.5 * (left + right), dy);
            return;
        }
        let mut x = left;
        while x < right {
            let next = (floor(x) + 1.0).min(right);
            self.cell(row, 0.5 * (x + next), dy * (next - x) / width);
            x = next;
        }
    }

    /// A piece of line inside one pixel, at mean x `x`, of signed height `dy`: the pixel gets
    /// the part of `dy` to the right of the line, the pixel after it the rest (and, through the
    /// running sum, every pixel after that all of it).
    fn cell(&mut self, row: usize, x: f32, dy: f32) {
        let start = row * (self.width + 1);
        if x < 0.0 {
            // Left of the page: all of the row inside the page is right of it.
            self.cells[start] += dy;
        } else if x < self.width as f32 {
            let column = x as usize;
            let fraction = x - column as f32;
            self.cells[start + column] += dy * (1.0 - fraction);
            self.cells[start + column + 1] += dy * fraction;
        }
    }
}

/// `x.floor()` without a call into libm (which x86-64 makes for want of SSE4.1): the
/// rasteriser's hottest instructions. Exact for |x| < 2²³, all a page holds.
fn floor(x: f32) -> f32 {
    let t = x as i32 as f32;
    if t > x { t - 1.0 } else { t }
}

fn ceil(x: f32) -> f32 {
    -floor(-x)
}

/// A glyph outline in font units (y up) drawn into a [`Coverage`] in pixels (y down), placed
/// at the glyph's origin, curves cut into lines.
pub(super) struct GlyphPen<'a> {
    pub coverage: &'a mut Coverage,
    /// Glyph origin in pixels.
    pub x: f32,
    pub y: f32,
    /// Pixels per font unit.
    pub scale: f32,
    /// Where the pen is and where its contour started, in pixels.
    pub current: (f32, f32),
    pub start: (f32, f32),
}

impl<'a> GlyphPen<'a> {
    pub(super) fn new(coverage: &'a mut Coverage, x: f32, y: f32, scale: f32) -> Self {
        Self {
            coverage,
            x,
            y,
            scale,
            current: (x, y),
            start: (x, y),
        }
    }

    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y - y * self.scale)
    }

    fn to(&mut self, point: (f32, f32)) {
        self.coverage.line(self.current, point);
        self.current = point;
    }
}

/// Lines enough that a curve whose control polygon bends by `bend` (pixels) stays within
/// [`TOLERANCE`]: the gap of a chord shrinks with the square of the number of pieces.
fn pieces(bend: f32) -> u32 {
    let n = (bend / (8.0 * TOLERANCE)).sqrt().ceil();
    if n.is_finite() {
        (n as u32).clamp(1, MAX_PIECES)
    } else {
        1
    }
}

fn bend(a: (f32, f32), b: (f32, f32), c: (f32, f32)) -> f32 {
    let (x, y) = (a.0 - 2.0 * b.0 + c.0, a.1 - 2.0 * b.1 + c.1);
    (x * x + y * y).sqrt()
}

impl OutlineBuilder for GlyphPen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        // An unclosed contour is closed, as a filler would.
        self.close();
        self.current = self.at(x, y);
        self.start = self.current;
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let point = self.at(x, y);
        self.to(point);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (p0, p1, p2) = (self.current, self.at(x1, y1), self.at(x, y));
        let n = pieces(2.0 * bend(p0, p1, p2));
        for i in 1..n {
            let t = i as f32 / n as f32;
            let u = 1.0 - t;
            let point = (
                u * u * p0.0 + 2.0 * u * t * p1.0 + t * t * p2.0,
                u * u * p0.1 + 2.0 * u * t * p1.1 + t * t * p2.1,
            );
            self.to(point);
        }
        self.to(p2);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (p0, p1, p2, p3) = (
            self.current,
            self.at(x1, y1),
            self.at(x2, y2),
            self.at(x, y),
        );
        let n = pieces(6.0 * bend(p0, p1, p2).max(bend(p1, p2, p3)));
        for i in 1..n {
            let t = i as f32 / n as f32;
            let u = 1.0 - t;
            let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            let point = (
                a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
                a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
            );
            self.to(point);
        }
        self.to(p3);
    }

    fn close(&mut self) {
        if self.current != self.start {
            let start = self.start;
            self.to(start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixels(coverage: &Coverage) -> Vec<u8> {
        let mut out = vec![0; coverage.width * coverage.height];
        coverage.write(&mut out, |c| c);
        out
    }

    fn rect(coverage: &mut Coverage, l: f32, t: f32, r: f32, b: f32, clockwise: bool) {
        let mut corners = [(l, t), (r, t), (r, b), (l, b)];
        if !clockwise {
            corners.reverse();
        }
        for i in 0..4 {
            coverage.line(corners[i], corners[(i + 1) % 4]);
        }
    }

    #[test]
    fn a_rectangle_covers_its_pixels_exactly_whichever_way_it_winds() {
        for clockwise in [true, false] {
            let mut coverage = Coverage::new(6, 4);
            // Half of column 1, all of 2 and 3, a quarter of 4; rows 1 and 2 fully.
            rect(&mut coverage, 1.5, 1.0, 4.25, 3.0, clockwise);
            let p = pixels(&coverage);
            assert_eq!(&p[0..6], &[0; 6], "row 0 is empty");
            assert_eq!(&p[6..12], &[0, 128, 255, 255, 64, 0], "row 1");
            assert_eq!(&p[12..18], &p[6..12], "row 2");
            assert_eq!(coverage.rows(), 1..3);
        }
    }

    #[test]
    fn a_diagonal_edge_covers_half_a_pixel() {
        // A right triangle over one pixel: half of it.
        let mut coverage = Coverage::new(3, 1);
        coverage.line((1.0, 0.0), (2.0, 1.0));
        coverage.line((2.0, 1.0), (1.0, 1.0));
        coverage.line((1.0, 1.0), (1.0, 0.0));
        assert_eq!(pixels(&coverage), [0, 128, 0]);
    }

    #[test]
    fn overlapping_contours_saturate_and_the_page_edges_clip() {
        let mut coverage = Coverage::new(4, 2);
        rect(&mut coverage, -3.0, 0.0, 2.0, 2.0, true);
        rect(&mut coverage, 1.0, -1.0, 9.0, 1.0, true);
        assert_eq!(pixels(&coverage), [255, 255, 255, 255, 255, 255, 0, 0]);
    }

    #[test]
    fn curves_close_to_their_shape() {
        // A circle of radius 10 from four quarter-arcs as cubics: area π r².
        let mut coverage = Coverage::new(30, 30);
        let mut pen = GlyphPen::new(&mut coverage, 15.0, 15.0, 1.0);
        let k = 10.0 * 0.552_284_8;
        pen.move_to(10.0, 0.0);
        pen.curve_to(10.0, k, k, 10.0, 0.0, 10.0);
        pen.curve_to(-k, 10.0, -10.0, k, -10.0, 0.0);
        pen.curve_to(-10.0, -k, -k, -10.0, 0.0, -10.0);
        pen.curve_to(k, -10.0, 10.0, -k, 10.0, 0.0);
        pen.close();
        let area: f32 = pixels(&coverage)
            .iter()
            .map(|&c| f32::from(c) / 255.0)
            .sum();
        // The lines cut inside the arcs, each by at most the tolerance.
        let circle = std::f32::consts::PI * 100.0;
        let perimeter = 2.0 * std::f32::consts::PI * 10.0;
        assert!(
            area < circle && area > circle - TOLERANCE * perimeter,
            "{area}"
        );
        assert_eq!(coverage.rows(), 5..25);
    }
}
