//! From a model paragraph to Word runs: clean text, a direction per run, font fallback by coverage.
//!
//! Word and LibreOffice run their own bidi algorithm over the text, but neither can be relied on
//! to honour the Unicode isolates (U+2066–U+2069) that Fluent puts around placeables. So the
//! isolates are resolved here, deliberately:
//! - an isolate's direction is its first strong character's, or left to right when it has none
//!   (an FSI around a phone number or a date is an LRI, as UAX #9 says);
//! - an isolate whose direction differs from its surroundings is bracketed by a mark of its own
//!   direction (LRM/RLM), which makes leading and trailing neutrals such as the `@` of
//!   `@KremlinRussia_E` or the `+` of a phone number resolve inside it, so a contact in a
//!   right-to-left paragraph is one left-to-right run; an isolate of the surrounding direction
//!   needs nothing;
//! - outside those marks, marks of the surrounding direction, unless the text on both sides is
//!   of the isolate's direction: an isolate is neutral to its surroundings, and the inner marks
//!   alone would turn the comma between two numbers in Arabic left to right;
//! - the isolate characters themselves are dropped (Noto has no glyphs for them);
//! - the text is cut into runs of one direction: in a right-to-left paragraph, a stretch from a
//!   left-to-right letter to the last left-to-right letter before the next right-to-left one is a
//!   left-to-right run; the rest (Arabic, digits, neutrals) are right-to-left runs, which get
//!   `w:rtl` and complex-script formatting. Left-to-right paragraphs mirror this.
//!
//! Explicit embeddings and overrides (U+202A–U+202E) are dropped: their effect would leak into
//! the neighbouring text in Word, and the isolates already carry the structure.

use unicode_bidi::{BidiClass, bidi_class};

use crate::chars::is_invisible;
use crate::fonts::{FaceStyle, FontStack};
use crate::model::{Direction, Para};

/// A run: text of one style, one direction and one font.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub link: Option<String>,
    /// Right-to-left run: gets `w:rtl` and the complex-script font.
    pub rtl: bool,
    /// A family other than the paragraph default, for characters the default cannot draw.
    pub font: Option<String>,
}

/// The default families of a pack: Latin text and complex-script (right-to-left) text.
#[derive(Debug, Clone)]
pub(super) struct Families<'a> {
    pub stack: FontStack<'a>,
    pub latin: String,
    pub complex: String,
}

impl<'a> Families<'a> {
    /// Latin text takes the first family that draws Latin letters; complex-script text takes the
    /// locale's first family (Noto Naskh Arabic for `ar`).
    pub(super) fn new(stack: FontStack<'a>) -> Self {
        let name = |f: Option<&&crate::fonts::Family>| {
            f.map(|f| f.name.clone())
                .unwrap_or_else(|| "Noto Sans".into())
        };
        let latin = name(
            stack
                .families
                .iter()
                .find(|f| f.face(FaceStyle::Regular).covers('a')),
        );
        let complex = name(stack.families.first());
        Self {
            stack,
            latin,
            complex,
        }
    }

    /// The family a run uses unless its text needs another.
    pub(super) fn default_for(&self, rtl: bool) -> &str {
        if rtl { &self.complex } else { &self.latin }
    }
}

const LRM: char = '\u{200E}';
const RLM: char = '\u{200F}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Ltr,
    Rtl,
}

impl From<Direction> for Dir {
    fn from(d: Direction) -> Self {
        match d {
            Direction::Ltr => Dir::Ltr,
            Direction::Rtl => Dir::Rtl,
        }
    }
}

fn strong(c: char) -> Option<Dir> {
    match bidi_class(c) {
        BidiClass::L => Some(Dir::Ltr),
        BidiClass::R | BidiClass::AL => Some(Dir::Rtl),
        _ => None,
    }
}

fn is_isolate_open(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2068}')
}

const PDI: char = '\u{2069}';

/// A character and the inline it came from.
#[derive(Debug, Clone, Copy)]
struct Ch {
    c: char,
    inline: usize,
}

/// Text as it may appear in a Word run: characters XML 1.0 forbids, C1 controls, noncharacters
/// and explicit embeddings/overrides are dropped; tabs and line breaks become spaces (the model's
/// paragraphs flow). Isolates are kept for [`resolve_isolates`].
pub(super) fn clean_char(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
        '\u{202A}'..='\u{202E}' => None,
        c if c.is_control() => None,
        c if !super::xml::is_xml_char(c) => None,
        c if (c as u32) & 0xFFFE == 0xFFFE || ('\u{FDD0}'..='\u{FDEF}').contains(&c) => None,
        c => Some(c),
    }
}

