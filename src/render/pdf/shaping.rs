//! Itemising a paragraph (style, bidi level, font by coverage) and shaping it with rustybuzz.

use std::ops::Range;

use unicode_bidi::{Level, ParagraphBidiInfo};

use super::fontset::{FaceId, FontSet};
use unicode_script::{Script, UnicodeScript};

use crate::chars::{is_invisible, is_joiner};
use crate::fonts::FaceStyle;
use crate::render::RenderError;

/// A paragraph's text with style spans, before shaping.
#[derive(Debug, Clone)]
pub(super) struct StyledText {
    /// Logical text, isolation marks included.
    pub text: String,
    /// Spans cover the text without gaps, in order.
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Span {
    pub range: Range<usize>,
    pub style: FaceStyle,
    pub link: Option<String>,
}

/// One glyph out of the shaper, in points.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ShapedGlyph {
    pub id: u16,
    /// Byte offset in the paragraph text of the cluster's first character.
    pub cluster: usize,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// The characters (byte range of the paragraph text) this glyph stands for when text is
    /// extracted: a cluster with as many glyphs as characters maps one to one, otherwise the
    /// first glyph carries the whole cluster and the others are empty.
    pub chars: Range<usize>,
    /// Set when a right-to-left run draws this character with its mirror image's glyph: the
    /// glyph then extracts as the mirrored character.
    pub mirrored: Option<char>,
}

/// Text of one face, span and bidi level, shaped.
#[derive(Debug, Clone)]
pub(super) struct ShapedRun {
    pub range: Range<usize>,
    pub face: FaceId,
    pub span: usize,
    /// Font size of the run: the paragraph's, times the face's size adjustment.
    pub size: f32,
    /// In logical order (the shaper's output reversed for right-to-left runs), sorted by
    /// cluster.
    pub glyphs: Vec<ShapedGlyph>,
}

#[derive(Debug)]
pub(super) struct ShapedParagraph<'t> {
    pub styled: &'t StyledText,
    pub size: f32,
    pub bidi: ParagraphBidiInfo<'t>,
    pub runs: Vec<ShapedRun>,
}

/// Where to report a character no font can draw.
#[derive(Debug, Clone, Copy)]
pub(super) struct Origin<'a> {
    pub locale: &'a str,
    pub message: &'a str,
}

pub(super) fn shape<'t>(
    fonts: &FontSet<'_>,
    styled: &'t StyledText,
    size: f32,
    rtl_base: bool,
    origin: Origin<'_>,
) -> Result<ShapedParagraph<'t>, RenderError> {
    let base = if rtl_base { Level::rtl() } else { Level::ltr() };
    let bidi = ParagraphBidiInfo::new(&styled.text, Some(base));
    let mut runs: Vec<ShapedRun> = Vec::new();
    // Characters of the run being collected, with their byte offsets.
    let mut pending: Vec<(usize, char)> = Vec::new();
    let mut current: Option<(FaceId, usize, Level)> = None;
    let mut run_start = 0;

    let drawn = drawn_chars(styled);
    let faces =
        choose_faces(fonts, styled, &drawn).map_err(|character| RenderError::MissingGlyph {
            locale: origin.locale.to_owned(),
            message: origin.message.to_owned(),
            character,
        })?;
    for (&(offset, ch, span_index), face) in drawn.iter().zip(faces) {
        // A joiner the face cannot draw is left out, as before the shaper got joiners.
        let Some(face) = face else { continue };
        let level = bidi.levels[offset];
        let key = (face, span_index, level);
        if current != Some(key) {
            if let Some((face, span, level)) = current {
                runs.push(shape_run(
                    fonts,
                    &pending,
                    run_start..offset,
                    face,
                    span,
                    level,
                    size,
                ));
                run_start = offset;
            }
            pending.clear();
            current = Some(key);
        }
        pending.push((offset, ch));
    }
    if let Some((face, span, level)) = current {
        runs.push(shape_run(
            fonts,
            &pending,
            run_start..styled.text.len(),
            face,
            span,
            level,
            size,
        ));
    }
    // A character the cmap maps can still come out of the shaper as .notdef (a sequence the
    // font cannot compose): that is a missing glyph too, never a box on paper.
    for run in &runs {
        if let Some(glyph) = run.glyphs.iter().find(|g| g.id == 0) {
            let character = styled.text[glyph.cluster..]
                .chars()
                .next()
                .unwrap_or('\u{FFFD}');
            return Err(RenderError::MissingGlyph {
                locale: origin.locale.to_owned(),
                message: origin.message.to_owned(),
                character,
            });
        }
    }
    Ok(ShapedParagraph {
        styled,
        size,
        bidi,
        runs,
    })
}

