//! Diagnostic output: rustc-style snippets for people, JSON for tools, annotations for GitHub.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, renderer::DecorStyle};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::SourceMap;

/// Renders diagnostics as rustc does: header, `--> file:line:column`, the source lines with
/// the spans underlined, then notes and help.
pub fn human(diagnostics: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Unicode);
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&renderer.render(&groups(diagnostic, sources)));
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

/// Quoted source of one file: only the lines the labels touch, so a huge file costs nothing.
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

fn groups<'a>(diagnostic: &'a Diagnostic, sources: &SourceMap) -> Vec<Group<'a>> {
    let mut title = diagnostic.message.clone();
    if let Some(locale) = &diagnostic.locale {
        title = format!("{title} [{locale}]");
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
        let excerpt = excerpt(sources, &labels);
        let path = sources.path(file).display().to_string();
        let mut snippet = Snippet::source(excerpt.text.clone())
            .line_start(excerpt.first_line)
            .path(path);
        for label in &labels {
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
            snippet = snippet.annotation(kind.span(start..end).label(label.message.clone()));
        }
        group = group.element(snippet);
    }
    for note in &diagnostic.notes {
        group = group.element(Level::NOTE.message(note.clone()));
    }
    for help in &diagnostic.help {
        group = group.element(Level::HELP.message(help.clone()));
    }
    vec![group]
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

/// One line per diagnostic, for logs: `file:line:column: error[code]: message`.
pub fn short(diagnostic: &Diagnostic, sources: &SourceMap) -> String {
    let mut out = String::new();
    if let Some(label) = diagnostic.primary() {
        let (line, column) = sources.get(label.file).line_col(label.span.start);
        let _ = write!(
            out,
            "{}:{line}:{column}: ",
            sources.path(label.file).display()
        );
    }
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = write!(
        out,
        "{severity}[{}]: {}",
        diagnostic.code.as_str(),
        diagnostic.message
    );
    if let Some(locale) = &diagnostic.locale {
        let _ = write!(out, " [{locale}]");
    }
    out
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

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
pub fn github(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
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
                escape_property(&file.path.display().to_string())
            ));
            props.push(format!(
                "line={line},col={column},endLine={end_line},endColumn={end_column}"
            ));
        }
        let mut title = format!("appealpack {}", diagnostic.code.as_str());
        if let Some(locale) = &diagnostic.locale {
            title.push_str(&format!(" ({locale})"));
        }
        props.push(format!("title={}", escape_property(&title)));
        let mut message = diagnostic.message.clone();
        for line in diagnostic.notes.iter().chain(&diagnostic.help) {
            message.push('\n');
            message.push_str(line);
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
