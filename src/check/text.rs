//! Text: empty values, untranslated copies of the source, U+FFFD and control characters.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Pattern, PatternElement};

use super::view::{EntryView, LocaleView, Twin};
use super::walk::{Event, walk};
use crate::chars::is_suspicious;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

/// U+FFFD (error) and control or bidi-override characters (warning), anywhere in the locale's
/// text. Files that were not valid UTF-8 are skipped: the loader reported them, and their
/// U+FFFD are its replacements.
pub(crate) fn characters(view: &LocaleView, bad_utf8: &BTreeSet<FileId>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for entry in view
        .entries
        .values()
        .filter(|e| !bad_utf8.contains(&e.file_id()))
    {
        for pattern in entry.patterns().iter().filter(|p| p.summary.suspicious) {
            let mut reported: BTreeSet<char> = BTreeSet::new();
            walk(pattern.pattern, &mut |event| {
                let (Event::Text(text) | Event::Literal(text)) = event else {
                    return;
                };
                let base = entry.span_of(text).start;
                let literal = matches!(event, Event::Literal(_));
                // Patterns with nothing suspicious were skipped by their summary's byte test.
                if !text
                    .chars()
                    .any(|c| c == '\u{FFFD}' || is_suspicious(c) || (literal && c == '\\'))
                {
                    return;
                }
                for (at, c, len) in characters_of(text, literal) {
                    let code = if c == '\u{FFFD}' {
                        Code::ReplacementCharacter
                    } else if is_suspicious(c) {
                        Code::ControlCharacter
                    } else {
                        continue;
                    };
                    if !reported.insert(c) {
                        continue;
                    }
                    let span = base + at..base + at + len;
                    out.push(character_problem(view, entry, &pattern.name, code, c, span));
                }
            });
        }
    }
    out
}

fn character_problem(
    view: &LocaleView,
    entry: &EntryView,
    about: &str,
    code: Code,
    c: char,
    span: std::ops::Range<usize>,
) -> Diagnostic {
    if code == Code::ReplacementCharacter {
        return view
            .error(code, format!("`{about}` contains U+FFFD, the mark of text damaged by a wrong encoding"), about)
            .with_label(entry.file_id(), span, "replacement character")
            .with_help("retype the character that was lost; check the encoding of the file this text was copied from");
    }
    let (what, help) = describe(c);
    view.warning(
        code,
        format!("`{about}` contains U+{:04X}, {what}", c as u32),
        about,
    )
    .with_label(entry.file_id(), span, format!("U+{:04X}", c as u32))
    .with_help(help)
}

/// What a suspicious character is, and what to do about it.
fn describe(c: char) -> (&'static str, &'static str) {
    match c {
        '\u{202A}'..='\u{202E}' => (
            "a bidi embedding or override, which can reorder text invisibly",
            "remove it; for direction, Fluent already isolates placeables (U+2068/U+2069)",
        ),
        '\u{FEFF}' => (
            "a byte order mark in the middle of the text",
            "remove it: it is invisible, and usually comes from pasting two files together",
        ),
        _ => (
            "an invisible control character",
            "remove it: control characters are never printed",
        ),
    }
}

/// The same character checks on the manifest (`file`, holding `text`): its strings are
/// printed too (postal addresses, e-mail addresses), and a U+202E there reverses them in the
/// PDF as surely as in a translation. The whole text is scanned, comments included, with TOML's
/// `\uXXXX` escapes read as the characters they stand for; each character is reported once.
pub(crate) fn manifest(text: &str, file: FileId) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !text.contains(|c: char| c == '\\' || c == '\u{FFFD}' || is_suspicious(c)) {
        return out;
    }
    let mut reported: BTreeSet<char> = BTreeSet::new();
    for (at, c, len) in characters_of(text, true) {
        if !(is_suspicious(c) || c == '\u{FFFD}') || !reported.insert(c) {
            continue;
        }
        let name = format!("U+{:04X}", c as u32);
        let diagnostic = if c == '\u{FFFD}' {
            Diagnostic::error(
                Code::ReplacementCharacter,
                "the manifest contains U+FFFD, the mark of text damaged by a wrong encoding",
            )
            .with_label(file, at..at + len, "replacement character")
            .with_help("retype the character that was lost")
        } else {
            let (what, help) = describe(c);
            Diagnostic::warning(
                Code::ControlCharacter,
                format!("the manifest contains {name}, {what}"),
            )
            .with_label(file, at..at + len, name)
            .with_help(help)
        };
        out.push(diagnostic);
    }
    out
}

/// (byte offset, character, byte length in the source) of every character of a text; in a
/// string literal, `\uXXXX` escapes count as the character they stand for.
pub(super) fn characters_of(text: &str, literal: bool) -> Vec<(usize, char, usize)> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if literal && c == '\\' {
            let rest = &text[at + 1..];
            let (digits, len) = match rest.chars().next() {
                Some('u') => (rest.get(1..5), 6),
                Some('U') => (rest.get(1..7), 8),
                _ => (None, 0),
            };
            if let Some(c) = digits
                .and_then(|d| u32::from_str_radix(d, 16).ok())
                .and_then(char::from_u32)
            {
                out.push((at, c, len));
                for _ in 1..len {
                    iter.next();
                }
                continue;
            }
        }
        out.push((at, c, c.len_utf8()));
    }
    out
}

