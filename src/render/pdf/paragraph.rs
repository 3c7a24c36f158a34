//! Setting one paragraph: break opportunities (UAX #14), hyphenation, total-fit breaking,
//! justification, and each line reordered for display (UAX #9) with its glyphs positioned.

use std::ops::Range;

use super::document::{Glyph, GlyphRun, LineBox, Rgb};
use super::fontset::{FaceId, FontSet};
use super::hyphenate::Hyphenation;
use super::kinsoku;
use super::linebreak::{self, INFINITE_PENALTY, Item, ItemKind, Params};
use super::shaping::ShapedParagraph;
use crate::chars::{is_invisible, is_joiner};

/// How a paragraph is set.
#[derive(Debug, Clone)]
pub(super) struct Setting {
    /// Width of the measure.
    pub width: f32,
    pub justify: bool,
    pub center: bool,
    pub hyphenate: Option<Hyphenation>,
    pub rtl: bool,
    pub color: Rgb,
    pub link_color: Rgb,
}

/// One line, with x relative to the measure's left edge and the baseline at y = 0.
#[derive(Debug, Clone)]
pub(super) struct SetLine {
    pub runs: Vec<GlyphRun>,
    /// Characters of the glyphs ([`Glyph::text`] indexes into it).
    pub text: String,
    pub links: Vec<(Range<f32>, String)>,
    pub info: LineBox,
    /// Whether the line ends in a hyphenation (a page should not end after it).
    pub hyphenated: bool,
    /// Whether the line ends inside a word too wide for the measure, cut as a last resort.
    pub forced: bool,
}

/// What an item stands for in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tag {
    Box,
    Space,
    Opportunity,
    Hyphen,
    /// A break inside a word wider than the measure (see [`FORCED_PENALTY`]).
    Forced,
    /// The gap between two characters of which one is wide (Chinese): justification widens
    /// it, and it is a break when kinsoku allows one there.
    Gap,
    End,
}

const HYPHEN_PENALTY: f32 = 250.0;
/// A name is hyphenated only when its paragraph cannot be set within the tolerance at all
/// (see [`Hyphenation`]), and then only where that saves a line whose spaces would be three
/// times their width (its 16 000 000 demerits are those of a line of ratio 4.2).
const NAME_HYPHEN_PENALTY: f32 = 4_000.0;
/// A break after an en or em dash (TeX's \exhyphenpenalty).
const DASH_PENALTY: f32 = 50.0;
/// A word wider than the measure (a long URL, a 90-letter compound) may break anywhere
/// between two clusters, or it would run off the page: a last resort, costlier than any other
/// break. After `/`, `.` or `@` (or before a `-`, never after one: pdftotext drops a
/// line-final hyphen-minus) the break costs less, so URLs and addresses split where a reader
/// expects.
const FORCED_PENALTY: f32 = 5_000.0;
const FORCED_PREFERRED_PENALTY: f32 = 1_000.0;
/// Interword glue: TeX's proportions (stretch ½, shrink ⅓ of the space).
const STRETCH: f32 = 0.5;
const SHRINK: f32 = 1.0 / 3.0;
/// A justified line whose spaces would be more than twice their width (a name that must not
/// be hyphenated, a long word after a short line) reads as a river. What the spaces would take
/// beyond this goes between the letters instead, as letter spacing, up to [`MAX_TRACKING`].
const MAX_SPACE_RATIO: f32 = 2.0;
/// Letter spacing a loose line may take, in ems: 3.5 % is below what a reader notices in one
/// line, and what book typesetters allow for the same cure.
const MAX_TRACKING: f32 = 0.035;

struct Items {
    items: Vec<Item>,
    /// Byte range of the text each item covers (a penalty's range is empty).
    ranges: Vec<Range<usize>>,
    tags: Vec<Tag>,
}