/// The characters the shaper gets, with their byte offset and style span: everything but the
/// invisible characters, except the joiners, which decide how letters join.
fn drawn_chars(styled: &StyledText) -> Vec<(usize, char, usize)> {
    let mut span_index = 0;
    let mut out = Vec::with_capacity(styled.text.len());
    for (offset, ch) in styled.text.char_indices() {
        while styled.spans[span_index].range.end <= offset {
            span_index += 1;
        }
        if !is_invisible(ch) || is_joiner(ch) {
            out.push((offset, ch, span_index));
        }
    }
    out
}

/// The face of each drawn character, by script runs rather than character by character: a
/// run of one script (marks and joiners included) takes the first face that draws all of it,
/// and a run of characters of no script between spaces (a number such as `+32-2-555-01-23`,
/// `2026-03-03`) keeps the face before it if that face draws all of it, else takes the first
/// face that does, so a number never changes fonts inside itself. Only a run no single face
/// draws falls back character by character. `None` leaves out a joiner its face lacks; the
/// error is a character no face draws.
fn choose_faces(
    fonts: &FontSet<'_>,
    styled: &StyledText,
    drawn: &[(usize, char, usize)],
) -> Result<Vec<Option<FaceId>>, char> {
    let mut faces: Vec<Option<FaceId>> = Vec::with_capacity(drawn.len());
    let mut current: Option<FaceId> = None;
    let mut start = 0;
    while start < drawn.len() {
        let (_, first, span) = drawn[start];
        let style = styled.spans[span].style;
        let class = run_class(first);
        let mut end = start + 1;
        while end < drawn.len() {
            let (_, ch, next_span) = drawn[end];
            let continues = next_span == span
                && !ch.is_whitespace()
                && !first.is_whitespace()
                && (run_class(ch) == class || is_inherited(ch));
            if !continues {
                break;
            }
            end += 1;
        }
        let run: Vec<char> = drawn[start..end].iter().map(|&(_, c, _)| c).collect();
        let visible: Vec<char> = run.iter().copied().filter(|&c| !is_joiner(c)).collect();
        match fonts.face_for_run(&visible, style, current) {
            Some(face) => {
                for &c in &run {
                    let keep = !is_joiner(c) || fonts.covers(face, c);
                    faces.push(keep.then_some(face));
                }
                current = Some(face);
            }
            None => {
                for &c in &run {
                    let face = fonts.face_for(c, style, current);
                    match face {
                        Some(face) => current = Some(face),
                        None if is_joiner(c) => {}
                        None => return Err(c),
                    }
                    faces.push(face);
                }
            }
        }
        start = end;
    }
    Ok(faces)
}

/// A script run's class: its script, or `None` for characters of no script of their own.
fn run_class(ch: char) -> Option<Script> {
    match ch.script() {
        Script::Common | Script::Inherited => None,
        script => Some(script),
    }
}

/// Marks and joiners, which belong to the run they are in.
fn is_inherited(ch: char) -> bool {
    ch.script() == Script::Inherited || is_joiner(ch)
}

