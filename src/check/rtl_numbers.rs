//! Right-to-left numbers: digit groups joined by - / . : that UAX #9 would print out of order.
//!
//! In an Arabic or Persian paragraph the digits after an Arabic letter become Arabic numbers
//! (rule W2), a hyphen or plus between them stays neutral and takes the paragraph's direction:
//! `+32-2-555-01-23` reads `23-01-555-2-32+`, and `2026-03-03` reads `03-03-2026`. That is the
//! algorithm, and browsers and word processors do the same. A translator must isolate such a
//! number (LRI…PDI); the check finds the ones that are not isolated and would be reordered, by
//! running the bidi algorithm (unicode-bidi) on the message's text. A number the algorithm
//! keeps in order (`20.33`, `19/05/2025`: a single `.` or `/` between two Arabic numbers joins
//! them, rule W4) is left alone.

use std::ops::Range;

use fluent_syntax::ast::Pattern;
use unic_langid::CharacterDirection;
use unicode_bidi::{Level, ParagraphBidiInfo};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use super::text::characters_of;
use super::view::{EntryView, LocaleView};
use super::walk::{Event, walk};
use crate::diagnostic::{Code, Diagnostic};

/// Characters that join digit groups into one number.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '/' | '.' | ':')
}

fn is_digit(c: char) -> bool {
    c.general_category() == GeneralCategory::DecimalNumber
}

/// A message's text as Fluent prints it, as far as bidi is concerned: text, string literals
/// with their escapes resolved, and each other placeable as an isolate (Fluent isolates them).
/// `origin` gives, per character of `text`, its span in the file (`None` for a placeable).
struct Composed {
    text: String,
    origin: Vec<(usize, Option<Range<usize>>)>,
}

fn compose(entry: &EntryView, pattern: &Pattern<&str>) -> Composed {
    let mut composed = Composed {
        text: String::new(),
        origin: Vec::new(),
    };
    let push = |composed: &mut Composed, c: char, span: Option<Range<usize>>| {
        composed.origin.push((composed.text.len(), span));
        // A line break of a multiline pattern is a space when printed.
        composed.text.push(if c == '\n' { ' ' } else { c });
    };
    walk(pattern, &mut |event| match event {
        Event::Text(text) | Event::Literal(text) => {
            let base = entry.span_of(text).start;
            let literal = matches!(event, Event::Literal(_));
            for (at, c, len) in characters_of(text, literal) {
                push(&mut composed, c, Some(base + at..base + at + len));
            }
        }
        Event::Variable { .. } | Event::MessageRef { .. } | Event::TermRef { .. } => {
            push(&mut composed, '\u{2068}', None);
            push(&mut composed, '\u{FFFC}', None);
            push(&mut composed, '\u{2069}', None);
        }
        Event::Select { .. } => {}
    });
    composed
}

/// Byte ranges of `text` that are numbers of two or more digit groups joined by `-`, `/`,
/// `.` or `:`, with a leading `+`, outside any isolate.
fn unisolated_numbers(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        match c {
            '\u{2066}'..='\u{2068}' => depth += 1,
            '\u{2069}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || !is_digit(c) {
            i += 1;
            continue;
        }
        let start = if i > 0 && chars[i - 1].1 == '+' {
            i - 1
        } else {
            i
        };
        let mut end = i;
        let mut groups = 1;
        while end < chars.len() && is_digit(chars[end].1) {
            end += 1;
        }
        while end + 1 < chars.len() && is_joiner(chars[end].1) && is_digit(chars[end + 1].1) {
            end += 1;
            while end < chars.len() && is_digit(chars[end].1) {
                end += 1;
            }
            groups += 1;
        }
        if groups > 1 {
            let to = chars.get(end).map_or(text.len(), |&(o, _)| o);
            out.push(chars[start].0..to);
        }
        i = end.max(i + 1);
    }
    out
}

