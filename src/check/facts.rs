//! Facts that must survive translation: numbers, e-mail addresses, URLs and X handles.

use std::collections::BTreeSet;
use std::ops::Range;

use super::view::{EntryView, LocaleView, PatternView, Twin};
use super::walk::{Event, walk};
use crate::diagnostic::{Code, Diagnostic};

/// What kind of fact a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Email,
    Url,
    Handle,
}

impl Kind {
    fn code(self) -> Code {
        match self {
            Kind::Email => Code::EmailMismatch,
            Kind::Url => Code::UrlMismatch,
            Kind::Handle => Code::HandleMismatch,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Email => "e-mail address",
            Kind::Url => "URL",
            Kind::Handle => "handle",
        }
    }
}

/// A number as written, and how it compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Number {
    /// Byte range in the text it was found in.
    pub span: Range<usize>,
    /// All its digits in ASCII, as written.
    raw: String,
    /// Where each digit group ends in `raw`.
    ends: Vec<usize>,
}

impl Number {
    /// All its digits without leading zeros: `15,000`, `15 000` and `١٥٬٠٠٠` are all `15000`;
    /// `20.33` and `20,33` are `2033`.
    pub(crate) fn digits(&self) -> &str {
        canonical(&self.raw)
    }

    /// Its digit groups, each without leading zeros: `19.05.2025` is 19, 5, 2025, so a date
    /// written with numbers still contains the day and year of "19 May 2025".
    pub(crate) fn groups(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| canonical(&self.raw[start..end]))
    }

    /// Whether its separators group thousands (`15,000`, `15 000`, `1.234.567`): one to three
    /// digits, then groups of exactly three. Such a number is one value and only matches whole;
    /// `19.05.2025` or `20.33` may also be read group by group.
    pub(crate) fn is_thousands_grouped(&self) -> bool {
        let mut start = 0;
        self.ends.len() > 1
            && self.ends.iter().enumerate().all(|(index, &end)| {
                let len = end - start;
                start = end;
                if index == 0 {
                    (1..=3).contains(&len)
                } else {
                    len == 3
                }
            })
    }

    /// Its whole reading, then, unless it groups thousands, each group's.
    fn readings(&self) -> impl Iterator<Item = &str> + '_ {
        let by_group = !self.is_thousands_grouped();
        std::iter::once(self.digits()).chain(self.groups().filter(move |_| by_group))
    }
}

/// Everything of note in one piece of text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Facts {
    pub numbers: Vec<Number>,
    /// (kind, normalised value, span)
    pub tokens: Vec<(Kind, String, Range<usize>)>,
}

/// The value of a digit in any of the common decimal digit blocks (ASCII, Arabic-Indic,
/// Eastern Arabic-Indic, Devanagari, Bengali, Thai, fullwidth, …).
pub(crate) fn digit_value(c: char) -> Option<u32> {
    const ZEROS: [u32; 22] = [
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0x1946, 0xFF10,
    ];
    // Most text is ASCII or has no digits: answer those without the table.
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let code = c as u32;
    if code < 0x660 {
        return None;
    }
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .map(|zero| code - zero)
}

/// Separators inside a number: grouping or decimal marks of some locale.
fn is_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '’' | '\u{066B}' | '\u{066C}') || is_space_separator(c)
}

/// Spaces group digits only before exactly three digits (`15 000`), so `19 21` stays two.
fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

fn canonical(digits: &str) -> &str {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        &digits[digits.len().saturating_sub(1)..]
    } else {
        trimmed
    }
}

/// Finds the facts of one piece of text (the tests' shorthand).
#[cfg(test)]
fn extract(text: &str) -> Facts {
    extract_with(text, true)
}

