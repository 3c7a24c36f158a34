//! Building an `AppealPack` from a locale's Fluent messages and the manifest's outline.

use std::collections::BTreeSet;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;
use unic_langid::CharacterDirection;

use super::{
    AddressTable, AlertDate, AppealPack, Band, Block, Direction, FooterPiece, Inline, Metadata,
    Para, Part, PartKind, WebLabels,
};
use crate::chars::{is_bidi_control, lowercase_first};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{Locale, Tree};
use crate::manifest::{AddresseeConfig, BlockConfig, Ident, IsoDate, Manifest, MessageRef};

type Bundle = FluentBundle<Arc<FluentResource>>;

/// The optional attribute of an addressee's message that words a letter's inside address in
/// the locale's own way (see `recipient_lines`); the checker accepts it in any locale.
pub const RECIPIENT_ATTRIBUTE: &str = "recipient";

#[derive(Debug, Clone, Default)]
pub struct ModelOptions {
    /// Take a message missing from the locale from the reference locale (and record it),
    /// instead of failing.
    pub allow_fallback: bool,
    /// Overrides the direction the locale id implies.
    pub direction: Option<Direction>,
    /// Build a pseudo-locale from this locale's messages (normally the reference).
    pub pseudo: Option<super::pseudo::Pseudo>,
    /// A draft for the translator: when messages fell back to the reference, open the pack
    /// with a notice that names them, so a work-in-progress PDF is never mistaken for a
    /// finished one. Releases leave it off.
    pub mark_fallbacks: bool,
}

/// Builds the pack of `locale`. Any message that is missing or cannot be formatted is an error;
/// all of them are reported together.
pub fn build_pack(
    tree: &Tree,
    locale: &str,
    options: &ModelOptions,
) -> Result<AppealPack, Diagnostics> {
    let Some(manifest) = tree.manifest() else {
        let error = Diagnostic::error(Code::ManifestInvalid, "building a pack needs a manifest");
        return Err(Diagnostics(vec![error]));
    };
    let Some(source) = tree.locale(locale) else {
        let error = Diagnostic::error(
            Code::LocaleFolder,
            format!("locale `{locale}` was not loaded"),
        );
        return Err(Diagnostics(vec![error]));
    };
    let fallback = options
        .allow_fallback
        .then(|| tree.reference_locale())
        .flatten()
        .filter(|reference| reference.id != locale)
        .map(|reference| (reference, bundle_for(reference)));
    let mut builder = Builder {
        tree,
        manifest,
        locale: source,
        bundle: {
            let mut bundle = bundle_for(source);
            if let Some(pseudo) = options.pseudo {
                bundle.set_transform(Some(pseudo.transform()));
            }
            bundle
        },
        fallback,
        diagnostics: Diagnostics::default(),
        fallbacks: BTreeSet::new(),
    };
    let mut pack = builder.pack(options);
    if let Some(pseudo) = options.pseudo {
        pack.locale = pseudo.locale_id().to_owned();
        pack.direction = pseudo.direction();
    }
    if builder.diagnostics.has_errors() {
        return Err(builder.diagnostics);
    }
    if options.mark_fallbacks {
        mark_fallbacks(&mut pack, &tree.reference);
    }
    Ok(pack)
}

/// Opens the first part of a draft with a notice naming the messages in the reference text.
/// The notice is in English on purpose: it speaks to the translator, not to the readers.
fn mark_fallbacks(pack: &mut AppealPack, reference: &str) {
    if pack.fallbacks.is_empty() {
        return;
    }
    let notice = Para {
        source: "draft-notice".into(),
        inlines: vec![Inline {
            strong: true,
            // Isolated left to right, so that in a right-to-left pack the English sentence keeps
            // its order (its full stop at the end, not the start), as Fluent isolates arguments.
            ..Inline::plain(format!(
                "\u{2066}Draft, not for distribution: {} message(s) of this pack are still in the reference language ({reference}), standing in for missing translations: {}.\u{2069}",
                pack.fallbacks.len(),
                pack.fallbacks.join(", ")
            ))
        }],
    };
    if let Some(first) = pack.parts.first_mut() {
        first.blocks.insert(0, Block::Paragraph(notice));
    }
}

