//! Page content streams written straight as bytes, in the syntax lopdf gives printpdf's ops.
//!
//! Building printpdf `Op`s that printpdf then turned into lopdf `Operation`s and encoded cost
//! a third of the PDF (decision 0016). This writer emits the same operators with the same
//! numbers, formatted as lopdf formats them (one operator a line, operands followed by a
//! space, reals as Rust's shortest round-trip decimal), and merges glyph runs the way
//! printpdf's serialiser does: a text matrix on the baseline of the run just shown, in the
//! same font, continues that run's `TJ` with a kern instead of starting a new one.

use std::io::Write as _;

/// A glyph run being shown: its `TJ` array is open in the buffer.
#[derive(Debug, Clone, Copy)]
struct OpenRun {
    /// The run's text matrix translation.
    x: f32,
    y: f32,
    font: usize,
    size: f32,
    /// Pen position from `x`, in 1/1000 em, as the viewer computes it from `/W`.
    pen: f64,
}

/// One page's content stream.
#[derive(Debug, Default)]
pub(super) struct Content {
    buf: Vec<u8>,
    /// The font selected by the last `Tf`: index and size.
    font: Option<(usize, f32)>,
    /// A text matrix not yet written: the next glyphs decide whether it continues a run.
    pending_tm: Option<(f32, f32)>,
    run: Option<OpenRun>,
}

