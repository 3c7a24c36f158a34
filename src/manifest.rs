//! The alert manifest (`i18n/manifest.toml`): typed with serde, unknown keys rejected.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::{Deref, Range};

use serde::{Deserialize, Deserializer};
use unic_langid::LanguageIdentifier;

use crate::chars::lowercase_first;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

mod channel;
mod date;
mod levels;

pub(crate) use channel::{Channel, number_problem, tel_uri};
pub(crate) use date::IsoDate;
pub(crate) use levels::LevelsConfig;

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
    /// Differences from the canonical text that the reference makes on purpose.
    #[serde(default)]
    pub corrections: Vec<CorrectionConfig>,
    /// The labels of the web page's one-click actions (`--format html`, the download page).
    #[serde(default)]
    pub web: Option<WebConfig>,
    /// Levels of the checker's diagnostics for this appeal (`deny`, `warn`, `allow`).
    #[serde(default)]
    pub check: LevelsConfig,
}

/// The words of the web page's actions (`[web]`): without the table, the pages use English.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct WebConfig {
    /// Heading of the block of one-click actions ("Act now").
    pub act_now: MessageRef,
    /// The link that opens a letter in the reader's mail program ("Send this letter").
    pub send_letter: MessageRef,
    /// The link that opens a suggested post on X ("Post on X").
    pub post_on_x: MessageRef,
    /// The button that copies a letter, for mail programs that cut long links.
    pub copy_letter: MessageRef,
    /// The download page's link to the web page ("Read online").
    pub read_online: MessageRef,
}

