//! Fluent parser errors in a translator's words, and what a Junk entry swallowed.

use crate::chars::lowercase_first;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

pub(super) fn syntax_error(
    file: FileId,
    source: &str,
    error: &fluent_syntax::parser::ParserError,
) -> Diagnostic {
    use fluent_syntax::parser::ErrorKind;
    let mut message = lowercase_first(&error.kind.to_string());
    // When the parser hits the next line looking for a `}` or a value, what is missing is at
    // the end of the previous line: point there, not at the line after.
    let mut at = error.pos.clone();
    let before = source.get(..at.start).unwrap_or_default();
    let content_end = before.trim_end().len();
    if before[content_end..].contains('\n') {
        at = content_end..content_end;
    }
    // The commonest slip of all: an id or an attribute with nothing after its `=`. The parser
    // reports it on the next line, in its own words; say what it is, where it is.
    if let Some(slice) = &error.slice
        && let Some((offset, name)) = empty_value(source.get(slice.clone()).unwrap_or_default())
    {
        let at = slice.start + offset;
        message = format!("`{name}` has no value");
        let mut diagnostic = Diagnostic::error(Code::Syntax, message)
            .with_label(file, at..at + 1, "nothing after this `=`")
            .with_help(
                "write its text after `=`, or leave the line out (then it counts as missing)",
            );
        let lost = junk_attributes(source.get(slice.clone()).unwrap_or_default());
        if !lost.is_empty() && name.starts_with('.') {
            diagnostic = diagnostic.with_note(format!(
                "until this is fixed, the attributes {} of the message above are skipped",
                lost.iter()
                    .map(|a| format!("`.{a}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        return diagnostic;
    }
    let (label, help) = match &error.kind {
        ErrorKind::ExpectedToken(c) => {
            message = match c {
                '}' => "a placeable is not closed: expected `}`".to_owned(),
                c => format!("expected `{c}`"),
            };
            // A scaffold line uncommented by mistake: `en: …` or `note: …`.
            let line_start = source
                .get(..error.pos.start)
                .map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
            let line = source.get(line_start..).unwrap_or_default();
            let help = ["en:", "note:", "variables:", "plural:"]
                .iter()
                .find(|p| line.starts_with(**p))
                .map(|p| format!("lines starting with `{p}` are guidance from `init-locale`: keep them commented, as `# {p} …`"));
            (format!("expected `{c}` here"), help)
        }
        ErrorKind::UnbalancedClosingBrace => (
            "this `}` closes nothing".to_owned(),
            Some("write a literal brace as `{ \"}\" }`".to_owned()),
        ),
        ErrorKind::ExpectedMessageField { .. } | ErrorKind::ExpectedTermField { .. } => (
            "no value here".to_owned(),
            Some(
                "give it a value after `=`, or attributes on the next lines (`    .name = …`)"
                    .to_owned(),
            ),
        ),
        ErrorKind::MissingDefaultVariant => (
            "no default variant".to_owned(),
            Some("mark one variant as the default with `*`, e.g. `*[other]`".to_owned()),
        ),
        ErrorKind::UnterminatedStringLiteral => (
            "the string is not closed".to_owned(),
            Some("close it with `\"` on the same line".to_owned()),
        ),
        _ => ("here".to_owned(), None),
    };
    let mut diagnostic = Diagnostic::error(Code::Syntax, message).with_label(file, at, label);
    if let Some(slice) = &error.slice {
        // The junk runs up to the next entry; its trailing blank lines are not part of it.
        let text = source.get(slice.clone()).unwrap_or_default();
        let end = slice.start + text.trim_end().len();
        diagnostic = diagnostic.with_label(file, slice.start..end, "this entry is skipped");
        let lost = junk_ids(text);
        if !lost.is_empty() {
            let names: Vec<String> = lost.iter().map(|id| format!("`{id}`")).collect();
            diagnostic = diagnostic.with_note(format!(
                "until this is fixed, {} {} missing from this locale",
                names.join(", "),
                if lost.len() == 1 { "is" } else { "are" }
            ));
        }
    }
    if let Some(help) = help {
        diagnostic = diagnostic.with_help(help);
    }
    diagnostic
}

/// The first line of a Junk entry of the form `id =` or `    .attribute =` with nothing after
/// the `=`: its byte offset of the `=` and its name (`.attribute` for an attribute).
fn empty_value(content: &str) -> Option<(usize, String)> {
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        let body = line.trim_end();
        if let Some(before) = body.strip_suffix('=') {
            let name = before.trim();
            let bare = name.trim_start_matches(['.', '-']);
            let is_name = bare.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && bare
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_name {
                return Some((offset + body.len() - 1, name.to_owned()));
            }
        }
        offset += line.len();
    }
    None
}

/// The attributes (`    .name = …` lines) in a Junk entry; when the junk follows a message,
/// they are that message's attributes, skipped with the junk.
pub(crate) fn junk_attributes(content: &str) -> Vec<String> {
    content
        .lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix('.')?;
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            (end > 0 && rest[end..].trim_start().starts_with('=')).then(|| rest[..end].to_owned())
        })
        .collect()
}

/// The ids a Junk entry would have defined: every line of the form `id =` or `-id =`.
pub(crate) fn junk_ids(content: &str) -> Vec<String> {
    content
        .lines()
        .filter_map(|line| {
            let name_end = line
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(line.len());
            let name = &line[..name_end];
            let bare = name.strip_prefix('-').unwrap_or(name);
            let starts_well = bare.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            let rest = line[name_end..].trim_start_matches([' ', '\t']);
            (starts_well && rest.starts_with('=')).then(|| name.to_owned())
        })
        .collect()
}
