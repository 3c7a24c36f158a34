//! Cubic Bézier curves as quadratic ones within a stated error, for TrueType outlines.
//!
//! One quadratic stands for a cubic `p0 p1 p2 p3` with the control point
//! `(3·(p1 + p2) − p0 − p3) / 4`. Their difference at parameter `t` is exactly
//! `d · t·(t − ½)·(t − 1)` with `d = p3 − 3·p2 + 3·p1 − p0`, whose largest value on `[0, 1]` is
//! `√3/36 · |d|` (at `t = ½ ± √3/6`). Cutting the cubic into `n` pieces of equal parameter length
//! divides `d` by `n³`, so `n` follows from the tolerance directly, with no search: every point of
//! the cubic is within the tolerance of the point of the same parameter on the quadratics.

/// A point in font units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Point {
    pub(super) x: f64,
    pub(super) y: f64,
}

impl Point {
    pub(super) fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    fn add(self, o: Point) -> Point {
        Point::new(self.x + o.x, self.y + o.y)
    }

    fn sub(self, o: Point) -> Point {
        Point::new(self.x - o.x, self.y - o.y)
    }

    fn scale(self, k: f64) -> Point {
        Point::new(self.x * k, self.y * k)
    }

    fn length(self) -> f64 {
        self.x.hypot(self.y)
    }
}

/// The most pieces one cubic becomes: a glyph's curves are at most a few em long, so even a
/// tolerance of a hundredth of a unit stays well below it; it only stops a hostile font's huge
/// coordinates from asking for millions of points.
const MAX_PIECES: usize = 64;

/// The largest distance between the cubic and the single quadratic that stands for it.
pub(super) fn single_error(p: [Point; 4]) -> f64 {
    third_difference(p).length() * 3f64.sqrt() / 36.0
}

fn third_difference([p0, p1, p2, p3]: [Point; 4]) -> Point {
    p3.sub(p2.scale(3.0)).add(p1.scale(3.0)).sub(p0)
}

/// The quadratic pieces (control point, end point) that follow the cubic `p` to within
/// `tolerance`, starting from `p[0]`.
pub(super) fn cubic_to_quadratics(p: [Point; 4], tolerance: f64) -> Vec<(Point, Point)> {
    let error = single_error(p);
    let pieces = if error <= tolerance || !error.is_finite() {
        1
    } else {
        // error / n³ ≤ tolerance; the cube root may land a hair low, so check and step up.
        let mut n = (error / tolerance).cbrt().ceil().max(1.0) as usize;
        while n < MAX_PIECES && error / (n as f64).powi(3) > tolerance {
            n += 1;
        }
        n.min(MAX_PIECES)
    };
    (0..pieces)
        .map(|i| {
            let piece = segment(p, i as f64 / pieces as f64, (i + 1) as f64 / pieces as f64);
            (quadratic_control(piece), piece[3])
        })
        .collect()
}

/// The control point of the quadratic that stands for one cubic.
fn quadratic_control([p0, p1, p2, p3]: [Point; 4]) -> Point {
    p1.add(p2).scale(3.0).sub(p0).sub(p3).scale(0.25)
}

/// The cubic's own piece between parameters `a` and `b`: its end points and its tangents
/// there, scaled to the piece's length.
fn segment(p: [Point; 4], a: f64, b: f64) -> [Point; 4] {
    let third = (b - a) / 3.0;
    let start = at(p, a);
    let end = at(p, b);
    [
        start,
        start.add(derivative(p, a).scale(third)),
        end.sub(derivative(p, b).scale(third)),
        end,
    ]
}

/// The cubic's point at `t`.
pub(super) fn at([p0, p1, p2, p3]: [Point; 4], t: f64) -> Point {
    let s = 1.0 - t;
    p0.scale(s * s * s)
        .add(p1.scale(3.0 * s * s * t))
        .add(p2.scale(3.0 * s * t * t))
        .add(p3.scale(t * t * t))
}

