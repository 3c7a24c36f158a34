//! Fonts embedded in the DOCX, as Word's "Embed fonts in the file": subset, then obfuscated.
//!
//! The PDF's subsetter cannot be reused: it renumbers glyphs and drops `cmap`, `GSUB` and
//! `GPOS`, which a PDF does not need and a word processor does (it maps characters and shapes
//! text itself). So the subset here keeps every table and every glyph id, and empties the
//! outlines of the glyphs the document cannot reach: the characters it uses and a fixed
//! repertoire ([`REPERTOIRE`]), what `GSUB` can turn them into (contextual forms, ligatures),
//! and the components of composite glyphs. The `cmap` keeps only those characters, so any other
//! character typed later falls back to another font instead of drawing nothing; glyph names
//! (`post`) go. A CFF face (the Chinese one) is
//! rebuilt with TrueType outlines instead (`truetype`; Word embeds only those): see
//! docs/decisions/0015-docx-embedded-fonts.md and 0017-cjk-truetype-for-docx.md.
//!
//! The obfuscation is ECMA-376 Part 1 §17.8.1: the first 32 bytes XORed with the font key, a
//! GUID that here derives from the subset's bytes, so the same document gives the same file.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeInclusive;

use rustybuzz::ttf_parser::{self, GlyphId, Tag};
use sha2::{Digest, Sha256};

mod cu2qu;
mod truetype;

/// Why a face cannot be embedded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum EmbedError {
    #[error("it has neither TrueType nor CFF outlines (a CFF2 or bitmap face)")]
    NotTrueType,
    #[error("its `{0}` table is damaged")]
    Damaged(&'static str),
    #[error("it is not a font ttf-parser can read: {0}")]
    Unreadable(String),
}

/// Characters a document may show without them being in its text: the digits of page-number
/// fields (Latin, Arabic-Indic, Extended Arabic-Indic), the hyphens of automatic hyphenation,
/// spaces, and the leader characters of tab stops.
pub(super) const ALWAYS: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '\u{660}', '\u{661}', '\u{662}', '\u{663}',
    '\u{664}', '\u{665}', '\u{666}', '\u{667}', '\u{668}', '\u{669}', '\u{6F0}', '\u{6F1}',
    '\u{6F2}', '\u{6F3}', '\u{6F4}', '\u{6F5}', '\u{6F6}', '\u{6F7}', '\u{6F8}', '\u{6F9}', ' ',
    '\u{A0}', '-', '\u{2010}', '\u{AD}', '_', '.', '\u{B7}',
];

/// Characters every subset of a TrueType face keeps when the face has them, whatever the
/// document uses: Latin (Basic, Latin-1, Extended-A, and Romanian's comma-below letters),
/// Cyrillic (the letters of Russian, Ukrainian, Belarusian and the South Slavic languages),
/// general punctuation (not its format characters), the euro and the numero sign. Two reasons:
/// - the DOCX is edited: a volunteer signs with their own name (Łukasz, Jiří, Ştefan) and types
///   a reply, and those letters draw in the pack's face instead of a substitute;
/// - LibreOffice keeps the embedded faces of the first document it opens, by family name, for
///   the rest of its process: with one repertoire, a French, a German and a Russian pack opened
///   one after the other all find their letters (decision 0015's addendum).
///
/// It also makes the subsets of every pack of the same face alike, so a release subsets and
/// compresses each face once ([`crate::fonts::FontFace::derived`]). A CFF face (converted to
/// TrueType for Word, the Chinese one) keeps only what the document uses: converting a
/// repertoire would cost more than the pack.
const REPERTOIRE: &[RangeInclusive<char>] = &[
    ' '..='~',
    '\u{A0}'..='\u{17F}',
    '\u{218}'..='\u{21B}',
    '\u{400}'..='\u{45F}',
    '\u{490}'..='\u{491}',
    // General punctuation without its format characters (zero-width spaces and joiners, marks
    // and embeddings of direction, invisible operators): a subset maps those only when the
    // document uses them, as it always did; mapped in every Persian pack's faces, they drew
    // the half-space as a box in LibreOffice.
    '\u{2000}'..='\u{200A}',
    '\u{2010}'..='\u{2027}',
    '\u{202F}'..='\u{205F}',
    '\u{20AC}'..='\u{20AC}',
    '\u{2116}'..='\u{2116}',
];

