//! A CFF face as a TrueType subset, because Word embeds and draws only TrueType outlines.
//!
//! The Simplified Chinese face (Noto Sans CJK SC) has cubic CFF outlines. For the DOCX each
//! glyph the document uses is read as cubics, turned into quadratics within [`TOLERANCE`]
//! (`cu2qu`), and written as a `glyf` glyph, with the tables a TrueType face needs around it
//! (decision 0017-cjk-truetype-for-docx). Unlike the TrueType subset of `embed`, glyphs are
//! renumbered: the face keeps no `GSUB`, `GPOS` or `GDEF` (Han characters and full-width
//! punctuation are drawn one glyph per character in horizontal text; what those tables do here
//! is Latin kerning, ligatures and other locales' forms), so nothing refers to the old ids, and
//! the face holds only the glyphs used instead of an entry for each of the 14,000.

use std::collections::{BTreeMap, BTreeSet};

use rustybuzz::ttf_parser::{self, GlyphId, OutlineBuilder, Tag};

use super::cu2qu::{Point, cubic_to_quadratics};
use super::{EmbedError, cmap, mapped_glyphs, push16, sfnt};

/// The largest distance, in font units, between a CFF curve and the quadratics that replace it,
/// before the points are rounded to whole units as every TrueType outline is. A thousandth of
/// the em (Noto Sans CJK has 1,000 units), as fontTools' `otf2ttf` uses by default.
pub(super) const TOLERANCE: f64 = 1.0;

