//! Length limits from the manifest, counted on every printed instance of the message.

use std::collections::BTreeSet;

use unicode_normalization::UnicodeNormalization;

use super::view::LocaleView;
use crate::diagnostic::{Code, Diagnostic};
use crate::manifest::{Counting, Manifest};
use crate::model::AppealPack;

/// twitter-text v3 (`config/v3.json`): these code point ranges weigh 1, all others 2.
const LIGHT_RANGES: [(u32, u32); 4] = [
    (0x0000, 0x10FF),
    (0x2000, 0x200D),
    (0x2010, 0x201F),
    (0x2032, 0x2037),
];
/// twitter-text v3 `transformedURLLength`.
pub(crate) const X_URL_LENGTH: usize = 23;

/// Each `[[limits]]` entry, checked on the formatted text of every instance of its message
/// in the pack (one suggested post per addressee reached on X, each with its own handle).
pub(crate) fn check(view: &LocaleView, manifest: &Manifest, pack: &AppealPack) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for limit in &manifest.limits {
        let mut seen = BTreeSet::new();
        for part in &pack.parts {
            let paras = part
                .kicker
                .iter()
                .chain(part.heading.iter())
                .chain(part.blocks.iter().flat_map(|b| b.paras()));
            for para in paras.filter(|p| p.source == limit.message.name) {
                let text = para.text();
                let (length, unit) = match limit.count {
                    Counting::Chars => (text.chars().count(), "characters"),
                    Counting::X => (x_length(&text), "characters as X counts them"),
                };
                if length <= limit.max || !seen.insert(text.clone()) {
                    continue;
                }
                let id = limit.message.name.split('.').next().unwrap_or_default();
                let mut diagnostic = view
                    .error(
                        Code::TooLong,
                        format!(
                            "`{}` is {length} {unit}, over the limit of {} (in `{}`)",
                            limit.message, limit.max, part.id
                        ),
                        &limit.message,
                    )
                    .with_note(format!("the text: {text}"))
                    .with_help(format!("shorten it by {} or more", length - limit.max));
                if limit.count == Counting::X {
                    diagnostic = diagnostic.with_note(format!(
                        "X counts a URL as {X_URL_LENGTH}, Latin, Cyrillic, Greek, Arabic, Hebrew and most punctuation as 1, CJK, emoji and other scripts as 2"
                    ));
                }
                if let Some(entry) = view.get(id) {
                    diagnostic = diagnostic.with_label(
                        entry.file_id(),
                        entry.span.clone(),
                        format!("{length} > {}", limit.max),
                    );
                }
                out.push(diagnostic);
            }
        }
    }
    out
}

/// The length of a post as X counts it (twitter-text v3): text in NFC; each URL weighs 23;
/// each emoji sequence 2; code points in [`LIGHT_RANGES`] 1, all others 2.
///
/// URLs are found as twitter-text does for the common cases: `http(s)://…`, `www.…` and bare
/// domains ending in a country code or a common generic top-level domain.
pub(crate) fn x_length(text: &str) -> usize {
    let text: String = text.nfc().collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let urls = url_spans(&text);
    let mut length = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if let Some(url) = urls.iter().find(|u| u.start == at) {
            length += X_URL_LENGTH;
            while i < chars.len() && chars[i].0 < url.end {
                i += 1;
            }
            continue;
        }
        let sequence = emoji_sequence(&chars[i..]);
        if sequence > 0 {
            length += 2;
            i += sequence;
            continue;
        }
        let code = c as u32;
        length += if LIGHT_RANGES
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&code))
        {
            1
        } else {
            2
        };
        i += 1;
    }
    length
}

/// An emoji that stands alone (Unicode's Emoji property, from the Unicode data). Below U+2000
/// only digits, `#`, `*`, © and ® have it, which X counts as text unless U+FE0F follows (the
/// sequence rule below).
fn is_pictographic(c: char) -> bool {
    use unicode_properties::UnicodeEmoji;
    c as u32 >= 0x2000 && c.is_emoji_char()
}

/// How many characters the emoji sequence starting here spans (0 when none starts here):
/// a pictograph or any character with U+FE0F, with skin tones, ZWJ joins and keycaps; or a
/// pair of regional indicators (a flag).
fn emoji_sequence(chars: &[(usize, char)]) -> usize {
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let Some(first) = at(0) else { return 0 };
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    if regional(first) {
        return if at(1).is_some_and(regional) { 2 } else { 1 };
    }
    if !is_pictographic(first) && at(1) != Some('\u{FE0F}') {
        return 0;
    }
    let mut i = 1;
    loop {
        match at(i) {
            Some(
                '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}',
            ) => i += 1,
            Some('\u{200D}') if at(i + 1).is_some() => i += 2,
            _ => return i,
        }
    }
}

const GENERIC_TLDS: &[&str] = &[
    "com", "org", "net", "info", "int", "gov", "edu", "mil", "biz", "app", "dev", "io", "news",
    "online", "site",
];

/// Byte spans of the URLs of a text.
fn url_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < text.len() {
        // Candidate tokens are runs of characters a URL may hold.
        let is_url_char =
            |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c);
        let Some(offset) = text[start..].find(is_url_char) else {
            break;
        };
        let token_start = start + offset;
        let token_len = text[token_start..]
            .find(|c: char| !is_url_char(c))
            .unwrap_or(text.len() - token_start);
        let token = text[token_start..token_start + token_len]
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
        let preceded_by_at = token_start > 0 && bytes[token_start - 1] == b'@';
        if !preceded_by_at && is_url(token) {
            out.push(token_start..token_start + token.len());
        }
        start = token_start + token_len.max(1);
    }
    out
}

fn is_url(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return true;
    }
    if token.contains('@') {
        return false;
    }
    let host = lower.split(['/', '?', '#']).next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || !l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    {
        return false;
    }
    let tld = labels[labels.len() - 1];
    (tld.len() == 2 && tld.bytes().all(|b| b.is_ascii_lowercase())) || GENERIC_TLDS.contains(&tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_cyrillic_weigh_one() {
        assert_eq!(x_length("Hello, world"), 12);
        assert_eq!(x_length("Привет"), 6);
        assert_eq!(x_length("مرحبا"), 5);
        // Curly quotes are in the light ranges; the ellipsis U+2026 is not.
        assert_eq!(x_length("“a”…"), 5);
    }

    #[test]
    fn cjk_and_emoji_weigh_two() {
        assert_eq!(x_length("你好"), 4);
        assert_eq!(x_length("👍"), 2);
        assert_eq!(x_length("👍🏽"), 2);
        assert_eq!(x_length("👨‍👩‍👧"), 2);
        assert_eq!(x_length("🇷🇺"), 2);
        assert_eq!(x_length("❤️"), 2);
    }

    #[test]
    fn urls_weigh_twenty_three() {
        assert_eq!(
            x_length("see https://www.amnesty.org/en/latest/news/2025/05/russia-amnesty/ now"),
            4 + 23 + 4
        );
        assert_eq!(x_length("amnesty.org"), 23);
        assert_eq!(x_length("e.g. this"), 9);
        assert_eq!(x_length("ministry@mid.ru"), 15);
    }

    #[test]
    fn text_is_normalised_first() {
        // "é" as e + combining acute is one character after NFC.
        assert_eq!(x_length("e\u{301}"), 1);
    }
}