/// Empty translations of non-empty source text (errors), and translations identical to the
/// source (warnings), unless the text is a name or a label (see [`is_name_like`]). Messages in
/// `own_names` (the manifest's `language-name`) name the locale's language, so a copy of the
/// reference's is always flagged, unless both locales are the same language (`en-GB`).
pub(crate) fn compare(
    reference: &LocaleView,
    view: &LocaleView,
    twins: &[Twin],
    own_names: &[&str],
) -> Vec<Diagnostic> {
    let same_language = reference.locale.langid.language == view.locale.langid.language;
    let mut out = Vec::new();
    for &(entry, theirs) in twins {
        for pattern in entry.patterns() {
            let Some(reference_pattern) = theirs.pattern(pattern.attribute) else {
                continue;
            };
            let about = &*pattern.name;
            if is_empty(pattern.pattern) {
                if !is_empty(reference_pattern) {
                    out.push(
                        view.error(Code::EmptyValue, format!("`{about}` is empty"), about)
                            .with_label(entry.file_id(), pattern.span.clone(), "nothing would be printed")
                            .with_label(theirs.file_id(), theirs.span_of_pattern(pattern.attribute), "the reference has text")
                            .with_help("translate it; if your language needs nothing here, mark it `# allow(empty-value): <reason>`"),
                    );
                }
                continue;
            }
            let names_the_language = own_names.contains(&about) && !same_language;
            if pattern.pattern == reference_pattern
                && (names_the_language || !is_name_like(reference_pattern))
            {
                out.push(
                    view.warning(Code::Untranslated, format!("`{about}` is identical to the reference"), about)
                        .with_label(entry.file_id(), pattern.span.clone(), "same text as the source")
                        .with_help(format!(
                            "translate it; if it is right as it is, mark it with a comment line `# allow(untranslated): <reason>` above the {}",
                            if entry.is_term() { "term" } else { "message" }
                        )),
                );
            }
        }
    }
    out
}

impl EntryView<'_> {
    /// The span of the name of a value (`id`) or attribute, for labels.
    fn span_of_pattern(&self, attribute: Option<&str>) -> std::ops::Range<usize> {
        attribute
            .and_then(|a| self.attribute(a))
            .map_or(self.span.clone(), |a| self.span_of(a.id.name))
    }
}

/// Whether a pattern shows nothing: only blank text and empty string literals.
pub(crate) fn is_empty(pattern: &Pattern<&str>) -> bool {
    pattern.elements.iter().all(|element| match element {
        PatternElement::TextElement { value } => value.trim().is_empty(),
        PatternElement::Placeable { expression } => matches!(
            expression,
            fluent_syntax::ast::Expression::Inline(fluent_syntax::ast::InlineExpression::StringLiteral { value }) if value.trim().is_empty()
        ),
    })
}

/// The words of a pattern's own text (placeables left out).
pub(crate) fn words(pattern: &Pattern<&str>) -> Vec<String> {
    let mut text = String::new();
    walk(pattern, &mut |event| {
        if let Event::Text(t) | Event::Literal(t) = event {
            text.push_str(t);
            text.push(' ');
        }
    });
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 1)
        .map(str::to_owned)
        .collect()
}

/// Text that is legitimately the same in many languages: nothing to translate (only
/// placeables, numbers, punctuation, single letters like `X`), or a short name or label whose
/// every word is capitalised (`Amnesty International`, `Date`, `E-mail`).
pub(crate) fn is_name_like(pattern: &Pattern<&str>) -> bool {
    let words = words(pattern);
    if words.iter().all(|w| w.chars().count() < 2) {
        return true;
    }
    words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;
    use fluent_syntax::parser::parse;

    fn pattern_test(source: &str, f: impl FnOnce(&Pattern<&str>)) {
        let resource = parse(source).expect("valid");
        let Entry::Message(message) = &resource.body[0] else {
            panic!("not a message")
        };
        f(message.value.as_ref().unwrap());
    }

    #[test]
    fn names_and_labels_may_stay_the_same() {
        for (source, expected) in [
            ("m = Amnesty International\n", true),
            ("m = Date\n", true),
            ("m = E-mail: { $address }\n", true),
            ("m = X: { $handle }\n", true),
            ("m = { $name }, { $role }, { $contact }\n", true),
            ("m = Model letters\n", false),
            ("m = Page { $page } of { $pages }\n", false),
        ] {
            pattern_test(source, |p| {
                assert_eq!(is_name_like(p), expected, "{source}")
            });
        }
    }

    #[test]
    fn empty_patterns() {
        pattern_test("m = { \"\" }\n", |p| assert!(is_empty(p)));
        pattern_test("m = { \"\" } x\n", |p| assert!(!is_empty(p)));
        pattern_test("m = { $x }\n", |p| assert!(!is_empty(p)));
    }

    #[test]
    fn escapes_in_literals_are_decoded() {
        let found = characters_of("a\\u202Eb", true);
        assert_eq!(found[1], (1, '\u{202E}', 6));
        assert_eq!(found[2], (7, 'b', 1));
        assert_eq!(characters_of("a\\u202Eb", false).len(), 8);
    }
}