fn derivative([p0, p1, p2, p3]: [Point; 4], t: f64) -> Point {
    let s = 1.0 - t;
    p1.sub(p0)
        .scale(3.0 * s * s)
        .add(p2.sub(p1).scale(6.0 * s * t))
        .add(p3.sub(p2).scale(3.0 * t * t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quadratic_at(p0: Point, c: Point, p1: Point, t: f64) -> Point {
        let s = 1.0 - t;
        p0.scale(s * s)
            .add(c.scale(2.0 * s * t))
            .add(p1.scale(t * t))
    }

    /// The largest distance between the cubic and the quadratics at the same parameter,
    /// sampled finely.
    fn measured_error(p: [Point; 4], pieces: &[(Point, Point)]) -> f64 {
        let n = pieces.len();
        let mut worst: f64 = 0.0;
        let mut start = p[0];
        for (i, &(control, end)) in pieces.iter().enumerate() {
            for k in 0..=200 {
                let local = f64::from(k) / 200.0;
                let t = (i as f64 + local) / n as f64;
                let gap = at(p, t).sub(quadratic_at(start, control, end, local));
                worst = worst.max(gap.length());
            }
            start = end;
        }
        worst
    }

    /// A small deterministic generator, so the test needs no dependency and fails the same way
    /// every time.
    fn lcg(state: &mut u64) -> f64 {
        *state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((*state >> 11) as f64 / (1u64 << 53) as f64) * 2000.0 - 1000.0
    }

    #[test]
    fn every_cubic_stays_within_the_tolerance() {
        let mut state = 7;
        for tolerance in [1.0, 0.5, 0.1] {
            for _ in 0..2000 {
                let p = [(); 4].map(|_| Point::new(lcg(&mut state), lcg(&mut state)));
                let pieces = cubic_to_quadratics(p, tolerance);
                let error = measured_error(p, &pieces);
                assert!(error <= tolerance + 1e-9, "{p:?}: {error} > {tolerance}");
                assert_eq!(
                    pieces.last().unwrap().1,
                    p[3],
                    "it ends where the cubic does"
                );
                // And it is not wasteful: one piece fewer would break the bound.
                let n = pieces.len() as f64;
                if n > 1.0 {
                    assert!(single_error(p) / (n - 1.0).powi(3) > tolerance);
                }
            }
        }
    }

    #[test]
    fn the_bound_is_reached_so_it_is_the_real_error() {
        // A cubic whose single quadratic is off by exactly √3/36·|d| in the middle of its halves.
        let p = [
            Point::new(0.0, 0.0),
            Point::new(0.0, 100.0),
            Point::new(100.0, -100.0),
            Point::new(100.0, 0.0),
        ];
        let pieces = [(quadratic_control(p), p[3])];
        let measured = measured_error(p, &pieces);
        assert!((measured - single_error(p)).abs() < 0.01, "{measured}");
        assert!(single_error(p) > 10.0);
        assert!(cubic_to_quadratics(p, 1.0).len() > 1);
    }

    #[test]
    fn a_quadratic_in_disguise_is_one_piece_and_exact() {
        // A cubic raised from a quadratic: the conversion gives that quadratic back.
        let (q0, q1, q2) = (
            Point::new(0.0, 0.0),
            Point::new(50.0, 80.0),
            Point::new(100.0, 0.0),
        );
        let p = [
            q0,
            q0.add(q1.sub(q0).scale(2.0 / 3.0)),
            q2.add(q1.sub(q2).scale(2.0 / 3.0)),
            q2,
        ];
        let pieces = cubic_to_quadratics(p, 0.01);
        assert_eq!(pieces.len(), 1);
        assert!(pieces[0].0.sub(q1).length() < 1e-9);
        // Straight lines and points stay one piece too.
        let line = [0.0, 1.0, 2.0, 3.0].map(|v| Point::new(v * 10.0, v * 5.0));
        assert_eq!(cubic_to_quadratics(line, 0.01).len(), 1);
        let nan = [Point::new(f64::NAN, 0.0); 4];
        assert_eq!(
            cubic_to_quadratics(nan, 1.0).len(),
            1,
            "no loop on bad numbers"
        );
    }
}