/// Adds to `chars` the characters of [`REPERTOIRE`] that `covers` says the face has, when
/// `font` has TrueType outlines.
pub(super) fn with_repertoire(
    font: &[u8],
    chars: &mut BTreeSet<char>,
    covers: impl Fn(char) -> bool,
) {
    let truetype = ttf_parser::RawFace::parse(font, 0)
        .is_ok_and(|raw| raw.table(Tag::from_bytes(b"glyf")).is_some());
    if truetype {
        chars.extend(
            REPERTOIRE
                .iter()
                .flat_map(Clone::clone)
                .filter(|c| covers(*c)),
        );
    }
}

/// Brackets a right-to-left run draws mirrored: when one of a pair is used, both are kept.
const MIRRORED: &[(char, char)] = &[
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('<', '>'),
    ('«', '»'),
    ('‹', '›'),
];

/// The characters a face must keep for `text`: its own and the mirror of each bracket.
pub(super) fn with_mirrors(chars: &mut BTreeSet<char>) {
    for (open, close) in MIRRORED {
        if chars.contains(open) || chars.contains(close) {
            chars.insert(*open);
            chars.insert(*close);
        }
    }
}

/// A subset of `font` that draws `chars` as the full font would, glyph ids unchanged.
pub(crate) fn subset(font: &[u8], chars: &BTreeSet<char>) -> Result<Vec<u8>, EmbedError> {
    let face =
        ttf_parser::Face::parse(font, 0).map_err(|e| EmbedError::Unreadable(e.to_string()))?;
    let raw = face.raw_face();
    let table = |tag: &[u8; 4]| raw.table(Tag::from_bytes(tag));
    let (Some(glyf), Some(loca)) = (table(b"glyf"), table(b"loca")) else {
        return match (face.tables().cff, table(b"CFF ")) {
            (Some(_), _) => truetype::subset(&face, chars),
            (None, Some(_)) => Err(EmbedError::Damaged("CFF ")),
            (None, None) => Err(EmbedError::NotTrueType),
        };
    };
    let count = face.number_of_glyphs();
    let offsets = glyph_offsets(&face, loca, glyf.len(), count)?;
    let outline = |g: u16| -> &[u8] {
        let (start, end) = offsets[usize::from(g)];
        &glyf[start..end]
    };

    let mapped = mapped_glyphs(&face, chars);
    let mut keep: BTreeSet<u16> = mapped.values().copied().collect();
    keep.insert(0);
    if let Some(gsub) = face.tables().gsub {
        substitution_closure(&gsub, &mut keep);
    }
    composite_closure(&mut keep, &outline, count)?;

    // The glyph data: kept glyphs whole (padded to 4 bytes), the rest empty; long offsets.
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((usize::from(count) + 1) * 4);
    for g in 0..count {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if keep.contains(&g) {
            new_glyf.extend_from_slice(outline(g));
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut tables: BTreeMap<[u8; 4], Vec<u8>> = BTreeMap::new();
    for record in raw.table_records {
        let tag = record.tag.to_bytes();
        // Signatures and device metrics describe the whole font and would now be wrong.
        if matches!(&tag, b"DSIG" | b"hdmx" | b"LTSH" | b"VDMX") {
            continue;
        }
        let Some(data) = raw.table(record.tag) else {
            continue;
        };
        tables.insert(tag, data.to_vec());
    }
    tables.insert(*b"glyf", new_glyf);
    tables.insert(*b"loca", new_loca);
    tables.insert(*b"cmap", cmap(&mapped));
    let head = tables.get_mut(b"head").ok_or(EmbedError::Damaged("head"))?;
    if head.len() < 54 {
        return Err(EmbedError::Damaged("head"));
    }
    head[8..12].fill(0);
    head[50..52].copy_from_slice(&1i16.to_be_bytes());
    if let Some(post) = tables.get_mut(b"post") {
        if post.len() < 32 {
            return Err(EmbedError::Damaged("post"));
        }
        post.truncate(32);
        post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    }
    if let Some(hmtx) = tables.get_mut(b"hmtx") {
        blank_metrics(hmtx, face.tables().hhea.number_of_metrics, count, &keep);
    }
    Ok(sfnt(&tables))
}

/// Each glyph's byte range in `glyf`, checked.
/// The face's glyph for each of `chars` it has (never `.notdef`): what the subset's cmap maps.
fn mapped_glyphs(face: &ttf_parser::Face, chars: &BTreeSet<char>) -> BTreeMap<char, u16> {
    chars
        .iter()
        .filter_map(|&c| Some((c, face.glyph_index(c)?.0)))
        .filter(|(_, g)| *g != 0)
        .collect()
}

fn glyph_offsets(
    face: &ttf_parser::Face,
    loca: &[u8],
    glyf_len: usize,
    count: u16,
) -> Result<Vec<(usize, usize)>, EmbedError> {
    let long = matches!(
        face.tables().head.index_to_location_format,
        ttf_parser::head::IndexToLocationFormat::Long
    );
    let offset = |i: usize| -> Option<usize> {
        if long {
            let b = loca.get(i * 4..i * 4 + 4)?;
            Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        } else {
            let b = loca.get(i * 2..i * 2 + 2)?;
            Some(usize::from(u16::from_be_bytes([b[0], b[1]])) * 2)
        }
    };
    (0..usize::from(count))
        .map(|i| {
            let (start, end) = (offset(i), offset(i + 1));
            match (start, end) {
                (Some(s), Some(e)) if s <= e && e <= glyf_len => Ok((s, e)),
                _ => Err(EmbedError::Damaged("loca")),
            }
        })
        .collect()
}

/// Adds every glyph a substitution can produce from the kept ones, until nothing changes. Every
/// lookup counts, whatever its feature or context: a few glyphs too many cost little, one too
/// few draws nothing.
fn substitution_closure(gsub: &ttf_parser::opentype_layout::LayoutTable, keep: &mut BTreeSet<u16>) {
    use ttf_parser::gsub::SubstitutionSubtable as S;
    loop {
        let before = keep.len();
        let current: Vec<u16> = keep.iter().copied().collect();
        let covered = |coverage: ttf_parser::opentype_layout::Coverage| -> Vec<(u16, u16)> {
            current
                .iter()
                .filter_map(|&g| Some((g, coverage.get(GlyphId(g))?)))
                .collect()
        };
        let mut found = Vec::new();
        for lookup in gsub.lookups {
            for subtable in lookup.subtables.into_iter::<S>() {
                match subtable {
                    S::Single(single) => {
                        for (glyph, index) in covered(single.coverage()) {
                            match single {
                                ttf_parser::gsub::SingleSubstitution::Format1 { delta, .. } => {
                                    found.push((i32::from(glyph) + i32::from(delta)) as u16)
                                }
                                ttf_parser::gsub::SingleSubstitution::Format2 {
                                    substitutes,
                                    ..
                                } => found.extend(substitutes.get(index).map(|g| g.0)),
                            }
                        }
                    }
                    S::Multiple(multiple) => {
                        for (_, index) in covered(multiple.coverage) {
                            if let Some(sequence) = multiple.sequences.get(index) {
                                found.extend(sequence.substitutes.into_iter().map(|g| g.0));
                            }
                        }
                    }
                    S::Alternate(alternate) => {
                        for (_, index) in covered(alternate.coverage) {
                            if let Some(set) = alternate.alternate_sets.get(index) {
                                found.extend(set.alternates.into_iter().map(|g| g.0));
                            }
                        }
                    }
                    S::Ligature(ligature) => {
                        for (_, index) in covered(ligature.coverage) {
                            let Some(set) = ligature.ligature_sets.get(index) else {
                                continue;
                            };
                            for lig in set {
                                if lig.components.into_iter().all(|c| keep.contains(&c.0)) {
                                    found.push(lig.glyph.0);
                                }
                            }
                        }
                    }
                    S::ReverseChainSingle(reverse) => {
                        for (_, index) in covered(reverse.coverage) {
                            found.extend(reverse.substitutes.get(index).map(|g| g.0));
                        }
                    }
                    // Contextual lookups only call other lookups, which are all visited anyway.
                    S::Context(_) | S::ChainContext(_) => {}
                }
            }
        }
        keep.extend(found);
        if keep.len() == before {
            return;
        }
    }
}

/// Adds the components of composite glyphs (accented letters are often built from two).
fn composite_closure<'a>(
    keep: &mut BTreeSet<u16>,
    outline: &dyn Fn(u16) -> &'a [u8],
    count: u16,
) -> Result<(), EmbedError> {
    let mut pending: Vec<u16> = keep.iter().copied().collect();
    while let Some(glyph) = pending.pop() {
        if glyph >= count {
            keep.remove(&glyph);
            continue;
        }
        for component in components(outline(glyph)).ok_or(EmbedError::Damaged("glyf"))? {
            if component < count && keep.insert(component) {
                pending.push(component);
            }
        }
    }
    Ok(())
}

/// The glyph ids a composite glyph refers to (none for a simple or empty glyph).
fn components(data: &[u8]) -> Option<Vec<u16>> {
    let read = |at: usize| -> Option<u16> {
        let b = data.get(at..at + 2)?;
        Some(u16::from_be_bytes([b[0], b[1]]))
    };
    if data.is_empty() || (read(0)? as i16) >= 0 {
        return Some(Vec::new());
    }
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    let mut at = 10;
    let mut out = Vec::new();
    loop {
        let flags = read(at)?;
        out.push(read(at + 2)?);
        at += 4 + if flags & WORDS != 0 { 4 } else { 2 };
        at += if flags & SCALE != 0 {
            2
        } else if flags & XY_SCALE != 0 {
            4
        } else if flags & TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE == 0 {
            return Some(out);
        }
    }
}

/// Zeroes the metrics of glyphs that are not kept: they are never drawn, and runs of zeros
/// compress to almost nothing in the zip.
fn blank_metrics(hmtx: &mut [u8], long_metrics: u16, count: u16, keep: &BTreeSet<u16>) {
    let long_metrics = usize::from(long_metrics);
    for g in 0..usize::from(count) {
        if keep.contains(&(g as u16)) {
            continue;
        }
        // A glyph past the long metrics has only a side bearing (and the last advance).
        let range = if g < long_metrics {
            g * 4..g * 4 + 4
        } else {
            let at = long_metrics * 4 + (g - long_metrics) * 2;
            at..at + 2
        };
        if let Some(bytes) = hmtx.get_mut(range) {
            bytes.fill(0);
        }
    }
}

/// A `cmap` with a format 4 subtable for the Basic Multilingual Plane and, when needed, a
/// format 12 one for every character (both Windows Unicode, which Word and LibreOffice read).
fn cmap(mapped: &BTreeMap<char, u16>) -> Vec<u8> {
    let bmp: Vec<(u32, u16)> = mapped
        .iter()
        .map(|(&c, &g)| (c as u32, g))
        .filter(|(c, _)| *c < 0xFFFF)
        .collect();
    let format4 = format4(&bmp);
    let wide = mapped.keys().any(|&c| c as u32 > 0xFFFF);
    let mut subtables = vec![(1u16, format4)];
    if wide {
        let all: Vec<(u32, u16)> = mapped.iter().map(|(&c, &g)| (c as u32, g)).collect();
        subtables.push((10, format12(&all)));
    }
    let mut out = Vec::new();
    push16(&mut out, 0);
    push16(&mut out, subtables.len() as u16);
    let mut offset = 4 + 8 * subtables.len();
    for (encoding, data) in &subtables {
        push16(&mut out, 3);
        push16(&mut out, *encoding);
        push32(&mut out, offset as u32);
        offset += data.len();
    }
    for (_, data) in subtables {
        out.extend(data);
    }
    out
}

/// Segments of consecutive characters with consecutive glyphs, each as a delta.
fn format4(chars: &[(u32, u16)]) -> Vec<u8> {
    let mut segments: Vec<(u16, u16, u16)> = Vec::new(); // start, end, delta
    for &(c, g) in chars {
        let c = c as u16;
        let delta = g.wrapping_sub(c);
        match segments.last_mut() {
            Some((_, end, d)) if *end + 1 == c && *d == delta => *end = c,
            _ => segments.push((c, c, delta)),
        }
    }
    segments.push((0xFFFF, 0xFFFF, 1));
    let count = segments.len() as u16;
    let power = 1u16 << (15 - count.leading_zeros());
    let mut out = Vec::new();
    push16(&mut out, 4);
    push16(&mut out, 16 + 8 * count);
    push16(&mut out, 0);
    push16(&mut out, count * 2);
    push16(&mut out, power * 2);
    push16(&mut out, power.trailing_zeros() as u16);
    push16(&mut out, count * 2 - power * 2);
    for (_, end, _) in &segments {
        push16(&mut out, *end);
    }
    push16(&mut out, 0);
    for (start, _, _) in &segments {
        push16(&mut out, *start);
    }
    for (_, _, delta) in &segments {
        push16(&mut out, *delta);
    }
    for _ in &segments {
        push16(&mut out, 0);
    }
    out
}

fn format12(chars: &[(u32, u16)]) -> Vec<u8> {
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for &(c, g) in chars {
        match groups.last_mut() {
            Some((start, end, glyph)) if *end + 1 == c && *glyph + (c - *start) == u32::from(g) => {
                *end = c
            }
            _ => groups.push((c, c, u32::from(g))),
        }
    }
    let mut out = Vec::new();
    push16(&mut out, 12);
    push16(&mut out, 0);
    push32(&mut out, 16 + 12 * groups.len() as u32);
    push32(&mut out, 0);
    push32(&mut out, groups.len() as u32);
    for (start, end, glyph) in groups {
        push32(&mut out, start);
        push32(&mut out, end);
        push32(&mut out, glyph);
    }
    out
}

/// An sfnt file of `tables`, with table checksums and `head.checkSumAdjustment` set.
fn sfnt(tables: &BTreeMap<[u8; 4], Vec<u8>>) -> Vec<u8> {
    let count = tables.len() as u16;
    let power = 1u16 << (15 - count.leading_zeros());
    let mut out = Vec::new();
    push32(&mut out, 0x0001_0000);
    push16(&mut out, count);
    push16(&mut out, power * 16);
    push16(&mut out, power.trailing_zeros() as u16);
    push16(&mut out, count * 16 - power * 16);
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        push32(&mut out, checksum(data));
        push32(&mut out, offset as u32);
        push32(&mut out, data.len() as u32);
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for data in tables.values() {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn push16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_be_bytes());
}

fn push32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_be_bytes());
}