/// Sets `shaped` into lines.
pub(super) fn set(
    fonts: &FontSet<'_>,
    shaped: &ShapedParagraph<'_>,
    setting: &Setting,
) -> Vec<SetLine> {
    let text = shaped.styled.text.as_str();
    if shaped.runs.is_empty() {
        return Vec::new();
    }
    let widths = cumulative_widths(shaped);
    let items = build_items(fonts, shaped, setting, &widths);
    let width = setting.width;
    let breaks = if setting.justify {
        linebreak::total_fit(&items.items, &|_| width, &Params::default())
    } else {
        linebreak::first_fit(&items.items, &|_| width)
    };

    let mut lines = Vec::with_capacity(breaks.len());
    let mut first = 0;
    for (index, brk) in breaks.iter().enumerate() {
        let last_line = index + 1 == breaks.len();
        // Discardable items at the start of a line are dropped.
        while first < brk.item && items.tags[first] != Tag::Box {
            first += 1;
        }
        let start = items.ranges[first].start;
        let end = items.ranges[brk.item].start;
        let hyphenated = items.tags[brk.item] == Tag::Hyphen;
        let ratio = if last_line {
            brk.ratio.min(0.0)
        } else {
            brk.ratio
        };
        let justified = setting.justify && !last_line;
        let mut glue = Vec::new();
        // What the spaces would take beyond `MAX_SPACE_RATIO`, to go between letters.
        let mut excess = 0.0;
        for i in first..brk.item {
            if let ItemKind::Glue {
                stretch, shrink, ..
            } = items.items[i].kind
            {
                let width = items.items[i].width;
                let mut delta = if ratio >= 0.0 {
                    ratio * stretch
                } else {
                    ratio * shrink
                };
                let limit = (MAX_SPACE_RATIO - 1.0) * width;
                // The gaps between Chinese characters (no width, empty range) are what
                // justifies such a line: they keep their share.
                let space = !items.ranges[i].is_empty();
                if justified && space && delta > limit {
                    excess += delta - limit;
                    delta = limit;
                }
                glue.push((items.ranges[i].clone(), width, delta));
            }
        }
        let justified = justified && !glue.is_empty();
        let mut line = assemble(
            fonts,
            shaped,
            setting,
            start..end.max(start),
            hyphenated,
            &glue,
            justified,
            excess,
            text,
        );
        line.forced = items.tags[brk.item] == Tag::Forced;
        lines.push(line);
        first = brk.item + 1;
    }
    lines
}

/// `widths[i]` is the advance of everything before byte `i`, in logical order.
fn cumulative_widths(shaped: &ShapedParagraph<'_>) -> Vec<f32> {
    let len = shaped.styled.text.len();
    let mut at = vec![0.0f32; len + 1];
    for run in &shaped.runs {
        for glyph in &run.glyphs {
            at[glyph.cluster] += glyph.advance;
        }
    }
    let mut sum = 0.0;
    let mut widths = Vec::with_capacity(len + 1);
    for w in at {
        widths.push(sum);
        sum += w;
    }
    widths
}

fn is_space(ch: char) -> bool {
    ch == ' '
}

fn is_no_break_space(ch: char) -> bool {
    ch == '\u{00A0}'
}

fn run_at(shaped: &ShapedParagraph<'_>, offset: usize) -> Option<usize> {
    let i = shaped.runs.partition_point(|r| r.range.end <= offset);
    (i < shaped.runs.len() && shaped.runs[i].range.contains(&offset)).then_some(i)
}

/// Whether some glyph starts exactly at `offset`, i.e. a break there cuts no cluster.
fn is_cluster_start(shaped: &ShapedParagraph<'_>, offset: usize) -> bool {
    run_at(shaped, offset).is_some_and(|r| {
        let glyphs = &shaped.runs[r].glyphs;
        let i = glyphs.partition_point(|g| g.cluster < offset);
        glyphs.get(i).is_some_and(|g| g.cluster == offset)
    })
}

/// Indices of the glyphs of `glyphs` (sorted by cluster) whose cluster is in `range`.
fn glyphs_in(glyphs: &[super::shaping::ShapedGlyph], range: &Range<usize>) -> Range<usize> {
    let start = glyphs.partition_point(|g| g.cluster < range.start);
    let end = glyphs.partition_point(|g| g.cluster < range.end);
    start..end.max(start)
}

/// The glyph drawn at a hyphenation break: the face's soft-hyphen glyph, so extraction gives
/// back U+00AD (which readers drop when joining lines), else its hyphen-minus.
fn hyphen_glyph(fonts: &FontSet<'_>, face: FaceId) -> Option<(u16, i32, &'static str)> {
    fonts
        .glyph(face, '\u{00AD}')
        .map(|(id, advance)| (id, advance, "\u{00AD}"))
        .or_else(|| {
            fonts
                .glyph(face, '-')
                .map(|(id, advance)| (id, advance, "-"))
        })
}

fn hyphen_width(fonts: &FontSet<'_>, size: f32, face: FaceId) -> f32 {
    hyphen_glyph(fonts, face).map_or(0.0, |(_, advance, _)| {
        advance as f32 * size / fonts.units_per_em(face)
    })
}