/// The letter's e-mail links carry its subject (`mailto:a@b.org?subject=…`, RFC 6068), so
/// clicking the address in a PDF or DOCX letter starts the right e-mail. The address list
/// keeps the bare address: it is not one letter's.
fn with_subject(recipient: &mut super::Recipient, subject: &str) {
    let subject = crate::chars::percent_encode(subject, b"-._~");
    for inline in recipient
        .channels
        .iter_mut()
        .flat_map(|p| p.inlines.iter_mut())
    {
        if let Some(link) = &mut inline.link {
            let is_mail = link
                .get(..7)
                .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"));
            if is_mail && !link.contains('?') && !subject.is_empty() {
                link.push_str("?subject=");
                link.push_str(&subject);
            }
        }
    }
}

/// A bundle with every file of the locale; duplicates keep their first definition.
fn bundle_for(locale: &Locale) -> Bundle {
    let mut bundle = FluentBundle::new(vec![locale.langid.clone()]);
    for file in &locale.files {
        // Duplicate ids are reported by the loader; the bundle keeps the first.
        let _ = bundle.add_resource(file.resource.clone());
    }
    // NUMBER() is documented as available to translators.
    let _ = bundle.add_builtins();
    // Counts, dates and letter numbers in the locale's digits (۱۲ in Persian).
    bundle.set_formatter(Some(super::numbers::fluent_number));
    bundle
}