/// [`extract`], told whether the text may hold contacts at all (the pattern's summary knows).
fn extract_with(text: &str, may_have_contacts: bool) -> Facts {
    let mut facts = Facts::default();
    // Most text has no digit, `@` or URL: leave it at one pass over its bytes. Digits other
    // than ASCII (Arabic-Indic and later blocks) all have a UTF-8 lead byte of 0xD9 or more.
    let has_digit = text.bytes().any(|b| b.is_ascii_digit())
        || (text.bytes().any(|b| b >= 0xD9) && text.chars().any(|c| digit_value(c).is_some()));
    let has_at = may_have_contacts && text.contains('@');
    let has_url = may_have_contacts && (text.contains("http") || text.contains("www."));
    if !(has_digit || has_at || has_url) {
        return facts;
    }
    let mut masked: Vec<Range<usize>> = Vec::new();
    if has_url {
        find_urls(text, &mut facts, &mut masked);
    }
    if has_at {
        find_at_signs(text, &mut facts, &mut masked);
    }
    if !has_digit {
        return facts;
    }
    let char_at = |at: usize| text.get(at..).and_then(|rest| rest.chars().next());
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        // Skip to the next ASCII digit or non-ASCII character: only those can start a number.
        let next = bytes.get(at..).and_then(|rest| {
            rest.iter()
                .position(|b| b.is_ascii_digit() || !b.is_ascii())
        });
        let Some(skip) = next else { break };
        at += skip;
        let Some(c) = char_at(at) else { break };
        let start = at;
        at += c.len_utf8();
        if digit_value(c).is_none() || masked.iter().any(|m| m.contains(&start)) {
            continue;
        }
        let mut raw = String::with_capacity(8);
        let mut ends = Vec::with_capacity(2);
        let mut end = start;
        while let Some(c) = char_at(end) {
            let after = end + c.len_utf8();
            if let Some(d) = digit_value(c) {
                raw.push(char::from_digit(d, 10).expect("a digit"));
                end = after;
                continue;
            }
            // A separator joins two groups only when a digit follows it.
            let next_is_digit = char_at(after).and_then(digit_value).is_some();
            if !(is_separator(c) && next_is_digit) {
                break;
            }
            if is_space_separator(c) {
                let following = text[after..]
                    .chars()
                    .take_while(|n| digit_value(*n).is_some())
                    .count();
                let current = raw.len() - ends.last().copied().unwrap_or(0);
                if following != 3 || current > 3 {
                    break;
                }
            }
            ends.push(raw.len());
            end = after;
        }
        ends.push(raw.len());
        facts.numbers.push(Number {
            span: start..end,
            raw,
            ends,
        });
        at = end;
    }
    facts
}

fn word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '/' || c == '.'))
}

fn find_urls(text: &str, facts: &mut Facts, masked: &mut Vec<Range<usize>>) {
    let mut from = 0;
    while let Some(found) = ["https://", "http://", "www."]
        .iter()
        .filter_map(|p| text[from..].find(p).map(|i| from + i))
        .min()
    {
        if !word_start(text, found) {
            from = found + 1;
            continue;
        }
        let end = text[found..]
            .find(|c: char| {
                c.is_whitespace()
                    || matches!(c, '<' | '>' | '"' | '“' | '”' | '«' | '»' | '{' | '}')
            })
            .map_or(text.len(), |i| found + i);
        let url = text[found..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '’']);
        let span = found..found + url.len();
        let normal = url.trim_end_matches('/').to_owned();
        facts.tokens.push((Kind::Url, normal, span.clone()));
        masked.push(span);
        from = end.max(found + 1);
    }
}

fn find_at_signs(text: &str, facts: &mut Facts, masked: &mut Vec<Range<usize>>) {
    let is_local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let is_domain = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    for (at, _) in text.match_indices('@') {
        if masked.iter().any(|m| m.contains(&at)) {
            continue;
        }
        let local_start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_local(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let after = &text[at + 1..];
        if local_start < at {
            let domain_len = after.find(|c: char| !is_domain(c)).unwrap_or(after.len());
            let domain = after[..domain_len].trim_end_matches(['.', '-']);
            if domain.contains('.') && !domain.starts_with('.') {
                let span = local_start..at + 1 + domain.len();
                facts
                    .tokens
                    .push((Kind::Email, text[span.clone()].to_lowercase(), span.clone()));
                masked.push(span);
            }
            continue;
        }
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if (1..=15).contains(&name_len) {
            let span = at..at + 1 + name_len;
            facts.tokens.push((
                Kind::Handle,
                text[span.clone()].to_lowercase(),
                span.clone(),
            ));
            masked.push(span);
        }
    }
}

/// The facts of a pattern, found once and kept in its view.
pub(crate) fn facts_of<'p>(entry: &EntryView, pattern: &'p PatternView) -> &'p Facts {
    pattern.facts.get_or_init(|| pattern_facts(entry, pattern))
}

impl Facts {
    pub(crate) fn is_empty(&self) -> bool {
        self.numbers.is_empty() && self.tokens.is_empty()
    }
}