impl Content {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Content {
            buf: Vec::with_capacity(capacity),
            ..Content::default()
        }
    }

    /// The stream's bytes.
    pub(super) fn finish(mut self) -> Vec<u8> {
        self.flush();
        self.buf
    }

    /// Closes an open glyph run and writes a text matrix no glyphs used, as printpdf does
    /// before any other operator.
    fn flush(&mut self) {
        if self.run.take().is_some() {
            self.buf.extend_from_slice(b"] TJ");
        }
        if let Some((x, y)) = self.pending_tm.take() {
            self.write_tm(x, y);
        }
    }

    /// Starts an operator: a newline after the previous one.
    fn start(&mut self) {
        if !self.buf.is_empty() {
            self.buf.push(b'\n');
        }
    }

    /// An operator with its operands, after whatever is pending.
    fn op(&mut self, operands: &[f32], operator: &[u8]) {
        self.flush();
        self.start();
        for &value in operands {
            real(&mut self.buf, value);
            self.buf.push(b' ');
        }
        self.buf.extend_from_slice(operator);
    }

    fn write_tm(&mut self, x: f32, y: f32) {
        self.start();
        self.buf.extend_from_slice(b"1 0 0 1 ");
        real(&mut self.buf, x);
        self.buf.push(b' ');
        real(&mut self.buf, y);
        self.buf.extend_from_slice(b" Tm");
    }

    /// `/tag BMC`.
    pub(super) fn begin_marked(&mut self, tag: &str) {
        self.flush();
        self.start();
        name(&mut self.buf, tag.as_bytes());
        self.buf.extend_from_slice(b" BMC");
    }

    /// `/tag <</MCID n>> BDC`, with `/ActualText` first when given.
    pub(super) fn begin_marked_mcid(&mut self, tag: &str, mcid: usize, actual: Option<&str>) {
        self.flush();
        self.start();
        name(&mut self.buf, tag.as_bytes());
        self.buf.extend_from_slice(b" <<");
        actual_text(&mut self.buf, actual);
        self.buf.extend_from_slice(b"/MCID ");
        integer(&mut self.buf, mcid as u64);
        self.buf.extend_from_slice(b">> BDC");
    }

    /// The running footer: a pagination artifact, with `/ActualText` first when given.
    pub(super) fn begin_footer_artifact(&mut self, actual: Option<&str>) {
        self.flush();
        self.start();
        self.buf.extend_from_slice(b"/Artifact <<");
        actual_text(&mut self.buf, actual);
        self.buf
            .extend_from_slice(b"/Subtype/Footer/Type/Pagination>> BDC");
    }

    pub(super) fn end_marked(&mut self) {
        self.op(&[], b"EMC");
    }

    pub(super) fn fill_rgb(&mut self, r: f32, g: f32, b: f32) {
        self.op(&[r, g, b], b"rg");
    }

    pub(super) fn stroke_rgb(&mut self, r: f32, g: f32, b: f32) {
        self.op(&[r, g, b], b"RG");
    }

    pub(super) fn line_width(&mut self, width: f32) {
        self.op(&[width], b"w");
    }

    /// `0 J`: butt caps.
    pub(super) fn butt_cap(&mut self) {
        self.flush();
        self.start();
        self.buf.extend_from_slice(b"0 J");
    }

    /// A rectangle, filled (nonzero winding).
    pub(super) fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32) {
        self.op(&[x, y, width, height], b"re");
        self.op(&[], b"f");
    }

    pub(super) fn move_to(&mut self, x: f32, y: f32) {
        self.op(&[x, y], b"m");
    }

    pub(super) fn line_to(&mut self, x: f32, y: f32) {
        self.op(&[x, y], b"l");
    }

    pub(super) fn curve_to(&mut self, points: [f32; 6]) {
        self.op(&points, b"c");
    }

    /// Closes the path and fills it (nonzero winding).
    pub(super) fn close_fill(&mut self) {
        self.op(&[], b"h");
        self.op(&[], b"f");
    }

    pub(super) fn stroke(&mut self) {
        self.op(&[], b"S");
    }

    pub(super) fn begin_text(&mut self) {
        self.op(&[], b"BT");
    }

    pub(super) fn end_text(&mut self) {
        self.op(&[], b"ET");
    }

    /// `/F<font + 1> size Tf`: resource names are `F1`, `F2`… by font index.
    pub(super) fn set_font(&mut self, font: usize, resource: &str, size: f32) {
        self.flush();
        self.start();
        name(&mut self.buf, resource.as_bytes());
        self.buf.push(b' ');
        real(&mut self.buf, size);
        self.buf.extend_from_slice(b" Tf");
        self.font = Some((font, size));
    }

    /// `3 Tr` (invisible) or `0 Tr` (filled): ISO 32000-1, 9.3.6.
    pub(super) fn invisible(&mut self, invisible: bool) {
        self.op(&[if invisible { 3.0 } else { 0.0 }], b"Tr");
    }

    /// `Ts`: the text rise.
    pub(super) fn rise(&mut self, rise: f32) {
        self.op(&[rise], b"Ts");
    }

    /// A text matrix translating to (x, y); written with the next glyphs, or on its own
    /// before any other operator.
    pub(super) fn text_matrix(&mut self, x: f32, y: f32) {
        if self.pending_tm.is_some() {
            self.flush();
        }
        self.pending_tm = Some((x, y));
    }

    /// Shows glyphs: (code, `/W` width, kern after the glyph in 1/1000 em). After a text
    /// matrix, they continue the open run when it is on the same baseline in the same font
    /// (a kern moves the pen to the matrix's x), or start a run there.
    pub(super) fn show(&mut self, glyphs: &[(u16, i64, f32)]) {
        if glyphs.is_empty() {
            return;
        }
        let font = self.font.filter(|f| f.1 > 0.0);
        match (self.pending_tm, font) {
            (Some((x, y)), Some((font, size))) => {
                self.pending_tm = None;
                match &mut self.run {
                    Some(run) if run.y == y && run.font == font && run.size == size => {
                        let moved = (f64::from(x) - f64::from(run.x)) * 1000.0 / f64::from(size);
                        let kern = (run.pen - moved) as f32;
                        if kern != 0.0 {
                            run.pen -= f64::from(kern);
                            self.buf.push(b' ');
                            real(&mut self.buf, kern);
                        }
                    }
                    _ => {
                        if self.run.take().is_some() {
                            self.buf.extend_from_slice(b"] TJ");
                        }
                        self.write_tm(x, y);
                        self.start();
                        self.buf.push(b'[');
                        self.run = Some(OpenRun {
                            x,
                            y,
                            font,
                            size,
                            pen: 0.0,
                        });
                    }
                }
            }
            (None, Some((font, size)))
                if self.run.is_some_and(|r| r.font == font && r.size == size) => {}
            _ => {
                // Shown where the pen is, as a `TJ` of its own.
                self.flush();
                self.start();
                self.buf.push(b'[');
                self.glyphs(glyphs, None);
                self.buf.extend_from_slice(b"] TJ");
                return;
            }
        }
        let mut pen = self.run.map_or(0.0, |r| r.pen);
        self.glyphs(glyphs, Some(&mut pen));
        if let Some(run) = &mut self.run {
            run.pen = pen;
        }
    }

    fn glyphs(&mut self, glyphs: &[(u16, i64, f32)], mut pen: Option<&mut f64>) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for &(code, width, kern) in glyphs {
            let [hi, lo] = code.to_be_bytes();
            self.buf.extend_from_slice(&[
                b'<',
                HEX[usize::from(hi >> 4)],
                HEX[usize::from(hi & 15)],
                HEX[usize::from(lo >> 4)],
                HEX[usize::from(lo & 15)],
                b'>',
            ]);
            if let Some(pen) = pen.as_deref_mut() {
                *pen += width as f64;
            }
            if kern != 0.0 {
                self.buf.push(b' ');
                real(&mut self.buf, kern);
                if let Some(pen) = pen.as_deref_mut() {
                    *pen -= f64::from(kern);
                }
            }
        }
    }
}

