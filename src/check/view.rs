//! A locale prepared for checking: its entries with their AST, junk, allow markers, plural rules.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::OnceLock;

use fluent_syntax::ast::{self, Attribute, Pattern};

use crate::diagnostic::{ALLOWABLE, Code, Diagnostic};
use crate::load::{FtlFile, Locale, junk_ids};
use crate::source::{FileId, span_in};

use super::facts::Facts;
use super::plurals::PluralInfo;
use super::walk::{Summary, summarise};

/// One message or term of a locale (its first definition).
#[derive(Debug)]
pub(crate) struct EntryView<'a> {
    /// `id` for messages, `-id` for terms.
    pub key: &'a str,
    pub file: &'a FtlFile,
    /// Span of the identifier (with a term's `-`).
    pub span: Range<usize>,
    pub value: Option<&'a Pattern<&'a str>>,
    pub attributes: &'a [Attribute<&'a str>],
    /// The lines of the `#` comment attached to the entry (fluent-bundle's runtime parser
    /// drops comments from the AST, so they are read from the source).
    pub comment: Vec<&'a str>,
    /// The value, then each attribute (first of each name); built once, used by every check.
    patterns: Vec<PatternView<'a>>,
}

impl<'a> EntryView<'a> {
    pub(crate) fn is_term(&self) -> bool {
        self.key.starts_with('-')
    }

    pub(crate) fn source(&self) -> &'a str {
        self.file.resource.source()
    }

    pub(crate) fn file_id(&self) -> FileId {
        self.file.file
    }

    /// The span of a slice of this entry's source (an identifier, a text element).
    pub(crate) fn span_of(&self, slice: &str) -> Range<usize> {
        span_in(self.source(), slice)
    }

    /// The first attribute called `name`.
    pub(crate) fn attribute(&self, name: &str) -> Option<&'a Attribute<&'a str>> {
        self.attributes.iter().find(|a| a.id.name == name)
    }

    /// The value, then each attribute (first of each name).
    pub(crate) fn patterns(&self) -> &[PatternView<'a>] {
        &self.patterns
    }

    /// The value (`None`) or attribute pattern.
    pub(crate) fn pattern(&self, attribute: Option<&str>) -> Option<&'a Pattern<&'a str>> {
        self.pattern_view(attribute).map(|p| p.pattern)
    }

    /// The value (`None`) or attribute, with what is computed about it.
    pub(crate) fn pattern_view(&self, attribute: Option<&str>) -> Option<&PatternView<'a>> {
        self.patterns.iter().find(|p| p.attribute == attribute)
    }

    fn collect_patterns(
        key: &'a str,
        span: &Range<usize>,
        source: &'a str,
        value: Option<&'a Pattern<&'a str>>,
        attributes: &'a [Attribute<&'a str>],
    ) -> Vec<PatternView<'a>> {
        let mut out = Vec::with_capacity(usize::from(value.is_some()) + attributes.len());
        if let Some(value) = value {
            out.push(PatternView::new(
                Cow::Borrowed(key),
                None,
                value,
                span.clone(),
                source,
            ));
        }
        for (i, attribute) in attributes.iter().enumerate() {
            if attributes[..i]
                .iter()
                .all(|a| a.id.name != attribute.id.name)
            {
                let name = format!("{key}.{}", attribute.id.name);
                out.push(PatternView::new(
                    Cow::Owned(name),
                    Some(attribute.id.name),
                    &attribute.value,
                    span_in(source, attribute.id.name),
                    source,
                ));
            }
        }
        out
    }
}

/// A value or an attribute of an entry.
#[derive(Debug, Clone)]
pub(crate) struct PatternView<'a> {
    /// `id` or `id.attr` (terms keep their `-`); a value's name borrows the key.
    pub name: Cow<'a, str>,
    pub attribute: Option<&'a str>,
    pub pattern: &'a Pattern<&'a str>,
    /// Span of the message id (value) or attribute name.
    pub span: Range<usize>,
    /// Its numbers, e-mail addresses, URLs and handles, found on first use: the reference's
    /// are then found once per run, not once per locale.
    pub facts: OnceLock<Facts>,
    /// Its number of words, found on first use.
    pub words: OnceLock<usize>,
    /// Its variables, references and hints, from one walk.
    pub summary: Summary<'a>,
}

impl<'a> PatternView<'a> {
    fn new(
        name: Cow<'a, str>,
        attribute: Option<&'a str>,
        pattern: &'a Pattern<&'a str>,
        span: Range<usize>,
        source: &'a str,
    ) -> Self {
        let summary = summarise(pattern, source);
        Self {
            name,
            attribute,
            pattern,
            span,
            facts: OnceLock::new(),
            words: OnceLock::new(),
            summary,
        }
    }
}

/// An `allow(code, …)` marker in the comment of an entry.
#[derive(Debug, Clone)]
pub(crate) struct Allow {
    pub code: Code,
    pub file: FileId,
    pub span: Range<usize>,
}