/// The font key of a subset: a GUID (`{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`) from its bytes.
pub(super) fn font_key(font: &[u8]) -> String {
    let digest = Sha256::digest(font);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02X}")).collect();
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Obfuscates (or, being a XOR, restores) a font with its key, per ECMA-376 Part 1 §17.8.1:
/// the key's 16 bytes are the GUID's hex digits read from the end, and they are XORed into
/// bytes 0–15 and again into bytes 16–31.
pub(super) fn obfuscate(font: &mut [u8], key: &str) {
    let digits: Vec<u8> = key
        .chars()
        .filter_map(|c| c.to_digit(16))
        .map(|d| d as u8)
        .collect();
    let bytes: Vec<u8> = digits
        .chunks(2)
        .map(|pair| pair[0] * 16 + pair.get(1).copied().unwrap_or(0))
        .rev()
        .collect();
    if bytes.len() != 16 {
        return;
    }
    for (i, byte) in font.iter_mut().take(32).enumerate() {
        *byte ^= bytes[i % 16];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/fonts/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn the_subset_draws_what_it_keeps_and_nothing_else() {
        let full = font("NotoSans-Regular.ttf");
        let chars: BTreeSet<char> = "Hé fi".chars().collect();
        let subset = subset(&full, &chars).unwrap();
        assert!(subset.len() < full.len() / 2, "{} bytes", subset.len());
        let small = ttf_parser::Face::parse(&subset, 0).unwrap();
        let big = ttf_parser::Face::parse(&full, 0).unwrap();
        assert_eq!(small.number_of_glyphs(), big.number_of_glyphs(), "ids kept");
        for c in "Hé fi".chars() {
            let glyph = small.glyph_index(c).unwrap();
            assert_eq!(Some(glyph), big.glyph_index(c), "{c}");
            assert_eq!(
                small.glyph_bounding_box(glyph),
                big.glyph_bounding_box(glyph)
            );
            assert_eq!(small.glyph_hor_advance(glyph), big.glyph_hor_advance(glyph));
        }
        assert_eq!(
            small.glyph_index('Z'),
            None,
            "unused characters leave the cmap"
        );
        let z = big.glyph_index('Z').unwrap();
        assert_eq!(small.glyph_bounding_box(z), None, "and their outlines go");
        let names: Vec<_> = small.names().into_iter().collect();
        assert!(
            names
                .iter()
                .any(|n| n.to_string().as_deref() == Some("Noto Sans")),
            "the font keeps its own name"
        );
        // The file's checksums add up, as the specification asks.
        assert_eq!(checksum(&subset), 0xB1B0_AFBA);
    }

    #[test]
    fn truetype_faces_keep_the_repertoire_and_cff_faces_only_what_is_used() {
        fn covers(font: &[u8]) -> impl Fn(char) -> bool + '_ {
            let face = ttf_parser::Face::parse(font, 0).unwrap();
            move |c| face.glyph_index(c).is_some()
        }
        let sans = font("NotoSans-Regular.ttf");
        let mut chars: BTreeSet<char> = "Hé".chars().collect();
        with_repertoire(&sans, &mut chars, covers(&sans));
        // A volunteer's name in Polish, Czech and Romanian, a Ukrainian and a Russian word.
        for c in "ŁłĘęřŘșȘțȚґҐїєЁё№€«»–—…\u{202F}".chars() {
            assert!(chars.contains(&c), "{c:?} in the repertoire");
        }
        assert!(chars.contains(&'H') && chars.contains(&'é'));
        // Only what the face has: Noto Sans has no Arabic letters.
        assert!(!chars.contains(&'ب'));
        let subset = subset(&sans, &chars).unwrap();
        let small = ttf_parser::Face::parse(&subset, 0).unwrap();
        let barred_l = small.glyph_index('ł').unwrap();
        assert!(small.glyph_bounding_box(barred_l).is_some(), "drawn");

        // No invisible format character unless the document uses it: mapped in every
        // Persian pack's faces, the joiners and direction marks drew the half-space as a box.
        let mut repertoire = BTreeSet::new();
        with_repertoire(&sans, &mut repertoire, covers(&sans));
        for c in repertoire {
            assert!(
                !crate::chars::is_default_ignorable(c) || ALWAYS.contains(&c),
                "{c:?} is invisible"
            );
        }

        let cjk = font("NotoSansCJKsc-Regular.otf");
        let mut chars: BTreeSet<char> = "中文".chars().collect();
        with_repertoire(&cjk, &mut chars, covers(&cjk));
        assert_eq!(chars, "中文".chars().collect());
    }

    #[test]
    fn arabic_keeps_its_contextual_forms() {
        let full = font("NotoNaskhArabic-Regular.ttf");
        let text = "بيت";
        let chars: BTreeSet<char> = text.chars().collect();
        let subset = subset(&full, &chars).unwrap();
        // Shaping with the subset gives the same glyphs as with the full font, none empty.
        let shape = |data: &[u8]| {
            let face = rustybuzz::Face::from_slice(data, 0).unwrap();
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str(text);
            let shaped = rustybuzz::shape(&face, &[], buffer);
            shaped
                .glyph_infos()
                .iter()
                .map(|g| g.glyph_id as u16)
                .collect::<Vec<_>>()
        };
        let glyphs = shape(&full);
        assert_eq!(shape(&subset), glyphs);
        let face = ttf_parser::Face::parse(&subset, 0).unwrap();
        for g in glyphs {
            assert!(
                face.glyph_bounding_box(GlyphId(g)).is_some(),
                "glyph {g} was emptied"
            );
        }
    }

    #[test]
    fn composite_glyphs_keep_their_components() {
        let data = [
            0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, // header: a composite
            0x00, 0x21, 0x00, 0x07, 0, 0, 0, 0, // words, more: glyph 7
            0x00, 0x08, 0x00, 0x09, 0, 0, 0, 0, // scale: glyph 9
        ];
        assert_eq!(components(&data), Some(vec![7, 9]));
        assert_eq!(components(&[]), Some(vec![]));
        assert_eq!(components(&[0xFF, 0xFF, 0, 0]), None, "truncated");
    }

    #[test]
    fn faces_without_outlines_are_refused_and_damage_is_an_error() {
        let mut otf = font("NotoSans-Regular.ttf");
        // Rename `glyf` so the face looks like one without outlines, then like a CFF one whose
        // table is not CFF.
        let at = otf.windows(4).position(|w| w == b"glyf").unwrap();
        otf[at..at + 4].copy_from_slice(b"XXXX");
        let chars = BTreeSet::from(['a']);
        assert_eq!(subset(&otf, &chars), Err(EmbedError::NotTrueType));
        otf[at..at + 4].copy_from_slice(b"CFF ");
        assert_eq!(subset(&otf, &chars), Err(EmbedError::Damaged("CFF ")));
        assert!(matches!(
            subset(b"nope", &chars),
            Err(EmbedError::Unreadable(_))
        ));
    }

    #[test]
    fn obfuscation_follows_the_specification() {
        // The key's bytes are the GUID's read from its end: 0xFF, 0xEE, 0xDD, 0xCC, ..., 0x00.
        let key = "{00112233-4455-6677-8899-AABBCCDDEEFF}";
        let mut data = vec![0u8; 40];
        obfuscate(&mut data, key);
        assert_eq!(data[0], 0xFF);
        assert_eq!(data[15], 0x00);
        assert_eq!(data[16], 0xFF);
        assert_eq!(data[3], 0xCC);
        assert!(data[32..].iter().all(|b| *b == 0), "only 32 bytes change");
        obfuscate(&mut data, key);
        assert!(data.iter().all(|b| *b == 0), "it undoes itself");
        let key = font_key(b"x");
        assert_eq!(key.len(), 38);
        assert_eq!(key, font_key(b"x"), "the key depends only on the font");
    }
}