fn build_items(
    fonts: &FontSet<'_>,
    shaped: &ShapedParagraph<'_>,
    setting: &Setting,
    widths: &[f32],
) -> Items {
    let text = shaped.styled.text.as_str();
    let mut opportunities = kinsoku::opportunities(text);
    // A short link (an e-mail, a handle) stays on the line of the word before it: no break
    // right before it, so “E-mail: fsb@fsb.ru” is never split after the label.
    let link_starts: Vec<usize> = shaped
        .styled
        .spans
        .iter()
        .filter(|s| {
            s.link.is_some() && widths[s.range.end] - widths[s.range.start] < setting.width / 3.0
        })
        .map(|s| s.range.start)
        .collect();
    opportunities.retain(|&i| {
        !link_starts
            .iter()
            .any(|&l| l >= i && text[i..l].chars().all(is_invisible))
    });
    let hyphen_points = setting
        .hyphenate
        .as_ref()
        .map(|h| hyphenation_points(shaped, h))
        .unwrap_or_default();

    let mut out = Items {
        items: Vec::new(),
        ranges: Vec::new(),
        tags: Vec::new(),
    };
    let push = |out: &mut Items, item: Item, range: Range<usize>, tag: Tag| {
        out.items.push(item);
        out.ranges.push(range);
        out.tags.push(tag);
    };
    let width = |r: &Range<usize>| widths[r.end] - widths[r.start];
    let gap = |breakable: bool| {
        let em = shaped.size;
        Item::glue(
            0.0,
            em * kinsoku::GAP_STRETCH,
            em * kinsoku::GAP_SHRINK,
            breakable,
        )
    };
    let flush = |out: &mut Items, start: &mut usize, at: usize| {
        if *start < at {
            let range = *start..at;
            if widths[range.end] - widths[range.start] > setting.width {
                split_overwide(out, shaped, widths, range);
            } else {
                out.items
                    .push(Item::boxed(widths[range.end] - widths[range.start]));
                out.ranges.push(range);
                out.tags.push(Tag::Box);
            }
        }
        *start = at;
    };

    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut box_start = 0;
    let mut i = 0;
    let mut previous: Option<char> = None;
    while i < chars.len() {
        let (offset, ch) = chars[i];
        let after_space = previous.is_some_and(|p| is_space(p) || is_no_break_space(p));
        if offset > 0 && !after_space {
            // No break after a hyphen-minus: pdftotext takes a line-final `-` for a
            // hyphenation and drops it (“Будь-якому” would come back as “Будьякому”).
            let after_hyphen = previous.is_some_and(|p| matches!(p, '-' | '\u{2010}'));
            let wide_gap = !is_space(ch)
                && !is_no_break_space(ch)
                && !is_invisible(ch)
                && previous.is_some_and(|p| kinsoku::is_gap(p, ch));
            let opportunity = opportunities.binary_search(&offset).is_ok() && !after_hyphen;
            if wide_gap && (opportunity || is_cluster_start(shaped, offset)) {
                flush(&mut out, &mut box_start, offset);
                push(&mut out, gap(opportunity), offset..offset, Tag::Gap);
            } else if opportunity {
                flush(&mut out, &mut box_start, offset);
                let dash = previous.is_some_and(|p| matches!(p, '\u{2013}' | '\u{2014}'));
                let cost = if dash { DASH_PENALTY } else { 0.0 };
                push(
                    &mut out,
                    Item::penalty(0.0, cost, dash),
                    offset..offset,
                    Tag::Opportunity,
                );
            } else if let Ok(found) = hyphen_points.binary_search_by_key(&offset, |p| p.0) {
                flush(&mut out, &mut box_start, offset);
                let run = run_at(shaped, chars[i - 1].0).map(|r| &shaped.runs[r]);
                let w = run.map_or(0.0, |run| hyphen_width(fonts, run.size, run.face));
                let item = if hyphen_points[found].1 {
                    Item::last_resort_penalty(w, NAME_HYPHEN_PENALTY, true)
                } else {
                    Item::penalty(w, HYPHEN_PENALTY, true)
                };
                push(&mut out, item, offset..offset, Tag::Hyphen);
            }
        }
        if is_space(ch) || is_no_break_space(ch) {
            flush(&mut out, &mut box_start, offset);
            let mut j = i + 1;
            if is_space(ch) {
                while j < chars.len() && is_space(chars[j].1) {
                    j += 1;
                }
            }
            let end = chars.get(j).map_or(text.len(), |c| c.0);
            let range = offset..end;
            let w = width(&range);
            let breakable = is_space(ch) && opportunities.binary_search(&end).is_ok();
            push(
                &mut out,
                Item::glue(w, w * STRETCH, w * SHRINK, breakable),
                range,
                Tag::Space,
            );
            box_start = end;
            previous = Some(chars[j - 1].1);
            i = j;
            continue;
        }
        if !is_invisible(ch) {
            previous = Some(ch);
        }
        i += 1;
    }
    flush(&mut out, &mut box_start, text.len());
    let end = text.len();
    push(
        &mut out,
        Item::glue(0.0, 1e6, 0.0, false),
        end..end,
        Tag::End,
    );
    push(
        &mut out,
        Item::penalty(0.0, -INFINITE_PENALTY, false),
        end..end,
        Tag::End,
    );
    out
}