fn shape_run(
    fonts: &FontSet<'_>,
    chars: &[(usize, char)],
    range: Range<usize>,
    face: FaceId,
    span: usize,
    level: Level,
    size: f32,
) -> ShapedRun {
    let rtl = level.is_rtl();
    let size = size * fonts.size_adjust(face);
    let scale = size / fonts.units_per_em(face);
    // Words (and runs of spaces) are shaped one by one through the font set's cache: the
    // letters of a pack repeat the same words many times. Nothing the shipped scripts need
    // (joining, ligatures, marks, kerning) crosses a space.
    let mut glyphs: Vec<ShapedGlyph> = Vec::with_capacity(chars.len());
    let mut start = 0;
    while start < chars.len() {
        let space = chars[start].1 == ' ';
        let mut end = start + 1;
        while end < chars.len() && (chars[end].1 == ' ') == space {
            end += 1;
        }
        let segment = &chars[start..end];
        let word: String = segment.iter().map(|&(_, c)| c).collect();
        // Byte offset in `word` of each character, to map clusters back to the paragraph.
        let mut at = Vec::with_capacity(segment.len());
        let mut offset = 0;
        for &(_, c) in segment {
            at.push(offset);
            offset += c.len_utf8();
        }
        let shaped = fonts.shape_word(face, rtl, &word);
        let first = glyphs.len();
        glyphs.extend(shaped.iter().map(|g| {
            let index = at
                .partition_point(|&o| o < g.cluster as usize)
                .min(segment.len() - 1);
            ShapedGlyph {
                id: g.id,
                cluster: segment[index].0,
                advance: g.x_advance as f32 * scale,
                x_offset: g.x_offset as f32 * scale,
                y_offset: g.y_offset as f32 * scale,
                chars: 0..0,
                mirrored: None,
            }
        }));
        if rtl {
            // The shaper's order is visual: reversed, the word is in logical order.
            glyphs[first..].reverse();
        }
        start = end;
    }
    // Glyphs are found by binary search on their cluster (a long paragraph is one run of
    // many thousand glyphs): keep the logical order a fact, not an assumption about the
    // shaper. Stable, so a cluster's own glyphs keep their order.
    if !glyphs.is_sorted_by_key(|g| g.cluster) {
        glyphs.sort_by_key(|g| g.cluster);
    }
    assign_chars(fonts, face, &mut glyphs, chars, range.end);
    if rtl {
        mirror_chars(fonts, face, &mut glyphs, chars);
    }
    ShapedRun {
        range,
        face,
        span,
        size,
        glyphs,
    }
}

/// In right-to-left runs the shaper draws `(` with the glyph of `)`. That glyph must extract
/// as `)` everywhere (ToUnicode has one entry per glyph), so such a glyph is marked to stand
/// for the mirrored character: `chars` is emptied and `mirrored` set.
fn mirror_chars(
    fonts: &FontSet<'_>,
    face: FaceId,
    glyphs: &mut [ShapedGlyph],
    chars: &[(usize, char)],
) {
    for glyph in glyphs {
        let Ok(index) = chars.binary_search_by_key(&glyph.chars.start, |&(o, _)| o) else {
            continue;
        };
        let ch = chars[index].1;
        if glyph.chars.len() != ch.len_utf8() {
            continue;
        }
        let Some(mirror) = mirrored(ch) else { continue };
        // The shaper mirrors whenever the face maps the mirror image; the glyph may then be a
        // localised form of it (Noto Naskh Arabic draws Persian « » smaller, by `locl`), so
        // the test is only that the glyph is not the character's own.
        let drawn_as_mirror = fonts.glyph(face, mirror).is_some()
            && fonts.glyph(face, ch).is_none_or(|(id, _)| id != glyph.id);
        if drawn_as_mirror {
            glyph.mirrored = Some(mirror);
        }
    }
}

/// The character's Bidi_Mirroring_Glyph, from the Unicode data (every mirrored pair, not only
/// the brackets and quotes of the shipped texts).
pub(super) fn mirrored(ch: char) -> Option<char> {
    unicode_bidi_mirroring::get_mirrored(ch)
}