/// Cleans plain text (titles, properties) the same way, with isolates dropped.
pub(super) fn clean_text(text: &str) -> String {
    text.chars()
        .filter_map(clean_char)
        .filter(|c| !crate::model::is_isolation_mark(*c))
        .collect()
}

/// Replaces isolates by direction marks where the direction changes (see the module docs).
fn resolve_isolates(chars: &[Ch], paragraph: Dir) -> Vec<Ch> {
    let mut out = Vec::with_capacity(chars.len());
    // Per open isolate: its direction, the marks it needs inside and outside.
    let mut stack: Vec<Isolate> = Vec::new();
    let push = |out: &mut Vec<Ch>, dir: Dir, inline: usize| {
        out.push(Ch {
            c: mark(dir),
            inline,
        })
    };
    for (i, ch) in chars.iter().enumerate() {
        if is_isolate_open(ch.c) {
            let enclosing = stack.last().map_or(paragraph, |s| s.dir);
            let dir = match ch.c {
                '\u{2066}' => Dir::Ltr,
                '\u{2067}' => Dir::Rtl,
                // UAX #9 (X5c, P3): an FSI without a strong character is an LRI, whatever
                // surrounds it. So `+32-2-555-01-23` or `2026-03-03` in Arabic text reads
                // left to right, as the PDF and browsers show it.
                _ => first_strong(&chars[i + 1..]).unwrap_or(Dir::Ltr),
            };
            let marked = dir != enclosing;
            // Outside, an isolate is a neutral: the text around it resolves as if it were not
            // there. Its inner marks would pull that text its way, so unless the text on both
            // sides is of the isolate's direction anyway, marks of the enclosing direction
            // stand outside them (a comma between two numbers in Arabic stays Arabic).
            let outer = marked
                && !(strong_before(chars, i, enclosing) == dir
                    && strong_after(chars, i, enclosing) == dir);
            if outer {
                push(&mut out, enclosing, ch.inline);
            }
            if marked {
                push(&mut out, dir, ch.inline);
            }
            stack.push(Isolate {
                dir,
                enclosing,
                marked,
                outer,
            });
        } else if ch.c == PDI {
            // An unmatched PDI is dropped.
            if let Some(isolate) = stack.pop() {
                isolate.close(&mut out, ch.inline, &push);
            }
        } else {
            out.push(*ch);
        }
    }
    // Isolates left open close at the end of the paragraph, as in the bidi algorithm.
    while let Some(isolate) = stack.pop() {
        if let Some(last) = out.last().copied() {
            isolate.close(&mut out, last.inline, &push);
        }
    }
    out
}

struct Isolate {
    dir: Dir,
    enclosing: Dir,
    marked: bool,
    outer: bool,
}

impl Isolate {
    fn close(&self, out: &mut Vec<Ch>, inline: usize, push: &dyn Fn(&mut Vec<Ch>, Dir, usize)) {
        if self.marked {
            push(out, self.dir, inline);
        }
        if self.outer {
            push(out, self.enclosing, inline);
        }
    }
}

/// The strong direction before the isolate opened at `open`, skipping other isolates (neutrals
/// from outside); the start of the text or of the enclosing isolate counts as `enclosing`.
fn strong_before(chars: &[Ch], open: usize, enclosing: Dir) -> Dir {
    let mut depth = 0usize;
    for ch in chars[..open].iter().rev() {
        if ch.c == PDI {
            depth += 1;
        } else if is_isolate_open(ch.c) {
            if depth == 0 {
                return enclosing;
            }
            depth -= 1;
        } else if depth == 0
            && let Some(dir) = strong(ch.c)
        {
            return dir;
        }
    }
    enclosing
}

/// The strong direction after the isolate opened at `open` closes, in the same way.
fn strong_after(chars: &[Ch], open: usize, enclosing: Dir) -> Dir {
    // Inside the isolate itself until its PDI, then at its level.
    let mut depth = 1usize;
    for ch in &chars[open + 1..] {
        if is_isolate_open(ch.c) {
            depth += 1;
        } else if ch.c == PDI {
            if depth == 0 {
                // The end of the enclosing isolate.
                return enclosing;
            }
            depth -= 1;
        } else if depth == 0
            && let Some(dir) = strong(ch.c)
        {
            return dir;
        }
    }
    enclosing
}

fn mark(dir: Dir) -> char {
    match dir {
        Dir::Ltr => LRM,
        Dir::Rtl => RLM,
    }
}