/// A word wider than the measure as boxes with a [`Tag::Forced`] break between every two
/// clusters (grapheme clusters as the shaper formed them), so that every character is on
/// the page.
fn split_overwide(
    out: &mut Items,
    shaped: &ShapedParagraph<'_>,
    widths: &[f32],
    range: Range<usize>,
) {
    let text = shaped.styled.text.as_str();
    let mut start = range.start;
    let mut previous: Option<char> = None;
    for (at, ch) in text[range.clone()].char_indices() {
        let at = range.start + at;
        let breakable = at > start
            && is_cluster_start(shaped, at)
            && !previous.is_some_and(|p| matches!(p, '-' | '\u{2010}'))
            && !is_invisible(ch);
        if breakable {
            out.items.push(Item::boxed(widths[at] - widths[start]));
            out.ranges.push(start..at);
            out.tags.push(Tag::Box);
            let preferred = previous.is_some_and(|p| matches!(p, '/' | '.' | '@')) || ch == '-';
            let cost = if preferred {
                FORCED_PREFERRED_PENALTY
            } else {
                FORCED_PENALTY
            };
            out.items.push(Item::penalty(0.0, cost, false));
            out.ranges.push(at..at);
            out.tags.push(Tag::Forced);
            start = at;
        }
        if !is_invisible(ch) {
            previous = Some(ch);
        }
    }
    out.items
        .push(Item::boxed(widths[range.end] - widths[start]));
    out.ranges.push(start..range.end);
    out.tags.push(Tag::Box);
}

/// Hyphenation points of the paragraph's words (byte offsets), outside links, where a break
/// cuts no cluster and both halves are in the same run; with whether the word is a name.
fn hyphenation_points(
    shaped: &ShapedParagraph<'_>,
    hyphenation: &Hyphenation,
) -> Vec<(usize, bool)> {
    let text = shaped.styled.text.as_str();
    let mut points = Vec::new();
    let mut word_start: Option<usize> = None;
    let consider = |start: usize, end: usize, points: &mut Vec<(usize, bool)>| {
        let in_link = shaped
            .styled
            .spans
            .iter()
            .any(|s| s.link.is_some() && s.range.start < end && start < s.range.end);
        if in_link {
            return;
        }
        let word = &text[start..end];
        let ordinary = hyphenation.points(word).into_iter().map(|p| (p, false));
        let names = hyphenation.name_points(word).into_iter().map(|p| (p, true));
        for (p, name) in ordinary.chain(names) {
            let at = start + p;
            if is_cluster_start(shaped, at) && run_at(shaped, at) == run_at(shaped, at - 1) {
                points.push((at, name));
            }
        }
    };
    for (offset, ch) in text.char_indices() {
        if ch.is_alphabetic() || ch == '\u{00AD}' {
            word_start.get_or_insert(offset);
        } else if let Some(start) = word_start.take() {
            consider(start, offset, &mut points);
        }
    }
    if let Some(start) = word_start {
        consider(start, text.len(), &mut points);
    }
    points
}

/// A glyph placed on the line, before regrouping into runs.
struct Placed {
    /// Logical order: shaping run, then the glyph's characters, then glyph index in the run
    /// (a cluster's glyphs are in drawing order, and a Devanagari vowel sign drawn before its
    /// consonant comes after it in the text).
    key: (usize, usize, usize),
    /// The piece of one shaping run inside one directional run that the glyph belongs to.
    segment: usize,
    cluster: usize,
    face: FaceId,
    size: f32,
    span: usize,
    id: u16,
    x: f32,
    rise: f32,
    advance: f32,
    chars: Range<usize>,
    mirrored: Option<char>,
}

