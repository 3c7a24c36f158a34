//! The painted page as PNG bytes: a palette image when it has at most 256 colours, RGB otherwise.

use tiny_skia::Pixmap;

/// The pixmap as a PNG: indexed when it has at most 256 colours, as a page of anti-aliased
/// text in a few inks does (a third the size of RGB, and lossless), RGB otherwise.
pub(super) fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_depth(png::BitDepth::Eight);
    // zlib's level 6. Measured on a page of the 7-locale fixture: level 5 makes the PNGs
    // 0.4 % larger for 13 % less deflate work, level 8 makes them 2.4 % smaller for 2.3 times
    // the work; Sub, Up, Paeth or adaptive filters make them 23 to 54 % larger.
    encoder.set_compression(png::Compression::Balanced);
    let data = match indexed(pixmap.data()) {
        Some((palette, indices)) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette.iter().flatten().copied().collect::<Vec<u8>>());
            // Filters predict smooth gradients; a palette's indices are not one.
            encoder.set_filter(png::Filter::NoFilter);
            indices
        }
        None => {
            encoder.set_color(png::ColorType::Rgb);
            // The page is opaque, so the premultiplied colours are the colours.
            pixmap
                .data()
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect()
        }
    };
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(out)
}

/// The palette of `rgba` (opaque pixels) sorted by colour, so that it does not depend on
/// the order colours first appear in, and each pixel's index in it; `None` past 256 colours.
fn indexed(rgba: &[u8]) -> Option<(Vec<[u8; 3]>, Vec<u8>)> {
    let word = |p: &[u8]| u32::from_be_bytes([p[0], p[1], p[2], p[3]]);
    let mut table = ColorTable::new();
    let mut indices = vec![0; rgba.len() / 4];
    // Runs of one colour (most of a page is white) are looked up once.
    let mut last = word(rgba.get(..4)?);
    let mut index = table.index(last)?;
    for (out, pixel) in indices.iter_mut().zip(rgba.chunks_exact(4)) {
        let color = word(pixel);
        if color != last {
            last = color;
            index = table.index(color)?;
        }
        *out = index;
    }
    // Indices in first-seen order, then renumbered in colour order.
    let colors: Vec<[u8; 3]> = table
        .colors
        .iter()
        .map(|c| {
            let [r, g, b, _] = c.to_be_bytes();
            [r, g, b]
        })
        .collect();
    let mut order: Vec<u8> = (0..colors.len()).map(|i| i as u8).collect();
    order.sort_unstable_by_key(|&i| colors[usize::from(i)]);
    let mut rank = [0u8; 256];
    for (rank_of, &i) in order.iter().enumerate() {
        rank[usize::from(i)] = rank_of as u8;
    }
    for index in &mut indices {
        *index = rank[usize::from(*index)];
    }
    let palette = order.iter().map(|&i| colors[usize::from(i)]).collect();
    Some((palette, indices))
}

/// Up to 256 colours, each with its index in the order first seen: an open-addressing table
/// a few cache lines long, which a general hash map (hashing each of a page's tens of
/// thousands of colour changes) is not.
struct ColorTable {
    /// Colour as 0xRRGGBBAA and index + 1, or index 0 in an empty slot.
    slots: [(u32, u16); SLOTS],
    colors: Vec<u32>,
}

/// Twice the colours a palette holds, so that probes stay short.
const SLOTS: usize = 512;

impl ColorTable {
    fn new() -> Self {
        Self {
            slots: [(0, 0); SLOTS],
            colors: Vec::with_capacity(256),
        }
    }

    /// The index of `color` (0xRRGGBBAA), a new one if it was not seen; `None` once there
    /// would be more than 256.
    fn index(&mut self, color: u32) -> Option<u8> {
        let mut slot = (color.wrapping_mul(0x9E37_79B1) >> 23) as usize % SLOTS;
        loop {
            let (found, index) = self.slots[slot];
            if index == 0 {
                if self.colors.len() == 256 {
                    return None;
                }
                self.colors.push(color);
                let index = self.colors.len() as u16;
                self.slots[slot] = (color, index);
                return Some((index - 1) as u8);
            }
            if found == color {
                return Some((index - 1) as u8);
            }
            slot = (slot + 1) % SLOTS;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgba(colors: &[[u8; 3]]) -> Vec<u8> {
        colors
            .iter()
            .flat_map(|&[r, g, b]| [r, g, b, 255])
            .collect()
    }

    #[test]
    fn the_palette_is_sorted_whatever_order_the_colours_come_in() {
        let (red, white, grey) = ([200, 0, 0], [255; 3], [128; 3]);
        let (palette, indices) = indexed(&rgba(&[white, red, red, grey, white])).unwrap();
        assert_eq!(palette, [grey, red, white]);
        assert_eq!(indices, [2, 1, 1, 0, 2]);
        let (again, _) = indexed(&rgba(&[grey, red, white])).unwrap();
        assert_eq!(again, palette);
    }

    #[test]
    fn past_256_colours_there_is_no_palette() {
        let colors: Vec<[u8; 3]> = (0..=256u32).map(|i| [(i >> 8) as u8, i as u8, 7]).collect();
        let (palette, indices) = indexed(&rgba(&colors[..256])).unwrap();
        assert_eq!(palette.len(), 256);
        assert_eq!(indices[255], 255);
        assert!(indexed(&rgba(&colors)).is_none());
    }
}
