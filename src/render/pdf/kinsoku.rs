//! Chinese line breaking on top of UAX #14: kinsoku, breaks beside quotation marks, justification gaps.
//!
//! The rules are those of GB/T 15834 and the W3C's Requirements for Chinese Text Layout
//! (clreq, 3.1.7): a pause or stop mark, a closing quotation mark, bracket or title mark never
//! starts a line, and an opening one never ends a line. Justification widens the gaps between
//! characters on the ideographic em square, as there are no spaces to widen.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_width::UnicodeWidthChar;

use crate::chars::is_invisible;

/// How much a gap beside a wide character may stretch and shrink, in ems of the text. A
/// Chinese line has a gap at every character, so a little each fills the line: forty gaps
/// stretched to the tolerance take up two ems, more than a character pushed to the next line.
pub(super) const GAP_STRETCH: f32 = 0.05;
pub(super) const GAP_SHRINK: f32 = 0.02;

/// Characters that never start a line: pause and stop marks, closing quotation marks,
/// brackets and title marks, the ellipsis and the middle dot that joins the parts of a
/// foreign name.
pub(super) fn no_line_start(ch: char) -> bool {
    matches!(
        ch,
        '。' | '．'
            | '，'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '…'
            | '‥'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '］'
            | '｝'
            | '·'
            | '・'
            | '％'
    )
}

/// Characters that never end a line: opening quotation marks, brackets and title marks.
pub(super) fn no_line_end(ch: char) -> bool {
    matches!(
        ch,
        '“' | '‘'
            | '「'
            | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
    )
}

/// Whether `ch` is set on the ideographic em square (East Asian Width wide or full width):
/// Han, kana, Hangul, the CJK and full-width punctuation.
pub(super) fn is_wide(ch: char) -> bool {
    ch.width() == Some(2)
}

/// Whether justification may widen the gap between two neighbouring visible characters:
/// when either is wide. Latin words inside Chinese text keep their letters together and
/// widen only their spaces.
pub(super) fn is_gap(before: char, after: char) -> bool {
    is_wide(before) || is_wide(after)
}

