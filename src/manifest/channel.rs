//! Contact channels of an addressee: e-mail, X, postal address, web form, telephone and fax.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::Ident;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) enum Channel {
    Email(Ident),
    X(Ident),
    Postal(Postal),
    Web(Ident),
    Phone(Ident),
    Fax(Ident),
}

impl Channel {
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Channel::Email(_) => "email",
            Channel::X(_) => "x",
            Channel::Postal(_) => "postal",
            Channel::Web(_) => "web",
            Channel::Phone(_) => "phone",
            Channel::Fax(_) => "fax",
        }
    }

    /// Where the value is written in the manifest.
    pub(crate) fn span(&self) -> Range<usize> {
        match self {
            Channel::Postal(postal) => postal.span.clone(),
            Channel::Email(v) | Channel::X(v) | Channel::Web(v) | Channel::Phone(v) => {
                v.span.clone()
            }
            Channel::Fax(v) => v.span.clone(),
        }
    }

    /// The value on one line, as diagnostics quote it (a postal address's lines joined by
    /// `, `).
    pub(crate) fn text(&self) -> Cow<'_, str> {
        match self {
            Channel::Postal(postal) => Cow::Owned(postal.joined(", ")),
            Channel::Email(v)
            | Channel::X(v)
            | Channel::Web(v)
            | Channel::Phone(v)
            | Channel::Fax(v) => Cow::Borrowed(v.name.as_str()),
        }
    }

    /// Whether a letter can be sent through this channel: e-mail, post or fax. X, a web form
    /// and a telephone reach the addressee, but not with a letter.
    pub(crate) fn carries_letters(&self) -> bool {
        matches!(
            self,
            Channel::Email(_) | Channel::Postal(_) | Channel::Fax(_)
        )
    }
}

/// A postal address: one line or several. `postal = "…"` is one line, unless it holds line
/// breaks, which separate lines (a TOML multi-line string reads as the author wrote it);
/// `postal = ["…", "…"]` gives the lines one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Postal {
    pub lines: Vec<Ident>,
    /// The whole value in the manifest.
    pub span: Range<usize>,
}

impl Postal {
    pub(crate) fn joined(&self, separator: &str) -> String {
        self.lines
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>()
            .join(separator)
    }
}

impl<'de> Deserialize<'de> for Postal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = toml::Spanned::<PostalLines>::deserialize(deserializer)?;
        let span = spanned.span();
        let lines = match spanned.into_inner() {
            // The lines of one string share its place: toml gives no finer span.
            PostalLines::One(text) => text
                .split('\n')
                .map(|line| line.trim_end_matches('\r').trim())
                .filter(|line| !line.is_empty())
                .map(|line| Ident {
                    name: line.to_owned(),
                    span: span.clone(),
                })
                .collect(),
            PostalLines::Several(lines) => lines,
        };
        Ok(Postal { lines, span })
    }
}

enum PostalLines {
    One(String),
    Several(Vec<Ident>),
}

impl<'de> Deserialize<'de> for PostalLines {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Lines;
        impl<'de> Visitor<'de> for Lines {
            type Value = PostalLines;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a postal address: a string, or an array of its lines")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<PostalLines, E> {
                Ok(PostalLines::One(text.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<PostalLines, A::Error> {
                let mut lines = Vec::new();
                while let Some(line) = seq.next_element::<Ident>()? {
                    lines.push(line);
                }
                Ok(PostalLines::Several(lines))
            }
        }
        deserializer.deserialize_any(Lines)
    }
}

/// Why a telephone or fax number cannot be used, if it cannot. A number is written as the
/// source writes it (`+32 2 555 01 24`, `(022) 917-12-34`): digits, spaces, parentheses, `-`,
/// `.` and one leading `+`.
pub(crate) fn number_problem(number: &str) -> Option<String> {
    if let Some(letter) = number.chars().find(|c| c.is_alphabetic()) {
        return Some(format!("has a letter, `{letter}`: write the digits only"));
    }
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return Some("has no digits".into());
    }
    let body = number.strip_prefix('+').unwrap_or(number);
    if body.contains('+') {
        return Some("has a `+` that is not at its start".into());
    }
    if let Some(other) = body
        .chars()
        .find(|&c| !(c.is_ascii_digit() || is_number_space(c) || "()-.".contains(c)))
    {
        return Some(format!(
            "has `{}`: a number may hold digits, spaces, parentheses, `-`, `.` and a leading `+`",
            other.escape_default()
        ));
    }
    None
}

/// Spaces a number may be grouped with: ordinary, no-break and narrow no-break.
fn is_number_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// The `tel:` link of a well-formed number: its digits, after its leading `+` if it has one
/// (RFC 3966 allows the visual separators, but dialers differ, and digits always work).
pub(crate) fn tel_uri(number: &str) -> Option<String> {
    if number_problem(number).is_some() {
        return None;
    }
    let plus = if number.starts_with('+') { "+" } else { "" };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    Some(format!("tel:{plus}{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_the_source_writes_them() {
        for good in [
            "+32 2 555 01 24",
            "+41-22-000",
            "(022) 917.12.34",
            "0800\u{a0}123",
        ] {
            assert_eq!(number_problem(good), None, "{good}");
        }
        assert_eq!(
            tel_uri("+32 2 555 01 24").as_deref(),
            Some("tel:+3225550124")
        );
        assert_eq!(
            tel_uri("(022) 917-12-34").as_deref(),
            Some("tel:0229171234")
        );
        assert_eq!(
            number_problem("+32 2 555 O1 24").as_deref(),
            Some("has a letter, `O`: write the digits only")
        );
        assert_eq!(number_problem("- -").as_deref(), Some("has no digits"));
        assert_eq!(
            number_problem("32+2").as_deref(),
            Some("has a `+` that is not at its start")
        );
        assert!(number_problem("+32/2").unwrap().starts_with("has `/`"));
        assert_eq!(tel_uri("javascript:1"), None);
    }

    #[test]
    fn postal_lines_come_from_an_array_or_from_line_breaks() {
        #[derive(Deserialize)]
        struct T {
            postal: Postal,
        }
        let one: T = toml::from_str("postal = \"A, B\"").unwrap();
        assert_eq!(one.postal.joined("|"), "A, B");
        let broken: T = toml::from_str("postal = \"\"\"\nA\n  B\r\n\nC\"\"\"").unwrap();
        assert_eq!(broken.postal.joined("|"), "A|B|C");
        let text = "postal = [\"A\", \"B\"]";
        let several: T = toml::from_str(text).unwrap();
        assert_eq!(several.postal.joined("|"), "A|B");
        assert_eq!(&text[several.postal.lines[1].span.clone()], "\"B\"");
        assert!(toml::from_str::<T>("postal = 3").is_err());
    }
}