#[allow(clippy::too_many_arguments)]
fn assemble(
    fonts: &FontSet<'_>,
    shaped: &ShapedParagraph<'_>,
    setting: &Setting,
    line: Range<usize>,
    hyphenated: bool,
    glue: &[(Range<usize>, f32, f32)],
    justified: bool,
    excess: f32,
    text: &str,
) -> SetLine {
    let mut placed: Vec<Placed> = Vec::new();
    // Per segment: where it starts in the text, and whether it runs right to left.
    let mut segments: Vec<(usize, bool)> = Vec::new();
    let mut pen = 0.0f32;
    // The last visible character, after which a hyphen is drawn.
    let last_char = text[line.clone()]
        .char_indices()
        .rev()
        .find(|(_, c)| !is_invisible(*c))
        .map(|(i, _)| line.start + i);
    // Gaps between characters (empty ranges) widen before the character at their offset.
    let gaps: Vec<(usize, f32)> = glue
        .iter()
        .filter(|(r, _, _)| r.is_empty())
        .map(|(r, _, delta)| (r.start, *delta))
        .collect();
    let gap_before = |cluster: usize| {
        gaps.binary_search_by_key(&cluster, |g| g.0)
            .map_or(0.0, |i| gaps[i].1)
    };
    let extra_for = |offset: usize| -> f32 {
        glue.iter()
            .find(|(r, _, _)| r.contains(&offset))
            .map_or(0.0, |(r, _, delta)| {
                delta / text[r.clone()].chars().count().max(1) as f32
            })
    };

    if !line.is_empty() {
        let (levels, visual) = shaped.bidi.visual_runs(line.clone());
        for range in visual {
            let rtl = levels[range.start].is_rtl();
            // Runs are in text order: the ones overlapping `range` are found by search.
            let first = shaped.runs.partition_point(|r| r.range.end <= range.start);
            let mut order: Vec<usize> = (first..shaped.runs.len())
                .take_while(|&r| shaped.runs[r].range.start < range.end)
                .filter(|&r| range.start < shaped.runs[r].range.end)
                .collect();
            if rtl {
                order.reverse();
            }
            for r in order {
                let run = &shaped.runs[r];
                let segment = segments.len();
                segments.push((range.start.max(run.range.start), rtl));
                let mut indices: Vec<usize> = glyphs_in(&run.glyphs, &range).collect();
                if rtl {
                    indices.reverse();
                }
                let hyphen_here = hyphenated
                    && last_char.is_some_and(|c| run.range.contains(&c) && range.contains(&c));
                let hyphen = hyphen_here.then(|| hyphen_glyph(fonts, run.face)).flatten();
                let place_hyphen = |pen: &mut f32, placed: &mut Vec<Placed>| {
                    if let Some((id, advance, _)) = hyphen {
                        let advance = advance as f32 * run.size / fonts.units_per_em(run.face);
                        placed.push(Placed {
                            key: (r, usize::MAX, usize::MAX),
                            segment,
                            cluster: usize::MAX,
                            face: run.face,
                            size: run.size,
                            span: run.span,
                            id,
                            x: *pen,
                            rise: 0.0,
                            advance,
                            chars: usize::MAX..usize::MAX,
                            mirrored: None,
                        });
                        *pen += advance;
                    }
                };
                if rtl {
                    place_hyphen(&mut pen, &mut placed);
                }
                let first_placed = placed.len();
                for g in indices {
                    let glyph = &run.glyphs[g];
                    // A cluster's gap goes before it in logical order: left of its first glyph
                    // left to right, right of it right to left.
                    let opens_cluster = g == 0 || run.glyphs[g - 1].cluster != glyph.cluster;
                    let gap = if opens_cluster {
                        gap_before(glyph.cluster)
                    } else {
                        0.0
                    };
                    if !rtl {
                        pen += gap;
                    }
                    let advance = glyph.advance + extra_for(glyph.cluster);
                    placed.push(Placed {
                        key: (r, glyph.chars.start, g),
                        segment,
                        cluster: glyph.cluster,
                        face: run.face,
                        size: run.size,
                        span: run.span,
                        id: glyph.id,
                        x: pen + glyph.x_offset,
                        rise: glyph.y_offset,
                        advance,
                        chars: glyph.chars.clone(),
                        mirrored: glyph.mirrored,
                    });
                    pen += advance;
                    if rtl {
                        pen += gap;
                    }
                }
                if rtl {
                    // Positions are final: now put each cluster's own glyphs base first, as
                    // extractors attach a combining mark to the character shown just before it.
                    // A joiner is no mark: HarfBuzz puts ZWJ in the cluster of the letter before
                    // it, and in the order of the letter's script (Latin inside a right-to-left
                    // override keeps it after the letter), so it is drawn by where its character
                    // is: left of the letters before it, which a reader reversing the run then
                    // reads first ("en\u{200D}tière" read "enntière", then "e\u{200D}ntière").
                    let mut start = first_placed;
                    while start < placed.len() {
                        let mut end = start + 1;
                        while end < placed.len() && placed[end].cluster == placed[start].cluster {
                            end += 1;
                        }
                        placed[start..end].reverse();
                        let joiner = |p: &Placed| {
                            text.get(p.chars.clone())
                                .is_some_and(|t| !t.is_empty() && t.chars().all(is_joiner))
                        };
                        if end - start > 1 && placed[start..end].iter().any(joiner) {
                            let cluster: Vec<Placed> = placed.drain(start..end).collect();
                            let (joiners, others): (Vec<Placed>, Vec<Placed>) =
                                cluster.into_iter().partition(joiner);
                            let first = others
                                .iter()
                                .filter(|p| !p.chars.is_empty())
                                .map(|p| p.chars.start)
                                .min();
                            let mut units: Vec<(usize, Vec<Placed>)> = joiners
                                .into_iter()
                                .map(|p| (p.chars.start, vec![p]))
                                .collect();
                            units.push((first.unwrap_or(0), others));
                            // Right to left: the last character's glyphs are drawn first.
                            units.sort_by_key(|u| std::cmp::Reverse(u.0));
                            placed.splice(start..start, units.into_iter().flat_map(|u| u.1));
                        }
                        start = end;
                    }
                } else {
                    place_hyphen(&mut pen, &mut placed);
                }
            }
        }
    }

    let respaced = track(&mut placed, &segments, glue, text, excess, shaped.size);
    pen += respaced.added;

    let width = pen;
    let offset = if setting.center {
        (setting.width - width) / 2.0
    } else if setting.rtl && !justified {
        setting.width - width
    } else {
        0.0
    };

    // Text goes into the line in logical order; glyphs stay in visual order within their run,
    // which is what text extractors expect (poppler builds words left to right).
    let mut logical: Vec<usize> = (0..placed.len()).collect();
    logical.sort_by_key(|&i| placed[i].key);
    let mut line_text = String::new();
    let mut ranges = vec![0..0; placed.len()];
    for i in logical {
        let p = &placed[i];
        let start = line_text.len();
        if p.chars.start == usize::MAX {
            line_text.push_str(hyphen_glyph(fonts, p.face).map_or("-", |h| h.2));
        } else if let Some(mirror) = p.mirrored {
            line_text.push(mirror);
        } else {
            // The joiners stay: copying روزنامه‌نگار must give its ZWNJ back.
            line_text.extend(
                text[p.chars.clone()]
                    .chars()
                    .filter(|&c| !is_invisible(c) || is_joiner(c)),
            );
        }
        ranges[i] = start..line_text.len();
    }

    // One glyph run per segment, left to right, glyphs too. A right-to-left run is marked as
    // such, so a reader can restore the logical order without guessing at the levels of
    // neutral characters (the writer wraps it in a `ReversedChars` marked-content sequence).
    let mut runs: Vec<(usize, GlyphRun)> = Vec::new();
    let mut links: Vec<(Range<f32>, String)> = Vec::new();
    let mut current: Option<usize> = None;
    for (p, text_range) in placed.into_iter().zip(ranges) {
        let span = &shaped.styled.spans[p.span];
        let color = if span.link.is_some() {
            setting.link_color
        } else {
            setting.color
        };
        let glyph = Glyph {
            id: p.id,
            x: p.x + offset,
            rise: p.rise,
            advance: p.advance,
            text: text_range,
            mirrored: p.mirrored.is_some(),
        };
        if let Some(uri) = &span.link {
            let (x0, x1) = (offset + p.x, offset + p.x + p.advance);
            match links.last_mut() {
                Some((range, last)) if last == uri => {
                    range.start = range.start.min(x0);
                    range.end = range.end.max(x1);
                }
                _ => links.push((x0..x1, uri.clone())),
            }
        }
        if current != Some(p.segment) {
            let (start, rtl) = segments[p.segment];
            runs.push((
                start,
                GlyphRun {
                    font: p.face,
                    size: p.size,
                    color,
                    baseline: 0.0,
                    rtl,
                    glyphs: Vec::new(),
                    tag: None,
                },
            ));
            current = Some(p.segment);
        }
        runs.last_mut().expect("pushed above").1.glyphs.push(glyph);
    }
    let runs: Vec<GlyphRun> = runs.into_iter().map(|(_, run)| run).collect();

    let spaces = text[line.clone()]
        .chars()
        .filter(|&c| is_space(c) || is_no_break_space(c))
        .count();
    // Spaces only: the gaps between Chinese characters have no natural width.
    let first_space = glue.iter().find(|(r, _, _)| !r.is_empty());
    let natural_space = first_space.map_or(0.0, |(r, w, _)| {
        w / text[r.clone()].chars().count().max(1) as f32
    });
    let set_space = natural_space
        + first_space.map_or(0.0, |(r, _, _)| extra_for(r.start))
        + respaced.per_space;
    let info = LineBox {
        paragraph: 0,
        baseline: 0.0,
        x: offset..offset + width,
        measure: 0.0..setting.width,
        font_size: shaped.size,
        justified,
        spaces,
        natural_space,
        set_space,
        tracking: respaced.tracking,
    };
    SetLine {
        runs,
        text: line_text,
        links,
        info,
        hyphenated,
        forced: false,
    }
}