/// The first strong direction inside an isolate, skipping nested isolates (rule P2).
fn first_strong(chars: &[Ch]) -> Option<Dir> {
    let mut depth = 0usize;
    for ch in chars {
        if is_isolate_open(ch.c) {
            depth += 1;
        } else if ch.c == PDI {
            if depth == 0 {
                return None;
            }
            depth -= 1;
        } else if depth == 0
            && let Some(dir) = strong(ch.c)
        {
            return Some(dir);
        }
    }
    None
}

/// The direction of each character's run: foreign stretches run from a foreign strong
/// character to the last one before the next native strong character.
fn directions(chars: &[Ch], paragraph: Dir) -> Vec<Dir> {
    let mut dirs = vec![paragraph; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        match strong(chars[i].c) {
            Some(dir) if dir != paragraph => {
                let mut last = i;
                for (j, ch) in chars.iter().enumerate().skip(i) {
                    match strong(ch.c) {
                        Some(d) if d == paragraph => break,
                        Some(_) => last = j,
                        None => {}
                    }
                }
                dirs[i..=last].fill(dir);
                i = last + 1;
            }
            _ => i += 1,
        }
    }
    dirs
}

/// The runs of a paragraph laid out in `direction`.
pub(super) fn pieces(para: &Para, direction: Direction, families: &Families<'_>) -> Vec<Piece> {
    let paragraph = Dir::from(direction);
    let chars: Vec<Ch> = para
        .inlines
        .iter()
        .enumerate()
        .flat_map(|(inline, i)| {
            i.text
                .chars()
                .filter_map(clean_char)
                .map(move |c| Ch { c, inline })
        })
        .collect();
    let chars = resolve_isolates(&chars, paragraph);
    let dirs = directions(&chars, paragraph);

    // The family that draws each character; characters every font treats alike (spaces,
    // marks, joiners) take their neighbour's so they do not split runs.
    // The run's default family comes first (a `.` in an e-mail address stays in the Latin font
    // even though the Arabic face has one), then the stack in order.
    let mut fonts: Vec<Option<&str>> = chars
        .iter()
        .zip(&dirs)
        .map(|(ch, dir)| {
            if is_invisible(ch.c) || ch.c.is_whitespace() {
                return None;
            }
            let inline = &para.inlines[ch.inline];
            let style = FaceStyle::new(inline.strong, inline.emphasis);
            let default = families.default_for(*dir == Dir::Rtl);
            let preferred = families.stack.families.iter().find(|f| f.name == default);
            if preferred.is_some_and(|f| f.face(style).covers(ch.c)) {
                return Some(default);
            }
            families
                .stack
                .face_for(ch.c, style)
                .map(|face| face.family.as_str())
        })
        .collect();
    for i in 1..fonts.len() {
        if fonts[i].is_none() && dirs[i] == dirs[i - 1] {
            fonts[i] = fonts[i - 1];
        }
    }
    for i in (0..fonts.len().saturating_sub(1)).rev() {
        if fonts[i].is_none() && dirs[i] == dirs[i + 1] {
            fonts[i] = fonts[i + 1];
        }
    }

    let mut pieces: Vec<Piece> = Vec::new();
    let mut keys: Vec<(usize, Dir, Option<&str>)> = Vec::new();
    for (i, ch) in chars.iter().enumerate() {
        let inline = &para.inlines[ch.inline];
        let rtl = dirs[i] == Dir::Rtl;
        let font = fonts[i].filter(|f| *f != families.default_for(rtl));
        let key = (ch.inline, dirs[i], font);
        if keys.last() == Some(&key)
            && let Some(last) = pieces.last_mut()
        {
            last.text.push(ch.c);
            continue;
        }
        keys.push(key);
        pieces.push(Piece {
            text: ch.c.to_string(),
            strong: inline.strong,
            emphasis: inline.emphasis,
            link: inline
                .link
                .clone()
                .filter(|l| crate::model::is_safe_link(l)),
            rtl,
            font: font.map(str::to_owned),
        });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontLibrary;
    use crate::model::Inline;
    use std::path::Path;

    fn library() -> FontLibrary {
        FontLibrary::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts")).unwrap()
    }

    fn arabic(library: &FontLibrary) -> Families<'_> {
        Families::new(
            library
                .stack(&["Noto Naskh Arabic".into(), "Noto Sans".into()])
                .unwrap(),
        )
    }

    fn texts(pieces: &[Piece]) -> Vec<(String, bool)> {
        pieces.iter().map(|p| (p.text.clone(), p.rtl)).collect()
    }

    #[test]
    fn a_handle_in_arabic_keeps_its_at_sign_in_front() {
        let library = library();
        let link = Inline {
            link: Some("https://x.com/Kremlin.E".into()),
            ..Inline::plain("@Kremlin.E")
        };
        let para = Para {
            source: "channel-x".into(),
            inlines: vec![
                Inline::plain("إكس: \u{2068}"),
                link,
                Inline::plain("\u{2069}."),
            ],
        };
        let pieces = pieces(&para, Direction::Rtl, &arabic(&library));
        assert_eq!(
            texts(&pieces),
            [
                ("إكس: \u{200F}".to_owned(), true),
                ("\u{200E}".to_owned(), false),
                ("@Kremlin.E".to_owned(), false),
                ("\u{200E}".to_owned(), false),
                ("\u{200F}.".to_owned(), true),
            ]
        );
        assert_eq!(pieces[2].link.as_deref(), Some("https://x.com/Kremlin.E"));
        assert_eq!(
            pieces[0].font, None,
            "Arabic takes the complex-script default"
        );
        assert!(
            pieces.iter().all(|p| p.font.is_none()),
            "the handle stays in the Latin default: {pieces:?}"
        );
    }

    #[test]
    fn latin_words_inside_arabic_are_left_to_right_runs() {
        let library = library();
        let para = Para::plain("p", "منظمة Amnesty International (15,000) هي");
        let pieces = pieces(&para, Direction::Rtl, &arabic(&library));
        let texts = texts(&pieces);
        assert!(
            texts.contains(&("Amnesty International".to_owned(), false)),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|(t, rtl)| t.contains("15,000") && *rtl),
            "digits stay in the Arabic run: {texts:?}"
        );
    }

    #[test]
    fn english_text_is_one_run_without_marks() {
        let library = library();
        let families = Families::new(library.stack(&["Noto Sans".into()]).unwrap());
        let para = Para::plain("p", "Page \u{2068}3\u{2069} of \u{2068}9\u{2069}");
        assert_eq!(
            texts(&pieces(&para, Direction::Ltr, &families)),
            [("Page 3 of 9".to_owned(), false)]
        );
    }

    #[test]
    fn overrides_and_forbidden_characters_are_dropped_joiners_kept() {
        let library = library();
        let families = Families::new(library.stack(&["Noto Sans".into()]).unwrap());
        let para = Para::plain("p", "a\u{202E}b\u{1}c\u{200D}d <&]]>\u{FFFE}\te");
        assert_eq!(
            texts(&pieces(&para, Direction::Ltr, &families)),
            [("abc\u{200D}d <&]]> e".to_owned(), false)]
        );
    }

    #[test]
    fn a_phone_number_in_persian_is_one_left_to_right_run() {
        let library = library();
        let number = Inline {
            link: Some("tel:+3225550123".into()),
            ..Inline::plain("+32-2-555-01-23")
        };
        let para = Para {
            source: "channel-phone".into(),
            inlines: vec![
                Inline::plain("تلفن: \u{2068}"),
                number,
                Inline::plain("\u{2069}، \u{2068}2026-03-03\u{2069}"),
            ],
        };
        let pieces = pieces(&para, Direction::Rtl, &arabic(&library));
        assert_eq!(
            texts(&pieces),
            [
                ("تلفن: \u{200F}".to_owned(), true),
                ("\u{200E}".to_owned(), false),
                ("+32-2-555-01-23".to_owned(), false),
                ("\u{200E}".to_owned(), false),
                // Right-to-left marks keep the comma Arabic: the phone reads first (right).
                ("\u{200F}، \u{200F}".to_owned(), true),
                ("\u{200E}2026-03-03\u{200E}".to_owned(), false),
                ("\u{200F}".to_owned(), true),
            ]
        );
        assert!(pieces[2].font.is_none(), "one font: {pieces:?}");
    }

    #[test]
    fn a_number_between_latin_words_in_arabic_stays_in_their_run() {
        let library = library();
        let para = Para::plain("p", "نص Article \u{2068}5\u{2069} of Code نص");
        let texts = texts(&pieces(&para, Direction::Rtl, &arabic(&library)));
        assert_eq!(
            texts,
            [
                ("نص ".to_owned(), true),
                ("Article \u{200E}5\u{200E} of Code".to_owned(), false),
                (" نص".to_owned(), true)
            ]
        );
    }

    #[test]
    fn unbalanced_isolates_do_not_leak() {
        let library = library();
        let para = Para::plain("p", "\u{2069}نص \u{2068}abc");
        let texts = texts(&pieces(&para, Direction::Rtl, &arabic(&library)));
        assert_eq!(
            texts,
            [
                ("نص \u{200F}".to_owned(), true),
                ("\u{200E}abc\u{200E}".to_owned(), false),
                ("\u{200F}".to_owned(), true)
            ]
        );
    }
}
