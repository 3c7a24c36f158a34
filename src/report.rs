//! Diagnostic output: rustc-style snippets for people, JSON for tools, annotations for GitHub.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, renderer::DecorStyle};
use serde::Serialize;

/// Any text the tool prints about the input (a locale id, a path), with control and bidi
/// characters shown as visible pictures, as diagnostics show them.
pub use crate::chars::visible;
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::source::SourceMap;

/// How many diagnostics of one kind a report shows for one file (and locale) before it counts
/// the rest: 20,000 duplicate ids are one problem to fix, not 20,000 screens to scroll.
pub const REPEAT_LIMIT: usize = 10;

/// The diagnostics a report shows: at most `limit` of one code and severity per locale and
/// file, then, where the first one left out was, one diagnostic that counts the rest
/// (`omitted`) and points at the first of them. Linear in the number of diagnostics, whatever
/// their order.
pub fn capped<'a>(
    diagnostics: &'a [Diagnostic],
    sources: &SourceMap,
    limit: usize,
) -> Vec<Cow<'a, Diagnostic>> {
    type Key<'a> = (
        Option<&'a str>,
        Option<crate::source::FileId>,
        Code,
        Severity,
    );
    // Per kind: how many there are, and where the summary goes (held by the first left out).
    let mut seen: HashMap<Key<'a>, (usize, Option<usize>)> = HashMap::new();
    let mut shown: Vec<Cow<'a, Diagnostic>> = Vec::new();
    for diagnostic in diagnostics {
        let key = (
            diagnostic.locale.as_deref(),
            diagnostic.primary().map(|l| l.file),
            diagnostic.code,
            diagnostic.severity,
        );
        let (count, summary) = seen.entry(key).or_default();
        *count += 1;
        if *count <= limit {
            shown.push(Cow::Borrowed(diagnostic));
        } else if summary.is_none() {
            *summary = Some(shown.len());
            shown.push(Cow::Borrowed(diagnostic));
        }
    }
    for (count, summary) in seen.into_values() {
        if let Some(at) = summary {
            shown[at] = Cow::Owned(summary_of(&shown[at], sources, count - limit, limit));
        }
    }
    shown
}

/// The diagnostic that stands for the `omitted` ones of `first`'s kind, `first` among them.
fn summary_of(first: &Diagnostic, sources: &SourceMap, omitted: usize, limit: usize) -> Diagnostic {
    let kind = match (first.severity, omitted) {
        (Severity::Error, 1) => "error",
        (Severity::Error, _) => "errors",
        (Severity::Warning, 1) => "warning",
        (Severity::Warning, _) => "warnings",
    };
    let code = first.code.as_str();
    let message = format!("and {omitted} more `{code}` {kind}");
    let mut summary = match first.primary() {
        Some(label) => Diagnostic::new(
            first.severity,
            first.code,
            format!("{message} in {}", sources.path(label.file).display()),
        )
        .with_label(label.file, label.span.clone(), "the first of them"),
        None => Diagnostic::new(first.severity, first.code, message),
    };
    summary.locale = first.locale.clone();
    summary.omitted = omitted;
    summary.with_help(format!(
        "a report shows {limit} of a kind per file; fix those and check again to see the rest"
    ))
}

/// Renders diagnostics as rustc does: header, `--> file:line:column`, the source lines with
/// the spans underlined, then notes and help. Repeats are capped ([`capped`]).
pub fn human(diagnostics: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Unicode);
    let mut out = String::new();
    for diagnostic in capped(diagnostics, sources, REPEAT_LIMIT) {
        out.push_str(&renderer.render(&groups(&diagnostic, sources)));
        out.push_str("\n\n");
    }
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
}

/// Quoted source around some labels of one file: only the lines they touch, so a huge file
/// costs nothing.
struct Excerpt {
    text: String,
    first_line: usize,
    base: usize,
}

fn excerpt(sources: &SourceMap, labels: &[&Label]) -> Excerpt {
    let file = sources.get(labels[0].file);
    let text = file.text();
    let first = labels
        .iter()
        .map(|l| file.line_col(l.span.start).0)
        .min()
        .unwrap_or(1);
    let last = labels
        .iter()
        .map(|l| file.line_col(l.span.end).0)
        .max()
        .unwrap_or(first);
    let base = file.line_range(first).start;
    let mut end = file.line_range(last).end;
    // A label at the start of a huge line (a 10 MB message) must not make the renderer walk
    // all of it: what follows the last label is cut to a margin wider than any terminal.
    // Only the end is cut, so columns are unchanged.
    const MARGIN: usize = 1024;
    let labels_end = labels.iter().map(|l| l.span.end).max().unwrap_or(base);
    if end > labels_end.saturating_add(MARGIN) {
        end = ceil_boundary(text, labels_end + MARGIN);
    }
    Excerpt {
        text: text[base..end.max(base)].to_owned(),
        first_line: first,
        base,
    }
}