/// The TrueType subset of the CFF face `face` that draws `chars`.
pub(super) fn subset(
    face: &ttf_parser::Face,
    chars: &BTreeSet<char>,
) -> Result<Vec<u8>, EmbedError> {
    let raw = face.raw_face();
    let table = |tag: &[u8; 4]| raw.table(Tag::from_bytes(tag));

    // The new glyph order: .notdef, then the glyphs of the characters in their old order.
    let mapped = mapped_glyphs(face, chars);
    let mut old_ids: BTreeSet<u16> = mapped.values().copied().collect();
    old_ids.insert(0);
    let order: Vec<u16> = old_ids.into_iter().collect();
    let new_id: BTreeMap<u16, u16> = order
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, new as u16))
        .collect();
    let cmap_entries: BTreeMap<char, u16> = mapped.iter().map(|(&c, g)| (c, new_id[g])).collect();

    let mut glyf = Vec::new();
    let mut offsets = Vec::with_capacity(order.len() + 1);
    let mut metrics = Vec::with_capacity(order.len());
    let mut bounds = Bounds::default();
    let (mut max_points, mut max_contours) = (0u16, 0u16);
    for &old in &order {
        offsets.push(glyf.len());
        let contours = outline(face, GlyphId(old))?;
        let advance = face.glyph_hor_advance(GlyphId(old)).unwrap_or(0);
        let glyph = encode_glyph(&contours);
        match glyph {
            Some((data, bbox)) => {
                glyf.extend_from_slice(&data);
                glyf.resize(glyf.len().next_multiple_of(4), 0);
                bounds.include(bbox, advance);
                metrics.push((advance, bbox[0]));
                let points: usize = contours.iter().map(Vec::len).sum();
                max_points = max_points.max(points as u16);
                max_contours = max_contours.max(contours.len() as u16);
            }
            None => metrics.push((advance, 0)),
        }
    }
    offsets.push(glyf.len());
    let short = glyf.len() / 2 <= usize::from(u16::MAX);
    let mut loca = Vec::new();
    for offset in offsets {
        if short {
            push16(&mut loca, (offset / 2) as u16);
        } else {
            loca.extend_from_slice(&(offset as u32).to_be_bytes());
        }
    }

    let copy = |name: &'static str, min: usize| -> Result<Vec<u8>, EmbedError> {
        let tag: [u8; 4] = name.as_bytes().try_into().unwrap_or(*b"    ");
        match table(&tag) {
            Some(data) if data.len() >= min => Ok(data.to_vec()),
            _ => Err(EmbedError::Damaged(name)),
        }
    };
    let mut tables: BTreeMap<[u8; 4], Vec<u8>> = BTreeMap::new();
    let mut head = copy("head", 54)?;
    head[8..12].fill(0);
    for (at, value) in [36, 38, 40, 42].into_iter().zip(bounds.bbox()) {
        head[at..at + 2].copy_from_slice(&value.to_be_bytes());
    }
    head[50..52].copy_from_slice(&i16::from(!short).to_be_bytes());
    head[52..54].fill(0);
    tables.insert(*b"head", head);

    let long_metrics = {
        // Glyphs after the last change of advance keep only their side bearing.
        let mut n = metrics.len();
        while n > 1 && metrics[n - 1].0 == metrics[n - 2].0 {
            n -= 1;
        }
        n
    };
    let mut hmtx = Vec::new();
    for (i, (advance, lsb)) in metrics.iter().enumerate() {
        if i < long_metrics {
            push16(&mut hmtx, *advance);
        }
        push16(&mut hmtx, *lsb as u16);
    }
    let mut hhea = copy("hhea", 36)?;
    hhea[10..12].copy_from_slice(&bounds.advance_max.to_be_bytes());
    hhea[12..14].copy_from_slice(&bounds.min_lsb.unwrap_or(0).to_be_bytes());
    hhea[14..16].copy_from_slice(&bounds.min_rsb.unwrap_or(0).to_be_bytes());
    hhea[16..18].copy_from_slice(&bounds.max_extent.unwrap_or(0).to_be_bytes());
    hhea[34..36].copy_from_slice(&(long_metrics as u16).to_be_bytes());
    tables.insert(*b"hhea", hhea);
    tables.insert(*b"hmtx", hmtx);

    // maxp 1.0: no instructions, no composites.
    let mut maxp = Vec::new();
    maxp.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for value in [order.len() as u16, max_points, max_contours, 0, 0, 1] {
        push16(&mut maxp, value);
    }
    maxp.resize(32, 0);
    tables.insert(*b"maxp", maxp);

    let mut os2 = copy("OS/2", 68)?;
    // The first and last characters are the subset's; the rest, with `fsType` (embedding
    // permissions), is the face's own.
    let bmp = || cmap_entries.keys().map(|&c| (c as u32).min(0xFFFF) as u16);
    os2[64..66].copy_from_slice(&bmp().min().unwrap_or(0).to_be_bytes());
    os2[66..68].copy_from_slice(&bmp().max().unwrap_or(0).to_be_bytes());
    tables.insert(*b"OS/2", os2);

    // Glyph names would be the CFF's; post 3.0 has none.
    let mut post = copy("post", 32)?;
    post.truncate(32);
    post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    tables.insert(*b"post", post);

    // The face's own names, so the family the styles and the font table name is this one.
    tables.insert(*b"name", copy("name", 6)?);
    tables.insert(*b"cmap", cmap(&cmap_entries));
    tables.insert(*b"glyf", glyf);
    tables.insert(*b"loca", loca);
    Ok(sfnt(&tables))
}

/// A contour: points in font units, each on the curve or a quadratic control point.
type Contour = Vec<(i32, i32, bool)>;

/// The glyph's outline as quadratic contours in TrueType's direction (clockwise outside).
fn outline(face: &ttf_parser::Face, glyph: GlyphId) -> Result<Vec<Contour>, EmbedError> {
    let mut builder = Builder::default();
    // No outline is an empty glyph (a space); a broken charstring draws nothing either way.
    if face.outline_glyph(glyph, &mut builder).is_none() {
        return Ok(Vec::new());
    }
    builder.finish();
    let contours: Vec<Contour> = builder
        .contours
        .into_iter()
        .map(tidy)
        .collect::<Result<_, _>>()?;
    // `glyf` counts points and contours in 16 bits; only a hostile charstring has more.
    if contours.iter().map(Vec::len).sum::<usize>() > usize::from(u16::MAX)
        || contours.len() > i16::MAX as usize
    {
        return Err(EmbedError::Damaged("CFF "));
    }
    Ok(contours)
}

