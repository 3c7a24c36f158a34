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
    /// Leftmost and rightmost x any edge reached, to sum only those columns.
    left: f32,
    right: f32,
}

/// One line of an outline, from top to bottom, in pixels (y down) from wherever it is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Edge {
    /// x at `top`.
    x: f32,
    top: f32,
    bottom: f32,
    /// Change of x per pixel down.
    slope: f32,
    /// 1 for a line drawn downwards (it adds area), -1 upwards (it takes area away).
    sign: f32,
}

impl Edge {
    /// The line from `a` to `b`; none when it is level (it closes no area) or not finite.
    pub(super) fn new(a: (f32, f32), b: (f32, f32)) -> Option<Self> {
        let (sign, (x0, y0), (x1, y1)) = if a.1 < b.1 { (1.0, a, b) } else { (-1.0, b, a) };
        let slope = (x1 - x0) / (y1 - y0);
        let finite = [x0, y0, y1, slope].iter().all(|v| v.is_finite());
        (finite && y0 < y1).then_some(Self {
            x: x0,
            top: y0,
            bottom: y1,
            slope,
            sign,
        })
    }
}

impl Edge {
    /// Leftmost x, top, rightmost x and bottom of the edges, or `None` for no edges.
    pub(super) fn bounds(edges: &[Edge]) -> Option<[f32; 4]> {
        edges.iter().fold(None, |bounds, e| {
            let other = e.x + (e.bottom - e.top) * e.slope;
            let [l, t, r, b] =
                bounds.unwrap_or([f32::INFINITY, e.top, f32::NEG_INFINITY, e.bottom]);
            Some([
                l.min(e.x).min(other),
                t.min(e.top),
                r.max(e.x).max(other),
                b.max(e.bottom),
            ])
        })
    }
}

/// `len` zeros, stored one by one rather than taken from `calloc` as `vec![0.0; len]` would be.
/// Memory from `calloc` is mapped lazily: the first `+=` into a page reads the kernel's shared zero
/// page, and the write after it faults again to copy that page, which flushes the TLB of every
/// CPU the process runs on. With the build's threads on both CPUs of a virtual machine, those
/// flushes were 6 % of a seven-locale release build (perf, cpu-clock), nearly all here. Writing
/// first maps each page once, with no flush. `black_box` keeps the compiler from turning the
/// stores back into `calloc`.
fn written_zeros(len: usize) -> Vec<f32> {
    let mut cells = Vec::with_capacity(len);
    cells.resize(len, std::hint::black_box(0.0));
    cells
}

impl Coverage {
    pub(super) fn new(width: u32, height: u32) -> Self {
        let (width, height) = (width as usize, height as usize);
        Self {
            width,
            height,
            cells: written_zeros((width + 1) * height),
            top: height,
            bottom: 0,
            left: f32::INFINITY,
            right: f32::NEG_INFINITY,
        }
    }

    /// The rows with any ink: `top..bottom` (empty when nothing was drawn).
    pub(super) fn rows(&self) -> std::ops::Range<usize> {
        self.top..self.bottom.max(self.top)
    }

    /// The columns whose running sum can be other than zero: from the leftmost edge to the
    /// pixel after the rightmost (closed outlines sum to nothing past their right side).
    fn columns(&self) -> std::ops::Range<usize> {
        if self.left > self.right {
            return 0..0;
        }
        let start = floor(self.left.max(0.0).min(self.width as f32)) as usize;
        let end = (ceil(self.right.max(0.0)) as usize)
            .saturating_add(1)
            .min(self.width);
        start..end.max(start)
    }

    /// Forgets everything drawn, to draw again.
    pub(super) fn clear(&mut self) {
        let stride = self.width + 1;
        let rows = self.rows();
        self.cells[rows.start * stride..rows.end * stride].fill(0.0);
        self.top = self.height;
        self.bottom = 0;
        self.left = f32::INFINITY;
        self.right = f32::NEG_INFINITY;
    }

    /// Coverage of each pixel, row by row, 0 to 255, passed through `curve`; written into
    /// `out` (`width * height` bytes), rows outside [`Coverage::rows`] left as they are.
    #[cfg(test)]
    pub(super) fn write(&self, out: &mut [u8], curve: impl Fn(u8) -> u8) {
        let stride = self.width + 1;
        for y in self.rows() {
            let row = &self.cells[y * stride..y * stride + self.width];
            let pixels = &mut out[y * self.width..(y + 1) * self.width];
            let mut sum = 0.0f32;
            for (cell, pixel) in row.iter().zip(pixels) {
                sum += cell;
                *pixel = curve(level(sum));
            }
        }
    }