/// `range` of `text` in the order a reader sees it, left to right, in a right-to-left
/// paragraph (UAX #9, rules up to L2).
fn visual(bidi: &ParagraphBidiInfo<'_>, text: &str, range: &Range<usize>) -> String {
    let (levels, runs) = bidi.visual_runs(0..text.len());
    let mut out = String::new();
    for run in runs {
        let from = run.start.max(range.start);
        let to = run.end.min(range.end);
        if from >= to {
            continue;
        }
        let piece = &text[from..to];
        if levels[run.start].is_rtl() {
            out.extend(piece.chars().rev());
        } else {
            out.push_str(piece);
        }
    }
    out
}

/// Warnings for the numbers of a right-to-left locale that would print out of order.
pub(crate) fn check(view: &LocaleView) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if view.locale.langid.character_direction() != CharacterDirection::RTL {
        return out;
    }
    for entry in view.entries.values() {
        for pattern in entry.patterns() {
            let composed = compose(entry, pattern.pattern);
            if !composed.text.contains(|c: char| is_digit(c)) {
                continue;
            }
            let numbers = unisolated_numbers(&composed.text);
            if numbers.is_empty() {
                continue;
            }
            let bidi = ParagraphBidiInfo::new(&composed.text, Some(Level::rtl()));
            for number in numbers {
                let logical = &composed.text[number.clone()];
                let reads = visual(&bidi, &composed.text, &number);
                if reads == logical {
                    continue;
                }
                let span = span_of(&composed, &number);
                let about = &*pattern.name;
                let mut warning = view.warning(
                    Code::UnisolatedNumber,
                    format!("`{about}`: the number `{logical}` will read `{reads}` in right-to-left text"),
                    about,
                );
                if let Some(span) = span {
                    warning = warning.with_label(
                        entry.file_id(),
                        span,
                        format!("printed as `{reads}`, its groups in reverse order"),
                    );
                }
                out.push(warning.with_help(format!(
                    "isolate it as left to right: {{ \"\\u2066\" }}{logical}{{ \"\\u2069\" }}"
                )));
            }
        }
    }
    out
}

/// The file span of a range of the composed text, from its first to its last character.
fn span_of(composed: &Composed, range: &Range<usize>) -> Option<Range<usize>> {
    let mut spans = composed
        .origin
        .iter()
        .filter(|(at, _)| range.contains(at))
        .filter_map(|(_, span)| span.clone());
    let first = spans.next()?;
    let last = spans.next_back().unwrap_or_else(|| first.clone());
    Some(first.start..last.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads(text: &str) -> Vec<(String, String)> {
        let bidi = ParagraphBidiInfo::new(text, Some(Level::rtl()));
        unisolated_numbers(text)
            .into_iter()
            .map(|r| (text[r.clone()].to_owned(), visual(&bidi, text, &r)))
            .filter(|(logical, reads)| logical != reads)
            .collect()
    }

    #[test]
    fn hyphenated_numbers_after_arabic_letters_read_in_reverse_groups() {
        assert_eq!(
            reads("هاتف +32-2-555-01-23 للسفارة"),
            [("+32-2-555-01-23".into(), "23-01-555-2-32+".into())]
        );
        assert_eq!(
            reads("تاریخ ۲۰۲۶-۰۳-۰۳ است"),
            [("۲۰۲۶-۰۳-۰۳".into(), "۰۳-۰۳-۲۰۲۶".into())]
        );
    }

    #[test]
    fn numbers_the_algorithm_keeps_in_order_are_not_reported() {
        // A single common separator between Arabic numbers joins them (W4).
        assert!(reads("المادة 20.33 و 284.1").is_empty());
        assert!(reads("في 19/05/2025 الساعة 10:30").is_empty());
        // One group is no number to reorder; Latin context keeps European numbers in order.
        assert!(reads("عام 2025").is_empty());
        assert!(reads("(Tel. 2026-03-03)").is_empty());
    }

    #[test]
    fn isolated_numbers_are_left_alone() {
        assert!(reads("هاتف \u{2066}+32-2-555-01-23\u{2069} للسفارة").is_empty());
        assert!(reads("هاتف \u{2068}+32-2-555-01-23\u{2069}").is_empty());
    }
}