/// Rounds a contour to whole units, drops repeated points and the closing copy of the first,
/// reverses it (CFF draws outside contours counter-clockwise, TrueType clockwise), and leaves
/// out on-curve points TrueType implies: the exact middle of two control points.
fn tidy(points: Vec<(Point, bool)>) -> Result<Contour, EmbedError> {
    let mut out: Contour = Vec::with_capacity(points.len());
    for (p, on) in points {
        let (x, y) = (p.x.round(), p.y.round());
        if !(f64::from(i16::MIN)..=f64::from(i16::MAX)).contains(&x)
            || !(f64::from(i16::MIN)..=f64::from(i16::MAX)).contains(&y)
        {
            return Err(EmbedError::Damaged("CFF "));
        }
        let point = (x as i32, y as i32, on);
        if on && out.last() == Some(&point) {
            continue;
        }
        out.push(point);
    }
    while out.len() > 1 && out.last() == out.first() {
        out.pop();
    }
    if out.len() < 2 {
        return Ok(Vec::new());
    }
    out[1..].reverse();
    let n = out.len();
    let mut keep = vec![true; n];
    for i in 1..n {
        let (x, y, on) = out[i];
        let (px, py, pon) = out[i - 1];
        let (nx, ny, non) = out[(i + 1) % n];
        // The neighbours are read as they were, so two implied points in a row are both found.
        if on && !pon && !non && px + nx == 2 * x && py + ny == 2 * y {
            keep[i] = false;
        }
    }
    Ok(out
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect())
}

/// Collects a glyph's outline, turning its cubic curves into quadratic ones on the way.
#[derive(Default)]
struct Builder {
    contours: Vec<Vec<(Point, bool)>>,
    current: Vec<(Point, bool)>,
    last: Option<Point>,
}

impl Builder {
    fn finish(&mut self) {
        if !self.current.is_empty() {
            self.contours.push(std::mem::take(&mut self.current));
        }
    }
}