    /// Paints `color` over `rgba` (opaque premultiplied pixels, `width * height` of them),
    /// each pixel through its coverage looked up in `alpha`: the mask and the fill in one
    /// pass, over only the rows and columns drawn.
    #[inline(never)]
    pub(super) fn paint(&self, rgba: &mut [u8], color: [u8; 3], alpha: &[u8; 256]) {
        let stride = self.width + 1;
        let columns = self.columns();
        for y in self.rows() {
            let cells = &self.cells[y * stride + columns.start..y * stride + columns.end];
            let row = (y * self.width + columns.start) * 4..(y * self.width + columns.end) * 4;
            let mut sum = 0.0f32;
            for (cell, pixel) in cells.iter().zip(rgba[row].chunks_exact_mut(4)) {
                sum += cell;
                let a = alpha[usize::from(level(sum))];
                if a != 0 {
                    blend(pixel, color, a);
                }
            }
        }
    }

    /// Adds the line from `a` to `b` (pixels, y down).
    #[cfg(test)]
    pub(super) fn line(&mut self, a: (f32, f32), b: (f32, f32)) {
        if let Some(edge) = Edge::new(a, b) {
            self.edge(&edge, 0.0, 0.0);
        }
    }

    /// The signed area of every cell, row after row of `width + 1`.
    pub(super) fn cells(&self) -> &[f32] {
        &self.cells
    }

    /// Adds the cells of another coverage (`cells`, rows of `width + 1`) with its top left
    /// cell at `column`, `row`; false, changing nothing, when they would not fit inside.
    pub(super) fn add(&mut self, cells: &[f32], width: usize, column: i32, row: i32) -> bool {
        let stride = self.width + 1;
        let height = cells.len() / (width + 1);
        let (Ok(column), Ok(row)) = (usize::try_from(column), usize::try_from(row)) else {
            return false;
        };
        if column + width > self.width || row + height > self.height || height == 0 {
            return false;
        }
        for (y, tile) in cells.chunks_exact(width + 1).enumerate() {
            let start = (row + y) * stride + column;
            for (cell, add) in self.cells[start..start + width + 1].iter_mut().zip(tile) {
                *cell += add;
            }
        }
        self.top = self.top.min(row);
        self.bottom = self.bottom.max(row + height);
        self.left = self.left.min(column as f32);
        self.right = self.right.max((column + width) as f32);
        true
    }

    /// Adds `edge` moved by `dx`, `dy` pixels.
    pub(super) fn edge(&mut self, edge: &Edge, dx: f32, dy: f32) {
        let (x0, y0, y1) = (edge.x + dx, edge.top + dy, edge.bottom + dy);
        // Plain comparisons rather than f32::min and max, which also weigh NaN: the hottest
        // code of a preview.
        let top = if y0 > 0.0 { y0 } else { 0.0 };
        let rows = self.height as f32;
        let bottom = if y1 < rows { y1 } else { rows };
        // Also false when a coordinate is not a number; and far off the page is off it.
        if !(top < bottom && x0.abs() < FAR) {
            return;
        }
        let slope = edge.slope;
        let first = top as i32;
        let last = (ceil(bottom) as i32).min(self.height as i32);
        self.top = self.top.min(first as usize);
        self.bottom = self.bottom.max(last as usize);
        let mut ya = top;
        let mut xa = x0 + (ya - y0) * slope;
        let x_bottom = x0 + (bottom - y0) * slope;
        let (left, right) = if xa < x_bottom {
            (xa, x_bottom)
        } else {
            (x_bottom, xa)
        };
        if left < self.left {
            self.left = left;
        }
        if right > self.right {
            self.right = right;
        }
        for row in first..last {
            // The part of the line inside this row.
            let next = (row + 1) as f32;
            let yb = if bottom < next { bottom } else { next };
            let xb = x0 + (yb - y0) * slope;
            self.row_span(row as usize, xa, xb, edge.sign * (yb - ya));
            (xa, ya) = (xb, yb);
        }
    }

    /// A piece of line within one row, from `xa` to `xb`, of signed height `dy`: cut at the
    /// pixel columns it crosses, each part added to its column.
    fn row_span(&mut self, row: usize, xa: f32, xb: f32, dy: f32) {
        let (left, right) = if xa <= xb { (xa, xb) } else { (xb, xa) };
        let start = row * (self.width + 1);
        let width = right - left;
        if floor(left) == floor(right) || width < 1e-6 {
            self.cell(start, 0.5 * (left + right), dy);
            return;
        }
        let per_pixel = dy / width;
        let mut x = left;
        while x < right {
            let next = floor(x) + 1.0;
            let next = if next < right { next } else { right };
            self.cell(start, 0.5 * (x + next), per_pixel * (next - x));
            x = next;
        }
    }

