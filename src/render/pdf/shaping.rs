//! Itemising a paragraph (style, bidi level, font by coverage) and shaping it with rustybuzz.

use std::ops::Range;

use unicode_bidi::{Level, ParagraphBidiInfo};

use super::fontset::{FaceId, FontSet};
use crate::chars::is_invisible;
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
    let mut span_index = 0;
    let mut run_start = 0;

    for (offset, ch) in styled.text.char_indices() {
        while styled.spans[span_index].range.end <= offset {
            span_index += 1;
        }
        if is_invisible(ch) {
            continue;
        }
        let span = &styled.spans[span_index];
        let level = bidi.levels[offset];
        let face = fonts
            .face_for(ch, span.style, current.map(|c| c.0))
            .ok_or_else(|| RenderError::MissingGlyph {
                locale: origin.locale.to_owned(),
                message: origin.message.to_owned(),
                character: ch,
            })?;
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
    assign_chars(&mut glyphs, chars, range.end);
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
        let drawn_as_mirror = fonts
            .glyph(face, mirror)
            .is_some_and(|(id, _)| id == glyph.id)
            && fonts.glyph(face, ch).is_none_or(|(id, _)| id != glyph.id);
        if drawn_as_mirror {
            glyph.mirrored = Some(mirror);
        }
    }
}

/// The Bidi_Mirroring_Glyph of the paired punctuation the shipped texts use.
pub(super) fn mirrored(ch: char) -> Option<char> {
    Some(match ch {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => return None,
    })
}

/// Fills [`ShapedGlyph::chars`]. Clusters ascend in logical order.
fn assign_chars(glyphs: &mut [ShapedGlyph], chars: &[(usize, char)], end: usize) {
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
        if members.len() == stop - start {
            for (glyph, &(offset, ch)) in glyphs[start..stop].iter_mut().zip(members) {
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
}