impl OutlineBuilder for Builder {
    fn move_to(&mut self, x: f32, y: f32) {
        self.finish();
        let p = Point::new(f64::from(x), f64::from(y));
        self.current.push((p, true));
        self.last = Some(p);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let p = Point::new(f64::from(x), f64::from(y));
        self.current.push((p, true));
        self.last = Some(p);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.current
            .push((Point::new(f64::from(x1), f64::from(y1)), false));
        self.line_to(x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let start = self.last.unwrap_or(Point::new(0.0, 0.0));
        let cubic = [
            start,
            Point::new(f64::from(x1), f64::from(y1)),
            Point::new(f64::from(x2), f64::from(y2)),
            Point::new(f64::from(x), f64::from(y)),
        ];
        for (control, end) in cubic_to_quadratics(cubic, TOLERANCE) {
            self.current.push((control, false));
            self.current.push((end, true));
        }
        self.last = Some(cubic[3]);
    }

    fn close(&mut self) {
        self.finish();
    }
}

/// The `glyf` entry of a simple glyph and its bounding box (none for an empty glyph).
fn encode_glyph(contours: &[Contour]) -> Option<(Vec<u8>, [i16; 4])> {
    let points: Vec<(i32, i32, bool)> = contours.iter().flatten().copied().collect();
    if points.is_empty() {
        return None;
    }
    let bbox = [
        points.iter().map(|p| p.0).min()? as i16,
        points.iter().map(|p| p.1).min()? as i16,
        points.iter().map(|p| p.0).max()? as i16,
        points.iter().map(|p| p.1).max()? as i16,
    ];
    let mut out = Vec::new();
    push16(&mut out, contours.len() as u16);
    for value in bbox {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut end = 0usize;
    for contour in contours {
        end += contour.len();
        push16(&mut out, (end - 1) as u16);
    }
    push16(&mut out, 0); // no instructions

    const ON_CURVE: u8 = 0x01;
    const X_SHORT: u8 = 0x02;
    const Y_SHORT: u8 = 0x04;
    const REPEAT: u8 = 0x08;
    const X_SAME_OR_POSITIVE: u8 = 0x10;
    const Y_SAME_OR_POSITIVE: u8 = 0x20;
    let mut flags = Vec::with_capacity(points.len());
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    let (mut px, mut py) = (0i32, 0i32);
    for &(x, y, on) in &points {
        let mut flag = if on { ON_CURVE } else { 0 };
        for (delta, short, same, bytes) in [
            (x - px, X_SHORT, X_SAME_OR_POSITIVE, &mut xs),
            (y - py, Y_SHORT, Y_SAME_OR_POSITIVE, &mut ys),
        ] {
            if delta == 0 {
                flag |= same;
            } else if delta.abs() < 256 {
                flag |= short;
                if delta > 0 {
                    flag |= same;
                }
                bytes.push(delta.unsigned_abs() as u8);
            } else {
                bytes.extend_from_slice(&(delta as i16).to_be_bytes());
            }
        }
        flags.push(flag);
        (px, py) = (x, y);
    }
    // Runs of the same flag are written once with a repeat count.
    let mut i = 0;
    while i < flags.len() {
        let flag = flags[i];
        let mut run = 1;
        while i + run < flags.len() && flags[i + run] == flag && run < 256 {
            run += 1;
        }
        if run > 1 {
            out.push(flag | REPEAT);
            out.push((run - 1) as u8);
        } else {
            out.push(flag);
        }
        i += run;
    }
    out.extend(xs);
    out.extend(ys);
    Some((out, bbox))
}

/// The extremes `head` and `hhea` record.
#[derive(Default)]
struct Bounds {
    bbox: Option<[i16; 4]>,
    advance_max: u16,
    min_lsb: Option<i16>,
    min_rsb: Option<i16>,
    max_extent: Option<i16>,
}

impl Bounds {
    fn include(&mut self, [x0, y0, x1, y1]: [i16; 4], advance: u16) {
        self.bbox = Some(match self.bbox {
            None => [x0, y0, x1, y1],
            Some([a, b, c, d]) => [a.min(x0), b.min(y0), c.max(x1), d.max(y1)],
        });
        self.advance_max = self.advance_max.max(advance);
        let rsb = (i32::from(advance) - i32::from(x1)).clamp(-32768, 32767) as i16;
        self.min_lsb = Some(self.min_lsb.map_or(x0, |m| m.min(x0)));
        self.min_rsb = Some(self.min_rsb.map_or(rsb, |m| m.min(rsb)));
        self.max_extent = Some(self.max_extent.map_or(x1, |m| m.max(x1)));
    }

    fn bbox(&self) -> [i16; 4] {
        self.bbox.unwrap_or([0; 4])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cjk() -> Vec<u8> {
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fonts/NotoSansCJKsc-Regular.otf"
        ))
        .unwrap()
    }

    #[test]
    fn the_cff_face_becomes_a_small_truetype_face_with_the_same_glyphs() {
        let full = cjk();
        let text = "紧急呼吁：国际特赦组织被列为“不受欢迎组织”。Amnesty 2025";
        let chars: BTreeSet<char> = text.chars().collect();
        let big = ttf_parser::Face::parse(&full, 0).unwrap();
        let data = subset(&big, &chars).unwrap();
        assert!(data.len() < 40_000, "{} bytes", data.len());
        let small = ttf_parser::Face::parse(&data, 0).unwrap();
        assert!(small.tables().glyf.is_some() && small.tables().cff.is_none());
        assert_eq!(
            usize::from(small.number_of_glyphs()),
            chars.len() + 1,
            "one glyph per character used (the space too), plus .notdef"
        );
        for c in chars {
            let old = big.glyph_index(c).unwrap();
            let new = small.glyph_index(c).unwrap_or_else(|| panic!("{c} mapped"));
            assert_eq!(
                small.glyph_hor_advance(new),
                big.glyph_hor_advance(old),
                "{c}"
            );
            if c == ' ' {
                continue;
            }
            // The outline is the same shape, drawn the other way round: the same area within
            // 1% (rounding to whole units weighs most in small marks), of the opposite sign;
            // the box within a few units (TrueType's counts the control points).
            let (converted, original) = (area(&small, new), area(&big, old));
            assert!(
                (converted + original).abs() <= 0.01 * original.abs(),
                "{c}: area {converted} against {original}"
            );
            let (a, b) = (
                small.glyph_bounding_box(new).unwrap(),
                big.glyph_bounding_box(old).unwrap(),
            );
            for (x, y) in [
                (a.x_min, b.x_min),
                (a.y_min, b.y_min),
                (a.x_max, b.x_max),
                (a.y_max, b.y_max),
            ] {
                assert!((x - y).abs() <= 8, "{c}: {a:?} against {b:?}");
            }
        }
        assert_eq!(small.glyph_index('Ж'), None, "a subset");
        let family = small
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::FAMILY)
            .and_then(|n| n.to_string());
        assert_eq!(family.as_deref(), Some("Noto Sans CJK SC"));
        assert_eq!(
            small.permissions(),
            Some(ttf_parser::Permissions::Installable),
            "embedding is allowed"
        );
        assert_eq!(super::super::checksum(&data), 0xB1B0_AFBA);
        assert!(subset(&big, &BTreeSet::from(['国'])).unwrap().len() > 100);
    }