/// Lines between two labels that still go in one excerpt; labels further apart get excerpts of
/// their own, so that a duplicate on line 40,000 of a file does not quote the 39,999 lines
/// between it and the first definition (quoting them made a report quadratic in the file).
const JOIN_LINES: usize = 4;

/// The labels of one file in runs that are quoted together: sorted by line, a new run where
/// the gap to the previous label exceeds [`JOIN_LINES`].
fn runs<'a>(sources: &SourceMap, labels: &[&'a Label]) -> Vec<Vec<&'a Label>> {
    let file = sources.get(labels[0].file);
    let mut placed: Vec<(usize, usize, &Label)> = labels
        .iter()
        .map(|l| {
            (
                file.line_col(l.span.start).0,
                file.line_col(l.span.end).0,
                *l,
            )
        })
        .collect();
    placed.sort_by_key(|&(start, end, _)| (start, end));
    let mut runs: Vec<Vec<&Label>> = Vec::new();
    let mut run_end = 0;
    for (start, end, label) in placed {
        match runs.last_mut() {
            Some(run) if start <= run_end + JOIN_LINES => run.push(label),
            _ => runs.push(vec![label]),
        }
        run_end = run_end.max(end);
    }
    runs
}

fn groups<'a>(diagnostic: &'a Diagnostic, sources: &SourceMap) -> Vec<Group<'a>> {
    let mut title = visible(&diagnostic.message).into_owned();
    if let Some(locale) = &diagnostic.locale {
        title = format!("{title} [{}]", visible(locale));
    }
    let code = diagnostic.code.as_str();
    let mut group = Group::with_title(level(diagnostic.severity).primary_title(title).id(code));

    // One snippet per file, in the order files first appear among the labels.
    let mut files: Vec<_> = diagnostic.labels.iter().map(|l| l.file).collect();
    files.dedup();
    let mut seen = Vec::new();
    for file in files {
        if seen.contains(&file) {
            continue;
        }
        seen.push(file);
        let labels: Vec<&Label> = diagnostic
            .labels
            .iter()
            .filter(|l| l.file == file)
            .collect();
        // The run with the primary label first: its place is the one the header names.
        let mut runs = runs(sources, &labels);
        if let Some(at) = runs
            .iter()
            .position(|run| run.iter().any(|l| std::ptr::eq(*l, &diagnostic.labels[0])))
        {
            runs[..=at].rotate_right(1);
        }
        for run in runs {
            group = group.element(snippet(diagnostic, sources, &run));
        }
    }
    for note in &diagnostic.notes {
        group = group.element(Level::NOTE.message(visible(note).into_owned()));
    }
    for help in &diagnostic.help {
        group = group.element(Level::HELP.message(visible(help).into_owned()));
    }
    vec![group]
}

fn snippet<'a>(
    diagnostic: &Diagnostic,
    sources: &SourceMap,
    labels: &[&Label],
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let excerpt = excerpt(sources, labels);
    let path = visible(&sources.path(labels[0].file).display().to_string()).into_owned();
    let mut snippet = Snippet::source(excerpt.text.clone())
        .line_start(excerpt.first_line)
        .path(path);
    for label in labels {
        // Parser positions may fall inside a multi-byte character (Arabic, Cyrillic):
        // widen them to whole characters.
        let text = excerpt.text.as_str();
        let start = floor_boundary(text, label.span.start.saturating_sub(excerpt.base));
        let end = ceil_boundary(text, label.span.end.saturating_sub(excerpt.base)).max(start);
        let is_primary = std::ptr::eq(*label, &diagnostic.labels[0]);
        let kind = if is_primary {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        let label = visible(&label.message).into_owned();
        snippet = snippet.annotation(kind.span(start..end).label(label));
    }
    snippet
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// A source position in the JSON schema: 1-based line and column (characters).
#[derive(Debug, Serialize)]
pub struct JsonLocation {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets into the file.
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// One diagnostic in the JSON schema (docs/diagnostics.md).
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub severity: Severity,
    pub code: crate::diagnostic::Code,
    pub message: &'a str,
    pub locale: Option<&'a str>,
    pub message_id: Option<&'a str>,
    /// The primary location, then the others.
    pub locations: Vec<JsonLocation>,
    pub notes: &'a [String],
    pub help: &'a [String],
    /// Only in a diagnostic that stands for repeats left out of the report: how many.
    #[serde(skip_serializing_if = "is_zero")]
    pub omitted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

pub fn json_diagnostic<'a>(diagnostic: &'a Diagnostic, sources: &SourceMap) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: &diagnostic.message,
        locale: diagnostic.locale.as_deref(),
        message_id: diagnostic.message_id.as_deref(),
        locations: diagnostic
            .labels
            .iter()
            .map(|l| json_location(l, sources))
            .collect(),
        notes: &diagnostic.notes,
        help: &diagnostic.help,
        omitted: diagnostic.omitted,
    }
}