    /// A piece of line inside one pixel of the row that starts at cell `start`, at mean x
    /// `x`, of signed height `dy`: the pixel gets the part of `dy` to the right of the line,
    /// the pixel after it the rest (and, through the running sum, every pixel after that all
    /// of it).
    fn cell(&mut self, start: usize, x: f32, dy: f32) {
        if x < 0.0 {
            // Left of the page: all of the row inside the page is right of it.
            self.cells[start] += dy;
        } else if x < self.width as f32 {
            let column = x as i32;
            let fraction = x - column as f32;
            let at = start + column as usize;
            let pair = &mut self.cells[at..at + 2];
            pair[0] += dy * (1.0 - fraction);
            pair[1] += dy * fraction;
        }
    }
}

/// Pixels beyond which a line is off any page (and its coordinates safe to convert to `i32`).
const FAR: f32 = 1.0e6;

/// A running sum of signed area as coverage from 0 to 255 (overlaps saturate).
fn level(sum: f32) -> u8 {
    (sum.abs().min(1.0) * 255.0 + 0.5) as u8
}

/// `color` over the opaque `pixel` at `alpha`, rounded to the nearest level.
fn blend(pixel: &mut [u8], color: [u8; 3], alpha: u8) {
    let (a, rest) = (u32::from(alpha), 255 - u32::from(alpha));
    for (channel, ink) in pixel.iter_mut().zip(color) {
        let v = u32::from(ink) * a + u32::from(*channel) * rest;
        // v / 255, rounded, without a division.
        *channel = ((v + 128 + ((v + 128) >> 8)) >> 8) as u8;
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

/// A glyph outline in font units (y up) as the [`Edge`]s of its lines in pixels (y down),
/// placed at an origin, curves cut into lines.
pub(super) struct GlyphPen<'a> {
    pub edges: &'a mut Vec<Edge>,
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
    pub(super) fn new(edges: &'a mut Vec<Edge>, x: f32, y: f32, scale: f32) -> Self {
        Self {
            edges,
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
        self.edges.extend(Edge::new(self.current, point));
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
    fn paint_is_the_coverage_as_alpha_over_the_pixels_drawn_only() {
        let mut coverage = Coverage::new(6, 4);
        // Half of column 1, all of 2 and 3, a quarter of 4, in row 1 only.
        rect(&mut coverage, 1.5, 1.0, 4.25, 2.0, true);
        let mut rgba = [255u8, 255, 255, 255].repeat(24);
        let identity: [u8; 256] = std::array::from_fn(|i| i as u8);
        coverage.paint(&mut rgba, [0, 0, 200], &identity);
        let row = |y: usize| -> Vec<[u8; 4]> {
            rgba[y * 24..(y + 1) * 24]
                .chunks(4)
                .map(|p| p.try_into().unwrap())
                .collect()
        };
        let white = [255; 4];
        assert_eq!(row(0), [white; 6]);
        assert_eq!(
            row(1),
            [
                white,
                [127, 127, 227, 255],
                [0, 0, 200, 255],
                [0, 0, 200, 255],
                [191, 191, 241, 255],
                white
            ]
        );
        assert_eq!(row(2), row(0));
        // Through the curve given: here no ink at all.
        let mut unchanged = [255u8; 24 * 4];
        coverage.paint(&mut unchanged, [0, 0, 0], &[0; 256]);
        assert!(unchanged.iter().all(|&c| c == 255));
        // Cleared, it paints nothing.
        coverage.clear();
        coverage.paint(&mut unchanged, [0, 0, 0], &identity);
        assert!(unchanged.iter().all(|&c| c == 255));
    }

    #[test]
    fn curves_close_to_their_shape() {
        // A circle of radius 10 from four quarter-arcs as cubics: area π r².
        let mut edges = Vec::new();
        let mut pen = GlyphPen::new(&mut edges, 15.0, 15.0, 1.0);
        let k = 10.0 * 0.552_284_8;
        pen.move_to(10.0, 0.0);
        pen.curve_to(10.0, k, k, 10.0, 0.0, 10.0);
        pen.curve_to(-k, 10.0, -10.0, k, -10.0, 0.0);
        pen.curve_to(-10.0, -k, -k, -10.0, 0.0, -10.0);
        pen.curve_to(k, -10.0, 10.0, -k, 10.0, 0.0);
        pen.close();
        let mut coverage = Coverage::new(30, 30);
        for edge in &edges {
            coverage.edge(edge, 0.0, 0.0);
        }
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