/// A slip of the source that the reference corrects (`[[corrections]]`): on the canonical line
/// that `message` makes, the canonical check reads `source` as `corrected`, and accepts no
/// other difference.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct CorrectionConfig {
    /// The message whose text holds the corrected words (`id` or `id.attribute`).
    pub message: MessageRef,
    /// The source's words, as canonical.txt has them on that message's line.
    pub source: Ident,
    /// The words the reference has instead.
    pub corrected: Ident,
    /// Why, for the next reader (and for the issuing organisation).
    pub reason: String,
    /// The correction in each locale's words, listed in the editor's note when
    /// `pack.corrections-note` asks for one.
    #[serde(default)]
    pub note: Option<MessageRef>,
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
    /// When the alert was issued, `YYYY-MM-DD`; the packs print it in the locale's words.
    #[serde(default, deserialize_with = "date::date_value")]
    pub date: Option<Ident>,
    /// The last day to act, `YYYY-MM-DD`, if the alert gives one.
    #[serde(default, deserialize_with = "date::date_value")]
    pub act_before: Option<Ident>,
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
    /// What the pack is, for the band at the top of page 1 ("Urgent appeal").
    #[serde(default)]
    pub kind: Option<MessageRef>,
    /// The alert's reference in the band; receives `$id`, the alert's id.
    #[serde(default)]
    pub reference: Option<MessageRef>,
    /// A date in the locale's words; receives `$day`, `$year` (numbers) and `$month` (the
    /// month's name, from the message's attribute `.january` … `.december`). Required when
    /// `[alert]` gives a date.
    #[serde(default)]
    pub date: Option<MessageRef>,
    /// The line that says when the alert was issued; receives `$date`.
    #[serde(default)]
    pub issued: Option<MessageRef>,
    /// The line that says until when to act; receives `$date`.
    #[serde(default)]
    pub act_before: Option<MessageRef>,
    /// Introduces the editor's note that lists the `[[corrections]]` (each by its `note`),
    /// after the last canonical section; receives `$count`. No note without it.
    #[serde(default)]
    pub corrections_note: Option<MessageRef>,
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
    /// Each letter's entry in the PDF outline and the DOCX navigation ("Model letter 2 of 5");
    /// receives `$number` and `$count`. Never printed: the letter is for its recipient.
    #[serde(default)]
    pub kicker: Option<MessageRef>,
    /// Labels of the sender's block at the top of each letter (name, address), each printed
    /// under a line to write on.
    #[serde(default)]
    pub sender: Vec<MessageRef>,
    /// Label of the date line above the recipient's block.
    #[serde(default)]
    pub date: Option<MessageRef>,
    #[serde(default)]
    pub subject: Option<MessageRef>,
    pub body: Vec<BlockConfig>,
    /// Labels under the lines below the closing (signature, printed name), with room to sign
    /// above them.
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
    /// One address entry; receives `$name`, `$role`, `$kind` and `$contact`.
    pub entry: MessageRef,
    /// Between two channels of one addressee.
    pub separator: MessageRef,
    /// Between two lines of a postal address in the address list; required when an address
    /// has several lines.
    #[serde(default)]
    pub line_separator: Option<MessageRef>,
    // Each channel's label; required only when an addressee uses the channel.
    #[serde(default)]
    pub email: Option<MessageRef>,
    #[serde(default)]
    pub x: Option<MessageRef>,
    #[serde(default)]
    pub fax: Option<MessageRef>,
    #[serde(default)]
    pub postal: Option<MessageRef>,
    #[serde(default)]
    pub web: Option<MessageRef>,
    #[serde(default)]
    pub phone: Option<MessageRef>,
    /// The address table's column headings in the DOCX (who, how to reach them): its header
    /// row, which repeats on a new page and which screen readers announce with each cell.
    /// Both or neither; without them the table has no header row.
    #[serde(default)]
    pub addressee_column: Option<MessageRef>,
    #[serde(default)]
    pub contact_column: Option<MessageRef>,
    /// What the address table holds, in one sentence: the DOCX table's description (Word's
    /// "Alt Text"), read out before the table.
    #[serde(default)]
    pub table_description: Option<MessageRef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct AddresseeConfig {
    pub id: Ident,
    /// Message whose value is the name, with `.role`, `.salutation` and `.closing`.
    pub message: MessageRef,
    /// Free text passed as `$kind` to the address entry and the letter's messages, which may
    /// select on it (the shipped alert uses "official" and "mission").
    #[serde(default = "default_kind")]
    pub kind: Ident,
    pub channels: Vec<Channel>,
    /// `false`: listed among the addresses, but no model letter. An addressee that no letter
    /// can reach (no e-mail, postal or fax channel) gets none either way.
    #[serde(default)]
    pub letter: Option<bool>,
    /// This addressee's letter body, replacing `[letters] body`.
    #[serde(default)]
    pub letter_body: Option<Vec<BlockConfig>>,
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

impl AddresseeConfig {
    /// Whether the addressee gets a model letter: a channel a letter can go through (e-mail,
    /// post or fax), and not `letter = false`.
    pub(crate) fn gets_letter(&self) -> bool {
        self.letter != Some(false) && self.channels.iter().any(Channel::carries_letters)
    }

    /// The blocks of this addressee's letter body: its own, or the letters' default.
    pub(crate) fn letter_body<'a>(&'a self, letters: &'a LettersConfig) -> &'a [BlockConfig] {
        self.letter_body.as_deref().unwrap_or(&letters.body)
    }
}

fn default_kind() -> Ident {
    Ident::new("official")
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

    /// The addressees that get a model letter, in the manifest's order (none without
    /// `[letters]`).
    pub(crate) fn letter_addressees(&self) -> impl Iterator<Item = &AddresseeConfig> {
        self.addressees
            .iter()
            .filter(|a| self.letters.is_some() && a.gets_letter())
    }

    /// The message that labels a channel kind in the address list, if `[contacts]` names one.
    pub(crate) fn channel_label(&self, channel: &Channel) -> Option<&MessageRef> {
        let contacts = &self.contacts;
        match channel {
            Channel::Email(_) => contacts.email.as_ref(),
            Channel::X(_) => contacts.x.as_ref(),
            Channel::Postal(_) => contacts.postal.as_ref(),
            Channel::Web(_) => contacts.web.as_ref(),
            Channel::Phone(_) => contacts.phone.as_ref(),
            Channel::Fax(_) => contacts.fax.as_ref(),
        }
    }

    /// Checks what serde cannot: locale ids, references between parts of the manifest.
    pub(crate) fn validate(&self, file: FileId) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let error = |code, message: String, at: &Ident, label: &str| {
            Diagnostic::error(code, message).with_label(file, at.span.clone(), label.to_owned())
        };
        if let Err(problems) = self.check.settings(file, crate::diagnostic::Mode::Appeal) {
            out.extend(problems);
        }
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
                    "add email, postal, fax, phone, web or x",
                ));
            }
        }
        self.validate_dates(file, &mut out);
        self.validate_letters_and_labels(file, &mut out);
        let blocks = self
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .chain(self.letters.iter().flat_map(|l| &l.body))
            .chain(
                self.addressees
                    .iter()
                    .flat_map(|a| a.letter_body.iter().flatten()),
            );
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
        out.extend(self.validate_corrections(file));
        out
    }

    /// Corrections must say what changes, to what and why; a note lists every one or none.
    fn validate_corrections(&self, file: FileId) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let error = |message: String, at: &Ident, label: &str, help: &str| {
            Diagnostic::error(Code::ManifestInvalid, message)
                .with_label(file, at.span.clone(), label.to_owned())
                .with_help(help.to_owned())
        };
        let mut seen = BTreeSet::new();
        for correction in &self.corrections {
            let message = &correction.message;
            let source = collapse_spaces(&correction.source);
            let corrected = collapse_spaces(&correction.corrected);
            if source.is_empty() || corrected.is_empty() {
                let at = if source.is_empty() {
                    &correction.source
                } else {
                    &correction.corrected
                };
                out.push(error(
                    format!("a correction of `{message}` has no words here"),
                    at,
                    "empty",
                    "write the words that change with a word either side, as the source and as corrected",
                ));
            } else if source == corrected {
                out.push(error(
                    format!("a correction of `{message}` changes nothing"),
                    &correction.corrected,
                    "the same as `source`",
                    "write the corrected words, or remove the correction",
                ));
            } else if !seen.insert((message.name.as_str(), source.clone())) {
                out.push(error(
                    format!("`{}` is corrected twice in `{message}`", correction.source),
                    &correction.source,
                    "declared again",
                    "keep one correction of these words",
                ));
            }
            if correction.reason.trim().is_empty() {
                out.push(error(
                    format!("the correction of `{message}` gives no reason"),
                    message,
                    "corrected without a reason",
                    "say why, for the next reader: reason = \"the service is the FSB\"",
                ));
            }
            if self.pack.corrections_note.is_some() && correction.note.is_none() {
                out.push(error(
                    format!("the correction of `{message}` has no `note`, and `pack.corrections-note` lists every correction"),
                    message,
                    "no note",
                    "add note = \"a-message-id\": the correction in each locale's words",
                ));
            }
        }
        out
    }
}