/// The facts of a whole pattern (every variant), with spans in the file's source.
fn pattern_facts(entry: &EntryView, pattern: &PatternView) -> Facts {
    let may_have_contacts = pattern.summary.contact_hint;
    let pattern = pattern.pattern;
    let mut all = Facts::default();
    walk(pattern, &mut |event| {
        // Number literals in placeables are left out: they are mostly function options
        // (`minimumFractionDigits: 2`), not facts of the text.
        let (Event::Text(text) | Event::Literal(text)) = event else {
            return;
        };
        let base = entry.span_of(text).start;
        let shift = |r: Range<usize>| base + r.start..base + r.end;
        let found = extract_with(text, may_have_contacts);
        all.numbers
            .extend(found.numbers.into_iter().map(|n| Number {
                span: shift(n.span),
                ..n
            }));
        all.tokens
            .extend(found.tokens.into_iter().map(|(k, v, r)| (k, v, shift(r))));
    });
    all
}

/// Each number, e-mail address, URL and handle of the reference must be in the translation
/// (error); e-mail addresses, URLs and handles the reference lacks are flagged (warning), as
/// a changed contact is how an appeal gets misdirected. Numbers the translation adds are not
/// flagged: the source writes some numbers as words ("four and six years").
pub(crate) fn check(view: &LocaleView, twins: &[Twin]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for &(entry, theirs) in twins {
        for pattern in entry.patterns() {
            let Some(reference_pattern) = theirs.pattern_view(pattern.attribute) else {
                continue;
            };
            if reference_pattern.pattern == pattern.pattern {
                continue;
            }
            let expected = facts_of(theirs, reference_pattern);
            if expected.is_empty() && !pattern.summary.contact_hint {
                continue;
            }
            let found = facts_of(entry, pattern);
            compare(
                view,
                entry,
                &pattern.name,
                pattern.span.clone(),
                theirs,
                expected,
                found,
                &mut out,
            );
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn compare(
    view: &LocaleView,
    entry: &EntryView,
    about: &str,
    span: Range<usize>,
    theirs: &EntryView,
    expected: &Facts,
    found: &Facts,
    out: &mut Vec<Diagnostic>,
) {
    // A handful per message: a list beats a tree.
    let readings: Vec<&str> = found.numbers.iter().flat_map(Number::readings).collect();
    let source = theirs.source();
    let mine = entry.source();
    let mut reported = BTreeSet::new();
    for number in &expected.numbers {
        let present = readings.contains(&number.digits())
            || (!number.is_thousands_grouped() && number.groups().all(|g| readings.contains(&g)));
        if present || !reported.insert(number.digits()) {
            continue;
        }
        let written = &source[number.span.clone()];
        let listed: Vec<&str> = found
            .numbers
            .iter()
            .map(|n| &mine[n.span.clone()])
            .collect();
        // Point at the translation's number that stands where this one should, if one is
        // close: a number that matches nothing of the reference and differs by a digit or two.
        let expected_readings: BTreeSet<&str> =
            expected.numbers.iter().flat_map(|n| n.readings()).collect();
        let suspect = found
            .numbers
            .iter()
            .filter(|n| !expected_readings.contains(n.digits()))
            .map(|n| {
                (
                    super::variables::levenshtein(n.digits(), number.digits()),
                    n,
                )
            })
            .filter(|(distance, _)| *distance <= 2)
            .min_by_key(|(distance, n)| (*distance, n.span.start))
            .map(|(_, n)| n);
        let (primary, label) = match suspect {
            Some(n) => (
                n.span.clone(),
                format!("{} here, not {written}", &mine[n.span.clone()]),
            ),
            None => (span.clone(), format!("no {written} in this translation")),
        };
        out.push(
            view.error(Code::NumberMismatch, format!("`{about}` lacks the number {written} of the reference"), about)
                .with_label(entry.file_id(), primary, label)
                .with_label(theirs.file_id(), number.span.clone(), "in the reference")
                .with_note(if listed.is_empty() {
                    "the translation has no numbers".to_owned()
                } else {
                    format!("numbers in the translation: {}", listed.join(", "))
                })
                .with_help("write it with your language's digits and grouping (15 000, 15.000, ١٥٬٠٠٠ are all fine), but the same number"),
        );
    }
    for (kind, value, at) in &expected.tokens {
        if found.tokens.iter().any(|(k, v, _)| k == kind && v == value) {
            continue;
        }
        let written = &source[at.clone()];
        out.push(
            view.error(
                kind.code(),
                format!(
                    "`{about}` lacks the {} {written} of the reference",
                    kind.noun()
                ),
                about,
            )
            .with_label(
                entry.file_id(),
                span.clone(),
                format!("no {written} in this translation"),
            )
            .with_label(theirs.file_id(), at.clone(), "in the reference")
            .with_help(format!(
                "copy the {} exactly as the source has it",
                kind.noun()
            )),
        );
    }
    for (kind, value, at) in &found.tokens {
        if expected
            .tokens
            .iter()
            .any(|(k, v, _)| k == kind && v == value)
        {
            continue;
        }
        let written = &mine[at.clone()];
        out.push(
            view.warning(kind.code(), format!("`{about}` has the {} {written}, which the reference does not", kind.noun()), about)
                .with_label(entry.file_id(), at.clone(), "not in the reference's message")
                .with_help("a contact that is not in the source can misdirect the appeal: check it with the source"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<String> {
        extract(text)
            .numbers
            .into_iter()
            .map(|n| n.digits().to_owned())
            .collect()
    }

    #[test]
    fn numbers_in_every_locale_format() {
        assert_eq!(numbers("up to 15,000 rubles"), ["15000"]);
        assert_eq!(numbers("jusqu’à 15\u{202F}000 roubles"), ["15000"]);
        assert_eq!(numbers("bis zu 15.000 Rubel"), ["15000"]);
        assert_eq!(numbers("hasta 15 000 rublos"), ["15000"]);
        assert_eq!(numbers("١٥٬٠٠٠ روبل"), ["15000"]);
        assert_eq!(numbers("۱۵۰۰۰"), ["15000"]);
        assert_eq!(numbers("Article 20.33 and 20,33"), ["2033", "2033"]);
        assert_eq!(numbers("Articles 19, 21 and 22"), ["19", "21", "22"]);
        assert_eq!(numbers("in 2015 2021"), ["2015", "2021"]);
    }

    /// Regression (newcomer's report): an English `20,000` was accepted against `15 000`,
    /// because `20` (of `20.33`) and `0` (of `000`) were each found somewhere.
    #[test]
    fn a_grouped_number_matches_only_whole() {
        let compare = |reference: &str, translation: &str| {
            let expected = extract(reference);
            let found = extract(translation);
            let readings: Vec<&str> = found.numbers.iter().flat_map(Number::readings).collect();
            expected.numbers.iter().all(|n| {
                readings.contains(&n.digits())
                    || (!n.is_thousands_grouped() && n.groups().all(|g| readings.contains(&g)))
            })
        };
        let en = "fines of up to 20,000 Russian rubles (about 167 Euros), under Article 20.33";
        assert!(!compare(
            en,
            "grzywny do 15 000 rubli (około 167 euro), art. 20.33"
        ));
        assert!(compare(
            en,
            "grzywny do 20 000 rubli (około 167 euro), art. 20.33"
        ));
        assert!(compare(
            en,
            "Geldbußen bis zu 20.000 Rubel (etwa 167 Euro), Artikel 20.33"
        ));
        assert!(compare(
            en,
            "غرامات تصل إلى ٢٠٬٠٠٠ روبل (حوالي 167 يورو)، المادة 20.33"
        ));
        assert!(compare("On 19 May 2025", "Le 19.05.2025"));
        assert!(compare("Article 20.33", "l’article 20,33"));
    }

    #[test]
    fn dates_keep_their_groups() {
        let facts = extract("19.05.2025");
        assert_eq!(
            facts.numbers[0].groups().collect::<Vec<_>>(),
            ["19", "5", "2025"]
        );
        assert_eq!(extract("00").numbers[0].digits(), "0");
    }

    #[test]
    fn contacts_are_tokens_not_numbers() {
        let facts = extract(
            "write to mission.russian@vtxnet.ch or @KremlinRussia_E, see https://x.com/a1.",
        );
        let kinds: Vec<(Kind, &str)> = facts
            .tokens
            .iter()
            .map(|(k, v, _)| (*k, v.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Url, "https://x.com/a1"),
                (Kind::Email, "mission.russian@vtxnet.ch"),
                (Kind::Handle, "@kremlinrussia_e")
            ]
        );
        assert!(facts.numbers.is_empty());
    }
}