/// The break opportunities of `text` (byte offsets, ascending, none at the end): UAX #14's,
/// less those kinsoku forbids, plus a break before an opening quotation mark that follows a
/// wide character and after a closing one that precedes one. UAX #14 before Unicode 15.1
/// never breaks beside `“ ” ‘ ’` (class QU, whose direction it does not know), which would
/// glue a whole quoted phrase to the character before it.
pub(super) fn opportunities(text: &str) -> Vec<usize> {
    let visible: Vec<(usize, char)> = text
        .char_indices()
        .filter(|&(_, c)| !is_invisible(c))
        .collect();
    // The visible characters before and from offset `at`.
    let around = |at: usize| {
        let i = visible.partition_point(|&(o, _)| o < at);
        (
            i.checked_sub(1).map(|i| visible[i].1),
            visible.get(i).map(|&(_, c)| c),
        )
    };
    let allowed = |at: usize| {
        let (before, after) = around(at);
        !before.is_some_and(no_line_end) && !after.is_some_and(no_line_start)
    };
    let mut out: Vec<usize> = linebreaks(text)
        .filter(|&(at, kind)| kind == BreakOpportunity::Allowed && at < text.len())
        .map(|(at, _)| at)
        .filter(|&at| allowed(at))
        .collect();
    for pair in visible.windows(2) {
        let [(_, before), (at, after)] = [pair[0], pair[1]];
        let quote = (matches!(after, '“' | '‘') && is_wide(before))
            || (matches!(before, '”' | '’') && is_wide(after));
        if quote && allowed(at) {
            out.push(at);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::fonts::{FaceStyle, FontLibrary};
    use crate::render::pdf::document::Rgb;
    use crate::render::pdf::fontset::FontSet;
    use crate::render::pdf::hyphenate::Hyphenation;
    use crate::render::pdf::paragraph::{SetLine, Setting, set};
    use crate::render::pdf::shaping::{Origin, Span, StyledText, shape};

    /// Where `text` may break, as the pieces between the breaks.
    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for at in opportunities(text).into_iter().chain([text.len()]) {
            out.push(&text[start..at]);
            start = at;
        }
        out
    }

    #[test]
    fn closing_punctuation_stays_with_the_character_before_and_opening_with_the_one_after() {
        assert_eq!(
            pieces("被列为“不受欢迎组织”，指控其（约合）。"),
            [
                "被",
                "列",
                "为",
                "“不",
                "受",
                "欢",
                "迎",
                "组",
                "织”，",
                "指",
                "控",
                "其",
                "（约",
                "合）。"
            ]
        );
        assert_eq!(pieces("《公约》第19条"), ["《公", "约》", "第", "19", "条"]);
        // The middle dot of a foreign name never starts a line.
        assert!(!opportunities("约翰·示例").contains(&"约翰".len()));
        // Latin text is left to UAX #14: no break inside words or beside its quotes.
        assert_eq!(
            pieces("an “undesirable” one"),
            ["an ", "“undesirable” ", "one"]
        );
    }

    #[test]
    fn isolation_marks_do_not_hide_the_neighbours() {
        // Fluent isolates placeables: the marks are invisible, the rules see through them.
        let text = "第\u{2068}1\u{2069}页，共\u{2068}2\u{2069}页";
        for at in opportunities(text) {
            let after = text[at..].chars().find(|c| !is_invisible(*c)).unwrap();
            assert!(!no_line_start(after), "{text:?} breaks before {after}");
        }
    }

    fn chinese_lines(text: &str, width: f32) -> Vec<SetLine> {
        let library =
            FontLibrary::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts")).unwrap();
        let fonts = FontSet::new(
            &library,
            &["Noto Sans CJK SC".into(), "Noto Sans".into()],
            "zh-Hans",
        )
        .unwrap();
        let styled = StyledText {
            text: text.to_owned(),
            spans: vec![Span {
                range: 0..text.len(),
                style: FaceStyle::Regular,
                link: None,
            }],
        };
        let origin = Origin {
            locale: "zh-Hans",
            message: "m",
        };
        let shaped = shape(&fonts, &styled, 10.0, false, origin).unwrap();
        let setting = Setting {
            width,
            justify: true,
            center: false,
            hyphenate: Some(Hyphenation::for_locale("zh-Hans")),
            rtl: false,
            color: Rgb(0.0, 0.0, 0.0),
            link_color: Rgb(0.0, 0.0, 1.0),
        };
        set(&fonts, &shaped, &setting)
    }

    const TEXT: &str = "2025年5月19日，示例共和国当局宣布Example International为“不受欢迎组织”，\
        指控其是“筹备全球项目的中心”并“为罪行辩护”。这一认定使任何与该组织有关联、支持该组织乃至传播\
        其信息的人面临行政责任和刑事追诉；根据《行政违法法典》第20.33条，罚款最高可达15,000卢布\
        （约合167欧元）。观察站敦促当局立即撤销这一决定，并在任何情况下尊重结社自由权，确保包括外国和\
        国际非政府组织在内的人权组织能够开展其合法活动，不受任何阻碍，亦无须担心遭到报复。";

    #[test]
    fn chinese_lines_obey_kinsoku_fill_the_measure_and_keep_every_character() {
        let mut justified = 0;
        for step in 0..30 {
            let width = 120.0 + 11.0 * step as f32;
            let set = chinese_lines(TEXT, width);
            assert!(set.len() > 1);
            for (i, line) in set.iter().enumerate() {
                let first = line.text.chars().next().unwrap();
                let last = line.text.chars().last().unwrap();
                assert!(
                    !no_line_start(first),
                    "{width}pt: a line starts with {first}: {}",
                    line.text
                );
                assert!(
                    !no_line_end(last),
                    "{width}pt: a line ends with {last}: {}",
                    line.text
                );
                assert!(!line.hyphenated, "{width}pt: Chinese is never hyphenated");
                if i + 1 < set.len() {
                    // Justified by the gaps between characters: flush right, not ragged.
                    assert!(line.info.justified, "{width}pt: {}", line.text);
                    assert!(
                        (line.info.x.end - width).abs() < 0.05,
                        "{width}pt: {} ends at {:?}",
                        line.text,
                        line.info.x
                    );
                    justified += 1;
                }
                // Gaps stay narrow: a tenth of an em where a line is all Han, at most 0.35 em
                // at a page's measure (0.45 em at a narrow one) in the worst lines, which hold
                // a Latin name that breaks only at its space.
                let most = if width >= 250.0 { 3.5 } else { 4.5 };
                let mut glyphs: Vec<_> = line.runs.iter().flat_map(|r| &r.glyphs).collect();
                glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
                for pair in glyphs.windows(2) {
                    let gap = pair[1].x - (pair[0].x + pair[0].advance);
                    assert!(
                        gap < most + 0.01 && gap > -0.3,
                        "{width}pt: gap {gap} in {}",
                        line.text
                    );
                }
            }
            let joined: String = set.iter().map(|l| l.text.as_str()).collect();
            let words = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(words(&joined), words(TEXT), "{width}pt");
        }
        assert!(justified > 100, "{justified}");
    }
}