/// A locale indexed for the checks; built once per run and shared by every check.
#[derive(Debug)]
pub(crate) struct LocaleView<'a> {
    pub locale: &'a Locale,
    pub entries: BTreeMap<&'a str, EntryView<'a>>,
    /// Ids of entries the parser skipped as Junk: their absence is reported by the syntax
    /// error, not again as missing or unknown.
    pub junk: BTreeSet<String>,
    /// (message, attribute) pairs whose lines are in a junk entry right after the message: not
    /// missing, only broken (the syntax error says so).
    pub junk_attributes: BTreeSet<(String, String)>,
    /// Files by name (`alert.ftl`).
    pub files: BTreeMap<&'a str, &'a FtlFile>,
    /// `allow(…)` markers by entry key.
    pub allows: BTreeMap<&'a str, Vec<Allow>>,
    /// Problems found while indexing (malformed allow markers).
    pub problems: Vec<Diagnostic>,
    /// Found on first use: only locales with plural selects need them.
    plurals: OnceLock<PluralInfo>,
}

impl<'a> LocaleView<'a> {
    pub(crate) fn new(locale: &'a Locale) -> Self {
        // The loader's index is sorted and holds the first definition of each id (it reported
        // the duplicates), so the view is built from it in order, without searching.
        let file_of = |id: FileId| match locale.files.binary_search_by_key(&id, |f| f.file) {
            Ok(i) => Some(&locale.files[i]),
            Err(_) => locale.files.iter().find(|f| f.file == id),
        };
        let entries: BTreeMap<&'a str, EntryView<'a>> = locale
            .entries
            .iter()
            .filter_map(|(key, location)| {
                let file = file_of(location.file)?;
                let (value, attributes) = match file.resource.get_entry(location.index)? {
                    ast::Entry::Message(m) => (m.value.as_ref(), m.attributes.as_slice()),
                    ast::Entry::Term(t) => (Some(&t.value), t.attributes.as_slice()),
                    _ => return None,
                };
                let source = file.resource.source();
                let key = key.as_str();
                // A term's label covers its `-`.
                let mut span = location.span.clone();
                if key.starts_with('-') {
                    span.start = span.start.saturating_sub(1);
                }
                let view = EntryView {
                    key,
                    file,
                    comment: comment_lines(source, span.start),
                    patterns: EntryView::collect_patterns(key, &span, source, value, attributes),
                    span,
                    value,
                    attributes,
                };
                Some((key, view))
            })
            .collect();
        let mut problems = Vec::new();
        let mut allows: BTreeMap<&'a str, Vec<Allow>> = BTreeMap::new();
        for view in entries.values().filter(|v| !v.comment.is_empty()) {
            let found = parse_allows(view, &locale.id, &mut problems);
            if !found.is_empty() {
                allows.insert(view.key, found);
            }
        }
        let mut junk = BTreeSet::new();
        let mut junk_attributes = BTreeSet::new();
        let mut files = BTreeMap::new();
        for file in &locale.files {
            files.insert(file.name.as_str(), file);
            // Attribute lines that became junk belong to the message just before them.
            let mut previous: Option<&str> = None;
            for entry in file.resource.entries() {
                match entry {
                    ast::Entry::Junk { content } => {
                        junk.extend(junk_ids(content));
                        if let Some(key) = previous {
                            junk_attributes.extend(
                                crate::load::junk_attributes(content)
                                    .into_iter()
                                    .map(|a| (key.to_owned(), a)),
                            );
                        }
                    }
                    ast::Entry::Message(m) => previous = Some(m.id.name),
                    _ => previous = None,
                }
            }
        }
        // Entries the loader refused are reported by the loader, as Junk is by its syntax error.
        junk.extend(locale.skipped.iter().cloned());
        // An id that also has a good definition elsewhere is not lost.
        junk.retain(|id| !entries.contains_key(id.as_str()));
        LocaleView {
            locale,
            entries,
            junk,
            junk_attributes,
            files,
            allows,
            problems,
            plurals: OnceLock::new(),
        }
    }

    pub(crate) fn id(&self) -> &'a str {
        &self.locale.id
    }

    /// The CLDR plural categories of the locale, as fluent-bundle will choose them.
    pub(crate) fn plurals(&self) -> &PluralInfo {
        self.plurals
            .get_or_init(|| PluralInfo::for_locale(&self.locale.langid))
    }

    pub(crate) fn get(&self, key: &str) -> Option<&EntryView<'a>> {
        self.entries.get(key)
    }

    /// A diagnostic of this locale about `message` (`id` or `id.attr`).
    pub(crate) fn error(&self, code: Code, message: impl Into<String>, about: &str) -> Diagnostic {
        Diagnostic::error(code, message)
            .in_locale(self.id())
            .for_message(about)
    }

    pub(crate) fn warning(
        &self,
        code: Code,
        message: impl Into<String>,
        about: &str,
    ) -> Diagnostic {
        Diagnostic::warning(code, message)
            .in_locale(self.id())
            .for_message(about)
    }
}