fn json_location(label: &Label, sources: &SourceMap) -> JsonLocation {
    let file = sources.get(label.file);
    let (line, column) = file.line_col(label.span.start);
    let (end_line, end_column) = file.line_col(label.span.end);
    JsonLocation {
        file: file.path.display().to_string(),
        line,
        column,
        end_line,
        end_column,
        start: label.span.start,
        end: label.span.end,
        label: label.message.clone(),
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`. Repeats
/// are capped ([`capped`]).
pub fn github(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = String::new();
    for diagnostic in capped(diagnostics, sources, REPEAT_LIMIT) {
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(label) = diagnostic.primary() {
            let file = sources.get(label.file);
            let (line, column) = file.line_col(label.span.start);
            let (end_line, end_column) = file.line_col(label.span.end);
            props.push(format!(
                "file={}",
                escape_property(&visible(&file.path.display().to_string()))
            ));
            props.push(format!(
                "line={line},col={column},endLine={end_line},endColumn={end_column}"
            ));
        }
        let mut title = format!("appealpack {}", diagnostic.code.as_str());
        if let Some(locale) = &diagnostic.locale {
            title.push_str(&format!(" ({})", visible(locale)));
        }
        props.push(format!("title={}", escape_property(&title)));
        // Each part made visible first: the line breaks between them are the only real ones.
        let mut message = visible(&diagnostic.message).into_owned();
        for line in diagnostic.notes.iter().chain(&diagnostic.help) {
            message.push('\n');
            message.push_str(&visible(line));
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&message)
        );
    }
    out
}

// Escaping rules of GitHub's workflow commands (actions/toolkit, command.ts).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    fn sample() -> (SourceMap, Diagnostic) {
        let mut sources = SourceMap::new();
        let file = sources.add_plain("i18n/fr/alert.ftl", "a = b\nalert-p3 = { $nme }\n");
        let diagnostic = Diagnostic::error(Code::UnknownVariable, "unknown variable `$nme`")
            .in_locale("fr")
            .with_label(file, 15..19, "not a variable of the reference message")
            .with_help("did you mean `$name`?");
        (sources, diagnostic)
    }

    #[test]
    fn human_output_quotes_the_source() {
        let (sources, diagnostic) = sample();
        let text = human(std::slice::from_ref(&diagnostic), &sources, false);
        assert!(
            text.contains("error[unknown-variable]: unknown variable `$nme` [fr]"),
            "{text}"
        );
        assert!(text.contains("i18n/fr/alert.ftl:2:10"), "{text}");
        assert!(text.contains("alert-p3 = { $nme }"), "{text}");
        assert!(text.contains("help: did you mean `$name`?"), "{text}");
    }

    #[test]
    fn spans_inside_a_character_are_widened() {
        let mut sources = SourceMap::new();
        // "field-name الاسم": the parser points one byte into the Arabic word.
        let file = sources.add_plain("ar.ftl", "field-name الاسم\n");
        let diagnostic = Diagnostic::error(Code::Syntax, "expected a token starting with \"=\"")
            .with_label(file, 12..13, "here");
        let text = human(&[diagnostic], &sources, false);
        assert!(text.contains("ar.ftl:1:12"), "{text}");
    }

    #[test]
    fn github_annotations_escape_properties() {
        let (sources, diagnostic) = sample();
        let text = github(&[diagnostic], &sources);
        assert_eq!(
            text,
            "::error file=i18n/fr/alert.ftl,line=2,col=10,endLine=2,endColumn=14,\
             title=appealpack unknown-variable (fr)::unknown variable `$nme`%0Adid you mean `$name`?\n"
        );
    }
}
