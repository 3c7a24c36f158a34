//! Levels of diagnostics (`--deny`, `--warn`, `--allow`, and a configuration's section), as rustc and clippy set lints.

use std::collections::BTreeMap;

use super::{Code, Diagnostic, Severity};

/// What the user makes of every diagnostic of one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// An error: `check` fails, `build` withholds the locale.
    Deny,
    /// A warning: reported, never fails.
    Warn,
    /// Not reported at all.
    Allow,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Deny => "deny",
            Level::Warn => "warn",
            Level::Allow => "allow",
        }
    }
}

/// What is checked: an appeal (a manifest: its packs are printed and sent) or a bare Fluent
/// tree (`--root`, `--config`: a product's localisation, where a reworded number is often a
/// correct localisation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Appeal,
    Tree,
}

/// The checks that guard an appeal's facts and print: errors for an appeal, warnings for a
/// bare tree unless the user says otherwise (docs/diagnostics.md, decision 0013).
pub const APPEAL_ONLY_ERRORS: &[Code] = &[
    Code::NumberMismatch,
    Code::EmailMismatch,
    Code::UrlMismatch,
    Code::HandleMismatch,
    Code::EmptyValue,
];

/// Codes that say the inputs could not be read at all: no level changes them.
const FIXED: &[Code] = &[Code::Io, Code::ManifestInvalid, Code::FontInvalid];

/// Codes an `allow(…)` marker may silence, and the errors an appeal may lower to a warning or
/// allow: judgements a reviewer can overrule. What would break the pack (missing text, syntax,
/// unknown variables, tofu, over-long posts) cannot be, nor can any other error, which would
/// leave a hole or a broken glyph in a printed pack.
pub(crate) const ALLOWABLE: &[Code] = &[
    Code::Untranslated,
    Code::EmptyValue,
    Code::MissingVariable,
    Code::MissingReference,
    Code::NumberMismatch,
    Code::EmailMismatch,
    Code::UrlMismatch,
    Code::HandleMismatch,
    Code::ExtraPluralCategory,
    Code::ControlCharacter,
    Code::UnisolatedNumber,
    Code::ObsoleteAttribute,
    Code::ObsoleteValue,
];

/// Codes that are only ever warnings: an appeal may allow them too.
const WARNINGS_ONLY: &[Code] = &[
    Code::DuplicateId,
    Code::DuplicateAttribute,
    Code::DuplicateVariant,
    Code::ObsoleteFile,
    Code::ObsoleteMessage,
    Code::ObsoleteTerm,
    Code::NoPluralRules,
    Code::ForcedBreak,
    Code::UnisolatedNumber,
    Code::DuplicateContact,
    Code::UnlistedFolder,
    Code::Stale,
    Code::BelowThreshold,
    Code::UnusedAllow,
];

/// Every code, for "did you mean" and the documentation test.
pub(super) const ALL_CODES: &[Code] = &[
    Code::Io,
    Code::InvalidUtf8,
    Code::ManifestInvalid,
    Code::FontInvalid,
    Code::Syntax,
    Code::DuplicateId,
    Code::DuplicateAttribute,
    Code::DuplicateVariant,
    Code::MissingFile,
    Code::ObsoleteFile,
    Code::MissingMessage,
    Code::ObsoleteMessage,
    Code::MissingTerm,
    Code::ObsoleteTerm,
    Code::MissingAttribute,
    Code::ObsoleteAttribute,
    Code::MissingValue,
    Code::ObsoleteValue,
    Code::EmptyValue,
    Code::Untranslated,
    Code::UnknownVariable,
    Code::MissingVariable,
    Code::UnknownMessage,
    Code::UnknownTerm,
    Code::MissingReference,
    Code::CyclicReference,
    Code::ResolveError,
    Code::MissingPluralCategory,
    Code::ExtraPluralCategory,
    Code::NoPluralRules,
    Code::NumberMismatch,
    Code::EmailMismatch,
    Code::UrlMismatch,
    Code::HandleMismatch,
    Code::MissingGlyph,
    Code::TooLong,
    Code::ReplacementCharacter,
    Code::ForcedBreak,
    Code::ControlCharacter,
    Code::UnisolatedNumber,
    Code::CanonicalDrift,
    Code::CorrectionMismatch,
    Code::InvalidLocale,
    Code::LocaleFolder,
    Code::DuplicateContact,
    Code::MalformedContact,
    Code::UnlistedFolder,
    Code::Stale,
    Code::BelowThreshold,
    Code::UnusedAllow,
];

/// The level of each code that has one; a code without is reported as its check made it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels(BTreeMap<Code, Level>);

impl Levels {
    /// The defaults of a mode: none for an appeal, the appeal's own checks as warnings for a
    /// bare tree.
    pub fn defaults(mode: Mode) -> Self {
        let mut levels = Levels::default();
        if mode == Mode::Tree {
            for &code in APPEAL_ONLY_ERRORS {
                levels.set(code, Level::Warn);
            }
        }
        levels
    }

    /// Sets (or replaces) the level of `code`.
    pub fn set(&mut self, code: Code, level: Level) {
        self.0.insert(code, level);
    }

    pub fn get(&self, code: Code) -> Option<Level> {
        self.0.get(&code).copied()
    }