/// Fills [`ShapedGlyph::chars`]. Clusters ascend in logical order.
///
/// A cluster with as many glyphs as characters maps one to one, but the order of its glyphs is
/// not always that of its characters: a Devanagari pre-base vowel sign (ि in कि) is drawn
/// before its consonant, and in a right-to-left run of a left-to-right script (Latin inside an
/// override) HarfBuzz reverses whole clusters, keeping a letter before the joiner after it, so
/// reversing the glyphs put the joiner's glyph first. Zipped in glyph order, each glyph took its
/// neighbour's character, and ToUnicode, which has one text per glyph, gave the joiner's glyph
/// the letter's text everywhere ("en\u{200D}tière" read "enntière"). So a glyph that is the
/// face's own glyph of one of the cluster's characters stands for that character, and the
/// others (contextual forms) take the characters left, in order.
fn assign_chars(
    fonts: &FontSet<'_>,
    face: FaceId,
    glyphs: &mut [ShapedGlyph],
    chars: &[(usize, char)],
    end: usize,
) {
    let mut start = 0;
    while start < glyphs.len() {
        let cluster = glyphs[start].cluster;
        let mut stop = start + 1;
        while stop < glyphs.len() && glyphs[stop].cluster == cluster {
            stop += 1;
        }
        let next = glyphs.get(stop).map_or(end, |g| g.cluster);
        let first = chars.partition_point(|&(o, _)| o < cluster);
        let last = chars.partition_point(|&(o, _)| o < next);
        let members = &chars[first..last];
        if members.len() == 1 && stop - start == 1 {
            let (offset, ch) = members[0];
            glyphs[start].chars = offset..offset + ch.len_utf8();
        } else if members.len() == stop - start {
            let nominal: Vec<Option<u16>> = members
                .iter()
                .map(|&(_, ch)| fonts.glyph(face, ch).map(|(id, _)| id))
                .collect();
            let mut taken = vec![false; members.len()];
            let mut owner: Vec<Option<usize>> = glyphs[start..stop]
                .iter()
                .map(|g| {
                    let index =
                        (0..members.len()).find(|&m| !taken[m] && nominal[m] == Some(g.id))?;
                    taken[index] = true;
                    Some(index)
                })
                .collect();
            let mut free = (0..members.len()).filter(|&m| !taken[m]);
            for slot in owner.iter_mut().filter(|o| o.is_none()) {
                *slot = free.next();
            }
            for (glyph, index) in glyphs[start..stop].iter_mut().zip(owner) {
                let (offset, ch) = members[index.unwrap_or(0)];
                glyph.chars = offset..offset + ch.len_utf8();
            }
        } else {
            let to = members.last().map_or(cluster, |&(o, c)| o + c.len_utf8());
            glyphs[start].chars = cluster..to;
            for glyph in &mut glyphs[start + 1..stop] {
                glyph.chars = to..to;
            }
        }
        start = stop;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontLibrary;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn library() -> FontLibrary {
        FontLibrary::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts")).unwrap()
    }

    fn styled(text: &str) -> StyledText {
        StyledText {
            text: text.to_owned(),
            spans: vec![Span {
                range: 0..text.len(),
                style: FaceStyle::Regular,
                link: None,
            }],
        }
    }

    const ORIGIN: Origin<'static> = Origin {
        locale: "ar",
        message: "test",
    };

    #[test]
    fn latin_inside_arabic_falls_back_and_keeps_its_direction() {
        let library = library();
        let fonts = FontSet::new(
            &library,
            &["Noto Naskh Arabic".into(), "Noto Sans".into()],
            "ar",
        )
        .unwrap();
        let text = styled("البريد: \u{2068}fsb@fsb.ru\u{2069} (FSB)");
        let shaped = shape(&fonts, &text, 10.0, true, ORIGIN).unwrap();
        let family = |r: &ShapedRun| fonts.faces[r.face].family.clone();
        let latin = shaped
            .runs
            .iter()
            .find(|r| text.text[r.range.clone()].contains("fsb@"))
            .unwrap();
        assert_eq!(family(latin), "Noto Sans");
        assert!(shaped.bidi.levels[text.text.find('f').unwrap()].is_ltr());
        let arabic = &shaped.runs[0];
        assert_eq!(family(arabic), "Noto Naskh Arabic");
        // The isolates are never shaped.
        assert!(
            shaped
                .runs
                .iter()
                .flat_map(|r| &r.glyphs)
                .all(|g| { !text.text[g.chars.clone()].contains(['\u{2068}', '\u{2069}']) })
        );
    }

    #[test]
    fn brackets_drawn_mirrored_extract_as_their_mirror() {
        let library = library();
        let fonts = FontSet::new(
            &library,
            &["Noto Naskh Arabic".into(), "Noto Sans".into()],
            "ar",
        )
        .unwrap();
        let text = styled("روسيا (موسكو)");
        let shaped = shape(&fonts, &text, 10.0, true, ORIGIN).unwrap();
        let marked: Vec<(char, Option<char>)> = shaped
            .runs
            .iter()
            .flat_map(|r| &r.glyphs)
            .filter_map(|g| {
                text.text[g.chars.clone()]
                    .chars()
                    .next()
                    .map(|c| (c, g.mirrored))
            })
            .filter(|(c, _)| matches!(c, '(' | ')'))
            .collect();
        assert_eq!(marked, [('(', Some(')')), (')', Some('('))]);
    }

    #[test]
    fn a_character_no_face_has_is_reported() {
        let library = library();
        let fonts = FontSet::new(&library, &["Noto Sans".into()], "en").unwrap();
        let error = shape(
            &fonts,
            &styled("a 😀 b"),
            10.0,
            false,
            Origin {
                locale: "en",
                message: "m",
            },
        )
        .unwrap_err();
        assert!(matches!(
            error,
            RenderError::MissingGlyph {
                character: '😀',
                ..
            }
        ));
    }

    #[test]
    fn every_character_is_carried_once_in_logical_order() {
        let library = library();
        let fonts = FontSet::new(&library, &["Noto Naskh Arabic".into()], "ar").unwrap();
        let text = styled("الاتحاد يشكّل");
        let shaped = shape(&fonts, &text, 10.0, true, ORIGIN).unwrap();
        let texts: Vec<&str> = shaped.runs[0]
            .glyphs
            .iter()
            .map(|g| &text.text[g.chars.clone()])
            .collect();
        // Every character is carried by exactly one glyph, in logical order.
        assert_eq!(texts.concat(), text.text);
    }

    #[test]
    fn zwj_is_shaped_and_carried_by_a_glyph_of_its_own() {
        let library = library();
        let fonts = FontSet::new(&library, &["Noto Naskh Arabic".into()], "ar").unwrap();
        // The joiner asks for the joining form of a letter alone (ع‍ names the letter): HarfBuzz
        // puts it in the letter's cluster.
        let text = styled("حرف ع\u{200D} هنا");
        let shaped = shape(&fonts, &text, 10.0, true, ORIGIN).unwrap();
        let glyphs: Vec<&ShapedGlyph> = shaped.runs.iter().flat_map(|r| &r.glyphs).collect();
        let carried: String = glyphs.iter().map(|g| &text.text[g.chars.clone()]).collect();
        assert_eq!(carried, text.text);
        let zwj = fonts.glyph(0, '\u{200D}').unwrap().0;
        let ain = text.text.find('ع').unwrap();
        let carrier = glyphs
            .iter()
            .find(|g| g.id == zwj)
            .expect("the joiner is drawn");
        assert_eq!(&text.text[carrier.chars.clone()], "\u{200D}");
        // The ain takes its initial form, not its isolated one.
        let drawn = glyphs.iter().find(|g| g.chars.start == ain).unwrap();
        assert_ne!(Some(drawn.id), fonts.glyph(0, 'ع').map(|g| g.0));
    }

    #[test]
    fn a_number_stays_in_one_face() {
        let library = library();
        let fonts = FontSet::new(
            &library,
            &["Noto Naskh Arabic".into(), "Noto Sans".into()],
            "fa",
        )
        .unwrap();
        // Noto Naskh Arabic has the digits but not `+` or `-`: character by character, the
        // number would jump between the two faces (and their sizes).
        for number in ["+32-2-555-01-23", "2026-03-03", "15,000"] {
            let text = styled(&format!("تلفن {number} است"));
            let shaped = shape(&fonts, &text, 10.0, true, ORIGIN).unwrap();
            let at = text.text.find(number).unwrap();
            let range = at..at + number.len();
            let faces: BTreeSet<usize> = shaped
                .runs
                .iter()
                .filter(|r| r.range.start < range.end && range.start < r.range.end)
                .map(|r| r.face)
                .collect();
            assert_eq!(faces.len(), 1, "`{number}` is set in {faces:?}");
        }
    }

    #[test]
    fn zwnj_is_shaped_and_carried_by_a_glyph_of_its_own() {
        let library = library();
        let fonts = FontSet::new(&library, &["Noto Naskh Arabic".into()], "fa");
        let fonts = fonts.unwrap();
        let text = styled("روزنامه\u{200C}نگار");
        let shaped = shape(&fonts, &text, 10.0, true, ORIGIN).unwrap();
        let glyphs: Vec<&ShapedGlyph> = shaped.runs.iter().flat_map(|r| &r.glyphs).collect();
        let carried: String = glyphs.iter().map(|g| &text.text[g.chars.clone()]).collect();
        assert_eq!(carried, text.text);
        let zwnj = glyphs
            .iter()
            .find(|g| &text.text[g.chars.clone()] == "\u{200C}")
            .expect("a glyph carries the ZWNJ");
        assert_eq!(zwnj.advance, 0.0);
        // It breaks the joining: the heh before it takes its final form, unlike without it.
        let plain = styled("روزنامهنگار");
        let joined = shape(&fonts, &plain, 10.0, true, ORIGIN).unwrap();
        let ids = |s: &ShapedParagraph<'_>| -> Vec<u16> {
            s.runs
                .iter()
                .flat_map(|r| &r.glyphs)
                .map(|g| g.id)
                .filter(|&id| id != zwnj.id)
                .collect()
        };
        assert_ne!(ids(&shaped), ids(&joined));
    }
}