/// `/ActualText <FEFF…>` (ISO 32000-1, 14.9.4: the text a reader copies in place of the glyphs
/// inside the marked content), a text string in UTF-16BE after its byte order mark.
fn actual_text(buf: &mut Vec<u8>, text: Option<&str>) {
    let Some(text) = text else { return };
    buf.extend_from_slice(b"/ActualText <FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(buf, "{unit:04X}");
    }
    buf.push(b'>');
}

/// A name, with the bytes lopdf escapes as `#xx`.
pub(super) fn name(buf: &mut Vec<u8>, name: &[u8]) {
    buf.push(b'/');
    for &byte in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            let _ = write!(buf, "#{byte:02X}");
        } else {
            buf.push(byte);
        }
    }
}

/// Decimal digits of a whole number.
pub(super) fn integer(buf: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

/// A real as lopdf writes it (`{}` of an `f32`: the shortest decimal that reads back as
/// the same number, no exponent). Whole numbers and hundredths, which are nearly all the
/// stream's numbers, take a fast path that gives the same digits.
pub(super) fn real(buf: &mut Vec<u8>, value: f32) {
    // Below 8192 an f32's spacing is under 1/1000, so the hundredth nearest to it is the
    // only decimal of at most two places that reads back as it: that is what `{}` prints.
    if value.abs() < 8192.0 && value != 0.0 {
        let hundredths = (f64::from(value) * 100.0).round();
        if (hundredths / 100.0) as f32 == value {
            let n = hundredths as i64;
            if n < 0 {
                buf.push(b'-');
            }
            let n = n.unsigned_abs();
            integer(buf, n / 100);
            let fraction = n % 100;
            if fraction != 0 {
                buf.push(b'.');
                buf.push(b'0' + (fraction / 10) as u8);
                if !fraction.is_multiple_of(10) {
                    buf.push(b'0' + (fraction % 10) as u8);
                }
            }
            return;
        }
    }
    let _ = write!(buf, "{value}");
}

#[cfg(test)]
mod tests {
    use super::{Content, real};

    fn display(value: f32) -> String {
        let mut buf = Vec::new();
        real(&mut buf, value);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn reals_are_written_as_lopdf_writes_them() {
        for n in -820_000i32..=820_000 {
            let value = n as f32 / 100.0;
            assert_eq!(display(value), format!("{value}"), "{n}");
        }
        for value in [
            0.0,
            -0.0,
            0.1 + 0.2,
            1e-7,
            12345.678,
            -98765.43,
            0.005,
            1.0 / 3.0,
        ] {
            assert_eq!(display(value), format!("{value}"));
        }
        // Kerns merged across runs are any f32.
        let mut state = 0x2545_f491u32;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let value = f32::from_bits(state);
            if value.is_finite() {
                assert_eq!(display(value), format!("{value}"));
            }
        }
    }

    #[test]
    fn runs_on_one_baseline_in_one_font_share_a_tj() {
        let mut content = Content::default();
        content.begin_text();
        content.set_font(0, "F1", 10.0);
        content.text_matrix(10.0, 700.0);
        content.show(&[(1, 500, 0.0), (2, 250, -12.0)]);
        content.text_matrix(20.0, 700.0);
        content.show(&[(3, 500, 0.0)]);
        content.rise(2.5);
        content.show(&[(4, 500, 0.0)]);
        content.end_text();
        let text = String::from_utf8(content.finish()).unwrap();
        assert_eq!(
            text,
            "BT\n/F1 10 Tf\n1 0 0 1 10 700 Tm\n[<0001><0002> -12 -238<0003>] TJ\n2.5 Ts\n[<0004>] TJ\nET"
        );
    }
}