/// What [`track`] added to a line.
struct Respaced {
    /// Total width added.
    added: f32,
    /// Letter spacing added after each cluster.
    tracking: f32,
    /// Width added to each space character, when letter spacing could not take it all.
    per_space: f32,
}

/// Puts `excess` (the width the spaces of a loose line would take beyond
/// [`MAX_SPACE_RATIO`]) between the letters of its left-to-right runs, up to [`MAX_TRACKING`]
/// ems a gap, and what is left back into the spaces. Gaps are between clusters, so marks stay
/// on their bases; right-to-left runs are left alone, as Arabic letters join.
fn track(
    placed: &mut [Placed],
    segments: &[(usize, bool)],
    glue: &[(Range<usize>, f32, f32)],
    text: &str,
    excess: f32,
    size: f32,
) -> Respaced {
    if excess <= 0.0 || placed.is_empty() {
        return Respaced {
            added: 0.0,
            tracking: 0.0,
            per_space: 0.0,
        };
    }
    let in_glue =
        |p: &Placed| p.cluster != usize::MAX && glue.iter().any(|(r, _, _)| r.contains(&p.cluster));
    let gap_after = |i: usize, placed: &[Placed]| -> bool {
        let (a, b) = (&placed[i], &placed[i + 1]);
        a.segment == b.segment
            && !segments[a.segment].1
            && a.cluster != b.cluster
            && !in_glue(a)
            && !in_glue(b)
    };
    let gaps = (0..placed.len() - 1)
        .filter(|&i| gap_after(i, placed))
        .count();
    let space_chars: usize = glue
        .iter()
        .map(|(r, _, _)| text[r.clone()].chars().count())
        .sum();
    let tracking = if gaps > 0 {
        (excess / gaps as f32).min(MAX_TRACKING * size)
    } else {
        0.0
    };
    let leftover = excess - tracking * gaps as f32;
    let per_space = if space_chars > 0 {
        leftover / space_chars as f32
    } else {
        0.0
    };
    let mut shift = 0.0;
    for i in 0..placed.len() {
        placed[i].x += shift;
        let mut extra = 0.0;
        if i + 1 < placed.len() && gap_after(i, placed) {
            extra += tracking;
        }
        if in_glue(&placed[i]) {
            extra += per_space;
        }
        placed[i].advance += extra;
        shift += extra;
    }
    Respaced {
        added: shift,
        tracking,
        per_space,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{FaceStyle, FontLibrary};
    use crate::render::pdf::shaping::{Origin, Span, StyledText, shape};
    use std::path::Path;

    fn lines(text: &str, width: f32, justify: bool) -> Vec<SetLine> {
        lines_in("en", &[], text, width, justify)
    }

    fn lines_in(
        locale: &str,
        names: &[&str],
        text: &str,
        width: f32,
        justify: bool,
    ) -> Vec<SetLine> {
        let library =
            FontLibrary::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts")).unwrap();
        let fonts = FontSet::new(&library, &["Noto Sans".into()], locale).unwrap();
        let styled = StyledText {
            text: text.to_owned(),
            spans: vec![Span {
                range: 0..text.len(),
                style: FaceStyle::Regular,
                link: None,
            }],
        };
        let shaped = shape(
            &fonts,
            &styled,
            10.0,
            false,
            Origin {
                locale,
                message: "m",
            },
        )
        .unwrap();
        let setting = Setting {
            width,
            justify,
            center: false,
            hyphenate: Some(Hyphenation::for_locale(locale).with_names(names.iter().copied())),
            rtl: false,
            color: Rgb(0.0, 0.0, 0.0),
            link_color: Rgb(0.0, 0.0, 1.0),
        };
        set(&fonts, &shaped, &setting)
    }

    const TEXT: &str = "The designation effectively bans the organisation’s activities in Russia, \
        exposing anyone affiliated with, supporting, or even disseminating information from the \
        organisation to significant risks of administrative liability and prosecution.";

    #[test]
    fn justified_lines_fill_the_measure_and_the_last_does_not() {
        let set = lines(TEXT, 200.0, true);
        assert!(set.len() > 3);
        for line in &set[..set.len() - 1] {
            assert!(line.info.justified);
            assert!((line.info.x.end - 200.0).abs() < 0.05, "{:?}", line.info.x);
        }
        let last = set.last().unwrap();
        assert!(!last.info.justified && last.info.x.end < 200.0);
    }

    #[test]
    fn a_loose_line_spaces_its_letters_a_little_instead_of_opening_rivers() {
        // A name that may not be hyphenated leaves the line before it short: without letter
        // spacing its three spaces would be several times their width.
        let name = "Internationalisationsbeauftragter";
        let text = format!("We wrote to the {name} today.");
        let mut tracked = 0;
        for width in (150..=230).step_by(5) {
            let set = lines_in("en", &[name], &text, width as f32, true);
            for line in set.iter().filter(|l| l.info.justified) {
                assert!(
                    (line.info.x.end - width as f32).abs() < 0.05,
                    "{:?}",
                    line.info
                );
                assert!(line.info.tracking <= MAX_TRACKING * 10.0 + 1e-4);
                if line.info.tracking > 0.0 {
                    tracked += 1;
                }
                // Spaces go past twice their width only when the letters took all they may.
                if line.info.tracking < MAX_TRACKING * 10.0 - 1e-4 {
                    assert!(line.info.space_ratio() <= MAX_SPACE_RATIO + 1e-3, "{width}");
                }
            }
            let joined = set.iter().map(|l| l.text.as_str()).collect::<Vec<_>>();
            // A name may still be hyphenated as a last resort (`NAME_HYPHEN_PENALTY`).
            assert_eq!(joined.join(" ").replace("\u{ad} ", ""), text);
        }
        assert!(tracked > 0, "no width made a loose line");
    }

    #[test]
    fn a_hyphenated_line_ends_in_a_soft_hyphen_and_the_text_is_whole() {
        let set = lines(TEXT, 150.0, true);
        assert!(
            set.iter()
                .any(|l| l.hyphenated && l.text.ends_with('\u{00AD}'))
        );
        let joined: String = set
            .iter()
            .map(|l| l.text.replace('\u{00AD}', ""))
            .collect::<Vec<_>>()
            .join(" ");
        let words = |s: &str| {
            s.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
                .concat()
        };
        assert_eq!(words(&joined), words(TEXT));
    }

    const RUSSIAN: &str = "Обсерватория получила информацию о том, что российские власти \
        признали Amnesty International, известную международную правозащитную организацию, \
        «нежелательной организацией». В последние годы Amnesty International проделала \
        важнейшую работу по документированию военных преступлений и преступлений против \
        человечности, совершённых российскими вооружёнными силами в Украине. Признание \
        организации «нежелательной» фактически означает запрет деятельности Amnesty \
        International в России и подвергает любого, кто связан с организацией, поддерживает её \
        или даже распространяет исходящую от неё информацию, серьёзному риску административной \
        ответственности и уголовного преследования.";

    const GERMAN: &str = "Die Beobachtungsstelle wurde darüber informiert, dass die russischen \
        Behörden Amnesty International, eine renommierte internationale \
        Menschenrechtsorganisation, zur „unerwünschten Organisation“ erklärt haben. In den \
        vergangenen Jahren hat Amnesty International wichtige Arbeit bei der Dokumentation \
        von Kriegsverbrechen und Verbrechen gegen die Menschlichkeit geleistet, die von den \
        russischen Streitkräften in der Ukraine begangen wurden, und die Unterdrückung \
        Andersdenkender in Russland offen angeprangert.";

    /// The word a hyphenated line ends in, without its hyphen.
    fn last_word(line: &SetLine) -> &str {
        let text = line.text.trim_end_matches('\u{00AD}');
        text.rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
    }

    #[test]
    fn no_ladders_no_stubs_and_no_latin_word_hyphenated_in_russian() {
        let mut hyphenated = 0;
        for (locale, text) in [("ru", RUSSIAN), ("de", GERMAN), ("en", TEXT)] {
            for step in 0..24 {
                let width = 200.0 + 12.0 * step as f32;
                let set = lines_in(locale, &["Amnesty International"], text, width, true);
                let flags: Vec<bool> = set.iter().map(|l| l.hyphenated).collect();
                hyphenated += flags.iter().filter(|&&h| h).count();
                assert!(
                    !flags.windows(3).any(|w| w.iter().all(|&h| h)),
                    "{locale} at {width}pt: three hyphenated lines in a row:\n{}",
                    set.iter()
                        .map(|l| format!("{:.2} {}", l.info.space_ratio(), l.text))
                        .collect::<Vec<_>>()
                        .join("\n")
                );
                // At a narrow measure a stub may be the price of spaces not stretched to
                // several times their width (the emergency pass); at a book's measure, never.
                if let [.., penultimate, last] = &set[..]
                    && width >= 300.0
                {
                    let stub = last.info.x.end - last.info.x.start < width / 3.0;
                    assert!(
                        !(penultimate.hyphenated && stub),
                        "{locale} at {width}pt: the paragraph ends in a stub `{}`",
                        last.text
                    );
                }
                for line in set.iter().filter(|l| l.hyphenated) {
                    let word = last_word(line);
                    assert!(
                        !word.starts_with(|c: char| c.is_ascii_alphabetic() && locale == "ru"),
                        "{locale} at {width}pt: a Latin word is hyphenated: {}",
                        line.text
                    );
                }
            }
        }
        assert!(hyphenated > 50, "{hyphenated}");
    }

    #[test]
    fn no_break_spaces_and_hyphens_hold_words_together() {
        for width in [60.0, 80.0, 100.0, 120.0] {
            for line in lines(
                "Fines of 15\u{00A0}000 roubles, a full-scale war, 19\u{202F}May",
                width,
                true,
            ) {
                assert!(
                    !line.text.ends_with("15") && !line.text.starts_with("000"),
                    "{}",
                    line.text
                );
                assert!(!line.text.ends_with("full-"), "{}", line.text);
                assert!(!line.text.starts_with("May"), "{}", line.text);
            }
        }
    }
}
