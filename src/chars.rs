//! Character classes and wording shared by every layer: invisible characters, naming a character.
//!
//! The invisible characters are one table seen four ways: the bidi controls a renderer uses
//! and drops, the default-ignorable characters it never draws (which the download page writes
//! as character references), everything invisible (line breaks too), and the suspicious ones a
//! translation should not contain.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Fluent's isolates (U+2066–U+2069), which it puts around every placeable.
pub(crate) fn is_isolation_mark(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

/// Embeddings and overrides (U+202A–U+202E): they reorder everything up to their end, the
/// "Trojan Source" characters.
pub(crate) fn is_embedding_or_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}')
}

/// Every invisible character that only steers bidi ordering: isolates, embeddings, overrides
/// and the directional marks (ALM, LRM, RLM). Renderers use them and never draw them.
pub(crate) fn is_bidi_control(c: char) -> bool {
    is_isolation_mark(c)
        || is_embedding_or_override(c)
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}')
}

/// Invisible format characters: bidi controls, zero-width spaces and joiners, soft hyphen,
/// variation selectors, fillers and the byte order mark (default-ignorable code points, the
/// subset that occurs in text).
pub(crate) fn is_default_ignorable(c: char) -> bool {
    is_bidi_control(c)
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// The zero-width non-joiner and joiner (U+200C, U+200D): invisible, but they decide how the
/// letters around them join (the Persian half-space of روزنامه‌نگار, Devanagari's eyelash ra
/// र्‍), so the shaper gets them and the PDF's text layer keeps them.
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Percent-encodes every byte of `text`'s UTF-8 but ASCII letters, digits and `keep` (for
/// `mailto:` fields and X intents: RFC 3986's unreserved set is `-._~`).
pub(crate) fn percent_encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || keep.contains(&byte) {
            out.push(byte as char);
        } else {
            // By hand rather than `format!`: a letter's body in a `mailto:` is thousands of
            // escaped bytes, and a formatter call each was a tenth of the web pack's time.
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

/// Characters a renderer never draws: the default-ignorable ones and line breaks and tabs.
pub(crate) fn is_invisible(c: char) -> bool {
    is_default_ignorable(c) || matches!(c, '\n' | '\r' | '\t')
}

/// Characters a translation should not contain: C0 and C1 controls other than tab and line
/// breaks, embeddings and overrides, and a stray byte order mark.
pub(crate) fn is_suspicious(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || is_embedding_or_override(c)
        || c == '\u{FEFF}'
}

/// A message from a library or the system, as appealpack words its own: the first letter in
/// lower case, unless the first word is an acronym (`TOML parse error` stays as it is).
pub(crate) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if !chars.clone().next().is_some_and(char::is_uppercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// `U+4E00 '一'`, or just the code point for invisible characters.
pub(crate) fn describe_char(c: char) -> String {
    if c.is_control() || is_invisible(c) || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} '{c}'", c as u32)
    }
}

/// Text from the user's files (a translation, a file name, a locale id) as it may be printed
/// on a terminal or in a CI log: control characters as their Unicode pictures (`␛`, `␊`), as
/// snippets show them, C1 controls and the bidi controls as `<U+202E>`. Raw, an `ESC ]0;…BEL`
/// would retitle the terminal, a newline in a file name would forge a line of the log, and a
/// right-to-left override would reverse what follows it.
pub fn visible(text: &str) -> Cow<'_, str> {
    fn hidden(c: char) -> bool {
        c.is_control() || is_bidi_control(c)
    }
    if !text.contains(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7F}' => out.push('␡'),
            c if hidden(c) => {
                let _ = write!(out, "<U+{:04X}>", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_escapes_every_byte_outside_the_kept_set_in_upper_case_hex() {
        assert_eq!(percent_encode("a b", b""), "a%20b");
        assert_eq!(percent_encode("é-ж.", b"-"), "%C3%A9-%D0%B6%2E");
        assert_eq!(percent_encode("x\n\u{FF}", b""), "x%0A%C3%BF");
        assert_eq!(percent_encode("AZaz09", b""), "AZaz09");
    }

    #[test]
    fn invisible_characters_are_named_by_code_point_only() {
        assert_eq!(describe_char('\u{4E00}'), "U+4E00 '一'");
        assert_eq!(describe_char('\u{2068}'), "U+2068");
        assert_eq!(describe_char('\u{A0}'), "U+00A0");
        assert_eq!(describe_char('\u{7}'), "U+0007");
    }

    #[test]
    fn the_classes_nest() {
        let all = (0..=0x10FFFF).filter_map(char::from_u32);
        for c in all {
            assert!(!is_isolation_mark(c) || is_bidi_control(c), "{c:?}");
            assert!(!is_bidi_control(c) || is_default_ignorable(c), "{c:?}");
            assert!(!is_default_ignorable(c) || is_invisible(c), "{c:?}");
            assert!(!is_default_ignorable(c) || !c.is_control(), "{c:?}");
        }
        assert!(is_bidi_control('\u{200F}') && !is_bidi_control('\u{200D}'));
        assert!(is_default_ignorable('\u{FE0F}') && !is_default_ignorable('\n'));
        assert!(is_suspicious('\u{202E}') && is_suspicious('\u{1B}') && is_suspicious('\u{85}'));
        assert!(!is_suspicious('\t') && !is_suspicious('\u{2068}') && !is_suspicious('a'));
    }

    #[test]
    fn only_the_first_letter_is_lowered_and_acronyms_stay() {
        assert_eq!(
            lowercase_first("No such file or directory"),
            "no such file or directory"
        );
        assert_eq!(lowercase_first("TOML parse error"), "TOML parse error");
        assert_eq!(lowercase_first("A file"), "a file");
        assert_eq!(lowercase_first("Ébauche"), "ébauche");
        assert_eq!(lowercase_first("X"), "x");
        assert_eq!(lowercase_first(""), "");
    }

    #[test]
    fn user_text_is_printed_with_its_controls_visible() {
        assert_eq!(visible("plain"), "plain");
        assert_eq!(visible("a\u{1b}]0;t\u{7}b\nc"), "a␛]0;t␇b␊c");
        assert_eq!(visible("x\u{202E}y\u{9B}"), "x<U+202E>y<U+009B>");
    }
}