/// Runs of whitespace as one space, none at the ends: as the canonical check compares text.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Manifest {
    /// Each date is a day of the calendar, the deadline is not before the issue, and a
    /// message says how a date reads.
    fn validate_dates(&self, file: FileId, out: &mut Vec<Diagnostic>) {
        let alert = &self.alert;
        let mut parsed = Vec::new();
        for (key, value) in [("date", &alert.date), ("act-before", &alert.act_before)] {
            let Some(value) = value else { continue };
            match IsoDate::parse(value) {
                Ok(date) => parsed.push((key, value, date)),
                Err(problem) => out.push(
                    Diagnostic::error(Code::ManifestInvalid, format!("`alert.{key}`: {problem}"))
                        .with_label(file, value.span.clone(), "not a date"),
                ),
            }
        }
        if let [("date", _, issued), ("act-before", deadline, before)] = parsed.as_slice()
            && before < issued
        {
            out.push(
                Diagnostic::error(
                    Code::ManifestInvalid,
                    format!("`alert.act-before` ({before}) is before the alert's date ({issued})"),
                )
                .with_label(
                    file,
                    deadline.span.clone(),
                    "before the date of issue",
                ),
            );
        }
        if self.pack.date.is_none()
            && let Some(first) = alert.date.as_ref().or(alert.act_before.as_ref())
        {
            out.push(
                Diagnostic::error(
                    Code::ManifestInvalid,
                    "the alert has a date but `[pack]` names no `date` message to write it with",
                )
                .with_label(file, first.span.clone(), "a date to print")
                .with_help("add to [pack]: date = \"date\", a message with $day, $month and $year and the attributes .january … .december"),
            );
        }
    }

    /// Channels have the labels they need, and the letters asked for can be written.
    fn validate_letters_and_labels(&self, file: FileId, out: &mut Vec<Diagnostic>) {
        let contacts = &self.contacts;
        let columns = [
            ("addressee-column", &contacts.addressee_column),
            ("contact-column", &contacts.contact_column),
        ];
        if let [(named, Some(column)), (missing, None)] | [(missing, None), (named, Some(column))] =
            columns
        {
            out.push(
                Diagnostic::error(
                    Code::ManifestInvalid,
                    format!("`[contacts]` names `{named}` but no `{missing}`"),
                )
                .with_label(file, column.span.clone(), "one column's heading")
                .with_help(format!(
                    "name both headings of the address table, or neither: {missing} = \"…\""
                )),
            );
        }
        let mut unlabelled = BTreeSet::new();
        for addressee in &self.addressees {
            for channel in &addressee.channels {
                let kind = channel.kind();
                if self.channel_label(channel).is_none() && unlabelled.insert(kind) {
                    let article = if matches!(kind, "email" | "x") {
                        "an"
                    } else {
                        "a"
                    };
                    out.push(
                        Diagnostic::error(
                            Code::ManifestInvalid,
                            format!("{article} {kind} channel is used but `[contacts]` names no `{kind}` message"),
                        )
                        .with_label(file, channel.span(), format!("first {kind} channel"))
                        .with_help(format!("add to [contacts]: {kind} = \"channel-{kind}\", a message with the label and the value")),
                    );
                }
                if let Channel::Postal(postal) = channel
                    && postal.lines.len() > 1
                    && self.contacts.line_separator.is_none()
                    && unlabelled.insert("line-separator")
                {
                    out.push(
                        Diagnostic::error(
                            Code::ManifestInvalid,
                            "a postal address has several lines but `[contacts]` names no `line-separator` message",
                        )
                        .with_label(file, postal.span.clone(), "several lines")
                        .with_help("add to [contacts]: line-separator = \"postal-line-separator\", the text between two lines in the address list (\", \" in English)"),
                    );
                }
            }
            if let Some(body) = &addressee.letter_body {
                let problem = if self.letters.is_none() {
                    Some("the manifest has no [letters]")
                } else if !addressee.gets_letter() {
                    Some("this addressee gets no letter")
                } else if body.is_empty() {
                    Some("it is empty")
                } else {
                    None
                };
                if let Some(problem) = problem {
                    out.push(
                        Diagnostic::error(
                            Code::ManifestInvalid,
                            format!(
                                "the letter body of `{}` is never used: {problem}",
                                addressee.id
                            ),
                        )
                        .with_label(
                            file,
                            addressee.id.span.clone(),
                            "this addressee",
                        ),
                    );
                }
            }
            if addressee.letter == Some(true)
                && !addressee.channels.iter().any(Channel::carries_letters)
            {
                out.push(
                    Diagnostic::error(
                        Code::ManifestInvalid,
                        format!("`{}` asks for a letter but has no channel a letter can go through", addressee.id),
                    )
                    .with_label(file, addressee.id.span.clone(), "letter = true")
                    .with_note("a letter goes by e-mail, post or fax; X, a web form and a telephone get the address list's entry (and the suggested post, for X)")
                    .with_help("add an email, postal or fax channel, or remove `letter = true`"),
                );
            }
        }
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

    #[test]
    fn the_address_table_has_both_column_headings_or_neither() {
        let both = MINIMAL.replace(
            "x = \"x\"",
            "x = \"x\"\naddressee-column = \"who\"\ncontact-column = \"how\"",
        );
        let manifest = Manifest::parse(&both, FileId(0)).unwrap();
        assert!(manifest.validate(FileId(0)).is_empty());
        let one = MINIMAL.replace("x = \"x\"", "x = \"x\"\ncontact-column = \"how\"");
        let manifest = Manifest::parse(&one, FileId(0)).unwrap();
        let problems = manifest.validate(FileId(0));
        assert_eq!(
            problems[0].message,
            "`[contacts]` names `contact-column` but no `addressee-column`"
        );
        assert_eq!(&one[problems[0].labels[0].span.clone()], "\"how\"");
    }
}