    /// The diagnostic at its code's level, or `None` when that level is `allow`.
    pub fn apply(&self, mut diagnostic: Diagnostic) -> Option<Diagnostic> {
        match self.get(diagnostic.code) {
            None => Some(diagnostic),
            Some(Level::Allow) => None,
            Some(Level::Deny) => {
                diagnostic.severity = Severity::Error;
                Some(diagnostic)
            }
            Some(Level::Warn) => {
                diagnostic.severity = Severity::Warning;
                Some(diagnostic)
            }
        }
    }
}

/// The code named `name`, if it may be set to `level` in `mode`; otherwise why not, as a
/// message (lowercase, no final period) with a "did you mean" where one fits.
pub fn parse_setting(name: &str, level: Level, mode: Mode) -> Result<Code, String> {
    let Some(code) = Code::parse(name) else {
        let known: Vec<String> = ALL_CODES.iter().map(|c| c.as_str()).collect();
        return Err(match closest_code(name, &known) {
            Some(near) => format!("unknown diagnostic code `{name}`; did you mean `{near}`?"),
            None => format!(
                "unknown diagnostic code `{name}` (the codes are listed in docs/diagnostics.md)"
            ),
        });
    };
    if FIXED.contains(&code) {
        return Err(format!(
            "the level of `{name}` cannot be changed: it means the inputs could not be read"
        ));
    }
    let lowers = level != Level::Deny;
    if mode == Mode::Appeal
        && lowers
        && !ALLOWABLE.contains(&code)
        && !WARNINGS_ONLY.contains(&code)
    {
        return Err(format!(
            "`{name}` cannot be set to `{}` for an appeal: a pack with this error would print wrong or incomplete",
            level.as_str()
        ));
    }
    Ok(code)
}

/// Names given more than one level by one source (the command line, or one file): the first
/// such code and its two levels.
pub fn conflict(settings: &[(Code, Level)]) -> Option<(Code, Level, Level)> {
    settings.iter().enumerate().find_map(|(i, &(code, level))| {
        settings[..i]
            .iter()
            .find(|(c, l)| *c == code && *l != level)
            .map(|&(_, first)| (code, first, level))
    })
}

/// The known name closest to `name`, when it is close enough to be a slip. (The checker has
/// its own typo-aware distance; this module sits below it.)
fn closest_code<'a>(name: &str, known: &'a [String]) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    known
        .iter()
        .map(|k| (distance(name, k), k.as_str()))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_tree_warns_where_an_appeal_fails() {
        let fact = || Diagnostic::error(Code::NumberMismatch, "`x` lacks the number 2");
        let tree = Levels::defaults(Mode::Tree);
        assert_eq!(tree.apply(fact()).unwrap().severity, Severity::Warning);
        let appeal = Levels::defaults(Mode::Appeal);
        assert_eq!(appeal.apply(fact()).unwrap().severity, Severity::Error);
        let mut allowed = tree.clone();
        allowed.set(Code::NumberMismatch, Level::Allow);
        assert_eq!(allowed.apply(fact()), None);
        let mut denied = tree;
        denied.set(Code::Untranslated, Level::Deny);
        let copied = Diagnostic::warning(Code::Untranslated, "copied");
        assert_eq!(denied.apply(copied).unwrap().severity, Severity::Error);
    }

    #[test]
    fn settings_are_checked_for_their_mode() {
        assert_eq!(
            parse_setting("number-mismatch", Level::Allow, Mode::Appeal),
            Ok(Code::NumberMismatch)
        );
        assert_eq!(
            parse_setting("nuber-mismatch", Level::Warn, Mode::Tree).unwrap_err(),
            "unknown diagnostic code `nuber-mismatch`; did you mean `number-mismatch`?"
        );
        assert!(
            parse_setting("syntax", Level::Warn, Mode::Appeal)
                .unwrap_err()
                .starts_with("`syntax` cannot be set to `warn` for an appeal")
        );
        assert_eq!(
            parse_setting("syntax", Level::Warn, Mode::Tree),
            Ok(Code::Syntax)
        );
        assert_eq!(
            parse_setting("stale", Level::Allow, Mode::Appeal),
            Ok(Code::Stale)
        );
        assert!(parse_setting("io", Level::Allow, Mode::Tree).is_err());
        assert_eq!(
            conflict(&[
                (Code::Stale, Level::Deny),
                (Code::Syntax, Level::Warn),
                (Code::Stale, Level::Allow)
            ]),
            Some((Code::Stale, Level::Deny, Level::Allow))
        );
    }

    #[test]
    fn every_documented_code_is_listed() {
        // A code missing here could not be named on the command line.
        for &code in ALL_CODES {
            assert_eq!(Code::parse(&code.as_str()), Some(code));
        }
        let doc = include_str!("../../docs/diagnostics.md");
        // The rows of the tables headed `| code | severity | meaning |`.
        let mut in_codes = false;
        let mut documented: Vec<&str> = Vec::new();
        for line in doc.lines() {
            if !line.starts_with('|') {
                in_codes = false;
            } else if line.starts_with("| code | severity |") {
                in_codes = true;
            } else if in_codes && line.starts_with("| `") {
                let cell = line.split('|').nth(1).unwrap_or_default();
                documented.extend(cell.split('`').skip(1).step_by(2));
            }
        }
        assert!(documented.len() >= ALL_CODES.len(), "{documented:?}");
        for name in documented {
            let code = Code::parse(name).unwrap_or_else(|| panic!("`{name}` is no code"));
            assert!(ALL_CODES.contains(&code), "`{name}` is not in ALL_CODES");
        }
    }
}