/// Values for `{ $variables }` that stand for rich text (bold names, links): each is passed to
/// Fluent as one private-use character, found again in the output and replaced by its inlines.
/// This keeps word order entirely in the translator's hands.
pub(super) struct RichArgs(pub(super) Vec<(&'static str, Vec<Inline>)>);

const SENTINEL_BASE: u32 = 0xF0000;

fn is_sentinel(c: char) -> bool {
    (SENTINEL_BASE..SENTINEL_BASE + 0x100).contains(&(c as u32))
}

fn sentinel(index: usize) -> char {
    char::from_u32(SENTINEL_BASE + index as u32).expect("few rich arguments")
}

pub(super) struct Builder<'t> {
    tree: &'t Tree,
    pub(super) manifest: &'t Manifest,
    locale: &'t Locale,
    bundle: Bundle,
    fallback: Option<(&'t Locale, Bundle)>,
    pub(super) diagnostics: Diagnostics,
    fallbacks: BTreeSet<String>,
}

impl Builder<'_> {
    fn pack(&mut self, options: &ModelOptions) -> AppealPack {
        let manifest = self.manifest;
        let pack_config = &manifest.pack;
        let direction =
            options
                .direction
                .unwrap_or(match self.locale.langid.character_direction() {
                    CharacterDirection::RTL => Direction::Rtl,
                    _ => Direction::Ltr,
                });
        let no_args = FluentArgs::new();
        // `$count` counts letters: an addressee no letter reaches is listed but not counted.
        let letter_count = manifest.letter_addressees().count();
        let mut doc_args = FluentArgs::new();
        doc_args.set("count", letter_count);

        let meta = Metadata {
            title: self.text(&pack_config.title, &no_args),
            subtitle: pack_config
                .subtitle
                .as_ref()
                .map(|m| self.text(m, &no_args)),
            subject: pack_config.subject.as_ref().map(|m| self.text(m, &no_args)),
            author: pack_config.author.as_ref().map(|m| self.text(m, &no_args)),
        };
        let language_name = self.text(&pack_config.language_name, &no_args);
        let footer = self.footer(&pack_config.footer);
        let issued = self.date(&manifest.alert.date, pack_config.issued.as_ref());
        let act_before = self.date(&manifest.alert.act_before, pack_config.act_before.as_ref());
        let dates = [&issued, &act_before]
            .into_iter()
            .flatten()
            .filter_map(|d| d.line.clone())
            .collect();
        let band = self.band(dates);

        let mut parts = Vec::new();
        for section in &manifest.sections {
            let heading = section
                .heading
                .as_ref()
                .map(|m| self.para(m, &doc_args, RichArgs(Vec::new())));
            let mut blocks = self.blocks(&section.blocks, &doc_args);
            // The suggested posts close the section that lists their addressees.
            let listed: Vec<&AddresseeConfig> = section
                .blocks
                .iter()
                .flat_map(|b| match b {
                    BlockConfig::Addresses(ids) => ids.as_slice(),
                    _ => &[],
                })
                .filter_map(|id| manifest.addressee(id))
                .collect();
            blocks.extend(self.posts(&listed));
            parts.push(Part {
                id: section.id.name.clone(),
                kind: PartKind::Section,
                canonical: section.canonical,
                new_page: false,
                kicker: None,
                heading,
                outline: None,
                blocks,
            });
        }
        if let Some(note) = self.corrections_note() {
            // After the text that reproduces the source, which is what it speaks about.
            let at = parts
                .iter()
                .rposition(|p| p.canonical)
                .map_or(parts.len(), |i| i + 1);
            parts.insert(at, note);
        }
        for (index, addressee) in manifest.letter_addressees().enumerate() {
            let letter = self.letter(addressee, index + 1, letter_count);
            parts.push(letter);
        }

        AppealPack {
            alert_id: manifest.alert.id.name.clone(),
            locale: self.locale.id.clone(),
            direction,
            language_name,
            fonts: manifest.fonts.for_locale(&self.locale.id).to_vec(),
            meta,
            band,
            issued,
            act_before,
            footer,
            numbers: super::Numbers::new(&self.locale.id),
            parts,
            fallbacks: self.fallbacks.iter().cloned().collect(),
            names: self.names(),
            web: self.web_labels(),
            address_table: self.address_table(),
        }
    }

    fn address_table(&mut self) -> AddressTable {
        let contacts = &self.manifest.contacts;
        let (addressee, contact, description) = (
            contacts.addressee_column.clone(),
            contacts.contact_column.clone(),
            contacts.table_description.clone(),
        );
        let mut label = |m: &MessageRef| -> String {
            self.text(m, &FluentArgs::new())
                .chars()
                .filter(|c| !is_bidi_control(*c))
                .collect()
        };
        AddressTable {
            columns: addressee
                .zip(contact)
                .map(|(addressee, contact)| [label(&addressee), label(&contact)]),
            description: description.map(|d| label(&d)),
        }
    }

    fn web_labels(&mut self) -> Option<WebLabels> {
        let web = self.manifest.web.as_ref()?;
        let no_args = FluentArgs::new();
        let mut label = |m: &MessageRef| -> String {
            self.text(m, &no_args)
                .chars()
                .filter(|c| !is_bidi_control(*c))
                .collect()
        };
        Some(WebLabels {
            act_now: label(&web.act_now),
            send_letter: label(&web.send_letter),
            post_on_x: label(&web.post_on_x),
            copy_letter: label(&web.copy_letter),
            read_online: label(&web.read_online),
        })
    }

    /// The pack's proper names: each addressee's name, and the values of the reference
    /// locale's terms (the names that recur, such as the organisation's, as they read before
    /// translation). Read quietly: a message that cannot be formatted is reported where the
    /// pack uses it.
    fn names(&self) -> Vec<String> {
        let mut names = BTreeSet::new();
        for addressee in &self.manifest.addressees {
            let pattern = self
                .bundle
                .get_message(&addressee.message.name)
                .and_then(|m| m.value());
            if let Some(pattern) = pattern {
                let mut errors = Vec::new();
                let name = self.bundle.format_pattern(pattern, None, &mut errors);
                names.insert(name.chars().filter(|c| !is_bidi_control(*c)).collect());
            }
        }
        let terms = self
            .tree
            .reference_locale()
            .into_iter()
            .flat_map(|l| &l.files)
            .flat_map(|f| f.resource.entries())
            .filter_map(|entry| match entry {
                ast::Entry::Term(term) => Some(&term.value),
                _ => None,
            });
        for pattern in terms {
            let mut text = String::new();
            pattern_text(pattern, &mut text);
            names.insert(text);
        }
        names.retain(|name: &String| !name.trim().is_empty());
        names.into_iter().collect()
    }

    /// The editor's note that lists the declared corrections, when the manifest asks for one:
    /// its introduction (with `$count`), then each correction's `note`, in the locale's words.
    fn corrections_note(&mut self) -> Option<Part> {
        let intro = self.manifest.pack.corrections_note.as_ref()?;
        let notes: Vec<&MessageRef> = self
            .manifest
            .corrections
            .iter()
            .filter_map(|c| c.note.as_ref())
            .collect();
        if notes.is_empty() {
            return None;
        }
        let mut args = FluentArgs::new();
        args.set("count", notes.len());
        let intro = self.para(intro, &args, RichArgs(Vec::new()));
        let items = notes
            .into_iter()
            .map(|m| self.para(m, &FluentArgs::new(), RichArgs(Vec::new())))
            .collect();
        Some(Part {
            id: "corrections-note".into(),
            kind: PartKind::Section,
            canonical: false,
            new_page: false,
            kicker: None,
            heading: None,
            outline: None,
            blocks: vec![Block::Paragraph(intro), Block::List(items)],
        })
    }

    fn blocks(&mut self, configs: &[BlockConfig], args: &FluentArgs) -> Vec<Block> {
        let mut blocks = Vec::new();
        for config in configs {
            match config {
                BlockConfig::Paragraph(m) => {
                    blocks.push(Block::Paragraph(self.para(m, args, RichArgs(Vec::new()))))
                }
                BlockConfig::Paragraphs(ms) => {
                    for m in ms {
                        blocks.push(Block::Paragraph(self.para(m, args, RichArgs(Vec::new()))));
                    }
                }
                BlockConfig::List(ms) => {
                    let items = ms
                        .iter()
                        .map(|m| self.para(m, args, RichArgs(Vec::new())))
                        .collect();
                    blocks.push(Block::List(items));
                }
                BlockConfig::Addresses(ids) => {
                    let entries = ids
                        .iter()
                        .filter_map(|id| self.manifest.addressee(id))
                        .map(|a| self.address_entry(a))
                        .collect();
                    blocks.push(Block::Addresses(entries));
                }
            }
        }
        blocks
    }

    fn letter(&mut self, addressee: &AddresseeConfig, number: usize, count: usize) -> Part {
        let letters = self
            .manifest
            .letters
            .as_ref()
            .expect("only addressees of [letters] get one");
        let mut args = self.addressee_args(addressee);
        args.set("number", number);
        args.set("count", count);

        let mut recipient = self.recipient(addressee);
        recipient.wording = self.recipient_wording(addressee);
        // The letter is for its recipient: "Model letter 2 of 5" names it in the outline only.
        let name = recipient.name.text();
        let outline = match &letters.kicker {
            Some(m) => format!("{}: {name}", self.text(m, &args)),
            None => name,
        };

        let mut blocks = Vec::new();
        if !letters.sender.is_empty() {
            let fields = letters
                .sender
                .iter()
                .map(|m| self.para(m, &args, RichArgs(Vec::new())))
                .collect();
            blocks.push(Block::Sender(fields));
        }
        if let Some(date) = &letters.date {
            blocks.push(Block::Date(self.para(date, &args, RichArgs(Vec::new()))));
        }
        let subject = letters
            .subject
            .as_ref()
            .map(|m| self.para(m, &args, RichArgs(Vec::new())));
        if let Some(subject) = &subject {
            with_subject(&mut recipient, &subject.text());
        }
        blocks.push(Block::Recipient(recipient));
        if let Some(subject) = subject {
            blocks.push(Block::Subject(subject));
        }
        let salutation = attribute(&addressee.message, "salutation");
        blocks.push(Block::Salutation(self.para(
            &salutation,
            &args,
            RichArgs(Vec::new()),
        )));
        blocks.extend(self.blocks(addressee.letter_body(letters), &args));
        let closing = attribute(&addressee.message, "closing");
        blocks.push(Block::Closing(self.para(
            &closing,
            &args,
            RichArgs(Vec::new()),
        )));
        if !letters.signature.is_empty() {
            let fields = letters
                .signature
                .iter()
                .map(|m| self.para(m, &args, RichArgs(Vec::new())))
                .collect();
            blocks.push(Block::Signature(fields));
        }
        Part {
            id: format!("letter-{}", addressee.id),
            kind: PartKind::Letter,
            canonical: false,
            new_page: true,
            kicker: None,
            heading: None,
            outline: Some(outline),
            blocks,
        }
    }

    /// The band of page 1, when `[pack] kind` names what the pack is or the alert has dates:
    /// the dates print nowhere else, so an alert that states them always has a band.
    fn band(&mut self, dates: Vec<Para>) -> Option<Band> {
        let pack = &self.manifest.pack;
        if pack.kind.is_none() && dates.is_empty() {
            return None;
        }
        let no_args = FluentArgs::new();
        let kind = pack
            .kind
            .as_ref()
            .map(|k| self.para(k, &no_args, RichArgs(Vec::new())));
        let organisation = pack
            .author
            .as_ref()
            .map(|m| self.para(m, &no_args, RichArgs(Vec::new())));
        let id = self.manifest.alert.id.name.clone();
        let reference = match &pack.reference {
            Some(m) => {
                let mut args = FluentArgs::new();
                args.set("id", id);
                self.para(m, &args, RichArgs(Vec::new()))
            }
            None => Para::plain("alert.id", id),
        };
        Some(Band {
            kind,
            organisation,
            reference,
            dates,
        })
    }

    /// The locale's own wording of a letter's inside address, from the addressee's optional
    /// `.recipient` attribute, one line per line of its value: Russian and Ukrainian address a
    /// letter in the dative («Министру иностранных дел … С. В. Лаврову»), while the address
    /// list keeps the nominative. Empty without one (the name and position stand there).
    fn recipient_wording(&mut self, addressee: &AddresseeConfig) -> Vec<Para> {
        let wording = attribute(&addressee.message, RECIPIENT_ATTRIBUTE);
        // Only the locale's own wording: the reference's would be in another language.
        let (id, attr) = split_ref(&wording);
        if find_pattern(&self.bundle, id, attr).is_some() {
            let text = self.text(&wording, &FluentArgs::new());
            let lines: Vec<Para> = text
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(|line| Para::plain(wording.name.clone(), line))
                .collect();
            return lines;
        }
        Vec::new()
    }

    /// A date of the alert in the locale's words, and its labelled line if a message is named.
    fn date(&mut self, value: &Option<Ident>, label: Option<&MessageRef>) -> Option<AlertDate> {
        let date = IsoDate::parse(value.as_ref()?).ok()?;
        // Validation makes sure a dated alert names its date message.
        let message = self.manifest.pack.date.as_ref()?;
        let month = self.text(&attribute(message, date.month_key()), &FluentArgs::new());
        let mut args = FluentArgs::new();
        args.set("day", date.day);
        args.set("month", month);
        args.set("year", date.year);
        let text = self.text(message, &args);
        let line = label.map(|label| {
            let mut args = FluentArgs::new();
            args.set("date", text.clone());
            self.para(label, &args, RichArgs(Vec::new()))
        });
        Some(AlertDate {
            iso: date.to_string(),
            text,
            source: message.name.clone(),
            line,
        })
    }

    fn footer(&mut self, message: &MessageRef) -> Vec<FooterPiece> {
        let mut args = FluentArgs::new();
        args.set("page", sentinel(0).to_string());
        args.set("pages", sentinel(1).to_string());
        let text = self.format(message, &args);
        let text =
            self.without_own_sentinels(message, &FluentArgs::new(), &["page", "pages"], text);
        let mut pieces = Vec::new();
        let mut current = String::new();
        for c in text.chars() {
            let piece = match c {
                c if c == sentinel(0) => FooterPiece::Page,
                c if c == sentinel(1) => FooterPiece::Pages,
                c => {
                    current.push(c);
                    continue;
                }
            };
            if !current.is_empty() {
                pieces.push(FooterPiece::Text(std::mem::take(&mut current)));
            }
            pieces.push(piece);
        }
        if !current.is_empty() {
            pieces.push(FooterPiece::Text(current));
        }
        pieces
    }

    /// Plain text (titles, names, metadata) without Fluent's isolation marks, which only make
    /// sense around a placeable inside a paragraph. Explicit controls a text carries (an RLM in
    /// Arabic, the overrides of the mirrored pseudo-locale) stay: they shape how it is drawn.
    pub(super) fn text(&mut self, message: &MessageRef, args: &FluentArgs) -> String {
        self.format(message, args)
            .chars()
            .filter(|c| !super::is_isolation_mark(*c))
            .collect()
    }

    /// A paragraph whose `rich` variables become styled or linked inlines.
    pub(super) fn para(&mut self, message: &MessageRef, args: &FluentArgs, rich: RichArgs) -> Para {
        let mut all_args = FluentArgs::new();
        for (key, value) in args.iter() {
            all_args.set(key.to_owned(), value.clone());
        }
        for (index, (name, _)) in rich.0.iter().enumerate() {
            all_args.set(*name, sentinel(index).to_string());
        }
        let text = self.format(message, &all_args);
        let names: Vec<&str> = rich.0.iter().map(|(name, _)| *name).collect();
        let text = self.without_own_sentinels(message, args, &names, text);
        let mut inlines: Vec<Inline> = Vec::new();
        let mut current = String::new();
        for c in text.chars() {
            let index = (c as u32).wrapping_sub(SENTINEL_BASE) as usize;
            match rich.0.get(index) {
                Some((_, rich_inlines)) => {
                    if !current.is_empty() {
                        inlines.push(Inline::plain(std::mem::take(&mut current)));
                    }
                    inlines.extend(rich_inlines.iter().cloned());
                }
                None => current.push(c),
            }
        }
        if !current.is_empty() {
            inlines.push(Inline::plain(current));
        }
        Para {
            source: message.name.clone(),
            inlines: merge_plain(inlines),
        }
    }

    /// `text` (formatted with sentinels for the variables `names`) with any sentinel that the
    /// message's own text holds removed and reported: a translation containing U+F0000 must not
    /// turn into a copy of a name or a link, or into a page number.
    fn without_own_sentinels(
        &mut self,
        message: &MessageRef,
        args: &FluentArgs,
        names: &[&str],
        text: String,
    ) -> String {
        if !text.chars().any(is_sentinel) {
            return text;
        }
        let mut plain_args = FluentArgs::new();
        for (key, value) in args.iter() {
            plain_args.set(key.to_owned(), value.clone());
        }
        for name in names {
            plain_args.set(*name, "");
        }
        // Formatted again only to see the message's own text; its problems are reported once.
        let mark = self.diagnostics.0.len();
        let own = self.format(message, &plain_args);
        self.diagnostics.0.truncate(mark);
        let Some(c) = own.chars().find(|&c| is_sentinel(c)) else {
            return text;
        };
        let (id, _) = split_ref(message);
        // The message may have come from the reference locale (fallback): point at it there.
        let (from, location) = match self.locale.entries.get(id) {
            Some(location) => (self.locale, Some(location)),
            None => match self.fallback.as_ref() {
                Some((reference, _)) => (*reference, reference.entries.get(id)),
                None => (self.locale, None),
            },
        };
        let mut diagnostic = Diagnostic::error(
            Code::MissingGlyph,
            format!(
                "`{message}` contains U+{:04X}, a private-use character that no font prints",
                c as u32
            ),
        )
        .in_locale(from.id.clone())
        .for_message(message.name.clone())
        .with_note("appealpack uses such characters to place names and links in the text")
        .with_help("remove it");
        if let Some(location) = location {
            diagnostic =
                diagnostic.with_label(location.file, location.span.clone(), "in this message");
        }
        self.diagnostics.push(diagnostic);
        text.chars().filter(|&c| !is_sentinel(c)).collect()
    }

    /// Formats `id` or `id.attribute`; reports a missing message or any resolver error.
    fn format(&mut self, message: &MessageRef, args: &FluentArgs) -> String {
        let (id, attribute) = split_ref(message);
        let mut errors = Vec::new();
        let (text, from) = if let Some(pattern) = find_pattern(&self.bundle, id, attribute) {
            (
                self.bundle
                    .format_pattern(pattern, Some(args), &mut errors)
                    .into_owned(),
                self.locale,
            )
        } else if let Some(pattern) = self
            .fallback
            .as_ref()
            .and_then(|(_, b)| find_pattern(b, id, attribute))
        {
            let (reference, bundle) = self.fallback.as_ref().expect("checked above");
            self.fallbacks.insert(message.name.clone());
            (
                bundle
                    .format_pattern(pattern, Some(args), &mut errors)
                    .into_owned(),
                *reference,
            )
        } else {
            let what = if attribute.is_some() {
                "attribute"
            } else {
                "message"
            };
            let code = if attribute.is_some() {
                Code::MissingAttribute
            } else {
                Code::MissingMessage
            };
            let mut diagnostic = Diagnostic::error(code, format!("missing {what} `{message}`"))
                .in_locale(self.locale.id.clone())
                .for_message(message.name.clone());
            if message.span != (0..0) {
                diagnostic =
                    diagnostic.with_label(self.manifest_file(), message.span.clone(), "used here");
            }
            self.diagnostics.push(diagnostic);
            return format!("{{{message}}}");
        };
        for error in errors {
            let mut diagnostic = Diagnostic::error(
                Code::ResolveError,
                format!("cannot format `{message}`: {}", describe_error(&error)),
            )
            .in_locale(from.id.clone())
            .for_message(message.name.clone());
            if let Some(location) = from.entries.get(id) {
                diagnostic =
                    diagnostic.with_label(location.file, location.span.clone(), "in this message");
            }
            self.diagnostics.push(diagnostic);
        }
        text
    }

    pub(super) fn manifest_file(&self) -> crate::source::FileId {
        self.tree
            .manifest_file()
            .expect("a pack is built from a manifest")
    }
}

/// The literal text of a pattern, every variant of its selections included.
fn pattern_text(pattern: &ast::Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Select { variants, .. } => {
                    for variant in variants {
                        out.push(' ');
                        pattern_text(&variant.value, out);
                    }
                }
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    out.push_str(value)
                }
                _ => out.push(' '),
            },
        }
    }
}

