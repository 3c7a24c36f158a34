//! Diagnostics: every problem found in the inputs, with its source spans, collected not thrown.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::source::FileId;

mod levels;

pub(crate) use levels::ALLOWABLE;
pub use levels::{APPEAL_ONLY_ERRORS, Level, Levels, Mode, conflict, parse_setting};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Stable identifier of each kind of diagnostic; part of the JSON schema (docs/diagnostics.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    // Reading the tree.
    Io,
    InvalidUtf8,
    ManifestInvalid,
    FontInvalid,
    // Fluent syntax and structure.
    Syntax,
    DuplicateId,
    DuplicateAttribute,
    DuplicateVariant,
    // Coverage against the reference locale.
    MissingFile,
    ObsoleteFile,
    MissingMessage,
    ObsoleteMessage,
    MissingTerm,
    ObsoleteTerm,
    MissingAttribute,
    ObsoleteAttribute,
    MissingValue,
    ObsoleteValue,
    EmptyValue,
    Untranslated,
    // Placeables.
    UnknownVariable,
    MissingVariable,
    UnknownMessage,
    UnknownTerm,
    /// A message or term reference of the reference locale that the translation drops.
    MissingReference,
    CyclicReference,
    ResolveError,
    // Plurals.
    MissingPluralCategory,
    ExtraPluralCategory,
    NoPluralRules,
    // Facts that must survive translation.
    NumberMismatch,
    EmailMismatch,
    UrlMismatch,
    HandleMismatch,
    // Printing.
    MissingGlyph,
    TooLong,
    ReplacementCharacter,
    /// A word wider than the PDF's line, broken anywhere so that it stays on the page.
    ForcedBreak,
    /// Control characters and bidi overrides that should not be in a translation.
    ControlCharacter,
    /// Digit groups joined by `-` `/` `.` `:` that a right-to-left paragraph prints in
    /// reverse order, because they are not isolated.
    UnisolatedNumber,
    // The reference against the canonical alert.
    CanonicalDrift,
    /// A declared correction that no longer matches the canonical text or the reference.
    CorrectionMismatch,
    // Manifest sanity.
    InvalidLocale,
    LocaleFolder,
    DuplicateContact,
    MalformedContact,
    /// A folder of the i18n tree that the manifest does not list as a locale.
    UnlistedFolder,
    // Workflow.
    Stale,
    BelowThreshold,
    /// An `allow(…)` marker in a comment that names no known code or silences nothing.
    UnusedAllow,
}

impl Code {
    pub fn as_str(self) -> String {
        // The serde name is the public one; reuse it so the two never disagree.
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The code with this kebab-case name, as written in `allow(…)` markers.
    pub fn parse(name: &str) -> Option<Code> {
        serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
    }
}

/// A place in a source file that a diagnostic points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// Lowercase, no trailing period, like rustc's.
    pub message: String,
    pub locale: Option<String>,
    /// The message (or `message.attribute`) the diagnostic is about, when there is one.
    pub message_id: Option<String>,
    /// The first label is the primary one.
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Vec<String>,
    /// In a report, how many diagnostics of this kind this one stands for and does not show
    /// (see `report::capped`); 0 for every diagnostic the checks make.
    pub omitted: usize,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            locale: None,
            message_id: None,
            labels: Vec::new(),
            notes: Vec::new(),
            help: Vec::new(),
            omitted: 0,
        }
    }

    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn in_locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    pub fn for_message(mut self, id: impl Into<String>) -> Self {
        self.message_id = Some(id.into());
        self
    }

    pub fn with_label(
        mut self,
        file: FileId,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn primary(&self) -> Option<&Label> {
        self.labels.first()
    }
}

/// Everything found in one run, in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `locale` has any error (diagnostics without a locale count for every locale).
    pub fn locale_has_errors(&self, locale: &str) -> bool {
        self.0
            .iter()
            .any(|d| d.is_error() && d.locale.as_deref().is_none_or(|l| l == locale))
    }

    /// Sorts by locale, file, position, then code, so output never depends on thread timing.
    pub fn sort(&mut self) {
        // The key is built once per diagnostic: a large tree can have thousands.
        self.0.sort_by_cached_key(|d| {
            (
                d.locale.clone(),
                d.primary().map(|l| (l.file, l.span.start, l.span.end)),
                d.code,
                d.message.clone(),
            )
        });
        self.0.dedup();
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Self(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_kebab_case_names() {
        assert_eq!(
            Code::MissingPluralCategory.as_str(),
            "missing-plural-category"
        );
        assert_eq!(Code::Io.as_str(), "io");
        assert_eq!(Code::parse("number-mismatch"), Some(Code::NumberMismatch));
        assert_eq!(Code::parse("no-such-code"), None);
    }

    #[test]
    fn locale_errors_include_global_ones() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::warning(Code::EmptyValue, "w").in_locale("fr"));
        assert!(!all.locale_has_errors("fr"));
        all.push(Diagnostic::error(Code::ManifestInvalid, "bad manifest"));
        assert!(all.locale_has_errors("fr"));
    }
}