    /// The signed area of a glyph, its curves cut into 32 straight pieces each.
    fn area(face: &ttf_parser::Face, glyph: GlyphId) -> f64 {
        #[derive(Default)]
        struct Area {
            sum: f64,
            start: (f64, f64),
            last: (f64, f64),
        }
        impl Area {
            fn to(&mut self, x: f64, y: f64) {
                self.sum += self.last.0 * y - x * self.last.1;
                self.last = (x, y);
            }
        }
        impl OutlineBuilder for Area {
            fn move_to(&mut self, x: f32, y: f32) {
                self.start = (f64::from(x), f64::from(y));
                self.last = self.start;
            }
            fn line_to(&mut self, x: f32, y: f32) {
                self.to(f64::from(x), f64::from(y));
            }
            fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
                let (p0, p1) = (self.last, (f64::from(x1), f64::from(y1)));
                let p2 = (f64::from(x), f64::from(y));
                for k in 1..=32 {
                    let t = f64::from(k) / 32.0;
                    let s = 1.0 - t;
                    self.to(
                        s * s * p0.0 + 2.0 * s * t * p1.0 + t * t * p2.0,
                        s * s * p0.1 + 2.0 * s * t * p1.1 + t * t * p2.1,
                    );
                }
            }
            fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
                let p = [
                    Point::new(self.last.0, self.last.1),
                    Point::new(f64::from(x1), f64::from(y1)),
                    Point::new(f64::from(x2), f64::from(y2)),
                    Point::new(f64::from(x), f64::from(y)),
                ];
                for k in 1..=32 {
                    let q = super::super::cu2qu::at(p, f64::from(k) / 32.0);
                    self.to(q.x, q.y);
                }
            }
            fn close(&mut self) {
                self.to(self.start.0, self.start.1);
            }
        }
        let mut builder = Area::default();
        face.outline_glyph(glyph, &mut builder);
        builder.sum / 2.0
    }

    #[test]
    fn the_same_text_gives_the_same_bytes() {
        let full = cjk();
        let face = ttf_parser::Face::parse(&full, 0).unwrap();
        let chars: BTreeSet<char> = "人权维护者".chars().collect();
        assert_eq!(subset(&face, &chars), subset(&face, &chars));
    }

    #[test]
    fn contours_are_reversed_and_implied_points_left_out() {
        let p = |x: f64, y: f64, on| (Point::new(x, y), on);
        // A square drawn counter-clockwise, closed with a copy of its first point.
        let square = vec![
            p(0.0, 0.0, true),
            p(10.0, 0.0, true),
            p(10.0, 10.0, true),
            p(0.0, 10.0, true),
            p(0.0, 0.0, true),
        ];
        assert_eq!(
            tidy(square).unwrap(),
            [(0, 0, true), (0, 10, true), (10, 10, true), (10, 0, true)]
        );
        // On-curve exactly between two control points is implied; elsewhere it stays.
        let curve = vec![
            p(0.0, 0.0, true),
            p(10.0, 10.0, false),
            p(20.0, 10.0, true),
            p(30.0, 10.0, false),
            p(40.0, 0.0, true),
            p(20.0, -20.0, false),
        ];
        let tidied = tidy(curve).unwrap();
        assert!(!tidied.contains(&(20, 10, true)), "{tidied:?}");
        assert!(tidied.contains(&(40, 0, true)));
        assert!(tidy(vec![p(1e9, 0.0, true), p(0.0, 0.0, true)]).is_err());
    }
}