fn find_pattern<'b>(
    bundle: &'b Bundle,
    id: &str,
    attribute: Option<&str>,
) -> Option<&'b ast::Pattern<&'b str>> {
    let message = bundle.get_message(id)?;
    match attribute {
        Some(name) => message.get_attribute(name).map(|a| a.value()),
        None => message.value(),
    }
}

fn split_ref(message: &str) -> (&str, Option<&str>) {
    match message.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (message, None),
    }
}

pub(super) fn attribute(message: &MessageRef, name: &str) -> MessageRef {
    MessageRef {
        name: format!("{}.{name}", message.name),
        span: message.span.clone(),
    }
}

/// Joins neighbouring inlines of the same style, so the model is the same however the text
/// was assembled.
fn merge_plain(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        if inline.text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if last.strong == inline.strong
                    && last.emphasis == inline.emphasis
                    && last.link.is_none()
                    && inline.link.is_none() =>
            {
                last.text.push_str(&inline.text)
            }
            _ => out.push(inline),
        }
    }
    out
}

/// A Fluent formatting error in words: fluent-bundle's own say "resolver error: Too many
/// placeables" and leave out the limit.
fn describe_error(error: &fluent_bundle::FluentError) -> String {
    use fluent_bundle::FluentError;
    use fluent_bundle::resolver::ResolverError;
    match error {
        FluentError::ResolverError(ResolverError::TooManyPlaceables) => {
            "it has more than 100 placeables (counting those of the messages and terms it uses), \
             the most Fluent formats in one message"
                .into()
        }
        FluentError::ResolverError(ResolverError::Cyclic) => {
            "it refers, through other messages or terms, back to itself".into()
        }
        FluentError::ResolverError(other) => lowercase_first(&other.to_string()),
        other => lowercase_first(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reserved_character_in_a_translation_is_an_error_not_a_link() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut files = crate::load::MemoryFiles::new();
        for path in [
            "manifest.toml",
            "canonical.txt",
            "en/main.ftl",
            "fr/main.ftl",
        ] {
            let mut text = std::fs::read_to_string(root.join(path)).unwrap();
            if path == "fr/main.ftl" {
                // U+F0000 stands for the first rich argument: here, the e-mail link.
                text = text.replace(
                    "Courriel : { $address }",
                    "Courriel\u{F0000} : { $address }",
                );
                text = text.replace("Page { $page }", "Page\u{F0001} { $page }");
            }
            files.insert(root.join(path), text);
        }
        let tree = crate::load::load_from_memory(&files, &root).unwrap();
        let mut errors = build_pack(&tree, "fr", &ModelOptions::default()).unwrap_err();
        // As reported: sorted by position, the e-mail channel (used twice) said once.
        errors.sort();
        let messages: Vec<&str> = errors.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`footer-page` contains U+F0001, a private-use character that no font prints",
                "`channel-email` contains U+F0000, a private-use character that no font prints",
            ]
        );
        let label = errors.0[1].primary().expect("points at the message");
        assert!(tree.sources.path(label.file).ends_with("fr/main.ftl"));
    }

    #[test]
    fn plain_inlines_merge_but_links_stay_apart() {
        let link = Inline {
            link: Some("mailto:a@b.c".into()),
            ..Inline::plain("a@b.c")
        };
        let merged = merge_plain(vec![
            Inline::plain("E-mail"),
            Inline::plain(": "),
            link.clone(),
            Inline::plain(""),
        ]);
        assert_eq!(merged, vec![Inline::plain("E-mail: "), link]);
    }
}