/// An entry both locales define: (translation, reference).
pub(crate) type Twin<'v, 'a> = (&'v EntryView<'a>, &'v EntryView<'a>);

/// How a locale's entries line up with the reference's.
#[derive(Debug, Default)]
pub(crate) struct Alignment<'v, 'a> {
    /// Entries both define, in key order.
    pub twins: Vec<Twin<'v, 'a>>,
    /// Entries of the reference the locale lacks.
    pub missing: Vec<&'v EntryView<'a>>,
    /// Entries of the locale the reference does not have.
    pub extra: Vec<&'v EntryView<'a>>,
}

/// Lines `view` up with `reference` by one merge of their sorted indexes, so that no
/// comparing check looks an entry up by name (thousands of string comparisons per locale).
pub(crate) fn align<'v, 'a>(
    reference: &'v LocaleView<'a>,
    view: &'v LocaleView<'a>,
) -> Alignment<'v, 'a> {
    let mut aligned = Alignment {
        twins: Vec::with_capacity(view.entries.len()),
        ..Alignment::default()
    };
    let mut theirs = reference.entries.iter().peekable();
    let mut mine = view.entries.iter().peekable();
    loop {
        match (theirs.peek(), mine.peek()) {
            (Some((a, _)), Some((b, _))) => match a.cmp(b) {
                std::cmp::Ordering::Less => aligned.missing.push(theirs.next().expect("peeked").1),
                std::cmp::Ordering::Greater => aligned.extra.push(mine.next().expect("peeked").1),
                std::cmp::Ordering::Equal => {
                    let twin = theirs.next().expect("peeked").1;
                    aligned.twins.push((mine.next().expect("peeked").1, twin));
                }
            },
            (Some(_), None) => aligned.missing.push(theirs.next().expect("peeked").1),
            (None, Some(_)) => aligned.extra.push(mine.next().expect("peeked").1),
            (None, None) => return aligned,
        }
    }
}

/// The lines of the single-`#` comment directly above the entry whose identifier starts at
/// `id_start` (Fluent attaches such a comment to the entry; `##` and `###` stand alone).
pub(crate) fn comment_lines(source: &str, id_start: usize) -> Vec<&str> {
    let before = source.get(..id_start).unwrap_or_default();
    // A term's span starts after its `-`.
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut lines = Vec::new();
    let mut end = line_start;
    while end > 0 {
        let previous_end = end - 1;
        let start = source[..previous_end].rfind('\n').map_or(0, |i| i + 1);
        let line = source[start..previous_end].trim_end_matches('\r');
        let is_comment = line == "#" || line.starts_with("# ");
        if !is_comment {
            break;
        }
        lines.push(
            line.strip_prefix('#')
                .unwrap_or(line)
                .strip_prefix(' ')
                .unwrap_or_default(),
        );
        end = start;
    }
    lines.reverse();
    lines
}

/// Reads `allow(code, …)` lines of an entry's comment. The rest of the line is the reason,
/// for reviewers: `# allow(untranslated): "Date" is the same word in French`.
fn parse_allows(entry: &EntryView, locale: &str, problems: &mut Vec<Diagnostic>) -> Vec<Allow> {
    let mut out = Vec::new();
    for line in &entry.comment {
        let trimmed = line.trim_start();
        let Some(rest) = trimmed.strip_prefix("allow(") else {
            continue;
        };
        let Some(close) = rest.find(')') else {
            continue;
        };
        let mut offset = entry.span_of(rest).start;
        for name in rest[..close].split(',') {
            let span_start = offset + (name.len() - name.trim_start().len());
            let span = span_start..span_start + name.trim().len();
            offset += name.len() + 1;
            let name = name.trim();
            let problem = match Code::parse(name) {
                Some(code) if ALLOWABLE.contains(&code) => {
                    out.push(Allow {
                        code,
                        file: entry.file_id(),
                        span,
                    });
                    continue;
                }
                Some(_) => format!("`{name}` cannot be allowed"),
                None => format!("`{name}` is not a diagnostic code"),
            };
            problems.push(
                Diagnostic::warning(Code::UnusedAllow, problem)
                    .in_locale(locale)
                    .for_message(entry.key)
                    .with_label(entry.file_id(), span, "in this allow marker")
                    .with_help(format!(
                        "codes that can be allowed: {}",
                        ALLOWABLE
                            .iter()
                            .map(|c| c.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_read_above_the_entry() {
        let source = "## group\n\n# one\n# two\nkey = v\n#three\n-term = t\n";
        let key = source.find("key").unwrap();
        assert_eq!(comment_lines(source, key), ["one", "two"]);
        let term = source.find("term").unwrap();
        assert!(
            comment_lines(source, term).is_empty(),
            "`#three` is not a comment line"
        );
        assert!(comment_lines(source, 0).is_empty());
    }
}
