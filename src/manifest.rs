//! The alert manifest (`i18n/manifest.toml`): typed with serde, unknown keys rejected.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::{Deref, Range};

use serde::{Deserialize, Deserializer};
use unic_langid::LanguageIdentifier;

use crate::chars::lowercase_first;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

// docs/manifest.md documents every key of the types below (a test).
#[cfg(test)]
mod schema_doc;

/// A string from the manifest that remembers where it was written, so diagnostics can point
/// at it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Ident {
    pub name: String,
    pub span: Range<usize>,
}

impl Ident {
    pub(crate) fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            span: 0..0,
        }
    }
}

impl<'de> Deserialize<'de> for Ident {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = toml::Spanned::<String>::deserialize(deserializer)?;
        Ok(Self {
            span: spanned.span(),
            name: spanned.into_inner(),
        })
    }
}

impl Deref for Ident {
    type Target = str;
    fn deref(&self) -> &str {
        &self.name
    }
}

impl fmt::Debug for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.name, f)
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// A reference to a Fluent message, `id` or `id.attribute`.
pub(crate) type MessageRef = Ident;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Manifest {
    pub alert: AlertConfig,
    #[serde(default)]
    pub fonts: FontsConfig,
    pub pack: PackConfig,
    #[serde(default)]
    pub sections: Vec<SectionConfig>,
    #[serde(default)]
    pub letters: Option<LettersConfig>,
    pub contacts: ContactsConfig,
    #[serde(default)]
    pub addressees: Vec<AddresseeConfig>,
    #[serde(default)]
    pub limits: Vec<LimitConfig>,
    #[serde(default)]
    pub release: ReleaseConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct AlertConfig {
    /// Stable id of the alert; it names the output files.
    pub id: Ident,
    /// The locale every other locale is checked against.
    pub reference: Ident,
    /// The canonical text the reference must reproduce, relative to the manifest.
    #[serde(default)]
    pub canonical: Option<Ident>,
    pub locales: Vec<Ident>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct FontsConfig {
    /// Families used when a locale names none, in fallback order.
    #[serde(default)]
    pub default: Vec<String>,
    /// Families per locale, in fallback order.
    #[serde(default)]
    pub locales: BTreeMap<String, Vec<String>>,
}

impl FontsConfig {
    pub(crate) fn for_locale(&self, locale: &str) -> &[String] {
        self.locales.get(locale).unwrap_or(&self.default)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct PackConfig {
    pub title: MessageRef,
    #[serde(default)]
    pub subtitle: Option<MessageRef>,
    #[serde(default)]
    pub subject: Option<MessageRef>,
    #[serde(default)]
    pub author: Option<MessageRef>,
    pub language_name: MessageRef,
    /// Running footer; receives `$page` and `$pages`.
    pub footer: MessageRef,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct SectionConfig {
    pub id: Ident,
    #[serde(default)]
    pub heading: Option<MessageRef>,
    /// Whether the reference locale must reproduce this section of the canonical text.
    #[serde(default)]
    pub canonical: bool,
    pub blocks: Vec<BlockConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) enum BlockConfig {
    Paragraph(MessageRef),
    Paragraphs(Vec<MessageRef>),
    List(Vec<MessageRef>),
    /// The address entries of these addressees, by id.
    Addresses(Vec<Ident>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct LettersConfig {
    #[serde(default)]
    pub kicker: Option<MessageRef>,
    #[serde(default)]
    pub subject: Option<MessageRef>,
    pub body: Vec<BlockConfig>,
    /// Labels of the places the sender fills in (name, organisation, date).
    #[serde(default)]
    pub signature: Vec<MessageRef>,
    #[serde(default)]
    pub post_heading: Option<MessageRef>,
    /// Suggested post, printed for addressees reached only on X; receives `$handle`.
    #[serde(default)]
    pub post: Option<MessageRef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct ContactsConfig {
    /// One address entry; receives `$name`, `$role` and `$contact`.
    pub entry: MessageRef,
    /// Between two channels of one addressee.
    pub separator: MessageRef,
    pub email: MessageRef,
    pub x: MessageRef,
    #[serde(default)]
    pub postal: Option<MessageRef>,
    #[serde(default)]
    pub web: Option<MessageRef>,
    #[serde(default)]
    pub phone: Option<MessageRef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct AddresseeConfig {
    pub id: Ident,
    /// Message whose value is the name, with `.role`, `.salutation` and `.closing`.
    pub message: MessageRef,
    /// Passed to letter messages as `$kind`.
    #[serde(default = "default_kind")]
    pub kind: Ident,
    pub channels: Vec<Channel>,
    /// Warnings about this addressee that the alert's author has checked and keeps, each with
    /// the reason: `allow = [{ code = "duplicate-contact", reason = "…" }]`.
    #[serde(default)]
    pub allow: Vec<AllowConfig>,
}

/// A warning the manifest silences on purpose, and why (shown once in `check`'s summary).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AllowConfig {
    pub code: Ident,
    pub reason: String,
}

fn default_kind() -> Ident {
    Ident::new("official")
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) enum Channel {
    Email(Ident),
    X(Ident),
    Postal(Ident),
    Web(Ident),
    Phone(Ident),
}

impl Channel {
    pub(crate) fn value(&self) -> &Ident {
        match self {
            Channel::Email(v)
            | Channel::X(v)
            | Channel::Postal(v)
            | Channel::Web(v)
            | Channel::Phone(v) => v,
        }
    }

    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Channel::Email(_) => "email",
            Channel::X(_) => "x",
            Channel::Postal(_) => "postal",
            Channel::Web(_) => "web",
            Channel::Phone(_) => "phone",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct LimitConfig {
    pub message: MessageRef,
    pub max: usize,
    #[serde(default)]
    pub count: Counting,
}

/// What a build publishes (`[release]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct ReleaseConfig {
    /// A locale whose coverage (per cent of the reference's messages and terms) is below this
    /// is not published. 100 means complete: every message, term and attribute. Below 100, a
    /// locale at or above it is published with the reference's text for what it lacks.
    #[serde(default = "full_coverage", deserialize_with = "percentage")]
    pub min_coverage: f64,
}

impl Default for ReleaseConfig {
    fn default() -> Self {
        Self {
            min_coverage: full_coverage(),
        }
    }
}

fn full_coverage() -> f64 {
    100.0
}

/// A number from 0 to 100; toml points the error at the value.
fn percentage<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    let value = f64::deserialize(deserializer)?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(serde::de::Error::custom(format!(
            "min-coverage must be a percentage from 0 to 100, not {value}"
        )))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Counting {
    /// Unicode scalar values.
    #[default]
    Chars,
    /// As X counts a post: URLs 23, most scripts 1, CJK and emoji 2.
    X,
}

impl Manifest {
    /// Parses the manifest; a TOML or schema error becomes a diagnostic pointing into the file.
    pub(crate) fn parse(text: &str, file: FileId) -> Result<Manifest, Box<Diagnostic>> {
        toml::from_str::<Manifest>(text).map_err(|error| {
            let span = error.span().unwrap_or(0..0);
            let message = error.message().trim_end_matches('.').to_owned();
            let mut message = lowercase_first(&message);
            if message.is_empty() {
                message = "invalid manifest".into();
            }
            Box::new(
                Diagnostic::error(Code::ManifestInvalid, message).with_label(file, span, "here"),
            )
        })
    }

    pub(crate) fn locale_ids(&self) -> impl Iterator<Item = &str> {
        self.alert.locales.iter().map(|l| l.name.as_str())
    }

    pub(crate) fn addressee(&self, id: &str) -> Option<&AddresseeConfig> {
        self.addressees.iter().find(|a| a.id.name == id)
    }

    /// Checks what serde cannot: locale ids, references between parts of the manifest.
    pub(crate) fn validate(&self, file: FileId) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let error = |code, message: String, at: &Ident, label: &str| {
            Diagnostic::error(code, message).with_label(file, at.span.clone(), label.to_owned())
        };
        if !is_safe_name(&self.alert.id) {
            out.push(error(
                Code::ManifestInvalid,
                format!(
                    "alert id `{}` must use only letters, digits, `-` and `_`",
                    self.alert.id
                ),
                &self.alert.id,
                "used in output file names",
            ));
        }
        let mut seen = BTreeSet::new();
        for locale in &self.alert.locales {
            if let Some(problem) = locale_id_problem(locale) {
                out.push(error(
                    Code::InvalidLocale,
                    problem,
                    locale,
                    "not a valid locale id",
                ));
            } else if !seen.insert(locale.name.as_str()) {
                out.push(error(
                    Code::ManifestInvalid,
                    format!("locale `{locale}` is listed twice"),
                    locale,
                    "duplicate",
                ));
            }
        }
        if !self
            .alert
            .locales
            .iter()
            .any(|l| l.name == self.alert.reference.name)
        {
            out.push(error(
                Code::ManifestInvalid,
                format!(
                    "the reference locale `{}` is not in `alert.locales`",
                    self.alert.reference
                ),
                &self.alert.reference,
                "add it to the locales",
            ));
        }
        // Section ids name the status columns (`status --markdown` goes into pull requests)
        // and the packs' anchors: the rule of message ids keeps markup out of them.
        for section in &self.sections {
            if !is_identifier(&section.id) {
                out.push(error(
                    Code::ManifestInvalid,
                    format!(
                        "section id `{}` must be an identifier like a message id: a letter, then letters, digits, `-` and `_`",
                        section.id
                    ),
                    &section.id,
                    "not an identifier",
                ));
            }
        }
        let mut addressees = BTreeSet::new();
        for addressee in &self.addressees {
            if !addressees.insert(addressee.id.name.as_str()) {
                out.push(error(
                    Code::ManifestInvalid,
                    format!("addressee `{}` is defined twice", addressee.id),
                    &addressee.id,
                    "duplicate",
                ));
            }
            if addressee.channels.is_empty() {
                out.push(error(
                    Code::ManifestInvalid,
                    format!("addressee `{}` has no contact channel", addressee.id),
                    &addressee.id,
                    "add e-mail, x, postal, web or phone",
                ));
            }
        }
        let blocks = self
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .chain(self.letters.iter().flat_map(|l| &l.body));
        for block in blocks {
            if let BlockConfig::Addresses(ids) = block {
                for id in ids.iter().filter(|id| self.addressee(id).is_none()) {
                    out.push(error(
                        Code::ManifestInvalid,
                        format!("unknown addressee `{id}`"),
                        id,
                        "not defined in [[addressees]]",
                    ));
                }
            }
        }
        out
    }
}

/// Why `locale` cannot be used as a locale id and folder name, if it cannot.
pub(crate) fn locale_id_problem(locale: &Ident) -> Option<String> {
    if !is_safe_name(locale) {
        return Some(format!(
            "`{locale}` is not a locale id (letters, digits and `-` only)"
        ));
    }
    match locale.parse::<LanguageIdentifier>() {
        Err(_) => Some(format!(
            "`{locale}` is not a valid BCP 47 language identifier"
        )),
        Ok(langid) if langid.to_string() != locale.name => Some(format!(
            "locale `{locale}` should be written in canonical form `{langid}`"
        )),
        Ok(_) => None,
    }
}

/// A Fluent identifier, the rule of message ids: an ASCII letter, then ASCII letters, digits,
/// `-` and `_`.
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Letters, digits, `-` and `_`: safe as a path component on every platform.
fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[alert]
id = "a"
reference = "en"
locales = ["en", "fr"]
[pack]
title = "t"
language-name = "l"
footer = "f"
[contacts]
entry = "e"
separator = "s"
email = "m"
x = "x"
"#;

    #[test]
    fn parses_a_minimal_manifest() {
        let manifest = Manifest::parse(MINIMAL, FileId(0)).unwrap();
        assert_eq!(manifest.locale_ids().collect::<Vec<_>>(), ["en", "fr"]);
        assert!(manifest.validate(FileId(0)).is_empty());
    }

    #[test]
    fn unknown_keys_point_at_the_key() {
        let text = MINIMAL.replace("[pack]", "[pack]\ncolour = \"red\"");
        let error = Manifest::parse(&text, FileId(0)).unwrap_err();
        assert_eq!(error.code, Code::ManifestInvalid);
        assert!(
            error.message.contains("unknown field `colour`"),
            "{}",
            error.message
        );
        let span = error.labels[0].span.clone();
        assert_eq!(&text[span], "colour");
    }

    #[test]
    fn hostile_locale_ids_are_rejected() {
        for bad in ["../../etc", "en/../../x", "", "EN"] {
            let text = MINIMAL.replace(r#"["en", "fr"]"#, &format!(r#"["en", "{bad}"]"#));
            let manifest = Manifest::parse(&text, FileId(0)).unwrap();
            let problems = manifest.validate(FileId(0));
            assert!(
                problems.iter().any(|d| d.code == Code::InvalidLocale),
                "{bad}: {problems:?}"
            );
        }
    }

    #[test]
    fn release_threshold_defaults_to_complete() {
        let manifest = Manifest::parse(MINIMAL, FileId(0)).unwrap();
        assert_eq!(manifest.release.min_coverage, 100.0);
        let text = format!("{MINIMAL}[release]\nmin-coverage = 90\n");
        assert_eq!(
            Manifest::parse(&text, FileId(0))
                .unwrap()
                .release
                .min_coverage,
            90.0
        );
    }

    #[test]
    fn release_threshold_must_be_a_percentage() {
        let text = format!("{MINIMAL}[release]\nmin-coverage = 120\n");
        let error = Manifest::parse(&text, FileId(0)).unwrap_err();
        assert!(
            error.message.contains("percentage from 0 to 100, not 120"),
            "{}",
            error.message
        );
        assert_eq!(&text[error.labels[0].span.clone()], "120");
    }

    #[test]
    fn duplicate_locales_are_rejected() {
        let text = MINIMAL.replace(r#"["en", "fr"]"#, r#"["en", "fr", "fr"]"#);
        let manifest = Manifest::parse(&text, FileId(0)).unwrap();
        let problems = manifest.validate(FileId(0));
        assert_eq!(problems[0].message, "locale `fr` is listed twice");
    }
}
